//! RNN Playground: the smallest linear recurrent network, trained live.
//!
//! - [`rnn`] is the pure numeric core, the workspace's `rnn-core` crate (data, model, BPTT,
//!   optimizers, trainer, loss surface). It has no web dependency and is tested natively.
//! - [`params`] is the typed, validated table of settings that the URL carries.
//! - [`plot`] turns core results into pixels and ticks (colour map, scales).
//! - [`format`](mod@format) writes and reads every number as text, the same way everywhere.
//! - [`python`](mod@python) writes a numpy script that reproduces a run or a race.
//! - [`text`] holds every user-facing sentence, one catalogue per language.
//! - `ui` (wasm32 only) is the Leptos front end that renders views of the core.

pub mod export;
pub mod format;
pub mod params;
pub mod plot;
pub mod python;
pub mod text;

pub use rnn_core as rnn;

#[cfg(target_arch = "wasm32")]
pub mod ui;
