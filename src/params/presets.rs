//! Scenario presets: each sets the whole run and says what to watch.
//!
//! Every number quoted in a caption is checked by a native test that runs the
//! core trainer (tests/params.rs), so a caption cannot drift from the run.

use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;

use super::state::{AppState, Lang};
use crate::plot::View;
use crate::rnn::{DataConfig, OptimizerKind, OptimizerSettings, Reduction, Weights};

/// A scenario, numbered from 1 in declaration order for the keyboard.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum PresetId {
    SeedGd,
    SeedRmsprop,
    RoelantsRprop,
    Exploding,
    Vanishing,
    Clipping,
    AdamValley,
}

impl PresetId {
    /// The keyboard shortcut: 1 for the first scenario.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    pub fn from_number(number: u8) -> Option<PresetId> {
        PresetId::iter().find(|p| p.number() == number)
    }

    /// The menu entry.
    pub fn title(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PresetId::SeedGd, Lang::En) => "Seed: gradient descent",
            (PresetId::SeedGd, Lang::Ja) => "元記事：勾配降下法",
            (PresetId::SeedRmsprop, Lang::En) => "Seed: RMSProp",
            (PresetId::SeedRmsprop, Lang::Ja) => "元記事：RMSProp",
            (PresetId::RoelantsRprop, Lang::En) => "Roelants: Rprop from (-1.5, 2)",
            (PresetId::RoelantsRprop, Lang::Ja) => "Roelants：(-1.5, 2) から Rprop",
            (PresetId::Exploding, Lang::En) => "Exploding gradients",
            (PresetId::Exploding, Lang::Ja) => "勾配爆発",
            (PresetId::Vanishing, Lang::En) => "Vanishing gradients",
            (PresetId::Vanishing, Lang::Ja) => "勾配消失",
            (PresetId::Clipping, Lang::En) => "Clipping rescues gradient descent",
            (PresetId::Clipping, Lang::Ja) => "クリッピングが勾配降下法を救う",
            (PresetId::AdamValley, Lang::En) => "Adam vs the valley",
            (PresetId::AdamValley, Lang::Ja) => "Adam と曲がった谷",
        }
    }

    /// One line on what to watch.
    pub fn caption(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PresetId::SeedGd, Lang::En) => {
                "Gradient descent at the seed's lr 1e-5: while w_rec is small the loss barely \
                 moves (still above 360 at epoch 500), then it falls off a cliff near epoch 550 \
                 (below 0.3 by epoch 600)."
            }
            (PresetId::SeedGd, Lang::Ja) => {
                "元記事と同じ学習率 1e-5 の勾配降下法。w_rec が小さいあいだは損失がほとんど\
                 下がらず（500 エポックでもまだ 360 以上）、550 エポック付近で崖のように落ちます\
                 （600 エポックまでに 0.3 未満）。"
            }
            (PresetId::SeedRmsprop, Lang::En) => {
                "The seed's RMSProp variant at lr 1e-3: a fast, chaotic descent, then from \
                 about epoch 400 a plateau at loss ≈ 0.0068, with the path at (1, 1)."
            }
            (PresetId::SeedRmsprop, Lang::Ja) => {
                "元記事が使った RMSProp の変種（学習率 1e-3）。速く乱れた下降のあと、\
                 400 エポックあたりから損失 ≈ 0.0068 で横ばいになり、経路は (1, 1) に着きます。"
            }
            (PresetId::RoelantsRprop, Lang::En) => {
                "Rprop uses only the sign of the gradient, so the huge gradients near \
                 (-1.5, 2) cannot throw it: 500 epochs end at (1.0014, 0.9997), as in \
                 Roelants' tutorial."
            }
            (PresetId::RoelantsRprop, Lang::Ja) => {
                "Rprop は勾配の符号しか使わないので、(-1.5, 2) 付近の巨大な勾配にも\
                 飛ばされません。500 エポックで Roelants のチュートリアルと同じ \
                 (1.0014, 0.9997) に着きます。"
            }
            (PresetId::Exploding, Lang::En) => {
                "The seed's lr 1e-5, but from (1, 2), where |w_rec| > 1 makes the gradient \
                 4.5e7: the first step throws the weights to (-106, -433) and the loss \
                 overflows at epoch 3."
            }
            (PresetId::Exploding, Lang::Ja) => {
                "学習率は元記事と同じ 1e-5 ですが、出発点は (1, 2)。|w_rec| > 1 なので勾配は \
                 4.5e7 にもなり、最初の一歩で重みは (-106, -433) まで飛ばされ、3 エポック目で\
                 損失があふれます。"
            }
            (PresetId::Vanishing, Lang::En) => {
                "From (2, 0.5) the error signal reaching the first input is 0.5⁹ ≈ 1/500 of \
                 the one at the last: gradient descent fits the last inputs fast, then creeps \
                 along the valley (loss 13.4 at epoch 100, still 4.3 at epoch 3000)."
            }
            (PresetId::Vanishing, Lang::Ja) => {
                "(2, 0.5) から出発すると、最初の入力に届く誤差信号は最後の入力の \
                 0.5⁹ ≈ 1/500 しかありません。勾配降下法は最後のほうの入力にはすぐ合わせますが、\
                 その先は谷をじりじり進むだけです（100 エポックで損失 13.4、3000 エポックでも\
                 まだ 4.3）。"
            }
            (PresetId::Clipping, Lang::En) => {
                "Same start and lr as \"Exploding gradients\", with the gradient clipped to \
                 norm 1000: no step is longer than 0.01, so the path walks down the wall into \
                 the valley (loss below 1 by epoch 277, below 0.1 by epoch 3000)."
            }
            (PresetId::Clipping, Lang::Ja) => {
                "「勾配爆発」と同じ出発点と学習率で、勾配をノルム 1000 に切り詰めます。\
                 一歩は最大 0.01 なので、経路は壁を歩いて谷へ下ります（277 エポックまでに\
                 損失 1 未満、3000 エポックまでに 0.1 未満）。"
            }
            (PresetId::AdamValley, Lang::En) => {
                "Same start as \"Vanishing gradients\": Adam scales each weight's step by its \
                 own gradient history, swings out to w_x ≈ 2.27, follows the curved valley \
                 and reaches (1, 1) (loss below 0.01 by epoch 535)."
            }
            (PresetId::AdamValley, Lang::Ja) => {
                "「勾配消失」と同じ出発点。Adam は重みごとに過去の勾配の大きさで歩幅を\
                 調整するので、いったん w_x ≈ 2.27 までふくらんでから曲がった谷に沿って進み、\
                 (1, 1) に着きます（535 エポックまでに損失 0.01 未満）。"
            }
        }
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
            optimizer: run.optimizer,
            reduction: run.reduction,
            data: DataConfig::default(),
            init: run.init,
            view: run.view,
            speed: run.speed,
            stop_at: Some(run.stop_at),
            at: 0,
            preset: Some(self),
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
        let low_memory = Some(Weights {
            w_x: 2.0,
            w_rec: 0.5,
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
                speed: 2,
                ..Run::seed()
            },
            PresetId::Exploding => Run {
                optimizer: gd,
                init: steep_wall,
                stop_at: 100,
                speed: 1,
                ..Run::seed()
            },
            PresetId::Vanishing => Run {
                optimizer: gd,
                init: low_memory,
                stop_at: 3000,
                speed: 10,
                view: valley_view,
                ..Run::seed()
            },
            PresetId::Clipping => Run {
                optimizer: gd.with_clip(Some(1000.0)),
                init: steep_wall,
                stop_at: 3000,
                speed: 10,
                view: View {
                    x_min: 0.0,
                    x_max: 2.0,
                    y_min: 0.0,
                    y_max: 2.5,
                },
                ..Run::seed()
            },
            PresetId::AdamValley => Run {
                optimizer: OptimizerSettings::defaults(OptimizerKind::Adam),
                init: low_memory,
                stop_at: 1000,
                view: valley_view,
                ..Run::seed()
            },
        }
    }
}

/// What a preset sets.
struct Run {
    optimizer: OptimizerSettings,
    reduction: Reduction,
    init: Option<Weights>,
    view: View,
    speed: u32,
    stop_at: u64,
}

impl Run {
    /// The seed's run, stopped where the seed stops.
    fn seed() -> Run {
        let defaults = AppState::default();
        Run {
            optimizer: defaults.optimizer,
            reduction: defaults.reduction,
            init: None,
            view: defaults.view,
            speed: defaults.speed,
            stop_at: 2001,
        }
    }
}
