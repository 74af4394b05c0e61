//! The Leptos front end (wasm32 only).
//!
//! [`app::App`] lays out the page; [`controller::Controller`] owns the run and
//! is the only thing that changes it; the controls hand it new settings
//! ([`crate::params::AppState`]); the read-outs and plots show what it publishes.
//! Every string comes from [`text`].

pub mod app;
pub mod controller;
pub mod controls;
pub mod format;
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
