//! Export and import: the run's history as CSV, its state as JSON, both plots as PNG, and the
//! JSON imported back into a page with other settings.

use std::time::Duration;

use fantoccini::Locator;
use serde_json::{Value, json};

use rnn_playground::params::{SAVED_FORMAT, SavedState, parse};
use rnn_playground::text::EN;

use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn exports_csv_json_and_pngs_and_the_json_imports_back_to_the_same_run() {
    let page = AppPage::opened("").await;
    let stepped = page.steps_and_wait(10, Duration::from_secs(5)).await;
    let weights_at_10 = page.weights_text().await;
    let csv = page.download("#export-csv").await;
    let json_file = page.download("#export-json").await;
    let surface_png = page.download("#surface-png").await;
    let loss_png = page.download("#loss-png").await;

    // Import into a page with other settings and no training.
    let import_started = page.open("?seed=5&opt=adam").await;
    let mut imported = None;
    let json_text = json_file
        .as_ref()
        .ok()
        .and_then(|d| d["text"].as_str())
        .unwrap_or_default()
        .to_string();
    let path = std::env::temp_dir().join(format!("rnn-e2e-import-{}.json", std::process::id()));
    if !json_text.is_empty() && page.exists("#import-json").await {
        std::fs::write(&path, &json_text).expect("write the JSON to import");
        let input = page
            .client()
            .find(Locator::Css("#import-json"))
            .await
            .expect("#import-json");
        let sent = input
            .send_keys(&path.to_string_lossy())
            .await
            .map_err(|e| e.to_string());
        let restored = page.wait_epoch(10, Duration::from_secs(5)).await;
        imported = Some((
            sent,
            restored,
            page.value("#seed").await,
            page.value("#optimizer").await,
            page.weights_text().await,
        ));
    }
    let _ = std::fs::remove_file(&path);
    let errors = page.finish().await;

    assert!(stepped.is_ok(), "{stepped:?}");

    let csv = csv.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        csv["name"].as_str().unwrap_or_default().ends_with(".csv"),
        "{csv}"
    );
    let text = csv["text"].as_str().unwrap_or_default();
    let mut rows = text.lines();
    assert_eq!(
        rows.next().map(str::trim),
        Some("epoch,loss,w_x,w_rec,grad_w_x,grad_w_rec")
    );
    let rows: Vec<Vec<f64>> = rows
        .filter(|r| !r.trim().is_empty())
        .map(|r| {
            r.split(',')
                .map(|c| c.trim().parse::<f64>().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    assert!(rows.len() >= 10, "{} rows:\n{text}", rows.len());
    for (i, row) in rows.iter().enumerate() {
        assert!(
            row.len() == 6 && row.iter().all(|v| v.is_finite()),
            "row {i}: {row:?}"
        );
    }
    let epochs: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    // One convention: epoch 0 is the start, the last row the state `#epoch` shows.
    assert_eq!(epochs[0], 0.0, "the first row is epoch 0: {epochs:?}");
    assert_eq!(
        epochs.iter().map(|&e| e as u64).collect::<Vec<_>>(),
        (0..=10).collect::<Vec<_>>(),
        "epochs 0..=10, one row each"
    );
    assert!(epochs.windows(2).all(|w| w[0] < w[1]), "{epochs:?}");

    let json_file = json_file.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        json_file["name"]
            .as_str()
            .unwrap_or_default()
            .ends_with(".json"),
        "{json_file}"
    );
    let state: Value =
        serde_json::from_str(&json_text).unwrap_or_else(|e| panic!("{e}: {json_text}"));
    assert_eq!(state["epoch"].as_u64(), Some(10), "{state}");
    // The default run's settings are the default link's: none.
    assert_eq!(
        state["settings"],
        json!({}),
        "the JSON holds the settings: {state}"
    );
    assert_eq!(state["format"], json!(SAVED_FORMAT), "{state}");

    for (css, png) in [("#surface-png", surface_png), ("#loss-png", loss_png)] {
        let png = png.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(png["type"], json!("image/png"), "{css}");
        assert!(
            png["size"].as_u64().unwrap_or(0) > 2000,
            "{css}: {} bytes",
            png["size"]
        );
        assert_eq!(
            png["head"],
            json!([0x89, b'P', b'N', b'G', 13, 10, 26, 10]),
            "{css}"
        );
    }

    assert!(import_started.is_ok(), "{import_started:?}");
    let (sent, restored, seed, optimizer, weights) =
        imported.expect("#import-json is missing (or the export was empty)");
    assert!(sent.is_ok(), "{sent:?}");
    assert!(
        restored.is_ok(),
        "the import restores epoch 10: {restored:?}"
    );
    assert_eq!(
        (seed.as_str(), optimizer.as_str()),
        ("1", "rmsprop-seed"),
        "the import restores the settings"
    );
    assert_eq!(weights, weights_at_10, "the import restores the weights");
    assert_clean_console(&errors);
}

/// Loads `json` through `#import-json` and returns `#import-msg` once it says
/// something new (successive imports in one test must differ in outcome).
async fn import(page: &AppPage, json: &str, name: &str) -> Result<String, String> {
    let before = page.text("#import-msg").await;
    let path = std::env::temp_dir().join(format!("rnn-e2e-{name}-{}.json", std::process::id()));
    std::fs::write(&path, json).map_err(|e| e.to_string())?;
    let input = page
        .client()
        .find(Locator::Css("#import-json"))
        .await
        .map_err(|e| e.to_string())?;
    let sent = input.send_keys(&path.to_string_lossy()).await;
    let _ = std::fs::remove_file(&path);
    sent.map_err(|e| e.to_string())?;
    let said = serde_json::to_string(&before).map_err(|e| e.to_string())?;
    page.wait_for_js(
        &format!(
            "(t => t !== '' && t !== {said})(document.querySelector('#import-msg').textContent.trim())"
        ),
        Duration::from_secs(5),
    )
    .await?;
    Ok(page.text("#import-msg").await)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_saved_file_is_bounded_like_a_link_and_other_formats_are_refused() {
    let page = AppPage::opened("?lang=en").await;
    // The tanh cell's seek lasts tens of seconds, long enough to be stopped after the import.
    let heavy = SavedState::new(parse("model=tanh&len=200&n=1000").state, 10_000_000).to_json();
    let loaded = import(&page, &heavy, "heavy").await;
    let notice = page.text("#url-notice").await;
    // The seek starts with the next frame after the file is read.
    let seeking = page
        .wait_until(Duration::from_secs(5), || async {
            page.visible("#seek-progress").await
        })
        .await
        .is_ok();
    if seeking {
        page.click("#seek-cancel").await;
    }
    let newer = r#"{ "format": 99, "settings": {}, "epoch": 0 }"#;
    let refused = import(&page, newer, "newer").await;
    let older = r#"{ "format": 1, "state": { "data": { "len": 40 } }, "epoch": 3 }"#;
    let refused_older = import(&page, older, "older").await;
    let errors = page.finish().await;

    let loaded = loaded.unwrap_or_else(|e| panic!("{e}"));
    assert!(loaded.starts_with(&(EN.import_loaded)(10_000)), "{loaded}");
    assert!(
        notice.contains("at=10000000") && notice.contains("using 10000"),
        "{notice}"
    );
    // The corrections were in the file, not in a link.
    assert!(notice.contains(EN.file_notice_title), "{notice}");
    assert!(!notice.contains(EN.url_notice_title), "{notice}");
    assert!(seeking, "the loaded epoch is trained to");
    assert_eq!(
        refused.unwrap_or_else(|e| panic!("{e}")),
        (EN.import_newer_format)(99)
    );
    assert_eq!(
        refused_older.unwrap_or_else(|e| panic!("{e}")),
        (EN.import_older_format)(1)
    );
    assert_clean_console(&errors);
}
