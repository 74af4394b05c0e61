//! axe-core, an outside opinion on accessibility: no violation on the default page, in a race, in
//! presentation mode with the inside view open, and in Japanese.
//!
//! `make setup-chromium` installs npm's axe-core at [`AXE_CORE_VERSION`] under `target/node/axe`;
//! the test injects its script into the page and runs every rule axe enables by default.

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::page::AppPage;

/// The axe-core version `.ci/setup axe` installs (the one place it is pinned).
pub const AXE_CORE_VERSION: &str = "4.14.1";

fn axe_script() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/node/axe/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; `make setup-chromium` installs axe-core {AXE_CORE_VERSION}",
            path.display()
        )
    })
}

/// Every violation axe finds on the page as it is now: (rule, impact, the first few targets).
async fn violations(page: &AppPage, axe: &str) -> Vec<Value> {
    let found = page
        .eval(
            r#"if (!window.axe) { (0, eval)(arguments[0]); }
               const result = await window.axe.run(document, { resultTypes: ['violations'] });
               return result.violations.map(v => ({
                   rule: v.id,
                   impact: v.impact,
                   targets: v.nodes.slice(0, 3).map(n => n.target.join(' ')),
               }));"#,
            vec![json!(axe)],
        )
        .await;
    found.as_array().cloned().unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/, chromium and axe-core; run by make test"]
async fn axe_finds_no_violation_on_the_page_a_race_the_projector_japanese_and_each_cell() {
    let axe = axe_script();
    let page = AppPage::start_sized(1280, 720).await;
    let mut found = Vec::new();
    for query in [
        "?lang=en",
        "?lang=en&preset=race-seed",
        "?lang=en&present=1&inside=1&phase=12",
        "?lang=ja",
        "?lang=en&model=cliff",
        "?lang=ja&model=tanh&task=latch",
    ] {
        let opened = page.open(query).await;
        // Let the last parts mount and a few frames draw.
        tokio::time::sleep(Duration::from_millis(800)).await;
        if query.contains("race") {
            page.play().await;
            tokio::time::sleep(Duration::from_millis(500)).await;
            page.pause().await;
        }
        found.push((query, opened, violations(&page, &axe).await));
    }
    page.close().await;

    for (query, opened, violations) in found {
        assert!(opened.is_ok(), "{query}: {opened:?}");
        assert!(violations.is_empty(), "{query}: {violations:#?}");
    }
}
