//! When a run has settled: its loss has stopped changing, or repeats a short
//! cycle.
//!
//! The seed's RMSProp never reaches a zero gradient: it ends in a 2-cycle,
//! alternating between two losses (0.006828 and 0.006722 in the seed's
//! printed table). A fixed-point test on the loss would call that
//! "converged", which it is not. So every epoch's loss is compared with the
//! losses 1 to [`MAX_PERIOD`] epochs before it; the shortest period whose
//! comparison has held, to [`RELATIVE_TOLERANCE`], for [`WINDOW`] epochs in a
//! row is the run's rhythm: period 1 is a fixed point, longer ones a cycle.
//!
//! A rhythm is only progress when its losses are below the run's start: a
//! rate far too large can also hold still, or cycle, at a loss no lower than
//! where it began. That run is stuck, never "converged".

use serde::{Deserialize, Serialize};

use super::model::{Gradient, Weights};
use super::trainer::Record;

/// Epochs the rhythm must hold.
pub const WINDOW: u64 = 500;
/// Relative difference of two losses that still counts as equal.
pub const RELATIVE_TOLERANCE: f64 = 1e-9;
/// The longest cycle looked for.
pub const MAX_PERIOD: usize = 4;

/// One point of a settled run.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CyclePoint {
    pub epoch: u64,
    pub loss: f64,
    pub weights: Weights,
    pub grad: Gradient,
}

/// What a settled run has reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// A fixed point below the start's loss.
    Converged,
    /// A short cycle whose losses are all below the start's.
    Cycle,
    /// A fixed point or cycle no lower than the start: the steps could not
    /// bring the loss down.
    Stuck,
}

/// A run that has settled, seen at epoch `epoch`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settled {
    /// The epoch at which the rhythm had held for a whole window.
    pub epoch: u64,
    /// The points the run repeats, oldest first: one for a fixed point, two
    /// for a 2-cycle, and so on.
    pub points: Vec<CyclePoint>,
    /// The loss the run started from (its epoch 0).
    pub start_loss: f64,
}

impl Settled {
    /// Progress, a cycle, or stuck: every point must be below the start
    /// for the run to have learnt anything.
    pub fn outcome(&self) -> Outcome {
        let improved = self.points.iter().all(|p| p.loss < self.start_loss);
        match (improved, self.is_cycle()) {
            (false, _) => Outcome::Stuck,
            (true, false) => Outcome::Converged,
            (true, true) => Outcome::Cycle,
        }
    }

    /// 1 for a fixed point, p for a cycle through p points.
    pub fn period(&self) -> usize {
        self.points.len()
    }

    pub fn is_cycle(&self) -> bool {
        self.period() > 1
    }
}

/// Watches the losses of one run, epoch by epoch.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CycleWatch {
    /// The last [`MAX_PERIOD`] records, newest last.
    recent: Vec<Record>,
    /// For each period p (index p − 1): epochs in a row whose loss equalled
    /// the loss p epochs before.
    held: [u64; MAX_PERIOD],
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= RELATIVE_TOLERANCE * a.abs().max(b.abs())
}

impl CycleWatch {
    /// Takes the next epoch's record (epochs arrive in order).
    pub fn observe(&mut self, record: &Record) {
        if !record.loss.is_finite() {
            *self = CycleWatch::default();
            return;
        }
        let count = self.recent.len();
        for period in 1..=MAX_PERIOD {
            let held = &mut self.held[period - 1];
            match count.checked_sub(period).map(|i| self.recent[i].loss) {
                Some(before) if same(record.loss, before) => *held += 1,
                _ => *held = 0,
            }
        }
        if self.recent.len() == MAX_PERIOD {
            self.recent.remove(0);
        }
        self.recent.push(*record);
    }

    /// The rhythm, once it has held for a whole window, judged against the
    /// run's starting loss; `None` while the loss still changes.
    pub fn settled(&self, start_loss: f64) -> Option<Settled> {
        let period = (1..=MAX_PERIOD).find(|&p| self.held[p - 1] >= WINDOW)?;
        let points = &self.recent[self.recent.len() - period..];
        Some(Settled {
            epoch: points.last()?.epoch,
            points: points
                .iter()
                .map(|r| CyclePoint {
                    epoch: r.epoch,
                    loss: r.loss,
                    weights: r.weights,
                    grad: r.grad,
                })
                .collect(),
            start_loss,
        })
    }
}
