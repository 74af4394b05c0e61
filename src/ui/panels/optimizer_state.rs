//! `#optimizer-state`: the update rule's internal state, per weight.

use leptos::prelude::*;

use crate::ui::controller::use_controller;
use crate::ui::format::number;
use crate::ui::text::{use_names, use_text, words};

/// `#optimizer-state`: what `Optimizer::inspect` reports, per weight.
#[component]
pub fn OptimizerState() -> impl IntoView {
    let ctrl = use_controller();
    let names = use_names();
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let stateless = ctrl.reading(|s| s.optimizer_state.is_empty());
    let rows = move || {
        let text = text.get();
        snapshot.with(|s| {
            s.optimizer_state
                .iter()
                .map(|(name, [w_x, w_rec])| {
                    view! {
                        <tr>
                            <th scope="row">{(text.optimizer_state_name)(name)}</th>
                            <td>{number(*w_x, text)}</td>
                            <td>{number(*w_rec, text)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };

    view! {
        <section class="optimizer-state">
            <h2>{words(|t| t.optimizer_state_title)}</h2>
            <p class="hint" hidden=move || !stateless.get()>
                {words(|t| t.optimizer_state_none)}
            </p>
            <table id="optimizer-state" hidden=move || stateless.get()>
                <thead>
                    <tr>
                        <th scope="col">{words(|t| t.optimizer_state_quantity)}</th>
                        <th scope="col">{move || names.get()[0]}</th>
                        <th scope="col">{move || names.get()[1]}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
