//! Every user-facing string, in one catalogue per language.
//!
//! Components never hold UI text literals: they read a [`Text`] (the UI's
//! `use_text`). Each language is one file ([`en`], [`ja`]) holding one
//! complete `Text`; a field missing from either is a compile error, and
//! tests/text.rs checks what the compiler cannot (every enum value worded,
//! no English left in Japanese). Values arrive formatted, the same in every
//! language. Pure Rust, compiled natively: the CLI prints the English
//! catalogue's words, and the core's errors get their `Display` here.

mod en;
mod en_inside;
pub mod inside;
mod ja;
mod ja_inside;

use crate::params::{Control, FileProblem, Lang, Notice, PresetId, RunNote, Shortcut};
use crate::rnn::error::{CoreError, InvalidReason};
use crate::rnn::optim::Hyper;
use crate::rnn::trainer::DivergenceReason;
use crate::rnn::{CellKind, OptimizerKind, Reduction, Task};

pub use en::EN;
pub use ja::JA;

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
    /// The header's sentence for a cell and task: the words before the formula, the
    /// formula, the words after. The linear cell counting is `model_intro`,
    /// `model_formula` and `model_outro`, as the first paint shows them.
    pub model_explained: fn(CellKind, Task) -> [&'static str; 3],
    /// The header's tagline for a cell and task (`tagline` while it counts the ones).
    pub tagline_for: fn(CellKind, Task) -> &'static str,

    // The cell and the task (`#model`, `#task`).
    pub model_label: &'static str,
    pub model_name: fn(CellKind) -> &'static str,
    pub task_label: &'static str,
    pub task_name: fn(Task) -> &'static str,
    /// Under the task menu for a cell with no input (the cliff).
    pub task_only_count: &'static str,
    /// In the data controls and the data table for the cliff, which has no data.
    pub cliff_no_data: &'static str,

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
    /// The same button for the cliff, whose start is the paper's (5, −2.2).
    pub init_cliff_start: &'static str,
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
    /// `#data-table`: its title, column heads, and the note when it lists
    /// only the first sequences.
    pub data_table_title: &'static str,
    /// The same title for the latch task.
    pub data_table_title_latch: &'static str,
    /// The same title for the cliff, which has no data.
    pub data_table_title_cliff: &'static str,
    pub data_table_inputs: &'static str,
    pub data_table_target: &'static str,
    pub data_table_y: &'static str,
    pub data_table_more: fn(shown: usize, total: usize) -> String,
    /// The gradient's norm before clipping (`#grad-norm`).
    pub grad_norm: &'static str,
    /// Its norm after clipping (`#clip-norm`).
    pub clip_norm: &'static str,
    /// The factor clipping multiplied it by (`#clip-scale`).
    pub clip_scale: &'static str,
    pub status: &'static str,
    pub status_ready: &'static str,
    /// Ready, but the loss or gradient at the start already overflows.
    pub status_ready_overflow: &'static str,
    /// While a link's `at=` trains to its epoch (the run itself is paused).
    pub status_seeking: fn(target: u64) -> String,
    pub status_running: &'static str,
    pub status_paused: &'static str,
    pub status_stopped: fn(u64) -> String,
    /// A race over before its epoch limit: every racer finished or diverged.
    pub status_race_over: fn(u64) -> String,
    pub status_converged: fn(u64) -> String,
    /// The loss repeats a cycle through `losses` (two or more, formatted), seen at `epoch`,
    /// below the start's loss; `posts_rule` when the rule is the 2016 post's RMSProp, whose
    /// 2-cycle is the post's own result.
    pub status_cycling: fn(epoch: u64, losses: &[String], posts_rule: bool) -> String,
    /// The loss settled (still or in a cycle) at `loss`, no lower than the start's `start`.
    pub status_stuck: fn(epoch: u64, loss: &str, start: &str) -> String,
    /// What Step or Play did at a stop or after a divergence (`#run-note`).
    pub run_note: fn(RunNote) -> String,
    pub status_diverged: fn(u64, DivergenceReason) -> String,
    /// The status line when the settings cannot build a run (`message` is a `core_error`).
    pub status_error: fn(message: &str) -> String,
    /// A setting the core rejected.
    pub core_error: fn(&CoreError) -> String,
    pub divergence_note: &'static str,
    pub try_smaller_lr: &'static str,
    /// Clip at `clip`, which caps a gradient-descent step at `step`.
    pub try_clip: fn(clip: &str, step: &str) -> String,
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
    /// A number typed with a decimal comma (`1,5`); `pointed` is it with a point (`1.5`).
    pub msg_decimal_comma: fn(field: &str, pointed: &str, used: &str) -> String,
    pub msg_not_whole: fn(field: &str, used: &str) -> String,
    pub msg_out_of_range: fn(field: &str, min: &str, max: &str, used: &str) -> String,
    pub msg_not_positive: fn(field: &str, used: &str) -> String,
    pub msg_used_off: &'static str,
    /// 0 in a box that can be off (`#clip`, `#max-epochs`): off, as `clip=0` in a link.
    pub msg_zero_off: fn(field: &str, used: &str) -> String,

    // URL notice, presets, presentation mode and seeking (`at=`).
    /// A click on the map at `clicked`, outside ±`limit`: the run starts at `used`.
    pub pick_moved: fn(clicked: &str, used: &str, limit: &str) -> String,
    pub url_notice_title: &'static str,
    /// The same title for the corrections of a loaded file.
    pub file_notice_title: &'static str,
    pub url_notice_close: &'static str,
    /// One correction of a link or an imported file.
    pub notice: fn(&Notice) -> String,
    pub preset_label: &'static str,
    pub preset_none: &'static str,
    pub preset_none_caption: &'static str,
    /// The run no longer matches its scenario: the scenario's number and the
    /// differences, as `key before → now` joined by commas.
    pub scenario_modified: fn(number: u8, changes: &str) -> String,
    pub scenario_restore: fn(number: u8) -> String,
    /// The ghost's legend: what differs from the current run (`key=value, …`,
    /// empty for the same settings), and the epoch it reached or diverged at.
    pub ghost_label: fn(changes: &str, epoch: u64, diverged: bool) -> String,
    pub ghost_clear: &'static str,
    /// Presentation mode's key settings: no clipping, and the data size.
    pub lesson_clip_off: &'static str,
    pub lesson_data: fn(samples: usize, len: usize) -> String,
    /// A race's racers: how many, and their rules' names joined.
    pub lesson_racers: fn(count: usize, names: &str) -> String,
    /// The menu entry of a scenario.
    pub preset_title: fn(PresetId) -> &'static str,
    /// One line on what to watch; its numbers are checked in tests/params.rs.
    pub preset_caption: fn(PresetId) -> &'static str,
    pub present_toggle: &'static str,
    /// `#present-exit`: the way out of presentation mode on its first screen.
    pub present_exit: &'static str,
    pub seek_progress: fn(done: u64, target: u64) -> String,
    pub seek_cancel: &'static str,

    // Sharing, the loss axis switch and the keyboard shortcuts.
    pub copy_link: &'static str,
    pub copy_link_done: &'static str,
    pub copy_link_manual: &'static str,
    pub share_url_label: &'static str,
    pub share_panel_title: &'static str,
    pub share_hide_legend: &'static str,
    /// What a `hide=` name hides, in the share-for-class panel.
    pub control_label: fn(Control) -> &'static str,
    pub share_embed: &'static str,
    pub share_present: &'static str,
    pub share_at: &'static str,
    pub share_link_label: &'static str,
    /// Above the `<iframe>` code, shown with embed ticked.
    pub share_embed_code_label: &'static str,
    pub log_y_label: &'static str,
    pub shortcuts_open: &'static str,
    pub shortcuts_title: &'static str,
    pub shortcuts_close: &'static str,
    /// What a shortcut does; the keys come from [`Shortcut`] itself.
    pub shortcut: fn(Shortcut) -> &'static str,

    // Language switch.
    pub lang_label: &'static str,
    /// Between two sentences: a space in English, nothing in Japanese.
    pub sentence_gap: &'static str,

    // Saving and loading (the UI's `export`).
    pub export_legend: &'static str,
    pub export_csv: &'static str,
    pub export_csv_title: &'static str,
    pub export_json: &'static str,
    pub export_json_title: &'static str,
    pub import_json: &'static str,
    pub import_not_state: fn(FileProblem) -> String,
    /// A saved file written by a newer version of the page (its format number).
    pub import_newer_format: fn(format: u32) -> String,
    /// A saved file of an earlier format (the settings as nested fields).
    pub import_older_format: fn(format: u32) -> String,
    pub import_read_failed: &'static str,
    pub import_loaded: fn(epoch: u64) -> String,
    pub import_corrected: fn(count: usize) -> String,
    pub export_failed: &'static str,
    pub export_python: &'static str,
    pub export_python_title: &'static str,

    // The race.
    pub race_add: &'static str,
    pub race_add_title: &'static str,
    pub race_title: &'static str,
    pub race_exit: &'static str,
    /// `#race-legend`'s name for screen readers.
    pub race_legend_label: &'static str,
    /// In a race, under the data table and the inside view: they show the page's own run
    /// (its rule's name given), which does not race.
    pub race_showing_own_run: fn(rule: &str) -> String,
    pub race_target_label: &'static str,
    pub race_target_placeholder: &'static str,
    pub race_tune: &'static str,
    pub race_tune_title: &'static str,
    pub race_tune_cancel: &'static str,
    pub race_tuning: &'static str,
    /// "Epoch 35 of 2001, target loss 5.53".
    pub race_epoch: fn(epoch: u64, max: u64, target: &str) -> String,
    pub race_col_racer: &'static str,
    pub race_col_finish: &'static str,
    pub race_col_loss: &'static str,
    pub race_col_status: &'static str,
    pub race_col_weights: &'static str,
    pub race_finished: &'static str,
    pub race_running: &'static str,
    /// "did not finish: diverged at epoch 3 (the loss overflowed to infinity)".
    pub race_dnf: fn(epoch: u64, reason: DivergenceReason) -> String,
    /// "tuned: lr = 3e-5".
    pub race_tuned: fn(key: &str, value: &str) -> String,
    pub race_as_set: &'static str,
    /// The remove button's accessible name: "Remove racer 2".
    pub race_remove: fn(number: usize) -> String,

    // Screen-reader announcements (`#announcer`).
    pub announce_paused: fn(u64) -> String,
    pub divergence_reason: fn(DivergenceReason) -> &'static str,

    // The heat map.
    pub surface_label: &'static str,
    pub surface_hover_prompt: &'static str,
    pub surface_current: fn(point: &str) -> String,
    pub hover_loss: fn(weights: &str, loss: &str) -> String,
    pub surface_summary_view: fn(x0: &str, x1: &str, y0: &str, y1: &str) -> String,
    pub surface_summary_colours: fn(low: &str, high: &str) -> String,
    pub surface_summary_pending: &'static str,
    pub surface_summary_path: fn(start: &str, now: &str, diverged: bool) -> String,
    pub surface_computing: &'static str,
    pub colour_bar_caption: &'static str,
    /// The colour bar's caption when the colours follow the cells' ranks.
    pub colour_bar_caption_ranked: &'static str,
    /// The summary's sentence for the same.
    pub surface_summary_ranked: &'static str,
    pub limit_label: &'static str,
    pub escape_label: &'static str,
    pub surface_png_title: &'static str,
    pub view_group_label: &'static str,
    /// The accessible names of the range boxes: w_x from, w_x to, w_rec from, w_rec to.
    pub view_field_names: [&'static str; 4],
    pub view_to: &'static str,
    pub zoom_wide_title: &'static str,
    pub zoom_near_title: &'static str,
    /// `#zoom-cell`: the window a cell other than the linear one opens on.
    pub zoom_cell_title: &'static str,
    pub view_apply: &'static str,
    pub view_not_number: fn(field: &str) -> String,
    pub view_invalid: &'static str,

    // The loss curve.
    pub loss_chart_label: &'static str,
    pub loss_axis_epoch: &'static str,
    pub loss_axis_loss: &'static str,
    pub loss_axis_loss_log: &'static str,
    pub loss_png_title: &'static str,
    pub loss_summary_range:
        fn(first: &str, first_epoch: u64, last: &str, last_epoch: u64, lowest: &str) -> String,
    pub loss_summary_one: fn(epoch: u64, loss: &str) -> String,
    pub loss_summary_empty: &'static str,

    /// The inside view: the unrolled network, the gradient over time, the step-through.
    pub inside: &'static inside::InsideText,
}

impl Text {
    /// The catalogue for `lang`.
    pub fn get(lang: Lang) -> &'static Text {
        match lang {
            Lang::En => &en::EN,
            Lang::Ja => &ja::JA,
        }
    }
}

/// `words` with a cell's parameter names in place of the linear cell's: `w_x` and `w_rec`
/// become `names[0]` and `names[1]`, so one catalogue line labels every cell. The linear and
/// tanh cells' names are the same, so their words are unchanged.
pub fn with_names(words: &str, names: &[&str]) -> String {
    match names {
        [first, second] if (*first, *second) != ("w_x", "w_rec") => {
            // Through a placeholder, so that a new name holding an old one is not renamed twice.
            words
                .replace("w_rec", "\u{0}")
                .replace("w_x", first)
                .replace('\u{0}', second)
        }
        _ => words.to_string(),
    }
}

/// [`with_names`] of a catalogue line, kept for the page's lifetime: labels and
/// accessible names take `&'static str`. The catalogue and the cells are fixed, so this
/// keeps at most one copy per line and cell.
pub fn with_names_static(words: &'static str, names: &[&str]) -> &'static str {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    if names == ["w_x", "w_rec"] || !(words.contains("w_x") || words.contains("w_rec")) {
        return words;
    }
    static KEPT: OnceLock<Mutex<HashMap<(String, String), &'static str>>> = OnceLock::new();
    let kept = KEPT.get_or_init(Default::default);
    let mut kept = kept.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let key = (words.to_string(), names.join(","));
    kept.entry(key)
        .or_insert_with(|| Box::leak(with_names(words, names).into_boxed_str()))
}

/// A core error in English words, for the CLI and logs.
pub fn core_error_en(error: &CoreError) -> String {
    (EN.core_error)(error)
}

/// Why a value is unusable, in English words, for the CLI.
pub fn invalid_reason_en(reason: InvalidReason) -> String {
    en::invalid_reason(reason)
}
