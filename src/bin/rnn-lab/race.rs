//! `rnn-lab race`: build the race from the flags (tuning it first with
//! `--tune`), run it with the page's engine, print the results.

use std::io::{self, BufWriter, Write};

use rnn_playground::python::{self, PythonRun};
use rnn_playground::rnn::{MAX_RACERS, Race, RaceConfig, Record, Tuned, Tuning};

use crate::args::{RaceArgs, TrainFormat};
use crate::error::CliError;
use crate::race_output;
use crate::train::{check_work, data_config, write_script};

/// The most records a race keeps for its output (they are printed at the end).
const MAX_RECORDS: u64 = 10_000_000;

/// A finished race, its tuning and every `--every`-th record of each racer.
pub struct RaceRun {
    pub race: Race,
    pub tuned: Option<Vec<Tuned>>,
    pub records: Vec<Vec<Record>>,
}

pub fn run(args: &RaceArgs) -> Result<(), CliError> {
    let run = race(args)?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        TrainFormat::Table => race_output::table(&run, &mut out)?,
        TrainFormat::Json => race_output::json(&run, &mut out)?,
        TrainFormat::Python => {
            let config = run.race.config();
            let script = python::script(&PythonRun {
                model: config.model,
                task: config.task,
                data: config.data,
                reduction: config.reduction,
                init: config.init,
                runs: config.racers.clone(),
                epochs: config.max_epochs,
                every: args.start.every,
                target: Some(run.race.target()),
            });
            return write_script(&script);
        }
    }
    out.flush()?;
    Ok(())
}

fn race(args: &RaceArgs) -> Result<RaceRun, CliError> {
    let count = args.racers.len();
    if count > MAX_RACERS {
        return Err(CliError::flag(
            "racer",
            format!("was given {count} times; a race takes at most {MAX_RACERS} racers"),
        ));
    }
    let (epochs, every) = (args.start.epochs, args.start.every);
    let tuning_runs = if args.tune {
        rnn_playground::rnn::TUNE_GRID.len()
    } else {
        0
    };
    check_work(&args.data, epochs, (count * (1 + tuning_runs)) as u64)?;
    if (epochs / every).saturating_mul(count as u64) > MAX_RECORDS {
        return Err(CliError::flag(
            "every",
            format!(
                "{every} keeps more than {MAX_RECORDS} records in this race; report less often"
            ),
        ));
    }
    let mut config = RaceConfig {
        model: args.data.model,
        task: args.data.task,
        data: data_config(&args.data),
        reduction: args.data.loss,
        init: args.start.init,
        racers: args
            .racers
            .iter()
            .map(|racer| racer.resolved(args.start.clip))
            .collect(),
        target: args.target,
        max_epochs: epochs,
    };
    let mut tuned = None;
    if args.tune {
        let mut tuning = Tuning::new(&config, epochs).map_err(CliError::core)?;
        tuning.run_to_end();
        tuned = tuning.result();
        config = tuning.tuned_config().unwrap_or(config);
    }
    let mut race = Race::new(config).map_err(CliError::core)?;
    let mut records = vec![Vec::new(); count];
    while race.step() {
        for (racer, kept) in race.racers().iter().zip(&mut records) {
            if let Some(record) = racer.last_record().filter(|r| r.epoch % every == 0) {
                kept.push(record);
            }
        }
    }
    Ok(RaceRun {
        race,
        tuned,
        records,
    })
}
