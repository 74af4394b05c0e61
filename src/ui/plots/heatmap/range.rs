//! The heat map's range controls: two zoom presets and a custom range that is
//! checked before it is applied.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::plot::{View, ViewInputError};
use crate::rnn::CellKind;
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::{Text, use_text, with_names, with_names_static, words};

/// The cell's own window as its button shows it: "[4.5, 5.5] × [-2.9, -1.9]".
fn cell_window_label(model: CellKind) -> String {
    let [x0, x1, y0, y1] = View::for_cell(model).bounds();
    format!("[{x0}, {x1}] × [{y0}, {y1}]")
}

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
fn visible_label(text: &Text, names: &[&'static str], index: usize) -> &'static str {
    match index {
        0 => names[0],
        2 => names[1],
        _ => text.view_to,
    }
}

/// The range typed in the boxes, or why it cannot be used, in the page's words.
fn checked_view(texts: &[String; 4], text: &Text, names: &[&str]) -> Result<View, String> {
    View::read(texts.each_ref().map(String::as_str)).map_err(|error| match error {
        ViewInputError::NotANumber(index) => {
            (text.view_not_number)(&with_names(text.view_field_names[index], names))
        }
        ViewInputError::Invalid(_) => text.view_invalid.to_string(),
    })
}

#[component]
pub fn ViewControls(
    view: Signal<View>,
    on_view_change: Callback<View>,
    /// The cell shown: its parameters name the boxes, and its own window has a button.
    model: Signal<CellKind>,
) -> impl IntoView {
    let text = use_text();
    let names = Signal::derive(move || model.get().names());
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
        match checked_view(
            &texts.get_untracked(),
            text.get_untracked(),
            names.get_untracked(),
        ) {
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
                <label for=id>{move || visible_label(text.get(), names.get(), index)}</label>
                <input
                    id=id
                    aria-label=move || with_names_static(text.get().view_field_names[index], names.get())
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
                <button
                    type="button"
                    id="zoom-wide"
                    title=move || with_names_static(text.get().zoom_wide_title, names.get())
                    aria-pressed=move || is_current(View::DEFAULT)().to_string()
                    on:click=preset(View::DEFAULT)
                >
                    "[-3, 3]²"
                </button>
                // The optimum (1, 1) is the linear cell's; another cell has its own window.
                <Show when=move || model.get() == CellKind::Linear>
                    <TextButton id="zoom-near" label=|_| "[0, 2]²" title=|t| t.zoom_near_title pressed=Signal::derive(is_current(View::NEAR_OPTIMUM)) on_click=preset(View::NEAR_OPTIMUM) />
                </Show>
                <Show when=move || model.get() != CellKind::Linear>
                    <button
                        type="button"
                        id="zoom-cell"
                        title=words(|t| t.zoom_cell_title)
                        aria-pressed=move || (view.get() == View::for_cell(model.get())).to_string()
                        on:click=move |_| {
                            error.set(None);
                            on_view_change.run(View::for_cell(model.get_untracked()));
                        }
                    >
                        {move || cell_window_label(model.get())}
                    </button>
                </Show>
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
