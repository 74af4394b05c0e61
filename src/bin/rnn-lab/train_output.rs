//! The two printouts of a training run: the seed's table and one JSON object.

use std::io::{self, Write};

use rnn_playground::params::Lang;
use rnn_playground::rnn::{Dataset, Named, Record, Status, Trainer, Weights};
use rnn_playground::text::Text;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::args::TrainArgs;
use crate::train::{seed_epoch, train};

/// The seed's printout, format for format (python `%8.4f` and `%5d`), plus a
/// line when training stopped on its own.
pub fn table(trainer: &mut Trainer, args: &TrainArgs, out: &mut impl Write) -> io::Result<()> {
    let init = trainer.init();
    writeln!(
        out,
        "Initial weights: wx = {:8.4}, wRec = {:8.4}",
        init.w_x, init.w_rec
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
    let last = trainer.weights();
    writeln!(
        out,
        "Final weights : wx = {:8.4}, wRec = {:8.4}",
        last.w_x, last.w_rec
    )
}

/// The whole run as one JSON object (see the README's schema), written as it
/// runs: the records stream out, so memory stays flat and `| head` stops the
/// run at once.
pub fn json(trainer: &mut Trainer, args: &TrainArgs, out: &mut impl Write) -> io::Result<()> {
    let head = Head {
        data: DataJson::from(trainer.data()),
        init: WeightsJson::from(trainer.init()),
        optimizer: OptimizerJson(trainer),
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
            serde_json::to_writer(&mut *out, &RecordJson::from(record)).map_err(io::Error::from)
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

/// The report's fields before `records`.
#[derive(Serialize)]
struct Head<'a> {
    data: DataJson,
    init: WeightsJson,
    optimizer: OptimizerJson<'a>,
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
    w_x: Option<f64>,
    w_rec: Option<f64>,
}

impl From<Weights> for WeightsJson {
    fn from(w: Weights) -> Self {
        WeightsJson {
            w_x: finite(w.w_x),
            w_rec: finite(w.w_rec),
        }
    }
}

/// One record: the weights after `epoch` updates, and the loss and gradient there.
#[derive(Serialize)]
pub struct RecordJson {
    epoch: u64,
    loss: Option<f64>,
    w_x: Option<f64>,
    w_rec: Option<f64>,
    grad_w_x: Option<f64>,
    grad_w_rec: Option<f64>,
}

impl From<&Record> for RecordJson {
    fn from(r: &Record) -> Self {
        RecordJson {
            epoch: r.epoch,
            loss: finite(r.loss),
            w_x: finite(r.weights.w_x),
            w_rec: finite(r.weights.w_rec),
            grad_w_x: finite(r.grad.w_x),
            grad_w_rec: finite(r.grad.w_rec),
        }
    }
}

#[derive(Serialize)]
pub struct FinalJson {
    epochs: u64,
    w_x: Option<f64>,
    w_rec: Option<f64>,
    loss: Option<f64>,
}

impl From<&Trainer> for FinalJson {
    /// The updates made, the weights reached and the loss at them.
    fn from(trainer: &Trainer) -> Self {
        let (loss, _) = trainer.evaluate();
        FinalJson {
            epochs: trainer.epoch(),
            w_x: finite(trainer.weights().w_x),
            w_rec: finite(trainer.weights().w_rec),
            loss: finite(loss),
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
