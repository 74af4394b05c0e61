//! `#shortcuts`: the list of keyboard shortcuts, opened by `?` or its button.

use leptos::html;
use leptos::prelude::*;

use strum::IntoEnumIterator;

use crate::params::Shortcut;
use crate::ui::text::{use_text, words};

/// Whether the dialog is open; shared by the button, the keys and the dialog.
#[derive(Clone, Copy)]
pub struct ShortcutsOpen(pub RwSignal<bool>);

#[component]
pub fn ShortcutsButton(open: ShortcutsOpen) -> impl IntoView {
    view! {
        <button
            type="button"
            id="shortcuts-open"
            class="secondary"
            aria-haspopup="dialog"
            aria-controls="shortcuts"
            aria-label=words(|t| t.shortcuts_open)
            title=words(|t| t.shortcuts_open)
            on:click=move |_| open.0.update(|o| *o = !*o)
        >
            "?"
        </button>
    }
}

#[component]
pub fn ShortcutsDialog(open: ShortcutsOpen) -> impl IntoView {
    let text = use_text();
    let close_button = NodeRef::<html::Button>::new();
    // Focus moves into the dialog when it opens, so Escape and Tab work at once.
    Effect::new(move |_| {
        if open.0.get()
            && let Some(button) = close_button.get()
        {
            let _ = button.focus();
        }
    });
    // The keyboard's own table, so the list cannot drift from the keys.
    let rows = move || {
        let text = text.get();
        Shortcut::iter()
            .map(|shortcut| {
                view! {
                    <tr>
                        <th scope="row"><kbd>{shortcut.label()}</kbd></th>
                        <td>{(text.shortcut)(shortcut)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="shortcuts-backdrop" hidden=move || !open.0.get() on:click=move |_| open.0.set(false)>
            <div
                id="shortcuts"
                class="shortcuts"
                hidden=move || !open.0.get()
                role="dialog"
                aria-modal="true"
                aria-labelledby="shortcuts-title"
                on:click=|event| event.stop_propagation()
            >
                <h2 id="shortcuts-title">{words(|t| t.shortcuts_title)}</h2>
                <table>
                    <tbody>{rows}</tbody>
                </table>
                <button
                    type="button"
                    id="shortcuts-close"
                    node_ref=close_button
                    on:click=move |_| open.0.set(false)
                >
                    {words(|t| t.shortcuts_close)}
                </button>
            </div>
        </div>
    }
}
