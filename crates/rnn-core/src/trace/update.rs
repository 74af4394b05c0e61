//! What an update rule computes inside one update, named, so a view can show
//! the formula with the numbers plugged in.
//!
//! The rules in [`crate::optim`] report their intermediates to a
//! [`Recorder`]. Training passes [`NoRecord`], which the compiler removes, so
//! a normal epoch pays nothing; a trace passes [`Recording`].

use serde::Serialize;

use crate::model::{Gradient, Weights};
use crate::optim::{OptimizerKind, OptimizerState};

/// A named value inside one update, per weight `[w_x, w_rec]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
#[derive(strum::EnumIter, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Quantity {
    /// Momentum's velocity `v` (state).
    Velocity,
    /// RMSProp's running mean of g² (`ms`; the seed variant's `sq`) (state).
    MeanSquare,
    /// RMSProp's `√ms + ε`.
    Denominator,
    /// The seed variant's `√‖g‖`, the square root of the global norm.
    RootNorm,
    /// The seed variant's rescale factor `rescale / max(rescale, √‖g‖)`.
    RescaleFactor,
    /// The gradient the seed variant uses after rescaling (or `0.1·w` on overflow).
    RescaledGradient,
    /// The seed variant's running mean of g (`avg`) (state).
    Mean,
    /// The seed variant's `max(√(sq − avg²), floor)`.
    Rms,
    /// The seed variant's Nesterov memory `mem` (state).
    Memory,
    /// Rprop's sign of the gradient.
    Sign,
    /// Rprop's previous sign (state).
    PrevSign,
    /// Rprop's factor applied to the step: η+ or η−.
    Factor,
    /// Rprop's step Δ (state).
    Step,
    /// Adam's first moment m (state).
    FirstMoment,
    /// Adam's second moment v (state).
    SecondMoment,
    /// Adam's `1 − β1^t`.
    BiasCorrection1,
    /// Adam's `1 − β2^t`.
    BiasCorrection2,
    /// Adam's m̂ = m / (1 − β1^t).
    MHat,
    /// Adam's v̂ = v / (1 − β2^t).
    VHat,
    /// What the rule adds to the weight.
    Change,
}

impl Quantity {
    /// The state fields of `kind`, in display order; the rest of a rule's
    /// quantities live only inside one update.
    pub fn state_of(kind: OptimizerKind) -> &'static [Quantity] {
        use Quantity::*;
        match kind {
            OptimizerKind::Gd => &[],
            OptimizerKind::Momentum => &[Velocity],
            OptimizerKind::Rmsprop => &[MeanSquare],
            OptimizerKind::RmspropSeed => &[MeanSquare, Mean, Memory],
            OptimizerKind::Rprop => &[Step, PrevSign],
            OptimizerKind::Adam => &[FirstMoment, SecondMoment],
        }
    }

    /// This quantity's value in `state`, when it is a state field.
    pub fn in_state(self, state: &OptimizerState) -> Option<[f64; 2]> {
        Some(match self {
            Quantity::Velocity => state.velocity,
            Quantity::MeanSquare => state.mean_square,
            Quantity::Mean => state.mean,
            Quantity::Memory => state.memory,
            Quantity::Step => state.step,
            Quantity::PrevSign => state.prev_sign,
            Quantity::FirstMoment => state.m,
            Quantity::SecondMoment => state.v,
            _ => return None,
        })
    }
}

/// Receives the intermediates of one update.
pub trait Recorder {
    /// `value` of `quantity` for weight `j` (0: w_x, 1: w_rec).
    fn note(&mut self, quantity: Quantity, j: usize, value: f64);

    /// The gradient before and after clipping.
    fn clipped(&mut self, before: Gradient, after: Gradient);
}

/// Records nothing: what training passes.
pub struct NoRecord;

impl Recorder for NoRecord {
    #[inline(always)]
    fn note(&mut self, _: Quantity, _: usize, _: f64) {}

    #[inline(always)]
    fn clipped(&mut self, _: Gradient, _: Gradient) {}
}

/// Records every intermediate in the order the rule computes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Recording {
    pub clip: Option<(Gradient, Gradient)>,
    pub values: Vec<(Quantity, [f64; 2])>,
}

impl Recorder for Recording {
    fn note(&mut self, quantity: Quantity, j: usize, value: f64) {
        match self.values.iter_mut().find(|(q, _)| *q == quantity) {
            Some((_, pair)) => pair[j] = value,
            None => {
                let mut pair = [f64::NAN; 2];
                pair[j] = value;
                self.values.push((quantity, pair));
            }
        }
    }

    fn clipped(&mut self, before: Gradient, after: Gradient) {
        self.clip = Some((before, after));
    }
}

/// Clipping in one update: the limit and the gradient's norm before and after.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ClipTrace {
    /// `None`: clipping is off.
    pub limit: Option<f64>,
    pub norm_before: f64,
    pub norm_after: f64,
    /// The gradient the rule then uses.
    pub gradient: Gradient,
}

/// One update of one rule, from the weights and gradient to the new weights.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpdateTrace {
    pub kind: OptimizerKind,
    pub clip: ClipTrace,
    /// The rule's state before and after, as [`Quantity::state_of`] names it.
    pub state: Vec<StateChange>,
    /// Every quantity the rule computed, in order (state fields at their new value).
    pub intermediates: Vec<(Quantity, [f64; 2])>,
    pub before: Weights,
    pub after: Weights,
}

/// One state field of a rule, before and after the update.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct StateChange {
    pub quantity: Quantity,
    pub before: [f64; 2],
    pub after: [f64; 2],
}

impl UpdateTrace {
    /// Assembles the trace of an update from its recording and the states around it.
    pub(crate) fn new(
        kind: OptimizerKind,
        limit: Option<f64>,
        gradient: Gradient,
        recording: Recording,
        state: (&OptimizerState, &OptimizerState),
        weights: (Weights, Weights),
    ) -> UpdateTrace {
        let (before, after) = recording.clip.unwrap_or((gradient, gradient));
        UpdateTrace {
            kind,
            clip: ClipTrace {
                limit,
                norm_before: before.norm(),
                norm_after: after.norm(),
                gradient: after,
            },
            state: Quantity::state_of(kind)
                .iter()
                .filter_map(|&quantity| {
                    Some(StateChange {
                        quantity,
                        before: quantity.in_state(state.0)?,
                        after: quantity.in_state(state.1)?,
                    })
                })
                .collect(),
            intermediates: recording.values,
            before: weights.0,
            after: weights.1,
        }
    }

    /// The value of `quantity` in this update, if the rule computed it.
    pub fn get(&self, quantity: Quantity) -> Option<[f64; 2]> {
        self.intermediates
            .iter()
            .find(|(q, _)| *q == quantity)
            .map(|(_, v)| *v)
    }
}
