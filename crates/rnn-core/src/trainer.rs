//! Training: one epoch is one full-batch update, as in the seed and Roelants'
//! tutorial (every epoch uses all sequences).
//!
//! One convention counts epochs everywhere: **epoch N is the state after N
//! updates**, with the loss and gradient at those weights. Epoch 0 is the
//! start. (The seed's `train()` returns the loss *before* its update and its
//! table counts calls from 1, so the seed's line `epoch[k]` is our epoch
//! k − 1; the CLI's table keeps the seed's numbering.) Training that
//! overflows stops in a [`Status::Diverged`] state instead of panicking, and
//! [`Trainer::reset`] returns to exactly the same data and initial weights.
//! A run's [`Precision`] picks its arithmetic: f64, or the 2016 post's own
//! float32 ([`super::theano_f32`]).

use serde::{Deserialize, Serialize};

use super::cell::{CellKind, Model};
use super::cycle::{CycleWatch, Settled};
use super::data::{DataConfig, Dataset};
use super::error::{CoreError, InvalidReason};
use super::history::{DEFAULT_CAP, History};
use super::model::{Gradient, Reduction, Weights};
use super::optim::{Optimizer, OptimizerSettings};
use super::params::Params;
use super::precision::Precision;
use super::task::Task;
use super::theano_f32::Bptt32;

/// One epoch: `weights` after `epoch` updates, and the loss and gradient there.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub epoch: u64,
    pub loss: f64,
    pub weights: Weights,
    pub grad: Gradient,
}

/// When to stop by itself; both off by default.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct StopRule {
    /// Stop after this many epochs.
    pub max_epochs: Option<u64>,
    /// Stop once an epoch's loss is at or below this.
    pub loss_tolerance: Option<f64>,
}

/// Everything that defines a run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TrainerConfig {
    /// The cell; a file saved before cells existed is the seed's linear one.
    #[serde(default)]
    pub model: CellKind,
    /// What the data asks; a file saved before tasks existed counts the ones.
    #[serde(default)]
    pub task: Task,
    pub data: DataConfig,
    pub reduction: Reduction,
    pub optimizer: OptimizerSettings,
    /// The start; `None` draws it after the data, as the seed does.
    pub init: Option<Weights>,
    pub stop: StopRule,
    /// The arithmetic; a file saved before it existed is f64.
    #[serde(default)]
    pub precision: Precision,
}

impl TrainerConfig {
    /// The seed's run: its data, its init, and the given optimizer.
    pub fn seed(optimizer: OptimizerSettings) -> TrainerConfig {
        TrainerConfig {
            model: CellKind::Linear,
            task: Task::Count,
            data: DataConfig::default(),
            reduction: Reduction::Sum,
            optimizer,
            init: None,
            stop: StopRule::default(),
            precision: Precision::F64,
        }
    }
}

/// Why training stopped on its own (worded by the app's text catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::EnumIter)]
#[serde(rename_all = "kebab-case")]
pub enum DivergenceReason {
    /// The loss overflowed: the outputs grew past f64.
    LossNotFinite,
    /// The gradient overflowed: |w_rec| > 1 made `dL/ds_k` explode.
    GradientNotFinite,
    /// The update threw the weights past f64.
    WeightsNotFinite,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "kebab-case")]
pub enum Status {
    /// Can take more epochs.
    Training,
    /// The loss reached the tolerance at this epoch (no update is made after it).
    Converged { epoch: u64 },
    /// The epoch limit was reached.
    ReachedMaxEpochs { epoch: u64 },
    /// Epoch `epoch` is not finite: its loss or gradient overflowed (the
    /// weights shown are epoch `epoch`'s), or the update into it threw the
    /// weights past f64 (the weights stay at epoch `epoch − 1`).
    Diverged {
        epoch: u64,
        reason: DivergenceReason,
    },
}

impl Status {
    pub fn is_finished(&self) -> bool {
        !matches!(self, Status::Training)
    }
}

/// Why an epoch's loss and gradient cannot be trained on, if they cannot.
fn overflow(loss: f64, grad: Gradient) -> Option<DivergenceReason> {
    if !loss.is_finite() {
        Some(DivergenceReason::LossNotFinite)
    } else if !grad.is_finite() {
        Some(DivergenceReason::GradientNotFinite)
    } else {
        None
    }
}

/// The cell's loss and gradient at `w`, its two parameters.
fn evaluate(
    model: &mut Model,
    data: &Dataset,
    w: Weights,
    reduction: Reduction,
) -> (f64, Gradient) {
    let (loss, grad) = model.loss_and_gradient(data, &Params::from(w), reduction);
    (
        loss,
        Gradient {
            w_x: grad[0],
            w_rec: grad[1],
        },
    )
}

/// A run in progress: data, weights, optimizer and a bounded history.
#[derive(Debug, Clone)]
pub struct Trainer {
    config: TrainerConfig,
    data: Dataset,
    init: Weights,
    weights: Weights,
    epoch: u64,
    optimizer: Optimizer,
    status: Status,
    history: History,
    watch: CycleWatch,
    /// The cell with its buffers.
    model: Model,
    /// The loss and gradient at `weights`, once computed. The step that makes
    /// new weights evaluates them at once, so an overflow there is reported
    /// by that step, and the next step and the read-outs reuse the numbers.
    at_weights: Option<(f64, Gradient)>,
    bptt32: Bptt32,
}

impl Trainer {
    pub fn new(config: TrainerConfig) -> Result<Trainer, CoreError> {
        config.model.check(config.task, None)?;
        let names = config.model.names();
        let (data, drawn) = Dataset::generate_for(config.data, config.task, names.len())?;
        config
            .precision
            .check(&config.optimizer, config.reduction)?;
        if config.precision != Precision::F64
            && (config.model != CellKind::Linear || config.task != Task::Count)
        {
            return Err(CoreError::Invalid {
                name: "precision",
                reason: InvalidReason::NotTheSeedGraph,
            });
        }
        let start = config.model.default_start().unwrap_or(&drawn);
        let start = Weights {
            w_x: start[0],
            w_rec: start[1],
        };
        let init = config.precision.start(config.init.unwrap_or(start));
        if !init.is_finite() {
            return Err(CoreError::Invalid {
                name: "init",
                reason: InvalidReason::NotFinite,
            });
        }
        if config
            .stop
            .loss_tolerance
            .is_some_and(|tol| tol.is_nan() || tol < 0.0)
        {
            return Err(CoreError::Invalid {
                name: "tolerance",
                reason: InvalidReason::Negative,
            });
        }
        Ok(Trainer {
            optimizer: Optimizer::new(config.optimizer)?,
            config,
            data,
            init,
            weights: init,
            epoch: 0,
            status: Status::Training,
            history: History::new(DEFAULT_CAP),
            watch: CycleWatch::default(),
            model: Model::new(config.model),
            at_weights: None,
            bptt32: Bptt32::default(),
        })
    }

    /// Evaluates the current epoch, records it and makes one update; returns
    /// the record, or `None` when training has already stopped or the
    /// current epoch overflowed.
    ///
    /// The update's new weights are evaluated in the same call: when their
    /// loss or gradient overflows, the run is `Diverged` at the new epoch as
    /// soon as the update that caused it returns.
    pub fn step(&mut self) -> Option<Record> {
        self.check_epoch_limit();
        if self.status.is_finished() {
            return None;
        }
        let (loss, grad) = self.evaluated();
        let epoch = self.epoch;
        let record = Record {
            epoch,
            loss,
            weights: self.weights,
            grad,
        };
        if let Some(reason) = overflow(loss, grad) {
            self.status = Status::Diverged { epoch, reason };
            return None;
        }
        self.history.push(record);
        self.watch.observe(&record);
        if self
            .config
            .stop
            .loss_tolerance
            .is_some_and(|tol| loss <= tol)
        {
            self.status = Status::Converged { epoch };
            return Some(record);
        }
        let next = self
            .optimizer
            .step_in(self.config.precision, self.weights, grad);
        if !next.is_finite() {
            self.status = Status::Diverged {
                epoch: epoch + 1,
                reason: DivergenceReason::WeightsNotFinite,
            };
            return Some(record);
        }
        self.weights = next;
        self.epoch = epoch + 1;
        self.at_weights = None;
        let (next_loss, next_grad) = self.evaluated();
        if let Some(reason) = overflow(next_loss, next_grad) {
            self.status = Status::Diverged {
                epoch: self.epoch,
                reason,
            };
            return Some(record);
        }
        if self
            .config
            .stop
            .max_epochs
            .is_some_and(|max| self.epoch >= max)
        {
            self.status = Status::ReachedMaxEpochs { epoch: self.epoch };
        }
        Some(record)
    }

    /// The loss and gradient at the current weights, computed once per weights.
    fn evaluated(&mut self) -> (f64, Gradient) {
        if let Some(known) = self.at_weights {
            return known;
        }
        let known = match self.config.precision {
            Precision::F64 => evaluate(
                &mut self.model,
                &self.data,
                self.weights,
                self.config.reduction,
            ),
            Precision::TheanoF32 => self.bptt32.loss_and_gradient(&self.data, self.weights),
        };
        self.at_weights = Some(known);
        known
    }

    /// Stops a run that is at or past its epoch limit (a limit of 0 runs nothing).
    fn check_epoch_limit(&mut self) {
        let at_limit = self
            .config
            .stop
            .max_epochs
            .is_some_and(|max| self.epoch >= max);
        if at_limit && self.status == Status::Training {
            self.status = Status::ReachedMaxEpochs { epoch: self.epoch };
        }
    }

    /// Runs up to `epochs` epochs; returns how many ran.
    pub fn run(&mut self, epochs: u64) -> u64 {
        let mut done = 0;
        while done < epochs && self.step().is_some() {
            done += 1;
        }
        done
    }

    /// Same data, same init, epoch 0, fresh optimizer state.
    pub fn reset(&mut self) {
        self.weights = self.init;
        self.at_weights = None;
        self.epoch = 0;
        self.optimizer.reset();
        self.status = Status::Training;
        self.history.clear();
        self.watch = CycleWatch::default();
    }

    /// New hyperparameters without restarting (another rule starts its state afresh).
    pub fn set_optimizer(&mut self, settings: OptimizerSettings) -> Result<(), CoreError> {
        self.config
            .precision
            .check(&settings, self.config.reduction)?;
        self.optimizer.set_settings(settings)?;
        self.config.optimizer = settings;
        // New dynamics: a cycle seen under the old rule says nothing now.
        self.watch = CycleWatch::default();
        Ok(())
    }

    /// A new stop rule; a run stopped by the old rule may continue.
    pub fn set_stop(&mut self, stop: StopRule) {
        self.config.stop = stop;
        if matches!(
            self.status,
            Status::Converged { .. } | Status::ReachedMaxEpochs { .. }
        ) {
            self.status = Status::Training;
        }
        self.check_epoch_limit();
    }

    /// Starts again from `init` (same data), as the run's precision holds it.
    pub fn set_init(&mut self, init: Weights) -> Result<(), CoreError> {
        if !init.is_finite() {
            return Err(CoreError::Invalid {
                name: "init",
                reason: InvalidReason::NotFinite,
            });
        }
        let init = self.config.precision.start(init);
        self.init = init;
        self.config.init = Some(init);
        self.reset();
        Ok(())
    }

    /// The loss and gradient at the current weights (computed by the step
    /// that made them, when there was one).
    pub fn evaluate(&self) -> (f64, Gradient) {
        self.at_weights
            .unwrap_or_else(|| match self.config.precision {
                Precision::F64 => evaluate(
                    &mut Model::new(self.config.model),
                    &self.data,
                    self.weights,
                    self.config.reduction,
                ),
                Precision::TheanoF32 => {
                    Bptt32::default().loss_and_gradient(&self.data, self.weights)
                }
            })
    }

    /// The current epoch as a record: the weights now, and the loss and
    /// gradient there (not finite when the run diverged there).
    pub fn current(&self) -> Record {
        let (loss, grad) = self.evaluate();
        Record {
            epoch: self.epoch,
            loss,
            weights: self.weights,
            grad,
        }
    }

    /// The whole run as the page and its exports show it: the kept history
    /// from epoch 0, ending with the current epoch.
    pub fn timeline(&self) -> Vec<Record> {
        let mut records: Vec<Record> = Vec::with_capacity(self.history.len() + 1);
        records.extend(self.history.points().copied());
        if records.last().map(|r| r.epoch) != Some(self.epoch) {
            records.push(self.current());
        }
        records
    }

    /// The loss has held still, or repeated a short cycle, for a whole window
    /// (see [`CycleWatch`]).
    pub fn settled(&self) -> Option<Settled> {
        let start_loss = self.history.points().next()?.loss;
        self.watch.settled(start_loss)
    }

    /// The loss at `w` on this run's cell and data, without the gradient.
    pub fn loss_at(&self, w: Weights) -> f64 {
        self.config
            .model
            .loss(&self.data, &Params::from(w), self.config.reduction)
    }

    /// The loss of predicting 0 on this run's cell and data (see
    /// [`crate::cell::Cell::baseline_loss`]).
    pub fn baseline_loss(&self) -> f64 {
        self.config
            .model
            .baseline_loss(&self.data, self.config.reduction)
    }

    pub fn config(&self) -> &TrainerConfig {
        &self.config
    }

    pub fn data(&self) -> &Dataset {
        &self.data
    }

    pub fn init(&self) -> Weights {
        self.init
    }

    pub fn weights(&self) -> Weights {
        self.weights
    }

    /// Updates made so far: the epoch the current weights belong to.
    pub fn epoch(&self) -> u64 {
        self.epoch
    }

    pub fn status(&self) -> Status {
        self.status
    }

    pub fn optimizer(&self) -> &Optimizer {
        &self.optimizer
    }

    pub fn history(&self) -> &History {
        &self.history
    }
}
