//! The page object: the RNN Playground app as the tests see it.
//!
//! [`AppPage`] wraps one [`Harness`] (served `dist/`, browser, WebDriver session) and knows the
//! app's page: how to open it and wait until it has mounted, its run controls (`#play`, `#step`),
//! its read-outs (`#epoch`, `#status`, `#loss`, `#w-x`, ...), the heat map's geometry, and the
//! keyboard and pointer input a user gives it. Every test file drives the app through it, so a
//! selector or a wait lives in one place. The generic browser plumbing stays in `harness.rs`;
//! anything app-agnostic (`text`, `click`, `set_value`, `eval`, `wait_until`, ...) is reachable
//! through `Deref`.
//!
//! As with the harness: collect what to check, call [`AppPage::close`], then assert, so Chromium
//! never outlives a failing test.

use std::fmt::Display;
use std::ops::Deref;
use std::time::Duration;

use fantoccini::actions::{
    Actions, InputSource, KeyAction, KeyActions, MouseActions, PointerAction, TouchActions,
};
use serde_json::{Value, json};

use crate::harness::{Harness, LogEntry};

/// How long the wasm app may take to download, compile and mount.
pub const APP_START: Duration = Duration::from_secs(30);

/// Replaces `<a>.click()` for downloads with a recorder that reads the blob back:
/// `window.__downloads` = `[{ name, href, type, size, head, text }]`. Installed once per page
/// (a navigation drops it), so the prototypes are never wrapped twice.
const CAPTURE_DOWNLOADS: &str = r#"
    if (window.__downloads) { return; }
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

/// The app in one browser session. See the module docs.
pub struct AppPage {
    h: Harness,
}

impl Deref for AppPage {
    type Target = Harness;

    fn deref(&self) -> &Harness {
        &self.h
    }
}

impl AppPage {
    /// Serves `dist/` at `/` and opens a browser (no page loaded yet: call [`AppPage::open`]).
    pub async fn start() -> AppPage {
        AppPage::start_under("/").await
    }

    /// Like [`AppPage::start`], with a page viewport of `width` × `height` CSS pixels.
    pub async fn start_sized(width: u32, height: u32) -> AppPage {
        let page = AppPage::start().await;
        page.set_viewport(width, height).await;
        page
    }

    /// Serves `dist/` under `prefix` (e.g. `"/some/sub/path/"`) and opens a browser.
    pub async fn start_under(prefix: &str) -> AppPage {
        AppPage {
            h: Harness::start(prefix).await,
        }
    }

    /// Serves `dir` at `/` instead of `dist/` (e.g. a host page with the app in a folder of it)
    /// and opens a browser.
    pub async fn start_in(dir: &std::path::Path) -> AppPage {
        AppPage {
            h: Harness::start_in(dir, "/").await,
        }
    }

    /// Opens a browser for the app that something else serves at `base_url` (ending in `/`).
    pub async fn start_at(base_url: &str) -> AppPage {
        AppPage {
            h: Harness::start_at(base_url).await,
        }
    }

    /// Serves `dist/`, opens a browser and the app at `query`, and waits until the app has
    /// mounted; panics with what did not happen (the harness still cleans up).
    pub async fn opened(query: &str) -> AppPage {
        let page = AppPage::start().await;
        if let Err(why) = page.open(query).await {
            panic!("the app at {query:?} did not mount: {why}");
        }
        page
    }

    /// The value of the JavaScript expression `expr`.
    pub async fn js(&self, expr: &str) -> Value {
        self.eval(&format!("return {expr};"), vec![]).await
    }

    /// The same as a number: NaN when it is not one, so that any comparison with it fails.
    pub async fn js_number(&self, expr: &str) -> f64 {
        self.js(expr).await.as_f64().unwrap_or(f64::NAN)
    }

    /// Waits up to `seconds` for the JavaScript expression `expr` to be truthy.
    pub async fn wait_js(&self, expr: &str, seconds: u64) -> Result<(), String> {
        self.wait_for_js(expr, Duration::from_secs(seconds)).await
    }

    /// Ends the session; see [`Harness::close`].
    pub async fn close(self) {
        self.h.close().await;
    }

    /// The browser's errors, then the end of the session: the last look of most tests.
    pub async fn finish(self) -> Vec<LogEntry> {
        let errors = self.errors().await;
        self.close().await;
        errors
    }

    // -----------------------------------------------------------------------------------------
    // Downloads
    // -----------------------------------------------------------------------------------------

    /// Clicks `css` and returns the download it made, once its blob has been read; `Err` says
    /// what happened instead. The first call on a page starts recording downloads (read back
    /// instead of saved).
    pub async fn download(&self, css: &str) -> Result<Value, String> {
        let page = self;
        page.eval(CAPTURE_DOWNLOADS, vec![]).await;
        let before = page
            .eval("return window.__downloads.length;", vec![])
            .await
            .as_u64()
            .unwrap_or(0);
        if !page.exists(css).await {
            return Err(format!("{css} is missing"));
        }
        page.click(css).await;
        let index = before as usize;
        // Chromium encodes `toBlob` when the page is idle; on a loaded machine the loss chart's
        // PNG has taken up to ~12 s to arrive.
        let read = page
            .wait_for_js(
                &format!(
                    "window.__downloads.length > {index} && \
                     typeof window.__downloads[{index}].text === 'string'"
                ),
                Duration::from_secs(15),
            )
            .await;
        if let Err(e) = read {
            let state = page
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
        Ok(page
            .eval(
                "return window.__downloads[arguments[0]];",
                vec![json!(index)],
            )
            .await)
    }

    // -----------------------------------------------------------------------------------------
    // Navigation
    // -----------------------------------------------------------------------------------------

    /// Opens the app at `query` (e.g. `""` or `"?seed=3"`) and waits until it has mounted its
    /// read-outs. `Err` says what did not happen.
    pub async fn open(&self, query: &str) -> Result<(), String> {
        self.h.open(query).await;
        self.wait_mounted().await
    }

    /// Opens a full URL (e.g. a link the page built) and waits until the app has mounted.
    pub async fn goto(&self, url: &str) -> Result<(), String> {
        self.client()
            .goto(url)
            .await
            .map_err(|e| format!("open {url}: {e}"))?;
        self.wait_mounted().await
    }

    async fn wait_mounted(&self) -> Result<(), String> {
        self.wait_for_app(APP_START).await?;
        // The read-outs mount first; the plots and the panels below a frame later.
        self.wait_for_js(
            "['#epoch', '#surface', '#app-footer'].every((s) => document.querySelector(s))",
            APP_START,
        )
        .await
    }

    /// Resolves a link the page shows (absolute, or relative to the app) to an absolute URL.
    pub fn absolute(&self, link: &str) -> String {
        if link.starts_with("http://") || link.starts_with("https://") {
            link.to_string()
        } else {
            self.url(link)
        }
    }

    /// How wide the page's content is in CSS pixels (`scrollWidth`): wider than the viewport
    /// means a sideways scroll. NaN if it cannot be read, so that any comparison fails.
    pub async fn scroll_width(&self) -> f64 {
        self.js_number("document.documentElement.scrollWidth").await
    }

    /// The page's `location.search`.
    pub async fn search(&self) -> String {
        self.eval("return location.search;", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The page's `location.search` once `settled` holds for it, or as it is after 3 s: the
    /// address bar follows the page after a debounce. The caller asserts what it holds.
    pub async fn search_when(&self, settled: impl Fn(&str) -> bool) -> String {
        let _ = self
            .wait_until(Duration::from_secs(3), || async {
                settled(&self.search().await)
            })
            .await;
        self.search().await
    }

    // -----------------------------------------------------------------------------------------
    // The run controls
    // -----------------------------------------------------------------------------------------

    /// Clicks `#play` to start training (the button toggles: see [`AppPage::pause`]).
    pub async fn play(&self) {
        self.click("#play").await;
    }

    /// Clicks `#play` while training runs, which pauses it.
    pub async fn pause(&self) {
        self.click("#play").await;
    }

    /// Whether `#play` says training runs (`aria-pressed="true"`).
    pub async fn playing(&self) -> bool {
        self.attr("#play", "aria-pressed").await.as_deref() == Some("true")
    }

    /// Clicks `#step` once: one epoch.
    pub async fn step(&self) {
        self.click("#step").await;
    }

    /// Clicks `#step` `n` times.
    pub async fn steps(&self, n: usize) {
        for _ in 0..n {
            self.step().await;
        }
    }

    /// Clicks `#step` `n` times and waits until the epoch shown has risen by `n`.
    pub async fn steps_and_wait(&self, n: u64, timeout: Duration) -> Result<(), String> {
        let before = self.epoch().await.ok_or("no epoch shown")?;
        for _ in 0..n {
            self.step().await;
        }
        self.wait_epoch(before + n, timeout).await
    }

    /// Plays until the epoch rises, then pauses. `Err` says what did not happen.
    pub async fn play_briefly(&self) -> Result<(), String> {
        let before = self.epoch().await.ok_or("no epoch shown")?;
        self.play().await;
        let rose = self
            .wait_until(Duration::from_secs(10), || async {
                self.epoch().await.is_some_and(|e| e > before)
            })
            .await;
        self.pause().await;
        rose.map_err(|e| format!("epoch stayed at {before} after play: {e}"))?;
        let paused = self
            .wait_until(Duration::from_secs(2), || async { !self.playing().await })
            .await;
        paused.map_err(|e| format!("the second click did not pause: {e}"))
    }

    // -----------------------------------------------------------------------------------------
    // Read-outs
    // -----------------------------------------------------------------------------------------

    /// The shown epoch (`None` if it is not a whole number).
    pub async fn epoch(&self) -> Option<u64> {
        self.text("#epoch").await.trim().parse().ok()
    }

    /// Waits until the shown epoch is `target`.
    pub async fn wait_epoch(&self, target: u64, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, || async { self.epoch().await == Some(target) })
            .await
            .map_err(|e| format!("#epoch never showed {target}: {e}"))
    }

    /// `#status`'s keyword (`data-status`: ready, running, paused, converged, diverged, error).
    pub async fn status(&self) -> String {
        self.attr("#status", "data-status")
            .await
            .unwrap_or_default()
    }

    /// Clicks `#play` and waits until `#status`'s keyword is `status` (e.g. "diverged").
    pub async fn play_until(&self, status: &str, timeout: Duration) -> Result<(), String> {
        self.play().await;
        self.wait_status(status, timeout).await
    }

    /// Waits until `#status`'s keyword is `status` (see [`AppPage::status`]).
    pub async fn wait_status(&self, status: &str, timeout: Duration) -> Result<(), String> {
        self.wait_until(timeout, || async { self.status().await == status })
            .await
            .map_err(|e| format!("#status never was {status}: {e}"))
    }

    /// `#status`'s sentence as shown (e.g. "diverged at epoch 12 ...").
    pub async fn status_text(&self) -> String {
        self.text("#status").await
    }

    /// The exact value of the read-out `#id` (`loss`, `w-x`, `w-rec`, `grad-wx`, ...): its
    /// `data-value`, which round-trips the f64 (`None` if absent or not finite).
    pub async fn readout(&self, id: &str) -> Option<f64> {
        self.attr(&format!("#{id}"), "data-value")
            .await
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|v| v.is_finite())
    }

    /// The read-out `#id` as a user reads it: its text, as a number (see [`number`]).
    pub async fn shown(&self, id: &str) -> Option<f64> {
        number(&self.text(&format!("#{id}")).await)
    }

    /// The shown weights as text (what a user would compare).
    pub async fn weights_text(&self) -> (String, String) {
        (self.text("#w-x").await, self.text("#w-rec").await)
    }

    // -----------------------------------------------------------------------------------------
    // Elements
    // -----------------------------------------------------------------------------------------

    /// The `value` of the input or select matching `css`.
    pub async fn value(&self, css: &str) -> String {
        self.eval(
            "return document.querySelector(arguments[0]).value;",
            vec![json!(css)],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    /// Waits until the attribute `name` of the element matching `css` reads `value`.
    pub async fn wait_attr(
        &self,
        css: &str,
        name: &str,
        value: &str,
        timeout: Duration,
    ) -> Result<(), String> {
        self.wait_until(timeout, || async {
            self.attr(css, name).await.as_deref() == Some(value)
        })
        .await
        .map_err(|e| format!("{css} never had {name}={value}: {e}"))
    }

    /// Whether the element matching `css` exists and takes up space on the page (not `hidden`,
    /// not `display: none` itself or through an ancestor, not `visibility: hidden`).
    pub async fn visible(&self, css: &str) -> bool {
        self.eval(
            r#"const el = document.querySelector(arguments[0]);
               return !!el && el.getClientRects().length > 0
                   && getComputedStyle(el).visibility !== 'hidden';"#,
            vec![json!(css)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// The element's box in the viewport: `[left, top, right, bottom]` (NaN if it is missing).
    pub async fn rect(&self, css: &str) -> [f64; 4] {
        let v = self
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

    /// Where the element matching `css` fails to be reachable on the first screen: missing,
    /// not displayed, not wholly inside the viewport (half a pixel of rounding allowed), or
    /// covered at its centre by another element. `None` when a user sees and can click it.
    pub async fn unreachable(&self, css: &str) -> Option<String> {
        let why = self
            .eval(
                r#"const el = document.querySelector(arguments[0]);
                   if (!el) { return 'missing'; }
                   if (el.getClientRects().length === 0
                       || getComputedStyle(el).visibility === 'hidden') { return 'not displayed'; }
                   const r = el.getBoundingClientRect();
                   const [w, h] = [window.innerWidth, window.innerHeight];
                   const box = `[${r.left}, ${r.top}, ${r.right}, ${r.bottom}]`;
                   if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5) {
                       return `at ${box}, outside the ${w}×${h} viewport`;
                   }
                   const top = document.elementFromPoint((r.left + r.right) / 2,
                                                         (r.top + r.bottom) / 2);
                   if (!top || !(el === top || el.contains(top))) {
                       return `covered at its centre by ${top ? top.outerHTML.slice(0, 80) : 'nothing'}`;
                   }
                   return null;"#,
                vec![json!(css)],
            )
            .await;
        why.as_str().map(|why| format!("{css}: {why}"))
    }

    /// Whether `#app` carries `class`.
    pub async fn app_has_class(&self, class: &str) -> bool {
        self.eval(
            "const a = document.querySelector('#app'); \
             return !!a && a.classList.contains(arguments[0]);",
            vec![json!(class)],
        )
        .await
        .as_bool()
        .unwrap_or(false)
    }

    /// The `id` of the focused element (JSON null if none has one).
    pub async fn focused_id(&self) -> Value {
        self.eval(
            "return document.activeElement && document.activeElement.id;",
            vec![],
        )
        .await
    }

    // -----------------------------------------------------------------------------------------
    // Input
    // -----------------------------------------------------------------------------------------

    /// Takes the focus off any control, so key presses go to the page.
    pub async fn blur(&self) {
        self.eval(
            "if (document.activeElement && document.activeElement.blur) { \
             document.activeElement.blur(); }",
            vec![],
        )
        .await;
    }

    /// A real key press (WebDriver key down + up) on whatever has the focus. For special keys
    /// pass `fantoccini::key::Key::Tab.into()` and the like.
    pub async fn press(&self, key: char) {
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client()
            .perform_actions(keys)
            .await
            .unwrap_or_else(|e| panic!("press {key:?}: {e}"));
    }

    /// Moves the real mouse to viewport point (x, y) and clicks there.
    pub async fn click_at(&self, x: f64, y: f64) {
        let mouse = press_at(x, y)
            .into_iter()
            .fold(MouseActions::new("mouse".into()), MouseActions::then);
        self.perform(mouse).await.expect("mouse click");
    }

    /// Moves the real mouse to viewport point (x, y) without clicking (a hover).
    pub async fn hover_at(&self, x: f64, y: f64) {
        let [to, ..] = press_at(x, y);
        let mouse = MouseActions::new("mouse".into()).then(to);
        self.client()
            .perform_actions(mouse)
            .await
            .expect("mouse move");
    }

    /// How many pixels of the canvas `css` are not white: 0 for a blank canvas.
    pub async fn painted_pixels(&self, css: &str) -> u64 {
        self.eval(
            r#"const c = document.querySelector(arguments[0]);
               if (!c || !c.width || !c.height) { return 0; }
               const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
               let n = 0;
               for (let i = 0; i < d.length; i += 4) {
                   if (d[i + 3] > 0 && (d[i] < 250 || d[i + 1] < 250 || d[i + 2] < 250)) { n++; }
               }
               return n;"#,
            vec![json!(css)],
        )
        .await
        .as_u64()
        .unwrap_or(0)
    }

    /// A real touch tap (a touch pointer, as on a phone) at viewport point (x, y).
    pub async fn tap_at(&self, x: f64, y: f64) -> Result<(), String> {
        let tap = press_at(x, y)
            .into_iter()
            .fold(TouchActions::new("finger".into()), TouchActions::then);
        self.perform(tap).await
    }

    async fn perform(&self, actions: impl Into<Actions>) -> Result<(), String> {
        let performed = self.client().perform_actions(actions).await;
        performed.map_err(|e| e.to_string())
    }

    // -----------------------------------------------------------------------------------------
    // The heat map
    // -----------------------------------------------------------------------------------------

    /// Where the heat map's plot area is in the viewport and the view it shows, from the
    /// canvas's `data-plot-rect` and `data-view`.
    pub async fn surface_geometry(&self) -> SurfaceGeometry {
        let v: Value = self
            .eval(
                r#"const c = document.querySelector('#surface');
                   const r = c.getBoundingClientRect();
                   const p = (c.dataset.plotRect || '').split(',').map(Number);
                   const v = (c.dataset.view || '').split(',').map(Number);
                   return [r.left + p[0], r.top + p[1], p[2], p[3], v];"#,
                vec![],
            )
            .await;
        let n = |i: usize| v[i].as_f64().unwrap_or(f64::NAN);
        let view: Vec<f64> = v[4]
            .as_array()
            .map(|a| a.iter().map(|x| x.as_f64().unwrap_or(f64::NAN)).collect())
            .unwrap_or_default();
        SurfaceGeometry {
            left: n(0),
            top: n(1),
            width: n(2),
            height: n(3),
            view: [0, 1, 2, 3].map(|i| view.get(i).copied().unwrap_or(f64::NAN)),
        }
    }

    // -----------------------------------------------------------------------------------------
    // The inside view
    // -----------------------------------------------------------------------------------------

    /// The unrolled view's steps in order: `[data-step]`, `data-x`, `data-s` and `data-grad`
    /// of every `#unrolled [data-step]` (an absent attribute is `None`).
    pub async fn unrolled_steps(&self) -> Vec<UnrolledStep> {
        let v = self
            .eval(
                r#"return [...document.querySelectorAll('#unrolled [data-step]')].map(e =>
                       [e.dataset.step, e.dataset.x, e.dataset.s, e.dataset.grad]);"#,
                vec![],
            )
            .await;
        let text = |x: &Value| x.as_str().map(str::to_string);
        v.as_array()
            .map(|rows| {
                rows.iter()
                    .map(|r| UnrolledStep {
                        k: text(&r[0]).and_then(|k| k.parse().ok()).unwrap_or(0),
                        x: text(&r[1]),
                        s: text(&r[2]),
                        grad: text(&r[3]),
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits up to 5 s until the gradient plot (`#grad-time`) has drawn `curves` curves.
    pub async fn wait_grad_curves(&self, curves: u32) -> Result<(), String> {
        let curves = curves.to_string();
        self.wait_attr("#grad-time", "data-curves", &curves, Duration::from_secs(5))
            .await
    }

    /// Waits until `#unrolled`'s `data-name` reads `value`.
    pub async fn wait_unrolled(&self, name: &str, value: &str) -> Result<(), String> {
        self.wait_attr("#unrolled", name, value, Duration::from_secs(5))
            .await
    }

    // -----------------------------------------------------------------------------------------
    // The console
    // -----------------------------------------------------------------------------------------

    /// The browser's errors so far; see [`Harness::browser_errors`].
    pub async fn errors(&self) -> Vec<LogEntry> {
        self.browser_errors().await
    }
}

/// One step of the unrolled view as the DOM carries it (exact shortest round-trip text).
#[derive(Clone, Debug, PartialEq)]
pub struct UnrolledStep {
    pub k: usize,
    pub x: Option<String>,
    pub s: Option<String>,
    pub grad: Option<String>,
}

/// The heat map's plot area in viewport pixels and the weights it spans.
#[derive(Clone, Copy, Debug)]
pub struct SurfaceGeometry {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
    /// `[w_x min, w_x max, w_rec min, w_rec max]`: w_x grows rightwards, w_rec upwards.
    pub view: [f64; 4],
}

impl SurfaceGeometry {
    /// The viewport point at fraction (`fx`, `fy`) of the plot area, from its top left.
    pub fn point(&self, fx: f64, fy: f64) -> (f64, f64) {
        (self.left + fx * self.width, self.top + fy * self.height)
    }

    /// The weights (w_x, w_rec) at fraction (`fx`, `fy`) of the plot area.
    pub fn weights_at(&self, fx: f64, fy: f64) -> (f64, f64) {
        let [x0, x1, y0, y1] = self.view;
        (x0 + fx * (x1 - x0), y1 - fy * (y1 - y0))
    }

    /// How far a clicked w_x may be from [`SurfaceGeometry::weights_at`]: one cell of the
    /// 256-cell grid plus a pixel of rounding.
    pub fn tolerance_wx(&self) -> f64 {
        let span = self.view[1] - self.view[0];
        span / 256.0 + span / self.width
    }

    /// Like [`SurfaceGeometry::tolerance_wx`], for w_rec.
    pub fn tolerance_wrec(&self) -> f64 {
        let span = self.view[3] - self.view[2];
        span / 256.0 + span / self.height
    }
}

/// Move to viewport point (x, y), press and release: a click with a mouse, a tap with a finger.
fn press_at(x: f64, y: f64) -> [PointerAction; 3] {
    [
        PointerAction::MoveTo {
            duration: None,
            x: x.round(),
            y: y.round(),
        },
        PointerAction::Down { button: 0 },
        PointerAction::Up { button: 0 },
    ]
}

/// A number as the page shows it ("553.11", "6.83e-3", "−1.5"); `None` for "—" or "overflow".
/// What `#data-table` must show for the link `query` after `epochs` epochs, as the core gives it:
/// (data-seq, data-target, data-y, the inputs cell) of the first 50 sequences.
pub fn core_table_rows(query: &str, epochs: u64) -> Vec<[String; 4]> {
    use rnn_playground::format::exact;
    use rnn_playground::rnn::{Trainer, model};
    let mut trainer = Trainer::new(rnn_playground::params::parse(query).state.trainer_config())
        .expect("a valid link");
    trainer.run(epochs);
    let data = trainer.data();
    let ys = model::outputs(data, trainer.weights(), usize::MAX);
    (0..data.samples().min(50))
        .map(|i| {
            let digits: String = data
                .row(i)
                .iter()
                .take(16)
                .map(|&x| if x == 0.0 { '0' } else { '1' })
                .chain((data.len() > 16).then_some('…'))
                .collect();
            [i.to_string(), exact(data.targets[i]), exact(ys[i]), digits]
        })
        .collect()
}

pub fn number(text: &str) -> Option<f64> {
    let cleaned: String = text
        .trim()
        .replace('\u{2212}', "-")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// One item a line, indented, for an assertion message.
pub fn lines<T: Display>(items: &[T]) -> String {
    items.iter().map(|i| format!("  {i}\n")).collect()
}

/// Asserts that the browser logged no error.
#[track_caller]
pub fn assert_clean_console(errors: &[LogEntry]) {
    assert!(errors.is_empty(), "browser errors:\n{}", lines(errors));
}
