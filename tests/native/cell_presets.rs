//! The scenarios of the tanh cell's latch and of Pascanu's cliff: every number their captions
//! quote, in both languages, is what the core computes.

use rnn_playground::params::{Lang, PresetId};
use rnn_playground::rnn::{CellKind, Race, Record, Status, Task, Trainer};
use rnn_playground::text::Text;
use strum::IntoEnumIterator;

/// The preset's whole run, epoch by epoch.
fn run(preset: PresetId) -> (Vec<Record>, Trainer) {
    let mut trainer = Trainer::new(preset.state().trainer_config()).unwrap();
    while trainer.step().is_some() {}
    (trainer.timeline(), trainer)
}

/// `x` written with `significant` digits, as a caption writes it (`2.5e-12`, `0.0019`).
fn digits(x: f64, significant: usize) -> String {
    let text = format!("{:.*e}", significant - 1, x);
    let (mantissa, exponent) = text.split_once('e').unwrap();
    let exponent: i32 = exponent.parse().unwrap();
    if (-4..0).contains(&exponent) || (0..6).contains(&exponent) {
        let decimals = (significant as i32 - 1 - exponent).max(0) as usize;
        format!("{x:.decimals$}")
    } else {
        format!("{mantissa}e{exponent}")
    }
}

#[track_caller]
fn captions_quote(preset: PresetId, numbers: &[String]) {
    for lang in Lang::iter() {
        let caption = (Text::get(lang).preset_caption)(preset);
        for number in numbers {
            assert!(
                caption.contains(number.as_str()),
                "{lang:?} {preset:?}: {number} in {caption}"
            );
        }
    }
}

fn first_below(records: &[Record], loss: f64) -> Option<u64> {
    records.iter().find(|r| r.loss < loss).map(|r| r.epoch)
}

#[test]
fn the_latchs_plateau_does_not_move() {
    let state = PresetId::LatchPlateau.state();
    assert_eq!(
        (state.model, state.task, state.data.len),
        (CellKind::Tanh, Task::Latch, 50)
    );
    let (records, trainer) = run(PresetId::LatchPlateau);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 1000 });
    let start = records[0];
    assert_eq!(digits(start.loss, 2), "5.0");
    assert_eq!(digits(start.grad.w_x.hypot(start.grad.w_rec), 2), "2.5e-12");
    assert_eq!(digits(records[1000].loss, 2), "5.0");
    assert!((records[1000].weights.w_rec - 0.5).abs() < 1e-9);
    captions_quote(
        PresetId::LatchPlateau,
        &["5.0".into(), "2.5e-12".into(), "1000".into(), "0.01".into()],
    );
}

#[test]
fn the_latch_is_learned_from_near_w_rec_1() {
    let (records, trainer) = run(PresetId::LatchLearned);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 100 });
    assert_eq!(digits(records[0].grad.w_rec, 2), "-2.7");
    assert_eq!(first_below(&records, 0.01), Some(8));
    let end = records[100];
    let latch = 0.5f64.atanh() / 0.5;
    assert_eq!(format!("{latch:.4}"), "1.0986");
    assert!(
        (end.weights.w_rec - latch).abs() < 1e-4,
        "{:?}",
        end.weights
    );
    // A robust latch forgets its input: the gradient in w_x has all but vanished.
    assert!(end.grad.w_x.abs() < 1e-10, "{}", end.grad.w_x);
    captions_quote(
        PresetId::LatchLearned,
        &[
            "2.7".into(),
            "0.01".into(),
            "8".into(),
            "1.0986".into(),
            "1e-10".into(),
        ],
    );
}

#[test]
fn the_latchs_cliff_throws_the_run_into_saturation() {
    let (records, trainer) = run(PresetId::LatchCliff);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 1000 });
    assert_eq!(format!("{:.1}", records[0].grad.w_rec), "-56.7");
    assert_eq!(format!("{:.2}", records[1].weights.w_rec), "6.67");
    assert_eq!(digits(records[1000].loss, 2), "5.0");
    captions_quote(
        PresetId::LatchCliff,
        &[
            "56.7".into(),
            "6.67".into(),
            "0.1".into(),
            "5.0".into(),
            "1000".into(),
        ],
    );
}

#[test]
fn pascanus_cliff_throws_plain_gradient_descent_off_the_wall() {
    let state = PresetId::PascanuCliff.state();
    assert_eq!(
        (state.model, state.data.len, state.optimizer.clip),
        (CellKind::Cliff, 50, None)
    );
    let (records, _) = run(PresetId::PascanuCliff);
    assert_eq!(records.len(), 61);
    assert_eq!(format!("{:.4}", records[2].loss), "0.0019");
    let g = records[2].grad;
    assert_eq!(format!("{:.1}", g.w_x.hypot(g.w_rec)), "3.1");
    let thrown = records[3].weights;
    assert_eq!(
        format!("({:.2}, {:.2})", thrown.w_x, thrown.w_rec),
        "(1.40, -7.78)"
    );
    assert_eq!(format!("{:.3}", records[60].loss), "0.489");
    captions_quote(
        PresetId::PascanuCliff,
        &[
            "0.0019".into(),
            "3.1".into(),
            "1.40".into(),
            "7.78".into(),
            "0.489".into(),
        ],
    );
}

#[test]
fn clipping_keeps_pascanus_run_near_the_wall() {
    let clipped = PresetId::PascanuClipped.state();
    let plain = PresetId::PascanuCliff.state();
    assert_eq!(
        clipped.optimizer.with_clip(None),
        plain.optimizer,
        "only the clip differs"
    );
    assert_eq!(clipped.optimizer.clip, Some(0.5));
    let (records, _) = run(PresetId::PascanuClipped);
    let longest = records
        .windows(2)
        .map(|w| {
            (w[1].weights.w_x - w[0].weights.w_x).hypot(w[1].weights.w_rec - w[0].weights.w_rec)
        })
        .fold(0.0, f64::max);
    assert!(longest <= 1.0 + 1e-12, "{longest}");
    assert_eq!(format!("{:.3}", records[3].loss), "0.433");
    assert_eq!(format!("{:.4}", records[60].loss), "0.0083");
    captions_quote(
        PresetId::PascanuClipped,
        &["0.5".into(), "0.433".into(), "0.0083".into()],
    );
}

#[test]
fn the_race_on_pascanus_cliff_is_won_by_clipping() {
    let state = PresetId::RacePascanu.state();
    let mut race = Race::new(state.race_config().unwrap()).unwrap();
    while race.step() {}
    let finishes: Vec<Option<u64>> = race.racers().iter().map(|r| r.status().finish()).collect();
    assert_eq!(finishes, [Some(864), Some(24)]);
    let mut plain = Trainer::new(state.race_config().unwrap().solo(0).unwrap()).unwrap();
    let records: Vec<Record> = (0..4).filter_map(|_| plain.step()).collect();
    assert!(
        records[2].loss < 0.01 && plain.loss_at(plain.weights()) > 0.4,
        "thrown at epoch 3"
    );
    captions_quote(
        PresetId::RacePascanu,
        &["1e-4".into(), "24".into(), "3".into(), "864".into()],
    );
}
