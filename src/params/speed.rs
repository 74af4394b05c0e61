//! Epochs per frame, fractions included: slow motion trains one epoch every
//! few animation frames.

/// Fractions of an epoch carried from frame to frame. Counted in millionths
/// of an epoch, so 0.01 a frame makes exactly one epoch in 100 frames (adding
/// the float 0.01 a hundred times does not make exactly 1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpeedCredit {
    millionths: u64,
}

const PARTS: f64 = 1e6;

impl SpeedCredit {
    /// The whole epochs to train this frame at `speed` epochs per frame; the
    /// rest is kept for the next frames.
    pub fn take(&mut self, speed: f64) -> u64 {
        let added = (speed.max(0.0) * PARTS).round() as u64;
        self.millionths = self.millionths.saturating_add(added);
        let whole = self.millionths / PARTS as u64;
        self.millionths -= whole * PARTS as u64;
        whole
    }

    /// Forgets the carried fraction (a pause, a new run).
    pub fn clear(&mut self) {
        self.millionths = 0;
    }
}
