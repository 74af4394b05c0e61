//! The loss-surface heat map with the optimizer's path (a dumb view: it draws
//! what it is given and reports clicks and range changes).
//!
//! Two stacked canvases of the same size: the base layer (image, axes, colour
//! bar; see `base`) redrawn only when the surface, view, size or mode
//! change, and the overlay (`#surface`, on top, receiving the pointer; see
//! `overlay`) redrawn whenever the path changes.

mod base;
mod overlay;
mod range;

use std::sync::Arc;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use web_sys::MouseEvent;

use crate::format;
use crate::plot::answer::{self, Answer};
use crate::plot::readout::{map_point, map_point_text, weights_text};
use crate::plot::signal::{MarkedPair, ROELANTS_PAIRS};
use crate::plot::{LogColourScale, PlotGeometry, SurfaceImage, View, nearest_cell};
use crate::rnn::{CellKind, Surface, Task, Weights};
use crate::ui::controller::settings::SURFACE_POINTS;
use crate::ui::controls::widgets::TextButton;
use crate::ui::format::number;
use crate::ui::panels::download;
use crate::ui::plots::Trace;
use crate::ui::plots::canvas::{self, CanvasSize, Scaler};
use crate::ui::text::{Text, use_text, with_names, with_names_static};
use crate::ui::timing::clock::now_ms;

use overlay::OverlayScene;
use range::ViewControls;

/// The colour of the step-through's next point: the highlight of the step in focus.
const NEXT_POINT: [u8; 3] = [240, 165, 0];

/// The loss under `w` from the surface cell drawn there: `Some(None)` for an
/// overflowed cell, `None` outside the surface.
fn surface_loss(surface: &Option<Arc<Surface>>, w: Weights) -> Option<Option<f64>> {
    let surface = surface.as_ref()?;
    let (row, col) = nearest_cell(surface, w)?;
    Some(surface.loss_at(row, col))
}

/// The hover line for the pointer at `w`: the point a click there would start
/// from, with the loss of its cell when the surface has one.
fn describe_point(surface: &Option<Arc<Surface>>, w: Weights, view: &View, text: &Text) -> String {
    let point = map_point(w, view, SURFACE_POINTS);
    let shown = map_point_text(w, view, SURFACE_POINTS);
    match surface_loss(surface, point) {
        Some(loss) => {
            let loss = loss.map_or_else(|| text.overflow.to_string(), format::loss);
            (text.hover_loss)(&shown, &loss)
        }
        None => shown,
    }
}

/// A text summary of the picture for screen readers: the range, the colours'
/// losses and where the path is.
fn summary(
    surface: &Option<Arc<Surface>>,
    view: View,
    path: &[Weights],
    diverged: bool,
    text: &Text,
) -> String {
    let [x0, x1, y0, y1] = view.bounds().map(|v| v.to_string());
    let mut sentences = vec![(text.surface_summary_view)(&x0, &x1, &y0, &y1)];
    match surface.as_ref().and_then(|s| s.finite_range()) {
        Some((lo, hi)) => {
            sentences.push((text.surface_summary_colours)(
                &format::loss(lo),
                &format::loss(hi),
            ));
            if LogColourScale::ranks(lo, hi) {
                sentences.push(text.surface_summary_ranked.to_string());
            }
        }
        None => sentences.push(text.surface_summary_pending.to_string()),
    }
    if let (Some(first), Some(last)) = (path.first(), path.last()) {
        sentences.push((text.surface_summary_path)(
            &weights_text(*first),
            &weights_text(*last),
            diverged,
        ));
    }
    sentences.join(text.sentence_gap)
}

/// Exposes the plot's geometry on `#surface` for tests and scripts:
/// `data-plot-rect` = "left,top,width,height" in CSS pixels from the canvas'
/// top-left corner (x_min at left, x_max at left + width, y_max at top), and
/// `data-view` = "x_min,x_max,y_min,y_max".
fn publish_geometry(canvas: &web_sys::HtmlCanvasElement, geometry: Option<&PlotGeometry>) {
    let (rect, view) = match geometry {
        Some(g) => {
            let r = g.rect;
            let v = g.view;
            (
                format!("{},{},{},{}", r.x, r.y, r.width, r.height),
                format!("{},{},{},{}", v.x_min, v.x_max, v.y_min, v.y_max),
            )
        }
        None => (String::new(), String::new()),
    };
    let _ = canvas.set_attribute("data-plot-rect", &rect);
    let _ = canvas.set_attribute("data-view", &view);
}

/// The pointer's position on the element, in CSS pixels.
fn pointer_position(ev: &MouseEvent) -> (f64, f64) {
    (f64::from(ev.offset_x()), f64::from(ev.offset_y()))
}

/// The loss surface heat map with the optimizer's path.
#[component]
pub fn SurfaceView(
    /// Recomputed by the controller only when data, loss or range change (never per frame).
    #[prop(into)]
    surface: Signal<Option<Arc<Surface>>>,
    /// The surface's picture, coloured by the controller with it.
    #[prop(into)]
    image: Signal<Option<Arc<SurfaceImage>>>,
    /// Current view (w_x horizontal, w_rec vertical); the surface covers it.
    #[prop(into)]
    view: Signal<View>,
    /// The path: weights visited (already decimated, ≤ ~4k points), first = start, last = current.
    #[prop(into)]
    path: Signal<Vec<Weights>>,
    /// The path's points where clipping acted (marked; counted in `data-clipped`).
    #[prop(into)]
    clipped: Signal<Vec<Weights>>,
    /// A race's paths, each in its colour; drawn instead of `path` when any.
    #[prop(into)]
    traces: Signal<Vec<Trace>>,
    /// An earlier run's path, drawn faintly under the path.
    #[prop(into)]
    ghost: Signal<Vec<Weights>>,
    /// The current weights and the core's exact loss there (the snapshot's,
    /// as `#loss` shows it), or `None` without a run.
    #[prop(into)]
    current: Signal<Option<(Weights, f64)>>,
    /// True when training diverged: the escape point is marked with a red cross.
    #[prop(into)]
    diverged: Signal<bool>,
    /// A click/tap on the map: the weights under the pointer.
    on_pick: Callback<Weights>,
    /// Zoom presets and custom range: emits a new view.
    on_view_change: Callback<View>,
    /// The weights under the pointer, or `None` when it leaves the map.
    on_hover: Callback<Option<Weights>>,
    /// Presentation mode: thicker lines, larger fonts.
    #[prop(into)]
    large: Signal<bool>,
    /// Roelants' six pairs marked on the map.
    #[prop(into)]
    six: Signal<bool>,
    /// The next point of the path, marked while the step-through shows the new weights.
    #[prop(into)]
    next: Signal<Option<Weights>>,
    /// The cell, its task and the sequence length: the axes' names and the answer marked.
    #[prop(into)]
    cell: Signal<(CellKind, Task, usize)>,
) -> impl IntoView {
    let text = use_text();
    let model = Signal::derive(move || cell.get().0);
    let names = Signal::derive(move || model.get().names());
    let answer = Memo::new(move |_| {
        let (model, task, len) = cell.get();
        let view = Some(view.get())
            .filter(|v| v.validate().is_ok())
            .unwrap_or_default();
        answer::answer(model, task, len, &view)
    });
    let frame = NodeRef::<Div>::new();
    let base_canvas = NodeRef::<Canvas>::new();
    let overlay_canvas = NodeRef::<Canvas>::new();
    let size = RwSignal::new(None::<CanvasSize>);
    canvas::watch_size(frame, size);
    // The plot's geometry in CSS pixels, set by each base redraw.
    let geometry = RwSignal::new(None::<PlotGeometry>);
    let hovered = RwSignal::new(None::<Weights>);

    // Base layer: surface, view, size and mode (never per frame).
    Effect::new(move |_| {
        let (Some(size), large, view) = (size.get(), large.get(), view.get()) else {
            return;
        };
        let (Some(base), Some(overlay)) = (base_canvas.get(), overlay_canvas.get()) else {
            return;
        };
        let started = now_ms();
        canvas::fit(&base, size);
        canvas::fit(&overlay, size);
        // An invalid view (never sent by the controller) falls back to the default range.
        let view = Some(view)
            .filter(|v| v.validate().is_ok())
            .unwrap_or_default();
        let words = text.get();
        let drawn = surface.with(|surface| {
            image.with(|image| {
                // Drawn together: a picture only with the surface it was coloured from.
                let pictured = surface.as_deref().zip(image.as_deref().filter(|i| {
                    surface
                        .as_ref()
                        .is_some_and(|s| i.width == s.cols() && i.height == s.rows())
                }));
                base::draw_base(&base, size, large, view, pictured, words, names.get())
            })
        });
        let _ = base.set_attribute("data-draw-ms", &format!("{:.2}", now_ms() - started));
        publish_geometry(&overlay, drawn.as_ref());
        geometry.set(drawn);
    });

    // Overlay: the path (every frame while training).
    Effect::new(move |_| {
        let (current, large, diverged) = (geometry.get(), large.get(), diverged.get());
        let answer = answer.read();
        // Roelants' six pairs are points of the linear cell counting.
        let mut marks: Vec<MarkedPair> = if six.get() && *answer == Answer::Optimum {
            ROELANTS_PAIRS.to_vec()
        } else {
            Vec::new()
        };
        let next = next.get();
        marks.extend(next.map(|weights| MarkedPair {
            weights,
            rgb: NEXT_POINT,
        }));
        let Some(overlay) = overlay_canvas.get() else {
            return;
        };
        let dpr = size.get_untracked().map_or(1.0, |s| s.dpr);
        let started = now_ms();
        let clipped_count = clipped.with(|clipped| clipped.len());
        let _ = overlay.set_attribute("data-clipped", &clipped_count.to_string());
        path.with(|path| {
            let words = text.get();
            let clipped = clipped.read();
            let traces = traces.read();
            let ghost = ghost.read();
            let _ = overlay.set_attribute("data-ghost-points", &ghost.len().to_string());
            let scene = OverlayScene {
                path,
                clipped: &clipped,
                traces: &traces,
                ghost: &ghost,
                diverged,
                limit_label: words.limit_label,
                escape_label: words.escape_label,
                marks: &marks,
                answer: &answer,
            };
            overlay::draw_overlay(&overlay, current.as_ref(), Scaler { dpr, large }, &scene)
        });
        let _ = overlay.set_attribute("data-draw-ms", &format!("{:.2}", now_ms() - started));
        let _ = overlay.set_attribute("data-marks", &marks.len().to_string());
        let next = next.map(|w| format!("{},{}", format::exact(w.w_x), format::exact(w.w_rec)));
        let _ = overlay.set_attribute("data-next", &next.unwrap_or_default());
    });

    let weights_at = move |ev: &MouseEvent| {
        let (x, y) = pointer_position(ev);
        geometry.get_untracked()?.to_weights(x, y)
    };
    let on_move = move |ev: MouseEvent| {
        let w = weights_at(&ev);
        hovered.set(w);
        on_hover.run(w);
    };
    // The click starts exactly at the point the hover line reads: the point the
    // pointer events set (a click event's position is rounded to whole pixels in
    // Chromium, a pointer event's is not).
    let on_click = move |ev: MouseEvent| {
        if let Some(w) = hovered.get_untracked().or_else(|| weights_at(&ev)) {
            on_pick.run(map_point(w, &view.get_untracked(), SURFACE_POINTS));
        }
    };
    // Without a pointer over the map, the line shows the current point, so the
    // numbers do not depend on hovering (touch, keyboard).
    let hover_line = move || {
        let text = text.get();
        let line = match hovered.get() {
            Some(w) => surface.with(|s| describe_point(s, w, &view.get(), text)),
            // The loss at the point itself, not at the nearest grid cell, in
            // the digits of `#loss`.
            None => match current.get() {
                Some((w, loss)) if w.is_finite() => (text.surface_current)(&(text.hover_loss)(
                    &weights_text(w),
                    &number(loss, text),
                )),
                _ => text.surface_hover_prompt.into(),
            },
        };
        with_names(&line, names.get())
    };
    let summary_text = move || {
        let summary =
            path.with(|p| surface.with(|s| summary(s, view.get(), p, diverged.get(), text.get())));
        with_names(&summary, names.get())
    };

    let export = move |_| {
        let (Some(base), Some(overlay)) =
            (base_canvas.get_untracked(), overlay_canvas.get_untracked())
        else {
            return;
        };
        let composed = canvas::scratch_canvas(base.width(), base.height()).and_then(|out| {
            let context = canvas::context_2d(&out)?;
            context
                .draw_image_with_html_canvas_element(&base, 0.0, 0.0)
                .ok()?;
            context
                .draw_image_with_html_canvas_element(&overlay, 0.0, 0.0)
                .ok()?;
            Some(out)
        });
        let result = composed
            .ok_or_else(|| download::DownloadError("the canvas could not be composed".into()))
            .and_then(|out| download::download_canvas_png(&out, "rnn-loss-surface.png"));
        if let Err(e) = result {
            web_sys::console::warn_1(&e.to_string().into());
        }
    };

    view! {
        <section class="plot-panel surface-panel" class:plot-large=move || large.get()>
            <div class="plot-toolbar">
                <ViewControls view=view on_view_change=on_view_change model=model />
                <TextButton id="surface-png" class="plot-export" label=|_| "PNG" title=|t| t.surface_png_title on_click=export />
            </div>
            <div class="plot-frame surface-frame" node_ref=frame>
                <canvas class="plot-layer" node_ref=base_canvas aria-hidden="true"></canvas>
                <canvas
                    id="surface"
                    class="plot-layer plot-pointer"
                    node_ref=overlay_canvas
                    role="img"
                    aria-label=move || with_names_static(text.get().surface_label, names.get())
                    aria-describedby="surface-summary"
                    on:pointermove=move |ev: web_sys::PointerEvent| on_move(ev.into())
                    on:pointerdown=move |ev: web_sys::PointerEvent| on_move(ev.into())
                    on:pointerleave=move |_| {
                        hovered.set(None);
                        on_hover.run(None);
                    }
                    on:click=on_click
                ></canvas>
            </div>
            <p id="surface-hover" class="plot-readout">{hover_line}</p>
            <p id="surface-summary" class="sr-only">{summary_text}</p>
        </section>
    }
}
