//! What the run shows besides the plots: the read-outs, sharing, and saving.

pub mod data_table;
pub mod divergence;
pub mod download;
pub mod export;
pub mod ghost;
pub mod lesson;
pub mod optimizer_state;
pub mod race;
pub mod readouts;
pub mod share;
pub mod status;
