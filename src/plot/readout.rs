//! Text read-outs of the plots (the heat map's hover line), free of NaN.
//!
//! The map's pointer reads a point to the digits its cells resolve; the start
//! a click sets is that point, so the click lands exactly where the hover said.

use super::View;
use crate::format;
use crate::rnn::Weights;

/// Decimals that tell one of `cells` cells across `span` from the next: three,
/// as every weight read-out, or more on a map zoomed in finer than that.
pub fn map_decimals(span: f64, cells: usize) -> usize {
    let step = span / cells.max(1) as f64;
    let cell = if step.is_finite() && step > 0.0 {
        (-step.log10()).ceil().max(0.0) as usize
    } else {
        0
    };
    cell.clamp(3, 15)
}

/// The map's reading of a pointer at `w`: each weight rounded to the decimals
/// its axis resolves. The hover line shows it, and a click starts there.
pub fn map_point(w: Weights, view: &View, cells: usize) -> Weights {
    let (dx, drec) = axis_decimals(view, cells);
    Weights {
        w_x: rounded(w.w_x, dx),
        w_rec: rounded(w.w_rec, drec),
    }
}

/// [`map_point`] as the hover line writes it: "w_x = 1.826, w_rec = 0.998".
pub fn map_point_text(w: Weights, view: &View, cells: usize) -> String {
    let (dx, drec) = axis_decimals(view, cells);
    format!(
        "w_x = {}, w_rec = {}",
        fixed(w.w_x, dx),
        fixed(w.w_rec, drec)
    )
}

fn axis_decimals(view: &View, cells: usize) -> (usize, usize) {
    (
        map_decimals(view.x_max - view.x_min, cells),
        map_decimals(view.y_max - view.y_min, cells),
    )
}

fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "—".into();
    }
    let text = format!("{x:.decimals$}");
    match text.strip_prefix('-') {
        Some(rest) if rest.chars().all(|c| c == '0' || c == '.') => rest.to_string(),
        _ => text,
    }
}

/// `x` as [`fixed`] writes it, read back: the number the reader sees.
fn rounded(x: f64, decimals: usize) -> f64 {
    format::read_number(&fixed(x, decimals)).unwrap_or(x)
}

/// "w_x = 1.000, w_rec = 0.998".
pub fn weights_text(w: Weights) -> String {
    format!(
        "w_x = {}, w_rec = {}",
        format::weight(w.w_x),
        format::weight(w.w_rec)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the zoom, the start a click sets reads back as the hover line's digits.
    #[test]
    fn a_click_starts_exactly_where_the_hover_line_reads() {
        let views = [
            View::square(-0.5, 1.5),
            View::square(-100.0, 100.0),
            View {
                x_min: 0.0,
                x_max: 3.0,
                y_min: 1.8,
                y_max: 1.800_01,
            },
        ];
        for view in views {
            for i in 0..200 {
                let t = f64::from(i) / 199.0;
                let w = Weights {
                    w_x: view.x_min + t * (view.x_max - view.x_min),
                    w_rec: view.y_max - t * (view.y_max - view.y_min) * 0.731,
                };
                let picked = map_point(w, &view, 256);
                let shown = map_point_text(w, &view, 256);
                assert_eq!(
                    shown,
                    format!(
                        "w_x = {}, w_rec = {}",
                        fixed(picked.w_x, map_decimals(view.x_max - view.x_min, 256)),
                        fixed(picked.w_rec, map_decimals(view.y_max - view.y_min, 256))
                    ),
                    "{view:?} at {w:?}"
                );
                let (x, rec) = shown
                    .strip_prefix("w_x = ")
                    .and_then(|s| s.split_once(", w_rec = "))
                    .unwrap();
                assert_eq!(x.parse::<f64>().unwrap(), picked.w_x);
                assert_eq!(rec.parse::<f64>().unwrap(), picked.w_rec);
            }
        }
        // The case a lecturer met: the pointer reads 1.826, and the click starts at 1.826.
        let view = View {
            x_min: 0.0,
            x_max: 3.0,
            y_min: 0.0,
            y_max: 3.0,
        };
        let w = Weights {
            w_x: 0.5,
            w_rec: 1.82632,
        };
        assert_eq!(map_point(w, &view, 256).w_rec, 1.826);
        // A map zoomed in finer than the read-outs' three decimals shows more of them.
        assert_eq!(map_decimals(0.01, 256), 5);
        assert_eq!(map_decimals(3.0, 256), 3);
        assert_eq!(map_decimals(f64::NAN, 256), 3);
    }

    #[test]
    fn weights_read_with_three_decimals_and_never_nan() {
        let w = Weights {
            w_x: -2.5,
            w_rec: -0.00012,
        };
        assert_eq!(weights_text(w), "w_x = -2.500, w_rec = 0.000");
        let w = Weights {
            w_x: f64::NAN,
            w_rec: 2.75,
        };
        assert_eq!(weights_text(w), "w_x = —, w_rec = 2.750");
    }
}
