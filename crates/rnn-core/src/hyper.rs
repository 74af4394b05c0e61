//! The one table of optimizer hyperparameters.
//!
//! Each row gives a hyperparameter's URL key, CLI flag, JSON field (the CLI's output),
//! symbol, allowed range, defaults and the rules that read it. The URL table,
//! the CLI flags, the form's boxes, the `hide=` names, saved files and the
//! README all walk [`Hyper::iter`] and read [`Hyper::spec`]; the value itself
//! lives in [`OptimizerSettings`](super::OptimizerSettings), indexed by the
//! `Hyper`. Adding a hyperparameter is one variant here, one row in
//! [`Hyper::spec`], its use in the update rule and its label in each catalogue.

use strum::{EnumCount, EnumIter};

use super::error::CoreError;
use super::limits::Limits;
use super::optim::OptimizerKind;

/// One hyperparameter. The order is the display order of the form and the URL.
/// (`Default` only lets enums that hold a `Hyper` derive their iterators.)
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, EnumIter, EnumCount,
)]
pub enum Hyper {
    #[default]
    Lr,
    Momentum,
    Rho,
    Eps,
    Beta1,
    Beta2,
    EtaPlus,
    EtaMinus,
    Delta0,
    DeltaMax,
    DeltaMin,
    Rescale,
}

/// Everything the app knows about one hyperparameter except its value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HyperSpec {
    /// The URL query key (and the `hide=` name of its box).
    pub url_key: &'static str,
    /// The CLI flag, without `--`.
    pub cli_flag: &'static str,
    /// The field name in the CLI's JSON (saved files use `url_key`, as links do).
    pub field: &'static str,
    /// The symbol the formulas use.
    pub symbol: &'static str,
    /// The allowed values, for every way a value arrives.
    pub limits: Limits,
    /// The default of every rule not listed in `rule_defaults`.
    pub default: f64,
    /// Rules whose default differs from `default`.
    pub rule_defaults: &'static [(OptimizerKind, f64)],
    /// The rules that read it.
    pub used_by: &'static [OptimizerKind],
    /// One English line for the README and `rnn-lab --help`.
    pub description: &'static str,
}

use OptimizerKind::{Adam, Gd, Momentum, Rmsprop, RmspropSeed, Rprop};

impl Hyper {
    /// The row of the table.
    pub const fn spec(self) -> &'static HyperSpec {
        match self {
            Hyper::Lr => &HyperSpec {
                url_key: "lr",
                cli_flag: "lr",
                field: "lr",
                symbol: "lr",
                limits: Limits {
                    min: 1e-12,
                    max: 1e6,
                },
                default: 1e-3,
                // gd: the seed's rate (larger rates explode on the summed loss);
                // momentum: μ = 0.9 multiplies the effective rate by 10.
                rule_defaults: &[(Gd, 1e-5), (Momentum, 1e-6), (Adam, 1e-2)],
                used_by: &[Gd, Momentum, Rmsprop, RmspropSeed, Adam],
                description: "Learning rate",
            },
            Hyper::Momentum => &HyperSpec {
                url_key: "mu",
                cli_flag: "momentum",
                field: "momentum",
                symbol: "μ",
                limits: Limits {
                    min: 0.0,
                    max: 0.999,
                },
                default: 0.9,
                // The "optimizers.py" gist the seed cites uses 0.5.
                rule_defaults: &[(RmspropSeed, 0.5)],
                used_by: &[Momentum, RmspropSeed],
                description: "Momentum coefficient μ",
            },
            Hyper::Rho => &HyperSpec {
                url_key: "rho",
                cli_flag: "rho",
                field: "rho",
                symbol: "ρ",
                limits: Limits {
                    min: 0.0,
                    max: 0.9999,
                },
                default: 0.9,
                rule_defaults: &[],
                used_by: &[Rmsprop, RmspropSeed],
                description: "Decay ρ of the running mean of g²",
            },
            Hyper::Eps => &HyperSpec {
                url_key: "eps",
                cli_flag: "eps",
                field: "eps",
                symbol: "ε",
                limits: Limits {
                    min: 1e-12,
                    max: 1.0,
                },
                default: 1e-8,
                // The gist's floor on the root mean square.
                rule_defaults: &[(RmspropSeed, 1e-4)],
                used_by: &[Rmsprop, RmspropSeed, Adam],
                description: "ε added to the root mean square (rmsprop-seed: its floor)",
            },
            Hyper::Beta1 => &HyperSpec {
                url_key: "b1",
                cli_flag: "beta1",
                field: "beta1",
                symbol: "β1",
                limits: Limits {
                    min: 0.0,
                    max: 0.999,
                },
                default: 0.9,
                rule_defaults: &[],
                used_by: &[Adam],
                description: "Adam's first-moment decay β1",
            },
            Hyper::Beta2 => &HyperSpec {
                url_key: "b2",
                cli_flag: "beta2",
                field: "beta2",
                symbol: "β2",
                limits: Limits {
                    min: 0.0,
                    max: 0.99999,
                },
                default: 0.999,
                rule_defaults: &[],
                used_by: &[Adam],
                description: "Adam's second-moment decay β2",
            },
            Hyper::EtaPlus => &HyperSpec {
                url_key: "etap",
                cli_flag: "eta-plus",
                field: "eta_plus",
                symbol: "η+",
                limits: Limits {
                    min: 1.0,
                    max: 10.0,
                },
                default: 1.2,
                rule_defaults: &[],
                used_by: &[Rprop],
                description: "Rprop's step growth η+ while the gradient's sign holds",
            },
            Hyper::EtaMinus => &HyperSpec {
                url_key: "etam",
                cli_flag: "eta-minus",
                field: "eta_minus",
                symbol: "η−",
                limits: Limits {
                    min: 0.01,
                    max: 1.0,
                },
                default: 0.5,
                rule_defaults: &[],
                used_by: &[Rprop],
                description: "Rprop's step shrink η− when the gradient's sign flips",
            },
            Hyper::Delta0 => &HyperSpec {
                url_key: "d0",
                cli_flag: "delta0",
                field: "delta0",
                symbol: "Δ0",
                limits: Limits {
                    min: 1e-12,
                    max: 1e3,
                },
                default: 1e-3,
                rule_defaults: &[],
                used_by: &[Rprop],
                description: "Rprop's initial step Δ0",
            },
            // Riedmiller & Braun (1993) bound the step to [Δmin, Δmax] = [1e-6, 50].
            Hyper::DeltaMax => &HyperSpec {
                url_key: "dmax",
                cli_flag: "delta-max",
                field: "delta_max",
                symbol: "Δmax",
                limits: Limits {
                    min: 1e-9,
                    max: 1e6,
                },
                default: 50.0,
                rule_defaults: &[],
                used_by: &[Rprop],
                description: "Rprop's largest step Δmax",
            },
            Hyper::DeltaMin => &HyperSpec {
                url_key: "dmin",
                cli_flag: "delta-min",
                field: "delta_min",
                symbol: "Δmin",
                limits: Limits { min: 0.0, max: 1.0 },
                default: 1e-6,
                rule_defaults: &[],
                used_by: &[Rprop],
                description: "Rprop's smallest step Δmin",
            },
            Hyper::Rescale => &HyperSpec {
                url_key: "rescale",
                cli_flag: "rescale",
                field: "rescale",
                symbol: "rescale",
                limits: Limits {
                    min: 1e-6,
                    max: 1e6,
                },
                default: 5.0,
                rule_defaults: &[],
                used_by: &[RmspropSeed],
                description: "rmsprop-seed's gradient-norm rescale threshold",
            },
        }
    }

    /// The clip norm's range (clipping applies to every rule, so it is not a row).
    pub const CLIP_RANGE: Limits = Limits {
        min: 1e-12,
        max: 1e12,
    };

    pub fn url_key(self) -> &'static str {
        self.spec().url_key
    }

    pub fn cli_name(self) -> &'static str {
        self.spec().cli_flag
    }

    pub fn limits(self) -> Limits {
        self.spec().limits
    }

    /// Whether `kind` reads this hyperparameter.
    pub fn used_by(self, kind: OptimizerKind) -> bool {
        self.spec().used_by.contains(&kind)
    }

    /// The default under `kind`.
    pub fn default_for(self, kind: OptimizerKind) -> f64 {
        let spec = self.spec();
        spec.rule_defaults
            .iter()
            .find(|(rule, _)| *rule == kind)
            .map_or(spec.default, |&(_, value)| value)
    }

    pub fn validate(self, value: f64) -> Result<(), CoreError> {
        self.limits().check(self.cli_name(), value)
    }
}
