//! The phases of one epoch of BPTT in slow motion, in the order the epoch
//! computes them: forward k = 1..n, the loss, backward k = n..1, clipping
//! (when it is on), the update, the new weights.

use serde::Serialize;

/// One phase of an epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Phase {
    /// The forward step computing s_k.
    Forward(usize),
    Loss,
    /// The backward step with dL/ds_k and the gradient sums so far.
    Backward(usize),
    Clip,
    Update,
    Weights,
}

impl Phase {
    /// How many phases an epoch of `len` steps has.
    pub fn count(len: usize, clipping: bool) -> usize {
        2 * len + 3 + usize::from(clipping)
    }

    /// The phase at `index` (from 0), if there is one.
    pub fn at(index: usize, len: usize, clipping: bool) -> Option<Phase> {
        let after_backward = 2 * len + 1;
        Some(match index {
            i if i < len => Phase::Forward(i + 1),
            i if i == len => Phase::Loss,
            i if i < after_backward => Phase::Backward(after_backward - i),
            i if clipping && i == after_backward => Phase::Clip,
            i if i == after_backward + usize::from(clipping) => Phase::Update,
            i if i == after_backward + usize::from(clipping) + 1 => Phase::Weights,
            _ => return None,
        })
    }

    /// The index of this phase (the inverse of [`Phase::at`]).
    pub fn index(self, len: usize, clipping: bool) -> usize {
        match self {
            Phase::Forward(k) => k - 1,
            Phase::Loss => len,
            Phase::Backward(k) => 2 * len + 1 - k,
            Phase::Clip => 2 * len + 1,
            Phase::Update => 2 * len + 1 + usize::from(clipping),
            Phase::Weights => 2 * len + 2 + usize::from(clipping),
        }
    }
}
