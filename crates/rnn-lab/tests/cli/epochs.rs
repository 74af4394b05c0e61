//! One epoch convention everywhere: epoch N is the state after N updates,
//! with the loss at those weights. The core's records, its status, the
//! captions, the CSV and the CLI's JSON all count the same way.

use std::process::Command;

use rnn_playground::export::{CSV_HEADER, run_csv};
use rnn_playground::params::{Lang, PresetId};
use rnn_playground::rnn::trainer::DivergenceReason;
use rnn_playground::rnn::{OptimizerKind, OptimizerSettings, Status, Trainer, TrainerConfig};
use rnn_playground::text::Text;

fn seed_gd() -> Trainer {
    Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::Gd,
    )))
    .unwrap()
}

/// The CSV's rows as (epoch, loss).
fn csv_rows(csv: &str) -> Vec<(u64, f64)> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some(CSV_HEADER));
    lines
        .map(|line| {
            let mut cells = line.split(',');
            let epoch = cells.next().unwrap().parse().unwrap();
            let loss = cells.next().unwrap().parse().unwrap();
            (epoch, loss)
        })
        .collect()
}

#[test]
fn epoch_n_is_the_state_after_n_updates() {
    let mut trainer = seed_gd();
    let start = trainer.weights();
    let first = trainer.step().unwrap();
    assert_eq!((first.epoch, first.weights), (0, start));
    trainer.run(9);
    assert_eq!(trainer.epoch(), 10);
    let now = trainer.current();
    assert_eq!((now.epoch, now.weights), (10, trainer.weights()));
    assert_eq!(now.loss, trainer.evaluate().0);
    let epochs: Vec<u64> = trainer.timeline().iter().map(|r| r.epoch).collect();
    assert_eq!(epochs, (0..=10).collect::<Vec<_>>());
}

#[test]
fn the_csv_starts_at_epoch_0_and_ends_at_the_current_state() {
    let mut trainer = seed_gd();
    trainer.run(250);
    let rows = csv_rows(&run_csv(&trainer));
    assert_eq!(rows.first().unwrap().0, 0);
    assert_eq!(rows.first().unwrap().1, seed_gd().evaluate().0);
    // The last row is what `#epoch` and `#loss` show.
    assert_eq!(*rows.last().unwrap(), (250, trainer.evaluate().0));
    assert_eq!(rows.len(), 251);
}

#[test]
fn the_exploding_caption_the_status_and_the_export_agree() {
    let mut trainer = Trainer::new(PresetId::Exploding.state().trainer_config()).unwrap();
    trainer.run(100);
    let Status::Diverged { epoch, reason } = trainer.status() else {
        panic!("{:?}", trainer.status());
    };
    assert_eq!(reason, DivergenceReason::LossNotFinite);
    // The screen shows the epoch whose loss overflowed.
    assert_eq!(trainer.epoch(), epoch);
    let caption = (Text::get(Lang::En).preset_caption)(PresetId::Exploding);
    assert!(
        caption.contains(&format!("overflows at epoch {epoch}.")),
        "{caption} vs epoch {epoch}"
    );
    let rows = csv_rows(&run_csv(&trainer));
    let last = *rows.last().unwrap();
    assert_eq!(last.0, epoch);
    assert!(last.1.is_infinite(), "{last:?}");
    assert_eq!(rows.first().unwrap().0, 0);
    // The CLI's JSON says the same.
    let output = Command::new(env!("CARGO_BIN_EXE_rnn-lab"))
        .args(["train", "--init=1,2", "--format", "json", "--every", "1"])
        .output()
        .unwrap();
    let run: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(run["diverged_at"], epoch);
    assert_eq!(run["final"]["epochs"], epoch);
    let records = run["records"].as_array().unwrap();
    assert_eq!(records[0]["epoch"], 0);
    assert_eq!(records.last().unwrap()["epoch"], epoch - 1);
}

#[test]
fn the_seed_table_keeps_its_numbering() {
    // The seed's `epoch[100]` is the loss before the 100th update: our epoch 99.
    let mut trainer = seed_gd();
    trainer.run(99);
    assert_eq!(format!("{:.4}", trainer.evaluate().0), "529.6915");
}
