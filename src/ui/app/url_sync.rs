//! The URL is the state.
//!
//! - At start the query string is read with [`params::parse`]: the settings
//!   to start from, what had to be corrected, and `at=` (epochs to train).
//! - Every change of settings rewrites the query with `history.replaceState`
//!   (a slider drag or typing must not fill the back button), once the
//!   changes pause for [`URL_DEBOUNCE_MS`]: browsers throttle, and may
//!   refuse, many rewrites a second. The write reads the settings when it
//!   runs, so the address always ends on the last state.
//! - A few deliberate steps of a lesson (a scenario, a race, presentation
//!   mode) are [`push_entry`]: a new history entry, so that Back returns to
//!   the settings before it, restored from the address on `popstate`,
//!   instead of leaving the page.
//! - `at=N` trains to exactly epoch N, then pauses ([`Controller::seek`]).

use std::cell::Cell;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;

use crate::params::{self, AppState, Notice};

use crate::ui::controller::{Controller, SeekProgress};

/// How long the settings must rest before the address bar follows them.
pub const URL_DEBOUNCE_MS: u64 = 250;

thread_local! {
    /// The debounced rewrite of the address not yet made, if any.
    static PENDING: Cell<Option<TimeoutHandle>> = const { Cell::new(None) };
}

/// Cancels the pending rewrite; true if there was one.
fn cancel_pending() -> bool {
    match PENDING.with(Cell::take) {
        Some(handle) => {
            handle.clear();
            true
        }
        None => false,
    }
}

/// What the page's address asks for.
pub struct Startup {
    /// The settings to start from (`at` kept, for the first rewrite of the URL).
    pub state: AppState,
    /// The corrections made while reading it.
    pub notices: Vec<Notice>,
}

/// Reads `location.search`. A page without a location starts from the defaults.
pub fn read_location() -> Startup {
    let query = window().location().search().unwrap_or_default();
    let parsed = params::parse(&query);
    Startup {
        state: parsed.state,
        notices: parsed.notices,
    }
}

/// The query string (without `?`) of `state` at `epoch` (`at=` omitted at 0).
pub fn query_at(state: &AppState, epoch: u64) -> String {
    // A moment beyond the work bound would only be cut on reading.
    let clamped = epoch.min(params::max_seek_epochs(&state.data));
    params::to_query(&AppState {
        at: clamped,
        ..state.clone()
    })
}

/// The page's address without query or fragment, e.g. `https://host/sub/path/`.
pub fn page_base() -> String {
    let location = window().location();
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}")
}

/// `base` with `query` (no `?` when the query is empty).
pub fn with_query(base: &str, query: &str) -> String {
    if query.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{query}")
    }
}

/// Keeps the address bar in step with the settings, and starts the `at=` seek.
/// Returns the seek's progress, for [`super::seek_note::SeekNote`].
pub fn start(ctrl: Controller, at: u64) -> RwSignal<Option<SeekProgress>> {
    let settings = ctrl.settings();
    // The first write keeps `at=` (a reload lands on the same moment); any
    // change of settings after that starts a new run, so `at` goes.
    Effect::new(move |first: Option<()>| {
        if first.is_none() {
            replace_query(&settings.with(|s| query_at(s, at)));
            return;
        }
        settings.track();
        cancel_pending();
        let write = move || {
            PENDING.with(|p| p.set(None));
            if let Some(query) = settings.try_with_untracked(|s| query_at(s, 0)) {
                replace_query(&query);
            }
        };
        let delay = Duration::from_millis(URL_DEBOUNCE_MS);
        // Without a timer (no window) the write happens at once.
        match set_timeout_with_handle(write, delay) {
            Ok(handle) => PENDING.with(|p| p.set(Some(handle))),
            Err(_) => write(),
        }
    });
    let progress = RwSignal::new(None);
    if at > 0 {
        ctrl.seek(at, progress);
    }
    // Back and Forward within the page: the entry's address holds its settings.
    let _ = window_event_listener(ev::popstate, move |_| {
        cancel_pending();
        let state = read_location().state;
        let preset_changed = settings.try_with_untracked(|s| s.preset != state.preset);
        ctrl.apply(AppState {
            at: 0,
            ..state.clone()
        });
        if state.at > 0 {
            ctrl.seek(state.at, progress);
        } else if preset_changed == Some(true) {
            // As choosing the scenario does: its run starts over.
            ctrl.reset();
        }
    });
    progress
}

/// Makes `change` (which changes the settings) a new history entry: the
/// entry being left first gets the settings it ends on, then the address of
/// the new settings is pushed. A change that leaves the address as it is
/// pushes nothing.
pub fn push_entry(ctrl: Controller, change: impl FnOnce()) {
    let settings = ctrl.settings();
    if cancel_pending()
        && let Some(query) = settings.try_with_untracked(|s| query_at(s, 0))
    {
        replace_query(&query);
    }
    change();
    if let Some(query) = settings.try_with_untracked(|s| query_at(s, 0)) {
        write_query(&query, Entry::New);
    }
}

/// Writes the run's current epoch into the address as `at=` (after a stopped seek, so that a
/// reload or a copied address lands where the run is, not where the link aimed).
pub fn write_current_epoch(ctrl: Controller) {
    let epoch = ctrl.snapshot().with_untracked(|s| s.epoch);
    if let Some(query) = ctrl.settings().try_with_untracked(|s| query_at(s, epoch)) {
        replace_query(&query);
    }
}

/// Whether an address change replaces the current history entry or adds one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entry {
    Same,
    New,
}

/// Rewrites the query in place, keeping the path and any fragment.
fn replace_query(query: &str) {
    write_query(query, Entry::Same);
}

/// Writes `query` into the address (unless it is already there), in the
/// current history entry or a new one, keeping the path and any fragment.
fn write_query(query: &str, entry: Entry) {
    let location = window().location();
    let current = location.search().unwrap_or_default();
    if current.strip_prefix('?').unwrap_or(&current) == query {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = format!("{}{hash}", with_query(&path, query));
    if let Ok(history) = window().history() {
        let null = wasm_bindgen::JsValue::NULL;
        // A refused write (e.g. a sandboxed iframe) only leaves the old address.
        let _ = match entry {
            Entry::Same => history.replace_state_with_url(&null, "", Some(&url)),
            Entry::New => history.push_state_with_url(&null, "", Some(&url)),
        };
    }
}
