//! End-to-end tests: the built app (`dist/`) in headless Chromium, one module per feature.
//!
//! They need `dist/` (from `make dist`) and chromium + chromedriver, so they are `#[ignore]`d and
//! plain `cargo test` skips them. `make test` builds `dist/` and then runs
//!
//! ```text
//! cargo test --test e2e -- --ignored --test-threads=1
//! ```
//!
//! Set `RNN_DIST_DIR` to test another built copy of the app. Screenshots go to `tests/artifacts/`
//! (ignored by git); `make screenshots` has the README's own go to `docs/images/` instead.
//!
//! - `harness`: the generic plumbing (static file server, chromedriver, WebDriver session).
//! - `page`: the page object, [`page::AppPage`]: the app's controls, read-outs and input. Every
//!   test drives the app through it; no test module borrows helpers from another.
//!
//! Write each test as: start an `AppPage`, drive the page and collect what to check, call
//! `close()`, then assert (so Chromium never outlives a failing test).
//!
//! Where the crate decides what the page must show (the URL parser, the presets, the trainer),
//! the tests ask the crate itself and check that the page shows exactly that.

#![cfg(not(target_arch = "wasm32"))]

mod harness;
mod page;

mod accessibility;
mod axe;
mod cells;
mod clipping;
mod data_table;
mod embed;
mod export;
mod first_minute;
mod first_paint;
mod ghost;
mod history;
mod hosting;
mod hyperparameters;
mod inside;
mod inside_cells;
mod inside_layout;
mod keyboard;
mod languages;
mod layout;
mod links;
mod loading;
mod loss_axis;
mod nginx;
mod numbers;
mod precision;
mod presets;
mod projector;
mod race;
mod robustness;
mod slow_motion;
mod soak;
mod step_through;
mod surface;
mod training;
