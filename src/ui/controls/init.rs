//! The start of the run: two boxes, the seed's drawn init, or a click on the
//! heat map. Any change restarts the run from the new start.

use leptos::prelude::*;

use crate::params::{Control, INIT_LIMIT};
use crate::rnn::Weights;

use super::field::{NumberField, Rule};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::words;

#[component]
pub fn InitControls() -> impl IntoView {
    let ctrl = use_controller();
    // The start in use, the drawn one included; a memo so the boxes do not
    // refresh every frame.
    let init = ctrl.reading(|s| s.init);
    let rule = Rule::real(-INIT_LIMIT, INIT_LIMIT);
    let set_init = move |change: fn(&mut Weights, f64)| {
        Callback::new(move |value: Option<f64>| {
            if let Some(value) = value {
                let mut start = init.get_untracked();
                change(&mut start, value);
                ctrl.update(|s| s.init = Some(start));
            }
        })
    };
    let hidden = ctrl.hidden(Control::Init);

    view! {
        <fieldset class="group" data-control="init" hidden=move || hidden.get()>
            <legend>{words(|t| t.init_legend)}</legend>
            <NumberField
                id="init-wx"
                label=words(|t| t.init_wx_label)
                rule=rule
                value=Signal::derive(move || Some(init.get().w_x))
                on_commit=set_init(|w, value| w.w_x = value)
                rounded=true
            />
            <NumberField
                id="init-wrec"
                label=words(|t| t.init_wrec_label)
                rule=rule
                value=Signal::derive(move || Some(init.get().w_rec))
                on_commit=set_init(|w, value| w.w_rec = value)
                rounded=true
            />
            <div class="field-row">
                <TextButton id="init-seed" class="secondary" label=|t| t.init_seed on_click=move |_| ctrl.use_seed_init() />
                <span class="hint">{words(|t| t.init_hint)}</span>
            </div>
        </fieldset>
    }
}
