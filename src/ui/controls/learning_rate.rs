//! `#lr`, the learning rate itself, and `#lr-slider`, its log-scale slider.
//! Both edit the same setting, so they always agree. Rprop has no learning
//! rate: both are disabled and a hint says what Rprop uses instead.

use leptos::prelude::*;

use crate::params::Control;
use crate::rnn::OptimizerKind;
use crate::rnn::optim::Hyper;

use super::field::{NumberField, Rule};
use crate::ui::controller::use_controller;
use crate::ui::text::words;

/// The slider spans 10^SLIDER_MIN .. 10^SLIDER_MAX.
pub const SLIDER_MIN: f64 = -6.0;
pub const SLIDER_MAX: f64 = 0.0;
/// Slider positions are hundredths of a decade.
const SLIDER_STEP: f64 = 0.01;

/// The slider position for `lr` (pinned at the ends outside 1e-6..1).
pub fn slider_position(lr: f64) -> f64 {
    if lr > 0.0 && lr.is_finite() {
        lr.log10().clamp(SLIDER_MIN, SLIDER_MAX)
    } else {
        SLIDER_MIN
    }
}

/// The learning rate at a slider position, to 3 significant digits so the
/// box shows 0.00102 rather than 0.0010232929922807535.
pub fn lr_at(position: f64) -> f64 {
    let lr = 10f64.powf(position.clamp(SLIDER_MIN, SLIDER_MAX));
    format!("{lr:.2e}").parse().unwrap_or(lr)
}

#[component]
pub fn LearningRate() -> impl IntoView {
    let ctrl = use_controller();
    let limits = Hyper::Lr.limits();
    let no_lr = ctrl.setting(|s| s.optimizer.kind == OptimizerKind::Rprop);
    let lr = ctrl.setting(|s| s.optimizer[Hyper::Lr]);

    view! {
        <NumberField
            id="lr"
            label=words(|t| t.lr_label)
            rule=Rule::real(limits.min, limits.max).positive()
            value=Signal::derive(move || Some(lr.get()))
            on_commit=Callback::new(move |value: Option<f64>| {
                if let Some(value) = value {
                    ctrl.update(|s| s.optimizer[Hyper::Lr] = value);
                }
            })
            live=true
            disabled=no_lr
            hidden=ctrl.hidden(Control::Hyper(Hyper::Lr))
            control=Control::Hyper(Hyper::Lr)
        >
            <div class="slider-row">
                <input
                    id="lr-slider"
                    type="range"
                    min=SLIDER_MIN
                    max=SLIDER_MAX
                    step=SLIDER_STEP
                    prop:value=move || format!("{:.2}", slider_position(lr.get()))
                    disabled=move || no_lr.get()
                    on:input=move |event| {
                        if let Ok(position) = event_target_value(&event).parse::<f64>() {
                            let value = lr_at(position);
                            ctrl.update(|s| s.optimizer[Hyper::Lr] = value);
                        }
                    }
                />
                <label for="lr-slider" class="slider-label">{words(|t| t.lr_slider_label)}</label>
            </div>
            <p class="hint" id="lr-rprop-hint" hidden=move || !no_lr.get()>
                {words(|t| t.lr_rprop_hint)}
            </p>
        </NumberField>
    }
}
