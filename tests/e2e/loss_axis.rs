//! The loss curve after a divergence: the blow-up's losses (1e52 and up) do not set the axis, so
//! the history before them stays readable; the chart says it clipped them (`data-clipped`).

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn after_a_divergence_the_loss_axis_keeps_the_history_readable() {
    let page = AppPage::opened("?preset=seed-gd&len=50&speed=50&present=1").await;
    let stepped = page.steps_and_wait(3, Duration::from_secs(5)).await;
    let before = page.attr("#loss-chart", "data-clipped").await;
    let diverged = page.play_until("diverged", Duration::from_secs(20)).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after = page.attr("#loss-chart", "data-clipped").await;
    page.screenshot("loss-axis-after-divergence").await;
    let errors = page.finish().await;

    stepped.expect("three steps before the first look");
    assert_eq!(
        before.as_deref(),
        Some("0"),
        "a falling run sets its own axis"
    );
    assert!(diverged.is_ok(), "{diverged:?}");
    assert_eq!(
        after.as_deref(),
        Some("1"),
        "the blow-up is clipped and marked"
    );
    assert_clean_console(&errors);
}
