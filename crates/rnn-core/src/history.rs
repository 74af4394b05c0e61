//! A bounded record of training: memory stays fixed over millions of epochs.
//!
//! Points are kept at a stride. When the buffer is full, every second point is
//! dropped and the stride doubles, so the kept points stay evenly spread over
//! the whole run. The first point is always kept, and the latest point is held
//! apart, so a plot always spans the run from its start to now.

use serde::{Deserialize, Serialize};

use super::trainer::Record;

/// The default cap: plenty for a plot a few thousand pixels wide.
pub const DEFAULT_CAP: usize = 4096;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    cap: usize,
    stride: u64,
    kept: Vec<Record>,
    latest: Option<Record>,
}

impl History {
    /// A history that keeps at most `cap` points (at least 4).
    pub fn new(cap: usize) -> History {
        let cap = cap.max(4);
        History {
            cap,
            stride: 1,
            kept: Vec::with_capacity(cap),
            latest: None,
        }
    }

    pub fn clear(&mut self) {
        self.stride = 1;
        self.kept.clear();
        self.latest = None;
    }

    /// Adds the record of one epoch (epochs arrive in order, starting at 0);
    /// an epoch already recorded (a run resumed after its stop) is not added twice.
    pub fn push(&mut self, record: Record) {
        if self
            .latest
            .is_some_and(|latest| latest.epoch >= record.epoch)
        {
            return;
        }
        if self.kept.is_empty() || record.epoch.is_multiple_of(self.stride) {
            if self.kept.len() == self.cap {
                self.thin();
            }
            if self.kept.is_empty() || record.epoch.is_multiple_of(self.stride) {
                self.kept.push(record);
            }
        }
        self.latest = Some(record);
    }

    /// Keeps the first point and those on the doubled stride.
    fn thin(&mut self) {
        self.stride *= 2;
        let stride = self.stride;
        let mut first = true;
        self.kept
            .retain(|r| std::mem::replace(&mut first, false) || r.epoch.is_multiple_of(stride));
    }

    /// The kept points in epoch order, ending with the latest record.
    pub fn points(&self) -> impl Iterator<Item = &Record> {
        let last_kept = self.kept.last().map(|r| r.epoch);
        let latest = self.latest.as_ref().filter(|r| Some(r.epoch) != last_kept);
        self.kept.iter().chain(latest)
    }

    /// How many points [`History::points`] yields.
    pub fn len(&self) -> usize {
        self.points().count()
    }

    pub fn is_empty(&self) -> bool {
        self.latest.is_none()
    }

    pub fn latest(&self) -> Option<&Record> {
        self.latest.as_ref()
    }

    /// Epochs between kept points (doubles as the run grows).
    pub fn stride(&self) -> u64 {
        self.stride
    }

    pub fn cap(&self) -> usize {
        self.cap
    }
}
