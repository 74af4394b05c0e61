//! Errors the core returns instead of panicking: a panic would kill the wasm app.

use thiserror::Error;

/// A setting the core cannot use, named so the caller can say which one.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum CoreError {
    /// A number outside its allowed range, e.g. a sequence length of 0.
    #[error("{name} must be between {min} and {max}, got {value}")]
    OutOfRange {
        name: &'static str,
        value: f64,
        min: f64,
        max: f64,
    },
    /// A value that is not usable for another reason (NaN, an empty range, …).
    #[error("{name}: {reason}")]
    Invalid { name: &'static str, reason: String },
}

impl CoreError {
    /// The setting the error is about, as named in the CLI and the URL docs.
    pub fn name(&self) -> &'static str {
        match self {
            CoreError::OutOfRange { name, .. } | CoreError::Invalid { name, .. } => name,
        }
    }
}
