//! The keyboard shortcuts: each action with the keys that trigger it. The
//! key handler matches against this table and the shortcuts dialog lists it,
//! so the two cannot disagree; only what an action does is worded per language.

use strum::{EnumIter, IntoEnumIterator};

use super::presets::PresetId;

/// What a key does, in the order the shortcuts dialog lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum Shortcut {
    PlayPause,
    Step,
    Reset,
    NewData,
    /// The digit keys pick scenario 1, 2, …
    Preset,
    /// The scenario before the current one, and the one after: together with
    /// the digits they reach every scenario, the tenth and later too.
    PreviousPreset,
    NextPreset,
    LogAxis,
    Present,
    Fullscreen,
    ToggleList,
    CloseList,
}

impl Shortcut {
    /// The `KeyboardEvent.key` values that trigger it (empty for [`Shortcut::Preset`],
    /// whose keys are the scenarios' numbers).
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Shortcut::PlayPause => &[" ", "Spacebar"],
            Shortcut::Step => &["ArrowRight", "s", "S"],
            Shortcut::Reset => &["r", "R"],
            Shortcut::NewData => &["n", "N"],
            Shortcut::Preset => &[],
            Shortcut::PreviousPreset => &["["],
            Shortcut::NextPreset => &["]"],
            Shortcut::LogAxis => &["l", "L"],
            Shortcut::Present => &["p", "P"],
            Shortcut::Fullscreen => &["f", "F"],
            Shortcut::ToggleList => &["?"],
            Shortcut::CloseList => &["Escape", "Esc"],
        }
    }

    /// The keys as the dialog shows them: "Space", "→ / S", "1–9".
    pub fn label(self) -> String {
        match self {
            Shortcut::PlayPause => "Space".into(),
            Shortcut::Step => "→ / S".into(),
            Shortcut::CloseList => "Esc".into(),
            Shortcut::Preset => {
                // A key is one digit: the scenarios past the ninth have none.
                let last = PresetId::iter()
                    .next_back()
                    .map_or(1, PresetId::number)
                    .min(9);
                format!("1–{last}")
            }
            other => other.keys()[0].to_ascii_uppercase(),
        }
    }

    /// The scenario `self` moves to from `current` (none chosen: the first for
    /// next, the last for previous), wrapping around; `None` for other shortcuts.
    pub fn preset_after(self, current: Option<PresetId>) -> Option<PresetId> {
        let all: Vec<PresetId> = PresetId::iter().collect();
        let count = all.len();
        let index = current.and_then(|c| all.iter().position(|&p| p == c));
        let next = match (self, index) {
            (Shortcut::NextPreset, Some(i)) => (i + 1) % count,
            (Shortcut::NextPreset, None) => 0,
            (Shortcut::PreviousPreset, Some(i)) => (i + count - 1) % count,
            (Shortcut::PreviousPreset, None) => count - 1,
            _ => return None,
        };
        all.get(next).copied()
    }

    /// The shortcut of a key, and the scenario for a digit key.
    pub fn of_key(key: &str) -> Option<(Shortcut, Option<PresetId>)> {
        if let Some(shortcut) = Shortcut::iter().find(|s| s.keys().contains(&key)) {
            return Some((shortcut, None));
        }
        let preset = PresetId::from_number(key.parse().ok()?)?;
        Some((Shortcut::Preset, Some(preset)))
    }
}
