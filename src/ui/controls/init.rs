//! The start of the run: two boxes, the seed's drawn init, or a click on the
//! heat map. Any change restarts the run from the new start.

use leptos::prelude::*;

use crate::params::{Control, INIT_LIMIT};
use crate::rnn::{CellKind, Weights};

use super::field::{NumberField, Rule};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::Words;
use crate::ui::text::{named_words, use_text, words};

#[component]
pub fn InitControls() -> impl IntoView {
    let ctrl = use_controller();
    // The start in use, the drawn one included; a memo so the boxes do not
    // refresh every frame.
    let init = ctrl.reading(|s| s.init);
    let rule = Rule::real(-INIT_LIMIT, INIT_LIMIT);
    // One box per weight: its id, its label and where it sits in the pair.
    let weight_box = move |id: &'static str, label: Words, part: fn(&mut Weights) -> &mut f64| {
        let on_commit = Callback::new(move |value: Option<f64>| {
            if let Some(value) = value {
                let mut start = init.get_untracked();
                *part(&mut start) = value;
                ctrl.update(|s| s.init = Some(start));
            }
        });
        view! {
            <NumberField
                id=id
                label=named_words(label)
                rule=rule
                value=Signal::derive(move || Some(*part(&mut init.get())))
                on_commit=on_commit
                rounded=true
            />
        }
    };
    let hidden = ctrl.hidden(Control::Init);
    let text = use_text();
    let cliff = ctrl.setting(|s| s.model == CellKind::Cliff);

    view! {
        <fieldset class="group" data-control="init" hidden=move || hidden.get()>
            <legend>{words(|t| t.init_legend)}</legend>
            {weight_box("init-wx", |t| t.init_wx_label, |w| &mut w.w_x)}
            {weight_box("init-wrec", |t| t.init_wrec_label, |w| &mut w.w_rec)}
            <div class="field-row">
                // The cliff's own start is the paper's, not drawn from the data's seed.
                <button type="button" id="init-seed" class="secondary" on:click=move |_| ctrl.use_seed_init()>
                    {move || {
                        let text = text.get();
                        if cliff.get() { text.init_cliff_start } else { text.init_seed }
                    }}
                </button>
                <span class="hint">{words(|t| t.init_hint)}</span>
            </div>
        </fieldset>
    }
}
