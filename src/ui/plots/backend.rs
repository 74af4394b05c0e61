//! plotters' canvas backend, measuring text with the canvas itself.
//!
//! `plotters_canvas::CanvasBackend` leaves text measuring to plotters' web font, which appends a
//! `<span>` to the page and reads its `offsetHeight` for every label: each read lays out the
//! whole page, dozens of times per redraw (the loss chart redraws every frame while training).
//! The canvas' own `measureText` needs no layout. Everything else is `CanvasBackend`'s.

use plotters::backend::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

/// A [`CanvasBackend`] whose text sizes come from `measureText`.
pub struct MeasuringCanvas {
    canvas: CanvasBackend,
    context: CanvasRenderingContext2d,
}

impl MeasuringCanvas {
    pub fn new(canvas: &HtmlCanvasElement) -> Option<MeasuringCanvas> {
        let context = canvas.get_context("2d").ok()??.dyn_into().ok()?;
        let canvas = CanvasBackend::with_canvas_object(canvas.clone())?;
        Some(MeasuringCanvas { canvas, context })
    }
}

/// `CanvasBackend`'s error (a type plotters-canvas does not export by name).
type CanvasError = <CanvasBackend as DrawingBackend>::ErrorType;
type Drawn = Result<(), DrawingErrorKind<CanvasError>>;

impl DrawingBackend for MeasuringCanvas {
    type ErrorType = CanvasError;

    fn get_size(&self) -> (u32, u32) {
        self.canvas.get_size()
    }

    fn ensure_prepared(&mut self) -> Drawn {
        self.canvas.ensure_prepared()
    }

    fn present(&mut self) -> Drawn {
        self.canvas.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn {
        self.canvas.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn {
        self.canvas.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.canvas.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn {
        // A point on the same device pixel as the one before adds nothing to the line, but the
        // rasteriser still strokes it: a 4,096-point loss curve a few hundred pixels wide is
        // mostly such repeats, and stroking them made every frame's paint grow with the run.
        let mut previous = None;
        let path = path
            .into_iter()
            .filter(move |point| previous.replace(*point) != Some(*point));
        self.canvas.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn {
        self.canvas.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Drawn {
        self.canvas.fill_polygon(vertices, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn {
        self.canvas.draw_text(text, style, pos)
    }

    /// The width `measureText` gives in the font `draw_text` sets, and the font's ascent plus
    /// descent as the height (a label's line box, as the `<span>` measured it).
    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<CanvasError>> {
        self.context.set_font(&format!(
            "{} {}px {}",
            style.style().as_str(),
            style.size(),
            style.family().as_str(),
        ));
        let Ok(metrics) = self.context.measure_text(text) else {
            // No metrics: a box as high as the font and half as wide per character.
            let size = style.size();
            return Ok((
                (size * 0.5 * text.chars().count() as f64) as u32,
                size as u32,
            ));
        };
        let height = metrics.font_bounding_box_ascent() + metrics.font_bounding_box_descent();
        Ok((metrics.width().ceil() as u32, height.ceil() as u32))
    }
}
