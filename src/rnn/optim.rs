//! The six update rules, exactly as algorithms.md §4, with inspectable state.
//!
//! Every rule works per parameter on `[w_x, w_rec]`; all state starts at 0.
//! [`OptimizerSettings`] holds every hyperparameter, and [`Hyper`] is the one
//! table of their names, ranges and meaning that the CLI, URL and UI share.

use serde::{Deserialize, Serialize};

use super::error::CoreError;
use super::limits::Limits;
use super::model::{Gradient, Weights};

/// Which update rule. The names are the CLI's and the URL's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OptimizerKind {
    Gd,
    Momentum,
    Rmsprop,
    RmspropSeed,
    Rprop,
    Adam,
}

impl OptimizerKind {
    pub const ALL: [OptimizerKind; 6] = [
        OptimizerKind::Gd,
        OptimizerKind::Momentum,
        OptimizerKind::Rmsprop,
        OptimizerKind::RmspropSeed,
        OptimizerKind::Rprop,
        OptimizerKind::Adam,
    ];

    pub fn name(self) -> &'static str {
        match self {
            OptimizerKind::Gd => "gd",
            OptimizerKind::Momentum => "momentum",
            OptimizerKind::Rmsprop => "rmsprop",
            OptimizerKind::RmspropSeed => "rmsprop-seed",
            OptimizerKind::Rprop => "rprop",
            OptimizerKind::Adam => "adam",
        }
    }

    pub fn from_name(name: &str) -> Option<OptimizerKind> {
        OptimizerKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The hyperparameters this rule reads, in display order.
    pub fn hypers(self) -> &'static [Hyper] {
        use Hyper::*;
        match self {
            OptimizerKind::Gd => &[Lr],
            OptimizerKind::Momentum => &[Lr, Momentum],
            OptimizerKind::Rmsprop => &[Lr, Rho, Eps],
            OptimizerKind::RmspropSeed => &[Lr, Momentum, Rho, Eps, Rescale],
            OptimizerKind::Rprop => &[EtaPlus, EtaMinus, Delta0],
            OptimizerKind::Adam => &[Lr, Beta1, Beta2, Eps],
        }
    }
}

/// Every hyperparameter of every rule; each rule reads only its own
/// ([`OptimizerKind::hypers`]). `clip` applies to all.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct OptimizerSettings {
    pub kind: OptimizerKind,
    pub lr: f64,
    pub momentum: f64,
    pub rho: f64,
    pub eps: f64,
    pub beta1: f64,
    pub beta2: f64,
    pub eta_plus: f64,
    pub eta_minus: f64,
    pub delta0: f64,
    pub rescale: f64,
    /// Clip the gradient to this global norm before the update; `None` is off.
    pub clip: Option<f64>,
}

impl OptimizerSettings {
    /// The defaults of algorithms.md §4 for `kind`.
    pub fn defaults(kind: OptimizerKind) -> OptimizerSettings {
        let common = OptimizerSettings {
            kind,
            lr: 1e-3,
            momentum: 0.9,
            rho: 0.9,
            eps: 1e-8,
            beta1: 0.9,
            beta2: 0.999,
            eta_plus: 1.2,
            eta_minus: 0.5,
            delta0: 1e-3,
            rescale: 5.0,
            clip: None,
        };
        match kind {
            // The seed's rate: with the summed loss, larger rates explode.
            OptimizerKind::Gd => OptimizerSettings { lr: 1e-5, ..common },
            // μ = 0.9 multiplies the effective rate by 10, so start 10× lower than gd.
            OptimizerKind::Momentum => OptimizerSettings { lr: 1e-6, ..common },
            // The constants of the "optimizers.py" gist the seed cites: momentum 0.5, floor 1e-4.
            OptimizerKind::RmspropSeed => OptimizerSettings {
                momentum: 0.5,
                eps: 1e-4,
                ..common
            },
            OptimizerKind::Adam => OptimizerSettings { lr: 1e-2, ..common },
            OptimizerKind::Rmsprop | OptimizerKind::Rprop => common,
        }
    }

    /// Checks every hyperparameter this rule reads, and the clip norm.
    pub fn validate(&self) -> Result<(), CoreError> {
        for hyper in self.kind.hypers() {
            hyper.validate(hyper.get(self))?;
        }
        if let Some(clip) = self.clip {
            Hyper::CLIP_RANGE.check("clip", clip)?;
        }
        Ok(())
    }
}

/// One hyperparameter: its names, range and meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hyper {
    Lr,
    Momentum,
    Rho,
    Eps,
    Beta1,
    Beta2,
    EtaPlus,
    EtaMinus,
    Delta0,
    Rescale,
}

impl Hyper {
    pub const ALL: [Hyper; 10] = [
        Hyper::Lr,
        Hyper::Momentum,
        Hyper::Rho,
        Hyper::Eps,
        Hyper::Beta1,
        Hyper::Beta2,
        Hyper::EtaPlus,
        Hyper::EtaMinus,
        Hyper::Delta0,
        Hyper::Rescale,
    ];
    pub const CLIP_RANGE: Limits = Limits {
        min: 1e-12,
        max: 1e12,
    };

    /// The CLI flag name (without `--`).
    pub fn cli_name(self) -> &'static str {
        match self {
            Hyper::Lr => "lr",
            Hyper::Momentum => "momentum",
            Hyper::Rho => "rho",
            Hyper::Eps => "eps",
            Hyper::Beta1 => "beta1",
            Hyper::Beta2 => "beta2",
            Hyper::EtaPlus => "eta-plus",
            Hyper::EtaMinus => "eta-minus",
            Hyper::Delta0 => "delta0",
            Hyper::Rescale => "rescale",
        }
    }

    /// The URL query key.
    pub fn url_key(self) -> &'static str {
        match self {
            Hyper::Lr => "lr",
            Hyper::Momentum => "mu",
            Hyper::Rho => "rho",
            Hyper::Eps => "eps",
            Hyper::Beta1 => "b1",
            Hyper::Beta2 => "b2",
            Hyper::EtaPlus => "etap",
            Hyper::EtaMinus => "etam",
            Hyper::Delta0 => "d0",
            Hyper::Rescale => "rescale",
        }
    }

    /// The allowed values. Closed ranges keep clamping simple.
    pub fn limits(self) -> Limits {
        let (min, max) = match self {
            Hyper::Lr => (1e-12, 1e6),
            Hyper::Momentum => (0.0, 0.999),
            Hyper::Rho => (0.0, 0.9999),
            Hyper::Eps => (1e-12, 1.0),
            Hyper::Beta1 => (0.0, 0.999),
            Hyper::Beta2 => (0.0, 0.99999),
            Hyper::EtaPlus => (1.0, 10.0),
            Hyper::EtaMinus => (0.01, 1.0),
            Hyper::Delta0 => (1e-12, 1e3),
            Hyper::Rescale => (1e-6, 1e6),
        };
        Limits { min, max }
    }

    pub fn validate(self, value: f64) -> Result<(), CoreError> {
        self.limits().check(self.cli_name(), value)
    }

    pub fn get(self, s: &OptimizerSettings) -> f64 {
        match self {
            Hyper::Lr => s.lr,
            Hyper::Momentum => s.momentum,
            Hyper::Rho => s.rho,
            Hyper::Eps => s.eps,
            Hyper::Beta1 => s.beta1,
            Hyper::Beta2 => s.beta2,
            Hyper::EtaPlus => s.eta_plus,
            Hyper::EtaMinus => s.eta_minus,
            Hyper::Delta0 => s.delta0,
            Hyper::Rescale => s.rescale,
        }
    }

    pub fn set(self, s: &mut OptimizerSettings, value: f64) {
        let field = match self {
            Hyper::Lr => &mut s.lr,
            Hyper::Momentum => &mut s.momentum,
            Hyper::Rho => &mut s.rho,
            Hyper::Eps => &mut s.eps,
            Hyper::Beta1 => &mut s.beta1,
            Hyper::Beta2 => &mut s.beta2,
            Hyper::EtaPlus => &mut s.eta_plus,
            Hyper::EtaMinus => &mut s.eta_minus,
            Hyper::Delta0 => &mut s.delta0,
            Hyper::Rescale => &mut s.rescale,
        };
        *field = value;
    }
}

/// Per-parameter state, `[w_x, w_rec]`. Each rule uses only its own fields.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct OptimizerState {
    /// Updates made so far (Adam's bias correction uses it).
    pub t: u64,
    /// Momentum's velocity `v`.
    pub velocity: [f64; 2],
    /// RMSProp's running mean of g² (`ms`; the seed variant's `sq`).
    pub mean_square: [f64; 2],
    /// The seed variant's running mean of g (`avg`).
    pub mean: [f64; 2],
    /// The seed variant's Nesterov memory (`mem`).
    pub memory: [f64; 2],
    /// Rprop's current step sizes.
    pub step: [f64; 2],
    /// Rprop's previous gradient signs.
    pub prev_sign: [f64; 2],
    /// Adam's first and second moments.
    pub m: [f64; 2],
    pub v: [f64; 2],
}

/// An update rule with its state.
#[derive(Debug, Clone, PartialEq)]
pub struct Optimizer {
    settings: OptimizerSettings,
    state: OptimizerState,
}

impl Optimizer {
    pub fn new(settings: OptimizerSettings) -> Result<Optimizer, CoreError> {
        settings.validate()?;
        let mut optimizer = Optimizer {
            settings,
            state: OptimizerState::default(),
        };
        optimizer.reset();
        Ok(optimizer)
    }

    pub fn settings(&self) -> &OptimizerSettings {
        &self.settings
    }

    pub fn state(&self) -> &OptimizerState {
        &self.state
    }

    /// New hyperparameters. The same rule keeps its state (changing the
    /// learning rate does not restart training); another rule starts fresh.
    pub fn set_settings(&mut self, settings: OptimizerSettings) -> Result<(), CoreError> {
        settings.validate()?;
        let same_kind = settings.kind == self.settings.kind;
        self.settings = settings;
        if !same_kind {
            self.reset();
        }
        Ok(())
    }

    /// Back to the initial state.
    pub fn reset(&mut self) {
        self.state = OptimizerState {
            step: [self.settings.delta0; 2],
            ..OptimizerState::default()
        };
    }

    /// The state worth showing for this rule, as (name, [w_x, w_rec]).
    pub fn inspect(&self) -> Vec<(&'static str, [f64; 2])> {
        let s = &self.state;
        match self.settings.kind {
            OptimizerKind::Gd => vec![],
            OptimizerKind::Momentum => vec![("velocity", s.velocity)],
            OptimizerKind::Rmsprop => vec![("mean square", s.mean_square)],
            OptimizerKind::RmspropSeed => {
                vec![
                    ("mean square", s.mean_square),
                    ("mean", s.mean),
                    ("memory", s.memory),
                ]
            }
            OptimizerKind::Rprop => vec![("step", s.step), ("previous sign", s.prev_sign)],
            OptimizerKind::Adam => vec![("first moment", s.m), ("second moment", s.v)],
        }
    }

    /// One update: the new weights from the weights and gradient at them.
    pub fn step(&mut self, w: Weights, g: Gradient) -> Weights {
        let g = clip(g, self.settings.clip);
        let mut p = [w.w_x, w.w_rec];
        let g = [g.w_x, g.w_rec];
        self.state.t += 1;
        match self.settings.kind {
            OptimizerKind::Gd => self.gd(&mut p, g),
            OptimizerKind::Momentum => self.momentum(&mut p, g),
            OptimizerKind::Rmsprop => self.rmsprop(&mut p, g),
            OptimizerKind::RmspropSeed => self.rmsprop_seed(&mut p, g),
            OptimizerKind::Rprop => self.rprop(&mut p, g),
            OptimizerKind::Adam => self.adam(&mut p, g),
        }
        Weights {
            w_x: p[0],
            w_rec: p[1],
        }
    }

    /// Gradient descent: `w -= lr·g`.
    fn gd(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        for j in 0..2 {
            p[j] -= self.settings.lr * g[j];
        }
    }

    /// Heavy ball (Polyak 1964): `v = μ·v - lr·g; w += v`.
    fn momentum(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        let s = &self.settings;
        for j in 0..2 {
            self.state.velocity[j] = s.momentum * self.state.velocity[j] - s.lr * g[j];
            p[j] += self.state.velocity[j];
        }
    }

    /// RMSProp (Tieleman & Hinton 2012, as Keras/PyTorch):
    /// `ms = ρ·ms + (1-ρ)·g²; w -= lr·g / (√ms + ε)`.
    fn rmsprop(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        let s = &self.settings;
        for j in 0..2 {
            let ms = &mut self.state.mean_square[j];
            *ms = s.rho * *ms + (1.0 - s.rho) * g[j] * g[j];
            p[j] -= s.lr * g[j] / (ms.sqrt() + s.eps);
        }
    }

    /// The seed's RMSProp: the "optimizers.py" gist the seed cites, with
    /// gradient rescaling, a centred second moment and Nesterov momentum
    /// (algorithms.md §4; `eps` is the gist's floor 1e-4, `rho` its 0.9).
    fn rmsprop_seed(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        let s = self.settings;
        // The gist takes the square root of the global norm once more.
        let norm = (g[0] * g[0] + g[1] * g[1]).sqrt().sqrt();
        let g = if norm.is_finite() {
            let scale = s.rescale / s.rescale.max(norm);
            [g[0] * scale, g[1] * scale]
        } else {
            [0.1 * p[0], 0.1 * p[1]]
        };
        let st = &mut self.state;
        for j in 0..2 {
            st.mean_square[j] = s.rho * st.mean_square[j] + (1.0 - s.rho) * g[j] * g[j];
            st.mean[j] = s.rho * st.mean[j] + (1.0 - s.rho) * g[j];
            let rms = (st.mean_square[j] - st.mean[j] * st.mean[j])
                .sqrt()
                .max(s.eps);
            let memory_new = s.momentum * st.memory[j] - s.lr * g[j] / rms;
            // Nesterov: the step uses the old memory.
            p[j] += s.momentum * s.momentum * st.memory[j] - (1.0 + s.momentum) * s.lr * g[j] / rms;
            st.memory[j] = memory_new;
        }
    }

    /// Rprop as Roelants: grow the step by η+ while the sign holds, shrink by
    /// η- when it flips (the first epoch shrinks: the previous sign starts at 0);
    /// `w -= sign(g)·step`. No step bounds, no backtracking.
    fn rprop(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        let s = &self.settings;
        let st = &mut self.state;
        for j in 0..2 {
            let sign = numpy_sign(g[j]);
            st.step[j] *= if sign == st.prev_sign[j] {
                s.eta_plus
            } else {
                s.eta_minus
            };
            p[j] -= sign * st.step[j];
            st.prev_sign[j] = sign;
        }
    }

    /// Adam (Kingma & Ba 2015, Algorithm 1, with bias correction).
    fn adam(&mut self, p: &mut [f64; 2], g: [f64; 2]) {
        let s = &self.settings;
        let st = &mut self.state;
        let t = st.t.min(i32::MAX as u64) as i32;
        for j in 0..2 {
            st.m[j] = s.beta1 * st.m[j] + (1.0 - s.beta1) * g[j];
            st.v[j] = s.beta2 * st.v[j] + (1.0 - s.beta2) * g[j] * g[j];
            let m_hat = st.m[j] / (1.0 - s.beta1.powi(t));
            let v_hat = st.v[j] / (1.0 - s.beta2.powi(t));
            p[j] -= s.lr * m_hat / (v_hat.sqrt() + s.eps);
        }
    }
}

/// numpy's `sign`: -1, 0 or 1 (NaN stays NaN).
fn numpy_sign(x: f64) -> f64 {
    if x > 0.0 {
        1.0
    } else if x < 0.0 {
        -1.0
    } else {
        x
    }
}

/// Scales `g` down to global norm `limit` when it is longer (algorithms.md §4).
pub fn clip(g: Gradient, limit: Option<f64>) -> Gradient {
    match limit {
        Some(c) if g.norm() > c => {
            let scale = c / g.norm();
            Gradient {
                w_x: g.w_x * scale,
                w_rec: g.w_rec * scale,
            }
        }
        _ => g,
    }
}
