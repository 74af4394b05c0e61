//! Slow motion: `speed=0.05` trains one epoch every 20 frames (3 a second at 60 frames a second),
//! so a class can watch single steps; `#speed` shows and takes the fraction.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_fractional_speed_trains_an_epoch_every_few_frames() {
    let page = AppPage::opened("?speed=0.05").await;
    let shown = page.value("#speed").await;
    page.play().await;
    let moved = page
        .wait_until(Duration::from_secs(5), || async {
            page.epoch().await.unwrap_or(0) >= 1
        })
        .await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    page.pause().await;
    let epoch = page.epoch().await.unwrap_or(0);
    let frames = page
        .eval(
            "return new Promise(done => { let n = 0; const t0 = performance.now(); \
             const tick = () => { n += 1; if (performance.now() - t0 < 1000) \
             requestAnimationFrame(tick); else done(n); }; requestAnimationFrame(tick); });",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(60.0);
    page.set_value("#speed", "0.01").await;
    let typed = page.value("#speed").await;
    let message = page.text("#speed-msg").await;
    let search = page.search_when(|s| s.contains("speed=0.01")).await;
    let errors = page.finish().await;

    assert_eq!(shown, "0.05");
    assert!(moved.is_ok(), "slow motion still trains: {moved:?}");
    // At most one epoch per 20 frames over the ≈ 2–7 s played, at the browser's frame rate.
    let most = (frames * 7.5 * 0.05).ceil() as u64 + 1;
    assert!(
        epoch >= 1 && epoch <= most,
        "epoch {epoch} (≤ {most}, {frames} frames/s)"
    );
    assert_eq!(typed, "0.01");
    assert_eq!(message.trim(), "", "0.01 is allowed");
    assert!(search.contains("speed=0.01"), "{search}");
    assert_clean_console(&errors);
}
