//! Scenario presets: each sets the whole run. Its title and its caption (what
//! to watch) are in the catalogue (`crate::text`).
//!
//! Every number quoted in a caption is checked by a native test that runs the
//! core trainer (tests/params.rs), so a caption cannot drift from the run.

use strum::IntoEnumIterator;

use super::racer::RacerSpec;
use super::state::AppState;
use crate::plot::View;
use crate::rnn::OptimizerKind::{Adam, Gd, Momentum, RmspropSeed, Rprop};
use crate::rnn::named::named_enum;
use crate::rnn::{
    CellKind, DataConfig, Hyper, OptimizerKind, OptimizerSettings, Reduction, Task, Weights,
};

named_enum! {
    /// A scenario, numbered from 1 in declaration order for the keyboard.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[strum(serialize_all = "kebab-case")]
    pub enum PresetId {
        SeedGd,
        SeedRmsprop,
        RoelantsRprop,
        Exploding,
        Vanishing,
        Clipping,
        AdamValley,
        VanishingSignal,
        ExplodingSignal,
        RaceSeed,
        RaceCliff,
        LatchPlateau,
        LatchLearned,
        LatchCliff,
        PascanuCliff,
        PascanuClipped,
        RacePascanu,
    }
}

impl PresetId {
    /// The keyboard shortcut: 1 for the first scenario.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(number: u8) -> Option<PresetId> {
        PresetId::iter().find(|p| p.number() == number)
    }

    /// The whole run this scenario sets up, on top of the default state.
    pub fn state(self) -> AppState {
        self.apply(&AppState::default())
    }

    /// `current` switched to this scenario: the run, its view, speed and stop
    /// are replaced; the classroom settings (language, embed, presentation,
    /// hidden controls, log axis) are kept, and `at` goes back to 0.
    pub fn apply(self, current: &AppState) -> AppState {
        let run = self.run();
        AppState {
            model: run.model,
            task: run.task,
            optimizer: run.optimizer,
            reduction: run.reduction,
            data: run.data,
            init: run.init,
            view: run.view,
            speed: run.speed,
            stop_at: Some(run.stop_at),
            at: 0,
            preset: Some(self),
            inside: run.inside || current.inside,
            seq: 0,
            input: None,
            race: run.race,
            race_target: run.race_target,
            ghost: None,
            ..current.clone()
        }
    }

    fn run(self) -> Run {
        let gd = OptimizerSettings::defaults(OptimizerKind::Gd);
        // The start where |w_rec| > 1 makes the gradient explode (Roelants' figure).
        let steep_wall = Some(Weights {
            w_x: 1.0,
            w_rec: 2.0,
        });
        // In the curved valley: w_x too large, w_rec too small.
        let low_memory = Some(Weights {
            w_x: 2.0,
            w_rec: 0.5,
        });
        // w_x already right, so all the error is forgetting: the vanishing signal alone slows it.
        let forgetful = Some(Weights {
            w_x: 1.0,
            w_rec: 0.3,
        });
        // Around the seed's path, which runs from (0.09, 0.01) to (1, 1).
        let seed_view = View::square(-0.5, 1.5);
        // Shows the start (2, 0.5), the swing to w_x ≈ 2.3 and the optimum.
        let valley_view = View {
            x_min: 0.0,
            x_max: 3.0,
            y_min: 0.0,
            y_max: 1.5,
        };
        // The steep wall's start, the path down it and the optimum.
        let wall_view = View {
            x_min: 0.0,
            x_max: 2.0,
            y_min: 0.0,
            y_max: 2.5,
        };
        match self {
            PresetId::SeedGd => Run {
                optimizer: gd,
                // The seed makes 2001 calls of train().
                stop_at: 2001,
                view: seed_view,
                ..Run::seed()
            },
            PresetId::SeedRmsprop => Run {
                stop_at: 2001,
                view: seed_view,
                ..Run::seed()
            },
            PresetId::RoelantsRprop => Run {
                optimizer: OptimizerSettings::defaults(OptimizerKind::Rprop),
                reduction: Reduction::Mean,
                init: Some(Weights {
                    w_x: -1.5,
                    w_rec: 2.0,
                }),
                stop_at: 500,
                speed: 2.0,
                ..Run::seed()
            },
            PresetId::Exploding => Run {
                optimizer: gd,
                init: steep_wall,
                stop_at: 100,
                speed: 1.0,
                ..Run::seed()
            },
            PresetId::Vanishing => Run {
                optimizer: gd,
                init: forgetful,
                stop_at: 1000,
                speed: 2.0,
                view: valley_view,
                // The caption's 0.3⁹ is the unrolled view's fading signal.
                inside: true,
                ..Run::seed()
            },
            PresetId::Clipping => Run {
                optimizer: gd.with_clip(Some(1000.0)),
                init: steep_wall,
                stop_at: 3000,
                speed: 10.0,
                view: wall_view,
                ..Run::seed()
            },
            PresetId::AdamValley => Run {
                optimizer: OptimizerSettings::defaults(OptimizerKind::Adam),
                init: low_memory,
                stop_at: 1000,
                view: valley_view,
                ..Run::seed()
            },
            // Roelants' (1, 0.5) on sequences of 50: the signal halves at each step back.
            PresetId::VanishingSignal => Run {
                optimizer: OptimizerSettings::defaults(OptimizerKind::Rprop),
                init: Some(Weights {
                    w_x: 1.0,
                    w_rec: 0.5,
                }),
                stop_at: 3000,
                ..Run::long_sequences()
            },
            // w_rec = 1.5 on sequences of 50: the signal grows 1.5× at each step back.
            PresetId::ExplodingSignal => Run {
                optimizer: gd,
                init: Some(Weights {
                    w_x: 1.0,
                    w_rec: 1.5,
                }),
                stop_at: 100,
                speed: 1.0,
                ..Run::long_sequences()
            },
            // Gradient descent and momentum at one rate, so that the race compares the rules.
            PresetId::RaceSeed => Run {
                race: vec![
                    RacerSpec::new(Gd),
                    RacerSpec {
                        settings: OptimizerSettings::defaults(Momentum)
                            .with(Hyper::Lr, gd[Hyper::Lr]),
                        own_clip: false,
                    },
                    RacerSpec::new(RmspropSeed),
                    RacerSpec::new(Rprop),
                    RacerSpec::new(Adam),
                ],
                view: seed_view,
                ..Run::seed()
            },
            PresetId::RaceCliff => Run {
                race: vec![
                    RacerSpec::new(Gd),
                    RacerSpec {
                        settings: gd.with_clip(Some(1000.0)),
                        own_clip: true,
                    },
                    RacerSpec::new(Adam),
                ],
                init: steep_wall,
                stop_at: 3000,
                speed: 2.0,
                view: wall_view,
                ..Run::seed()
            },
            // Bengio, Simard & Frasconi (1994): below w_rec = 1 the tanh cell forgets.
            PresetId::LatchPlateau => Run {
                init: Some(Weights {
                    w_x: 1.0,
                    w_rec: 0.5,
                }),
                stop_at: 1000,
                speed: 5.0,
                ..Run::latch()
            },
            PresetId::LatchLearned => Run {
                init: Some(Weights {
                    w_x: 1.0,
                    w_rec: 0.9,
                }),
                stop_at: 100,
                speed: 0.5,
                ..Run::latch()
            },
            // At w_rec = 1 the cell's fixed points split: the loss has a cliff there.
            PresetId::LatchCliff => Run {
                optimizer: gd.with(Hyper::Lr, 0.1),
                init: Some(Weights {
                    w_x: 1.0,
                    w_rec: 1.0,
                }),
                stop_at: 1000,
                speed: 2.0,
                ..Run::latch()
            },
            // Pascanu, Mikolov & Bengio (2013), figure 6: a start just above the wall.
            PresetId::PascanuCliff => Run {
                stop_at: 60,
                speed: 0.5,
                ..Run::pascanu()
            },
            PresetId::PascanuClipped => Run {
                optimizer: Run::pascanu().optimizer.with_clip(Some(0.5)),
                stop_at: 60,
                speed: 0.5,
                ..Run::pascanu()
            },
            PresetId::RacePascanu => Run {
                race: vec![
                    RacerSpec {
                        settings: Run::pascanu().optimizer,
                        own_clip: false,
                    },
                    RacerSpec {
                        settings: Run::pascanu().optimizer.with_clip(Some(0.5)),
                        own_clip: true,
                    },
                ],
                // 1% of the cliff's baseline is reached by both before the wall; 1e-4 is not.
                race_target: Some(1e-4),
                stop_at: 2001,
                speed: 2.0,
                ..Run::pascanu()
            },
        }
    }
}

/// What a preset sets.
struct Run {
    model: CellKind,
    task: Task,
    /// A race's finishing loss, when the default (1% of the baseline) would not separate it.
    race_target: Option<f64>,
    optimizer: OptimizerSettings,
    reduction: Reduction,
    init: Option<Weights>,
    view: View,
    speed: f64,
    stop_at: u64,
    data: DataConfig,
    /// Opens the inside view (the unrolled network and the gradient over time).
    inside: bool,
    /// The racers, for a race.
    race: Vec<RacerSpec>,
}

impl Run {
    /// The seed's run, stopped where the seed stops.
    fn seed() -> Run {
        let defaults = AppState::default();
        Run {
            model: CellKind::Linear,
            task: Task::Count,
            race_target: None,
            optimizer: defaults.optimizer,
            reduction: defaults.reduction,
            init: None,
            view: defaults.view,
            speed: defaults.speed,
            stop_at: 2001,
            data: DataConfig::default(),
            inside: false,
            race: Vec::new(),
        }
    }

    /// The tanh cell on the latch task over 50 steps, gradient descent at lr 0.01, inside.
    fn latch() -> Run {
        Run {
            model: CellKind::Tanh,
            task: Task::Latch,
            optimizer: OptimizerSettings::defaults(OptimizerKind::Gd).with(Hyper::Lr, 0.01),
            view: View::for_cell(CellKind::Tanh),
            ..Run::long_sequences()
        }
    }

    /// Pascanu's unit over T = 50 from its default start, gradient descent at lr 2, in the
    /// paper's window.
    fn pascanu() -> Run {
        Run {
            model: CellKind::Cliff,
            optimizer: OptimizerSettings::defaults(OptimizerKind::Gd).with(Hyper::Lr, 2.0),
            view: View::for_cell(CellKind::Cliff),
            ..Run::long_sequences()
        }
    }

    /// The seed's data seed with sequences of 50 steps, shown inside.
    fn long_sequences() -> Run {
        Run {
            data: DataConfig {
                len: 50,
                ..DataConfig::default()
            },
            inside: true,
            ..Run::seed()
        }
    }
}
