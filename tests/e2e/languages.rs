//! Languages: a `lang=ja` link shows the app in Japanese, and the language switch brings it back
//! to English.

use std::time::Duration;

use serde_json::json;

use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_lang_ja_link_shows_japanese_and_the_switch_returns_to_english() {
    let page = AppPage::opened("?lang=ja").await;
    let html_lang = page
        .eval("return document.documentElement.lang;", vec![])
        .await;
    let play_ja = page.text("#play").await;
    let has_switch = page.exists("#lang").await;
    let switch_ja = if has_switch {
        page.value("#lang").await
    } else {
        String::new()
    };
    let mut after = None;
    if has_switch {
        page.set_value("#lang", "en").await;
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                page.text("#play").await.is_ascii()
            })
            .await;
        after = Some((
            page.text("#play").await,
            page.eval("return document.documentElement.lang;", vec![])
                .await,
        ));
    }
    let errors = page.finish().await;

    assert_eq!(html_lang, json!("ja"), "<html lang>");
    assert!(
        !play_ja.is_ascii() && !play_ja.trim().is_empty(),
        "#play in Japanese: {play_ja:?}"
    );
    assert!(has_switch, "#lang is missing");
    assert_eq!(switch_ja, "ja");
    let (play_en, html_en) = after.expect("switched");
    assert!(
        play_en.is_ascii() && play_en.to_lowercase().contains("play"),
        "#play in English: {play_en:?}"
    );
    assert_eq!(html_en, json!("en"));
    assert_clean_console(&errors);
}
