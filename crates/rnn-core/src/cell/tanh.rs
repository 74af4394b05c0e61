//! The tanh cell, `s_k = tanh(x_k·w_x + s_{k−1}·w_rec)`, `s_0 = 0`, `y = s_n`: the smallest
//! network with the saturation of Bengio, Simard & Frasconi (1994). Its state stays in
//! (−1, 1), so on the latch task a gradient can vanish (a plateau) or jump across the
//! bifurcation at w_rec = 1 (a cliff) while the output stays bounded.

use super::{Cell, CellKind};
use crate::data::Dataset;
use crate::model::{Gradient, Reduction, Weights};
use crate::params::Params;
use crate::task::Task;
use crate::trace::{Pass, StepGradient};

/// The tanh cell with its BPTT buffers.
#[derive(Debug, Clone, Default)]
pub struct Tanh {
    /// States, time-major: `states[k * N + i]` is `s_k` of sample i, k = 0..=n.
    states: Vec<f64>,
    /// `dL/ds_k` of every sample at the current step of the backward pass.
    signal: Vec<f64>,
}

impl Cell for Tanh {
    const NAMES: &'static [&'static str] = &["w_x", "w_rec"];

    /// Its state stays in (−1, 1), so counts above 1 are out of reach; it can still be asked
    /// to count, and its loss then shows how far it stays from the targets.
    fn takes(_task: Task) -> bool {
        true
    }

    /// Wide enough for the plateau (w_rec < 1), the latch (w_rec ≈ 1.1) and the saturated
    /// side beyond the cliff.
    fn default_view() -> [(f64, f64); 2] {
        [(-3.0, 3.0), (-1.0, 7.0)]
    }

    fn output(params: &Params, sequence: &[f64]) -> f64 {
        let (w_x, w_rec) = (params[0], params[1]);
        sequence
            .iter()
            .fold(0.0, |s, &x| (x * w_x + s * w_rec).tanh())
    }

    fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        params: &Params,
        reduction: Reduction,
    ) -> (f64, Params) {
        let (w_x, w_rec) = (params[0], params[1]);
        let (samples, len) = (data.samples(), data.len());
        let scale = reduction.scale(samples);
        forward(&mut self.states, data, w_x, w_rec);
        let mut loss = 0.0;
        self.signal.clear();
        self.signal
            .extend(
                self.states[len * samples..]
                    .iter()
                    .zip(&data.targets)
                    .map(|(&y, &t)| {
                        loss += (y - t) * (y - t);
                        2.0 * (y - t) * scale
                    }),
            );
        // Back through s_k = tanh(a_k): dL/da_k = dL/ds_k·(1 − s_k²), then
        // dL/dw_x += dL/da_k·x_k, dL/dw_rec += dL/da_k·s_{k−1}, dL/ds_{k−1} = dL/da_k·w_rec.
        let mut gradient = Params::zeros(2);
        for k in (1..=len).rev() {
            let (mut d_x, mut d_rec) = (0.0, 0.0);
            let state = &self.states[k * samples..(k + 1) * samples];
            let previous = &self.states[(k - 1) * samples..k * samples];
            for (((g, &s), &p), &x) in self
                .signal
                .iter_mut()
                .zip(state)
                .zip(previous)
                .zip(data.step(k - 1))
            {
                let d_a = *g * (1.0 - s * s);
                d_x += d_a * x;
                d_rec += d_a * p;
                *g = d_a * w_rec;
            }
            gradient[0] += d_x;
            gradient[1] += d_rec;
        }
        (loss * scale, gradient)
    }
}

/// The states of every sample, time-major (`states[k * N + i]` is `s_k` of sample i, k = 0..=n):
/// the forward pass that training and the inside view's pass share.
fn forward(states: &mut Vec<f64>, data: &Dataset, w_x: f64, w_rec: f64) {
    let (samples, len) = (data.samples(), data.len());
    states.clear();
    states.resize((len + 1) * samples, 0.0);
    for k in 1..=len {
        let (before, after) = states.split_at_mut(k * samples);
        let previous = &before[(k - 1) * samples..];
        for ((s, &p), &x) in after[..samples]
            .iter_mut()
            .zip(previous)
            .zip(data.step(k - 1))
        {
            *s = (x * w_x + p * w_rec).tanh();
        }
    }
}

/// The tanh cell's pass at `w` with every value kept, for the inside view. The arithmetic
/// and its order are [`Tanh::loss_and_gradient`]'s, so every number equals training's.
pub(crate) fn pass(data: &Dataset, w: Weights, reduction: Reduction) -> Pass {
    let (samples, len) = (data.samples(), data.len());
    let scale = reduction.scale(samples);
    let mut states = Vec::new();
    forward(&mut states, data, w.w_x, w.w_rec);
    let errors: Vec<f64> = states[len * samples..]
        .iter()
        .zip(&data.targets)
        .map(|(y, t)| y - t)
        .collect();
    let loss = errors.iter().fold(0.0, |sum, e| sum + e * e) * scale;
    let mut g: Vec<f64> = errors.iter().map(|e| 2.0 * e * scale).collect();
    let mut signal = vec![0.0; len * samples];
    let mut batch_signal = vec![0.0; len];
    let mut steps = vec![StepGradient::default(); len];
    let mut gradient = Gradient::default();
    for k in (1..=len).rev() {
        signal[(k - 1) * samples..k * samples].copy_from_slice(&g);
        batch_signal[k - 1] = g.iter().sum();
        let (mut d_x, mut d_rec) = (0.0, 0.0);
        let state = &states[k * samples..(k + 1) * samples];
        let previous = &states[(k - 1) * samples..k * samples];
        for (((g, &s), &p), &x) in g.iter_mut().zip(state).zip(previous).zip(data.step(k - 1)) {
            let d_a = *g * (1.0 - s * s);
            d_x += d_a * x;
            d_rec += d_a * p;
            *g = d_a * w.w_rec;
        }
        gradient.w_x += d_x;
        gradient.w_rec += d_rec;
        steps[k - 1] = StepGradient {
            w_x: d_x,
            w_rec: d_rec,
            running: gradient,
        };
    }
    Pass {
        model: CellKind::Tanh,
        weights: w,
        reduction,
        samples,
        len,
        inputs: (0..len)
            .flat_map(|k| data.step(k).iter().copied())
            .collect(),
        targets: data.targets.clone(),
        states,
        errors,
        loss,
        signal,
        batch_signal,
        steps,
        gradient,
    }
}
