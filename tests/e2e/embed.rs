//! Embedding: the share panel's embed code, pasted into a host page as a teacher would, shows the
//! whole playground in its frame without scroll bars, from a slide's width down to a phone's.
//!
//! The host page and the app come from the same test server (the app under `app/`), so the test
//! can look inside the frame.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

use crate::harness::dist_dir;
use crate::page::{AppPage, assert_clean_console, lines};

/// A host page holding `code` in a column of `column` (a CSS width), with nothing around it.
fn host_page(code: &str, column: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>A course page</title><link rel=\"icon\" href=\"data:,\">\
         <style>body {{ margin: 0; }} main {{ width: {column}; margin: 0 auto; }}</style>\
         </head><body><main>{code}</main></body></html>\n"
    )
}

/// How the frame and the document inside it measure, once the app inside has mounted.
const MEASURE: &str = r#"
    const frame = document.querySelector('iframe');
    const doc = frame && frame.contentDocument;
    if (!doc || !doc.querySelector('#app-footer') || !doc.querySelector('#surface')) {
        return null;
    }
    const root = doc.documentElement;
    const r = frame.getBoundingClientRect();
    return {
        frame: [r.width, r.height],
        scroll: [root.scrollWidth, root.scrollHeight],
        client: [root.clientWidth, root.clientHeight],
        body: [doc.body.scrollWidth, doc.body.scrollHeight],
        // Elements inside that scroll on their own (the controls column, when long).
        scrolling: [...doc.querySelectorAll('*')].filter(e => {
            const y = getComputedStyle(e).overflowY;
            return (y === 'auto' || y === 'scroll') && e.scrollHeight > e.clientHeight + 1
                && e.getClientRects().length > 0;
        }).map(e => e.id || e.className || e.tagName),
        // The map's pixels that are not white: 0 when it had no room to draw.
        map_painted: [...doc.querySelectorAll('.surface-frame canvas')].reduce((n, c) => {
            if (!c.width || !c.height) { return n; }
            const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
            for (let i = 0; i < d.length; i += 4) {
                if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) { n++; }
            }
            return n;
        }, 0),
        plots: [...doc.querySelectorAll('.plot-card .plot-frame')].map(p => {
            const b = p.getBoundingClientRect();
            return [b.width, b.height];
        }),
    };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_embed_code_shows_the_playground_without_scroll_bars_down_to_a_phone() {
    let site = site_dir();
    let page = AppPage::start_in(&site).await;
    let opened = page.open("app/?lr=0.01&opt=gd").await;
    page.eval(
        "document.querySelector('#share-panel').open = true;",
        vec![],
    )
    .await;
    page.click("#share-embed").await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.value("#share-embed-code").await.contains("embed=1")
        })
        .await;
    let code = page.value("#share-embed-code").await;
    let code_shown = page.visible("#share-embed-code").await;

    // The same code for a link that opens the inside view (taller than any frame: it scrolls
    // within its card).
    let inside_code = code.replace("embed=1", "embed=1&amp;inside=1&amp;len=30");
    // (viewport, the host page's column, the code, what it stands for)
    let sizes = [
        ((1280, 800), "100%", &code, "a slide, the full width"),
        ((1280, 800), "800px", &code, "a course page's 800 px column"),
        ((375, 667), "100%", &code, "a 375 px phone"),
        (
            (1280, 800),
            "800px",
            &inside_code,
            "the inside view in an 800 px column",
        ),
    ];
    let mut measured = Vec::new();
    for ((width, height), column, code, what) in sizes {
        std::fs::write(site.join("host.html"), host_page(code, column)).expect("write host.html");
        page.set_viewport(width, height).await;
        let url = page.url("host.html");
        if let Err(e) = page.client().goto(&url).await {
            panic!("open {url}: {e}");
        }
        let mounted = page
            .wait_until(Duration::from_secs(30), || async {
                !page.eval(MEASURE, vec![]).await.is_null()
            })
            .await;
        // The app fills its frame in steps (parts mount a frame apart, plots size themselves).
        tokio::time::sleep(Duration::from_millis(800)).await;
        let seen = match mounted {
            Ok(()) => page.eval(MEASURE, vec![]).await,
            Err(e) => Value::String(format!("the app in the frame never mounted: {e}")),
        };
        let shot = format!("embed-{}", what.replace(' ', "-").replace(',', ""));
        page.screenshot(&shot).await;
        measured.push((what, seen));
    }
    let errors = page.finish().await;
    let _ = std::fs::remove_dir_all(&site);

    assert!(opened.is_ok(), "{opened:?}");
    assert!(code_shown, "the embed code shows once embed is ticked");
    for part in [
        "<iframe src=\"http://",
        "/app/?",
        "embed=1",
        "lr=0.01",
        "title=\"RNN Playground\"",
        "loading=\"lazy\"",
        "aspect-ratio:",
        "border:0",
    ] {
        assert!(code.contains(part), "the embed code has {part}: {code}");
    }
    let mut problems = Vec::new();
    for (what, seen) in &measured {
        let n = |key: &str, i: usize| seen[key][i].as_f64().unwrap_or(f64::NAN);
        let fits = n("scroll", 0) <= n("client", 0) && n("scroll", 1) <= n("client", 1);
        if !fits {
            problems.push(format!("{what}: the frame's document scrolls: {seen}"));
        }
        if what.contains("inside") {
            continue;
        }
        // Fitting by squeezing the plots away would not count.
        let plots = seen["plots"].as_array().cloned().unwrap_or_default();
        let sized = plots.len() == 2
            && plots.iter().all(|p| {
                p[0].as_f64().is_some_and(|w| w >= 120.0)
                    && p[1].as_f64().is_some_and(|h| h >= 120.0)
            });
        if !sized {
            problems.push(format!(
                "{what}: the plots are missing or under 120 px: {seen}"
            ));
        }
        if seen["map_painted"].as_u64().unwrap_or(0) < 5000 {
            problems.push(format!("{what}: the map drew almost nothing: {seen}"));
        }
    }
    let report: Vec<String> = measured
        .iter()
        .map(|(what, seen)| format!("{what}: {seen}"))
        .collect();
    println!("embed code: {code}\n{}", lines(&report));
    assert!(problems.is_empty(), "{}", lines(&problems));
    assert_clean_console(&errors);
}

/// A fresh folder with the app under `app/` (a link to dist/); the test writes `host.html` beside.
fn site_dir() -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    let site = std::env::temp_dir().join(format!("rnn-embed-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&site).expect("create the host site");
    let dist = dist_dir()
        .canonicalize()
        .expect("dist/ exists: run `make dist`");
    std::os::unix::fs::symlink(dist, site.join("app")).expect("link the app into the site");
    std::fs::write(site.join("index.html"), host_page("", "100%")).expect("write a site index");
    site
}
