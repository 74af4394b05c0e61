//! `rnn-lab` tested as a process, in one binary: the 2016 post's tables, the JSON schemas, every
//! cell's parameters by name, the float32 mode, races, one-line errors, the epoch convention,
//! and the numpy script it prints.
//!
//! The Python check needs numpy (`make setup-python`), so it is ignored by a plain `cargo test`:
//! `cargo test -p rnn-lab --test cli -- --ignored python::`.

mod support;

mod cli;
mod cli_cells;
mod cli_precision;
mod epochs;
mod python;
mod race_cli;
