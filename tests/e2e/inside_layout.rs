//! The inside view's layout: the heat map keeps its size beside the open view (at least 400 CSS
//! px on its shorter side at 1280×720, 440 in presentation mode), the view fits a 375 px phone
//! without widening the page, and the Japanese page words it; screenshots of each.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console};

/// The shorter side of `#surface` in CSS pixels, once it has drawn.
async fn surface_short_side(page: &AppPage) -> f64 {
    let _ = page
        .wait_js(
            "document.querySelector('#surface') && document.querySelector('#surface').dataset.plotRect",
            5,
        )
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let [left, top, right, bottom] = page.rect("#surface").await;
    (right - left).min(bottom - top)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_map_keeps_its_size_beside_the_inside_view_at_1280_and_1920() {
    let page = AppPage::opened("?inside=1").await;
    let normal = surface_short_side(&page).await;
    page.screenshot("inside-1280x720").await;
    let _ = page.open("?inside=1&present=1").await;
    let present = surface_short_side(&page).await;
    let inside_visible = page.visible("#grad-time").await;
    page.screenshot("inside-present-1280x720").await;
    page.set_viewport(1920, 1080).await;
    let _ = page.open("?inside=1").await;
    let wide = surface_short_side(&page).await;
    page.screenshot("inside-1920x1080").await;
    let errors = page.finish().await;

    assert!(
        normal >= 400.0,
        "#surface is {normal} px on its shorter side at 1280×720"
    );
    assert!(
        present >= 440.0,
        "#surface is {present} px in presentation mode"
    );
    assert!(
        inside_visible,
        "the gradient plot is in view beside the map"
    );
    assert!(wide >= 400.0, "#surface is {wide} px at 1920×1080");
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_inside_view_fits_a_375px_phone_and_speaks_japanese() {
    let page = AppPage::start_sized(375, 667).await;
    let started = page.open("?inside=1&len=200").await;
    let _ = page.wait_unrolled("data-n", "200").await;
    let steps = page.unrolled_steps().await.len();
    let scroll_width = page.scroll_width().await;
    page.eval(
        "document.querySelector('#unrolled').scrollIntoView({ block: 'start' });",
        vec![],
    )
    .await;
    page.screenshot("inside-phone-375").await;
    page.set_viewport(1280, 720).await;
    let japanese = page.open("?inside=1&lang=ja").await;
    let tab = page.text("#tab-inside").await;
    let title = page.text("#grad-time-title").await;
    page.screenshot("inside-ja").await;
    let errors = page.finish().await;

    assert!(started.is_ok() && japanese.is_ok());
    assert_eq!(steps, 200, "no step is dropped at length 200");
    assert!(scroll_width <= 375.0, "the page is {scroll_width}px wide");
    assert_eq!(
        (tab.as_str(), title.as_str()),
        ("RNNの中", "時間をさかのぼる勾配")
    );
    assert_clean_console(&errors);
}

/// An embedded page (an iframe of a slide or a course page) keeps the inside view: no header,
/// the unrolled network with every step, the gradient plot painted, and nothing wider than the
/// frame.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn an_embedded_page_keeps_the_inside_view_within_its_frame() {
    let page = AppPage::start_sized(800, 600).await;
    let started = page.open("?embed=1&inside=1&len=30").await;
    let painted = page.wait_grad_curves(1).await;
    let steps = page.unrolled_steps().await.len();
    let header = page.exists("#app-header").await && page.visible("#app-header").await;
    let pixels = page.painted_pixels("#grad-time").await;
    let scroll_width = page.scroll_width().await;
    page.screenshot("inside-embed").await;
    let errors = page.finish().await;

    assert!(started.is_ok(), "{started:?}");
    assert!(!header, "embed mode drops the page's header");
    assert_eq!(painted, Ok(()));
    assert_eq!(steps, 30);
    assert!(pixels > 2000, "the gradient plot drew {pixels} pixels");
    assert!(scroll_width <= 800.0, "the page is {scroll_width}px wide");
    assert_clean_console(&errors);
}
