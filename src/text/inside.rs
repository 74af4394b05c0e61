//! The words of the inside view (the unrolled network, the gradient over
//! time, the step-through), one [`InsideText`] per language, held by
//! [`super::Text::inside`].

use crate::params::BitsProblem;
use crate::rnn::Reduction;
use crate::rnn::trace::Quantity;

/// The inside view's words in one language. Values arrive formatted.
pub struct InsideText {
    // The tabs beside the heat map.
    pub tabs_label: &'static str,
    pub tab_loss: &'static str,
    pub tab_inside: &'static str,

    // The unrolled network.
    pub unrolled_title: &'static str,
    pub seq_select_label: &'static str,
    /// A training sequence in the menu: its 0-based index, bits (maybe cut) and target.
    pub seq_option: fn(index: usize, bits: &str, target: &str) -> String,
    pub seq_input_label: &'static str,
    pub seq_input_placeholder: &'static str,
    pub seq_input_clear: &'static str,
    pub bits_problem: fn(BitsProblem) -> &'static str,
    /// The output against the target of a training sequence.
    pub prediction: fn(y: &str, target: &str) -> String,
    /// The output of a typed sequence, which has no target and no training signal.
    pub prediction_typed: fn(y: &str, ones: usize) -> String,
    pub signal_legend: &'static str,
    /// The unrolled view at the hovered point of the heat map.
    pub preview: fn(weights: &str) -> String,
    pub window_label: &'static str,
    /// Which steps the detail shows: first, last, of n.
    pub window_range: fn(first: usize, last: usize, n: usize) -> String,
    pub strip_label: &'static str,
    pub table_caption: &'static str,
    pub col_step: &'static str,
    pub col_input: &'static str,
    pub col_state: &'static str,
    pub col_signal: &'static str,
    /// dL/ds_k of a typed sequence: none.
    pub no_signal: &'static str,

    // The gradient over time.
    pub grad_time_title: &'static str,
    pub grad_time_label: &'static str,
    pub grad_time_axis_step: &'static str,
    /// The value axis, naming the loss reduction in force.
    pub grad_time_axis_signal: fn(Reduction) -> &'static str,
    /// The per-step factor: the signal is multiplied by w_rec at each step back.
    pub grad_time_factor: fn(w_rec: &str) -> String,
    pub grad_time_sign: &'static str,
    pub grad_time_six: &'static str,
    pub grad_time_png_title: &'static str,
    /// The plot as text: n, |dL/ds_n|, |dL/ds_1|, the factor.
    pub grad_time_summary: fn(n: usize, last: &str, first: &str, factor: &str) -> String,
    pub grad_time_ghost: &'static str,

    // The step-through.
    pub step_through_open: &'static str,
    pub phase_prev: &'static str,
    pub phase_next: &'static str,
    pub phase_exit: &'static str,
    pub jump_loss: &'static str,
    pub jump_update: &'static str,
    /// The phase, e.g. "backward, step 7 of 10".
    pub phase_forward: fn(k: usize, n: usize) -> String,
    pub phase_loss: &'static str,
    pub phase_backward: fn(k: usize, n: usize) -> String,
    pub phase_clip: &'static str,
    pub phase_update: &'static str,
    pub phase_weights: &'static str,
    pub phase_keys: &'static str,
    /// The batch's state s_k summed over the sequences.
    pub batch_state: fn(k: usize, value: &str) -> String,
    pub running_sums: fn(k: usize, dx: &str, drec: &str) -> String,
    pub clip_off: &'static str,
    pub clip_norms: fn(before: &str, after: &str, limit: &str) -> String,
    pub update_formula: fn(crate::rnn::OptimizerKind) -> &'static str,
    pub quantity: fn(Quantity) -> &'static str,
    pub before_after: fn(before: &str, after: &str) -> String,
    /// The update with its numbers: one weight, its value before, the change, the result.
    pub applied: fn(weight: &str, before: &str, change: &str, after: &str) -> String,
    pub new_weights: fn(weights: &str) -> String,
    pub loss_value: fn(loss: &str) -> String,
    pub stops_here: &'static str,
}
