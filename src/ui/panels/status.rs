//! `#status`: where the run stands, in one sentence.

use leptos::prelude::*;

use crate::ui::controller::SeekProgress;
use crate::ui::controller::snapshot::RunState;
use crate::ui::controller::use_controller;
use crate::ui::text::{use_text, words};

/// `#status`: ready / running / paused / converged / diverged, with the epoch and why; while a
/// link's `at=` trains to its epoch (`seek`), "seeking", as the epoch climbs with the run paused.
#[component]
pub fn StatusLine(seek: RwSignal<Option<SeekProgress>>) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let problem = ctrl.problem();
    // Memos: the status sentence changes a few times per run, not every frame.
    // `#status` is not a live region (aria-live="off"; an <output> would be one):
    // `#announcer` speaks the changes that matter, so nothing is said twice.
    let run = ctrl.reading(|s| s.run);
    let overflows = ctrl.reading(|s| s.overflows());
    let seeking = Memo::new(move |_| seek.get().map(|progress| progress.target));
    let sentence = Memo::new(move |_| match (seeking.get(), run.get()) {
        (Some(target), _) => (text.get().status_seeking)(target),
        // "ready" alone would promise a run that diverges at its first step.
        (None, RunState::Ready) if overflows.get() => text.get().status_ready_overflow.into(),
        (None, run) => run.describe(text.get(), problem.get().as_ref()),
    });
    let diverged = Memo::new(move |_| run.get().is_diverged());
    let note = ctrl.run_note();

    view! {
        <p class="status-line">
            <span class="status-label">{words(|t| t.status)}</span>
            <output
                id="status"
                data-status=move || if seeking.get().is_some() { "seeking" } else { run.get().keyword() }
                class:diverged=move || diverged.get()
                aria-live="off"
            >
                {move || sentence.get()}
            </output>
        </p>
        <p id="run-note" class="run-note" role="status" hidden=move || note.with(Option::is_none)>
            {move || note.get().map(|n| (text.get().run_note)(n))}
        </p>
    }
}
