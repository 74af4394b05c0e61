//! When a run has plateaued: its loss has stopped changing.
//!
//! The seed's RMSProp never reaches a zero gradient: it settles into a fixed
//! cycle at loss ≈ 0.0068 (the seed's printed table). So the page judges the end of
//! learning on the loss itself: unchanged, to [`RELATIVE_TOLERANCE`], over
//! [`WINDOW`] epochs. This is the page's own rule, not the core's
//! `Status::Converged` (a loss at or below a tolerance, which the page never
//! sets).

/// Epochs the loss must hold still.
pub const WINDOW: u64 = 500;
/// Relative change of the loss over [`WINDOW`] that still counts as unchanged.
pub const RELATIVE_TOLERANCE: f64 = 1e-9;

/// Watches the loss of one run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Plateau {
    armed: bool,
    /// The epoch and loss the current window started at.
    reference: Option<(u64, f64)>,
}

impl Default for Plateau {
    fn default() -> Self {
        Plateau {
            armed: true,
            reference: None,
        }
    }
}

impl Plateau {
    /// A detector that never fires (benchmarks, or after the user plays on).
    pub fn disarmed() -> Plateau {
        Plateau {
            armed: false,
            reference: None,
        }
    }

    /// Records the loss at `epoch`; true once when the loss has held still for
    /// a whole window. It then disarms, so playing on does not stop again.
    pub fn observe(&mut self, epoch: u64, loss: f64) -> bool {
        if !self.armed || !loss.is_finite() {
            return false;
        }
        match self.reference {
            Some((start, reference)) if epoch >= start.saturating_add(WINDOW) => {
                let still = (loss - reference).abs() <= RELATIVE_TOLERANCE * reference.abs();
                if still {
                    *self = Plateau::disarmed();
                    return true;
                }
                self.reference = Some((epoch, loss));
                false
            }
            Some(_) => false,
            None => {
                self.reference = Some((epoch, loss));
                false
            }
        }
    }
}
