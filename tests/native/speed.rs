//! Slow motion: `speed=` and `#speed` take fractions of an epoch per frame, down to 0.01 (about
//! one epoch every 1.7 s at 60 frames a second); whole numbers keep their old meaning.

use rnn_playground::params::{MAX_SPEED, MIN_SPEED, NoticeKind, SpeedCredit, parse, to_query};

#[test]
fn fractional_speeds_read_and_write_back() {
    for (query, speed) in [
        ("speed=0.01", 0.01),
        ("speed=0.25", 0.25),
        ("speed=1", 1.0),
        ("speed=5", 5.0),
        ("speed=2000", 2000.0),
    ] {
        let parsed = parse(query);
        assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
        assert_eq!(parsed.state.speed, speed, "{query}");
        assert_eq!(parse(&to_query(&parsed.state)).state.speed, speed);
    }
    // Old links: whole numbers mean what they meant and are written as before.
    assert_eq!(to_query(&parse("speed=20").state), "speed=20");
    assert_eq!(to_query(&parse("speed=0.5").state), "speed=0.5");
    for (query, clamped) in [
        ("speed=0.001", MIN_SPEED),
        ("speed=5000", f64::from(MAX_SPEED)),
    ] {
        let parsed = parse(query);
        assert_eq!(parsed.state.speed, clamped, "{query}");
        assert!(matches!(
            parsed.notices[0].kind,
            NoticeKind::OutOfRange { .. }
        ));
    }
}

/// The epochs each of `n` frames trains at `speed`, as the controller takes them.
fn frames(speed: f64, n: usize) -> Vec<u64> {
    let mut credit = SpeedCredit::default();
    (0..n).map(|_| credit.take(speed)).collect()
}

#[test]
fn slow_motion_trains_one_epoch_every_hundred_frames_at_0_01() {
    let slowest = frames(0.01, 300);
    assert_eq!(slowest.iter().sum::<u64>(), 3);
    assert_eq!(slowest.iter().position(|&e| e == 1), Some(99));
    let half = frames(0.5, 300);
    assert_eq!(half.iter().sum::<u64>(), 150);
    assert!(half.iter().all(|&e| e <= 1));
    assert_eq!(frames(2.5, 4), [2, 3, 2, 3]);
    assert_eq!(frames(5.0, 3), [5, 5, 5]);
    assert_eq!(frames(2000.0, 2), [2000, 2000]);
}

/// The slowest speed a link can ask for (anything below it is raised to it) is the one the
/// slider and the README promise: one epoch every 100 frames, about one every 1.7 s at 60 frames
/// a second, never none and never two at once.
#[test]
fn the_slowest_speed_a_link_reaches_trains_one_epoch_every_hundred_frames() {
    for query in ["speed=0.01", "speed=0.001", "speed=1e-9", "speed=0.00999"] {
        let speed = parse(query).state.speed;
        let taken = frames(speed, 1000);
        let epochs_at: Vec<usize> = (0..taken.len()).filter(|&f| taken[f] > 0).collect();
        assert!(taken.iter().all(|&e| e <= 1), "{query}: {speed}");
        assert_eq!(
            epochs_at,
            (0..10).map(|e| 99 + 100 * e).collect::<Vec<_>>(),
            "{query}: speed {speed}"
        );
    }
}
