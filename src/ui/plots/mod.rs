//! The two plots: the loss-surface heat map with the path, and the loss curve.

pub mod backend;
pub mod canvas;
pub mod heatmap;
pub mod loss_chart;

use leptos::prelude::*;

use crate::format;
use crate::params::INIT_LIMIT;
use crate::plot::racer_colour;
use crate::rnn::Weights;
use crate::ui::controller::snapshot::RunState;
use crate::ui::controller::use_controller;
use crate::ui::controls::log_axis::LogAxisSwitch;
use crate::ui::format::millis;
use crate::ui::text::{use_text, words};
use crate::ui::timing::bench;

use crate::params::Control;
use crate::ui::app::after_paint::AfterFirstPaint;
use crate::ui::inside::InsideView;
use crate::ui::panels::divergence::DivergenceNote;
use crate::ui::panels::ghost::GhostLegend;
use crate::ui::panels::lesson::LessonCard;
use crate::ui::panels::race::OwnRunCaption;
use heatmap::SurfaceView;
use loss_chart::LossChart;

/// The tabs of the card beside the map: the loss curve, or the inside view
/// (`inside=1`).
#[component]
fn SideTabs() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let inside = ctrl.setting(|s| s.inside);
    let hidden = ctrl.hidden(Control::Inside);
    let tab = move |id: &'static str,
                    open: bool,
                    label: fn(&'static crate::text::Text) -> &'static str| {
        view! {
            <button
                id=id
                type="button"
                role="tab"
                class="side-tab"
                aria-selected=move || (inside.get() == open).to_string()
                on:click=move |_| ctrl.update(|s| s.inside = open)
            >
                {move || label(text.get())}
            </button>
        }
    };
    view! {
        <div class="side-tabs" role="tablist" aria-label=words(|t| t.inside.tabs_label) hidden=move || hidden.get()>
            {tab("tab-loss", false, |t| t.inside.tab_loss)}
            {tab("tab-inside", true, |t| t.inside.tab_inside)}
        </div>
    }
}

/// One racer's path and loss curve in its colour.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub path: Vec<Weights>,
    pub curve: Vec<(u64, f64)>,
    /// The colour as CSS `#rrggbb`, and its channels.
    pub colour: &'static str,
    pub rgb: [u8; 3],
    /// Hovered or focused in the legend.
    pub highlighted: bool,
    /// An earlier run's, drawn half transparent.
    pub faint: bool,
}

/// The loss surface with the path, and the loss curve, side by side.
#[component]
pub fn Plots() -> impl IntoView {
    let ctrl = use_controller();
    let race = ctrl.race_view();
    let highlight = ctrl.highlighted_racer();
    let traces = Signal::derive(move || {
        race.with(|race| {
            race.as_ref().map_or_else(Vec::new, |race| {
                race.racers
                    .iter()
                    .enumerate()
                    .map(|(i, racer)| {
                        let (colour, rgb) = racer_colour(i);
                        Trace {
                            path: racer.path.clone(),
                            curve: racer.curve.clone(),
                            colour,
                            rgb,
                            highlighted: highlight.get() == Some(i),
                            faint: false,
                        }
                    })
                    .collect()
            })
        })
    });
    let text = use_text();
    let snapshot = ctrl.snapshot();
    let surface_ms = ctrl.surface_ms();
    let diverged = ctrl.reading(|s| s.run.is_diverged());
    // In a race the map's read-out names no racer: the results table has them all.
    let current = Signal::derive(move || {
        let racing = race.with(Option::is_some);
        snapshot.with(|s| (s.run != RunState::Broken && !racing).then_some((s.weights, s.loss)))
    });
    let large = ctrl.setting(|s| s.present);
    let log_y = ctrl.setting(|s| s.log_axis);
    let inside = ctrl.setting(|s| s.inside);
    // The step-through's last phase shows the new weights as the path's next point.
    let at_last_phase = ctrl.setting(|s| s.phase.is_some() && s.phase == Some(s.last_phase()));
    let next_point = Memo::new(move |_| {
        snapshot.track();
        at_last_phase
            .get()
            .then(|| ctrl.trace().map(|t| t.next_weights()))
            .flatten()
    });
    // A click outside the allowed starts says where the run starts instead.
    let pick_moved = ctrl.pick_moved();
    let pick_note = move || {
        let text = text.get();
        pick_moved.get().map(|(clicked, used)| {
            let point =
                |w: Weights| format!("({}, {})", format::weight(w.w_x), format::weight(w.w_rec));
            (text.pick_moved)(&point(clicked), &point(used), &format::exact(INIT_LIMIT))
        })
    };
    // The surface's computing time is for developers: shown in the benchmark
    // mode, a tooltip on the map's title otherwise.
    let show_timing = bench::requested();
    let timing = move || {
        let text = text.get();
        match surface_ms.get() {
            Some(ms) => (text.surface_ms)(&millis(ms, text)),
            None => text.surface_pending.to_string(),
        }
    };

    // Each card mounts in a task of its own: together they are the page's heaviest mount.
    view! {
        <div class="plots">
            <AfterFirstPaint>
                <section class="plot-card" aria-labelledby="surface-title">
                    <div class="plot-card-head">
                        <h2 id="surface-title" title=timing>{words(|t| t.surface_title)}</h2>
                        <p id="surface-ms" class="timing" hidden=!show_timing>{timing}</p>
                    </div>
                    <SurfaceView
                        surface=ctrl.surface()
                        image=ctrl.surface_image()
                        view=ctrl.surface_view()
                        path=ctrl.path()
                        clipped=ctrl.clipped()
                        traces=traces
                        ghost=ctrl.ghost_path()
                        current=current
                        diverged=diverged
                        on_pick=Callback::new(move |w| ctrl.pick_init(w))
                        on_view_change=Callback::new(move |bounds| ctrl.set_view(bounds))
                        on_hover=Callback::new(move |w| ctrl.set_hovered(w))
                        six=ctrl.setting(|s| s.six)
                        next=next_point
                        cell=ctrl.setting(|s| (s.model, s.task, s.data.len))
                        large=large
                    />
                    <p id="pick-note" class="field-msg" role="status" hidden=move || pick_note().is_none()>
                        {pick_note}
                    </p>
                    <GhostLegend />
                </section>
            </AfterFirstPaint>
            <AfterFirstPaint>
                <Show when=move || large.get()>
                    <LessonCard />
                    <DivergenceNote />
                </Show>
                <section class="plot-card side-card" aria-labelledby=move || if inside.get() { "tab-inside" } else { "loss-title" }>
                    <SideTabs />
                    <Show
                        when=move || inside.get()
                        fallback=move || view! {
                            <div class="plot-card-head">
                                <h2 id="loss-title">{words(|t| t.loss_title)}</h2>
                                <LogAxisSwitch />
                            </div>
                            <LossChart points=ctrl.loss_points() traces=traces ghost=ctrl.ghost_curve() log_y=log_y large=large />
                        }
                    >
                        <OwnRunCaption id="inside-showing" />
                        <InsideView />
                    </Show>
                </section>
            </AfterFirstPaint>
        </div>
    }
}
