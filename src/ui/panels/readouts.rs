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
use crate::ui::text::{use_text, words};

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
                <Readout id="w-x" label=words(|t| t.w_x) value=value(|s| s.weights.w_x) />
                <Readout id="w-rec" label=words(|t| t.w_rec) value=value(|s| s.weights.w_rec) />
                <Readout id="grad-wx" label=words(|t| t.grad_wx) value=value(|s| s.grad.w_x) />
                <Readout id="grad-wrec" label=words(|t| t.grad_wrec) value=value(|s| s.grad.w_rec) />
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
