//! The numbers of the run, refreshed every frame from the controller's one
//! snapshot.
//!
//! Each read-out also carries its exact value in `data-value` (shortest
//! round-trip text), for tests and teachers' scripts.

use leptos::prelude::*;

use crate::format::exact;
use crate::rnn::Clipping;

use crate::ui::controller::snapshot::Snapshot;
use crate::ui::controller::use_controller;
use crate::ui::format::number;
use crate::ui::text::{Text, named_words, use_names, use_text, words};

#[component]
pub fn Readouts() -> impl IntoView {
    let ctrl = use_controller();
    let snapshot = ctrl.snapshot();
    let value = move |pick: fn(&Snapshot) -> f64| Signal::derive(move || snapshot.with(pick));
    // While a clip norm is set: what clipping does to the gradient shown.
    let clipping_on = move || snapshot.with(|s| s.clipping.is_some());
    let clip_value = move |pick: fn(&Clipping) -> f64| {
        Signal::derive(move || snapshot.with(|s| s.clipping.as_ref().map_or(f64::NAN, pick)))
    };

    view! {
        <section class="readouts" aria-label=words(|t| t.readouts_title)>
            <dl class="readout-grid">
                <div class="readout">
                    <dt>{words(|t| t.epoch)}</dt>
                    <dd id="epoch">{move || snapshot.with(|s| s.epoch.to_string())}</dd>
                </div>
                <Readout id="loss" label=words(|t| t.loss) value=value(|s| s.loss) />
                <ParamReadout index=0 value=value(|s| s.weights.w_x) />
                <ParamReadout index=1 value=value(|s| s.weights.w_rec) />
                <GradReadout index=0 value=value(|s| s.grad.w_x) />
                <GradReadout index=1 value=value(|s| s.grad.w_rec) />
                <Show when=clipping_on>
                    <Readout id="grad-norm" label=words(|t| t.grad_norm) value=clip_value(|c| c.raw_norm) />
                    <Readout id="clip-norm" label=words(|t| t.clip_norm) value=clip_value(|c| c.norm) />
                    <Readout id="clip-scale" label=words(|t| t.clip_scale) value=clip_value(|c| c.scale) />
                </Show>
            </dl>
        </section>
    }
}

/// One number with its label.
#[component]
fn Readout(
    id: &'static str,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] value: Signal<f64>,
) -> impl IntoView {
    let text = use_text();
    view! {
        <div class="readout">
            <dt>{move || label.get()}</dt>
            <dd id=id data-value=move || exact(value.get())>
                {move || number(value.get(), text.get())}
            </dd>
        </div>
    }
}

/// The id of a parameter's read-out: `w-x` and `w-rec` for the cells named so (as the page
/// always had), `param-<name>` for another cell's.
fn param_id(names: &[&str], index: usize, linear: [&'static str; 2], prefix: &str) -> String {
    if names == ["w_x", "w_rec"] {
        linear[index].to_string()
    } else {
        format!("{prefix}{}", names[index].replace('_', "-"))
    }
}

/// One parameter of the cell, named as the cell names it, with `data-param`.
#[component]
fn ParamReadout(index: usize, #[prop(into)] value: Signal<f64>) -> impl IntoView {
    let text = use_text();
    let names = use_names();
    let name = move || names.get()[index];
    view! {
        <div class="readout">
            <dt>{name}</dt>
            <dd
                id=move || param_id(names.get(), index, ["w-x", "w-rec"], "param-")
                data-param=name
                data-value=move || exact(value.get())
            >
                {move || number(value.get(), text.get())}
            </dd>
        </div>
    }
}

/// The loss's derivative by one parameter, with `data-grad` its name.
#[component]
fn GradReadout(index: usize, #[prop(into)] value: Signal<f64>) -> impl IntoView {
    let text = use_text();
    let names = use_names();
    let label: [fn(&'static Text) -> &'static str; 2] = [|t| t.grad_wx, |t| t.grad_wrec];
    let label = named_words(label[index]);
    view! {
        <div class="readout">
            <dt>{move || label.get()}</dt>
            <dd
                id=move || param_id(names.get(), index, ["grad-wx", "grad-wrec"], "grad-")
                data-grad=move || names.get()[index]
                data-value=move || exact(value.get())
            >
                {move || number(value.get(), text.get())}
            </dd>
        </div>
    }
}
