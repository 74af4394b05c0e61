//! `#preset`: the scenario menu and its one-line caption.

use leptos::prelude::*;

use crate::rnn::Named;

use crate::params::{Control, Difference, PresetId, differences_from_scenario};

use crate::ui::app::url_sync::push_entry;
use crate::ui::controller::{Controller, use_controller};
use crate::ui::controls::widgets::options_of;
use crate::ui::text::{Text, use_text, words};

/// Switches to `preset` and starts it from epoch 0, as a new history entry
/// (Back returns to the settings before); `None` only forgets the scenario
/// (the run is kept, the link then lists every setting).
pub fn choose_preset(ctrl: Controller, preset: Option<PresetId>) {
    match preset {
        Some(preset) => {
            let Some(current) = ctrl.settings().try_get_untracked() else {
                return;
            };
            push_entry(ctrl, || ctrl.apply(preset.apply(&current)));
            // Two scenarios may share data and start (only the rule differs),
            // which the controller would train on from here: start over.
            ctrl.reset();
        }
        None => ctrl.update(|s| s.preset = None),
    }
}

/// "Modified from scenario 1 (len 10 → 50): …", for a run that left its scenario.
pub fn modified_sentence(text: &Text, (preset, list): &(PresetId, Vec<Difference>)) -> String {
    let changes: Vec<String> = list
        .iter()
        .map(|d| format!("{} {} → {}", d.key, d.scenario, d.now))
        .collect();
    (text.scenario_modified)(preset.number(), &changes.join(", "))
}

#[component]
pub fn PresetPicker() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let current = ctrl.setting(|s| s.preset);
    let hidden = ctrl.hidden(Control::Preset);

    let options = options_of(
        move |preset| current.get() == Some(preset),
        move |preset: PresetId| {
            format!("{}. {}", preset.number(), (text.get().preset_title)(preset))
        },
    );
    let modified = ctrl.setting(differences_from_scenario);
    let modified_text =
        move || modified.with(|m| m.as_ref().map(|m| modified_sentence(text.get(), m)));
    let restore_label = move || {
        modified.with(|m| {
            m.as_ref()
                .map(|(preset, _)| (text.get().scenario_restore)(preset.number()))
        })
    };
    let caption = move || match current.get() {
        Some(preset) => (text.get().preset_caption)(preset),
        None => text.get().preset_none_caption,
    };

    view! {
        <div class="field stacked preset-field" data-control="preset" hidden=move || hidden.get()>
            <label for="preset">{words(|t| t.preset_label)}</label>
            <select
                id="preset"
                aria-describedby="preset-caption"
                on:change=move |event| {
                    choose_preset(ctrl, PresetId::from_name(&event_target_value(&event)));
                }
            >
                <option value="" prop:selected=move || current.get().is_none()>
                    {words(|t| t.preset_none)}
                </option>
                {options}
            </select>
            <p
                id="preset-caption"
                class="hint preset-caption"
                class:outdated=move || modified.with(Option::is_some)
            >
                {caption}
            </p>
            <div id="scenario-modified" class="scenario-modified" role="status" hidden=move || modified.with(Option::is_none)>
                <p>{modified_text}</p>
                <button
                    type="button"
                    id="scenario-restore"
                    class="secondary"
                    on:click=move |_| choose_preset(ctrl, current.get_untracked())
                >
                    {restore_label}
                </button>
            </div>
        </div>
    }
}
