//! The loss over a grid of (w_x, w_rec): the picture the app draws.
//!
//! For a fixed w_rec, `y_i = w_x·P_i(w_rec)` with `P_i(w) = Σ_k x_{i,k} w^(n-k)`,
//! so the loss is a quadratic in w_x (algorithms.md §1). Per row we compute the
//! P_i once (O(N·n)), then every cell in O(1): O(rows·N·n + rows·cols) in all.
//! The quadratic is written around its minimum, `A·(w_x - w*)² + L_min`, with
//! `L_min = Σ (t_i - w*·P_i)²` summed directly: both terms are ≥ 0, so nothing
//! cancels near the optimum. [`compute_naive`] runs the model per cell and is
//! the test oracle.

use serde::{Deserialize, Serialize};

use super::data::Dataset;
use super::error::{CoreError, InvalidReason, check_range};
use super::model::{Bptt, Reduction, Weights};

/// Most points along one axis.
pub const MAX_POINTS: usize = 4096;

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
        check_range(name, self.n as f64, 1.0, MAX_POINTS as f64)?;
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

    fn empty(w_x: &Axis, w_rec: &Axis, with_grad: bool) -> Surface {
        let cells = w_x.n * w_rec.n;
        Surface {
            w_x: w_x.values(),
            w_rec: w_rec.values(),
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

fn validate(w_x: &Axis, w_rec: &Axis) -> Result<(), CoreError> {
    w_x.validate("wx")?;
    w_rec.validate("wrec")
}

fn scale(reduction: Reduction, samples: usize) -> f64 {
    match reduction {
        Reduction::Sum => 1.0,
        Reduction::Mean => 1.0 / samples as f64,
    }
}

/// The fast evaluator (see the module docs).
pub fn compute(
    data: &Dataset,
    reduction: Reduction,
    w_x: Axis,
    w_rec: Axis,
    with_grad: bool,
) -> Result<Surface, CoreError> {
    validate(&w_x, &w_rec)?;
    let (samples, len) = (data.samples(), data.len());
    let scale = scale(reduction, samples);
    let mut surface = Surface::empty(&w_x, &w_rec, with_grad);
    let (mut p, mut dp) = (vec![0.0; samples], vec![0.0; samples]);
    let mut bptt = Bptt::default();
    let (cols, rows) = (w_x.values(), w_rec.values());
    for &w in &rows {
        // P_i(w) and P_i'(w) by Horner's rule.
        p.fill(0.0);
        dp.fill(0.0);
        // Across samples per step (time-major data): no dependency chain.
        for k in 0..len {
            let column = data.step(k);
            for i in 0..samples {
                dp[i] = dp[i] * w + p[i];
                p[i] = p[i] * w + column[i];
            }
        }
        let a: f64 = p.iter().map(|v| v * v).sum();
        let b: f64 = p.iter().zip(&data.targets).map(|(v, t)| v * t).sum();
        if !a.is_finite() || !b.is_finite() || dp.iter().any(|v| !v.is_finite()) {
            // Overflow in P: fall back to the model per cell for this row only.
            for &wx in &cols {
                let (loss, g) = naive_cell(&mut bptt, data, reduction, wx, w, with_grad);
                surface.push(loss, g);
            }
            continue;
        }
        let w_star = if a > 0.0 { b / a } else { 0.0 };
        let residual = |i: usize| data.targets[i] - w_star * p[i];
        let loss_min: f64 = (0..samples).map(|i| residual(i) * residual(i)).sum();
        let (a_prime, residual_prime) = if with_grad {
            let a_prime: f64 = p.iter().zip(&dp).map(|(v, d)| v * d).sum();
            let residual_prime: f64 = (0..samples).map(|i| dp[i] * residual(i)).sum();
            (a_prime, residual_prime)
        } else {
            (0.0, 0.0)
        };
        for &wx in &cols {
            let d = wx - w_star;
            let loss = scale * (a * d * d + loss_min);
            // dL/dw_x = 2A(w_x - w*); dL/dw_rec = 2w_x Σ P_i'(w_x P_i - t_i).
            let grad = (
                scale * 2.0 * a * d,
                scale * 2.0 * wx * (d * a_prime - residual_prime),
            );
            surface.push(loss, grad);
        }
    }
    Ok(surface)
}

fn naive_cell(
    bptt: &mut Bptt,
    data: &Dataset,
    reduction: Reduction,
    w_x: f64,
    w_rec: f64,
    with_grad: bool,
) -> (f64, (f64, f64)) {
    let w = Weights { w_x, w_rec };
    if with_grad {
        let (loss, g) = bptt.loss_and_gradient(data, w, reduction);
        (loss, (g.w_x, g.w_rec))
    } else {
        (super::model::loss(data, w, reduction), (0.0, 0.0))
    }
}

/// The same grid by running the model in every cell: O(rows·cols·N·n).
pub fn compute_naive(
    data: &Dataset,
    reduction: Reduction,
    w_x: Axis,
    w_rec: Axis,
    with_grad: bool,
) -> Result<Surface, CoreError> {
    validate(&w_x, &w_rec)?;
    let mut surface = Surface::empty(&w_x, &w_rec, with_grad);
    let mut bptt = Bptt::default();
    for w in w_rec.values() {
        for wx in w_x.values() {
            let (loss, g) = naive_cell(&mut bptt, data, reduction, wx, w, with_grad);
            surface.push(loss, g);
        }
    }
    Ok(surface)
}
