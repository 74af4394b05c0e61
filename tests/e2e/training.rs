//! Training: Play trains the seed's run to its plateau, a divergence is reported rather than
//! crashed, and the benchmark mode measures frame times.

use std::time::Duration;

use serde_json::Value;

use crate::harness::ARTIFACTS_DIR;
use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn play_trains_the_seed_run_down_to_its_plateau_and_pause_stops_it() {
    let page = AppPage::opened("").await;
    let first_epoch = page.text("#epoch").await;
    let first_loss = page.shown("loss").await;
    let status_before = page.status_text().await;
    page.play().await;
    let running_label = page.text("#play").await;
    let reached = page
        .wait_until(Duration::from_secs(60), || async {
            page.shown("loss").await.is_some_and(|l| l < 0.02)
        })
        .await;
    let epoch = page.shown("epoch").await;
    // Let it settle on the plateau, then pause and look.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    page.pause().await;
    let status_after = page.status_text().await;
    let (loss, w_x, w_rec) = (
        page.shown("loss").await,
        page.shown("w-x").await,
        page.shown("w-rec").await,
    );
    page.readme_image("screenshot").await;
    let errors = page.finish().await;

    assert_eq!(first_epoch.trim(), "0");
    assert!(
        (first_loss.unwrap() - 553.11).abs() < 0.01,
        "{first_loss:?}"
    );
    assert!(
        status_before.to_lowercase().contains("ready"),
        "{status_before}"
    );
    assert!(
        running_label.to_lowercase().contains("pause"),
        "play button label: {running_label}"
    );
    assert!(reached.is_ok(), "loss never fell below 0.02: {reached:?}");
    assert!(epoch.unwrap() > 100.0, "epoch {epoch:?}");
    assert!(
        status_after.to_lowercase().contains("paused"),
        "{status_after}"
    );
    assert!(loss.unwrap() < 0.0075, "plateau loss {loss:?}");
    assert!(
        (w_x.unwrap() - 1.0).abs() < 0.01 && (w_rec.unwrap() - 1.0).abs() < 0.01,
        "{w_x:?} {w_rec:?}"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_divergence_pauses_shows_what_to_try_and_no_nan_or_inf() {
    let page = AppPage::opened("").await;
    page.set_value("#optimizer", "gd").await;
    page.set_value("#lr", "0.01").await;
    page.set_value("#init-wx", "1").await;
    page.set_value("#init-wrec", "2").await;
    page.play().await;
    let diverged = page
        .wait_until(Duration::from_secs(20), || async {
            page.status_text().await.to_lowercase().contains("diverged")
        })
        .await;
    let status = page.status_text().await;
    let note_visible = page
        .eval(
            "const n = document.querySelector('#divergence-note'); \
             return !!n && n.offsetParent !== null;",
            vec![],
        )
        .await;
    let readouts = [
        page.text("#loss").await,
        page.text("#w-x").await,
        page.text("#w-rec").await,
        page.text("#grad-wx").await,
    ];
    let play_label = page.text("#play").await;
    page.screenshot("diverged").await;
    let errors = page.finish().await;

    assert!(diverged.is_ok(), "status never said diverged: {status}");
    assert!(
        status.chars().any(|c| c.is_ascii_digit()),
        "status names the epoch: {status}"
    );
    assert_eq!(
        note_visible,
        Value::Bool(true),
        "the what-to-try note is shown"
    );
    for text in &readouts {
        assert!(
            !text.contains("NaN") && !text.to_lowercase().contains("inf"),
            "readout shows {text}"
        );
    }
    assert!(
        play_label.to_lowercase().contains("play"),
        "training paused: {play_label}"
    );
    assert_clean_console(&errors);
}

/// Frame timings at full speed, from the app's benchmark mode, written to `tests/artifacts/bench.json`.
/// `RNN_BENCH_QUERY` adds settings to the link (e.g. `len=200&n=1000`), to measure other data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn benchmark_mode_reports_median_frame_times() {
    let page = AppPage::start().await;
    let extra = std::env::var("RNN_BENCH_QUERY").unwrap_or_default();
    let query = match extra.trim_start_matches(['?', '&']) {
        "" => "?bench=1".to_string(),
        extra => format!("?bench=1&{extra}"),
    };
    let started = page.open(&query).await;
    let done = page
        // The result element is hidden, and WebDriver's text is the visible text: read textContent.
        .wait_js(
            "(document.querySelector('#bench-result')?.textContent || '').trim() !== ''",
            60,
        )
        .await;
    let raw = page
        .js("document.querySelector('#bench-result').textContent")
        .await;
    page.close().await;

    assert!(started.is_ok() && done.is_ok(), "{started:?} {done:?}");
    let text = raw.as_str().unwrap_or_default().to_string();
    let result: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    std::fs::write(format!("{ARTIFACTS_DIR}/bench.json"), &text).unwrap();
    eprintln!("in-browser benchmark ({query}): {text}");
    assert!(result.to_string().contains("median"), "{result}");
}
