//! The native tests, in one binary: one link instead of one per file. Each module is one
//! behaviour (the core's numbers, the settings table, the CLI, the docs); the end-to-end tests
//! (`tests/e2e`) and the in-browser tests (`tests/web.rs`) are their own binaries.
#![cfg(not(target_arch = "wasm32"))]

mod cell_presets;
mod cell_trace;
mod cells;
mod cells_url;
mod chain_rule;
mod clipping;
mod embed_code;
mod first_paint;
mod format;
mod ghost;
mod gradient;
mod optim;
mod pages_workflow;
mod params;
mod plot;
mod precision_url;
mod published;
mod race;
mod readme;
mod saved;
mod speed;
mod surface;
mod text;
mod theano_f32;
mod trace;
mod trainer;
mod workspace;
