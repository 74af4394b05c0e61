//! Errors the core returns instead of panicking: a panic would kill the wasm app.
//!
//! The errors are data; their wording, in English (`Display`, for the CLI)
//! and in every page language, is in the app's text catalogue.

/// A setting the core cannot use, named so the caller can say which one.
#[derive(Debug, Clone, PartialEq)]
pub enum CoreError {
    /// A number outside its allowed range, e.g. a sequence length of 0.
    OutOfRange {
        name: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
    /// A value that is not usable for another reason (NaN, an empty range, …).
    Invalid {
        name: &'static str,
        reason: InvalidReason,
    },
}

/// Why a value is not usable, other than its range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::EnumIter)]
pub enum InvalidReason {
    /// NaN or infinite: initial weights, data values, axis bounds.
    NotFinite,
    /// A negative (or NaN) loss tolerance.
    Negative,
    /// Data rows of different lengths.
    RaggedRows,
    /// An axis of one point whose bounds differ.
    OnePointNeedsEqualBounds,
    /// An axis with `min >= max`.
    EmptyRange,
    /// A heat-map bound beyond ±`VIEW_LIMIT`.
    ViewOutsideLimit,
    /// A heat-map axis narrower than `VIEW_MIN_SPAN`.
    ViewTooNarrow,
    /// `hide=` controls repeated or out of the documented order.
    HideNotCanonical,
    /// Loss-surface polynomials computed for another data set.
    OtherDataSet,
    /// A typed sequence that is not 1 to 200 characters of 0 and 1.
    NotBits,
    /// `theano-f32` asked for another graph than the seed's (another rule,
    /// the mean loss, or clipping).
    NotTheSeedGraph,
    /// A list of parameters whose length is not the cell's.
    WrongCount,
    /// A task the cell cannot learn (its output cannot reach the targets) or does not take.
    TaskNotTaken,
}

impl CoreError {
    /// The setting the error is about, as named in the CLI and the URL docs.
    pub fn name(&self) -> &'static str {
        match self {
            CoreError::OutOfRange { name, .. } | CoreError::Invalid { name, .. } => name,
        }
    }
}
