//! Gradient-norm clipping (Pascanu, Mikolov & Bengio 2013, "On the
//! difficulty of training recurrent neural networks"): when the gradient is
//! longer than the limit, it is scaled down to the limit before the update.
//! The page shows what clipping did each epoch, so these numbers come from
//! here.

use serde::{Deserialize, Serialize};

use super::hyper::Hyper;
use super::model::Gradient;

/// Scales `g` down to global norm `limit` when it is longer.
pub fn clip(g: Gradient, limit: Option<f64>) -> Gradient {
    match limit {
        Some(c) if g.norm() > c => {
            let scale = c / g.norm();
            Gradient {
                w_x: g.w_x * scale,
                w_rec: g.w_rec * scale,
            }
        }
        _ => g,
    }
}

/// What clipping at `limit` does to one gradient.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Clipping {
    /// The gradient's norm before clipping.
    pub raw_norm: f64,
    /// Its norm after clipping: what the update rule sees.
    pub norm: f64,
    /// The factor the gradient was multiplied by: 1 when clipping did not act.
    pub scale: f64,
}

impl Clipping {
    /// `None` when clipping is off.
    pub fn of(g: Gradient, limit: Option<f64>) -> Option<Clipping> {
        let c = limit?;
        let raw_norm = g.norm();
        let acted = raw_norm > c;
        Some(Clipping {
            raw_norm,
            norm: clip(g, limit).norm(),
            scale: if acted { c / raw_norm } else { 1.0 },
        })
    }

    /// Whether clipping shortened the gradient.
    pub fn acted(&self) -> bool {
        self.scale < 1.0
    }
}

/// The longest step the suggested clip allows plain gradient descent: a
/// hundredth of the distance from the origin to the optimum's w_x.
pub const SUGGESTED_STEP: f64 = 0.01;

/// A clip norm that rescues gradient descent at learning rate `lr`: with
/// the gradient at most `c` long, a step is at most `lr · c` long, so
/// `c = SUGGESTED_STEP / lr`, rounded to one significant digit. A fixed
/// clip (say 1) is no help at a small rate: steps of `lr · 1` barely move.
/// Smaller clips are safer and slower; adaptive rules (RMSProp, Adam)
/// rescale the gradient themselves, so for them it only bounds the input.
pub fn suggested_clip(lr: f64) -> f64 {
    let raw = SUGGESTED_STEP / lr;
    let exponent = raw.log10().floor() as i32;
    let digit = (raw / 10f64.powi(exponent)).round();
    // Powers of ten up to 1e22 are exact, so multiplying by one, or dividing
    // by one for negative exponents, rounds once: 3e1 is 30, not 30.000000000000004.
    let tidy = if exponent >= 0 {
        digit * 10f64.powi(exponent)
    } else {
        digit / 10f64.powi(-exponent)
    };
    tidy.clamp(Hyper::CLIP_RANGE.min, Hyper::CLIP_RANGE.max)
}
