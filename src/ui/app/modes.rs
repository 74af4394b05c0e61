//! Classroom modes: embed and presentation classes on
//! `<body>`, and full screen.

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::ui::controller::{Controller, use_controller};
use crate::ui::controls::widgets::TextButton;

/// Mirrors `embed` and `present` as classes on `<body>` (the app root gets
/// them in its own view), so page-wide styles can follow.
pub fn sync_body_classes(ctrl: Controller) {
    let settings = ctrl.settings();
    Effect::new(move |_| {
        let (embed, present) = settings.with(|s| (s.embed, s.present));
        set_body_class("embed", embed);
        set_body_class("present", present);
    });
    on_cleanup(|| {
        set_body_class("embed", false);
        set_body_class("present", false);
    });
}

/// Adds or removes one class of `<body>`, keeping the others.
fn set_body_class(name: &str, on: bool) {
    let Some(body) = document().body() else {
        return;
    };
    let current = body.get_attribute("class").unwrap_or_default();
    let mut classes: Vec<&str> = current.split_whitespace().filter(|c| *c != name).collect();
    if on {
        classes.push(name);
    }
    if classes.is_empty() {
        let _ = body.remove_attribute("class");
    } else {
        let _ = body.set_attribute("class", &classes.join(" "));
    }
}

/// Enters presentation mode as a new history entry (Back leaves it again), or leaves it.
pub fn toggle_present(ctrl: Controller) {
    let entering = ctrl.settings().with_untracked(|s| !s.present);
    if entering {
        super::url_sync::push_entry(ctrl, || ctrl.update(|s| s.present = true));
    } else {
        ctrl.update(|s| s.present = false);
    }
}

/// Enters or leaves full screen. Browsers refuse it without a user gesture or
/// inside an iframe; that is not an error worth showing, so any failure
/// (thrown or a rejected promise) is swallowed.
pub fn toggle_fullscreen() {
    let document = document();
    if document.fullscreen_element().is_some() {
        call_quietly(document.as_ref(), "exitFullscreen");
    } else if let Some(root) = document.document_element() {
        call_quietly(root.as_ref(), "requestFullscreen");
    }
}

/// Calls `target[method]()` if it exists, catching a returned promise's rejection.
fn call_quietly(target: &JsValue, method: &str) {
    let Ok(function) = Reflect::get(target, &JsValue::from_str(method)) else {
        return;
    };
    let Ok(function) = function.dyn_into::<Function>() else {
        return;
    };
    let Ok(returned) = function.call0(target) else {
        return;
    };
    if let Ok(promise) = returned.dyn_into::<Promise>() {
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = promise.catch(&ignore);
        // One tiny closure per key press; it must outlive the promise.
        ignore.forget();
    }
}

/// `#present-toggle`: presentation mode on and off (also `P`).
#[component]
pub fn PresentToggle() -> impl IntoView {
    let ctrl = use_controller();
    let on = ctrl.setting(|s| s.present);
    view! {
        <TextButton id="present-toggle" class="secondary" label=|t| t.present_toggle pressed=on on_click=move |_| toggle_present(ctrl) />
    }
}

/// `#present-exit`: the way out of presentation mode, on its first screen.
#[component]
pub fn PresentExit() -> impl IntoView {
    let ctrl = use_controller();
    let on = ctrl.setting(|s| s.present);
    view! {
        <Show when=move || on.get()>
            <TextButton id="present-exit" class="secondary present-exit" label=|t| t.present_exit on_click=move |_| ctrl.update(|s| s.present = false) />
        </Show>
    }
}
