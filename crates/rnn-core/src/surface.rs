//! The loss over a grid of (w_x, w_rec): the picture the app draws.
//!
//! For a fixed w_rec = w, `y_i = w_x·P_i(w)` with `P_i(w) = Σ_k x_{i,k} w^(n-k)`
//! (the seed's and Roelants' model unrolled), so the loss is a quadratic in w_x:
//! `L = A(w)·w_x² − 2B(w)·w_x + C`, with `A = Σ_i P_i²`, `B = Σ_i t_i P_i` and
//! `C = Σ_i t_i²`. A and B are polynomials in w whose coefficients depend only
//! on the data, so [`LossPolynomials`] computes them once per data set
//! (O(N·n²) at most), and every row then costs O(n) and every cell O(1),
//! whatever the number of sequences.
//!
//! Each row is written around its minimum, `A·(w_x − w*)² + L_min` with
//! `w* = B/A` and `L_min = (C·A − B²)/A ≥ 0`; the numerator is a polynomial of
//! its own whose whole-number coefficients are exact for 0/1 data. For |w| > 1
//! the polynomials are evaluated in 1/w with the power of |w| kept apart, so
//! nothing overflows part-way: a cell is infinite only when its loss really
//! exceeds f64. Near the optimum the numerator still cancels as it is
//! evaluated: the absolute error stays below about 1e-15·C·n, far below what
//! a colour or a readout shows. [`compute_naive`] runs the model per cell and
//! is the test oracle.

use serde::{Deserialize, Serialize};

use super::cell::{CellKind, Model};
use super::data::Dataset;
use super::error::{CoreError, InvalidReason};
use super::limits::Limits;
use super::model::{Bptt, Reduction, Weights};
use super::params::Params;

/// Most points along one axis.
pub const MAX_POINTS: usize = 4096;
/// Allowed points along one axis.
pub const POINTS_RANGE: Limits<usize> = Limits::new(1, MAX_POINTS);

/// `n` evenly spaced values from `min` to `max`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub n: usize,
}

impl Axis {
    pub fn new(min: f64, max: f64, n: usize) -> Axis {
        Axis { min, max, n }
    }

    /// Finite bounds, `min < max`, and 2..=4096 points (1 point needs `min == max`).
    pub fn validate(&self, name: &'static str) -> Result<(), CoreError> {
        let invalid = |reason| Err(CoreError::Invalid { name, reason });
        if !self.min.is_finite() || !self.max.is_finite() {
            return invalid(InvalidReason::NotFinite);
        }
        POINTS_RANGE.check(name, self.n)?;
        if self.n == 1 && self.min != self.max {
            return invalid(InvalidReason::OnePointNeedsEqualBounds);
        }
        if self.n > 1 && self.min >= self.max {
            return invalid(InvalidReason::EmptyRange);
        }
        Ok(())
    }

    /// The j-th value; written as a blend so huge bounds cannot overflow.
    pub fn value(&self, j: usize) -> f64 {
        if self.n <= 1 {
            return self.min;
        }
        let t = j as f64 / (self.n - 1) as f64;
        self.min * (1.0 - t) + self.max * t
    }

    pub fn values(&self) -> Vec<f64> {
        (0..self.n).map(|j| self.value(j)).collect()
    }
}

/// Loss (and optionally gradient) per cell. Row r is `w_rec[r]`, column c is
/// `w_x[c]`; cell (r, c) is at index `r * cols + c`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Surface {
    pub w_x: Vec<f64>,
    pub w_rec: Vec<f64>,
    /// Overflowed cells hold `f64::INFINITY`: flagged, never NaN garbage.
    pub loss: Vec<f64>,
    /// dL/dw_x and dL/dw_rec per cell, when asked for; overflow is NaN.
    pub grad: Option<(Vec<f64>, Vec<f64>)>,
    /// How many loss cells overflowed.
    pub overflowed: usize,
}

impl Surface {
    pub fn rows(&self) -> usize {
        self.w_rec.len()
    }

    pub fn cols(&self) -> usize {
        self.w_x.len()
    }

    /// The loss at (row, col), or `None` where it overflowed.
    pub fn loss_at(&self, row: usize, col: usize) -> Option<f64> {
        let v = self.loss[row * self.cols() + col];
        v.is_finite().then_some(v)
    }

    /// The smallest and largest finite loss, if any.
    pub fn finite_range(&self) -> Option<(f64, f64)> {
        self.loss
            .iter()
            .filter(|v| v.is_finite())
            .fold(None, |acc, &v| match acc {
                None => Some((v, v)),
                Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            })
    }

    /// Appends the rows of `below`, computed over the same `w_x` for the
    /// next values of `w_rec` (see [`compute_rows_from`]).
    pub fn append_rows(&mut self, below: Surface) {
        debug_assert_eq!(self.w_x, below.w_x);
        self.w_rec.extend(below.w_rec);
        self.loss.extend(below.loss);
        match (&mut self.grad, below.grad) {
            (Some((gx, grec)), Some((more_x, more_rec))) => {
                gx.extend(more_x);
                grec.extend(more_rec);
            }
            _ => self.grad = None,
        }
        self.overflowed += below.overflowed;
    }

    fn empty(w_x: &Axis, w_rec: &Axis, with_grad: bool) -> Surface {
        Surface::empty_rows(w_x, w_rec.values(), with_grad)
    }

    fn empty_rows(w_x: &Axis, w_rec: Vec<f64>, with_grad: bool) -> Surface {
        let cells = w_x.n * w_rec.len();
        Surface {
            w_x: w_x.values(),
            w_rec,
            loss: Vec::with_capacity(cells),
            grad: with_grad.then(|| (Vec::with_capacity(cells), Vec::with_capacity(cells))),
            overflowed: 0,
        }
    }

    /// Appends one cell, normalising overflow.
    fn push(&mut self, loss: f64, grad: (f64, f64)) {
        if loss.is_finite() {
            self.loss.push(loss);
        } else {
            self.loss.push(f64::INFINITY);
            self.overflowed += 1;
        }
        if let Some((gx, grec)) = &mut self.grad {
            let finite_or_nan = |v: f64| if v.is_finite() { v } else { f64::NAN };
            gx.push(finite_or_nan(grad.0));
            grec.push(finite_or_nan(grad.1));
        }
    }
}

/// What a surface covers: the two axes, the loss's reduction, and whether each cell also
/// gets the gradient.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grid {
    pub w_x: Axis,
    pub w_rec: Axis,
    pub reduction: Reduction,
    pub with_grad: bool,
}

impl Grid {
    /// The loss alone over `w_x` × `w_rec`.
    pub fn new(w_x: Axis, w_rec: Axis, reduction: Reduction) -> Grid {
        Grid {
            w_x,
            w_rec,
            reduction,
            with_grad: false,
        }
    }

    /// The same grid with (or without) the gradient in each cell.
    pub fn with_grad(self, with_grad: bool) -> Grid {
        Grid { with_grad, ..self }
    }

    fn validate(&self) -> Result<(), CoreError> {
        self.w_x.validate("wx")?;
        self.w_rec.validate("wrec")
    }
}

/// The coefficients of `A(w)`, `B(w)` and their derivatives, lowest power
/// first, and `C`: everything the surface needs from the data.
#[derive(Debug, Clone, PartialEq)]
pub struct LossPolynomials {
    len: usize,
    samples: usize,
    /// Sequences added so far (see [`LossPolynomials::add_samples`]).
    added: usize,
    a: Vec<f64>,
    b: Vec<f64>,
    c: f64,
    /// `C·A(w) − B(w)²`, so that `L_min = numerator / A`. For 0/1 data every
    /// coefficient is a whole number below 2^53, so the cancellation between the
    /// two terms happens exactly here, not cell by cell.
    numerator: Vec<f64>,
    /// The numerator's coefficients without their signs: its error bound.
    numerator_abs: Vec<f64>,
}

impl LossPolynomials {
    /// Nothing added yet: call [`LossPolynomials::add_samples`] until
    /// [`LossPolynomials::is_complete`], or use [`LossPolynomials::new`].
    pub fn empty(data: &Dataset) -> LossPolynomials {
        let len = data.len();
        LossPolynomials {
            len,
            samples: data.samples(),
            added: 0,
            a: vec![0.0; 2 * len - 1],
            b: vec![0.0; len],
            c: 0.0,
            numerator: vec![0.0; 2 * len - 1],
            numerator_abs: vec![0.0; 2 * len - 1],
        }
    }

    /// All sequences of `data` added.
    pub fn new(data: &Dataset) -> LossPolynomials {
        let mut polys = LossPolynomials::empty(data);
        polys.add_samples(data, data.samples());
        polys
    }

    /// Adds up to `count` more sequences (about `count·n²/4` multiply-adds),
    /// so a caller can spread the work over frames. Returns how many it added.
    pub fn add_samples(&mut self, data: &Dataset, count: usize) -> usize {
        let end = (self.added + count).min(self.samples);
        let n = self.len;
        let mut terms: Vec<(usize, f64)> = Vec::with_capacity(n);
        for i in self.added..end {
            // P_i(w) = Σ_j c_j w^j with c_j = x_{i, n-1-j}; zeros add nothing.
            terms.clear();
            terms.extend(
                data.row(i)
                    .iter()
                    .rev()
                    .enumerate()
                    .filter(|(_, x)| **x != 0.0)
                    .map(|(j, &x)| (j, x)),
            );
            let t = data.targets[i];
            for &(j, cj) in &terms {
                self.b[j] += t * cj;
                for &(k, ck) in &terms {
                    self.a[j + k] += cj * ck;
                }
            }
            self.c += t * t;
        }
        let added = end - self.added;
        self.added = end;
        if self.is_complete() {
            for (m, value) in self.numerator.iter_mut().enumerate() {
                let square: f64 = (m.saturating_sub(n - 1)..=m.min(n - 1))
                    .map(|j| self.b[j] * self.b[m - j])
                    .sum();
                *value = self.c * self.a[m] - square;
            }
            self.numerator_abs = self.numerator.iter().map(|v| v.abs()).collect();
        }
        added
    }

    pub fn is_complete(&self) -> bool {
        self.added == self.samples
    }

    /// Whether these polynomials were built for a data set of this shape.
    fn fits(&self, data: &Dataset) -> bool {
        self.len == data.len() && self.samples == data.samples() && self.is_complete()
    }
}

/// `p(w)` as `value · |w|^degree` for |w| > 1 (the power kept apart so it
/// cannot overflow), or `value` alone for |w| ≤ 1.
fn evaluate(coefficients: &[f64], w: f64) -> f64 {
    if w.abs() <= 1.0 {
        coefficients.iter().rev().fold(0.0, |acc, &c| acc * w + c)
    } else {
        // p(w) = w^d Σ_m c_m (1/w)^(d-m): Horner in 1/w from the top coefficient.
        let u = 1.0 / w;
        let reduced = coefficients.iter().fold(0.0, |acc, &c| acc * u + c);
        let degree = coefficients.len().saturating_sub(1);
        if w < 0.0 && degree % 2 == 1 {
            -reduced
        } else {
            reduced
        }
    }
}

/// `|w|^k` where the polynomials were reduced, else 1; infinite when it overflows.
fn power(w: f64, k: usize) -> f64 {
    if w.abs() <= 1.0 {
        1.0
    } else {
        w.abs().powi(k.min(i32::MAX as usize) as i32)
    }
}

/// `x·y` with `0·∞ = 0`: a term whose coefficient is zero stays zero however
/// large the power of |w| it is scaled by.
fn times(x: f64, y: f64) -> f64 {
    if x == 0.0 || y == 0.0 { 0.0 } else { x * y }
}

/// The derivative's coefficients.
fn derivative(coefficients: &[f64]) -> Vec<f64> {
    coefficients
        .iter()
        .enumerate()
        .skip(1)
        .map(|(m, &c)| m as f64 * c)
        .collect()
}

/// Where the polynomials' error bound exceeds this relative accuracy, a row
/// is computed from the sequences themselves.
const ROW_ACCURACY: f64 = 1e-11;

/// One row's quadratic in reduced units: `(a, w*·e, L_min)`. From the
/// polynomials in O(n), unless their evaluation is ill-conditioned here (near
/// a root of A or B, or near the optimum, where `C·A − B²` cancels); then
/// from every sequence's `P_i(w)` in O(N·n), still in reduced form.
fn row_quadratic(
    polys: &LossPolynomials,
    data: &Dataset,
    w: f64,
    p: &mut [f64],
) -> (f64, f64, f64) {
    let (a, b) = (evaluate(&polys.a, w), evaluate(&polys.b, w));
    let numerator = evaluate(&polys.numerator, w);
    if a > 0.0 {
        let loss_min = (numerator / a).max(0.0);
        // A's coefficients are ≥ 0 for 0/1 data, so |A|(|w|) = A(|w|); B's too.
        let (a_abs, b_abs) = (evaluate(&polys.a, w.abs()), evaluate(&polys.b, w.abs()));
        let n_abs = evaluate(&polys.numerator_abs, w.abs());
        let digits = f64::EPSILON * polys.a.len() as f64;
        let well_conditioned = digits * a_abs <= ROW_ACCURACY * a
            && digits * b_abs <= ROW_ACCURACY * b.abs().max(f64::MIN_POSITIVE)
            && digits * n_abs <= ROW_ACCURACY * (loss_min * a);
        if well_conditioned || (b_abs == 0.0 && n_abs == 0.0) {
            return (a, b / a, loss_min);
        }
    }
    // P_i(w) reduced like the polynomials: Horner in w, or in 1/w beyond |w| = 1.
    let len = data.len();
    p.fill(0.0);
    let reduced = w.abs() > 1.0;
    let (x, steps): (f64, Vec<usize>) = if reduced {
        (1.0 / w, (0..len).rev().collect())
    } else {
        (w, (0..len).collect())
    };
    for k in steps {
        for (value, input) in p.iter_mut().zip(data.step(k)) {
            *value = *value * x + input;
        }
    }
    if reduced && w < 0.0 && (len - 1) % 2 == 1 {
        p.iter_mut().for_each(|value| *value = -*value);
    }
    let a: f64 = p.iter().map(|v| v * v).sum();
    let b: f64 = p.iter().zip(&data.targets).map(|(v, t)| v * t).sum();
    if a > 0.0 {
        let w_star = b / a;
        let loss_min = p
            .iter()
            .zip(&data.targets)
            .map(|(v, t)| (t - w_star * v) * (t - w_star * v))
            .sum();
        (a, w_star, loss_min)
    } else {
        (0.0, 0.0, polys.c)
    }
}

/// The fast evaluator (see the module docs).
pub fn compute(data: &Dataset, grid: Grid) -> Result<Surface, CoreError> {
    grid.validate()?;
    compute_from(&LossPolynomials::new(data), data, grid)
}

/// The fast evaluator with polynomials computed before (they depend only on
/// the data, not on the view).
pub fn compute_from(
    polys: &LossPolynomials,
    data: &Dataset,
    grid: Grid,
) -> Result<Surface, CoreError> {
    compute_rows_from(polys, data, grid, 0..grid.w_rec.n)
}

/// Rows `rows` of [`compute_from`]'s grid (clipped to the axis), so that a
/// caller can spread one grid over several frames and join the pieces with
/// [`Surface::append_rows`]: each row costs O(n), or O(N·n) where it falls back.
pub fn compute_rows_from(
    polys: &LossPolynomials,
    data: &Dataset,
    grid: Grid,
    rows: std::ops::Range<usize>,
) -> Result<Surface, CoreError> {
    grid.validate()?;
    let Grid {
        w_x,
        w_rec,
        reduction,
        with_grad,
    } = grid;
    if !polys.fits(data) {
        return Err(CoreError::Invalid {
            name: "surface",
            reason: InvalidReason::OtherDataSet,
        });
    }
    let scale = reduction.scale(data.samples());
    let n = polys.len;
    let (a_prime, b_prime) = (derivative(&polys.a), derivative(&polys.b));
    let rows = rows.start.min(w_rec.n)..rows.end.min(w_rec.n);
    let row_values: Vec<f64> = rows.map(|r| w_rec.value(r)).collect();
    let mut surface = Surface::empty_rows(&w_x, row_values.clone(), with_grad);
    let cols = w_x.values();
    let mut reduced = vec![0.0; data.samples()];
    for w in row_values {
        // A = a·e², B = b·e with e = |w|^(n-1) (1 where |w| ≤ 1).
        let e = power(w, n - 1);
        let (a, w_star_reduced, loss_min) = row_quadratic(polys, data, w, &mut reduced);
        let w_star = w_star_reduced / e;
        // A' = a'·e·e₂ and B' = b'·e₂ with e₂ = |w|^(n-2).
        let (da, db, e2) = if with_grad {
            (
                evaluate(&a_prime, w),
                evaluate(&b_prime, w),
                power(w, n.saturating_sub(2)),
            )
        } else {
            (0.0, 0.0, 0.0)
        };
        for &wx in &cols {
            // (w_x − w*)·e: the distance to the row's minimum, in reduced units.
            let q = times(wx - w_star, e);
            let loss = scale * (times(a, q * q) + loss_min);
            let grad = if with_grad {
                // dL/dw_x = 2A(w_x − w*); dL/dw_rec = w_x²·A' − 2w_x·B'.
                let along_x = scale * 2.0 * times(a, times(q, e));
                let along_rec = scale * times(e2, wx * (wx * times(da, e) - 2.0 * db));
                (along_x, along_rec)
            } else {
                (0.0, 0.0)
            };
            surface.push(loss, grad);
        }
    }
    Ok(surface)
}

fn naive_cell(bptt: &mut Bptt, data: &Dataset, grid: &Grid, w: Weights) -> (f64, (f64, f64)) {
    if grid.with_grad {
        let (loss, g) = bptt.loss_and_gradient(data, w, grid.reduction);
        (loss, (g.w_x, g.w_rec))
    } else {
        (super::model::loss(data, w, grid.reduction), (0.0, 0.0))
    }
}

/// The same grid by running the model in every cell: O(rows·cols·N·n).
pub fn compute_naive(data: &Dataset, grid: Grid) -> Result<Surface, CoreError> {
    grid.validate()?;
    let mut surface = Surface::empty(&grid.w_x, &grid.w_rec, grid.with_grad);
    let mut bptt = Bptt::default();
    for w_rec in grid.w_rec.values() {
        for w_x in grid.w_x.values() {
            let (loss, g) = naive_cell(&mut bptt, data, &grid, Weights { w_x, w_rec });
            surface.push(loss, g);
        }
    }
    Ok(surface)
}

/// Sample-steps a whole surface of a cell without a closed form may cost: a few seconds of
/// work spread over frames in the browser.
pub const CELL_SURFACE_WORK: u64 = 400_000_000;

/// Points per axis for a cell without a closed form on `data`: at most `points`, fewer when
/// the data are so large that `points²` forward passes would exceed [`CELL_SURFACE_WORK`]
/// (a coarser map, never a frozen page); at least 16.
pub fn cell_points(data: &Dataset, points: usize) -> usize {
    let per_cell = (data.samples() * data.len()).max(1) as f64;
    let fits = (CELL_SURFACE_WORK as f64 / per_cell).sqrt() as usize;
    fits.clamp(16, points.max(16)).min(points)
}

/// The loss over a grid for any cell by running it in every grid cell, a few at a time, so a
/// caller can spread the work over frames: O(N·n) per grid cell. The linear cell has the
/// closed form of [`compute`]; this is every other cell's way, and its oracle.
#[derive(Debug, Clone)]
pub struct CellSurface {
    kind: CellKind,
    grid: Grid,
    model: Model,
    surface: Surface,
    next: usize,
}

impl CellSurface {
    pub fn new(kind: CellKind, grid: Grid) -> Result<CellSurface, CoreError> {
        grid.validate()?;
        Ok(CellSurface {
            kind,
            grid,
            model: Model::new(kind),
            surface: Surface::empty(&grid.w_x, &grid.w_rec, grid.with_grad),
            next: 0,
        })
    }

    /// Computes up to `cells` more grid cells; true once the grid is whole.
    pub fn advance(&mut self, data: &Dataset, cells: usize) -> bool {
        let total = self.grid.w_x.n * self.grid.w_rec.n;
        let end = self.next.saturating_add(cells.max(1)).min(total);
        for index in self.next..end {
            let (row, col) = (index / self.grid.w_x.n, index % self.grid.w_x.n);
            let params = Params::from(Weights {
                w_x: self.grid.w_x.value(col),
                w_rec: self.grid.w_rec.value(row),
            });
            if self.grid.with_grad {
                let (loss, g) = self
                    .model
                    .loss_and_gradient(data, &params, self.grid.reduction);
                self.surface.push(loss, (g[0], g[1]));
            } else {
                let loss = self.kind.loss(data, &params, self.grid.reduction);
                self.surface.push(loss, (0.0, 0.0));
            }
        }
        self.next = end;
        self.is_complete()
    }

    pub fn is_complete(&self) -> bool {
        self.next == self.grid.w_x.n * self.grid.w_rec.n
    }

    /// Grid cells done so far.
    pub fn done(&self) -> usize {
        self.next
    }

    /// The surface, whole or as far as it got.
    pub fn finish(self) -> Surface {
        self.surface
    }
}

/// The loss over `grid` for `kind`: the linear cell's closed form, or every cell run.
pub fn compute_for(kind: CellKind, data: &Dataset, grid: Grid) -> Result<Surface, CoreError> {
    if kind == CellKind::Linear {
        return compute(data, grid);
    }
    let mut cells = CellSurface::new(kind, grid)?;
    cells.advance(data, usize::MAX);
    Ok(cells.finish())
}
