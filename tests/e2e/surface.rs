//! The loss surface: a click on the heat map starts training from the weights under the pointer.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console, number};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn clicking_the_heat_map_restarts_the_run_from_the_weights_under_the_pointer() {
    let page = AppPage::start().await;
    let started = page.open("").await;
    page.step().await;
    let map = page.surface_geometry().await;
    let mut clicks = Vec::new();
    for (fx, fy) in [(0.25, 0.25), (0.8, 0.6)] {
        let (x, y) = map.point(fx, fy);
        page.click_at(x, y).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let shown = (
            number(&page.value("#init-wx").await),
            number(&page.value("#init-wrec").await),
        );
        let current = (page.shown("w-x").await, page.shown("w-rec").await);
        clicks.push((
            map.weights_at(fx, fy),
            shown,
            current,
            page.text("#epoch").await,
        ));
    }
    let errors = page.errors().await;
    page.close().await;

    assert!(started.is_ok(), "{started:?}");
    assert!(
        map.width > 100.0 && map.height > 100.0 && map.view.iter().all(|v| v.is_finite()),
        "{}x{} {:?}",
        map.width,
        map.height,
        map.view
    );
    for (expected, shown, current, epoch) in clicks {
        let (wx, wrec) = (shown.0.unwrap(), shown.1.unwrap());
        assert!(
            (wx - expected.0).abs() <= map.tolerance_wx(),
            "w_x {wx} vs {}",
            expected.0
        );
        assert!(
            (wrec - expected.1).abs() <= map.tolerance_wrec(),
            "w_rec {wrec} vs {}",
            expected.1
        );
        assert_eq!(epoch.trim(), "0", "a click resets training");
        assert!((current.0.unwrap() - wx).abs() < 1e-3 && (current.1.unwrap() - wrec).abs() < 1e-3);
    }
    assert_clean_console(&errors);
}
