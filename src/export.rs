//! The run's CSV (`#export-csv`): one row per epoch of [`Trainer::timeline`],
//! from the start (epoch 0) to the current epoch.
//!
//! Epochs follow the core's one convention: epoch N is the state after N
//! updates, with the loss and gradient at those weights, as `#epoch`, the
//! status and `at=` count them. The history is thinned out on long runs, so
//! rows skip epochs; the first and the current one are always there.

use crate::format::exact;
use crate::rnn::{Record, Trainer};

/// The CSV's file name.
pub const CSV_FILE: &str = "rnn-playground-run.csv";
/// The CSV's header row for the linear and tanh cells.
pub const CSV_HEADER: &str = "epoch,loss,w_x,w_rec,grad_w_x,grad_w_rec";

/// The header row for a cell's parameter names: [`CSV_HEADER`] for w_x and w_rec,
/// `epoch,loss,w,b,grad_w,grad_b` for the cliff.
pub fn csv_header(names: &[&str]) -> String {
    let mut header = String::from("epoch,loss");
    for name in names {
        header.push_str(&format!(",{name}"));
    }
    for name in names {
        header.push_str(&format!(",grad_{name}"));
    }
    header
}

/// Every number in its shortest round-trip form (full precision); a value
/// that overflowed is written as `inf` or `NaN`, as [`exact`] writes it.
pub fn run_csv(trainer: &Trainer) -> String {
    records_csv(&trainer.timeline(), trainer.config().model.names())
}

/// The CSV of `records`, in their order, its columns named by `names`.
pub fn records_csv(records: &[Record], names: &[&str]) -> String {
    let mut csv = String::with_capacity(64 * (records.len() + 1));
    csv.push_str(&csv_header(names));
    csv.push('\n');
    for r in records {
        let numbers = [
            r.loss,
            r.weights.w_x,
            r.weights.w_rec,
            r.grad.w_x,
            r.grad.w_rec,
        ];
        csv.push_str(&r.epoch.to_string());
        for number in numbers {
            csv.push(',');
            csv.push_str(&exact(number));
        }
        csv.push('\n');
    }
    csv
}
