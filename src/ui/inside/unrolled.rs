//! `#unrolled`: one sequence drawn unrolled over time, x_1…x_n into s_0…s_n
//! and y = s_n against the target, with the backward signal dL/ds_k on the
//! edges (Roelants' unrolled diagram, live).
//!
//! Every step is an element `[data-step="k"]` of the compact strip, carrying
//! the exact values (`data-x`, `data-s`, `data-grad`, shortest round-trip
//! text); a window of [`DETAIL_STEPS`] steps is drawn in detail with the
//! numbers rounded to 4 significant digits, so length 200 stays readable. A
//! table carries the same values for screen readers.

use std::sync::Arc;

use leptos::prelude::*;

use crate::format::exact;
use crate::plot::readout::weights_text;
use crate::plot::signal::{sign, strengths};
use crate::rnn::trace::Unrolled;
use crate::rnn::{CellKind, Weights};
use crate::text::inside::DIGITS;
use crate::ui::controller::snapshot::RunState;
use crate::ui::controller::use_controller;
use crate::ui::text::{Text, use_text, words};

use super::sequence::SequenceChooser;

/// Steps drawn in detail at once.
pub const DETAIL_STEPS: usize = 10;

/// `value` rounded for the drawing, "overflow" or "—" when not finite.
pub(super) fn shown(value: f64, text: &Text) -> String {
    if value.is_nan() {
        text.missing.to_string()
    } else if value.is_infinite() {
        text.overflow.to_string()
    } else {
        crate::format::compact(value, DIGITS)
    }
}

/// The colour of a backward signal: red positive, blue negative, at an
/// opacity that grows with its order of magnitude.
fn signal_colour(g: f64, strength: Option<f64>) -> String {
    match strength {
        None => "rgba(0, 0, 0, 0.85)".into(),
        Some(a) => {
            let alpha = 0.15 + 0.85 * a;
            match sign(g) {
                1 => format!("rgba(214, 39, 40, {alpha:.3})"),
                -1 => format!("rgba(31, 119, 180, {alpha:.3})"),
                _ => "rgba(128, 128, 128, 0.3)".into(),
            }
        }
    }
}

/// Per step: the signal's strength (when the sequence has one).
fn strengths_of(u: &Unrolled) -> Vec<Option<f64>> {
    match &u.signal {
        Some(signal) => strengths(signal),
        None => vec![Some(0.0); u.len()],
    }
}

/// One node of the drawing: a name with its step, and its value rounded.
#[component]
fn Node(
    class: &'static str,
    name: &'static str,
    #[prop(into)] k: Signal<usize>,
    #[prop(into)] value: Signal<Option<f64>>,
) -> impl IntoView {
    let text = use_text();
    view! {
        <div class=class>
            <span class="u-name">{name}<sub>{move || k.get()}</sub></span>
            <span class="u-value">{move || value.get().map(|v| shown(v, text.get()))}</span>
        </div>
    }
}

#[component]
pub fn UnrolledView(
    unrolled: Memo<Option<Arc<Unrolled>>>,
    /// The hovered point whose values are shown, if any.
    preview: Signal<Option<Weights>>,
    /// The step the step-through is at, if any: marked, and kept in the detail window.
    highlight: RwSignal<Option<usize>>,
) -> impl IntoView {
    let text = use_text();
    let n = Memo::new(move |_| unrolled.with(|u| u.as_ref().map_or(0, |u| u.len())));
    let strength = Memo::new(move |_| unrolled.with(|u| u.as_deref().map(strengths_of)));
    // The first step of the detail window (1-based).
    let first = RwSignal::new(1usize);
    let last_first = move || n.get().saturating_sub(DETAIL_STEPS) + 1;
    Effect::new(move |_| {
        let max = last_first();
        if first.get_untracked() > max {
            first.set(max);
        }
    });
    Effect::new(move |_| {
        if let Some(k) = highlight.get() {
            let start = first.get_untracked();
            if !(start..start + DETAIL_STEPS).contains(&k) {
                first.set(k.saturating_sub(DETAIL_STEPS / 2).clamp(1, last_first()));
            }
        }
    });

    let value_at = move |k: usize, pick: fn(&Unrolled, usize) -> Option<f64>| {
        unrolled.with(|u| u.as_deref().and_then(|u| pick(u, k)))
    };
    let x_of = |u: &Unrolled, k: usize| u.inputs.get(k - 1).copied();
    let s_of = |u: &Unrolled, k: usize| u.states.get(k).copied();
    let g_of = |u: &Unrolled, k: usize| u.signal.as_ref()?.get(k - 1).copied();

    let strip = move || {
        (1..=n.get())
            .map(|k| {
                let colour = move || {
                    let g = value_at(k, g_of)?;
                    let s = strength.with(|s| s.as_ref()?.get(k - 1).copied())?;
                    Some(format!("background-color: {}", signal_colour(g, s)))
                };
                let in_window = move || (first.get()..first.get() + DETAIL_STEPS).contains(&k);
                view! {
                    <button
                        type="button"
                        class="strip-cell"
                        class:in-window=in_window
                        class:current=move || highlight.get() == Some(k)
                        class:overflow=move || value_at(k, g_of).is_some_and(|g| !g.is_finite())
                        data-step=k
                        data-x=move || value_at(k, x_of).map(exact)
                        data-s=move || value_at(k, s_of).map(exact)
                        data-grad=move || value_at(k, g_of).map(exact)
                        style=colour
                        tabindex="-1"
                        aria-hidden="true"
                        on:click=move |_| {
                            let max = last_first();
                            first.set(k.saturating_sub(DETAIL_STEPS / 2).clamp(1, max));
                        }
                    ></button>
                }
            })
            .collect_view()
    };

    let detail = move || {
        let start = first.get();
        let end = (start + DETAIL_STEPS - 1).min(n.get());
        (start..=end)
            .map(|k| {
                let words = move || text.get();
                let g = move || value_at(k, g_of);
                let edge_style = move || {
                    let g = g()?;
                    let s = strength.with(|s| s.as_ref()?.get(k - 1).copied())?;
                    let width = 2.0 + 10.0 * s.unwrap_or(1.0);
                    Some(format!(
                        "height: {width:.1}px; background-color: {}",
                        signal_colour(g, s)
                    ))
                };
                view! {
                    <div class="unrolled-col" class:current=move || highlight.get() == Some(k) data-detail=k>
                        <Node class="u-input" name="x" k=k value=move || value_at(k, x_of) />
                        <div class="u-arrow" aria-hidden="true">{move || unrolled.with(|u| input_arrow(u.as_deref()))}</div>
                        <Node class="u-state" name="s" k=k value=move || value_at(k, s_of) />
                        <div class="u-edge" style=edge_style hidden=move || g().is_none()></div>
                        <div class="u-grad" hidden=move || g().is_none()>
                            <span class="u-name">"dL/ds"<sub>{k}</sub></span>
                            <span class="u-value">{move || g().map(|g| shown(g, words()))}</span>
                            <span class="u-badge" hidden=move || g().is_none_or(f64::is_finite)>
                                {move || words().overflow}
                            </span>
                        </div>
                    </div>
                }
            })
            .collect_view()
    };

    let prediction = move || {
        let words = text.get();
        unrolled.with(|u| {
            let u = u.as_deref()?;
            let y = shown(u.output(), words);
            Some(match u.target {
                Some(t) if u.model == CellKind::Cliff => {
                    (words.inside.prediction_cliff)(&y, &shown(t, words))
                }
                Some(t) => (words.inside.prediction)(&y, &shown(t, words)),
                None => {
                    let ones = u.inputs.iter().filter(|&&x| x == 1.0).count();
                    (words.inside.prediction_typed)(&y, ones)
                }
            })
        })
    };
    let preview_line = move || {
        preview
            .get()
            .map(|w| (text.get().inside.preview)(&weights_text(w)))
    };
    // The table is rebuilt only while the run stands still: a screen reader
    // reads it then, and rebuilding 200 rows every frame would cost the frame.
    let running = use_controller().reading(|s| s.run == RunState::Running);
    let table_source = RwSignal::new(None::<Arc<Unrolled>>);
    Effect::new(move |_| {
        if !running.get() {
            table_source.set(unrolled.get());
        }
    });
    let table_rows = move || {
        let words = text.get();
        table_source.with(|u| {
            let u = u.as_deref()?;
            Some(
                (1..=u.len())
                    .map(|k| {
                        let g = u.signal.as_ref().map_or_else(
                            || words.inside.no_signal.to_string(),
                            |s| shown(s[k - 1], words),
                        );
                        view! {
                            <tr>
                                <th scope="row">{k}</th>
                                <td>{shown(u.inputs[k - 1], words)}</td>
                                <td>{shown(u.states[k], words)}</td>
                                <td>{g}</td>
                            </tr>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    let attr = move |pick: fn(&Unrolled) -> Option<f64>| {
        move || unrolled.with(|u| u.as_deref().and_then(pick).map(exact))
    };

    view! {
        <section class="unrolled-panel" aria-labelledby="unrolled-title">
            <h3 id="unrolled-title">{words(|t| t.inside.unrolled_title)}</h3>
            <SequenceChooser />
            <div
                id="unrolled"
                data-n=move || n.get()
                data-source=move || unrolled.with(|u| u.as_deref().map(|u| if u.target.is_some() { "train" } else { "typed" }))
                data-y=attr(|u| Some(u.output()))
                data-target=attr(|u| u.target)
                data-w-x=attr(|u| Some(u.weights.w_x))
                data-w-rec=attr(|u| Some(u.weights.w_rec))
                data-preview=move || preview.get().is_some().to_string()
            >
                <p class="unrolled-preview" hidden=move || preview.get().is_none()>{preview_line}</p>
                <div class="unrolled-strip" role="group" aria-label=words(|t| t.inside.strip_label)>
                    {strip}
                </div>
                <div class="unrolled-window" hidden=move || n.get() <= DETAIL_STEPS>
                    <label for="unrolled-window">{words(|t| t.inside.window_label)}</label>
                    <input
                        id="unrolled-window"
                        type="range"
                        min="1"
                        max=last_first
                        prop:value=move || first.get().to_string()
                        on:input=move |event| {
                            if let Ok(k) = event_target_value(&event).parse::<usize>() {
                                first.set(k.clamp(1, last_first()));
                            }
                        }
                    />
                    <span class="hint">
                        {move || {
                            let end = (first.get() + DETAIL_STEPS - 1).min(n.get());
                            (text.get().inside.window_range)(first.get(), end, n.get())
                        }}
                    </span>
                </div>
                <div class="unrolled-detail" aria-hidden="true">
                    <div class="unrolled-col u-start">
                        <Node
                            class="u-state"
                            name="s"
                            k=Signal::derive(move || first.get() - 1)
                            value=move || value_at(first.get() - 1, s_of)
                        />
                    </div>
                    {detail}
                </div>
                <p id="unrolled-prediction" class="unrolled-prediction">{prediction}</p>
                <p class="hint">{words(|t| t.inside.signal_legend)}</p>
                <table id="unrolled-table" class="sr-only">
                    <caption>{words(|t| t.inside.table_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{words(|t| t.inside.col_step)}</th>
                            <th scope="col">{words(|t| t.inside.col_input)}</th>
                            <th scope="col">{words(|t| t.inside.col_state)}</th>
                            <th scope="col">{words(|t| t.inside.col_signal)}</th>
                        </tr>
                    </thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// The input's edge into the state: `·w_x` for the cells that read an input, nothing for
/// the cliff, whose unit has none.
fn input_arrow(unrolled: Option<&Unrolled>) -> &'static str {
    match unrolled.map(|u| u.model) {
        Some(CellKind::Cliff) => "",
        _ => "↓ ·w_x",
    }
}
