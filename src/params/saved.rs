//! The saved-state file: the run's settings plus the epoch it had reached, so
//! loading it lands on the same moment.
//!
//! The settings are written as the link writes them, one key of the URL table
//! per entry, and read back by the link's own parser. A file therefore says
//! exactly what a link says, is corrected the way a link is (its corrections
//! appear as the link's notices), and a new setting needs nothing here.
//!
//! ```json
//! { "format": 2, "epoch": 120, "settings": { "preset": "roelants-rprop", "len": "12" } }
//! ```
//!
//! A value may also be written as a JSON number or boolean (`"lr": 0.01`,
//! `"logy": false`), as someone editing the file by hand would. A file of a
//! newer format is refused with a message rather than half-read, and so is one
//! of the earlier formats 0 and 1, which held the settings as nested fields.

use std::fmt;

use serde::de::{IgnoredAny, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::notice::Notice;
use super::parse::{parse_pairs, to_pairs};
use super::state::AppState;

/// The format this version writes.
pub const SAVED_FORMAT: u32 = 2;

/// What `#export-json` writes.
#[derive(Debug, Clone, PartialEq)]
pub struct SavedState {
    pub state: AppState,
    pub epoch: u64,
}

/// What `#import-json` read: the state as the link's parser made it, what it
/// corrected, and the epoch (not yet bounded: see [`super::bound_seek`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedState {
    pub state: AppState,
    pub notices: Vec<Notice>,
    pub epoch: u64,
}

/// Why a file is not a saved state this version can read.
#[derive(Debug, Clone, PartialEq)]
pub enum SavedError {
    /// Not JSON of the expected shape, and where.
    NotState(FileProblem),
    /// Written by a newer version of the page.
    NewerFormat { format: u32 },
    /// Written by an earlier version, with the settings as nested fields.
    OlderFormat { format: u32 },
}

/// What is wrong with a file that is not a saved state. Only positions are
/// kept, never the file's text: the catalogue words the message in the page's
/// language, and the file is the user's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Not JSON: the reader stopped at this line and column (from 1).
    Syntax { line: usize, column: usize },
    /// The JSON ends before its last value does.
    Truncated,
    /// JSON, but a field is missing or of the wrong kind, at this line and column.
    WrongShape { line: usize, column: usize },
    /// JSON of the right shape without its `settings`.
    NoSettings,
    /// Larger than the page reads (`max_bytes`).
    TooLarge { max_bytes: u64 },
}

impl FileProblem {
    fn of(error: &serde_json::Error) -> FileProblem {
        let (line, column) = (error.line(), error.column());
        match error.classify() {
            Category::Eof => FileProblem::Truncated,
            Category::Data => FileProblem::WrongShape { line, column },
            Category::Syntax | Category::Io => FileProblem::Syntax { line, column },
        }
    }
}

/// The file as written: the keys in the URL table's order.
#[derive(Serialize)]
struct FileOut<'a> {
    format: u32,
    epoch: u64,
    #[serde(serialize_with = "in_order")]
    settings: &'a [(&'static str, String)],
}

fn in_order<S: Serializer>(pairs: &&[(&str, String)], out: S) -> Result<S::Ok, S::Error> {
    let mut map = out.serialize_map(Some(pairs.len()))?;
    for (key, value) in pairs.iter() {
        map.serialize_entry(key, value)?;
    }
    map.end()
}

/// The file as read. A missing format is 0 (the first files had none).
#[derive(Deserialize)]
struct FileIn {
    #[serde(default)]
    format: u32,
    epoch: u64,
    settings: Option<Entries>,
    /// Formats 0 and 1 kept the settings here.
    state: Option<IgnoredAny>,
}

/// The settings object's entries in the file's order, a repeated key kept:
/// the link's parser then reports it as it reports `lr=1&lr=2`.
struct Entries(Vec<(String, Box<RawValue>)>);

impl<'de> Deserialize<'de> for Entries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entries, D::Error> {
        struct EntriesVisitor;
        impl<'de> Visitor<'de> for EntriesVisitor {
            type Value = Entries;

            fn expecting(&self, out: &mut fmt::Formatter) -> fmt::Result {
                out.write_str("an object of settings")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entries, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(Entries(entries))
            }
        }
        deserializer.deserialize_map(EntriesVisitor)
    }
}

impl SavedState {
    pub fn new(state: AppState, epoch: u64) -> SavedState {
        SavedState { state, epoch }
    }

    /// The file's text: pretty JSON, so it can be read and edited by hand.
    pub fn to_json(&self) -> String {
        let settings = to_pairs(&self.state);
        let file = FileOut {
            format: SAVED_FORMAT,
            epoch: self.epoch,
            settings: &settings,
        };
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads a saved file through the link's parser.
    pub fn from_json(json: &str) -> Result<LoadedState, SavedError> {
        let file: FileIn = serde_json::from_str(json)
            .map_err(|error| SavedError::NotState(FileProblem::of(&error)))?;
        if file.format > SAVED_FORMAT {
            return Err(SavedError::NewerFormat {
                format: file.format,
            });
        }
        let Some(settings) = file.settings else {
            return Err(match file.state {
                Some(_) => SavedError::OlderFormat {
                    format: file.format,
                },
                None => SavedError::NotState(FileProblem::NoSettings),
            });
        };
        let parsed = parse_pairs(
            settings
                .0
                .into_iter()
                .map(|(key, value)| (key, link_text(&value))),
        );
        Ok(LoadedState {
            state: parsed.state,
            notices: parsed.notices,
            epoch: file.epoch,
        })
    }
}

/// A value as a link would give it: strings as they are, numbers in JSON's
/// spelling, booleans as the link's 1 and 0. Anything else keeps its JSON
/// text, which the parser then reports as it would in a link.
fn link_text(value: &RawValue) -> String {
    let json = value.get();
    match json {
        "true" => "1".into(),
        "false" => "0".into(),
        "null" => String::new(),
        _ => serde_json::from_str::<String>(json).unwrap_or_else(|_| json.into()),
    }
}
