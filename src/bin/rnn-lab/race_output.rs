//! The two printouts of a race: a results table and one JSON object whose
//! racers carry `train`'s fields plus `finish` and `tuned`.

use std::io::{self, Write};

use rnn_playground::format::{exact, significant};
use rnn_playground::params::{Lang, RacerSpec};
use rnn_playground::python::table_names;
use rnn_playground::rnn::{CellKind, Precision, Racer, RacerStatus, Task, Tuned};
use rnn_playground::text::Text;
use serde::Serialize;

use crate::race::RaceRun;
use crate::train_output::{
    DataJson, FinalJson, NamedJson, OptimizerJson, RecordJson, finite, status_json, weights_text,
};

/// "finished", "running" or "diverged", as the page's results table says.
fn status_name(status: RacerStatus) -> &'static str {
    match status {
        RacerStatus::Finished { .. } => "finished",
        RacerStatus::Running => "running",
        RacerStatus::Diverged { .. } => "diverged",
    }
}

/// The racer's rule and every hyperparameter it read.
fn settings_line(racer: &Racer) -> String {
    let spec = RacerSpec {
        settings: *racer.settings(),
        own_clip: true,
    };
    spec.describe(None)
}

/// One line per racer, in the order given, under the start and the target.
pub fn table(run: &RaceRun, out: &mut impl Write) -> io::Result<()> {
    let race = &run.race;
    let model = race.config().model;
    writeln!(
        out,
        "Initial weights: {}",
        weights_text(table_names(model), race.init())
    )?;
    writeln!(
        out,
        "Initial loss = {:.4}, target = {:.4} (finish: the first epoch below it), {} epochs",
        race.initial_loss(),
        race.target(),
        race.epoch()
    )?;
    let names = model.names();
    let (first, second) = (names[0], names[1]);
    writeln!(
        out,
        "racer  finish  status            loss  {first:>9}  {second:>9}  settings"
    )?;
    for (i, racer) in race.racers().iter().enumerate() {
        let finish = racer
            .status()
            .finish()
            .map_or_else(|| "-".to_string(), |e| e.to_string());
        let w = racer.weights();
        let mut line = format!(
            "{:>5}  {finish:>6}  {:<8}  {:>12}  {:>9}  {:>9}  {}",
            i + 1,
            status_name(racer.status()),
            significant(racer.loss(), 6),
            significant(w.w_x, 5),
            significant(w.w_rec, 5),
            settings_line(racer)
        );
        if let Some(tuned) = run.tuned.as_ref().and_then(|t| t.get(i)) {
            line.push_str(&format!(
                ", tuned: {} = {}",
                tuned.hyper.url_key(),
                exact(tuned.value)
            ));
        }
        if let RacerStatus::Diverged { epoch, reason } = racer.status() {
            let reason = (Text::get(Lang::En).divergence_reason)(reason);
            line.push_str(&format!("; diverged at epoch {epoch}: {reason}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[derive(Serialize)]
struct RaceJson<'a> {
    /// Written only for a cell other than the seed's.
    #[serde(skip_serializing_if = "Option::is_none")]
    model: Option<CellKind>,
    /// Written only for a task other than counting.
    #[serde(skip_serializing_if = "Option::is_none")]
    task: Option<Task>,
    data: DataJson,
    init: NamedJson,
    initial_loss: Option<f64>,
    target: Option<f64>,
    epochs: u64,
    racers: Vec<RacerJson<'a>>,
}

#[derive(Serialize)]
struct RacerJson<'a> {
    optimizer: OptimizerJson<'a>,
    tuned: Option<TunedJson>,
    records: Vec<RecordJson>,
    #[serde(rename = "final")]
    final_state: FinalJson,
    status: &'static str,
    diverged_at: Option<u64>,
    reason: Option<&'static str>,
    finish: Option<u64>,
}

/// The value tuning chose and the loss it gave after the budget (null if it diverged).
#[derive(Serialize)]
struct TunedJson {
    hyper: &'static str,
    value: f64,
    loss: Option<f64>,
}

impl From<&Tuned> for TunedJson {
    fn from(t: &Tuned) -> Self {
        TunedJson {
            hyper: t.hyper.spec().field,
            value: t.value,
            loss: finite(t.loss),
        }
    }
}

/// The race as one JSON object.
pub fn json(run: &RaceRun, out: &mut impl Write) -> io::Result<()> {
    let race = &run.race;
    let first = race.racers()[0].trainer();
    let (model, task) = (first.config().model, first.config().task);
    let racers = race
        .racers()
        .iter()
        .zip(&run.records)
        .enumerate()
        .map(|(i, (racer, records))| {
            let (_, diverged_at, reason) = status_json(racer.trainer().status());
            RacerJson {
                optimizer: OptimizerJson(racer.trainer()),
                tuned: run
                    .tuned
                    .as_ref()
                    .and_then(|t| t.get(i))
                    .map(TunedJson::from),
                records: records
                    .iter()
                    .map(|record| RecordJson::new(record, model, Precision::F64))
                    .collect(),
                final_state: FinalJson::from(racer.trainer()),
                status: status_name(racer.status()),
                diverged_at,
                reason,
                finish: racer.status().finish(),
            }
        })
        .collect();
    let report = RaceJson {
        model: (model != CellKind::default()).then_some(model),
        task: (task != Task::default()).then_some(task),
        data: DataJson::from(first.data()),
        init: NamedJson::new(model, race.init(), Precision::F64),
        initial_loss: finite(race.initial_loss()),
        target: finite(race.target()),
        epochs: race.epoch(),
        racers,
    };
    serde_json::to_writer(&mut *out, &report).map_err(io::Error::from)?;
    writeln!(out)
}
