//! The chain rule of one step, with the numbers of one sequence: how the
//! forward pass makes `s_k` and how the backward pass makes `dL/ds_k` and the
//! gradient's terms, each as the factors the pass multiplied and the value it
//! got (Roelants' derivation of BPTT, step by step), for each cell:
//!
//! | | linear | tanh | cliff |
//! |---|---|---|---|
//! | `input` | `x_k · w_x` | `x_k · w_x` | `b` |
//! | `carried` | `s_{k−1} · w_rec` | `s_{k−1} · w_rec` | `w · σ(x_{t−1})` |
//! | `state` | the sum | `tanh` of the sum | the sum |
//! | signal from later | `dL/ds_{k+1} · w_rec` | `dL/ds_{k+1} · (1 − s_{k+1}²) · w_rec` | `dE/dx_{t+1} · w·σ′(x_t)` |
//! | first term | `dL/ds_k · x_k` | `dL/ds_k · (1 − s_k²) · x_k` | `dE/dx_t · σ(x_{t−1})` |
//! | second term | `dL/ds_k · s_{k−1}` | `dL/ds_k · (1 − s_k²) · s_{k−1}` | `dE/dx_t` |

use serde::Serialize;

use crate::cell::{CellKind, cliff_factor, sigmoid};
use crate::model::Gradient;

use super::pass::Pass;

/// A product as the pass computed it: `factors` multiplied left to right give
/// `value` exactly (the same floating-point operations, in the same order).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Product {
    pub factors: Vec<f64>,
    pub value: f64,
}

impl Product {
    fn of(factors: Vec<f64>) -> Product {
        let value = factors.iter().copied().reduce(|a, b| a * b).unwrap_or(0.0);
        Product { factors, value }
    }
}

/// `s_k = x_k·w_x + s_{k−1}·w_rec` of one sequence (see the table above for each cell).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForwardStep {
    pub k: usize,
    /// `x_k · w_x` (the cliff: `b`).
    pub input: Product,
    /// `s_{k−1} · w_rec` (the cliff: `w · σ(x_{t−1})`).
    pub carried: Product,
    /// The sum of the two, before the cell's activation.
    pub sum: f64,
    /// `s_k`: the sum, or its tanh.
    pub state: f64,
}

/// Where `dL/ds_k` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SignalSource {
    /// k = n: `dL/ds_n = dL/dy = 2·(y − t)`, times `1/N` under the mean loss.
    Output,
    /// k < n: `dL/ds_k = dL/ds_{k+1} · w_rec`.
    Later,
}

/// One backward step of one sequence, and the batch's sums it feeds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BackwardStep {
    pub k: usize,
    pub source: SignalSource,
    /// `dL/ds_k` as a product: `[2, y − t]` (and `1/N` under the mean loss; the cliff's
    /// `[2, σ(x_T) − 0.7, σ(x_T), 1 − σ(x_T)]`), or the signal from later (see the table).
    pub signal: Product,
    /// This sequence's term of the first parameter's gradient (see the table).
    pub term_x: Product,
    /// This sequence's term of the second parameter's gradient (see the table).
    pub term_rec: Product,
    /// The step's terms summed over the sequences: `Σ_i dL/ds_k,i · x_k,i`
    /// and `Σ_i dL/ds_k,i · s_{k−1},i`.
    pub step: Gradient,
    /// The gradient summed over steps n..k+1 (zero at k = n).
    pub before: Gradient,
    /// `before + step`: the gradient summed over steps n..k.
    pub after: Gradient,
}

impl Pass {
    /// Step `k` (1..=n) of the forward pass of sequence `i`; `None` out of range.
    pub fn forward_step(&self, i: usize, k: usize) -> Option<ForwardStep> {
        if i >= self.samples || k == 0 || k > self.len {
            return None;
        }
        let w = self.weights;
        let previous = self.state(i, k - 1);
        let (input, carried) = match self.model {
            CellKind::Linear | CellKind::Tanh => (
                Product::of(vec![self.input(i, k), w.w_x]),
                Product::of(vec![previous, w.w_rec]),
            ),
            CellKind::Cliff => (
                Product::of(vec![w.w_rec]),
                Product::of(vec![w.w_x, sigmoid(previous)]),
            ),
        };
        Some(ForwardStep {
            k,
            sum: carried.value + input.value,
            input,
            carried,
            state: self.state(i, k),
        })
    }

    /// Step `k` (n down to 1) of the backward pass of sequence `i`; `None` out of range.
    pub fn backward_step(&self, i: usize, k: usize) -> Option<BackwardStep> {
        if i >= self.samples || k == 0 || k > self.len {
            return None;
        }
        let w = self.weights;
        // tanh′ at step k, written as the cell computes it: 1 − s_k².
        let slope = |k: usize| {
            let s = self.state(i, k);
            1.0 - s * s
        };
        let (source, signal) = if k == self.len {
            let mut factors = vec![2.0, self.errors[i]];
            match self.model {
                CellKind::Cliff => {
                    let y = self.output(i);
                    factors.extend([y, 1.0 - y]);
                }
                CellKind::Linear | CellKind::Tanh => {
                    let scale = self.reduction.scale(self.samples);
                    if scale != 1.0 {
                        factors.push(scale);
                    }
                }
            }
            (SignalSource::Output, Product::of(factors))
        } else {
            let later = self.signal(i, k + 1);
            let factors = match self.model {
                CellKind::Linear => vec![later, w.w_rec],
                CellKind::Tanh => vec![later, slope(k + 1), w.w_rec],
                CellKind::Cliff => vec![later, cliff_factor(w.w_x, self.state(i, k))],
            };
            (SignalSource::Later, Product::of(factors))
        };
        let g = self.signal(i, k);
        let (term_x, term_rec) = match self.model {
            CellKind::Linear => (vec![g, self.input(i, k)], vec![g, self.state(i, k - 1)]),
            CellKind::Tanh => (
                vec![g, slope(k), self.input(i, k)],
                vec![g, slope(k), self.state(i, k - 1)],
            ),
            CellKind::Cliff => (vec![g, sigmoid(self.state(i, k - 1))], vec![g]),
        };
        let this = self.steps[k - 1];
        let before = match self.steps.get(k) {
            Some(later) => later.running,
            None => Gradient::default(),
        };
        Some(BackwardStep {
            k,
            source,
            signal,
            term_x: Product::of(term_x),
            term_rec: Product::of(term_rec),
            step: Gradient {
                w_x: this.w_x,
                w_rec: this.w_rec,
            },
            before,
            after: this.running,
        })
    }
}
