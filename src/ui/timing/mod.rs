//! Timing: the page's clock, and the benchmark mode that measures the
//! controller's frames from outside it.

pub mod bench;
pub mod clock;
pub mod observer;
