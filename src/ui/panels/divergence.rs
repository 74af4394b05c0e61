//! `#divergence-note`: what to try after a divergence.

use leptos::prelude::*;

use crate::rnn::OptimizerKind;
use crate::rnn::optim::Hyper;
use crate::ui::controller::use_controller;
use crate::ui::text::use_text;

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
