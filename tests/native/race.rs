//! The race engine and fair tuning: each racer is its solo run bit for bit,
//! the finish and the divergence are reported as the solo run shows them, and
//! tuning follows its rules however its work is cut; race links and the
//! race presets' captions.

use rnn_playground::params::{Lang, NoticeKind, Parsed, PresetId, parse, to_query};
use rnn_playground::rnn::race::DEFAULT_TARGET_FRACTION;
use rnn_playground::rnn::tune::tuned_hyper;
use rnn_playground::rnn::{
    CellKind, DataConfig, Dataset, Hyper, MAX_RACERS, OptimizerKind, OptimizerSettings, Race,
    RaceConfig, RacerStatus, Reduction, Status, TUNE_GRID, Task, Trainer, Tuning, Weights, model,
};
use rnn_playground::text::Text;
use strum::IntoEnumIterator;

fn race_of(racers: Vec<OptimizerSettings>, init: Option<Weights>, max_epochs: u64) -> RaceConfig {
    RaceConfig {
        model: CellKind::Linear,
        task: Task::Count,
        data: DataConfig::default(),
        reduction: Reduction::Sum,
        init,
        racers,
        target: None,
        max_epochs,
    }
}

fn cliff() -> Option<Weights> {
    Some(Weights {
        w_x: 1.0,
        w_rec: 2.0,
    })
}

/// Every rule at its default, from the seed's init and from the cliff, both
/// reductions: each racer's weights after every tick equal its solo trainer's.
#[test]
fn each_racer_follows_its_solo_run_bit_for_bit() {
    let all: Vec<OptimizerSettings> = OptimizerKind::iter()
        .map(OptimizerSettings::defaults)
        .collect();
    for init in [None, cliff()] {
        for reduction in Reduction::iter() {
            let config = RaceConfig {
                reduction,
                ..race_of(all.clone(), init, 600)
            };
            let mut race = Race::new(config.clone()).unwrap();
            let mut solos: Vec<Trainer> = (0..all.len())
                .map(|i| Trainer::new(config.solo(i).unwrap()).unwrap())
                .collect();
            while race.step() {
                for (racer, solo) in race.racers().iter().zip(&mut solos) {
                    if solo.epoch() < racer.epoch() || racer.status().is_running() {
                        solo.step();
                    }
                    let kind = racer.settings().kind;
                    assert_eq!(
                        racer.weights(),
                        solo.weights(),
                        "{kind:?} at {}",
                        race.epoch()
                    );
                    assert_eq!(racer.epoch(), solo.epoch(), "{kind:?}");
                }
            }
            assert!(race.epoch() <= 600);
        }
    }
}

/// Σ t² over the data: the loss of predicting 0, computed from the rows' counts.
fn baseline(config: DataConfig) -> f64 {
    let (data, _) = Dataset::generate(config).unwrap();
    (0..data.samples())
        .map(|i| data.row(i).iter().sum::<f64>().powi(2))
        .sum()
}

/// The default finish line is 1% of the data's baseline loss, wherever the race starts: at
/// the cliff (initial loss about 53,000) a finish must still mean "near the answer".
#[test]
fn the_default_target_is_one_percent_of_the_baseline_loss_from_any_start() {
    // The seed's counts (2 4 6 6 4 4 6 5 7 5 7 6 4 7 3 6 4 5 6 6) square and sum to 567.
    assert_eq!(baseline(DataConfig::default()), 567.0);
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    for init in [None, cliff()] {
        let race = Race::new(race_of(vec![gd], init, 10)).unwrap();
        assert!(
            (race.target() - 5.67).abs() < 1e-12,
            "{init:?}: {}",
            race.target()
        );
    }
    let at_cliff = Race::new(race_of(vec![gd], cliff(), 10)).unwrap();
    assert!(at_cliff.initial_loss() > 50_000.0);
    let mean = Race::new(RaceConfig {
        reduction: Reduction::Mean,
        ..race_of(vec![gd], cliff(), 10)
    })
    .unwrap();
    assert!((mean.target() - 5.67 / 20.0).abs() < 1e-12);
}

#[test]
fn a_racer_finishes_after_the_first_update_below_the_target() {
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let mut race = Race::new(race_of(vec![gd], None, 5000)).unwrap();
    assert_eq!(
        race.target(),
        DEFAULT_TARGET_FRACTION * baseline(DataConfig::default())
    );
    while race.step() {}
    let racer = &race.racers()[0];
    let RacerStatus::Finished { epoch } = racer.status() else {
        panic!("gd from the seed's init finishes: {:?}", racer.status());
    };
    assert_eq!(racer.epoch(), epoch, "a finished racer stops");
    assert_eq!(
        race.epoch(),
        epoch,
        "the race ends when its only racer finishes"
    );
    // The solo run: below the target after `epoch` updates and not before.
    let mut solo = Trainer::new(race.config().solo(0).unwrap()).unwrap();
    let loss_at = |t: &Trainer| model::loss(t.data(), t.weights(), Reduction::Sum);
    for n in 1..=epoch {
        solo.step();
        let below = loss_at(&solo) < race.target();
        assert_eq!(below, n == epoch, "update {n}");
    }
    assert_eq!(racer.loss(), loss_at(&solo));
}

#[test]
fn a_diverging_racer_is_out_with_the_solo_runs_epoch_and_reason() {
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let clipped = gd.with_clip(Some(1000.0));
    let adam = OptimizerSettings::defaults(OptimizerKind::Adam);
    let mut race = Race::new(race_of(vec![gd, clipped, adam], cliff(), 3000)).unwrap();
    while race.step() {}
    let mut solo = Trainer::new(race.config().solo(0).unwrap()).unwrap();
    solo.run(3000);
    let Status::Diverged { epoch, reason } = solo.status() else {
        panic!("plain gd from (1, 2) diverges alone: {:?}", solo.status());
    };
    assert_eq!(
        race.racers()[0].status(),
        RacerStatus::Diverged { epoch, reason }
    );
    assert_eq!(race.racers()[0].weights(), solo.weights());
    assert!(
        race.racers()[1].status().finish().is_some(),
        "clipped gd finishes: {:?}",
        race.racers()[1].status()
    );
    assert!(race.is_over());
}

#[test]
fn the_race_stops_at_its_epoch_limit_and_resets() {
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let slow = gd.with(Hyper::Lr, 1e-9);
    let mut race = Race::new(race_of(vec![slow, gd], None, 40)).unwrap();
    assert_eq!(race.run(100), 40);
    assert!(race.is_over() && !race.step());
    assert_eq!(race.racers()[0].status(), RacerStatus::Running);
    let after: Vec<Weights> = race.racers().iter().map(|r| r.weights()).collect();
    race.reset();
    assert_eq!(race.epoch(), 0);
    assert!(race.racers().iter().all(|r| r.weights() == race.init()));
    race.run(40);
    let again: Vec<Weights> = race.racers().iter().map(|r| r.weights()).collect();
    assert_eq!(after, again);
}

#[test]
fn a_target_met_at_the_start_finishes_at_epoch_zero_and_bad_configs_are_errors() {
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let config = RaceConfig {
        target: Some(1e9),
        ..race_of(vec![gd], None, 10)
    };
    let race = Race::new(config.clone()).unwrap();
    assert_eq!(
        race.racers()[0].status(),
        RacerStatus::Finished { epoch: 0 }
    );
    assert!(race.is_over());
    for target in [0.0, -1.0, f64::NAN, f64::INFINITY] {
        let bad = RaceConfig {
            target: Some(target),
            ..config.clone()
        };
        assert!(Race::new(bad).is_err(), "target {target}");
    }
    assert!(Race::new(race_of(vec![], None, 10)).is_err());
    assert!(Race::new(race_of(vec![gd; MAX_RACERS + 1], None, 10)).is_err());
    assert!(Race::new(race_of(vec![gd.with(Hyper::Lr, -1.0)], None, 10)).is_err());
}

/// The tuner's choice, recomputed by brute force from solo runs.
fn brute_force_choice(config: &RaceConfig, index: usize, budget: u64) -> (f64, f64) {
    let mut best: Option<(f64, f64)> = None;
    for &rate in &TUNE_GRID {
        let mut solo = config.solo(index).unwrap();
        let hyper = tuned_hyper(solo.optimizer.kind);
        solo.optimizer[hyper] = rate;
        let mut trainer = Trainer::new(solo).unwrap();
        trainer.run(budget);
        let loss = match trainer.status() {
            Status::Diverged { .. } => f64::INFINITY,
            _ => model::loss(trainer.data(), trainer.weights(), config.reduction),
        };
        let loss = if loss.is_nan() { f64::INFINITY } else { loss };
        if best.is_none_or(|(_, b)| loss < b) {
            best = Some((rate, loss));
        }
    }
    best.unwrap()
}

#[test]
fn tuning_picks_the_best_final_loss_on_the_grid_however_the_work_is_cut() {
    assert!(TUNE_GRID.len() >= 13);
    assert_eq!((TUNE_GRID[0], TUNE_GRID[12]), (1e-6, 1.0));
    assert!(TUNE_GRID.windows(2).all(|w| w[0] < w[1]));
    let racers: Vec<OptimizerSettings> = OptimizerKind::iter()
        .map(OptimizerSettings::defaults)
        .collect();
    let config = race_of(racers, cliff(), 150);
    let mut whole = Tuning::new(&config, 150).unwrap();
    assert_eq!(whole.result(), None);
    whole.run_to_end();
    let mut sliced = Tuning::new(&config, 150).unwrap();
    let mut calls = 0;
    let mut last_progress = 0.0;
    while !sliced.advance(37) {
        calls += 1;
        assert!(sliced.progress() >= last_progress && sliced.progress() < 1.0);
        last_progress = sliced.progress();
    }
    assert!(calls > 10, "the job was cut into slices");
    assert_eq!(sliced.progress(), 1.0);
    let result = whole.result().unwrap();
    assert_eq!(sliced.result().unwrap(), result);
    for (i, tuned) in result.iter().enumerate() {
        let kind = config.racers[i].kind;
        assert_eq!(tuned.hyper, tuned_hyper(kind));
        let (rate, loss) = brute_force_choice(&config, i, 150);
        assert_eq!((tuned.value, tuned.loss), (rate, loss), "{kind:?}");
    }
    assert_eq!(
        result[4].hyper,
        Hyper::Delta0,
        "Rprop tunes its initial step"
    );
    // From the cliff plain gd overflows at every rate of the grid (its first
    // gradient is about 4.5e7), so it keeps the smallest; Adam finds a finite loss.
    assert_eq!(
        (result[0].value, result[0].loss),
        (TUNE_GRID[0], f64::INFINITY)
    );
    assert!(result[5].loss.is_finite());
    let tuned = whole.tuned_config().unwrap();
    assert_eq!(tuned.racers[0][Hyper::Lr], result[0].value);
    assert_eq!(tuned.racers[4][Hyper::Delta0], result[4].value);
}

#[test]
fn when_every_candidate_diverges_the_smallest_rate_is_kept() {
    // From w_rec = 3 at length 200 every rate overflows at once.
    let mut config = race_of(
        vec![OptimizerSettings::defaults(OptimizerKind::Gd)],
        Some(Weights {
            w_x: 1.0,
            w_rec: 3.0,
        }),
        50,
    );
    config.data.len = 200;
    let mut tuning = Tuning::new(&config, 50).unwrap();
    tuning.run_to_end();
    let result = tuning.result().unwrap();
    assert_eq!(result[0].value, TUNE_GRID[0]);
    assert_eq!(result[0].loss, f64::INFINITY);
}

/// The finish (or the divergence epoch) of each racer of a preset's race.
fn preset_outcomes(preset: PresetId) -> Vec<RacerStatus> {
    let config = preset.state().race_config().expect("a race preset");
    let mut race = Race::new(config).unwrap();
    while race.step() {}
    race.racers().iter().map(|r| r.status()).collect()
}

#[test]
fn the_race_presets_captions_are_what_the_core_gives() {
    let finished = |epoch| RacerStatus::Finished { epoch };
    // Gradient descent and momentum race at one rate: the rules are compared, not the rates.
    let racers = PresetId::RaceSeed.state().race_config().unwrap().racers;
    assert_eq!(racers[0][Hyper::Lr], racers[1][Hyper::Lr]);
    assert_eq!(
        (racers[0].kind, racers[1].kind),
        (OptimizerKind::Gd, OptimizerKind::Momentum)
    );
    let seed = preset_outcomes(PresetId::RaceSeed);
    // gd, momentum, rmsprop-seed, rprop, adam.
    assert_eq!(
        seed,
        [589, 83, 100, 35, 72].map(finished),
        "Rprop first, then Adam, momentum and the post's RMSProp; gd last"
    );
    let cliff = preset_outcomes(PresetId::RaceCliff);
    assert!(matches!(cliff[0], RacerStatus::Diverged { epoch: 2, .. }));
    assert_eq!(cliff[1], finished(96));
    assert_eq!(cliff[2], RacerStatus::Running, "Adam has not finished");
    let config = PresetId::RaceCliff.state().race_config().unwrap();
    let mut race = Race::new(config).unwrap();
    while race.step() {}
    assert_eq!(race.epoch(), 3000);
    assert_eq!(format!("{:.1}", race.racers()[2].loss()), "43.7");
    for lang in Lang::iter() {
        let caption = Text::get(lang).preset_caption;
        for number in ["35", "72", "83", "100", "589", "1e-5"] {
            assert!(
                caption(PresetId::RaceSeed).contains(number),
                "{lang:?} {number}"
            );
        }
        for number in ["2", "96", "1000", "43.7", "3000", "0.01"] {
            assert!(
                caption(PresetId::RaceCliff).contains(number),
                "{lang:?} {number}"
            );
        }
    }
}

#[test]
fn a_race_link_reads_the_url_tables_keys_and_round_trips() {
    let query = "race=gd;gd:clip=1000;adam:lr=0.05,b1=0.8;rprop:d0=0.01,clip=off&target=5&clip=7";
    let Parsed { state, notices } = parse(query);
    assert!(notices.is_empty(), "{notices:?}");
    let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
    let adam = OptimizerSettings::defaults(OptimizerKind::Adam);
    let rprop = OptimizerSettings::defaults(OptimizerKind::Rprop);
    let config = state.race_config().unwrap();
    assert_eq!(
        config.racers,
        [
            gd.with_clip(Some(7.0)),
            gd.with_clip(Some(1000.0)),
            adam.with(Hyper::Lr, 0.05)
                .with(Hyper::Beta1, 0.8)
                .with_clip(Some(7.0)),
            rprop.with(Hyper::Delta0, 0.01),
        ]
    );
    assert_eq!(config.target, Some(5.0));
    assert_eq!(parse(&to_query(&state)).state, state);
    assert_eq!(
        to_query(&state),
        "clip=7&race=gd;gd:clip=1e3;adam:lr=0.05,b1=0.8;rprop:d0=0.01,clip=off&target=5"
    );
    assert!(parse("race=off").state.race_config().is_none());
}

#[test]
fn a_bad_racer_in_a_link_is_corrected_with_a_notice() {
    let Parsed { state, notices } = parse("race=adam:lr=5e9;sgd;gd:mu=0.5,lr=abc");
    let kinds: Vec<(&str, &str)> = notices.iter().map(|n| (n.key, n.given.as_str())).collect();
    assert_eq!(
        kinds,
        [
            ("race", "lr=5e9"),
            ("race", "sgd"),
            ("race", "mu=0.5"),
            ("race", "lr=abc")
        ]
    );
    assert!(matches!(notices[0].kind, NoticeKind::OutOfRange { .. }));
    assert!(matches!(notices[1].kind, NoticeKind::UnknownChoice { .. }));
    assert_eq!(notices[0].used, "adam:lr=1e6;gd");
    let racers: Vec<OptimizerSettings> = state.race.iter().map(|r| r.settings).collect();
    let adam = OptimizerSettings::defaults(OptimizerKind::Adam).with(Hyper::Lr, 1e6);
    assert_eq!(
        racers,
        [adam, OptimizerSettings::defaults(OptimizerKind::Gd)]
    );
    let seven = ["gd"; 7].join(";");
    let Parsed { state, notices } = parse(&format!("race={seven}"));
    assert_eq!(state.race.len(), MAX_RACERS);
    assert_eq!(notices.len(), 1);
    assert!(matches!(notices[0].kind, NoticeKind::OutOfRange { .. }));
    assert!((Text::get(Lang::En).notice)(&notices[0]).contains("race=7"));
}

/// A racer's name is its rule's display name, numbered when the rule races twice, with only
/// what differs from the rule's defaults: never the link's internal ids.
#[test]
fn racers_are_named_by_their_rule_with_a_number_and_what_differs() {
    let (racers, problems) = rnn_playground::params::read_race(
        "adam;adam:lr=0.05;rmsprop-seed:rescale=2;momentum:lr=1e-5;gd:clip=1000;gd",
    );
    assert!(problems.is_empty());
    let kinds: Vec<OptimizerKind> = racers.iter().map(|r| r.settings.kind).collect();
    let ordinals = rnn_playground::params::ordinals(&kinds);
    assert_eq!(ordinals, [None, Some(2), None, None, None, Some(2)]);
    let text = Text::get(Lang::En);
    let names: Vec<String> = racers
        .iter()
        .zip(&ordinals)
        .map(|(r, &n)| {
            rnn_playground::params::racer_label(
                (text.optimizer_name)(r.settings.kind),
                n,
                &r.resolved(None),
            )
        })
        .collect();
    assert_eq!(
        names,
        [
            "Adam",
            "Adam 2 (lr = 0.05)",
            "RMSProp (2016 post's variant) (rescale = 2)",
            "Momentum (lr = 1e-5)",
            "Gradient descent (clip = 1000)",
            "Gradient descent 2",
        ]
    );
    for name in &names {
        assert!(
            !name.contains("rmsprop-seed") && !name.contains("b1="),
            "{name}"
        );
    }
}
