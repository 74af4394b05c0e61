//! The keyboard shortcuts: one `keydown` listener on the window,
//! removed when the app goes.
//!
//! Keys never fire while focus is in a text field or menu (the key belongs to
//! what is typed) or with Ctrl, Alt or Meta held (browser and system shortcuts).
//! Shift is allowed: `?` needs it on most layouts.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use crate::params::PresetId;

use super::modes::{toggle_fullscreen, toggle_present};
use super::shortcuts::ShortcutsOpen;
use crate::ui::controller::Controller;
use crate::ui::controls::log_axis::toggle_log_axis;
use crate::ui::controls::presets::choose_preset;

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    PlayPause,
    Step,
    Reset,
    NewData,
    Preset(PresetId),
    LogAxis,
    Present,
    Fullscreen,
    ToggleShortcuts,
    CloseShortcuts,
}

/// The action of `KeyboardEvent.key`, if any.
fn action_of(key: &str) -> Option<Action> {
    let action = match key {
        " " | "Spacebar" => Action::PlayPause,
        "ArrowRight" | "s" | "S" => Action::Step,
        "r" | "R" => Action::Reset,
        "n" | "N" => Action::NewData,
        "l" | "L" => Action::LogAxis,
        "p" | "P" => Action::Present,
        "f" | "F" => Action::Fullscreen,
        "?" => Action::ToggleShortcuts,
        "Escape" | "Esc" => Action::CloseShortcuts,
        _ => {
            let digit = key.parse::<u8>().ok()?;
            Action::Preset(PresetId::from_number(digit)?)
        }
    };
    Some(action)
}

/// Installs the listener for the app's lifetime.
pub fn install(ctrl: Controller, shortcuts: ShortcutsOpen) {
    let handle = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        on_key(ctrl, shortcuts, &event);
    });
    on_cleanup(move || handle.remove());
}

fn on_key(ctrl: Controller, shortcuts: ShortcutsOpen, event: &KeyboardEvent) {
    if event.default_prevented()
        || event.is_composing()
        || event.ctrl_key()
        || event.alt_key()
        || event.meta_key()
    {
        return;
    }
    let Some(action) = action_of(&event.key()) else {
        return;
    };
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    if target.as_ref().is_some_and(is_text_entry) {
        return;
    }
    // Space on a button, link, checkbox or summary activates it; leave it be.
    if action == Action::PlayPause && target.as_ref().is_some_and(is_activated_by_space) {
        return;
    }
    let dialog_open = shortcuts.0.get_untracked();
    if action == Action::CloseShortcuts && !dialog_open {
        return;
    }
    // While the list is open only its own keys work, as in a modal dialog.
    if dialog_open && !matches!(action, Action::ToggleShortcuts | Action::CloseShortcuts) {
        return;
    }
    event.prevent_default();
    match action {
        Action::PlayPause => ctrl.toggle_play(),
        Action::Step => ctrl.step(),
        Action::Reset => ctrl.reset(),
        Action::NewData => ctrl.new_data(),
        Action::Preset(preset) => choose_preset(ctrl, Some(preset)),
        Action::LogAxis => toggle_log_axis(ctrl),
        Action::Present => toggle_present(ctrl),
        Action::Fullscreen => toggle_fullscreen(),
        Action::ToggleShortcuts => shortcuts.0.set(!dialog_open),
        Action::CloseShortcuts => shortcuts.0.set(false),
    }
}

/// An element that takes typed keys: any input, select or textarea (the
/// contract's rule, which also leaves checkboxes and sliders their keys), or
/// an editable element.
fn is_text_entry(element: &Element) -> bool {
    match element.tag_name().to_ascii_lowercase().as_str() {
        "input" | "select" | "textarea" => true,
        _ => element
            .get_attribute("contenteditable")
            .is_some_and(|value| value != "false"),
    }
}

fn is_activated_by_space(element: &Element) -> bool {
    let tag = element.tag_name().to_ascii_lowercase();
    matches!(tag.as_str(), "button" | "summary" | "a")
}
