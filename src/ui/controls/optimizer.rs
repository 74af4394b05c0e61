//! The update rule, its hyperparameters and gradient clipping. None of these
//! restart training: the trainer takes the new settings and goes on.

use leptos::prelude::*;

use crate::params::Control;
use crate::rnn::optim::Hyper;

use super::field::{NumberField, Rule};
use super::learning_rate::LearningRate;
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::{on_choice, options_of};
use crate::ui::text::{use_text, words};

#[component]
pub fn OptimizerControls() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let menu_hidden = ctrl.hidden(Control::Opt);
    // A memo, so typing a hyperparameter does not rebuild the boxes.
    let kind = ctrl.setting(|s| s.optimizer.kind);

    let options = options_of(
        move |option| kind.get() == option,
        move |option| (text.get().optimizer_name)(option).to_string(),
    );

    view! {
        <fieldset class="group">
            <legend>{words(|t| t.optimizer_legend)}</legend>
            <div class="field stacked" data-control="opt" hidden=move || menu_hidden.get()>
                <label for="optimizer">{words(|t| t.optimizer_label)}</label>
                <select
                    id="optimizer"
                    on:change=on_choice(move |chosen| ctrl.select_optimizer(chosen))
                >
                    {options}
                </select>
            </div>
            <LearningRate />
            {move || {
                kind.get()
                    .hypers()
                    .iter()
                    .copied()
                    .filter(|hyper| *hyper != Hyper::Lr)
                    .map(|hyper| view! { <HyperField hyper=hyper /> })
                    .collect_view()
            }}
            <ClipField />
        </fieldset>
    }
}

/// One hyperparameter box, `#hp-<cli name>`, within the hyperparameter's limits.
#[component]
fn HyperField(hyper: Hyper) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    let limits = hyper.limits();
    let within = Rule::real(limits.min, limits.max);
    // A quantity that must be positive keeps its value when 0 or less is typed, as a link does.
    let rule = if limits.min > 0.0 {
        within.positive()
    } else {
        within
    };
    let id = format!("hp-{}", hyper.cli_name());
    view! {
        <NumberField
            id=id
            label=Signal::derive(move || (text.get().hyper_label)(hyper))
            rule=rule
            value=Signal::derive(move || settings.with(|s| Some(s.optimizer[hyper])))
            on_commit=Callback::new(move |value: Option<f64>| {
                if let Some(value) = value {
                    ctrl.update(|s| s.optimizer[hyper] = value);
                }
            })
            live=true
            hidden=ctrl.hidden(Control::Hyper(hyper))
            control=Control::Hyper(hyper)
        />
    }
}

/// `#clip`: the gradient-norm limit, empty for off.
#[component]
fn ClipField() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    let range = Hyper::CLIP_RANGE;
    view! {
        <NumberField
            id="clip"
            label=words(|t| t.clip_label)
            rule=Rule::real(range.min, range.max).positive().optional()
            value=Signal::derive(move || settings.with(|s| s.optimizer.clip))
            on_commit=Callback::new(move |clip: Option<f64>| ctrl.update(|s| s.optimizer.clip = clip))
            live=true
            placeholder=words(|t| t.clip_placeholder)
            hint=Signal::derive(move || text.get().clip_hint.to_string())
            hidden=ctrl.hidden(Control::Clip)
            control=Control::Clip
        />
    }
}
