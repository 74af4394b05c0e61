//! Every string the page shows, in one catalogue per language.
//!
//! Components never hold UI text literals: they read a [`Text`] through
//! [`use_text`], so adding a language means adding one more `const` here.
//! Numbers are formatted by `super::format`, the same in every language.

use leptos::prelude::*;

use crate::params::Lang;
use crate::rnn::optim::Hyper;
use crate::rnn::trainer::DivergenceReason;
use crate::rnn::{OptimizerKind, Reduction};

/// The page's words in one language. Messages with values are functions.
pub struct Text {
    /// The BCP 47 tag for `<html lang>`.
    pub lang: &'static str,

    // Header, explanation, footer.
    pub title: &'static str,
    pub tagline: &'static str,
    pub model_intro: &'static str,
    pub model_formula: &'static str,
    pub model_outro: &'static str,
    pub footer_credit: &'static str,
    pub footer_lesson: &'static str,

    // Control groups.
    pub optimizer_legend: &'static str,
    pub data_legend: &'static str,
    pub init_legend: &'static str,
    pub run_legend: &'static str,

    // Optimizer controls.
    pub optimizer_label: &'static str,
    pub optimizer_name: fn(OptimizerKind) -> &'static str,
    pub lr_label: &'static str,
    pub lr_slider_label: &'static str,
    pub lr_rprop_hint: &'static str,
    pub hyper_label: fn(Hyper) -> &'static str,
    pub clip_label: &'static str,
    pub clip_placeholder: &'static str,
    pub clip_hint: &'static str,

    // Data controls.
    pub reduction_label: &'static str,
    pub reduction_name: fn(Reduction) -> &'static str,
    pub seq_len_label: &'static str,
    pub samples_label: &'static str,
    pub seed_label: &'static str,
    pub new_data: &'static str,

    // Initial weights.
    pub init_wx_label: &'static str,
    pub init_wrec_label: &'static str,
    pub init_seed: &'static str,
    pub init_hint: &'static str,

    // Playback.
    pub play: &'static str,
    pub pause: &'static str,
    pub step: &'static str,
    pub reset: &'static str,
    pub speed_label: &'static str,
    pub speed_hint: fn(u32) -> String,
    pub max_epochs_label: &'static str,
    pub max_epochs_placeholder: &'static str,

    // Read-outs.
    pub readouts_title: &'static str,
    pub epoch: &'static str,
    pub loss: &'static str,
    pub w_x: &'static str,
    pub w_rec: &'static str,
    pub grad_wx: &'static str,
    pub grad_wrec: &'static str,
    pub status: &'static str,
    pub status_ready: &'static str,
    pub status_running: &'static str,
    pub status_paused: &'static str,
    pub status_stopped: fn(u64) -> String,
    pub status_converged: fn(u64) -> String,
    pub status_diverged: fn(u64, DivergenceReason) -> String,
    pub status_error: fn(&str) -> String,
    pub divergence_note: &'static str,
    pub try_smaller_lr: &'static str,
    pub try_clip: &'static str,
    pub try_rprop: &'static str,
    pub optimizer_state_title: &'static str,
    pub optimizer_state_none: &'static str,
    pub optimizer_state_name: fn(&str) -> &'static str,
    pub optimizer_state_quantity: &'static str,
    pub overflow: &'static str,
    pub missing: &'static str,

    // Plots.
    pub surface_title: &'static str,
    pub loss_title: &'static str,
    pub surface_ms: fn(&str) -> String,
    pub surface_pending: &'static str,

    // Inline messages of the controls (`field` is one of the labels above).
    pub msg_not_a_number: fn(field: &str, used: &str) -> String,
    pub msg_not_whole: fn(field: &str, used: &str) -> String,
    pub msg_out_of_range: fn(field: &str, min: &str, max: &str, used: &str) -> String,
    pub msg_not_positive: fn(field: &str, used: &str) -> String,
    pub msg_used_off: &'static str,
}

/// The English catalogue.
pub const EN: Text = Text {
    lang: "en",

    title: "RNN Playground",
    tagline: "count the ones with a 2-weight RNN",
    model_intro: "Each input sequence is 0s and 1s; the target is how many 1s it holds. \
                  The network keeps one number as its state and updates it at every step:",
    model_formula: "s_k = x_k · w_x + s_{k−1} · w_rec",
    model_outro: "The output is the last state. It counts perfectly at w_x = 1, w_rec = 1. \
                  Train it, and watch the optimizer walk the loss surface.",
    footer_credit: "After the 2016 blog post that trained this network with Theano, \
                    and Peter Roelants' numpy tutorial on the same linear RNN \
                    (its Rprop run and its [-3, 3]² loss surface).",
    footer_lesson: "Gradients explode where |w_rec| > 1 and vanish where |w_rec| < 1: \
                    the dashed lines on the map.",

    optimizer_legend: "Optimizer",
    data_legend: "Data and loss",
    init_legend: "Start",
    run_legend: "Run",

    optimizer_label: "Update rule",
    optimizer_name: en_optimizer_name,
    lr_label: "Learning rate",
    lr_slider_label: "log scale, 1e-6 to 1",
    lr_rprop_hint: "Rprop has no learning rate: it moves by its own step sizes, \
                    starting from Δ0.",
    hyper_label: en_hyper_label,
    clip_label: "Clip gradient norm",
    clip_placeholder: "off",
    clip_hint: "Empty = off.",

    reduction_label: "Loss",
    reduction_name: en_reduction_name,
    seq_len_label: "Sequence length",
    samples_label: "Sequences",
    seed_label: "Data seed",
    new_data: "New data",

    init_wx_label: "Start w_x",
    init_wrec_label: "Start w_rec",
    init_seed: "Seed's init",
    init_hint: "Or click the heat map to start there.",

    play: "Play",
    pause: "Pause",
    step: "Step",
    reset: "Reset",
    speed_label: "Epochs per frame",
    speed_hint: en_speed_hint,
    max_epochs_label: "Stop at epoch",
    max_epochs_placeholder: "never",

    readouts_title: "Training",
    epoch: "Epoch",
    loss: "Loss",
    w_x: "w_x",
    w_rec: "w_rec",
    grad_wx: "∂L/∂w_x",
    grad_wrec: "∂L/∂w_rec",
    status: "Status:",
    status_ready: "ready",
    status_running: "running",
    status_paused: "paused",
    status_stopped: en_status_stopped,
    status_converged: en_status_converged,
    status_diverged: en_status_diverged,
    status_error: en_status_error,
    divergence_note: "Training blew up. Try a smaller learning rate, clip the gradient \
                      norm, or switch to Rprop, which only uses the gradient's sign.",
    try_smaller_lr: "Learning rate ÷ 10",
    try_clip: "Clip at 1",
    try_rprop: "Use Rprop",
    optimizer_state_title: "Optimizer state",
    optimizer_state_none: "Gradient descent keeps no state.",
    optimizer_state_name: en_optimizer_state_name,
    optimizer_state_quantity: "Quantity",
    overflow: "overflow",
    missing: "—",

    surface_title: "Loss surface",
    loss_title: "Loss curve",
    surface_ms: en_surface_ms,
    surface_pending: "surface: computing…",

    msg_not_a_number: en_not_a_number,
    msg_not_whole: en_not_whole,
    msg_out_of_range: en_out_of_range,
    msg_not_positive: en_not_positive,
    msg_used_off: "off",
};

impl Text {
    /// The catalogue for `lang`. Japanese is still to be written (issue 4) and
    /// falls back to English until then.
    pub fn get(lang: Lang) -> &'static Text {
        match lang {
            Lang::En | Lang::Ja => &EN,
        }
    }
}

/// The catalogue of the page's current language, provided by the app.
pub fn use_text() -> Signal<&'static Text> {
    use_context::<Signal<&'static Text>>().unwrap_or_else(|| Signal::stored(&EN))
}

fn en_optimizer_name(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "Gradient descent",
        OptimizerKind::Momentum => "Momentum",
        OptimizerKind::Rmsprop => "RMSProp",
        OptimizerKind::RmspropSeed => "RMSProp (seed's variant)",
        OptimizerKind::Rprop => "Rprop",
        OptimizerKind::Adam => "Adam",
    }
}

fn en_hyper_label(hyper: Hyper) -> &'static str {
    match hyper {
        Hyper::Lr => "Learning rate",
        Hyper::Momentum => "Momentum μ",
        Hyper::Rho => "Decay ρ",
        Hyper::Eps => "Epsilon ε",
        Hyper::Beta1 => "β1",
        Hyper::Beta2 => "β2",
        Hyper::EtaPlus => "Grow η+",
        Hyper::EtaMinus => "Shrink η−",
        Hyper::Delta0 => "Initial step Δ0",
        Hyper::Rescale => "Rescale",
    }
}

fn en_reduction_name(reduction: Reduction) -> &'static str {
    match reduction {
        Reduction::Sum => "Sum of squared errors (seed)",
        Reduction::Mean => "Mean squared error (Roelants)",
    }
}

fn en_speed_hint(max: u32) -> String {
    format!("1 to {max} for this data size")
}

fn en_status_stopped(epoch: u64) -> String {
    format!("paused: reached the stop at epoch {epoch}")
}

fn en_status_converged(epoch: u64) -> String {
    format!("converged at epoch {epoch}: the loss stopped changing")
}

fn en_status_diverged(epoch: u64, reason: DivergenceReason) -> String {
    format!("diverged at epoch {epoch}: {}", reason.describe())
}

fn en_status_error(message: &str) -> String {
    format!("cannot train: {message}")
}

fn en_optimizer_state_name(name: &str) -> &'static str {
    // The core's names of `Optimizer::inspect`; unknown names get a dash.
    match name {
        "velocity" => "velocity v",
        "mean square" => "mean of g²",
        "mean" => "mean of g",
        "memory" => "Nesterov memory",
        "step" => "step size",
        "previous sign" => "previous sign of g",
        "first moment" => "first moment m",
        "second moment" => "second moment v",
        _ => "—",
    }
}

fn en_surface_ms(ms: &str) -> String {
    format!("surface: {ms} ms")
}

fn en_not_a_number(field: &str, used: &str) -> String {
    format!("{field} must be a number; using {used}")
}

fn en_not_whole(field: &str, used: &str) -> String {
    format!("{field} must be a whole number; using {used}")
}

fn en_out_of_range(field: &str, min: &str, max: &str, used: &str) -> String {
    format!("{field} must be {min}–{max}; using {used}")
}

fn en_not_positive(field: &str, used: &str) -> String {
    format!("{field} must be a positive number; using {used}")
}
