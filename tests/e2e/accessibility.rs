//! Accessibility: every control has an accessible name, keyboard focus is visible, and a status
//! change (a divergence) is announced to screen readers.

use std::time::Duration;

use fantoccini::key::Key;
use serde_json::json;

use crate::page::{AppPage, assert_clean_console};

/// The visible form controls without an accessible name (label, aria-label(ledby), text, title).
const UNNAMED_CONTROLS: &str = r#"
    document.querySelectorAll('details').forEach(d => { d.open = true; });
    const named = el => {
        if ((el.getAttribute('aria-label') || '').trim()) { return true; }
        const by = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
        if (by.some(id => (document.getElementById(id)?.textContent || '').trim())) { return true; }
        if (el.labels && [...el.labels].some(l => l.textContent.trim())) { return true; }
        if (el.tagName === 'BUTTON' && el.textContent.trim()) { return true; }
        if ((el.getAttribute('title') || '').trim()) { return true; }
        return false;
    };
    return [...document.querySelectorAll('input, select, button, textarea')]
        .filter(el => el.type !== 'hidden' && el.getClientRects().length > 0)
        .filter(el => !named(el))
        .map(el => el.outerHTML.slice(0, 160));
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn controls_are_named_focus_is_visible_and_status_is_announced() {
    let page = AppPage::opened("").await;

    // Tab from the top of the page to #play.
    page.blur().await;
    let mut reached_play = false;
    for _ in 0..80 {
        page.press(Key::Tab.into()).await;
        if page.focused_id().await == json!("play") {
            reached_play = true;
            break;
        }
    }
    let focus_style = page
        .eval(
            r#"const s = getComputedStyle(document.activeElement);
               return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
                        shadow: s.boxShadow };"#,
            vec![],
        )
        .await;

    let unnamed = page.eval(UNNAMED_CONTROLS, vec![]).await;
    let announcer = page
        .eval(
            r#"const a = document.querySelector('#announcer');
               return a ? a.getAttribute('aria-live') : null;"#,
            vec![],
        )
        .await;

    let diverging_started = page.open("?preset=exploding").await;
    let diverged = page.play_until("diverged", Duration::from_secs(10)).await;
    let announced = page
        .wait_for_js(
            "document.querySelector('#announcer') && \
             /diverg/i.test(document.querySelector('#announcer').textContent)",
            Duration::from_secs(5),
        )
        .await;
    let announcer_text = page
        .js("document.querySelector('#announcer')?.textContent ?? null")
        .await;
    let errors = page.finish().await;

    assert!(reached_play, "Tab from the top never reached #play");
    let outlined = focus_style["outline"].as_str().is_some_and(|s| s != "none")
        && focus_style["width"].as_f64().unwrap_or(0.0) > 0.0;
    let shadowed = focus_style["shadow"].as_str().is_some_and(|s| s != "none");
    assert!(
        outlined || shadowed,
        "the focused #play has no visible focus: {focus_style}"
    );
    assert_eq!(unnamed, json!([]), "controls without an accessible name");
    assert!(
        announcer
            .as_str()
            .is_some_and(|v| v == "polite" || v == "assertive"),
        "#announcer with aria-live: {announcer}"
    );
    assert!(
        diverging_started.is_ok() && diverged.is_ok(),
        "{diverging_started:?} {diverged:?}"
    );
    assert!(
        announced.is_ok(),
        "#announcer does not mention the divergence: {announcer_text}"
    );
    assert_clean_console(&errors);
}
