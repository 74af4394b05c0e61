//! What the parser corrected, in a form the UI can show in English or Japanese.
//!
//! A notice holds the key, the value as given (cleaned for display) and the
//! value used instead. The page inserts the message as text, never as HTML,
//! so nothing is escaped here; control and bidi-override characters are
//! stripped so a link cannot garble or disguise the notice.

use crate::format::readable;

/// At most this many characters of a given value are shown.
pub const SHOWN_CHARS: usize = 40;

/// Why a value was corrected.
#[derive(Debug, Clone, PartialEq)]
pub enum NoticeKind {
    /// `lr=`: nothing given; the default is used.
    Empty,
    /// `lr=abc`: not a number; the default is used.
    NotANumber,
    /// `len=2.5`, `seed=-1`: not a whole number in the range; the default is used.
    NotAnInteger { min: f64, max: f64 },
    /// `len=500`: a number outside the range; the nearest allowed value is used.
    OutOfRange { min: f64, max: f64 },
    /// `opt=<script>`, `hide=foo`: not one of the allowed names.
    UnknownChoice { allowed: Vec<&'static str> },
    /// `lr=1&lr=2`: given `count` times; the first is used.
    Repeated { count: usize },
    /// A value with the wrong shape.
    Malformed(Problem),
}

/// The shapes a compound value can get wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// `view=` needs four comma-separated numbers.
    ViewNotFourNumbers,
    /// `view=` needs min < max on each axis.
    ViewEmptyRange,
    /// `wx` and `wrec` must come together, both numbers or both `seed`.
    InitIncomplete,
}

/// One correction made while reading the URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The URL key, always one of the table's.
    pub key: &'static str,
    pub kind: NoticeKind,
    /// The value as given, without control characters and cut to [`SHOWN_CHARS`].
    pub given: String,
    /// The value used instead, as the URL would write it: `seed` for the drawn
    /// init, empty for an optional setting left unset (`lang`, `preset`, `hide`).
    pub used: String,
}

impl Notice {
    pub(crate) fn new(key: &'static str, kind: NoticeKind, given: &str, used: String) -> Notice {
        Notice {
            key,
            kind,
            given: shown(given),
            used,
        }
    }

    /// One English sentence, e.g. "lr=abc is not a number; using 0.001".
    pub fn message_en(&self) -> String {
        let (key, given) = (self.key, &self.given);
        let used = self.used_en();
        match &self.kind {
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
            NoticeKind::Malformed(Problem::InitIncomplete) => format!(
                "{key}={given}: wx and wrec must be given together, as numbers or both \"seed\"; \
                 {used}"
            ),
        }
    }

    /// The same in Japanese, e.g.「lr=abc は数値ではありません。0.001 を使います」.
    pub fn message_ja(&self) -> String {
        let (key, given) = (self.key, &self.given);
        let used = self.used_ja();
        match &self.kind {
            NoticeKind::Empty => format!("{key} が空です。{used}"),
            NoticeKind::NotANumber => {
                format!("{key}={given} は数値ではありません。{used}")
            }
            NoticeKind::NotAnInteger { min, max } => format!(
                "{key}={given} は {} から {} までの整数ではありません。{used}",
                readable(*min),
                readable(*max)
            ),
            NoticeKind::OutOfRange { min, max } => format!(
                "{key}={given} は範囲（{} 〜 {}）の外です。{used}",
                readable(*min),
                readable(*max)
            ),
            NoticeKind::UnknownChoice { allowed } => format!(
                "{key}={given} は使えません（{} のいずれか）。{used}",
                allowed.join(", ")
            ),
            NoticeKind::Repeated { count } => {
                format!("{key} が {count} 回指定されています。最初の値を使います")
            }
            NoticeKind::Malformed(Problem::ViewNotFourNumbers) => {
                format!("{key}={given} は xmin,xmax,ymin,ymax の 4 つの数ではありません。{used}")
            }
            NoticeKind::Malformed(Problem::ViewEmptyRange) => {
                format!("{key}={given} では、どちらの軸も min < max にしてください。{used}")
            }
            NoticeKind::Malformed(Problem::InitIncomplete) => format!(
                "{key}={given}：wx と wrec は、両方とも数値か両方とも seed で指定してください。\
                 {used}"
            ),
        }
    }

    fn is_drawn_init(&self) -> bool {
        matches!(self.key, "wx" | "wrec") && self.used == "seed"
    }

    fn used_en(&self) -> String {
        if self.is_drawn_init() {
            "using the init drawn with the data".into()
        } else if self.used.is_empty() {
            // Only optional settings (lang, preset, hide) are empty by default.
            "ignoring it".into()
        } else {
            format!("using {}", self.used)
        }
    }

    fn used_ja(&self) -> String {
        if self.is_drawn_init() {
            "データと一緒に引いた初期値を使います".into()
        } else if self.used.is_empty() {
            "無視します".into()
        } else {
            format!("{} を使います", self.used)
        }
    }
}

/// `raw` without control or bidi-override characters, cut to [`SHOWN_CHARS`] with "…".
pub(crate) fn shown(raw: &str) -> String {
    let mut kept = raw.chars().filter(|&c| !is_hidden_char(c));
    let mut out: String = kept.by_ref().take(SHOWN_CHARS).collect();
    if kept.next().is_some() {
        out.push('…');
    }
    out
}

/// Characters that would be invisible or reorder the text around them.
fn is_hidden_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}
