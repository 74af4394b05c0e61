//! The heat map's range controls: two zoom presets and a custom range that is
//! checked before it is applied.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::plot::View;
use crate::plot::geometry::parse_view;

/// One custom-range input: its id, visible label and index in the view array.
const FIELDS: [(&str, &str, usize); 4] = [
    ("view-xmin", "w_x from", 0),
    ("view-xmax", "to", 1),
    ("view-ymin", "w_rec from", 2),
    ("view-ymax", "to", 3),
];

#[component]
pub fn ViewControls(view: Signal<[f64; 4]>, on_view_change: Callback<[f64; 4]>) -> impl IntoView {
    let texts = RwSignal::new([const { String::new() }; 4]);
    let error = RwSignal::new(None::<String>);
    // The inputs follow the view whenever it changes (presets, the app, a URL).
    Effect::new(move |_| {
        let current = view.get();
        texts.set(current.map(|v| v.to_string()));
        error.set(None);
    });

    let apply = move |ev: SubmitEvent| {
        ev.prevent_default();
        match parse_view(&texts.get_untracked()) {
            Ok(range) => {
                error.set(None);
                on_view_change.run(range.to_array());
            }
            Err(message) => error.set(Some(message)),
        }
    };
    let preset = move |range: [f64; 4]| {
        move |_| {
            error.set(None);
            on_view_change.run(range);
        }
    };
    let is_current = move |range: [f64; 4]| move || view.get() == range;

    let inputs = FIELDS
        .into_iter()
        .map(|(id, label, index)| {
            view! {
                <label for=id>{label}</label>
                <input
                    id=id
                    type="number"
                    step="any"
                    inputmode="decimal"
                    prop:value=move || texts.with(|t| t[index].clone())
                    on:input=move |ev| texts.update(|t| t[index] = event_target_value(&ev))
                    aria-invalid=move || error.get().is_some().to_string()
                />
            }
        })
        .collect_view();

    view! {
        <div class="view-controls" role="group" aria-label="Heat map range">
            <span class="view-presets">
                <button
                    id="zoom-wide"
                    type="button"
                    title="Show w_x and w_rec from -3 to 3"
                    aria-pressed=move || is_current(View::WIDE)().to_string()
                    on:click=preset(View::WIDE)
                >
                    "[-3, 3]²"
                </button>
                <button
                    id="zoom-near"
                    type="button"
                    title="Zoom to w_x and w_rec from 0 to 2, around the optimum (1, 1)"
                    aria-pressed=move || is_current(View::NEAR)().to_string()
                    on:click=preset(View::NEAR)
                >
                    "[0, 2]²"
                </button>
            </span>
            <form class="view-custom" on:submit=apply novalidate=true>
                {inputs}
                <button id="view-apply" type="submit">"Apply"</button>
            </form>
            <p class="view-error" role="alert" hidden=move || error.get().is_none()>
                {move || error.get().unwrap_or_default()}
            </p>
        </div>
    }
}
