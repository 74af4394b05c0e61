//! `#divergence-note`: what to try after a divergence.

use leptos::prelude::*;

use crate::format::{readable, tidy};
use crate::rnn::OptimizerKind;
use crate::rnn::clipping::{SUGGESTED_STEP, suggested_clip};
use crate::rnn::optim::Hyper;
use crate::ui::controller::use_controller;
use crate::ui::text::{use_text, words};

/// `#divergence-note`: after a divergence, what to try, with one-click remedies
/// (each starts the run over from the same start).
#[component]
pub fn DivergenceNote() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let diverged = ctrl.reading(|s| s.run.is_diverged());

    let smaller_lr = move |_| {
        ctrl.update(|s| {
            let limits = Hyper::Lr.limits();
            // Made by the page, so written as a person would: 1e-6, not 1.0000000000000002e-6.
            s.optimizer[Hyper::Lr] =
                tidy(s.optimizer[Hyper::Lr] / 10.0).clamp(limits.min, limits.max);
        });
        ctrl.reset();
    };
    // A clip that works at the current rate: steps of at most lr · clip.
    let suggested = ctrl.setting(|s| suggested_clip(s.optimizer[Hyper::Lr]));
    let clip = move |_| {
        let clip = suggested.get_untracked();
        ctrl.update(|s| s.optimizer.clip = Some(clip));
        ctrl.reset();
    };
    let rprop = move |_| {
        ctrl.select_optimizer(OptimizerKind::Rprop);
        ctrl.reset();
    };

    view! {
        <div id="divergence-note" class="note" role="note" hidden=move || !diverged.get()>
            <p>{words(|t| t.divergence_note)}</p>
            <div class="buttons">
                <button type="button" id="try-smaller-lr" class="secondary" on:click=smaller_lr>
                    {words(|t| t.try_smaller_lr)}
                </button>
                <button type="button" id="try-clip" class="secondary" on:click=clip>
                    {move || (text.get().try_clip)(&readable(suggested.get()), &readable(SUGGESTED_STEP))}
                </button>
                <button type="button" id="try-rprop" class="secondary" on:click=rprop>
                    {words(|t| t.try_rprop)}
                </button>
            </div>
        </div>
    }
}
