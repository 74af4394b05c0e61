//! The first paint: index.html's copy of the header shows before the app has downloaded, gives
//! way to the app's own header without moving anything on screen, and is never shown where the
//! app's header would differ (another language, the iframe mode, presentation mode).

use std::time::Duration;

use serde_json::json;

use crate::page::{AppPage, assert_clean_console};
use rnn_playground::text::EN;

/// Installed before the page's scripts: whether the copy was still in the document once the
/// parser finished (the inline script has run by then, and nothing of the app has), and every
/// layout shift not caused by input.
const WATCH: &str = r#"(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
            if (!e.hadRecentInput) {
                const moved = e.sources.map((s) => `${s.node?.id || s.node?.className || s.node?.nodeName} `
                    + `${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`);
                window.__shift = (window.__shift || 0) + e.value;
                window.__shifts.push(`${e.value.toFixed(5)} at ${Math.round(e.startTime)} ms: ${moved.join('; ')}`);
            }
        }
    }).observe({ type: 'layout-shift', buffered: true });
    document.addEventListener('DOMContentLoaded', () => {
        window.__copyShown = document.getElementById('first-paint') !== null;
    });
})();"#;

/// What a page showed of the copy and of its header once everything had mounted.
#[derive(Debug)]
struct FirstPaint {
    copy_shown: bool,
    copies_left: usize,
    headers: usize,
    explanation: String,
    /// The layout shift score (CLS), and what moved.
    shift: f64,
    shifts: Vec<String>,
}

/// The largest score allowed: what Lighthouse reports as a CLS of 0.00. Text that changes its
/// width after the first paint (the surface's "computing…" turning into its time) moves its own
/// words by a few pixels, which the browser counts; a part of the page pushed down by one that
/// mounts late scores about 0.2.
const STILL: f64 = 0.001;

async fn first_paint(width: u32, height: u32, query: &str) -> (FirstPaint, Result<(), String>) {
    let page = AppPage::start_sized(width, height).await;
    page.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": WATCH }),
    )
    .await
    .expect("install the watcher");
    let started = page.open(query).await;
    // The last parts mount a few tasks after the footer; give any late shift time to show.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let seen = FirstPaint {
        copy_shown: page.js("window.__copyShown === true").await == json!(true),
        copies_left: page.count("#first-paint").await,
        headers: page.count("header.masthead").await,
        explanation: page.text("#app-header p.model").await,
        shift: page.js_number("window.__shift || 0").await,
        shifts: page
            .js("window.__shifts")
            .await
            .as_array()
            .map(|shifts| {
                shifts
                    .iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let errors = page.finish().await;
    assert_clean_console(&errors);
    (seen, started)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_english_page_paints_its_header_first_and_nothing_moves_when_the_app_takes_over() {
    for (width, height) in [(1280, 720), (375, 667)] {
        let (seen, started) = first_paint(width, height, "").await;
        assert!(started.is_ok(), "{width}×{height}: {started:?}");
        assert!(
            seen.copy_shown,
            "{width}×{height}: no early header: {seen:?}"
        );
        assert_eq!(seen.copies_left, 0, "{width}×{height}: the copy stayed");
        assert_eq!(seen.headers, 1, "{width}×{height}: one header");
        assert_eq!(
            seen.explanation,
            format!("{} {} {}", EN.model_intro, EN.model_formula, EN.model_outro)
        );
        assert!(
            seen.shift < STILL,
            "{width}×{height}: the page moved as it started: {:?}",
            seen.shifts
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_page_whose_header_differs_waits_for_the_app_and_still_never_moves() {
    for query in ["?lang=ja", "?embed=1", "?present=1", "?lang=en&present=0"] {
        let (seen, started) = first_paint(1280, 720, query).await;
        assert!(started.is_ok(), "{query}: {started:?}");
        assert!(!seen.copy_shown, "{query}: the English copy was shown");
        assert_eq!(seen.copies_left, 0, "{query}");
        assert_eq!(seen.headers, 1, "{query}: one header");
        assert!(
            seen.shift < STILL,
            "{query}: the page moved as it started: {:?}",
            seen.shifts
        );
    }
}
