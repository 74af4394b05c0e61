//! The heat map's overlay layer: the optimum and the lines |w_rec| = 1 (or another cell's
//! or task's answer), the optimizer's path with its start and current points, and the escape point.
//!
//! It is redrawn every animation frame while training, so it uses the 2D
//! context directly (a few calls, f64 coordinates, one label measured)
//! rather than a plotters chart. Everything is white with a dark outline so
//! that it reads on both ends of viridis.

use std::f64::consts::PI;

use wasm_bindgen::JsValue;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::plot::answer::Answer;
use crate::plot::signal::MarkedPair;
use crate::plot::{PlotGeometry, Rect, escape_point};
use crate::rnn::Weights;
use crate::ui::plots::Trace;
use crate::ui::plots::canvas::{self, Scaler};

/// A path in pixels: its pieces inside the view.
type Polylines = Vec<Vec<(f64, f64)>>;

const OUTLINE: &str = "rgba(17, 17, 17, 0.85)";
const MARK: &str = "#ffffff";
const ESCAPE: &str = "#e8112d";
/// Where clipping acted: orange, apart from viridis' blues, greens and yellow.
const CLIPPED: &str = "#ff7a00";
/// The optimum of "count the ones": y = Σ x_k needs w_x = w_rec = 1.
const OPTIMUM: Weights = Weights {
    w_x: 1.0,
    w_rec: 1.0,
};

/// What the overlay shows.
pub struct OverlayScene<'a> {
    pub path: &'a [Weights],
    /// The path's points whose update clipping shortened.
    pub clipped: &'a [Weights],
    /// A race's paths, drawn instead of `path` when there are any.
    pub traces: &'a [Trace],
    /// The ghost's path (an earlier run), drawn faintly under `path`.
    pub ghost: &'a [Weights],
    pub diverged: bool,
    /// The label of the dashed lines |w_rec| = 1, in the page's language.
    pub limit_label: &'a str,
    /// The label of the escape cross.
    pub escape_label: &'a str,
    /// Weight pairs marked in their colours (Roelants' six, when shown).
    pub marks: &'a [MarkedPair],
    /// The cell's answer on its task: the star and the lines |w_rec| = 1 are the linear
    /// cell counting; a curve or a wall is drawn dashed.
    pub answer: &'a Answer,
}

/// Clears the overlay and draws `scene` on `geometry` (CSS pixels); draws
/// nothing more when there is no geometry yet.
pub fn draw_overlay(
    canvas: &HtmlCanvasElement,
    geometry: Option<&PlotGeometry>,
    s: Scaler,
    scene: &OverlayScene,
) -> Option<()> {
    let context = canvas::context_2d(canvas)?;
    context.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0).ok()?;
    context.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
    let geometry = geometry?;
    // Draw in CSS pixels; the canvas is devicePixelRatio times larger.
    context
        .set_transform(s.dpr, 0.0, 0.0, s.dpr, 0.0, 0.0)
        .ok()?;
    let zoom = if s.large { 1.4 } else { 1.0 };
    let rect = geometry.rect;
    context.save();
    context.begin_path();
    context.rect(rect.x, rect.y, rect.width, rect.height);
    context.clip();
    context.set_line_join("round");
    context.set_line_cap("round");

    let counting = *scene.answer == Answer::Optimum;
    if counting {
        draw_gradient_limits(&context, geometry, zoom);
    }
    draw_answer_lines(&context, geometry, scene.answer.lines(), zoom);
    draw_marks(&context, geometry, scene.marks, zoom);
    // Each path in pixels once per frame: drawn, then kept clear of the limit's label.
    let paths: Vec<&[Weights]> = if scene.traces.is_empty() {
        vec![scene.path, scene.ghost]
    } else {
        scene.traces.iter().map(|t| t.path.as_slice()).collect()
    };
    let lines: Vec<Polylines> = paths.iter().map(|p| geometry.path_polylines(p)).collect();
    if scene.traces.is_empty() {
        draw_ghost(&context, geometry, scene.ghost, &lines[1], zoom);
        trace_lines(&context, &lines[0]);
        outlined_stroke(&context, 2.0 * zoom);
        draw_clipped(&context, geometry, scene.clipped, zoom);
        draw_end_points(&context, geometry, scene.path, zoom);
    } else {
        draw_traces(&context, geometry, scene.traces, &lines, zoom);
    }
    // Last, so that neither the end point nor a path hides the optimum or the label.
    if let Some(at) = geometry
        .view
        .expanded(0.02)
        .contains(OPTIMUM)
        .then(|| geometry.to_pixel(OPTIMUM))
        .flatten()
        .filter(|_| counting)
    {
        draw_star(&context, at, 8.0 * zoom);
    }
    let side = if counting {
        draw_limit_label(&context, geometry, zoom, scene.limit_label, &lines.concat())
    } else {
        None
    };
    let _ = canvas.set_attribute("data-answer", scene.answer.name());
    let _ = canvas.set_attribute("data-limit-label", side.unwrap_or("none"));
    context.restore();
    // Unclipped: the escape point often lies on the view's edge.
    if scene.diverged
        && let Some(at) =
            escape_point(scene.path, &geometry.view).and_then(|w| geometry.to_pixel(w))
    {
        draw_escape(&context, geometry, at, zoom, scene.escape_label);
    }
    Some(())
}

/// Filled dots with a dark outline at the marked pairs inside the view.
fn draw_marks(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    marks: &[MarkedPair],
    zoom: f64,
) {
    for mark in marks {
        let Some((x, y)) = geometry.to_pixel(mark.weights) else {
            continue;
        };
        context.begin_path();
        let _ = context.arc(x, y, 5.0 * zoom, 0.0, 2.0 * PI);
        context.set_fill_style_str(&mark.css());
        context.fill();
        context.set_line_width(1.5);
        context.set_stroke_style_str(OUTLINE);
        context.stroke();
    }
}

/// Strokes the current path twice: dark and wide, then white and narrow.
fn outlined_stroke(context: &CanvasRenderingContext2d, width: f64) {
    context.set_stroke_style_str(OUTLINE);
    context.set_line_width(width + 2.5);
    context.stroke();
    context.set_stroke_style_str(MARK);
    context.set_line_width(width);
    context.stroke();
}

/// Text in white with a dark outline, readable on any colour of the map.
fn outlined_text(context: &CanvasRenderingContext2d, text: &str, (x, y): (f64, f64), size: f64) {
    context.set_font(&format!("{size}px sans-serif"));
    context.set_line_width(3.0);
    context.set_stroke_style_str(OUTLINE);
    let _ = context.stroke_text(text, x, y);
    context.set_fill_style_str(MARK);
    let _ = context.fill_text(text, x, y);
}

/// Dashed lines at w_rec = ±1: beyond them the recurrence amplifies and the
/// gradients explode (Pascanu et al. 2013).
fn draw_gradient_limits(context: &CanvasRenderingContext2d, geometry: &PlotGeometry, zoom: f64) {
    let view = &geometry.view;
    let rect = geometry.rect;
    set_dashed(context, zoom);
    for w_rec in [1.0, -1.0] {
        if !(view.y_min..=view.y_max).contains(&w_rec) {
            continue;
        }
        let y = geometry.y_to_pixel(w_rec);
        context.begin_path();
        context.move_to(rect.x, y);
        context.line_to(rect.x + rect.width, y);
        outlined_stroke(context, 1.5 * zoom);
    }
    let _ = context.set_line_dash(&js_sys::Array::new());
}

/// The answers of a latch task or the cliff's wall: dashed, in the limits' style.
fn draw_answer_lines(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    lines: &[Vec<Weights>],
    zoom: f64,
) {
    if lines.is_empty() {
        return;
    }
    let pixels: Polylines = lines
        .iter()
        .flat_map(|line| geometry.path_polylines(line))
        .collect();
    set_dashed(context, zoom);
    trace_lines(context, &pixels);
    outlined_stroke(context, 1.5 * zoom);
    let _ = context.set_line_dash(&js_sys::Array::new());
}

fn set_dashed(context: &CanvasRenderingContext2d, zoom: f64) {
    let dash = js_sys::Array::of2(&JsValue::from(6.0 * zoom), &JsValue::from(5.0 * zoom));
    let _ = context.set_line_dash(&dash);
}

/// The ghost's path: the current path's style, thinner, dashed and half
/// transparent, with a ring where it ended.
fn draw_ghost(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    path: &[Weights],
    lines: &Polylines,
    zoom: f64,
) {
    context.set_global_alpha(0.6);
    set_dashed(context, zoom);
    trace_lines(context, lines);
    outlined_stroke(context, 1.5 * zoom);
    let _ = context.set_line_dash(&js_sys::Array::new());
    if let Some((x, y)) = path.last().and_then(|w| geometry.to_pixel(*w)) {
        context.begin_path();
        let _ = context.arc(x, y, 4.0 * zoom, 0.0, 2.0 * PI);
        outlined_stroke(context, 1.5 * zoom);
    }
    context.set_global_alpha(1.0);
}

/// The label of the first line |w_rec| = 1 in view: on its outer side (above
/// +1, below −1), at the left end unless the paths cross it more there than at
/// the right. Returns the end used ("left" or "right"), if a line is in view.
fn draw_limit_label(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    zoom: f64,
    label: &str,
    polylines: &Polylines,
) -> Option<&'static str> {
    let view = &geometry.view;
    let rect = geometry.rect;
    let w_rec = [1.0, -1.0]
        .into_iter()
        .find(|w| (view.y_min..=view.y_max).contains(w))?;
    let y = geometry.y_to_pixel(w_rec);
    let size = 12.0 * zoom;
    let gap = 4.0 * zoom;
    let margin = 6.0 * zoom;
    context.set_font(&format!("{size}px sans-serif"));
    let width = context.measure_text(label).map_or(0.0, |m| m.width());
    let (baseline, top) = if w_rec > 0.0 {
        ("bottom", y - gap - size)
    } else {
        ("top", y + gap)
    };
    let box_at = |x: f64| Rect {
        x,
        y: top,
        width,
        height: size,
    };
    let left = rect.x + margin;
    let right = rect.x + rect.width - margin - width;
    let (side, x) = if box_at(right).crossings(polylines) < box_at(left).crossings(polylines) {
        ("right", right)
    } else {
        ("left", left)
    };
    context.set_text_baseline(baseline);
    context.set_text_align("left");
    outlined_text(
        context,
        label,
        (x, y + if w_rec > 0.0 { -gap } else { gap }),
        size,
    );
    Some(side)
}

/// A five-pointed white star at the optimum (1, 1).
fn draw_star(context: &CanvasRenderingContext2d, (x, y): (f64, f64), radius: f64) {
    // The canvas turns by 36° between points: its own rotation keeps the
    // bundle free of Rust's sin and cos.
    context.save();
    let _ = context.translate(x, y);
    context.begin_path();
    for i in 0..10 {
        let r = if i % 2 == 0 { radius } else { radius * 0.45 };
        if i == 0 {
            context.move_to(0.0, -r);
        } else {
            context.line_to(0.0, -r);
        }
        let _ = context.rotate(PI / 5.0);
    }
    context.close_path();
    context.restore();
    context.set_line_width(2.0);
    context.set_stroke_style_str(OUTLINE);
    context.stroke();
    context.set_fill_style_str(MARK);
    context.fill();
}

/// Adds the polylines of a path (clipped to the view, in pixels) to a new canvas path.
fn trace_lines(context: &CanvasRenderingContext2d, lines: &Polylines) {
    context.begin_path();
    for line in lines {
        let mut points = line.iter();
        if let Some(&(x, y)) = points.next() {
            context.move_to(x, y);
        }
        for &(x, y) in points {
            context.line_to(x, y);
        }
    }
}

/// A small orange square on each point where clipping shortened the step.
fn draw_clipped(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    clipped: &[Weights],
    zoom: f64,
) {
    let half = 2.5 * zoom;
    context.begin_path();
    for w in clipped {
        if let Some((x, y)) = geometry.to_pixel(*w) {
            context.rect(x - half, y - half, 2.0 * half, 2.0 * half);
        }
    }
    // Outline first, then fill: dense marks merge into one orange band.
    context.set_line_width(2.0);
    context.set_stroke_style_str(OUTLINE);
    context.stroke();
    context.set_fill_style_str(CLIPPED);
    context.fill();
}

/// Each racer's path in its colour on a dark halo, so it reads on every colour
/// of viridis, with a filled head; a highlighted racer is drawn last and
/// wider while the others fade.
fn draw_traces(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    traces: &[Trace],
    lines: &[Polylines],
    zoom: f64,
) {
    let any_highlight = traces.iter().any(|t| t.highlighted);
    let order = traces
        .iter()
        .zip(lines)
        .filter(|(t, _)| !t.highlighted)
        .chain(traces.iter().zip(lines).filter(|(t, _)| t.highlighted));
    for (trace, trace_polylines) in order {
        let width = if trace.highlighted { 3.5 } else { 2.0 } * zoom;
        context.set_global_alpha(if any_highlight && !trace.highlighted {
            0.35
        } else {
            1.0
        });
        trace_lines(context, trace_polylines);
        context.set_stroke_style_str(OUTLINE);
        context.set_line_width(width + 3.0);
        context.stroke();
        context.set_stroke_style_str(trace.colour);
        context.set_line_width(width);
        context.stroke();
        let head = trace
            .path
            .last()
            .filter(|w| w.is_finite() && geometry.view.expanded(0.02).contains(**w));
        if let Some((x, y)) = head.and_then(|w| geometry.to_pixel(*w)) {
            context.begin_path();
            let _ = context.arc(x, y, width + 3.5 * zoom, 0.0, 2.0 * PI);
            context.set_fill_style_str(trace.colour);
            context.fill();
            context.set_line_width(2.0);
            context.set_stroke_style_str(OUTLINE);
            context.stroke();
        }
    }
    context.set_global_alpha(1.0);
    if let Some(start) = traces.first().and_then(|t| t.path.first()) {
        draw_end_points(context, geometry, std::slice::from_ref(start), zoom);
    }
}

/// The start as a hollow circle, the current point as a filled one.
fn draw_end_points(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    path: &[Weights],
    zoom: f64,
) {
    let visible = |w: &Weights| {
        (w.is_finite() && geometry.view.expanded(0.02).contains(*w))
            .then(|| geometry.to_pixel(*w))
            .flatten()
    };
    let radius = 5.5 * zoom;
    if let Some((x, y)) = path.first().and_then(visible) {
        context.begin_path();
        let _ = context.arc(x, y, radius, 0.0, 2.0 * PI);
        outlined_stroke(context, 2.0 * zoom);
    }
    if path.len() > 1
        && let Some((x, y)) = path.last().and_then(visible)
    {
        context.begin_path();
        let _ = context.arc(x, y, radius, 0.0, 2.0 * PI);
        context.set_fill_style_str(MARK);
        context.fill();
        context.set_line_width(2.0);
        context.set_stroke_style_str(OUTLINE);
        context.stroke();
    }
}

/// A red cross where the diverging path left the view (or its last point),
/// labelled on the side towards the middle of the plot.
fn draw_escape(
    context: &CanvasRenderingContext2d,
    geometry: &PlotGeometry,
    (x, y): (f64, f64),
    zoom: f64,
    label: &str,
) {
    let arm = 7.0 * zoom;
    context.begin_path();
    context.move_to(x - arm, y - arm);
    context.line_to(x + arm, y + arm);
    context.move_to(x - arm, y + arm);
    context.line_to(x + arm, y - arm);
    context.set_stroke_style_str(MARK);
    context.set_line_width(6.0 * zoom);
    context.stroke();
    context.set_stroke_style_str(ESCAPE);
    context.set_line_width(3.0 * zoom);
    context.stroke();
    let rect = geometry.rect;
    let right_half = x > rect.x + rect.width / 2.0;
    let (align, dx) = if right_half {
        ("right", -1.0)
    } else {
        ("left", 1.0)
    };
    let (baseline, dy) = if y < rect.y + rect.height / 2.0 {
        ("top", 1.0)
    } else {
        ("bottom", -1.0)
    };
    context.set_text_align(align);
    context.set_text_baseline(baseline);
    let offset = arm + 3.0 * zoom;
    outlined_text(
        context,
        label,
        (x + dx * offset, y + dy * offset),
        12.0 * zoom,
    );
}
