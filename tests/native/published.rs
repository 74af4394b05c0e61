//! The published numbers: the seed's data, init and loss tables (its 2016 blog
//! post, in Theano) and the Rprop run of Roelants' numpy tutorial.

use rnn_playground::rnn::Hyper;
use rnn_playground::rnn::model::{self, Reduction, Weights};
use rnn_playground::rnn::{
    DataConfig, Dataset, OptimizerKind, OptimizerSettings, Status, Trainer, TrainerConfig,
};

/// Trains `epochs` epochs and returns the loss of each: index e − 1 is the
/// seed's line `epoch[e]`, the loss before its e-th update (our epoch e − 1).
fn losses(trainer: &mut Trainer, epochs: u64) -> Vec<f64> {
    (0..epochs)
        .map(|_| trainer.step().expect("training stopped early").loss)
        .collect()
}

fn seed_trainer(kind: OptimizerKind) -> Trainer {
    Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(kind))).unwrap()
}

#[test]
fn seed_dataset_and_init_bit_for_bit() {
    let (data, init) = Dataset::generate(DataConfig::default()).unwrap();
    let targets: Vec<f64> = [2, 4, 6, 6, 4, 4, 6, 5, 7, 5, 7, 6, 4, 7, 3, 6, 4, 5, 6, 6]
        .iter()
        .map(|&t| t as f64)
        .collect();
    assert_eq!(data.targets, targets);
    assert_eq!(data.row(0), &[0., 1., 0., 0., 0., 0., 0., 0., 0., 1.]);
    assert_eq!(data.row(19), &[0., 0., 1., 1., 1., 1., 0., 0., 1., 1.]);
    assert_eq!(init.w_x.to_bits(), 0.09003522384941595f64.to_bits());
    assert_eq!(init.w_rec.to_bits(), 0.011330637639031277f64.to_bits());
    let loss = model::loss(&data, init, Reduction::Sum);
    assert!(
        (loss - 553.1118268163583).abs() <= 1e-12 * 553.0,
        "loss at init {loss}"
    );
}

#[test]
fn gradient_descent_reproduces_the_seed_table() {
    let published = [
        529.6915, 504.5684, 475.3019, 435.9507, 362.6525, 0.2677, 0.1585, 0.1484, 0.1389, 0.1300,
        0.1216, 0.1138, 0.1064, 0.0995, 0.0930, 0.0870, 0.0813, 0.0760, 0.0710, 0.0663,
    ];
    let mut trainer = seed_trainer(OptimizerKind::Gd);
    let losses = losses(&mut trainer, 2001);
    let mut agree_to_4_decimals = 0;
    for (j, &expected) in published.iter().enumerate() {
        let ours = losses[(j + 1) * 100 - 1];
        // The seed printed 4 decimals: its true value lies within ±5e-5 of what it shows.
        let beyond_print_rounding = ((ours - expected).abs() - 5e-5).max(0.0);
        assert!(
            beyond_print_rounding <= 2e-4 * expected,
            "epoch {}: {ours} vs {expected}",
            (j + 1) * 100
        );
        if format!("{ours:.4}") == format!("{expected:.4}") {
            agree_to_4_decimals += 1;
        }
    }
    assert!(
        agree_to_4_decimals >= 18,
        "only {agree_to_4_decimals} of 20 agree to 4 decimals"
    );
    let w = trainer.weights();
    assert_eq!(
        (format!("{:.4}", w.w_x), format!("{:.4}", w.w_rec)),
        ("1.0597".into(), "0.9863".into())
    );
}

#[test]
fn seed_rmsprop_reproduces_the_seed_table_and_ends_in_a_two_cycle() {
    let mut trainer = seed_trainer(OptimizerKind::RmspropSeed);
    let losses = losses(&mut trainer, 2001);
    assert!(
        (losses[99] - 5.7880).abs() <= 1e-3 * 5.7880,
        "epoch 100: {}",
        losses[99]
    );
    assert!(losses[299] < 0.02, "epoch 300: {}", losses[299]);
    // From epoch 600 on, the loss alternates between the two cycle points.
    let (high, low) = (0.006828, 0.006722);
    for e in 600..=2001 {
        let (ours, other) = (losses[e - 1], losses[e - 2]);
        let near = |a: f64, b: f64| (a - b).abs() <= 2e-6;
        assert!(near(ours, high) || near(ours, low), "epoch {e}: {ours}");
        assert!(
            near(ours, high) != near(other, high),
            "epoch {e} does not alternate"
        );
    }
    let w = trainer.weights();
    let a = Weights {
        w_x: 0.99946755,
        w_rec: 0.99929565,
    };
    let b = Weights {
        w_x: 1.00080276,
        w_rec: 1.00063086,
    };
    let at = |p: Weights| (w.w_x - p.w_x).abs() < 1e-6 && (w.w_rec - p.w_rec).abs() < 1e-6;
    assert!(at(a) || at(b), "final weights {w:?} are not a cycle point");
    eprintln!(
        "rmsprop-seed final weights: {w:?} (A: {}, B: {})",
        at(a),
        at(b)
    );
}

#[test]
fn rprop_reproduces_roelants_run() {
    let config = TrainerConfig {
        reduction: Reduction::Mean,
        init: Some(Weights {
            w_x: -1.5,
            w_rec: 2.0,
        }),
        ..TrainerConfig::seed(OptimizerSettings::defaults(OptimizerKind::Rprop))
    };
    let mut trainer = Trainer::new(config).unwrap();
    // Roelants' Rprop has no step bounds; the defaults of Riedmiller & Braun
    // ([1e-6, 50]) must never bind on his run, or the numbers would differ.
    let (low, high) = (
        Hyper::DeltaMin.default_for(OptimizerKind::Rprop),
        Hyper::DeltaMax.default_for(OptimizerKind::Rprop),
    );
    for _ in 0..500 {
        assert!(trainer.step().is_some());
        for step in trainer.optimizer().state().step {
            assert!(
                step > low && step < high,
                "step {step} at epoch {}",
                trainer.epoch()
            );
        }
    }
    let w = trainer.weights();
    assert!((w.w_x - 1.001355547207059).abs() < 1e-12, "{w:?}");
    assert!((w.w_rec - 0.9996744737846419).abs() < 1e-12, "{w:?}");
    let y = model::output(&[0., 1., 1., 0., 0., 0., 0., 1., 0., 0., 1., 1.], w);
    assert!((y - 5.0).abs() < 0.01, "y = {y}");
}

#[test]
fn gradient_descent_at_lr_1_from_1_2_diverges_without_panic() {
    let settings = OptimizerSettings::defaults(OptimizerKind::Gd).with(Hyper::Lr, 1.0);
    let config = TrainerConfig {
        init: Some(Weights {
            w_x: 1.0,
            w_rec: 2.0,
        }),
        ..TrainerConfig::seed(settings)
    };
    let mut trainer = Trainer::new(config).unwrap();
    let ran = trainer.run(1000);
    match trainer.status() {
        Status::Diverged { epoch, .. } => {
            assert!(epoch >= 1 && epoch <= ran + 1, "epoch {epoch}, ran {ran}");
            assert!(trainer.weights().is_finite());
        }
        other => panic!("expected divergence, got {other:?}"),
    }
}
