//! Numbers as text: every number the app, the URL and the CLI write goes
//! through one of these formatters, each named for what it is for.
//!
//! Pure and tested natively (`tests/format.rs`).

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
/// 6-wide range apart (cell width ≈ 0.024); "—" when not finite.
pub fn weight(x: f64) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    unsigned_zero(format!("{x:.3}"))
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
