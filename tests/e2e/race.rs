//! The race: a link restores it to an epoch with the CLI's weights; the results table after
//! the race, with a racer that did not finish; fair tuning; adding and removing racers; the race
//! presets; and "Check it in Python", downloaded and run.
//!
//! What the page must show comes from the crate (the URL parser, the race engine, the tuner) and
//! from `rnn-lab`, the same engine from the command line.

use std::process::Command;
use std::time::Duration;

use serde_json::Value;

use rnn_playground::format::exact;
use rnn_playground::params::{PresetId, parse};
use rnn_playground::rnn::{Named, Race, RacerStatus, Tuning};
use rnn_playground::text::EN;

use crate::page::{AppPage, assert_clean_console};

/// One row of `#race-results`, as its `data-` attributes give it.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    racer: String,
    finish: String,
    loss: String,
    status: String,
    wx: String,
    wrec: String,
    label: String,
}

async fn rows(page: &AppPage) -> Vec<Row> {
    let value = page
        .eval(
            r#"return [...document.querySelectorAll('#race-results tbody tr')].map(tr => ({
                   racer: tr.dataset.racer, finish: tr.dataset.finish, loss: tr.dataset.loss,
                   status: tr.dataset.status, wx: tr.dataset.wx, wrec: tr.dataset.wrec,
                   label: tr.querySelector('.racer-label').textContent }));"#,
            vec![],
        )
        .await;
    let text = |row: &Value, key: &str| row[key].as_str().unwrap_or_default().to_string();
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| Row {
                    racer: text(row, "racer"),
                    finish: text(row, "finish"),
                    loss: text(row, "loss"),
                    status: text(row, "status"),
                    wx: text(row, "wx"),
                    wrec: text(row, "wrec"),
                    label: text(row, "label"),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Waits until the race panel says the race is over (or at `epoch`, with `Some`).
async fn wait_race(page: &AppPage, epoch: Option<u64>, timeout: Duration) -> Result<(), String> {
    let condition = match epoch {
        Some(epoch) => format!(
            "document.querySelector('#race-panel')?.dataset.epoch === '{epoch}' && \
             document.querySelector('#seek-progress').hidden"
        ),
        None => "document.querySelector('#race-panel')?.dataset.over === 'true'".into(),
    };
    page.wait_for_js(&condition, timeout).await
}

/// Scrolls the results table into view, for a screenshot.
async fn show_results(page: &AppPage) {
    page.eval(
        "document.querySelector('#race-panel').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
}

/// The rows the core gives for `query`'s race after `ticks` ticks (all, when `None`).
fn core_rows(query: &str, ticks: Option<u64>) -> Vec<(String, String, String, String, String)> {
    let config = parse(query).state.race_config().expect("a race link");
    let mut race = Race::new(config).unwrap();
    match ticks {
        Some(n) => {
            race.run(n);
        }
        None => while race.step() {},
    }
    race.racers()
        .iter()
        .map(|r| {
            let status = match r.status() {
                RacerStatus::Finished { .. } => "finished",
                RacerStatus::Running => "running",
                RacerStatus::Diverged { .. } => "diverged",
            };
            (
                r.status()
                    .finish()
                    .map(|e| e.to_string())
                    .unwrap_or_default(),
                exact(r.loss()),
                status.to_string(),
                exact(r.weights().w_x),
                exact(r.weights().w_rec),
            )
        })
        .collect()
}

fn shown(rows: &[Row]) -> Vec<(String, String, String, String, String)> {
    rows.iter()
        .map(|r| {
            (
                r.finish.clone(),
                r.loss.clone(),
                r.status.clone(),
                r.wx.clone(),
                r.wrec.clone(),
            )
        })
        .collect()
}

/// `location.search` without percent-escapes (a browser may escape `;` and `:`).
async fn decoded_search(page: &AppPage) -> String {
    page.eval("return decodeURIComponent(location.search);", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// `rnn-lab race` of the link's racers, as JSON, with `extra` flags.
fn cli_race(extra: &[&str]) -> Value {
    let mut args = vec![
        "race",
        "--racer",
        "gd",
        "--racer",
        "gd:clip=1000",
        "--racer",
        "adam:lr=0.05,b1=0.8",
        "--init",
        "1,2",
        "--format",
        "json",
    ];
    args.extend(extra);
    serde_json::from_str(&rnn_lab(&args)).unwrap()
}

/// The `rnn-lab` binary of this build: the workspace's binaries sit one level above the test
/// binary (`target/<profile>/deps/e2e-…`). `make test` builds it (`cargo test --workspace`)
/// before the end-to-end tests.
fn rnn_lab_binary() -> std::path::PathBuf {
    let mut dir = std::env::current_exe().expect("the test binary's path");
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let binary = dir.join(format!("rnn-lab{}", std::env::consts::EXE_SUFFIX));
    assert!(
        binary.exists(),
        "{} is missing: build it with `cargo build -p rnn-lab`",
        binary.display()
    );
    binary
}

fn rnn_lab(args: &[&str]) -> String {
    let output = Command::new(rnn_lab_binary())
        .args(args)
        .output()
        .expect("rnn-lab runs");
    assert!(output.status.success(), "rnn-lab {args:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Epoch 30 of a race that ends at 49: plain gd is out at 3, Adam finished at 16.
const CLIFF_LINK: &str = "?race=gd;gd:clip=1000;adam:lr=0.05,b1=0.8&wx=1&wrec=2&at=30";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_race_link_restores_epoch_n_with_the_clis_weights() {
    let page = AppPage::opened(CLIFF_LINK).await;
    let reached = wait_race(&page, Some(30), Duration::from_secs(20)).await;
    let rows = rows(&page).await;
    page.screenshot("race-link").await;
    let errors = page.finish().await;

    reached.expect("the link trains the race to epoch 30");
    assert_eq!(shown(&rows), core_rows(CLIFF_LINK, Some(30)));
    let cli = cli_race(&["--epochs", "30"]);
    for (row, racer) in rows.iter().zip(cli["racers"].as_array().unwrap()) {
        let w = |text: &str| text.parse::<f64>().unwrap();
        let final_state = &racer["final"];
        assert_eq!(w(&row.wx), final_state["w_x"].as_f64().unwrap(), "{row:?}");
        assert_eq!(
            w(&row.wrec),
            final_state["w_rec"].as_f64().unwrap(),
            "{row:?}"
        );
        assert_eq!(row.status, racer["status"].as_str().unwrap());
    }
    assert_eq!(rows[0].status, "diverged");
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_results_table_after_the_race_shows_the_finish_and_a_racer_that_did_not() {
    let query = "?preset=race-cliff&speed=5";
    let page = AppPage::opened(query).await;
    page.play().await;
    let over = wait_race(&page, None, Duration::from_secs(30)).await;
    let rows = rows(&page).await;
    let dnf_text = page
        .text("#race-results tbody tr[data-racer='1'] .status")
        .await;
    // Adam, stepping about its lr, is still running at the stop (epoch 3000).
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.status_text().await.contains("3000")
        })
        .await;
    let status = page.status_text().await;
    page.screenshot("race-finished-dnf").await;
    page.open(&format!("{query}&lang=ja")).await.ok();
    page.play().await;
    let over_ja = wait_race(&page, None, Duration::from_secs(30)).await;
    show_results(&page).await;
    page.screenshot("race-ja").await;
    let errors = page.finish().await;

    over.expect("the race ends");
    over_ja.expect("the race ends in Japanese too");
    assert_eq!(shown(&rows), core_rows(query, None));
    let finishes: Vec<&str> = rows.iter().map(|r| r.finish.as_str()).collect();
    assert_eq!(finishes, ["", "96", ""]);
    assert_eq!(rows[2].status, "running");
    assert_eq!(rows[0].status, "diverged");
    assert!(
        dnf_text.contains("did not finish") && dnf_text.contains("epoch 2"),
        "{dnf_text}"
    );
    assert_eq!(
        status,
        (rnn_playground::text::EN.status_stopped)(3000),
        "the race ran to its stop"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn fair_tuning_runs_in_the_background_and_labels_each_racer() {
    let query = "?race=gd;rprop;adam&epochs=2000";
    let page = AppPage::opened(query).await;
    page.click("#race-tune").await;
    // The job is sliced over frames: its progress bar shows while it runs.
    let progress_seen = page
        .wait_js("document.querySelector('#race-tune-progress') !== null", 5)
        .await;
    let done = page
        .wait_js("document.querySelector('#race-tune') !== null", 60)
        .await;
    let tuned = rows(&page).await;
    // Cancelled, a job changes nothing (a long budget, so it is still running).
    page.open("?race=gd;rprop;adam&epochs=200000").await.ok();
    page.click("#race-tune").await;
    let _ = page
        .wait_js("document.querySelector('#race-tune-cancel') !== null", 5)
        .await;
    page.click("#race-tune-cancel").await;
    let cancelled = rows(&page).await;
    let errors = page.finish().await;

    progress_seen.expect("a progress bar while tuning");
    done.expect("tuning ends");
    let config = parse(query).state.race_config().unwrap();
    let mut tuning = Tuning::new(&config, 2000).unwrap();
    tuning.run_to_end();
    for (row, choice) in tuned.iter().zip(tuning.result().unwrap()) {
        let label = (EN.race_tuned)(choice.hyper.url_key(), &exact(choice.value));
        assert!(row.label.contains(&label), "{row:?} lacks {label}");
    }
    assert!(
        cancelled.iter().all(|r| r.label.contains(EN.race_as_set)),
        "{cancelled:?}"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn racers_are_added_from_the_current_settings_removed_and_the_race_left() {
    let page = AppPage::opened("").await;
    let panel_hidden_before = !page.visible("#race-panel").await;
    page.click("#race-add").await;
    page.set_value("#optimizer", "adam").await;
    page.click("#race-add").await;
    page.set_value("#optimizer", "rprop").await;
    page.click("#race-add").await;
    let three = rows(&page).await;
    // The address bar follows after a short delay.
    let linked = page
        .wait_js(
            "decodeURIComponent(location.search).includes('race=rmsprop-seed;adam;rprop')",
            5,
        )
        .await;
    let search_three = decoded_search(&page).await;
    page.click("#race-remove-2").await;
    let two = rows(&page).await;
    page.click("#race-exit").await;
    let panel_hidden_after = !page.visible("#race-panel").await;
    let unlinked = page
        .wait_js("!decodeURIComponent(location.search).includes('race=')", 5)
        .await;
    let search_after = decoded_search(&page).await;
    let errors = page.finish().await;

    assert!(panel_hidden_before && panel_hidden_after);
    let labels: Vec<&str> = three.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(three.len(), 3, "{labels:?}");
    // Named by the rule's display name, with only what differs from its defaults.
    assert!(
        labels[0].starts_with("RMSProp (2016 post's variant)"),
        "{labels:?}"
    );
    assert!(labels[1].starts_with("Adam"), "{labels:?}");
    assert!(labels[2].starts_with("Rprop"), "{labels:?}");
    assert!(labels.iter().all(|l| !l.contains("lr=")), "{labels:?}");
    linked.unwrap_or_else(|e| panic!("{e}: {search_three}"));
    let kept: Vec<&str> = two.iter().map(|r| r.label.as_str()).collect();
    assert!(
        kept[0].starts_with("RMSProp (2016") && kept[1].starts_with("Rprop"),
        "{kept:?}"
    );
    unlinked.unwrap_or_else(|e| panic!("{e}: {search_after}"));
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_race_presets_set_their_racers_and_finish_as_their_captions_say() {
    let page = AppPage::opened("?present=1&preset=race-seed&at=50").await;
    let midway = wait_race(&page, Some(50), Duration::from_secs(20)).await;
    page.screenshot("race-present").await;
    page.open("?preset=race-seed&at=50").await.ok();
    let _ = wait_race(&page, Some(50), Duration::from_secs(20)).await;
    page.readme_image("race-midway").await;
    page.set_viewport(375, 667).await;
    page.screenshot("race-phone").await;
    page.set_viewport(1280, 720).await;
    page.set_value("#preset", PresetId::RaceSeed.name()).await;
    let caption = page.text("#preset-caption").await;
    page.play().await;
    let over = wait_race(&page, None, Duration::from_secs(30)).await;
    let seed_rows = rows(&page).await;
    page.set_value("#preset", PresetId::RaceCliff.name()).await;
    let cliff_rows = rows(&page).await;
    let errors = page.finish().await;

    midway.expect("at=50 reaches epoch 50 of the race");
    over.expect("the race-seed race ends");
    assert_eq!(
        caption.split_whitespace().collect::<Vec<_>>(),
        (EN.preset_caption)(PresetId::RaceSeed)
            .split_whitespace()
            .collect::<Vec<_>>()
    );
    let finishes: Vec<&str> = seed_rows.iter().map(|r| r.finish.as_str()).collect();
    assert_eq!(finishes, ["589", "83", "100", "35", "72"]);
    assert_eq!(shown(&seed_rows), core_rows("?preset=race-seed", None));
    assert_eq!(cliff_rows.len(), 3);
    assert!(
        cliff_rows
            .iter()
            .all(|r| r.status == "running" && r.finish.is_empty())
    );
    assert_clean_console(&errors);
}

/// Runs a downloaded script with the numpy of `target/pyenv`.
fn run_python(script: &str) -> String {
    let python = std::env::var("RNN_PYTHON")
        .unwrap_or_else(|_| format!("{}/target/pyenv/bin/python", env!("CARGO_MANIFEST_DIR")));
    let path = std::env::temp_dir().join(format!("rnn-e2e-{}.py", std::process::id()));
    std::fs::write(&path, script).unwrap();
    let output = Command::new(&python)
        .arg(&path)
        .output()
        .unwrap_or_else(|e| panic!("{python} runs ({e}); run `.ci/setup python` first"));
    let _ = std::fs::remove_file(&path);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_python_export_downloads_a_script_that_prints_the_clis_table() {
    let page = AppPage::opened("?opt=adam&wx=2&wrec=0.5&loss=mean").await;
    let stepped = page.steps_and_wait(250, Duration::from_secs(10)).await;
    let single = page.download("#export-python").await;
    page.open(CLIFF_LINK).await.ok();
    let race = page.download("#export-python").await;
    let errors = page.finish().await;

    stepped.expect("250 steps");
    let script = single.expect("a download")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let printed = run_python(&script);
    let table: Vec<&str> = printed
        .lines()
        .filter(|l| !l.starts_with("exact:"))
        .collect();
    let cli = rnn_lab(&[
        "train",
        "--optimizer",
        "adam",
        "--init=2,0.5",
        "--loss",
        "mean",
        "--epochs",
        "250",
        "--every",
        "10",
    ]);
    assert_eq!(table, cli.lines().collect::<Vec<_>>());

    let script = race.expect("a download")["text"]
        .as_str()
        .unwrap()
        .to_string();
    let printed = run_python(&script);
    let exact_lines: Vec<&str> = printed
        .lines()
        .filter(|l| l.starts_with("exact:"))
        .collect();
    let cli = cli_race(&[]);
    for (line, racer) in exact_lines.iter().zip(cli["racers"].as_array().unwrap()) {
        let numbers: Vec<f64> = line
            .split(['=', ','])
            .filter_map(|p| p.trim().parse().ok())
            .collect();
        let f = &racer["final"];
        assert_eq!(
            numbers,
            [f["w_x"].as_f64().unwrap(), f["w_rec"].as_f64().unwrap()]
        );
    }
    assert_eq!(exact_lines.len(), 3);
    assert_clean_console(&errors);
}
