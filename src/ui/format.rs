//! Numbers as the read-outs show them, in the page's words: the digits come
//! from [`crate::format`]; only "overflow" and "—" are the catalogue's.

use super::text::Text;
use crate::format;

/// Significant digits of a read-out: enough to see the plateau's loss settle
/// (0.0068216) and the weights reach 1 (0.99947), short enough to read.
pub const SIGNIFICANT_DIGITS: usize = 5;

/// `value` with [`SIGNIFICANT_DIGITS`] ([`format::significant`]); ±∞ reads
/// "overflow" and NaN "—".
pub fn number(value: f64, text: &Text) -> String {
    if value.is_nan() {
        return text.missing.to_string();
    }
    if value.is_infinite() {
        return text.overflow.to_string();
    }
    format::significant(value, SIGNIFICANT_DIGITS)
}

/// Milliseconds with one decimal ([`format::millis`]), "—" when not finite.
pub fn millis(ms: f64, text: &Text) -> String {
    if ms.is_finite() {
        format::millis(ms)
    } else {
        text.missing.to_string()
    }
}
