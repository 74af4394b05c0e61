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

/// "w_x = 1.000, w_rec = 0.998, loss = 0.006800"; `loss` is `None` for an
/// overflowed cell, shown as "overflow".
pub fn hover_text(w: Weights, loss: Option<f64>) -> String {
    format!(
        "{}, loss = {}",
        weights_text(w),
        loss.map_or_else(|| "overflow".to_string(), format::loss)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hover_names_the_weights_and_loss() {
        let w = Weights {
            w_x: 1.0,
            w_rec: -0.00012,
        };
        assert_eq!(
            hover_text(w, Some(0.0068)),
            "w_x = 1.000, w_rec = 0.000, loss = 0.006800"
        );
        let w = Weights {
            w_x: -2.5,
            w_rec: 2.75,
        };
        assert_eq!(
            hover_text(w, None),
            "w_x = -2.500, w_rec = 2.750, loss = overflow"
        );
        assert_eq!(format::weight(f64::NAN), "—");
    }
}
