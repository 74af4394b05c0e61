//! Reading numbers in query strings (links write them with
//! [`crate::format::exact`]).

/// A decimal number as typed in a link.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    /// Finite, or ±∞ for a literal too large for f64 (clamped like any big number).
    Value(f64),
    /// Not a number at all (`abc`, `NaN`, `1,5`).
    Invalid,
}

/// Reads a decimal or exponent number; surrounding spaces are ignored.
pub(crate) fn read_number(text: &str) -> Number {
    match text.trim().parse::<f64>() {
        Ok(x) if !x.is_nan() => Number::Value(x),
        _ => Number::Invalid,
    }
}

/// A whole number as typed in a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Integer {
    /// Plain digits with an optional sign, saturated at ±i128::MAX.
    Value(i128),
    /// A number, but not in plain digits (`2.5`, `1e3`).
    NotWhole,
    /// Not a number at all.
    Invalid,
}

/// Reads plain digits with an optional sign. Exponent forms such as `1e99` are
/// not whole numbers here: a link to a sequence length should say `len=100`.
pub(crate) fn read_integer(text: &str) -> Integer {
    let text = text.trim();
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return match read_number(text) {
            Number::Value(_) => Integer::NotWhole,
            Number::Invalid => Integer::Invalid,
        };
    }
    let magnitude = digits.bytes().fold(0i128, |acc, b| {
        acc.saturating_mul(10).saturating_add(i128::from(b - b'0'))
    });
    Integer::Value(if negative { -magnitude } else { magnitude })
}
