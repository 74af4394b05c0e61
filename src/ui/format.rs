//! Numbers as the read-outs show them: 5 significant digits, never "NaN" or "inf".

use super::text::Text;

/// Significant digits of a read-out: enough to see the plateau's loss settle
/// (0.0068216) and the weights reach 1 (0.99947), short enough to read.
pub const SIGNIFICANT_DIGITS: i32 = 5;

/// `value` with [`SIGNIFICANT_DIGITS`]: fixed notation from 1e-3 to 1e6,
/// exponent notation outside; ±∞ reads "overflow" and NaN "—".
pub fn number(value: f64, text: &Text) -> String {
    if value.is_nan() {
        return text.missing.to_string();
    }
    if value.is_infinite() {
        return text.overflow.to_string();
    }
    significant(value)
}

/// The finite `value` with [`SIGNIFICANT_DIGITS`] (see [`number`]).
pub fn significant(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let magnitude = value.abs();
    let formatted = if (1e-3..1e6).contains(&magnitude) {
        let decimals = (SIGNIFICANT_DIGITS - 1 - magnitude.log10().floor() as i32).max(0) as usize;
        format!("{value:.decimals$}")
    } else {
        let decimals = (SIGNIFICANT_DIGITS - 1) as usize;
        format!("{value:.decimals$e}")
    };
    // Rounding can give "-0.0000"; a sign on zero reads as a different number.
    if formatted.starts_with('-') && formatted[1..].chars().all(|c| c == '0' || c == '.') {
        formatted[1..].to_string()
    } else {
        formatted
    }
}

/// Milliseconds with one decimal, for timings.
pub fn millis(ms: f64, text: &Text) -> String {
    if ms.is_finite() {
        format!("{ms:.1}")
    } else {
        text.missing.to_string()
    }
}
