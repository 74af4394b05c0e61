//! `at=N`: train to exactly epoch N on load, in chunks across animation
//! frames so a long seek shows its progress instead of freezing the page.
//!
//! Only the clock decides how many epochs one frame trains; the epochs
//! themselves are the trainer's, step for step, so the same link always
//! lands on the same weights. The seek never passes N, and N itself is
//! bounded by work ([`crate::params::MAX_SEEK_WORK`]) before it gets here.

use leptos::prelude::*;

use super::Controller;
use crate::params::seek_chunk;
use crate::ui::timing::clock::now_ms;

/// Training time per frame while seeking: long enough to get on (~5k epochs
/// per frame at 20×10), short enough that the progress keeps moving.
const SEEK_BUDGET_MS: f64 = 30.0;

/// How far a seek has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeekProgress {
    pub done: u64,
    pub target: u64,
}

impl Controller {
    /// Trains toward epoch `target` (paused), publishing after each frame and
    /// reporting in `progress` (`None` once done). Playing, a reset, a new
    /// run, or setting `progress` to `None` (`#seek-cancel`) ends the seek
    /// where it is.
    pub fn seek(self, target: u64, progress: RwSignal<Option<SeekProgress>>) {
        let Some(generation) = self.loop_state.try_with_value(|l| l.generation) else {
            return;
        };
        self.pause();
        progress.set(Some(SeekProgress { done: 0, target }));
        // With reduced motion the plots jump straight to epoch N instead of
        // moving frame by frame; the progress bar still moves.
        let quiet = prefers_reduced_motion();
        self.seek_frame(target, generation, quiet, progress);
    }

    fn seek_frame(
        self,
        target: u64,
        generation: u64,
        quiet: bool,
        progress: RwSignal<Option<SeekProgress>>,
    ) {
        let same_run = self.loop_state.try_with_value(|l| l.generation) == Some(generation);
        let paused = self.playing.try_get_untracked() == Some(false);
        let cancelled = progress.try_with_untracked(Option::is_none) != Some(false);
        if !(same_run && paused) || cancelled {
            progress.try_set(None);
            if cancelled {
                // Shows where the seek stopped; the plots may be frames behind.
                self.publish();
            }
            return;
        }
        let Some(per_chunk) = self.settings.try_with_untracked(|s| seek_chunk(&s.data)) else {
            return;
        };
        let deadline = now_ms() + SEEK_BUDGET_MS;
        let racers = self
            .with_race(|race| race.racers().len() as u64)
            .unwrap_or(1);
        let per_chunk = (per_chunk / racers).max(1);
        let raced = self.with_race(|race| {
            loop {
                let epoch = race.epoch();
                if epoch >= target {
                    return (epoch, true);
                }
                let chunk = per_chunk.min(target - epoch);
                if race.run(chunk) < chunk {
                    return (race.epoch(), true);
                }
                if now_ms() >= deadline {
                    return (race.epoch(), race.epoch() >= target);
                }
            }
        });
        let reached = raced.or_else(|| {
            self.with_trainer(|trainer| {
                loop {
                    let epoch = trainer.epoch();
                    if epoch >= target {
                        return (epoch, true);
                    }
                    let chunk = per_chunk.min(target - epoch);
                    let ran = trainer.run(chunk);
                    // A run that stopped (diverged, or its own stop) cannot go further.
                    if ran < chunk {
                        return (trainer.epoch(), true);
                    }
                    if now_ms() >= deadline {
                        return (trainer.epoch(), trainer.epoch() >= target);
                    }
                }
            })
        });
        match reached {
            Some((done, false)) => {
                if !quiet {
                    self.publish();
                }
                progress.try_set(Some(SeekProgress { done, target }));
                request_animation_frame(move || {
                    self.seek_frame(target, generation, quiet, progress);
                });
            }
            _ => {
                self.publish();
                progress.try_set(None);
            }
        }
    }
}

/// Whether the reader asked the system for less motion.
fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches())
}
