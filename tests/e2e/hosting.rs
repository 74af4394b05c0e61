//! Hosting: `dist/` is plain static files with relative asset URLs, so it works when hosted under
//! any sub-path, and the page never reaches outside its own origin (no CDN, fonts or analytics).

use std::path::Path;
use std::process::Command;
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

/// Whether a file of `dist/` is one the page downloads: not a precompressed copy (`.gz`, `.br`)
/// and not a host's configuration (`_headers`).
fn downloaded(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    !(name.ends_with(".gz") || name.ends_with(".br") || name.starts_with('_'))
}

/// Everything the page downloads (`dist/`: the page with its styles, the JS glue and the wasm),
/// gzipped at gzip's default level (what a static host typically sends; `-9` saves about 2 KB
/// more), stays under 450 KB with every feature, so a student on a slow school network waits seconds, not minutes.
#[test]
#[ignore = "needs dist/; run by make test"]
fn the_bundle_stays_under_450_kb_gzipped() {
    const LIMIT: u64 = 450_000;
    let dir = crate::harness::dist_dir();
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("dist/ exists: run `make dist`") {
        let path = entry.expect("a dist/ entry").path();
        if !downloaded(&path) {
            continue;
        }
        let gzipped = Command::new("gzip")
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

/// `make dist` writes FILE.gz and FILE.br beside every text and wasm file the page downloads, so
/// that a server sends them as they are (deploy/nginx.conf); each must decompress to its file
/// byte for byte, or a browser would run something other than what was built. Prints the sizes
/// (docs/PERFORMANCE.md, "Download size").
#[test]
#[ignore = "needs dist/; run by make test"]
fn every_text_and_wasm_file_has_a_gz_and_a_br_that_decompress_to_it() {
    let dir = crate::harness::dist_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("dist/ exists: run `make dist`")
        .map(|e| e.expect("a dist/ entry").path())
        .filter(|p| downloaded(p))
        // Text and wasm; images and fonts are compressed already.
        .filter(|p| {
            p.extension().and_then(|e| e.to_str()).is_some_and(|e| {
                [
                    "html", "js", "mjs", "wasm", "css", "svg", "json", "txt", "map",
                ]
                .contains(&e)
            })
        })
        .collect();
    files.sort();
    let mut problems = Vec::new();
    let mut table = Vec::new();
    let mut totals = [0u64; 3];
    for path in &files {
        let original = std::fs::read(path).expect("read a dist/ file");
        let mut sizes = [original.len() as u64, 0, 0];
        for (i, (suffix, tool)) in [("gz", "gzip"), ("br", "brotli")].into_iter().enumerate() {
            let packed = path.with_file_name(format!(
                "{}.{suffix}",
                path.file_name().unwrap().to_string_lossy()
            ));
            let Ok(meta) = std::fs::metadata(&packed) else {
                problems.push(format!("{} is missing", packed.display()));
                continue;
            };
            sizes[i + 1] = meta.len();
            let unpacked = Command::new(tool)
                .arg("-dc")
                .arg(&packed)
                .output()
                .unwrap_or_else(|e| panic!("run {tool} (install it with `make setup`): {e}"));
            if !unpacked.status.success() || unpacked.stdout != original {
                problems.push(format!(
                    "{} does not decompress to {} ({}; {} B, not {} B)",
                    packed.display(),
                    path.display(),
                    unpacked.status,
                    unpacked.stdout.len(),
                    original.len()
                ));
            }
        }
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total += size;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        table.push(format!(
            "{name}: {} B raw, {} B gzip -9, {} B brotli -Z",
            sizes[0], sizes[1], sizes[2]
        ));
    }
    let [raw, gz, br] = totals;
    println!(
        "{}total: {raw} B raw, {gz} B gzip -9, {br} B brotli -Z",
        lines(&table)
    );
    assert!(
        files
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == "wasm")),
        "no wasm in {}",
        dir.display()
    );
    assert!(problems.is_empty(), "{}", lines(&problems));
}
