//! The live loss curve: loss against epoch, log y axis by default, drawn with
//! plotters on a HiDPI canvas.
//!
//! The whole chart is redrawn whenever the points change (once per animation
//! frame while training): the y range moves with every epoch anyway. It stays
//! cheap because its labels sit on the left and bottom axes, which plotters
//! draws without measuring text (only right-side labels and captions are
//! measured through the DOM), and the line is one canvas path.

use leptos::html::Div;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use super::canvas::{self, AxisSpec, CanvasSize, ChartFrame, Margins};
use crate::format;
use crate::format::exact;
use crate::plot::scale::{LossAxisRange, log_ticks_at_least, loss_axis_range};
use crate::plot::{Tick, integer_ticks, linear_ticks};
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::TextButton;
use crate::ui::plots::Trace;
use crate::ui::text::{Text, use_text};

/// The curve's colour: a dark blue, readable on white and distinct from the grid.
const CURVE: RGBColor = RGBColor(0x1f, 0x4e, 0x99);
/// The mark where the losses left the axis: the heat map's escape red.
const OVERFLOW_MARK: RGBColor = RGBColor(0xe8, 0x11, 0x2d);

/// The y axis: chart coordinate (log10 of the loss on a log axis), tick
/// positions in that coordinate with labels, and the coordinate of a loss.
struct YAxis {
    range: std::ops::Range<f64>,
    /// The axis's ends in loss units (`data-y-min`, `data-y-max`).
    ends: (f64, f64),
    ticks: Vec<(f64, String)>,
    log: bool,
}

impl YAxis {
    /// The axis for `losses` (see [`loss_axis_range`]): a log axis keeps every
    /// finite loss; a linear one leaves a blow-up out.
    fn new(losses: impl Iterator<Item = f64>, log: bool, max_ticks: usize) -> YAxis {
        let LossAxisRange { lo, hi, .. } = loss_axis_range(losses, log);
        let to_keyed = |ticks: Vec<Tick>, f: fn(f64) -> f64| {
            ticks.into_iter().map(|t| (f(t.value), t.label)).collect()
        };
        if log {
            YAxis {
                range: lo.log10()..hi.log10(),
                ends: (lo, hi),
                ticks: to_keyed(log_ticks_at_least(lo, hi, max_ticks), f64::log10),
                log,
            }
        } else {
            YAxis {
                range: lo..hi,
                ends: (lo, hi),
                ticks: to_keyed(linear_ticks(lo, hi, max_ticks), |v| v),
                log,
            }
        }
    }

    /// The chart coordinate of `loss`, if it has one (finite; positive on a
    /// log axis); a loss above the axis sits on its top edge.
    fn coordinate(&self, loss: f64) -> Option<f64> {
        let y = if self.log { loss.log10() } else { loss };
        y.is_finite().then_some(y.min(self.range.end))
    }
}

/// What the chart draws: the run's (epoch, loss) points, or a race's curves
/// instead, and an earlier run's points faintly under the run's.
struct Curves<'a> {
    points: &'a [(u64, f64)],
    traces: &'a [Trace],
    ghost: &'a [(u64, f64)],
    /// The epoch whose loss overflowed, marked where it happened.
    overflow: Option<u64>,
}

/// What a drawing reports on the canvas: the y axis's ends (loss units) and
/// whether a finite loss lies beyond them.
struct Drawn {
    ends: (f64, f64),
    clipped: bool,
    /// The y axis's tick labels, bottom to top.
    tick_labels: Vec<String>,
    /// Where the overflow's word is, in CSS pixels of the canvas.
    overflow_box: Option<[f64; 4]>,
}

/// Draws the chart; returns `None` when the canvas is too small or a drawing call failed.
fn draw_chart(
    canvas: &HtmlCanvasElement,
    size: CanvasSize,
    large: bool,
    log_y: bool,
    Curves {
        points,
        traces,
        ghost,
        overflow,
    }: Curves,
    text: &Text,
) -> Option<Drawn> {
    let (root, s, device) = canvas::blank_plot(canvas, size, large)?;
    // On the right, room for half of the last epoch label ("300000", "1.5e6"), centred on the edge.
    let margins = Margins::scaled(s, [64.0, 44.0, 14.0, 28.0]);
    let (plot_width, plot_height) = margins.plot_size(device)?;
    let usable = |&&(_, loss): &&(u64, f64)| loss.is_finite() && (!log_y || loss > 0.0);
    // A race draws its racers' curves instead of the single run's.
    let single = [Trace {
        path: Vec::new(),
        curve: Vec::new(),
        colour: "",
        rgb: [CURVE.0, CURVE.1, CURVE.2],
        highlighted: false,
        faint: false,
    }];
    let faint = Trace {
        faint: true,
        ..single[0].clone()
    };
    // The ghost (an earlier run) goes first, under the current curve.
    let series: Vec<(&[(u64, f64)], &Trace)> = if traces.is_empty() {
        vec![(ghost, &faint), (points, &single[0])]
    } else {
        traces.iter().map(|t| (t.curve.as_slice(), t)).collect()
    };
    let shown = || {
        series
            .iter()
            .flat_map(|(points, _)| points.iter())
            .filter(usable)
    };

    let y_axis = YAxis::new(
        shown().map(|p| p.1),
        log_y,
        (plot_height / s.px(45.0)).clamp(2.0, 10.0) as usize,
    );
    let first = shown().map(|p| p.0).min().unwrap_or(0) as f64;
    let last = shown().map(|p| p.0).chain(overflow).max().unwrap_or(1) as f64;
    let last = last.max(first + 1.0);
    let x_ticks: Vec<(f64, String)> = integer_ticks(
        first,
        last,
        (plot_width / s.px(90.0)).clamp(2.0, 8.0) as usize,
    )
    .into_iter()
    .map(|t| (t.value, t.label))
    .collect();

    let y_desc = if log_y {
        text.loss_axis_loss_log
    } else {
        text.loss_axis_loss
    };
    let axes = [
        AxisSpec::new(first..last, &x_ticks, text.loss_axis_epoch),
        AxisSpec::new(y_axis.range.clone(), &y_axis.ticks, y_desc),
    ];
    let mut chart = canvas::ticked_chart(&root, s, margins, axes)?;

    let any_highlight = traces.iter().any(|t| t.highlighted);
    let order = series
        .iter()
        .filter(|(_, t)| !t.highlighted)
        .chain(series.iter().filter(|(_, t)| t.highlighted));
    for (points, trace) in order {
        let [r, g, b] = trace.rgb;
        let alpha = if trace.faint || any_highlight && !trace.highlighted {
            0.35
        } else {
            1.0
        };
        let colour = RGBColor(r, g, b).mix(alpha);
        let width = s.line(if trace.highlighted { 3.5 } else { 2.0 });
        let kept = || points.iter().filter(usable);
        let line =
            kept().filter_map(|&(epoch, loss)| Some((epoch as f64, y_axis.coordinate(loss)?)));
        chart
            .draw_series(LineSeries::new(line, colour.stroke_width(width)))
            .ok()?;
        if let Some(&(epoch, loss)) = kept().next_back()
            && let Some(y) = y_axis.coordinate(loss)
        {
            let radius = s.line(4.0);
            chart
                .draw_series(std::iter::once(Circle::new(
                    (epoch as f64, y),
                    radius,
                    colour.filled(),
                )))
                .ok()?;
        }
    }
    // Where the losses left the axis: a red triangle on the top edge.
    let top = y_axis.range.end;
    let ceiling = if log_y { 10f64.powf(top) } else { top };
    if let Some(&(epoch, _)) = shown().find(|p| p.1 > ceiling) {
        // Pointing up, its corners one size from the centre (plotters' triangle
        // marker, without the sin and cos it computes them with).
        let size = f64::from(s.line(7.0));
        let half_width = size * 3f64.sqrt() / 2.0;
        let corners = [
            (0.0, -size),
            (-half_width, size / 2.0),
            (half_width, size / 2.0),
        ]
        .map(|(dx, dy): (f64, f64)| (dx.ceil() as i32, dy.ceil() as i32));
        chart
            .draw_series(std::iter::once(
                EmptyElement::at((epoch as f64, top))
                    + Polygon::new(corners.to_vec(), OVERFLOW_MARK.filled()),
            ))
            .ok()?;
    }
    let overflow_box = match overflow {
        Some(epoch) => Some(draw_overflow(
            &mut chart,
            s,
            &y_axis,
            epoch as f64,
            text.overflow,
        )?),
        None => None,
    };
    let clipped = shown().any(|p| p.1 > ceiling);
    Some(Drawn {
        ends: y_axis.ends,
        clipped,
        tick_labels: y_axis.ticks.iter().map(|t| t.1.clone()).collect(),
        overflow_box,
    })
}

/// The epoch whose loss overflowed: a dashed red line across the plot and the
/// word "overflow" left of it at mid-height, clear of the buttons over the
/// chart's top corners. Returns the word's box in CSS pixels of the canvas
/// (left, top, right, bottom).
fn draw_overflow(
    chart: &mut canvas::TickedChart,
    s: canvas::Scaler,
    y_axis: &YAxis,
    epoch: f64,
    word: &str,
) -> Option<[f64; 4]> {
    let (bottom, top) = (y_axis.range.start, y_axis.range.end);
    let style = OVERFLOW_MARK.stroke_width(s.line(2.0));
    chart
        .draw_series(DashedLineSeries::new(
            [(epoch, bottom), (epoch, top)],
            s.pxi(6.0),
            s.pxi(4.0),
            style,
        ))
        .ok()?;
    let middle = bottom + 0.5 * (top - bottom);
    let font = s
        .font(13.0)
        .color(&OVERFLOW_MARK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let gap = s.pxi(6.0);
    let (width, height) = chart.plotting_area().estimate_text_size(word, &font).ok()?;
    chart
        .draw_series(std::iter::once(
            EmptyElement::at((epoch, middle))
                + plotters::element::Text::new(word.to_string(), (-gap, 0), font),
        ))
        .ok()?;
    let (x, y) = chart.backend_coord(&(epoch, middle));
    let right = f64::from(x - gap);
    let (width, height) = (f64::from(width), f64::from(height));
    let device = [
        right - width,
        f64::from(y) - height / 2.0,
        right,
        f64::from(y) + height / 2.0,
    ];
    Some(device.map(|v| v / s.dpr))
}

/// Writes what the drawing shows onto the canvas for tests and tools: the y axis's ends
/// (`data-y-min`, `data-y-max`, in loss units) and tick labels (`data-y-ticks`, separated by
/// spaces), whether a loss lies beyond the axis (`data-clipped`), and the overflow's label box
/// (`data-overflow-box`: left top right bottom in CSS pixels of the canvas).
fn report(canvas: &HtmlCanvasElement, drawn: Option<&Drawn>) {
    let set = |name: &str, value: Option<String>| {
        let _ = match value {
            Some(v) => canvas.set_attribute(name, &v),
            None => canvas.remove_attribute(name),
        };
    };
    let clipped = drawn.is_some_and(|d| d.clipped);
    set("data-clipped", Some(if clipped { "1" } else { "0" }.into()));
    set("data-y-min", drawn.map(|d| exact(d.ends.0)));
    set("data-y-max", drawn.map(|d| exact(d.ends.1)));
    set("data-y-ticks", drawn.map(|d| d.tick_labels.join(" ")));
    let overflow = drawn.and_then(|d| d.overflow_box);
    set(
        "data-overflow-box",
        overflow.map(|b| b.map(|v| format!("{v:.1}")).join(" ")),
    );
}

/// "Loss against epoch: from 20.1 at epoch 0 to 0.0068 at epoch 5000; lowest 0.0068."
fn summary(points: &[(u64, f64)], text: &Text) -> String {
    let finite = || points.iter().filter(|p| p.1.is_finite());
    match (finite().next(), finite().next_back()) {
        (Some(&(e0, l0)), Some(&(e1, l1))) if e1 > e0 => (text.loss_summary_range)(
            &format::loss(l0),
            e0,
            &format::loss(l1),
            e1,
            &format::loss(finite().map(|p| p.1).fold(f64::INFINITY, f64::min)),
        ),
        (Some(&(e0, l0)), _) => (text.loss_summary_one)(e0, &format::loss(l0)),
        _ => text.loss_summary_empty.into(),
    }
}

/// The live loss curve.
#[component]
pub fn LossChart(
    /// (epoch, loss) points, decimated (≤ ~4k), finite losses only.
    #[prop(into)]
    points: Signal<Vec<(u64, f64)>>,
    /// A race's curves, each in its racer's colour; drawn instead of `points` when any.
    #[prop(into)]
    traces: Signal<Vec<Trace>>,
    /// An earlier run's curve, drawn faintly under `points`.
    #[prop(into)]
    ghost: Signal<Vec<(u64, f64)>>,
    /// Log (default) or linear y axis.
    #[prop(into)]
    log_y: Signal<bool>,
    /// Presentation mode: thicker lines, larger fonts.
    #[prop(into)]
    large: Signal<bool>,
) -> impl IntoView {
    let text = use_text();
    let frame = NodeRef::<Div>::new();
    // The single run's overflow: the epoch whose loss is no longer finite (a race's racers
    // each end in their own curve).
    let overflow = use_controller().reading(|s| (!s.loss.is_finite()).then_some(s.epoch));
    let overflow = Signal::derive(move || {
        if traces.with(Vec::is_empty) {
            overflow.get()
        } else {
            None
        }
    });
    let chart_canvas = canvas::live_chart(frame, large, move |canvas, size, large| {
        let (log_y, words) = (log_y.get(), text.get());
        let traces = traces.read();
        let ghost = ghost.read();
        let overflow = overflow.get();
        let _ = match overflow {
            Some(epoch) => canvas.set_attribute("data-overflow-epoch", &epoch.to_string()),
            None => canvas.remove_attribute("data-overflow-epoch"),
        };
        points.with(|points| {
            let curves = Curves {
                points,
                traces: &traces,
                ghost: &ghost,
                overflow,
            };
            let drawn = draw_chart(canvas, size, large, log_y, curves, words);
            report(canvas, drawn.as_ref());
        });
    });

    let summary_text = move || points.with(|p| summary(p, text.get()));
    let export = canvas::png_export(chart_canvas, "rnn-loss-curve.png");

    view! {
        <section class="plot-panel loss-panel" class:plot-large=move || large.get()>
            <div class="plot-toolbar">
                <TextButton id="loss-png" class="plot-export" label=|_| "PNG" title=|t| t.loss_png_title on_click=export />
            </div>
            <ChartFrame class="loss-frame" frame=frame id="loss-chart" canvas=chart_canvas label=|t| t.loss_chart_label describedby="loss-summary" />
            <p id="loss-summary" class="sr-only">{summary_text}</p>
        </section>
    }
}
