//! What the inside views read: the core's pass over the data at the current
//! (or a hovered) point, and the trace of the next epoch. Each is computed
//! only when a view asks, never inside the training loop.

use leptos::prelude::*;

use crate::rnn::Weights;
use crate::rnn::trace::{EpochTrace, Pass};

use super::Controller;

impl Controller {
    /// The forward and backward pass at `at`, or at the current weights when
    /// `None`; `None` without a run. Reads untracked: callers track what
    /// should recompute it (the snapshot, the hovered point).
    pub fn pass_at(self, at: Option<Weights>) -> Option<Pass> {
        let (model, reduction) = self
            .settings
            .try_with_untracked(|s| (s.model, s.reduction))?;
        self.trainer
            .try_with_value(|trainer| {
                let trainer = trainer.as_ref()?;
                let w = at.unwrap_or_else(|| trainer.weights());
                Some(Pass::of(model, trainer.data(), w, reduction))
            })
            .flatten()
    }

    /// The trace of the next epoch of the run, leaving the run untouched.
    pub fn trace(self) -> Option<EpochTrace> {
        self.trainer
            .try_with_value(|trainer| trainer.as_ref().map(|t| t.trace()))
            .flatten()
    }

    /// The training sequences as 0/1 rows with their targets, for the menu.
    pub fn sequences(self) -> Vec<(Vec<f64>, f64)> {
        self.trainer
            .try_with_value(|trainer| {
                trainer.as_ref().map(|t| {
                    let data = t.data();
                    (0..data.samples())
                        .map(|i| (data.row(i).to_vec(), data.targets[i]))
                        .collect()
                })
            })
            .flatten()
            .unwrap_or_default()
    }

    /// The point of the heat map under the pointer, if any.
    pub fn hovered(self) -> Signal<Option<Weights>> {
        self.hovered.into()
    }

    pub fn set_hovered(self, w: Option<Weights>) {
        self.hovered.set(w);
    }
}
