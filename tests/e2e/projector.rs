//! The projector: presentation mode (`present=1`) at 1280×720 has a visible way out, keeps the
//! controls a lecturer changes live on its first screen, and is readable from the back row; a
//! race names its racers in a legend on the first screen, in both modes.

use std::time::Duration;

use rnn_playground::params::{Lang, parse};
use rnn_playground::plot::racer_colour;
use rnn_playground::text::Text;

use crate::page::{AppPage, assert_clean_console, lines};

/// The controls a lecturer changes during a lesson, each of which must be on the first screen.
const LIVE_CONTROLS: [&str; 9] = [
    "#preset",
    "#optimizer",
    "#lr",
    "#clip",
    "#play",
    "#step",
    "#reset",
    "#copy-link",
    "#present-exit",
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_mode_has_an_exit_button_in_both_languages_that_leaves_it() {
    let page = AppPage::opened("?present=1&lang=ja").await;
    let ja_label = page.text("#present-exit").await;
    let opened = page.open("?present=1&lang=en").await;
    let en_label = page.text("#present-exit").await;
    let reachable = page.unreachable("#present-exit").await;
    page.click("#present-exit").await;
    let left = page
        .wait_until(Duration::from_secs(3), || async {
            !page.app_has_class("present").await
        })
        .await;
    let body_present = page.js("document.body.classList.contains('present')").await;
    let search = page.search_when(|s| !s.contains("present")).await;
    let exit_gone = !page.visible("#present-exit").await;
    let errors = page.finish().await;

    assert!(opened.is_ok(), "{opened:?}");
    assert_eq!(en_label, Text::get(Lang::En).present_exit);
    assert_eq!(ja_label, Text::get(Lang::Ja).present_exit);
    assert_eq!(
        reachable, None,
        "the exit button is not on the first screen"
    );
    assert!(
        left.is_ok(),
        "#present-exit did not leave presentation mode"
    );
    assert_eq!(body_present, serde_json::Value::Bool(false));
    assert!(!search.contains("present"), "the address keeps {search:?}");
    assert!(
        exit_gone,
        "#present-exit still shown outside presentation mode"
    );
    assert_clean_console(&errors);
}

/// The scenario, the rule, the rate, the clip, the run buttons and Copy link, each wholly in the
/// 1280×720 window and not covered, in presentation mode: for the default page, a scenario with
/// clipping on (its read-outs take room), a rule with more hyperparameters, and a race.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_live_controls_are_on_the_first_screen_of_presentation_mode_at_1280_by_720() {
    const SCENES: [&str; 4] = [
        "?present=1&lang=en",
        "?preset=clipping&present=1&lang=en",
        "?opt=adam&present=1&lang=en",
        "?preset=race-seed&present=1&lang=en",
    ];
    let page = AppPage::start().await;
    let viewport = page.viewport().await;
    let mut failures = Vec::new();
    for (i, query) in SCENES.iter().enumerate() {
        if let Err(e) = page.open(query).await {
            failures.push(format!("{query}: {e}"));
            continue;
        }
        let _ = page
            .wait_js("document.querySelector('#surface').width > 1", 5)
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        for css in LIVE_CONTROLS {
            if let Some(why) = page.unreachable(css).await {
                failures.push(format!("{query}: {why}"));
            }
        }
        page.screenshot(&format!("present-live-{i}")).await;
    }
    let errors = page.finish().await;

    assert_eq!(viewport, (1280, 720));
    assert!(failures.is_empty(), "{}", lines(&failures));
    assert_clean_console(&errors);
}

/// The read-outs' numbers and labels (px), and the loss curve's height, as the page shows them.
const SIZES: &str = r#"
    const px = el => parseFloat(getComputedStyle(el).fontSize);
    const numbers = [...document.querySelectorAll('.readout dd')].map(px);
    const labels = [...document.querySelectorAll('.readout dt')].map(px);
    const chart = document.querySelector('#loss-chart').getBoundingClientRect();
    return { numbers, labels, chart: chart.height, chart_bottom: chart.bottom };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_mode_is_readable_from_the_back_row() {
    let page = AppPage::opened("?lang=en").await;
    let normal = page.eval(SIZES, vec![]).await;
    let mut present = Vec::new();
    for query in [
        "?present=1&lang=en",
        "?preset=clipping&present=1&lang=en",
        "?present=1&lang=ja",
    ] {
        let opened = page.open(query).await;
        let _ = page
            .wait_js("document.querySelector('#loss-chart').height > 1", 5)
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        present.push((query, opened, page.eval(SIZES, vec![]).await));
    }
    let inner_height = page.js_number("window.innerHeight").await;
    let errors = page.finish().await;

    let sizes = |v: &serde_json::Value, key: &str| -> Vec<f64> {
        v[key]
            .as_array()
            .map(|a| a.iter().filter_map(serde_json::Value::as_f64).collect())
            .unwrap_or_default()
    };
    let normal_number = sizes(&normal, "numbers")
        .into_iter()
        .fold(f64::NAN, f64::max);
    assert!(normal_number > 0.0, "no read-out numbers on the page");
    let mut failures = Vec::new();
    for (query, opened, v) in &present {
        if let Err(e) = opened {
            failures.push(format!("{query}: {e}"));
            continue;
        }
        let numbers = sizes(v, "numbers");
        let labels = sizes(v, "labels");
        if numbers.is_empty() || labels.is_empty() {
            failures.push(format!("{query}: no read-outs"));
        }
        for n in numbers {
            if n < 22.0 || n < 1.3 * normal_number {
                failures.push(format!(
                    "{query}: a read-out number is {n}px (page: {normal_number}px)"
                ));
            }
        }
        for l in labels {
            if l < 16.0 {
                failures.push(format!("{query}: a read-out label is {l}px"));
            }
        }
        let chart = v["chart"].as_f64().unwrap_or(f64::NAN);
        if chart.is_nan() || chart < 300.0 {
            failures.push(format!("{query}: the loss curve is {chart}px tall"));
        }
        let bottom = v["chart_bottom"].as_f64().unwrap_or(f64::NAN);
        if bottom.is_nan() || bottom > inner_height + 0.5 {
            failures.push(format!(
                "{query}: the loss curve ends at {bottom}, below the {inner_height}px window"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", lines(&failures));
    assert_clean_console(&errors);
}

/// `#race-legend`'s entries: racer number, swatch colour and name.
const LEGEND: &str = r#"
    return [...document.querySelectorAll('#race-legend [data-racer]')].map(li => ({
        racer: li.dataset.racer,
        colour: getComputedStyle(li.querySelector('.swatch')).backgroundColor,
        name: li.querySelector('.race-legend-name').textContent.trim(),
    }));
"#;

/// The results table's racer labels, in order.
const TABLE_NAMES: &str = r#"
    return [...document.querySelectorAll('#race-results tbody tr .racer-settings')]
        .map(s => s.textContent.trim());
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_race_shows_its_legend_on_the_first_screen_in_normal_and_presentation_mode() {
    const RACE: &str = "race=gd;momentum;rprop;adam&lang=en";
    let page = AppPage::start().await;
    let mut failures = Vec::new();
    let mut caption = String::new();
    for (mode, query) in [
        ("normal", format!("?{RACE}")),
        ("present", format!("?{RACE}&present=1")),
    ] {
        if let Err(e) = page.open(&query).await {
            failures.push(format!("{mode}: {e}"));
            continue;
        }
        let _ = page
            .wait_js(
                "document.querySelectorAll('#race-results tbody tr').length > 0",
                5,
            )
            .await;
        let _ = page.play_briefly().await;
        let legend = page.eval(LEGEND, vec![]).await;
        let table = page.eval(TABLE_NAMES, vec![]).await;
        if let Some(why) = page.unreachable("#race-legend").await {
            failures.push(format!("{mode}: {why}"));
        }
        let entries = legend.as_array().cloned().unwrap_or_default();
        let racers = parse(&query).state.race.len();
        if entries.len() != racers {
            failures.push(format!(
                "{mode}: {} legend entries for {racers} racers",
                entries.len()
            ));
        }
        for (i, entry) in entries.iter().enumerate() {
            let [r, g, b] = racer_colour(i).1;
            let colour = format!("rgb({r}, {g}, {b})");
            if entry["racer"] != serde_json::json!((i + 1).to_string()) {
                failures.push(format!("{mode}: entry {i} is racer {}", entry["racer"]));
            }
            if entry["colour"] != serde_json::json!(colour) {
                failures.push(format!(
                    "{mode}: racer {} swatch {}, not {colour}",
                    i + 1,
                    entry["colour"]
                ));
            }
            if entry["name"] != table[i] || entry["name"].as_str().is_none_or(str::is_empty) {
                failures.push(format!(
                    "{mode}: racer {} named {} in the legend, {} in the table",
                    i + 1,
                    entry["name"],
                    table[i]
                ));
            }
        }
        page.screenshot(&format!("race-legend-{mode}")).await;
        if mode == "normal" {
            caption = page.text("#data-table-showing").await;
        }
    }
    let errors = page.finish().await;

    assert!(failures.is_empty(), "{}", lines(&failures));
    // The data table shows the page's own run (RMSProp, the 2016 post's rule by default), not a
    // racer, and says so.
    assert!(
        caption.starts_with("Showing: ") && caption.contains("not a racer"),
        "#data-table-showing: {caption:?}"
    );
    assert_clean_console(&errors);
}
