//! Saved-state files survive the next version: a file written before the
//! format had a number (and before Rprop's step bounds existed) still loads.
#![cfg(not(target_arch = "wasm32"))]

use rnn_playground::params::{
    AppState, Control, PresetId, SAVED_FORMAT, SHOWN_DETAIL_CHARS, SavedError, SavedState, parse,
    sanitize,
};
use rnn_playground::rnn::{Hyper, OptimizerKind};

/// Written by the page before this format had a number.
const BEFORE_FORMAT_NUMBERS: &str = include_str!("fixtures/saved-state-v0.json");

#[test]
fn a_file_from_before_the_format_number_loads_with_defaults_for_new_settings() {
    let saved = SavedState::from_json(BEFORE_FORMAT_NUMBERS).expect("the old file loads");
    assert_eq!(saved.format, 0);
    assert_eq!(saved.epoch, 120);
    let state = &saved.state;
    assert_eq!(state.preset, Some(PresetId::RoelantsRprop));
    assert_eq!(state.optimizer.kind, OptimizerKind::Rprop);
    assert_eq!(state.optimizer[Hyper::EtaPlus], 1.3);
    assert_eq!(state.data.len, 12);
    assert_eq!(state.hide, vec![Control::Hyper(Hyper::Lr), Control::Seed]);
    // Settings the old file could not know take their defaults.
    assert_eq!(state.optimizer[Hyper::DeltaMax], 50.0);
    assert_eq!(state.optimizer[Hyper::DeltaMin], 1e-6);
    assert!(
        sanitize(state).notices.is_empty(),
        "{:?}",
        sanitize(state).notices
    );
}

#[test]
fn a_saved_file_round_trips_and_carries_the_format() {
    let state = parse("opt=adam&b1=0.8&len=30&view=0,2,0,2&clip=5").state;
    let text = SavedState::new(state.clone(), 77).to_json();
    assert!(
        text.contains(&format!("\"format\": {SAVED_FORMAT}")),
        "{text}"
    );
    let back = SavedState::from_json(&text).unwrap();
    assert_eq!((back.state, back.epoch), (state, 77));
}

#[test]
fn missing_settings_take_defaults_and_unknown_ones_are_ignored() {
    let text = r#"{"format": 1, "epoch": 3, "state": {"data": {"len": 40}, "later": true}}"#;
    let saved = SavedState::from_json(text).unwrap();
    assert_eq!(saved.state.data.len, 40);
    assert_eq!(saved.state.data.samples, AppState::default().data.samples);
    assert_eq!(saved.state.optimizer, AppState::default().optimizer);
}

#[test]
fn a_newer_format_is_refused_not_half_read() {
    let text = format!(
        r#"{{"format": {}, "epoch": 0, "state": {{}}}}"#,
        SAVED_FORMAT + 1
    );
    assert_eq!(
        SavedState::from_json(&text),
        Err(SavedError::NewerFormat {
            format: SAVED_FORMAT + 1
        })
    );
}

#[test]
fn errors_quote_the_file_only_briefly() {
    let long = "x".repeat(10_000);
    let text = format!(r#"{{"epoch": 1, "state": {{"lang": "{long}"}}}}"#);
    match SavedState::from_json(&text) {
        Err(SavedError::NotState { detail }) => {
            assert!(detail.chars().count() <= SHOWN_DETAIL_CHARS + 1, "{detail}");
            assert!(detail.ends_with('…'), "{detail}");
        }
        other => panic!("{other:?}"),
    }
    for bad in ["", "[]", "{\"epoch\": -1}", "\u{0}\u{1b}[31m"] {
        assert!(SavedState::from_json(bad).is_err(), "{bad:?}");
    }
}
