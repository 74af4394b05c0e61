//! `ghost=`: an earlier run, as a link carries it and as the page replays it.

use rnn_playground::params::{AppState, Ghost, NoticeKind, Problem, parse, same_run, to_query};
use rnn_playground::rnn::{OptimizerKind, Trainer};

fn state(query: &str) -> AppState {
    let parsed = parse(query);
    assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
    parsed.state
}

#[test]
fn a_link_carries_the_ghost_and_writes_it_back() {
    let page = state("preset=clipping&ghost=2001:clip=off");
    let ghost = page.ghost.clone().expect("a ghost");
    assert_eq!(ghost.epochs, 2001);
    assert_eq!(ghost.changes, vec![("clip", "off".to_string())]);
    assert_eq!(ghost.label(), "clip=off");
    let query = to_query(&page);
    assert!(query.contains("ghost=2001:clip=off"), "{query}");
    assert_eq!(parse(&query).state, page);

    let earlier = ghost.settings(&page).expect("settings that read back");
    assert_eq!(earlier.optimizer.clip, None);
    assert_eq!(earlier.data, page.data);
    assert_eq!(earlier.optimizer.kind, page.optimizer.kind);
}

#[test]
fn the_ghost_left_by_a_change_replays_the_earlier_run() {
    let old = state("opt=adam&lr=0.05&b1=0.8&len=30&wx=0.5&wrec=1.5");
    let changes: [fn(&mut AppState); 5] = [
        |s| s.optimizer.clip = Some(1.0),
        |s| s.select_optimizer(OptimizerKind::Gd),
        |s| s.select_optimizer(OptimizerKind::Momentum),
        |s| s.data.len = 5,
        |s| s.init = None,
    ];
    for change in changes {
        let mut page = old.clone();
        change(&mut page);
        let ghost = Ghost::left_by(&old, 300, &page);
        assert!(!ghost.changes.is_empty());
        let replayed = ghost.settings(&page).expect("settings");
        assert!(same_run(&replayed, &old), "{ghost:?}");
        // The page's own settings are not in the label.
        assert!(!ghost.label().contains("b1") || page.optimizer.kind != old.optimizer.kind);
    }
    // Nothing that trains differs: the same settings, no changes.
    let mut page = old.clone();
    page.speed = 1.0;
    page.view = rnn_playground::params::View::new(-1.0, 1.0, -1.0, 1.0).expect("view");
    assert_eq!(Ghost::left_by(&old, 300, &page).changes, Vec::new());
}

#[test]
fn a_replayed_ghost_ends_where_the_earlier_run_ended() {
    // What the page draws for `ghost=`: the earlier settings trained from their start.
    let page = state("preset=clipping&ghost=500:clip=off");
    let ghost = page.ghost.clone().expect("a ghost");
    let mut earlier = ghost.settings(&page).expect("settings");
    let mut direct = Trainer::new(earlier.trainer_config()).expect("run");
    direct.run(500);
    earlier.stop_at = Some(ghost.epochs);
    let mut replay = Trainer::new(earlier.trainer_config()).expect("run");
    replay.run(u64::MAX);
    assert_eq!(replay.epoch(), direct.epoch());
    assert_eq!(replay.weights(), direct.weights());
    // Clipping off diverges here (scenario 4); with it on the run goes on.
    assert!(replay.status().is_finished());
}

/// Whether a notice is of the expected kind.
type KindCheck = fn(&NoticeKind) -> bool;

#[test]
fn a_ghost_that_cannot_be_used_is_dropped_with_a_notice() {
    let cases: [(&str, KindCheck); 5] = [
        ("ghost=abc", |k| {
            matches!(k, NoticeKind::NotAnInteger { .. })
        }),
        ("ghost=0", |k| matches!(k, NoticeKind::NotAnInteger { .. })),
        ("ghost=10:speed=3", |k| {
            matches!(k, NoticeKind::UnknownChoice { .. })
        }),
        ("ghost=10:lr=-1", |k| {
            matches!(k, NoticeKind::Malformed(Problem::GhostSettings))
        }),
        ("ghost=10:clip=off,clip=1", |k| {
            matches!(k, NoticeKind::UnknownChoice { .. })
        }),
    ];
    for (query, expected) in cases {
        let parsed = parse(query);
        assert_eq!(parsed.state.ghost, None, "{query}");
        assert_eq!(parsed.notices.len(), 1, "{query}: {:?}", parsed.notices);
        assert_eq!(parsed.notices[0].key, "ghost");
        assert!(
            expected(&parsed.notices[0].kind),
            "{query}: {:?}",
            parsed.notices
        );
    }
}

#[test]
fn a_ghost_asking_for_hours_of_training_is_cut_to_the_work_budget() {
    let parsed = parse("len=200&n=1000&ghost=10000000:clip=off");
    let ghost = parsed.state.ghost.expect("kept, cut");
    assert_eq!(ghost.epochs, 10_000);
    assert!(matches!(
        parsed.notices[0].kind,
        NoticeKind::TooMuchWork { .. }
    ));
}

#[test]
fn a_scenario_starts_without_a_ghost() {
    let page = state("ghost=300:clip=off");
    assert!(page.ghost.is_some());
    let scenario = rnn_playground::params::PresetId::Exploding.apply(&page);
    assert_eq!(scenario.ghost, None);
}
