//! `#lesson`: in presentation mode, the scenario, its caption and the key
//! settings beside the plots, so the lesson stays on the projector's one
//! screen with the run bar, the read-outs and both plots.

use leptos::prelude::*;

use crate::format::readable;
use crate::params::differences_from_scenario;
use crate::rnn::{Hyper, OptimizerKind};
use crate::ui::controller::use_controller;
use crate::ui::controls::presets::modified_sentence;
use crate::ui::text::use_text;

#[component]
pub fn LessonCard() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let preset = ctrl.setting(|s| s.preset);
    let modified = ctrl.setting(differences_from_scenario);
    let settings = ctrl.setting(|s| (s.optimizer, s.data));
    let racers = ctrl.setting(|s| s.race.iter().map(|r| r.settings.kind).collect::<Vec<_>>());

    let title = move || {
        let text = text.get();
        match preset.get() {
            Some(p) => format!("{}. {}", p.number(), (text.preset_title)(p)),
            None => text.preset_none.to_string(),
        }
    };
    let caption = move || {
        let text = text.get();
        match preset.get() {
            Some(p) => (text.preset_caption)(p),
            None => text.preset_none_caption,
        }
    };
    // The rule, the hyperparameter that sets its step size, clipping and the data size; in a
    // race, the racers' rules instead of the page's own (which is not racing).
    let key_settings = move || {
        let text = text.get();
        let (optimizer, data) = settings.get();
        let kinds = racers.get();
        if !kinds.is_empty() {
            let names: Vec<&str> = kinds.iter().map(|&k| (text.optimizer_name)(k)).collect();
            return [
                (text.lesson_racers)(kinds.len(), &names.join(", ")),
                (text.lesson_data)(data.samples, data.len),
            ]
            .join(" · ");
        }
        let step = match optimizer.kind {
            OptimizerKind::Rprop => Hyper::Delta0,
            _ => Hyper::Lr,
        };
        let clip = match optimizer.clip {
            Some(norm) => format!("{} {}", text.clip_label, readable(norm)),
            None => text.lesson_clip_off.to_string(),
        };
        [
            (text.optimizer_name)(optimizer.kind).to_string(),
            format!("{} {}", (text.hyper_label)(step), readable(optimizer[step])),
            clip,
            (text.lesson_data)(data.samples, data.len),
        ]
        .join(" · ")
    };

    view! {
        <section id="lesson" class="lesson-card" aria-labelledby="lesson-title">
            <h2 id="lesson-title">{title}</h2>
            <p id="lesson-settings" class="lesson-settings">{key_settings}</p>
            <p id="lesson-caption" class="lesson-caption" class:outdated=move || modified.with(Option::is_some)>
                {caption}
            </p>
            // The caption tells the scenario as designed: say so once the run differs.
            <p id="lesson-modified" class="lesson-modified" hidden=move || modified.with(Option::is_none)>
                {move || modified.with(|m| m.as_ref().map(|m| modified_sentence(text.get(), m)))}
            </p>
        </section>
    }
}
