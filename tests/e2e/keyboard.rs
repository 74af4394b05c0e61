//! Keyboard: Space, s, →, r, n, l, ? and Escape drive the app, but typing in a box is typing.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::page::{AppPage, assert_clean_console, lines};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn keyboard_shortcuts_drive_the_run_but_not_while_typing() {
    let page = AppPage::opened("").await;
    let mut checks: Vec<(&str, bool, String)> = Vec::new();
    let short = Duration::from_secs(3);

    page.blur().await;
    let label_before = page.text("#play").await;
    page.press(Key::Space.into()).await;
    let on = page
        .wait_until(short, || async { page.playing().await })
        .await;
    let label_playing = page.text("#play").await;
    page.press(Key::Space.into()).await;
    let off = page
        .wait_until(short, || async { !page.playing().await })
        .await;
    let label_paused = page.text("#play").await;
    checks.push((
        "Space plays and pauses",
        on.is_ok() && off.is_ok() && label_playing != label_before && label_paused == label_before,
        format!("{label_before:?} → {label_playing:?} → {label_paused:?}"),
    ));

    let e0 = page.epoch().await.unwrap_or(0);
    page.press('s').await;
    let s = page.wait_epoch(e0 + 1, short).await;
    checks.push(("s steps one epoch", s.is_ok(), format!("{s:?}")));
    page.press(Key::Right.into()).await;
    let right = page.wait_epoch(e0 + 2, short).await;
    checks.push(("→ steps one epoch", right.is_ok(), format!("{right:?}")));
    page.press('r').await;
    let r = page.wait_epoch(0, short).await;
    checks.push(("r resets", r.is_ok(), format!("{r:?}")));

    let seed_before = page.value("#seed").await;
    page.press('n').await;
    let n = page
        .wait_until(short, || async { page.value("#seed").await != seed_before })
        .await;
    checks.push((
        "n draws new data",
        n.is_ok(),
        format!("#seed {seed_before} → {}", page.value("#seed").await),
    ));

    let log_checked = || async {
        page.eval(
            "const c = document.querySelector('#log-y'); return c ? c.checked : null;",
            vec![],
        )
        .await
    };
    let log_before = log_checked().await;
    page.press('l').await;
    let l = page
        .wait_until(short, || async {
            let now = log_checked().await;
            now.is_boolean() && now != log_before
        })
        .await;
    checks.push((
        "l toggles #log-y",
        l.is_ok(),
        format!("{log_before} → {}", log_checked().await),
    ));

    page.press('?').await;
    let opened = page
        .wait_until(short, || async { page.visible("#shortcuts").await })
        .await;
    let role = if page.exists("#shortcuts").await {
        page.attr("#shortcuts", "role").await
    } else {
        None
    };
    page.press(Key::Escape.into()).await;
    let closed = page
        .wait_until(short, || async { !page.visible("#shortcuts").await })
        .await;
    checks.push((
        "? opens #shortcuts (role=dialog), Escape closes it",
        opened.is_ok() && closed.is_ok() && role.as_deref() == Some("dialog"),
        format!("opened {opened:?}, closed {closed:?}, role {role:?}"),
    ));

    // Typing in a box is typing, not shortcuts.
    page.step().await;
    page.step().await;
    let typed_from = page.wait_epoch(2, short).await;
    let seed_typed_from = page.value("#seed").await;
    let lr_box = page.client().find(Locator::Css("#lr")).await;
    let typed = match &lr_box {
        Ok(el) => el.send_keys("s r n").await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after_typing = (page.epoch().await, page.value("#seed").await);
    checks.push((
        "s r n typed in #lr neither steps, resets nor draws new data",
        typed_from.is_ok() && typed.is_ok() && after_typing == (Some(2), seed_typed_from.clone()),
        format!(
            "{typed:?}; epoch/seed after typing {after_typing:?}, seed before {seed_typed_from}"
        ),
    ));
    let errors = page.finish().await;

    let failed: Vec<String> = checks
        .iter()
        .filter(|(_, ok, _)| !ok)
        .map(|(what, _, detail)| format!("{what}: {detail}"))
        .collect();
    assert!(failed.is_empty(), "{}", lines(&failed));
    assert_clean_console(&errors);
}
