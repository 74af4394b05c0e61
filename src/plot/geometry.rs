//! Weights ↔ canvas pixels for the heat map: a view `[x_min, x_max] × [y_min, y_max]`
//! of (w_x, w_rec) drawn into a plot rectangle, w_x to the right and w_rec
//! upward (pixel y grows downward, so the top edge is `y_max`).

use super::view::View;
use crate::rnn::{Surface, Weights};

/// The part of the segment `a → b` inside `bounds` (Liang–Barsky), or `None`
/// when it misses them or is not finite.
pub fn clip_segment(a: Weights, b: Weights, bounds: &View) -> Option<(Weights, Weights)> {
    let (dx, dy) = (b.w_x - a.w_x, b.w_rec - a.w_rec);
    if !(a.is_finite() && dx.is_finite() && dy.is_finite()) {
        return None;
    }
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    // Each edge as (p, q): the segment is inside where t·p <= q.
    let edges = [
        (-dx, a.w_x - bounds.x_min),
        (dx, bounds.x_max - a.w_x),
        (-dy, a.w_rec - bounds.y_min),
        (dy, bounds.y_max - a.w_rec),
    ];
    for (p, q) in edges {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    if t0 > t1 {
        return None;
    }
    let at = |t: f64| Weights {
        w_x: a.w_x + t * dx,
        w_rec: a.w_rec + t * dy,
    };
    // Exact ends where unclipped, so that joins between segments are exact.
    let start = if t0 == 0.0 { a } else { at(t0) };
    let end = if t1 == 1.0 { b } else { at(t1) };
    Some((start, end))
}

/// Where the path left the view for good: its last point when that is in view,
/// else the point where it last crossed the view's edge outward. `None` if the
/// path never was in view.
pub fn escape_point(path: &[Weights], view: &View) -> Option<Weights> {
    let last_inside = path
        .iter()
        .rposition(|w| w.is_finite() && view.contains(*w))?;
    let inside = path[last_inside];
    match path.get(last_inside + 1) {
        Some(&next) if next.is_finite() => {
            clip_segment(inside, next, view).map_or(Some(inside), |(_, exit)| Some(exit))
        }
        _ => Some(inside),
    }
}

/// An axis-aligned rectangle in pixels, y downward.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px <= self.x + self.width && py >= self.y && py <= self.y + self.height
    }

    /// How many of the polylines' segments pass through the rectangle (each
    /// segment tested at its ends and three points between).
    pub fn crossings(&self, polylines: &[Vec<(f64, f64)>]) -> usize {
        polylines
            .iter()
            .flat_map(|line| line.windows(2))
            .filter(|segment| {
                let ((x0, y0), (x1, y1)) = (segment[0], segment[1]);
                [0.0, 0.25, 0.5, 0.75, 1.0]
                    .iter()
                    .any(|t| self.contains(x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
            })
            .count()
    }

    /// The same rectangle in units `factor` times larger (CSS px → device px).
    pub fn scaled(&self, factor: f64) -> Rect {
        Rect {
            x: self.x * factor,
            y: self.y * factor,
            width: self.width * factor,
            height: self.height * factor,
        }
    }
}

/// A view drawn into a rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotGeometry {
    pub view: View,
    pub rect: Rect,
}

impl PlotGeometry {
    /// `None` when the rectangle has no area (a canvas not laid out yet).
    pub fn new(view: View, rect: Rect) -> Option<PlotGeometry> {
        let usable = rect.width > 0.0
            && rect.height > 0.0
            && [rect.x, rect.y, rect.width, rect.height]
                .iter()
                .all(|v| v.is_finite());
        usable.then_some(PlotGeometry { view, rect })
    }

    /// The pixel x of `w_x` (outside the rectangle when `w_x` is outside the view).
    pub fn x_to_pixel(&self, w_x: f64) -> f64 {
        let v = &self.view;
        self.rect.x + (w_x - v.x_min) / (v.x_max - v.x_min) * self.rect.width
    }

    /// The pixel y of `w_rec`: `y_max` at the top edge.
    pub fn y_to_pixel(&self, w_rec: f64) -> f64 {
        let v = &self.view;
        self.rect.y + (v.y_max - w_rec) / (v.y_max - v.y_min) * self.rect.height
    }

    /// The pixel of `w`, or `None` if `w` is not finite. Points outside the view map
    /// outside the rectangle: the caller clips.
    pub fn to_pixel(&self, w: Weights) -> Option<(f64, f64)> {
        let pixel = (self.x_to_pixel(w.w_x), self.y_to_pixel(w.w_rec));
        (pixel.0.is_finite() && pixel.1.is_finite()).then_some(pixel)
    }

    /// The weights under pixel `(px, py)`, or `None` outside the rectangle.
    pub fn to_weights(&self, px: f64, py: f64) -> Option<Weights> {
        if !self.rect.contains(px, py) {
            return None;
        }
        let v = &self.view;
        let fx = (px - self.rect.x) / self.rect.width;
        let fy = (py - self.rect.y) / self.rect.height;
        Some(Weights {
            w_x: v.x_min + fx * (v.x_max - v.x_min),
            w_rec: v.y_max - fy * (v.y_max - v.y_min),
        })
    }

    /// The path as polylines in pixels, clipped to the view (plus a 2% border so
    /// that lines run off the edge). A new polyline starts wherever the path
    /// re-enters the view or after a non-finite point, so a far excursion
    /// never draws a line at a huge (or infinite) coordinate.
    pub fn path_polylines(&self, path: &[Weights]) -> Vec<Vec<(f64, f64)>> {
        let bounds = self.view.expanded(0.02);
        let mut polylines = Vec::new();
        let mut current: Vec<(f64, f64)> = Vec::new();
        let mut current_end: Option<Weights> = None;
        let mut finish = |current: &mut Vec<(f64, f64)>| {
            if !current.is_empty() {
                polylines.push(std::mem::take(current));
            }
        };
        for pair in path.windows(2) {
            let Some((start, end)) = clip_segment(pair[0], pair[1], &bounds) else {
                finish(&mut current);
                current_end = None;
                continue;
            };
            if current_end != Some(start) {
                finish(&mut current);
                current.extend(self.to_pixel(start));
            }
            current.extend(self.to_pixel(end));
            current_end = Some(end);
            if end != pair[1] {
                finish(&mut current);
                current_end = None;
            }
        }
        finish(&mut current);
        for line in &mut polylines {
            thin(line, MIN_STEP_PX);
        }
        if path.len() == 1 && path[0].is_finite() && bounds.contains(path[0]) {
            polylines.extend(self.to_pixel(path[0]).map(|p| vec![p]));
        }
        polylines
    }

    /// Where to draw a surface image so that each cell's centre lands on its grid
    /// point: the grid's first and last points are cell centres, so the image
    /// reaches half a cell beyond them. `None` for a surface without cells.
    pub fn image_rect(&self, surface: &Surface) -> Option<Rect> {
        let (x0, x1) = grid_extent(&surface.w_x)?;
        let (y0, y1) = grid_extent(&surface.w_rec)?;
        let (left, right) = (self.x_to_pixel(x0), self.x_to_pixel(x1));
        let (top, bottom) = (self.y_to_pixel(y1), self.y_to_pixel(y0));
        let rect = Rect {
            x: left,
            y: top,
            width: right - left,
            height: bottom - top,
        };
        let usable = [rect.x, rect.y, rect.width, rect.height]
            .iter()
            .all(|v| v.is_finite());
        (usable && rect.width > 0.0 && rect.height > 0.0).then_some(rect)
    }
}

/// The outer edges of the cells centred on an evenly spaced grid.
fn grid_extent(grid: &[f64]) -> Option<(f64, f64)> {
    let (&first, &last) = (grid.first()?, grid.last()?);
    let half_cell = if grid.len() > 1 {
        (last - first) / (grid.len() - 1) as f64 / 2.0
    } else {
        0.5
    };
    Some((first - half_cell, last + half_cell))
}

/// Points of a path closer than this (in pixels, on either axis) to the point kept before them
/// are left out of its polyline: a long run that settles keeps thousands of points within a
/// pixel, which add nothing to the picture but cost the rasteriser on every frame.
pub const MIN_STEP_PX: f64 = 0.5;

/// Drops from `line` each point within `min_step` (on both axes) of the last point kept; the
/// first and the last point always stay, so the line still starts and ends exactly.
fn thin(line: &mut Vec<(f64, f64)>, min_step: f64) {
    let Some(&last) = line.last() else {
        return;
    };
    let mut kept: Option<(f64, f64)> = None;
    line.retain(|&(x, y)| {
        let far =
            kept.is_none_or(|(kx, ky)| (x - kx).abs() >= min_step || (y - ky).abs() >= min_step);
        if far {
            kept = Some((x, y));
        }
        far
    });
    if line.last() != Some(&last) {
        line.push(last);
    }
}

/// The index of the grid point nearest to `value`, if `value` lies within half a
/// cell of the grid.
fn nearest_index(grid: &[f64], value: f64) -> Option<usize> {
    let (lo, hi) = grid_extent(grid)?;
    if !(value >= lo && value <= hi) {
        return None;
    }
    let (&first, &last) = (grid.first()?, grid.last()?);
    if grid.len() == 1 {
        return Some(0);
    }
    let position = (value - first) / (last - first) * (grid.len() - 1) as f64;
    Some((position.round().max(0.0) as usize).min(grid.len() - 1))
}

/// The surface cell `(row, col)` whose square contains `w` (the cell drawn under it).
pub fn nearest_cell(surface: &Surface, w: Weights) -> Option<(usize, usize)> {
    Some((
        nearest_index(&surface.w_rec, w.w_rec)?,
        nearest_index(&surface.w_x, w.w_x)?,
    ))
}

#[cfg(test)]
mod tests {
    #[test]
    fn crossings_count_the_segments_through_a_rectangle() {
        let label = Rect {
            x: 10.0,
            y: 10.0,
            width: 50.0,
            height: 12.0,
        };
        let through = vec![vec![(0.0, 0.0), (30.0, 30.0), (100.0, 30.0)]];
        let beside = vec![vec![(100.0, 0.0), (100.0, 100.0)]];
        // A long jump over the label, with no vertex inside it.
        let over = vec![vec![(0.0, 16.0), (200.0, 16.0)]];
        assert_eq!(label.crossings(&through), 1);
        assert_eq!(label.crossings(&beside), 0);
        assert_eq!(label.crossings(&over), 1);
    }

    use super::*;

    fn geometry() -> PlotGeometry {
        let view = View::DEFAULT;
        let rect = Rect {
            x: 50.0,
            y: 10.0,
            width: 300.0,
            height: 200.0,
        };
        PlotGeometry::new(view, rect).expect("usable rect")
    }

    #[test]
    fn corners_map_to_the_rectangle() {
        let g = geometry();
        assert_eq!(
            g.to_pixel(Weights {
                w_x: -3.0,
                w_rec: 3.0
            }),
            Some((50.0, 10.0))
        );
        assert_eq!(
            g.to_pixel(Weights {
                w_x: 3.0,
                w_rec: -3.0
            }),
            Some((350.0, 210.0))
        );
        // w_rec grows upward: the optimum (1, 1) is above the middle.
        let (_, y) = g
            .to_pixel(Weights {
                w_x: 1.0,
                w_rec: 1.0,
            })
            .unwrap_or_default();
        assert!(y < 110.0);
        assert_eq!(
            g.to_pixel(Weights {
                w_x: f64::NAN,
                w_rec: 0.0
            }),
            None
        );
    }

    #[test]
    fn pixels_and_weights_round_trip() {
        let g = geometry();
        for &(w_x, w_rec) in &[(-2.9, 2.5), (0.0, 0.0), (1.0, 1.0), (2.99, -2.99)] {
            let w = Weights { w_x, w_rec };
            let (px, py) = g.to_pixel(w).unwrap_or_default();
            let back = g.to_weights(px, py).unwrap_or_default();
            assert!((back.w_x - w_x).abs() < 1e-12 && (back.w_rec - w_rec).abs() < 1e-12);
        }
        for &(px, py) in &[(50.0, 10.0), (123.4, 56.7), (350.0, 210.0)] {
            let w = g.to_weights(px, py).unwrap_or_default();
            let (bx, by) = g.to_pixel(w).unwrap_or_default();
            assert!((bx - px).abs() < 1e-9 && (by - py).abs() < 1e-9);
        }
    }

    #[test]
    fn outside_the_rectangle_is_none() {
        let g = geometry();
        assert_eq!(g.to_weights(49.9, 100.0), None);
        assert_eq!(g.to_weights(100.0, 210.1), None);
        assert_eq!(g.to_weights(f64::NAN, 100.0), None);
        assert!(PlotGeometry::new(g.view, Rect::default()).is_none());
    }

    fn grid_surface(n: usize, view: View) -> Surface {
        let (w_x, w_rec) = view.axes(n, n);
        Surface {
            w_x: w_x.values(),
            w_rec: w_rec.values(),
            loss: vec![0.0; n * n],
            grad: None,
            overflowed: 0,
        }
    }

    fn w(w_x: f64, w_rec: f64) -> Weights {
        Weights { w_x, w_rec }
    }

    #[test]
    fn segments_are_clipped_to_the_view() {
        let view = View::DEFAULT;
        // Inside: unchanged.
        assert_eq!(
            clip_segment(w(0.0, 0.0), w(1.0, 1.0), &view),
            Some((w(0.0, 0.0), w(1.0, 1.0)))
        );
        // Leaving to the right at x = 3.
        let (_, end) = clip_segment(w(0.0, 0.0), w(6.0, 0.0), &view).unwrap_or_default();
        assert_eq!(end, w(3.0, 0.0));
        // Passing by outside.
        assert_eq!(clip_segment(w(4.0, -5.0), w(5.0, 5.0), &view), None);
        // Huge and non-finite values do not produce garbage.
        let (_, end) = clip_segment(w(1.0, 2.0), w(1.0, 1e300), &view).unwrap_or_default();
        assert_eq!(end, w(1.0, 3.0));
        assert_eq!(
            clip_segment(w(1.0, 2.0), w(1.0, f64::INFINITY), &view),
            None
        );
        assert_eq!(clip_segment(w(-1e308, 0.0), w(1e308, 0.0), &view), None);
    }

    #[test]
    fn a_path_that_settles_keeps_one_point_per_pixel_and_its_exact_ends() {
        let g = geometry();
        // 10,000 steps spiralling into (1, 1) from (0, 1), about 1,000 px of line in all: the
        // view is 6 wide on 300 px, so the last thousands of points fall within a pixel.
        let path: Vec<Weights> = (0..10_000)
            .map(|i| {
                let left = 0.995_f64.powi(i);
                let turn = f64::from(i) * 0.1;
                w(1.0 - left * turn.cos(), 1.0 - left * turn.sin())
            })
            .collect();
        let lines = g.path_polylines(&path);
        assert_eq!(lines.len(), 1);
        let line = &lines[0];
        assert!(line.len() < 2_000, "{} points kept", line.len());
        assert_eq!(line.first(), g.to_pixel(path[0]).as_ref());
        assert_eq!(line.last(), g.to_pixel(path[9_999]).as_ref());
        // No dropped point is farther than MIN_STEP_PX from the polyline's points.
        for weights in &path {
            let (x, y) = g.to_pixel(*weights).expect("in view");
            let near = line.windows(2).any(|pair| {
                let (a, b) = (pair[0], pair[1]);
                let t = (((x - a.0) * (b.0 - a.0) + (y - a.1) * (b.1 - a.1))
                    / ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).max(1e-12))
                .clamp(0.0, 1.0);
                let (px, py) = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
                (x - px).hypot(y - py) <= 2.0 * MIN_STEP_PX
            });
            assert!(near, "{weights:?} at ({x}, {y}) is off the drawn line");
        }
    }

    #[test]
    fn path_polylines_break_where_the_path_leaves_the_view() {
        let g = geometry();
        let inside = [w(-1.0, -1.0), w(0.0, 0.0), w(1.0, 1.0)];
        let lines = g.path_polylines(&inside);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].len(), 3);
        // Out to w_rec = 100 and back: two polylines, both within the drawing area.
        let excursion = [w(0.0, 0.0), w(0.0, 100.0), w(1.0, 1.0), w(1.0, 0.5)];
        let lines = g.path_polylines(&excursion);
        assert_eq!(lines.len(), 2, "{lines:?}");
        let rect = g.rect;
        for &(x, y) in lines.iter().flatten() {
            assert!(x >= rect.x - 0.03 * rect.width && x <= rect.x + 1.03 * rect.width);
            assert!(y >= rect.y - 0.03 * rect.height && y <= rect.y + 1.03 * rect.height);
        }
        // A NaN breaks the line; a single point is one polyline of one point.
        let broken = [
            w(0.0, 0.0),
            w(0.5, 0.5),
            w(f64::NAN, 0.0),
            w(1.0, 1.0),
            w(1.5, 1.0),
        ];
        assert_eq!(g.path_polylines(&broken).len(), 2);
        assert_eq!(g.path_polylines(&[w(1.0, 1.0)]).len(), 1);
        assert!(g.path_polylines(&[]).is_empty());
    }

    #[test]
    fn escape_point_is_where_the_path_left() {
        let view = View::DEFAULT;
        // Diverging up through w_rec = 3.
        let path = [
            w(1.0, 2.0),
            w(1.0, 2.5),
            w(1.0, 50.0),
            w(1.0, f64::INFINITY),
        ];
        assert_eq!(escape_point(&path, &view), Some(w(1.0, 3.0)));
        // Still inside: the last point.
        assert_eq!(escape_point(&path[..2], &view), Some(w(1.0, 2.5)));
        // Never inside.
        assert_eq!(escape_point(&[w(10.0, 10.0)], &view), None);
    }

    #[test]
    fn image_cells_are_centred_on_grid_points() {
        let g = geometry();
        let surface = grid_surface(4, View::DEFAULT);
        let image = g.image_rect(&surface).unwrap_or_default();
        // 4 points over [-3, 3]: cell width 2, so the image spans [-4, 4].
        assert!((image.x - g.x_to_pixel(-4.0)).abs() < 1e-9);
        assert!((image.width - (g.x_to_pixel(4.0) - g.x_to_pixel(-4.0))).abs() < 1e-9);
        assert!((image.y - g.y_to_pixel(4.0)).abs() < 1e-9);
    }

    #[test]
    fn nearest_cell_matches_the_drawn_cell() {
        let surface = grid_surface(4, View::DEFAULT); // grid -3, -1, 1, 3
        let at = |w_x, w_rec| nearest_cell(&surface, Weights { w_x, w_rec });
        assert_eq!(at(-3.0, -3.0), Some((0, 0)));
        assert_eq!(at(1.1, 2.2), Some((3, 2)));
        assert_eq!(at(-0.1, 0.1), Some((2, 1)));
        assert_eq!(at(3.9, 0.0), Some((2, 3)));
        assert_eq!(at(4.1, 0.0), None);
        assert_eq!(at(f64::NAN, 0.0), None);
    }
}
