//! The one closed range type: every allowed range of a setting, real or
//! whole, is a [`Limits`], so checking and clamping mean the same everywhere.

use super::error::CoreError;

/// The closed range `min..=max`. Real ranges are `Limits` (`f64`); whole
/// ones name their integer type, e.g. `Limits<usize>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits<T = f64> {
    pub min: T,
    pub max: T,
}

/// A value type a range can bound. Errors carry `f64`, so every bound converts.
pub trait Bound: Copy + PartialOrd {
    fn to_f64(self) -> f64;
}

impl Bound for f64 {
    fn to_f64(self) -> f64 {
        self
    }
}

macro_rules! whole_bounds {
    ($($t:ty),*) => {$(
        impl Bound for $t {
            fn to_f64(self) -> f64 {
                // Exact up to 2^53, far above every whole range here.
                self as f64
            }
        }

        impl Limits<$t> {
            /// The nearest allowed value.
            pub const fn clamp(self, value: $t) -> $t {
                if value < self.min {
                    self.min
                } else if value > self.max {
                    self.max
                } else {
                    value
                }
            }
        }
    )*};
}

whole_bounds!(u32, u64, usize);

impl<T> Limits<T> {
    pub const fn new(min: T, max: T) -> Limits<T> {
        Limits { min, max }
    }
}

impl<T: Bound> Limits<T> {
    /// Whether `min <= value <= max` (never for NaN).
    pub fn contains(self, value: T) -> bool {
        value >= self.min && value <= self.max
    }

    /// The range check every setting uses; the error names the setting.
    pub fn check(self, name: &'static str, value: T) -> Result<(), CoreError> {
        if self.contains(value) {
            Ok(())
        } else {
            Err(CoreError::OutOfRange {
                name,
                value: value.to_f64(),
                min: self.min.to_f64(),
                max: self.max.to_f64(),
            })
        }
    }

    /// The same range in `f64`, e.g. for a number box.
    pub fn to_f64(self) -> Limits {
        Limits::new(self.min.to_f64(), self.max.to_f64())
    }
}

impl Limits {
    /// The nearest allowed value; NaN has none and gives `None`.
    pub fn clamp(self, value: f64) -> Option<f64> {
        (!value.is_nan()).then(|| value.clamp(self.min, self.max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_ranges_check_and_clamp() {
        let unit = Limits::new(0.0, 1.0);
        assert!(unit.contains(0.0) && unit.contains(1.0));
        assert!(!unit.contains(f64::NAN) && !unit.contains(1.5));
        assert_eq!(unit.clamp(f64::INFINITY), Some(1.0));
        assert_eq!(unit.clamp(f64::NAN), None);
        assert_eq!(
            unit.check("mu", 2.0),
            Err(CoreError::OutOfRange {
                name: "mu",
                value: 2.0,
                min: 0.0,
                max: 1.0
            })
        );
    }

    #[test]
    fn whole_ranges_check_and_clamp() {
        const LEN: Limits<usize> = Limits::new(1, 200);
        assert_eq!(LEN.clamp(0), 1);
        assert_eq!(LEN.clamp(500), 200);
        assert_eq!(LEN.clamp(7), 7);
        assert!(LEN.check("len", 200).is_ok());
        assert_eq!(
            LEN.check("len", 0),
            Err(CoreError::OutOfRange {
                name: "len",
                value: 0.0,
                min: 1.0,
                max: 200.0
            })
        );
        assert_eq!(LEN.to_f64(), Limits::new(1.0, 200.0));
    }
}
