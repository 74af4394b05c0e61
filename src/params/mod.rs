//! The typed, validated settings of the app, and the URL that carries them.
//!
//! - [`AppState`] holds every setting; [`PresetId`] gives the scenarios.
//! - [`PARAMS`] is the one table of URL keys, ranges and meanings.
//! - [`parse`] reads any query string without failing, and reports each
//!   correction as a [`Notice`] (worded by the catalogue, `crate::text`); [`to_query`] writes
//!   the shortest query that reads back to the same state.
//!
//! Pure Rust with no web dependency, tested natively in `tests/params.rs`.

mod control;
mod format;
mod notice;
mod parse;
mod presets;
mod state;
mod table;

pub use control::Control;
pub use format::shortest;
pub use notice::{Notice, NoticeKind, Problem, SHOWN_CHARS, number};
pub use parse::{Parsed, parse, sanitize, to_query};
pub use presets::PresetId;
pub use state::{
    AT_RANGE, AppState, DEFAULT_SPEED, INIT_LIMIT, Lang, MAX_SPEED, STOP_RANGE, VIEW_LIMIT,
    VIEW_MIN_SPAN, View,
};
pub use table::{PARAMS, Param, find, markdown_table};
