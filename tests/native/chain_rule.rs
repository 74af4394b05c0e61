//! The step-through's chain rule against the core: every product it shows
//! (`s_k = x_k·w_x + s_{k−1}·w_rec`, `dL/ds_k = dL/ds_{k+1} × w_rec`,
//! `dL/ds_n = 2·(y − t)`, the terms `dL/ds_k·x_k` and `dL/ds_k·s_{k−1}`) has
//! factors that multiply to its value in the pass, and the numbers as the
//! page writes them (4 significant digits) still multiply and add up to
//! the written result within those digits.

use proptest::prelude::*;
use rnn_playground::format::{compact, read_number};
use rnn_playground::rnn::model::{Reduction, Weights};
use rnn_playground::rnn::trace::{Pass, Product, SignalSource};
use rnn_playground::rnn::{DataConfig, Dataset, Named};
use rnn_playground::text::inside::{DIGITS, forward_formula, later_formula, sub};

/// A number as the inside view writes it, read back.
fn written(v: f64) -> f64 {
    read_number(&compact(v, DIGITS)).expect("a finite number reads back")
}

/// The relative error 4 significant digits allow for one written number.
const HALF_UNIT: f64 = 5e-4;

/// `factors`, as written, multiply to `value`, as written, within the rounding of each.
fn written_product_holds(factors: &[f64], value: f64) -> Result<(), String> {
    let product: f64 = factors.iter().map(|&f| written(f)).product();
    let allowed =
        (factors.len() as f64 + 1.0) * HALF_UNIT * product.abs().max(written(value).abs());
    if (product - written(value)).abs() <= allowed {
        Ok(())
    } else {
        Err(format!(
            "{factors:?} written multiply to {product}, the page writes {}",
            compact(value, DIGITS)
        ))
    }
}

/// The pass multiplied exactly these factors, in this order.
fn exact_product(p: &Product) -> bool {
    let again = p.factors.iter().copied().reduce(|a, b| a * b).unwrap();
    again.to_bits() == p.value.to_bits()
}

fn pass_inputs() -> impl Strategy<Value = (DataConfig, Reduction, Weights)> {
    (
        (0u32..1000, 1usize..=12, 1usize..=50).prop_map(|(seed, samples, len)| DataConfig {
            seed,
            samples,
            len,
        }),
        prop::sample::select(Reduction::all()),
        (-2.0f64..2.0, -1.6f64..1.6).prop_map(|(w_x, w_rec)| Weights { w_x, w_rec }),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_shown_product_is_the_passs_and_holds_as_written((data, reduction, w) in pass_inputs()) {
        let (dataset, _) = Dataset::generate(data).unwrap();
        let pass = Pass::at(&dataset, w, reduction);
        for i in 0..pass.samples {
            for k in 1..=pass.len {
                let f = pass.forward_step(i, k).unwrap();
                prop_assert_eq!(f.state.to_bits(), pass.state(i, k).to_bits());
                prop_assert_eq!(f.input.factors.clone(), vec![pass.input(i, k), w.w_x]);
                prop_assert_eq!(f.carried.factors.clone(), vec![pass.state(i, k - 1), w.w_rec]);
                prop_assert!(exact_product(&f.input) && exact_product(&f.carried));
                prop_assert_eq!(f.state.to_bits(), (f.input.value + f.carried.value).to_bits());
                // As written: x × w_x + s × w_rec = s_k, within the digits of each term.
                let sum = written(f.input.factors[0]) * written(f.input.factors[1])
                    + written(f.carried.factors[0]) * written(f.carried.factors[1]);
                let size = f.input.value.abs() + f.carried.value.abs();
                prop_assert!((sum - written(f.state)).abs() <= 4.0 * HALF_UNIT * size + 1e-300,
                    "forward {k} of {i}: {sum} against {}", compact(f.state, DIGITS));

                let b = pass.backward_step(i, k).unwrap();
                prop_assert_eq!(b.signal.value.to_bits(), pass.signal(i, k).to_bits());
                prop_assert!(exact_product(&b.signal));
                match b.source {
                    SignalSource::Output => {
                        prop_assert_eq!(k, pass.len);
                        prop_assert_eq!(b.signal.factors[1].to_bits(), pass.errors[i].to_bits());
                    }
                    SignalSource::Later => {
                        prop_assert_eq!(b.signal.factors[0].to_bits(), pass.signal(i, k + 1).to_bits());
                        prop_assert_eq!(b.signal.factors[1].to_bits(), w.w_rec.to_bits());
                    }
                }
                prop_assert_eq!(b.term_x.factors.clone(), vec![pass.signal(i, k), pass.input(i, k)]);
                prop_assert_eq!(b.term_rec.factors.clone(), vec![pass.signal(i, k), pass.state(i, k - 1)]);
                prop_assert!(exact_product(&b.term_x) && exact_product(&b.term_rec));
                for p in [&b.signal, &b.term_x, &b.term_rec] {
                    if p.value.is_finite() && p.value.abs() > 1e-290 {
                        written_product_holds(&p.factors, p.value).map_err(TestCaseError::fail)?;
                    }
                }
                // The sums so far: before + this step's terms of every sequence = after.
                let step = pass.steps[k - 1];
                prop_assert_eq!((b.step.w_x.to_bits(), b.step.w_rec.to_bits()), (step.w_x.to_bits(), step.w_rec.to_bits()));
                prop_assert_eq!(b.after, step.running);
                prop_assert_eq!((b.before.w_x + b.step.w_x).to_bits(), b.after.w_x.to_bits());
                prop_assert_eq!((b.before.w_rec + b.step.w_rec).to_bits(), b.after.w_rec.to_bits());
            }
        }
        prop_assert!(pass.forward_step(pass.samples, 1).is_none());
        prop_assert!(pass.backward_step(0, pass.len + 1).is_none());
        prop_assert!(pass.backward_step(0, 0).is_none());
    }
}

#[test]
fn the_issues_example_reads_as_a_chain() {
    assert_eq!(
        later_formula(9, "-3.82", "0.01133", "-0.04328"),
        "dL/ds₉ = dL/ds₁₀ × w_rec = -3.82 × 0.01133 = -0.04328"
    );
    assert_eq!(
        forward_formula(3, "1", "-1.5", "-3.1", "0.5", "-3.05"),
        "s₃ = x₃·w_x + s₂·w_rec = 1 × (-1.5) + (-3.1) × 0.5 = -3.05"
    );
    assert_eq!(sub(10), "₁₀");
}

/// The step-through of the default epoch (n = 10) at backward step 9: the
/// signal is the later one times w_rec, and the mean loss's dL/ds_n carries 1/N.
#[test]
fn the_output_signal_carries_the_losss_scale() {
    let (dataset, _) = Dataset::generate(DataConfig {
        seed: 1,
        samples: 20,
        len: 10,
    })
    .unwrap();
    let w = Weights {
        w_x: 1.2,
        w_rec: 0.9,
    };
    let sum = Pass::at(&dataset, w, Reduction::Sum);
    let mean = Pass::at(&dataset, w, Reduction::Mean);
    let (s, m) = (
        sum.backward_step(3, 10).unwrap(),
        mean.backward_step(3, 10).unwrap(),
    );
    assert_eq!(s.signal.factors.len(), 2, "no 1/N under the summed loss");
    assert_eq!(m.signal.factors[2], 1.0 / 20.0);
    assert_eq!(s.source, SignalSource::Output);
    let later = sum.backward_step(3, 9).unwrap();
    assert_eq!(later.source, SignalSource::Later);
    assert_eq!(later.signal.factors, vec![sum.signal(3, 10), 0.9]);
}
