//! The seed's linear cell, `s_k = x_k·w_x + s_{k−1}·w_rec`, `y = s_n` (Roelants' numpy
//! tutorial, which the 2016 post follows). Its loops are the model's ([`Bptt`]), so the default
//! run stays bit for bit what the published-number tests check.

use super::Cell;
use crate::data::Dataset;
use crate::model::{self, Bptt, Reduction, Weights};
use crate::params::Params;
use crate::task::Task;

/// The linear cell with its BPTT buffers.
#[derive(Debug, Clone, Default)]
pub struct Linear {
    bptt: Bptt,
}

fn weights(params: &Params) -> Weights {
    Weights {
        w_x: params[0],
        w_rec: params[1],
    }
}

impl Cell for Linear {
    const NAMES: &'static [&'static str] = &["w_x", "w_rec"];

    /// It counts (the answer is w_x = w_rec = 1) and latches (w_x = 0.5, w_rec = 1).
    fn takes(_task: Task) -> bool {
        true
    }

    /// Roelants' figure: [−3, 3]².
    fn default_view() -> [(f64, f64); 2] {
        [(-3.0, 3.0), (-3.0, 3.0)]
    }

    fn output(params: &Params, sequence: &[f64]) -> f64 {
        model::output(sequence, weights(params))
    }

    fn loss(data: &Dataset, params: &Params, reduction: Reduction) -> f64 {
        model::loss(data, weights(params), reduction)
    }

    fn loss_and_gradient(
        &mut self,
        data: &Dataset,
        params: &Params,
        reduction: Reduction,
    ) -> (f64, Params) {
        let (loss, gradient) = self
            .bptt
            .loss_and_gradient(data, weights(params), reduction);
        (
            loss,
            Params::from(Weights {
                w_x: gradient.w_x,
                w_rec: gradient.w_rec,
            }),
        )
    }
}
