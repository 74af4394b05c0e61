//! The words of the inside view (the unrolled network, the gradient over
//! time, the step-through), one [`InsideText`] per language, held by
//! [`super::Text::inside`].

use crate::params::BitsProblem;
use crate::rnn::trace::Quantity;
use crate::rnn::{CellKind, Reduction};

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
    /// The cliff's output `σ(x_T)` against its target 0.7.
    pub prediction_cliff: fn(y: &str, target: &str) -> String,
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
    /// The mean factor per step back of a cell whose factor changes from step to step.
    pub grad_time_factor_mean: fn(factor: &str) -> String,
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
    /// Which sequence the chain rule's numbers are of (its 0-based index).
    pub chain_sequence: fn(index: usize) -> String,
    /// `s_k = x_k·w_x + s_{k−1}·w_rec` with the numbers plugged in.
    pub chain_forward:
        fn(k: usize, x: &str, w_x: &str, previous: &str, w_rec: &str, s: &str) -> String,
    /// `dL/ds_n = 2·(y − t)`, times 1/N under the mean loss (`scale`).
    pub chain_output: fn(k: usize, error: &str, scale: Option<&str>, signal: &str) -> String,
    /// `dL/ds_k = dL/ds_{k+1} × w_rec`.
    pub chain_later: fn(k: usize, later: &str, w_rec: &str, signal: &str) -> String,
    /// This sequence's term of dL/dw_x: `dL/ds_k · x_k`.
    pub chain_term_x: fn(k: usize, signal: &str, x: &str, term: &str) -> String,
    /// This sequence's term of dL/dw_rec: `dL/ds_k · s_{k−1}`.
    pub chain_term_rec: fn(k: usize, signal: &str, previous: &str, term: &str) -> String,
    /// Leads to the sums over every sequence and the steps so far.
    pub chain_sums: fn(samples: usize) -> String,
    /// dL/dw_x over steps n…k: the sum so far, plus step k's terms of all sequences.
    pub chain_sum_x: fn(n: usize, k: usize, before: &str, step: &str, after: &str) -> String,
    /// dL/dw_rec over steps n…k, likewise.
    pub chain_sum_rec: fn(n: usize, k: usize, before: &str, step: &str, after: &str) -> String,
    /// Another cell's gradient in the parameter `name` over steps n…k, likewise.
    pub chain_sum_named:
        fn(name: &str, n: usize, k: usize, before: &str, step: &str, after: &str) -> String,
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

/// Significant digits of every number the inside view shows: four keep a
/// value like `-1.176e-17` short enough for one column of the unrolled network.
pub const DIGITS: usize = 4;

/// `k` in subscript digits (`10` → `₁₀`), as the formulas write steps.
pub fn sub(k: usize) -> String {
    k.to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x2080 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// A number after an operator: in parentheses when it is negative.
pub fn operand(number: &str) -> String {
    if number.starts_with('-') {
        format!("({number})")
    } else {
        number.to_string()
    }
}

/// `s_k = x_k·w_x + s_{k−1}·w_rec = x × w_x + s × w_rec = s_k`: the same in every language.
pub fn forward_formula(
    k: usize,
    x: &str,
    w_x: &str,
    previous: &str,
    w_rec: &str,
    s: &str,
) -> String {
    let (now, before) = (sub(k), sub(k.saturating_sub(1)));
    format!(
        "s{now} = x{now}·w_x + s{before}·w_rec = {x} × {} + {} × {} = {s}",
        operand(w_x),
        operand(previous),
        operand(w_rec)
    )
}

/// `dL/ds_n = 2·(y − t) = 2 × e = g`, with `× 1/N` under the mean loss.
pub fn output_formula(k: usize, error: &str, scale: Option<&str>, signal: &str) -> String {
    let k = sub(k);
    match scale {
        Some(scale) => format!(
            "dL/ds{k} = 2·(y − t)/N = 2 × {} × {scale} = {signal}",
            operand(error)
        ),
        None => format!("dL/ds{k} = 2·(y − t) = 2 × {} = {signal}", operand(error)),
    }
}

/// `dL/ds_k = dL/ds_{k+1} × w_rec = a × b = g`.
pub fn later_formula(k: usize, later: &str, w_rec: &str, signal: &str) -> String {
    format!(
        "dL/ds{} = dL/ds{} × w_rec = {later} × {} = {signal}",
        sub(k),
        sub(k + 1),
        operand(w_rec)
    )
}

/// `dL/ds_k · x_k = g × x = term`.
pub fn term_x_formula(k: usize, signal: &str, x: &str, term: &str) -> String {
    let k = sub(k);
    format!("dL/ds{k}·x{k} = {signal} × {} = {term}", operand(x))
}

/// `dL/ds_k · s_{k−1} = g × s = term`.
pub fn term_rec_formula(k: usize, signal: &str, previous: &str, term: &str) -> String {
    format!(
        "dL/ds{}·s{} = {signal} × {} = {term}",
        sub(k),
        sub(k.saturating_sub(1)),
        operand(previous)
    )
}

/// A product with its numbers: `lhs = a × b × … = value`.
fn product_line(lhs: &str, factors: &[String], value: &str) -> String {
    let shown: Vec<String> = factors
        .iter()
        .enumerate()
        .map(|(j, f)| if j == 0 { f.clone() } else { operand(f) })
        .collect();
    format!("{lhs} = {} = {value}", shown.join(" × "))
}

/// A forward step of any cell with its numbers (the same in every language): `input` and
/// `carried` are the two products' factors (see the core's chain-rule table), `sum` their
/// sum and `state` the new state.
pub fn cell_forward_formula(
    model: CellKind,
    k: usize,
    input: &[String],
    carried: &[String],
    sum: &str,
    state: &str,
) -> String {
    let (now, before) = (sub(k), sub(k.saturating_sub(1)));
    match (model, input, carried) {
        (CellKind::Tanh, [x, w_x], [previous, w_rec]) => format!(
            "s{now} = tanh(x{now}·w_x + s{before}·w_rec) = tanh({x} × {} + {} × {}) = tanh({sum}) = {state}",
            operand(w_x),
            operand(previous),
            operand(w_rec)
        ),
        (CellKind::Cliff, [b], [w, sigma]) => format!(
            "x{now} = w·σ(x{before}) + b = {w} × {sigma} + {} = {state}",
            operand(b)
        ),
        (_, [x, w_x], [previous, w_rec]) => forward_formula(k, x, w_x, previous, w_rec, state),
        _ => format!("s{now} = {state}"),
    }
}

/// Where a backward step's signal comes from, for any cell, with its numbers.
pub fn cell_signal_formula(
    model: CellKind,
    k: usize,
    from_output: bool,
    factors: &[String],
    signal: &str,
) -> String {
    let (now, later) = (sub(k), sub(k + 1));
    match (model, from_output) {
        (CellKind::Cliff, true) => product_line(
            &format!("dE/dx{now} = 2·(σ(x{now}) − 0.7)·σ(x{now})·(1 − σ(x{now}))"),
            factors,
            signal,
        ),
        (CellKind::Cliff, false) => product_line(
            &format!("dE/dx{now} = dE/dx{later} × w·σ′(x{now})"),
            factors,
            signal,
        ),
        (CellKind::Tanh, false) => product_line(
            &format!("dL/ds{now} = dL/ds{later} × (1 − s{later}²) × w_rec"),
            factors,
            signal,
        ),
        (_, true) => output_formula(
            k,
            factors.get(1).map_or("", String::as_str),
            factors.get(2).map(String::as_str),
            signal,
        ),
        (_, false) => later_formula(
            k,
            factors.first().map_or("", String::as_str),
            factors.get(1).map_or("", String::as_str),
            signal,
        ),
    }
}

/// One sequence's term of the `index`-th parameter's gradient at step k, for any cell.
pub fn cell_term_formula(
    model: CellKind,
    index: usize,
    k: usize,
    factors: &[String],
    term: &str,
) -> String {
    let (now, before) = (sub(k), sub(k.saturating_sub(1)));
    let at = |j: usize| factors.get(j).map_or("", String::as_str);
    match (model, index) {
        (CellKind::Tanh, 0) => {
            product_line(&format!("dL/ds{now}·(1 − s{now}²)·x{now}"), factors, term)
        }
        (CellKind::Tanh, _) => product_line(
            &format!("dL/ds{now}·(1 − s{now}²)·s{before}"),
            factors,
            term,
        ),
        (CellKind::Cliff, 0) => product_line(&format!("dE/dx{now}·σ(x{before})"), factors, term),
        (CellKind::Cliff, _) => format!("dE/dx{now} = {term}"),
        (_, 0) => term_x_formula(k, at(0), at(1), term),
        (_, _) => term_rec_formula(k, at(0), at(1), term),
    }
}
