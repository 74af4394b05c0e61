//! The numbers of the run, refreshed every frame from the controller's one
//! snapshot; the status with what to try after a divergence; the optimizer's
//! internal state.
//!
//! Each read-out also carries its exact value in `data-value` (shortest
//! round-trip text), for tests and teachers' scripts.

use leptos::prelude::*;

use crate::params::shortest;
use crate::rnn::OptimizerKind;
use crate::rnn::optim::Hyper;

use super::controller::Controller;
use super::format::number;
use super::snapshot::Snapshot;
use super::text::use_text;

/// Exact text for `data-value` ("inf" and "NaN" are fine for scripts).
fn exact(value: f64) -> String {
    shortest(value)
}

#[component]
pub fn Readouts(ctrl: Controller) -> impl IntoView {
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let value = move |pick: fn(&Snapshot) -> f64| Signal::derive(move || snapshot.with(pick));

    view! {
        <section class="readouts" aria-label=move || text.get().readouts_title>
            <dl class="readout-grid">
                <div class="readout">
                    <dt>{move || text.get().epoch}</dt>
                    <dd id="epoch">{move || snapshot.with(|s| s.epoch.to_string())}</dd>
                </div>
                <Readout id="loss" label=Signal::derive(move || text.get().loss) value=value(|s| s.loss) />
                <Readout id="w-x" label=Signal::derive(move || text.get().w_x) value=value(|s| s.weights.w_x) />
                <Readout id="w-rec" label=Signal::derive(move || text.get().w_rec) value=value(|s| s.weights.w_rec) />
                <Readout id="grad-wx" label=Signal::derive(move || text.get().grad_wx) value=value(|s| s.grad.w_x) />
                <Readout id="grad-wrec" label=Signal::derive(move || text.get().grad_wrec) value=value(|s| s.grad.w_rec) />
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

/// `#status`: ready / running / paused / converged / diverged, with the epoch and why.
#[component]
pub fn StatusLine(ctrl: Controller) -> impl IntoView {
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let problem = ctrl.problem();
    // Memos: the status sentence changes a few times per run, not every frame.
    // `#status` is not a live region (aria-live="off"; an <output> would be one):
    // `#announcer` speaks the changes that matter, so nothing is said twice.
    let run = Memo::new(move |_| snapshot.with(|s| s.run));
    let sentence = Memo::new(move |_| run.get().describe(text.get(), problem.get().as_ref()));
    let diverged = Memo::new(move |_| run.get().is_diverged());

    view! {
        <p class="status-line">
            <span class="status-label">{move || text.get().status}</span>
            <output
                id="status"
                data-status=move || run.get().keyword()
                class:diverged=move || diverged.get()
                aria-live="off"
            >
                {move || sentence.get()}
            </output>
        </p>
    }
}

/// `#divergence-note`: after a divergence, what to try, with one-click remedies
/// (each starts the run over from the same start).
#[component]
pub fn DivergenceNote(ctrl: Controller) -> impl IntoView {
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let diverged = Memo::new(move |_| snapshot.with(|s| s.run.is_diverged()));

    let smaller_lr = move |_| {
        ctrl.update(|s| {
            let limits = Hyper::Lr.limits();
            s.optimizer[Hyper::Lr] = (s.optimizer[Hyper::Lr] / 10.0).clamp(limits.min, limits.max);
        });
        ctrl.reset();
    };
    let clip = move |_| {
        ctrl.update(|s| s.optimizer.clip = Some(1.0));
        ctrl.reset();
    };
    let rprop = move |_| {
        ctrl.select_optimizer(OptimizerKind::Rprop);
        ctrl.reset();
    };

    view! {
        <div id="divergence-note" class="note" role="note" hidden=move || !diverged.get()>
            <p>{move || text.get().divergence_note}</p>
            <div class="buttons">
                <button type="button" id="try-smaller-lr" class="secondary" on:click=smaller_lr>
                    {move || text.get().try_smaller_lr}
                </button>
                <button type="button" id="try-clip" class="secondary" on:click=clip>
                    {move || text.get().try_clip}
                </button>
                <button type="button" id="try-rprop" class="secondary" on:click=rprop>
                    {move || text.get().try_rprop}
                </button>
            </div>
        </div>
    }
}

/// `#optimizer-state`: what `Optimizer::inspect` reports, per weight.
#[component]
pub fn OptimizerState(ctrl: Controller) -> impl IntoView {
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let stateless = Memo::new(move |_| snapshot.with(|s| s.optimizer_state.is_empty()));
    let rows = move || {
        let text = text.get();
        snapshot.with(|s| {
            s.optimizer_state
                .iter()
                .map(|(name, [w_x, w_rec])| {
                    view! {
                        <tr>
                            <th scope="row">{(text.optimizer_state_name)(name)}</th>
                            <td>{number(*w_x, text)}</td>
                            <td>{number(*w_rec, text)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="optimizer-state">
            <h2>{move || text.get().optimizer_state_title}</h2>
            <p class="hint" hidden=move || !stateless.get()>
                {move || text.get().optimizer_state_none}
            </p>
            <table id="optimizer-state" hidden=move || stateless.get()>
                <thead>
                    <tr>
                        <th scope="col">{move || text.get().optimizer_state_quantity}</th>
                        <th scope="col">{move || text.get().w_x}</th>
                        <th scope="col">{move || text.get().w_rec}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
