//! The URL settings table: parsing never fails, writing reads back exactly,
//! every correction is reported, and every preset's caption is true.

use proptest::prelude::*;

use rnn_playground::params::{
    AT_RANGE, AppState, Control, Ghost, Lang, MAX_SEEK_WORK, MAX_SPEED, Notice, NoticeKind, PARAMS,
    Parsed, PresetId, Problem, RacerSpec, SEEK_CHUNK_WORK, SHOWN_CHARS, View, bound_seek,
    differences_from_scenario, epoch_work, markdown_table, max_seek_epochs, parse, seek_chunk,
    to_query,
};
use rnn_playground::rnn::model::backward_signal;
use rnn_playground::rnn::trainer::DivergenceReason;
use rnn_playground::rnn::tune::tuned_hyper;
use rnn_playground::rnn::{CellKind, Hyper, Named, Precision, Task};
use rnn_playground::rnn::{
    DataConfig, Dataset, MAX_RACERS, OptimizerKind, OptimizerSettings, Record, Reduction, Status,
    StopRule, Trainer, TrainerConfig, Weights,
};
use rnn_playground::text::Text;
use strum::IntoEnumIterator;

/// The URL keys; links, scripts and tests outside this crate rely on them.
const KEYS: [&str; 41] = [
    "model",
    "task",
    "opt",
    "lr",
    "mu",
    "rho",
    "eps",
    "b1",
    "b2",
    "etap",
    "etam",
    "d0",
    "dmax",
    "dmin",
    "rescale",
    "clip",
    "loss",
    "precision",
    "len",
    "n",
    "seed",
    "wx",
    "wrec",
    "view",
    "speed",
    "epochs",
    "at",
    "lang",
    "embed",
    "present",
    "hide",
    "preset",
    "logy",
    "seq",
    "input",
    "inside",
    "six",
    "phase",
    "race",
    "target",
    "ghost",
];

fn message_en(notice: &Notice) -> String {
    (Text::get(Lang::En).notice)(notice)
}

fn message_ja(notice: &Notice) -> String {
    (Text::get(Lang::Ja).notice)(notice)
}

/// The only notice of `query`, which must exist.
fn only_notice(query: &str) -> (AppState, Notice) {
    let Parsed { state, notices } = parse(query);
    assert_eq!(notices.len(), 1, "{query}: {notices:?}");
    (state, notices[0].clone())
}

fn with_state(change: impl FnOnce(&mut AppState)) -> AppState {
    let mut state = AppState::default();
    change(&mut state);
    state
}

// ---------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------

#[test]
fn the_table_has_every_key_exactly_once() {
    let mut table: Vec<&str> = PARAMS.iter().map(|p| p.key).collect();
    let mut expected = KEYS.to_vec();
    table.sort_unstable();
    expected.sort_unstable();
    assert_eq!(table, expected);
}

#[test]
fn the_markdown_table_has_a_row_per_key_with_range_and_default() {
    let table = markdown_table();
    for key in KEYS {
        let rows: Vec<&str> = table
            .lines()
            .filter(|l| l.starts_with(&format!("| `{key}` |")))
            .collect();
        assert_eq!(rows.len(), 1, "{key}");
        assert_eq!(rows[0].matches(" | ").count(), 3, "{}", rows[0]);
    }
    assert!(
        table.contains("| `len` | whole number, 1 to 200 | `10` |"),
        "{table}"
    );
    assert!(
        table.contains("| `lr` | number, 1e-12 to 1000000 | `1e-3`, gd `1e-5`, momentum `1e-6`"),
        "{table}"
    );
    assert!(table.contains("`gd`, `momentum`, `rmsprop`, `rmsprop-seed`, `rprop`, `adam`"));
}

#[test]
fn hyperparameter_keys_are_the_cores_url_keys() {
    for hyper in Hyper::iter() {
        assert!(KEYS.contains(&hyper.url_key()), "{}", hyper.url_key());
        assert_eq!(Control::Hyper(hyper).name(), hyper.url_key());
    }
}

#[test]
fn control_names_round_trip_and_follow_url_keys() {
    for control in Control::all() {
        assert_eq!(Control::from_name(control.name()), Some(control));
    }
    for key in [
        "opt", "lr", "clip", "loss", "len", "n", "seed", "speed", "epochs", "view",
    ] {
        assert!(Control::from_name(key).is_some(), "{key}");
    }
    let all: Vec<Control> = Control::all().collect();
    assert!(all.windows(2).all(|w| w[0] < w[1]));
}

// ---------------------------------------------------------------------------------------------
// Defaults and well-formed links
// ---------------------------------------------------------------------------------------------

#[test]
fn an_empty_query_is_the_seeds_run() {
    let state = AppState::default();
    assert_eq!(parse("").state, state);
    assert_eq!(parse("?").state, state);
    assert!(parse("?").notices.is_empty());
    assert_eq!(to_query(&state), "");
    assert_eq!(state.optimizer.kind, OptimizerKind::RmspropSeed);
    assert_eq!(state.optimizer[Hyper::Lr], 1e-3);
    assert_eq!(state.reduction, Reduction::Sum);
    assert_eq!(state.data, DataConfig::default());
    assert_eq!(state.init, None);
    assert_eq!(state.view, View::square(-3.0, 3.0));
    assert!(state.log_axis);
    state.validate().unwrap();
}

#[test]
fn a_full_link_reads_every_key() {
    let query = "?opt=adam&lr=0.02&b1=0.8&b2=0.99&eps=1e-7&clip=5&loss=mean&len=30&n=50&seed=7\
                 &wx=1.5&wrec=-0.5&view=0,2,-1,1.5&speed=20&epochs=300&at=40&lang=ja&embed=1\
                 &present=1&hide=seed,lr&logy=0";
    let Parsed { state, notices } = parse(query);
    assert!(notices.is_empty(), "{notices:?}");
    let optimizer = state.optimizer;
    assert_eq!(optimizer.kind, OptimizerKind::Adam);
    assert_eq!(
        (
            optimizer[Hyper::Lr],
            optimizer[Hyper::Beta1],
            optimizer[Hyper::Beta2]
        ),
        (0.02, 0.8, 0.99)
    );
    assert_eq!((optimizer[Hyper::Eps], optimizer.clip), (1e-7, Some(5.0)));
    assert_eq!(state.reduction, Reduction::Mean);
    assert_eq!(
        state.data,
        DataConfig {
            seed: 7,
            samples: 50,
            len: 30
        }
    );
    assert_eq!(
        state.init,
        Some(Weights {
            w_x: 1.5,
            w_rec: -0.5
        })
    );
    assert_eq!(state.view.bounds(), [0.0, 2.0, -1.0, 1.5]);
    assert_eq!(
        (state.speed, state.stop_at, state.at),
        (20.0, Some(300), 40)
    );
    assert_eq!(state.lang, Some(Lang::Ja));
    assert!(state.embed && state.present && !state.log_axis);
    assert_eq!(state.hide, vec![Control::Hyper(Hyper::Lr), Control::Seed]);
    let config = state.trainer_config();
    assert_eq!(config.stop.max_epochs, Some(300));
    assert_eq!(config.optimizer, optimizer);
    assert_eq!(config.data, state.data);
    assert!(Trainer::new(config).is_ok());
}

#[test]
fn choosing_an_optimizer_loads_its_defaults_whatever_the_key_order() {
    let gd = parse("opt=gd").state;
    assert_eq!(gd.optimizer, OptimizerSettings::defaults(OptimizerKind::Gd));
    assert_eq!(gd.optimizer[Hyper::Lr], 1e-5);
    assert_eq!(parse("lr=0.01&opt=gd").state.optimizer[Hyper::Lr], 0.01);
    assert_eq!(parse("opt=gd&lr=0.01").state.optimizer[Hyper::Lr], 0.01);
    // A clip survives the switch; another rule's hyperparameters are kept (and harmless).
    let kept = parse("clip=3&opt=momentum&b1=0.5").state;
    assert_eq!(kept.optimizer.clip, Some(3.0));
    assert_eq!(kept.optimizer[Hyper::Beta1], 0.5);
    assert_eq!(to_query(&kept), "opt=momentum&b1=0.5&clip=3");
}

#[test]
fn a_preset_is_applied_first_and_keys_override_it() {
    let exploding = PresetId::Exploding.state();
    assert_eq!(parse("preset=exploding").state, exploding);
    let tuned = parse("lr=1e-7&preset=exploding").state;
    assert_eq!(tuned.optimizer[Hyper::Lr], 1e-7);
    assert_eq!(tuned.init, exploding.init);
    assert_eq!(tuned.preset, Some(PresetId::Exploding));
    assert_eq!(to_query(&tuned), "preset=exploding&lr=1e-7");
    // Back to the drawn init, no clip and no stop from a preset that sets them.
    let plain = parse("preset=clipping&clip=off&epochs=off&wx=seed&wrec=seed").state;
    assert_eq!(
        (plain.optimizer.clip, plain.stop_at, plain.init),
        (None, None, None)
    );
    assert_eq!(
        to_query(&plain),
        "preset=clipping&clip=off&wx=seed&wrec=seed&epochs=off"
    );
}

#[test]
fn a_run_modified_from_its_scenario_lists_what_differs() {
    let differences = |query: &str| {
        differences_from_scenario(&parse(query).state).map(|(preset, list)| {
            let pairs: Vec<String> = list
                .iter()
                .map(|d| format!("{}:{}>{}", d.key, d.scenario, d.now))
                .collect();
            (preset, pairs)
        })
    };
    // Untouched, or only the view, the speed, the language or the panels changed: no difference.
    for query in [
        "preset=seed-gd",
        "preset=seed-gd&view=-1,1,-1,1&speed=3&lang=ja&present=1&inside=1&logy=0&hide=lr",
        "",
        "len=50",
    ] {
        assert_eq!(differences(query), None, "{query}");
    }
    assert_eq!(
        differences("preset=seed-gd&len=50"),
        Some((PresetId::SeedGd, vec!["len:10>50".to_string()]))
    );
    // A rule of its own: the rule, and the hyperparameters the new rule reads that differ.
    let (_, changed) = differences("preset=seed-gd&opt=adam&clip=1&epochs=300").unwrap();
    assert_eq!(changed[0], "opt:gd>adam");
    assert!(
        changed.contains(&"lr:0.00001>0.01".to_string()),
        "{changed:?}"
    );
    assert!(changed.contains(&"clip:off>1".to_string()), "{changed:?}");
    assert!(
        changed.iter().any(|c| c.starts_with("epochs:")),
        "{changed:?}"
    );
    assert!(!changed.iter().any(|c| c.starts_with("mu:")), "{changed:?}");
    // A click on the map moves the start.
    let (_, moved) = differences("preset=exploding&wx=0.5&wrec=0.5").unwrap();
    assert_eq!(moved.len(), 2, "{moved:?}");
    // Every scenario as given differs from itself in nothing.
    for preset in PresetId::iter() {
        assert_eq!(
            differences_from_scenario(&preset.state()),
            None,
            "{preset:?}"
        );
    }
}

#[test]
fn links_are_short_and_use_shortest_numbers() {
    assert_eq!(
        to_query(&with_state(|s| s.optimizer[Hyper::Lr] = 1e-5)),
        "lr=1e-5"
    );
    assert_eq!(
        to_query(&with_state(|s| s.optimizer[Hyper::Lr] = 0.25)),
        "lr=0.25"
    );
    assert_eq!(
        to_query(&with_state(|s| s.view = View::NEAR_OPTIMUM)),
        "view=0,2,0,2"
    );
    assert_eq!(to_query(&with_state(|s| s.at = 1234)), "at=1234");
    assert_eq!(to_query(&PresetId::SeedGd.state()), "preset=seed-gd");
    assert_eq!(
        to_query(&with_state(|s| s.select_optimizer(OptimizerKind::Gd))),
        "opt=gd"
    );
}

#[test]
fn repeated_keys_use_the_first_value_and_say_so() {
    let Parsed { state, notices } = parse("lr=0.1&lr=0.2&lr=abc");
    assert_eq!(state.optimizer[Hyper::Lr], 0.1);
    assert_eq!(notices.len(), 1);
    assert_eq!(notices[0].kind, NoticeKind::Repeated { count: 3 });
    assert_eq!(
        message_en(&notices[0]),
        "lr was given 3 times; using the first"
    );
    assert_eq!(
        message_ja(&notices[0]),
        "lr が 3 回指定されています。最初の値を使います。"
    );
}

#[test]
fn unknown_keys_are_ignored_quietly() {
    let parsed = parse("utm_source=news&LR=5&fbclid=x&&=&lr%00=1&%ZZ=1");
    assert_eq!(parsed.state, AppState::default());
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
}

#[test]
fn percent_escapes_and_plus_are_decoded() {
    let state = parse("hide=lr%2C+opt&view=%2D1,1,-1,1&lr=%200.5").state;
    assert_eq!(state.hide, vec![Control::Opt, Control::Hyper(Hyper::Lr)]);
    assert_eq!(state.view.bounds(), [-1.0, 1.0, -1.0, 1.0]);
    assert_eq!(state.optimizer[Hyper::Lr], 0.5);
}

// ---------------------------------------------------------------------------------------------
// Each kind of malformed value
// ---------------------------------------------------------------------------------------------

#[test]
fn not_a_number_falls_back_to_the_default() {
    let (state, notice) = only_notice("lr=abc");
    assert_eq!(state.optimizer[Hyper::Lr], 1e-3);
    assert_eq!(notice.key, "lr");
    assert_eq!(notice.kind, NoticeKind::NotANumber);
    assert_eq!(message_en(&notice), "lr=abc is not a number; using 0.001");
    assert_eq!(
        message_ja(&notice),
        "lr=abc は数値ではありません。0.001 を使います。"
    );
    let (state, notice) = only_notice("lr=NaN");
    assert_eq!(
        (state.optimizer[Hyper::Lr], notice.kind),
        (1e-3, NoticeKind::NotANumber)
    );
    // After a preset, the default is the preset's value.
    let (state, notice) = only_notice("preset=seed-gd&lr=x");
    assert_eq!(state.optimizer[Hyper::Lr], 1e-5);
    assert_eq!(message_en(&notice), "lr=x is not a number; using 0.00001");
}

#[test]
fn out_of_range_numbers_are_clamped() {
    let (state, notice) = only_notice("len=500");
    assert_eq!(state.data.len, 200);
    assert_eq!(
        notice.kind,
        NoticeKind::OutOfRange {
            min: 1.0,
            max: 200.0
        }
    );
    assert_eq!(
        message_en(&notice),
        "len=500 is outside the range 1 to 200; using 200"
    );
    assert_eq!(
        message_ja(&notice),
        "len=500 は範囲（1 〜 200）の外です。200 を使います。"
    );
    /// Reads one setting as a number.
    type Reading = fn(&AppState) -> f64;
    let cases: [(&str, Reading, f64); 9] = [
        ("len=0", |s| s.data.len as f64, 1.0),
        ("len=-3", |s| s.data.len as f64, 1.0),
        (
            "n=99999999999999999999999999999999999999999999",
            |s| s.data.samples as f64,
            1000.0,
        ),
        // A whole number in exponent form, just a large one.
        ("len=1e99", |s| s.data.len as f64, 200.0),
        ("lr=inf", |s| s.optimizer[Hyper::Lr], 1e6),
        ("mu=1.5", |s| s.optimizer[Hyper::Momentum], 0.999),
        ("speed=0", |s| s.speed, 0.01),
        ("speed=5000", |s| s.speed, f64::from(MAX_SPEED)),
        ("at=20000000", |s| s.at as f64, 1e7),
    ];
    for (query, get, expected) in cases {
        let (state, notice) = only_notice(query);
        assert_eq!(get(&state), expected, "{query}");
        assert!(
            matches!(notice.kind, NoticeKind::OutOfRange { .. }),
            "{query}"
        );
    }
    // A quantity that must be positive refuses 0 and less rather than taking its tiny minimum,
    // as the form's box does: the default stays.
    let defaults = AppState::default();
    for (query, get) in [
        ("lr=-1", (|s| s.optimizer[Hyper::Lr]) as Reading),
        ("lr=0", |s| s.optimizer[Hyper::Lr]),
        ("eps=-1e-8", |s| s.optimizer[Hyper::Eps]),
        ("clip=-3", |s| s.optimizer.clip.unwrap_or(f64::NAN)),
    ] {
        let (state, notice) = only_notice(query);
        assert_eq!(notice.kind, NoticeKind::NotPositive, "{query}");
        assert!(
            get(&state) == get(&defaults) || get(&state).is_nan() && get(&defaults).is_nan(),
            "{query}"
        );
    }
    let (state, _) = only_notice("epochs=5000000000");
    assert_eq!(state.stop_at, Some(1_000_000_000));
    let (state, _) = only_notice("clip=1e20");
    assert_eq!(state.optimizer.clip, Some(1e12));
}

#[test]
fn non_integers_fall_back_to_the_default() {
    for query in ["len=2.5", "len=1e-1", "len=inf", "len=0x10"] {
        let (state, notice) = only_notice(query);
        assert_eq!(state.data.len, 10, "{query}");
        let expected = if query == "len=0x10" {
            NoticeKind::NotANumber
        } else {
            NoticeKind::NotAnInteger {
                min: 1.0,
                max: 200.0,
            }
        };
        assert_eq!(notice.kind, expected, "{query}");
    }
    let (_, notice) = only_notice("len=2.5");
    assert_eq!(
        message_en(&notice),
        "len=2.5 is not a whole number from 1 to 200; using 10"
    );
    assert_eq!(
        message_ja(&notice),
        "len=2.5 は 1 から 200 までの整数ではありません。10 を使います。"
    );
}

#[test]
fn exponent_forms_of_whole_numbers_are_whole_numbers() {
    // As in the boxes and the CLI: `1e2` is exactly 100.
    let Parsed { state, notices } = parse("len=1e2&n=5.0e1&seed=+7&at=2.5E1");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!((state.data.len, state.data.samples), (100, 50));
    assert_eq!((state.data.seed, state.at), (7, 25));
}

#[test]
fn a_seed_outside_u32_falls_back_instead_of_clamping() {
    // The last is read exactly, not through f64: it is not a whole number.
    let queries = [
        "seed=-1",
        "seed=4294967296",
        "seed=1.5",
        "seed=4294967295.0000000001",
    ];
    for query in queries {
        let (state, notice) = only_notice(query);
        assert_eq!(state.data.seed, 1, "{query}");
        assert_eq!(
            notice.kind,
            NoticeKind::NotAnInteger {
                min: 0.0,
                max: 4294967295.0
            },
            "{query}"
        );
    }
    assert_eq!(parse("seed=4294967295").state.data.seed, u32::MAX);
    assert_eq!(parse("seed=0").state.data.seed, 0);
}

#[test]
fn unknown_names_fall_back_and_list_the_choices() {
    let (state, notice) = only_notice("opt=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    assert_eq!(state.optimizer.kind, OptimizerKind::RmspropSeed);
    assert_eq!(notice.given, "<script>alert(1)</script>");
    assert_eq!(
        message_en(&notice),
        "opt=<script>alert(1)</script> is not one of gd, momentum, rmsprop, rmsprop-seed, \
         rprop, adam; using rmsprop-seed"
    );
    let (state, _) = only_notice("loss=avg");
    assert_eq!(state.reduction, Reduction::Sum);
    let (state, _) = only_notice("lang=fr");
    assert_eq!(state.lang, None);
    let (state, _) = only_notice("preset=nope");
    assert_eq!(state.preset, None);
    let (state, notice) = only_notice("embed=2");
    assert!(!state.embed);
    assert_eq!(
        notice.kind,
        NoticeKind::UnknownChoice {
            allowed: vec!["0", "1"]
        }
    );
    assert!(parse("embed=true&present=YES&logy=off").state.embed);
    assert_eq!(
        parse("OPT=GD").state.optimizer.kind,
        OptimizerKind::RmspropSeed
    );
    assert_eq!(parse("opt=GD").state.optimizer.kind, OptimizerKind::Gd);
}

#[test]
fn a_malformed_view_falls_back_to_the_default() {
    let not_four = NoticeKind::Malformed(Problem::ViewNotFourNumbers);
    let empty = NoticeKind::Malformed(Problem::ViewEmptyRange);
    for (query, problem) in [
        ("view=3,1,2", &not_four),
        ("view=1,2,3,4,5", &not_four),
        ("view=a,b,c,d", &not_four),
        ("view=,,,", &not_four),
        ("view=3,1,2,4", &empty),
        ("view=1,1,0,1", &empty),
        ("view=2000,3000,0,1", &empty),
    ] {
        let (state, notice) = only_notice(query);
        assert_eq!(state.view, View::DEFAULT, "{query}");
        assert_eq!(&notice.kind, problem, "{query}");
        assert!(message_en(&notice).ends_with("using -3,3,-3,3"), "{query}");
    }
    let (state, notice) = only_notice("view=-2000,3,-3,inf");
    assert_eq!(state.view.bounds(), [-1000.0, 3.0, -3.0, 1000.0]);
    assert_eq!(
        notice.kind,
        NoticeKind::OutOfRange {
            min: -1000.0,
            max: 1000.0
        }
    );
    assert!(parse("view=0,1e-6,0,1").notices.is_empty());
}

#[test]
fn empty_values_fall_back_with_a_notice() {
    for key in KEYS {
        let Parsed { state, notices } = parse(&format!("{key}="));
        assert_eq!(state, AppState::default(), "{key}");
        assert_eq!(notices.len(), 1, "{key}: {notices:?}");
        assert_eq!(notices[0].kind, NoticeKind::Empty, "{key}");
    }
    let (_, notice) = only_notice("lr=");
    assert_eq!(message_en(&notice), "lr is empty; using 0.001");
    assert_eq!(message_ja(&notice), "lr が空です。0.001 を使います。");
    let (_, notice) = only_notice("lang=");
    assert_eq!(message_en(&notice), "lang is empty; ignoring it");
    assert_eq!(message_ja(&notice), "lang が空です。無視します。");
    // A key without '=' is an empty value too.
    let (state, notice) = only_notice("embed");
    assert!(!state.embed);
    assert_eq!((notice.key, notice.kind), ("embed", NoticeKind::Empty));
}

#[test]
fn junk_escapes_are_shown_as_plain_text_without_control_characters() {
    let (state, notice) = only_notice("lr=%ZZ");
    assert_eq!(state.optimizer[Hyper::Lr], 1e-3);
    assert_eq!(notice.given, "%ZZ");
    let (_, notice) = only_notice("lr=%00");
    assert_eq!(notice.given, "");
    let (_, notice) = only_notice("lr=a%0Ab%1Bc%7F%E2%80%AEd%FF");
    assert_eq!(notice.given, "abcd\u{FFFD}");
    assert!(!message_en(&notice).chars().any(char::is_control));
}

#[test]
fn long_values_are_cut_for_display() {
    let garbage: String = "<b>x</b>".repeat(1250);
    let (state, notice) = only_notice(&format!("lr={garbage}"));
    assert_eq!(state.optimizer[Hyper::Lr], 1e-3);
    assert_eq!(notice.given.chars().count(), SHOWN_CHARS + 1);
    assert!(notice.given.ends_with('…'));
    // A 10 000-digit number is a number, just far too large.
    let (state, notice) = only_notice(&format!("lr={}", "9".repeat(10_000)));
    assert_eq!(state.optimizer[Hyper::Lr], 1e6);
    assert!(matches!(notice.kind, NoticeKind::OutOfRange { .. }));
}

#[test]
fn ten_kilobytes_of_garbage_leave_a_working_state() {
    // A fixed pseudo-random byte soup over the characters a URL can hold.
    let alphabet = b"abcdefghijklmnopqrstuvwxyz0123456789=&%+,.-_?#;/ZXQ";
    let mut x: u32 = 12345;
    let soup: String = (0..10_240)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            alphabet[x as usize % alphabet.len()] as char
        })
        .collect();
    for query in [
        soup.clone(),
        format!("lr=0.01&{soup}"),
        soup.replace('&', "&lr="),
    ] {
        let Parsed { state, notices } = parse(&query);
        state.validate().unwrap();
        assert!(notices.len() <= 2 * PARAMS.len(), "{}", notices.len());
    }
    let Parsed { state, notices } = parse(&soup.replace('&', "&lr="));
    assert!(notices.iter().any(|n| n.key == "lr"));
    assert!(Trainer::new(state.trainer_config()).is_ok());
}

#[test]
fn initial_weights_come_as_a_pair() {
    let pair = parse("wx=1&wrec=2").state.init;
    assert_eq!(
        pair,
        Some(Weights {
            w_x: 1.0,
            w_rec: 2.0
        })
    );
    let (state, notice) = only_notice("wx=1");
    assert_eq!(state.init, None);
    assert_eq!(notice.kind, NoticeKind::Malformed(Problem::InitIncomplete));
    assert!(message_en(&notice).ends_with("using the init drawn with the data"));
    assert!(message_ja(&notice).ends_with("データと同じシードで生成した初期値を使います。"));
    let (state, notice) = only_notice("wrec=seed&preset=exploding");
    assert_eq!(state.init, PresetId::Exploding.state().init);
    assert_eq!((notice.key, notice.used.as_str()), ("wrec", "2"));
    let (state, _) = only_notice("wx=1&wrec=seed");
    assert_eq!(state.init, None);
    let (state, notice) = only_notice("wx=50&wrec=-0.5");
    assert_eq!(
        state.init,
        Some(Weights {
            w_x: 10.0,
            w_rec: -0.5
        })
    );
    assert_eq!(
        message_en(&notice),
        "wx=50 is outside the range -10 to 10; using 10"
    );
    let (state, notice) = only_notice("wx=abc&wrec=2");
    assert_eq!((state.init, notice.kind), (None, NoticeKind::NotANumber));
}

#[test]
fn off_and_zero_switch_clip_and_stop_off() {
    for off in ["off", "0", "OFF", "00", "-0"] {
        let state = parse(&format!("preset=clipping&clip={off}&epochs={off}")).state;
        assert_eq!((state.optimizer.clip, state.stop_at), (None, None), "{off}");
    }
    assert_eq!(
        parse("epochs=5").state.trainer_config().stop.max_epochs,
        Some(5)
    );
}

#[test]
fn hide_keeps_known_names_in_order_and_reports_unknown_ones() {
    let (state, notice) = only_notice("hide=seed,lr,bogus,LR,,opt,x%3Cy");
    assert_eq!(
        state.hide,
        vec![Control::Opt, Control::Hyper(Hyper::Lr), Control::Seed]
    );
    assert_eq!(notice.given, "bogus,x<y");
    assert!(matches!(notice.kind, NoticeKind::UnknownChoice { .. }));
    assert_eq!(to_query(&state), "hide=opt,lr,seed");
}

#[test]
fn every_notice_kind_reads_in_both_languages() {
    let queries = [
        "lr=",
        "lr=abc",
        "len=2.5",
        "len=500",
        "opt=x",
        "lr=1&lr=2",
        "view=1",
        "view=1,0,0,1",
        "wx=1",
    ];
    for query in queries {
        for notice in parse(query).notices {
            let (en, ja) = (message_en(&notice), message_ja(&notice));
            assert!(en.starts_with(notice.key), "{en}");
            assert!(ja.starts_with(notice.key), "{ja}");
            assert_ne!(en, ja);
            assert!(
                ja.chars().any(|c| ('\u{3040}'..='\u{30FF}').contains(&c)),
                "{ja}"
            );
        }
    }
}

#[test]
fn at_is_bounded_by_work_not_epochs() {
    // 1000 samples × length 200 = 2e5 sample-steps an epoch: 1e7 epochs would
    // be 2e12 steps, hours of training on load.
    let (state, notice) = only_notice("len=200&n=1000&at=10000000");
    assert_eq!(state.at, 10_000);
    assert_eq!(
        notice.kind,
        NoticeKind::TooMuchWork {
            work: 2_000_000_000_000,
            max_work: MAX_SEEK_WORK
        }
    );
    assert_eq!((notice.key, notice.used.as_str()), ("at", "10000"));
    assert_eq!(
        message_en(&notice),
        "at=10000000 would train 2e12 sample-steps (samples × length × epochs) on load, \
         more than the 2000000000 allowed; using 10000"
    );
    assert!(message_ja(&notice).contains("10000 を使います"));
    state.validate().unwrap();
    // The key order does not matter: the data is known before the cut.
    assert_eq!(parse("at=10000000&n=1000&len=200").state.at, 10_000);
    // Within the budget nothing changes; the default data allows all of AT_RANGE.
    assert!(parse("len=200&n=1000&at=10000").notices.is_empty());
    assert!(parse("at=10000000").notices.is_empty());
    assert_eq!(max_seek_epochs(&AppState::default().data), AT_RANGE.max);
    // A state beyond the budget is not valid.
    let mut loaded = parse("len=200&n=1000").state;
    loaded.at = 50_000;
    assert!(loaded.validate().is_err());
    // A loaded file's epoch travels beside its state and is cut the same way.
    let (epoch, notice) = bound_seek(&loaded, 10_000_000);
    assert_eq!(epoch, 10_000);
    assert_eq!(
        notice.map(|n| n.kind),
        Some(NoticeKind::TooMuchWork {
            work: 2_000_000_000_000,
            max_work: MAX_SEEK_WORK
        })
    );
    assert_eq!(bound_seek(&loaded, 9_999), (9_999, None));
}

/// A heavy seek is cut to the most epochs the work budget allows on its data, whatever the
/// data's size: the epochs kept fit the budget and one more would not, and the notice's
/// figures are those of the link and of the cut.
#[test]
fn a_heavy_seek_is_cut_to_the_largest_epoch_within_the_work_budget() {
    for (len, n) in [
        (200, 1000),
        (199, 997),
        (37, 11),
        (200, 1),
        (1, 1000),
        (3, 7),
    ] {
        let query = format!("len={len}&n={n}&at=10000000");
        let parsed = parse(&query);
        let work = (len * n) as u64;
        let at = parsed.state.at;
        assert!(at * work <= MAX_SEEK_WORK, "{query}: {at} epochs");
        let cut = at < 10_000_000;
        if cut {
            assert!((at + 1) * work > MAX_SEEK_WORK, "{query}: {at} epochs");
            let notice = parsed.notices.iter().find(|n| n.key == "at").unwrap();
            assert_eq!(notice.used, at.to_string(), "{query}");
            assert_eq!(
                notice.kind,
                NoticeKind::TooMuchWork {
                    work: 10_000_000 * work,
                    max_work: MAX_SEEK_WORK
                },
                "{query}"
            );
        } else {
            assert!(parsed.notices.is_empty(), "{query}: {:?}", parsed.notices);
        }
    }
    // The budget is a cut only where a link asks for more: 1000×200 is cut, the default data
    // is not (all of `at=`'s range fits it).
    assert!(parse("len=200&n=1000&at=10000000").state.at < 10_000_000);
    assert_eq!(parse("at=10000000").state.at, 10_000_000);
}

#[test]
fn a_seek_looks_at_the_clock_after_bounded_work() {
    // One chunk is trained between two looks at the clock: bounded by
    // sample-steps, so a frame cannot overrun on big data (it was 256 epochs).
    let big = parse("len=200&n=1000").state.data;
    let small = AppState::default().data;
    assert_eq!(seek_chunk(&big), 1);
    assert_eq!(seek_chunk(&small), SEEK_CHUNK_WORK / 200);
    for data in [big, small, parse("len=7&n=13").state.data] {
        let work = seek_chunk(&data) * epoch_work(&data);
        assert!(work <= SEEK_CHUNK_WORK.max(epoch_work(&data)), "{data:?}");
    }
}

#[test]
fn languages_follow_browser_tags() {
    assert_eq!(Lang::from_browser_tag("ja-JP"), Lang::Ja);
    assert_eq!(Lang::from_browser_tag("JA"), Lang::Ja);
    assert_eq!(Lang::from_browser_tag("en-US"), Lang::En);
    assert_eq!(Lang::from_browser_tag("fr"), Lang::En);
    assert_eq!(Lang::from_browser_tag(""), Lang::En);
    assert_eq!(Lang::from_name("ja"), Some(Lang::Ja));
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

/// Values worth trying for any key: numbers in every notation, names, lists and junk.
fn any_value() -> impl Strategy<Value = String> {
    let names: Vec<String> = [
        "gd",
        "adam",
        "rmsprop-seed",
        "rprop",
        "sum",
        "mean",
        "en",
        "ja",
    ]
    .iter()
    .chain(&[
        "exploding",
        "seed-gd",
        "off",
        "seed",
        "1",
        "0",
        "lr,opt",
        "view,bogus",
    ])
    .map(|s| s.to_string())
    .collect();
    prop_oneof![
        any::<f64>().prop_map(|x| x.to_string()),
        any::<f64>().prop_map(|x| format!("{x:e}")),
        any::<i64>().prop_map(|x| x.to_string()),
        (0u64..3000).prop_map(|x| x.to_string()),
        (-20.0f64..20.0).prop_map(|x| x.to_string()),
        prop::sample::select(names),
        "[-0-9.,eE+]{0,12}",
        "(%[0-9A-Fa-f]{2}|%[G-Zg-z%]{0,2}|[a-z0-9,.+ -]){0,10}",
        (
            prop::collection::vec(-1000.0f64..1000.0, 0..6),
            any::<bool>()
        )
            .prop_map(|(v, spaced)| {
                let sep = if spaced { ", " } else { "," };
                v.iter().map(f64::to_string).collect::<Vec<_>>().join(sep)
            }),
        ".{0,30}",
    ]
}

fn any_key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(KEYS.to_vec()).prop_map(str::to_string),
        1 => "[a-zA-Z_%0-9]{0,6}",
        1 => ".{0,4}",
    ]
}

fn any_query() -> impl Strategy<Value = String> {
    let pair = (any_key(), any_value(), any::<bool>()).prop_map(|(key, value, encode)| {
        if encode {
            form_urlencoded::Serializer::new(String::new())
                .append_pair(&key, &value)
                .finish()
        } else {
            format!("{key}={value}")
        }
    });
    prop_oneof![
        4 => (prop::collection::vec(pair, 0..12), "[?]?", "[&=#%+]{0,2}")
            .prop_map(|(pairs, lead, junk)| format!("{lead}{}{junk}", pairs.join("&"))),
        1 => ".{0,200}",
        1 => prop::collection::vec(any::<u8>(), 0..200)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    ]
}

/// A value within `min..=max`: an end, uniform, or log-uniform when both ends are positive.
fn within(min: f64, max: f64) -> BoxedStrategy<f64> {
    let uniform = (min..=max).boxed();
    let mut choices = vec![Just(min).boxed(), Just(max).boxed(), uniform];
    if min > 0.0 {
        let log = (min.ln()..=max.ln()).prop_map(move |l| l.exp().clamp(min, max));
        choices.push(log.boxed());
    }
    prop::strategy::Union::new(choices).boxed()
}

fn any_optimizer() -> impl Strategy<Value = OptimizerSettings> {
    let hypers: Vec<BoxedStrategy<Option<f64>>> = Hyper::iter()
        .map(|h| prop::option::of(within(h.limits().min, h.limits().max)).boxed())
        .collect();
    let clip = prop::option::of(within(Hyper::CLIP_RANGE.min, Hyper::CLIP_RANGE.max));
    (prop::sample::select(OptimizerKind::all()), hypers, clip).prop_map(|(kind, values, clip)| {
        let mut settings = OptimizerSettings::defaults(kind);
        for (hyper, value) in Hyper::iter().zip(values) {
            if let Some(v) = value {
                settings[hyper] = v;
            }
        }
        settings.clip = clip;
        settings
    })
}

fn any_view() -> impl Strategy<Value = View> {
    let axis = prop_oneof![
        Just((-3.0, 3.0)),
        (-1000.0f64..=990.0, 1e-6f64..=10.0).prop_map(|(lo, span)| (lo, lo + span)),
        (-1000.0f64..0.0, 0.0f64..=1000.0),
    ];
    (axis.clone(), axis).prop_map(|((x_min, x_max), (y_min, y_max))| View {
        x_min,
        x_max,
        y_min,
        y_max,
    })
}

fn any_valid_state() -> impl Strategy<Value = AppState> {
    let run = (
        any_optimizer(),
        prop::sample::select(Reduction::all()),
        (any::<u32>(), 1usize..=1000, 1usize..=200),
        prop::option::of((-10.0f64..=10.0, -10.0f64..=10.0)),
        any_view(),
        prop::option::of(prop::sample::select(PresetId::all())),
    );
    let page = (
        prop_oneof![
            (1u32..=MAX_SPEED).prop_map(f64::from),
            (1u32..=100).prop_map(|hundredths| f64::from(hundredths) / 100.0),
        ],
        prop::option::of(1u64..=1_000_000_000),
        prop_oneof![Just(0u64), 0u64..=10_000_000],
        prop::option::of(prop::sample::select(Lang::all())),
        any::<[bool; 5]>(),
        (
            any::<usize>(),
            prop::option::of("[01]{1,200}"),
            prop::option::of(any::<u64>()),
        ),
        prop::sample::subsequence(
            Control::all().collect::<Vec<_>>(),
            0..=Control::all().count(),
        ),
    );
    let racer = (
        prop::sample::select(OptimizerKind::all()),
        1e-6f64..1.0,
        prop::option::of(prop::option::of(1e-3f64..1e3)),
    )
        .prop_map(|(kind, rate, clip)| RacerSpec {
            settings: OptimizerSettings::defaults(kind)
                .with(tuned_hyper(kind), rate)
                .with_clip(clip.flatten()),
            own_clip: clip.is_some(),
        });
    let race = (
        prop::collection::vec(racer, 0..=MAX_RACERS),
        prop::option::of(1e-6f64..1e6),
        // A ghost: the run with clipping off, another length or another rule.
        prop::option::of((
            1u64..=100_000,
            any::<bool>(),
            prop::option::of(1usize..=200),
            prop::option::of(prop::sample::select(OptimizerKind::all())),
        )),
    );
    (run, page, race).prop_map(
        |(
            (optimizer, reduction, (seed, samples, len), init, view, preset),
            (
                speed,
                stop_at,
                at,
                lang,
                [embed, present, log_axis, inside, six],
                (seq, input, phase),
                hide,
            ),
            (race, race_target, ghost),
        )| {
            let data = DataConfig { seed, samples, len };
            let mut state = AppState {
                model: CellKind::Linear,
                task: Task::Count,
                optimizer,
                reduction,
                precision: Precision::F64,
                data,
                init: init.map(|(w_x, w_rec)| Weights { w_x, w_rec }),
                view,
                speed,
                stop_at,
                at: at.min(max_seek_epochs(&data)),
                lang,
                embed,
                present,
                hide,
                preset,
                log_axis,
                seq: seq % samples,
                input,
                inside,
                six,
                phase: None,
                race,
                race_target,
                ghost: None,
            };
            // A phase implies the inside view.
            state.phase = phase.map(|p| p % (state.last_phase() + 1));
            state.inside |= state.phase.is_some();
            state.ghost = ghost.map(|(epochs, clip_off, len, kind)| {
                let mut earlier = state.clone();
                if clip_off {
                    earlier.optimizer.clip = None;
                }
                if let Some(len) = len {
                    earlier.data.len = len;
                }
                if let Some(kind) = kind {
                    earlier.select_optimizer(kind);
                }
                let epochs = epochs.min(max_seek_epochs(&earlier.data)).max(1);
                Ghost::left_by(&earlier, epochs, &state)
            });
            state
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10_000))]

    /// Any query gives a usable state, and every notice is displayable text.
    #[test]
    fn any_query_gives_a_valid_state(query in any_query()) {
        let Parsed { state, notices } = parse(&query);
        prop_assert!(state.validate().is_ok(), "{:?}", state.validate());
        prop_assert!(state.optimizer.validate().is_ok());
        prop_assert!(state.data.validate().is_ok());
        prop_assert!(state.view.validate().is_ok());
        for notice in &notices {
            prop_assert!(PARAMS.iter().any(|p| p.key == notice.key));
            prop_assert!(notice.given.chars().count() <= SHOWN_CHARS + 1);
            prop_assert!(!notice.given.chars().any(char::is_control));
            prop_assert!(!message_en(notice).is_empty() && !message_ja(notice).is_empty());
        }
        // What the page then writes into the address bar reads back unchanged.
        let again = parse(&to_query(&state));
        prop_assert_eq!(&again.state, &state);
        prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    /// Every valid state survives a link exactly, with a URL-safe query.
    #[test]
    fn every_valid_state_round_trips(state in any_valid_state()) {
        prop_assert!(state.validate().is_ok(), "{:?}", state.validate());
        let query = to_query(&state);
        prop_assert!(
            query.bytes().all(|b| b.is_ascii_alphanumeric() || b"=&.,-;:".contains(&b)),
            "{}", query
        );
        let Parsed { state: back, notices } = parse(&query);
        prop_assert!(notices.is_empty(), "{}: {:?}", query, notices);
        prop_assert_eq!(back, state);
    }
}

// ---------------------------------------------------------------------------------------------
// Presets: each caption's numbers, checked against the core
// ---------------------------------------------------------------------------------------------

/// Runs a preset to its stop; returns every epoch from 0 to the last (the
/// page's timeline) and the trainer.
fn run_preset(preset: PresetId) -> (Vec<Record>, Trainer) {
    let mut trainer = Trainer::new(preset.state().trainer_config()).unwrap();
    while trainer.step().is_some() {}
    let records = trainer.timeline();
    assert!(records.iter().enumerate().all(|(i, r)| r.epoch == i as u64));
    (records, trainer)
}

/// The loss after `epoch` updates, as `#loss` shows it at that `#epoch`.
fn loss_at(records: &[Record], epoch: u64) -> f64 {
    records[epoch as usize].loss
}

fn first_epoch_below(records: &[Record], loss: f64) -> Option<u64> {
    records.iter().find(|r| r.loss < loss).map(|r| r.epoch)
}

fn round(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (x * scale).round() / scale
}

/// The preset's settings, after checking that it trains with `kind`'s default hyperparameters.
#[track_caller]
fn preset_with_defaults_of(preset: PresetId, kind: OptimizerKind) -> AppState {
    let state = preset.state();
    assert_eq!(
        state.optimizer,
        OptimizerSettings::defaults(kind),
        "{preset:?}"
    );
    state
}

/// Asserts that both weights of `w` are within `tolerance` of the optimum (1, 1).
#[track_caller]
fn assert_near_the_optimum(w: Weights, tolerance: f64) {
    assert!(
        (w.w_x - 1.0).abs() < tolerance && (w.w_rec - 1.0).abs() < tolerance,
        "{w:?}"
    );
}

#[test]
fn presets_are_numbered_named_and_set_everything() {
    for (index, preset) in PresetId::iter().enumerate() {
        assert_eq!(usize::from(preset.number()), index + 1);
        assert_eq!(PresetId::from_number(preset.number()), Some(preset));
        assert_eq!(PresetId::from_name(preset.name()), Some(preset));
        let state = preset.state();
        state.validate().unwrap();
        assert_eq!(state.preset, Some(preset));
        assert!(state.stop_at.is_some(), "{preset:?}");
        assert_eq!(to_query(&state), format!("preset={}", preset.name()));
        for lang in Lang::all() {
            let text = Text::get(lang);
            assert!(!(text.preset_title)(preset).is_empty());
            assert!(!(text.preset_caption)(preset).is_empty());
        }
    }
    let names: Vec<&str> = PresetId::names().into_iter().collect();
    assert_eq!(
        names,
        [
            "seed-gd",
            "seed-rmsprop",
            "roelants-rprop",
            "exploding",
            "vanishing",
            "clipping",
            "adam-valley",
            "vanishing-signal",
            "exploding-signal",
            "race-seed",
            "race-cliff",
            "latch-plateau",
            "latch-learned",
            "latch-cliff",
            "pascanu-cliff",
            "pascanu-clipped",
            "race-pascanu"
        ]
    );
    // Switching scenario keeps the classroom settings.
    let class = parse("lang=ja&embed=1&present=1&hide=lr&logy=0&at=50&speed=7").state;
    let switched = PresetId::Vanishing.apply(&class);
    assert_eq!(switched.lang, Some(Lang::Ja));
    assert!(switched.embed && switched.present && !switched.log_axis);
    assert_eq!(
        (switched.hide, switched.at, switched.speed),
        (vec![Control::Hyper(Hyper::Lr)], 0, 2.0)
    );
    assert_eq!(switched.init, PresetId::Vanishing.state().init);
}

#[test]
fn preset_seed_gd_plateaus_then_falls_off_a_cliff_near_550() {
    let state = preset_with_defaults_of(PresetId::SeedGd, OptimizerKind::Gd);
    assert_eq!((state.optimizer[Hyper::Lr], state.init), (1e-5, None));
    let (records, trainer) = run_preset(PresetId::SeedGd);
    // The seed's lines epoch[500] and epoch[600] are the losses after 499 and 599 updates.
    assert_eq!(round(loss_at(&records, 499), 1), 362.7);
    assert_eq!(round(loss_at(&records, 599), 2), 0.27);
    // The caption's "above 360 at epoch 500" and "below 0.3 by epoch 600".
    assert!(loss_at(&records, 500) > 360.0 && loss_at(&records, 600) < 0.3);
    let cliff = first_epoch_below(&records, 100.0).unwrap();
    assert!((540..=580).contains(&cliff), "{cliff}");
    assert!(loss_at(&records, 400) > 400.0, "a plateau, not a slope");
    // The seed's final weights after its 2001 calls.
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 2001 });
    let w = trainer.weights();
    assert_eq!((round(w.w_x, 4), round(w.w_rec, 4)), (1.0597, 0.9863));
}

#[test]
fn preset_seed_rmsprop_reaches_the_plateau_at_1_1() {
    preset_with_defaults_of(PresetId::SeedRmsprop, OptimizerKind::RmspropSeed);
    let (records, trainer) = run_preset(PresetId::SeedRmsprop);
    assert!(
        loss_at(&records, 400) < 0.0075,
        "{}",
        loss_at(&records, 400)
    );
    assert!(
        records[499..]
            .iter()
            .all(|r| (0.0066..0.0070).contains(&r.loss)),
        "plateau at ≈ 0.0068"
    );
    assert_near_the_optimum(trainer.weights(), 2e-3);
}

#[test]
fn preset_roelants_rprop_ends_where_the_tutorial_does() {
    let state = PresetId::RoelantsRprop.state();
    assert_eq!(state.reduction, Reduction::Mean);
    assert_eq!(state.stop_at, Some(500));
    let (_, trainer) = run_preset(PresetId::RoelantsRprop);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 500 });
    let w = trainer.weights();
    assert!((w.w_x - 1.001355547207059).abs() < 1e-12, "{w:?}");
    assert!((w.w_rec - 0.9996744737846419).abs() < 1e-12, "{w:?}");
    assert!(state.view.contains(Weights {
        w_x: -1.5,
        w_rec: 2.0
    }));
}

#[test]
fn preset_exploding_diverges_on_the_first_step() {
    let state = PresetId::Exploding.state();
    assert_eq!(
        (state.optimizer.kind, state.optimizer[Hyper::Lr]),
        (OptimizerKind::Gd, 1e-5)
    );
    assert_eq!(
        state.init,
        Some(Weights {
            w_x: 1.0,
            w_rec: 2.0
        })
    );
    let (records, trainer) = run_preset(PresetId::Exploding);
    assert_eq!(format!("{:.1e}", records[0].grad.norm()), "4.5e7");
    let after_one = records[1].weights;
    assert_eq!(
        (after_one.w_x.round(), after_one.w_rec.round()),
        (-106.0, -433.0)
    );
    assert_eq!(
        trainer.status(),
        Status::Diverged {
            epoch: 2,
            reason: DivergenceReason::LossNotFinite
        }
    );
}

/// Epochs of gradient descent at the scenario's rate from `start` until the loss is below 1.
fn epochs_below_one_from(start: Weights, state: &AppState) -> Option<u64> {
    let mut trainer = Trainer::new(TrainerConfig {
        init: Some(start),
        stop: StopRule {
            max_epochs: Some(5000),
            loss_tolerance: None,
        },
        ..state.trainer_config()
    })
    .unwrap();
    std::iter::from_fn(|| trainer.step())
        .find(|r| r.loss < 1.0)
        .map(|r| r.epoch)
}

/// The vanishing scenario isolates vanishing: w_x is already right, so the only error is
/// forgetting, and a smaller w_rec (a fainter signal back) alone makes the gradient weaker and
/// the run slower, at the same rate.
#[test]
fn preset_vanishing_is_slow_because_the_signal_vanishes() {
    let state = PresetId::Vanishing.state();
    let start = Weights {
        w_x: 1.0,
        w_rec: 0.3,
    };
    let milder = Weights {
        w_x: 1.0,
        w_rec: 0.5,
    };
    assert_eq!(
        (state.optimizer.kind, state.init),
        (OptimizerKind::Gd, Some(start))
    );
    assert!(state.inside, "the inside view shows the fading signal");
    // dL/ds_k scales as w_rec^(n-k): the first input gets 0.3⁹ of the last's signal.
    let (data, _) = Dataset::generate(state.data).unwrap();
    let signal = backward_signal(&data, start, state.reduction);
    let ratio = signal[0] / signal[data.len() - 1];
    assert!((ratio - 0.3f64.powi(9)).abs() < 1e-15, "{ratio}");
    assert_eq!(format!("{ratio:.1e}"), "2.0e-5");
    // More error, yet a weaker gradient on w_rec than from the milder start.
    let model_at = |w| rnn_playground::rnn::model::loss_and_gradient(&data, w, state.reduction);
    let ((loss, g), (milder_loss, milder_g)) = (model_at(start), model_at(milder));
    assert_eq!((loss.round(), g.w_rec.round()), (381.0, -204.0));
    assert_eq!(
        (milder_loss.round(), milder_g.w_rec.round()),
        (328.0, -349.0)
    );
    assert!(loss > milder_loss && g.w_rec.abs() < milder_g.w_rec.abs());
    // Same rate, same w_x: only the vanishing differs, and the run is slower for it.
    assert_eq!(epochs_below_one_from(start, &state), Some(463));
    assert_eq!(epochs_below_one_from(milder, &state), Some(80));
    let (records, trainer) = run_preset(PresetId::Vanishing);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 1000 });
    assert_eq!(first_epoch_below(&records, 1.0), Some(463));
    assert!(state.view.contains(start) && state.view.contains(milder));
    assert!(state.view.contains(Weights {
        w_x: 1.0,
        w_rec: 1.0
    }));
    for lang in Lang::iter() {
        let caption = (Text::get(lang).preset_caption)(PresetId::Vanishing);
        for number in [
            "(1, 0.3)", "0.3⁹", "2.0e-5", "-204", "381", "-349", "328", "463", "80",
        ] {
            assert!(caption.contains(number), "{lang:?} {number}: {caption}");
        }
    }
}

#[test]
fn preset_clipping_rescues_the_exploding_run() {
    let state = PresetId::Clipping.state();
    let exploding = PresetId::Exploding.state();
    assert_eq!(state.optimizer.clip, Some(1000.0));
    assert_eq!(
        state.optimizer.with_clip(None),
        exploding.optimizer,
        "only the clip differs"
    );
    assert_eq!(state.init, exploding.init);
    let (records, trainer) = run_preset(PresetId::Clipping);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 3000 });
    let longest_step = records
        .windows(2)
        .map(|w| {
            (w[1].weights.w_x - w[0].weights.w_x).hypot(w[1].weights.w_rec - w[0].weights.w_rec)
        })
        .fold(0.0, f64::max);
    assert!(longest_step <= 0.01 + 1e-12, "{longest_step}");
    assert_eq!(first_epoch_below(&records, 1.0), Some(276));
    assert_eq!(first_epoch_below(&records, 0.1), Some(2942));
    for lang in Lang::iter() {
        let caption = (Text::get(lang).preset_caption)(PresetId::Clipping);
        for number in ["1000", "0.01", "276", "2942"] {
            assert!(caption.contains(number), "{lang:?} {number}");
        }
    }
    assert!(trainer.evaluate().0 < 0.1);
    assert!(state.view.contains(Weights {
        w_x: 1.0,
        w_rec: 2.0
    }));
}

#[test]
fn preset_adam_follows_the_curved_valley_to_the_optimum() {
    let state = preset_with_defaults_of(PresetId::AdamValley, OptimizerKind::Adam);
    assert_eq!(
        state.init,
        Some(Weights {
            w_x: 2.0,
            w_rec: 0.5
        })
    );
    let (records, trainer) = run_preset(PresetId::AdamValley);
    let widest = records
        .iter()
        .map(|r| r.weights.w_x)
        .fold(f64::MIN, f64::max);
    assert_eq!(round(widest, 2), 2.27);
    assert!(first_epoch_below(&records, 0.01).unwrap() <= 535);
    assert_near_the_optimum(trainer.weights(), 1e-5);
    assert!(
        records.iter().all(|r| state.view.contains(r.weights)),
        "the path stays in view"
    );
}

/// The key handler and the shortcuts dialog read one table: every key maps
/// back to its own shortcut, no key is claimed twice, and every scenario has
/// its digit.
#[test]
fn every_shortcut_key_maps_back_to_its_shortcut() {
    use rnn_playground::params::Shortcut;
    let mut seen = Vec::new();
    for shortcut in Shortcut::iter() {
        for key in shortcut.keys() {
            assert_eq!(Shortcut::of_key(key), Some((shortcut, None)), "{key:?}");
            assert!(!seen.contains(key), "{key:?} is claimed twice");
            seen.push(*key);
        }
        assert!(!shortcut.label().is_empty());
    }
    // The previous/next keys reach every scenario, wrapping around.
    let mut reached = Vec::new();
    let mut current = None;
    for _ in PresetId::iter() {
        current = Shortcut::NextPreset.preset_after(current);
        reached.push(current.unwrap());
    }
    assert_eq!(reached, PresetId::iter().collect::<Vec<_>>());
    assert_eq!(
        Shortcut::PreviousPreset.preset_after(reached.first().copied()),
        reached.last().copied()
    );
    assert_eq!(Shortcut::of_key("]"), Some((Shortcut::NextPreset, None)));
    // A key is one digit: the first nine scenarios have one.
    for preset in PresetId::iter().filter(|p| p.number() <= 9) {
        let digit = preset.number().to_string();
        assert_eq!(
            Shortcut::of_key(&digit),
            Some((Shortcut::Preset, Some(preset)))
        );
    }
    assert_eq!(
        Shortcut::Preset.label(),
        format!("1–{}", PresetId::iter().count().min(9))
    );
    assert_eq!(Shortcut::of_key("0"), None);
    assert_eq!(Shortcut::of_key("x"), None);
}

// ---------------------------------------------------------------------------------------------
// The inside view's keys
// ---------------------------------------------------------------------------------------------

#[test]
fn the_inside_keys_read_back_and_name_what_they_corrected() {
    let parsed = parse("inside=1&seq=7&six=1&input=0110%201");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    let state = parsed.state;
    assert!(state.inside && state.six);
    assert_eq!((state.seq, state.input.as_deref()), (7, Some("01101")));
    assert_eq!(parse(&to_query(&state)).state, state);
    assert!(to_query(&state).contains("input=01101"));

    // `seq` names one of the sequences: at most n − 1, whatever the key order.
    let (state, notice) = only_notice("seq=25&n=20");
    assert_eq!(
        (state.seq, notice.key, notice.used.as_str()),
        (19, "seq", "19")
    );
    assert!(
        message_en(&notice).contains("seq=25"),
        "{}",
        message_en(&notice)
    );

    // A typed sequence that is not 0s and 1s, or too long, is left out and said so.
    let (state, notice) = only_notice("input=01a1");
    assert_eq!((state.input, notice.key), (None, "input"));
    assert!(
        message_en(&notice).contains("Only 0 and 1"),
        "{}",
        message_en(&notice)
    );
    assert!(
        message_ja(&notice).contains("0と1だけ"),
        "{}",
        message_ja(&notice)
    );
    let long = "1".repeat(201);
    let (state, notice) = only_notice(&format!("input={long}"));
    assert_eq!(state.input, None);
    assert!(
        message_en(&notice).contains("At most 200"),
        "{}",
        message_en(&notice)
    );
    let (state, _) = only_notice("inside=maybe");
    assert!(!state.inside);

    // hide= has names for the new controls.
    let state = parse("hide=inside,seq,six").state;
    assert_eq!(
        state.hide,
        vec![Control::Inside, Control::Seq, Control::Six]
    );
}

/// The pass at a signal preset's start, on its data, after checking what the preset sets:
/// sequences of 50 steps, `kind`, the inside view open, and a start at `w_rec`.
#[track_caller]
fn signal_preset_pass(
    preset: PresetId,
    kind: OptimizerKind,
    w_rec: f64,
) -> rnn_playground::rnn::trace::Pass {
    let state = preset.state();
    assert_eq!(
        (state.data.len, state.optimizer.kind),
        (50, kind),
        "{preset:?}"
    );
    assert!(state.inside, "{preset:?} opens the inside view");
    let start = state.init.expect("a fixed start");
    assert_eq!(start.w_rec, w_rec, "{preset:?}");
    let (data, _) = Dataset::generate(state.data).unwrap();
    rnn_playground::rnn::trace::Pass::at(&data, start, state.reduction)
}

#[test]
fn preset_vanishing_signal_fades_to_1e_15_and_rprop_still_arrives() {
    let pass = signal_preset_pass(PresetId::VanishingSignal, OptimizerKind::Rprop, 0.5);
    // "dL/ds₁ is 1.8e-15 of dL/ds₅₀": the batch signal halves at each of 49 steps back.
    let ratio = pass.batch_signal[0] / pass.batch_signal[49];
    assert_eq!(format!("{ratio:.1e}"), "1.8e-15");
    for k in 1..50 {
        let step = pass.batch_signal[k - 1] / pass.batch_signal[k];
        assert!((step - 0.5).abs() < 1e-9, "step {k}: {step}");
    }
    // "still ends near (1, 1) at epoch 3000".
    let (_, trainer) = run_preset(PresetId::VanishingSignal);
    assert_eq!(trainer.status(), Status::ReachedMaxEpochs { epoch: 3000 });
    assert_near_the_optimum(trainer.weights(), 0.01);
}

#[test]
fn preset_exploding_signal_grows_1_5_per_step_and_diverges_in_one_step() {
    let pass = signal_preset_pass(PresetId::ExplodingSignal, OptimizerKind::Gd, 1.5);
    // "dL/ds₁ is 4.3e8 × dL/ds₅₀ and dL/dw_rec is 6.0e20".
    let ratio = pass.batch_signal[0] / pass.batch_signal[49];
    assert_eq!(format!("{ratio:.1e}"), "4.3e8");
    assert!((ratio - 1.5f64.powi(49)).abs() < 1e-6 * ratio);
    assert_eq!(format!("{:.1e}", pass.gradient.w_rec), "6.0e20");
    // "One step of gradient descent throws w_rec to -6.0e15 and the loss overflows."
    let (records, trainer) = run_preset(PresetId::ExplodingSignal);
    assert_eq!(format!("{:.1e}", records[1].weights.w_rec), "-6.0e15");
    assert!(matches!(
        trainer.status(),
        Status::Diverged {
            reason: DivergenceReason::LossNotFinite,
            ..
        }
    ));
    assert_eq!(records.len(), 2, "one update, then the overflow");
}

#[test]
fn a_phase_link_opens_the_step_through_within_the_epoch() {
    let state = parse("phase=60&len=50").state;
    assert_eq!((state.phase, state.inside), (Some(60), true));
    assert_eq!(parse(&to_query(&state)).state, state);
    // 10 steps without clipping: 23 phases, the last 22.
    let (state, notice) = only_notice("phase=99");
    assert_eq!(
        (state.phase, notice.key, notice.used.as_str()),
        (Some(22), "phase", "22")
    );
    let state = parse("phase=99&clip=1000").state;
    assert_eq!(state.phase, Some(23), "clipping adds a phase");
    let (state, _) = only_notice("phase=x");
    assert_eq!(state.phase, None);
    assert_eq!(parse("hide=phase").state.hide, vec![Control::Phase]);
}
