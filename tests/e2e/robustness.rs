//! Robustness: no hostile link or saved file makes the page freeze. Each case of a corpus of
//! heavy-but-valid and malformed input is loaded and played briefly; every long task the page
//! runs after its first paint is recorded (by an observer installed before the page's own
//! scripts), the worst per case goes to `tests/artifacts/longtasks.json`, and none may exceed
//! [`BUDGET_MS`].

use std::time::{Duration, Instant};

use fantoccini::Locator;
use serde_json::{Value, json};

use rnn_playground::params::{SavedState, parse};

use crate::harness::{ARTIFACTS_DIR, Harness};
use crate::page::AppPage;

/// The longest main-thread task a user may wait for after the page has painted.
const BUDGET_MS: f64 = 100.0;

/// How long a case plays before its long tasks are read.
const PLAY: Duration = Duration::from_millis(900);
/// A case that seeks on load (a link's `at=`, a file's `at`) is watched this long before
/// playing, which ends the seek: the seek's own frames count too.
const SEEK_WATCH: Duration = Duration::from_secs(2);

const MAX: &str = "len=200&n=1000";
const WIDE: &str = "view=-1000,1000,-1000,1000";

/// Links: the heaviest valid settings, every optimizer at extreme rates, and malformed values.
fn links() -> Vec<String> {
    let mut links: Vec<String> = [
        // Heavy but valid.
        MAX.to_string(),
        format!("{MAX}&{WIDE}"),
        format!("{MAX}&at=10000000"),
        format!("{MAX}&at=10000000&{WIDE}"),
        format!("{MAX}&at=10000000&speed=2000"),
        "at=10000000".to_string(),
        "len=100&n=1000&at=1000000".to_string(),
        format!("{MAX}&speed=2000"),
        format!("{MAX}&epochs=1000000000&logy=1"),
        format!("{MAX}&view=-0.000001,0.000001,-0.000001,0.000001"),
        format!("{MAX}&wx=1000&wrec=1000&{WIDE}"),
        format!("{MAX}&loss=mean&clip=0.000000001"),
        format!("{MAX}&preset=exploding"),
        format!("{MAX}&opt=gd&lr=1&wx=2&wrec=2"),
        "len=1".to_string(),
        "len=1&n=1".to_string(),
        "len=200".to_string(),
        "n=1000".to_string(),
    ]
    .into();
    // Every optimizer at an extreme rate, on small and on the largest data.
    for opt in ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"] {
        links.push(format!("opt={opt}&lr=1e6"));
        links.push(format!("opt={opt}&lr=1e6&{MAX}&speed=2000"));
    }
    links.extend(
        [
            "opt=rprop&len=1",
            "opt=rprop&etap=1e6&d0=1e6&len=200&n=1000",
            "opt=momentum&mu=0.999999&lr=1e6",
            "opt=rmsprop&eps=1e-300",
            "opt=adam&b1=0.999999&b2=0.000001&lr=1e6",
            // Malformed.
            "len=abc&n=-5",
            "len=1e309&n=99999999999999999999999",
            "at=-1",
            "at=1e100",
            "view=1,0,1,0",
            "view=NaN,NaN,NaN,NaN",
            "view=-inf,inf,-inf,inf",
            "view=1,2,3",
            "lr=NaN&opt=adam",
            "lr=inf&opt=gd",
            "opt=nope&loss=nope&seed=-1",
            "wx=1e400&wrec=-1e400",
            "len=%ZZ&n=%FF%FE",
            "len=200&len=1&n=1000&n=1&at=10000000&at=1",
            "lang=xx&embed=2&present=yes&logy=maybe",
            "preset=nope&hide=nope",
        ]
        .map(str::to_string),
    );
    // The other cells: the tanh cell's saturating loop and Pascanu's unit (T = len), at the
    // heaviest data, every rule at an extreme rate, and combinations they refuse.
    for model in ["tanh", "cliff"] {
        links.push(format!("model={model}&{MAX}&{WIDE}"));
        links.push(format!("model={model}&{MAX}&at=10000000"));
        links.push(format!("model={model}&len=1"));
        links.push(format!("model={model}&{MAX}&inside=1&phase=0"));
        for opt in ["gd", "momentum", "rmsprop", "rmsprop-seed", "rprop", "adam"] {
            links.push(format!("model={model}&opt={opt}&lr=1e6&{MAX}&speed=2000"));
        }
    }
    links.extend(
        [
            "model=tanh&task=latch&len=200&n=1000&wx=1000&wrec=1000",
            "model=cliff&task=latch",
            "model=cliff&precision=theano-f32&opt=gd",
            "model=nope&task=nope",
            "model=tanh&model=cliff&task=latch&task=count",
        ]
        .map(str::to_string),
    );
    links.push(format!("hide={}", ["loss"; 400].join(",")));
    links.push("a=1&".repeat(2000));
    links
}

/// Saved files for `#import-json`: (name, text).
fn files() -> Vec<(&'static str, String)> {
    let heavy = |query: &str, epoch: u64| SavedState::new(parse(query).state, epoch).to_json();
    let valid: Value = serde_json::from_str(&heavy("", 10)).unwrap();
    let with = |key: &str, value: Value| {
        let mut v = valid.clone();
        v[key] = value;
        v.to_string()
    };
    vec![
        ("epoch-u64-max", with("epoch", json!(u64::MAX))),
        ("epoch-float", with("epoch", json!(1e30))),
        (
            "wrong-types",
            json!({ "format": 1, "state": "hello", "epoch": "ten" }).to_string(),
        ),
        (
            "deeply-nested",
            format!("{}{}", "[".repeat(200_000), "]".repeat(200_000)),
        ),
        ("junk-900kb", "x{\"\u{0}ü".repeat(900_000 / 8)),
        ("format-999", with("format", json!(999))),
        ("valid-1000x200-at-huge", heavy(MAX, 10_000_000)),
        (
            "valid-1000x200-wide-adam-1e6",
            heavy(
                &format!("{MAX}&{WIDE}&opt=adam&lr=1e6&speed=2000"),
                1_000_000,
            ),
        ),
        ("empty", String::new()),
        ("huge-array-field", with("junk", json!(vec![0; 300_000]))),
    ]
}

/// One case's outcome.
struct Outcome {
    case: String,
    worst_ms: f64,
    tasks: usize,
    /// What went wrong in driving the case, if anything (counts as a failure).
    problem: Option<String>,
}

/// How many more times a link over the budget is measured before it counts as a failure.
const RETRIES: usize = 2;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn no_hostile_link_or_file_blocks_the_page_for_more_than_100_ms() {
    let started = Instant::now();
    let page = AppPage::start().await;
    page.set_timeouts(Duration::from_secs(15), Duration::from_secs(15))
        .await;
    let observing = page.observe_long_tasks().await;
    let mut outcomes = Vec::new();
    for link in links() {
        let query = format!("?{link}");
        let case = if query.len() > 80 {
            format!("{}… ({} chars)", &query[..60], query.len())
        } else {
            query.clone()
        };
        let mut outcome = measure(&page, case.clone(), load(&page, &page.url(&query)).await).await;
        // This machine is shared and noisy: a case over the budget is measured again, up to
        // twice, and keeps its best run. A page that really blocks fails all three.
        for _ in 0..RETRIES {
            if outcome.worst_ms <= BUDGET_MS || outcome.problem.is_some() {
                break;
            }
            let again = measure(&page, case.clone(), load(&page, &page.url(&query)).await).await;
            if again.worst_ms < outcome.worst_ms {
                outcome = again;
            }
        }
        outcomes.push(outcome);
    }
    let dir = std::env::temp_dir().join(format!("rnn-e2e-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("create the hostile files' dir");
    for (name, text) in files() {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, &text).expect("write a hostile file");
        let mut loaded = load(&page, &page.url("")).await;
        if loaded.is_ok() {
            loaded = import(&page, &path.to_string_lossy()).await;
        }
        outcomes.push(measure(&page, format!("file {name}"), loaded).await);
    }
    let _ = std::fs::remove_dir_all(&dir);
    page.close().await;

    let table: Vec<Value> = outcomes
        .iter()
        .map(|o| {
            json!({ "case": o.case, "worst_task_ms": o.worst_ms, "long_tasks": o.tasks,
                    "problem": o.problem })
        })
        .collect();
    let _ = std::fs::write(
        format!("{ARTIFACTS_DIR}/longtasks.json"),
        serde_json::to_string_pretty(&table).unwrap(),
    );
    eprintln!("worst long task after first paint, per case:");
    for o in &outcomes {
        let flag = if o.worst_ms > BUDGET_MS || o.problem.is_some() {
            "  <-- over budget"
        } else {
            ""
        };
        eprintln!(
            "  {:>8.0} ms  {:>3} tasks  {}{}{}",
            o.worst_ms,
            o.tasks,
            o.case,
            o.problem
                .as_deref()
                .map(|p| format!(" [{p}]"))
                .unwrap_or_default(),
            flag
        );
    }
    eprintln!("{} cases in {:.0?}", outcomes.len(), started.elapsed());

    assert!(observing.is_ok(), "{observing:?}");
    let failed: Vec<String> = outcomes
        .iter()
        .filter(|o| o.worst_ms > BUDGET_MS || o.problem.is_some())
        .map(|o| {
            format!(
                "{}: {:.0} ms{}",
                o.case,
                o.worst_ms,
                o.problem
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default()
            )
        })
        .collect();
    assert!(
        failed.is_empty(),
        "tasks over {BUDGET_MS} ms after the first paint:\n  {}",
        failed.join("\n  ")
    );
}

/// Opens `url` and waits (boundedly) until the app has mounted.
async fn load(page: &Harness, url: &str) -> Result<(), String> {
    page.client()
        .goto(url)
        .await
        .map_err(|e| format!("open: {e}"))?;
    // The footer mounts last: by then every part of the page is there, `#import-json` too.
    page.wait_for_js(
        "document.querySelector('#app-footer') !== null && !!window.__longTasks",
        Duration::from_secs(8),
    )
    .await
}

/// Loads `path` through `#import-json`.
async fn import(page: &Harness, path: &str) -> Result<(), String> {
    let input = page
        .client()
        .find(Locator::Css("#import-json"))
        .await
        .map_err(|e| format!("find #import-json: {e}"))?;
    input
        .send_keys(path)
        .await
        .map_err(|e| format!("import: {e}"))
}

/// Plays briefly (clicking `#play` the way a user would, if it is enabled), pauses, and reads
/// the page's long tasks.
async fn measure(page: &Harness, case: String, loaded: Result<(), String>) -> Outcome {
    const TOGGLE: &str = r#"
        const b = document.querySelector('#play');
        if (b && !b.disabled && (b.getAttribute('aria-pressed') === 'true') === arguments[0]) {
            b.click();
        }
    "#;
    let mut problem = loaded.err();
    if problem.is_none() {
        if case.contains("at=") || case.contains("-at-") {
            tokio::time::sleep(SEEK_WATCH).await;
        }
        let clicked = page.client().execute(TOGGLE, vec![json!(false)]).await;
        tokio::time::sleep(PLAY).await;
        let paused = page.client().execute(TOGGLE, vec![json!(true)]).await;
        if let Err(e) = clicked.and(paused) {
            problem = Some(format!("play/pause: {e}"));
        }
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    match page.long_tasks().await {
        Ok(tasks) => Outcome {
            case,
            worst_ms: tasks.worst_after_first_paint(),
            tasks: tasks.tasks.len(),
            problem: problem.or(tasks.error),
        },
        Err(e) => Outcome {
            case,
            worst_ms: f64::NAN,
            tasks: 0,
            problem: Some(problem.map_or(e.clone(), |p| format!("{p}; {e}"))),
        },
    }
}
