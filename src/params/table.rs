//! The one table of URL parameters: each key with its meaning, its accepted
//! values and how it reads and writes [`AppState`]. The parser, the writer and
//! the README table all walk [`PARAMS`], so a key cannot be parsed one way and
//! written another.

use super::control::Control;
use super::ghost::Ghost;
use super::presets::PresetId;
use super::racer::race_text;
use super::state::{AT_RANGE, AppState, INIT_LIMITS, SPEED_RANGE, STOP_RANGE, TARGET_RANGE};
use crate::format::{exact, readable};
use crate::plot::view::VIEW_LIMITS;
use crate::rnn::data::{LEN_RANGE, SAMPLES_RANGE};
use std::sync::LazyLock;

use strum::IntoEnumIterator;

use crate::rnn::{Hyper, Limits, MAX_RACERS, Named, Weights};

/// One URL parameter.
pub struct Param {
    /// The query key. Scripts and tests rely on these names.
    pub key: &'static str,
    /// One line for the README.
    pub description: &'static str,
    pub(crate) codec: Codec,
}

impl Param {
    /// Whether this key changes what trains `state`'s run: the rule, a
    /// hyperparameter the rule reads, clipping, the loss, the data or the start.
    pub(crate) fn shapes_training(&self, state: &AppState) -> bool {
        match &self.codec {
            Codec::Hyper(hyper) => hyper.spec().used_by.contains(&state.optimizer.kind),
            _ => self.may_shape_training(),
        }
    }

    /// Whether this key changes what trains a run under some rule.
    pub(crate) fn may_shape_training(&self) -> bool {
        matches!(self.codec, Codec::Hyper(_) | Codec::Clip | Codec::Init(_))
            || matches!(
                self.key,
                "model" | "task" | "opt" | "loss" | "precision" | "len" | "n" | "seed"
            )
    }

    /// The README's "Meaning": the description, and for a hyperparameter the rules that read it.
    fn meaning(&self) -> String {
        match &self.codec {
            Codec::Hyper(hyper) => {
                let users: Vec<&str> = hyper.spec().used_by.iter().map(|k| k.name()).collect();
                format!("{}; read by {}.", self.description, quoted(users))
            }
            _ => self.description.to_string(),
        }
    }
}

/// How a parameter's text maps to the state.
pub(crate) enum Codec {
    /// One of a fixed set of names.
    Choice(Choice),
    /// An optimizer hyperparameter, clamped to [`Hyper::limits`].
    Hyper(Hyper),
    /// The clip norm, or `off`.
    Clip,
    /// A whole number in a range.
    Integer(IntegerField),
    /// Epochs per frame, a number in [`SPEED_RANGE`].
    Speed,
    /// The epoch to stop at, or `off`.
    Stop,
    /// One of the two initial weights; they are read as a pair.
    Init(InitPart),
    /// `xmin,xmax,ymin,ymax`.
    View,
    /// `1` or `0`.
    Flag(Flag),
    /// A comma list of [`Control`] names.
    Hide,
    /// A typed 0/1 sequence, or nothing.
    Bits,
    /// The step-through's phase, or nothing.
    Phase,
    /// A race's racers, `;`-joined.
    Race,
    /// A race's finishing loss, or `off` for 1% of the baseline loss (the loss of predicting 0).
    Target,
    /// An earlier run drawn faintly, `EPOCHS[:KEY=VALUE,…]`, or `off`.
    Ghost,
}

pub(crate) struct Choice {
    pub names: fn() -> Vec<&'static str>,
    /// The current name; empty when unset (`lang`, `preset`).
    pub get: Box<dyn Fn(&AppState) -> &'static str + Send + Sync>,
    /// Applies a name; false when it is not one of `names`.
    pub set: Box<ApplyName>,
}

/// Applies a name to the state; false when it is not a known name.
type ApplyName = dyn Fn(&mut AppState, &str) -> bool + Send + Sync;

pub(crate) struct IntegerField {
    pub limits: Limits<u64>,
    /// Out-of-range values are clamped; otherwise (an identifier such as the
    /// seed, where the nearest value means nothing) they fall back to the default.
    pub clamp: bool,
    pub get: fn(&AppState) -> u64,
    pub set: fn(&mut AppState, u64),
}

pub(crate) struct Flag {
    pub get: fn(&AppState) -> bool,
    pub set: fn(&mut AppState, bool),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InitPart {
    Wx,
    Wrec,
}

impl InitPart {
    pub fn get(self, w: Weights) -> f64 {
        match self {
            InitPart::Wx => w.w_x,
            InitPart::Wrec => w.w_rec,
        }
    }
}

/// `phase=`: from the first forward step to the new weights of the longest sequences.
pub(crate) const PHASE_LIMITS: Limits<u64> = Limits::new(0, 2 * LEN_RANGE.max as u64 + 3);

/// The word for "the init drawn with the data" in `wx=`/`wrec=`.
pub(crate) const DRAWN_INIT: &str = "seed";
/// The word for "no clip" / "no stop".
pub(crate) const OFF: &str = "off";

impl Codec {
    /// The value as `key=` writes it, numbers formatted by `fmt`.
    pub(crate) fn encode(&self, s: &AppState, fmt: fn(f64) -> String) -> String {
        match self {
            Codec::Choice(choice) => (choice.get)(s).to_string(),
            Codec::Hyper(hyper) => fmt(s.optimizer[*hyper]),
            Codec::Clip => s.optimizer.clip.map_or_else(|| OFF.to_string(), fmt),
            Codec::Integer(field) => (field.get)(s).to_string(),
            Codec::Speed => fmt(s.speed),
            Codec::Stop => s.stop_at.map_or_else(|| OFF.to_string(), |e| e.to_string()),
            Codec::Init(part) => s
                .init
                .map_or_else(|| DRAWN_INIT.to_string(), |w| fmt(part.get(w))),
            Codec::View => s.view.bounds().map(fmt).join(","),
            Codec::Flag(flag) => if (flag.get)(s) { "1" } else { "0" }.to_string(),
            Codec::Bits => s.input.clone().unwrap_or_default(),
            Codec::Phase => s.phase.map(|p| p.to_string()).unwrap_or_default(),
            Codec::Hide => s
                .hide
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(","),
            Codec::Race if s.race.is_empty() => OFF.to_string(),
            Codec::Race => race_text(&s.race),
            Codec::Target => s.race_target.map_or_else(|| OFF.to_string(), fmt),
            Codec::Ghost => s
                .ghost
                .as_ref()
                .map_or_else(|| OFF.to_string(), Ghost::to_text),
        }
    }

    /// Whether `a` and `b` differ in what this key carries. The two init keys
    /// compare the whole pair, so a link always carries both or neither.
    pub(crate) fn differs(&self, a: &AppState, b: &AppState) -> bool {
        match self {
            Codec::Init(_) => a.init != b.init,
            _ => self.encode(a, exact) != self.encode(b, exact),
        }
    }

    /// The accepted values, for the README.
    fn values_doc(&self) -> String {
        let range = |l: Limits| format!("{} to {}", readable(l.min), readable(l.max));
        match self {
            Codec::Choice(choice) => quoted((choice.names)()),
            Codec::Hyper(hyper) => format!("number, {}", range(hyper.limits())),
            Codec::Clip => format!("number, {}, or `{OFF}` (or 0)", range(Hyper::CLIP_RANGE)),
            Codec::Integer(f) => format!("whole number, {} to {}", f.limits.min, f.limits.max),
            Codec::Speed => format!("number, {}", range(SPEED_RANGE)),
            Codec::Stop => format!(
                "whole number, {} to {}, or `{OFF}` (or 0)",
                STOP_RANGE.min, STOP_RANGE.max
            ),
            Codec::Init(_) => format!("number, {}, or `{DRAWN_INIT}`", range(INIT_LIMITS)),
            Codec::View => format!("4 numbers, each {}, min < max", range(VIEW_LIMITS)),
            Codec::Flag(_) => "`0` or `1`".into(),
            Codec::Bits => format!(
                "0/1 string, {} to {} characters",
                LEN_RANGE.min, LEN_RANGE.max
            ),
            Codec::Phase => format!("whole number, 0 to {}", PHASE_LIMITS.max),
            Codec::Hide => format!(
                "comma list of {}",
                quoted(Control::all().map(Control::name).collect())
            ),
            Codec::Race => format!(
                "1 to {MAX_RACERS} racers `OPT[:KEY=VALUE,…]` joined by `;`, e.g. \
                 `gd;gd:clip=1000;adam:lr=0.05,b1=0.8`, with the hyperparameters' keys and `clip`; `{OFF}` for none"
            ),
            Codec::Target => format!(
                "number, {}, or `{OFF}` (or 0) for 1% of the baseline loss, the loss of predicting 0",
                range(TARGET_RANGE)
            ),
            Codec::Ghost => format!(
                "`EPOCHS[:KEY=VALUE,…]` (epochs 1 to {}; keys {}), e.g. `2001:clip=off`; `{OFF}` for none",
                AT_RANGE.max,
                quoted(
                    PARAMS
                        .iter()
                        .filter(|p| p.may_shape_training())
                        .map(|p| p.key)
                        .collect()
                )
            ),
        }
    }

    /// The default, for the README.
    fn default_doc(&self) -> String {
        let value = self.encode(&AppState::default(), readable);
        match self {
            Codec::Init(_) => "drawn with the data".into(),
            Codec::Hyper(hyper) => {
                let spec = hyper.spec();
                let mut doc = format!("`{}`", exact(spec.default));
                for &(kind, value) in spec.rule_defaults {
                    doc.push_str(&format!(", {} `{}`", kind.name(), exact(value)));
                }
                doc
            }
            _ if value.is_empty() => "none".into(),
            _ => format!("`{value}`"),
        }
    }
}

fn quoted(names: Vec<&'static str>) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every URL parameter, in the order links write them. `preset` comes first
/// because it sets everything and the other keys override it; `opt` comes
/// before the hyperparameters because it loads the optimizer's defaults. The
/// hyperparameters' keys come from the hyperparameter table.
pub static PARAMS: LazyLock<Vec<Param>> = LazyLock::new(|| {
    let mut params = settings_params();
    let after_opt = params
        .iter()
        .position(|p| p.key == "opt")
        .map_or(0, |i| i + 1);
    let hypers = Hyper::iter().map(|hyper| Param {
        key: hyper.url_key(),
        description: hyper.spec().description,
        codec: Codec::Hyper(hyper),
    });
    params.splice(after_opt..after_opt, hypers);
    params
});

/// A key's description, for the README and the CLI: the page never shows it,
/// so the browser's bundle leaves the words out.
macro_rules! readme {
    ($text:literal) => {
        if cfg!(target_arch = "wasm32") {
            ""
        } else {
            $text
        }
    };
}

/// The URL parameters other than the hyperparameters, in link order.
#[rustfmt::skip] // One row per key, read like the README's table.
fn settings_params() -> Vec<Param> {
    vec![
        choice::<PresetId>("preset", readme!("Start from a scenario; the other keys then override it."), |s| s.preset, |s, preset| *s = preset.apply(s)),
        choice("model", readme!("The recurrent cell: `linear` (the 2016 post's), `tanh` (saturates: plateaus and a cliff), `cliff` (Pascanu et al. 2013's sigmoid unit with no input; `len` is its T). Choosing one takes its own map window unless `view` says otherwise."), |s| Some(s.model), AppState::select_model),
        choice("task", readme!("What to learn: `count` the ones, or `latch` (remember the first input, ±1, as ±0.5 after every later input of 0). The cliff takes no input, so it keeps `count`."), |s| Some(s.task), |s, t| s.task = t),
        choice("opt", readme!("Update rule. Choosing one loads its default hyperparameters."), |s| Some(s.optimizer.kind), AppState::select_optimizer),
        other("clip", readme!("Scale the gradient down to this norm before each update."), Codec::Clip),
        choice("loss", readme!("Sum of squared errors (the 2016 post) or their mean (Roelants)."), |s| Some(s.reduction), |s, r| s.reduction = r),
        choice("precision", readme!("Arithmetic: `f64`, or `theano-f32`, the 2016 post's float32 as Theano 1.0.5 compiles it, which prints its tables digit for digit (only `gd` and `rmsprop-seed`, the summed loss, no clipping; otherwise `f64` is used)."), |s| Some(s.precision), |s, p| s.precision = p),
        integer("len", readme!("Sequence length."), Limits::new(LEN_RANGE.min as u64, LEN_RANGE.max as u64), true, |s| s.data.len as u64, |s, v| s.data.len = v as usize),
        integer("n", readme!("Number of sequences."), Limits::new(SAMPLES_RANGE.min as u64, SAMPLES_RANGE.max as u64), true, |s| s.data.samples as u64, |s, v| s.data.samples = v as usize),
        integer("seed", readme!("numpy seed of the data (and of the init drawn after it)."), Limits::new(0, u32::MAX as u64), false, |s| s.data.seed.into(), |s, v| s.data.seed = v as u32),
        other("wx", readme!("Initial w_x, given together with wrec."), Codec::Init(InitPart::Wx)),
        other("wrec", readme!("Initial w_rec, given together with wx."), Codec::Init(InitPart::Wrec)),
        other("view", readme!("Heat-map window `xmin,xmax,ymin,ymax` (w_x across, w_rec up)."), Codec::View),
        other("speed", readme!("Epochs per animation frame; a fraction is slow motion (0.01: one epoch every 100 frames)."), Codec::Speed),
        other("epochs", readme!("Stop after this many epochs."), Codec::Stop),
        flag("logy", readme!("Loss axis: `1` logarithmic, `0` linear."), |s| s.log_axis, |s, v| s.log_axis = v),
        flag("inside", readme!("`1` opens the inside view: the unrolled network and the gradient over time."), |s| s.inside, |s, v| s.inside = v),
        integer("seq", readme!("The training sequence the unrolled view shows, 0-based (below `n`)."), Limits::new(0, SAMPLES_RANGE.max as u64 - 1), true, |s| s.seq as u64, |s, v| s.seq = v as usize),
        other("input", readme!("Your own sequence for the unrolled view (forward pass only); it replaces `seq`."), Codec::Bits),
        other("phase", readme!("Step through one epoch, at this phase (0: forward step 1; then the loss, the backward steps n…1, clipping if on, the update, the new weights; at most 2·len + 3); implies the inside view."), Codec::Phase),
        flag("six", readme!("`1` draws Roelants' six weight pairs on the gradient plot and the heat map."), |s| s.six, |s, v| s.six = v),
        integer("at", readme!("Train this many epochs on load: a link to a moment of the run. At most 2e9 sample-steps (samples × len × epochs), ~10–20 s: 10000000 at 20×10, 10000 at 1000×200."), AT_RANGE, true, |s| s.at, |s, v| s.at = v),
        choice("lang", readme!("Interface language; without it, the browser's."), |s| s.lang, |s, l| s.lang = Some(l)),
        flag("embed", readme!("`1` hides the header, footer and explanations, for an iframe."), |s| s.embed, |s, v| s.embed = v),
        flag("present", readme!("`1` starts in presentation mode (large type, thick lines)."), |s| s.present, |s, v| s.present = v),
        other("hide", readme!("Controls to hide for a lesson."), Codec::Hide),
        other("race", readme!("A race on the same data and start: each racer's update rule and the hyperparameters that differ from its defaults (`clip` its own clip norm, else the page's); empty is the single run."), Codec::Race),
        other("target", readme!("A race's finishing loss: a racer finishes after the first update that brings the loss below it."), Codec::Target),
        other("ghost", readme!("An earlier run drawn faintly on both plots: this page's run with these keys changed, trained this many epochs (bounded by work as `at` is). The page leaves one when a setting that shapes the run changes, or on a reset."), Codec::Ghost),
    ]
}

/// A key with its own codec.
fn other(key: &'static str, description: &'static str, codec: Codec) -> Param {
    Param {
        key,
        description,
        codec,
    }
}

/// A key whose value is one of `T`'s names.
fn choice<T: Named + Send + Sync + 'static>(
    key: &'static str,
    description: &'static str,
    get: fn(&AppState) -> Option<T>,
    set: fn(&mut AppState, T),
) -> Param {
    let choice = Choice {
        names: T::names,
        get: Box::new(move |s| get(s).map_or("", T::name)),
        set: Box::new(move |s, name| T::from_name(name).map(|value| set(s, value)).is_some()),
    };
    other(key, description, Codec::Choice(choice))
}

/// A key whose value is a whole number within `limits`.
fn integer(
    key: &'static str,
    description: &'static str,
    limits: Limits<u64>,
    clamp: bool,
    get: fn(&AppState) -> u64,
    set: fn(&mut AppState, u64),
) -> Param {
    let field = IntegerField {
        limits,
        clamp,
        get,
        set,
    };
    other(key, description, Codec::Integer(field))
}

/// A key whose value is `0` or `1`.
fn flag(
    key: &'static str,
    description: &'static str,
    get: fn(&AppState) -> bool,
    set: fn(&mut AppState, bool),
) -> Param {
    other(key, description, Codec::Flag(Flag { get, set }))
}

/// The parameter with this key.
pub fn find(key: &str) -> Option<&'static Param> {
    PARAMS.iter().find(|p| p.key == key)
}

/// The README's table of URL parameters.
pub fn markdown_table() -> String {
    let mut out = String::from("| Key | Values | Default | Meaning |\n|---|---|---|---|\n");
    for param in PARAMS.iter() {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            param.key,
            param.codec.values_doc(),
            param.codec.default_doc(),
            param.meaning()
        ));
    }
    out
}
