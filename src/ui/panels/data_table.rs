//! `#data-table`: the training sequences, each with its target and the
//! network's output y now, updated every frame. With w_rec ≈ 0 the output
//! only "counts" the last input, which shows at a glance why gradient descent
//! stalls at first. Each row is `[data-seq="i"]` (0-based) with the exact
//! `data-target` and `data-y`.

use leptos::prelude::*;

use crate::format::exact;
use crate::rnn::{CellKind, Task};
use crate::ui::controller::snapshot::DATA_TABLE_ROWS;
use crate::ui::controller::use_controller;
use crate::ui::format::number;
use crate::ui::panels::race::OwnRunCaption;
use crate::ui::text::{use_text, words};

/// Inputs longer than this are cut with an ellipsis in the table.
const SHOWN_INPUTS: usize = 16;

/// One sequence as its digits ("0110…"); the latch's first input is −1 or 1, shown
/// apart from the zeros after it ("−1 000…").
fn digits(row: &[f64], task: Task) -> String {
    let digit = |&x: &f64| if x == 0.0 { '0' } else { '1' };
    let mut text: String = match (task, row.split_first()) {
        (Task::Latch, Some((first, rest))) => {
            let sign = if *first < 0.0 { "−1 " } else { "1 " };
            let rest: String = rest.iter().take(SHOWN_INPUTS - 1).map(digit).collect();
            format!("{sign}{rest}")
        }
        _ => row.iter().take(SHOWN_INPUTS).map(digit).collect(),
    };
    if row.len() > SHOWN_INPUTS {
        text.push('…');
    }
    text
}

#[component]
pub fn DataTable() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let data = ctrl.setting(|s| s.data);
    let task = ctrl.setting(|s| s.task);
    // The cliff takes no input: its table would list data it never sees.
    let no_data = ctrl.setting(|s| s.model == CellKind::Cliff);
    // The sequences and targets change only with the data.
    let rows = Memo::new(move |_| {
        data.track();
        let task = task.get();
        ctrl.with_run(|trainer| {
            let data = trainer.data();
            let rows: Vec<(String, f64)> = (0..data.samples().min(DATA_TABLE_ROWS))
                .map(|i| (digits(data.row(i), task), data.targets[i]))
                .collect();
            (rows, data.samples())
        })
        .unwrap_or_default()
    });
    let more = move || {
        let (shown, total) = rows.with(|(rows, total)| (rows.len(), *total));
        (shown < total).then(|| (text.get().data_table_more)(shown, total))
    };

    view! {
        // The title stands outside the scrolling box, so that on a phone it wraps to the
        // screen's width rather than to the table's.
        <section class="data-table-panel" aria-labelledby="data-table-title">
            <h3 id="data-table-title" class="data-table-title">
                {move || {
                    let text = text.get();
                    if no_data.get() {
                        text.data_table_title_cliff
                    } else if task.get() == Task::Latch {
                        text.data_table_title_latch
                    } else {
                        text.data_table_title
                    }
                }}
            </h3>
            <p id="data-table-cliff" class="hint" hidden=move || !no_data.get()>{words(|t| t.cliff_no_data)}</p>
            <OwnRunCaption id="data-table-showing" />
            <div class="data-table-scroll" hidden=move || no_data.get()>
            <table id="data-table" class="data-table" aria-labelledby="data-table-title">
                <thead>
                    <tr>
                        <th scope="col">"#"</th>
                        <th scope="col">{words(|t| t.data_table_inputs)}</th>
                        <th scope="col">{words(|t| t.data_table_target)}</th>
                        <th scope="col">{words(|t| t.data_table_y)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        rows.with(|(rows, _)| {
                            rows.iter()
                                .enumerate()
                                .map(|(i, (inputs, target))| {
                                    let target = *target;
                                    let y = move || snapshot.with(|s| s.outputs.get(i).copied().unwrap_or(f64::NAN));
                                    view! {
                                        <tr data-seq=i data-target=exact(target) data-y=move || exact(y())>
                                            <td>{i}</td>
                                            <td class="seq-digits">{inputs.clone()}</td>
                                            // A count is whole: `2`, not `2.0000`.
                                            <td>{exact(target)}</td>
                                            <td>{move || number(y(), text.get())}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
            </div>
            <p class="data-table-more" hidden=move || no_data.get()>{more}</p>
        </section>
    }
}
