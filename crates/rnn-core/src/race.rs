//! A race: up to [`MAX_RACERS`] update rules on the same data, loss and start,
//! advanced in lockstep, one epoch each per tick.
//!
//! Each racer is a plain [`Trainer`], so its path is the path of a solo run
//! with the same settings, bit for bit. A racer finishes after the first
//! update that brings the loss (at the weights it reached) below the target;
//! a racer whose loss, gradient or weights overflow is out ("did not finish")
//! with the trainer's epoch and reason. The race is over when no racer is
//! still running, or at the epoch limit.

use serde::{Deserialize, Serialize};

use super::cell::CellKind;
use super::data::DataConfig;
use super::error::{CoreError, InvalidReason};
use super::model::{Reduction, Weights};
use super::optim::OptimizerSettings;
use super::precision::Precision;
use super::task::Task;
use super::trainer::{DivergenceReason, Record, Status, StopRule, Trainer, TrainerConfig};

/// The most racers a race takes: six colours stay distinguishable.
pub const MAX_RACERS: usize = 6;

/// A race's epoch limit when none is set: long enough for the seed's gradient
/// descent (lr 1e-5) to reach 1% of the data's baseline loss.
pub const DEFAULT_RACE_EPOCHS: u64 = 2001;

/// Without a target, a racer finishes once its loss is below this fraction of
/// the data's baseline loss, the loss of predicting 0 ([`crate::cell::Cell::baseline_loss`]).
/// The baseline depends on the data alone, so a finish means the same near the
/// optimum wherever the race starts (1% of a start on a cliff's wall would be
/// reached far from the answer).
pub const DEFAULT_TARGET_FRACTION: f64 = 0.01;

/// Everything that defines a race. Each racer's settings carry its own clip
/// norm (the caller resolves "as the page" into a value).
#[derive(Debug, Clone, PartialEq)]
pub struct RaceConfig {
    /// Every racer's cell.
    pub model: CellKind,
    /// Every racer's task.
    pub task: Task,
    pub data: DataConfig,
    pub reduction: Reduction,
    /// The common start; `None` draws it after the data, as the seed does.
    pub init: Option<Weights>,
    pub racers: Vec<OptimizerSettings>,
    /// The finishing loss; `None` is [`DEFAULT_TARGET_FRACTION`] of the baseline loss.
    pub target: Option<f64>,
    /// The race stops after this many epochs.
    pub max_epochs: u64,
}

impl RaceConfig {
    /// The solo run of racer `index`: same data, loss and start, its own rule.
    pub fn solo(&self, index: usize) -> Option<TrainerConfig> {
        let optimizer = *self.racers.get(index)?;
        Some(TrainerConfig {
            model: self.model,
            task: self.task,
            data: self.data,
            reduction: self.reduction,
            optimizer,
            init: self.init,
            stop: StopRule::default(),
            // Races compare rules, most of which theano-f32 does not have.
            precision: Precision::F64,
        })
    }

    fn validate(&self) -> Result<(), CoreError> {
        if self.racers.is_empty() || self.racers.len() > MAX_RACERS {
            return Err(CoreError::OutOfRange {
                name: "racers",
                value: self.racers.len() as f64,
                min: 1.0,
                max: MAX_RACERS as f64,
            });
        }
        if self.target.is_some_and(|t| !t.is_finite() || t <= 0.0) {
            return Err(CoreError::Invalid {
                name: "target",
                reason: InvalidReason::Negative,
            });
        }
        Ok(())
    }
}

/// Where a racer stands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum RacerStatus {
    /// Still training (also at the end of a race it did not finish in time).
    Running,
    /// Its loss went below the target after `epoch` updates.
    Finished { epoch: u64 },
    /// Did not finish: epoch `epoch` overflowed (as the trainer reports it).
    Diverged {
        epoch: u64,
        reason: DivergenceReason,
    },
}

impl RacerStatus {
    pub fn is_running(&self) -> bool {
        matches!(self, RacerStatus::Running)
    }

    /// The finishing epoch, if it finished.
    pub fn finish(&self) -> Option<u64> {
        match self {
            RacerStatus::Finished { epoch } => Some(*epoch),
            _ => None,
        }
    }
}

/// One racer: its trainer, the loss at its current weights, and its status.
#[derive(Debug, Clone)]
pub struct Racer {
    trainer: Trainer,
    loss: f64,
    status: RacerStatus,
    /// The record of the epoch trained in the last tick, if it trained one.
    last: Option<Record>,
}

impl Racer {
    pub fn trainer(&self) -> &Trainer {
        &self.trainer
    }

    pub fn settings(&self) -> &OptimizerSettings {
        self.trainer.optimizer().settings()
    }

    pub fn weights(&self) -> Weights {
        self.trainer.weights()
    }

    /// The loss at [`Racer::weights`].
    pub fn loss(&self) -> f64 {
        self.loss
    }

    pub fn status(&self) -> RacerStatus {
        self.status
    }

    /// Updates made.
    pub fn epoch(&self) -> u64 {
        self.trainer.epoch()
    }

    /// The record of the epoch trained in the last tick, as [`Trainer::step`] gave it.
    pub fn last_record(&self) -> Option<Record> {
        self.last
    }

    fn step(&mut self, target: f64) {
        self.last = None;
        if !self.status.is_running() {
            return;
        }
        self.last = self.trainer.step();
        if let Status::Diverged { epoch, reason } = self.trainer.status() {
            self.status = RacerStatus::Diverged { epoch, reason };
            return;
        }
        let trainer = &self.trainer;
        self.loss = trainer.loss_at(trainer.weights());
        if self.loss < target {
            self.status = RacerStatus::Finished {
                epoch: trainer.epoch(),
            };
        }
    }

    fn reset(&mut self, initial_loss: f64, target: f64) {
        self.trainer.reset();
        self.last = None;
        self.loss = initial_loss;
        self.status = start_status(initial_loss, target);
    }
}

/// A target already met at the start finishes at epoch 0.
fn start_status(initial_loss: f64, target: f64) -> RacerStatus {
    if initial_loss < target {
        RacerStatus::Finished { epoch: 0 }
    } else {
        RacerStatus::Running
    }
}

/// A race in progress.
#[derive(Debug, Clone)]
pub struct Race {
    config: RaceConfig,
    racers: Vec<Racer>,
    initial_loss: f64,
    target: f64,
    epoch: u64,
}

impl Race {
    pub fn new(config: RaceConfig) -> Result<Race, CoreError> {
        config.validate()?;
        let racers = (0..config.racers.len())
            .filter_map(|i| config.solo(i))
            .map(Trainer::new)
            .collect::<Result<Vec<_>, _>>()?;
        let first = &racers[0];
        let initial_loss = first.loss_at(first.init());
        let target = config
            .target
            .unwrap_or_else(|| DEFAULT_TARGET_FRACTION * first.baseline_loss());
        let racers = racers
            .into_iter()
            .map(|trainer| Racer {
                trainer,
                loss: initial_loss,
                status: start_status(initial_loss, target),
                last: None,
            })
            .collect();
        Ok(Race {
            config,
            racers,
            initial_loss,
            target,
            epoch: 0,
        })
    }

    /// One tick: every running racer trains one epoch. False when the race
    /// was already over.
    pub fn step(&mut self) -> bool {
        if self.is_over() {
            return false;
        }
        let target = self.target;
        for racer in &mut self.racers {
            racer.step(target);
        }
        self.epoch += 1;
        true
    }

    /// Up to `ticks` ticks; returns how many ran.
    pub fn run(&mut self, ticks: u64) -> u64 {
        let mut done = 0;
        while done < ticks && self.step() {
            done += 1;
        }
        done
    }

    /// Back to epoch 0: same data, start and racers.
    pub fn reset(&mut self) {
        let (initial_loss, target) = (self.initial_loss, self.target);
        for racer in &mut self.racers {
            racer.reset(initial_loss, target);
        }
        self.epoch = 0;
    }

    /// Whether every racer finished or diverged, or the epoch limit is reached.
    pub fn is_over(&self) -> bool {
        self.epoch >= self.config.max_epochs || self.racers.iter().all(|r| !r.status.is_running())
    }

    pub fn config(&self) -> &RaceConfig {
        &self.config
    }

    pub fn racers(&self) -> &[Racer] {
        &self.racers
    }

    /// Ticks run so far.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The common start.
    pub fn init(&self) -> Weights {
        self.racers[0].trainer.init()
    }

    /// The loss at the start, the same for every racer.
    pub fn initial_loss(&self) -> f64 {
        self.initial_loss
    }

    /// The finishing loss in use.
    pub fn target(&self) -> f64 {
        self.target
    }
}
