//! How strongly to draw a backward signal: by the order of magnitude of
//! |dL/ds_k|, so a signal that shrinks or grows by w_rec per step back shows
//! as an even fade or swell (as in Roelants' log-scale figure).

use crate::rnn::Weights;

/// Each value's strength in 0..=1: log10|g| placed between the smallest and
/// the largest nonzero finite magnitude of `values`; 0 for zero; `None` for
/// an overflowed value (inf or NaN), which the views mark with a badge.
pub fn strengths(values: &[f64]) -> Vec<Option<f64>> {
    let logs = values
        .iter()
        .filter(|g| g.is_finite() && **g != 0.0)
        .map(|g| g.abs().log10());
    let (lo, hi) = logs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), l| {
        (lo.min(l), hi.max(l))
    });
    values
        .iter()
        .map(|&g| {
            if !g.is_finite() {
                None
            } else if g == 0.0 {
                Some(0.0)
            } else if hi > lo {
                Some((g.abs().log10() - lo) / (hi - lo))
            } else {
                Some(1.0)
            }
        })
        .collect()
}

/// The sign of a signal for its colour: +1, −1, or 0 for zero and NaN.
pub fn sign(g: f64) -> i8 {
    if g > 0.0 {
        1
    } else if g < 0.0 {
        -1
    } else {
        0
    }
}

/// Roelants' six weight pairs of his "gradient over time" figure, (w_x,
/// w_rec), in his matplotlib colours ('r', 'b', 'm', 'c', 'g', 'y'): (2, 1),
/// (1, 2) and (1, −2) explode, (1, 0) kills the signal at once, (1, ±0.5)
/// make it vanish.
pub const ROELANTS_PAIRS: [MarkedPair; 6] = [
    MarkedPair::new(2.0, 1.0, [255, 0, 0]),
    MarkedPair::new(1.0, 2.0, [0, 0, 255]),
    MarkedPair::new(1.0, -2.0, [191, 0, 191]),
    MarkedPair::new(1.0, 0.0, [0, 191, 191]),
    MarkedPair::new(1.0, 0.5, [0, 128, 0]),
    MarkedPair::new(1.0, -0.5, [191, 191, 0]),
];

/// A weight pair marked in a colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MarkedPair {
    pub weights: Weights,
    pub rgb: [u8; 3],
}

impl MarkedPair {
    const fn new(w_x: f64, w_rec: f64, rgb: [u8; 3]) -> MarkedPair {
        MarkedPair {
            weights: Weights { w_x, w_rec },
            rgb,
        }
    }

    /// The colour as CSS `rgb(…)`.
    pub fn css(&self) -> String {
        let [r, g, b] = self.rgb;
        format!("rgb({r}, {g}, {b})")
    }
}
