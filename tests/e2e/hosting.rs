//! Hosting: `dist/` is plain static files with relative asset URLs, so it works when hosted under
//! any sub-path, and the page never reaches outside its own origin (no CDN, fonts or analytics).

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console, lines};

const PREFIX: &str = "/some/sub/path/";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn under_a_sub_path_the_app_loads_cleanly_and_requests_nothing_off_origin() {
    let page = AppPage::start_under(PREFIX).await;
    let started = page.open("").await;
    // Give late failures (a lazily loaded asset, a panic in the first frame) a moment to show.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let title = page.title().await;
    // Exercise what might load more: Japanese, presentation mode, a step.
    let again = page.open("?lang=ja&present=1").await;
    page.step().await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let requests = page.network_requests().await;
    let served = page.served();
    let errors = page.errors().await;
    let base = page.base_url().to_string();
    page.close().await;

    assert!(
        started.is_ok() && again.is_ok(),
        "app did not start: {started:?} {again:?}\nerrors:\n{}",
        lines(&errors)
    );
    assert_eq!(title, "RNN Playground");
    let origin = base
        .find(PREFIX)
        .map(|i| base[..=i].to_string())
        .expect("base URL has the prefix");
    let outside: Vec<String> = requests
        .iter()
        .filter(|r| !r.url.starts_with(&origin))
        // Inline data and the page's own blobs are not requests to anyone.
        .filter(|r| !r.url.starts_with("data:") && !r.url.starts_with("blob:"))
        .map(|r| format!("{} ({})", r.url, r.kind))
        .collect();
    assert!(
        outside.is_empty(),
        "requests outside {origin}:\n{}",
        lines(&outside)
    );
    assert!(
        requests
            .iter()
            .any(|r| r.url.starts_with(&base) && r.url.ends_with(".wasm")),
        "the wasm came from under the sub-path: {requests:?}"
    );
    let bad: Vec<String> = served
        .iter()
        .filter(|s| s.status != 200)
        .map(|s| s.to_string())
        .collect();
    assert!(bad.is_empty(), "responses other than 200:\n{}", lines(&bad));
    assert!(
        served.iter().all(|s| s.target.starts_with(PREFIX)),
        "served outside the sub-path:\n{}",
        lines(&served)
    );
    assert_clean_console(&errors);
}

/// Everything the page downloads (`dist/`: the page with its styles, the JS glue and the wasm),
/// gzipped at gzip's default level (what a static host typically sends; `-9` saves about 2 KB
/// more), stays under 400 KB, so a student on a slow school network waits seconds, not minutes.
#[test]
#[ignore = "needs dist/; run by make test"]
fn the_bundle_stays_under_400_kb_gzipped() {
    const LIMIT: u64 = 400_000;
    let dir = crate::harness::dist_dir();
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("dist/ exists: run `make dist`") {
        let path = entry.expect("a dist/ entry").path();
        let gzipped = std::process::Command::new("gzip")
            .args(["-6", "-c"])
            .arg(&path)
            .output()
            .expect("gzip runs");
        assert!(gzipped.status.success(), "gzip {}", path.display());
        sizes.push((path, gzipped.stdout.len() as u64));
    }
    let total: u64 = sizes.iter().map(|(_, size)| size).sum();
    let listed: Vec<String> = sizes
        .iter()
        .map(|(path, size)| format!("{}: {size} B", path.display()))
        .collect();
    assert!(
        sizes
            .iter()
            .any(|(p, _)| p.extension().is_some_and(|e| e == "wasm")),
        "no wasm in {}",
        dir.display()
    );
    assert!(
        total < LIMIT,
        "{total} B gzipped, over {LIMIT}:\n{}",
        listed.join("\n")
    );
    println!("bundle: {total} B gzipped\n{}", listed.join("\n"));
}
