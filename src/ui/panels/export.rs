//! Saving and loading a run: `#export-csv` (the kept history), `#export-json`
//! (every setting plus the epoch) and `#import-json` (loads such a file back).
//!
//! Everything happens in the browser: files are made as Blobs (see
//! [`super::download`]) and read with a `FileReader`; nothing goes to a server.
//! A loaded file's settings are read by the link's parser, so a file edited
//! by hand cannot put the page in a state a link could not; its corrections
//! appear in `#url-notice`.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{FileReader, HtmlInputElement};

use crate::export::{CSV_FILE, run_csv};
use crate::params::{self, FileProblem, SavedError, SavedState};
use crate::python::{self, PythonRun};
use crate::rnn::Race;
use crate::rnn::race::DEFAULT_RACE_EPOCHS;

use super::download::download_blob;
use crate::ui::app::notice::{NoticeSource, use_notices};
use crate::ui::controller::settings::speed_notice;
use crate::ui::controller::{SeekProgress, use_controller};
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::{Text, use_text, words};

/// The saved state's file name.
pub const JSON_FILE: &str = "rnn-playground-state.json";
/// The Python script's file name.
pub const PYTHON_FILE: &str = "rnn-playground.py";

/// What the Python script reproduces: a race to its epoch limit, or the
/// single run to its current epoch (its stop, or the seed's 2001, at epoch 0).
pub fn python_run(state: &params::AppState, epoch: u64) -> PythonRun {
    let (runs, epochs, target) = match state.race_config() {
        Some(race) => {
            let target = Race::new(race.clone()).ok().map(|r| r.target());
            (race.racers, race.max_epochs, target)
        }
        None => {
            let epochs = if epoch > 0 {
                epoch
            } else {
                state.stop_at.unwrap_or(DEFAULT_RACE_EPOCHS)
            };
            (vec![state.optimizer], epochs, None)
        }
    };
    // About twenty lines of the table.
    let every = match epochs {
        2000.. => 100,
        200.. => 10,
        _ => 1,
    };
    PythonRun {
        model: state.model,
        task: state.task,
        data: state.data,
        reduction: state.reduction,
        init: state.init,
        runs,
        epochs,
        every,
        target,
    }
}

/// The CSV's header row.
pub const CSV_HEADER: &str = "epoch,loss,w_x,w_rec,grad_w_x,grad_w_rec";
/// A saved state is a few hundred bytes; anything much larger is not one,
/// and reading it whole could stall the page.
const MAX_IMPORT_BYTES: f64 = 1_000_000.0;

/// What the last save or load did, worded in the page's current language
/// when shown (so a load that switches nothing keeps reading right).
#[derive(Debug, Clone, PartialEq)]
enum Outcome {
    SaveFailed,
    /// Not a saved state, or one from a newer version of the page.
    NotState(SavedError),
    ReadFailed,
    Loaded {
        epoch: u64,
        corrections: usize,
    },
}

impl Outcome {
    fn is_error(&self) -> bool {
        !matches!(self, Outcome::Loaded { .. })
    }

    fn describe(&self, text: &Text) -> String {
        match self {
            Outcome::SaveFailed => text.export_failed.into(),
            Outcome::NotState(SavedError::NotState(problem)) => (text.import_not_state)(*problem),
            Outcome::NotState(SavedError::NewerFormat { format }) => {
                (text.import_newer_format)(*format)
            }
            Outcome::NotState(SavedError::OlderFormat { format }) => {
                (text.import_older_format)(*format)
            }
            Outcome::ReadFailed => text.import_read_failed.into(),
            Outcome::Loaded { epoch, corrections } => {
                let mut said = (text.import_loaded)(*epoch);
                if *corrections > 0 {
                    said.push_str(text.sentence_gap);
                    said.push_str(&(text.import_corrected)(*corrections));
                }
                said
            }
        }
    }
}

/// The save / load buttons.
#[component]
pub fn ExportPanel(
    /// The seek that trains a loaded state to its epoch (shown by the seek note).
    seek: RwSignal<Option<SeekProgress>>,
) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let notices = use_notices();
    let message = RwSignal::new(None::<Outcome>);

    let export_csv = move |_| {
        let Some(csv) = ctrl.with_run(run_csv) else {
            return;
        };
        let result = download_blob(CSV_FILE, "text/csv", csv);
        let failed = result.is_err().then_some(Outcome::SaveFailed);
        message.set(failed);
    };
    let export_json = move |_| {
        let saved = SavedState::new(
            ctrl.settings().get_untracked(),
            ctrl.snapshot().with_untracked(|s| s.epoch),
        );
        let result = download_blob(JSON_FILE, "application/json", saved.to_json());
        let failed = result.is_err().then_some(Outcome::SaveFailed);
        message.set(failed);
    };

    let export_python = move |_| {
        let epoch = ctrl.snapshot().with_untracked(|s| s.epoch);
        let script = ctrl
            .settings()
            .with_untracked(|s| python::script(&python_run(s, epoch)));
        let result = download_blob(PYTHON_FILE, "text/x-python", script);
        let failed = result.is_err().then_some(Outcome::SaveFailed);
        message.set(failed);
    };

    // Applies a file's text: parse, show corrections, train to its epoch.
    let load = move |json: String| {
        let loaded = match SavedState::from_json(&json) {
            Ok(loaded) => loaded,
            Err(error) => {
                message.try_set(Some(Outcome::NotState(error)));
                return;
            }
        };
        let mut state = loaded.state;
        // The epoch is trained on load like a link's `at=`, so it has the same bound.
        let (epoch, cut) = params::bound_seek(&state, loaded.epoch);
        let mut found = loaded.notices;
        found.extend(cut);
        found.extend(speed_notice(&state));
        let corrections = found.len();
        notices.show(NoticeSource::File, found);
        // The epoch travels beside the state: `at` would be trained on a reload.
        state.at = 0;
        // The language is the reader's choice, not part of the run.
        state.lang = ctrl.settings().with_untracked(|s| s.lang);
        ctrl.apply(state);
        ctrl.reset();
        if epoch > 0 {
            ctrl.seek(epoch, seek);
        }
        message.try_set(Some(Outcome::Loaded { epoch, corrections }));
    };

    let on_file = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let file = input.files().and_then(|files| files.get(0));
        // Cleared, so choosing the same file again loads it again.
        input.set_value("");
        let Some(file) = file else {
            return;
        };
        if file.size() > MAX_IMPORT_BYTES {
            let problem = FileProblem::TooLarge {
                max_bytes: MAX_IMPORT_BYTES as u64,
            };
            message.set(Some(Outcome::NotState(SavedError::NotState(problem))));
            return;
        }
        let read_failed = move || {
            message.try_set(Some(Outcome::ReadFailed));
        };
        let Ok(reader) = FileReader::new() else {
            read_failed();
            return;
        };
        let done = reader.clone();
        let on_load =
            Closure::once_into_js(
                move || match done.result().ok().and_then(|r| r.as_string()) {
                    Some(json) => load(json),
                    None => read_failed(),
                },
            );
        let on_error = Closure::once_into_js(read_failed);
        reader.set_onload(Some(on_load.unchecked_ref()));
        reader.set_onerror(Some(on_error.unchecked_ref()));
        if reader.read_as_text(&file).is_err() {
            read_failed();
        }
    };

    view! {
        <fieldset class="group export">
            <legend>{words(|t| t.export_legend)}</legend>
            <div class="buttons">
                <TextButton id="export-csv" class="secondary" label=|t| t.export_csv title=|t| t.export_csv_title on_click=export_csv />
                <TextButton id="export-json" class="secondary" label=|t| t.export_json title=|t| t.export_json_title on_click=export_json />
                <TextButton id="export-python" class="secondary" label=|t| t.export_python title=|t| t.export_python_title on_click=export_python />
            </div>
            // The native picker's own words follow the browser's language, not
            // the page's: it is kept focusable but transparent, and its label,
            // drawn as a button, is what shows.
            <div class="file-picker">
                <input
                    type="file"
                    id="import-json"
                    accept=".json,application/json"
                    aria-describedby="import-msg"
                    on:change=on_file
                />
                <label for="import-json" class="button-like secondary">
                    {words(|t| t.import_json)}
                </label>
            </div>
            <p
                id="import-msg"
                class="field-msg"
                class:error=move || message.with(|m| m.as_ref().is_some_and(Outcome::is_error))
                role="status"
            >
                {move || message.with(|m| m.as_ref().map(|m| m.describe(text.get())))}
            </p>
        </fieldset>
    }
}
