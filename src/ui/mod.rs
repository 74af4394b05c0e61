//! The Leptos front end (wasm32 only).
//!
//! [`app::App`] lays out the page and provides the one
//! [`controller::Controller`] by context ([`controller::use_controller`]); the
//! controller owns the run and is the only thing that changes it; the controls
//! hand it new settings ([`crate::params::AppState`]); the panels and plots show
//! what it publishes. Every string comes from [`text`].
//!
//! The folders follow the page:
//!
//! - [`app`]: the shell around everything: the layout, header and footer, the
//!   URL kept in step, keyboard shortcuts and their dialog, presentation and
//!   embed modes, the language switch, the link's notices, the screen-reader
//!   announcer, the seek note and the classroom bar.
//! - [`controller`]: the run (the animation loop, `at=` seeks), what it
//!   publishes each frame (the snapshot), the plateau stop, and the rules that
//!   turn settings into work (speed cap, what a change restarts).
//! - [`controls`]: the inputs: update rule and hyperparameters, learning rate,
//!   data, start, playback, scenario menu, log axis, and the number box they share.
//! - [`plots`]: the heat map (base layer, path overlay, range tools), the loss
//!   curve, and the canvas helpers they share.
//! - [`panels`]: what is read rather than drawn: read-outs, status, divergence
//!   note, optimizer state, sharing, and saving and loading files.
//! - [`timing`]: the clock and the benchmark (`?bench=1`), which watches the
//!   controller's frames from outside.
//! - [`format`](mod@format): numbers as every view shows them; [`text`]: the catalogue.

pub mod app;
pub mod controller;
pub mod controls;
pub mod format;
pub mod inside;
pub mod panels;
pub mod plots;
pub mod text;
pub mod timing;

use leptos::mount::UnmountHandle;
use leptos::prelude::*;

/// Mounts the app on `<body>`, for the page's lifetime.
pub fn mount() {
    leptos::mount::mount_to_body(app::App);
}

/// Mounts the app inside `parent` (tests). Dropping the handle unmounts it
/// and stops its animation loop.
pub fn mount_to(parent: web_sys::HtmlElement) -> UnmountHandle<impl Mountable> {
    leptos::mount::mount_to(parent, app::App)
}
