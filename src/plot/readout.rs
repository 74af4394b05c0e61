//! Text read-outs of the plots (the heat map's hover line), free of NaN.

use crate::format;
use crate::rnn::Weights;

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
