//! Value parsers for the flags. Each returns a phrase that reads after the flag
//! name (`--len` + "must be between 1 and 200, got 0"), so the error line
//! names the flag. Numbers are read as a link or a box reads them
//! ([`format::read_number`], [`format::read_whole`]); nan and inf are refused.

use std::fmt::Display;

use rnn_playground::format::{self, Whole};
use rnn_playground::params::{NoticeKind, RacerSpec, read_racer};
use rnn_playground::rnn::data::{LEN_RANGE, SAMPLES_RANGE};
use rnn_playground::rnn::limits::Bound;
use rnn_playground::rnn::optim::Hyper;
use rnn_playground::rnn::surface::POINTS_RANGE;
use rnn_playground::rnn::{
    Axis, CoreError, Limits, Named, OptimizerKind, Precision, Reduction, Weights,
};
use rnn_playground::text::{core_error_en, invalid_reason_en};

/// The most epochs one run may take: about 15 minutes at 1e6 epochs/s.
pub const MAX_EPOCHS: u64 = 1_000_000_000;

/// A finite number.
pub fn number(text: &str) -> Result<f64, String> {
    match format::read_number(text) {
        Some(value) if value.is_finite() => Ok(value),
        Some(_) => Err(format!("must be a finite number, got '{text}'")),
        None => Err(format!("expects a number, got '{text}'")),
    }
}

/// A whole number within `limits`. Written forms like `1e6` are accepted.
fn whole<T>(text: &str, limits: Limits<T>) -> Result<T, String>
where
    T: Bound + TryFrom<i128> + Display,
{
    let Whole::Value(value) = format::read_whole(text) else {
        return Err(format!("expects a whole number, got '{text}'"));
    };
    T::try_from(value)
        .ok()
        .filter(|&v| limits.contains(v))
        .ok_or_else(|| {
            let (min, max) = (limits.min, limits.max);
            format!("must be between {min} and {max}, got {}", text.trim())
        })
}

pub fn seed(text: &str) -> Result<u32, String> {
    whole(text, Limits::new(0, u32::MAX))
}

pub fn samples(text: &str) -> Result<usize, String> {
    whole(text, SAMPLES_RANGE)
}

pub fn len(text: &str) -> Result<usize, String> {
    whole(text, LEN_RANGE)
}

pub fn epochs(text: &str) -> Result<u64, String> {
    whole(text, Limits::new(0, MAX_EPOCHS))
}

pub fn every(text: &str) -> Result<u64, String> {
    whole(text, Limits::new(1, MAX_EPOCHS))
}

/// A number within `limits`.
fn within(text: &str, limits: Limits) -> Result<f64, String> {
    let value = number(text)?;
    if limits.contains(value) {
        Ok(value)
    } else {
        Err(format!(
            "must be between {} and {}, got {}",
            format::readable(limits.min),
            format::readable(limits.max),
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

/// A finishing loss: a positive finite number.
pub fn target(text: &str) -> Result<f64, String> {
    let value = number(text)?;
    if value > 0.0 {
        Ok(value)
    } else {
        Err(format!("must be > 0, got {}", text.trim()))
    }
}

/// `OPT[:KEY=VALUE,…]`, read as a link's `race=` reads one racer; anything
/// the page would correct is refused here.
pub fn racer(text: &str) -> Result<RacerSpec, String> {
    let read = read_racer(text);
    if let Some(problem) = read.problems.first() {
        let part = &problem.part;
        let phrase = match &problem.kind {
            NoticeKind::UnknownChoice { allowed } => {
                format!("'{part}' is not one of {}", allowed.join(", "))
            }
            NoticeKind::OutOfRange { min, max } => format!(
                "{part} is outside the range {} to {}",
                format::readable(*min),
                format::readable(*max)
            ),
            NoticeKind::NotANumber => format!("{part} is not a number"),
            _ => format!("{part} cannot be used"),
        };
        return Err(format!("'{text}': {phrase}"));
    }
    read.spec
        .ok_or_else(|| format!("'{text}' names no update rule"))
}

pub fn optimizer(text: &str) -> Result<OptimizerKind, String> {
    OptimizerKind::from_name(text.trim()).ok_or_else(|| {
        let names = OptimizerKind::names();
        format!("expects one of {}, got '{text}'", names.join(", "))
    })
}

pub fn precision(text: &str) -> Result<Precision, String> {
    Precision::from_name(text.trim()).ok_or_else(|| {
        let names = Precision::names();
        format!("expects one of {}, got '{text}'", names.join(", "))
    })
}

/// A name of `T` (a cell, a task): one of its names, or an error listing them.
pub fn named<T: Named>(text: &str) -> Result<T, String> {
    T::from_name(text.trim())
        .ok_or_else(|| format!("expects one of {}, got '{text}'", T::names().join(", ")))
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
    let n = whole(n, POINTS_RANGE).map_err(|e| format!("'{text}': N {e}"))?;
    let axis = Axis::new(bound(min)?, bound(max)?, n);
    axis.validate("axis").map_err(|e| match e {
        CoreError::Invalid { reason, .. } => format!("'{text}': {}", invalid_reason_en(reason)),
        other => format!("'{text}': {}", core_error_en(&other)),
    })?;
    Ok(axis)
}
