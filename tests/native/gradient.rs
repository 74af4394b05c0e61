//! The analytic BPTT gradient against central finite differences, and at fixed
//! points: the optimum (1, 1), w_x = 0 (where L = Σ t²) and a regression value
//! at (1.2, 1.2).

use proptest::prelude::*;
use rnn_playground::rnn::Named;
use rnn_playground::rnn::model::{self, Reduction, Weights};
use rnn_playground::rnn::{DataConfig, Dataset};

fn seed_data() -> Dataset {
    Dataset::generate(DataConfig::default()).unwrap().0
}

/// Random 0/1 data: 1..=8 samples of length 1..=30.
fn dataset() -> impl Strategy<Value = Dataset> {
    (1usize..=8, 1usize..=30).prop_flat_map(|(samples, len)| {
        prop::collection::vec(
            prop::collection::vec(prop::bool::ANY.prop_map(f64::from), len),
            samples,
        )
        .prop_map(|rows| Dataset::from_rows(&rows).unwrap())
    })
}

fn reduction() -> impl Strategy<Value = Reduction> {
    prop::sample::select(Reduction::all())
}

/// Five-point central difference along one weight: truncation error O(h⁴), so
/// h = 2e-4 keeps both it and the rounding noise (ε·L/h) near 1e-12·L.
/// Along w_rec the loss is a polynomial of degree 2n, whose higher derivatives
/// grow with n: h shrinks as 10/n past n = 10, or at n = 30 near the optimum's
/// valley the O(h⁴) term alone reaches 1e-6 of the gradient.
fn central_difference(data: &Dataset, w: Weights, red: Reduction, along_rec: bool) -> f64 {
    let value = if along_rec { w.w_rec } else { w.w_x };
    let per_length = if along_rec {
        (10.0 / data.len() as f64).min(1.0)
    } else {
        1.0
    };
    let h = 2e-4 * value.abs().max(1.0) * per_length;
    let at = |v: f64| {
        let moved = if along_rec {
            Weights { w_rec: v, ..w }
        } else {
            Weights { w_x: v, ..w }
        };
        model::loss(data, moved, red)
    };
    (8.0 * (at(value + h) - at(value - h)) - (at(value + 2.0 * h) - at(value - 2.0 * h)))
        / (12.0 * h)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    #[test]
    fn bptt_gradient_equals_finite_differences(
        data in dataset(),
        red in reduction(),
        w_x in -2.0f64..2.0,
        w_rec in -1.2f64..1.2,
    ) {
        let w = Weights { w_x, w_rec };
        let (loss, g) = model::loss_and_gradient(&data, w, red);
        prop_assert!((loss - model::loss(&data, w, red)).abs() <= 1e-12 * loss.max(1.0));
        // Relative 1e-6 to the gradient's size. Near a stationary point the
        // difference quotient only resolves ~1e-12·L, so below |g| = 1e-4·(1+L)
        // the error is measured against that floor instead.
        let floor = 1e-4 * (1.0 + loss);
        for (analytic, along_rec) in [(g.w_x, false), (g.w_rec, true)] {
            let numeric = central_difference(&data, w, red, along_rec);
            let err = (analytic - numeric).abs();
            prop_assert!(
                err <= 1e-6 * analytic.abs().max(floor),
                "along_rec={along_rec}: analytic {analytic}, numeric {numeric}, loss {loss}"
            );
        }
    }
}

#[test]
fn check_values_at_known_points() {
    let data = seed_data();
    let at = |w_x, w_rec| model::loss_and_gradient(&data, Weights { w_x, w_rec }, Reduction::Sum);

    let (loss, g) = at(1.0, 1.0);
    assert_eq!((loss, g.w_x, g.w_rec), (0.0, 0.0, 0.0));

    for w_rec in [-3.0, 0.0, 0.5, 2.0] {
        let (loss, g) = at(0.0, w_rec);
        assert_eq!((loss, g.w_rec), (567.0, 0.0));
    }

    let (loss, g) = at(1.2, 1.2);
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-13 * b.abs();
    assert!(close(loss, 2204.5607453234156), "{loss}");
    assert!(close(g.w_x, 5491.9085826643595), "{}", g.w_x);
    assert!(close(g.w_rec, 31864.856889583847), "{}", g.w_rec);
}

#[test]
fn mean_is_sum_over_samples() {
    let data = seed_data();
    let w = Weights {
        w_x: 0.3,
        w_rec: 1.1,
    };
    let (sum, gs) = model::loss_and_gradient(&data, w, Reduction::Sum);
    let (mean, gm) = model::loss_and_gradient(&data, w, Reduction::Mean);
    assert!((sum / 20.0 - mean).abs() <= 1e-12 * mean);
    assert!((gs.w_rec / 20.0 - gm.w_rec).abs() <= 1e-12 * gm.w_rec.abs());
}

#[test]
fn backward_signal_scales_as_w_rec_to_the_power_n_minus_k() {
    let data = seed_data();
    for w_rec in [0.5, 1.5] {
        let signal = model::backward_signal(&data, Weights { w_x: 0.2, w_rec }, Reduction::Sum);
        assert_eq!(signal.len(), 10);
        for k in 1..10 {
            let ratio = signal[k - 1] / signal[k];
            assert!((ratio - w_rec).abs() < 1e-12, "k={k}: {ratio}");
        }
    }
}

#[test]
fn overflow_is_a_value_not_a_panic() {
    let (data, _) = Dataset::generate(DataConfig {
        seed: 3,
        samples: 5,
        len: 200,
    })
    .unwrap();
    let (loss, g) = model::loss_and_gradient(
        &data,
        Weights {
            w_x: 10.0,
            w_rec: 50.0,
        },
        Reduction::Sum,
    );
    assert!(!loss.is_finite());
    assert!(!g.is_finite());
}
