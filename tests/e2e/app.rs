//! Issue 3: the live app in the release build — training, the heat map, divergence, speed.

use std::time::Duration;

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::{Value, json};

use crate::harness::Harness;
use crate::{APP_START, lines};

/// A number as the page shows it ("553.11", "6.83e-3", "−1.5"); `None` for "—" or "overflow".
pub fn number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .replace('\u{2212}', "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The `value` of an input or select.
pub async fn value(h: &Harness, css: &str) -> String {
    let v = h
        .eval(
            "return document.querySelector(arguments[0]).value;",
            vec![json!(css)],
        )
        .await;
    v.as_str().unwrap_or_default().to_string()
}

/// Moves the real mouse to viewport point (x, y) and clicks there.
pub async fn click_at(h: &Harness, x: f64, y: f64) {
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    h.client()
        .perform_actions(mouse)
        .await
        .expect("mouse click");
}

/// Where the heat map's plot area is in the viewport, and the view it shows:
/// `(left, top, width, height, [x_min, x_max, y_min, y_max])`.
pub async fn surface_geometry(h: &Harness) -> (f64, f64, f64, f64, [f64; 4]) {
    let v: Value = h
        .eval(
            r#"const c = document.querySelector('#surface');
               const r = c.getBoundingClientRect();
               const p = (c.dataset.plotRect || '').split(',').map(Number);
               const v = (c.dataset.view || '').split(',').map(Number);
               return [r.left + p[0], r.top + p[1], p[2], p[3], v];"#,
            vec![],
        )
        .await;
    let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
    let view: Vec<f64> = v[4]
        .as_array()
        .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
        .unwrap_or_default();
    let view = [0, 1, 2, 3].map(|i| view.get(i).copied().unwrap_or(f64::NAN));
    (n(0), n(1), n(2), n(3), view)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn play_trains_the_seed_run_down_to_its_plateau() {
    let h = Harness::start("/").await;
    h.open("").await;
    let started = h.wait_for_app(APP_START).await;
    let first_epoch = h.text("#epoch").await;
    let first_loss = number(&h.text("#loss").await);
    let status_before = h.text("#status").await;
    h.click("#play").await;
    let running_label = h.text("#play").await;
    let reached = h
        .wait_until(Duration::from_secs(60), || async {
            number(&h.text("#loss").await).is_some_and(|l| l < 0.02)
        })
        .await;
    let epoch = number(&h.text("#epoch").await);
    // Let it settle on the plateau, then pause and look.
    tokio::time::sleep(Duration::from_millis(1500)).await;
    h.click("#play").await;
    let status_after = h.text("#status").await;
    let (loss, w_x, w_rec) = (
        number(&h.text("#loss").await),
        number(&h.text("#w-x").await),
        number(&h.text("#w-rec").await),
    );
    h.screenshot("screenshot").await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn clicking_the_heat_map_starts_there() {
    let h = Harness::start("/").await;
    h.open("").await;
    let started = h.wait_for_app(APP_START).await;
    h.click("#step").await;
    let (left, top, width, height, view) = surface_geometry(&h).await;
    let mut clicks = Vec::new();
    for (fx, fy) in [(0.25, 0.25), (0.8, 0.6)] {
        click_at(&h, left + fx * width, top + fy * height).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let expected = (
            view[0] + fx * (view[1] - view[0]),
            view[3] - fy * (view[3] - view[2]),
        );
        let shown = (
            number(&value(&h, "#init-wx").await),
            number(&value(&h, "#init-wrec").await),
        );
        let current = (
            number(&h.text("#w-x").await),
            number(&h.text("#w-rec").await),
        );
        clicks.push((expected, shown, current, h.text("#epoch").await));
    }
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
    assert!(
        width > 100.0 && height > 100.0 && view.iter().all(|v| v.is_finite()),
        "{width}x{height} {view:?}"
    );
    // Within one cell of a 256-cell grid (plus a pixel of rounding).
    let cell = |span: f64, px: f64| span / 256.0 + span / px;
    for (expected, shown, current, epoch) in clicks {
        let (wx, wrec) = (shown.0.unwrap(), shown.1.unwrap());
        assert!(
            (wx - expected.0).abs() <= cell(view[1] - view[0], width),
            "w_x {wx} vs {}",
            expected.0
        );
        assert!(
            (wrec - expected.1).abs() <= cell(view[3] - view[2], height),
            "w_rec {wrec} vs {}",
            expected.1
        );
        assert_eq!(epoch.trim(), "0", "a click resets training");
        assert!((current.0.unwrap() - wx).abs() < 1e-3 && (current.1.unwrap() - wrec).abs() < 1e-3);
    }
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn divergence_is_reported_not_crashed() {
    let h = Harness::start("/").await;
    h.open("").await;
    let started = h.wait_for_app(APP_START).await;
    h.set_value("#optimizer", "gd").await;
    h.set_value("#lr", "0.01").await;
    h.set_value("#init-wx", "1").await;
    h.set_value("#init-wrec", "2").await;
    h.click("#play").await;
    let diverged = h
        .wait_until(Duration::from_secs(20), || async {
            h.text("#status").await.to_lowercase().contains("diverged")
        })
        .await;
    let status = h.text("#status").await;
    let note_visible = h
        .eval("const n = document.querySelector('#divergence-note'); return !!n && n.offsetParent !== null;", vec![])
        .await;
    let readouts = [
        h.text("#loss").await,
        h.text("#w-x").await,
        h.text("#w-rec").await,
        h.text("#grad-wx").await,
    ];
    let play_label = h.text("#play").await;
    h.screenshot("diverged").await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

/// Frame timings at full speed, from the app's benchmark mode, written to `tests/artifacts/bench.json`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn benchmark_mode_reports_frame_times() {
    let h = Harness::start("/").await;
    h.open("?bench=1").await;
    let started = h.wait_for_app(APP_START).await;
    let done = h
        // The result element is hidden, and WebDriver's text is the visible text: read textContent.
        .wait_for_js(
            "(document.querySelector('#bench-result')?.textContent || '').trim() !== ''",
            Duration::from_secs(60),
        )
        .await;
    let raw = h
        .eval(
            "return document.querySelector('#bench-result').textContent;",
            vec![],
        )
        .await;
    h.close().await;

    assert!(started.is_ok() && done.is_ok(), "{started:?} {done:?}");
    let text = raw.as_str().unwrap_or_default().to_string();
    let result: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    std::fs::write(
        format!("{}/bench.json", crate::harness::ARTIFACTS_DIR),
        &text,
    )
    .unwrap();
    eprintln!("in-browser benchmark: {text}");
    assert!(result.to_string().contains("median"), "{result}");
}
