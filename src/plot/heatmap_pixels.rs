//! The heat map and colour bar as RGBA pixel buffers, ready for the canvas'
//! `putImageData` (one call per redraw instead of one rectangle per cell).

use super::colormap::{OVERFLOW_RGB, viridis};
use super::scale::LogColourScale;
use crate::rnn::Surface;

/// One RGBA pixel per surface cell, `cols` wide and `rows` high, row-major.
///
/// Image row 0 is the top of the picture, the HIGHEST w_rec, while the
/// surface's row 0 is its lowest w_rec: rows are flipped here so that w_rec
/// grows upward on screen. Overflowed cells get [`OVERFLOW_RGB`]. A surface
/// whose loss vector is too short (never produced by the core) gets overflow
/// colour for the missing cells rather than a panic.
pub fn surface_rgba(surface: &Surface, scale: &LogColourScale) -> Vec<u8> {
    let mut pixels = Vec::with_capacity(surface.rows() * surface.cols() * 4);
    for image_row in 0..surface.rows() {
        colour_row(surface, scale, image_row, &mut pixels);
    }
    pixels
}

/// Appends image row `image_row` of [`surface_rgba`] to `pixels`.
fn colour_row(surface: &Surface, scale: &LogColourScale, image_row: usize, pixels: &mut Vec<u8>) {
    let cols = surface.cols();
    let surface_row = surface.rows() - 1 - image_row;
    for col in 0..cols {
        let loss = surface.loss.get(surface_row * cols + col).copied();
        let rgb = loss
            .and_then(|l| scale.fraction(l))
            .map_or(OVERFLOW_RGB, viridis);
        pixels.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    }
}

/// A surface's picture: its colour scale and [`surface_rgba`] under it.
#[derive(Debug, Clone, PartialEq)]
pub struct SurfaceImage {
    pub scale: LogColourScale,
    pub rgba: Vec<u8>,
    /// Pixels across (the surface's columns) and down (its rows).
    pub width: usize,
    pub height: usize,
}

/// A [`SurfaceImage`] coloured a few rows at a time, so that colouring a large grid can be
/// spread over several frames like the grid itself.
#[derive(Debug, Clone)]
pub struct SurfaceColouring {
    scale: LogColourScale,
    rgba: Vec<u8>,
    next_row: usize,
}

impl SurfaceColouring {
    /// Starts colouring `surface` (its scale is computed here, in one pass over the cells,
    /// or one sort when it is coloured by rank).
    pub fn new(surface: &Surface) -> SurfaceColouring {
        SurfaceColouring {
            scale: LogColourScale::from_surface(surface),
            rgba: Vec::with_capacity(surface.rows() * surface.cols() * 4),
            next_row: 0,
        }
    }

    /// Colours up to `rows` more image rows of `surface` (the one this colouring started
    /// from); returns whether every row is done.
    pub fn colour_rows(&mut self, surface: &Surface, rows: usize) -> bool {
        let end = (self.next_row + rows).min(surface.rows());
        for image_row in self.next_row..end {
            colour_row(surface, &self.scale, image_row, &mut self.rgba);
        }
        self.next_row = end;
        self.next_row == surface.rows()
    }

    /// The picture, once [`SurfaceColouring::colour_rows`] has said it is done.
    pub fn finish(self, surface: &Surface) -> SurfaceImage {
        SurfaceImage {
            scale: self.scale,
            rgba: self.rgba,
            width: surface.cols(),
            height: surface.rows(),
        }
    }
}

/// A vertical colour bar, 1 pixel wide and `height` high: the top pixel is the
/// largest loss of the scale (fraction 1), the bottom one the smallest.
pub fn colour_bar_rgba(height: usize) -> Vec<u8> {
    let steps = height.saturating_sub(1).max(1) as f64;
    (0..height)
        .flat_map(|i| {
            let [r, g, b] = viridis(1.0 - i as f64 / steps);
            [r, g, b, 255]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colouring_a_few_rows_at_a_time_gives_the_one_shot_picture() {
        let s = surface(vec![1.0, f64::INFINITY, 100.0, 0.5, 1e6, 3.0]);
        let mut colouring = SurfaceColouring::new(&s);
        assert!(!colouring.colour_rows(&s, 1));
        assert!(!colouring.colour_rows(&s, 1));
        assert!(colouring.colour_rows(&s, 5));
        let image = colouring.finish(&s);
        let scale = LogColourScale::from_surface(&s);
        assert_eq!(image.scale, scale);
        assert_eq!(image.rgba, surface_rgba(&s, &scale));
        assert_eq!((image.width, image.height), (s.cols(), s.rows()));
    }
    use crate::plot::colormap::viridis;

    /// A 3×2 surface (3 rows of w_rec, 2 columns of w_x) with the given losses.
    fn surface(loss: Vec<f64>) -> Surface {
        let overflowed = loss.iter().filter(|v| !v.is_finite()).count();
        Surface {
            w_x: vec![-1.0, 1.0],
            w_rec: vec![-1.0, 0.0, 1.0],
            loss,
            grad: None,
            overflowed,
        }
    }

    fn pixel(buffer: &[u8], cols: usize, row: usize, col: usize) -> [u8; 4] {
        let i = (row * cols + col) * 4;
        [buffer[i], buffer[i + 1], buffer[i + 2], buffer[i + 3]]
    }

    fn brightness(p: [u8; 4]) -> u32 {
        u32::from(p[0]) + u32::from(p[1]) + u32::from(p[2])
    }

    #[test]
    fn loss_growing_with_w_rec_is_bright_at_the_top() {
        // Surface rows are w_rec = -1, 0, 1 (bottom to top): loss grows upward.
        let s = surface(vec![0.0, 0.0, 10.0, 10.0, 1000.0, 1000.0]);
        let scale = LogColourScale::from_surface(&s);
        let image = surface_rgba(&s, &scale);
        assert_eq!(image.len(), 3 * 2 * 4);
        let [top, middle, bottom] = [0, 1, 2].map(|row| pixel(&image, 2, row, 0));
        assert!(brightness(top) > brightness(middle) && brightness(middle) > brightness(bottom));
        let [r, g, b] = viridis(1.0);
        assert_eq!(top, [r, g, b, 255]);
        let [r, g, b] = viridis(0.0);
        assert_eq!(bottom, [r, g, b, 255]);
    }

    #[test]
    fn columns_keep_their_order() {
        // Loss grows with w_x only: the right column is the brighter one on every row.
        let s = surface(vec![0.0, 50.0, 0.0, 50.0, 0.0, 50.0]);
        let image = surface_rgba(&s, &LogColourScale::from_surface(&s));
        for row in 0..3 {
            assert!(brightness(pixel(&image, 2, row, 1)) > brightness(pixel(&image, 2, row, 0)));
        }
    }

    #[test]
    fn overflowed_cells_are_grey_and_opaque() {
        let s = surface(vec![0.0, 1.0, 2.0, 3.0, f64::INFINITY, 5.0]);
        let image = surface_rgba(&s, &LogColourScale::from_surface(&s));
        // Surface row 2 (top image row 0), column 0 overflowed.
        let [r, g, b] = OVERFLOW_RGB;
        assert_eq!(pixel(&image, 2, 0, 0), [r, g, b, 255]);
        assert_ne!(pixel(&image, 2, 0, 1), [r, g, b, 255]);
        assert!(image.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn short_loss_vectors_do_not_panic() {
        let mut s = surface(vec![1.0, 2.0]);
        s.overflowed = 0;
        let image = surface_rgba(&s, &LogColourScale::default());
        assert_eq!(image.len(), 3 * 2 * 4);
    }

    #[test]
    fn colour_bar_runs_from_bright_top_to_dark_bottom() {
        let bar = colour_bar_rgba(64);
        assert_eq!(bar.len(), 64 * 4);
        let [r, g, b] = viridis(1.0);
        assert_eq!(&bar[..4], &[r, g, b, 255]);
        let [r, g, b] = viridis(0.0);
        assert_eq!(&bar[63 * 4..], &[r, g, b, 255]);
        assert!(colour_bar_rgba(0).is_empty());
        assert_eq!(colour_bar_rgba(1).len(), 4);
    }
}
