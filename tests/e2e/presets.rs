//! Presets: the scenario menu sets a whole run and says what to watch; `preset=` links start
//! one (the exploding one diverges, the Rprop one ends near (1, 1)); key 3 picks the third.
//!
//! What each preset sets and says comes from the crate's own table (`params::PresetId`).

use std::time::Duration;

use rnn_playground::params::{Lang, PresetId};

use crate::page::{AppPage, assert_clean_console};
use rnn_playground::rnn::Named;
use rnn_playground::text::Text;
use strum::IntoEnumIterator;

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presets_set_the_run_caption_what_to_watch_and_start_from_links_and_keys() {
    let page = AppPage::opened("").await;
    let options = page
        .eval(
            "return [...document.querySelectorAll('#preset option')].map(o => o.value);",
            vec![],
        )
        .await;
    let mut chosen = Vec::new();
    if page.exists("#preset").await {
        for preset in PresetId::all() {
            page.step().await; // so that the reset a preset makes is visible
            page.set_value("#preset", preset.name()).await;
            let _ = page
                .wait_until(Duration::from_secs(3), || async {
                    normalized(&page.text("#preset-caption").await)
                        == normalized((Text::get(Lang::En).preset_caption)(preset))
                })
                .await;
            // A race preset hides the single run's read-outs; its panel counts the epochs.
            let epoch = match page.epoch().await {
                Some(epoch) => Some(epoch),
                None => page
                    .attr("#race-panel", "data-epoch")
                    .await
                    .and_then(|e| e.parse().ok()),
            };
            chosen.push((
                preset,
                page.text("#preset-caption").await,
                page.value("#optimizer").await,
                epoch,
            ));
        }
    }

    // `preset=exploding` diverges.
    let exploding_started = page.open("?preset=exploding").await;
    page.play().await;
    let diverged = page
        .wait_until(Duration::from_secs(10), || async {
            page.status().await == "diverged"
                || page.status_text().await.to_lowercase().contains("diverged")
        })
        .await;
    let exploding_status = page.status_text().await;

    // `preset=roelants-rprop` ends near (1, 1) at its stop.
    let rprop_started = page.open("?preset=roelants-rprop").await;
    page.play().await;
    let stopped = page
        .wait_until(Duration::from_secs(30), || async {
            page.epoch().await.is_some_and(|e| e > 0) && page.status().await != "running"
        })
        .await;
    let rprop_end = (
        page.epoch().await,
        page.shown("w-x").await,
        page.shown("w-rec").await,
    );

    // Key 3 picks the third preset.
    let plain_started = page.open("").await;
    page.blur().await;
    page.press('3').await;
    let third = PresetId::from_number(3).expect("a third preset");
    let keyed = page
        .wait_until(Duration::from_secs(3), || async {
            page.exists("#preset").await && page.value("#preset").await == third.name()
        })
        .await;
    let keyed_optimizer = page.value("#optimizer").await;
    let errors = page.finish().await;

    let mut expected_options = vec![String::new()];
    expected_options.extend(PresetId::names().into_iter().map(str::to_string));
    let options: Vec<String> = options
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(options, expected_options, "#preset options");
    let mut previous = String::new();
    for (preset, caption, optimizer, epoch) in &chosen {
        let caption = normalized(caption);
        assert!(
            !caption.is_empty() && caption != previous,
            "{}: caption {caption:?}",
            preset.name()
        );
        assert_eq!(
            caption,
            normalized((Text::get(Lang::En).preset_caption)(*preset)),
            "{}",
            preset.name()
        );
        assert_eq!(
            optimizer,
            preset.state().optimizer.kind.name(),
            "{} sets the optimizer",
            preset.name()
        );
        assert_eq!(*epoch, Some(0), "{} resets the run", preset.name());
        previous = caption;
    }
    assert!(exploding_started.is_ok(), "{exploding_started:?}");
    assert!(
        diverged.is_ok(),
        "preset=exploding did not diverge: {exploding_status}"
    );
    assert!(rprop_started.is_ok(), "{rprop_started:?}");
    assert!(
        stopped.is_ok(),
        "preset=roelants-rprop never stopped: {rprop_end:?}"
    );
    let (end_epoch, w_x, w_rec) = rprop_end;
    assert_eq!(end_epoch, Some(500), "it stops at its 500 epochs");
    assert!(
        (w_x.unwrap_or(f64::NAN) - 1.0).abs() <= 0.01
            && (w_rec.unwrap_or(f64::NAN) - 1.0).abs() <= 0.01,
        "Rprop ends at ({w_x:?}, {w_rec:?}), not near (1, 1)"
    );
    assert!(plain_started.is_ok(), "{plain_started:?}");
    assert!(keyed.is_ok(), "key 3 did not select {}", third.name());
    assert_eq!(keyed_optimizer, third.state().optimizer.kind.name());
    assert_clean_console(&errors);
}

/// Once a setting that shapes the run differs from its scenario, the page says so under the
/// caption, lists the difference, and restores the scenario on one click; on the projector the
/// lesson card beside the map says the same on the first screen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_modified_scenario_says_so_and_restores_on_one_click() {
    let page = AppPage::opened("?preset=seed-gd&lang=en").await;
    let as_designed = page.visible("#scenario-modified").await;
    page.set_value("#seq-len", "50").await;
    let said = page
        .wait_until(Duration::from_secs(3), || async {
            page.visible("#scenario-modified").await
        })
        .await;
    let note = normalized(&page.text("#scenario-modified p").await);
    let outdated = page
        .js("document.querySelector('#preset-caption').classList.contains('outdated')")
        .await;
    let search = page.search_when(|s| s.contains("len=50")).await;
    page.screenshot("scenario-modified").await;
    page.click("#scenario-restore").await;
    let restored = page
        .wait_until(Duration::from_secs(3), || async {
            !page.visible("#scenario-modified").await
        })
        .await;
    let len = page.value("#seq-len").await;
    let after = page.search_when(|s| !s.contains("len=")).await;
    let projected = page.open("?preset=seed-gd&lang=en&present=1&len=50").await;
    let lesson_line = normalized(&page.text("#lesson-modified").await);
    let [_, _, _, lesson_bottom] = page.rect("#lesson-modified").await;
    page.screenshot("present-modified").await;
    let errors = page.finish().await;

    assert!(
        !as_designed,
        "the scenario as designed is not marked modified"
    );
    assert_eq!(said, Ok(()), "the change is said");
    let en = Text::get(Lang::En);
    assert_eq!(note, (en.scenario_modified)(1, "len 10 → 50"));
    assert_eq!(outdated, serde_json::json!(true));
    assert!(search.contains("len=50"), "{search}");
    assert_eq!(restored, Ok(()));
    assert_eq!(len, "10");
    assert!(!after.contains("len="), "{after}");
    assert_eq!(projected, Ok(()));
    assert_eq!(lesson_line, (en.scenario_modified)(1, "len 10 → 50"));
    assert!(
        lesson_bottom <= 720.0,
        "on the first screen: {lesson_bottom}"
    );
    assert_clean_console(&errors);
}

/// Every scenario's name fits the closed menu at 1280×720, in English and in Japanese: no
/// "6. Clipping rescues gradient desce…".
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn every_scenario_name_fits_the_closed_menu() {
    // The text width of each option in the select's own font, against the room inside it
    // (its content box less the drop-down arrow).
    const MEASURE: &str = r#"
        const select = document.querySelector('#preset');
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const room = select.clientWidth - parseFloat(style.paddingLeft)
            - parseFloat(style.paddingRight) - 20;
        return [...select.options]
            .map(o => [o.textContent, context.measureText(o.textContent).width, room]);
    "#;
    let page = AppPage::opened("?lang=en").await;
    let mut too_wide = Vec::new();
    let mut measured = 0;
    for lang in ["en", "ja"] {
        let started = page.open(&format!("?lang={lang}")).await;
        assert!(started.is_ok(), "{started:?}");
        let options = page.eval(MEASURE, vec![]).await;
        for option in options.as_array().cloned().unwrap_or_default() {
            measured += 1;
            let (name, width, room) = (
                option[0].as_str().unwrap_or_default().to_string(),
                option[1].as_f64().unwrap_or(f64::INFINITY),
                option[2].as_f64().unwrap_or(0.0),
            );
            if width > room {
                too_wide.push(format!("{lang}: {name:?} is {width:.0} px in {room:.0} px"));
            }
        }
    }
    let errors = page.finish().await;

    assert_eq!(
        measured,
        2 * (PresetId::iter().count() + 1),
        "every option measured"
    );
    assert!(too_wide.is_empty(), "{}", too_wide.join("\n"));
    assert_clean_console(&errors);
}
