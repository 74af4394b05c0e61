//! The linear RNN, its loss and its exact gradient by backpropagation through time.
//!
//! `s_0 = 0`, `s_k = x_k·w_x + s_{k-1}·w_rec`, output `y = s_n`: the model of
//! Roelants' numpy tutorial, which the seed's Theano code follows.
//! Nothing here panics on overflow: with |w_rec| > 1 and long sequences the
//! values may become inf or NaN, and the caller decides what that means.

use serde::{Deserialize, Serialize};

use super::data::Dataset;
use super::named::named_enum;
use super::trace::Pass;

/// The two weights. The answer to "count the ones" is (1, 1).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Weights {
    pub w_x: f64,
    pub w_rec: f64,
}

impl Weights {
    pub fn is_finite(&self) -> bool {
        self.w_x.is_finite() && self.w_rec.is_finite()
    }
}

/// dL/dw_x and dL/dw_rec.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Gradient {
    pub w_x: f64,
    pub w_rec: f64,
}

impl Gradient {
    pub fn norm(&self) -> f64 {
        self.w_x.hypot(self.w_rec)
    }

    pub fn is_finite(&self) -> bool {
        self.w_x.is_finite() && self.w_rec.is_finite()
    }
}

named_enum! {
    /// How the squared errors are combined.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    #[strum(serialize_all = "lowercase")]
    pub enum Reduction {
        /// `L = Σ_i (y_i - t_i)^2`, as the seed; its learning rates assume it.
        #[default]
        Sum,
        /// `L = Σ_i (y_i - t_i)^2 / N`, as Roelants.
        Mean,
    }
}

impl Reduction {
    /// The factor applied to the sum of squared errors.
    pub(crate) fn scale(self, samples: usize) -> f64 {
        match self {
            Reduction::Sum => 1.0,
            Reduction::Mean => 1.0 / samples as f64,
        }
    }
}

/// The output `y = s_n` for one sequence.
pub fn output(sequence: &[f64], w: Weights) -> f64 {
    sequence.iter().fold(0.0, |s, &x| x * w.w_x + s * w.w_rec)
}

/// The outputs of the first `rows` sequences of `data` at `w`.
pub fn outputs(data: &Dataset, w: Weights, rows: usize) -> Vec<f64> {
    (0..data.samples().min(rows))
        .map(|i| output(data.row(i), w))
        .collect()
}

/// The loss at `w`, without the gradient.
pub fn loss(data: &Dataset, w: Weights, reduction: Reduction) -> f64 {
    let sum: f64 = (0..data.samples())
        .map(|i| {
            let error = output(data.row(i), w) - data.targets[i];
            error * error
        })
        .sum();
    sum * reduction.scale(data.samples())
}

/// Reusable buffers for BPTT, so an epoch allocates nothing.
#[derive(Debug, Default, Clone)]
pub struct Bptt {
    /// States, time-major: `states[k * N + i]` is `s_k` of sample i, k = 0..=n.
    states: Vec<f64>,
    /// `G_i = dL/ds_k` of sample i at the current step k of the backward pass.
    signal: Vec<f64>,
}

impl Bptt {
    /// The loss and its exact gradient at `w`, by backpropagation through time
    /// as Roelants' tutorial derives it.
    pub fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        w: Weights,
        reduction: Reduction,
    ) -> (f64, Gradient) {
        let (loss, mut gradient) = (self.forward(data, w, reduction), Gradient::default());
        let (samples, len) = (data.samples(), data.len());
        for k in (1..=len).rev() {
            // Σ_i over samples first, then over time, as the vectorised numpy code does.
            let (mut dx, mut drec) = (0.0, 0.0);
            let previous = &self.states[(k - 1) * samples..k * samples];
            for ((g, &x), &s) in self.signal.iter_mut().zip(data.step(k - 1)).zip(previous) {
                dx += *g * x;
                drec += *g * s;
                *g *= w.w_rec;
            }
            gradient.w_x += dx;
            gradient.w_rec += drec;
        }
        (loss, gradient)
    }

    /// The states of the last pass, time-major: `s_k` of sample i at `k * N + i`.
    pub(crate) fn states(&self) -> &[f64] {
        &self.states
    }

    /// The backward signal where the last pass left it (`dL/ds_n` after `forward`).
    pub(crate) fn signal(&self) -> &[f64] {
        &self.signal
    }

    /// Runs the forward pass, fills the states and sets `signal` to `dL/ds_n`;
    /// returns the loss.
    pub(crate) fn forward(&mut self, data: &Dataset, w: Weights, reduction: Reduction) -> f64 {
        let (samples, len) = (data.samples(), data.len());
        let scale = reduction.scale(samples);
        self.states.clear();
        self.states.resize((len + 1) * samples, 0.0);
        self.signal.clear();
        self.signal.resize(samples, 0.0);
        // s_k = x_k·w_x + s_{k-1}·w_rec for all samples at once, step by step.
        for k in 1..=len {
            let (before, after) = self.states.split_at_mut(k * samples);
            let previous = &before[(k - 1) * samples..];
            for ((s, &p), &x) in after[..samples]
                .iter_mut()
                .zip(previous)
                .zip(data.step(k - 1))
            {
                *s = x * w.w_x + p * w.w_rec;
            }
        }
        let mut sum = 0.0;
        let last = &self.states[len * samples..];
        for ((g, &y), &t) in self.signal.iter_mut().zip(last).zip(&data.targets) {
            let error = y - t;
            sum += error * error;
            *g = 2.0 * error * scale;
        }
        sum * scale
    }
}

/// The loss and gradient at `w` (allocates its buffers; see [`Bptt`] for loops).
/// The loss of predicting 0 for every sequence: Σ t² (or its mean). It
/// depends on the data alone, a yardstick for "near the answer" that no start
/// can move. With w = (0, 0) every state is 0, so this is the loss there.
pub fn baseline_loss(data: &Dataset, reduction: Reduction) -> f64 {
    loss(data, Weights::default(), reduction)
}

pub fn loss_and_gradient(data: &Dataset, w: Weights, reduction: Reduction) -> (f64, Gradient) {
    Bptt::default().loss_and_gradient(data, w, reduction)
}

/// `dL/ds_k` for k = 1..=n, summed over the samples (see [`Pass`] for every value).
/// It scales as `w_rec^(n-k)`: the exploding/vanishing gradient.
pub fn backward_signal(data: &Dataset, w: Weights, reduction: Reduction) -> Vec<f64> {
    Pass::at(data, w, reduction).batch_signal
}
