//! The ghost's legend: which earlier run the faint dashed path and curve are,
//! and the button that clears it.

use leptos::prelude::*;

use crate::format::exact;
use crate::params::Ghost;
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::use_text;

/// "Faint and dashed: the previous run, with clip=off, diverged at epoch 2.", and Clear.
/// Its `data-*` carry the ghost's link value and where it ended, for tests.
#[component]
pub fn GhostLegend() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let settings = ctrl.settings();
    // In a race the racers' paths take the map, and no ghost is drawn.
    let ghost = move |show: fn(&Ghost) -> String| {
        settings.with(|s| s.ghost.as_ref().filter(|_| s.race.is_empty()).map(show))
    };
    let (path, curve) = (ctrl.ghost_path(), ctrl.ghost_curve());
    let end = move || {
        path.with(|p| {
            p.last()
                .map(|w| format!("{},{}", exact(w.w_x), exact(w.w_rec)))
        })
    };
    let diverged = ctrl.ghost_diverged();
    // Where it really ended: a ghost that diverged says so, not the epochs it was given.
    let label = move || {
        settings.with(|s| {
            s.ghost.as_ref().map(|g| {
                let (epoch, diverged) = diverged.get().map_or((g.epochs, false), |e| (e, true));
                (text.get().ghost_label)(&g.label(), epoch, diverged)
            })
        })
    };
    view! {
        <div
            id="ghost"
            class="ghost-legend"
            role="status"
            hidden=move || ghost(|_| String::new()).is_none()
            data-ghost=move || ghost(Ghost::to_text)
            data-end=end
            data-end-epoch=move || curve.with(|c| c.last().map(|p| p.0))
            data-diverged=move || diverged.get()
        >
            <span class="ghost-swatch" aria-hidden="true"></span>
            <p>{label}</p>
            <TextButton id="ghost-clear" class="secondary" label=|t| t.ghost_clear on_click=move |_| ctrl.clear_ghost() />
        </div>
    }
}
