//! Every setting of the app as one typed value, with its ranges and defaults.
//!
//! The defaults reproduce the seed: its data (seed 1, 20×10), its drawn init,
//! the summed loss and its RMSProp variant at lr 1e-3, on Roelants' [-3, 3]² view.

use strum::IntoEnumIterator;

use super::control::Control;
use super::ghost::Ghost;
use super::presets::PresetId;
use super::racer::RacerSpec;
use crate::plot::View;
use crate::rnn::error::{CoreError, InvalidReason};
use crate::rnn::named::named_enum;
use crate::rnn::optim::Hyper;
use crate::rnn::race::DEFAULT_RACE_EPOCHS;
use crate::rnn::{
    CellKind, DataConfig, Limits, OptimizerKind, OptimizerSettings, Precision, Reduction, StopRule,
    Task, TrainerConfig, Weights,
};
use crate::rnn::{MAX_RACERS, RaceConfig};

/// Most epochs per animation frame. At 20×10 an epoch is a few hundred
/// multiply-adds, so even the maximum fits in a frame; at 1000×200 the UI's
/// per-frame time budget has to cap it.
pub const MAX_SPEED: u32 = 2000;
/// Epochs per frame on first load: the seed's RMSProp run reaches its plateau
/// (epoch ~400) in under two seconds at 60 frames per second, slow enough to
/// watch the chaotic transient.
pub const DEFAULT_SPEED: f64 = 5.0;
/// Slow motion's floor: one epoch every hundred frames, about 1.7 s at 60
/// frames a second, so a class can watch a single step.
pub const MIN_SPEED: f64 = 0.01;
/// `speed=`: epochs per frame, fractions allowed.
pub const SPEED_RANGE: Limits = Limits::new(MIN_SPEED, MAX_SPEED as f64);
/// `epochs=`: the allowed stop, in epochs.
pub const STOP_RANGE: Limits<u64> = Limits::new(1, 1_000_000_000);
/// `at=`: epochs trained on load. Bounded so a link cannot freeze the page for long.
pub const AT_RANGE: Limits<u64> = Limits::new(0, 10_000_000);
/// The most work a link's `at=` (or a loaded file's epoch) may ask for, in
/// sample-steps: samples × sequence length × epochs. An epoch's cost is
/// proportional to samples × length, so bounding epochs alone let
/// `len=200&n=1000&at=10000000` ask for 2·10¹² steps (hours). A seek of
/// 2·10⁹ steps (10000 epochs at 1000×200) of the linear cell takes about 1.5 s with the built
/// page in headless Chrome on a shared core (the core at opt-level 3; it took 9 s before), and
/// the tanh cell's about 48 s (tanh costs far more than a multiply-add); every seek is sliced
/// across frames, shows its progress and can be stopped. It is also exactly the largest `at=` on the default 20×10
/// data, so no link that worked there is cut.
pub const MAX_SEEK_WORK: u64 = 2_000_000_000;

/// Sample-steps a seek trains between two looks at the clock: about a
/// millisecond in wasm. Counted in work, not epochs, so one chunk cannot
/// overrun a frame on big data (256 epochs at 1000×200 took about a second).
pub const SEEK_CHUNK_WORK: u64 = 100_000;

/// Epochs a seek trains between two looks at the clock on `data`: within
/// [`SEEK_CHUNK_WORK`], but at least one, as an epoch cannot be split.
pub fn seek_chunk(data: &DataConfig) -> u64 {
    (SEEK_CHUNK_WORK / epoch_work(data)).max(1)
}

/// Sample-steps one epoch on `data` costs (at least 1).
pub fn epoch_work(data: &DataConfig) -> u64 {
    (data.samples as u64).saturating_mul(data.len as u64).max(1)
}

/// The largest `at=` for `data`: within [`AT_RANGE`] and [`MAX_SEEK_WORK`].
pub fn max_seek_epochs(data: &DataConfig) -> u64 {
    (MAX_SEEK_WORK / epoch_work(data)).min(AT_RANGE.max)
}
/// `target=`: a race's finishing loss.
pub const TARGET_RANGE: Limits = Limits::new(1e-12, 1e12);

/// `wx=`, `wrec=`: the initial weights stay within ±this: room around
/// Roelants' [-3, 3]² for any start worth showing.
pub const INIT_LIMIT: f64 = 10.0;
pub(crate) const INIT_LIMITS: Limits = Limits::new(-INIT_LIMIT, INIT_LIMIT);

named_enum! {
    /// The interface language; its name is the `lang=` value and BCP 47 primary tag.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
    #[strum(serialize_all = "lowercase")]
    pub enum Lang {
        En,
        Ja,
    }
}

impl Lang {
    /// The language for a browser tag such as `ja-JP` or `en-US`: Japanese for
    /// any `ja` tag, English otherwise.
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ja") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// The language named in itself, as language menus name them.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
        }
    }
}

/// Every setting of the app. [`super::parse`] reads it from a query string and
/// [`super::to_query`] writes it back; a saved file holds the same pairs.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The recurrent cell (`model=`).
    pub model: CellKind,
    /// What the data asks of it (`task=`).
    pub task: Task,
    /// The update rule, all hyperparameters (also those the rule ignores) and the clip norm.
    pub optimizer: OptimizerSettings,
    pub reduction: Reduction,
    /// The arithmetic: f64, or the 2016 post's float32 (its two rules only).
    pub precision: Precision,
    pub data: DataConfig,
    /// The start; `None` is the init drawn after the data, as the seed does.
    pub init: Option<Weights>,
    pub view: View,
    /// Epochs per animation frame, [`MIN_SPEED`]..=[`MAX_SPEED`]; a
    /// fraction trains one epoch every few frames ([`super::SpeedCredit`]).
    pub speed: f64,
    /// Stop after this many epochs (`epochs=`); `None` trains until paused.
    pub stop_at: Option<u64>,
    /// Epochs to train on load (`at=`), for a link to a moment of a run.
    pub at: u64,
    /// `None` follows the browser's language.
    pub lang: Option<Lang>,
    /// `embed=1`: no header, footer or explanations, for an iframe.
    pub embed: bool,
    /// `present=1`: large type and thick lines for a projector.
    pub present: bool,
    /// Controls hidden for a lesson, unique and in [`Control::all`] order.
    pub hide: Vec<Control>,
    /// The scenario this state started from, if any.
    pub preset: Option<PresetId>,
    /// Loss axis on a log scale (`logy=1`) or linear.
    pub log_axis: bool,
    /// The training sequence the unrolled view shows (0-based, below `data.samples`).
    pub seq: usize,
    /// A typed 0/1 sequence the unrolled view shows instead (canonical text, 1–200 steps).
    pub input: Option<String>,
    /// The inside view (the unrolled network and the gradient over time) is open.
    pub inside: bool,
    /// Roelants' six weight pairs drawn on the gradient plot and the heat map.
    pub six: bool,
    /// The step-through of one epoch, at this phase (from 0); `None` is off.
    pub phase: Option<u64>,
    /// The racers of a race (`race=`); empty is the single run.
    pub race: Vec<RacerSpec>,
    /// A race's finishing loss (`target=`); `None` is 1% of the baseline loss (predicting 0).
    pub race_target: Option<f64>,
    /// An earlier run drawn faintly beside this one (`ghost=`).
    pub ghost: Option<Ghost>,
}

impl AppState {
    /// Switches the cell. A view left at the old cell's default becomes the new cell's.
    pub fn select_model(&mut self, model: CellKind) {
        if self.view == View::for_cell(self.model) {
            self.view = View::for_cell(model);
        }
        self.model = model;
    }
}

impl Default for AppState {
    /// The seed's run: rmsprop-seed at lr 1e-3, summed loss, seed 1, 20×10, its drawn init.
    fn default() -> Self {
        AppState {
            model: CellKind::Linear,
            task: Task::Count,
            optimizer: OptimizerSettings::defaults(OptimizerKind::RmspropSeed),
            reduction: Reduction::Sum,
            precision: Precision::F64,
            data: DataConfig::default(),
            init: None,
            view: View::DEFAULT,
            speed: DEFAULT_SPEED,
            stop_at: None,
            at: 0,
            lang: None,
            embed: false,
            present: false,
            hide: Vec::new(),
            preset: None,
            log_axis: true,
            seq: 0,
            input: None,
            inside: false,
            six: false,
            phase: None,
            race: Vec::new(),
            race_target: None,
            ghost: None,
        }
    }
}

impl AppState {
    /// Keeps the task learnable: a cell that cannot take it (the cliff has no input) gets
    /// the count task. True when it did.
    pub fn fit_task(&mut self) -> bool {
        let takes = self.model.takes(self.task);
        if !takes {
            self.task = Task::Count;
        }
        !takes
    }

    /// Keeps the precision runnable: `theano-f32` is the seed's graph only, so
    /// another rule, the mean loss, clipping or another cell or task returns it to f64.
    /// True when it did.
    pub fn fit_precision(&mut self) -> bool {
        let runs = self
            .precision
            .check(&self.optimizer, self.reduction)
            .is_ok()
            && (self.precision == Precision::F64
                || (self.model == CellKind::Linear && self.task == Task::Count));
        if !runs {
            self.precision = Precision::F64;
        }
        !runs
    }

    /// The run this state describes.
    pub fn trainer_config(&self) -> TrainerConfig {
        TrainerConfig {
            model: self.model,
            task: self.task,
            data: self.data,
            reduction: self.reduction,
            optimizer: self.optimizer,
            init: self.init,
            stop: StopRule {
                max_epochs: self.stop_at,
                loss_tolerance: None,
            },
            precision: self.precision,
        }
    }

    /// The race this state describes, if it is one: every racer takes the
    /// page's clip norm unless it has its own, and the race stops at `epochs=`
    /// (else after [`DEFAULT_RACE_EPOCHS`]).
    pub fn race_config(&self) -> Option<RaceConfig> {
        if self.race.is_empty() {
            return None;
        }
        Some(RaceConfig {
            model: self.model,
            task: self.task,
            data: self.data,
            reduction: self.reduction,
            init: self.init,
            racers: self
                .race
                .iter()
                .map(|racer| racer.resolved(self.optimizer.clip))
                .collect(),
            target: self.race_target,
            max_epochs: self.stop_at.unwrap_or(DEFAULT_RACE_EPOCHS),
        })
    }

    /// Switches the update rule. Another rule starts from its own defaults
    /// (gd's lr is 1e-5, Adam's 1e-2, …); the clip norm is kept. The same rule
    /// keeps its settings.
    pub fn select_optimizer(&mut self, kind: OptimizerKind) {
        if self.optimizer.kind != kind {
            self.optimizer = OptimizerSettings::defaults(kind).with_clip(self.optimizer.clip);
        }
    }

    /// The last phase of the step-through of an epoch on this data and clipping.
    pub fn last_phase(&self) -> u64 {
        let clipping = self.optimizer.clip.is_some();
        crate::rnn::trace::Phase::count(self.data.len, clipping) as u64 - 1
    }

    /// Checks every range, including the hyperparameters the chosen rule ignores.
    pub fn validate(&self) -> Result<(), CoreError> {
        for hyper in Hyper::iter() {
            hyper
                .limits()
                .check(hyper.url_key(), self.optimizer[hyper])?;
        }
        self.optimizer.validate()?;
        self.data.validate()?;
        if let Some(w) = self.init {
            INIT_LIMITS.check("wx", w.w_x)?;
            INIT_LIMITS.check("wrec", w.w_rec)?;
        }
        self.view.validate()?;
        SPEED_RANGE.check("speed", self.speed)?;
        if let Some(stop) = self.stop_at {
            STOP_RANGE.check("epochs", stop)?;
        }
        AT_RANGE.check("at", self.at)?;
        Limits::new(0, MAX_RACERS).check("race", self.race.len())?;
        for racer in &self.race {
            racer.settings.validate()?;
        }
        if let Some(target) = self.race_target {
            TARGET_RANGE.check("target", target)?;
        }
        Limits::new(0, max_seek_epochs(&self.data)).check("at", self.at)?;
        Limits::new(0, self.data.samples.saturating_sub(1)).check("seq", self.seq)?;
        if let Some(phase) = self.phase {
            Limits::new(0, self.last_phase()).check("phase", phase)?;
        }
        if let Some(input) = &self.input {
            let bits = super::bits::read_bits(input).map_err(|_| CoreError::Invalid {
                name: "input",
                reason: InvalidReason::NotBits,
            })?;
            if super::bits::bits_text(&bits) != *input {
                return Err(CoreError::Invalid {
                    name: "input",
                    reason: InvalidReason::NotBits,
                });
            }
        }
        let canonical = self.hide.windows(2).all(|pair| pair[0] < pair[1]);
        if !canonical {
            return Err(CoreError::Invalid {
                name: "hide",
                reason: InvalidReason::HideNotCanonical,
            });
        }
        Ok(())
    }
}
