//! `rnn-lab`: the RNN Playground core from the command line.
//!
//! `rnn-lab train` reproduces the seed's loss tables (or prints the whole run as
//! JSON); `rnn-lab surface` prints the loss over a (w_x, w_rec) grid as JSON;
//! `rnn-lab race` races update rules from one start and prints who finished when.
//!
//! Exit status: 0 when the command ran, including a training run whose model
//! diverged (that is a result of the simulation, reported in the output);
//! 2 for a bad flag or value (one line on stderr naming the flag); 1 when the
//! output cannot be written.
//!
//! The binary is native-only: clap is not built for wasm32, but integration
//! tests build every bin for the target they run on, so wasm32 gets a stub.

#[cfg(not(target_arch = "wasm32"))]
mod args;
#[cfg(not(target_arch = "wasm32"))]
mod error;
#[cfg(not(target_arch = "wasm32"))]
mod hyper_flags;
#[cfg(not(target_arch = "wasm32"))]
mod parse;
#[cfg(not(target_arch = "wasm32"))]
mod race;
#[cfg(not(target_arch = "wasm32"))]
mod race_output;
#[cfg(not(target_arch = "wasm32"))]
mod surface;
#[cfg(not(target_arch = "wasm32"))]
mod train;
#[cfg(not(target_arch = "wasm32"))]
mod train_output;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;

    let cli = match args::Cli::try_parse() {
        Ok(cli) => cli,
        Err(clap_error) => return error::report_clap(clap_error),
    };
    let result = match cli.command {
        args::Command::Train(train_args) => train::run(&train_args),
        args::Command::Surface(surface_args) => surface::run(&surface_args),
        args::Command::Race(race_args) => race::run(&race_args),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(cli_error) => cli_error.report(),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
