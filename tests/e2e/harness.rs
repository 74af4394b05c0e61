//! The end-to-end harness: serves a built app directory over HTTP and drives it in headless
//! Chromium through chromedriver (WebDriver, via fantoccini).
//!
//! One [`Harness`] owns, for one test:
//! - a tiny static file server on an ephemeral 127.0.0.1 port, serving the app under a path
//!   prefix (`/` or e.g. `/some/sub/path/`), so tests can prove every asset URL is relative
//!   (or none, with [`Harness::start_at`], when a real server the test runs serves the app);
//! - a `chromedriver` child process on another free port, and the Chromium it starts, with a
//!   fresh profile directory;
//! - the WebDriver session.
//!
//! Call [`Harness::close`] before asserting, so Chromium never outlives a failing test. If a test
//! panics before that, `Drop` still ends the session, kills chromedriver and any browser process
//! still using this harness's profile directory (by process id), and removes the directory.
//!
//! Environment:
//! - `RNN_DIST_DIR`: the directory to serve (default: `dist/` in the crate root).
//! - `CHROMEDRIVER`: the chromedriver binary (default: `/usr/bin/chromedriver`).
//! - `CHROME_BIN`: the browser binary, if chromedriver should not pick its default.
//!
//! Helpers that talk to the browser panic with a clear message when WebDriver fails (for example
//! when a selector matches nothing); the `Drop` clean-up covers that case.

#![allow(dead_code)] // Not every test uses every helper.

use std::fmt;
use std::future::Future;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener as StdTcpListener, TcpStream as StdTcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Where screenshots go (kept out of git by `.gitignore`, except `.keep`).
pub const ARTIFACTS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/artifacts");

/// Where the README's pictures live (tracked). Tests write there only when
/// [`README_IMAGES_VAR`] is set, as `make screenshots` does, so `make test` leaves the tree clean.
pub const README_IMAGES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/images");

/// Set (to anything) to have [`Harness::readme_image`] refresh the README's pictures.
pub const README_IMAGES_VAR: &str = "RNN_README_IMAGES";

const DEFAULT_CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The page viewport every harness starts with (CSS pixels); see [`Harness::set_viewport`].
pub const VIEWPORT: (u32, u32) = (1280, 720);

/// Chromium flags: headless, root-safe, and quiet on a machine without general internet access.
const CHROME_ARGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
    "--window-size=1280,720",
];

/// The directory the e2e tests serve: `$RNN_DIST_DIR`, or `dist/` in the crate root.
pub fn dist_dir() -> PathBuf {
    match std::env::var_os("RNN_DIST_DIR") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("dist"),
    }
}

/// One browser console log entry, as chromedriver reports it.
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry {
    /// `SEVERE`, `WARNING`, `INFO`, `DEBUG`...
    pub level: String,
    /// `console-api`, `network`, `javascript`, ...
    pub source: String,
    pub message: String,
    pub timestamp: i64,
}

impl fmt::Display for LogEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{} {}] {}", self.level, self.source, self.message)
    }
}

/// One request the page made, from the Performance API (`navigation` and `resource` entries).
#[derive(Clone, Debug, PartialEq)]
pub struct NetworkRequest {
    pub url: String,
    /// `navigation`, or the resource's initiator type (`script`, `link`, `fetch`, `img`, ...).
    pub kind: String,
    /// HTTP status, when the browser reports it (0 if unknown).
    pub status: u16,
    pub transfer_size: u64,
    pub encoded_body_size: u64,
    pub decoded_body_size: u64,
    pub duration_ms: f64,
}

/// One request the harness's file server answered.
#[derive(Clone, Debug, PartialEq)]
pub struct Served {
    pub method: String,
    /// The request target as sent (path and query).
    pub target: String,
    pub status: u16,
}

impl fmt::Display for Served {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} -> {}", self.method, self.target, self.status)
    }
}

/// A POST to one of chromedriver's own endpoints, which are not W3C WebDriver (so fantoccini
/// has no method for them): the browser log (`se/log`, each read returns only the entries
/// logged since the previous one) and the DevTools passthrough (`goog/cdp/execute`, for what
/// WebDriver cannot do, e.g. a script that runs before the page's own).
#[derive(Debug)]
struct ChromedriverPost {
    endpoint: &'static str,
    body: Value,
}

impl WebDriverCompatibleCommand for ChromedriverPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.endpoint
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}

/// Installed before any page script: records every long task (start, duration in ms) into
/// `window.__longTasks`, so a test sees the tasks of the page's whole life.
const LONG_TASK_OBSERVER: &str = r#"(() => {
    window.__longTasks = [];
    try {
        new PerformanceObserver((list) => {
            for (const e of list.getEntries()) { window.__longTasks.push([e.startTime, e.duration]); }
        }).observe({ type: 'longtask', buffered: true });
    } catch (e) {
        window.__longTasksError = String(e);
    }
    // When the app mounted its read-outs: a mutation observer's callback runs at the end of
    // the task that mounted them.
    new MutationObserver((_, observer) => {
        if (document.querySelector('#epoch')) {
            window.__mounted = performance.now();
            observer.disconnect();
        }
    }).observe(document, { childList: true, subtree: true });
})();"#;

/// The long tasks a page ran, from the observer [`Harness::observe_long_tasks`] installs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LongTasks {
    /// When the page first painted (ms since navigation start); `None` if it has not yet.
    pub first_paint: Option<f64>,
    /// When the app had mounted its read-outs (ms since navigation start), if it has.
    pub mounted: Option<f64>,
    /// Every long task as (start, duration), in ms since navigation start.
    pub tasks: Vec<(f64, f64)>,
    /// Why the observer could not be installed, if it could not.
    pub error: Option<String>,
}

impl LongTasks {
    /// The longest task that ended after the first paint (0 if none; all tasks if the page
    /// never painted, so a page that hangs before painting still counts).
    pub fn worst_after_first_paint(&self) -> f64 {
        let from = self.first_paint.unwrap_or(f64::NEG_INFINITY);
        self.tasks
            .iter()
            .filter(|(start, duration)| start + duration > from)
            .map(|&(_, duration)| duration)
            .fold(0.0, f64::max)
    }
}

/// A served app, a browser, and a WebDriver session. See the module docs.
pub struct Harness {
    client: Option<Client>,
    session_id: Option<String>,
    driver: Option<Child>,
    driver_port: u16,
    /// `None` when the app is served from elsewhere ([`Harness::start_at`]).
    server: Option<StaticServer>,
    base_url: String,
    scratch: PathBuf,
    log: Mutex<Vec<LogEntry>>,
}

impl Harness {
    /// Serves [`dist_dir()`] under `prefix` (e.g. `"/"` or `"/some/sub/path/"`) and opens a
    /// browser session. Panics if the directory has no `index.html`.
    pub async fn start(prefix: &str) -> Harness {
        Harness::start_in(dist_dir(), prefix).await
    }

    /// Like [`Harness::start`], serving `dir` instead.
    pub async fn start_in(dir: impl Into<PathBuf>, prefix: &str) -> Harness {
        let dir = dir.into();
        assert!(
            dir.join("index.html").is_file(),
            "{} has no index.html: run `make dist` first, or point RNN_DIST_DIR at a built app",
            dir.display()
        );
        let prefix = normalize_prefix(prefix);
        let scratch = scratch_dir();
        std::fs::create_dir_all(scratch.join("profile")).expect("create the browser profile dir");

        let server = StaticServer::start(dir, prefix.clone()).await;
        let base_url = format!("http://{}{}", server.addr, prefix);
        Harness::start_browser(Some(server), base_url, scratch).await
    }

    /// Opens a browser session for an app that something else serves at `base_url` (ending in
    /// `/`, e.g. `http://127.0.0.1:PORT/some/sub/path/`): [`Harness::served`] is then empty.
    pub async fn start_at(base_url: &str) -> Harness {
        assert!(base_url.ends_with('/'), "base URL {base_url} must end in /");
        let scratch = scratch_dir();
        std::fs::create_dir_all(scratch.join("profile")).expect("create the browser profile dir");
        Harness::start_browser(None, base_url.to_string(), scratch).await
    }

    async fn start_browser(
        server: Option<StaticServer>,
        base_url: String,
        scratch: PathBuf,
    ) -> Harness {
        let (driver, driver_port) = spawn_chromedriver(&scratch).await;
        // From here on, `Drop` cleans up after any panic.
        let mut harness = Harness {
            client: None,
            session_id: None,
            driver: Some(driver),
            driver_port,
            server,
            base_url,
            scratch,
            log: Mutex::new(Vec::new()),
        };

        let client = match ClientBuilder::new(HttpConnector::new())
            .capabilities(harness.capabilities())
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await
        {
            Ok(client) => client,
            Err(err) => panic!(
                "could not start a WebDriver session: {err}\nchromedriver log:\n{}",
                harness.chromedriver_log()
            ),
        };
        harness.session_id = client.session_id().await.ok().flatten();
        harness.client = Some(client);
        harness.set_viewport(VIEWPORT.0, VIEWPORT.1).await;
        harness
    }

    /// Resizes the window so the page's viewport (`innerWidth` × `innerHeight`) is
    /// `width` × `height` CSS pixels.
    pub async fn set_viewport(&self, width: u32, height: u32) {
        let client = self.client();
        for _ in 0..3 {
            let inner = self.viewport().await;
            if inner == (u64::from(width), u64::from(height)) {
                return;
            }
            let (outer_w, outer_h) = client.get_window_size().await.expect("window size");
            let w = (outer_w + u64::from(width)).saturating_sub(inner.0);
            let h = (outer_h + u64::from(height)).saturating_sub(inner.1);
            client
                .set_window_size(w as u32, h as u32)
                .await
                .expect("set the window size");
        }
    }

    /// The page's viewport size in CSS pixels.
    pub async fn viewport(&self) -> (u64, u64) {
        let v = self
            .eval("return [window.innerWidth, window.innerHeight];", vec![])
            .await;
        (v[0].as_u64().unwrap_or(0), v[1].as_u64().unwrap_or(0))
    }

    fn capabilities(&self) -> Capabilities {
        let mut args: Vec<String> = CHROME_ARGS.iter().map(|s| s.to_string()).collect();
        args.push(format!(
            "--user-data-dir={}",
            self.scratch.join("profile").display()
        ));
        let mut chrome_options = json!({ "args": args });
        if let Some(bin) = std::env::var_os("CHROME_BIN").filter(|b| !b.is_empty()) {
            chrome_options["binary"] = json!(bin.to_string_lossy());
        }
        let mut caps = Capabilities::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome_options);
        caps.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        caps
    }

    /// The WebDriver client, for anything the helpers do not cover.
    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the harness is closed")
    }

    /// The served app's base URL, ending in the prefix (e.g. `http://127.0.0.1:PORT/sub/`).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The absolute URL of `path_and_query`, taken relative to the prefix:
    /// `""`, `"/"` → the app; `"?seed=3"` → the app with a query; `"x.js"` → a file in it.
    pub fn url(&self, path_and_query: &str) -> String {
        format!(
            "{}{}",
            self.base_url,
            path_and_query.trim_start_matches('/')
        )
    }

    /// Navigates to [`Harness::url`]`(path_and_query)` and waits for the page load.
    pub async fn open(&self, path_and_query: &str) {
        let url = self.url(path_and_query);
        if let Err(err) = self.client().goto(&url).await {
            panic!("open {url}: {err}");
        }
    }

    pub async fn title(&self) -> String {
        self.client().title().await.expect("read the page title")
    }

    /// The rendered text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> String {
        match self.client().find(Locator::Css(css)).await {
            Ok(el) => el
                .text()
                .await
                .unwrap_or_else(|e| panic!("text of {css}: {e}")),
            Err(err) => panic!("find {css}: {err}"),
        }
    }

    /// An attribute of the first element matching `css` (`None` if absent).
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        match self.client().find(Locator::Css(css)).await {
            Ok(el) => el
                .attr(name)
                .await
                .unwrap_or_else(|e| panic!("attribute {name} of {css}: {e}")),
            Err(err) => panic!("find {css}: {err}"),
        }
    }

    /// How many elements match `css`.
    pub async fn count(&self, css: &str) -> usize {
        self.client()
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("find all {css}: {e}"))
            .len()
    }

    pub async fn exists(&self, css: &str) -> bool {
        self.count(css).await > 0
    }

    /// A real (WebDriver) click on the first element matching `css`.
    pub async fn click(&self, css: &str) {
        match self.client().find(Locator::Css(css)).await {
            Ok(el) => el
                .click()
                .await
                .unwrap_or_else(|e| panic!("click {css}: {e}")),
            Err(err) => panic!("find {css}: {err}"),
        }
    }

    /// Sets the value of the `input`, `select` or `textarea` matching `css` the way a framework
    /// sees it (through the native setter), then dispatches `input` and `change` events.
    pub async fn set_value(&self, css: &str, value: &str) {
        const JS: &str = r#"
            const el = document.querySelector(arguments[0]);
            if (!el) { throw new Error('no element matches ' + arguments[0]); }
            const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype
                : el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype
                : HTMLInputElement.prototype;
            Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, arguments[1]);
            el.dispatchEvent(new Event('input', { bubbles: true }));
            el.dispatchEvent(new Event('change', { bubbles: true }));
        "#;
        self.eval(JS, vec![json!(css), json!(value)]).await;
    }

    /// Runs `script` as a function body in the page (`arguments[i]` are `args`); returns what
    /// it returns.
    pub async fn eval(&self, script: &str, args: Vec<Value>) -> Value {
        self.client()
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `cond` every 50 ms until it holds; `Err` with the time waited if `timeout` passes.
    ///
    /// ```ignore
    /// h.wait_until(Duration::from_secs(5), || async { h.text("#epoch").await != "0" }).await
    /// ```
    pub async fn wait_until<F, Fut>(&self, timeout: Duration, mut cond: F) -> Result<(), String>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = bool>,
    {
        let start = Instant::now();
        loop {
            if cond().await {
                return Ok(());
            }
            if start.elapsed() >= timeout {
                return Err(format!("condition still false after {timeout:?}"));
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the JavaScript expression `expr` is truthy in the page.
    pub async fn wait_for_js(&self, expr: &str, timeout: Duration) -> Result<(), String> {
        let script = format!("return !!({expr});");
        self.wait_until(timeout, || async {
            self.client()
                .execute(&script, vec![])
                .await
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        })
        .await
        .map_err(|e| format!("`{expr}`: {e}"))
    }

    /// Waits until the document has loaded and, if it has a Trunk module loader, until the wasm
    /// app has started (`window.wasmBindings` is set after `main` returns).
    pub async fn wait_for_app(&self, timeout: Duration) -> Result<(), String> {
        self.wait_for_js(
            "document.readyState === 'complete' && (typeof window.wasmBindings !== 'undefined' \
             || document.querySelector('script[type=module]') === null)",
            timeout,
        )
        .await
    }

    /// Sends one Chrome DevTools Protocol command through chromedriver; returns its result.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.client()
            .issue_cmd(ChromedriverPost {
                endpoint: "goog/cdp/execute",
                body: json!({ "cmd": cmd, "params": params }),
            })
            .await
            .map_err(|e| format!("{cmd}: {e}"))
    }

    /// From the next navigation on, every page records its long tasks before its own scripts
    /// run; read them with [`Harness::long_tasks`].
    pub async fn observe_long_tasks(&self) -> Result<(), String> {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": LONG_TASK_OBSERVER }),
        )
        .await
        .map(|_| ())
    }

    /// The long tasks the current page has run so far, and its first paint.
    pub async fn long_tasks(&self) -> Result<LongTasks, String> {
        const JS: &str = r#"
            const paint = performance.getEntriesByType('paint')
                .map(e => e.startTime).sort((a, b) => a - b)[0];
            return {
                firstPaint: paint === undefined ? null : paint,
                mounted: window.__mounted ?? null,
                tasks: window.__longTasks || null,
                error: window.__longTasksError || null,
            };
        "#;
        let v = self
            .client()
            .execute(JS, vec![])
            .await
            .map_err(|e| format!("read the long tasks: {e}"))?;
        let Some(tasks) = v["tasks"].as_array() else {
            return Err("the long-task observer is not installed in this page".to_string());
        };
        Ok(LongTasks {
            first_paint: v["firstPaint"].as_f64(),
            mounted: v["mounted"].as_f64(),
            tasks: tasks
                .iter()
                .map(|t| (t[0].as_f64().unwrap_or(0.0), t[1].as_f64().unwrap_or(0.0)))
                .collect(),
            error: v["error"].as_str().map(str::to_string),
        })
    }

    /// Bounds how long a navigation and a script may block WebDriver, so a page that hangs
    /// fails one step rather than the whole run.
    pub async fn set_timeouts(&self, page_load: Duration, script: Duration) {
        self.client()
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(script),
                Some(page_load),
                None,
            ))
            .await
            .expect("set the WebDriver timeouts");
    }

    /// Every browser console entry so far (console API, uncaught errors, failed loads).
    pub async fn browser_log(&self) -> Vec<LogEntry> {
        let fresh = self
            .client()
            .issue_cmd(ChromedriverPost {
                endpoint: "se/log",
                body: json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_else(|e| panic!("read the browser log: {e}"));
        let mut log = self.log.lock().unwrap();
        if let Some(entries) = fresh.as_array() {
            log.extend(entries.iter().map(|e| LogEntry {
                level: e["level"].as_str().unwrap_or_default().to_string(),
                source: e["source"].as_str().unwrap_or_default().to_string(),
                message: e["message"].as_str().unwrap_or_default().to_string(),
                timestamp: e["timestamp"].as_i64().unwrap_or_default(),
            }));
        }
        log.clone()
    }

    /// The `SEVERE` browser log entries so far: `console.error`, uncaught exceptions, and
    /// failed resource loads (404s included).
    pub async fn browser_errors(&self) -> Vec<LogEntry> {
        self.browser_log()
            .await
            .into_iter()
            .filter(|e| e.level == "SEVERE")
            .collect()
    }

    /// Saves a PNG of the viewport as `tests/artifacts/<name>.png` (or at `name` if it is an
    /// absolute path) and returns the path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let mut path = if Path::new(name).is_absolute() {
            PathBuf::from(name)
        } else {
            Path::new(ARTIFACTS_DIR).join(name)
        };
        if path.extension().is_none() {
            path.set_extension("png");
        }
        let png = self
            .client()
            .screenshot()
            .await
            .unwrap_or_else(|e| panic!("screenshot: {e}"));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create the artifacts dir");
        }
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        path
    }

    /// A screenshot the README shows: saved as `docs/images/<name>.png` when
    /// [`README_IMAGES_VAR`] is set, else like [`Harness::screenshot`] under `tests/artifacts/`.
    pub async fn readme_image(&self, name: &str) -> PathBuf {
        if std::env::var_os(README_IMAGES_VAR).is_some() {
            let path = Path::new(README_IMAGES_DIR).join(name);
            self.screenshot(&path.to_string_lossy()).await
        } else {
            self.screenshot(name).await
        }
    }

    /// The page's navigation and resource requests, from the Performance API.
    pub async fn network_requests(&self) -> Vec<NetworkRequest> {
        const JS: &str = r#"
            const pick = (e, kind) => ({
                url: e.name, kind,
                status: e.responseStatus || 0,
                transferSize: e.transferSize || 0,
                encodedBodySize: e.encodedBodySize || 0,
                decodedBodySize: e.decodedBodySize || 0,
                duration: e.duration || 0,
            });
            return performance.getEntriesByType('navigation').map(e => pick(e, 'navigation'))
                .concat(performance.getEntriesByType('resource').map(e => pick(e, e.initiatorType)));
        "#;
        let value = self.eval(JS, vec![]).await;
        value
            .as_array()
            .map(|entries| {
                entries
                    .iter()
                    .map(|e| NetworkRequest {
                        url: e["url"].as_str().unwrap_or_default().to_string(),
                        kind: e["kind"].as_str().unwrap_or_default().to_string(),
                        status: e["status"].as_u64().unwrap_or(0) as u16,
                        transfer_size: e["transferSize"].as_f64().unwrap_or(0.0) as u64,
                        encoded_body_size: e["encodedBodySize"].as_f64().unwrap_or(0.0) as u64,
                        decoded_body_size: e["decodedBodySize"].as_f64().unwrap_or(0.0) as u64,
                        duration_ms: e["duration"].as_f64().unwrap_or(0.0),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every request the file server has answered so far, in order (none if the app is served
    /// from elsewhere).
    pub fn served(&self) -> Vec<Served> {
        self.server
            .as_ref()
            .map(|server| server.log.lock().unwrap().clone())
            .unwrap_or_default()
    }

    /// Ends the WebDriver session (which quits Chromium), stops chromedriver and the server,
    /// and removes the profile directory. Call it before asserting.
    pub async fn close(mut self) {
        let Some(client) = self.client.take() else {
            return; // `Drop` does the rest.
        };
        let closed = tokio::time::timeout(Duration::from_secs(15), client.close()).await;
        if closed.is_ok_and(|r| r.is_ok()) {
            self.session_id = None; // Chromium has quit.
        }
        self.shutdown();
    }

    /// Synchronous clean-up, safe to repeat; also run by `Drop`.
    fn shutdown(&mut self) {
        if let Some(id) = self.session_id.take() {
            delete_session_blocking(self.driver_port, &id);
        }
        self.client = None;
        if let Some(mut driver) = self.driver.take() {
            let _ = driver.kill();
            let _ = driver.wait();
        }
        kill_processes_using(&self.scratch);
        if let Some(server) = &self.server {
            server.task.abort();
        }
        let _ = std::fs::remove_dir_all(&self.scratch);
    }

    fn chromedriver_log(&self) -> String {
        std::fs::read_to_string(self.scratch.join("chromedriver.log")).unwrap_or_default()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn normalize_prefix(prefix: &str) -> String {
    let trimmed = prefix.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    }
}

/// A fresh, unique directory for this harness (browser profile, chromedriver log).
fn scratch_dir() -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    std::env::temp_dir().join(format!(
        "rnn-e2e-{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ))
}

fn free_port() -> u16 {
    StdTcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free port")
}

/// Starts chromedriver on a free port and waits until it accepts connections.
async fn spawn_chromedriver(scratch: &Path) -> (Child, u16) {
    let bin = std::env::var_os("CHROMEDRIVER")
        .filter(|b| !b.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_CHROMEDRIVER));
    let log_path = scratch.join("chromedriver.log");
    let log = std::fs::File::create(&log_path).expect("create the chromedriver log");
    let port = free_port();
    let mut child = Command::new(&bin)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(log.try_clone().expect("clone the log handle"))
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "start {}: {e} (install it with `make setup-chromium`)",
                bin.display()
            )
        });
    let deadline = Instant::now() + Duration::from_secs(20);
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    loop {
        if StdTcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok() {
            return (child, port);
        }
        let exited = child.try_wait().ok().flatten();
        if exited.is_some() || Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "chromedriver did not come up on port {port} ({}):\n{}",
                exited.map_or("timed out".to_string(), |s| s.to_string()),
                std::fs::read_to_string(&log_path).unwrap_or_default()
            );
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// `DELETE /session/{id}` with blocking I/O, so it also works from `Drop`.
fn delete_session_blocking(port: u16, id: &str) {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    if let Ok(mut stream) = StdTcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
        let _ = stream.set_read_timeout(Some(Duration::from_secs(15)));
        let request = format!(
            "DELETE /session/{id} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\
             Content-Length: 0\r\nConnection: close\r\n\r\n"
        );
        if stream.write_all(request.as_bytes()).is_err() {
            return;
        }
        // Read the whole answer (chromedriver keeps the connection open, so stop at the end of
        // the body rather than at EOF): the browser has quit once it arrives.
        let mut response = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            if let Some(end) = response.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&response[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(0);
                if response.len() >= end + 4 + length {
                    return;
                }
            }
            match stream.read(&mut chunk) {
                Ok(0) | Err(_) => return,
                Ok(n) => response.extend_from_slice(&chunk[..n]),
            }
        }
    }
}

/// Kills, by process id, any process whose command line names `dir` (our browser profile), in
/// case a browser outlived its chromedriver.
fn kill_processes_using(dir: &Path) {
    let needle = dir.to_string_lossy().into_owned();
    let own = std::process::id().to_string();
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return;
    };
    for entry in entries.flatten() {
        let pid = entry.file_name().to_string_lossy().into_owned();
        if pid == own || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(cmdline) = std::fs::read(entry.path().join("cmdline")) else {
            continue;
        };
        if String::from_utf8_lossy(&cmdline).contains(&needle) {
            let _ = Command::new("kill")
                .args(["-KILL", &pid])
                .stderr(Stdio::null())
                .status();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Static file server
// ---------------------------------------------------------------------------------------------

struct StaticServer {
    addr: SocketAddr,
    task: JoinHandle<()>,
    log: Arc<Mutex<Vec<Served>>>,
}

impl StaticServer {
    async fn start(root: PathBuf, prefix: String) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the file server");
        let addr = listener.local_addr().expect("file server address");
        let log = Arc::new(Mutex::new(Vec::new()));
        let root = Arc::new(root);
        let prefix = Arc::new(prefix);
        let task_log = log.clone();
        let task = tokio::spawn(async move {
            while let Ok((socket, _)) = listener.accept().await {
                let (root, prefix, log) = (root.clone(), prefix.clone(), task_log.clone());
                tokio::spawn(async move {
                    // Browsers open speculative connections that never send a request.
                    let _ = tokio::time::timeout(
                        Duration::from_secs(30),
                        serve_connection(socket, &root, &prefix, &log),
                    )
                    .await;
                });
            }
        });
        StaticServer { addr, task, log }
    }
}

/// Answers one request, then closes the connection.
async fn serve_connection(
    mut socket: TcpStream,
    root: &Path,
    prefix: &str,
    log: &Mutex<Vec<Served>>,
) {
    let mut head = Vec::with_capacity(1024);
    let mut chunk = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        if head.len() > 64 * 1024 {
            return;
        }
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    let mut request_line = head.lines().next().unwrap_or_default().split_whitespace();
    let method = request_line.next().unwrap_or_default().to_string();
    let target = request_line.next().unwrap_or("/").to_string();

    let response = respond(&method, &target, root, prefix).await;
    log.lock().unwrap().push(Served {
        method: method.clone(),
        target,
        status: response.status,
    });

    let mut out = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n",
        response.status,
        reason(response.status),
        response.content_type,
        response.body.len()
    );
    if let Some(location) = &response.location {
        out.push_str(&format!("Location: {location}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    if method != "HEAD" {
        bytes.extend_from_slice(&response.body);
    }
    let _ = socket.write_all(&bytes).await;
    let _ = socket.shutdown().await;
}

struct Response {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
    location: Option<String>,
}

impl Response {
    fn plain(status: u16) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: format!("{status} {}\n", reason(status)).into_bytes(),
            location: None,
        }
    }
}

async fn respond(method: &str, target: &str, root: &Path, prefix: &str) -> Response {
    if method != "GET" && method != "HEAD" {
        return Response::plain(405);
    }
    let (raw_path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    let raw_path = raw_path.split('#').next().unwrap_or_default();
    let Some(path) = percent_decode(raw_path) else {
        return Response::plain(400);
    };
    // `/sub/path` → `/sub/path/`, so the page's relative URLs resolve inside the prefix.
    if prefix != "/" && path == prefix.trim_end_matches('/') {
        let mut location = prefix.to_string();
        if let Some(query) = query {
            location.push('?');
            location.push_str(query);
        }
        let mut response = Response::plain(301);
        response.location = Some(location);
        return response;
    }
    let Some(rel) = path.strip_prefix(prefix) else {
        return Response::plain(404);
    };
    let mut rel = rel.to_string();
    if rel.is_empty() || rel.ends_with('/') {
        rel.push_str("index.html");
    }
    if rel
        .split('/')
        .any(|seg| seg == ".." || seg == "." || seg.contains('\\') || seg.contains('\0'))
    {
        return Response::plain(404);
    }
    let file = root.join(&rel);
    match tokio::fs::read(&file).await {
        Ok(body) => Response {
            status: 200,
            content_type: content_type(&file),
            body,
            location: None,
        },
        Err(_) => Response::plain(404),
    }
}

fn content_type(path: &Path) -> &'static str {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("png") => "image/png",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        Some("json" | "map") => "application/json",
        Some("txt") => "text/plain; charset=utf-8",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        _ => "",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
