//! Saved-state files: the link's settings plus the epoch, read back by the
//! link's parser, with a clear refusal for the formats it cannot read.

use rnn_playground::params::{
    Control, FileProblem, LoadedState, NoticeKind, SAVED_FORMAT, SavedError, SavedState, parse,
    to_query,
};
use rnn_playground::rnn::{Hyper, OptimizerKind};
use serde_json::{Value, json};

/// Written by the page when the settings were nested fields (format 0 had no number).
const BEFORE_FORMAT_NUMBERS: &str = include_str!("../fixtures/saved-state-v0.json");

fn load(text: &str) -> LoadedState {
    SavedState::from_json(text).unwrap_or_else(|e| panic!("{e:?}: {text}"))
}

#[test]
fn a_saved_file_round_trips_and_carries_the_format() {
    for query in [
        "",
        "opt=adam&b1=0.8&len=30&view=0,2,0,2&clip=5",
        "preset=roelants-rprop&lang=ja&hide=lr,seed&wx=-1.5&wrec=2&logy=0&epochs=500",
        "race=gd:lr=0.001;rprop&target=0.5&inside=1&seq=3&phase=4",
        "input=1101&six=1&speed=0.25&present=1&embed=1",
    ] {
        let state = parse(query).state;
        let text = SavedState::new(state.clone(), 77).to_json();
        let file: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(file["format"], json!(SAVED_FORMAT), "{text}");
        assert_eq!(file["epoch"], json!(77), "{text}");
        let loaded = load(&text);
        assert_eq!((loaded.state, loaded.epoch), (state, 77), "{query}");
        assert!(loaded.notices.is_empty(), "{query}: {:?}", loaded.notices);
    }
}

#[test]
fn the_settings_are_the_links_keys_in_the_links_order() {
    let state = parse("opt=adam&b1=0.8&len=30&clip=5").state;
    let text = SavedState::new(state.clone(), 0).to_json();
    let file: Value = serde_json::from_str(&text).unwrap();
    let settings = file["settings"].as_object().expect("settings is an object");
    let pairs: Vec<String> = settings
        .iter()
        .map(|(k, v)| format!("{k}={}", v.as_str().unwrap()))
        .collect();
    let query = to_query(&state);
    let mut link: Vec<&str> = query.split('&').collect();
    link.sort_unstable();
    assert_eq!(pairs, link);
    // Written in the table's order, not sorted: `opt` comes before `b1`.
    assert!(text.find("\"opt\"") < text.find("\"b1\""), "{text}");
}

#[test]
fn values_edited_by_hand_read_as_in_a_link() {
    let loaded = load(
        r#"{"format": 2, "epoch": 3, "settings": {
            "opt": "rprop", "lr": 0.01, "len": 40, "logy": false, "present": true, "later": 1
        }}"#,
    );
    assert_eq!(loaded.state.optimizer.kind, OptimizerKind::Rprop);
    assert_eq!(loaded.state.optimizer[Hyper::Lr], 0.01);
    assert_eq!(loaded.state.data.len, 40);
    assert!(!loaded.state.log_axis && loaded.state.present);
    // Unknown keys are ignored, as in a link; what is missing takes its default.
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    assert_eq!(loaded.state.data.samples, parse("").state.data.samples);
    assert_eq!(loaded.epoch, 3);
}

#[test]
fn bad_values_are_corrected_and_reported_like_a_links() {
    let text = r#"{"format": 2, "epoch": 0, "settings": {
        "lr": "abc", "len": 5000, "hide": "seed,lr,seed", "view": [1, 2], "preset": null
    }}"#;
    let loaded = load(text);
    let link = parse("lr=abc&len=5000&hide=seed,lr,seed&view=[1, 2]&preset=");
    assert_eq!(loaded.state, link.state);
    assert_eq!(loaded.notices, link.notices);
    assert_eq!(loaded.state.optimizer[Hyper::Lr], 1e-3);
    assert_eq!(loaded.state.data.len, 200);
    assert_eq!(
        loaded.state.hide,
        vec![Control::Hyper(Hyper::Lr), Control::Seed]
    );
    let kinds: Vec<&str> = loaded.notices.iter().map(|n| n.key).collect();
    assert!(kinds.contains(&"lr") && kinds.contains(&"len"), "{kinds:?}");
    assert!(
        loaded
            .notices
            .iter()
            .any(|n| n.key == "len" && matches!(n.kind, NoticeKind::OutOfRange { .. }))
    );
}

#[test]
fn a_file_of_an_earlier_format_is_refused_with_its_number() {
    assert_eq!(
        SavedState::from_json(BEFORE_FORMAT_NUMBERS),
        Err(SavedError::OlderFormat { format: 0 })
    );
    let format_1 = r#"{"format": 1, "epoch": 3, "state": {"data": {"len": 40}}}"#;
    assert_eq!(
        SavedState::from_json(format_1),
        Err(SavedError::OlderFormat { format: 1 })
    );
}

#[test]
fn a_newer_format_is_refused_not_half_read() {
    let text = format!(
        r#"{{"format": {}, "epoch": 0, "settings": {{}}}}"#,
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
fn errors_say_where_the_file_went_wrong_without_quoting_it() {
    let long = "x".repeat(10_000);
    let text = format!(r#"{{"format": "{long}", "epoch": 1, "settings": {{}}}}"#);
    // A string where the format's number should be: the field's place, not its text.
    assert_eq!(
        SavedState::from_json(&text),
        Err(SavedError::NotState(FileProblem::WrongShape {
            line: 1,
            column: 10_013
        }))
    );
    let cases = [
        ("", FileProblem::Truncated),
        ("[]", FileProblem::WrongShape { line: 1, column: 2 }),
        ("{}", FileProblem::WrongShape { line: 1, column: 2 }),
        (
            "{\"epoch\": -1, \"settings\": {}}",
            FileProblem::WrongShape {
                line: 1,
                column: 12,
            },
        ),
        ("{\"epoch\": 1}", FileProblem::NoSettings),
        (
            "{\"epoch\": 1,\n \"settings\": [\"lr\"]}",
            FileProblem::WrongShape {
                line: 2,
                column: 13,
            },
        ),
        (
            "\u{0}\u{1b}[31m",
            FileProblem::Syntax { line: 1, column: 1 },
        ),
        ("{\"epoch\": 1, \"settings\": {", FileProblem::Truncated),
    ];
    for (bad, problem) in cases {
        assert_eq!(
            SavedState::from_json(bad),
            Err(SavedError::NotState(problem)),
            "{bad:?}"
        );
    }
}

#[test]
fn a_key_given_twice_in_a_file_is_read_once_and_reported_as_in_a_link() {
    let loaded = load(r#"{"format": 2, "epoch": 0, "settings": {"len": "12", "len": "30"}}"#);
    assert_eq!(loaded.state.data.len, 12, "the first value, as in a link");
    assert_eq!(loaded.notices.len(), 1, "{:?}", loaded.notices);
    assert_eq!(loaded.notices[0].key, "len");
    assert_eq!(loaded.notices[0].kind, NoticeKind::Repeated { count: 2 });
}
