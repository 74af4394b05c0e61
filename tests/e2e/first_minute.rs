//! What a newcomer meets in the first minute is true and current: the data table follows the
//! data, a click on the map starts exactly where the hover line read (or says why not), the
//! range boxes take any partial typing, and the statuses and notices say what happened.

use std::time::Duration;

use fantoccini::Locator;
use rnn_playground::params::PresetId;
use rnn_playground::rnn::Named;

use crate::page::{AppPage, assert_clean_console, core_table_rows, number};

/// (data-seq, data-target, data-y, inputs cell) of every row.
async fn rows(page: &AppPage) -> Vec<[String; 4]> {
    let value = page
        .eval(
            "return [...document.querySelectorAll('#data-table [data-seq]')].map(r => \
             [r.dataset.seq, r.dataset.target, r.dataset.y, \
              r.querySelector('.seq-digits').textContent]);",
            vec![],
        )
        .await;
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| [0, 1, 2, 3].map(|i| r[i].as_str().unwrap_or_default().to_string()))
                .collect()
        })
        .unwrap_or_default()
}

/// The rows the core gives for the link `query` at epoch 0.
fn expected_rows(query: &str) -> Vec<[String; 4]> {
    core_table_rows(query, 0)
}

/// The seed of the data the page trains on now, from its link.
async fn data_seed(page: &AppPage) -> String {
    let search = page.search().await;
    search
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("seed="))
        .unwrap_or("1")
        .to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_data_table_always_shows_the_data_being_trained() {
    let page = AppPage::opened("?lang=en").await;
    let at_start = rows(&page).await;
    page.set_value("#seq-len", "200").await;
    let longer = page
        .wait_js(
            "[...document.querySelectorAll('#data-table .seq-digits')].every(c => c.textContent.endsWith('…'))",
            5,
        )
        .await;
    let after_len = rows(&page).await;
    page.click("#new-data").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let seed = data_seed(&page).await;
    let after_new = rows(&page).await;
    let target_cell = page
        .js("document.querySelector('#data-table [data-seq=\"0\"] td:nth-child(3)').textContent")
        .await;
    let errors = page.finish().await;

    assert_eq!(at_start, expected_rows("lang=en"));
    assert!(longer.is_ok(), "the sequences grew to 200: {after_len:?}");
    assert_eq!(after_len, expected_rows("lang=en&len=200"));
    assert_ne!(seed, "1", "New data draws another seed");
    assert_eq!(
        after_new,
        expected_rows(&format!("lang=en&len=200&seed={seed}"))
    );
    // A count is a whole number: `2`, not `2.0000`.
    let shown = target_cell.as_str().unwrap_or_default();
    assert!(
        !shown.is_empty() && shown.chars().all(|c| c.is_ascii_digit()),
        "{shown}"
    );
    assert_clean_console(&errors);
}

/// The weights the hover line reads: "w_x = 1.826, w_rec = 0.998 …".
fn hover_weights(line: &str) -> Option<(f64, f64)> {
    let rest = line.split("w_x = ").nth(1)?;
    let (x, rest) = rest.split_once(", w_rec = ")?;
    let rec: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    Some((x.parse().ok()?, rec.parse().ok()?))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_click_starts_where_the_hover_read_and_says_when_it_was_moved() {
    let page = AppPage::opened("?lang=en&view=0,3,0,3").await;
    let _ = page
        .wait_js(
            "/ms/.test(document.querySelector('#surface-ms').textContent)",
            20,
        )
        .await;
    let map = page.surface_geometry().await;
    let mut pairs = Vec::new();
    for (fx, fy) in [(0.31, 0.39), (0.777, 0.123), (0.5031, 0.6457)] {
        let (x, y) = map.point(fx, fy);
        page.hover_at(x, y).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let hover = page.text("#surface-hover").await;
        page.click_at(x, y).await;
        tokio::time::sleep(Duration::from_millis(200)).await;
        let start = (
            number(&page.value("#init-wx").await),
            number(&page.value("#init-wrec").await),
        );
        pairs.push((hover, start));
    }
    let note_in_range = page.visible("#pick-note").await;
    // Far outside the starts allowed (±10): the run starts at the edge, and says so.
    page.open("?lang=en&view=-100,100,-100,100").await.unwrap();
    let map = page.surface_geometry().await;
    let (x, y) = map.point(0.6765, 0.2535);
    page.click_at(x, y).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let moved_start = (
        number(&page.value("#init-wx").await),
        number(&page.value("#init-wrec").await),
    );
    let note = page.text("#pick-note").await;
    let errors = page.finish().await;

    for (hover, (wx, wrec)) in pairs {
        let (hx, hrec) = hover_weights(&hover).unwrap_or_else(|| panic!("{hover}"));
        assert_eq!((wx, wrec), (Some(hx), Some(hrec)), "hover read {hover}");
    }
    assert!(!note_in_range, "no note for a start inside the range");
    assert_eq!(moved_start, (Some(10.0), Some(10.0)));
    assert!(
        note.contains("outside") && note.contains("(10.000, 10.000)"),
        "{note}"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_range_boxes_take_any_partial_typing_and_show_their_whole_value() {
    let page = AppPage::opened("?lang=en&view=-1000,1000,-3,3").await;
    let fits = page
        .js("[...document.querySelectorAll('.view-custom input')].every(i => i.scrollWidth <= i.clientWidth)")
        .await;
    let shown = page.value("#view-xmin").await;
    let input = page
        .client()
        .find(Locator::Css("#view-xmin"))
        .await
        .expect("the box");
    input.clear().await.expect("clear");
    let mut typed_so_far = Vec::new();
    for key in ["-", "0", ".", "5"] {
        input.send_keys(key).await.expect("type");
        typed_so_far.push(page.value("#view-xmin").await);
    }
    input.send_keys("\u{E007}").await.expect("enter");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let view = page.surface_geometry().await.view;
    let errors = page.finish().await;

    assert_eq!(shown, "-1000");
    assert_eq!(
        fits,
        serde_json::json!(true),
        "every box shows its whole value"
    );
    assert_eq!(typed_so_far, ["-", "-0", "-0.", "-0.5"]);
    assert_eq!(view[0], -0.5, "Enter applies the typed range");
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_decimal_comma_is_explained() {
    let page = AppPage::opened("?lang=en&opt=gd").await;
    page.set_value("#lr", "1,5").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let message = page.text("#lr-msg").await;
    let errors = page.finish().await;
    assert!(
        message.contains("comma") && message.contains("1.5"),
        "{message}"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_surface_timing_is_not_on_the_page_but_in_a_tooltip() {
    let page = AppPage::opened("?lang=en").await;
    let _ = page
        .wait_js(
            "/ms/.test(document.querySelector('#surface-ms').textContent)",
            20,
        )
        .await;
    let visible = page.visible("#surface-ms").await;
    let tooltip = page
        .attr("#surface-title", "title")
        .await
        .unwrap_or_default();
    page.open("?lang=en&bench=1").await.unwrap();
    let bench_visible = page.visible("#surface-ms").await;
    let errors = page.finish().await;
    assert!(!visible, "developer output stays off the first screen");
    assert!(tooltip.contains("ms"), "{tooltip}");
    assert!(bench_visible, "the benchmark mode shows it");
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_bracket_keys_reach_every_scenario() {
    let expected: Vec<String> = PresetId::names().into_iter().map(String::from).collect();
    let page = AppPage::opened("?lang=en").await;
    page.blur().await;
    let mut chosen = Vec::new();
    for _ in 0..expected.len() {
        page.press(']').await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        chosen.push(page.value("#preset").await);
    }
    page.press('[').await;
    tokio::time::sleep(Duration::from_millis(150)).await;
    let back = page.value("#preset").await;
    // Back to the race on the post's data, one key at a time.
    let race_seed = expected.iter().position(|n| n == "race-seed").unwrap();
    for _ in race_seed..expected.len() - 2 {
        page.press('[').await;
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let at_race = page.value("#preset").await;
    let names: Vec<String> = page
        .js("[...document.querySelectorAll('#race-results .racer-settings')].map(e => e.textContent)")
        .await
        .as_array()
        .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
        .unwrap_or_default();
    let errors = page.finish().await;

    assert_eq!(chosen, expected);
    assert_eq!(back, expected[expected.len() - 2], "[ goes back one");
    assert_eq!(at_race, "race-seed");
    // The race on the post's data names its racers by rule, never by link ids.
    assert_eq!(names[1], "Momentum (lr = 1e-5)", "{names:?}");
    assert!(
        names.iter().all(|n| !n.contains("rmsprop-seed")),
        "{names:?}"
    );
    assert_clean_console(&errors);
}
