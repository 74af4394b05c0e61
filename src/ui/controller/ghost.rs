//! The ghost: the run the page left, drawn faintly beside the current one.
//!
//! A run that trained at least one epoch with one set of settings becomes the
//! ghost when a setting that shapes the run changes, or when it is reset with
//! no ghost shown. Its path and loss curve are then the run's own records. A
//! link's `ghost=` is trained again from its start, a slice per animation
//! frame, so a ghost of any size never blocks the page.

use leptos::prelude::*;

use super::{Controller, frames, loss_points_of, path_of, run_within};
use crate::params::{AppState, Ghost, seek_chunk};
use crate::rnn::trainer::Status;
use crate::rnn::{Trainer, Weights};
use crate::ui::timing::clock::now_ms;

/// Training time per frame for a ghost from a link.
const GHOST_BUDGET_MS: f64 = 6.0;

impl Controller {
    /// The ghost's path; empty when there is none (or while it is trained).
    pub fn ghost_path(self) -> Signal<Vec<Weights>> {
        self.ghost_path.into()
    }

    /// The ghost's (epoch, loss) points, as the loss curve's.
    pub fn ghost_curve(self) -> Signal<Vec<(u64, f64)>> {
        self.ghost_curve.into()
    }

    /// The epoch at which the ghost diverged, if it did.
    pub fn ghost_diverged(self) -> Signal<Option<u64>> {
        self.ghost_diverged.into()
    }

    /// Removes the ghost (`#ghost-clear`).
    pub fn clear_ghost(self) {
        self.update(|s| s.ghost = None);
    }

    /// What a change from `old` to `next` does to the ghost: one the caller set
    /// (a link, the clear button) is trained or cleared; otherwise a change that
    /// shapes the run leaves the run so far as the ghost.
    pub(super) fn ghost_after_change(self, old: &AppState, next: &mut AppState) {
        if next.ghost != old.ghost {
            self.train_ghost(next);
            return;
        }
        // Another cell or task is another plane: an earlier path there would be drawn at
        // points that mean other parameters, so no ghost crosses the change.
        if next.model != old.model || next.task != old.task {
            if next.ghost.take().is_some() {
                self.train_ghost(next);
            }
            return;
        }
        let shaped = !crate::params::same_run(old, next);
        let racing = !old.race.is_empty() || !next.race.is_empty();
        if !shaped || racing || next.preset != old.preset {
            return;
        }
        if let Some(epochs) = self.pure_epochs() {
            next.ghost = Some(Ghost::left_by(old, epochs, next));
            self.keep_run_as_ghost();
        } else if let Some(ghost) = &old.ghost {
            // The same ghost, described against the new settings.
            next.ghost = ghost
                .settings(old)
                .map(|settings| Ghost::left_by(&settings, ghost.epochs, next));
            if next.ghost.is_none() {
                // Not describable any more: the drawing goes with the link's value.
                self.train_ghost(next);
            }
        }
    }

    /// On a reset with no ghost shown, the run so far becomes the ghost.
    pub(super) fn ghost_on_reset(self) {
        let (has_ghost, racing) = self
            .settings
            .with_untracked(|s| (s.ghost.is_some(), !s.race.is_empty()));
        if has_ghost || racing {
            return;
        }
        if let Some(epochs) = self.pure_epochs() {
            self.keep_run_as_ghost();
            self.settings.update(|s| {
                s.ghost = Some(Ghost {
                    epochs,
                    changes: Vec::new(),
                });
            });
        }
    }

    /// The epoch of the run, when it trained at least one epoch with one set of settings.
    fn pure_epochs(self) -> Option<u64> {
        let pure = self.loop_state.with_value(|l| l.pure);
        self.with_run(Trainer::epoch).filter(|&e| pure && e > 0)
    }

    fn keep_run_as_ghost(self) {
        self.cancel_ghost_job();
        self.with_run(|trainer| self.show_ghost(trainer));
    }

    fn show_ghost(self, trainer: &Trainer) {
        let timeline = trainer.timeline();
        self.ghost_path.set(path_of(&timeline));
        self.ghost_curve.set(loss_points_of(&timeline));
        let diverged = match trainer.status() {
            Status::Diverged { epoch, .. } => Some(epoch),
            _ => None,
        };
        self.ghost_diverged.set(diverged);
    }

    /// Starts training `settings`' ghost from its start (or clears it).
    pub(super) fn train_ghost(self, settings: &AppState) {
        self.cancel_ghost_job();
        self.ghost_path.set(Vec::new());
        self.ghost_curve.set(Vec::new());
        self.ghost_diverged.set(None);
        let Some(ghost) = &settings.ghost else {
            return;
        };
        let Some(mut run) = ghost.settings(settings) else {
            return;
        };
        run.stop_at = Some(ghost.epochs);
        if let Ok(trainer) = Trainer::new(run.trainer_config()) {
            self.ghost_trainer.set_value(Some(trainer));
            self.ghost_frame();
        }
    }

    pub(super) fn cancel_ghost_job(self) {
        self.ghost_trainer.try_set_value(None);
        frames::cancel(self.loop_state, |l| &mut l.ghost_frame);
    }

    /// One frame's slice of the ghost's training; shown once it is whole.
    fn ghost_frame(self) {
        let deadline = now_ms() + GHOST_BUDGET_MS;
        frames::ran(self.loop_state, |l| &mut l.ghost_frame);
        let finished = self.ghost_trainer.try_update_value(|trainer| {
            let trainer = trainer.as_mut()?;
            let chunk = seek_chunk(&trainer.config().data);
            run_within(u64::MAX, chunk, deadline, |n| trainer.run(n));
            Some(trainer.status().is_finished())
        });
        match finished.flatten() {
            Some(true) => {
                if let Some(trainer) = self.ghost_trainer.try_update_value(Option::take).flatten() {
                    self.show_ghost(&trainer);
                }
            }
            Some(false) => {
                if let Ok(handle) = request_animation_frame_with_handle(move || self.ghost_frame())
                {
                    self.loop_state
                        .update_value(|l| l.ghost_frame = Some(handle));
                }
            }
            None => {}
        }
    }
}
