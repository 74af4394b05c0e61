//! One-line error reports and the exit status.
//!
//! A bad flag or value exits 2 (clap's convention for usage errors) with one
//! line on stderr that starts with `error: --flag`. Failing to write the output
//! exits 1, except a closed pipe (`rnn-lab train | head`), which is not an error.

use std::error::Error as _;
use std::io;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use rnn_playground::rnn::CoreError;
use rnn_playground::text::core_error_en;

const USAGE_STATUS: u8 = 2;
const IO_STATUS: u8 = 1;

#[derive(Debug)]
pub enum CliError {
    /// A bad flag or combination: the line to print after "error: ".
    Usage(String),
    Io(io::Error),
}

impl CliError {
    /// `--flag` followed by a phrase about it.
    pub fn flag(flag: &str, phrase: impl std::fmt::Display) -> CliError {
        CliError::Usage(format!("--{flag} {phrase}"))
    }

    /// The core names its settings as the CLI flags (len, lr, clip, init, …),
    /// and its English catalogue words the error after the name.
    pub fn core(error: CoreError) -> CliError {
        CliError::Usage(format!("--{}", core_error_en(&error)))
    }

    pub fn report(self) -> ExitCode {
        match self {
            CliError::Usage(line) => {
                eprintln!("error: {line}");
                ExitCode::from(USAGE_STATUS)
            }
            CliError::Io(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            CliError::Io(error) => {
                eprintln!("error: cannot write the output: {error}");
                ExitCode::from(IO_STATUS)
            }
        }
    }
}

impl From<io::Error> for CliError {
    fn from(error: io::Error) -> CliError {
        CliError::Io(error)
    }
}

/// Help and version print as clap does; every parse error becomes one line.
pub fn report_clap(error: clap::Error) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // Help goes to stdout (or stderr when no subcommand was given); a
            // closed pipe while printing it is not worth reporting.
            let _ = error.print();
            ExitCode::from(error.exit_code().clamp(0, 255) as u8)
        }
        _ => {
            eprintln!("error: {}", clap_line(&error));
            ExitCode::from(USAGE_STATUS)
        }
    }
}

/// `--flag phrase` when one of our value parsers refused the value; otherwise
/// the first line of clap's message (it quotes the flag), plus the valid values.
fn clap_line(error: &clap::Error) -> String {
    let flag = match error.get(ContextKind::InvalidArg) {
        // clap quotes the flag with its value name: "--lr <X>".
        Some(ContextValue::String(arg)) => arg.split(' ').next().map(str::to_owned),
        _ => None,
    };
    if let (Some(flag), Some(source)) = (&flag, error.source()) {
        return format!("{flag} {source}");
    }
    if let (Some(flag), Some(ContextValue::String(value)), Some(ContextValue::Strings(valid))) = (
        &flag,
        error.get(ContextKind::InvalidValue),
        error.get(ContextKind::ValidValue),
    ) {
        return format!("{flag} expects one of {}, got '{value}'", valid.join(", "));
    }
    let rendered = error.render().to_string();
    let first = rendered
        .lines()
        .next()
        .unwrap_or("invalid arguments")
        .trim_start_matches("error: ")
        .to_owned();
    match (
        error.get(ContextKind::ValidValue),
        error.get(ContextKind::InvalidArg),
    ) {
        (Some(ContextValue::Strings(values)), _) if !values.is_empty() => {
            format!("{first}; expected one of {}", values.join(", "))
        }
        // A missing required flag: its name is on clap's next line.
        (_, Some(ContextValue::Strings(args))) if first.ends_with(':') => {
            format!("{first} {}", args.join(", "))
        }
        _ => first,
    }
}
