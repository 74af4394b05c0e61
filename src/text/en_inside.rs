//! The English words of the inside view.

use crate::params::BitsProblem;
use crate::rnn::trace::Quantity;
use crate::rnn::{OptimizerKind, Reduction};

use super::inside::InsideText;

pub const EN_INSIDE: InsideText = InsideText {
    tabs_label: "Beside the map",
    tab_loss: "Loss curve",
    tab_inside: "Inside the RNN",

    unrolled_title: "The network unrolled over time",
    seq_select_label: "Sequence",
    seq_option: |index, bits, target| format!("#{index}: {bits} → {target}"),
    seq_input_label: "Or try your own (0s and 1s)",
    seq_input_placeholder: "e.g. 0110100111",
    seq_input_clear: "Back to the training sequence",
    bits_problem: en_bits_problem,
    prediction_cliff: |y, target| format!("y = σ(x_T) = {y}, target {target}"),
    prediction: |y, target| format!("y = sₙ = {y}, target {target}"),
    prediction_typed: |y, ones| {
        let ones = if ones == 1 {
            "1 one".to_string()
        } else {
            format!("{ones} ones")
        };
        format!("y = sₙ = {y} (it holds {ones}; no target, so no training signal)")
    },
    signal_legend: "The backward signal dL/dsₖ on the edges: thicker is larger, red is positive, \
                    blue negative. Each step back multiplies it by w_rec.",
    preview: |weights| format!("What if the weights were at {weights} (the hovered point)"),
    window_label: "Steps in detail",
    window_range: |first, last, n| format!("steps {first}–{last} of {n}"),
    strip_label: "Every step; the colour is dL/dsₖ",
    table_caption: "The unrolled network, step by step",
    col_step: "k",
    col_input: "xₖ",
    col_state: "sₖ",
    col_signal: "dL/dsₖ",
    no_signal: "none",

    grad_time_title: "Gradient over time",
    grad_time_label: "The batch's backward signal |dL/dsₖ| on a log axis, from step n back to 1",
    grad_time_axis_step: "step k (backwards from n)",
    grad_time_axis_signal: en_axis_signal,
    grad_time_factor: |w| format!("× w_rec = {w} per step back"),
    grad_time_factor_mean: |f| {
        format!("× {f} per step back on average (this cell's factor changes from step to step)")
    },
    grad_time_sign: "● positive  ○ negative",
    grad_time_six: "Roelants' six pairs",
    grad_time_png_title: "Download the gradient plot as a PNG image",
    grad_time_summary: |n, last, first, factor| {
        format!("From step {n} back to step 1, |dL/dsₖ| goes from {last} to {first}, {factor}.")
    },
    grad_time_ghost: "dashed: at the hovered point",

    step_through_open: "Step through one epoch",
    phase_prev: "◀ Back",
    phase_next: "Next ▶",
    phase_exit: "Leave",
    jump_loss: "Jump to the loss",
    jump_update: "Jump to the update",
    phase_forward: |k, n| format!("forward, step {k} of {n}"),
    phase_loss: "the loss",
    phase_backward: |k, n| format!("backward, step {k} of {n}"),
    phase_clip: "clipping",
    phase_update: "the update",
    phase_weights: "the new weights",
    phase_keys: "→ / ← or PageDown / PageUp move, Esc leaves.",
    chain_sequence: |i| format!("In sequence #{i}:"),
    chain_forward: super::inside::forward_formula,
    chain_output: super::inside::output_formula,
    chain_later: super::inside::later_formula,
    chain_term_x: super::inside::term_x_formula,
    chain_term_rec: super::inside::term_rec_formula,
    chain_sums: |n| format!("Summed over all {n} sequences and the steps so far:"),
    chain_sum_x: |n, k, before, step, after| {
        format!(
            "dL/dw_x = Σₖ Σᵢ dL/dsₖ·xₖ, steps {n}…{k}: {before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    chain_sum_rec: |n, k, before, step, after| {
        format!(
            "dL/dw_rec = Σₖ Σᵢ dL/dsₖ·sₖ₋₁, steps {n}…{k}: {before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    chain_sum_named: |name, n, k, before, step, after| {
        format!(
            "dL/d{name}, steps {n}…{k}: {before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    clip_off: "Clipping is off: the gradient goes to the update as it is.",
    clip_norms: |before, after, limit| format!("‖g‖ = {before} → {after} (limit {limit})"),
    update_formula: en_update_formula,
    quantity: en_quantity,
    before_after: |before, after| format!("{before} → {after}"),
    applied: |w, before, change, after| format!("{w}: {before} + ({change}) = {after}"),
    new_weights: |w| format!("The next point of the path: {w}"),
    loss_value: |loss| format!("L = {loss}"),
    stops_here: "This value overflows: training would stop here.",
};

fn en_bits_problem(problem: BitsProblem) -> &'static str {
    match problem {
        BitsProblem::Empty => "Type at least one 0 or 1.",
        BitsProblem::NotBits => "Only 0 and 1 (spaces and commas are ignored).",
        BitsProblem::TooLong => "At most 200 steps.",
    }
}

fn en_axis_signal(reduction: Reduction) -> &'static str {
    match reduction {
        Reduction::Sum => "|dL/dsₖ|, sum (log)",
        Reduction::Mean => "|dL/dsₖ|, mean (log)",
    }
}

fn en_update_formula(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "w ← w − lr·g",
        OptimizerKind::Momentum => "v ← μ·v − lr·g;  w ← w + v",
        OptimizerKind::Rmsprop => "ms ← ρ·ms + (1−ρ)·g²;  w ← w − lr·g / (√ms + ε)",
        OptimizerKind::RmspropSeed => {
            "g ← g·rescale/max(rescale, √‖g‖);  sq ← ρ·sq + (1−ρ)·g²;  avg ← ρ·avg + (1−ρ)·g;  \
             rms ← max(√(sq − avg²), floor);  w ← w + μ²·mem − (1+μ)·lr·g/rms;  \
             mem ← μ·mem − lr·g/rms"
        }
        OptimizerKind::Rprop => "Δ ← Δ·η± (η+ if the sign holds, else η−);  w ← w − sign(g)·Δ",
        OptimizerKind::Adam => {
            "m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  m̂ = m/(1−β1ᵗ);  v̂ = v/(1−β2ᵗ);  \
             w ← w − lr·m̂/(√v̂ + ε)"
        }
    }
}

fn en_quantity(quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::Velocity => "velocity v",
        Quantity::MeanSquare => "mean square ms",
        Quantity::Denominator => "√ms + ε",
        Quantity::RootNorm => "√‖g‖",
        Quantity::RescaleFactor => "rescale factor",
        Quantity::RescaledGradient => "rescaled g",
        Quantity::Mean => "mean avg",
        Quantity::Rms => "rms",
        Quantity::Memory => "memory mem",
        Quantity::Sign => "sign(g)",
        Quantity::PrevSign => "previous sign",
        Quantity::Factor => "factor η",
        Quantity::Step => "step Δ",
        Quantity::FirstMoment => "first moment m",
        Quantity::SecondMoment => "second moment v",
        Quantity::BiasCorrection1 => "1 − β1ᵗ",
        Quantity::BiasCorrection2 => "1 − β2ᵗ",
        Quantity::MHat => "m̂",
        Quantity::VHat => "v̂",
        Quantity::Change => "change of w",
    }
}
