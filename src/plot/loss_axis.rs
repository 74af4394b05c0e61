//! Which losses set the loss curve's linear y axis. After a divergence the
//! last finite losses reach 1e50–1e300; on a linear axis they would flatten
//! the whole history before them into one line. So losses beyond
//! [`BLOW_UP_FACTOR`] times the first one do not set it: the chart draws
//! them at the top edge with a mark instead. (A log axis keeps them all.)

/// How far above the first loss a loss may be and still set the axis.
pub const BLOW_UP_FACTOR: f64 = 1e6;

/// The span of losses that sets the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LossSpan {
    pub min: f64,
    pub max: f64,
    /// Some finite loss lies above `max` (drawn at the edge, marked).
    pub clipped: bool,
}

/// The span of the finite, positive `losses` (in epoch order) that sets the
/// axis; `None` without any.
pub fn loss_span(losses: impl Iterator<Item = f64>) -> Option<LossSpan> {
    let mut losses = losses.filter(|l| l.is_finite() && *l > 0.0);
    let first = losses.next()?;
    let ceiling = first * BLOW_UP_FACTOR;
    let mut span = LossSpan {
        min: first,
        max: first,
        clipped: false,
    };
    for loss in losses {
        if loss > ceiling {
            span.clipped = true;
        } else {
            span.min = span.min.min(loss);
            span.max = span.max.max(loss);
        }
    }
    Some(span)
}
