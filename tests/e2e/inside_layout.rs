//! The inside view's layout: the heat map keeps its size beside the open view (at least 400 CSS
//! px on its shorter side at 1280×720; 240 in presentation mode, where the inside view takes the
//! width under it), the view fits a 375 px phone without widening the page, and the Japanese
//! page words it; screenshots of each.

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
    // In presentation the inside view takes the whole width under the map, and the map shares
    // the first screen with the lesson, the run bar and the read-outs (layout.rs).
    assert!(
        present >= 240.0,
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

/// What the inside view's layout breaks at this moment, as lines: an element of the view that
/// scrolls on its own, `#phase` or the highlighted step off screen, `#grad-time` under 200 CSS
/// px tall, or two of the unrolled network's labels overlapping. Empty when all is well.
async fn inside_layout_faults(page: &AppPage) -> Vec<String> {
    const JS: &str = r#"
        const faults = [];
        const inside = document.querySelector('.inside');
        if (!inside) { return ['no .inside']; }
        const card = inside.closest('.side-card') || inside;
        for (const e of [card, ...card.querySelectorAll('*')]) {
            const style = getComputedStyle(e);
            const scrolls = v => v === 'auto' || v === 'scroll';
            const y = scrolls(style.overflowY) && e.scrollHeight > e.clientHeight + 1;
            const x = scrolls(style.overflowX) && e.scrollWidth > e.clientWidth + 1;
            if (x || y) {
                faults.push(`scrolls on its own: ${e.tagName}#${e.id}.${e.className} ` +
                    `${e.scrollWidth}x${e.scrollHeight} in ${e.clientWidth}x${e.clientHeight}`);
            }
        }
        const onScreen = css => {
            const e = document.querySelector(css);
            if (!e) { return null; }
            const r = e.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
        };
        if (onScreen('#phase') === false) { faults.push('#phase is off screen'); }
        for (const css of ['#unrolled [data-step].current', '#unrolled .unrolled-col.current']) {
            if (onScreen(css) === false) { faults.push(css + ' is off screen'); }
        }
        const plot = document.querySelector('#grad-time').getBoundingClientRect();
        if (plot.height < 200) { faults.push(`#grad-time is ${plot.height} px tall`); }
        const labels = [...document.querySelectorAll('#unrolled .u-value, #unrolled .u-name')]
            .map(e => [e, e.getBoundingClientRect()])
            .filter(([e, r]) => r.width > 0 && r.height > 0);
        for (let i = 0; i < labels.length; i++) {
            for (let j = i + 1; j < labels.length; j++) {
                const [a, ra] = labels[i], [b, rb] = labels[j];
                const overlap = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left) > 0.5 &&
                    Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top) > 0.5;
                if (overlap && !a.contains(b) && !b.contains(a)) {
                    faults.push(`labels overlap: "${a.textContent}" and "${b.textContent}"`);
                }
            }
        }
        return faults;
    "#;
    let v = page.eval(JS, vec![]).await;
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|s| s.as_str().unwrap_or("?").to_string())
                .collect()
        })
        .unwrap_or_else(|| vec![format!("no report: {v}")])
}

/// Presentation mode at 1280×720, lengths 10 and 50: through every phase of the step-through
/// (moved with →, as a lecturer's clicker does), nothing in the inside view scrolls on its own,
/// `#phase` and the highlighted step are on screen together, the gradient plot is at least
/// 200 px tall and no two labels of the unrolled network overlap; screenshots at backward step
/// 7 of 10 and at a backward step of 50.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_shows_the_inside_view_whole_at_every_phase() {
    use fantoccini::key::Key;
    use rnn_playground::rnn::trace::Phase;

    let page = AppPage::start().await;
    let mut faults = Vec::new();
    for len in [10usize, 50] {
        let opened = page.open(&format!("?present=1&inside=1&len={len}")).await;
        assert!(opened.is_ok(), "{opened:?}");
        let _ = page.wait_unrolled("data-n", &len.to_string()).await;
        let _ = page.wait_grad_curves(1).await;
        for fault in inside_layout_faults(&page).await {
            faults.push(format!("len {len}, closed: {fault}"));
        }
        page.click("#step-through-open").await;
        page.blur().await;
        let count = Phase::count(len, false);
        for i in 0..count {
            let shown = page
                .wait_until(Duration::from_secs(3), || async {
                    page.attr("#phase", "data-phase").await == Some(i.to_string())
                })
                .await;
            // The page scrolls on the frame after the move: give it a moment to settle.
            let settled = page
                .wait_until(Duration::from_secs(2), || async {
                    inside_layout_faults(&page).await.is_empty()
                })
                .await;
            if shown.is_err() || settled.is_err() {
                for fault in inside_layout_faults(&page).await {
                    faults.push(format!("len {len}, phase {i}: {fault}"));
                }
            }
            if Phase::at(i, len, false) == Some(Phase::Backward(7)) {
                page.screenshot(&format!("inside-present-backward-7-of-{len}"))
                    .await;
            }
            if i + 1 < count {
                page.press(Key::Right.into()).await;
            }
        }
    }
    let errors = page.finish().await;
    assert!(faults.is_empty(), "\n{}", faults.join("\n"));
    assert_clean_console(&errors);
}
