//! The 2016 post's arithmetic: float32, as Theano 1.0.5 compiles the seed's graph.
//!
//! The post ran its Theano graph with `floatX=float32` on an x86-64 CPU.
//! Theano builds its C code with `-march=native`, so the compiler contracts
//! each `a*b + c` of the graph into one fused multiply-add (`f32::mul_add`);
//! every other operation rounds to single on its own. Sums over the samples
//! run in double and are rounded once, as Theano's reductions do. Followed
//! operation by operation, this gives the post's gradient-descent table at
//! all 20 printed epochs and its final weights; the loss and both weights
//! match real Theano 1.0.5 runs bit for bit on every call, for gradient
//! descent and for the seed's RMSProp.
//!
//! Weights, gradients and losses enter and leave as `f64` holding exact
//! `f32` values, so the trainer, its history and its exports stay `f64`.

use super::data::Dataset;
use super::model::{Gradient, Weights};
use super::optim::{Hyper, OptimizerKind, OptimizerSettings, OptimizerState};

/// Reusable buffers for one call of the seed's `train()`, so an epoch allocates nothing.
#[derive(Debug, Default, Clone)]
pub struct Bptt32 {
    /// States, time-major: `states[k * N + i]` is `s_k` of sample i, k = 0..=n.
    states: Vec<f32>,
    /// `G_i = dL/ds_k` of sample i at the current step k of the backward pass.
    signal: Vec<f32>,
}

impl Bptt32 {
    /// The loss and its gradient at `w` (the summed loss, the seed's).
    pub fn loss_and_gradient(&mut self, data: &Dataset, w: Weights) -> (f64, Gradient) {
        let (w_x, w_rec) = single(w);
        let loss = self.forward(data, w_x, w_rec);
        let samples = data.samples();
        let (mut g_x, mut g_rec) = (0.0f32, 0.0f32);
        for k in (1..=data.len()).rev() {
            let previous = &self.states[(k - 1) * samples..k * samples];
            // Each step's products are summed over the samples in double,
            // then rounded and added to the running gradient in single.
            let (mut a, mut b) = (0.0f64, 0.0f64);
            for ((g, &x), &s) in self.signal.iter_mut().zip(data.step(k - 1)).zip(previous) {
                a += f64::from(*g * x as f32);
                b += f64::from(*g * s);
                *g *= w_rec;
            }
            g_x += a as f32;
            g_rec += b as f32;
        }
        let gradient = Gradient {
            w_x: g_x.into(),
            w_rec: g_rec.into(),
        };
        (loss.into(), gradient)
    }

    /// Runs the forward pass, fills the states and sets `signal` to `dL/ds_n`;
    /// returns the loss.
    fn forward(&mut self, data: &Dataset, w_x: f32, w_rec: f32) -> f32 {
        let (samples, len) = (data.samples(), data.len());
        self.states.clear();
        self.states.resize((len + 1) * samples, 0.0);
        self.signal.clear();
        self.signal.resize(samples, 0.0);
        for k in 1..=len {
            let (before, after) = self.states.split_at_mut(k * samples);
            let previous = &before[(k - 1) * samples..];
            for ((s, &p), &x) in after[..samples]
                .iter_mut()
                .zip(previous)
                .zip(data.step(k - 1))
            {
                // Theano hoists x·w_x out of the scan loop; the rest is one FMA.
                *s = p.mul_add(w_rec, x as f32 * w_x);
            }
        }
        let mut sum = 0.0f64;
        let last = &self.states[len * samples..];
        for ((g, &y), &t) in self.signal.iter_mut().zip(last).zip(&data.targets) {
            let error = t as f32 - y;
            sum += f64::from(error * error);
            *g = -2.0 * error;
        }
        sum as f32
    }
}

/// The weights as the graph holds them (exact when they came from [`step`]
/// or a start rounded by `Precision::start`).
fn single(w: Weights) -> (f32, f32) {
    (w.w_x as f32, w.w_rec as f32)
}

/// One update in float32 by the seed's gradient descent or its RMSProp
/// (`state` holds the RMSProp's `sq`, `avg` and `mem` as exact f32 values);
/// `None` for a rule the seed did not run.
pub fn step(
    settings: &OptimizerSettings,
    state: &mut OptimizerState,
    w: Weights,
    g: Gradient,
) -> Option<Weights> {
    let (w, g) = (
        [w.w_x as f32, w.w_rec as f32],
        [g.w_x as f32, g.w_rec as f32],
    );
    let next = match settings.kind {
        OptimizerKind::Gd => gd(settings[Hyper::Lr], w, g),
        OptimizerKind::RmspropSeed => rmsprop_seed(settings, state, w, g),
        _ => return None,
    };
    Some(Weights {
        w_x: next[0].into(),
        w_rec: next[1].into(),
    })
}

/// `w = fma(−lr, g, w)`: the update contracted into one multiply-add.
fn gd(lr: f64, w: [f32; 2], g: [f32; 2]) -> [f32; 2] {
    let step = -(lr as f32);
    [step.mul_add(g[0], w[0]), step.mul_add(g[1], w[1])]
}

/// The seed's RMSProp (the "optimizers.py" gist it cites: gradient rescaling,
/// a centred second moment, Nesterov momentum), in the order and with the
/// fusions Theano compiles it to. Python computes the constants in double and
/// Theano rounds each once to single.
fn rmsprop_seed(
    settings: &OptimizerSettings,
    state: &mut OptimizerState,
    w: [f32; 2],
    g: [f32; 2],
) -> [f32; 2] {
    let (lr, mu, rho) = (
        settings[Hyper::Lr],
        settings[Hyper::Momentum],
        settings[Hyper::Rho],
    );
    let (floor, rescale) = (settings[Hyper::Eps] as f32, settings[Hyper::Rescale] as f32);
    let (lr32, mu32, rho32) = (lr as f32, mu as f32, rho as f32);
    let one_minus_rho = (1.0 - rho) as f32;
    let (mu_squared, step_lr) = ((mu * mu) as f32, ((1.0 + mu) * lr) as f32);
    // The gist takes the square root of the global norm once more.
    let norm = (g[0] * g[0] + g[1] * g[1]).sqrt();
    let rescaled = if norm.is_finite() {
        let den = theano_max(rescale, norm.sqrt());
        // Theano rewrites the gist's g·(rescale/den) as (rescale·g)/den.
        [(rescale * g[0]) / den, (rescale * g[1]) / den]
    } else {
        [0.1 * w[0], 0.1 * w[1]]
    };
    let mut next = w;
    for j in 0..2 {
        let gs = rescaled[j];
        let sq = one_minus_rho.mul_add(gs * gs, rho32 * state.mean_square[j] as f32);
        let avg = one_minus_rho.mul_add(gs, rho32 * state.mean[j] as f32);
        // sq − avg² with one rounding.
        let rms = theano_max((-avg).mul_add(avg, sq).sqrt(), floor);
        let memory = state.memory[j] as f32;
        let memory_new = mu32 * memory - (lr32 * gs) / rms;
        // Nesterov: the step uses the old memory.
        next[j] = w[j] + (mu_squared * memory - (step_lr * gs) / rms);
        state.mean_square[j] = sq.into();
        state.mean[j] = avg.into();
        state.memory[j] = memory_new.into();
    }
    next
}

/// Theano's `maximum`: NaN in either argument gives NaN (Rust's `max` would
/// drop it).
fn theano_max(a: f32, b: f32) -> f32 {
    if a.is_nan() || b.is_nan() {
        f32::NAN
    } else if a >= b {
        a
    } else {
        b
    }
}
