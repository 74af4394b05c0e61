//! `rnn-lab train`: build the run from the flags, run it, print it.
//!
//! Records are written as they come, so memory stays flat however many epochs
//! run. A run's work (sequences × length × epochs) is bounded, as a link's is.

use std::io::{self, BufWriter, Write};

use rnn_playground::python::{self, PythonRun};
use rnn_playground::rnn::{DataConfig, Precision, Record, StopRule, Trainer, TrainerConfig};

use crate::args::{DataArgs, TrainArgs, TrainFormat};
use crate::error::CliError;
use crate::train_output;

/// The most sample-steps (sequences × length × epochs) one run may ask for:
/// 10⁹ epochs of the seed's 20 × 10 data, a few minutes natively.
pub const MAX_WORK: u64 = 200_000_000_000;

pub fn run(args: &TrainArgs) -> Result<(), CliError> {
    let config = trainer_config(args)?;
    if args.format == TrainFormat::Python {
        if args.tolerance.is_some() {
            return Err(CliError::flag(
                "tolerance",
                "does not apply to --format python",
            ));
        }
        if config.precision != Precision::F64 {
            // The script is numpy in float64; the float32 run is Theano's.
            return Err(CliError::flag(
                "precision",
                "does not apply to --format python (the script runs in f64)",
            ));
        }
        // The same checks as a run's (a task the cell does not take, the data's ranges).
        Trainer::new(config).map_err(CliError::core)?;
        let script = python::script(&PythonRun {
            model: config.model,
            task: config.task,
            data: config.data,
            reduction: config.reduction,
            init: config.init,
            runs: vec![config.optimizer],
            epochs: args.start.epochs,
            every: args.start.every,
            target: None,
        });
        return write_script(&script);
    }
    let mut trainer = Trainer::new(config).map_err(CliError::core)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        TrainFormat::Table => train_output::table(&mut trainer, args, &mut out)?,
        TrainFormat::Json => train_output::json(&mut trainer, args, &mut out)?,
        TrainFormat::Python => {}
    }
    out.flush()?;
    Ok(())
}

/// Prints a generated script.
pub fn write_script(script: &str) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(script.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Refuses a command that would train more than [`MAX_WORK`] sample-steps:
/// `runs` runs of `epochs` epochs on `data`.
pub fn check_work(data: &DataArgs, epochs: u64, runs: u64) -> Result<(), CliError> {
    let (samples, len) = (data.samples as u64, data.len as u64);
    let work = samples
        .saturating_mul(len)
        .saturating_mul(epochs)
        .saturating_mul(runs);
    if work > MAX_WORK {
        let runs = if runs > 1 {
            format!(" in {runs} runs")
        } else {
            String::new()
        };
        return Err(CliError::flag(
            "epochs",
            format!(
                "{epochs} with {samples} sequences of length {len}{runs} asks for {work} \
                 sample-steps; at most {MAX_WORK} are allowed (fewer epochs, or less data)"
            ),
        ));
    }
    Ok(())
}

/// The data set as the flags give it.
pub fn data_config(data: &DataArgs) -> DataConfig {
    DataConfig {
        seed: data.seed,
        samples: data.samples,
        len: data.len,
    }
}

fn trainer_config(args: &TrainArgs) -> Result<TrainerConfig, CliError> {
    check_work(&args.data, args.start.epochs, 1)?;
    let mut optimizer = args
        .hypers
        .settings(args.optimizer)
        .map_err(|(hyper, phrase)| CliError::flag(hyper.cli_name(), phrase))?;
    optimizer.clip = args.start.clip;
    Ok(TrainerConfig {
        model: args.data.model,
        task: args.data.task,
        data: data_config(&args.data),
        reduction: args.data.loss,
        optimizer,
        init: args.start.init,
        // The epoch count is enforced by the loop below, so `--epochs 0` runs none.
        stop: StopRule {
            max_epochs: None,
            loss_tolerance: args.tolerance,
        },
        precision: args.precision,
    })
}

/// Runs up to `epochs` epochs and hands `report` the records whose number,
/// as `count` numbers them, is a multiple of `every`. Stops early when the
/// trainer stops (divergence, tolerance).
pub fn train(
    trainer: &mut Trainer,
    epochs: u64,
    every: u64,
    count: impl Fn(&Record) -> u64,
    mut report: impl FnMut(&Record) -> io::Result<()>,
) -> io::Result<()> {
    for _ in 0..epochs {
        let Some(record) = trainer.step() else { break };
        if count(&record).is_multiple_of(every) {
            report(&record)?;
        }
    }
    Ok(())
}

/// The seed's numbering of a record: its table counts calls of `train()`
/// from 1, each returning the loss before its update, so the seed's
/// `epoch[k]` is the core's epoch k − 1.
pub fn seed_epoch(record: &Record) -> u64 {
    record.epoch + 1
}
