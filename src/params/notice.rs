//! What the parser corrected, as data the catalogue (`crate::text`) words in
//! each language.
//!
//! A notice holds the key, the value as given (cleaned for display) and the
//! value used instead. The page inserts the message as text, never as HTML,
//! so nothing is escaped here; control and bidi-override characters are
//! stripped so a link cannot garble or disguise the notice.

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
    /// `lr=-1`, `clip=-3`: zero or less for a quantity that must be positive; the default is
    /// used, as a form box keeps the value in use (a nearest allowed value such as 1e-12 would
    /// only stall the run).
    NotPositive,
    /// `opt=<script>`, `hide=foo`: not one of the allowed names.
    UnknownChoice { allowed: Vec<&'static str> },
    /// `lr=1&lr=2`: given `count` times; the first is used.
    Repeated { count: usize },
    /// A value with the wrong shape.
    Malformed(Problem),
    /// `at=` (or a loaded file's epoch) asks for more training on load than
    /// [`super::MAX_SEEK_WORK`]: `work` sample-steps (samples × length ×
    /// epochs) against at most `max_work`; the largest epoch within it is used.
    TooMuchWork { work: u64, max_work: u64 },
    /// `speed=`: more epochs per frame than fit in a frame on this much data
    /// (samples × length); the page trains at most the `used` value.
    SpeedCapped,
}

/// The shapes a compound value can get wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum Problem {
    /// `view=` needs four comma-separated numbers.
    ViewNotFourNumbers,
    /// `view=` needs min < max on each axis.
    ViewEmptyRange,
    /// `wx` and `wrec` must come together, both numbers or both `seed`.
    InitIncomplete,
    /// `input=` is not a 0/1 sequence of 1 to 200 steps.
    Bits(super::bits::BitsProblem),
    /// `ghost=` changes a setting to a value that cannot be used.
    GhostSettings,
    /// `precision=theano-f32` with a rule, loss or clipping the seed's graph does not have.
    PrecisionNotSeedGraph,
    /// `task=latch` with a cell that has no input (the cliff): it is given the count task.
    TaskNotForCell,
}

/// One correction made while reading the URL.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The URL key, always one of the table's (a loaded file's epoch is `at`).
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

    /// Whether the value used is the init drawn with the data (`wx`/`wrec` = `seed`).
    pub fn is_drawn_init(&self) -> bool {
        matches!(self.key, "wx" | "wrec") && self.used == "seed"
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
