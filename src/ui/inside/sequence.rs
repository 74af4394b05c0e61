//! `#seq-select` and `#seq-input`: which sequence the unrolled view shows.

use leptos::prelude::*;

use crate::format;
use crate::params::{BitsProblem, Control, bits_text, read_bits};
use crate::ui::controller::use_controller;
use crate::ui::text::{use_text, words};

/// Longest run of bits shown in a menu entry; longer sequences end in "…".
const MENU_BITS: usize = 24;

/// The menu entry's bits: all of them, or the first [`MENU_BITS`] and "…".
fn menu_bits(row: &[f64]) -> String {
    let text = bits_text(row);
    if text.len() > MENU_BITS {
        format!("{}…", &text[..MENU_BITS])
    } else {
        text
    }
}

#[component]
pub fn SequenceChooser() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let hidden = ctrl.hidden(Control::Seq);
    let seq = ctrl.setting(|s| s.seq);
    let input = ctrl.setting(|s| s.input.clone());
    // The data set changes only with its settings; the menu follows them.
    let data = ctrl.setting(|s| s.data);
    let sequences = Memo::new(move |_| {
        data.track();
        ctrl.sequences()
    });
    let problem = RwSignal::new(None::<BitsProblem>);
    let draft = RwSignal::new(input.get_untracked().unwrap_or_default());
    Effect::new(move |_| {
        // A typed sequence set elsewhere (a link, a loaded file) shows in the box.
        draft.set(input.get().unwrap_or_default());
        problem.set(None);
    });

    let options = move || {
        let words = text.get().inside;
        sequences.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, (row, target))| {
                    let label = (words.seq_option)(i, &menu_bits(row), &format::exact(*target));
                    view! {
                        <option value=i.to_string() prop:selected=move || seq.get() == i>{label}</option>
                    }
                })
                .collect_view()
        })
    };
    let commit = move |typed: String| {
        if typed.trim().is_empty() {
            problem.set(None);
            ctrl.update(|s| s.input = None);
            return;
        }
        match read_bits(&typed) {
            Ok(bits) => {
                problem.set(None);
                ctrl.update(|s| s.input = Some(bits_text(&bits)));
            }
            Err(why) => problem.set(Some(why)),
        }
    };

    view! {
        <div class="seq-chooser" data-control="seq" hidden=move || hidden.get()>
            <div class="field">
                <label for="seq-select">{words(|t| t.inside.seq_select_label)}</label>
                <select
                    id="seq-select"
                    on:change=move |event| {
                        if let Ok(i) = event_target_value(&event).parse::<usize>() {
                            ctrl.update(|s| {
                                s.seq = i;
                                s.input = None;
                            });
                        }
                    }
                >
                    {options}
                </select>
            </div>
            <div class="field">
                <label for="seq-input">{words(|t| t.inside.seq_input_label)}</label>
                <input
                    id="seq-input"
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    spellcheck="false"
                    maxlength="600"
                    placeholder=words(|t| t.inside.seq_input_placeholder)
                    aria-describedby="seq-input-msg"
                    aria-invalid=move || problem.get().is_some().to_string()
                    prop:value=move || draft.get()
                    on:input=move |event| draft.set(event_target_value(&event))
                    on:change=move |event| commit(event_target_value(&event))
                />
                <button
                    id="seq-input-clear"
                    type="button"
                    hidden=move || input.with(Option::is_none)
                    on:click=move |_| commit(String::new())
                >
                    {words(|t| t.inside.seq_input_clear)}
                </button>
                <p id="seq-input-msg" class="field-msg" role="status">
                    {move || problem.get().map(|p| (text.get().inside.bits_problem)(p))}
                </p>
            </div>
        </div>
    }
}
