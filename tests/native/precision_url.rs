//! `precision=` in links and saved files: `theano-f32` runs the seed's graph in
//! the 2016 post's float32; a value or a combination it cannot run is corrected
//! to `f64` with a notice, never a failed run or a panic.

use rnn_playground::params::{AppState, NoticeKind, Problem, SavedState, parse, to_query};
use rnn_playground::rnn::{OptimizerKind, Precision, Trainer};

#[test]
fn a_link_runs_the_post_in_float32() {
    let parsed = parse("precision=theano-f32&opt=gd");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(parsed.state.precision, Precision::TheanoF32);
    let config = parsed.state.trainer_config();
    assert_eq!(config.precision, Precision::TheanoF32);
    let mut trainer = Trainer::new(config).unwrap();
    // The first call as Theano computes it in float32.
    assert_eq!(trainer.step().unwrap().loss, 553.11181640625);
    // The default rule is the seed's RMSProp, which float32 runs too.
    let parsed = parse("precision=theano-f32");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    assert_eq!(parsed.state.optimizer.kind, OptimizerKind::RmspropSeed);
    assert_eq!(parsed.state.precision, Precision::TheanoF32);
}

#[test]
fn f64_is_the_default_and_writes_nothing() {
    assert_eq!(AppState::default().precision, Precision::F64);
    assert_eq!(to_query(&AppState::default()), "");
    let parsed = parse("precision=f64");
    assert!(parsed.notices.is_empty());
    assert_eq!(parsed.state, AppState::default());
}

#[test]
fn float32_links_and_files_read_back_to_the_same_state() {
    let state = parse("precision=theano-f32&opt=gd&lr=2e-5").state;
    let query = to_query(&state);
    assert!(query.contains("precision=theano-f32"), "{query}");
    let again = parse(&query);
    assert!(again.notices.is_empty(), "{query}: {:?}", again.notices);
    assert_eq!(again.state, state);
    let loaded = SavedState::from_json(&SavedState::new(state.clone(), 5).to_json()).unwrap();
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(loaded.state, state);
}

#[test]
fn an_unknown_precision_is_reported_and_f64_used() {
    let parsed = parse("precision=f16");
    assert_eq!(parsed.state.precision, Precision::F64);
    let [notice] = &parsed.notices[..] else {
        panic!("{:?}", parsed.notices)
    };
    assert_eq!(notice.key, "precision");
    assert_eq!(notice.used, "f64");
    assert!(matches!(
        &notice.kind,
        NoticeKind::UnknownChoice { allowed } if allowed == &["f64", "theano-f32"]
    ));
}

#[test]
fn a_graph_float32_does_not_have_is_reported_and_runs_in_f64() {
    for query in [
        "precision=theano-f32&opt=adam",
        "opt=momentum&precision=theano-f32",
        "precision=theano-f32&opt=gd&clip=1000",
        "precision=theano-f32&loss=mean",
    ] {
        let parsed = parse(query);
        assert_eq!(parsed.state.precision, Precision::F64, "{query}");
        let [notice] = &parsed.notices[..] else {
            panic!("{query}: {:?}", parsed.notices)
        };
        assert_eq!(notice.key, "precision", "{query}");
        assert_eq!(notice.given, "theano-f32", "{query}");
        assert_eq!(notice.used, "f64", "{query}");
        assert_eq!(
            notice.kind,
            NoticeKind::Malformed(Problem::PrecisionNotSeedGraph)
        );
        assert!(
            Trainer::new(parsed.state.trainer_config()).is_ok(),
            "{query}"
        );
    }
}

#[test]
fn changing_to_another_rule_returns_the_state_to_f64() {
    let mut state = parse("precision=theano-f32&opt=gd").state;
    assert!(!state.fit_precision());
    assert_eq!(state.precision, Precision::TheanoF32);
    state.select_optimizer(OptimizerKind::Adam);
    assert!(state.fit_precision());
    assert_eq!(state.precision, Precision::F64);
}
