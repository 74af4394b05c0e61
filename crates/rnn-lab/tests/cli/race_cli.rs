//! `rnn-lab race` as a process: each racer equals `rnn-lab train` with the
//! same settings, racers read the URL table's keys, divergence is a
//! did-not-finish, tuning picks from the grid, and bad racers are refused.

use crate::support::{CLIFF_RACE, error_line, f64_of, json_of, stdout_of, with_args};
use rnn_playground::rnn::TUNE_GRID;
use serde_json::Value;

/// `rnn-lab train` flags for a racer as the race's JSON describes its optimizer.
fn train_flags(optimizer: &Value) -> Vec<String> {
    let mut flags = vec![
        "--optimizer".to_string(),
        optimizer["name"].as_str().unwrap().to_string(),
    ];
    for (field, value) in optimizer.as_object().unwrap() {
        if field == "name" || value.is_null() {
            continue;
        }
        // Saved-file fields are the CLI flags with `-` for `_`.
        flags.push(format!("--{}={value}", field.replace('_', "-")));
    }
    flags
}

/// Every racer's records and final state equal a solo `train` run of as many
/// epochs, with the flags its JSON reports.
fn assert_racers_equal_train(race_args: &[&str], common: &[&str]) -> Value {
    let race = json_of(race_args);
    for racer in race["racers"].as_array().unwrap() {
        let epochs = racer["final"]["epochs"].as_u64().unwrap();
        let diverged_at = racer["diverged_at"].as_u64();
        // A racer that diverged at epoch e found it on its (e + 1)-th step: epoch e
        // is the state after e updates, and the step evaluates it before updating.
        let epochs = diverged_at.map_or(epochs, |e| e.max(epochs) + 1);
        let mut args: Vec<String> = ["train", "--format", "json", "--every", "7"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        args.extend(common.iter().map(|s| s.to_string()));
        args.extend(train_flags(&racer["optimizer"]));
        args.push(format!("--epochs={epochs}"));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let solo = json_of(&args);
        assert_eq!(racer["records"], solo["records"], "{args:?}");
        assert_eq!(racer["final"], solo["final"], "{args:?}");
        assert_eq!(racer["optimizer"], solo["optimizer"], "{args:?}");
        assert_eq!(racer["diverged_at"], solo["diverged_at"], "{args:?}");
    }
    race
}

#[test]
fn every_racer_equals_train_with_the_same_settings() {
    let race = assert_racers_equal_train(
        &[
            "race",
            "--racer",
            "gd",
            "--racer",
            "momentum:mu=0.8",
            "--racer",
            "rmsprop",
            "--racer",
            "rmsprop-seed",
            "--racer",
            "rprop:d0=0.01,etap=1.1",
            "--racer",
            "adam:lr=0.05,b1=0.8",
            "--format",
            "json",
            "--every",
            "7",
            "--loss",
            "mean",
            "--epochs",
            "900",
        ],
        &["--loss", "mean"],
    );
    let racers = race["racers"].as_array().unwrap();
    assert_eq!(racers.len(), 6);
    let names: Vec<&str> = racers
        .iter()
        .map(|r| r["optimizer"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"]
    );
    // The racer's keys are the URL table's: b1 is beta1, d0 is delta0.
    assert_eq!(f64_of(&racers[5]["optimizer"]["beta1"]), 0.8);
    assert_eq!(f64_of(&racers[4]["optimizer"]["delta0"]), 0.01);
    assert_eq!(f64_of(&racers[1]["optimizer"]["momentum"]), 0.8);
    // The default finish: 1% of the loss of predicting 0, here the mean of t² over the targets.
    let target = f64_of(&race["target"]);
    let targets: Vec<f64> = race["data"]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(f64_of)
        .collect();
    let baseline = targets.iter().map(|t| t * t).sum::<f64>() / targets.len() as f64;
    assert!(
        (target - 0.01 * baseline).abs() < 1e-15,
        "{target} vs {baseline}"
    );
    for racer in racers {
        match racer["status"].as_str().unwrap() {
            "finished" => {
                let finish = racer["finish"].as_u64().unwrap();
                assert_eq!(finish, racer["final"]["epochs"].as_u64().unwrap());
                assert!(f64_of(&racer["final"]["loss"]) < target);
            }
            "running" => assert!(racer["finish"].is_null()),
            other => panic!("no racer diverges here: {other}"),
        }
    }
}

#[test]
fn on_the_cliff_plain_gd_does_not_finish_and_clipped_gd_does() {
    let race = assert_racers_equal_train(
        &with_args(
            &CLIFF_RACE,
            &["--format", "json", "--every", "7", "--epochs", "3000"],
        ),
        &["--init", "1,2"],
    );
    let racers = race["racers"].as_array().unwrap();
    assert_eq!(racers[0]["status"], "diverged");
    assert!(racers[0]["finish"].is_null());
    assert_eq!(
        racers[0]["diverged_at"], 2,
        "the loss after 2 updates overflows"
    );
    assert!(racers[0]["reason"].as_str().unwrap().contains("overflowed"));
    assert_eq!(racers[1]["status"], "finished");
    assert_eq!(f64_of(&racers[1]["optimizer"]["clip"]), 1000.0);
    assert!(racers[0]["optimizer"]["clip"].is_null());
}

#[test]
fn the_page_clip_is_every_racers_default_and_a_racer_may_turn_it_off() {
    let race = json_of(&[
        "race",
        "--racer",
        "gd",
        "--racer",
        "gd:clip=off",
        "--racer",
        "gd:clip=5",
        "--clip",
        "1000",
        "--init",
        "1,2",
        "--epochs",
        "50",
        "--format",
        "json",
    ]);
    let clips: Vec<&Value> = race["racers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["optimizer"]["clip"])
        .collect();
    assert_eq!(
        clips,
        [&Value::from(1000.0), &Value::Null, &Value::from(5.0)]
    );
}

#[test]
fn tuning_picks_each_rate_from_the_grid_and_the_table_says_so() {
    let race = json_of(&[
        "race", "--racer", "gd", "--racer", "rprop", "--tune", "--epochs", "200", "--format",
        "json",
    ]);
    for (racer, field) in race["racers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(["lr", "delta0"])
    {
        let tuned = &racer["tuned"];
        assert_eq!(tuned["hyper"], field);
        let value = f64_of(&tuned["value"]);
        assert!(TUNE_GRID.contains(&value), "{value}");
        assert_eq!(f64_of(&racer["optimizer"][field]), value);
    }
    let table = stdout_of(&[
        "race", "--racer", "gd", "--racer", "rprop", "--tune", "--epochs", "200",
    ]);
    assert!(table.contains("tuned: lr = "), "{table}");
    assert!(table.contains("tuned: d0 = "), "{table}");
}

#[test]
fn the_table_has_one_line_per_racer_with_its_finish() {
    let table = stdout_of(&[
        "race", "--racer", "gd", "--racer", "adam", "--target", "100",
    ]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 5, "{table}");
    assert!(lines[1].contains("target = 100.0000"), "{table}");
    for (line, name) in lines[3..].iter().zip(["gd (lr=1e-5)", "adam (lr=0.01"]) {
        assert!(line.contains("finished") && line.contains(name), "{line}");
    }
}

#[test]
fn bad_racers_and_race_flags_give_one_line() {
    let cases: [(&[&str], &str); 7] = [
        (&["race"], "--racer"),
        (
            &["race", "--racer", "sgd"],
            "'sgd' is not one of gd, momentum",
        ),
        (
            &["race", "--racer", "adam:lr=5e9"],
            "lr=5e9 is outside the range 1e-12 to 1000000",
        ),
        (
            &["race", "--racer", "adam:mu=0.5"],
            "'mu=0.5' is not one of lr, eps, b1, b2, clip",
        ),
        (&["race", "--racer", "gd:lr=abc"], "lr=abc is not a number"),
        (
            &["race", "--racer", "gd", "--target", "0"],
            "--target must be > 0",
        ),
        (
            &[
                "race", "--racer", "gd", "--racer", "gd", "--racer", "gd", "--racer", "gd",
                "--racer", "gd", "--racer", "gd", "--racer", "gd",
            ],
            "--racer was given 7 times; a race takes at most 6 racers",
        ),
    ];
    for (args, expected) in cases {
        let line = error_line(args);
        assert!(line.contains(expected), "{args:?}: {line}");
    }
}
