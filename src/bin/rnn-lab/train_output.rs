//! The two printouts of a training run: the seed's table and one JSON object.

use std::io::{self, Write};

use rnn_playground::params::Lang;
use rnn_playground::python::table_names;
use rnn_playground::rnn::{Dataset, Named, Precision, Record, Status, Trainer, Weights};
use rnn_playground::text::Text;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::args::TrainArgs;
use crate::train::{seed_epoch, train};

/// The seed's printout, format for format (python `%8.4f` and `%5d`), plus a
/// line when training stopped on its own.
pub fn table(trainer: &mut Trainer, args: &TrainArgs, out: &mut impl Write) -> io::Result<()> {
    let names = table_names(trainer.config().model);
    writeln!(
        out,
        "Initial weights: {}",
        weights_text(names, trainer.init())
    )?;
    train(
        trainer,
        args.start.epochs,
        args.start.every,
        seed_epoch,
        |record| {
            writeln!(
                out,
                "epoch[{:5}] : cost ={:8.4}",
                seed_epoch(record),
                record.loss
            )
        },
    )?;
    match trainer.status() {
        Status::Diverged { epoch, reason } => {
            let reason = (Text::get(Lang::En).divergence_reason)(reason);
            writeln!(out, "Diverged at epoch {epoch}: {reason}")?
        }
        Status::Converged { epoch } => writeln!(
            out,
            "Converged at epoch {epoch}: the loss reached the tolerance {}",
            args.tolerance.unwrap_or(0.0)
        )?,
        Status::Training | Status::ReachedMaxEpochs { .. } => {}
    }
    writeln!(
        out,
        "Final weights : {}",
        weights_text(names, trainer.weights())
    )
}

/// The two parameters as the seed prints them, `wx = {:8.4}, wRec = {:8.4}` (python `%8.4f`),
/// under the cell's names for them.
pub fn weights_text([first, second]: [&str; 2], w: Weights) -> String {
    format!("{first} = {:8.4}, {second} = {:8.4}", w.w_x, w.w_rec)
}

/// The whole run as one JSON object (see the README's schema), written as it
/// runs: the records stream out, so memory stays flat and `| head` stops the
/// run at once.
pub fn json(trainer: &mut Trainer, args: &TrainArgs, out: &mut impl Write) -> io::Result<()> {
    let precision = trainer.config().precision;
    let head = Head {
        data: DataJson::from(trainer.data()),
        init: WeightsJson::new(trainer.init(), precision),
        optimizer: OptimizerJson(trainer),
        precision: (precision != Precision::F64).then_some(precision),
    };
    // The head's fields, then "records" opened by hand: the object stays open.
    let head = serde_json::to_string(&head).map_err(io::Error::from)?;
    out.write_all(head.strip_suffix('}').unwrap_or(&head).as_bytes())?;
    out.write_all(b",\"records\":[")?;
    let mut first = true;
    train(
        trainer,
        args.start.epochs,
        args.start.every,
        |r| r.epoch,
        |record| {
            if !first {
                out.write_all(b",")?;
            }
            first = false;
            serde_json::to_writer(&mut *out, &RecordJson::new(record, precision))
                .map_err(io::Error::from)
        },
    )?;
    let (status, diverged_at, reason) = status_json(trainer.status());
    let tail = Tail {
        final_state: FinalJson::from(&*trainer),
        status,
        diverged_at,
        reason,
    };
    let tail = serde_json::to_string(&tail).map_err(io::Error::from)?;
    out.write_all(b"],")?;
    out.write_all(tail.strip_prefix('{').unwrap_or(&tail).as_bytes())?;
    writeln!(out)
}

/// `status` ("ok" or "diverged"), `diverged_at` and `reason` of a run.
pub fn status_json(status: Status) -> (&'static str, Option<u64>, Option<&'static str>) {
    match status {
        Status::Diverged { epoch, reason } => (
            "diverged",
            Some(epoch),
            Some((Text::get(Lang::En).divergence_reason)(reason)),
        ),
        _ => ("ok", None, None),
    }
}

/// JSON has no inf or NaN: they become null.
pub fn finite(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

/// A number of a run as its arithmetic holds it: the shortest decimal that
/// reads back to the same f64, or, for a float32 run, to the same f32 (as
/// numpy prints a float32), so a run compares bit for bit with Theano's.
#[derive(Debug, Clone, Copy)]
pub enum RunNumber {
    F64(f64),
    F32(f32),
}

impl Serialize for RunNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            RunNumber::F64(value) => serializer.serialize_f64(value),
            RunNumber::F32(value) => serializer.serialize_f32(value),
        }
    }
}

/// `value` of a run in `precision` (an f32 run's values are exact f32s); null when not finite.
pub fn run_number(value: f64, precision: Precision) -> Option<RunNumber> {
    let value = finite(value)?;
    Some(match precision {
        Precision::F64 => RunNumber::F64(value),
        Precision::TheanoF32 => RunNumber::F32(value as f32),
    })
}

/// The report's fields before `records`.
#[derive(Serialize)]
struct Head<'a> {
    data: DataJson,
    init: WeightsJson,
    optimizer: OptimizerJson<'a>,
    /// Written only for a run that is not f64, so f64 output stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    precision: Option<Precision>,
}

/// The report's fields after `records`.
#[derive(Serialize)]
struct Tail {
    #[serde(rename = "final")]
    final_state: FinalJson,
    status: &'static str,
    diverged_at: Option<u64>,
    reason: Option<&'static str>,
}

#[derive(Serialize)]
pub struct DataJson {
    seed: u32,
    samples: usize,
    len: usize,
    targets: Vec<u64>,
}

impl From<&Dataset> for DataJson {
    fn from(data: &Dataset) -> Self {
        DataJson {
            seed: data.config.seed,
            samples: data.samples(),
            len: data.len(),
            // Targets count ones, so they are whole numbers.
            targets: data.targets.iter().map(|&t| t as u64).collect(),
        }
    }
}

#[derive(Serialize)]
pub struct WeightsJson {
    w_x: Option<RunNumber>,
    w_rec: Option<RunNumber>,
}

impl WeightsJson {
    pub fn new(w: Weights, precision: Precision) -> Self {
        WeightsJson {
            w_x: run_number(w.w_x, precision),
            w_rec: run_number(w.w_rec, precision),
        }
    }
}

impl From<Weights> for WeightsJson {
    fn from(w: Weights) -> Self {
        WeightsJson::new(w, Precision::F64)
    }
}

/// One record: the weights after `epoch` updates, and the loss and gradient there.
#[derive(Serialize)]
pub struct RecordJson {
    epoch: u64,
    loss: Option<RunNumber>,
    w_x: Option<RunNumber>,
    w_rec: Option<RunNumber>,
    grad_w_x: Option<RunNumber>,
    grad_w_rec: Option<RunNumber>,
}

impl RecordJson {
    pub fn new(r: &Record, precision: Precision) -> Self {
        let number = |value| run_number(value, precision);
        RecordJson {
            epoch: r.epoch,
            loss: number(r.loss),
            w_x: number(r.weights.w_x),
            w_rec: number(r.weights.w_rec),
            grad_w_x: number(r.grad.w_x),
            grad_w_rec: number(r.grad.w_rec),
        }
    }
}

impl From<&Record> for RecordJson {
    fn from(r: &Record) -> Self {
        RecordJson::new(r, Precision::F64)
    }
}

#[derive(Serialize)]
pub struct FinalJson {
    epochs: u64,
    w_x: Option<RunNumber>,
    w_rec: Option<RunNumber>,
    loss: Option<RunNumber>,
}

impl From<&Trainer> for FinalJson {
    /// The updates made, the weights reached and the loss at them.
    fn from(trainer: &Trainer) -> Self {
        let (loss, _) = trainer.evaluate();
        let number = |value| run_number(value, trainer.config().precision);
        FinalJson {
            epochs: trainer.epoch(),
            w_x: number(trainer.weights().w_x),
            w_rec: number(trainer.weights().w_rec),
            loss: number(loss),
        }
    }
}

/// `{"name", <each hyperparameter the rule reads, by its saved-file field>, "clip"}`:
/// the keys depend on the rule (rprop has no "lr"), so the map is written by hand.
pub struct OptimizerJson<'a>(pub &'a Trainer);

impl Serialize for OptimizerJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let settings = self.0.optimizer().settings();
        let hypers = settings.kind.hypers();
        let mut map = serializer.serialize_map(Some(hypers.len() + 2))?;
        map.serialize_entry("name", settings.kind.name())?;
        for hyper in hypers {
            map.serialize_entry(hyper.spec().field, &settings[hyper])?;
        }
        map.serialize_entry("clip", &settings.clip)?;
        map.end()
    }
}
