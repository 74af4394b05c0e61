//! Back and forward: choosing a scenario, starting a race or entering presentation mode adds a
//! browser history entry, and Back returns to the settings before it within the same page;
//! typing in a box only rewrites the current entry.

use std::time::Duration;

use rnn_playground::params::parse;

use crate::page::{AppPage, assert_clean_console, lines};

/// Marks the document, so that a test can tell the same page from a reload.
const MARK: &str = "window.__same_document = true;";
const STILL_MARKED: &str = "window.__same_document === true";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn back_after_a_scenario_a_race_or_presentation_mode_returns_to_the_settings_before() {
    let page = AppPage::opened("?lang=en&lr=0.5").await;
    let mut failures = Vec::new();
    let start = page.search_when(|s| s.contains("lr=0.5")).await;
    page.eval(MARK, vec![]).await;
    let length = || page.js_number("history.length");

    // Typing a rate rewrites the entry, and adds none.
    let before_typing = length().await;
    page.set_value("#lr", "0.25").await;
    let typed = page.search_when(|s| s.contains("lr=0.25")).await;
    let after_typing = length().await;
    if !typed.contains("lr=0.25") {
        failures.push(format!("typing 0.25 left the address at {typed:?}"));
    }
    if after_typing != before_typing {
        failures.push(format!(
            "typing added history entries: {before_typing} → {after_typing}"
        ));
    }

    // A scenario: one new entry; Back restores the typed rate and no scenario, on this page.
    page.set_value("#preset", "exploding").await;
    let chosen = page.search_when(|s| s.contains("preset=exploding")).await;
    let after_scenario = length().await;
    if after_scenario != after_typing + 1.0 {
        failures.push(format!(
            "choosing a scenario: history {after_typing} → {after_scenario}, not one more"
        ));
    }
    page.eval("history.back();", vec![]).await;
    let back = page.search_when(|s| !s.contains("preset=")).await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.value("#lr").await == "0.25"
        })
        .await;
    let restored = (page.value("#preset").await, page.value("#lr").await);
    let same_document = page.js(STILL_MARKED).await;
    if !chosen.contains("preset=exploding") {
        failures.push(format!("the scenario's address is {chosen:?}"));
    }
    if parse(&back).state != parse(&typed).state {
        failures.push(format!("Back went to {back:?}, not {typed:?}"));
    }
    if restored != (String::new(), "0.25".to_string()) {
        failures.push(format!(
            "after Back the page shows scenario {:?} and rate {:?}",
            restored.0, restored.1
        ));
    }
    if same_document != serde_json::Value::Bool(true) {
        failures.push("Back left the page (the document was reloaded)".into());
    }

    // Forward returns to the scenario.
    page.eval("history.forward();", vec![]).await;
    let forward = page.search_when(|s| s.contains("preset=exploding")).await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.value("#preset").await == "exploding"
        })
        .await;
    if page.value("#preset").await != "exploding" {
        failures.push(format!(
            "Forward: address {forward:?}, menu not on the scenario"
        ));
    }

    // At the end of the history again. A race: one new entry; Back ends it, Forward restores it.
    let before_race = length().await;
    page.click("#race-add").await;
    let raced = page.search_when(|s| s.contains("race=")).await;
    let after_race = length().await;
    if !raced.contains("race=") || after_race != before_race + 1.0 {
        failures.push(format!(
            "starting a race: address {raced:?}, history {before_race} → {after_race}"
        ));
    }
    page.eval("history.back();", vec![]).await;
    let unraced = page.search_when(|s| !s.contains("race=")).await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            !page.visible("#race-panel").await
        })
        .await;
    if unraced.contains("race=") || page.visible("#race-panel").await {
        failures.push(format!(
            "Back after a race: {unraced:?}, race panel still shown"
        ));
    }
    page.eval("history.forward();", vec![]).await;
    let _ = page.search_when(|s| s.contains("race=")).await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.visible("#race-panel").await
        })
        .await;
    if !page.visible("#race-panel").await {
        failures.push("Forward did not bring the race back".into());
    }

    // Presentation mode (P): one new entry; Back leaves it.
    let before_present = length().await;
    page.blur().await;
    page.press('p').await;
    let presented = page.search_when(|s| s.contains("present=1")).await;
    let after_present = length().await;
    if !presented.contains("present=1") || after_present != before_present + 1.0 {
        failures.push(format!(
            "entering presentation mode: address {presented:?}, history {before_present} → {after_present}"
        ));
    }
    page.eval("history.back();", vec![]).await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            !page.app_has_class("present").await
        })
        .await;
    if page.app_has_class("present").await {
        failures.push("Back did not leave presentation mode".into());
    }
    if !page.visible("#race-panel").await {
        failures.push("Back from presentation mode lost the race".into());
    }
    let still_same = page.js(STILL_MARKED).await;
    if still_same != serde_json::Value::Bool(true) {
        failures.push("the page was reloaded along the way".into());
    }
    let errors = page.finish().await;

    assert!(start.contains("lr=0.5"), "{start:?}");
    assert!(failures.is_empty(), "{}", lines(&failures));
    assert_clean_console(&errors);
}
