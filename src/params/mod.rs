//! The typed, validated settings of the app, and the URL that carries them.
//!
//! - [`AppState`] holds every setting; [`PresetId`] gives the scenarios.
//! - [`PARAMS`] is the one table of URL keys, ranges and meanings.
//! - [`parse`] reads any query string without failing, and reports each
//!   correction as a [`Notice`] (worded by the catalogue, `crate::text`); [`to_query`] writes
//!   the shortest query that reads back to the same state.
//!
//! Pure Rust with no web dependency, tested natively in `tests/params.rs`.

mod bits;
mod control;
mod embed;
mod ghost;
mod modified;
mod notice;
mod parse;
mod presets;
mod racer;
mod run_note;
mod saved;
mod shortcut;
mod speed;
mod state;
mod table;

/// The view is the plot's rectangle; it is a setting too.
pub use crate::plot::{VIEW_LIMIT, VIEW_MIN_SPAN, View};
pub use bits::{BitsProblem, bits_text, read_bits};
pub use control::Control;
pub use embed::{EMBED_ASPECT, EMBED_MIN_HEIGHT, embed_code};
pub use ghost::{Ghost, same_run};
pub use modified::{Difference, differences_from_scenario};
pub use notice::{Notice, NoticeKind, Problem, SHOWN_CHARS};
pub use parse::{Parsed, bound_seek, parse, parse_pairs, to_pairs, to_query};
pub use presets::PresetId;
pub use racer::{
    RacerProblem, RacerRead, RacerSpec, ordinals, race_text, racer_label, read_race, read_racer,
};
pub use run_note::RunNote;
pub use saved::{FileProblem, LoadedState, SAVED_FORMAT, SavedError, SavedState};
pub use shortcut::Shortcut;
pub use speed::SpeedCredit;
pub use state::{
    AT_RANGE, AppState, DEFAULT_SPEED, INIT_LIMIT, Lang, MAX_SEEK_WORK, MAX_SPEED, MIN_SPEED,
    SEEK_CHUNK_WORK, SPEED_RANGE, STOP_RANGE, TARGET_RANGE, epoch_work, max_seek_epochs,
    seek_chunk,
};
pub use table::{PARAMS, Param, find, markdown_table};
