//! The saved-state file: every setting plus the epoch the run had reached,
//! so loading it lands on the same moment.
//!
//! The file carries a format number. Files from before the number existed
//! read as format 0, and any setting a file lacks takes its default, so adding
//! a setting never breaks an older file. A file from a newer format is refused
//! with a message rather than half-read.

use serde::{Deserialize, Serialize};

use super::state::AppState;

/// The format this version writes.
pub const SAVED_FORMAT: u32 = 1;

/// At most this many characters of a parser's message are shown: it can quote
/// the file, and the file is the user's.
pub const SHOWN_DETAIL_CHARS: usize = 120;

/// What `#export-json` writes and `#import-json` reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedState {
    /// 0 for files written before the format had a number.
    #[serde(default)]
    pub format: u32,
    pub state: AppState,
    pub epoch: u64,
}

/// Why a file is not a saved state this version can read.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedError {
    /// Not JSON of the expected shape; the parser's reason, cut short.
    NotState { detail: String },
    /// Written by a newer version of the page.
    NewerFormat { format: u32 },
}

impl SavedState {
    pub fn new(state: AppState, epoch: u64) -> SavedState {
        SavedState {
            format: SAVED_FORMAT,
            state,
            epoch,
        }
    }

    /// The file's text: pretty JSON, so it can be read and edited by hand.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a saved file. The state is not yet checked: pass it through
    /// [`super::sanitize`], as a link is, before using it.
    pub fn from_json(json: &str) -> Result<SavedState, SavedError> {
        let saved: SavedState =
            serde_json::from_str(json).map_err(|error| SavedError::NotState {
                detail: cut(&error.to_string(), SHOWN_DETAIL_CHARS),
            })?;
        if saved.format > SAVED_FORMAT {
            return Err(SavedError::NewerFormat {
                format: saved.format,
            });
        }
        Ok(saved)
    }
}

/// `text` without control characters, at most `max` characters with "…".
fn cut(text: &str, max: usize) -> String {
    let mut kept = text.chars().filter(|c| !c.is_control());
    let mut out: String = kept.by_ref().take(max).collect();
    if kept.next().is_some() {
        out.push('…');
    }
    out
}
