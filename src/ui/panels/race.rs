//! The race's controls and results: `#race-add` (in the controls column),
//! `#race-legend` above the plots (each racer's colour and name), the race
//! panel with the target, fair tuning, leaving the race, and `#race-results`;
//! hovering or focusing a racer in the table highlights its path, curve and
//! legend entry. Under the data table and the inside view, a caption says
//! that they show the page's own run, not a racer.
//!
//! Every number comes from the controller's [`RaceView`]; the `data-`
//! attributes carry the core's exact values for scripts and tests.

use leptos::prelude::*;

use crate::format::exact;
use crate::params::TARGET_RANGE;
use crate::plot::racer_colour;
use crate::rnn::{MAX_RACERS, RacerStatus};
use crate::ui::app::url_sync::push_entry;
use crate::ui::controller::race::{RaceView, RacerRow};
use crate::ui::controller::use_controller;
use crate::ui::controls::field::{NumberField, Rule};
use crate::ui::controls::widgets::TextButton;
use crate::ui::format::number;
use crate::ui::text::{Text, named_words, use_text, words};

/// `#race-add`: races the page's current rule (the first one starts a race, as a new history
/// entry, so that Back returns to the single run).
#[component]
pub fn RaceAdd() -> impl IntoView {
    let ctrl = use_controller();
    let full = ctrl.setting(|s| s.race.len() >= MAX_RACERS);
    let add = move |_| {
        if ctrl.settings().with_untracked(|s| s.race.is_empty()) {
            push_entry(ctrl, || ctrl.add_racer());
        } else {
            ctrl.add_racer();
        }
    };
    view! {
        <button
            type="button"
            id="race-add"
            class="secondary"
            title=words(|t| t.race_add_title)
            disabled=move || full.get()
            on:click=add
        >
            {words(|t| t.race_add)}
        </button>
    }
}

/// `#race-legend`: one entry `[data-racer="n"]` (from 1, as in `#race-results`) per racer,
/// with its colour and name, shown on the first screen while a race runs.
#[component]
pub fn RaceLegend() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let race = ctrl.race_view();
    let highlight = ctrl.highlighted_racer();
    // The names change with the racers and the language, not every frame with the race.
    let names = Memo::new(move |_| {
        let text = text.get();
        race.with(|race| {
            race.as_ref()
                .map(|r| {
                    r.racers
                        .iter()
                        .map(|row| row.name(text))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let entries = move || {
        names
            .get()
            .into_iter()
            .enumerate()
            .map(|(index, name)| {
                let (colour, _) = racer_colour(index);
                view! {
                    <li
                        data-racer=index + 1
                        class="race-legend-entry"
                        class:highlighted=move || highlight.get() == Some(index)
                    >
                        <span class="swatch" style=format!("background:{colour}") aria-hidden="true"></span>
                        <span class="race-legend-number">{index + 1}</span>
                        <span class="race-legend-name">{name}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ul
            id="race-legend"
            class="race-legend"
            aria-label=words(|t| t.race_legend_label)
            hidden=move || names.with(Vec::is_empty)
        >
            {entries}
        </ul>
    }
}

/// In a race: says that the view it heads shows the page's own run, which does not race.
#[component]
pub fn OwnRunCaption(id: &'static str) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let racing = ctrl.setting(|s| !s.race.is_empty());
    let kind = ctrl.setting(|s| s.optimizer.kind);
    view! {
        <p id=id class="own-run-caption" hidden=move || !racing.get()>
            {move || {
                let text = text.get();
                (text.race_showing_own_run)((text.optimizer_name)(kind.get()))
            }}
        </p>
    }
}

fn status_word(status: RacerStatus) -> &'static str {
    match status {
        RacerStatus::Finished { .. } => "finished",
        RacerStatus::Running => "running",
        RacerStatus::Diverged { .. } => "diverged",
    }
}

fn status_text(status: RacerStatus, text: &Text) -> String {
    match status {
        RacerStatus::Finished { .. } => text.race_finished.into(),
        RacerStatus::Running => text.race_running.into(),
        RacerStatus::Diverged { epoch, reason } => (text.race_dnf)(epoch, reason),
    }
}

/// One row of `#race-results` (racer `index`, 0-based; shown from 1).
#[component]
fn RacerLine(index: usize, row: RacerRow) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let highlight = ctrl.highlighted_racer();
    let (colour, _) = racer_colour(index);
    let number_shown = index + 1;
    let finish = row.status.finish();
    let tuned = row.tuned;
    let label = {
        let row = row.clone();
        move || row.name(text.get())
    };
    let status = row.status;
    let (loss, w) = (row.loss, row.weights);
    let hint = move || {
        let text = text.get();
        match tuned {
            Some((hyper, value)) => (text.race_tuned)(hyper.url_key(), &exact(value)),
            None => text.race_as_set.into(),
        }
    };
    view! {
        <tr
            data-racer=number_shown
            data-finish=finish.map(|e| e.to_string()).unwrap_or_default()
            data-loss=exact(loss)
            data-status=status_word(status)
            data-wx=exact(w.w_x)
            data-wrec=exact(w.w_rec)
            tabindex="0"
            class:highlighted=move || highlight.get() == Some(index)
            on:mouseenter=move |_| highlight.set(Some(index))
            on:mouseleave=move |_| highlight.set(None)
            on:focusin=move |_| highlight.set(Some(index))
            on:focusout=move |_| highlight.set(None)
        >
            <th scope="row">
                <span class="swatch" style=format!("background:{colour}") aria-hidden="true"></span>
                {number_shown}
            </th>
            <td class="racer-label">
                <span class="racer-settings">{label}</span>
                <span class="racer-tuned">{hint}</span>
            </td>
            <td class="num">{finish.map(|e| e.to_string()).unwrap_or_else(|| "—".into())}</td>
            <td class="num">{move || number(loss, text.get())}</td>
            <td class="status">{move || status_text(status, text.get())}</td>
            <td class="num">{move || format!("{}, {}", number(w.w_x, text.get()), number(w.w_rec, text.get()))}</td>
            <td>
                <button
                    type="button"
                    id=format!("race-remove-{number_shown}")
                    class="icon"
                    aria-label=move || (text.get().race_remove)(number_shown)
                    title=move || (text.get().race_remove)(number_shown)
                    on:click=move |_| ctrl.remove_racer(index)
                >
                    "×"
                </button>
            </td>
        </tr>
    }
}

/// The race panel, shown while `race=` has racers.
#[component]
pub fn RacePanel() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let race = ctrl.race_view();
    let settings = ctrl.settings();
    let progress = ctrl.tune_progress();
    let target_rule = Rule::real(TARGET_RANGE.min, TARGET_RANGE.max).optional();
    let heading = move || {
        race.with(|race| {
            race.as_ref().map(|r: &RaceView| {
                let text = text.get();
                (text.race_epoch)(r.epoch, r.max_epochs, &number(r.target, text))
            })
        })
    };
    let rows = move || {
        race.with(|race| {
            race.as_ref()
                .map(|r| r.racers.clone())
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(index, row)| view! { <RacerLine index=index row=row /> })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section
            id="race-panel"
            class="race-panel"
            aria-labelledby="race-title"
            hidden=move || race.with(Option::is_none)
            data-epoch=move || race.with(|r| r.as_ref().map(|r| r.epoch.to_string()))
            data-over=move || race.with(|r| r.as_ref().map(|r| r.over.to_string()))
        >
            <div class="race-head">
                <h2 id="race-title">{words(|t| t.race_title)}</h2>
                <p id="race-epoch" class="race-epoch">{heading}</p>
                <TextButton id="race-exit" class="secondary" label=|t| t.race_exit on_click=move |_| ctrl.exit_race() />
            </div>
            <div class="race-tools">
                <NumberField
                    id="race-target"
                    label=words(|t| t.race_target_label)
                    rule=target_rule
                    value=Signal::derive(move || settings.with(|s| s.race_target))
                    on_commit=Callback::new(move |value: Option<f64>| {
                        ctrl.update(|s| s.race_target = value);
                    })
                    placeholder=words(|t| t.race_target_placeholder)
                />
                <Show
                    when=move || progress.get().is_some()
                    fallback=move || view! {
                        <TextButton id="race-tune" class="secondary" label=|t| t.race_tune title=|t| t.race_tune_title on_click=move |_| ctrl.start_tuning() />
                    }
                >
                    <label class="tune-progress">
                        {words(|t| t.race_tuning)}
                        <progress
                            id="race-tune-progress"
                            max="1"
                            value=move || progress.get().unwrap_or(0.0)
                        ></progress>
                    </label>
                    <TextButton id="race-tune-cancel" class="secondary" label=|t| t.race_tune_cancel on_click=move |_| ctrl.cancel_tuning() />
                </Show>
            </div>
            <div class="race-table-wrap">
                <table id="race-results" class="race-results">
                    <thead>
                        <tr>
                            <th scope="col">{words(|t| t.race_col_racer)}</th>
                            // The racer's settings and its remove button need no heading.
                            <td></td>
                            <th scope="col">{words(|t| t.race_col_finish)}</th>
                            <th scope="col">{words(|t| t.race_col_loss)}</th>
                            <th scope="col">{words(|t| t.race_col_status)}</th>
                            <th scope="col">{named_words(|t| t.race_col_weights)}</th>
                            <td></td>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}
