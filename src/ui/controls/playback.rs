//! Play / pause, one step, reset, the speed and the stop.

use leptos::prelude::*;

use crate::params::{Control, MIN_SPEED, STOP_RANGE};

use super::field::{NumberField, Rule};
use crate::ui::controller::use_controller;
use crate::ui::text::{use_text, words};

#[component]
pub fn Playback() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    let playing = ctrl.playing();
    let max_speed = ctrl.max_speed();
    let speed_rule = Signal::derive(move || Rule::real(MIN_SPEED, f64::from(max_speed.get())));
    let stop_rule = Rule::whole(STOP_RANGE.min as f64, STOP_RANGE.max as f64).optional();

    view! {
        <div class="playback" role="group" aria-label=words(|t| t.run_legend)>
            <div class="buttons">
                <button
                    type="button"
                    id="play"
                    class="primary"
                    aria-pressed=move || if playing.get() { "true" } else { "false" }
                    on:click=move |_| ctrl.toggle_play()
                >
                    {move || if playing.get() { text.get().pause } else { text.get().play }}
                </button>
                <button type="button" id="step" on:click=move |_| ctrl.step()>
                    {words(|t| t.step)}
                </button>
                <button type="button" id="reset" on:click=move |_| ctrl.reset()>
                    {words(|t| t.reset)}
                </button>
            </div>
            <NumberField
                id="speed"
                label=words(|t| t.speed_label)
                rule=speed_rule
                value=Signal::derive(move || settings.with(|s| Some(s.speed)))
                on_commit=Callback::new(move |value: Option<f64>| {
                    if let Some(value) = value {
                        ctrl.update(|s| s.speed = value);
                    }
                })
                live=true
                hint=Signal::derive(move || (text.get().speed_hint)(max_speed.get()))
                hidden=ctrl.hidden(Control::Speed)
                control=Control::Speed
            />
            <NumberField
                id="max-epochs"
                label=words(|t| t.max_epochs_label)
                rule=stop_rule
                value=Signal::derive(move || settings.with(|s| s.stop_at.map(|n| n as f64)))
                on_commit=Callback::new(move |value: Option<f64>| {
                    ctrl.update(|s| s.stop_at = value.map(|n| n as u64));
                })
                placeholder=words(|t| t.max_epochs_placeholder)
                hidden=ctrl.hidden(Control::Epochs)
                control=Control::Epochs
            />
        </div>
    }
}
