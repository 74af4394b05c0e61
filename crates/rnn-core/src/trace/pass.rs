//! One forward and backward pass at given weights, with every value kept:
//! the unrolled network of Roelants' tutorial, as numbers. Each cell fills one in its own
//! file ([`Pass::of`]); the linear cell's is written here, where the trace began.

use serde::Serialize;

use crate::cell::CellKind;
use crate::data::Dataset;
use crate::model::{Bptt, Gradient, Reduction, Weights};

/// One backward step's share of the gradient, and the sums so far. The fields are the
/// cell's first and second parameter (for the linear cell, as named).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct StepGradient {
    /// `Σ_i dL/ds_k,i · x_k,i`, this step's term of dL/dw_x.
    pub w_x: f64,
    /// `Σ_i dL/ds_k,i · s_{k-1},i`, this step's term of dL/dw_rec.
    pub w_rec: f64,
    /// The gradient summed over steps n..=k.
    pub running: Gradient,
}

/// Everything one pass computes, in the order BPTT computes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pass {
    /// The cell that made it.
    pub model: CellKind,
    /// The cell's two parameters, in its order.
    pub weights: Weights,
    pub reduction: Reduction,
    pub samples: usize,
    pub len: usize,
    /// `x_k` of sample i at `inputs[(k − 1) * samples + i]`, k = 1..=n.
    pub(crate) inputs: Vec<f64>,
    pub targets: Vec<f64>,
    /// `s_k` of sample i at `states[k * samples + i]`, k = 0..=n.
    pub(crate) states: Vec<f64>,
    /// `y_i − t_i`.
    pub errors: Vec<f64>,
    pub loss: f64,
    /// `dL/ds_k` of sample i at `signal[(k − 1) * samples + i]`, k = 1..=n.
    pub(crate) signal: Vec<f64>,
    /// `Σ_i dL/ds_k,i` at index k − 1: the batch's backward signal.
    pub batch_signal: Vec<f64>,
    /// Step k's contribution at index k − 1 (summed from k = n down).
    pub steps: Vec<StepGradient>,
    /// The sum of all steps: what `loss_and_gradient` returns.
    pub gradient: Gradient,
}

impl Pass {
    /// The pass of `model` at `w`, as the cell's own file computes it.
    pub fn of(model: CellKind, data: &Dataset, w: Weights, reduction: Reduction) -> Pass {
        match model {
            CellKind::Linear => Pass::at(data, w, reduction),
            CellKind::Tanh => crate::cell::tanh_pass(data, w, reduction),
            CellKind::Cliff => crate::cell::cliff_pass(data, w),
        }
    }

    /// The linear cell's pass at `w`. Arithmetic and order are those of
    /// [`Bptt::loss_and_gradient`], so every number equals training's bit for bit.
    pub fn at(data: &Dataset, w: Weights, reduction: Reduction) -> Pass {
        let mut bptt = Bptt::default();
        let loss = bptt.forward(data, w, reduction);
        let (samples, len) = (data.samples(), data.len());
        let states = bptt.states().to_vec();
        let last = &states[len * samples..];
        let errors = last.iter().zip(&data.targets).map(|(y, t)| y - t).collect();
        let mut g = bptt.signal().to_vec();
        let mut signal = vec![0.0; len * samples];
        let mut batch_signal = vec![0.0; len];
        let mut steps = vec![StepGradient::default(); len];
        let mut gradient = Gradient::default();
        for k in (1..=len).rev() {
            signal[(k - 1) * samples..k * samples].copy_from_slice(&g);
            batch_signal[k - 1] = g.iter().sum();
            let (mut dx, mut drec) = (0.0, 0.0);
            let previous = &states[(k - 1) * samples..k * samples];
            for ((g, &x), &s) in g.iter_mut().zip(data.step(k - 1)).zip(previous) {
                dx += *g * x;
                drec += *g * s;
                *g *= w.w_rec;
            }
            gradient.w_x += dx;
            gradient.w_rec += drec;
            steps[k - 1] = StepGradient {
                w_x: dx,
                w_rec: drec,
                running: gradient,
            };
        }
        Pass {
            model: CellKind::Linear,
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

    /// `x_k` of sample `i`, k = 1..=n.
    pub fn input(&self, i: usize, k: usize) -> f64 {
        self.inputs[(k - 1) * self.samples + i]
    }

    /// One sequence of this pass, unrolled.
    pub fn unrolled(&self, i: usize) -> Unrolled {
        Unrolled {
            model: self.model,
            weights: self.weights,
            inputs: (1..=self.len).map(|k| self.input(i, k)).collect(),
            states: self.states_of(i),
            signal: Some(self.signal_of(i)),
            target: Some(self.targets[i]),
        }
    }

    /// `s_k` of sample `i`, k = 0..=n.
    pub fn state(&self, i: usize, k: usize) -> f64 {
        self.states[k * self.samples + i]
    }

    /// `dL/ds_k` of sample `i`, k = 1..=n.
    pub fn signal(&self, i: usize, k: usize) -> f64 {
        self.signal[(k - 1) * self.samples + i]
    }

    /// The output of sample `i`: `y_i = s_n`, or the cliff's `σ(x_T)`.
    pub fn output(&self, i: usize) -> f64 {
        let last = self.state(i, self.len);
        match self.model {
            CellKind::Cliff => crate::cell::sigmoid(last),
            CellKind::Linear | CellKind::Tanh => last,
        }
    }

    /// `s_0..=s_n` of sample `i`.
    pub fn states_of(&self, i: usize) -> Vec<f64> {
        (0..=self.len).map(|k| self.state(i, k)).collect()
    }

    /// `dL/ds_1..=dL/ds_n` of sample `i`.
    pub fn signal_of(&self, i: usize) -> Vec<f64> {
        (1..=self.len).map(|k| self.signal(i, k)).collect()
    }

    /// `Σ_i s_k,i`, k = 0..=n: the batch's state at step k.
    pub fn batch_state(&self, k: usize) -> f64 {
        self.states[k * self.samples..(k + 1) * self.samples]
            .iter()
            .sum()
    }
}

/// One sequence unrolled over time: what the unrolled view draws.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Unrolled {
    pub model: CellKind,
    pub weights: Weights,
    /// `x_1..=x_n`.
    pub inputs: Vec<f64>,
    /// `s_0..=s_n`.
    pub states: Vec<f64>,
    /// `dL/ds_1..=dL/ds_n` under the run's loss; `None` for a typed sequence,
    /// which has no target and so no training signal.
    pub signal: Option<Vec<f64>>,
    pub target: Option<f64>,
}

impl Unrolled {
    /// A typed sequence at `w`: the forward pass and the prediction only.
    pub fn typed(model: CellKind, inputs: &[f64], w: Weights) -> Unrolled {
        Unrolled {
            model,
            weights: w,
            inputs: inputs.to_vec(),
            states: forward_states(model, inputs, w),
            signal: None,
            target: None,
        }
    }

    /// The prediction: `y = s_n`, or the cliff's `σ(x_T)`.
    pub fn output(&self) -> f64 {
        let last = self.states.last().copied().unwrap_or(0.0);
        match self.model {
            CellKind::Cliff => crate::cell::sigmoid(last),
            _ => last,
        }
    }

    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Always false: a sequence has at least one step.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }
}

/// `s_0..=s_n` of one sequence at `w`: the forward pass alone, for a
/// sequence that has no target ("try the model on your own sequence").
pub fn forward_states(model: CellKind, sequence: &[f64], w: Weights) -> Vec<f64> {
    let data = match Dataset::from_rows(&[sequence.to_vec()]) {
        Ok(data) => data,
        Err(_) => return vec![0.0],
    };
    let pass = Pass::of(model, &data, w, Reduction::Sum);
    pass.states_of(0)
}
