//! The one view rectangle: the window of weight space the heat map shows,
//! `w_x` across from `x_min` to `x_max` and `w_rec` up from `y_min` to
//! `y_max`. The URL's `view=`, saved files, the range boxes, the surface grid
//! and the pixel mapping all use this type and its one check.

use crate::format::{exact, read_number, readable};
use crate::rnn::error::InvalidReason;
use crate::rnn::surface::Axis;
use crate::rnn::{CellKind, CoreError, Limits, Weights};

/// Every bound stays within ±this.
pub const VIEW_LIMIT: f64 = 1000.0;
/// Each axis spans at least this, so a grid cell is never zero-wide.
pub const VIEW_MIN_SPAN: f64 = 1e-6;
/// The allowed bounds, ±[`VIEW_LIMIT`].
pub const VIEW_LIMITS: Limits = Limits::new(-VIEW_LIMIT, VIEW_LIMIT);

/// The loss-surface window; the URL writes [`View::bounds`] in that order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    pub x_min: f64,
    pub x_max: f64,
    pub y_min: f64,
    pub y_max: f64,
}

/// Why four bounds are not a usable view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewError {
    /// A bound is NaN, infinite or beyond ±[`VIEW_LIMIT`].
    OutOfBounds,
    /// `x_max - x_min` is less than [`VIEW_MIN_SPAN`].
    EmptyX,
    /// `y_max - y_min` is less than [`VIEW_MIN_SPAN`].
    EmptyY,
}

impl std::fmt::Display for ViewError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let axis = match self {
            ViewError::OutOfBounds => {
                return write!(
                    f,
                    "bounds must be numbers between {} and {}",
                    readable(VIEW_LIMITS.min),
                    readable(VIEW_LIMITS.max)
                );
            }
            ViewError::EmptyX => "w_x",
            ViewError::EmptyY => "w_rec",
        };
        write!(
            f,
            "the {axis} range is empty: min must be less than max by at least {}",
            exact(VIEW_MIN_SPAN)
        )
    }
}

impl std::error::Error for ViewError {}

impl From<ViewError> for CoreError {
    fn from(error: ViewError) -> CoreError {
        let reason = match error {
            ViewError::OutOfBounds => InvalidReason::ViewOutsideLimit,
            ViewError::EmptyX | ViewError::EmptyY => InvalidReason::ViewTooNarrow,
        };
        CoreError::Invalid {
            name: "view",
            reason,
        }
    }
}

/// Why four typed bounds (`x_min`, `x_max`, `y_min`, `y_max`) are not a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewInputError {
    /// The box at this index does not hold a finite number.
    NotANumber(usize),
    /// The numbers do not make a view.
    Invalid(ViewError),
}

impl View {
    /// Roelants' figure: [-3, 3]².
    pub const DEFAULT: View = View::square(-3.0, 3.0);
    /// Roelants' zoomed panel around the optimum (1, 1): [0, 2]².
    pub const NEAR_OPTIMUM: View = View::square(0.0, 2.0);

    /// A cell's own window ([`crate::rnn::Cell::default_view`]); the linear cell's is
    /// [`View::DEFAULT`].
    pub fn for_cell(model: CellKind) -> View {
        let [(x_min, x_max), (y_min, y_max)] = model.default_view();
        View {
            x_min,
            x_max,
            y_min,
            y_max,
        }
    }

    /// The same range on both axes (unchecked).
    pub const fn square(min: f64, max: f64) -> View {
        View {
            x_min: min,
            x_max: max,
            y_min: min,
            y_max: max,
        }
    }

    /// A checked view.
    pub fn new(x_min: f64, x_max: f64, y_min: f64, y_max: f64) -> Result<View, ViewError> {
        let view = View {
            x_min,
            x_max,
            y_min,
            y_max,
        };
        view.validate().map(|()| view)
    }

    /// Reads four typed bounds in [`View::bounds`] order.
    pub fn read(texts: [&str; 4]) -> Result<View, ViewInputError> {
        let mut bounds = [0.0; 4];
        for (index, (bound, text)) in bounds.iter_mut().zip(texts).enumerate() {
            *bound = read_number(text)
                .filter(|v| v.is_finite())
                .ok_or(ViewInputError::NotANumber(index))?;
        }
        let [x_min, x_max, y_min, y_max] = bounds;
        View::new(x_min, x_max, y_min, y_max).map_err(ViewInputError::Invalid)
    }

    /// `[x_min, x_max, y_min, y_max]`, the order of `view=`.
    pub fn bounds(&self) -> [f64; 4] {
        [self.x_min, self.x_max, self.y_min, self.y_max]
    }

    /// Bounds within ±[`VIEW_LIMIT`] (so finite, and each span finite for the
    /// pixel maps that divide by it), each axis at least [`VIEW_MIN_SPAN`] wide.
    pub fn validate(&self) -> Result<(), ViewError> {
        if !self.bounds().iter().all(|&b| VIEW_LIMITS.contains(b)) {
            return Err(ViewError::OutOfBounds);
        }
        let wide_enough = |min: f64, max: f64| max - min >= VIEW_MIN_SPAN;
        if !wide_enough(self.x_min, self.x_max) {
            return Err(ViewError::EmptyX);
        }
        if !wide_enough(self.y_min, self.y_max) {
            return Err(ViewError::EmptyY);
        }
        Ok(())
    }

    /// The grid axes for a surface of `cols × rows` points.
    pub fn axes(&self, cols: usize, rows: usize) -> (Axis, Axis) {
        (
            Axis::new(self.x_min, self.x_max, cols),
            Axis::new(self.y_min, self.y_max, rows),
        )
    }

    /// Whether `w` lies inside the window (edges included).
    pub fn contains(&self, w: Weights) -> bool {
        (self.x_min..=self.x_max).contains(&w.w_x) && (self.y_min..=self.y_max).contains(&w.w_rec)
    }

    /// The view grown by `fraction` of its width and height on every side.
    pub fn expanded(&self, fraction: f64) -> View {
        let (dx, dy) = (
            (self.x_max - self.x_min) * fraction,
            (self.y_max - self.y_min) * fraction,
        );
        View {
            x_min: self.x_min - dx,
            x_max: self.x_max + dx,
            y_min: self.y_min - dy,
            y_max: self.y_max + dy,
        }
    }
}

impl Default for View {
    fn default() -> Self {
        View::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_views_are_rejected() {
        assert_eq!(View::new(1.0, 1.0, 0.0, 2.0), Err(ViewError::EmptyX));
        assert_eq!(View::new(0.0, 2.0, 3.0, -3.0), Err(ViewError::EmptyY));
        assert_eq!(
            View::new(f64::NAN, 2.0, 0.0, 2.0),
            Err(ViewError::OutOfBounds)
        );
        assert_eq!(
            View::new(-1e308, 1e308, 0.0, 1.0),
            Err(ViewError::OutOfBounds)
        );
        assert_eq!(View::new(0.0, 1e-7, 0.0, 1.0), Err(ViewError::EmptyX));
        assert!(View::NEAR_OPTIMUM.validate().is_ok());
        assert_eq!(View::new(-3.0, 3.0, -3.0, 3.0), Ok(View::default()));
    }

    #[test]
    fn custom_ranges_are_checked() {
        let read = |texts: [&str; 4]| View::read(texts).map(|v| v.bounds());
        assert_eq!(read(["-1", " 2", "0", "0.5"]), Ok([-1.0, 2.0, 0.0, 0.5]));
        assert_eq!(
            read(["1", "1", "0", "2"]),
            Err(ViewInputError::Invalid(ViewError::EmptyX))
        );
        assert_eq!(
            read(["0", "2", "3", "-3"]),
            Err(ViewInputError::Invalid(ViewError::EmptyY))
        );
        assert_eq!(
            read(["0", "5000", "0", "2"]),
            Err(ViewInputError::Invalid(ViewError::OutOfBounds))
        );
        assert_eq!(
            read(["", "2", "0", "2"]),
            Err(ViewInputError::NotANumber(0))
        );
        assert_eq!(
            read(["0", "abc", "0", "2"]),
            Err(ViewInputError::NotANumber(1))
        );
        assert_eq!(
            read(["0", "2", "inf", "2"]),
            Err(ViewInputError::NotANumber(2))
        );
    }

    #[test]
    fn errors_name_the_view() {
        assert_eq!(
            crate::text::core_error_en(&CoreError::from(ViewError::OutOfBounds)),
            "view: bounds must be numbers between -1000 and 1000"
        );
        assert_eq!(
            ViewError::EmptyY.to_string(),
            "the w_rec range is empty: min must be less than max by at least 1e-6"
        );
    }
}
