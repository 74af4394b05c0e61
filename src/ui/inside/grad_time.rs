//! `#grad-time`: the batch's backward signal |dL/ds_k| on a log axis against
//! the step k, from n back to 1: Roelants' "gradient over time" figure, live.
//!
//! Filled markers are positive values, hollow ones negative; the per-step
//! factor w_rec is written beside the plot. `#grad-time-six` adds Roelants'
//! six weight pairs in his colours; hovering the heat map adds a dashed
//! ghost curve at the hovered point. Drawn with plotters like the loss
//! chart: HiDPI, PNG export, larger in presentation mode.

use std::sync::Arc;

use leptos::html::Div;
use leptos::prelude::*;
use plotters::prelude::*;
use web_sys::HtmlCanvasElement;

use crate::format::{self, exact};
use crate::plot::integer_ticks;
use crate::plot::scale::{log_ticks_at_least, signal_axis_range};
use crate::plot::signal::{ROELANTS_PAIRS, sign};
use crate::rnn::CellKind;
use crate::rnn::trace::Pass;
use crate::text::Text;
use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::TextButton;
use crate::ui::plots::canvas::{self, AxisSpec, CanvasSize, ChartFrame, Margins};
use crate::ui::text::{use_text, words};

use super::Passes;

const CURRENT: RGBColor = RGBColor(0x1f, 0x4e, 0x99);
const GHOST: RGBColor = RGBColor(0x77, 0x77, 0x77);

/// One curve: the batch signal dL/ds_1..=dL/ds_n and how to draw it.
struct Curve<'a> {
    signal: &'a [f64],
    colour: RGBColor,
    markers: bool,
    dashed: bool,
}

/// The chart coordinate of a signal: log10|g|, where it has one.
fn coordinate(g: f64) -> Option<f64> {
    let y = g.abs().log10();
    y.is_finite().then_some(y)
}

/// Draws the curves, the last on top; returns how many were drawn and the y axis's ends,
/// `None` when the canvas is too small or a drawing call failed.
fn draw(
    canvas: &HtmlCanvasElement,
    size: CanvasSize,
    large: bool,
    curves: &[Curve],
    axis_label: (&str, &str),
) -> Option<(usize, (f64, f64))> {
    let (root, s, device) = canvas::blank_plot(canvas, size, large)?;
    let margins = Margins::scaled(s, [64.0, 40.0, 10.0, 16.0]);
    let (plot_width, plot_height) = margins.plot_size(device)?;
    // Every curve is of the run's data, so all have n steps.
    let n = curves.last().map_or(1, |c| c.signal.len()).max(1);
    let (lo, hi) = signal_axis_range(curves.iter().flat_map(|c| c.signal.iter().copied()));
    let y_ticks: Vec<(f64, String)> =
        log_ticks_at_least(lo, hi, (plot_height / s.px(40.0)).clamp(2.0, 8.0) as usize)
            .into_iter()
            .map(|t| (t.value.log10(), t.label))
            .collect();
    // Steps back from n: x = n − k, so k = n sits at the left and k = 1 at the right.
    let back = (n - 1).max(1) as f64;
    let x_ticks: Vec<(f64, String)> = integer_ticks(
        1.0,
        n as f64,
        (plot_width / s.px(60.0)).clamp(2.0, 10.0) as usize,
    )
    .into_iter()
    .map(|t| (n as f64 - t.value, t.label))
    .collect();
    let axes = [
        AxisSpec::new(-0.3..back + 0.3, &x_ticks, axis_label.0),
        AxisSpec::new(lo.log10()..hi.log10(), &y_ticks, axis_label.1),
    ];
    let mut chart = canvas::ticked_chart(&root, s, margins, axes)?;
    let mut drawn = 0;
    for curve in curves {
        let points: Vec<(f64, f64)> = (1..=curve.signal.len())
            .filter_map(|k| Some(((n - k) as f64, coordinate(curve.signal[k - 1])?)))
            .collect();
        let width = s.line(if curve.markers { 2.0 } else { 1.5 });
        let style = curve.colour.stroke_width(width);
        if curve.dashed {
            chart
                .draw_series(DashedLineSeries::new(
                    points.iter().copied(),
                    s.pxi(5.0),
                    s.pxi(4.0),
                    style,
                ))
                .ok()?;
        } else {
            chart
                .draw_series(LineSeries::new(points.iter().copied(), style))
                .ok()?;
        }
        if curve.markers {
            let radius = s.line(3.5);
            let marks = (1..=curve.signal.len()).filter_map(|k| {
                let g = curve.signal[k - 1];
                let at = ((n - k) as f64, coordinate(g)?);
                let style = if sign(g) > 0 {
                    curve.colour.filled()
                } else {
                    curve.colour.stroke_width(s.line(1.5))
                };
                Some(Circle::new(at, radius, style))
            });
            chart.draw_series(marks).ok()?;
        }
        drawn += 1;
    }
    Some((drawn, (lo, hi)))
}

/// The batch signals at Roelants' six pairs, on the run's data and loss.
fn six_signals(passes: impl Fn(crate::rnn::Weights) -> Option<Pass>) -> Vec<(Vec<f64>, RGBColor)> {
    ROELANTS_PAIRS
        .iter()
        .filter_map(|pair| {
            let pass = passes(pair.weights)?;
            let [r, g, b] = pair.rgb;
            Some((pass.batch_signal, RGBColor(r, g, b)))
        })
        .collect()
}

#[component]
pub fn GradTime(passes: Passes) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let frame = NodeRef::<Div>::new();
    let large = ctrl.setting(|s| s.present);
    let six = ctrl.setting(|s| s.six);
    let reduction = ctrl.setting(|s| s.reduction);
    let data = ctrl.setting(|s| s.data);
    // The six curves depend only on the data and the loss: computed when those change.
    let six_curves = Memo::new(move |_| {
        if !six.get() {
            return Arc::new(Vec::new());
        }
        data.track();
        reduction.track();
        Arc::new(six_signals(|w| ctrl.pass_at(Some(w))))
    });

    let chart_canvas = canvas::live_chart(frame, large.into(), move |canvas, size, large| {
        let words = text.get();
        let axis = (
            words.inside.grad_time_axis_step,
            (words.inside.grad_time_axis_signal)(reduction.get()),
        );
        let current = passes.current.get();
        let hovered = passes.hovered.get();
        let six = six_curves.get();
        let mut curves: Vec<Curve> = six
            .iter()
            .map(|(signal, colour)| Curve {
                signal,
                colour: *colour,
                markers: false,
                dashed: false,
            })
            .collect();
        if let Some(pass) = &hovered {
            curves.push(Curve {
                signal: &pass.batch_signal,
                colour: GHOST,
                markers: false,
                dashed: true,
            });
        }
        if let Some(pass) = &current {
            curves.push(Curve {
                signal: &pass.batch_signal,
                colour: CURRENT,
                markers: true,
                dashed: false,
            });
        }
        let drawn = draw(canvas, size, large, &curves, axis);
        let count = drawn.map_or(0, |d| d.0);
        let _ = canvas.set_attribute("data-curves", &count.to_string());
        let ends = drawn.map(|d| d.1);
        for (name, end) in [
            ("data-y-min", ends.map(|e| e.0)),
            ("data-y-max", ends.map(|e| e.1)),
        ] {
            let _ = match end {
                Some(v) => canvas.set_attribute(name, &exact(v)),
                None => canvas.remove_attribute(name),
            };
        }
        let _ = canvas.set_attribute("data-axis-label", axis.1);
    });

    let factor = Memo::new(move |_| passes.current.with(|p| p.as_deref().and_then(step_factor)));
    let factor_text = move |words: &Text, factor: StepFactor| match factor {
        StepFactor::Exact(w) => (words.inside.grad_time_factor)(&format::compact(w, 4)),
        StepFactor::Mean(f) => (words.inside.grad_time_factor_mean)(&format::compact(f, 4)),
    };
    let summary = move || {
        let words = text.get();
        passes.current.with(|p| {
            let p = p.as_ref()?;
            let (last, first) = (*p.batch_signal.last()?, *p.batch_signal.first()?);
            let factor = step_factor(p).map_or_else(String::new, |f| factor_text(words, f));
            Some((words.inside.grad_time_summary)(
                p.len,
                &format::compact(last.abs(), 4),
                &format::compact(first.abs(), 4),
                &factor,
            ))
        })
    };
    let export = canvas::png_export(chart_canvas, "rnn-gradient-over-time.png");
    let legend = move || {
        ROELANTS_PAIRS
            .iter()
            .map(|pair| {
                let style = format!("color: {}", pair.css());
                let (w_x, w_rec) = (exact(pair.weights.w_x), exact(pair.weights.w_rec));
                view! { <span class="six-key" style=style>"● ("{w_x}", "{w_rec}")"</span> }
            })
            .collect_view()
    };

    view! {
        <section class="plot-panel grad-time-panel" class:plot-large=move || large.get()>
            <div class="plot-toolbar">
                <h3 id="grad-time-title">{words(|t| t.inside.grad_time_title)}</h3>
                <label class="toggle" data-control="six" hidden=move || ctrl.hidden(crate::params::Control::Six).get()>
                    <input
                        id="grad-time-six"
                        type="checkbox"
                        prop:checked=move || six.get()
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            ctrl.update(|s| s.six = on);
                        }
                    />
                    {words(|t| t.inside.grad_time_six)}
                </label>
                <TextButton id="grad-time-png" class="plot-export" label=|_| "PNG" title=|t| t.inside.grad_time_png_title on_click=export />
            </div>
            <ChartFrame class="grad-time-frame" frame=frame id="grad-time" canvas=chart_canvas label=|t| t.inside.grad_time_label describedby="grad-time-summary" />
            <p class="plot-readout grad-time-keys">
                <span id="grad-time-factor" data-value=move || factor.get().map(|f| exact(f.value())) data-exact=move || factor.get().map(|f| matches!(f, StepFactor::Exact(_)).to_string())>
                    {move || factor.get().map(|f| factor_text(text.get(), f))}
                </span>
                " · "
                <span>{words(|t| t.inside.grad_time_sign)}</span>
                <span hidden=move || passes.hovered.with(Option::is_none)>
                    " · "{words(|t| t.inside.grad_time_ghost)}
                </span>
            </p>
            <p class="plot-readout six-keys" hidden=move || !six.get()>{legend}</p>
            <p id="grad-time-summary" class="sr-only">{summary}</p>
        </section>
    }
}

/// What each step back multiplies the signal by: the linear cell's w_rec exactly, or, for a
/// cell whose factor changes from step to step (tanh's `(1 − s²)·w_rec`, the cliff's
/// `w·σ′`), its geometric mean over the sequence, `(|Σ dL/ds_1| / |Σ dL/ds_n|)^(1/(n−1))`.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StepFactor {
    Exact(f64),
    Mean(f64),
}

impl StepFactor {
    fn value(self) -> f64 {
        match self {
            StepFactor::Exact(v) | StepFactor::Mean(v) => v,
        }
    }
}

fn step_factor(pass: &Pass) -> Option<StepFactor> {
    if pass.model == CellKind::Linear {
        return Some(StepFactor::Exact(pass.weights.w_rec));
    }
    let (first, last) = (
        pass.batch_signal.first()?.abs(),
        pass.batch_signal.last()?.abs(),
    );
    let mean = (first / last).powf(1.0 / (pass.len as f64 - 1.0));
    (pass.len > 1 && mean.is_finite() && last > 0.0).then_some(StepFactor::Mean(mean))
}
