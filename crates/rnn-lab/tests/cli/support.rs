//! Running `rnn-lab` as a process, for the CLI tests (each test file uses some of it).
#![allow(dead_code)]

use std::process::{Command, Output};

use serde_json::Value;

pub fn rnn_lab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rnn-lab"))
        .args(args)
        .output()
        .expect("the rnn-lab binary runs")
}

pub fn stdout_of(args: &[&str]) -> String {
    let output = rnn_lab(args);
    assert!(
        output.status.success(),
        "rnn-lab {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8 output")
}

pub fn json_of(args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(args)).expect("one JSON object")
}

pub fn f64_of(value: &Value) -> f64 {
    value
        .as_f64()
        .unwrap_or_else(|| panic!("a number, got {value}"))
}

/// Runs a bad command and returns its one-line stderr after checking the exit.
pub fn error_line(args: &[&str]) -> String {
    let output = rnn_lab(args);
    assert!(!output.status.success(), "{args:?} should fail");
    let stderr = String::from_utf8(output.stderr).expect("utf-8 stderr");
    assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    assert!(
        !stderr.to_lowercase().contains("backtrace"),
        "{args:?}: {stderr}"
    );
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    assert!(output.stdout.is_empty(), "{args:?} printed output");
    stderr.trim_end().to_owned()
}

/// The race on the cliff: plain gd, clipped gd and Adam from (1, 2).
#[rustfmt::skip]
pub const CLIFF_RACE: [&str; 9] =
    ["race", "--racer", "gd", "--racer", "gd:clip=1000", "--racer", "adam", "--init", "1,2"];

/// `base` followed by `extra`.
pub fn with_args<'a>(base: &[&'a str], extra: &[&'a str]) -> Vec<&'a str> {
    [base, extra].concat()
}
