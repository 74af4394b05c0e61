//! The loss surface: a click on the heat map starts training from the weights under the pointer.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console, number};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn clicking_the_heat_map_restarts_the_run_from_the_weights_under_the_pointer() {
    let page = AppPage::opened("").await;
    page.step().await;
    let mut map = page.surface_geometry().await;
    let mut clicks = Vec::new();
    for (fx, fy) in [(0.25, 0.25), (0.8, 0.6)] {
        // The map's frame may change size after a click (the ghost's legend comes under it).
        map = page.surface_geometry().await;
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
    let errors = page.finish().await;

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

/// The biggest data over a wide view: computing its surface, then a view change and a data
/// change, never block the page for long; the surface arrives; and the map's current-point line
/// shows the loss `#loss` shows.
///
/// Long tasks are counted from the end of the app's mount: the mount itself (wasm start-up and
/// the first render, about 100 ms here with the seed's 20 × 10 data too) computes no surface.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_biggest_surface_is_computed_without_long_tasks_and_the_current_loss_is_exact() {
    let page = AppPage::start().await;
    let observing = page.observe_long_tasks().await;
    let started = page.open("?len=200&n=1000&view=-10,10,-10,10").await;
    let painted = page
        .wait_js(
            "/\\d ms/.test(document.querySelector('#surface-ms').textContent)",
            60,
        )
        .await;
    // Let the base layer draw the new surface.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let timing = page.text("#surface-ms").await;
    // The base layer's middle pixel: the grey "computing" ground until the surface is drawn.
    let middle = page
        .eval(
            r#"const c = document.querySelector('.surface-frame canvas.plot-layer');
               const p = c.getContext('2d').getImageData(c.width / 2, c.height / 2, 1, 1).data;
               return Array.from(p);"#,
            vec![],
        )
        .await;
    let draw_ms = page
        .attr(".surface-frame canvas.plot-layer", "data-draw-ms")
        .await
        .unwrap_or_default();
    let current = page.text("#surface-hover").await;
    let loss = page.text("#loss").await;

    // A view change, then a data change, at the same size.
    page.click("#zoom-wide").await;
    let zoomed = page
        .wait_js(
            "document.querySelector('#surface').dataset.view === '-3,3,-3,3'",
            30,
        )
        .await;
    page.set_value("#seed", "7").await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let recorded = page.long_tasks().await;
    // Last: the capture itself can be a long task.
    page.screenshot("surface-1000x200").await;
    let errors = page.finish().await;

    started.expect("the app starts");
    painted.expect("the surface arrives");
    zoomed.expect("the zoomed surface arrives");
    observing.expect("the long-task observer is installed");
    let recorded = recorded.expect("the long-task observer ran before the page");
    let mounted = recorded.mounted.expect("the observer saw the app mount");
    let tasks = recorded.tasks;
    let after_mount: Vec<&(f64, f64)> = tasks.iter().filter(|t| t.0 >= mounted).collect();
    eprintln!(
        "mounted at {mounted:.0} ms; long tasks (start, ms): {tasks:?}; {timing}; \
         base layer drawn in {draw_ms} ms"
    );
    assert!(
        after_mount.iter().all(|t| t.1 <= 100.0),
        "tasks over 100 ms after the mount ({mounted:.0} ms): {after_mount:?}"
    );
    let rgb: Vec<u64> = middle
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_u64()).collect())
        .unwrap_or_default();
    assert!(
        rgb.len() == 4 && rgb[..3] != [0x9a, 0x9a, 0x9a],
        "the middle of the map is still the waiting grey: {rgb:?}"
    );
    // "current point: w_x = …, w_rec = …, loss = X" with X in #loss's digits.
    let shown = current.rsplit("= ").next().unwrap_or_default().trim();
    assert_eq!(shown, loss.trim(), "{current}");
    assert_clean_console(&errors);
}

/// The "gradients explode" label stays clear of the path: at the left end of the line
/// |w_rec| = 1, unless the path runs through it there, then at the right end.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_limit_label_moves_out_of_the_paths_way() {
    let page = AppPage::opened("").await;
    let stepped = page.steps_and_wait(3, Duration::from_secs(5)).await;
    let clear = page.attr("#surface", "data-limit-label").await;
    // A start just above w_rec = 1 at the left edge, where the label sits, and a rate too small
    // to leave it: the path's first segments lie inside the label's box.
    let crossing = page.open("?wx=-2.6&wrec=1.08&opt=gd&lr=1e-9").await;
    page.steps(3).await;
    let _ = page
        .wait_attr(
            "#surface",
            "data-limit-label",
            "right",
            Duration::from_secs(3),
        )
        .await;
    let moved = page.attr("#surface", "data-limit-label").await;
    page.screenshot("limit-label-moved").await;
    let errors = page.finish().await;

    stepped.expect("three steps before the first look");
    assert!(crossing.is_ok(), "{crossing:?}");
    assert_eq!(clear.as_deref(), Some("left"));
    assert_eq!(moved.as_deref(), Some("right"));
    assert_clean_console(&errors);
}
