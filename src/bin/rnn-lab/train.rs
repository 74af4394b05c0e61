//! `rnn-lab train`: build the run from the flags, run it, print it.
//!
//! Only every K-th record is kept, so memory stays bounded however many epochs
//! run; the number of reported records is capped as well.

use std::io::{self, BufWriter, Write};

use rnn_playground::rnn::{DataConfig, Record, StopRule, Trainer, TrainerConfig};

use crate::args::{TrainArgs, TrainFormat};
use crate::error::CliError;
use crate::train_output;

/// The most records one run may report (a JSON of about 150 MB).
pub const MAX_RECORDS: u64 = 1_000_000;

pub fn run(args: &TrainArgs) -> Result<(), CliError> {
    let config = trainer_config(args)?;
    let mut trainer = Trainer::new(config).map_err(CliError::core)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        TrainFormat::Table => train_output::table(&mut trainer, args, &mut out)?,
        TrainFormat::Json => train_output::json(&mut trainer, args, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn trainer_config(args: &TrainArgs) -> Result<TrainerConfig, CliError> {
    let records = args.epochs / args.every;
    if records > MAX_RECORDS {
        return Err(CliError::flag(
            "every",
            format!(
                "{} with --epochs {} would report {records} records; at most {MAX_RECORDS} \
                 are allowed (raise --every)",
                args.every, args.epochs
            ),
        ));
    }
    let mut optimizer = args
        .hypers
        .settings(args.optimizer)
        .map_err(|(hyper, phrase)| CliError::flag(hyper.cli_name(), phrase))?;
    optimizer.clip = args.clip;
    Ok(TrainerConfig {
        data: DataConfig {
            seed: args.data.seed,
            samples: args.data.samples,
            len: args.data.len,
        },
        reduction: args.data.loss,
        optimizer,
        init: args.init,
        // The epoch count is enforced by the loop below, so `--epochs 0` runs none.
        stop: StopRule {
            max_epochs: None,
            loss_tolerance: args.tolerance,
        },
    })
}

/// Runs up to `epochs` epochs and hands every `every`-th record to `report`.
/// Stops early when the trainer stops (divergence, tolerance).
pub fn train(
    trainer: &mut Trainer,
    epochs: u64,
    every: u64,
    mut report: impl FnMut(&Record) -> io::Result<()>,
) -> io::Result<()> {
    for _ in 0..epochs {
        let Some(record) = trainer.step() else { break };
        if record.epoch % every == 0 {
            report(&record)?;
        }
    }
    Ok(())
}
