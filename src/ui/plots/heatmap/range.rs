//! The heat map's range controls: two zoom presets and a custom range that is
//! checked before it is applied.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::plot::{View, ViewInputError};
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::{Text, use_text, words};

/// One custom-range input: its id and index in the view array (the order of
/// `Text::view_field_names`).
const FIELDS: [(&str, usize); 4] = [
    ("view-xmin", 0),
    ("view-xmax", 1),
    ("view-ymin", 2),
    ("view-ymax", 3),
];

/// The short visible label of box `index`: the weight before its "from" box,
/// "to" before its "to" box. Each accessible name contains it.
fn visible_label(text: &Text, index: usize) -> &'static str {
    match index {
        0 => text.w_x,
        2 => text.w_rec,
        _ => text.view_to,
    }
}

/// The range typed in the boxes, or why it cannot be used, in the page's words.
fn checked_view(texts: &[String; 4], text: &Text) -> Result<View, String> {
    View::read(texts.each_ref().map(String::as_str)).map_err(|error| match error {
        ViewInputError::NotANumber(index) => (text.view_not_number)(text.view_field_names[index]),
        ViewInputError::Invalid(_) => text.view_invalid.to_string(),
    })
}

#[component]
pub fn ViewControls(view: Signal<View>, on_view_change: Callback<View>) -> impl IntoView {
    let text = use_text();
    let texts = RwSignal::new([const { String::new() }; 4]);
    let error = RwSignal::new(None::<String>);
    // The inputs follow the view whenever it changes (presets, the app, a URL).
    Effect::new(move |_| {
        let current = view.get();
        texts.set(current.bounds().map(|v| v.to_string()));
        error.set(None);
    });

    let apply = move |ev: SubmitEvent| {
        ev.prevent_default();
        match checked_view(&texts.get_untracked(), text.get_untracked()) {
            Ok(range) => {
                error.set(None);
                on_view_change.run(range);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let preset = move |range: View| {
        move |_| {
            error.set(None);
            on_view_change.run(range);
        }
    };
    let is_current = move |range: View| move || view.get() == range;

    let inputs = FIELDS
        .into_iter()
        .map(|(id, index)| {
            view! {
                <label for=id>{move || visible_label(text.get(), index)}</label>
                <input
                    id=id
                    aria-label=move || text.get().view_field_names[index]
                    // Text, not "number": a number box reports a partial "-" or "0." as
                    // empty, which would wipe it while typing. Judged on Apply or Enter.
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || texts.with(|t| t[index].clone())
                    on:input=move |ev| texts.update(|t| t[index] = event_target_value(&ev))
                    aria-invalid=move || error.get().is_some().to_string()
                />
            }
        })
        .collect_view();

    view! {
        <div class="view-controls" data-control="view" role="group" aria-label=words(|t| t.view_group_label)>
            <span class="view-presets">
                <TextButton id="zoom-wide" label=|_| "[-3, 3]²" title=|t| t.zoom_wide_title pressed=Signal::derive(is_current(View::DEFAULT)) on_click=preset(View::DEFAULT) />
                <TextButton id="zoom-near" label=|_| "[0, 2]²" title=|t| t.zoom_near_title pressed=Signal::derive(is_current(View::NEAR_OPTIMUM)) on_click=preset(View::NEAR_OPTIMUM) />
            </span>
            <form class="view-custom" on:submit=apply novalidate=true>
                {inputs}
                <button id="view-apply" type="submit">{words(|t| t.view_apply)}</button>
            </form>
            <p class="view-error" role="alert" hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
