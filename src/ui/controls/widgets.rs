//! The small widgets every part of the page uses: a button and a checkbox whose words come from
//! the catalogue, so each follows the page's language, and the options of a menu of named
//! choices.

use leptos::ev::{Event, MouseEvent};
use leptos::prelude::*;

use crate::params::Control;
use crate::rnn::Named;
use crate::ui::controller::use_controller;
use crate::ui::text::{Text, use_text};

/// Words of the catalogue, picked by a field of [`Text`] (or fixed, as `|_| "PNG"`).
pub type Words = fn(&Text) -> &'static str;

/// A `type="button"` with words and a tooltip from the catalogue; `pressed` makes it a toggle
/// button (`aria-pressed`).
#[component]
pub fn TextButton(
    id: &'static str,
    label: Words,
    #[prop(optional)] title: Option<Words>,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional, into)] pressed: Option<Signal<bool>>,
    on_click: impl FnMut(MouseEvent) + 'static,
) -> impl IntoView {
    let text = use_text();
    view! {
        <button
            type="button"
            id=id
            class=class
            title=move || title.map(|title| title(text.get()))
            aria-pressed=move || pressed.map(|pressed| pressed.get().to_string())
            on:click=on_click
        >
            {move || label(text.get())}
        </button>
    }
}

/// A labelled checkbox. With `control`, it carries that `hide=` name as `data-control` and
/// hides when a lesson link hides it.
#[component]
pub fn CheckBox(
    id: &'static str,
    label: Words,
    #[prop(into)] checked: Signal<bool>,
    on_change: impl Fn(bool) + 'static,
    #[prop(optional)] class: Option<&'static str>,
    #[prop(optional)] control: Option<Control>,
) -> impl IntoView {
    let text = use_text();
    let hidden = control.map(|control| use_controller().hidden(control));
    view! {
        <label
            class=format!("check {}", class.unwrap_or_default())
            data-control=control.map(Control::name)
            hidden=move || hidden.is_some_and(|hidden| hidden.get())
        >
            <input
                type="checkbox"
                id=id
                prop:checked=move || checked.get()
                on:change=move |event| on_change(event_target_checked(&event))
            />
            {move || label(text.get())}
        </label>
    }
}

/// One `<option>` per value of `E`, in declaration order, valued by its name (as links write
/// it) and selected while `is_current` says so.
pub fn options_of<E>(
    is_current: impl Fn(E) -> bool + Copy + Send + Sync + 'static,
    label: impl Fn(E) -> String + Copy + Send + Sync + 'static,
) -> impl IntoView
where
    E: Named + Send + Sync + 'static,
{
    E::all()
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.name() prop:selected=move || is_current(option)>
                    {move || label(option)}
                </option>
            }
        })
        .collect_view()
}

/// The `change` handler of a `<select>` of [`options_of`]: `choose` gets the value chosen.
pub fn on_choice<E: Named>(choose: impl Fn(E)) -> impl Fn(Event) {
    move |event| {
        if let Some(chosen) = E::from_name(&event_target_value(&event)) {
            choose(chosen);
        }
    }
}
