//! What the heat map marks as the answer of the chosen cell and task: the count's optimum
//! (1, 1) with the lines |w_rec| = 1, the exact curve of the latch's answers, or the cliff's
//! wall. Only what is exact is drawn; a cell and task without a known answer get none.

use super::View;
use crate::rnn::{CellKind, Task, Weights};

/// Points sampled along the vertical axis for a curve: enough that the steep parts of
/// w_x = 0.5 / w_rec^(n−1) move less than a twentieth of the view between two points.
const CURVE_SAMPLES: usize = 2000;

/// The answer a cell and task have in the map's plane.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The linear cell counting: w_x = w_rec = 1 (a star), with the lines |w_rec| = 1 and
    /// Roelants' six pairs.
    Optimum,
    /// Every point of these pieces has the loss 0 (the latch's answers).
    Curve(Vec<Vec<Weights>>),
    /// The cliff's wall: where the unit's start x₀ = 0.5 is its unstable fixed point, so
    /// a start either side ends at a different stable point (Pascanu et al. 2013, figure 6).
    Wall(Vec<Vec<Weights>>),
    /// No mark: the tanh cell cannot count above 1, so it has no exact answer to mark.
    None,
}

impl Answer {
    /// Its name in `#surface`'s `data-answer`.
    pub fn name(&self) -> &'static str {
        match self {
            Answer::Optimum => "optimum",
            Answer::Curve(_) => "curve",
            Answer::Wall(_) => "wall",
            Answer::None => "none",
        }
    }

    /// The pieces of line to draw, if any.
    pub fn lines(&self) -> &[Vec<Weights>] {
        match self {
            Answer::Curve(lines) | Answer::Wall(lines) => lines,
            Answer::Optimum | Answer::None => &[],
        }
    }
}

/// The answer of `model` on `task` with sequences of `len`, sampled across `view`.
pub fn answer(model: CellKind, task: Task, len: usize, view: &View) -> Answer {
    let steps = len.max(1) as i32;
    match (model, task) {
        (CellKind::Linear, Task::Count) => Answer::Optimum,
        // y = x₁·w_x·w_rec^(n−1) and t = 0.5·x₁: every w_x = 0.5 / w_rec^(n−1) is exact.
        (CellKind::Linear, Task::Latch) => {
            Answer::Curve(curve(view, |w_rec| Some(0.5 / w_rec.powi(steps - 1))))
        }
        // Backwards from s_n = 0.5: s_{k−1} = atanh(s_k) / w_rec, then w_x = atanh(s₁).
        // tanh is odd, so the same point answers x₁ = −1.
        (CellKind::Tanh, Task::Latch) => Answer::Curve(curve(view, |w_rec| {
            let mut s: f64 = 0.5;
            for _ in 1..steps {
                s = s.atanh() / w_rec;
                // |s| ≥ 1 (or NaN) is beyond tanh's reach: no w_x gets there.
                if s.is_nan() || s.abs() >= 1.0 {
                    return None;
                }
            }
            Some(s.atanh())
        })),
        (CellKind::Tanh, Task::Count) => Answer::None,
        (CellKind::Cliff, _) => Answer::Wall(wall(view)),
    }
}

/// The pieces of the curve `w_x = of(w_rec)` across the view, broken where it has no
/// value, crosses w_rec = 0 or runs far out of the view.
fn curve(view: &View, of: impl Fn(f64) -> Option<f64>) -> Vec<Vec<Weights>> {
    let span = view.x_max - view.x_min;
    let (far_left, far_right) = (view.x_min - span, view.x_max + span);
    let mut pieces = Vec::new();
    let mut piece: Vec<Weights> = Vec::new();
    for i in 0..=CURVE_SAMPLES {
        let w_rec = view.y_min + (view.y_max - view.y_min) * i as f64 / CURVE_SAMPLES as f64;
        let point = (w_rec != 0.0)
            .then(|| of(w_rec))
            .flatten()
            .filter(|w_x| (far_left..=far_right).contains(w_x))
            .map(|w_x| Weights { w_x, w_rec });
        let crossed = piece
            .last()
            .is_some_and(|last| last.w_rec.signum() != w_rec.signum());
        match point {
            Some(point) if !crossed => piece.push(point),
            _ => {
                if piece.len() > 1 {
                    pieces.push(std::mem::take(&mut piece));
                }
                piece.clear();
                piece.extend(point);
            }
        }
    }
    if piece.len() > 1 {
        pieces.push(piece);
    }
    pieces
}

/// The line b = 0.5 − σ(0.5)·w (b ≈ 0.5 − 0.6225·w), where x₀ = 0.5 is a fixed point
/// of x ↦ w·σ(x) + b: only where that fixed point is unstable, w·σ′(0.5) > 1
/// (w > 4.2554), is it a wall between two stable ends.
fn wall(view: &View) -> Vec<Vec<Weights>> {
    let sigma = 1.0 / (1.0 + (-0.5f64).exp());
    let from = (1.0 / (sigma * (1.0 - sigma))).max(view.x_min);
    if from >= view.x_max {
        return Vec::new();
    }
    let b = |w: f64| 0.5 - sigma * w;
    vec![vec![
        Weights {
            w_x: from,
            w_rec: b(from),
        },
        Weights {
            w_x: view.x_max,
            w_rec: b(view.x_max),
        },
    ]]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rnn::params::Params;

    fn output(model: CellKind, w: Weights, first: f64, len: usize) -> f64 {
        let mut sequence = vec![0.0; len];
        sequence[0] = first;
        model.output(&Params::from(w), &sequence)
    }

    /// Every point of the latch's curves outputs half the first input, both signs.
    #[test]
    fn the_latch_curves_answer_exactly() {
        for model in [CellKind::Linear, CellKind::Tanh] {
            for len in [1, 2, 10, 50] {
                let view = View::for_cell(model);
                let Answer::Curve(pieces) = answer(model, Task::Latch, len, &view) else {
                    panic!("{model:?} has a curve");
                };
                assert!(!pieces.is_empty(), "{model:?} len {len}");
                for w in pieces.iter().flatten() {
                    for first in [1.0, -1.0] {
                        let y = output(model, *w, first, len);
                        assert!((y - 0.5 * first).abs() < 1e-9, "{model:?} {w:?} {y}");
                    }
                }
            }
        }
    }

    /// Either side of the wall the unit ends far apart; on it, it stays at 0.5.
    #[test]
    fn the_cliff_wall_separates_two_ends() {
        let view = View::for_cell(CellKind::Cliff);
        let Answer::Wall(pieces) = answer(CellKind::Cliff, Task::Count, 50, &view) else {
            panic!("the cliff has a wall");
        };
        let line = &pieces[0];
        assert_eq!(line[0].w_x, view.x_min);
        for w in line {
            let end = |db: f64, steps: usize| {
                let (mut x, b) = (0.5f64, w.w_rec + db);
                for _ in 0..steps {
                    x = w.w_x / (1.0 + (-x).exp()) + b;
                }
                x
            };
            assert!((end(0.0, 30) - 0.5).abs() < 1e-3, "{w:?}");
            assert!(end(1e-3, 200) - end(-1e-3, 200) > 1.0, "{w:?}");
        }
        assert_eq!(
            answer(CellKind::Cliff, Task::Count, 50, &View::DEFAULT)
                .lines()
                .len(),
            0
        );
    }
}
