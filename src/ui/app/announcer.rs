//! `#announcer`: a polite live region that tells screen-reader users when
//! the run stops by itself or is paused: paused, reached the epoch limit,
//! converged, diverged (with the epoch). It speaks on changes only, never
//! per frame: it follows a memo of the run's state, which changes a few
//! times per run.

use leptos::prelude::*;

use crate::ui::controller::snapshot::RunState;
use crate::ui::controller::use_controller;
use crate::ui::text::{Text, use_text};

/// What to say when the run enters `run` at `epoch`; `None` for states that
/// need no announcement (ready, running: the Play button already says so).
pub fn announcement(run: RunState, epoch: u64, text: &Text) -> Option<String> {
    match run {
        RunState::Paused => Some((text.announce_paused)(epoch)),
        RunState::Stopped { epoch } => Some((text.status_stopped)(epoch)),
        RunState::RaceOver { epoch } => Some((text.status_race_over)(epoch)),
        RunState::Plateaued { .. } => Some(run.describe(text, None)),
        RunState::Diverged { epoch, reason } => Some((text.status_diverged)(epoch, reason)),
        RunState::Ready | RunState::Running | RunState::Broken => None,
    }
}

#[component]
pub fn Announcer() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let run = ctrl.reading(|s| s.run);
    let message = RwSignal::new(String::new());
    Effect::new(move |_| {
        let run = run.get();
        let epoch = snapshot.with_untracked(|s| s.epoch);
        // A switch of language alone says nothing new.
        let words = text.get_untracked();
        if let Some(said) = announcement(run, epoch, words) {
            message.set(said);
        }
    });
    view! {
        <div id="announcer" class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || message.get()}
        </div>
    }
}
