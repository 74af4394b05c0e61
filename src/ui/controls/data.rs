//! The data and the loss. Any change here starts a new run on the new data
//! and recomputes the loss surface, so the boxes commit on `change` (Enter or
//! leaving the box), not on every keystroke.

use leptos::prelude::*;

use crate::rnn::Named;

use crate::params::Control;
use crate::rnn::data::{LEN_RANGE, SAMPLES_RANGE};
use crate::rnn::{Limits, Reduction};

use super::field::{NumberField, Rule};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::use_text;

#[component]
pub fn DataControls() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    let menu_hidden = ctrl.hidden(Control::Loss);
    let new_data_hidden = ctrl.hidden(Control::Data);
    let reduction = ctrl.setting(|s| s.reduction);

    let options = Reduction::all()
        .into_iter()
        .map(|option| {
            view! {
                <option value=option.name() prop:selected=move || reduction.get() == option>
                    {move || (text.get().reduction_name)(option)}
                </option>
            }
        })
        .collect_view();

    let whole = |Limits { min, max }: Limits<usize>| Rule::whole(min as f64, max as f64);
    let seed_rule = Rule::whole(0.0, f64::from(u32::MAX)).keep_when_out_of_range();

    view! {
        <fieldset class="group">
            <legend>{move || text.get().data_legend}</legend>
            <div class="field stacked" data-control="loss" hidden=move || menu_hidden.get()>
                <label for="loss-reduction">{move || text.get().reduction_label}</label>
                <select
                    id="loss-reduction"
                    on:change=move |event| {
                        if let Some(chosen) = Reduction::from_name(&event_target_value(&event)) {
                            ctrl.update(|s| s.reduction = chosen);
                        }
                    }
                >
                    {options}
                </select>
            </div>
            <NumberField
                id="seq-len"
                label=Signal::derive(move || text.get().seq_len_label)
                rule=whole(LEN_RANGE)
                value=Signal::derive(move || settings.with(|s| Some(s.data.len as f64)))
                on_commit=Callback::new(move |value: Option<f64>| {
                    if let Some(value) = value {
                        ctrl.update(|s| s.data.len = value as usize);
                    }
                })
                hidden=ctrl.hidden(Control::Len)
                control=Control::Len
            />
            <NumberField
                id="samples"
                label=Signal::derive(move || text.get().samples_label)
                rule=whole(SAMPLES_RANGE)
                value=Signal::derive(move || settings.with(|s| Some(s.data.samples as f64)))
                on_commit=Callback::new(move |value: Option<f64>| {
                    if let Some(value) = value {
                        ctrl.update(|s| s.data.samples = value as usize);
                    }
                })
                hidden=ctrl.hidden(Control::N)
                control=Control::N
            />
            <NumberField
                id="seed"
                label=Signal::derive(move || text.get().seed_label)
                rule=seed_rule
                value=Signal::derive(move || settings.with(|s| Some(f64::from(s.data.seed))))
                on_commit=Callback::new(move |value: Option<f64>| {
                    if let Some(value) = value {
                        ctrl.update(|s| s.data.seed = value as u32);
                    }
                })
                hidden=ctrl.hidden(Control::Seed)
                control=Control::Seed
            />
            <div class="field-row" data-control="data" hidden=move || new_data_hidden.get()>
                <TextButton id="new-data" class="secondary" label=|t| t.new_data on_click=move |_| ctrl.new_data() />
            </div>
        </fieldset>
    }
}
