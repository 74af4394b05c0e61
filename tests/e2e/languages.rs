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

/// Draws each distinct kana and kanji the Japanese page shows, one at a time, in `#play`'s font
/// on a canvas (which falls back through the system's fonts as the page's text does), and returns
/// the characters and how many different pictures they made. Without a Japanese font every one
/// of them is the same empty box (the fallback's missing-glyph box), so the pictures are all
/// alike; with one, different characters draw differently.
const DRAW_JAPANESE: &str = r#"
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/u;
    const chars = [...new Set([...document.body.innerText].filter((c) => japanese.test(c)))]
        .slice(0, 40);
    const style = getComputedStyle(document.querySelector('#play'));
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 48;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.font = `${style.fontWeight} 32px ${style.fontFamily}`;
    const pictures = chars.map((c) => {
        ctx.clearRect(0, 0, 48, 48);
        ctx.fillText(c, 4, 38);
        return Array.from(ctx.getImageData(0, 0, 48, 48).data.filter((_, i) => i % 4 === 3))
            .join(',');
    });
    return { chars: chars.join(''), pictures: new Set(pictures).size, font: ctx.font };
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_japanese_page_is_drawn_with_a_japanese_font() {
    let page = AppPage::opened("?lang=ja").await;
    let drawn = page.eval(DRAW_JAPANESE, vec![]).await;
    page.screenshot("ja-1280x720").await;
    let errors = page.finish().await;

    let chars = drawn["chars"].as_str().unwrap_or_default().to_owned();
    let count = chars.chars().count();
    assert!(
        count >= 20,
        "too few Japanese characters on the page: {drawn}"
    );
    assert_eq!(
        drawn["pictures"].as_u64(),
        Some(count as u64),
        "{count} Japanese characters drew as fewer pictures: no Japanese font \
         (`make setup-chromium` installs fonts-noto-cjk)? {drawn}"
    );
    assert_clean_console(&errors);
}
