//! The controller's race mode: with `race=` set, the play, step and reset
//! buttons drive a [`Race`] of the core instead of the single run, and fair
//! tuning runs in the background, a slice per animation frame.
//!
//! The race is rebuilt whenever the settings give another
//! [`crate::rnn::RaceConfig`] (data, loss, start, racers, clip, target, stop),
//! and published after each frame as one [`RaceView`]: the only thing the
//! race's views read.

use leptos::prelude::*;

use super::Controller;
use crate::params::{AppState, RacerSpec, ordinals, racer_label};
use crate::rnn::tune::tuned_hyper;
use crate::rnn::{
    Hyper, MAX_RACERS, OptimizerKind, OptimizerSettings, Race, RacerStatus, Tuned, Tuning, Weights,
};
use crate::text::Text;
use crate::ui::timing::clock::now_ms;

/// Time one frame may spend on tuning; the rest of the frame stays free.
const TUNE_BUDGET_MS: f64 = 6.0;
/// Epochs of tuning between two looks at the clock.
const TUNE_CHUNK_EPOCHS: u64 = 64;

/// One racer as the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct RacerRow {
    /// The rule and every hyperparameter, its own clip norm included.
    pub settings: OptimizerSettings,
    /// Its number among racers of the same rule (`None` for the first).
    pub ordinal: Option<usize>,
    /// The value tuning chose, while the racer still uses it.
    pub tuned: Option<(Hyper, f64)>,
    pub status: RacerStatus,
    /// The loss at `weights`.
    pub loss: f64,
    pub weights: Weights,
    /// The start, the kept weights and the current weights.
    pub path: Vec<Weights>,
    /// (updates made, loss), as the single run's loss curve.
    pub curve: Vec<(u64, f64)>,
}

/// The race after a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct RaceView {
    pub epoch: u64,
    pub max_epochs: u64,
    pub target: f64,
    pub over: bool,
    pub racers: Vec<RacerRow>,
}

/// The race and its tuning job, owned by the controller.
#[derive(Debug, Default)]
pub struct RaceState {
    race: Option<Race>,
    tuning: Option<Tuning>,
    /// Per racer, what the last tuning chose.
    tuned: Vec<Option<Tuned>>,
}

impl Controller {
    /// The race as last published; `None` for the single run.
    pub fn race_view(self) -> Signal<Option<RaceView>> {
        self.race_view.into()
    }

    /// The racer the legend's pointer or focus is on (0-based).
    pub fn highlighted_racer(self) -> RwSignal<Option<usize>> {
        self.highlight
    }

    /// Tuning's progress from 0 to 1 while it runs.
    pub fn tune_progress(self) -> Signal<Option<f64>> {
        self.tune_progress.into()
    }

    /// Adds a racer with the page's update rule and hyperparameters; the first
    /// one starts a race. At most [`MAX_RACERS`].
    pub fn add_racer(self) {
        self.update(|s| {
            if s.race.len() < MAX_RACERS {
                s.race.push(RacerSpec {
                    settings: s.optimizer.with_clip(None),
                    own_clip: false,
                });
            }
        });
    }

    /// Removes racer `index` (0-based); removing the last ends the race.
    pub fn remove_racer(self, index: usize) {
        self.race_state.update_value(|r| {
            if index < r.tuned.len() {
                r.tuned.remove(index);
            }
        });
        self.update(|s| {
            if index < s.race.len() {
                s.race.remove(index);
            }
        });
    }

    /// Back to the single run.
    pub fn exit_race(self) {
        self.update(|s| {
            s.race.clear();
            s.race_target = None;
        });
    }

    /// Tunes every racer's rate (Rprop: Δ0) with the race's epoch budget, a
    /// slice per frame; the race is paused meanwhile and then restarts tuned.
    pub fn start_tuning(self) {
        let Some(config) = self.settings.with_untracked(AppState::race_config) else {
            return;
        };
        let Ok(tuning) = Tuning::new(&config, config.max_epochs) else {
            return;
        };
        self.pause();
        self.race_state.update_value(|r| r.tuning = Some(tuning));
        self.tune_progress.set(Some(0.0));
        request_animation_frame(move || self.tune_frame());
    }

    pub fn cancel_tuning(self) {
        self.race_state.try_update_value(|r| r.tuning = None);
        self.tune_progress.try_set(None);
    }

    fn tune_frame(self) {
        let deadline = now_ms() + TUNE_BUDGET_MS;
        let Some(step) = self.race_state.try_update_value(|r| {
            let tuning = r.tuning.as_mut()?;
            while !tuning.advance(TUNE_CHUNK_EPOCHS) && now_ms() < deadline {}
            Some((tuning.progress(), tuning.result()))
        }) else {
            return;
        };
        match step {
            // Cancelled, or the app is gone.
            None => {}
            Some((progress, None)) => {
                self.tune_progress.set(Some(progress));
                request_animation_frame(move || self.tune_frame());
            }
            Some((_, Some(result))) => {
                self.race_state.update_value(|r| {
                    r.tuning = None;
                    r.tuned = result.iter().copied().map(Some).collect();
                });
                self.tune_progress.set(None);
                self.update(|s| {
                    for (racer, tuned) in s.race.iter_mut().zip(&result) {
                        racer.settings[tuned.hyper] = tuned.value;
                    }
                });
            }
        }
    }

    /// Whether the page runs a race.
    pub(super) fn racing(self) -> bool {
        self.race_state
            .try_with_value(|r| r.race.is_some())
            .unwrap_or(false)
    }

    /// Runs `f` on the race, if there is one.
    pub(super) fn with_race<T>(self, f: impl FnOnce(&mut Race) -> T) -> Option<T> {
        self.race_state
            .try_update_value(|r| r.race.as_mut().map(f))
            .flatten()
    }

    /// Builds the race `settings` describe, unless the current one is it.
    pub(super) fn sync_race(self, settings: &AppState) {
        let config = settings.race_config();
        let same = self
            .race_state
            .try_with_value(|r| r.race.as_ref().map(|race| race.config().clone()) == config)
            .unwrap_or(true);
        if same {
            return;
        }
        let race = config.and_then(|config| Race::new(config).ok());
        let count = settings.race.len();
        self.race_state.update_value(|r| {
            r.race = race;
            r.tuned.resize(count, None);
        });
    }

    /// Publishes the race (or its absence).
    pub(super) fn publish_race(self) {
        let view = self
            .race_state
            .try_with_value(|r| r.race.as_ref().map(|race| race_view(race, &r.tuned)))
            .flatten();
        self.race_view.try_set(view);
    }
}

impl RacerRow {
    /// The racer's name in `text`'s language, as every legend shows it.
    pub fn name(&self, text: &Text) -> String {
        racer_label(
            (text.optimizer_name)(self.settings.kind),
            self.ordinal,
            &self.settings,
        )
    }
}

fn race_view(race: &Race, tuned: &[Option<Tuned>]) -> RaceView {
    let kinds: Vec<OptimizerKind> = race.racers().iter().map(|r| r.settings().kind).collect();
    let ordinals = ordinals(&kinds);
    let racers = race
        .racers()
        .iter()
        .enumerate()
        .map(|(i, racer)| {
            let settings = *racer.settings();
            let hyper = tuned_hyper(settings.kind);
            let tuned = tuned
                .get(i)
                .copied()
                .flatten()
                .filter(|t| settings[hyper] == t.value)
                .map(|t| (t.hyper, t.value));
            // Epoch N is the state after N updates, from the start to now.
            let timeline = racer.trainer().timeline();
            let path = timeline.iter().map(|r| r.weights).collect();
            let curve = timeline
                .iter()
                .filter(|r| r.loss.is_finite())
                .map(|r| (r.epoch, r.loss))
                .collect();
            RacerRow {
                settings,
                ordinal: ordinals[i],
                tuned,
                status: racer.status(),
                loss: racer.loss(),
                weights: racer.weights(),
                path,
                curve,
            }
        })
        .collect();
    RaceView {
        epoch: race.epoch(),
        max_epochs: race.config().max_epochs,
        target: race.target(),
        over: race.is_over(),
        racers,
    }
}
