//! The loss surface, computed in slices across animation frames so that no
//! data size or view blocks the page (a task over 50 ms is a "long task":
//! W3C Long Tasks API, https://w3c.github.io/longtasks/).
//!
//! Two stages, each resumable:
//! 1. the data set's [`LossPolynomials`], kept per data set and rebuilt only
//!    when the data change, a few sequences at a time;
//! 2. the grid for the current view and loss, a row at a time (a row is O(n),
//!    or O(N·n) where it falls back to the sequences);
//! 3. its picture, [`COLOUR_ROWS_PER_CHECK`] rows at a time: a log and a colour per cell,
//!    65,536 of them, took a long task of its own when the heat map did it in one go.
//!
//! Each frame works until [`SURFACE_BUDGET_MS`] has passed; the old picture
//! stays up until the new one is whole.

use crate::params::{AppState, View};
use crate::plot::{SurfaceColouring, SurfaceImage};
use crate::rnn::surface::{self, Axis, CellSurface, LossPolynomials};
use crate::rnn::{CellKind, CoreError, DataConfig, Dataset, Reduction, Surface, Task};
use crate::ui::timing::clock::now_ms;

use super::settings::{SURFACE_POINTS, surface_axes};

/// Surface work allowed per animation frame: with training (≤ 4 ms) and the
/// redraws it keeps a frame far below the 50 ms of a long task.
pub const SURFACE_BUDGET_MS: f64 = 4.0;

/// Multiply-adds between two looks at the clock while building the
/// polynomials (≈ 0.2–0.5 ms in wasm); a sequence of length n costs about
/// n²/4 of them (half its inputs are ones).
const POLY_WORK_PER_CHECK: usize = 250_000;

/// Sequences to add between two looks at the clock.
pub fn samples_per_check(len: usize) -> usize {
    (POLY_WORK_PER_CHECK / (len * len / 4).max(1)).max(1)
}

/// Image rows to colour between two looks at the clock (a 256-cell row is about 0.05 ms).
pub const COLOUR_ROWS_PER_CHECK: usize = 8;

/// The polynomials of one data set, maybe still being built.
#[derive(Debug)]
struct Polys {
    data: (DataConfig, Task),
    polys: LossPolynomials,
    /// Time spent building them so far.
    ms: f64,
}

/// One grid being filled in, row by row.
#[derive(Debug)]
struct Grid {
    reduction: Reduction,
    axes: (Axis, Axis),
    view: View,
    surface: Option<Surface>,
    next_row: usize,
    /// The picture, once every row is in.
    colouring: Option<SurfaceColouring>,
    ms: f64,
}

/// A whole surface and its picture, for `view`, and the time they took: the sum of their
/// slices (the polynomials' share included), not the wall time between them.
#[derive(Debug)]
pub struct Finished {
    pub surface: Surface,
    pub image: SurfaceImage,
    pub view: View,
    pub ms: f64,
}

/// What a frame of surface work ended with.
pub enum Progress {
    /// More frames are needed.
    More,
    /// The surface and its picture.
    Done(Box<Finished>),
    Failed(CoreError),
}

/// The controller's surface work between frames.
#[derive(Debug, Default)]
pub struct SurfaceJob {
    pub frame: super::frames::Slot,
    /// A surface is wanted for the current settings.
    pub wanted: bool,
    /// A surface finished at the end of a slice, published in the next frame
    /// so that its redraw does not add to the slice's task.
    pub finished: Option<Box<Finished>>,
    polys: Option<Polys>,
    grid: Option<Grid>,
    cells: Option<Cells>,
}

/// A grid of a cell without a closed form, filled in a few grid cells at a time.
#[derive(Debug)]
struct Cells {
    key: CellsKey,
    view: View,
    surface: CellSurface,
    /// Grid cells to compute between two looks at the clock on this data.
    per_check: usize,
    colouring: Option<(Surface, SurfaceColouring)>,
    ms: f64,
}

/// Everything a cell's grid depends on.
type CellsKey = (CellKind, Task, DataConfig, Reduction, (Axis, Axis));

impl SurfaceJob {
    /// Works on the surface for `settings` over `data` until `deadline_ms`.
    pub fn advance(&mut self, data: &Dataset, settings: &AppState, deadline_ms: f64) -> Progress {
        if settings.model != CellKind::Linear {
            return self.advance_cells(data, settings, deadline_ms);
        }
        let key = (settings.data, settings.task);
        if self.polys.as_ref().is_none_or(|p| p.data != key) {
            self.polys = Some(Polys {
                data: key,
                polys: LossPolynomials::empty(data),
                ms: 0.0,
            });
            self.grid = None;
        }
        let Some(polys) = self.polys.as_mut() else {
            return Progress::More;
        };
        if !polys.polys.is_complete() {
            let start = now_ms();
            let chunk = samples_per_check(data.len());
            while !polys.polys.is_complete() {
                polys.polys.add_samples(data, chunk);
                if now_ms() >= deadline_ms {
                    break;
                }
            }
            polys.ms += now_ms() - start;
            if !polys.polys.is_complete() {
                return Progress::More;
            }
        }

        let axes = surface_axes(settings);
        let current = self
            .grid
            .as_ref()
            .is_some_and(|g| g.reduction == settings.reduction && g.axes == axes);
        if !current {
            self.grid = Some(Grid {
                reduction: settings.reduction,
                axes,
                view: settings.view,
                surface: None,
                next_row: 0,
                colouring: None,
                ms: 0.0,
            });
        }
        let Some(grid) = self.grid.as_mut() else {
            return Progress::More;
        };
        let (w_x, w_rec) = axes;
        let start = now_ms();
        while grid.next_row < w_rec.n {
            let row = grid.next_row..grid.next_row + 1;
            let band = match surface::compute_rows_from(
                &polys.polys,
                data,
                surface::Grid::new(w_x, w_rec, settings.reduction),
                row,
            ) {
                Ok(band) => band,
                Err(error) => {
                    self.grid = None;
                    return Progress::Failed(error);
                }
            };
            match grid.surface.as_mut() {
                Some(surface) => surface.append_rows(band),
                None => grid.surface = Some(band),
            }
            grid.next_row += 1;
            if now_ms() >= deadline_ms {
                break;
            }
        }
        grid.ms += now_ms() - start;
        if grid.next_row < w_rec.n {
            return Progress::More;
        }
        let start = now_ms();
        let Some(surface) = grid.surface.as_ref() else {
            return Progress::More;
        };
        let colouring = grid
            .colouring
            .get_or_insert_with(|| SurfaceColouring::new(surface));
        let coloured = loop {
            if colouring.colour_rows(surface, COLOUR_ROWS_PER_CHECK) {
                break true;
            }
            if now_ms() >= deadline_ms {
                break false;
            }
        };
        grid.ms += now_ms() - start;
        if !coloured {
            return Progress::More;
        }
        // The polynomials' time counts once, towards the first surface built from them.
        let ms = std::mem::take(&mut polys.ms) + grid.ms;
        match self.grid.take() {
            Some(Grid {
                surface: Some(surface),
                colouring: Some(colouring),
                view,
                ..
            }) => Progress::Done(Box::new(Finished {
                image: colouring.finish(&surface),
                surface,
                view,
                ms,
            })),
            _ => Progress::More,
        }
    }
}

/// Sample-steps between two looks at the clock while a cell's grid is filled in (about a
/// millisecond in wasm).
const CELL_WORK_PER_CHECK: usize = 100_000;

impl SurfaceJob {
    /// [`SurfaceJob::advance`] for a cell without a closed form: every grid cell is a
    /// forward pass, so the grid is coarser on large data ([`surface::cell_points`]).
    fn advance_cells(&mut self, data: &Dataset, settings: &AppState, deadline_ms: f64) -> Progress {
        let points = surface::cell_points(data, SURFACE_POINTS);
        let axes = settings.view.axes(points, points);
        let key = (
            settings.model,
            settings.task,
            settings.data,
            settings.reduction,
            axes,
        );
        if self.cells.as_ref().is_none_or(|c| c.key != key) {
            let grid = surface::Grid::new(axes.0, axes.1, settings.reduction);
            let surface = match CellSurface::new(settings.model, grid) {
                Ok(surface) => surface,
                Err(error) => return Progress::Failed(error),
            };
            self.cells = Some(Cells {
                key,
                view: settings.view,
                surface,
                per_check: (CELL_WORK_PER_CHECK / (data.samples() * data.len()).max(1)).max(1),
                colouring: None,
                ms: 0.0,
            });
        }
        let Some(cells) = self.cells.as_mut() else {
            return Progress::More;
        };
        let start = now_ms();
        while !cells.surface.is_complete() {
            cells.surface.advance(data, cells.per_check);
            if now_ms() >= deadline_ms {
                break;
            }
        }
        if !cells.surface.is_complete() {
            cells.ms += now_ms() - start;
            return Progress::More;
        }
        let (surface, colouring) = cells.colouring.get_or_insert_with(|| {
            let surface = cells.surface.clone().finish();
            let colouring = SurfaceColouring::new(&surface);
            (surface, colouring)
        });
        let coloured = loop {
            if colouring.colour_rows(surface, COLOUR_ROWS_PER_CHECK) {
                break true;
            }
            if now_ms() >= deadline_ms {
                break false;
            }
        };
        cells.ms += now_ms() - start;
        if !coloured {
            return Progress::More;
        }
        match self.cells.take() {
            Some(Cells {
                colouring: Some((surface, colouring)),
                view,
                ms,
                ..
            }) => Progress::Done(Box::new(Finished {
                image: colouring.finish(&surface),
                surface,
                view,
                ms,
            })),
            _ => Progress::More,
        }
    }
}
