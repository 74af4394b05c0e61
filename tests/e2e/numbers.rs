//! Numbers as a person writes them: after a divergence the line under the map writes huge
//! weights in exponent form; "learning rate ÷ 10" writes 1e-6, not 1.0000000000000002e-6; a map
//! click puts the grid's resolution into the boxes and the link, not 17 digits.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console};

/// The longest run of digits in `text`.
fn longest_digits(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn page_made_numbers_are_rounded_and_huge_ones_use_exponents() {
    let page = AppPage::opened("?preset=exploding").await;
    let diverged = page.play_until("diverged", Duration::from_secs(10)).await;
    let under_map = page.text("#surface-hover").await;
    page.click("#try-smaller-lr").await;
    let lr = page.value("#lr").await;
    let map = page.surface_geometry().await;
    let (x, y) = map.point(0.37, 0.61);
    page.click_at(x, y).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let init = (page.value("#init-wx").await, page.value("#init-wrec").await);
    let search = page.search_when(|s| s.contains("wx=")).await;
    let errors = page.finish().await;

    assert!(diverged.is_ok(), "{diverged:?}");
    assert!(longest_digits(&under_map) <= 8, "{under_map}");
    assert_eq!(lr, "0.000001", "÷ 10 of 1e-5, as the box writes 1e-6");
    for value in [&init.0, &init.1] {
        let decimals = value.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(
            decimals <= 3,
            "a click gives the grid's resolution: {init:?}"
        );
    }
    assert!(longest_digits(&search) <= 6, "{search}");
    assert_clean_console(&errors);
}
