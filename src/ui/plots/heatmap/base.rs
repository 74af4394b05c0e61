//! The heat map's base layer: the loss image, the axes and the colour bar.
//! Redrawn only when the surface, the view, the size or the presentation mode
//! change, since plotters measures right-aligned label text through the DOM.

use plotters::prelude::*;
use plotters::style::FontFamily;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use web_sys::HtmlCanvasElement;

use crate::plot::colormap::OVERFLOW_RGB;
use crate::plot::{
    LogColourScale, PlotGeometry, Rect, SurfaceImage, Tick, View, colour_bar_rgba, linear_ticks,
};
use crate::rnn::Surface;
use crate::ui::plots::canvas::label_near;
use crate::ui::plots::canvas::{self, CanvasSize, INK, Scaler, TickedAxis};
use crate::ui::text::Text;

/// Pixels of the colour bar's gradient (drawn scaled).
const BAR_STEPS: usize = 256;

fn keyed(ticks: Vec<Tick>) -> Vec<(f64, String)> {
    ticks.into_iter().map(|t| (t.value, t.label)).collect()
}

/// The rectangle plotters maps a chart's ranges onto (device pixels): the
/// first value to the first pixel, the last one to the last pixel.
fn plotting_rect<DB: DrawingBackend, CT: plotters::coord::CoordTranslate>(
    area: &DrawingArea<DB, CT>,
) -> Rect {
    let (xs, ys) = area.get_pixel_range();
    Rect {
        x: f64::from(xs.start),
        y: f64::from(ys.start),
        width: f64::from(xs.end - 1 - xs.start),
        height: f64::from(ys.end - 1 - ys.start),
    }
}

/// Draws the base layer; returns the plot geometry in CSS pixels (for the
/// overlay, hover and clicks), or `None` when the canvas is too small to draw.
pub fn draw_base(
    canvas: &HtmlCanvasElement,
    size: CanvasSize,
    large: bool,
    view: View,
    surface: Option<(&Surface, &SurfaceImage)>,
    text: &Text,
    names: &[&str],
) -> Option<PlotGeometry> {
    let context = canvas::context_2d(canvas)?;
    let (root, s, (width, height)) = canvas::blank_plot(canvas, size, large)?;

    // Layout in device pixels: y labels | plot | gap, bar, bar labels. The plot
    // takes the room there is, but stays within 4:3 either way so that a square
    // view does not turn into a strip.
    let (left, bottom, top) = (s.pxi(58.0), s.pxi(44.0), s.pxi(12.0));
    let (gap, bar_width, bar_labels) = (s.pxi(10.0), s.pxi(12.0), s.pxi(54.0));
    let room_x = width as i32 - left - gap - bar_width - bar_labels - s.pxi(2.0);
    let room_y = height as i32 - top - bottom;
    let plot_w = room_x.min(room_y * 4 / 3);
    let plot_h = room_y.min(plot_w * 4 / 3);
    if plot_w.min(plot_h) < s.pxi(40.0) {
        return None;
    }

    let tick_count = |pixels: i32| (f64::from(pixels) / s.px(70.0)).clamp(3.0, 8.0) as usize;
    let x_ticks = keyed(linear_ticks(view.x_min, view.x_max, tick_count(plot_w)));
    let y_ticks = keyed(linear_ticks(view.y_min, view.y_max, tick_count(plot_h)));
    let area = root
        .clone()
        .shrink((0, top), (left + plot_w, plot_h + bottom));
    let mut chart = ChartBuilder::on(&area)
        .x_label_area_size(bottom)
        .y_label_area_size(left)
        .build_cartesian_2d(
            TickedAxis::new(
                view.x_min..view.x_max,
                x_ticks.iter().map(|t| t.0).collect(),
            ),
            TickedAxis::new(
                view.y_min..view.y_max,
                y_ticks.iter().map(|t| t.0).collect(),
            ),
        )
        .ok()?;
    let plot = plotting_rect(chart.plotting_area());
    let device_geometry = PlotGeometry::new(view, plot)?;

    match surface {
        Some((surface, image)) => {
            let scale = image.scale;
            let dims = (image.width as u32, image.height as u32);
            if let Some(target) = device_geometry.image_rect(surface) {
                // Smoothing blends neighbouring cells: the surface is continuous.
                canvas::blit_rgba(&context, &image.rgba, dims, target, plot, true);
            }
            draw_colour_bar(
                &root,
                &context,
                s,
                plot,
                (gap, bar_width, bar_labels),
                &scale,
                text,
            )?;
            if surface.overflowed > 0 {
                draw_overflow_legend(&root, s, plot, gap, text.overflow)?;
            }
        }
        None => {
            // A grey ground keeps the white overlay marks visible until the surface arrives.
            let ground = [
                (plot.x as i32, plot.y as i32),
                ((plot.x + plot.width) as i32, (plot.y + plot.height) as i32),
            ];
            root.draw(&Rectangle::new(ground, RGBColor(0x9a, 0x9a, 0x9a).filled()))
                .ok()?;
            let message = (FontFamily::SansSerif, s.px(13.0))
                .into_font()
                .color(&WHITE)
                .pos(Pos::new(HPos::Center, VPos::Center));
            let at = (
                (plot.x + plot.width / 2.0) as i32,
                (plot.y + plot.height * 0.3) as i32,
            );
            root.draw_text(text.surface_computing, &message, at).ok()?;
        }
    }

    let x_label = |v: &f64| label_near(&x_ticks, *v);
    let y_label = |v: &f64| label_near(&y_ticks, *v);
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(names[0])
        .y_desc(names[1])
        .label_style(s.font(12.0))
        .axis_desc_style(s.font(14.0))
        .axis_style(INK.stroke_width(s.line(1.0)))
        .set_all_tick_mark_size(s.pxi(5.0))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()
        .ok()?;
    chart
        .plotting_area()
        .draw(&Rectangle::new(
            [(view.x_min, view.y_max), (view.x_max, view.y_min)],
            INK.stroke_width(s.line(1.0)),
        ))
        .ok()?;
    PlotGeometry::new(view, plot.scaled(1.0 / size.dpr))
}

/// The colour bar right of the plot, labelled in loss units (its colours are
/// the log of loss + 1).
fn draw_colour_bar(
    root: &canvas::PlotArea,
    context: &web_sys::CanvasRenderingContext2d,
    s: Scaler,
    plot: Rect,
    (gap, bar_width, bar_labels): (i32, i32, i32),
    scale: &LogColourScale,
    text: &Text,
) -> Option<()> {
    let bar_x = (plot.x + plot.width) as i32 + gap;
    let area = root.clone().shrink(
        (bar_x, plot.y as i32),
        (bar_width + bar_labels, plot.height as i32 + 1),
    );
    let max_ticks = (plot.height / s.px(28.0)).clamp(2.0, 9.0) as usize;
    let ticks: Vec<(f64, String)> = scale
        .ticks(max_ticks)
        .into_iter()
        .filter_map(|t| Some((scale.fraction(t.value)?, t.label)))
        .collect();
    let mut bar = ChartBuilder::on(&area)
        .right_y_label_area_size(bar_labels)
        .build_cartesian_2d(
            TickedAxis::new(0.0..1.0, Vec::new()),
            TickedAxis::new(0.0..1.0, ticks.iter().map(|t| t.0).collect()),
        )
        .ok()?;
    let bar_rect = plotting_rect(bar.plotting_area());
    let gradient = colour_bar_rgba(BAR_STEPS);
    canvas::blit_rgba(
        context,
        &gradient,
        (1, BAR_STEPS as u32),
        bar_rect,
        bar_rect,
        true,
    );
    let label = |v: &f64| label_near(&ticks, *v);
    bar.configure_mesh()
        .disable_mesh()
        .disable_x_axis()
        .y_desc(if scale.is_ranked() {
            text.colour_bar_caption_ranked
        } else {
            text.colour_bar_caption
        })
        .label_style(s.font(11.0))
        .axis_desc_style(s.font(13.0))
        .axis_style(INK.stroke_width(s.line(1.0)))
        .set_all_tick_mark_size(s.pxi(4.0))
        .y_label_formatter(&label)
        .draw()
        .ok()?;
    Some(())
}

/// A grey swatch under the colour bar: "overflow" (loss beyond f64).
fn draw_overflow_legend(
    root: &canvas::PlotArea,
    s: Scaler,
    plot: Rect,
    gap: i32,
    label: &str,
) -> Option<()> {
    let [r, g, b] = OVERFLOW_RGB;
    let x = (plot.x + plot.width) as i32 + gap;
    let y = (plot.y + plot.height) as i32 + s.pxi(12.0);
    let swatch = s.pxi(12.0);
    root.draw(&Rectangle::new(
        [(x, y), (x + swatch, y + swatch)],
        RGBColor(r, g, b).filled(),
    ))
    .ok()?;
    root.draw(&Rectangle::new(
        [(x, y), (x + swatch, y + swatch)],
        INK.stroke_width(1),
    ))
    .ok()?;
    let style = s.font(11.0).pos(Pos::new(HPos::Left, VPos::Center));
    root.draw_text(label, &style, (x + swatch + s.pxi(4.0), y + swatch / 2))
        .ok()?;
    Some(())
}
