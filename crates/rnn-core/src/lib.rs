//! The numeric core: plain Rust, no web dependency, no I/O.
//!
//! Read it in this order: [`data`] (numpy-compatible sequences), [`model`]
//! (forward pass, loss, BPTT), [`optim`] (six update rules), [`trainer`]
//! (epochs, divergence, bounded history), [`precision`] and [`theano_f32`]
//! (the post's own float32 arithmetic, as an option), [`race`] and [`tune`] (rules side
//! by side, fairly tuned), [`trace`] (everything one epoch computes, for the
//! views that show it) and [`surface`] (the loss over a grid).
//! The formulas follow the seed (the 2016 blog post this project grew from,
//! which trains the model in Theano) and Peter Roelants' numpy tutorial on
//! the linear RNN that the post follows.

pub mod cell;
pub mod clipping;
pub mod cycle;
pub mod data;
pub mod error;
pub mod history;
pub mod hyper;
pub mod limits;
pub mod model;
pub mod named;
pub mod optim;
pub mod params;
pub mod precision;
pub mod race;
pub mod surface;
pub mod task;
pub mod theano_f32;
pub mod trace;
pub mod trainer;
pub mod tune;

pub use cell::{Cell, CellKind, Model};
pub use clipping::{Clipping, clip};
pub use cycle::{CyclePoint, CycleWatch, Settled};
pub use data::{DataConfig, Dataset};
pub use error::{CoreError, InvalidReason};
pub use hyper::{Hyper, HyperSpec};
pub use limits::Limits;
pub use model::{Gradient, Reduction, Weights};
pub use named::Named;
pub use optim::{Optimizer, OptimizerKind, OptimizerSettings};
pub use params::{MAX_PARAMS, Params};
pub use precision::Precision;
pub use race::{MAX_RACERS, Race, RaceConfig, Racer, RacerStatus};
pub use surface::{Axis, Grid, Surface};
pub use task::Task;
pub use trainer::{DivergenceReason, Record, Status, StopRule, Trainer, TrainerConfig};
pub use tune::{TUNE_GRID, Tuned, Tuning};
