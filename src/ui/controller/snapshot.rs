//! What the read-outs show after each frame: one value, published at once.

use crate::format::significant;
use crate::rnn::cycle::{MAX_PERIOD, Outcome};
use crate::rnn::trainer::{DivergenceReason, Status};
use crate::rnn::{Clipping, CoreError, Gradient, Settled, Trainer, Weights, model};

use crate::ui::text::Text;

/// The sequences `#data-table` lists: enough for the seed's 20, few enough
/// for a table that updates every frame.
pub const DATA_TABLE_ROWS: usize = 50;

/// Significant digits of a cycle's losses: enough to tell the seed's two
/// points apart (0.0068277 and 0.0067216).
const CYCLE_DIGITS: usize = 5;

/// Where the run stands, as `#status` words it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum RunState {
    /// Epoch 0, not playing.
    Ready,
    Running,
    /// Stopped by the user mid-run.
    Paused,
    /// Stopped by a stop rule: the "stop at epoch" setting (or the core's
    /// loss tolerance, `Status::Converged`, which the page never sets).
    Stopped {
        epoch: u64,
    },
    /// Paused by the page because the core saw the loss settle
    /// ([`Trainer::settled`]): held still (period 1, "converged") or
    /// repeating a short cycle (the first `period` of `losses`, "cycling"),
    /// or either at a loss no lower than `start_loss` ("stuck").
    Plateaued {
        epoch: u64,
        period: usize,
        losses: [f64; MAX_PERIOD],
        outcome: Outcome,
        start_loss: f64,
        /// The rule is the 2016 post's RMSProp, whose 2-cycle is the post's own end.
        posts_rule: bool,
    },
    Diverged {
        epoch: u64,
        reason: DivergenceReason,
    },
    /// A race ended before its epoch limit: every racer finished or diverged.
    RaceOver {
        epoch: u64,
    },
    /// The settings could not build a run (see the controller's problem).
    Broken,
}

impl RunState {
    /// How the trainer's `status`, the play state and the plateau detector
    /// combine; `epoch` is the updates made so far.
    ///
    /// A divergence is reported at the core's epoch: the one `#epoch` shows
    /// when its loss overflowed, one after it when the update into it threw
    /// the weights past f64.
    pub fn of(
        status: Status,
        playing: bool,
        epoch: u64,
        plateaued_at: Option<&Settled>,
        posts_rule: bool,
    ) -> RunState {
        match status {
            Status::Diverged { epoch, reason } => RunState::Diverged { epoch, reason },
            Status::ReachedMaxEpochs { epoch } | Status::Converged { epoch } => {
                RunState::Stopped { epoch }
            }
            Status::Training if playing => RunState::Running,
            Status::Training => match plateaued_at {
                Some(settled) => {
                    let mut losses = [f64::NAN; MAX_PERIOD];
                    for (slot, point) in losses.iter_mut().zip(&settled.points) {
                        *slot = point.loss;
                    }
                    RunState::Plateaued {
                        epoch,
                        period: settled.period(),
                        losses,
                        outcome: settled.outcome(),
                        start_loss: settled.start_loss,
                        posts_rule,
                    }
                }
                None if epoch == 0 => RunState::Ready,
                None => RunState::Paused,
            },
        }
    }

    /// One word for scripts (`data-status`): ready, running, paused, converged,
    /// cycling, stuck, diverged, or error.
    pub fn keyword(self) -> &'static str {
        match self {
            RunState::Ready => "ready",
            RunState::Running => "running",
            RunState::Paused | RunState::Stopped { .. } | RunState::RaceOver { .. } => "paused",
            RunState::Plateaued { outcome, .. } => match outcome {
                Outcome::Converged => "converged",
                Outcome::Cycle => "cycling",
                Outcome::Stuck => "stuck",
            },
            RunState::Diverged { .. } => "diverged",
            RunState::Broken => "error",
        }
    }

    /// The sentence `#status` shows.
    pub fn describe(self, text: &Text, problem: Option<&CoreError>) -> String {
        match self {
            RunState::Ready => text.status_ready.into(),
            RunState::Running => text.status_running.into(),
            RunState::Paused => text.status_paused.into(),
            RunState::Stopped { epoch } => (text.status_stopped)(epoch),
            RunState::RaceOver { epoch } => (text.status_race_over)(epoch),
            RunState::Plateaued {
                epoch,
                period,
                losses,
                outcome,
                start_loss,
                posts_rule,
            } => {
                let values: Vec<String> = losses[..period.clamp(1, MAX_PERIOD)]
                    .iter()
                    .map(|&loss| significant(loss, CYCLE_DIGITS))
                    .collect();
                match outcome {
                    Outcome::Converged => (text.status_converged)(epoch),
                    Outcome::Cycle => (text.status_cycling)(epoch, &values, posts_rule),
                    Outcome::Stuck => {
                        let start = significant(start_loss, CYCLE_DIGITS);
                        (text.status_stuck)(epoch, &values.join(" ↔ "), &start)
                    }
                }
            }
            RunState::Diverged { epoch, reason } => (text.status_diverged)(epoch, reason),
            RunState::Broken => {
                let why = problem.map_or_else(|| text.missing.into(), text.core_error);
                (text.status_error)(&why)
            }
        }
    }

    pub fn is_diverged(self) -> bool {
        matches!(self, RunState::Diverged { .. })
    }
}

/// The run at the end of a frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Updates made so far.
    pub epoch: u64,
    /// The current weights (the start at epoch 0; the last finite point after a divergence).
    pub weights: Weights,
    pub init: Weights,
    /// The loss and gradient at `weights`.
    pub loss: f64,
    pub grad: Gradient,
    pub run: RunState,
    /// The outputs y of the first [`DATA_TABLE_ROWS`] sequences at `weights`.
    pub outputs: Vec<f64>,
    /// What clipping does to `grad`; `None` while clipping is off.
    pub clipping: Option<Clipping>,
    /// The update rule's internal state, as `Optimizer::inspect` names it.
    pub optimizer_state: Vec<(&'static str, [f64; 2])>,
}

impl Snapshot {
    /// Reads `trainer`; `run` is decided by the caller.
    pub fn of(trainer: &Trainer, run: RunState) -> Snapshot {
        let (loss, grad) = trainer.evaluate();
        Snapshot {
            epoch: trainer.epoch(),
            weights: trainer.weights(),
            init: trainer.init(),
            loss,
            grad,
            clipping: Clipping::of(grad, trainer.config().optimizer.clip),
            outputs: model::outputs(trainer.data(), trainer.weights(), DATA_TABLE_ROWS),
            run,
            optimizer_state: trainer.optimizer().inspect(),
        }
    }

    /// Whether the loss or gradient at the current weights is not finite.
    pub fn overflows(&self) -> bool {
        !(self.loss.is_finite() && self.grad.w_x.is_finite() && self.grad.w_rec.is_finite())
    }

    /// Before any run exists (settings that cannot build one).
    pub fn broken() -> Snapshot {
        Snapshot {
            epoch: 0,
            weights: Weights::default(),
            init: Weights::default(),
            loss: f64::NAN,
            grad: Gradient {
                w_x: f64::NAN,
                w_rec: f64::NAN,
            },
            clipping: None,
            outputs: Vec::new(),
            run: RunState::Broken,
            optimizer_state: Vec::new(),
        }
    }
}
