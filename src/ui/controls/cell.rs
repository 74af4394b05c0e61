//! The cell and the task: `#model` and `#task`. Either starts a new run and a new map; a
//! cell that cannot take the task (the cliff has no input) gets the count task, and the
//! menu says so rather than offering what would be corrected.

use leptos::prelude::*;

use crate::rnn::{CellKind, Named, Task};

use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::{on_choice, options_of};
use crate::ui::text::{use_text, words};

#[component]
pub fn CellControls() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let model = ctrl.setting(|s| s.model);
    let task = ctrl.setting(|s| s.task);

    let models = options_of(
        move |option| model.get() == option,
        move |option: CellKind| (text.get().model_name)(option).to_string(),
    );
    // Every task is listed; those the cell cannot take are disabled, not hidden.
    let tasks = Task::all()
        .into_iter()
        .map(|option| {
            view! {
                <option
                    value=option.name()
                    prop:selected=move || task.get() == option
                    disabled=move || !model.get().takes(option)
                >
                    {move || (text.get().task_name)(option)}
                </option>
            }
        })
        .collect_view();
    let only_count = move || Task::all().into_iter().any(|t| !model.get().takes(t));

    view! {
        <fieldset class="group" data-cell=move || model.get().name()>
            <legend>{words(|t| t.model_label)}</legend>
            <div class="field stacked">
                <label for="model">{words(|t| t.model_label)}</label>
                <select
                    id="model"
                    on:change=on_choice(move |chosen: CellKind| {
                        // The new cell starts from its own start, on its own map.
                        ctrl.update(|s| {
                            s.select_model(chosen);
                            s.init = None;
                        })
                    })
                >
                    {models}
                </select>
            </div>
            <div class="field stacked">
                <label for="task">{words(|t| t.task_label)}</label>
                <select
                    id="task"
                    aria-describedby="task-note"
                    on:change=on_choice(move |chosen: Task| ctrl.update(|s| s.task = chosen))
                >
                    {tasks}
                </select>
                <p id="task-note" class="hint" hidden=move || !only_count()>
                    {words(|t| t.task_only_count)}
                </p>
            </div>
        </fieldset>
    }
}
