//! The trace of one epoch against training itself: the backward signal's
//! factor w_rec per step back, the step contributions against
//! `loss_and_gradient`, and the final weights against `Trainer::step`, bit
//! for bit, for every update rule with and without clipping; and the pass
//! against the model's closed form, computed here without the recursion.

use proptest::prelude::*;
use rnn_playground::rnn::model::{self, Reduction, Weights};
use rnn_playground::rnn::trace::{Pass, Quantity, forward_states};
use rnn_playground::rnn::{
    CellKind, DataConfig, Dataset, Named, OptimizerKind, OptimizerSettings, Trainer, TrainerConfig,
};

fn config(
    data: DataConfig,
    reduction: Reduction,
    optimizer: OptimizerSettings,
    init: Weights,
) -> TrainerConfig {
    TrainerConfig {
        data,
        reduction,
        init: Some(init),
        ..TrainerConfig::seed(optimizer)
    }
}

fn data_config() -> impl Strategy<Value = DataConfig> {
    (0u32..1000, 1usize..=12, 1usize..=50).prop_map(|(seed, samples, len)| DataConfig {
        seed,
        samples,
        len,
    })
}

fn settings() -> impl Strategy<Value = OptimizerSettings> {
    (
        prop::sample::select(OptimizerKind::all()),
        prop::option::of(1e-3f64..100.0),
    )
        .prop_map(|(kind, clip)| OptimizerSettings::defaults(kind).with_clip(clip))
}

fn weights() -> impl Strategy<Value = Weights> {
    (-2.0f64..2.0, -1.6f64..1.6).prop_map(|(w_x, w_rec)| Weights { w_x, w_rec })
}

/// What one pass takes: the data's settings, the loss's reduction and the weights.
fn pass_inputs() -> impl Strategy<Value = (DataConfig, Reduction, Weights)> {
    (
        data_config(),
        prop::sample::select(Reduction::all()),
        weights(),
    )
}

/// The data `config` generates, and the pass over it at `w`.
fn pass_over(config: DataConfig, reduction: Reduction, w: Weights) -> (Dataset, Pass) {
    let (dataset, _) = Dataset::generate(config).unwrap();
    let pass = Pass::at(&dataset, w, reduction);
    (dataset, pass)
}

fn bits(w: Weights) -> (u64, u64) {
    (w.w_x.to_bits(), w.w_rec.to_bits())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// dL/ds_{k-1} = w_rec · dL/ds_k: exactly per sequence, and to 1e-12 of
    /// the summed magnitudes for the batch (the sum of products rounds).
    #[test]
    fn the_signal_shrinks_or_grows_by_w_rec_per_step_back((data, reduction, w) in pass_inputs()) {
        let (_, pass) = pass_over(data, reduction, w);
        for k in 2..=pass.len {
            for i in 0..pass.samples {
                let (later, earlier) = (pass.signal(i, k), pass.signal(i, k - 1));
                if later.is_finite() && earlier.is_finite() {
                    prop_assert_eq!(earlier.to_bits(), (w.w_rec * later).to_bits());
                }
            }
            let (later, earlier) = (pass.batch_signal[k - 1], pass.batch_signal[k - 2]);
            let size: f64 = (0..pass.samples).map(|i| pass.signal(i, k - 1).abs()).sum();
            if later.is_finite() && earlier.is_finite() && size.is_finite() {
                prop_assert!((earlier - w.w_rec * later).abs() <= 1e-12 * size);
            }
        }
    }

    /// The step contributions sum, in BPTT's order n..=1, to exactly the
    /// gradient of `loss_and_gradient`; the loss is the same too.
    #[test]
    fn step_contributions_sum_to_the_gradient((data, reduction, w) in pass_inputs()) {
        let (dataset, pass) = pass_over(data, reduction, w);
        let (loss, gradient) = model::loss_and_gradient(&dataset, w, reduction);
        prop_assert_eq!(pass.loss.to_bits(), loss.to_bits());
        // Both come from the same forward pass, so the loss is also checked against
        // `model::loss`, written separately (one sequence at a time), bit for bit.
        prop_assert_eq!(pass.loss.to_bits(), model::loss(&dataset, w, reduction).to_bits());
        let (mut dx, mut drec) = (0.0f64, 0.0f64);
        for step in pass.steps.iter().rev() {
            dx += step.w_x;
            drec += step.w_rec;
            prop_assert_eq!(step.running.w_x.to_bits(), dx.to_bits());
            prop_assert_eq!(step.running.w_rec.to_bits(), drec.to_bits());
        }
        prop_assert_eq!(dx.to_bits(), gradient.w_x.to_bits());
        prop_assert_eq!(drec.to_bits(), gradient.w_rec.to_bits());
        prop_assert_eq!(bits(Weights { w_x: pass.gradient.w_x, w_rec: pass.gradient.w_rec }),
            bits(Weights { w_x: gradient.w_x, w_rec: gradient.w_rec }));
        for i in 0..pass.samples {
            let states = forward_states(CellKind::Linear, dataset.row(i), w);
            prop_assert_eq!(&states, &pass.states_of(i));
            let error = model::output(dataset.row(i), w) - dataset.targets[i];
            prop_assert_eq!(pass.errors[i].to_bits(), error.to_bits());
        }
    }

    /// The pass against the model written out in closed form, with powers of
    /// w_rec instead of the recursion: y = Σ_k x_k·w_x·w_rec^(n−k) (Roelants'
    /// unrolled network), the loss of those outputs, and the derivatives of that
    /// sum. Equal to rounding: 1e-9 of the sums of the terms' magnitudes.
    #[test]
    fn the_pass_equals_the_closed_form_of_the_model((data, reduction, w) in pass_inputs()) {
        let (dataset, pass) = pass_over(data, reduction, w);
        let closed = ClosedForm::of(&dataset, w, reduction);
        let near = |got: f64, want: f64, size: f64| (got - want).abs() <= 1e-9 * size;
        for i in 0..pass.samples {
            prop_assert!(near(pass.output(i), closed.outputs[i], closed.output_sizes[i]),
                "y of sequence {}: {} against {}", i, pass.output(i), closed.outputs[i]);
        }
        prop_assert!(near(pass.loss, closed.loss, closed.loss_size),
            "loss {} against {}", pass.loss, closed.loss);
        prop_assert!(near(pass.gradient.w_x, closed.gradient[0], closed.gradient_sizes[0]),
            "dL/dw_x {} against {}", pass.gradient.w_x, closed.gradient[0]);
        prop_assert!(near(pass.gradient.w_rec, closed.gradient[1], closed.gradient_sizes[1]),
            "dL/dw_rec {} against {}", pass.gradient.w_rec, closed.gradient[1]);
    }

    /// Tracing each epoch before stepping: the trace ends in the weights
    /// `Trainer::step` gives, bit for bit, and its state "after" is the
    /// optimizer's state after the step.
    #[test]
    fn the_trace_ends_in_the_weights_of_a_training_step(
        data in data_config(),
        reduction in prop::sample::select(Reduction::all()),
        optimizer in settings(),
        init in weights(),
    ) {
        let mut trainer = Trainer::new(config(data, reduction, optimizer, init)).unwrap();
        for _ in 0..6 {
            let trace = trainer.trace();
            let before = *trainer.optimizer().state();
            let stepped = trainer.step().is_some();
            prop_assert_eq!(trace.update.is_some(), stepped);
            prop_assert_eq!(bits(trace.next_weights()), bits(trainer.weights()));
            if let Some(update) = &trace.update {
                let after = trainer.optimizer().state();
                for change in &update.state {
                    prop_assert_eq!(Some(change.before), change.quantity.in_state(&before));
                    let now = change.quantity.in_state(after).unwrap();
                    prop_assert_eq!(bits_pair(change.after), bits_pair(now));
                }
            }
            if !stepped {
                break;
            }
        }
    }
}

/// The model without recursion: each output as the sum of its inputs' terms,
/// `y = Σ_k x_k·w_x·w_rec^(n−k)`, the loss `scale·Σ_i (y_i − t_i)²`, and the
/// gradient `scale·Σ_i 2(y_i − t_i)·∂y_i/∂w`. Each value comes with the sum of
/// its terms' magnitudes, the size its rounding error scales with.
struct ClosedForm {
    outputs: Vec<f64>,
    output_sizes: Vec<f64>,
    loss: f64,
    loss_size: f64,
    gradient: [f64; 2],
    gradient_sizes: [f64; 2],
}

impl ClosedForm {
    fn of(data: &Dataset, w: Weights, reduction: Reduction) -> ClosedForm {
        let scale = match reduction {
            Reduction::Sum => 1.0,
            Reduction::Mean => 1.0 / data.samples() as f64,
        };
        let n = data.len();
        let mut closed = ClosedForm {
            outputs: Vec::new(),
            output_sizes: Vec::new(),
            loss: 0.0,
            loss_size: 0.0,
            gradient: [0.0; 2],
            gradient_sizes: [0.0; 2],
        };
        for (i, row) in (0..data.samples()).map(|i| (i, data.row(i))) {
            let (mut y, mut y_size) = (0.0, 0.0);
            // ∂y/∂w_x = Σ_k x_k·w_rec^(n−k); ∂y/∂w_rec = Σ_k x_k·w_x·(n−k)·w_rec^(n−k−1).
            let (mut dy_dx, mut dx_size, mut dy_drec, mut drec_size) = (0.0, 0.0, 0.0, 0.0);
            for (k, &x) in (1..=n).zip(row) {
                let power = w.w_rec.powi((n - k) as i32);
                let term = x * w.w_x * power;
                y += term;
                y_size += term.abs();
                dy_dx += x * power;
                dx_size += (x * power).abs();
                if k < n {
                    let d = x * w.w_x * (n - k) as f64 * w.w_rec.powi((n - k - 1) as i32);
                    dy_drec += d;
                    drec_size += d.abs();
                }
            }
            let target = data.targets[i];
            let error = y - target;
            let error_size = y_size + target.abs();
            closed.outputs.push(y);
            closed.output_sizes.push(y_size);
            closed.loss += scale * error * error;
            closed.loss_size += scale * error_size * error_size;
            closed.gradient[0] += scale * 2.0 * error * dy_dx;
            closed.gradient[1] += scale * 2.0 * error * dy_drec;
            closed.gradient_sizes[0] += scale * 2.0 * error_size * dx_size;
            closed.gradient_sizes[1] += scale * 2.0 * error_size * drec_size;
        }
        closed
    }
}

fn bits_pair(pair: [f64; 2]) -> [u64; 2] {
    pair.map(f64::to_bits)
}

#[test]
fn every_rule_names_its_quantities_and_they_rebuild_the_update() {
    for kind in OptimizerKind::all() {
        let mut trainer =
            Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(kind))).unwrap();
        trainer.run(3);
        let trace = trainer.trace();
        let update = trace.update.as_ref().unwrap();
        let change = update
            .get(Quantity::Change)
            .expect("every rule reports its change");
        // w_new = w + change, exactly as the rule adds it.
        assert_eq!(update.before.w_x + change[0], update.after.w_x, "{kind:?}");
        assert_eq!(
            update.before.w_rec + change[1],
            update.after.w_rec,
            "{kind:?}"
        );
        let expected: &[Quantity] = match kind {
            OptimizerKind::Gd => &[],
            OptimizerKind::Momentum => &[Quantity::Velocity],
            OptimizerKind::Rmsprop => &[Quantity::MeanSquare, Quantity::Denominator],
            OptimizerKind::RmspropSeed => &[
                Quantity::RootNorm,
                Quantity::RescaleFactor,
                Quantity::RescaledGradient,
                Quantity::MeanSquare,
                Quantity::Mean,
                Quantity::Rms,
                Quantity::Memory,
            ],
            OptimizerKind::Rprop => &[Quantity::Sign, Quantity::Factor, Quantity::Step],
            OptimizerKind::Adam => &[
                Quantity::FirstMoment,
                Quantity::SecondMoment,
                Quantity::BiasCorrection1,
                Quantity::BiasCorrection2,
                Quantity::MHat,
                Quantity::VHat,
            ],
        };
        for quantity in expected {
            let value = update.get(*quantity);
            assert!(
                value.is_some_and(|v| v.iter().all(|x| x.is_finite())),
                "{kind:?} {quantity:?}"
            );
        }
        assert_eq!(
            update.state.len(),
            Quantity::state_of(kind).len(),
            "{kind:?}"
        );
    }
}

#[test]
fn adam_bias_corrections_and_moments_are_the_papers() {
    // Kingma & Ba 2015, Algorithm 1: m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t).
    let mut trainer = Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::Adam,
    )))
    .unwrap();
    trainer.run(4);
    let update = trainer.trace().update.unwrap();
    let [c1, c2] =
        [Quantity::BiasCorrection1, Quantity::BiasCorrection2].map(|q| update.get(q).unwrap()[0]);
    assert!((c1 - (1.0 - 0.9f64.powi(5))).abs() < 1e-15, "{c1}");
    assert!((c2 - (1.0 - 0.999f64.powi(5))).abs() < 1e-15, "{c2}");
    let m = update.get(Quantity::FirstMoment).unwrap();
    let m_hat = update.get(Quantity::MHat).unwrap();
    assert_eq!(m_hat[1], m[1] / c1);
}

#[test]
fn clipping_reports_the_norm_before_and_after() {
    let start = Weights {
        w_x: 1.0,
        w_rec: 2.0,
    };
    let clipped = OptimizerSettings::defaults(OptimizerKind::Gd).with_clip(Some(1000.0));
    let trainer = Trainer::new(config(
        DataConfig::default(),
        Reduction::Sum,
        clipped,
        start,
    ))
    .unwrap();
    let trace = trainer.trace();
    let clip = trace.update.unwrap().clip;
    assert_eq!(clip.limit, Some(1000.0));
    assert_eq!(clip.norm_before, trace.pass.gradient.norm());
    assert!(
        clip.norm_before > 1e7,
        "the exploding start: {}",
        clip.norm_before
    );
    assert!((clip.norm_after - 1000.0).abs() < 1e-9);
    let unclipped = OptimizerSettings::defaults(OptimizerKind::Gd);
    let trainer = Trainer::new(config(
        DataConfig::default(),
        Reduction::Sum,
        unclipped,
        start,
    ))
    .unwrap();
    let clip = trainer.trace().update.unwrap().clip;
    assert_eq!(clip.limit, None);
    assert_eq!(clip.norm_before, clip.norm_after);
}

#[test]
fn a_trace_at_overflowing_weights_reports_inf_and_nan_without_panicking() {
    let data = DataConfig {
        seed: 3,
        samples: 50,
        len: 200,
    };
    for w_rec in [1e3, -1e3, 1e200, f64::MAX] {
        let start = Weights { w_x: 1.0, w_rec };
        for kind in OptimizerKind::all() {
            let settings = OptimizerSettings::defaults(kind);
            let trainer = Trainer::new(config(data, Reduction::Mean, settings, start)).unwrap();
            let trace = trainer.trace();
            assert!(!trace.pass.loss.is_finite());
            assert!(trace.divergence.is_some());
            assert!(trace.update.is_none());
            assert_eq!(trace.next_weights(), start);
            assert!(trace.pass.batch_signal.iter().any(|g| !g.is_finite()));
        }
    }
}

#[test]
fn the_phases_run_forward_loss_backward_clip_update_weights_and_index_back() {
    use rnn_playground::rnn::trace::Phase;
    for len in [1, 2, 10, 200] {
        for clipping in [false, true] {
            let count = Phase::count(len, clipping);
            let phases: Vec<Phase> = (0..count)
                .map(|i| Phase::at(i, len, clipping).unwrap())
                .collect();
            assert_eq!(Phase::at(count, len, clipping), None);
            let mut expected: Vec<Phase> = (1..=len).map(Phase::Forward).collect();
            expected.push(Phase::Loss);
            expected.extend((1..=len).rev().map(Phase::Backward));
            if clipping {
                expected.push(Phase::Clip);
            }
            expected.extend([Phase::Update, Phase::Weights]);
            assert_eq!(phases, expected);
            for (i, phase) in phases.iter().enumerate() {
                assert_eq!(phase.index(len, clipping), i);
            }
        }
    }
}
