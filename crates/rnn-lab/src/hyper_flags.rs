//! The optimizers' hyperparameter flags, built from the core's [`Hyper`] table
//! so names, ranges, defaults and help are defined once. Each flag is optional: a
//! rule's default comes from `OptimizerSettings::defaults`, and a flag the
//! chosen rule does not read is an error rather than silently ignored.

use clap::{Arg, ArgMatches, Args, Command, FromArgMatches, error::ErrorKind};
use rnn_playground::format::readable;
use rnn_playground::rnn::{Hyper, Named, OptimizerKind, OptimizerSettings};
use strum::IntoEnumIterator;

use crate::parse;

/// The hyperparameters given on the command line, in table order.
#[derive(Debug, Clone, Default)]
pub struct HyperFlags {
    pub given: Vec<(Hyper, f64)>,
}

impl HyperFlags {
    /// The rule's defaults with the given values on top; a flag the rule does
    /// not read is refused with a message naming the rules that read it.
    pub fn settings(&self, kind: OptimizerKind) -> Result<OptimizerSettings, (Hyper, String)> {
        let mut settings = OptimizerSettings::defaults(kind);
        for &(hyper, value) in &self.given {
            if !hyper.used_by(kind) {
                return Err((hyper, not_used_message(hyper, kind)));
            }
            settings[hyper] = value;
        }
        Ok(settings)
    }
}

fn not_used_message(hyper: Hyper, kind: OptimizerKind) -> String {
    if hyper == Hyper::Lr && kind == OptimizerKind::Rprop {
        return "does not apply: rprop has no learning rate; its initial step is --delta0".into();
    }
    format!(
        "does not apply to --optimizer {}; it is used by {}",
        kind.name(),
        users(hyper).join(", ")
    )
}

/// The rules that read `hyper`.
fn users(hyper: Hyper) -> Vec<&'static str> {
    hyper
        .spec()
        .used_by
        .iter()
        .map(|kind| kind.name())
        .collect()
}

/// "Learning rate [range 1e-12..1e6; default: gd 1e-5, momentum 1e-6, …]".
fn help(hyper: Hyper) -> String {
    let defaults: Vec<String> = hyper
        .spec()
        .used_by
        .iter()
        .map(|&kind| format!("{} {}", kind.name(), readable(hyper.default_for(kind))))
        .collect();
    let limits = hyper.limits();
    format!(
        "{} [range {}..{}; default: {}]",
        hyper.spec().description,
        readable(limits.min),
        readable(limits.max),
        defaults.join(", ")
    )
}

impl Args for HyperFlags {
    fn augment_args(command: Command) -> Command {
        Hyper::iter().fold(command, |command, hyper| {
            command.arg(
                Arg::new(hyper.cli_name())
                    .long(hyper.cli_name())
                    .value_name("X")
                    .allow_hyphen_values(true)
                    .value_parser(move |text: &str| parse::hyper(hyper, text))
                    .help(help(hyper)),
            )
        })
    }

    fn augment_args_for_update(command: Command) -> Command {
        Self::augment_args(command)
    }
}

impl FromArgMatches for HyperFlags {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        let mut flags = HyperFlags::default();
        flags.update_from_arg_matches(matches)?;
        Ok(flags)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        for hyper in Hyper::iter() {
            let value = matches
                .try_get_one::<f64>(hyper.cli_name())
                .map_err(|e| clap::Error::raw(ErrorKind::InvalidValue, e))?;
            if let Some(&value) = value {
                self.given.retain(|&(h, _)| h != hyper);
                self.given.push((hyper, value));
            }
        }
        Ok(())
    }
}
