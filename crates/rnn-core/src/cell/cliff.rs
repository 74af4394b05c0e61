//! Pascanu, Mikolov & Bengio (2013), "On the difficulty of training recurrent neural
//! networks", section 3 and figure 6: one sigmoid unit with no input, `x_0 = 0.5`,
//! `x_t = w·σ(x_{t−1}) + b` for t = 1..T, loss `E = (σ(x_T) − 0.7)²`. Across the line
//! b ≈ 0.5 − 0.6225·w the unit's fixed point jumps, and the loss has a wall: the gradient
//! there is huge, and a plain step is thrown far off it. That wall is what gradient clipping
//! was invented for.
//!
//! It has no data: T is the data's length, and the sequences and the reduction are unused.

use super::{Cell, sigmoid};
use crate::data::Dataset;
use crate::model::Reduction;
use crate::params::Params;
use crate::task::Task;

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
            d_x *= w * p * (1.0 - p);
        }
        (error * error, gradient)
    }
}
