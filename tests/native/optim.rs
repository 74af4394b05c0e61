//! The update rules' hyperparameters: Rprop's step bounds and zero gradients
//! (Riedmiller & Braun 1993), and saved settings that outlive new hyperparameters.

use rnn_playground::rnn::{
    Gradient, Hyper, Optimizer, OptimizerKind, OptimizerSettings, Status, Trainer, TrainerConfig,
    Weights,
};

fn rprop() -> Optimizer {
    Optimizer::new(OptimizerSettings::defaults(OptimizerKind::Rprop)).unwrap()
}

const ORIGIN: Weights = Weights {
    w_x: 0.0,
    w_rec: 0.0,
};

fn gradient(w_x: f64, w_rec: f64) -> Gradient {
    Gradient { w_x, w_rec }
}

#[test]
fn rprop_leaves_step_and_weight_alone_where_the_gradient_is_zero() {
    let mut optimizer = rprop();
    let delta0 = optimizer.settings()[Hyper::Delta0];
    let mut w = ORIGIN;
    for _ in 0..10_000 {
        w = optimizer.step(w, gradient(0.0, 1.0));
    }
    assert_eq!(w.w_x, 0.0);
    assert_eq!(optimizer.state().step[0], delta0, "a zero gradient keeps Δ");
    assert!(w.w_rec.is_finite());
}

#[test]
fn rprop_steps_stay_between_delta_min_and_delta_max() {
    let settings = OptimizerSettings::defaults(OptimizerKind::Rprop)
        .with(Hyper::DeltaMax, 2.0)
        .with(Hyper::DeltaMin, 1e-3);
    let mut optimizer = Optimizer::new(settings).unwrap();
    let mut w = ORIGIN;
    // The sign holds: Δ grows by η+ until Δmax.
    for _ in 0..200 {
        w = optimizer.step(w, gradient(1.0, 1.0));
        assert!(optimizer.state().step.iter().all(|&s| s <= 2.0));
    }
    assert_eq!(optimizer.state().step, [2.0, 2.0]);
    // The sign flips every epoch: Δ shrinks by η− until Δmin.
    for epoch in 0..200 {
        let sign = if epoch % 2 == 0 { -1.0 } else { 1.0 };
        w = optimizer.step(w, gradient(sign, sign));
        assert!(optimizer.state().step.iter().all(|&s| s >= 1e-3));
    }
    assert_eq!(optimizer.state().step, [1e-3, 1e-3]);
    assert!(w.w_x.is_finite() && w.w_rec.is_finite());
}

/// With sequences of length 1, dL/dw_rec is exactly 0 (s_0 = 0). An unbounded
/// Rprop then grew Δ_rec by η+ every epoch until 0·∞ = NaN and reported a
/// divergence (at epoch 3931) on a run that had converged.
#[test]
fn rprop_on_length_1_converges_and_never_reports_divergence() {
    let mut config = TrainerConfig::seed(OptimizerSettings::defaults(OptimizerKind::Rprop));
    config.data.len = 1;
    let mut trainer = Trainer::new(config).unwrap();
    assert_eq!(trainer.run(5000), 5000);
    assert_eq!(trainer.status(), Status::Training);
    let (loss, _) = trainer.evaluate();
    assert!(loss < 1e-6, "loss {loss}");
    assert!((trainer.weights().w_x - 1.0).abs() < 1e-3);
}

#[test]
fn saved_settings_from_before_a_new_hyperparameter_take_its_default() {
    // Written before Δmax and Δmin existed.
    let old = r#"{"kind":"rprop","lr":0.001,"momentum":0.9,"rho":0.9,"eps":1e-8,"beta1":0.9,
        "beta2":0.999,"eta_plus":1.3,"eta_minus":0.5,"delta0":0.01,"rescale":5.0,"clip":null}"#;
    let settings: OptimizerSettings = serde_json::from_str(old).unwrap();
    assert_eq!(settings.kind, OptimizerKind::Rprop);
    assert_eq!(settings[Hyper::EtaPlus], 1.3);
    assert_eq!(settings[Hyper::Delta0], 0.01);
    assert_eq!(settings[Hyper::DeltaMax], 50.0);
    assert_eq!(settings[Hyper::DeltaMin], 1e-6);
    assert_eq!(settings.clip, None);
}

#[test]
fn saved_settings_round_trip_and_name_unknown_fields() {
    let settings = OptimizerSettings::defaults(OptimizerKind::Adam)
        .with(Hyper::Beta1, 0.8)
        .with_clip(Some(3.0));
    let text = serde_json::to_string(&settings).unwrap();
    assert!(
        text.contains("\"beta1\":0.8") && text.contains("\"delta_max\":50.0"),
        "{text}"
    );
    assert_eq!(
        serde_json::from_str::<OptimizerSettings>(&text).unwrap(),
        settings
    );
    let typo = r#"{"kind":"adam","betta1":0.8}"#;
    let error = serde_json::from_str::<OptimizerSettings>(typo).unwrap_err();
    assert!(error.to_string().contains("betta1"), "{error}");
}

#[test]
fn every_hyperparameter_has_distinct_names_and_its_default_in_range() {
    use strum::IntoEnumIterator;
    let hypers: Vec<Hyper> = Hyper::iter().collect();
    for (i, a) in hypers.iter().enumerate() {
        for b in &hypers[i + 1..] {
            let (a, b) = (a.spec(), b.spec());
            assert!(a.url_key != b.url_key && a.cli_flag != b.cli_flag && a.field != b.field);
        }
        for kind in a.spec().used_by {
            assert!(
                a.limits().contains(a.default_for(*kind)),
                "{a:?} under {kind:?}"
            );
        }
        assert!(!a.spec().used_by.is_empty(), "{a:?} is read by no rule");
    }
}
