//! A trace of one epoch: everything one full-batch update computes, in order.
//!
//! Forward states, outputs and errors; the backward signal `dL/ds_k` per
//! sequence and summed; each step's share of the gradient; clipping; the
//! update rule's intermediates; the new weights. It is computed only when a
//! view asks for it, never inside [`Trainer::step`], and it ends in exactly
//! the weights that `Trainer::step` gives.

mod chain;
mod pass;
mod phase;
mod update;

use serde::Serialize;

pub use chain::{BackwardStep, ForwardStep, Product, SignalSource};
pub use pass::{Pass, StepGradient, Unrolled, forward_states};
pub use phase::Phase;
pub use update::{ClipTrace, NoRecord, Quantity, Recorder, Recording, StateChange, UpdateTrace};

use super::model::Weights;
use super::trainer::{DivergenceReason, Trainer};

/// One epoch of a run, traced.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EpochTrace {
    /// The epoch this update would be (updates made so far + 1).
    pub epoch: u64,
    pub pass: Pass,
    /// `None` when the loss or gradient overflowed: training stops there instead.
    pub update: Option<UpdateTrace>,
    /// Why training would stop at this epoch, if it would.
    pub divergence: Option<DivergenceReason>,
}

impl EpochTrace {
    /// The weights after this epoch, as the trainer keeps them: the update's
    /// result, or the old weights when training stops here.
    pub fn next_weights(&self) -> Weights {
        match &self.update {
            Some(update) if update.after.is_finite() => update.after,
            _ => self.pass.weights,
        }
    }
}

impl Trainer {
    /// The trace of the next epoch, leaving the run untouched.
    pub fn trace(&self) -> EpochTrace {
        let w = self.weights();
        let pass = Pass::of(self.config().model, self.data(), w, self.config().reduction);
        let divergence = if !pass.loss.is_finite() {
            Some(DivergenceReason::LossNotFinite)
        } else if !pass.gradient.is_finite() {
            Some(DivergenceReason::GradientNotFinite)
        } else {
            None
        };
        let update = divergence
            .is_none()
            .then(|| self.optimizer().trace(w, pass.gradient));
        let divergence = divergence.or_else(|| {
            update
                .as_ref()
                .filter(|u| !u.after.is_finite())
                .map(|_| DivergenceReason::WeightsNotFinite)
        });
        EpochTrace {
            epoch: self.epoch() + 1,
            pass,
            update,
            divergence,
        }
    }
}
