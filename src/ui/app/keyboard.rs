//! The keyboard shortcuts: one `keydown` listener on the window, removed
//! when the app goes, matching keys against the shortcut table
//! ([`Shortcut`]) that the shortcuts dialog lists.
//!
//! Keys never fire while focus is in a text field or menu (the key belongs to
//! what is typed) or with Ctrl, Alt or Meta held (browser and system shortcuts).
//! Shift is allowed: `?` needs it on most layouts.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};

use crate::params::Shortcut;

use super::modes::{toggle_fullscreen, toggle_present};
use super::shortcuts::ShortcutsOpen;
use crate::ui::controller::Controller;
use crate::ui::controls::log_axis::toggle_log_axis;
use crate::ui::controls::presets::choose_preset;

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
    // While stepping through an epoch its own keys move the phases.
    let stepping = ctrl.settings().with_untracked(|s| s.phase.is_some());
    if stepping && crate::ui::inside::step_through::is_phase_key(&event.key()) {
        return;
    }
    let Some((action, preset)) = Shortcut::of_key(&event.key()) else {
        return;
    };
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    if target.as_ref().is_some_and(is_text_entry) {
        return;
    }
    // Space on a button, link, checkbox or summary activates it; leave it be.
    if action == Shortcut::PlayPause && target.as_ref().is_some_and(is_activated_by_space) {
        return;
    }
    let dialog_open = shortcuts.0.get_untracked();
    if action == Shortcut::CloseList && !dialog_open {
        return;
    }
    // While the list is open only its own keys work, as in a modal dialog.
    if dialog_open && !matches!(action, Shortcut::ToggleList | Shortcut::CloseList) {
        return;
    }
    event.prevent_default();
    match action {
        Shortcut::PlayPause => ctrl.toggle_play(),
        Shortcut::Step => ctrl.step(),
        Shortcut::Reset => ctrl.reset(),
        Shortcut::NewData => ctrl.new_data(),
        Shortcut::Preset => choose_preset(ctrl, preset),
        Shortcut::PreviousPreset | Shortcut::NextPreset => {
            let current = ctrl.settings().with_untracked(|s| s.preset);
            choose_preset(ctrl, action.preset_after(current));
        }
        Shortcut::LogAxis => toggle_log_axis(ctrl),
        Shortcut::Present => toggle_present(ctrl),
        Shortcut::Fullscreen => toggle_fullscreen(),
        Shortcut::ToggleList => shortcuts.0.set(!dialog_open),
        Shortcut::CloseList => shortcuts.0.set(false),
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
