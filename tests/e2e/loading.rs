//! Loading: the release build starts with its title and a clean console; and the harness that
//! every other test relies on does what it says.

use std::time::Duration;

use crate::harness::{Harness, Served};
use crate::page::{AppPage, assert_clean_console, lines};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_app_loads_with_its_title_a_clean_console_and_every_asset_served() {
    let page = AppPage::start().await;
    let started = page.open("").await;
    // Give late failures (a lazily loaded asset, a panic in the first frame) a moment to show.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let title = page.title().await;
    let errors = page.errors().await;
    let bad_responses: Vec<String> = page
        .served()
        .iter()
        .filter(|s| s.status != 200)
        .map(|s| s.to_string())
        .collect();
    page.screenshot("smoke").await;
    page.close().await;

    assert!(
        started.is_ok(),
        "app did not start: {started:?}\nerrors:\n{}",
        lines(&errors)
    );
    assert_eq!(title, "RNN Playground");
    assert_clean_console(&errors);
    assert!(
        bad_responses.is_empty(),
        "responses other than 200:\n{}",
        lines(&bad_responses)
    );
}

// The harness self-test serves its own throwaway page: it needs chromium but not dist/.

const SELF_TEST_PAGE: &str = r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>harness self-test</title>
<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 1 1'/%3E">
<link rel="stylesheet" href="style.css">
</head>
<body>
<p id="out">start</p>
<input id="rate" type="range" min="0" max="10" step="1" value="2">
<button id="go" onclick="document.getElementById('out').textContent = 'clicked'">go</button>
<img src="missing.png" alt="">
<script>
  document.getElementById('rate').addEventListener('change', e => {
    document.getElementById('out').textContent = 'rate=' + e.target.value;
  });
  console.error('deliberate console error');
  setTimeout(() => { document.title = 'ready'; }, 300);
</script>
</body>
</html>
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium; run by make test"]
async fn the_harness_serves_under_a_prefix_drives_the_page_and_records_errors_and_requests() {
    let dir = std::env::temp_dir().join(format!("rnn-e2e-self-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), SELF_TEST_PAGE).unwrap();
    std::fs::write(dir.join("style.css"), "body { background: #fff; }\n").unwrap();

    let h = Harness::start_in(&dir, "/a/b/").await;
    h.open("?x=1").await;
    let waited = h
        .wait_until(Duration::from_secs(5), || async {
            h.title().await == "ready"
        })
        .await;
    let viewport = h.viewport().await;
    let start_text = h.text("#out").await;
    h.set_value("#rate", "7").await;
    let after_set = h.text("#out").await;
    h.click("#go").await;
    let after_click = h.text("#out").await;
    let errors = h.browser_errors().await;
    let requests = h.network_requests().await;
    let served = h.served();
    let shot = h.screenshot("harness-self-test").await;
    h.close().await;
    let _ = std::fs::remove_dir_all(&dir);

    assert!(waited.is_ok(), "{waited:?}");
    assert_eq!(viewport, (1280, 720));
    assert_eq!(start_text, "start");
    assert_eq!(after_set, "rate=7");
    assert_eq!(after_click, "clicked");
    let has = |needle: &str| errors.iter().any(|e| e.message.contains(needle));
    assert!(
        has("deliberate console error"),
        "console.error missing:\n{}",
        lines(&errors)
    );
    assert!(
        has("missing.png") && has("404"),
        "failed load missing:\n{}",
        lines(&errors)
    );
    assert_eq!(errors.len(), 2, "unexpected errors:\n{}", lines(&errors));
    let ok = |suffix: &str| {
        served
            .iter()
            .any(|s| s.target.ends_with(suffix) && s.status == 200)
    };
    let missing = |s: &Served| s.target == "/a/b/missing.png" && s.status == 404;
    assert!(
        ok("/a/b/?x=1") && ok("/a/b/style.css") && served.iter().any(missing),
        "served:\n{}",
        lines(&served)
    );
    assert!(
        requests
            .iter()
            .any(|r| r.kind == "navigation" && r.status == 200),
        "{requests:?}"
    );
    assert!(
        requests.iter().any(|r| r.url.ends_with("/a/b/style.css")),
        "{requests:?}"
    );
    let png = std::fs::read(&shot).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "not a PNG: {}", shot.display());
    let _ = std::fs::remove_file(&shot);
}
