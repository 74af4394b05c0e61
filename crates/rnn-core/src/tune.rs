//! Fair tuning before a race: every racer's learning rate (Rprop's initial
//! step Δ0, as Rprop has no rate) is chosen from the same log grid with the
//! same epoch budget, so no rule wins only because its default suited the
//! problem.
//!
//! Each candidate trains `budget` epochs from the race's start and is judged
//! by its loss at the weights it reached; a run that diverges counts as the
//! worst, and of equal losses the smaller rate wins. The job is resumable:
//! [`Tuning::advance`] trains at most a given number of epochs and returns,
//! so a page can spread it over frames, and the result does not depend on how
//! the work was cut.

use super::error::CoreError;
use super::hyper::Hyper;
use super::optim::{OptimizerKind, OptimizerSettings};
use super::race::{Race, RaceConfig};
use super::trainer::{Status, StopRule, Trainer};

/// The candidate rates: 13 values from 1e-6 to 1, three per decade apart
/// (1, 3, 10), written out so every platform tries the same numbers.
pub const TUNE_GRID: [f64; 13] = [
    1e-6, 3e-6, 1e-5, 3e-5, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1.0,
];

/// The hyperparameter tuning sets for `kind`: its learning rate, or Δ0 for Rprop.
pub fn tuned_hyper(kind: OptimizerKind) -> Hyper {
    match kind {
        OptimizerKind::Rprop => Hyper::Delta0,
        _ => Hyper::Lr,
    }
}

/// The chosen value of one racer and the loss it gave.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuned {
    pub hyper: Hyper,
    pub value: f64,
    /// The candidate's loss after the budget; infinite when every candidate diverged.
    pub loss: f64,
}

/// A tuning job over all racers of a race.
#[derive(Debug, Clone)]
pub struct Tuning {
    config: RaceConfig,
    budget: u64,
    /// Racer 0's fresh trainer: every candidate starts as a copy of it, so the
    /// data are drawn once.
    template: Trainer,
    /// The racer and grid index being trained.
    racer: usize,
    candidate: usize,
    current: Option<Trainer>,
    best: Vec<Option<Tuned>>,
    epochs_done: u64,
}

impl Tuning {
    /// A job for every racer of `config`, each candidate trained `budget` epochs.
    pub fn new(config: &RaceConfig, budget: u64) -> Result<Tuning, CoreError> {
        // Fails early on settings no candidate could fix (bad data, too many racers).
        let race = Race::new(config.clone())?;
        Ok(Tuning {
            config: config.clone(),
            budget,
            template: race.racers()[0].trainer().clone(),
            racer: 0,
            candidate: 0,
            current: None,
            best: vec![None; config.racers.len()],
            epochs_done: 0,
        })
    }

    /// Epochs the whole job may train (a diverged candidate's rest counts as done).
    pub fn total_epochs(&self) -> u64 {
        (self.config.racers.len() * TUNE_GRID.len()) as u64 * self.budget
    }

    /// The fraction done, 0 to 1.
    pub fn progress(&self) -> f64 {
        match self.total_epochs() {
            0 => 1.0,
            total => self.epochs_done as f64 / total as f64,
        }
    }

    pub fn is_done(&self) -> bool {
        self.racer >= self.config.racers.len()
    }

    /// Trains at most `max_epochs` epochs of the job; true once it is done.
    pub fn advance(&mut self, max_epochs: u64) -> bool {
        let mut left = max_epochs;
        while !self.is_done() && left > 0 {
            let budget = self.budget;
            if self.current.is_none() {
                let settings = self.candidate_settings();
                self.current = Some(candidate_trainer(&self.template, settings));
            }
            let Some(trainer) = &mut self.current else {
                break;
            };
            let ran = trainer.run(budget.saturating_sub(trainer.epoch()).min(left));
            left -= ran;
            self.epochs_done += ran;
            if trainer.epoch() >= budget || trainer.status().is_finished() {
                self.epochs_done += budget.saturating_sub(trainer.epoch());
                self.judge();
            }
        }
        self.is_done()
    }

    /// Runs the whole job at once (natively, or in tests).
    pub fn run_to_end(&mut self) {
        while !self.advance(u64::MAX) {}
    }

    /// The chosen value per racer, once done.
    pub fn result(&self) -> Option<Vec<Tuned>> {
        if !self.is_done() {
            return None;
        }
        self.best.iter().copied().collect()
    }

    /// The race's config with the chosen values, once done.
    pub fn tuned_config(&self) -> Option<RaceConfig> {
        let result = self.result()?;
        let mut config = self.config.clone();
        for (settings, tuned) in config.racers.iter_mut().zip(result) {
            settings[tuned.hyper] = tuned.value;
        }
        Some(config)
    }

    fn candidate_settings(&self) -> OptimizerSettings {
        let settings = self.config.racers[self.racer];
        settings.with(tuned_hyper(settings.kind), TUNE_GRID[self.candidate])
    }

    /// Scores the finished candidate and moves to the next.
    fn judge(&mut self) {
        let Some(trainer) = self.current.take() else {
            return;
        };
        let loss = if matches!(trainer.status(), Status::Diverged { .. }) {
            f64::INFINITY
        } else {
            let loss = trainer.loss_at(trainer.weights());
            if loss.is_nan() { f64::INFINITY } else { loss }
        };
        let settings = self.candidate_settings();
        let hyper = tuned_hyper(settings.kind);
        let candidate = Tuned {
            hyper,
            value: settings[hyper],
            loss,
        };
        // The grid rises, so keeping the first of equal losses prefers the smaller rate.
        let best = &mut self.best[self.racer];
        if best.is_none_or(|b| candidate.loss < b.loss) {
            *best = Some(candidate);
        }
        self.candidate += 1;
        if self.candidate == TUNE_GRID.len() {
            self.candidate = 0;
            self.racer += 1;
        }
    }
}

/// A fresh run of `settings` on the template's data and start. The grid lies
/// within every tuned range, so the settings are valid; were they not, the
/// candidate would not train rather than stop the job.
fn candidate_trainer(template: &Trainer, settings: OptimizerSettings) -> Trainer {
    let mut trainer = template.clone();
    if trainer.set_optimizer(settings).is_err() {
        trainer.set_stop(StopRule {
            max_epochs: Some(0),
            loss_tolerance: None,
        });
    }
    trainer.reset();
    trainer
}
