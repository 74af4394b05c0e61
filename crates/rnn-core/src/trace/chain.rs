//! The chain rule of one step, with the numbers of one sequence: how the
//! forward pass makes `s_k` and how the backward pass makes `dL/ds_k` and the
//! gradient's terms, each as the factors the pass multiplied and the value it
//! got (Roelants' derivation of BPTT, step by step).

use serde::Serialize;

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

/// `s_k = x_k·w_x + s_{k−1}·w_rec` of one sequence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ForwardStep {
    pub k: usize,
    /// `x_k · w_x`.
    pub input: Product,
    /// `s_{k−1} · w_rec`.
    pub carried: Product,
    /// `s_k`, the sum of the two.
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
    /// `dL/ds_k` as a product: `[2, y − t]` (and `1/N` under the mean loss),
    /// or `[dL/ds_{k+1}, w_rec]`.
    pub signal: Product,
    /// This sequence's term of dL/dw_x: `dL/ds_k · x_k`.
    pub term_x: Product,
    /// This sequence's term of dL/dw_rec: `dL/ds_k · s_{k−1}`.
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
        Some(ForwardStep {
            k,
            input: Product::of(vec![self.input(i, k), w.w_x]),
            carried: Product::of(vec![self.state(i, k - 1), w.w_rec]),
            state: self.state(i, k),
        })
    }

    /// Step `k` (n down to 1) of the backward pass of sequence `i`; `None` out of range.
    pub fn backward_step(&self, i: usize, k: usize) -> Option<BackwardStep> {
        if i >= self.samples || k == 0 || k > self.len {
            return None;
        }
        let (source, signal) = if k == self.len {
            let mut factors = vec![2.0, self.errors[i]];
            let scale = self.reduction.scale(self.samples);
            if scale != 1.0 {
                factors.push(scale);
            }
            (SignalSource::Output, Product::of(factors))
        } else {
            let factors = vec![self.signal(i, k + 1), self.weights.w_rec];
            (SignalSource::Later, Product::of(factors))
        };
        let g = self.signal(i, k);
        let this = self.steps[k - 1];
        let before = match self.steps.get(k) {
            Some(later) => later.running,
            None => Gradient::default(),
        };
        Some(BackwardStep {
            k,
            source,
            signal,
            term_x: Product::of(vec![g, self.input(i, k)]),
            term_rec: Product::of(vec![g, self.state(i, k - 1)]),
            step: Gradient {
                w_x: this.w_x,
                w_rec: this.w_rec,
            },
            before,
            after: this.running,
        })
    }
}
