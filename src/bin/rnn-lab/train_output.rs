//! The two printouts of a training run: the seed's table and one JSON object.

use std::io::{self, Write};

use rnn_playground::params::Lang;
use rnn_playground::python::table_names;
use rnn_playground::rnn::{
    CellKind, Dataset, Named, Precision, Record, Status, Task, Trainer, Weights,
};
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
    let model = trainer.config().model;
    let head = Head {
        model: (model != CellKind::default()).then_some(model),
        task: (trainer.config().task != Task::default()).then_some(trainer.config().task),
        data: DataJson::from(trainer.data()),
        init: NamedJson::new(model, trainer.init(), precision),
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
            serde_json::to_writer(&mut *out, &RecordJson::new(record, model, precision))
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
    /// Written only for a cell other than the seed's, so the seed's output stays as it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    model: Option<CellKind>,
    /// Written only for a task other than counting.
    #[serde(skip_serializing_if = "Option::is_none")]
    task: Option<Task>,
    data: DataJson,
    init: NamedJson,
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
    targets: Vec<Target>,
}

/// A target as JSON: counts are whole numbers and print as such; the latch's are ±0.5.
#[derive(Debug, Clone, Copy)]
struct Target(f64);

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 1e15 {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl From<&Dataset> for DataJson {
    fn from(data: &Dataset) -> Self {
        DataJson {
            seed: data.config.seed,
            samples: data.samples(),
            len: data.len(),
            targets: data.targets.iter().map(|&t| Target(t)).collect(),
        }
    }
}

/// A cell's parameters (or their gradient) as `{NAME: value, …}` in the cell's order.
#[derive(Debug, Clone, Copy)]
pub struct NamedJson {
    names: &'static [&'static str],
    values: Weights,
    precision: Precision,
}

impl NamedJson {
    pub fn new(model: CellKind, values: Weights, precision: Precision) -> Self {
        NamedJson {
            names: model.names(),
            values,
            precision,
        }
    }
}

impl Serialize for NamedJson {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let values = [self.values.w_x, self.values.w_rec];
        let mut map = serializer.serialize_map(Some(self.names.len()))?;
        for (name, &value) in self.names.iter().zip(&values) {
            map.serialize_entry(name, &run_number(value, self.precision))?;
        }
        map.end()
    }
}

/// Whether the cell's parameters are w_x and w_rec, which records also carry as fields of
/// their own (as they did before there were other cells).
fn has_w_fields(model: CellKind) -> bool {
    model.names() == ["w_x", "w_rec"]
}

/// One record: the parameters after `epoch` updates, and the loss and gradient there.
#[derive(Serialize)]
pub struct RecordJson {
    epoch: u64,
    loss: Option<RunNumber>,
    #[serde(flatten)]
    w_fields: Option<WFields>,
    params: NamedJson,
    grad: NamedJson,
}

/// The linear and tanh cells' own fields.
#[derive(Serialize)]
struct WFields {
    w_x: Option<RunNumber>,
    w_rec: Option<RunNumber>,
    grad_w_x: Option<RunNumber>,
    grad_w_rec: Option<RunNumber>,
}

impl RecordJson {
    pub fn new(r: &Record, model: CellKind, precision: Precision) -> Self {
        let number = |value| run_number(value, precision);
        RecordJson {
            epoch: r.epoch,
            loss: number(r.loss),
            w_fields: has_w_fields(model).then(|| WFields {
                w_x: number(r.weights.w_x),
                w_rec: number(r.weights.w_rec),
                grad_w_x: number(r.grad.w_x),
                grad_w_rec: number(r.grad.w_rec),
            }),
            params: NamedJson::new(model, r.weights, precision),
            grad: NamedJson::new(
                model,
                Weights {
                    w_x: r.grad.w_x,
                    w_rec: r.grad.w_rec,
                },
                precision,
            ),
        }
    }
}

#[derive(Serialize)]
pub struct FinalJson {
    epochs: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    w_x: Option<Option<RunNumber>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    w_rec: Option<Option<RunNumber>>,
    loss: Option<RunNumber>,
    params: NamedJson,
}

impl From<&Trainer> for FinalJson {
    /// The updates made, the parameters reached and the loss at them.
    fn from(trainer: &Trainer) -> Self {
        let (loss, _) = trainer.evaluate();
        let config = trainer.config();
        let number = |value| run_number(value, config.precision);
        let w = trainer.weights();
        let w_fields = has_w_fields(config.model);
        FinalJson {
            epochs: trainer.epoch(),
            w_x: w_fields.then(|| number(w.w_x)),
            w_rec: w_fields.then(|| number(w.w_rec)),
            loss: number(loss),
            params: NamedJson::new(config.model, w, config.precision),
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
