//! Canvas helpers shared by the plots: HiDPI sizing, container measurement,
//! RGBA blits and the plotters backend.
//!
//! plotters-canvas has no HiDPI support (an open bug of the plotters project since 2020): every canvas here
//! gets `width/height = CSS size × devicePixelRatio`, and the drawing code
//! scales fonts, margins and line widths by [`CanvasSize::dpr`] itself.

use super::backend::MeasuringCanvas;
use std::time::Duration;

use leptos::html::Div;
use leptos::prelude::*;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::FontFamily;
use wasm_bindgen::{Clamped, JsCast, closure::Closure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use crate::plot::Rect;
use crate::ui::controls::widgets::Words;
use crate::ui::text::words;

/// A plot container's size in CSS pixels and the device pixel ratio.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CanvasSize {
    pub css_width: f64,
    pub css_height: f64,
    pub dpr: f64,
}

impl CanvasSize {
    /// The canvas attribute size: CSS size × devicePixelRatio, at least 1×1.
    pub fn device(&self) -> (u32, u32) {
        let scale = |css: f64| (css * self.dpr).round().clamp(1.0, 16384.0) as u32;
        (scale(self.css_width), scale(self.css_height))
    }
}

/// devicePixelRatio, kept within 1..=4 (a zoomed-out page reports < 1, which
/// would make labels unreadably small).
pub fn device_pixel_ratio() -> f64 {
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    if ratio.is_finite() {
        ratio.clamp(1.0, 4.0)
    } else {
        1.0
    }
}

/// The element's laid-out size, or `None` while it has none (not yet in the
/// document, `display: none`, or a first effect that runs before layout).
fn measure(element: &web_sys::Element) -> Option<CanvasSize> {
    let rect = element.get_bounding_client_rect();
    let (width, height) = (rect.width(), rect.height());
    (width >= 1.0 && height >= 1.0).then(|| CanvasSize {
        css_width: width,
        css_height: height,
        dpr: device_pixel_ratio(),
    })
}

/// Keeps `size` equal to the container's size: on every ResizeObserver report
/// (the first comes after the first layout; without the observer, the next
/// animation frames poll while it measures 0×0), and on window resize (which
/// also catches devicePixelRatio changes from browser zoom). The container is measured,
/// never the canvas, since setting a canvas' size would feed back.
pub fn watch_size(container: NodeRef<Div>, size: RwSignal<Option<CanvasSize>>) {
    let update = move || {
        if let Some(element) = container.get_untracked() {
            let measured = measure(&element);
            if measured.is_some() && size.get_untracked() != measured {
                size.set(measured);
            }
        }
    };

    // A few animation frames of retries for a container that is not laid out yet.
    fn retry(update: impl Fn() + Clone + 'static, size: RwSignal<Option<CanvasSize>>, left: u32) {
        update();
        if size.get_untracked().is_none() && left > 0 {
            request_animation_frame(move || retry(update, size, left - 1));
        }
    }

    // The observer and its callback live as long as the component: dropped on cleanup.
    type Observer = (web_sys::ResizeObserver, Closure<dyn Fn()>);
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        // The observer reports the first size after the first layout, so the mount never
        // forces a layout of its own; only without one is the container polled. Its reports
        // come inside the browser's rendering step, so the redraw they cause is left to a task
        // of its own: a rendering step that also drew every plot would block input for long.
        let callback = Closure::<dyn Fn()>::new(move || set_timeout(update, Duration::ZERO));
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(created) => {
                created.observe(&element);
                let old = observer.try_update_value(|o| o.replace((created, callback)));
                if let Some(Some((old, _))) = old {
                    old.disconnect();
                }
            }
            Err(_) => request_animation_frame(move || retry(update, size, 30)),
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| update());
    on_cleanup(move || {
        resize.remove();
        if let Some(Some((old, _))) = observer.try_update_value(Option::take) {
            old.disconnect();
        }
    });
}

/// Sets the canvas' attribute size for `size` (only when it changed: setting
/// it clears the canvas). Returns whether it changed.
pub fn fit(canvas: &HtmlCanvasElement, size: CanvasSize) -> bool {
    let (width, height) = size.device();
    let changed = canvas.width() != width || canvas.height() != height;
    if changed {
        canvas.set_width(width);
        canvas.set_height(height);
    }
    changed
}

/// The canvas' 2D context.
pub fn context_2d(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// A detached canvas (never shown) of the given size.
pub fn scratch_canvas(width: u32, height: u32) -> Option<HtmlCanvasElement> {
    let document = web_sys::window()?.document()?;
    let canvas: HtmlCanvasElement = document.create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    Some(canvas)
}

/// Draws a `width × height` RGBA buffer scaled into `target` (device pixels),
/// clipped to `clip`: `putImageData` on a scratch canvas (one call for all
/// cells), then one scaled `drawImage`.
pub fn blit_rgba(
    context: &CanvasRenderingContext2d,
    rgba: &[u8],
    (width, height): (u32, u32),
    target: Rect,
    clip: Rect,
    smooth: bool,
) -> Option<()> {
    if width == 0 || height == 0 || rgba.len() != (width * height * 4) as usize {
        return None;
    }
    let image = ImageData::new_with_u8_clamped_array_and_sh(Clamped(rgba), width, height).ok()?;
    let scratch = scratch_canvas(width, height)?;
    context_2d(&scratch)?
        .put_image_data(&image, 0.0, 0.0)
        .ok()?;
    context.save();
    context.begin_path();
    context.rect(clip.x, clip.y, clip.width, clip.height);
    context.clip();
    context.set_image_smoothing_enabled(smooth);
    let drawn = context.draw_image_with_html_canvas_element_and_dw_and_dh(
        &scratch,
        target.x,
        target.y,
        target.width,
        target.height,
    );
    context.restore();
    drawn.ok()
}

/// A plot's whole plotters drawing area (device pixels).
pub type PlotArea = DrawingArea<MeasuringCanvas, plotters::coord::Shift>;

/// The plotters drawing area of a canvas (device pixels).
pub fn plotters_root(canvas: &HtmlCanvasElement) -> Option<PlotArea> {
    MeasuringCanvas::new(canvas).map(IntoDrawingArea::into_drawing_area)
}

/// A blank plot: the plotters area of `canvas` filled with [`PAPER`], the scaler for its
/// sizes, and its size in device pixels. `None` when the canvas cannot be drawn on.
pub fn blank_plot(
    canvas: &HtmlCanvasElement,
    size: CanvasSize,
    large: bool,
) -> Option<(PlotArea, Scaler, (u32, u32))> {
    let root = plotters_root(canvas)?;
    root.fill(&PAPER).ok()?;
    let scaler = Scaler {
        dpr: size.dpr,
        large,
    };
    Some((root, scaler, size.device()))
}

/// Scales the plots' sizes: device pixels per CSS pixel, ×1.4 in presentation mode.
#[derive(Debug, Clone, Copy)]
pub struct Scaler {
    pub dpr: f64,
    pub large: bool,
}

impl Scaler {
    /// A length given in CSS pixels, in device pixels.
    pub fn px(&self, css: f64) -> f64 {
        css * self.dpr * if self.large { 1.4 } else { 1.0 }
    }

    /// The same, rounded for plotters' integer sizes.
    pub fn pxi(&self, css: f64) -> i32 {
        self.px(css).round() as i32
    }

    /// A line width for plotters (at least 1 device pixel).
    pub fn line(&self, css: f64) -> u32 {
        self.px(css).round().max(1.0) as u32
    }

    /// A sans-serif font of `css` pixels.
    pub fn font(&self, css: f64) -> TextStyle<'static> {
        (FontFamily::SansSerif, self.px(css))
            .into_font()
            .color(&INK)
    }
}

/// Text and axis colour on the plots' white background.
pub const INK: RGBColor = RGBColor(0x33, 0x33, 0x33);
/// The plots' background (also the background of the exported PNGs).
pub const PAPER: RGBColor = WHITE;

/// A linear f64 axis whose tick marks are exactly `ticks` (from
/// [`crate::plot::scale`]), so plotters draws our 1-2-5 and decade ticks.
/// plotters' own `with_key_points` wrapper loses the f64 label formatter.
#[derive(Clone)]
pub struct TickedAxis {
    linear: RangedCoordf64,
    ticks: Vec<f64>,
}

impl TickedAxis {
    pub fn new(range: std::ops::Range<f64>, ticks: Vec<f64>) -> TickedAxis {
        TickedAxis {
            linear: range.into(),
            ticks,
        }
    }
}

impl Ranged for TickedAxis {
    // Labels come from the chart's label formatter; this is only the fallback.
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.linear.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        // Bold points only: no light mesh lines between the ticks.
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.linear.range()
    }
}

/// The label of the tick nearest `value` (plotters asks per key point).
pub fn label_near(ticks: &[(f64, String)], value: f64) -> String {
    ticks
        .iter()
        .min_by(|a, b| (a.0 - value).abs().total_cmp(&(b.0 - value).abs()))
        .map(|t| t.1.clone())
        .unwrap_or_default()
}

/// A chart on two ticked axes.
pub type TickedChart<'a> = ChartContext<'a, MeasuringCanvas, Cartesian2d<TickedAxis, TickedAxis>>;

/// A chart's frame, sized by the style sheet (`plot-frame` and `class`), with its
/// canvas: an image labelled by the catalogue's `label` and described by `#describedby`.
#[component]
pub fn ChartFrame(
    class: &'static str,
    frame: NodeRef<Div>,
    id: &'static str,
    canvas: NodeRef<leptos::html::Canvas>,
    label: Words,
    describedby: &'static str,
) -> impl IntoView {
    view! {
        <div class=format!("plot-frame {class}") node_ref=frame>
            <canvas id=id class="plot-layer" node_ref=canvas role="img" aria-label=words(label) aria-describedby=describedby></canvas>
        </div>
    }
}

/// One axis of a line chart: its range, its ticks (position, label) and its description.
pub struct AxisSpec<'t> {
    range: std::ops::Range<f64>,
    ticks: &'t [(f64, String)],
    desc: &'t str,
}

impl AxisSpec<'_> {
    pub fn new<'t>(
        range: std::ops::Range<f64>,
        ticks: &'t [(f64, String)],
        desc: &'t str,
    ) -> AxisSpec<'t> {
        AxisSpec { range, ticks, desc }
    }
}

/// The room around a chart's plot area, in device pixels: the label areas left
/// and below, the margin on the other sides, and the margin on the right.
#[derive(Clone, Copy)]
pub struct Margins {
    pub left: i32,
    pub bottom: i32,
    pub margin: i32,
    pub right: i32,
}

impl Margins {
    /// `[left, bottom, margin, right]` in CSS pixels, scaled to the device by `s`.
    pub fn scaled(s: Scaler, [left, bottom, margin, right]: [f64; 4]) -> Margins {
        Margins {
            left: s.pxi(left),
            bottom: s.pxi(bottom),
            margin: s.pxi(margin),
            right: s.pxi(right),
        }
    }

    /// The plot area's width and height on a `width` × `height` canvas, or
    /// `None` when the margins leave no room for one.
    pub fn plot_size(self, (width, height): (u32, u32)) -> Option<(f64, f64)> {
        let plot_width = width as i32 - (self.left + self.margin + self.right);
        let plot_height = height as i32 - (self.bottom + 2 * self.margin);
        (plot_width >= 0 && plot_height >= 0)
            .then(|| (f64::from(plot_width), f64::from(plot_height)))
    }
}

/// A line chart on `root` with the two ticked axes `[x, y]`, its grid, axes and labels drawn.
pub fn ticked_chart<'a>(
    root: &'a PlotArea,
    s: Scaler,
    m: Margins,
    [x, y]: [AxisSpec; 2],
) -> Option<TickedChart<'a>> {
    let axis =
        |a: &AxisSpec| TickedAxis::new(a.range.clone(), a.ticks.iter().map(|t| t.0).collect());
    let mut chart = ChartBuilder::on(root)
        .margin(m.margin)
        .margin_right(m.right)
        .x_label_area_size(m.bottom)
        .y_label_area_size(m.left)
        .build_cartesian_2d(axis(&x), axis(&y))
        .ok()?;
    draw_mesh(&mut chart, s, (x.desc, x.ticks), (y.desc, y.ticks))?;
    Some(chart)
}

/// Draws the grid, axes and labels of a line chart: ticks (position,
/// label) and the description of each axis, sized by `s`.
fn draw_mesh(
    chart: &mut TickedChart,
    s: Scaler,
    x: (&str, &[(f64, String)]),
    y: (&str, &[(f64, String)]),
) -> Option<()> {
    let x_label = |v: &f64| label_near(x.1, *v);
    let y_label = |v: &f64| label_near(y.1, *v);
    chart
        .configure_mesh()
        .x_desc(x.0)
        .y_desc(y.0)
        .label_style(s.font(12.0))
        .axis_desc_style(s.font(14.0))
        .axis_style(INK.stroke_width(s.line(1.0)))
        .bold_line_style(GRID.stroke_width(s.line(1.0)))
        .set_all_tick_mark_size(s.pxi(5.0))
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .draw()
        .ok()
}

/// The light grey of grid lines.
pub const GRID: RGBColor = RGBColor(0xe3, 0xe3, 0xe3);

/// A chart redrawn by `draw` whenever its size, mode or what `draw` reads
/// changes: the canvas follows the frame's size (HiDPI), and `data-draw-ms`
/// on the canvas holds the last redraw's cost in milliseconds (read by
/// benchmarks and tests). Returns the canvas's node.
pub fn live_chart(
    frame: NodeRef<Div>,
    large: Signal<bool>,
    draw: impl Fn(&HtmlCanvasElement, CanvasSize, bool) + 'static,
) -> NodeRef<leptos::html::Canvas> {
    let chart_canvas = NodeRef::<leptos::html::Canvas>::new();
    let size = RwSignal::new(None::<CanvasSize>);
    watch_size(frame, size);
    Effect::new(move |_| {
        let (Some(size), large) = (size.get(), large.get()) else {
            return;
        };
        let Some(canvas) = chart_canvas.get() else {
            return;
        };
        let started = crate::ui::timing::clock::now_ms();
        fit(&canvas, size);
        draw(&canvas, size, large);
        let elapsed = crate::ui::timing::clock::now_ms() - started;
        let _ = canvas.set_attribute("data-draw-ms", &format!("{elapsed:.2}"));
    });
    chart_canvas
}

/// A click handler that downloads the canvas as `filename` (PNG).
pub fn png_export(
    chart_canvas: NodeRef<leptos::html::Canvas>,
    filename: &'static str,
) -> impl Fn(web_sys::MouseEvent) + Copy + 'static {
    move |_| {
        let Some(canvas) = chart_canvas.get_untracked() else {
            return;
        };
        if let Err(e) = crate::ui::panels::download::download_canvas_png(&canvas, filename) {
            web_sys::console::warn_1(&e.to_string().into());
        }
    }
}
