//! Value parsers for the flags. Each returns a phrase that reads after the flag
//! name (`--len` + "must be between 1 and 200, got 0"), so the error line
//! names the flag. Numbers use Rust's f64 parser; nan and inf are refused.

use rnn_playground::rnn::data::{LEN_RANGE, SAMPLES_RANGE};
use rnn_playground::rnn::optim::{Hyper, Limits};
use rnn_playground::rnn::surface::MAX_POINTS;
use rnn_playground::rnn::{Axis, CoreError, Named, OptimizerKind, Reduction, Weights};

/// The most epochs one run may take: about 15 minutes at 1e6 epochs/s.
pub const MAX_EPOCHS: u64 = 1_000_000_000;

/// A finite number.
pub fn number(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("expects a number, got '{text}'"))?;
    if value.is_finite() {
        Ok(value)
    } else {
        Err(format!("must be a finite number, got '{text}'"))
    }
}

/// A whole number in `min..=max`. Written forms like `1e6` are accepted.
fn whole(text: &str, min: u64, max: u64) -> Result<u64, String> {
    let not_whole = || format!("expects a whole number, got '{text}'");
    let value = number(text).map_err(|_| not_whole())?;
    if value.fract() != 0.0 {
        return Err(not_whole());
    }
    // `max` ≤ u32::MAX·1 or 1e9 here, far below 2^53: the comparison is exact.
    if value < min as f64 || value > max as f64 {
        return Err(format!(
            "must be between {min} and {max}, got {}",
            text.trim()
        ));
    }
    Ok(value as u64)
}

pub fn seed(text: &str) -> Result<u32, String> {
    whole(text, 0, u32::MAX.into()).map(|v| v as u32)
}

pub fn samples(text: &str) -> Result<usize, String> {
    whole(text, SAMPLES_RANGE.0 as u64, SAMPLES_RANGE.1 as u64).map(|v| v as usize)
}

pub fn len(text: &str) -> Result<usize, String> {
    whole(text, LEN_RANGE.0 as u64, LEN_RANGE.1 as u64).map(|v| v as usize)
}

pub fn epochs(text: &str) -> Result<u64, String> {
    whole(text, 0, MAX_EPOCHS)
}

pub fn every(text: &str) -> Result<u64, String> {
    whole(text, 1, MAX_EPOCHS)
}

/// A number within `limits`.
fn within(text: &str, limits: Limits) -> Result<f64, String> {
    let value = number(text)?;
    if limits.contains(value) {
        Ok(value)
    } else {
        Err(format!(
            "must be between {} and {}, got {}",
            show(limits.min),
            show(limits.max),
            text.trim()
        ))
    }
}

/// A hyperparameter within its range from the core's table.
pub fn hyper(hyper: Hyper, text: &str) -> Result<f64, String> {
    within(text, hyper.limits())
}

pub fn clip(text: &str) -> Result<f64, String> {
    within(text, Hyper::CLIP_RANGE)
}

pub fn tolerance(text: &str) -> Result<f64, String> {
    let value = number(text)?;
    if value >= 0.0 {
        Ok(value)
    } else {
        Err(format!("must be ≥ 0, got {}", text.trim()))
    }
}

pub fn optimizer(text: &str) -> Result<OptimizerKind, String> {
    OptimizerKind::from_name(text.trim()).ok_or_else(|| {
        let names = OptimizerKind::names();
        format!("expects one of {}, got '{text}'", names.join(", "))
    })
}

pub fn reduction(text: &str) -> Result<Reduction, String> {
    Reduction::from_name(text.trim()).ok_or_else(|| format!("expects sum or mean, got '{text}'"))
}

/// `WX,WREC`: two finite numbers.
pub fn init(text: &str) -> Result<Weights, String> {
    let parts: Vec<&str> = text.split(',').collect();
    let [w_x, w_rec] = parts[..] else {
        return Err(format!("expects two numbers WX,WREC, got '{text}'"));
    };
    let as_number = |part: &str| {
        number(part).map_err(|_| format!("expects two finite numbers WX,WREC, got '{text}'"))
    };
    Ok(Weights {
        w_x: as_number(w_x)?,
        w_rec: as_number(w_rec)?,
    })
}

/// `MIN:MAX:N`: N evenly spaced values, checked by the core's [`Axis::validate`].
pub fn axis(text: &str) -> Result<Axis, String> {
    let parts: Vec<&str> = text.split(':').collect();
    let [min, max, n] = parts[..] else {
        return Err(format!("expects MIN:MAX:N, got '{text}'"));
    };
    let bound = |part: &str| number(part).map_err(|e| format!("'{text}': MIN and MAX {e}"));
    let n = whole(n, 1, MAX_POINTS as u64).map_err(|e| format!("'{text}': N {e}"))?;
    let axis = Axis::new(bound(min)?, bound(max)?, n as usize);
    axis.validate("axis").map_err(|e| match e {
        CoreError::Invalid { reason, .. } => format!("'{text}': {reason}"),
        other => format!("'{text}': {other}"),
    })?;
    Ok(axis)
}

/// A number for a message: scientific where plain notation would be long.
pub fn show(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude != 0.0 && !(1e-3..1e6).contains(&magnitude) {
        format!("{value:e}")
    } else {
        format!("{value}")
    }
}
