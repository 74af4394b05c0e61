//! The recurrent cells the playground trains, each in its own file with its forward pass,
//! its loss and its exact gradient by backpropagation through time, side by side.
//!
//! A cell works on its parameters as numbers in its own order ([`Params`]); only the cell's
//! file knows what each one means. [`Model`] is the closed set of cells: the trainer holds
//! one and every epoch runs the chosen cell's own, monomorphised loop.

mod cliff;
mod linear;
mod tanh;

use serde::{Deserialize, Serialize};

pub use cliff::Cliff;
pub(crate) use cliff::{local_factor as cliff_factor, pass as cliff_pass};
pub use linear::Linear;
pub use tanh::Tanh;
pub(crate) use tanh::pass as tanh_pass;

use super::data::Dataset;
use super::error::{CoreError, InvalidReason};
use super::model::Reduction;
use super::named::named_enum;
use super::params::Params;
use super::task::Task;

/// One small recurrent cell: what it computes and how it learns.
pub trait Cell: Default {
    /// Its parameters' names, in the order of its [`Params`].
    const NAMES: &'static [&'static str];

    /// Whether it can learn `task` (its output can reach the targets, or it uses data at all).
    fn takes(task: Task) -> bool;

    /// The start when none is given: `None` draws it from the seed's stream after the data,
    /// as the seed draws its weights.
    fn default_start() -> Option<&'static [f64]> {
        None
    }

    /// The map's ranges for its first two parameters when a link gives none.
    fn default_view() -> [(f64, f64); 2];

    /// The output for one sequence.
    fn output(params: &Params, sequence: &[f64]) -> f64;

    /// The loss over the data.
    fn loss(data: &Dataset, params: &Params, reduction: Reduction) -> f64 {
        let sum: f64 = (0..data.samples())
            .map(|i| {
                let error = Self::output(params, data.row(i)) - data.targets[i];
                error * error
            })
            .sum();
        sum * reduction.scale(data.samples())
    }

    /// The loss of predicting 0: a yardstick for "near the answer" that no start can move.
    fn baseline_loss(data: &Dataset, reduction: Reduction) -> f64 {
        super::model::baseline_loss(data, reduction)
    }

    /// The loss and its exact gradient by backpropagation through time, reusing the cell's
    /// buffers so that an epoch allocates nothing.
    fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        params: &Params,
        reduction: Reduction,
    ) -> (f64, Params);
}

named_enum! {
    /// The cells, by the names links and the CLI use (`model=`, `--model`).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    #[strum(serialize_all = "lowercase")]
    pub enum CellKind {
        /// `s_k = x_k·w_x + s_{k−1}·w_rec`: the seed's cell.
        #[default]
        Linear,
        /// `s_k = tanh(x_k·w_x + s_{k−1}·w_rec)` (Bengio, Simard & Frasconi 1994).
        Tanh,
        /// One sigmoid unit with no input, `x_t = w·σ(x_{t−1}) + b` (Pascanu, Mikolov &
        /// Bengio 2013, section 3).
        Cliff,
    }
}

/// Calls `$body` with `$cell` bound to the kind's cell type.
macro_rules! with_cell {
    ($kind:expr, $cell:ident => $body:expr) => {
        match $kind {
            CellKind::Linear => {
                type $cell = Linear;
                $body
            }
            CellKind::Tanh => {
                type $cell = Tanh;
                $body
            }
            CellKind::Cliff => {
                type $cell = Cliff;
                $body
            }
        }
    };
}

impl CellKind {
    /// The parameters' names, in order.
    pub fn names(self) -> &'static [&'static str] {
        with_cell!(self, C => C::NAMES)
    }

    /// Whether the cell can learn `task`.
    pub fn takes(self, task: Task) -> bool {
        with_cell!(self, C => C::takes(task))
    }

    /// The cell's fixed start, or `None` when it is drawn from the seed's stream.
    pub fn default_start(self) -> Option<&'static [f64]> {
        with_cell!(self, C => C::default_start())
    }

    /// The map's ranges for the first two parameters.
    pub fn default_view(self) -> [(f64, f64); 2] {
        with_cell!(self, C => C::default_view())
    }

    /// The output for one sequence.
    pub fn output(self, params: &Params, sequence: &[f64]) -> f64 {
        with_cell!(self, C => C::output(params, sequence))
    }

    /// The loss over the data, without the gradient.
    pub fn loss(self, data: &Dataset, params: &Params, reduction: Reduction) -> f64 {
        with_cell!(self, C => C::loss(data, params, reduction))
    }

    /// The loss of predicting 0 (see [`Cell::baseline_loss`]).
    pub fn baseline_loss(self, data: &Dataset, reduction: Reduction) -> f64 {
        with_cell!(self, C => C::baseline_loss(data, reduction))
    }

    /// An error unless `task` suits the cell and `params` has one value per parameter.
    pub fn check(self, task: Task, params: Option<&Params>) -> Result<(), CoreError> {
        if !self.takes(task) {
            return Err(CoreError::Invalid {
                name: "task",
                reason: InvalidReason::TaskNotTaken,
            });
        }
        if params.is_some_and(|p| p.len() != self.names().len()) {
            return Err(CoreError::Invalid {
                name: "init",
                reason: InvalidReason::WrongCount,
            });
        }
        Ok(())
    }
}

/// A cell with its buffers: what a trainer holds.
#[derive(Debug, Clone)]
pub enum Model {
    Linear(Linear),
    Tanh(Tanh),
    Cliff(Cliff),
}

impl Model {
    pub fn new(kind: CellKind) -> Model {
        match kind {
            CellKind::Linear => Model::Linear(Linear::default()),
            CellKind::Tanh => Model::Tanh(Tanh::default()),
            CellKind::Cliff => Model::Cliff(Cliff::default()),
        }
    }

    pub fn kind(&self) -> CellKind {
        match self {
            Model::Linear(_) => CellKind::Linear,
            Model::Tanh(_) => CellKind::Tanh,
            Model::Cliff(_) => CellKind::Cliff,
        }
    }

    /// The loss and its exact gradient at `params`.
    pub fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        params: &Params,
        reduction: Reduction,
    ) -> (f64, Params) {
        match self {
            Model::Linear(cell) => cell.loss_and_gradient(data, params, reduction),
            Model::Tanh(cell) => cell.loss_and_gradient(data, params, reduction),
            Model::Cliff(cell) => cell.loss_and_gradient(data, params, reduction),
        }
    }
}

/// The logistic sigmoid, `1 / (1 + e^−x)`.
pub(crate) fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}
