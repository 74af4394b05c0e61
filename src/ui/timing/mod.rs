//! Timing: the page's clock and the benchmark mode.

pub mod bench;
pub mod clock;
