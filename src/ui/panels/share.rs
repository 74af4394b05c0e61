//! Sharing: `#copy-link` copies a link to this very moment
//! (`at=` the current epoch), and the "share for class" panel `#share-panel`
//! builds a lesson link with hidden controls, embed and presentation mode, and with embed the
//! `<iframe>` code that puts it into another page (`#share-embed-code`).

use js_sys::{Promise, Reflect};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::params::{AppState, Control, embed_code};

use crate::ui::app::url_sync::{page_base, query_at, with_query};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::CheckBox;
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::{use_text, words};

/// Where the last copy went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Copied {
    Clipboard,
    /// No clipboard (plain http, refused permission): the link is selected instead.
    Selected,
}

/// The copy-link button and the share-for-class panel, hidden together by `hide=share`.
#[component]
pub fn ShareTools() -> impl IntoView {
    let ctrl = use_controller();
    let hidden = ctrl.hidden(Control::Share);
    view! {
        <div class="share-tools" data-control="share" hidden=move || hidden.get()>
            <CopyLink />
            <SharePanel />
        </div>
    }
}

#[component]
fn CopyLink() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let link = RwSignal::new(None::<String>);
    let copied = RwSignal::new(None::<Copied>);
    let field = NodeRef::<html::Input>::new();

    let select_link = move || {
        if let Some(input) = field.get_untracked() {
            let _ = input.focus();
            input.select();
        }
        copied.set(Some(Copied::Selected));
    };
    let copy = move |_| {
        let Some(settings) = ctrl.settings().try_get_untracked() else {
            return;
        };
        let epoch = ctrl.snapshot().with_untracked(|s| s.epoch);
        let url = with_query(&page_base(), &query_at(&settings, epoch));
        // Into the box now, so it is there whatever the clipboard does.
        if let Some(input) = field.get_untracked() {
            input.set_value(&url);
        }
        link.set(Some(url.clone()));
        copied.set(None);
        match write_clipboard(&url) {
            Some(promise) => {
                let done = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                    copied.try_set(Some(Copied::Clipboard));
                });
                let refused = Closure::<dyn FnMut(JsValue)>::new(move |_| select_link());
                let _ = promise.then2(&done, &refused);
                // One pair per click; they must outlive the promise.
                done.forget();
                refused.forget();
            }
            None => {
                // Let the box appear before selecting its text.
                request_animation_frame(select_link);
            }
        }
    };
    let status = move || {
        let text = text.get();
        copied.get().map(|c| match c {
            Copied::Clipboard => text.copy_link_done,
            Copied::Selected => text.copy_link_manual,
        })
    };

    view! {
        <div class="copy-link">
            <TextButton id="copy-link" class="secondary" label=|t| t.copy_link on_click=copy />
            <input
                id="share-url"
                type="text"
                readonly
                node_ref=field
                aria-label=words(|t| t.share_url_label)
                hidden=move || link.with(Option::is_none)
                prop:value=move || link.get().unwrap_or_default()
                on:focus=move |_| {
                    if let Some(input) = field.get_untracked() {
                        input.select();
                    }
                }
            />
            <span class="copy-status" role="status">{status}</span>
        </div>
    }
}

/// `navigator.clipboard.writeText(url)`, or `None` where there is no clipboard API.
fn write_clipboard(url: &str) -> Option<Promise> {
    let navigator = window().navigator();
    let clipboard = Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    if clipboard.is_undefined() || clipboard.is_null() {
        return None;
    }
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    Some(clipboard.write_text(url))
}

/// The lesson link: the current settings with the chosen hidden controls and modes.
fn lesson_link(
    settings: &AppState,
    hide: &[Control],
    embed: bool,
    present: bool,
    at: u64,
) -> String {
    let lesson = AppState {
        // In the documented order, each once, as `hide=` requires.
        hide: Control::all().filter(|c| hide.contains(c)).collect(),
        embed,
        present,
        ..settings.clone()
    };
    with_query(&page_base(), &query_at(&lesson, at))
}

#[component]
fn SharePanel() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    let snapshot = ctrl.snapshot();
    let (start_hide, start_embed, start_present) =
        settings.with_untracked(|s| (s.hide.clone(), s.embed, s.present));
    let hide = RwSignal::new(start_hide);
    let embed = RwSignal::new(start_embed);
    let present = RwSignal::new(start_present);
    let at_now = RwSignal::new(false);

    let link = move || {
        let at = if at_now.get() {
            snapshot.with(|s| s.epoch)
        } else {
            0
        };
        settings.with(|s| lesson_link(s, &hide.get(), embed.get(), present.get(), at))
    };
    let boxes = Control::all()
        .map(|control| {
            view! {
                <label class="check">
                    <input
                        type="checkbox"
                        name="hide"
                        value=control.name()
                        prop:checked=move || hide.with(|h| h.contains(&control))
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            hide.update(|h| {
                                h.retain(|c| *c != control);
                                if on {
                                    h.push(control);
                                }
                            });
                        }
                    />
                    <code>{control.name()}</code>
                    <span class="hint">{move || (text.get().control_label)(control)}</span>
                </label>
            }
        })
        .collect_view();

    view! {
        <details id="share-panel" class="share-panel">
            <summary>{words(|t| t.share_panel_title)}</summary>
            <div class="share-modes">
                <CheckBox id="share-embed" label=|t| t.share_embed checked=embed on_change=move |on| embed.set(on) />
                <CheckBox id="share-present" label=|t| t.share_present checked=present on_change=move |on| present.set(on) />
                <CheckBox id="share-at" label=|t| t.share_at checked=at_now on_change=move |on| at_now.set(on) />
            </div>
            <fieldset class="share-hide">
                <legend>{words(|t| t.share_hide_legend)}</legend>
                <div class="share-hide-grid">{boxes}</div>
            </fieldset>
            <label for="share-link">{words(|t| t.share_link_label)}</label>
            <input
                id="share-link"
                type="text"
                readonly
                prop:value=link
                on:focus=|event| {
                    event_target::<web_sys::HtmlInputElement>(&event).select();
                }
            />
            <div class="share-embed-code" hidden=move || !embed.get()>
                <label for="share-embed-code">{words(|t| t.share_embed_code_label)}</label>
                <textarea
                    id="share-embed-code"
                    readonly
                    rows="5"
                    prop:value=move || embed_code(&link(), text.get().title)
                    on:focus=|event| {
                        event_target::<web_sys::HtmlTextAreaElement>(&event).select();
                    }
                ></textarea>
            </div>
        </details>
    }
}
