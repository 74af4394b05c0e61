//! `ghost=`: an earlier run drawn faintly beside the current one, so that two
//! settings (clip on and off, two learning rates) compare on one screen.
//!
//! It is written `EPOCHS[:KEY=VALUE,…]`: the page's own run with these keys
//! changed, trained EPOCHS epochs from its start. Only the keys that shape a
//! run are allowed (the rule, its hyperparameters, clipping, the loss, the
//! data and the start), so a ghost is always a run the page could show, and
//! the same link always draws the same ghost.

use super::notice::NoticeKind;
use super::parse::parse_pairs;
use super::state::{AT_RANGE, AppState};
use super::table::PARAMS;
use crate::format::{Whole, exact, read_whole};

/// An earlier run: how far it went and how its settings differ from the page's.
#[derive(Debug, Clone, PartialEq)]
pub struct Ghost {
    /// Epochs it was trained from its start.
    pub epochs: u64,
    /// (URL key, value) where it differs from the page, in table order; empty
    /// for a run with the page's own settings.
    pub changes: Vec<(&'static str, String)>,
}

impl Ghost {
    /// The run `old` reached at `epochs`, described against the settings `page`.
    pub fn left_by(old: &AppState, epochs: u64, page: &AppState) -> Ghost {
        let changes = PARAMS
            .iter()
            .filter(|param| param.shapes_training(old) && param.codec.differs(old, page))
            .map(|param| (param.key, param.codec.encode(old, exact)))
            .collect();
        let ghost = Ghost { epochs, changes };
        // The rule's defaults can make a shorter list read back differently:
        // then every key that shapes the run is written.
        let same = ghost
            .settings(page)
            .is_some_and(|settings| same_run(&settings, old));
        if same {
            ghost
        } else {
            Ghost {
                epochs,
                changes: PARAMS
                    .iter()
                    .filter(|param| param.shapes_training(old))
                    .map(|param| (param.key, param.codec.encode(old, exact)))
                    .collect(),
            }
        }
    }

    /// The ghost's settings: `page` with the changes applied; `None` when a
    /// change cannot be used as given (out of range, not a number).
    pub fn settings(&self, page: &AppState) -> Option<AppState> {
        // Every key that trains the page's run, written out (a link may
        // hold them in `preset=`), unless the ghost changes it.
        let mut pairs: Vec<(&str, String)> = PARAMS
            .iter()
            .filter(|p| p.shapes_training(page) && !self.changes.iter().any(|(k, _)| *k == p.key))
            .map(|p| (p.key, p.codec.encode(page, exact)))
            .collect();
        pairs.extend(self.changes.iter().map(|(k, v)| (*k, v.clone())));
        let parsed = parse_pairs(pairs);
        parsed.notices.is_empty().then_some(parsed.state)
    }

    /// `EPOCHS[:KEY=VALUE,…]`.
    pub fn to_text(&self) -> String {
        if self.changes.is_empty() {
            self.epochs.to_string()
        } else {
            format!("{}:{}", self.epochs, self.joined(","))
        }
    }

    /// The changes as `key=value, …`; empty for the page's own settings.
    pub fn label(&self) -> String {
        self.joined(", ")
    }

    fn joined(&self, separator: &str) -> String {
        let changes: Vec<String> = self
            .changes
            .iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        changes.join(separator)
    }

    /// Reads `EPOCHS[:KEY=VALUE,…]`; the values are checked later, against the page
    /// ([`Ghost::settings`]). An error names the part that is wrong: the epochs, or a key.
    pub fn read(text: &str) -> Result<Ghost, (NoticeKind, String)> {
        let (epochs, changes) = text.split_once(':').unwrap_or((text, ""));
        let epochs = match read_whole(epochs.trim()) {
            Whole::Value(e) if (1..=i128::from(AT_RANGE.max)).contains(&e) => e as u64,
            _ => {
                let kind = NoticeKind::NotAnInteger {
                    min: 1.0,
                    max: AT_RANGE.max as f64,
                };
                return Err((kind, epochs.to_string()));
            }
        };
        let given: Vec<(&str, &str)> = changes
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| c.split_once('=').unwrap_or((c, "")))
            .collect();
        // Each key once, one a ghost may change; kept in table order, as links write them.
        let allowed = || PARAMS.iter().filter(|p| p.may_shape_training());
        let unknown = given.iter().enumerate().find(|(i, (key, _))| {
            !allowed().any(|p| p.key == key.trim())
                || given[..*i].iter().any(|(k, _)| k.trim() == key.trim())
        });
        if let Some((_, (key, _))) = unknown {
            let allowed = allowed().map(|p| p.key).collect();
            return Err((NoticeKind::UnknownChoice { allowed }, key.to_string()));
        }
        let read = allowed()
            .filter_map(|p| {
                let (_, value) = given.iter().find(|(k, _)| k.trim() == p.key)?;
                Some((p.key, value.trim().to_string()))
            })
            .collect();
        Ok(Ghost {
            epochs,
            changes: read,
        })
    }
}

/// Whether two states train the same run: the same data, loss and start, and
/// the same rule with the same values of what it reads.
pub fn same_run(a: &AppState, b: &AppState) -> bool {
    PARAMS
        .iter()
        .filter(|p| p.shapes_training(a) || p.shapes_training(b))
        .all(|p| !p.codec.differs(a, b))
}
