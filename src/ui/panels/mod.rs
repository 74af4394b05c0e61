//! What the run shows besides the plots: the read-outs, sharing, and saving.

pub mod download;
pub mod export;
pub mod readouts;
pub mod share;
