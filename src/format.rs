//! Numbers as text, both ways: every number the app, the URL and the CLI
//! write goes through one of these formatters, and every number they read
//! through [`read_number`] or [`read_whole`], so a value written in one place
//! reads back the same in any other.
//!
//! Pure and tested natively (`tests/format.rs`, with round-trip properties).

/// The shortest text that reads back to the same f64: the shorter of Rust's
/// `Display` and `LowerExp`, which both print the shortest round-trip digits
/// (`0.5`, `1e-5`, `200`, `2e3`, `1.5e-7`). Neither contains `+`, which a query
/// string would read as a space. For links, saved files and `data-` attributes
/// ("inf" and "NaN" stay as they are).
pub fn exact(x: f64) -> String {
    let plain = format!("{x}");
    let exponent = format!("{x:e}");
    if exponent.len() < plain.len() {
        exponent
    } else {
        plain
    }
}

/// Exact too, but as people read a number in a message or a box: plain
/// decimals while they are short, else [`exact`] (0.001, 200, 1e-12, 4294967295).
pub fn readable(x: f64) -> String {
    let plain = format!("{x}");
    if plain.len() <= 10 { plain } else { exact(x) }
}

/// `x` rounded to `digits` significant digits (at least 1): fixed notation
/// from 1e-3 to 1e6 (`0.0068216`, `12.346`), exponent notation outside
/// (`1.2346e-5`). Zero is "0" and never "-0".
pub fn significant(x: f64, digits: usize) -> String {
    if x == 0.0 {
        return "0".into();
    }
    let digits = digits.max(1);
    let formatted = if (1e-3..1e6).contains(&x.abs()) {
        fixed_significant(x, digits)
    } else {
        let decimals = digits - 1;
        format!("{x:.decimals$e}")
    };
    unsigned_zero(formatted)
}

/// [`significant`] without trailing zeros: "1", not "1.0000".
pub fn compact(x: f64, digits: usize) -> String {
    let text = significant(x, digits);
    if text.contains('.') && !text.contains('e') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

/// Exponent notation with `digits` significant digits (at least 1), trailing
/// zeros dropped: `1.5e-7`, `1e6`.
pub fn scientific(x: f64, digits: usize) -> String {
    let decimals = digits.max(1) - 1;
    let text = format!("{x:.decimals$e}");
    match text.split_once('e') {
        Some((mantissa, exponent)) => {
            let mantissa = mantissa.trim_end_matches('0').trim_end_matches('.');
            format!("{mantissa}e{exponent}")
        }
        None => text,
    }
}

/// An axis tick label with `decimals` digits after the point; large or tiny
/// magnitudes as 3 significant digits in exponent form.
pub fn tick(x: f64, decimals: usize) -> String {
    if x != 0.0 && !(1e-4..1e6).contains(&x.abs()) {
        return scientific(x, 3);
    }
    format!("{x:.decimals$}")
}

/// A loss in a short line: 4 significant digits, exponent form when tiny or
/// huge, "overflow" for a non-finite value (never "NaN" or "inf").
pub fn loss(x: f64) -> String {
    if !x.is_finite() {
        return "overflow".into();
    }
    if x == 0.0 {
        return "0".into();
    }
    if (1e-3..1e5).contains(&x.abs()) {
        fixed_significant(x, 4)
    } else {
        scientific(x, 4)
    }
}

/// A weight with 3 decimals, enough to tell the cells of a 256² grid over a
/// 6-wide range apart (cell width ≈ 0.024); 4 significant digits in exponent
/// form from 1e6 on (a diverged run's weights); "—" when not finite.
pub fn weight(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    if x.abs() >= HUGE {
        return scientific(x, 4);
    }
    unsigned_zero(format!("{x:.3}"))
}

/// From here on a number is written in exponent form.
const HUGE: f64 = 1e6;

/// A value the page computed (not one the user typed), rounded to 12
/// significant digits: a tenth of 1e-5 is 1e-6, not 1.0000000000000002e-6,
/// while any value a person typed (at most 12 digits) stays as it was.
pub fn tidy(x: f64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    read_number(&format!("{x:.11e}")).unwrap_or(x)
}

/// `x` rounded to the decimals that resolve `step` (a grid's cell width):
/// a click on a 256-cell map over 6 units lands on two decimals.
pub fn round_to_step(x: f64, step: f64) -> f64 {
    if !(x.is_finite() && step.is_finite() && step > 0.0) {
        return x;
    }
    let decimals = (-step.log10()).ceil().clamp(0.0, 15.0) as usize;
    read_number(&format!("{x:.decimals$}")).unwrap_or(x)
}

/// Milliseconds with one decimal, for timings.
pub fn millis(ms: f64) -> String {
    format!("{ms:.1}")
}

/// Fixed notation with `digits` significant digits, for `x` not 0.
fn fixed_significant(x: f64, digits: usize) -> String {
    let leading = x.abs().log10().floor() as i64;
    let decimals = (digits as i64 - 1 - leading).max(0) as usize;
    format!("{x:.decimals$}")
}

/// Rounding can give "-0.000"; a sign on zero reads as a different number.
fn unsigned_zero(text: String) -> String {
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// Reads a decimal or exponent number (`0.5`, `-3`, `1e-5`, `2.5E3`);
/// surrounding spaces are ignored. A literal beyond f64 (`1e999`) and `inf`
/// read as ±∞, for the caller to clamp or refuse; NaN and anything else
/// (`abc`, `1,5`, `0x10`) is `None`.
pub fn read_number(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|x| !x.is_nan())
}

/// The number a text means when its one comma is a decimal comma, as many
/// languages write `1,5` for 1.5; `None` when the text is no such number.
/// Only a hint for a message: the app reads numbers with a decimal point.
pub fn decimal_comma(text: &str) -> Option<String> {
    let text = text.trim();
    if text.matches(',').count() != 1 || text.contains('.') {
        return None;
    }
    let pointed = text.replace(',', ".");
    read_number(&pointed).map(|_| pointed)
}

/// A text read where a whole number is wanted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whole {
    /// Exactly a whole number, saturated at ±`i128::MAX`.
    Value(i128),
    /// A number, but not a whole one (`2.5`, `1e-1`, `inf`).
    NotWhole,
    /// Not a number at all.
    Invalid,
}

/// Reads a whole number. Any form [`read_number`] takes counts when its exact
/// decimal value is whole: `100`, `+7`, `1e2`, `100.0` and `2.50e1` are whole
/// numbers; `2.5` is not. The digits are read exactly, not through f64, so
/// `4294967295.0000000001` is not a whole number either.
pub fn read_whole(text: &str) -> Whole {
    let text = text.trim();
    if read_number(text).is_none() {
        return Whole::Invalid;
    }
    exact_whole(text).map_or(Whole::NotWhole, Whole::Value)
}

/// The value of `[+-]digits[.digits][(e|E)[+-]digits]` when it is whole.
fn exact_whole(text: &str) -> Option<i128> {
    let (negative, rest) = split_sign(text);
    let (mantissa, exponent) = match rest.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, read_exponent(exponent)?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    if !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // The value is `digits × 10^shift`; a negative shift drops digits, which must be 0.
    let shift = exponent.saturating_sub(frac.len() as i64);
    let dropped = usize::try_from(shift.min(0).unsigned_abs()).unwrap_or(usize::MAX);
    let (kept, cut) = digits.split_at(digits.len().saturating_sub(dropped));
    if cut.iter().any(|&d| d != b'0') {
        return None;
    }
    let mut value = kept.iter().fold(0i128, |acc, &d| {
        acc.saturating_mul(10).saturating_add(i128::from(d - b'0'))
    });
    // 39 tens saturate any non-zero i128.
    for _ in 0..shift.clamp(0, 39) {
        value = value.saturating_mul(10);
    }
    Some(if negative { -value } else { value })
}

fn split_sign(text: &str) -> (bool, &str) {
    match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    }
}

/// An exponent's signed digits, saturated.
fn read_exponent(text: &str) -> Option<i64> {
    let (negative, digits) = split_sign(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0i64, |acc, b| {
        acc.saturating_mul(10).saturating_add(i64::from(b - b'0'))
    });
    Some(if negative { -magnitude } else { magnitude })
}
