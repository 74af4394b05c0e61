//! Links: the URL is the state. A link fills the controls and follows changes, `at=` reopens the
//! exact moment the core computes, Copy link builds such a link, and malformed links still start
//! the app and say what they corrected.
//!
//! Where the parser decides what a URL means, the test asks the crate's own parser
//! (`params::parse`) and checks that the page shows exactly that.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::{OptimizerKind, OptimizerSettings, Trainer, TrainerConfig};
use serde_json::{Value, json};

use crate::harness::LogEntry;
use crate::page::{AppPage, assert_clean_console, lines, number};
use rnn_playground::rnn::Hyper;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_link_fills_the_controls_and_a_changed_setting_replaces_the_url() {
    let query = "?opt=gd&lr=0.00002&len=12&n=30&seed=7&wx=0.5&wrec=1.5&speed=3";
    let page = AppPage::opened(query).await;
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
        shown.push((css, page.value(css).await));
    }
    let notice_shown = page.visible("#url-notice").await;
    let history_before = page.eval("return history.length;", vec![]).await;
    page.set_value("#lr", "0.00005").await;
    let followed = page
        .wait_until(Duration::from_secs(5), || async {
            parse(&page.search().await).state.optimizer[Hyper::Lr] == 5e-5
        })
        .await;
    let search_after = page.search().await;
    let history_after = page.eval("return history.length;", vec![]).await;
    let errors = page.finish().await;

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
    assert_clean_console(&errors);
}

/// Half a unit in the last of the read-outs' 5 significant digits (their display precision).
fn display_tolerance(value: f64) -> f64 {
    let magnitude = value.abs();
    if magnitude == 0.0 {
        return 5e-5;
    }
    0.5 * 10f64.powi(magnitude.log10().floor() as i32 - 4) * (1.0 + 1e-9)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn an_at_link_shows_the_cores_weights_and_loss_at_that_epoch_every_time() {
    const AT: u64 = 250;
    let page = AppPage::start().await;
    let mut loads = Vec::new();
    for _ in 0..2 {
        let started = page.open(&format!("?at={AT}")).await;
        let reached = page.wait_epoch(AT, Duration::from_secs(10)).await;
        // Still there a moment later: `at=` trains once, it does not start playing.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let texts = [
            page.text("#epoch").await,
            page.text("#w-x").await,
            page.text("#w-rec").await,
            page.text("#loss").await,
        ];
        let exact = [
            page.readout("w-x").await,
            page.readout("w-rec").await,
            page.readout("loss").await,
        ];
        loads.push((started, reached, texts, exact));
    }
    let errors = page.finish().await;

    let mut trainer = Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::RmspropSeed,
    )))
    .expect("the seed's run builds");
    assert_eq!(trainer.run(AT), AT);
    let (core_loss, _) = trainer.evaluate();
    let core = [trainer.weights().w_x, trainer.weights().w_rec, core_loss];

    for (started, reached, texts, exact) in &loads {
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
        // The exact values too: the page runs the same core, so only the last bits may differ.
        for (name, (got, want)) in ["w_x", "w_rec", "loss"].iter().zip(exact.iter().zip(core)) {
            assert!(
                got.is_some_and(|g| (g - want).abs() <= 1e-12 * want.abs()),
                "{name}: data-value {got:?}, the core has {want}"
            );
        }
    }
    assert_eq!(
        loads[0].2, loads[1].2,
        "the same link must give the same numbers"
    );
    assert_eq!(
        loads[0].3, loads[1].3,
        "the same link must give the same exact values"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn copy_link_builds_an_at_link_that_reopens_the_same_epoch_and_weights() {
    let page = AppPage::opened("").await;
    let stepped = page.steps_and_wait(3, Duration::from_secs(5)).await;
    let before = page.weights_text().await;
    let has_button = page.exists("#copy-link").await;
    let mut link = String::new();
    let mut reopened = Err("no #copy-link".to_string());
    let mut after = (String::new(), String::new());
    let mut after_epoch = None;
    if has_button {
        page.click("#copy-link").await;
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                page.exists("#share-url").await && page.value("#share-url").await.contains("at=")
            })
            .await;
        if page.exists("#share-url").await {
            link = page.value("#share-url").await;
        }
        if link.contains("at=3") {
            reopened = page.goto(&page.absolute(&link)).await;
            if reopened.is_ok() {
                let _ = page.wait_epoch(3, Duration::from_secs(5)).await;
                after_epoch = page.epoch().await;
                after = page.weights_text().await;
            }
        }
    }
    let errors = page.finish().await;

    assert!(stepped.is_ok(), "{stepped:?}");
    assert!(has_button, "#copy-link is missing");
    assert!(
        link.contains("at=3"),
        "#share-url should hold the link with at=3: {link:?}"
    );
    assert!(reopened.is_ok(), "{reopened:?}");
    assert_eq!(after_epoch, Some(3), "the link reopens at epoch 3");
    assert_eq!(after, before, "the link reopens with the same weights");
    assert_clean_console(&errors);
}

/// Errors logged since `seen` entries, formatted for a message.
fn new_errors(errors: &[LogEntry], seen: usize) -> Vec<String> {
    errors.iter().skip(seen).map(|e| e.to_string()).collect()
}

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
    let page = AppPage::start().await;
    let mut visits = Vec::new();
    let mut seen_errors = 0;
    for (query, _) in &urls {
        let started = page.open(&format!("?{query}")).await;
        let played = if started.is_ok() {
            page.play_briefly().await
        } else {
            Err("not started".into())
        };
        let notice_visible = page.visible("#url-notice").await;
        let notice_text = if page.exists("#url-notice").await {
            page.eval(
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
        let injected = page
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
        if notice_visible && page.exists("#url-notice-close").await {
            page.click("#url-notice-close").await;
            let gone = page
                .wait_until(Duration::from_secs(2), || async {
                    !page.visible("#url-notice").await
                })
                .await;
            dismissed = Some(gone.is_ok());
        } else if notice_visible {
            dismissed = Some(false);
        }
        let errors = page.errors().await;
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
    page.close().await;

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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_link_asking_for_hours_of_training_is_cut_to_the_work_budget() {
    // 1e7 epochs of 1000 sequences × 200 steps would be 2e12 sample-steps.
    let query = "?lang=en&len=200&n=1000&at=10000000";
    let expected = parse(query).state.at;
    let page = AppPage::opened(query).await;
    let opened = std::time::Instant::now();
    let notice = page.text("#url-notice").await;
    let progress_shown = page.visible("#seek-progress").await;
    let cancel_shown = page.visible("#seek-cancel").await;
    let address = page.search().await;
    let reached = page.wait_epoch(expected, Duration::from_secs(120)).await;
    let seconds = opened.elapsed().as_secs_f64();
    let progress_after = page.visible("#seek-progress").await;
    let errors = page.finish().await;

    assert_eq!(expected, 10_000, "the parser's cut");
    assert!(
        notice.contains("at=10000000") && notice.contains("using 10000"),
        "{notice}"
    );
    assert!(
        progress_shown && cancel_shown,
        "the seek shows its progress and a way out"
    );
    assert!(
        address.contains("at=10000&"),
        "the address keeps the cut epoch: {address}"
    );
    assert!(reached.is_ok(), "{reached:?}");
    // The budget is sized for ~10–20 s; a desktop core is well inside it.
    println!("seek of 2e9 sample-steps: {seconds:.1} s");
    assert!(seconds < 60.0, "the seek took {seconds:.1} s");
    assert!(!progress_after, "the progress goes once the seek is done");
    assert_clean_console(&errors);
}

/// Stopping a seek keeps the run where it got to, and the address says so: a reload or a copied
/// address lands on the epoch shown, not on the one the link aimed at.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_cancelled_seek_leaves_the_epoch_reached_in_the_address() {
    // The tanh cell's seek of the largest budget lasts tens of seconds (the linear cell's, at the
    // core's opt-level 3, about one and a half), so there is time to stop it part-way.
    let page = AppPage::opened("?model=tanh&len=200&n=1000&at=10000000").await;
    // The seek starts once the page has mounted; let it run a little before stopping it.
    let started = page
        .wait_until(Duration::from_secs(10), || async {
            page.visible("#seek-cancel").await
        })
        .await;
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert!(started.is_ok(), "the seek shows its progress: {started:?}");
    page.click("#seek-cancel").await;
    let gone = page
        .wait_until(Duration::from_secs(5), || async {
            !page.visible("#seek-progress").await
        })
        .await;
    // One frame for the last chunk to publish, then the address is final.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let shown = page.text("#epoch").await;
    let address = page.search().await;
    let errors = page.finish().await;

    assert!(gone.is_ok(), "the progress goes with the cancel: {gone:?}");
    let digits: String = shown.chars().filter(char::is_ascii_digit).collect();
    let epoch: u64 = digits.parse().expect("a whole epoch");
    assert!(
        epoch > 0 && epoch < 10_000,
        "stopped part-way: epoch {epoch}"
    );
    assert!(
        address.contains(&format!("at={epoch}&")) || address.ends_with(&format!("at={epoch}")),
        "the address names the epoch reached ({epoch}): {address}"
    );
    assert_clean_console(&errors);
}
