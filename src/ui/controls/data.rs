//! The data and the loss. Any change here starts a new run on the new data
//! and recomputes the loss surface, so the boxes commit on `change` (Enter or
//! leaving the box), not on every keystroke.

use leptos::prelude::*;

use crate::params::Control;
use crate::rnn::data::{LEN_RANGE, SAMPLES_RANGE};
use crate::rnn::{CellKind, Limits, Reduction};

use super::field::{Rule, SettingField};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::{TextButton, on_choice, options_of};
use crate::ui::text::{use_text, words};

#[component]
pub fn DataControls() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let menu_hidden = ctrl.hidden(Control::Loss);
    let new_data_hidden = ctrl.hidden(Control::Data);
    let reduction = ctrl.setting(|s| s.reduction);
    // The cliff has no data (Pascanu et al. 2013's unit takes no input): the boxes stay,
    // with a note saying what they do for it.
    let no_data = ctrl.setting(|s| s.model == CellKind::Cliff);

    let options = options_of(
        move |option| reduction.get() == option,
        move |option: Reduction| (text.get().reduction_name)(option).to_string(),
    );

    let whole = |Limits { min, max }: Limits<usize>| Rule::whole(min as f64, max as f64);
    let seed_rule = Rule::whole(0.0, f64::from(u32::MAX)).keep_when_out_of_range();

    view! {
        <fieldset class="group">
            <legend>{words(|t| t.data_legend)}</legend>
            <p id="cliff-data-note" class="hint" hidden=move || !no_data.get()>
                {words(|t| t.cliff_no_data)}
            </p>
            <div class="field stacked" data-control="loss" hidden=move || menu_hidden.get()>
                <label for="loss-reduction">{words(|t| t.reduction_label)}</label>
                <select
                    id="loss-reduction"
                    on:change=on_choice(move |chosen| ctrl.update(|s| s.reduction = chosen))
                >
                    {options}
                </select>
            </div>
            <SettingField id="seq-len" control=Control::Len label=|t| t.seq_len_label rule=whole(LEN_RANGE) get=|s| s.data.len as f64 set=|s, len| s.data.len = len as usize />
            <SettingField id="samples" control=Control::N label=|t| t.samples_label rule=whole(SAMPLES_RANGE) get=|s| s.data.samples as f64 set=|s, n| s.data.samples = n as usize />
            <SettingField id="seed" control=Control::Seed label=|t| t.seed_label rule=seed_rule get=|s| f64::from(s.data.seed) set=|s, seed| s.data.seed = seed as u32 />
            <div class="field-row" data-control="data" hidden=move || new_data_hidden.get()>
                <TextButton id="new-data" class="secondary" label=|t| t.new_data on_click=move |_| ctrl.new_data() />
            </div>
        </fieldset>
    }
}
