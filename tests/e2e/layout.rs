//! Layout: presentation mode fits a 1280×720 projector, a 375 px phone stacks the plots and takes
//! taps, and embed links (built by the share-for-class panel) drop the page chrome and the hidden
//! controls.

use std::time::Duration;

use rnn_playground::params::parse;
use serde_json::Value;

use crate::page::{AppPage, assert_clean_console, lines, number};

/// Those of `selectors` whose box is not inside the `w`×`h` viewport (half a pixel of rounding
/// allowed), each as "`scene`: selector at [left, top, right, bottom]".
async fn off_screen(
    page: &AppPage,
    scene: &str,
    selectors: &[&str],
    (w, h): (f64, f64),
) -> Vec<String> {
    let mut outside = Vec::new();
    for css in selectors {
        let [left, top, right, bottom] = page.rect(css).await;
        if !(left >= -0.5 && top >= -0.5 && right <= w + 0.5 && bottom <= h + 0.5) {
            outside.push(format!(
                "{scene}: {css} at [{left}, {top}, {right}, {bottom}]"
            ));
        }
    }
    outside
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_mode_enlarges_the_text_and_fits_both_plots_in_1280_by_720() {
    let page = AppPage::opened("?present=1").await;
    let viewport = page.viewport().await;
    let class_on = page.app_has_class("present").await;
    let body_class = page.js("document.body.classList.contains('present')").await;
    let font_px = page
        .js_number("parseFloat(getComputedStyle(document.body).fontSize)")
        .await;
    let toggle = page.exists("#present-toggle").await;
    // Let the plots draw at their presentation size before the picture.
    let _ = page
        .wait_js("document.querySelector('#surface').width > 1", 5)
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    page.screenshot("present").await;
    let plots = [page.rect("#surface").await, page.rect("#loss-chart").await];
    let inner = page.js("[window.innerWidth, window.innerHeight]").await;
    page.blur().await;
    page.press('p').await;
    let class_off = page
        .wait_until(Duration::from_secs(3), || async {
            !page.app_has_class("present").await
        })
        .await;
    let errors = page.finish().await;

    assert_eq!(viewport, (1280, 720));
    assert!(class_on, "#app has class present");
    assert_eq!(body_class, Value::Bool(true), "<body> has class present");
    assert!(font_px >= 20.0, "body font-size {font_px}px");
    assert!(toggle, "#present-toggle is missing");
    assert!(class_off.is_ok(), "p leaves presentation mode");
    assert_clean_console(&errors);
    let (w, h_px) = (
        inner[0].as_f64().unwrap_or(0.0),
        inner[1].as_f64().unwrap_or(0.0),
    );
    for (name, [left, top, right, bottom]) in ["#surface", "#loss-chart"].iter().zip(plots) {
        assert!(
            left >= -0.5 && top >= -0.5 && right <= w + 0.5 && bottom <= h_px + 0.5,
            "{name} at [{left}, {top}, {right}, {bottom}] is not inside the {w}×{h_px} viewport"
        );
    }
}

/// A presentation-mode page to check for parts off the screen, once `ready` holds.
struct Scene {
    name: &'static str,
    query: &'static str,
    ready: &'static str,
    on_screen: [&'static str; 6],
    screenshot: &'static str,
}

/// After the lesson's first screen: a divergence, where the note joins the lesson's column; and
/// Japanese, with the inside view open beside the map (scenario 5 opens it).
const LATER_SCENES: [Scene; 2] = [
    Scene {
        name: "diverged",
        query: "?preset=exploding&present=1&lang=en&at=3",
        ready: "document.querySelector('#status').dataset.status === 'diverged'",
        on_screen: [
            "#lesson-caption",
            "#divergence-note",
            "#try-clip",
            "#surface",
            "#surface-hover",
            "#loss-chart",
        ],
        screenshot: "present-diverged",
    },
    Scene {
        name: "inside, ja",
        query: "?preset=vanishing&present=1&lang=ja&at=100",
        ready: "document.querySelector('#grad-time') !== null",
        on_screen: [
            "#lesson-caption",
            "#play",
            "#status",
            "#surface",
            "#surface-hover",
            "#tab-inside",
        ],
        screenshot: "present-inside-ja",
    },
];

/// What a class must see at once on a 1280×720 projector: the scenario with its caption and key
/// settings, the run bar, the read-outs (clipping's too) and both plots with the map's read-out
/// line; after a divergence too, with the warning beside the map instead of above it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_mode_keeps_the_lesson_and_both_plots_on_one_1280_by_720_screen() {
    const ON_SCREEN: [&str; 12] = [
        "#lesson-title",
        "#lesson-settings",
        "#lesson-caption",
        "#play",
        "#status",
        "#epoch",
        "#clip-scale",
        "#surface",
        "#surface-hover",
        "#loss-chart",
        "#loss-png",
        "#tab-inside",
    ];
    let page = AppPage::opened("?preset=clipping&present=1&lang=en").await;
    let inner = page.js("[window.innerWidth, window.innerHeight]").await;
    let (w, h) = (
        inner[0].as_f64().unwrap_or(0.0),
        inner[1].as_f64().unwrap_or(0.0),
    );
    let _ = page
        .wait_js("document.querySelector('#surface').width > 1", 5)
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let mut outside = off_screen(&page, "clipping", &ON_SCREEN, (w, h)).await;
    let settings = page.text("#lesson-settings").await;
    page.screenshot("present-lesson").await;
    let mut opened = Vec::new();
    for scene in LATER_SCENES {
        opened.push(page.open(scene.query).await);
        let _ = page.wait_js(scene.ready, 5).await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        outside.extend(off_screen(&page, scene.name, &scene.on_screen, (w, h)).await);
        page.screenshot(scene.screenshot).await;
    }
    // A race: the key settings name the racers, not the page's own rule, which is not racing.
    let _ = page.open("?preset=race-cliff&present=1&lang=en").await;
    let race_settings = page.text("#lesson-settings").await;
    let errors = page.finish().await;

    assert_eq!((w, h), (1280.0, 720.0));
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    assert!(
        outside.is_empty(),
        "off the {w}×{h} screen:\n{}",
        outside.join("\n")
    );
    assert!(
        race_settings.starts_with("a race of 3: Gradient descent, Gradient descent, Adam"),
        "{race_settings:?}"
    );
    for part in [
        "Gradient descent",
        "0.00001",
        "1000",
        "20 sequences of 10 steps",
    ] {
        assert!(settings.contains(part), "{settings:?} lacks {part:?}");
    }
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_375px_phone_stacks_the_plots_without_overflow_and_a_tap_on_the_map_sets_the_start() {
    let page = AppPage::start_sized(375, 667).await;
    let viewport = page.viewport().await;
    let started = page.open("").await;
    let _ = page
        .wait_js("document.querySelector('#surface').dataset.plotRect", 5)
        .await;
    let scroll_width = page.scroll_width().await;
    // Page coordinates, so that scrolling does not matter.
    let page_rect = |css: &'static str| {
        let page = &page;
        async move {
            let r = page.rect(css).await;
            let y = page
                .eval("return window.scrollY;", vec![])
                .await
                .as_f64()
                .unwrap_or(0.0);
            [r[0], r[1] + y, r[2], r[3] + y]
        }
    };
    let surface = page_rect("#surface").await;
    let chart = page_rect("#loss-chart").await;
    page.eval(
        "document.querySelector('#surface').scrollIntoView({ block: 'center' });",
        vec![],
    )
    .await;
    page.screenshot("mobile").await;
    let map = page.surface_geometry().await;
    let (fx, fy) = (0.3, 0.3);
    let before = page.value("#init-wx").await;
    let (x, y) = map.point(fx, fy);
    let tapped = page.tap_at(x, y).await;
    let changed = page
        .wait_until(Duration::from_secs(3), || async {
            page.value("#init-wx").await != before
        })
        .await;
    let shown = number(&page.value("#init-wx").await);
    let errors = page.finish().await;

    assert!(started.is_ok(), "{started:?}");
    assert_eq!(viewport, (375, 667));
    assert!(
        scroll_width <= 375.0,
        "the page is {scroll_width}px wide: horizontal overflow"
    );
    assert!(
        chart[1] >= surface[3] - 0.5,
        "the loss chart (top {}) is not below the heat map (bottom {})",
        chart[1],
        surface[3]
    );
    assert!(tapped.is_ok(), "{tapped:?}");
    assert!(
        changed.is_ok(),
        "a tap on the map did not change #init-wx ({before})"
    );
    let expected = map.weights_at(fx, fy).0;
    let cell = map.tolerance_wx();
    assert!(
        shown.is_some_and(|wx| (wx - expected).abs() <= cell),
        "#init-wx {shown:?}, tapped at {expected}"
    );
    assert_clean_console(&errors);
}

/// The wrappers that `hide=lr,opt` hides: each control with its label.
const LR_WRAPPER: &str = "[data-control=\"lr\"]";
const OPT_WRAPPER: &str = "[data-control=\"opt\"]";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn embed_and_hide_links_drop_the_chrome_and_controls_and_the_share_panel_builds_them() {
    let page = AppPage::start().await;
    let embed_started = page.open("?embed=1&hide=lr,opt").await;
    let embed_view = [
        ("#app-header shown", page.visible("#app-header").await),
        ("#app-footer shown", page.visible("#app-footer").await),
        ("an .explanation shown", page.visible(".explanation").await),
        ("[data-control=lr] exists", page.exists(LR_WRAPPER).await),
        ("[data-control=lr] shown", page.visible(LR_WRAPPER).await),
        ("[data-control=opt] exists", page.exists(OPT_WRAPPER).await),
        ("[data-control=opt] shown", page.visible(OPT_WRAPPER).await),
        ("#lr shown", page.visible("#lr").await),
        ("#optimizer shown", page.visible("#optimizer").await),
    ];
    let embed_played = page.play_briefly().await;

    let plain_started = page.open("").await;
    let plain_view = [
        ("#app-header shown", page.visible("#app-header").await),
        ("#app-footer shown", page.visible("#app-footer").await),
        ("an .explanation shown", page.visible(".explanation").await),
    ];
    let has_panel = page.exists("#share-panel").await;
    let mut link = String::new();
    let mut panel_error = None;
    if has_panel {
        page.eval(
            "document.querySelector('#share-panel').open = true;",
            vec![],
        )
        .await;
        for css in [
            "input[name=\"hide\"][value=\"lr\"]",
            "input[name=\"hide\"][value=\"seed\"]",
            "#share-embed",
        ] {
            if page.exists(css).await {
                page.click(css).await;
            } else {
                panel_error = Some(format!("{css} is missing"));
            }
        }
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                page.exists("#share-link").await && {
                    let l = page.value("#share-link").await;
                    l.contains("embed=1") && l.contains("hide=")
                }
            })
            .await;
        if page.exists("#share-link").await {
            link = page.value("#share-link").await;
        }
    }
    let mut shared_view = None;
    if link.contains("embed=1") {
        let opened = page.goto(&page.absolute(&link)).await;
        shared_view = Some((
            opened,
            [
                ("#app-header shown", page.visible("#app-header").await),
                ("#lr shown", page.visible("#lr").await),
                ("#seed shown", page.visible("#seed").await),
                ("#optimizer shown", page.visible("#optimizer").await),
            ],
        ));
    }
    let errors = page.finish().await;

    let mut failures = Vec::new();
    let mut expect = |page: &str, view: &[(&str, bool)], want: &[bool]| {
        for ((what, got), want) in view.iter().zip(want) {
            if got != want {
                failures.push(format!("{page}: {what} is {got}, want {want}"));
            }
        }
    };
    expect(
        "?embed=1&hide=lr,opt",
        &embed_view,
        &[false, false, false, true, false, true, false, false, false],
    );
    expect("plain page", &plain_view, &[true, true, true]);
    match &shared_view {
        Some((Ok(()), view)) => expect(
            &format!("the built link {link}"),
            view,
            &[false, false, false, true],
        ),
        Some((Err(e), _)) => failures.push(format!("opening {link}: {e}")),
        None => failures.push(format!("no link with embed=1 built: {link:?}")),
    }
    if let Err(e) = &embed_played {
        failures.push(format!("play in embed mode: {e}"));
    }
    if !has_panel {
        failures.push("#share-panel is missing".into());
    }
    if let Some(e) = panel_error {
        failures.push(e);
    }
    let hidden: Vec<&str> = parse(link.split_once('?').map_or("", |(_, q)| q))
        .state
        .hide
        .iter()
        .map(|c| c.name())
        .collect();
    if hidden != ["lr", "seed"] {
        failures.push(format!(
            "the built link hides {hidden:?}, not the ticked lr, seed"
        ));
    }

    assert!(embed_started.is_ok(), "{embed_started:?}");
    assert!(plain_started.is_ok(), "{plain_started:?}");
    assert!(failures.is_empty(), "{}", lines(&failures));
    assert_clean_console(&errors);
}

/// The normal page's first screen: both plots whole (their cards too, with the map's read-out
/// line), the run bar and the read-outs, without scrolling, on a 1280×720 laptop and a 1920×1080
/// screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_first_screen_holds_both_plots_the_run_bar_and_the_readouts() {
    const ON_SCREEN: [&str; 12] = [
        "#surface",
        "#loss-chart",
        ".plots > .plot-card:first-child",
        ".plots > .side-card",
        "#surface-hover",
        "#play",
        "#step",
        "#reset",
        "#status",
        "#epoch",
        "#loss",
        "#grad-wrec",
    ];
    let page = AppPage::start().await;
    let mut outside = Vec::new();
    let mut sizes = Vec::new();
    for (w, h, lang) in [(1280, 720, "en"), (1280, 720, "ja"), (1920, 1080, "en")] {
        page.set_viewport(w, h).await;
        let scene = format!("{w}×{h} {lang}");
        if let Err(e) = page.open(&format!("?lang={lang}")).await {
            outside.push(format!("{scene}: {e}"));
            continue;
        }
        let _ = page
            .wait_js("document.querySelector('#surface').width > 1", 5)
            .await;
        tokio::time::sleep(Duration::from_millis(400)).await;
        sizes.push((scene.clone(), page.viewport().await));
        outside.extend(off_screen(&page, &scene, &ON_SCREEN, (f64::from(w), f64::from(h))).await);
        page.screenshot(&format!("first-screen-{w}-{lang}")).await;
    }
    let errors = page.finish().await;

    assert_eq!(
        sizes.iter().map(|s| s.1).collect::<Vec<_>>(),
        [(1280, 720), (1280, 720), (1920, 1080)]
    );
    assert!(
        outside.is_empty(),
        "off the first screen:\n{}",
        lines(&outside)
    );
    assert_clean_console(&errors);
}

/// The containers on a 375 px phone that must not scroll sideways: the data table with its y
/// column, the inside view's step strip, and the gradient plot's six-pairs label and key.
const PHONE_CONTAINERS: [&str; 6] = [
    ".data-table-scroll",
    ".data-table-panel",
    ".unrolled-strip",
    ".six-keys",
    "[data-control=\"six\"]",
    ".grad-time-panel",
];

/// Every element of those containers that reaches past the window's sides, as text.
const PAST_THE_SIDES: &str = r#"
    const w = window.innerWidth;
    const out = [];
    for (const css of arguments[0]) {
        for (const box of document.querySelectorAll(css)) {
            for (const el of [box, ...box.querySelectorAll('*')]) {
                if (el.getClientRects().length === 0) { continue; }
                const r = el.getBoundingClientRect();
                if (r.right > w + 0.5 || r.left < -0.5) {
                    out.push(`${el.tagName.toLowerCase()}.${el.className} [${r.left}, ${r.right}]`);
                }
            }
        }
    }
    return out.slice(0, 8);
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_375px_phone_fits_the_data_table_the_step_strip_and_the_six_pairs_label() {
    let page = AppPage::start_sized(375, 667).await;
    let viewport = page.viewport().await;
    let mut failures = Vec::new();
    for (shot, query) in [
        "?lang=en&inside=1&six=1&len=50",
        "?lang=ja&inside=1&six=1&len=50",
        "?lang=en&inside=1&six=1&preset=exploding&at=2",
        "?lang=ja&inside=1&six=1&len=200&preset=vanishing",
    ]
    .into_iter()
    .enumerate()
    {
        if let Err(e) = page.open(query).await {
            failures.push(format!("{query}: {e}"));
            continue;
        }
        let _ = page
            .wait_js("document.querySelector('.unrolled-strip') && document.querySelector('#data-table tbody tr')", 5)
            .await;
        let _ = page.play_briefly().await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        for css in PHONE_CONTAINERS {
            let fit = page
                .eval(
                    r#"const el = document.querySelector(arguments[0]);
                       if (!el) { return 'missing'; }
                       if (el.getClientRects().length === 0) { return 'not displayed'; }
                       const r = el.getBoundingClientRect();
                       if (el.scrollWidth > el.clientWidth + 0.5) {
                           return `scrolls: ${el.scrollWidth} px of content in ${el.clientWidth}`;
                       }
                       if (r.right > window.innerWidth + 0.5 || r.left < -0.5) {
                           return `reaches [${r.left}, ${r.right}] in a ${window.innerWidth} px window`;
                       }
                       return null;"#,
                    vec![serde_json::json!(css)],
                )
                .await;
            if let Some(why) = fit.as_str() {
                failures.push(format!("{query}: {css}: {why}"));
            }
        }
        let past = page
            .eval(PAST_THE_SIDES, vec![serde_json::json!(PHONE_CONTAINERS)])
            .await;
        for el in past.as_array().into_iter().flatten() {
            failures.push(format!("{query}: {el} reaches past the window"));
        }
        page.eval(
            "document.querySelector('#data-table').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await;
        page.screenshot(&format!("phone-fit-{shot}")).await;
    }
    let width = page.scroll_width().await;
    let errors = page.finish().await;

    assert_eq!(viewport, (375, 667));
    assert!(width <= 375.0, "the page is {width}px wide");
    assert!(failures.is_empty(), "{}", lines(&failures));
    assert_clean_console(&errors);
}
