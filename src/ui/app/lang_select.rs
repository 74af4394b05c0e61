//! `#lang`: the language switch, and the language the page starts in.
//!
//! The setting (`lang=`) wins; without it the page follows the browser's
//! `navigator.language`. Choosing a language writes it into the settings,
//! so the address (and a shared link) keeps it.

use leptos::prelude::*;

use crate::rnn::Named;

use crate::params::Lang;

use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::on_choice;
use crate::ui::text::words;

/// The browser's preferred language, English when it has none.
pub fn browser_lang() -> Lang {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .map_or(Lang::En, |tag| Lang::from_browser_tag(&tag))
}

#[component]
pub fn LangSelect(#[prop(into)] lang: Signal<Lang>) -> impl IntoView {
    let ctrl = use_controller();
    let options = Lang::all()
        .into_iter()
        .map(|option| {
            view! {
                <option
                    value=option.name()
                    lang=option.name()
                    prop:selected=move || lang.get() == option
                >
                    {option.native_name()}
                </option>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch">
            <label for="lang">{words(|t| t.lang_label)}</label>
            <select
                id="lang"
                on:change=on_choice(move |chosen| ctrl.update(|s| s.lang = Some(chosen)))
            >
                {options}
            </select>
        </div>
    }
}
