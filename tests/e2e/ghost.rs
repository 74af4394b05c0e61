//! The ghost: an earlier run drawn faintly beside the current one. A link's `ghost=` draws it as
//! the core trains it; changing a setting leaves the run so far as the ghost, labelled with what
//! differed, and `#ghost-clear` removes it, from the page and from the link.

use std::time::Duration;

use rnn_playground::format::exact;
use rnn_playground::params::parse;
use rnn_playground::rnn::Trainer;
use rnn_playground::rnn::trainer::Status;

use crate::page::{AppPage, assert_clean_console};

/// `#ghost`'s link value, end point, last epoch and the epoch it diverged at.
async fn legend(page: &AppPage) -> [Option<String>; 4] {
    [
        page.attr("#ghost", "data-ghost").await,
        page.attr("#ghost", "data-end").await,
        page.attr("#ghost", "data-end-epoch").await,
        page.attr("#ghost", "data-diverged").await,
    ]
}

/// What the page must show for `query`'s ghost: its link value, the weights where the core's
/// replay of it ends, the last epoch with a finite loss, and where it diverged.
fn expected(query: &str) -> [Option<String>; 4] {
    let page = parse(query).state;
    let ghost = page.ghost.clone().expect("the link has a ghost");
    let mut earlier = ghost.settings(&page).expect("its settings");
    earlier.stop_at = Some(ghost.epochs);
    let mut trainer = Trainer::new(earlier.trainer_config()).expect("a run");
    trainer.run(u64::MAX);
    let timeline = trainer.timeline();
    let end = timeline.last().expect("a record").weights;
    let last_finite = timeline.iter().rfind(|r| r.loss.is_finite());
    [
        Some(ghost.to_text()),
        Some(format!("{},{}", exact(end.w_x), exact(end.w_rec))),
        last_finite.map(|r| r.epoch.to_string()),
        match trainer.status() {
            Status::Diverged { epoch, .. } => Some(epoch.to_string()),
            _ => None,
        },
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_link_draws_the_ghost_the_core_trains() {
    // Scenario 6 (clipping on) beside its own run without clipping, which explodes.
    let query = "?preset=clipping&ghost=600:clip=off&present=1";
    let page = AppPage::opened(query).await;
    // Trained a slice per frame; `data-end-epoch` comes once it is whole.
    let drawn = page
        .wait_js(
            "document.querySelector('#ghost')?.dataset.endEpoch !== undefined",
            10,
        )
        .await;
    page.play().await;
    let _ = page.wait_epoch(600, Duration::from_secs(20)).await;
    let shown = legend(&page).await;
    let label = page.text("#ghost p").await;
    let points: u64 = page
        .attr("#surface", "data-ghost-points")
        .await
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    page.screenshot("ghost-present").await;
    let errors = page.finish().await;

    assert_eq!(drawn, Ok(()), "the ghost was trained and drawn");
    assert_eq!(
        shown,
        expected(query),
        "the ghost is the core's run with clip=off"
    );
    assert!(
        label.contains("clip=off") && label.contains("diverged at epoch"),
        "{label}"
    );
    assert!(
        points >= 2,
        "the ghost's path is on the map ({points} points)"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_changed_setting_leaves_the_run_as_a_ghost_until_cleared() {
    let page = AppPage::opened("?epochs=150&speed=50").await;
    page.play().await;
    let stopped = page
        .wait_until(Duration::from_secs(15), || async {
            page.epoch().await == Some(150) && !page.playing().await
        })
        .await;
    let before_change = page.visible("#ghost").await;
    page.set_value("#lr", "0.01").await;
    let left = page
        .wait_until(Duration::from_secs(5), || async {
            page.search().await.contains("ghost=150:lr=1e-3")
        })
        .await;
    let shown = legend(&page).await;
    let label = page.text("#ghost p").await;
    let points = page.attr("#surface", "data-ghost-points").await;
    let path_now = page.attr("#ghost", "data-end").await;

    page.click("#ghost-clear").await;
    let cleared = page
        .wait_until(Duration::from_secs(5), || async {
            !page.search().await.contains("ghost=") && !page.visible("#ghost").await
        })
        .await;
    let points_after = page.attr("#surface", "data-ghost-points").await;
    let errors = page.finish().await;

    assert_eq!(stopped, Ok(()), "the run stopped at 150");
    assert!(!before_change, "no ghost before any change");
    assert_eq!(left, Ok(()), "the link carries the ghost");
    // The run kept as the ghost is the one a link replays: the same numbers.
    let replay = expected("epochs=150&speed=50&lr=0.01&ghost=150:lr=1e-3");
    assert_eq!(shown, replay);
    assert!(label.contains("lr=1e-3"), "{label}");
    assert_ne!(points.as_deref(), Some("0"));
    assert!(path_now.is_some());
    assert_eq!(cleared, Ok(()), "cleared from the page and the link");
    assert_eq!(points_after.as_deref(), Some("0"));
    assert_clean_console(&errors);
}
