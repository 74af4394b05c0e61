//! Issue 4: share, embed and teach — the URL as the state, presets, classroom modes, keyboard,
//! export and import, Japanese, accessibility, phones and static hosting, in the release build.
//!
//! The ids come from the issue-4 contract (`#url-notice`, `#copy-link`, `#share-url`, `#preset`,
//! `#share-panel`, `#shortcuts`, `#lang`, `#export-*`, `#import-json`, `#announcer`, ...).
//! Where the parser decides what a URL means, the test asks the crate's own parser
//! (`params::parse`) and checks that the page shows exactly that.

use std::time::Duration;

use fantoccini::Locator;
use fantoccini::actions::{InputSource, KeyAction, KeyActions, PointerAction, TouchActions};
use fantoccini::key::Key;
use rnn_playground::params::{Lang, PresetId, parse};
use rnn_playground::rnn::{Hyper, Named, OptimizerKind, OptimizerSettings, Trainer, TrainerConfig};
use rnn_playground::text::Text;
use serde_json::{Value, json};

use crate::app::{number, surface_geometry, value};
use crate::harness::{Harness, LogEntry};
use crate::{APP_START, lines};

// ---------------------------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------------------------

/// Opens the app at `query` (e.g. `"?seed=3"`) and waits until it has mounted its read-outs.
async fn open_app(h: &Harness, query: &str) -> Result<(), String> {
    h.open(query).await;
    h.wait_for_app(APP_START).await?;
    h.wait_for_js("document.querySelector('#epoch') !== null", APP_START)
        .await
}

/// Whether the element matching `css` exists and takes up space on the page (not `hidden`,
/// not `display: none` itself or through an ancestor, not `visibility: hidden`).
async fn visible(h: &Harness, css: &str) -> bool {
    h.eval(
        r#"const el = document.querySelector(arguments[0]);
           return !!el && el.getClientRects().length > 0
               && getComputedStyle(el).visibility !== 'hidden';"#,
        vec![json!(css)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// The shown epoch (`None` if it is not a whole number).
async fn epoch(h: &Harness) -> Option<u64> {
    h.text("#epoch").await.trim().parse().ok()
}

/// `#status`'s keyword (ready, running, paused, converged, diverged, error).
async fn status_keyword(h: &Harness) -> String {
    h.attr("#status", "data-status").await.unwrap_or_default()
}

/// Waits until the shown epoch is `target`.
async fn wait_epoch(h: &Harness, target: u64, timeout: Duration) -> Result<(), String> {
    h.wait_until(timeout, || async { epoch(h).await == Some(target) })
        .await
        .map_err(|e| format!("#epoch never showed {target}: {e}"))
}

/// Takes the focus off any control, so key presses go to the page.
async fn blur(h: &Harness) {
    h.eval(
        "if (document.activeElement && document.activeElement.blur) { \
         document.activeElement.blur(); }",
        vec![],
    )
    .await;
}

/// A real key press (WebDriver key down + up) on whatever has the focus.
async fn press(h: &Harness, key: char) {
    let keys = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    h.client()
        .perform_actions(keys)
        .await
        .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
}

/// The element's box in the viewport: `[left, top, right, bottom]`.
async fn rect(h: &Harness, css: &str) -> [f64; 4] {
    let v = h
        .eval(
            r#"const el = document.querySelector(arguments[0]);
               if (!el) { return [NaN, NaN, NaN, NaN]; }
               const r = el.getBoundingClientRect();
               return [r.left, r.top, r.right, r.bottom];"#,
            vec![json!(css)],
        )
        .await;
    [0, 1, 2, 3].map(|i| v[i].as_f64().unwrap_or(f64::NAN))
}

/// Whether `#app` carries `class`.
async fn app_has_class(h: &Harness, class: &str) -> bool {
    h.eval(
        "const a = document.querySelector('#app'); return !!a && a.classList.contains(arguments[0]);",
        vec![json!(class)],
    )
    .await
    .as_bool()
    .unwrap_or(false)
}

/// The shown weights as text (what a user would compare).
async fn weights_text(h: &Harness) -> (String, String) {
    (h.text("#w-x").await, h.text("#w-rec").await)
}

/// The page's `location.search`.
async fn search(h: &Harness) -> String {
    h.eval("return location.search;", vec![])
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Clicks `#play`, waits until the epoch rises, and clicks it again to pause.
/// `Err` says what did not happen.
async fn play_briefly(h: &Harness) -> Result<(), String> {
    let before = epoch(h).await.ok_or("no epoch shown")?;
    h.click("#play").await;
    let rose = h
        .wait_until(Duration::from_secs(10), || async {
            epoch(h).await.is_some_and(|e| e > before)
        })
        .await;
    h.click("#play").await;
    rose.map_err(|e| format!("epoch stayed at {before} after play: {e}"))?;
    let paused = h
        .wait_until(Duration::from_secs(2), || async {
            h.attr("#play", "aria-pressed").await.as_deref() != Some("true")
        })
        .await;
    paused.map_err(|e| format!("the second click did not pause: {e}"))
}

/// Errors logged since `seen` entries, formatted for a message.
fn new_errors(errors: &[LogEntry], seen: usize) -> Vec<String> {
    errors.iter().skip(seen).map(|e| e.to_string()).collect()
}

/// Half a unit in the last of the read-outs' 5 significant digits (their display precision).
fn display_tolerance(value: f64) -> f64 {
    let magnitude = value.abs();
    if magnitude == 0.0 {
        return 5e-5;
    }
    0.5 * 10f64.powi(magnitude.log10().floor() as i32 - 4) * (1.0 + 1e-9)
}

/// Resolves a link the page shows (absolute, or relative to the page) to an absolute URL.
fn absolute(h: &Harness, link: &str) -> String {
    if link.starts_with("http://") || link.starts_with("https://") {
        link.to_string()
    } else {
        h.url(link)
    }
}

/// Opens a full URL in the same browser and waits for the app.
async fn goto_app(h: &Harness, url: &str) -> Result<(), String> {
    h.client()
        .goto(url)
        .await
        .map_err(|e| format!("open {url}: {e}"))?;
    h.wait_for_app(APP_START).await?;
    h.wait_for_js("document.querySelector('#epoch') !== null", APP_START)
        .await
}

// ---------------------------------------------------------------------------------------------
// 1. The URL is the state
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn url_state_fills_the_controls_and_follows_changes() {
    let query = "?opt=gd&lr=0.00002&len=12&n=30&seed=7&wx=0.5&wrec=1.5&speed=3";
    let h = Harness::start("/").await;
    let started = open_app(&h, query).await;
    let mut shown = Vec::new();
    for css in [
        "#optimizer",
        "#lr",
        "#seq-len",
        "#samples",
        "#seed",
        "#init-wx",
        "#init-wrec",
        "#speed",
    ] {
        shown.push((css, value(&h, css).await));
    }
    let notice_shown = visible(&h, "#url-notice").await;
    let history_before = h.eval("return history.length;", vec![]).await;
    h.set_value("#lr", "0.00005").await;
    let followed = h
        .wait_until(Duration::from_secs(5), || async {
            parse(&search(&h).await).state.optimizer[Hyper::Lr] == 5e-5
        })
        .await;
    let search_after = search(&h).await;
    let history_after = h.eval("return history.length;", vec![]).await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
    let expected = [
        ("#optimizer", None, "gd"),
        ("#lr", Some(2e-5), ""),
        ("#seq-len", Some(12.0), ""),
        ("#samples", Some(30.0), ""),
        ("#seed", Some(7.0), ""),
        ("#init-wx", Some(0.5), ""),
        ("#init-wrec", Some(1.5), ""),
        ("#speed", Some(3.0), ""),
    ];
    for ((css, got), (_, want_number, want_text)) in shown.iter().zip(expected) {
        match want_number {
            Some(want) => assert!(
                number(got).is_some_and(|g| (g - want).abs() <= 1e-12 * want.abs().max(1.0)),
                "{css} shows {got:?}, the URL says {want}"
            ),
            None => assert_eq!(got, want_text, "{css}"),
        }
    }
    assert!(!notice_shown, "a clean URL shows no #url-notice");
    assert!(
        followed.is_ok(),
        "location.search does not carry the new lr: {search_after:?}"
    );
    assert!(
        search_after.contains("lr="),
        "location.search: {search_after}"
    );
    assert_eq!(
        history_before, history_after,
        "changing a setting must replace the history entry, not add one"
    );
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 1. Determinism and `at=`
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn at_link_trains_to_the_same_moment_as_the_core() {
    const AT: u64 = 250;
    let h = Harness::start("/").await;
    let mut loads = Vec::new();
    for _ in 0..2 {
        let started = open_app(&h, &format!("?at={AT}")).await;
        let reached = wait_epoch(&h, AT, Duration::from_secs(10)).await;
        // Still there a moment later: `at=` trains once, it does not start playing.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let texts = [
            h.text("#epoch").await,
            h.text("#w-x").await,
            h.text("#w-rec").await,
            h.text("#loss").await,
        ];
        loads.push((started, reached, texts));
    }
    let errors = h.browser_errors().await;
    h.close().await;

    let mut trainer = Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::RmspropSeed,
    )))
    .expect("the seed's run builds");
    assert_eq!(trainer.run(AT), AT);
    let (core_loss, _) = trainer.evaluate();
    let core = [trainer.weights().w_x, trainer.weights().w_rec, core_loss];

    for (started, reached, texts) in &loads {
        assert!(started.is_ok(), "{started:?}");
        assert!(reached.is_ok(), "{reached:?} (shown: {texts:?})");
        assert_eq!(texts[0].trim(), AT.to_string(), "epoch {texts:?}");
        for (name, (text, want)) in ["w_x", "w_rec", "loss"]
            .iter()
            .zip(texts[1..].iter().zip(core))
        {
            let shown = number(text).unwrap_or(f64::NAN);
            assert!(
                (shown - want).abs() <= display_tolerance(want),
                "{name}: the page shows {text}, the core has {want}"
            );
        }
    }
    assert_eq!(
        loads[0].2, loads[1].2,
        "the same link must give the same numbers"
    );
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 1. Copy link
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn copy_link_reopens_the_same_moment() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "").await;
    for _ in 0..3 {
        h.click("#step").await;
    }
    let stepped = wait_epoch(&h, 3, Duration::from_secs(5)).await;
    let before = weights_text(&h).await;
    let has_button = h.exists("#copy-link").await;
    let mut link = String::new();
    let mut reopened = Err("no #copy-link".to_string());
    let mut after = (String::new(), String::new());
    let mut after_epoch = None;
    if has_button {
        h.click("#copy-link").await;
        let _ = h
            .wait_until(Duration::from_secs(3), || async {
                h.exists("#share-url").await && value(&h, "#share-url").await.contains("at=")
            })
            .await;
        if h.exists("#share-url").await {
            link = value(&h, "#share-url").await;
        }
        if link.contains("at=3") {
            reopened = goto_app(&h, &absolute(&h, &link)).await;
            if reopened.is_ok() {
                let _ = wait_epoch(&h, 3, Duration::from_secs(5)).await;
                after_epoch = epoch(&h).await;
                after = weights_text(&h).await;
            }
        }
    }
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(
        started.is_ok() && stepped.is_ok(),
        "{started:?} {stepped:?}"
    );
    assert!(has_button, "#copy-link is missing");
    assert!(
        link.contains("at=3"),
        "#share-url should hold the link with at=3: {link:?}"
    );
    assert!(reopened.is_ok(), "{reopened:?}");
    assert_eq!(after_epoch, Some(3), "the link reopens at epoch 3");
    assert_eq!(after, before, "the link reopens with the same weights");
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 1. Malformed URLs
// ---------------------------------------------------------------------------------------------

/// 10 KB of printable junk (deterministic), with `&`, `=`, `%`, quotes and brackets but no `#`.
fn garbage() -> String {
    const CHARS: &[u8] = b"abcXYZ0123456789%=&;<>\"'()[]{}!$*+,-./:@^_`|~ ";
    let mut state: u32 = 0x2545_f491;
    (0..10_240)
        .map(|_| {
            // xorshift32: any fixed junk will do; this one is reproducible.
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            CHARS[state as usize % CHARS.len()] as char
        })
        .collect()
}

/// The malformed (and two clean) query strings, each with a key its notice must mention
/// (`None`: the page must show no notice).
fn malformed_urls() -> Vec<(String, Option<&'static str>)> {
    let fixed: &[(&str, Option<&str>)] = &[
        ("lr=abc", Some("lr")),
        ("len=1e99", Some("len")),
        ("len=500", Some("len")),
        ("opt=<script>alert(1)</script>", Some("opt")),
        ("seed=-1", Some("seed")),
        ("view=3,1,2", Some("view")),
        ("view=3,1,2,4", Some("view")),
        ("lr=", Some("lr")),
        ("lr=1&lr=2", Some("lr")),
        ("lr=%ZZ", Some("lr")),
        ("n=%00", Some("n")),
        ("wx=nan&wrec=1", Some("wx")),
        ("speed=-5", Some("speed")),
        ("epochs=abc", Some("epochs")),
        ("lang=xx", Some("lang")),
        ("hide=<img src=x onerror=alert(1)>", Some("hide")),
        ("preset=nope", Some("preset")),
        ("embed=2", Some("embed")),
        ("at=-3", Some("at")),
        ("wx=1e308&wrec=-1e308", Some("wx")),
        (
            "opt=adam&lr=-1&len=0&n=99999&seed=abc&view=a,b,c,d&clip=-3&utm_source=x",
            Some("view"),
        ),
        ("%ZZ=%ZZ&&&==&lr", Some("lr")),
        ("utm_source=newsletter&fbclid=abc", None),
        ("", None),
    ];
    let mut urls: Vec<(String, Option<&'static str>)> =
        fixed.iter().map(|&(q, key)| (q.to_string(), key)).collect();
    urls.push((
        format!("seed={}", garbage().replace('&', "+")),
        Some("seed"),
    ));
    urls
}

/// What the page showed for one malformed URL.
#[derive(Debug)]
struct MalformedVisit {
    query: String,
    started: Result<(), String>,
    played: Result<(), String>,
    notice_visible: bool,
    notice_text: String,
    injected: Value,
    dismissed: Option<bool>,
    errors: Vec<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn malformed_urls_start_the_app_and_explain_the_corrections() {
    let urls = malformed_urls();
    let h = Harness::start("/").await;
    let mut visits = Vec::new();
    let mut seen_errors = 0;
    for (query, _) in &urls {
        let started = open_app(&h, &format!("?{query}")).await;
        let played = if started.is_ok() {
            play_briefly(&h).await
        } else {
            Err("not started".into())
        };
        let notice_visible = visible(&h, "#url-notice").await;
        let notice_text = if h.exists("#url-notice").await {
            h.eval(
                "return document.querySelector('#url-notice').textContent;",
                vec![],
            )
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
        } else {
            String::new()
        };
        let injected = h
            .eval(
                r#"return {
                    onerror: document.querySelectorAll('[onerror]').length,
                    img: document.querySelectorAll('img[src="x"]').length,
                    script: [...document.scripts].filter(s => s.textContent.includes('alert(1)')).length,
                };"#,
                vec![],
            )
            .await;
        let mut dismissed = None;
        if notice_visible && h.exists("#url-notice-close").await {
            h.click("#url-notice-close").await;
            let gone = h
                .wait_until(Duration::from_secs(2), || async {
                    !visible(&h, "#url-notice").await
                })
                .await;
            dismissed = Some(gone.is_ok());
        } else if notice_visible {
            dismissed = Some(false);
        }
        let errors = h.browser_errors().await;
        visits.push(MalformedVisit {
            query: query.chars().take(80).collect(),
            started,
            played,
            notice_visible,
            notice_text,
            injected,
            dismissed,
            errors: new_errors(&errors, seen_errors),
        });
        seen_errors = errors.len();
    }
    h.close().await;

    assert!(urls.len() >= 20);
    let mut failures = Vec::new();
    for ((query, key), visit) in urls.iter().zip(&visits) {
        let oracle = parse(query);
        let mut fail = |what: String| failures.push(format!("?{}: {what}", visit.query));
        // The expectation must agree with the parser the page uses.
        match key {
            Some(k) if !oracle.notices.iter().any(|n| n.key == *k) => {
                fail(format!("the parser gives no notice for {k}"))
            }
            None if !oracle.notices.is_empty() => fail("the parser gives notices".into()),
            _ => {}
        }
        if let Err(e) = &visit.started {
            fail(format!("app did not start: {e}"));
        }
        if let Err(e) = &visit.played {
            fail(format!("play: {e}"));
        }
        if !visit.errors.is_empty() {
            fail(format!("browser errors: {:?}", visit.errors));
        }
        if visit.injected != json!({ "onerror": 0, "img": 0, "script": 0 }) {
            fail(format!(
                "markup from the URL is in the DOM: {}",
                visit.injected
            ));
        }
        if oracle.notices.is_empty() {
            if visit.notice_visible {
                fail(format!("an unexpected notice: {}", visit.notice_text));
            }
            continue;
        }
        if !visit.notice_visible {
            fail("no visible #url-notice".into());
            continue;
        }
        for notice in &oracle.notices {
            if !visit.notice_text.contains(notice.key) {
                fail(format!("the notice does not mention {}", notice.key));
            }
        }
        // Markup in a value is shown literally: proof it went in as text.
        for raw in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>"] {
            if query.contains(raw) && !visit.notice_text.contains(raw) {
                fail(format!(
                    "the notice does not show {raw} as text: {}",
                    visit.notice_text
                ));
            }
        }
        if visit.dismissed != Some(true) {
            fail("#url-notice-close did not hide the notice".into());
        }
    }
    assert!(failures.is_empty(), "{}", lines(&failures));
}

// ---------------------------------------------------------------------------------------------
// 2. Presets
// ---------------------------------------------------------------------------------------------

fn normalized(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presets_set_the_run_and_say_what_to_watch() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "").await;
    let options = h
        .eval(
            "return [...document.querySelectorAll('#preset option')].map(o => o.value);",
            vec![],
        )
        .await;
    let mut chosen = Vec::new();
    if h.exists("#preset").await {
        for preset in PresetId::all() {
            h.click("#step").await; // so that the reset a preset makes is visible
            h.set_value("#preset", preset.name()).await;
            let _ = h
                .wait_until(Duration::from_secs(3), || async {
                    normalized(&h.text("#preset-caption").await)
                        == normalized((Text::get(Lang::En).preset_caption)(preset))
                })
                .await;
            chosen.push((
                preset,
                h.text("#preset-caption").await,
                value(&h, "#optimizer").await,
                epoch(&h).await,
            ));
        }
    }

    // `preset=exploding` diverges.
    let exploding_started = open_app(&h, "?preset=exploding").await;
    h.click("#play").await;
    let diverged = h
        .wait_until(Duration::from_secs(10), || async {
            status_keyword(&h).await == "diverged"
                || h.text("#status").await.to_lowercase().contains("diverged")
        })
        .await;
    let exploding_status = h.text("#status").await;

    // `preset=roelants-rprop` ends near (1, 1) at its stop.
    let rprop_started = open_app(&h, "?preset=roelants-rprop").await;
    h.click("#play").await;
    let stopped = h
        .wait_until(Duration::from_secs(30), || async {
            epoch(&h).await.is_some_and(|e| e > 0) && status_keyword(&h).await != "running"
        })
        .await;
    let rprop_end = (
        epoch(&h).await,
        number(&h.text("#w-x").await),
        number(&h.text("#w-rec").await),
    );

    // Key 3 picks the third preset.
    let plain_started = open_app(&h, "").await;
    blur(&h).await;
    press(&h, '3').await;
    let third = PresetId::from_number(3).expect("a third preset");
    let keyed = h
        .wait_until(Duration::from_secs(3), || async {
            h.exists("#preset").await && value(&h, "#preset").await == third.name()
        })
        .await;
    let keyed_optimizer = value(&h, "#optimizer").await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
    let mut expected_options = vec![String::new()];
    expected_options.extend(PresetId::names().into_iter().map(|n| n.to_string()));
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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 3. Keyboard
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn keyboard_shortcuts_drive_the_run_but_not_while_typing() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "").await;
    let mut checks: Vec<(&str, bool, String)> = Vec::new();
    let playing = || async { h.attr("#play", "aria-pressed").await.as_deref() == Some("true") };
    let short = Duration::from_secs(3);

    blur(&h).await;
    let label_before = h.text("#play").await;
    press(&h, Key::Space.into()).await;
    let on = h.wait_until(short, || async { playing().await }).await;
    let label_playing = h.text("#play").await;
    press(&h, Key::Space.into()).await;
    let off = h.wait_until(short, || async { !playing().await }).await;
    let label_paused = h.text("#play").await;
    checks.push((
        "Space plays and pauses",
        on.is_ok() && off.is_ok() && label_playing != label_before && label_paused == label_before,
        format!("{label_before:?} → {label_playing:?} → {label_paused:?}"),
    ));

    let e0 = epoch(&h).await.unwrap_or(0);
    press(&h, 's').await;
    let s = wait_epoch(&h, e0 + 1, short).await;
    checks.push(("s steps one epoch", s.is_ok(), format!("{s:?}")));
    press(&h, Key::Right.into()).await;
    let right = wait_epoch(&h, e0 + 2, short).await;
    checks.push(("→ steps one epoch", right.is_ok(), format!("{right:?}")));
    press(&h, 'r').await;
    let r = wait_epoch(&h, 0, short).await;
    checks.push(("r resets", r.is_ok(), format!("{r:?}")));

    let seed_before = value(&h, "#seed").await;
    press(&h, 'n').await;
    let n = h
        .wait_until(short, || async { value(&h, "#seed").await != seed_before })
        .await;
    checks.push((
        "n draws new data",
        n.is_ok(),
        format!("#seed {seed_before} → {}", value(&h, "#seed").await),
    ));

    let log_checked = || async {
        h.eval(
            "const c = document.querySelector('#log-y'); return c ? c.checked : null;",
            vec![],
        )
        .await
    };
    let log_before = log_checked().await;
    press(&h, 'l').await;
    let l = h
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

    press(&h, '?').await;
    let opened = h
        .wait_until(short, || async { visible(&h, "#shortcuts").await })
        .await;
    let role = if h.exists("#shortcuts").await {
        h.attr("#shortcuts", "role").await
    } else {
        None
    };
    press(&h, Key::Escape.into()).await;
    let closed = h
        .wait_until(short, || async { !visible(&h, "#shortcuts").await })
        .await;
    checks.push((
        "? opens #shortcuts (role=dialog), Escape closes it",
        opened.is_ok() && closed.is_ok() && role.as_deref() == Some("dialog"),
        format!("opened {opened:?}, closed {closed:?}, role {role:?}"),
    ));

    // Typing in a box is typing, not shortcuts.
    h.click("#step").await;
    h.click("#step").await;
    let typed_from = wait_epoch(&h, 2, short).await;
    let seed_typed_from = value(&h, "#seed").await;
    let lr_box = h.client().find(Locator::Css("#lr")).await;
    let typed = match &lr_box {
        Ok(el) => el.send_keys("s r n").await.map_err(|e| e.to_string()),
        Err(e) => Err(e.to_string()),
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    let after_typing = (epoch(&h).await, value(&h, "#seed").await);
    checks.push((
        "s r n typed in #lr neither steps, resets nor draws new data",
        typed_from.is_ok() && typed.is_ok() && after_typing == (Some(2), seed_typed_from.clone()),
        format!(
            "{typed:?}; epoch/seed after typing {after_typing:?}, seed before {seed_typed_from}"
        ),
    ));
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
    let failed: Vec<String> = checks
        .iter()
        .filter(|(_, ok, _)| !ok)
        .map(|(what, _, detail)| format!("{what}: {detail}"))
        .collect();
    assert!(failed.is_empty(), "{}", lines(&failed));
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 3. Embed, hide and the share-for-class panel
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn embed_and_hide_links_and_the_share_panel_that_builds_them() {
    let h = Harness::start("/").await;
    let embed_started = open_app(&h, "?embed=1&hide=lr,opt").await;
    let embed_view = [
        ("#app-header shown", visible(&h, "#app-header").await),
        ("#app-footer shown", visible(&h, "#app-footer").await),
        ("an .explanation shown", visible(&h, ".explanation").await),
        ("[data-control=lr] exists", h.exists(LR_WRAPPER).await),
        ("[data-control=lr] shown", visible(&h, LR_WRAPPER).await),
        ("[data-control=opt] exists", h.exists(OPT_WRAPPER).await),
        ("[data-control=opt] shown", visible(&h, OPT_WRAPPER).await),
        ("#lr shown", visible(&h, "#lr").await),
        ("#optimizer shown", visible(&h, "#optimizer").await),
    ];
    let embed_played = play_briefly(&h).await;

    let plain_started = open_app(&h, "").await;
    let plain_view = [
        ("#app-header shown", visible(&h, "#app-header").await),
        ("#app-footer shown", visible(&h, "#app-footer").await),
        ("an .explanation shown", visible(&h, ".explanation").await),
    ];
    let has_panel = h.exists("#share-panel").await;
    let mut link = String::new();
    let mut panel_error = None;
    if has_panel {
        h.eval(
            "document.querySelector('#share-panel').open = true;",
            vec![],
        )
        .await;
        for css in [
            "input[name=\"hide\"][value=\"lr\"]",
            "input[name=\"hide\"][value=\"seed\"]",
            "#share-embed",
        ] {
            if h.exists(css).await {
                h.click(css).await;
            } else {
                panel_error = Some(format!("{css} is missing"));
            }
        }
        let _ = h
            .wait_until(Duration::from_secs(3), || async {
                h.exists("#share-link").await && {
                    let l = value(&h, "#share-link").await;
                    l.contains("embed=1") && l.contains("hide=")
                }
            })
            .await;
        if h.exists("#share-link").await {
            link = value(&h, "#share-link").await;
        }
    }
    let mut shared_view = None;
    if link.contains("embed=1") {
        let opened = goto_app(&h, &absolute(&h, &link)).await;
        shared_view = Some((
            opened,
            [
                ("#app-header shown", visible(&h, "#app-header").await),
                ("#lr shown", visible(&h, "#lr").await),
                ("#seed shown", visible(&h, "#seed").await),
                ("#optimizer shown", visible(&h, "#optimizer").await),
            ],
        ));
    }
    let errors = h.browser_errors().await;
    h.close().await;

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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

const LR_WRAPPER: &str = "[data-control=\"lr\"]";
const OPT_WRAPPER: &str = "[data-control=\"opt\"]";

// ---------------------------------------------------------------------------------------------
// 3. Presentation mode
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn presentation_mode_is_large_and_fits_1280_by_720() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "?present=1").await;
    let viewport = h.viewport().await;
    let class_on = app_has_class(&h, "present").await;
    let body_class = h
        .eval(
            "return document.body.classList.contains('present');",
            vec![],
        )
        .await;
    let font_px = h
        .eval(
            "return parseFloat(getComputedStyle(document.body).fontSize);",
            vec![],
        )
        .await
        .as_f64()
        .unwrap_or(0.0);
    let toggle = h.exists("#present-toggle").await;
    // Let the plots draw at their presentation size before the picture.
    let _ = h
        .wait_for_js(
            "document.querySelector('#surface') && document.querySelector('#surface').width > 1",
            Duration::from_secs(5),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    h.screenshot("present").await;
    let plots = [rect(&h, "#surface").await, rect(&h, "#loss-chart").await];
    let inner = h
        .eval("return [window.innerWidth, window.innerHeight];", vec![])
        .await;
    blur(&h).await;
    press(&h, 'p').await;
    let class_off = h
        .wait_until(Duration::from_secs(3), || async {
            !app_has_class(&h, "present").await
        })
        .await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
    assert_eq!(viewport, (1280, 720));
    assert!(class_on, "#app has class present");
    assert_eq!(body_class, Value::Bool(true), "<body> has class present");
    assert!(font_px >= 20.0, "body font-size {font_px}px");
    assert!(toggle, "#present-toggle is missing");
    assert!(class_off.is_ok(), "p leaves presentation mode");
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
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

// ---------------------------------------------------------------------------------------------
// 4. Export and import
// ---------------------------------------------------------------------------------------------

/// Replaces `<a>.click()` for downloads with a recorder that reads the blob back:
/// `window.__downloads` = `[{ name, href, type, size, head, text }]`.
const CAPTURE_DOWNLOADS: &str = r#"
    window.__downloads = [];
    // Counts canvas encodings, to tell "never encoded" from "encoded but not offered".
    window.__to_blob = { calls: 0, callbacks: 0 };
    const to_blob = HTMLCanvasElement.prototype.toBlob;
    HTMLCanvasElement.prototype.toBlob = function (callback, ...rest) {
        window.__to_blob.calls += 1;
        return to_blob.call(this, b => { window.__to_blob.callbacks += 1; callback(b); }, ...rest);
    };
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
        if (!this.download) { return original.call(this); }
        const entry = { name: this.download, href: this.href };
        window.__downloads.push(entry);
        fetch(this.href)
            .then(r => r.blob())
            .then(async b => {
                entry.type = b.type;
                entry.size = b.size;
                entry.head = [...new Uint8Array(await b.slice(0, 8).arrayBuffer())];
                entry.text = await b.text();
            })
            .catch(e => { entry.error = String(e); entry.text = ''; });
    };
"#;

/// Clicks `css` and returns the download it made, once its blob has been read; `Err` says
/// what happened instead.
async fn capture_download(h: &Harness, css: &str) -> Result<Value, String> {
    let before = h
        .eval("return window.__downloads.length;", vec![])
        .await
        .as_u64()
        .unwrap_or(0);
    if !h.exists(css).await {
        return Err(format!("{css} is missing"));
    }
    h.click(css).await;
    let index = before as usize;
    // Chromium encodes `toBlob` when the page is idle; on a loaded machine the loss chart's
    // PNG has taken up to ~12 s to arrive.
    let read = h
        .wait_for_js(
            &format!(
                "window.__downloads.length > {index} && \
                 typeof window.__downloads[{index}].text === 'string'"
            ),
            Duration::from_secs(15),
        )
        .await;
    if let Err(e) = read {
        let state = h
            .eval(
                r#"const el = document.querySelector(arguments[0]);
                   return { downloads: window.__downloads.map(d => d.name),
                            to_blob: window.__to_blob,
                            disabled: !!el.disabled, shown: el.getClientRects().length > 0 };"#,
                vec![json!(css)],
            )
            .await;
        return Err(format!("clicking {css} made no download ({e}): {state}"));
    }
    Ok(h.eval(
        "return window.__downloads[arguments[0]];",
        vec![json!(index)],
    )
    .await)
}

/// Finds `key` anywhere in `value` (depth-first) and returns the first match.
fn find_key<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Object(map) => map
            .get(key)
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn export_csv_json_png_and_import_the_json_back() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "").await;
    h.eval(CAPTURE_DOWNLOADS, vec![]).await;
    for _ in 0..10 {
        h.click("#step").await;
    }
    let stepped = wait_epoch(&h, 10, Duration::from_secs(5)).await;
    let weights_at_10 = weights_text(&h).await;
    let csv = capture_download(&h, "#export-csv").await;
    let json_file = capture_download(&h, "#export-json").await;
    let surface_png = capture_download(&h, "#surface-png").await;
    let loss_png = capture_download(&h, "#loss-png").await;

    // Import into a page with other settings and no training.
    let import_started = open_app(&h, "?seed=5&opt=adam").await;
    let mut imported = None;
    let json_text = json_file
        .as_ref()
        .ok()
        .and_then(|d| d["text"].as_str())
        .unwrap_or_default()
        .to_string();
    let path = std::env::temp_dir().join(format!("rnn-e2e-import-{}.json", std::process::id()));
    if !json_text.is_empty() && h.exists("#import-json").await {
        std::fs::write(&path, &json_text).expect("write the JSON to import");
        let input = h
            .client()
            .find(Locator::Css("#import-json"))
            .await
            .expect("#import-json");
        let sent = input
            .send_keys(&path.to_string_lossy())
            .await
            .map_err(|e| e.to_string());
        let restored = wait_epoch(&h, 10, Duration::from_secs(5)).await;
        imported = Some((
            sent,
            restored,
            value(&h, "#seed").await,
            value(&h, "#optimizer").await,
            weights_text(&h).await,
        ));
    }
    let _ = std::fs::remove_file(&path);
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(
        started.is_ok() && stepped.is_ok(),
        "{started:?} {stepped:?}"
    );

    let csv = csv.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        csv["name"].as_str().unwrap_or_default().ends_with(".csv"),
        "{csv}"
    );
    let text = csv["text"].as_str().unwrap_or_default();
    let mut rows = text.lines();
    assert_eq!(
        rows.next().map(str::trim),
        Some("epoch,loss,w_x,w_rec,grad_w_x,grad_w_rec")
    );
    let rows: Vec<Vec<f64>> = rows
        .filter(|r| !r.trim().is_empty())
        .map(|r| {
            r.split(',')
                .map(|c| c.trim().parse::<f64>().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    assert!(rows.len() >= 10, "{} rows:\n{text}", rows.len());
    for (i, row) in rows.iter().enumerate() {
        assert!(
            row.len() == 6 && row.iter().all(|v| v.is_finite()),
            "row {i}: {row:?}"
        );
    }
    let epochs: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(epochs[0], 1.0, "the first row is epoch 1: {epochs:?}");
    assert!(
        (1..=10).all(|e| epochs.contains(&f64::from(e))),
        "epochs 1..10 are all there: {epochs:?}"
    );
    assert!(epochs.windows(2).all(|w| w[0] < w[1]), "{epochs:?}");

    let json_file = json_file.unwrap_or_else(|e| panic!("{e}"));
    assert!(
        json_file["name"]
            .as_str()
            .unwrap_or_default()
            .ends_with(".json"),
        "{json_file}"
    );
    let state: Value =
        serde_json::from_str(&json_text).unwrap_or_else(|e| panic!("{e}: {json_text}"));
    assert_eq!(
        find_key(&state, "epoch").and_then(Value::as_u64),
        Some(10),
        "{state}"
    );
    assert!(
        find_key(&state, "optimizer").is_some() && find_key(&state, "data").is_some(),
        "the JSON holds the state: {state}"
    );

    for (css, png) in [("#surface-png", surface_png), ("#loss-png", loss_png)] {
        let png = png.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(png["type"], json!("image/png"), "{css}");
        assert!(
            png["size"].as_u64().unwrap_or(0) > 2000,
            "{css}: {} bytes",
            png["size"]
        );
        assert_eq!(
            png["head"],
            json!([0x89, b'P', b'N', b'G', 13, 10, 26, 10]),
            "{css}"
        );
    }

    assert!(import_started.is_ok(), "{import_started:?}");
    let (sent, restored, seed, optimizer, weights) =
        imported.expect("#import-json is missing (or the export was empty)");
    assert!(sent.is_ok(), "{sent:?}");
    assert!(
        restored.is_ok(),
        "the import restores epoch 10: {restored:?}"
    );
    assert_eq!(
        (seed.as_str(), optimizer.as_str()),
        ("1", "rmsprop-seed"),
        "the import restores the settings"
    );
    assert_eq!(weights, weights_at_10, "the import restores the weights");
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 5. Japanese
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn japanese_by_link_and_switch_back_to_english() {
    let h = Harness::start("/").await;
    let started = open_app(&h, "?lang=ja").await;
    let html_lang = h
        .eval("return document.documentElement.lang;", vec![])
        .await;
    let play_ja = h.text("#play").await;
    let has_switch = h.exists("#lang").await;
    let switch_ja = if has_switch {
        value(&h, "#lang").await
    } else {
        String::new()
    };
    let mut after = None;
    if has_switch {
        h.set_value("#lang", "en").await;
        let _ = h
            .wait_until(Duration::from_secs(3), || async {
                h.text("#play").await.is_ascii()
            })
            .await;
        after = Some((
            h.text("#play").await,
            h.eval("return document.documentElement.lang;", vec![])
                .await,
        ));
    }
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 6. Accessibility
// ---------------------------------------------------------------------------------------------

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
    let h = Harness::start("/").await;
    let started = open_app(&h, "").await;

    // Tab from the top of the page to #play.
    blur(&h).await;
    let mut reached_play = false;
    for _ in 0..80 {
        press(&h, Key::Tab.into()).await;
        let id = h
            .eval(
                "return document.activeElement && document.activeElement.id;",
                vec![],
            )
            .await;
        if id == json!("play") {
            reached_play = true;
            break;
        }
    }
    let focus_style = h
        .eval(
            r#"const s = getComputedStyle(document.activeElement);
               return { outline: s.outlineStyle, width: parseFloat(s.outlineWidth) || 0,
                        shadow: s.boxShadow };"#,
            vec![],
        )
        .await;

    let unnamed = h.eval(UNNAMED_CONTROLS, vec![]).await;
    let announcer = h
        .eval(
            r#"const a = document.querySelector('#announcer');
               return a ? a.getAttribute('aria-live') : null;"#,
            vec![],
        )
        .await;

    let diverging_started = open_app(&h, "?preset=exploding").await;
    h.click("#play").await;
    let diverged = h
        .wait_until(Duration::from_secs(10), || async {
            status_keyword(&h).await == "diverged"
        })
        .await;
    let announced = h
        .wait_for_js(
            "document.querySelector('#announcer') && \
             /diverg/i.test(document.querySelector('#announcer').textContent)",
            Duration::from_secs(5),
        )
        .await;
    let announcer_text = h
        .eval(
            "const a = document.querySelector('#announcer'); return a ? a.textContent : null;",
            vec![],
        )
        .await;
    let errors = h.browser_errors().await;
    h.close().await;

    assert!(started.is_ok(), "{started:?}");
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
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 6. Phones
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn phone_layout_stacks_the_plots_and_a_tap_sets_the_start() {
    let h = Harness::start("/").await;
    h.set_viewport(375, 667).await;
    let viewport = h.viewport().await;
    let started = open_app(&h, "").await;
    let _ = h
        .wait_for_js(
            "document.querySelector('#surface') && document.querySelector('#surface').dataset.plotRect",
            Duration::from_secs(5),
        )
        .await;
    let scroll_width = h
        .eval("return document.documentElement.scrollWidth;", vec![])
        .await
        .as_f64()
        .unwrap_or(f64::INFINITY);
    // Page coordinates, so that scrolling does not matter.
    let page_rect = |css: &'static str| {
        let h = &h;
        async move {
            let r = rect(h, css).await;
            let y = h
                .eval("return window.scrollY;", vec![])
                .await
                .as_f64()
                .unwrap_or(0.0);
            [r[0], r[1] + y, r[2], r[3] + y]
        }
    };
    let surface = page_rect("#surface").await;
    let chart = page_rect("#loss-chart").await;
    h.eval(
        "document.querySelector('#surface').scrollIntoView({ block: 'center' });",
        vec![],
    )
    .await;
    h.screenshot("mobile").await;
    let (left, top, width, height, view) = surface_geometry(&h).await;
    let (fx, fy) = (0.3, 0.3);
    let before = value(&h, "#init-wx").await;
    let tap = TouchActions::new("finger".into())
        .then(PointerAction::MoveTo {
            duration: None,
            x: (left + fx * width).round(),
            y: (top + fy * height).round(),
        })
        .then(PointerAction::Down { button: 0 })
        .then(PointerAction::Up { button: 0 });
    let tapped = h
        .client()
        .perform_actions(tap)
        .await
        .map_err(|e| e.to_string());
    let changed = h
        .wait_until(Duration::from_secs(3), || async {
            value(&h, "#init-wx").await != before
        })
        .await;
    let shown = number(&value(&h, "#init-wx").await);
    let errors = h.browser_errors().await;
    h.close().await;

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
    let expected = view[0] + fx * (view[1] - view[0]);
    let cell = (view[1] - view[0]) / 256.0 + (view[1] - view[0]) / width;
    assert!(
        shown.is_some_and(|wx| (wx - expected).abs() <= cell),
        "#init-wx {shown:?}, tapped at {expected}"
    );
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}

// ---------------------------------------------------------------------------------------------
// 7. Hosting
// ---------------------------------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn sub_path_hosting_makes_no_request_outside_its_origin() {
    let h = Harness::start("/some/sub/path/").await;
    let started = open_app(&h, "").await;
    // Exercise what might load more: Japanese, presentation mode, a step.
    let again = open_app(&h, "?lang=ja&present=1").await;
    h.click("#step").await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let requests = h.network_requests().await;
    let served = h.served();
    let errors = h.browser_errors().await;
    let base = h.base_url().to_string();
    h.close().await;

    assert!(started.is_ok() && again.is_ok(), "{started:?} {again:?}");
    let origin = base
        .find("/some/sub/path/")
        .map(|i| base[..=i].to_string())
        .expect("base URL has the prefix");
    let outside: Vec<String> = requests
        .iter()
        .filter(|r| !r.url.starts_with(&origin))
        // Inline data and the page's own blobs are not requests to anyone.
        .filter(|r| !r.url.starts_with("data:") && !r.url.starts_with("blob:"))
        .map(|r| format!("{} ({})", r.url, r.kind))
        .collect();
    assert!(
        outside.is_empty(),
        "requests outside {origin}:\n{}",
        lines(&outside)
    );
    assert!(
        requests
            .iter()
            .any(|r| r.url.starts_with(&base) && r.url.ends_with(".wasm")),
        "the wasm came from under the sub-path: {requests:?}"
    );
    let bad: Vec<String> = served
        .iter()
        .filter(|s| s.status != 200)
        .map(|s| s.to_string())
        .collect();
    assert!(bad.is_empty(), "responses other than 200:\n{}", lines(&bad));
    assert!(
        served
            .iter()
            .all(|s| s.target.starts_with("/some/sub/path/")),
        "served outside the sub-path:\n{}",
        lines(&served)
    );
    assert!(errors.is_empty(), "browser errors:\n{}", lines(&errors));
}
