//! "Check it in Python": a self-contained numpy script that reproduces a run
//! or a race, for a student to read next to the 2016 post and run in the
//! notebook they already use.
//!
//! The script draws the same data (`np.random.seed`), makes the same task of
//! it, starts from the same weights, and applies the same cell with its loss
//! and gradient, update rules (one short function per cell and per rule, in
//! `src/python/*.py`), clipping and epochs. Its sums run in the playground's
//! order and its tanh and exp are the C library's, so its table equals
//! `rnn-lab train`'s (tests/python.rs).

use crate::format::exact;
use crate::params::Lang;
use crate::rnn::{CellKind, DataConfig, OptimizerKind, OptimizerSettings, Reduction, Weights};
use crate::rnn::{DivergenceReason, Named, Task};
use crate::text::Text;

/// The data, the training loop and the table.
const MODEL: &str = include_str!("model.py");

/// The cell's loss and gradient, one function named after the cell.
fn cell_source(model: CellKind) -> &'static str {
    match model {
        CellKind::Linear => include_str!("linear.py"),
        CellKind::Tanh => include_str!("tanh.py"),
        CellKind::Cliff => include_str!("cliff.py"),
    }
}

/// The two parameters as `rnn-lab train`'s table and the script name them: the
/// seed's `wx` and `wRec` for the cells with those weights, `w` and `b` for the cliff.
pub fn table_names(model: CellKind) -> [&'static str; 2] {
    match model {
        CellKind::Linear | CellKind::Tanh => ["wx", "wRec"],
        CellKind::Cliff => ["w", "b"],
    }
}

/// What the script trains and what it follows, for its docstring.
fn description(model: CellKind, task: Task) -> String {
    let task = match task {
        Task::Count => "counts the ones in 0/1 sequences.",
        Task::Latch => {
            "remembers its first input (+1 or -1, then zeros) and answers half of \
             it (Bengio, Simard & Frasconi 1994)."
        }
    };
    let (what, follows) = match model {
        CellKind::Linear => (
            format!("The linear RNN s_k = x_k*w_x + s_(k-1)*w_rec {task}"),
            "The data, the model, the loss and the update rules follow",
        ),
        CellKind::Tanh => (
            format!("The tanh RNN s_k = tanh(x_k*w_x + s_(k-1)*w_rec) {task}"),
            "The data, the loss and the update rules follow",
        ),
        CellKind::Cliff => (
            "One sigmoid unit x_t = w*sigmoid(x_(t-1)) + b (Pascanu, Mikolov & Bengio \
             2013) learns sigmoid(x_T) = 0.7 across the cliff in its loss."
                .to_string(),
            "The update rules follow",
        ),
    };
    wrap(&format!(
        "{what} {follows} the 2016 blog post the playground grew from and Peter \
         Roelants' numpy tutorial \"How to implement a recurrent neural network\". \
         Run it with: python3 this_file.py"
    ))
}

/// Breaks text into lines of at most 79 characters, at spaces.
fn wrap(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if line.len() + 1 + word.len() <= 79 => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join("\n")
}

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
    pub model: CellKind,
    pub task: Task,
    pub data: DataConfig,
    pub reduction: Reduction,
    /// The start; `None` is the cell's own start, or the one drawn after the
    /// data, as the seed draws it.
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
    let start = run.init.or_else(|| {
        run.model.default_start().map(|p| Weights {
            w_x: p[0],
            w_rec: p[1],
        })
    });
    let init = start.map_or_else(
        || "None".into(),
        |w| format!("({}, {})", float(w.w_x), float(w.w_rec)),
    );
    // A cell file that needs the math module says so on its first line.
    const MATH: &str = "import math\n";
    let cell = cell_source(run.model);
    let imports = if cell.starts_with(MATH) {
        "import math\nimport numpy as np"
    } else {
        "import numpy as np"
    };
    let [first, second] = table_names(run.model);
    let mut out = format!(
        r#"#!/usr/bin/env python3
"""Reproduces {what} of RNN Playground with numpy alone.

{description}
"""
{imports}

MODEL = "{model}"  # the cell: "linear", "tanh" or "cliff", its function below
TASK = "{task}"  # "count" the ones, or "latch" the first input
SEED = {seed}  # np.random.seed(SEED) draws the data, then the start
SAMPLES = {samples}  # sequences
LENGTH = {len}  # steps per sequence
REDUCTION = "{reduction}"  # "sum" of squared errors (the post) or their "mean" (Roelants)
INIT = {init}  # ({params}), or None: the start drawn right after the data
NAMES = ("{first}", "{second}")  # the parameters as the table names them
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
        description = description(run.model, run.task),
        model = run.model.name(),
        task = run.task.name(),
        seed = run.data.seed,
        samples = run.data.samples,
        len = run.data.len,
        reduction = run.reduction.name(),
        params = run.model.names().join(", "),
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
    out.push_str(&format!("\nRULES = {{{}}}\n\n\n", rules.join(", ")));
    out.push_str(cell.trim_start_matches(MATH).trim_start_matches('\n'));
    out.push_str(&format!(
        "\n\nCELLS = {{\"{0}\": {0}}}\n\n",
        run.model.name()
    ));
    // The model file repeats the import so it reads on its own; drop it here.
    out.push_str(MODEL.trim_start_matches("import numpy as np\n"));
    out
}
