//! The `rnn-lab` binary tested as a process: the seed's tables, the JSON
//! schemas, and one-line errors that name the flag.

use crate::support::{error_line, f64_of, json_of, rnn_lab, stdout_of};
use rnn_playground::params::Lang;
use rnn_playground::rnn::trainer::DivergenceReason;
use rnn_playground::text::Text;
use serde_json::Value;
use strum::IntoEnumIterator;

/// `rnn-lab train --format json` with `args`, parsed.
fn train_json(args: &[&str]) -> Value {
    json_of(&[&["train", "--format", "json"], args].concat())
}

fn assert_close(actual: f64, expected: f64, relative: f64) {
    assert!(
        (actual - expected).abs() <= relative * expected.abs(),
        "{actual} is not within relative {relative} of {expected}"
    );
}

/// The gradient-descent loss table the seed's blog post prints, epochs 100..2000.
const SEED_GD_LOSSES: [&str; 20] = [
    "529.6915", "504.5684", "475.3019", "435.9507", "362.6525", "  0.2677", "  0.1585", "  0.1484",
    "  0.1389", "  0.1300", "  0.1216", "  0.1138", "  0.1064", "  0.0995", "  0.0930", "  0.0870",
    "  0.0813", "  0.0760", "  0.0710", "  0.0663",
];

#[test]
fn train_table_reproduces_the_seeds_gd_run() {
    let text = stdout_of(&["train"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 22, "{text}");
    assert_eq!(lines[0], "Initial weights: wx =   0.0900, wRec =   0.0113");
    let matching = SEED_GD_LOSSES
        .iter()
        .enumerate()
        .filter(|&(i, loss)| lines[i + 1] == format!("epoch[{:5}] : cost ={loss}", 100 * (i + 1)))
        .count();
    assert!(matching >= 18, "only {matching} of 20 lines match:\n{text}");
    assert_eq!(lines[1], "epoch[  100] : cost =529.6915");
    assert_eq!(lines[21], "Final weights : wx =   1.0597, wRec =   0.9863");
}

/// The loss printed on a table line `epoch[    e] : cost =    x`.
fn table_loss(line: &str) -> f64 {
    let (_, loss) = line.split_once("cost =").expect("a cost line");
    loss.trim().parse().expect("a loss")
}

#[test]
fn train_table_reproduces_the_seeds_rmsprop_run() {
    let text = stdout_of(&["train", "--optimizer", "rmsprop-seed", "--lr", "1e-3"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 22, "{text}");
    assert!(
        lines[1].starts_with("epoch[  100] : cost =  5.78"),
        "{}",
        lines[1]
    );
    assert_close(table_loss(lines[1]), 5.7880, 1e-3);
    // From epoch 500 the run sits on a 2-cycle between A (loss 0.006828) and
    // B (0.006722); every 100 epochs it is on the same point. Which point is on
    // the even epochs depends on the chaotic transient (README, Fidelity): the
    // seed printed A's 0.0068, f64 may print B's 0.0067.
    let plateau = &lines[5..21];
    assert!(
        plateau[0].ends_with("cost =  0.0068") || plateau[0].ends_with("cost =  0.0067"),
        "{}",
        plateau[0]
    );
    for line in plateau {
        assert_eq!(line[14..], plateau[0][14..], "{line}");
    }
    let (w_x, w_rec) = final_weights(lines[21]);
    let on_a = (w_x - 0.99946755).abs() < 1e-4 && (w_rec - 0.99929565).abs() < 1e-4;
    let on_b = (w_x - 1.00080276).abs() < 1e-4 && (w_rec - 1.00063086).abs() < 1e-4;
    assert!(on_a || on_b, "{}", lines[21]);
}

/// The keys of a JSON object, in order.
fn keys_of(object: &Value) -> Vec<&str> {
    let object = object.as_object().expect("a JSON object");
    object.keys().map(String::as_str).collect()
}

/// The weights on `Final weights : wx = …, wRec = …` (4 decimals).
fn final_weights(line: &str) -> (f64, f64) {
    let (_, rest) = line.split_once("wx =").expect("a final-weights line");
    let (w_x, w_rec) = rest.split_once(", wRec =").expect("both weights");
    (w_x.trim().parse().unwrap(), w_rec.trim().parse().unwrap())
}

#[test]
fn train_json_has_the_documented_schema() {
    let run = train_json(&[]);
    let keys = keys_of(&run);
    for key in [
        "data",
        "init",
        "optimizer",
        "records",
        "final",
        "status",
        "diverged_at",
        "reason",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    assert_eq!(run["data"]["seed"], 1);
    assert_eq!(run["data"]["samples"], 20);
    assert_eq!(run["data"]["len"], 10);
    let targets: Vec<u64> = run["data"]["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_u64().expect("whole-number targets"))
        .collect();
    assert_eq!(
        targets,
        [2, 4, 6, 6, 4, 4, 6, 5, 7, 5, 7, 6, 4, 7, 3, 6, 4, 5, 6, 6]
    );
    // Shortest round-trip: the drawn init is printed digit for digit as f64's
    // shortest representation, and reads back bit for bit.
    let text = stdout_of(&["train", "--format", "json", "--epochs", "0"]);
    assert!(
        text.contains(r#""init":{"w_x":0.09003522384941595,"w_rec":0.011330637639031277}"#),
        "{text}"
    );
    assert_eq!(f64_of(&run["init"]["w_x"]), 0.09003522384941595);
    assert_eq!(f64_of(&run["init"]["w_rec"]), 0.011330637639031277);
    assert_eq!(run["optimizer"]["name"], "gd");
    assert_eq!(f64_of(&run["optimizer"]["lr"]), 1e-5);
    assert!(run["optimizer"]["clip"].is_null());
    let records = run["records"].as_array().unwrap();
    // Epochs 0, 100, …, 2000: the loss after that many updates.
    assert_eq!(records.len(), 21);
    assert_eq!(records[0]["epoch"], 0);
    assert_eq!(records[20]["epoch"], 2000);
    for record in records {
        for key in ["loss", "w_x", "w_rec", "grad_w_x", "grad_w_rec"] {
            assert!(record[key].is_f64(), "{key} in {record}");
        }
    }
    assert_close(f64_of(&records[0]["loss"]), 553.1118268163583, 1e-12);
    // The seed's line epoch[1000] (the loss before its 1000th update) is our epoch 999;
    // epoch 1000 is one update further on.
    let thousand = f64_of(&records[10]["loss"]);
    assert!(thousand < 0.1300 && thousand > 0.1299, "{thousand}");
    assert_eq!(run["final"]["epochs"], 2001);
    assert_eq!(format!("{:.4}", f64_of(&run["final"]["w_x"])), "1.0597");
    assert_eq!(format!("{:.4}", f64_of(&run["final"]["w_rec"])), "0.9863");
    assert!(f64_of(&run["final"]["loss"]) < f64_of(&records[20]["loss"]));
    assert_eq!(run["status"], "ok");
    assert!(run["diverged_at"].is_null());
    assert!(run["reason"].is_null());
}

#[test]
fn train_json_records_are_the_loss_before_each_update() {
    let run = train_json(&["--epochs", "3", "--every", "1"]);
    let records = run["records"].as_array().unwrap();
    assert_eq!(records.len(), 3);
    // Epoch 0 is the init: the seed's data and init give this loss
    // (tests/published.rs).
    assert_eq!(records[0]["epoch"], 0);
    assert_eq!(records[0]["w_x"], run["init"]["w_x"]);
    assert_eq!(records[0]["w_rec"], run["init"]["w_rec"]);
    assert_close(f64_of(&records[0]["loss"]), 553.1118268163583, 1e-12);
    // Epoch 1 is at the weights after one gd update: w - lr·g.
    for (w, g) in [("w_x", "grad_w_x"), ("w_rec", "grad_w_rec")] {
        // serde_json's default parser may be 1 ulp off, hence the tolerance.
        let expected = f64_of(&records[0][w]) - 1e-5 * f64_of(&records[0][g]);
        assert_close(f64_of(&records[1][w]), expected, 1e-15);
    }
    assert_eq!(run["final"]["epochs"], 3);
}

#[test]
fn train_json_lists_only_the_rules_hyperparameters() {
    let run = train_json(&["--optimizer", "rprop", "--epochs", "1"]);
    let keys = keys_of(&run["optimizer"]);
    assert!(!keys.contains(&"lr"), "{keys:?}");
    for key in [
        "name",
        "eta_plus",
        "eta_minus",
        "delta0",
        "delta_max",
        "delta_min",
        "clip",
    ] {
        assert!(keys.contains(&key), "missing {key} in {keys:?}");
    }
    let adam = train_json(&[
        "--optimizer",
        "adam",
        "--beta1",
        "0.8",
        "--clip",
        "10",
        "--epochs",
        "1",
    ]);
    assert_eq!(f64_of(&adam["optimizer"]["beta1"]), 0.8);
    assert_eq!(f64_of(&adam["optimizer"]["beta2"]), 0.999);
    assert_eq!(f64_of(&adam["optimizer"]["clip"]), 10.0);
    assert!(adam["optimizer"].get("momentum").is_none());
}

#[test]
fn train_reproduces_roelants_rprop_run() {
    let run = json_of(&[
        "train",
        "--init=-1.5,2",
        "--optimizer",
        "rprop",
        "--loss",
        "mean",
        "--epochs",
        "500",
        "--format",
        "json",
    ]);
    assert_eq!(f64_of(&run["init"]["w_x"]), -1.5);
    assert_eq!(f64_of(&run["init"]["w_rec"]), 2.0);
    assert_close(f64_of(&run["final"]["w_x"]), 1.001355547207059, 1e-12);
    assert_close(f64_of(&run["final"]["w_rec"]), 0.9996744737846419, 1e-12);
    assert_eq!(run["records"].as_array().unwrap().len(), 5);
}

#[test]
fn negative_values_work_with_and_without_equals() {
    let joined = stdout_of(&["train", "--init=-1.5,2", "--epochs", "200"]);
    let separate = stdout_of(&["train", "--init", "-1.5,2", "--epochs", "200"]);
    assert_eq!(joined, separate);
    assert!(joined.starts_with("Initial weights: wx =  -1.5000, wRec =   2.0000"));
}

#[test]
fn divergence_is_a_result_not_a_crash() {
    let output = rnn_lab(&["train", "--lr", "1", "--init=1,2", "--format", "json"]);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let run: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    assert_eq!(run["status"], "diverged");
    let epoch = run["diverged_at"].as_u64().expect("an epoch");
    assert!((1..=2001).contains(&epoch), "{epoch}");
    let reason = run["reason"].as_str().expect("a reason");
    let worded = Text::get(Lang::En).divergence_reason;
    assert!(
        DivergenceReason::iter().any(|r| worded(r) == reason),
        "{reason}"
    );
    // Training stopped there: the final state is that epoch, or the one
    // before it when the update into it threw the weights past f64.
    let last = run["final"]["epochs"].as_u64().unwrap();
    assert!(last == epoch || last + 1 == epoch, "{last} vs {epoch}");

    let table = stdout_of(&["train", "--lr", "1", "--init=1,2"]);
    let diverged_line = format!("Diverged at epoch {epoch}: {reason}");
    assert!(table.contains(&diverged_line), "{table}");
    assert!(
        table
            .lines()
            .last()
            .unwrap()
            .starts_with("Final weights : ")
    );
}

#[test]
fn tolerance_stops_training_early() {
    let run = train_json(&["--tolerance", "1", "--every", "1"]);
    let records = run["records"].as_array().unwrap();
    let last = records.last().unwrap();
    assert!(f64_of(&last["loss"]) <= 1.0);
    assert!(f64_of(&records[records.len() - 2]["loss"]) > 1.0);
    assert_eq!(run["final"]["epochs"], last["epoch"]);
    assert_eq!(run["status"], "ok");
}

#[test]
fn surface_json_has_rows_of_w_rec_and_columns_of_w_x() {
    let grid = json_of(&["surface", "--wx=-3:3:7", "--wrec=-1:1:5"]);
    let keys = keys_of(&grid);
    assert_eq!(keys.len(), 3, "{keys:?}");
    assert_eq!(grid["w_x"].as_array().unwrap().len(), 7);
    assert_eq!(grid["w_rec"].as_array().unwrap().len(), 5);
    assert_eq!(f64_of(&grid["w_rec"][0]), -1.0);
    let loss = grid["loss"].as_array().unwrap();
    assert_eq!(loss.len(), 5);
    let zero_column = grid["w_x"]
        .as_array()
        .unwrap()
        .iter()
        .position(|w| f64_of(w) == 0.0)
        .expect("w_x = 0 is on the axis");
    for row in loss {
        assert_eq!(row.as_array().unwrap().len(), 7);
        // y = w_x·P(w_rec) = 0, so L = Σ t² = 567 on the seed data.
        assert_close(f64_of(&row[zero_column]), 567.0, 1e-12);
    }
}

#[test]
fn surface_grad_matches_the_check_values() {
    let grid = json_of(&[
        "surface",
        "--wx=1.2:1.2:1",
        "--wrec=1.2:1.2:1",
        "--grad",
        "--format",
        "json",
    ]);
    assert_close(f64_of(&grid["loss"][0][0]), 2204.5607453234156, 1e-10);
    assert_close(f64_of(&grid["grad_w_x"][0][0]), 5491.9085826643595, 1e-10);
    assert_close(f64_of(&grid["grad_w_rec"][0][0]), 31864.856889583847, 1e-10);
    let plain = json_of(&["surface", "--wx=1.2:1.2:1", "--wrec=1.2:1.2:1"]);
    assert!(plain.get("grad_w_x").is_none() && plain.get("grad_w_rec").is_none());
}

#[test]
fn surface_overflow_is_null() {
    let grid = json_of(&[
        "surface",
        "--wrec=-50:50:11",
        "--wx=-3:3:5",
        "--len",
        "200",
        "--grad",
    ]);
    for key in ["loss", "grad_w_x", "grad_w_rec"] {
        let cells: Vec<&Value> = grid[key]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|row| row.as_array().unwrap())
            .collect();
        assert_eq!(cells.len(), 55);
        assert!(cells.iter().any(|c| c.is_null()), "{key}: no overflow");
        assert!(cells.iter().all(|c| c.is_null() || c.is_f64()), "{key}");
    }
    // The middle row is w_rec = 0: finite everywhere.
    assert!(
        grid["loss"][5]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_f64)
    );
}

#[test]
fn bad_values_give_one_line_naming_the_flag() {
    let cases: &[(&[&str], &str)] = &[
        (&["train", "--lr", "-1"], "--lr"),
        (&["train", "--lr", "abc"], "--lr"),
        (&["train", "--lr", "nan"], "--lr"),
        (&["train", "--lr", "inf"], "--lr"),
        (&["train", "--len", "0"], "--len"),
        (&["train", "--len", "201"], "--len"),
        (&["train", "--samples", "0"], "--samples"),
        (&["train", "--seed", "-1"], "--seed"),
        (&["train", "--init", "abc"], "--init"),
        (&["train", "--init", "1"], "--init"),
        (&["train", "--init", "nan,1"], "--init"),
        (&["train", "--epochs", "-3"], "--epochs"),
        (&["train", "--epochs", "2.5"], "--epochs"),
        (&["train", "--epochs", "1e10"], "--epochs"),
        (&["train", "--every", "0"], "--every"),
        (
            &[
                "train",
                "--samples",
                "1000",
                "--len",
                "200",
                "--epochs",
                "2000000",
            ],
            "--epochs",
        ),
        (&["train", "--optimizer", "foo"], "--optimizer"),
        (&["train", "--loss", "foo"], "--loss"),
        (&["train", "--clip", "0"], "--clip"),
        (
            &["train", "--momentum", "2", "--optimizer", "momentum"],
            "--momentum",
        ),
        (&["train", "--format", "xml"], "--format"),
        (&["train", "--tolerance", "-1"], "--tolerance"),
        (&["train", "--lr"], "--lr"),
        (&["train", "--bogus"], "--bogus"),
        (&["surface", "--wx", "3:1:5"], "--wx"),
        (&["surface", "--wx", "1:2"], "--wx"),
        (&["surface", "--wx=-3:3:0"], "--wx"),
        (&["surface", "--wrec=0:1:5000"], "--wrec"),
        (&["surface", "--wrec=0:inf:5"], "--wrec"),
        (&["surface", "--format", "table"], "--format"),
    ];
    for (args, flag) in cases {
        let line = error_line(args);
        assert!(line.starts_with("error: "), "{args:?}: {line}");
        assert!(line.contains(flag), "{args:?}: {line}");
    }
    assert_eq!(
        error_line(&["train", "--len", "0"]),
        "error: --len must be between 1 and 200, got 0"
    );
}

#[test]
fn flags_the_optimizer_does_not_use_are_refused() {
    let rprop = error_line(&["train", "--optimizer", "rprop", "--lr", "0.1"]);
    assert!(rprop.contains("--lr"), "{rprop}");
    assert!(
        rprop.contains("rprop has no learning rate; its initial step is --delta0"),
        "{rprop}"
    );
    let gd = error_line(&["train", "--beta1", "0.9"]);
    assert!(
        gd.starts_with("error: --beta1") && gd.contains("adam"),
        "{gd}"
    );
    let momentum = error_line(&["train", "--optimizer", "adam", "--momentum", "0.5"]);
    assert!(momentum.contains("momentum, rmsprop-seed"), "{momentum}");
}

/// With length 1, dL/dw_rec is exactly 0: Rprop keeps that step (Riedmiller
/// & Braun 1993) instead of growing it to infinity and reporting a divergence.
#[test]
fn rprop_step_bounds_are_flags_and_a_zero_gradient_is_no_divergence() {
    let run = train_json(&["--optimizer", "rprop", "--len", "1", "--epochs", "5000"]);
    assert_eq!(run["status"], "ok", "{}", run["status"]);
    assert!(run["diverged_at"].is_null());
    let bounded = train_json(&[
        "--optimizer",
        "rprop",
        "--delta-max",
        "0.01",
        "--delta-min",
        "1e-9",
        "--epochs",
        "1",
    ]);
    assert_eq!(f64_of(&bounded["optimizer"]["delta_max"]), 0.01);
    assert_eq!(f64_of(&bounded["optimizer"]["delta_min"]), 1e-9);
    let gd = error_line(&["train", "--delta-max", "10"]);
    assert!(
        gd.starts_with("error: --delta-max") && gd.contains("rprop"),
        "{gd}"
    );
}

/// The output streams: a reader that stops after the first bytes (`| head`)
/// ends a run of 10⁹ epochs at once, with exit status 0.
#[test]
fn a_closed_pipe_ends_a_long_run_at_once_without_error() {
    use std::io::Read;
    use std::process::Stdio;
    for format in ["json", "table"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rnn-lab"))
            .args([
                "train",
                "--format",
                format,
                "--epochs",
                "1000000000",
                "--every",
                "1",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rnn-lab starts");
        let started = std::time::Instant::now();
        let mut first = [0u8; 4096];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .expect("the first records arrive while the run goes on");
        drop(child.stdout.take());
        let status = child.wait().unwrap();
        assert!(status.success(), "{format}: {status:?}");
        assert!(
            started.elapsed().as_secs() < 20,
            "{format}: took {:?}",
            started.elapsed()
        );
        let text = String::from_utf8_lossy(&first);
        let expected = if format == "json" {
            "{\"data\":{"
        } else {
            "Initial weights"
        };
        assert!(text.starts_with(expected), "{text}");
    }
}

#[test]
fn help_exits_zero_and_lists_the_flags() {
    let help = stdout_of(&["train", "--help"]);
    for flag in [
        "--seed",
        "--samples",
        "--len",
        "--loss",
        "--optimizer",
        "--lr",
        "--momentum",
        "--rho",
        "--eps",
        "--beta1",
        "--beta2",
        "--eta-plus",
        "--eta-minus",
        "--delta0",
        "--delta-max",
        "--delta-min",
        "--rescale",
        "--clip",
        "--init",
        "--epochs",
        "--every",
        "--format",
    ] {
        assert!(help.contains(flag), "{flag} missing from help");
    }
}

#[test]
fn the_table_names_the_cliffs_parameters_w_and_b_and_the_others_wx_and_wrec() {
    let cliff = stdout_of(&["train", "--model", "cliff", "--epochs", "0"]);
    assert_eq!(
        cliff.lines().collect::<Vec<_>>(),
        [
            "Initial weights: w =   5.0000, b =  -2.2000",
            "Final weights : w =   5.0000, b =  -2.2000"
        ]
    );
    let tanh = stdout_of(&[
        "train", "--model", "tanh", "--task", "latch", "--epochs", "0",
    ]);
    assert!(
        tanh.starts_with("Initial weights: wx =   0.0900, wRec =   0.0113"),
        "{tanh}"
    );
    let race = stdout_of(&["race", "--model", "cliff", "--racer", "gd", "--epochs", "1"]);
    assert!(
        race.starts_with("Initial weights: w =   5.0000, b =  -2.2000"),
        "{race}"
    );
    assert!(
        race.contains("  loss          w          b  settings"),
        "{race}"
    );
}

#[test]
fn the_python_format_refuses_what_a_run_refuses() {
    for args in [
        &["train", "--model", "cliff", "--task", "latch"][..],
        &[
            "race", "--model", "cliff", "--task", "latch", "--racer", "gd",
        ],
    ] {
        let refused = error_line(args);
        assert_eq!(
            error_line(&[args, &["--format", "python"]].concat()),
            refused
        );
        assert_eq!(refused, "error: --task: this model cannot learn that task");
    }
}
