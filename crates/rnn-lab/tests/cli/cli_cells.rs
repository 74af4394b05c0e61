//! `rnn-lab --model/--task`: every cell's records and final state carry `params` and `grad`
//! by name in the cell's order, and the numbers are the core's.

use rnn_playground::rnn::{
    CellKind, DataConfig, Hyper, Named, OptimizerKind, OptimizerSettings, Trainer, TrainerConfig,
};
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::support::{error_line, f64_of, json_of, stdout_of};

/// A JSON object's keys in the order written (serde_json's own map sorts them).
struct Keys(Vec<String>);

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
        struct Visit;
        impl<'de> Visitor<'de> for Visit {
            type Value = Keys;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Vec::new();
                while let Some((key, _)) = map.next_entry::<String, IgnoredAny>()? {
                    keys.push(key);
                }
                Ok(Keys(keys))
            }
        }
        deserializer.deserialize_map(Visit)
    }
}

/// A report's objects named by a cell's parameters, with their keys in written order.
#[derive(Deserialize)]
struct TrainKeys {
    init: Keys,
    records: Vec<RecordKeys>,
    #[serde(rename = "final")]
    final_state: FinalKeys,
}

#[derive(Deserialize)]
struct RecordKeys {
    params: Keys,
    grad: Keys,
}

#[derive(Deserialize)]
struct FinalKeys {
    params: Keys,
}

#[derive(Deserialize)]
struct RaceKeys {
    init: Keys,
    racers: Vec<RacerKeys>,
}

#[derive(Deserialize)]
struct RacerKeys {
    records: Vec<RecordKeys>,
    #[serde(rename = "final")]
    final_state: FinalKeys,
}

#[test]
fn every_cell_writes_params_and_grad_by_name_in_its_order() {
    for model in CellKind::all() {
        let args = [
            "train",
            "--model",
            model.name(),
            "--len",
            "12",
            "--optimizer",
            "gd",
            "--lr",
            "0.01",
            "--epochs",
            "3",
            "--every",
            "1",
            "--format",
            "json",
        ];
        let report = json_of(&args);
        let order: TrainKeys = serde_json::from_str(&stdout_of(&args)).unwrap();
        let names = model.names();
        let records = report["records"].as_array().unwrap();
        assert_eq!(records.len(), 3, "{model:?}");
        let mut trainer = Trainer::new(TrainerConfig {
            model,
            data: DataConfig {
                len: 12,
                ..DataConfig::default()
            },
            ..TrainerConfig::seed(
                OptimizerSettings::defaults(OptimizerKind::Gd).with(Hyper::Lr, 0.01),
            )
        })
        .unwrap();
        for (record, order) in records.iter().zip(&order.records) {
            assert_eq!(order.params.0, names, "{model:?}");
            assert_eq!(order.grad.0, names, "{model:?}");
            let core = trainer.step().unwrap();
            let params = [core.weights.w_x, core.weights.w_rec];
            let grad = [core.grad.w_x, core.grad.w_rec];
            for (j, name) in names.iter().enumerate() {
                assert_eq!(
                    f64_of(&record["params"][name]),
                    params[j],
                    "{model:?} {name}"
                );
                assert_eq!(f64_of(&record["grad"][name]), grad[j], "{model:?} {name}");
            }
            assert_eq!(f64_of(&record["loss"]), core.loss);
            // The two cells whose parameters are w_x and w_rec keep their fields too.
            let w_fields = names == ["w_x", "w_rec"];
            assert_eq!(record.get("grad_w_rec").is_some(), w_fields, "{model:?}");
        }
        assert_eq!(order.final_state.params.0, names, "{model:?}");
        assert_eq!(order.init.0, names, "{model:?}");
    }
}

#[test]
fn the_latch_task_writes_its_half_targets_and_the_seeds_run_is_unchanged() {
    let latch = json_of(&[
        "train", "--model", "tanh", "--task", "latch", "--epochs", "0", "--format", "json",
    ]);
    assert_eq!(latch["model"], "tanh");
    assert_eq!(latch["task"], "latch");
    for target in latch["data"]["targets"].as_array().unwrap() {
        assert_eq!(f64_of(target).abs(), 0.5);
    }
    // The seed's run says nothing of cells or tasks, and its targets are whole numbers.
    let seed = json_of(&["train", "--epochs", "0", "--format", "json"]);
    assert!(seed.get("model").is_none() && seed.get("task").is_none());
    assert!(seed["data"]["targets"][0].is_u64());
}

#[test]
fn a_task_the_cell_cannot_take_is_a_one_line_error() {
    let line = error_line(&["train", "--model", "cliff", "--task", "latch"]);
    assert!(line.contains("--task"), "{line}");
    let line = error_line(&["train", "--model", "lstm9"]);
    assert!(
        line.contains("--model") && line.contains("linear, tanh, cliff"),
        "{line}"
    );
    let line = error_line(&["train", "--task", "copy"]);
    assert!(line.contains("count, latch"), "{line}");
}

#[test]
#[rustfmt::skip]
fn the_cliffs_race_names_its_parameters() {
    let args = [
        "race", "--model", "cliff", "--len", "50", "--racer", "gd:lr=2", "--racer",
        "gd:lr=2,clip=0.5", "--target", "1e-6", "--epochs", "60", "--format", "json",
    ];
    let report = json_of(&args);
    assert_eq!(report["model"], "cliff");
    let order: RaceKeys = serde_json::from_str(&stdout_of(&args)).unwrap();
    assert_eq!(order.init.0, ["w", "b"]);
    assert_eq!(order.racers.len(), 2);
    for racer in &order.racers {
        assert_eq!(racer.final_state.params.0, ["w", "b"]);
        assert!(racer.records.iter().all(|r| r.params.0 == ["w", "b"] && r.grad.0 == ["w", "b"]));
    }
}
