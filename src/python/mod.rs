//! "Check it in Python": a self-contained numpy script that reproduces a run
//! or a race, for a student to read next to the 2016 post and run in the
//! notebook they already use.
//!
//! The script draws the same data (`np.random.seed`), starts from the same
//! weights, and applies the same loss, update rules (one short function per
//! rule, in `src/python/*.py`), clipping and epochs. Its sums run in the
//! playground's order, so its table equals `rnn-lab train`'s (tests/python.rs).

use crate::format::exact;
use crate::params::Lang;
use crate::rnn::{DataConfig, OptimizerKind, OptimizerSettings, Reduction, Weights};
use crate::rnn::{DivergenceReason, Named};
use crate::text::Text;

/// The update rules, one function each, and the model with the training loop.
const MODEL: &str = include_str!("model.py");

fn rule_source(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => include_str!("gd.py"),
        OptimizerKind::Momentum => include_str!("momentum.py"),
        OptimizerKind::Rmsprop => include_str!("rmsprop.py"),
        OptimizerKind::RmspropSeed => include_str!("rmsprop_seed.py"),
        OptimizerKind::Rprop => include_str!("rprop.py"),
        OptimizerKind::Adam => include_str!("adam.py"),
    }
}

/// The rule's function name in the script: its name with `_` for `-`.
fn function_name(kind: OptimizerKind) -> String {
    kind.name().replace('-', "_")
}

/// What the script reproduces.
#[derive(Debug, Clone, PartialEq)]
pub struct PythonRun {
    pub data: DataConfig,
    pub reduction: Reduction,
    /// The start; `None` is drawn after the data, as the seed does.
    pub init: Option<Weights>,
    /// One run, or a race's racers; each with its own clip norm.
    pub runs: Vec<OptimizerSettings>,
    pub epochs: u64,
    pub every: u64,
    /// A race's finishing loss: each run stops after the first update below it.
    pub target: Option<f64>,
}

/// A Python float literal that reads back to the same f64.
fn float(x: f64) -> String {
    let text = exact(x);
    if text.contains(['.', 'e', 'n', 'N']) {
        text
    } else {
        format!("{text}.0")
    }
}

fn optional(x: Option<f64>) -> String {
    x.map_or_else(|| "None".into(), float)
}

/// `("adam", {"lr": 0.01, "b1": 0.9, …}, None)`: the rule, the hyperparameters
/// it reads (by their URL keys, the functions' argument names) and the clip norm.
fn run_literal(settings: &OptimizerSettings) -> String {
    let hyper: Vec<String> = settings
        .kind
        .hypers()
        .into_iter()
        .map(|h| format!("\"{}\": {}", h.url_key(), float(settings[h])))
        .collect();
    format!(
        "(\"{}\", {{{}}}, {})",
        function_name(settings.kind),
        hyper.join(", "),
        optional(settings.clip)
    )
}

/// The whole script.
pub fn script(run: &PythonRun) -> String {
    let reason = Text::get(Lang::En).divergence_reason;
    let mut kinds = OptimizerKind::all();
    kinds.retain(|&k| run.runs.iter().any(|s| s.kind == k));
    let what = if run.runs.len() > 1 {
        format!("a race of {} update rules", run.runs.len())
    } else {
        "a training run".into()
    };
    let runs: Vec<String> = run.runs.iter().map(run_literal).collect();
    let init = run.init.map_or_else(
        || "None".into(),
        |w| format!("({}, {})", float(w.w_x), float(w.w_rec)),
    );
    let mut out = format!(
        r#"#!/usr/bin/env python3
"""Reproduces {what} of RNN Playground with numpy alone.

The linear RNN s_k = x_k*w_x + s_(k-1)*w_rec counts the ones in 0/1 sequences.
The data, the model, the loss and the update rules follow the 2016 blog post
the playground grew from and Peter Roelants' numpy tutorial "How to implement
a recurrent neural network". Run it with: python3 this_file.py
"""
import numpy as np

SEED = {seed}  # np.random.seed(SEED) draws the data, then the start
SAMPLES = {samples}  # sequences
LENGTH = {len}  # steps per sequence
REDUCTION = "{reduction}"  # "sum" of squared errors (the post) or their "mean" (Roelants)
INIT = {init}  # (w_x, w_rec), or None: the start drawn right after the data
EPOCHS = {epochs}  # full-batch updates
EVERY = {every}  # print the loss every EVERY epochs
TARGET = {target}  # a race: stop after the first update that brings the loss below this
# (update rule, its hyperparameters, clip norm or None)
RUNS = [
    {runs},
]
LOSS_OVERFLOWED = "{loss_reason}"
GRADIENT_OVERFLOWED = "{gradient_reason}"
WEIGHTS_OVERFLOWED = "{weights_reason}"

"#,
        seed = run.data.seed,
        samples = run.data.samples,
        len = run.data.len,
        reduction = run.reduction.name(),
        epochs = run.epochs,
        every = run.every,
        target = optional(run.target),
        runs = runs.join(",\n    "),
        loss_reason = reason(DivergenceReason::LossNotFinite),
        gradient_reason = reason(DivergenceReason::GradientNotFinite),
        weights_reason = reason(DivergenceReason::WeightsNotFinite),
    );
    for &kind in &kinds {
        out.push('\n');
        out.push_str(rule_source(kind));
        out.push('\n');
    }
    let rules: Vec<String> = kinds
        .iter()
        .map(|&k| format!("\"{0}\": {0}", function_name(k)))
        .collect();
    out.push_str(&format!("\nRULES = {{{}}}\n\n", rules.join(", ")));
    // The model file repeats the import so it reads on its own; drop it here.
    out.push_str(MODEL.trim_start_matches("import numpy as np\n"));
    out
}
