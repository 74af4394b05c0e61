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
use web_sys::HtmlCanvasElement;

use super::canvas::{self, AxisSpec, CanvasSize, ChartFrame, Margins};
use crate::format;
use crate::plot::loss_axis::{LossSpan, loss_span};
use crate::plot::scale::{padded_linear_range, padded_log_range};
use crate::plot::{Tick, integer_ticks, linear_ticks, log_ticks};
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
    ticks: Vec<(f64, String)>,
    log: bool,
}

impl YAxis {
    /// The axis for `span` (see [`loss_span`]): a blow-up after a divergence
    /// does not set it.
    fn new(span: Option<LossSpan>, log: bool, max_ticks: usize) -> YAxis {
        let (min, max) = span.map_or((f64::INFINITY, f64::NEG_INFINITY), |s| (s.min, s.max));
        let to_keyed = |ticks: Vec<Tick>, f: fn(f64) -> f64| {
            ticks.into_iter().map(|t| (f(t.value), t.label)).collect()
        };
        if log {
            let (lo, hi) = padded_log_range(min, max);
            YAxis {
                range: lo.log10()..hi.log10(),
                ticks: to_keyed(log_ticks(lo, hi, max_ticks), f64::log10),
                log,
            }
        } else {
            let (lo, hi) = padded_linear_range(min, max);
            // A loss is never negative: start the axis at 0 rather than below it.
            let lo = if min >= 0.0 { lo.max(0.0) } else { lo };
            YAxis {
                range: lo..hi,
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
    }: Curves,
    text: &Text,
) -> Option<()> {
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

    let span = loss_span(shown().map(|p| p.1));
    let y_axis = YAxis::new(
        span,
        log_y,
        (plot_height / s.px(45.0)).clamp(2.0, 10.0) as usize,
    );
    let first = shown().map(|p| p.0).min().unwrap_or(0) as f64;
    let last = shown().map(|p| p.0).max().unwrap_or(1) as f64;
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
    Some(())
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
    let chart_canvas = canvas::live_chart(frame, large, move |canvas, size, large| {
        let (log_y, words) = (log_y.get(), text.get());
        let traces = traces.read();
        let ghost = ghost.read();
        points.with(|points| {
            let clipped = loss_span(points.iter().map(|p| p.1)).is_some_and(|s| s.clipped);
            let _ = canvas.set_attribute("data-clipped", if clipped { "1" } else { "0" });
            let curves = Curves {
                points,
                traces: &traces,
                ghost: &ghost,
            };
            draw_chart(canvas, size, large, log_y, curves, words)
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
