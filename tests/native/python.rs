//! "Check it in Python": the script `rnn-lab train --format python` prints,
//! run with python3 and numpy, prints the same table as `rnn-lab train` and
//! ends on the same weights, bit for bit, for every rule, both reductions,
//! with clipping, and through a divergence, for every cell and task; a race's
//! script gives each racer's solo table up to its finish.
//!
//! Needs numpy in the virtual environment that `.ci/setup python` makes under
//! `target/pyenv` (`make test` does it), so these tests are ignored by a plain
//! `cargo test`: `cargo test --test native -- --ignored python::`.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::support::{CLIFF_RACE, json_of, stdout_of, with_args};
use serde_json::Value;

fn python() -> String {
    std::env::var("RNN_PYTHON")
        .unwrap_or_else(|_| format!("{}/target/pyenv/bin/python", env!("CARGO_MANIFEST_DIR")))
}

/// Runs a script on python's stdin and returns what it printed.
fn run_python(script: &str) -> String {
    let mut child = Command::new(python())
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{} runs ({e}); run `.ci/setup python` first", python()));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "the script failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.stderr.is_empty(), "no warnings: {:?}", output.stderr);
    String::from_utf8(output.stdout).unwrap()
}

/// The script's `exact:` line as the two weights' shortest round-trip text.
fn exact_weights(line: &str) -> (f64, f64) {
    let numbers: Vec<f64> = line
        .split(['=', ','])
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    (numbers[0], numbers[1])
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// The final parameters, in the cell's order, from `params` (which every cell writes).
fn final_weights(json: &Value) -> (f64, f64) {
    let params = &json["final"]["params"];
    let [first, second] = if params.get("w").is_some() {
        ["w", "b"]
    } else {
        ["w_x", "w_rec"]
    };
    (
        params[first].as_f64().unwrap(),
        params[second].as_f64().unwrap(),
    )
}

/// The script needs numpy and nothing else outside Python's own library (the
/// cells that need the C library's tanh or exp import `math`).
fn assert_numpy_only(script: &str) {
    let imports: Vec<&str> = script
        .lines()
        .filter(|l| l.starts_with("import") || l.starts_with("from"))
        .collect();
    assert!(
        imports == ["import numpy as np"] || imports == ["import math", "import numpy as np"],
        "numpy only: {imports:?}"
    );
}

/// The script's table equals `rnn-lab train`'s line for line, and its exact
/// final weights equal the JSON's.
fn assert_script_matches_train(flags: &[&str]) {
    let with = |extra: &[&str]| -> Vec<String> {
        let mut args = vec!["train".to_string()];
        args.extend(flags.iter().chain(extra).map(|s| s.to_string()));
        args
    };
    let script = stdout_of(&strs(&with(&["--format", "python"])));
    assert_numpy_only(&script);
    let printed = run_python(&script);
    let (exact, table): (Vec<&str>, Vec<&str>) =
        printed.lines().partition(|l| l.starts_with("exact:"));
    let expected = stdout_of(&strs(&with(&[])));
    assert_eq!(table, expected.lines().collect::<Vec<_>>(), "{flags:?}");
    let json = json_of(&strs(&with(&["--format", "json"])));
    assert_eq!(exact_weights(exact[0]), final_weights(&json), "{flags:?}");
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn the_script_reproduces_every_rule_with_both_reductions_to_the_bit() {
    for optimizer in ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"] {
        for loss in ["sum", "mean"] {
            assert_script_matches_train(&["--optimizer", optimizer, "--loss", loss]);
            assert_script_matches_train(&[
                "--optimizer",
                optimizer,
                "--loss",
                loss,
                "--init=1,2",
                "--clip",
                "1000",
                "--epochs",
                "700",
                "--every",
                "50",
            ]);
        }
    }
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn the_script_reproduces_other_data_hyperparameters_and_a_divergence() {
    assert_script_matches_train(&["--init=1,2", "--epochs", "50", "--every", "1"]);
    // The second update overflows the loss: the run says so though it ends there.
    assert_script_matches_train(&["--init=1,2", "--epochs", "2", "--every", "1"]);
    assert_script_matches_train(&[
        "--optimizer",
        "adam",
        "--lr",
        "0.05",
        "--beta1",
        "0.8",
        "--seed",
        "7",
        "--samples",
        "13",
        "--len",
        "17",
        "--init=-1.5,0.5",
        "--epochs",
        "500",
        "--every",
        "25",
    ]);
    assert_script_matches_train(&[
        "--optimizer",
        "rprop",
        "--delta0",
        "0.01",
        "--loss",
        "mean",
        "--init=-1.5,2",
        "--epochs",
        "500",
        "--every",
        "50",
    ]);
}

/// A race's script gives each racer the table of its solo run (`rnn-lab train`
/// with `solo`, the racer's rule, learning rate and clip norm) up to its
/// finish, and its exact final weights. Returns the race's JSON.
fn assert_race_script_matches(race_args: &[&str], solo: &[&str]) -> Value {
    let script = stdout_of(&with_args(race_args, &["--format", "python"]));
    assert_numpy_only(&script);
    let printed = run_python(&script);
    let race = json_of(&with_args(race_args, &["--format", "json"]));
    let blocks: Vec<&str> = printed.split("Racer ").skip(1).collect();
    let racers = race["racers"].as_array().unwrap();
    assert_eq!(blocks.len(), racers.len());
    for (block, racer) in blocks.iter().zip(racers) {
        let lines: Vec<&str> = block.lines().skip(1).collect();
        let exact = lines.iter().find(|l| l.starts_with("exact:")).unwrap();
        assert_eq!(exact_weights(exact), final_weights(racer));
        if let Some(finish) = racer["finish"].as_u64() {
            let line = format!("Finished at epoch {finish}: loss ");
            assert!(lines.iter().any(|l| l.starts_with(&line)), "{block}");
        }
        // A racer whose loss overflowed at epoch N needs one more evaluation to say so.
        let epochs = racer["diverged_at"]
            .as_u64()
            .map_or(racer["final"]["epochs"].as_u64().unwrap(), |e| e + 1);
        let optimizer = &racer["optimizer"];
        let mut train: Vec<String> = std::iter::once("train")
            .chain(solo.iter().copied())
            .map(String::from)
            .collect();
        train.push(format!("--epochs={epochs}"));
        train.push(format!(
            "--optimizer={}",
            optimizer["name"].as_str().unwrap()
        ));
        if let Some(lr) = optimizer["lr"].as_f64() {
            train.push(format!("--lr={lr}"));
        }
        if let Some(clip) = optimizer["clip"].as_f64() {
            train.push(format!("--clip={clip}"));
        }
        let solo = stdout_of(&strs(&train));
        let table: Vec<&str> = lines
            .iter()
            .copied()
            .filter(|l| !l.starts_with("exact:") && !l.starts_with("Finished"))
            .collect();
        assert_eq!(table, solo.lines().collect::<Vec<_>>(), "{train:?}");
    }
    race
}

/// The racers' statuses, in order.
fn statuses(race: &Value) -> Vec<&str> {
    race["racers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect()
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn a_race_script_gives_each_racer_its_solo_table_up_to_its_finish() {
    let race_args = with_args(&CLIFF_RACE, &["--epochs", "3000", "--every", "10"]);
    assert_race_script_matches(&race_args, &["--init=1,2", "--every=10"]);
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn the_script_reproduces_the_tanh_cell_on_both_tasks() {
    for task in ["count", "latch"] {
        for optimizer in ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"] {
            for loss in ["sum", "mean"] {
                let cell = ["--model", "tanh", "--task", task];
                assert_script_matches_train(&with_args(
                    &cell,
                    &["--optimizer", optimizer, "--loss", loss, "--epochs", "500"],
                ));
            }
        }
        let cell = ["--model", "tanh", "--task", task];
        // Latching from w_rec = 1.5, where the state holds its sign.
        assert_script_matches_train(&with_args(
            &cell,
            &[
                "--optimizer=adam",
                "--lr=0.05",
                "--init=0.5,1.5",
                "--every=20",
            ],
        ));
        // Saturated: a large step on long rows, with and without clipping.
        for clip in ["--clip=1e6", "--clip=1"] {
            assert_script_matches_train(&with_args(
                &cell,
                &[
                    "--optimizer=gd",
                    "--lr=3",
                    clip,
                    "--init=1,3",
                    "--len=40",
                    "--samples=13",
                    "--seed=7",
                    "--epochs=300",
                    "--every=10",
                ],
            ));
        }
    }
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn the_script_reproduces_the_cliff_with_and_without_clipping() {
    // Pascanu et al.'s wall: plain gd is thrown off it and stays on the plateau beyond,
    // the clipped step crosses it and learns.
    let wall = ["--model=cliff", "--optimizer=gd", "--lr=1", "--len=30"];
    let plain = with_args(&wall, &["--epochs=200", "--every=10"]);
    let clipped = with_args(&plain, &["--clip=1"]);
    assert_script_matches_train(&plain);
    assert_script_matches_train(&clipped);
    let loss_after = |flags: &[&str]| {
        let json = json_of(&with_args(
            &["train"],
            &with_args(flags, &["--format=json"]),
        ));
        json["final"]["loss"].as_f64().unwrap()
    };
    assert!(loss_after(&plain) > 0.08, "plain gd stays off the wall");
    assert!(loss_after(&clipped) < 0.01, "clipped gd learns");
    for optimizer in ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"] {
        assert_script_matches_train(&["--model=cliff", "--optimizer", optimizer, "--loss=mean"]);
    }
    // exp(-x) overflows to inf at x = -1000: the script's sigmoid gives 0 there as C's does.
    assert_script_matches_train(&[
        "--model=cliff",
        "--optimizer=adam",
        "--init=1000,-1000",
        "--epochs=50",
        "--every=5",
    ]);
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn a_tanh_race_script_gives_each_racer_its_solo_table() {
    let latch = [
        "--model=tanh",
        "--task=latch",
        "--init=0.5,1.5",
        "--every=10",
    ];
    #[rustfmt::skip]
    let race_args = with_args(&with_args(&["race", "--epochs=1000"], &latch), &[
        "--racer", "gd:lr=0.3", "--racer", "gd:lr=3", "--racer", "gd:lr=3,clip=1",
        "--racer", "adam:lr=0.05", "--racer", "rprop", "--racer", "rmsprop-seed",
    ]);
    let race = assert_race_script_matches(&race_args, &latch);
    let statuses = statuses(&race);
    assert!(
        statuses.contains(&"finished") && statuses.contains(&"running"),
        "{statuses:?}"
    );
}

#[test]
#[ignore = "needs numpy: `.ci/setup python`, then --ignored"]
fn a_cliff_race_script_gives_each_racer_its_solo_table() {
    let cliff = ["--model=cliff", "--len=30", "--every=10"];
    #[rustfmt::skip]
    let race_args = with_args(&with_args(&["race", "--epochs=1000"], &cliff), &[
        "--racer", "gd:lr=1", "--racer", "gd:lr=1,clip=1", "--racer", "adam:lr=0.05",
    ]);
    let race = assert_race_script_matches(&race_args, &cliff);
    assert_eq!(statuses(&race), ["running", "finished", "finished"]);
}
