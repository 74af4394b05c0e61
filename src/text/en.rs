//! The English catalogue.

use crate::format::{exact, readable};
use crate::params::{
    Control, FileProblem, Notice, NoticeKind, PresetId, Problem, RunNote, Shortcut,
};
use crate::plot::view::{VIEW_LIMIT, VIEW_MIN_SPAN};
use crate::rnn::error::{CoreError, InvalidReason};
use crate::rnn::optim::Hyper;
use crate::rnn::trainer::DivergenceReason;
use crate::rnn::{CellKind, OptimizerKind, Reduction, Task};

use super::Text;

pub const EN: Text = Text {
    lang: "en",

    title: "RNN Playground",
    tagline: "count the ones with a 2-weight RNN",
    model_intro: "Each sequence is 0s and 1s; the target is how many 1s it holds. \
                  One number of state, updated at every step:",
    model_formula: "sₖ = xₖ · w_x + sₖ₋₁ · w_rec",
    model_outro: "The output is the last state, so w_x = w_rec = 1 counts exactly. \
                  Train it and watch the optimizer walk the loss surface.",
    footer_credit: "After the 2016 blog post that trained this network with Theano, \
                    and Peter Roelants' numpy tutorial on the same linear RNN \
                    (its Rprop run and its [-3, 3]² loss surface).",
    footer_lesson: "Gradients explode where |w_rec| > 1 and vanish where |w_rec| < 1: \
                    the dashed lines on the map.",

    model_explained: en_model_explained,
    tagline_for: en_tagline_for,
    model_label: "Model",
    model_name: en_model_name,
    task_label: "Task",
    task_name: en_task_name,
    task_only_count: "The cliff has no input and one goal, σ(x_T) = 0.7: the task stays at count.",
    cliff_no_data: "The cliff has no data: its one unit runs from x₀ = 0.5 for T steps, \
                    and the sequence length is its T. The sequences, the seed and the loss \
                    menu are not used.",

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
    init_seed: "The 2016 post's start",
    init_cliff_start: "Pascanu et al.'s start",
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
    data_table_title: "The data and the predictions: target t = number of ones, y = the network's output now",
    data_table_title_latch: "The data and the predictions: the first input is 1 or −1, the rest 0; \
                             target t = half the first input, y = the network's output now",
    data_table_title_cliff: "No data: the cliff's one goal is σ(x_T) = 0.7",
    data_table_inputs: "sequence x",
    data_table_target: "t",
    data_table_y: "y",
    data_table_more: en_data_table_more,
    grad_norm: "|g| before clipping",
    clip_norm: "|g| after clipping",
    clip_scale: "clip scale",
    status: "Status:",
    status_ready: "ready",
    status_ready_overflow: "ready — the loss overflows at the start",
    status_seeking: en_status_seeking,
    status_running: "running",
    status_paused: "paused",
    status_stopped: en_status_stopped,
    status_race_over: |epoch| {
        format!("race over at epoch {epoch}: every racer finished or diverged")
    },
    status_converged: en_status_converged,
    status_cycling: en_status_cycling,
    status_stuck: en_status_stuck,
    run_note: en_run_note,
    status_diverged: en_status_diverged,
    status_error: en_status_error,
    core_error: en_core_error,
    divergence_note: "Training blew up. Try a smaller learning rate, clip the gradient \
                      norm, or switch to Rprop, which only uses the gradient's sign.",
    try_smaller_lr: "Learning rate ÷ 10",
    try_clip: en_try_clip,
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
    msg_decimal_comma: en_decimal_comma,
    msg_not_whole: en_not_whole,
    msg_out_of_range: en_out_of_range,
    msg_not_positive: en_not_positive,
    msg_used_off: "off",
    msg_zero_off: en_zero_off,

    pick_moved: en_pick_moved,
    url_notice_title: "Some settings in the link were corrected:",
    file_notice_title: "Some settings in the file were corrected:",
    url_notice_close: "Dismiss",
    notice: en_notice,
    preset_label: "Scenario",
    preset_none: "Custom",
    preset_none_caption: "Your own settings.",
    scenario_modified: |number, changes| {
        format!(
            "Modified from scenario {number} ({changes}): the caption above tells the scenario \
             as designed, not this run."
        )
    },
    scenario_restore: |number| format!("Restore scenario {number}"),
    ghost_label: |changes, epoch, diverged| {
        let with = if changes.is_empty() {
            "the same settings"
        } else {
            changes
        };
        let end = if diverged {
            format!("diverged at epoch {epoch}")
        } else {
            format!("{epoch} epochs")
        };
        format!("Faint and dashed: the previous run, with {with}, {end}.")
    },
    ghost_clear: "Clear",
    lesson_clip_off: "no clipping",
    lesson_data: |samples, len| format!("{samples} sequences of {len} steps"),
    lesson_racers: |count, names| format!("a race of {count}: {names}"),
    preset_title: en_preset_title,
    preset_caption: en_preset_caption,
    present_toggle: "Presentation mode",
    present_exit: "Exit presentation",
    seek_progress: en_seek_progress,
    seek_cancel: "Stop here",

    copy_link: "Copy link",
    copy_link_done: "Copied: the link opens this run at this epoch.",
    copy_link_manual: "Copy the selected link (Ctrl+C or ⌘C).",
    share_url_label: "Link to this moment",
    share_panel_title: "Share for class",
    share_hide_legend: "Hide these controls",
    control_label: en_control_label,
    share_embed: "Embed: no header, footer or explanations (for slides)",
    share_present: "Presentation mode: large type for a projector",
    share_at: "Open at the current epoch",
    share_link_label: "Link for the class",
    share_embed_code_label: "Embed code: paste it into your page",
    log_y_label: "Log scale",
    shortcuts_open: "Keyboard shortcuts",
    shortcuts_title: "Keyboard shortcuts",
    shortcuts_close: "Close",
    shortcut: en_shortcut,

    lang_label: "Language",
    sentence_gap: " ",

    export_legend: "Save and load",
    export_csv: "Download run (CSV)",
    export_csv_title: "Epoch, loss, weights and gradient of the kept history points \
                       (long runs keep a thinned-out history)",
    export_json: "Save state (JSON)",
    export_json_title: "Every setting and the current epoch, to load back later",
    import_json: "Load state (JSON)",
    import_not_state: en_import_not_state,
    import_newer_format: en_import_newer_format,
    import_older_format: en_import_older_format,
    import_read_failed: "The file could not be read.",
    import_loaded: en_import_loaded,
    import_corrected: en_import_corrected,
    export_failed: "The file could not be saved.",
    export_python: "Check it in Python",
    export_python_title: "Download a numpy script that reproduces this run (or race) and prints its table",

    race_add: "Add to race",
    race_add_title: "Race the current update rule and settings against others from the same start",
    race_title: "Race",
    race_exit: "Leave race",
    race_legend_label: "Racers",
    race_showing_own_run: |rule| format!("Showing: the page's own run ({rule}), not a racer"),
    race_target_label: "Finish below loss",
    race_target_placeholder: "1% of predicting 0",
    race_tune: "Tune fairly",
    race_tune_title: "Before the race, try each racer's learning rate (Rprop: Δ0) from 1e-6 to 1 with the race's epochs and keep the best",
    race_tune_cancel: "Cancel",
    race_tuning: "Tuning…",
    race_epoch: |epoch, max, target| format!("Epoch {epoch} of {max}; finish below loss {target}"),
    race_col_racer: "Racer",
    race_col_finish: "Finish",
    race_col_loss: "Loss",
    race_col_status: "Status",
    race_col_weights: "w_x, w_rec",
    race_finished: "finished",
    race_running: "running",
    race_dnf: |epoch, reason| {
        format!(
            "did not finish: diverged at epoch {epoch} ({})",
            en_divergence_reason(reason)
        )
    },
    race_tuned: |key, value| format!("tuned: {key} = {value}"),
    race_as_set: "as set",
    race_remove: |number| format!("Remove racer {number}"),

    announce_paused: en_announce_paused,
    divergence_reason: en_divergence_reason,

    surface_label: "Heat map of the loss over w_x (horizontal) and w_rec (vertical), \
                    with the optimizer's path. Click or tap to start training from that point.",
    surface_hover_prompt: "Point at the map to read w_x, w_rec and the loss; \
                           click or tap to start there.",
    surface_current: en_surface_current,
    hover_loss: en_hover_loss,
    surface_summary_view: en_surface_summary_view,
    surface_summary_colours: en_surface_summary_colours,
    surface_summary_pending: "The surface is being computed.",
    surface_summary_path: en_surface_summary_path,
    surface_computing: "computing the loss surface…",
    colour_bar_caption: "loss",
    colour_bar_caption_ranked: "loss (colours by rank)",
    surface_summary_ranked: "The losses span too many decades for one scale, so the colours \
                             follow the cells' ranks: each colour covers about as many cells.",
    limit_label: "|w_rec| > 1: gradients explode",
    escape_label: "diverged",
    surface_png_title: "Download the heat map with the path as a PNG image",
    view_group_label: "Heat map range",
    view_field_names: ["w_x from", "w_x to", "w_rec from", "w_rec to"],
    view_to: "to",
    zoom_wide_title: "Show w_x and w_rec from -3 to 3",
    zoom_cell_title: "Show the cell's own window",
    zoom_near_title: "Zoom to w_x and w_rec from 0 to 2, around the optimum (1, 1)",
    view_apply: "Apply",
    view_not_number: en_view_not_number,
    view_invalid: "Each axis needs from < to, within ±1000.",

    loss_chart_label: "Loss against epoch",
    loss_axis_epoch: "epoch",
    loss_axis_loss: "loss",
    loss_axis_loss_log: "loss (log scale)",
    loss_png_title: "Download the loss curve as a PNG image",
    loss_summary_range: en_loss_summary_range,
    loss_summary_one: en_loss_summary_one,
    loss_summary_empty: "No training yet: the loss curve is empty.",

    inside: &super::en_inside::EN_INSIDE,
};

fn en_optimizer_name(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "Gradient descent",
        OptimizerKind::Momentum => "Momentum",
        OptimizerKind::Rmsprop => "RMSProp",
        OptimizerKind::RmspropSeed => "RMSProp (2016 post's variant)",
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
        Hyper::DeltaMax => "Largest step Δmax",
        Hyper::DeltaMin => "Smallest step Δmin",
        Hyper::Rescale => "Rescale",
    }
}

fn en_model_name(model: CellKind) -> &'static str {
    match model {
        CellKind::Linear => "Linear (2016 post)",
        CellKind::Tanh => "tanh (Elman)",
        CellKind::Cliff => "Cliff (Pascanu et al. 2013)",
    }
}

fn en_task_name(task: Task) -> &'static str {
    match task {
        Task::Count => "Count the ones",
        Task::Latch => "Latch: remember the first input",
    }
}

fn en_tagline_for(model: CellKind, task: Task) -> &'static str {
    match (model, task) {
        (CellKind::Cliff, _) => "Pascanu's cliff: one unit, two parameters",
        (_, Task::Latch) => "remember the first input with a 2-weight RNN",
        (_, Task::Count) => EN.tagline,
    }
}

fn en_model_explained(model: CellKind, task: Task) -> [&'static str; 3] {
    const LATCH: &str = "Each sequence starts with 1 or −1 and is 0 after it; the target is half \
                         the first input, so the network must remember it to the end. \
                         One number of state, updated at every step:";
    const TANH_COUNT: &str = "Each sequence is 0s and 1s; the target is how many 1s it holds. \
                              One number of state, squashed by tanh at every step:";
    match (model, task) {
        (CellKind::Linear, Task::Count) => [EN.model_intro, EN.model_formula, EN.model_outro],
        (CellKind::Linear, Task::Latch) => [
            LATCH,
            EN.model_formula,
            "The output is the last state, x₁ · w_x · w_recⁿ⁻¹, so every point where \
             w_x · w_recⁿ⁻¹ = 0.5 remembers exactly: the dashed curve on the map.",
        ],
        (CellKind::Tanh, Task::Count) => [
            TANH_COUNT,
            "sₖ = tanh(xₖ · w_x + sₖ₋₁ · w_rec)",
            "The output is the last state, which tanh keeps between −1 and 1: counts above 1 \
             are out of reach, and the loss shows how far it stays. Watch the plateaus.",
        ],
        (CellKind::Tanh, Task::Latch) => [
            LATCH,
            "sₖ = tanh(xₖ · w_x + sₖ₋₁ · w_rec)",
            "The output is the last state. It keeps ±0.5 only where w_rec > 1 gives tanh two \
             stable states (Bengio, Simard & Frasconi 1994); the dashed curve on the map is \
             where the output is exactly 0.5.",
        ],
        (CellKind::Cliff, _) => [
            "Pascanu, Mikolov & Bengio (2013): one sigmoid unit with no input, \
             from x₀ = 0.5, run for T steps (the sequence length):",
            "xₜ = w · σ(xₜ₋₁) + b, E = (σ(x_T) − 0.7)²",
            "Across the dashed line b = 0.5 − 0.6225 · w, where x₀ = 0.5 is the unit's \
             unstable fixed point, the end state jumps and the loss has a wall: a plain \
             gradient step there is thrown far off. Clipping the gradient was invented for it.",
        ],
    }
}

fn en_reduction_name(reduction: Reduction) -> &'static str {
    match reduction {
        Reduction::Sum => "Sum of squared errors (2016 post)",
        Reduction::Mean => "Mean squared error (Roelants)",
    }
}

fn en_speed_hint(max: u32) -> String {
    format!("0.01 (slow motion: one epoch every 100 frames) to {max} for this data size")
}

fn en_status_stopped(epoch: u64) -> String {
    format!("paused: reached the stop at epoch {epoch}")
}

fn en_status_converged(epoch: u64) -> String {
    format!("converged at epoch {epoch}: the loss stopped changing")
}

fn en_data_table_more(shown: usize, total: usize) -> String {
    format!("The first {shown} of {total} sequences.")
}

fn en_try_clip(clip: &str, step: &str) -> String {
    format!("Clip at {clip} (gd steps ≤ {step}: smaller is safer but slower)")
}

fn en_status_cycling(epoch: u64, losses: &[String], posts_rule: bool) -> String {
    let period = losses.len();
    let values = losses.join(" ↔ ");
    if posts_rule {
        format!(
            "settled into a {period}-point cycle, as the 2016 post's RMSProp does: \
             loss {values} (paused at epoch {epoch})"
        )
    } else {
        format!(
            "settled into a {period}-point cycle: the steps hop between points of loss \
             {values} (paused at epoch {epoch})"
        )
    }
}

fn en_status_stuck(epoch: u64, loss: &str, start: &str) -> String {
    format!(
        "stuck at epoch {epoch}: the loss stays at {loss}, no lower than the start's {start}. \
         The steps are too large to settle; try a smaller learning rate"
    )
}

fn en_run_note(note: RunNote) -> String {
    match note {
        RunNote::StopMoved { stop } => {
            format!("Step went past the stop: the run now stops at epoch {stop}.")
        }
        RunNote::RestartedAfterStop { epoch } => format!(
            "Play started again from epoch 0: the run had reached its stop at epoch {epoch}. \
             Use Step, or a later stop, to go on."
        ),
        RunNote::RestartedAfterDivergence { epoch } => {
            format!("Play started again from epoch 0: the run had diverged at epoch {epoch}.")
        }
        RunNote::StepAfterDivergence { epoch } => format!(
            "Step cannot go on: the run diverged at epoch {epoch}. Play or Reset starts again."
        ),
    }
}

fn en_status_diverged(epoch: u64, reason: DivergenceReason) -> String {
    format!(
        "diverged at epoch {epoch}: {}",
        en_divergence_reason(reason)
    )
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

fn en_decimal_comma(field: &str, pointed: &str, used: &str) -> String {
    format!(
        "{field}: a comma is not a decimal point here; write {pointed} for that number. \
         Using {used}"
    )
}

fn en_not_whole(field: &str, used: &str) -> String {
    format!("{field} must be a whole number; using {used}")
}

fn en_out_of_range(field: &str, min: &str, max: &str, used: &str) -> String {
    format!("{field} must be {min}–{max}; using {used}")
}

fn en_zero_off(field: &str, used: &str) -> String {
    format!("{field}: 0 means {used}, as in a link")
}

fn en_not_positive(field: &str, used: &str) -> String {
    format!("{field} must be a positive number; using {used}")
}

fn en_import_not_state(problem: FileProblem) -> String {
    let why = match problem {
        FileProblem::Syntax { line, column } => {
            format!("it is not JSON from line {line}, column {column}")
        }
        FileProblem::Truncated => "its JSON ends too early".into(),
        FileProblem::WrongShape { line, column } => {
            format!("a field is missing or of the wrong kind at line {line}, column {column}")
        }
        FileProblem::NoSettings => "it has no settings".into(),
        FileProblem::TooLarge { max_bytes } => format!("it is larger than {max_bytes} bytes"),
    };
    format!("That file is not a saved state of this page: {why}. Nothing was changed.")
}

fn en_import_newer_format(format: u32) -> String {
    format!(
        "That file was saved by a newer version of this page (format {format}). \
         Reload the page to get the newest version. Nothing was changed."
    )
}

fn en_import_older_format(format: u32) -> String {
    format!(
        "That file was saved by an earlier version of this page (format {format}), \
         which this version no longer reads. Nothing was changed."
    )
}

fn en_import_loaded(epoch: u64) -> String {
    format!("Loaded the saved state at epoch {epoch}.")
}

fn en_import_corrected(count: usize) -> String {
    match count {
        1 => "1 setting in the file was corrected (see the notice above).".into(),
        n => format!("{n} settings in the file were corrected (see the notice above)."),
    }
}

fn en_announce_paused(epoch: u64) -> String {
    format!("paused at epoch {epoch}")
}

fn en_divergence_reason(reason: DivergenceReason) -> &'static str {
    match reason {
        DivergenceReason::LossNotFinite => "the loss overflowed to infinity",
        DivergenceReason::GradientNotFinite => "the gradient overflowed (exploding gradient)",
        DivergenceReason::WeightsNotFinite => "the update threw the weights to infinity",
    }
}

fn en_pick_moved(clicked: &str, used: &str, limit: &str) -> String {
    format!(
        "The click at {clicked} is outside the starts allowed (each weight from -{limit} to \
         {limit}): the run starts at {used} instead."
    )
}

fn en_surface_current(point: &str) -> String {
    format!("current point: {point}")
}

fn en_hover_loss(weights: &str, loss: &str) -> String {
    format!("{weights}, loss = {loss}")
}

fn en_surface_summary_view(x0: &str, x1: &str, y0: &str, y1: &str) -> String {
    format!(
        "Loss surface over w_x from {x0} to {x1} and w_rec from {y0} to {y1}; \
         the optimum (1, 1) is marked with a star."
    )
}

fn en_surface_summary_colours(low: &str, high: &str) -> String {
    format!("Colour shows the loss on a log scale, from {low} (dark purple) to {high} (yellow).")
}

fn en_surface_summary_path(start: &str, now: &str, diverged: bool) -> String {
    let end = if diverged {
        "; training diverged there."
    } else {
        "."
    };
    format!("The path starts at {start} and is now at {now}{end}")
}

fn en_view_not_number(field: &str) -> String {
    format!("{field} must be a number")
}

fn en_loss_summary_range(
    first: &str,
    first_epoch: u64,
    last: &str,
    last_epoch: u64,
    lowest: &str,
) -> String {
    format!(
        "Loss against epoch: from {first} at epoch {first_epoch} to {last} at epoch \
         {last_epoch}; lowest {lowest}."
    )
}

fn en_loss_summary_one(epoch: u64, loss: &str) -> String {
    format!("Loss at epoch {epoch}: {loss}.")
}

fn en_status_seeking(target: u64) -> String {
    format!("training to epoch {target}")
}

fn en_seek_progress(done: u64, target: u64) -> String {
    format!("training to epoch {target}: {done} done")
}

fn en_core_error(error: &CoreError) -> String {
    match error {
        CoreError::OutOfRange {
            name,
            value,
            min,
            max,
        } => format!(
            "{name} must be between {} and {}, got {}",
            readable(*min),
            readable(*max),
            readable(*value)
        ),
        CoreError::Invalid { name, reason } => format!("{name}: {}", invalid_reason(*reason)),
    }
}

/// Also the `Display` of [`InvalidReason`], which the CLI prints after a flag.
pub(super) fn invalid_reason(reason: InvalidReason) -> String {
    match reason {
        InvalidReason::NotFinite => "the values must be finite numbers".into(),
        InvalidReason::Negative => "must be a number ≥ 0".into(),
        InvalidReason::RaggedRows => "all sequences must have the same length".into(),
        InvalidReason::OnePointNeedsEqualBounds => "one point needs min = max".into(),
        InvalidReason::EmptyRange => "min must be less than max".into(),
        InvalidReason::ViewOutsideLimit => format!(
            "bounds must be numbers between -{0} and {0}",
            readable(VIEW_LIMIT)
        ),
        InvalidReason::ViewTooNarrow => format!(
            "each axis needs min < max (by at least {})",
            exact(VIEW_MIN_SPAN)
        ),
        InvalidReason::HideNotCanonical => {
            "controls must be unique and in the documented order".into()
        }
        InvalidReason::OtherDataSet => "the loss polynomials belong to another data set".into(),
        InvalidReason::NotBits => "must be 1 to 200 characters of 0 and 1".into(),
        InvalidReason::NotTheSeedGraph => {
            "theano-f32 runs only the seed's graph: gd or rmsprop-seed, the summed loss, \
             no clipping"
                .into()
        }
        InvalidReason::WrongCount => "needs one value per parameter of the model".into(),
        InvalidReason::TaskNotTaken => "this model cannot learn that task".into(),
    }
}

fn en_notice(notice: &Notice) -> String {
    let (key, given) = (notice.key, &notice.given);
    let used = if notice.is_drawn_init() {
        "using the init drawn with the data".into()
    } else if notice.used.is_empty() {
        // Only optional settings (lang, preset, hide) are empty by default.
        "ignoring it".into()
    } else {
        format!("using {}", notice.used)
    };
    match &notice.kind {
        NoticeKind::Empty => format!("{key} is empty; {used}"),
        NoticeKind::NotANumber => format!("{key}={given} is not a number; {used}"),
        NoticeKind::NotAnInteger { min, max } => format!(
            "{key}={given} is not a whole number from {} to {}; {used}",
            readable(*min),
            readable(*max)
        ),
        NoticeKind::OutOfRange { min, max } => format!(
            "{key}={given} is outside the range {} to {}; {used}",
            readable(*min),
            readable(*max)
        ),
        NoticeKind::NotPositive => format!("{key}={given} is not a positive number; {used}"),
        NoticeKind::UnknownChoice { allowed } => {
            format!("{key}={given} is not one of {}; {used}", allowed.join(", "))
        }
        NoticeKind::Repeated { count } => {
            format!("{key} was given {count} times; using the first")
        }
        NoticeKind::Malformed(Problem::ViewNotFourNumbers) => {
            format!("{key}={given} is not four numbers xmin,xmax,ymin,ymax; {used}")
        }
        NoticeKind::Malformed(Problem::ViewEmptyRange) => {
            format!("{key}={given} needs min < max on both axes; {used}")
        }
        NoticeKind::TooMuchWork { work, max_work } => format!(
            "{key}={given} would train {} sample-steps (samples × length × epochs) on load, \
             more than the {} allowed; {used}",
            readable(*work as f64),
            readable(*max_work as f64)
        ),
        NoticeKind::SpeedCapped => format!(
            "{key}={given} is more epochs than fit in one frame with this much data \
             (samples × length); {used}"
        ),
        NoticeKind::Malformed(Problem::Bits(problem)) => format!(
            "{key}={given}: {} {used}",
            (super::en_inside::EN_INSIDE.bits_problem)(*problem)
        ),
        NoticeKind::Malformed(Problem::InitIncomplete) => format!(
            "{key}={given}: wx and wrec must be given together, as numbers or both \"seed\"; \
             {used}"
        ),
        NoticeKind::Malformed(Problem::GhostSettings) => {
            format!("{key}={given} changes a setting to a value outside its range; {used}")
        }
        NoticeKind::Malformed(Problem::PrecisionNotSeedGraph) => format!(
            "{key}={given} runs only the seed's graph (gd or rmsprop-seed, the summed loss, \
             no clipping); {used}"
        ),
        NoticeKind::Malformed(Problem::TaskNotForCell) => format!(
            "{key}={given}: the cliff cell has no input, so it only takes the count task \
             (its loss is (σ(x_T) − 0.7)², T the length); {used}"
        ),
    }
}

fn en_preset_title(preset: PresetId) -> &'static str {
    match preset {
        PresetId::SeedGd => "2016 post: gradient descent",
        PresetId::SeedRmsprop => "2016 post: RMSProp",
        PresetId::RoelantsRprop => "Roelants: Rprop from (-1.5, 2)",
        PresetId::Exploding => "Exploding gradients",
        PresetId::Vanishing => "Vanishing gradients",
        PresetId::Clipping => "Clipping to the rescue",
        PresetId::AdamValley => "Adam vs the valley",
        PresetId::VanishingSignal => "Inside: a vanishing signal",
        PresetId::ExplodingSignal => "Inside: an exploding signal",
        PresetId::RaceSeed => "Race on the post's data",
        PresetId::RaceCliff => "Race: down the steep wall",
        PresetId::LatchPlateau => "Latch: a vanishing plateau",
        PresetId::LatchLearned => "Latch: learned",
        PresetId::LatchCliff => "Latch: the cliff at w_rec = 1",
        PresetId::PascanuCliff => "Pascanu's cliff",
        PresetId::PascanuClipped => "Pascanu's cliff, clipped",
        PresetId::RacePascanu => "Race: Pascanu's cliff",
    }
}

fn en_preset_caption(preset: PresetId) -> &'static str {
    match preset {
        PresetId::VanishingSignal => {
            "Sequences of 50 from (1, 0.5): in the gradient over time dL/dsₖ halves at every              step back, so dL/ds₁ is 1.8e-15 of dL/ds₅₀ and the first steps get no signal.              Rprop moves by sign alone and still ends near (1, 1) at epoch 3000."
        }
        PresetId::ExplodingSignal => {
            "Sequences of 50 from (1, 1.5): dL/dsₖ grows 1.5× at every step back, so dL/ds₁              is 4.3e8 × dL/ds₅₀ and dL/dw_rec is 6.0e20. One step of gradient descent throws              w_rec to -6.0e15 and the loss overflows. Step through the epoch to watch it grow."
        }
        PresetId::SeedGd => {
            "Gradient descent at the 2016 post's lr 1e-5: while w_rec is small the loss barely \
             moves (still above 360 at epoch 500), then it drops suddenly near epoch 550 \
             (below 0.3 by epoch 600)."
        }
        PresetId::SeedRmsprop => {
            "The 2016 post's RMSProp variant at lr 1e-3: a fast, chaotic descent, then from \
             about epoch 400 a plateau at loss ≈ 0.0068, with the path at (1, 1)."
        }
        PresetId::RoelantsRprop => {
            "Rprop uses only the sign of the gradient, so the huge gradients near \
             (-1.5, 2) cannot throw it: 500 epochs end at (1.0014, 0.9997), as in \
             Roelants' tutorial."
        }
        PresetId::Exploding => {
            "The 2016 post's lr 1e-5, but from (1, 2), where |w_rec| > 1 makes the gradient \
             4.5e7: the first step throws the weights to (-106, -433) and the loss \
             overflows at epoch 2."
        }
        PresetId::Vanishing => {
            "From (1, 0.3) w_x is already right: all the error is forgetting. The error signal \
             BPTT carries back shrinks by w_rec = 0.3 at every step, so the first input gets \
             0.3⁹ ≈ 2.0e-5 of the last one's (the inside view shows it), and the gradient that \
             would raise w_rec is weak: dL/dw_rec is -204 at a loss of 381, where from (1, 0.5) \
             it is -349 at a loss of 328. Same rate, same w_x: gradient descent needs 463 epochs \
             to bring the loss below 1 from here, 80 from (1, 0.5)."
        }
        PresetId::Clipping => {
            "Same start and lr as \"Exploding gradients\", with the gradient clipped to \
             norm 1000: no step is longer than 0.01, so the path walks down the wall into \
             the valley (loss below 1 from epoch 276, below 0.1 from epoch 2942)."
        }
        PresetId::AdamValley => {
            "From (2, 0.5), in the curved valley: Adam scales each weight's step by its \
             own gradient history, swings out to w_x ≈ 2.27, follows the curved valley \
             and reaches (1, 1) (loss below 0.01 by epoch 535)."
        }
        PresetId::RaceSeed => {
            "From the 2016 post's start, racing to 1% of the loss of predicting 0: gradient \
             descent and momentum at the same rate (the post's lr 1e-5), the adaptive rules at \
             their defaults. Rprop finishes first (epoch 35), then Adam (72), momentum (83), \
             whose velocity carries it across the plateau, and the post's RMSProp (100); plain \
             gradient descent waits the plateau out (589)."
        }
        PresetId::RaceCliff => {
            "From (1, 2) on the steep wall, racing to 1% of the loss of predicting 0: plain \
             gradient descent is thrown off and its loss overflows at epoch 2. The same rule \
             with the gradient clipped to norm 1000 finishes at epoch 96. Adam, whose steps \
             are about its lr 0.01 long, is still at loss 43.7 at epoch 3000."
        }
        PresetId::LatchPlateau => {
            "The tanh cell must carry its first input (±1) over 50 steps and answer ±0.5. From              (1, 0.5) the state forgets it, the loss is 5.0 and the gradient only 2.5e-12:              gradient descent at lr 0.01 cannot move, and after 1000 epochs the loss is still              5.0. A vanishing gradient looks like a flat plain."
        }
        PresetId::LatchLearned => {
            "The same latch from (1, 0.9), closer to w_rec = 1: the gradient (−2.7 in w_rec)              carries the first input back, and gradient descent at lr 0.01 brings the loss              below 0.01 by epoch 8. w_rec settles at atanh(0.5)/0.5 = 1.0986, where tanh              holds ±0.5 for good; there dL/dw_x is below 1e-10: a robust latch forgets how it              got its input (Bengio, Simard & Frasconi 1994)."
        }
        PresetId::LatchCliff => {
            "From (1, 1), right at the bifurcation where the latch's memory appears: the first              gradient is −56.7 in w_rec, and one step at lr 0.1 throws w_rec to 6.67, where              tanh saturates. The gradient there is tiny, and after 1000 epochs the loss is              still 5.0."
        }
        PresetId::PascanuCliff => {
            "Pascanu, Mikolov & Bengio's one sigmoid unit, x_t = w·σ(x_{t−1}) + b over 50              steps, from (5, −2.2) at lr 2: two steps bring the loss to 0.0019 at the foot of              the wall, where the gradient's norm is 3.1; the third step throws the weights to              (1.40, −7.78), and at epoch 60 the loss is 0.489."
        }
        PresetId::PascanuClipped => {
            "The same start and lr, with the gradient clipped to norm 0.5: no step is longer              than 1. It still falls off the wall (loss 0.433 at epoch 3) but stays near it and              climbs back: loss 0.0083 at epoch 60."
        }
        PresetId::RacePascanu => {
            "Pascanu's cliff, raced to a loss of 1e-4: the clipped run finishes at epoch 24.              The unclipped one is thrown off the wall at epoch 3, and its long way back takes              until epoch 864."
        }
    }
}

fn en_control_label(control: Control) -> &'static str {
    match control {
        Control::Preset => "the scenario menu",
        Control::Opt => "the optimizer menu",
        Control::Hyper(Hyper::Lr) => "the learning rate and its slider",
        Control::Hyper(hyper) => hyper.spec().description,
        Control::Clip => "gradient clipping",
        Control::Loss => "the loss reduction (sum / mean)",
        Control::Len => "the sequence length",
        Control::N => "the number of sequences",
        Control::Seed => "the data seed",
        Control::Data => "the \"new data\" button",
        Control::Init => "the initial-weight inputs",
        Control::Speed => "the speed (epochs per frame)",
        Control::Epochs => "the stop-at-epoch input",
        Control::View => "the heat-map zoom controls",
        Control::Logy => "the log/linear loss-axis switch",
        Control::Inside => "the inside view's tab",
        Control::Seq => "the choice of sequence in the unrolled view",
        Control::Six => "the six-pairs toggle of the gradient plot",
        Control::Phase => "the step-through of one epoch",
        Control::Lang => "the language switch",
        Control::Share => "the copy-link and share-for-class tools",
        Control::Export => "the PNG / CSV / JSON export buttons",
    }
}

fn en_shortcut(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::PlayPause => "Play / pause",
        Shortcut::Step => "One step",
        Shortcut::Reset => "Reset to the start",
        Shortcut::NewData => "New data",
        Shortcut::Preset => "Choose a scenario by its number",
        Shortcut::PreviousPreset => "The previous scenario",
        Shortcut::NextPreset => "The next scenario (reaches every scenario)",
        Shortcut::LogAxis => "Log / linear loss axis",
        Shortcut::Present => "Presentation mode",
        Shortcut::Fullscreen => "Full screen",
        Shortcut::ToggleList => "Show or hide this list",
        Shortcut::CloseList => "Close this list",
    }
}
