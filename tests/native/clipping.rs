//! Clipping (Pascanu et al. 2013): what it does to a gradient, as the page shows it, and a
//! suggested clip norm that rescues gradient descent at the current learning rate.

use rnn_playground::rnn::clipping::{SUGGESTED_STEP, suggested_clip};
use rnn_playground::rnn::{
    Clipping, DataConfig, Gradient, Hyper, OptimizerKind, OptimizerSettings, Status, Trainer,
    TrainerConfig, clip,
};

#[test]
fn clipping_reports_the_raw_norm_the_clipped_norm_and_the_scale() {
    let g = Gradient {
        w_x: 3e3,
        w_rec: 4e3,
    };
    assert_eq!(Clipping::of(g, None), None);
    let c = Clipping::of(g, Some(1000.0)).unwrap();
    assert_eq!(c.raw_norm, 5e3);
    assert_eq!(c.scale, 0.2);
    assert_eq!(c.norm, clip(g, Some(1000.0)).norm());
    assert!((c.norm - 1000.0).abs() < 1e-9 && c.acted());
    let loose = Clipping::of(g, Some(1e4)).unwrap();
    assert_eq!((loose.raw_norm, loose.norm, loose.scale), (5e3, 5e3, 1.0));
    assert!(!loose.acted());
}

/// The seed's gradient descent at length 50 overflows at epoch 155; clipping at 1 barely moves
/// it (12951 → 12942 in 2001 epochs). The suggested clip caps gd's step at SUGGESTED_STEP.
#[test]
fn the_suggested_clip_rescues_the_seeds_gd_at_length_50() {
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let lr = gd[Hyper::Lr];
    let suggested = suggested_clip(lr);
    assert_eq!(suggested, 1000.0, "0.01 / 1e-5");
    assert!((lr * suggested - SUGGESTED_STEP).abs() < 1e-15);
    let run = |clip: Option<f64>| {
        let mut trainer = Trainer::new(TrainerConfig {
            data: DataConfig {
                len: 50,
                ..DataConfig::default()
            },
            ..TrainerConfig::seed(gd.with_clip(clip))
        })
        .unwrap();
        let start = trainer.evaluate().0;
        trainer.run(2001);
        (start, trainer.evaluate().0, trainer.status())
    };
    let (start, _, plain) = run(None);
    assert!(matches!(plain, Status::Diverged { .. }), "{plain:?}");
    let (_, at_one, _) = run(Some(1.0));
    assert!(
        at_one > 0.99 * start,
        "clip 1 barely moves: {start} → {at_one}"
    );
    let (_, rescued, status) = run(Some(suggested));
    assert_eq!(status, Status::Training);
    assert!(rescued < 0.01 * start, "{start} → {rescued}");
}

#[test]
fn the_suggestion_is_a_round_number_in_range_for_any_rate() {
    for (lr, clip) in [
        (1e-5, 1000.0),
        (1e-3, 10.0),
        (3e-4, 30.0),
        (1.0, 0.01),
        (1e-12, 1e10),
    ] {
        assert_eq!(suggested_clip(lr), clip, "lr {lr}");
    }
    let range = Hyper::CLIP_RANGE;
    for lr in [1e-12, 1e-9, 1e-6, 1e-3, 1.0, 1e3, 1e6] {
        let c = suggested_clip(lr);
        assert!(c >= range.min && c <= range.max, "{lr}: {c}");
    }
}
