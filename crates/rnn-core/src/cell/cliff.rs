//! Pascanu, Mikolov & Bengio (2013), "On the difficulty of training recurrent neural
//! networks", section 3 and figure 6: one sigmoid unit with no input, `x_0 = 0.5`,
//! `x_t = w·σ(x_{t−1}) + b` for t = 1..T, loss `E = (σ(x_T) − 0.7)²`. Across the line
//! b ≈ 0.5 − 0.6225·w the unit's fixed point jumps, and the loss has a wall: the gradient
//! there is huge, and a plain step is thrown far off it. That wall is what gradient clipping
//! was invented for.
//!
//! It has no data: T is the data's length, and the sequences and the reduction are unused.

use super::{Cell, CellKind, sigmoid};
use crate::data::Dataset;
use crate::model::{Gradient, Reduction, Weights};
use crate::params::Params;
use crate::task::Task;
use crate::trace::{Pass, StepGradient};

/// The paper's start value of the unit.
const X0: f64 = 0.5;
/// The paper's target for `σ(x_T)`.
const TARGET: f64 = 0.7;

/// The cliff unit with its buffer of states.
#[derive(Debug, Clone, Default)]
pub struct Cliff {
    /// `x_0..=x_T`.
    states: Vec<f64>,
}

impl Cliff {
    fn run(&mut self, params: &Params, steps: usize) -> f64 {
        let (w, b) = (params[0], params[1]);
        self.states.clear();
        self.states.push(X0);
        let mut x = X0;
        for _ in 0..steps {
            x = w * sigmoid(x) + b;
            self.states.push(x);
        }
        x
    }
}

impl Cell for Cliff {
    const NAMES: &'static [&'static str] = &["w", "b"];

    /// It takes no input, so no task is its: the length alone sets T.
    fn takes(task: Task) -> bool {
        task == Task::default()
    }

    /// A start on the upper side of the wall, from where a plain gradient step at the
    /// paper's scale is thrown off it.
    fn default_start() -> Option<&'static [f64]> {
        Some(&[5.0, -2.2])
    }

    /// The paper's figure 6: w in [4.5, 5.5], b in [−2.9, −1.9].
    fn default_view() -> [(f64, f64); 2] {
        [(4.5, 5.5), (-2.9, -1.9)]
    }

    fn output(params: &Params, sequence: &[f64]) -> f64 {
        sigmoid(Cliff::default().run(params, sequence.len()))
    }

    fn loss(data: &Dataset, params: &Params, _reduction: Reduction) -> f64 {
        let error = Self::output(params, &vec![0.0; data.len()]) - TARGET;
        error * error
    }

    /// `σ(x_T) = 0` would miss the target by 0.7.
    fn baseline_loss(_data: &Dataset, _reduction: Reduction) -> f64 {
        TARGET * TARGET
    }

    fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        params: &Params,
        _reduction: Reduction,
    ) -> (f64, Params) {
        let w = params[0];
        let x_t = self.run(params, data.len());
        let y = sigmoid(x_t);
        let error = y - TARGET;
        // dE/dx_T = 2(σ(x_T) − 0.7)·σ′(x_T); each step back multiplies by w·σ′(x_{t−1}).
        let mut d_x = 2.0 * error * y * (1.0 - y);
        let mut gradient = Params::zeros(2);
        for t in (1..self.states.len()).rev() {
            let p = sigmoid(self.states[t - 1]);
            gradient[0] += d_x * p;
            gradient[1] += d_x;
            let local = w * p * (1.0 - p);
            d_x *= local;
        }
        (error * error, gradient)
    }
}

/// `∂x_t/∂x_{t−1} = w·σ′(x_{t−1})`, the factor each step back multiplies the signal by.
pub(crate) fn local_factor(w: f64, previous: f64) -> f64 {
    let p = sigmoid(previous);
    w * p * (1.0 - p)
}

/// The cliff's pass at `w` (w and b) over T = the data's length, with every value kept, for
/// the inside view: one "sequence" with no input, its states x_0..=x_T and the signal
/// dE/dx_t. The arithmetic and its order are [`Cliff::loss_and_gradient`]'s.
pub(crate) fn pass(data: &Dataset, w: Weights) -> Pass {
    let mut cliff = Cliff::default();
    let params = crate::params::Params::from(w);
    let x_t = cliff.run(&params, data.len());
    let len = data.len();
    let y = sigmoid(x_t);
    let error = y - TARGET;
    let mut d_x = 2.0 * error * y * (1.0 - y);
    let mut signal = vec![0.0; len];
    let mut steps = vec![StepGradient::default(); len];
    let mut gradient = Gradient::default();
    for t in (1..=len).rev() {
        signal[t - 1] = d_x;
        let p = sigmoid(cliff.states[t - 1]);
        gradient.w_x += d_x * p;
        gradient.w_rec += d_x;
        steps[t - 1] = StepGradient {
            w_x: d_x * p,
            w_rec: d_x,
            running: gradient,
        };
        d_x *= local_factor(w.w_x, cliff.states[t - 1]);
    }
    Pass {
        model: CellKind::Cliff,
        weights: w,
        reduction: Reduction::Sum,
        samples: 1,
        len,
        inputs: vec![0.0; len],
        targets: vec![TARGET],
        states: std::mem::take(&mut cliff.states),
        errors: vec![error],
        loss: error * error,
        batch_signal: signal.clone(),
        signal,
        steps,
        gradient,
    }
}
