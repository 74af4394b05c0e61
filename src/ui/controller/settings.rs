//! The one settings value that drives the page, and what the UI derives from it.
//!
//! The settings are [`crate::params::AppState`], the same typed, validated
//! table the URL carries: controls, presets and links all change the app by
//! handing the controller a new `AppState`.

use crate::format::readable;
use crate::params::{AppState, MAX_SPEED, Notice, NoticeKind};
use crate::rnn::DataConfig;
use crate::rnn::surface::Axis;

/// The loss surface is computed on this many points per axis (issue: ≥ 256²).
pub const SURFACE_POINTS: usize = 256;

/// Sequence-steps (samples × length) one animation frame may train. At
/// 20×10 an epoch costs about 1 µs in wasm, so this allows the full
/// [`MAX_SPEED`] there (≈ 2–4 ms) and scales the cap down for bigger data,
/// keeping training well inside an ~8 ms frame budget.
pub const FRAME_STEP_BUDGET: usize = 400_000;

/// The most epochs per frame that keep the page smooth for `data`.
pub fn max_speed(data: &DataConfig) -> u32 {
    let steps_per_epoch = data.samples.saturating_mul(data.len).max(1);
    let epochs = (FRAME_STEP_BUDGET / steps_per_epoch).clamp(1, MAX_SPEED as usize);
    epochs as u32
}

/// The notice for a state (a link's, a loaded file's) whose speed the
/// controller will cap for its data, so the cut is said, not silent.
pub fn speed_notice(state: &AppState) -> Option<Notice> {
    let max = max_speed(&state.data);
    (state.speed > f64::from(max)).then(|| {
        Notice::new(
            "speed",
            NoticeKind::SpeedCapped,
            &readable(state.speed),
            max.to_string(),
        )
    })
}

/// The grid axes of the surface for the settings' view.
pub fn surface_axes(settings: &AppState) -> (Axis, Axis) {
    settings.view.axes(SURFACE_POINTS, SURFACE_POINTS)
}

/// Whether a change from `old` to `new` changes the cell, or the data it learns from
/// (so training restarts and the surface is recomputed).
pub fn data_changed(old: &AppState, new: &AppState) -> bool {
    old.data != new.data
        || old.reduction != new.reduction
        || old.model != new.model
        || old.task != new.task
}

/// Whether the run must start again from its initial weights (another
/// arithmetic is another run).
pub fn run_changed(old: &AppState, new: &AppState) -> bool {
    data_changed(old, new) || old.init != new.init || old.precision != new.precision
}

/// Whether the loss surface must be recomputed.
pub fn surface_changed(old: &AppState, new: &AppState) -> bool {
    data_changed(old, new) || old.view != new.view
}
