//! The six update rules, with inspectable state.
//!
//! Every rule works per parameter on `[w_x, w_rec]`; all state starts at 0.
//! [`OptimizerSettings`] holds every hyperparameter, indexed by [`Hyper`],
//! whose table of names, ranges and meanings the CLI, URL and UI share.

use std::ops::{Index, IndexMut};

use serde::de::Error as _;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use strum::{EnumCount, IntoEnumIterator};

pub use super::clipping::clip;
use super::error::CoreError;
pub use super::hyper::{Hyper, HyperSpec};
use super::model::{Gradient, Weights};
use super::named::named_enum;
use super::precision::Precision;
use super::theano_f32;
use super::trace::{NoRecord, Quantity, Recorder, Recording, UpdateTrace};

named_enum! {
    /// Which update rule. The names are the CLI's, the URL's and saved files'.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[strum(serialize_all = "kebab-case")]
    pub enum OptimizerKind {
        Gd,
        Momentum,
        Rmsprop,
        RmspropSeed,
        Rprop,
        Adam,
    }
}

impl OptimizerKind {
    /// The hyperparameters this rule reads, in display order.
    pub fn hypers(self) -> Vec<Hyper> {
        Hyper::iter().filter(|h| h.used_by(self)).collect()
    }
}

/// Every hyperparameter of every rule; each rule reads only its own
/// ([`Hyper::used_by`]). `clip` applies to all.
///
/// Saved files write each hyperparameter under its [`HyperSpec::field`]; a
/// field missing from a file (one saved before the field existed) takes the
/// rule's default.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptimizerSettings {
    pub kind: OptimizerKind,
    values: [f64; Hyper::COUNT],
    /// Clip the gradient to this global norm before the update; `None` is off.
    pub clip: Option<f64>,
}

impl Index<Hyper> for OptimizerSettings {
    type Output = f64;
    fn index(&self, hyper: Hyper) -> &f64 {
        &self.values[hyper as usize]
    }
}

impl IndexMut<Hyper> for OptimizerSettings {
    fn index_mut(&mut self, hyper: Hyper) -> &mut f64 {
        &mut self.values[hyper as usize]
    }
}

impl OptimizerSettings {
    /// Every hyperparameter at its default for `kind`, clipping off.
    pub fn defaults(kind: OptimizerKind) -> OptimizerSettings {
        let mut settings = OptimizerSettings {
            kind,
            values: [0.0; Hyper::COUNT],
            clip: None,
        };
        for hyper in Hyper::iter() {
            settings[hyper] = hyper.default_for(kind);
        }
        settings
    }

    /// The same settings with `hyper` set to `value`.
    pub fn with(mut self, hyper: Hyper, value: f64) -> OptimizerSettings {
        self[hyper] = value;
        self
    }

    /// The same settings with the clip norm `clip` (`None` is off).
    pub fn with_clip(mut self, clip: Option<f64>) -> OptimizerSettings {
        self.clip = clip;
        self
    }

    /// Checks every hyperparameter this rule reads, and the clip norm.
    pub fn validate(&self) -> Result<(), CoreError> {
        for hyper in self.kind.hypers() {
            hyper.validate(self[hyper])?;
        }
        if let Some(clip) = self.clip {
            Hyper::CLIP_RANGE.check("clip", clip)?;
        }
        Ok(())
    }
}

impl Serialize for OptimizerSettings {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Hyper::COUNT + 2))?;
        map.serialize_entry("kind", &self.kind)?;
        for hyper in Hyper::iter() {
            map.serialize_entry(hyper.spec().field, &self[hyper])?;
        }
        map.serialize_entry("clip", &self.clip)?;
        map.end()
    }
}

impl<'de> Deserialize<'de> for OptimizerSettings {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Saved {
            kind: OptimizerKind,
            #[serde(default)]
            clip: Option<f64>,
            #[serde(flatten)]
            values: std::collections::BTreeMap<String, f64>,
        }
        let saved = Saved::deserialize(deserializer)?;
        let mut settings = OptimizerSettings::defaults(saved.kind);
        settings.clip = saved.clip;
        for (field, value) in saved.values {
            let hyper = Hyper::iter()
                .find(|h| h.spec().field == field)
                .ok_or_else(|| D::Error::custom(format!("unknown hyperparameter `{field}`")))?;
            settings[hyper] = value;
        }
        Ok(settings)
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
            step: [self.settings[Hyper::Delta0]; 2],
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
        self.step_recorded(w, g, &mut NoRecord)
    }

    /// One update in `precision`'s arithmetic. `theano-f32` has only the
    /// seed's two rules ([`Precision::supports`]); the trainer refuses the
    /// others, which would run in f64 here.
    pub fn step_in(&mut self, precision: Precision, w: Weights, g: Gradient) -> Weights {
        let single = match precision {
            Precision::F64 => None,
            Precision::TheanoF32 => theano_f32::step(&self.settings, &mut self.state, w, g),
        };
        match single {
            Some(next) => {
                self.state.t += 1;
                next
            }
            None => self.step(w, g),
        }
    }

    /// What [`Optimizer::step`] would do, with every intermediate, leaving
    /// this optimizer untouched.
    pub fn trace(&self, w: Weights, g: Gradient) -> UpdateTrace {
        let mut next = self.clone();
        let mut recording = Recording::default();
        let after = next.step_recorded(w, g, &mut recording);
        UpdateTrace::new(
            self.settings.kind,
            self.settings.clip,
            g,
            recording,
            (&self.state, &next.state),
            (w, after),
        )
    }

    /// One update, reporting its intermediates to `rec` (training passes
    /// [`NoRecord`], which costs nothing).
    fn step_recorded<R: Recorder>(&mut self, w: Weights, g: Gradient, rec: &mut R) -> Weights {
        let clipped = clip(g, self.settings.clip);
        rec.clipped(g, clipped);
        let mut p = [w.w_x, w.w_rec];
        let g = [clipped.w_x, clipped.w_rec];
        self.state.t += 1;
        match self.settings.kind {
            OptimizerKind::Gd => self.gd(&mut p, g, rec),
            OptimizerKind::Momentum => self.momentum(&mut p, g, rec),
            OptimizerKind::Rmsprop => self.rmsprop(&mut p, g, rec),
            OptimizerKind::RmspropSeed => self.rmsprop_seed(&mut p, g, rec),
            OptimizerKind::Rprop => self.rprop(&mut p, g, rec),
            OptimizerKind::Adam => self.adam(&mut p, g, rec),
        }
        Weights {
            w_x: p[0],
            w_rec: p[1],
        }
    }

    /// Gradient descent: `w -= lr·g`.
    fn gd<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let lr = self.settings[Hyper::Lr];
        for j in 0..2 {
            let change = lr * g[j];
            rec.note(Quantity::Change, j, -change);
            p[j] -= change;
        }
    }

    /// Heavy ball (Polyak 1964): `v = μ·v - lr·g; w += v`.
    fn momentum<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let (lr, mu) = (self.settings[Hyper::Lr], self.settings[Hyper::Momentum]);
        for j in 0..2 {
            self.state.velocity[j] = mu * self.state.velocity[j] - lr * g[j];
            rec.note(Quantity::Velocity, j, self.state.velocity[j]);
            rec.note(Quantity::Change, j, self.state.velocity[j]);
            p[j] += self.state.velocity[j];
        }
    }

    /// RMSProp (Tieleman & Hinton 2012, as Keras/PyTorch):
    /// `ms = ρ·ms + (1-ρ)·g²; w -= lr·g / (√ms + ε)`.
    fn rmsprop<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let s = &self.settings;
        let (lr, rho, eps) = (s[Hyper::Lr], s[Hyper::Rho], s[Hyper::Eps]);
        for j in 0..2 {
            let ms = &mut self.state.mean_square[j];
            *ms = rho * *ms + (1.0 - rho) * g[j] * g[j];
            let denominator = ms.sqrt() + eps;
            let change = lr * g[j] / denominator;
            rec.note(Quantity::MeanSquare, j, *ms);
            rec.note(Quantity::Denominator, j, denominator);
            rec.note(Quantity::Change, j, -change);
            p[j] -= change;
        }
    }

    /// The seed's RMSProp: the "optimizers.py" gist the seed cites, with
    /// gradient rescaling, a centred second moment and Nesterov momentum
    /// (`eps` is the gist's floor 1e-4, `rho` its 0.9).
    fn rmsprop_seed<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let s = &self.settings;
        let (lr, mu, rho) = (s[Hyper::Lr], s[Hyper::Momentum], s[Hyper::Rho]);
        let (floor, rescale) = (s[Hyper::Eps], s[Hyper::Rescale]);
        // The gist takes the square root of the global norm once more.
        let norm = (g[0] * g[0] + g[1] * g[1]).sqrt().sqrt();
        let g = if norm.is_finite() {
            let scale = rescale / rescale.max(norm);
            for j in 0..2 {
                rec.note(Quantity::RootNorm, j, norm);
                rec.note(Quantity::RescaleFactor, j, scale);
            }
            [g[0] * scale, g[1] * scale]
        } else {
            [0.1 * p[0], 0.1 * p[1]]
        };
        let st = &mut self.state;
        for j in 0..2 {
            rec.note(Quantity::RescaledGradient, j, g[j]);
            st.mean_square[j] = rho * st.mean_square[j] + (1.0 - rho) * g[j] * g[j];
            st.mean[j] = rho * st.mean[j] + (1.0 - rho) * g[j];
            let rms = (st.mean_square[j] - st.mean[j] * st.mean[j])
                .sqrt()
                .max(floor);
            let memory_new = mu * st.memory[j] - lr * g[j] / rms;
            // Nesterov: the step uses the old memory.
            let change = mu * mu * st.memory[j] - (1.0 + mu) * lr * g[j] / rms;
            rec.note(Quantity::MeanSquare, j, st.mean_square[j]);
            rec.note(Quantity::Mean, j, st.mean[j]);
            rec.note(Quantity::Rms, j, rms);
            rec.note(Quantity::Memory, j, memory_new);
            rec.note(Quantity::Change, j, change);
            p[j] += change;
            st.memory[j] = memory_new;
        }
    }

    /// Rprop (Riedmiller & Braun 1993) as Roelants runs it, without
    /// backtracking: grow the step by η+ while the gradient's sign holds, up
    /// to Δmax; shrink it by η− when the sign flips, down to Δmin;
    /// `w -= sign(g)·step`. As in Roelants, the previous sign starts at 0, so
    /// the first epoch shrinks. A zero gradient carries no sign: the step
    /// stays, the weight stays, and the next sign counts as a change.
    fn rprop<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let s = &self.settings;
        let (eta_plus, eta_minus) = (s[Hyper::EtaPlus], s[Hyper::EtaMinus]);
        let (step_max, step_min) = (s[Hyper::DeltaMax], s[Hyper::DeltaMin]);
        let st = &mut self.state;
        for j in 0..2 {
            let sign = numpy_sign(g[j]);
            rec.note(Quantity::Sign, j, sign);
            if sign == 0.0 {
                rec.note(Quantity::Factor, j, 1.0);
                rec.note(Quantity::Step, j, st.step[j]);
                rec.note(Quantity::Change, j, 0.0);
                st.prev_sign[j] = 0.0;
                continue;
            }
            let factor = if sign == st.prev_sign[j] {
                eta_plus
            } else {
                eta_minus
            };
            st.step[j] = if sign == st.prev_sign[j] {
                (st.step[j] * eta_plus).min(step_max)
            } else {
                (st.step[j] * eta_minus).max(step_min)
            };
            let change = sign * st.step[j];
            rec.note(Quantity::Factor, j, factor);
            rec.note(Quantity::Step, j, st.step[j]);
            rec.note(Quantity::Change, j, -change);
            p[j] -= change;
            st.prev_sign[j] = sign;
        }
    }

    /// Adam (Kingma & Ba 2015, Algorithm 1, with bias correction).
    fn adam<R: Recorder>(&mut self, p: &mut [f64; 2], g: [f64; 2], rec: &mut R) {
        let s = &self.settings;
        let (lr, beta1, beta2, eps) = (
            s[Hyper::Lr],
            s[Hyper::Beta1],
            s[Hyper::Beta2],
            s[Hyper::Eps],
        );
        let st = &mut self.state;
        let t = st.t.min(i32::MAX as u64) as i32;
        for j in 0..2 {
            st.m[j] = beta1 * st.m[j] + (1.0 - beta1) * g[j];
            st.v[j] = beta2 * st.v[j] + (1.0 - beta2) * g[j] * g[j];
            let (correction1, correction2) = (1.0 - beta1.powi(t), 1.0 - beta2.powi(t));
            let m_hat = st.m[j] / correction1;
            let v_hat = st.v[j] / correction2;
            let change = lr * m_hat / (v_hat.sqrt() + eps);
            rec.note(Quantity::FirstMoment, j, st.m[j]);
            rec.note(Quantity::SecondMoment, j, st.v[j]);
            rec.note(Quantity::BiasCorrection1, j, correction1);
            rec.note(Quantity::BiasCorrection2, j, correction2);
            rec.note(Quantity::MHat, j, m_hat);
            rec.note(Quantity::VHat, j, v_hat);
            rec.note(Quantity::Change, j, -change);
            p[j] -= change;
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
