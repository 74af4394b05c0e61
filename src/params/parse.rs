//! Query string ⇄ [`AppState`], driven by the table of [`PARAMS`].
//!
//! Reading never fails and never panics: unknown keys are ignored (links pick
//! up tracking keys when shared), out-of-range numbers are clamped, and
//! anything else that cannot be used falls back to the default, each with a
//! [`Notice`]. A repeated key uses its first value, as `URLSearchParams.get` does.
//! `clip` and `epochs` take `off`, or 0 (a zero norm or stop means nothing else).

use super::bits::{bits_text, read_bits};
use super::control::Control;
use super::ghost::Ghost;
use super::notice::{Notice, NoticeKind, Problem, shown};
use super::racer::read_race;
use super::state::{
    AppState, INIT_LIMITS, MAX_SEEK_WORK, SPEED_RANGE, STOP_RANGE, TARGET_RANGE, epoch_work,
    max_seek_epochs,
};
use super::table::{Codec, DRAWN_INIT, InitPart, OFF, PARAMS, PHASE_LIMITS, Param};
use crate::format::{Whole, exact, read_number, read_whole, readable};
use crate::plot::View;
use crate::plot::view::VIEW_LIMITS;
use crate::rnn::optim::Hyper;
use crate::rnn::{Limits, Named, Weights};

/// The state a query string describes, and what had to be corrected.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub state: AppState,
    pub notices: Vec<Notice>,
}

/// Reads a query string, with or without its leading `?`.
///
/// `preset=` is applied first, then every other key overrides it; `opt=` loads
/// that optimizer's defaults before the hyperparameter keys are read.
pub fn parse(query: &str) -> Parsed {
    let query = query.strip_prefix('?').unwrap_or(query);
    parse_pairs(form_urlencoded::parse(query.as_bytes()))
}

/// Reads (key, value) pairs as [`parse`] reads a query string's (a saved
/// file's settings, for one): unknown keys are ignored, and a key given more
/// than once is read once and reported.
pub fn parse_pairs<K, V>(pairs: impl IntoIterator<Item = (K, V)>) -> Parsed
where
    K: AsRef<str>,
    V: Into<String>,
{
    // The first value and the number of occurrences of each known key.
    let mut given: Vec<Option<(String, usize)>> = vec![None; PARAMS.len()];
    for (key, value) in pairs {
        let key = key.as_ref();
        if let Some(index) = PARAMS.iter().position(|p| p.key == key) {
            match &mut given[index] {
                Some((_, count)) => *count += 1,
                slot => *slot = Some((value.into(), 1)),
            }
        }
    }
    let mut reader = Reader::new();
    for (param, entry) in PARAMS.iter().zip(&given) {
        if let Some((value, count)) = entry {
            if *count > 1 {
                let kind = NoticeKind::Repeated { count: *count };
                reader.notice_with(param, kind, value, shown(value));
            }
            reader.read(param, value);
        }
    }
    reader.finish()
}

/// The query string (without `?`) for `state`: only the keys that differ from
/// what the link would give without them, in table order, so the default
/// state is the empty string and a preset link is `preset=…` plus its changes.
/// For every valid state, `parse(&to_query(s)).state == s` with no notices.
pub fn to_query(state: &AppState) -> String {
    // Every value is made of [A-Za-z0-9.,-] (names, numbers, comma lists) and a
    // race's `;:=`, none of which a query string splits or escapes within a
    // value, so it is written as is.
    let pairs: Vec<String> = to_pairs(state)
        .into_iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    pairs.join("&")
}

/// The (key, value) pairs of [`to_query`], before they are joined.
pub fn to_pairs(state: &AppState) -> Vec<(&'static str, String)> {
    // Replay what the parser will do, and write a key only where the replayed
    // state still differs from `state`.
    let mut reader = Reader::new();
    let mut pairs = Vec::new();
    for param in PARAMS.iter() {
        if param.codec.differs(state, &reader.state) {
            let value = param.codec.encode(state, exact);
            reader.read(param, &value);
            pairs.push((param.key, value));
        }
    }
    pairs
}

/// What reading one value gave.
pub(super) enum Outcome<T> {
    /// Used as given.
    Exact(T),
    /// Used after a correction the notice explains (clamped into range).
    Corrected(T, NoticeKind),
    /// Not usable: the value stays as it was.
    Rejected(NoticeKind),
}

/// One of the two initial weights, as given.
#[derive(Debug, Clone, Copy, PartialEq)]
enum InitInput {
    Weight(f64),
    Drawn,
    /// Already reported.
    Invalid,
}

/// The state being built and the notices so far.
struct Reader {
    state: AppState,
    notices: Vec<Notice>,
    /// `wx` and `wrec` with their raw text, resolved together at the end.
    init: [Option<(InitInput, String)>; 2],
    /// `ghost` with its raw text, checked against the rest of the link at the end.
    ghost: Option<(Ghost, String)>,
}

impl Reader {
    fn new() -> Reader {
        Reader {
            state: AppState::default(),
            notices: Vec::new(),
            init: [None, None],
            ghost: None,
        }
    }

    /// A notice whose "used" value is what the state now holds for this key.
    fn notice(&mut self, param: &'static Param, kind: NoticeKind, raw: &str) {
        let used = param.codec.encode(&self.state, readable);
        self.notice_with(param, kind, raw, used);
    }

    fn notice_with(&mut self, param: &'static Param, kind: NoticeKind, raw: &str, used: String) {
        self.notices.push(Notice::new(param.key, kind, raw, used));
    }

    /// Applies an outcome: sets the value unless rejected, and reports corrections.
    fn apply<T>(
        &mut self,
        param: &'static Param,
        raw: &str,
        outcome: Outcome<T>,
        set: impl FnOnce(&mut AppState, T),
    ) {
        match outcome {
            Outcome::Exact(value) => set(&mut self.state, value),
            Outcome::Corrected(value, kind) => {
                set(&mut self.state, value);
                self.notice(param, kind, raw);
            }
            Outcome::Rejected(kind) => self.notice(param, kind, raw),
        }
    }

    /// Reads one key's value into the state.
    fn read(&mut self, param: &'static Param, raw: &str) {
        let text = raw.trim();
        let word = text.to_ascii_lowercase();
        if text.is_empty() {
            if let Codec::Init(part) = param.codec {
                self.init[part as usize] = Some((InitInput::Invalid, String::new()));
            }
            return self.notice(param, NoticeKind::Empty, raw);
        }
        match &param.codec {
            Codec::Choice(choice) => {
                if !(choice.set)(&mut self.state, &word) {
                    let allowed = (choice.names)();
                    self.notice(param, NoticeKind::UnknownChoice { allowed }, raw);
                }
            }
            Codec::Hyper(hyper) => {
                let outcome = positive_in(text, hyper.limits());
                self.apply(param, raw, outcome, |s, v| s.optimizer[*hyper] = v);
            }
            Codec::Clip => {
                let outcome = if word == OFF || read_number(text) == Some(0.0) {
                    Outcome::Exact(None)
                } else {
                    map(positive_in(text, Hyper::CLIP_RANGE), Some)
                };
                self.apply(param, raw, outcome, |s, v| s.optimizer.clip = v);
            }
            Codec::Integer(field) => {
                let outcome = integer_in(text, field.limits, field.clamp);
                self.apply(param, raw, outcome, field.set);
            }
            Codec::Speed => {
                let outcome = number_in(text, SPEED_RANGE);
                self.apply(param, raw, outcome, |s, v| s.speed = v);
            }
            Codec::Stop => {
                let outcome = if word == OFF || read_whole(text) == Whole::Value(0) {
                    Outcome::Exact(None)
                } else {
                    map(integer_in(text, STOP_RANGE, true), Some)
                };
                self.apply(param, raw, outcome, |s, v| s.stop_at = v);
            }
            Codec::Init(part) => self.read_init(param, *part, raw, &word),
            Codec::View => {
                let outcome = view(text);
                self.apply(param, raw, outcome, |s, v| s.view = v);
            }
            Codec::Flag(flag) => match word.as_str() {
                "1" | "true" | "on" | "yes" => (flag.set)(&mut self.state, true),
                "0" | "false" | "off" | "no" => (flag.set)(&mut self.state, false),
                _ => {
                    let allowed = vec!["0", "1"];
                    self.notice(param, NoticeKind::UnknownChoice { allowed }, raw);
                }
            },
            Codec::Hide => self.read_hide(param, raw, &word),
            Codec::Phase => {
                let outcome = integer_in(text, PHASE_LIMITS, true);
                self.apply(param, raw, outcome, |s, v| {
                    s.phase = Some(v);
                    s.inside = true;
                });
            }
            Codec::Bits => match read_bits(text) {
                Ok(bits) => self.state.input = Some(bits_text(&bits)),
                Err(problem) => {
                    let kind = NoticeKind::Malformed(Problem::Bits(problem));
                    self.notice(param, kind, raw);
                }
            },
            Codec::Race if word == OFF => self.state.race.clear(),
            Codec::Race => {
                let (racers, problems) = read_race(text);
                self.state.race = racers;
                for problem in problems {
                    self.notice(param, problem.kind, &problem.part);
                }
            }
            Codec::Target => {
                let outcome = if word == OFF || read_number(text) == Some(0.0) {
                    Outcome::Exact(None)
                } else {
                    map(number_in(text, TARGET_RANGE), Some)
                };
                self.apply(param, raw, outcome, |s, v| s.race_target = v);
            }
            Codec::Ghost if word == OFF => self.state.ghost = None,
            Codec::Ghost => match Ghost::read(text) {
                Ok(ghost) => self.ghost = Some((ghost, raw.to_string())),
                // The notice quotes the part that is wrong, not the whole value.
                Err((kind, part)) => self.notice(param, kind, &part),
            },
        }
    }

    fn read_init(&mut self, param: &'static Param, part: InitPart, raw: &str, word: &str) {
        let input = if word == DRAWN_INIT {
            InitInput::Drawn
        } else {
            match number_in(word, INIT_LIMITS) {
                Outcome::Exact(w) => InitInput::Weight(w),
                Outcome::Corrected(w, kind) => {
                    self.notice_with(param, kind, raw, readable(w));
                    InitInput::Weight(w)
                }
                Outcome::Rejected(kind) => {
                    self.notice(param, kind, raw);
                    InitInput::Invalid
                }
            }
        };
        self.init[part as usize] = Some((input, raw.to_string()));
    }

    /// Known names are hidden even when others are unknown; the unknown ones are reported.
    fn read_hide(&mut self, param: &'static Param, raw: &str, word: &str) {
        let mut hidden = Vec::new();
        let mut unknown = Vec::new();
        for item in word.split(',').map(str::trim).filter(|i| !i.is_empty()) {
            match Control::from_name(item) {
                Some(control) => hidden.push(control),
                None => unknown.push(item),
            }
        }
        if hidden.is_empty() && unknown.is_empty() {
            return self.notice(param, NoticeKind::Empty, raw);
        }
        // In the catalogue's order, each control once.
        let hidden: Vec<Control> = Control::all().filter(|c| hidden.contains(c)).collect();
        if !hidden.is_empty() {
            self.state.hide = hidden;
        }
        if !unknown.is_empty() {
            let allowed = Control::all().map(Control::name).collect();
            self.notice(
                param,
                NoticeKind::UnknownChoice { allowed },
                &unknown.join(","),
            );
        }
    }

    /// Resolves `wx`/`wrec`: both numbers set the start, both `seed` the drawn
    /// init; anything else keeps the start the link had without them.
    fn finish(mut self) -> Parsed {
        let [wx, wrec] = std::mem::take(&mut self.init);
        let incomplete = match (wx, wrec) {
            (None, None) => None,
            (Some((InitInput::Weight(w_x), _)), Some((InitInput::Weight(w_rec), _))) => {
                self.state.init = Some(Weights { w_x, w_rec });
                None
            }
            (Some((InitInput::Drawn, _)), Some((InitInput::Drawn, _))) => {
                self.state.init = None;
                None
            }
            (Some((InitInput::Invalid, _)), _) | (_, Some((InitInput::Invalid, _))) => None,
            (Some((_, raw)), _) => Some((InitPart::Wx, raw)),
            (None, Some((_, raw))) => Some((InitPart::Wrec, raw)),
        };
        if let Some((part, raw)) = incomplete {
            let param = init_param(part);
            self.notice(param, NoticeKind::Malformed(Problem::InitIncomplete), &raw);
        }
        // Once the data is known whatever the key order: `seq` names one of its sequences.
        let last = self.state.data.samples.saturating_sub(1);
        if self.state.seq > last {
            let given = self.state.seq.to_string();
            self.state.seq = last;
            let kind = out_of_range(Limits::new(0.0, last as f64));
            let param = PARAMS.iter().find(|p| p.key == "seq").unwrap_or(&PARAMS[0]);
            self.notice_with(param, kind, &given, last.to_string());
        }
        // `phase` counts the phases of this data and clipping.
        if let Some(phase) = self.state.phase {
            let last = self.state.last_phase();
            if phase > last {
                self.state.phase = Some(last);
                let kind = out_of_range(Limits::new(0.0, last as f64));
                let param = PARAMS
                    .iter()
                    .find(|p| p.key == "phase")
                    .unwrap_or(&PARAMS[0]);
                self.notice_with(param, kind, &phase.to_string(), last.to_string());
            }
        }
        // Once the cell is known whatever the key order: the cliff has no input, so no task but
        // the count (Pascanu et al. 2013's unit is run for T steps on nothing).
        let given = self.state.task.name();
        if self.state.fit_task() {
            let param = PARAMS
                .iter()
                .find(|p| p.key == "task")
                .unwrap_or(&PARAMS[0]);
            let kind = NoticeKind::Malformed(Problem::TaskNotForCell);
            self.notice(param, kind, given);
        }
        // Once the rule, the loss and clipping are known: the float32 arithmetic is the seed's graph only.
        let given = self.state.precision.name();
        if self.state.fit_precision() {
            let param = PARAMS
                .iter()
                .find(|p| p.key == "precision")
                .unwrap_or(&PARAMS[0]);
            let kind = NoticeKind::Malformed(Problem::PrecisionNotSeedGraph);
            self.notice(param, kind, given);
        }
        // Last, once the data is known whatever the key order: `at` bounds work.
        let (at, notice) = bound_seek(&self.state, self.state.at);
        self.state.at = at;
        self.notices.extend(notice);
        if let Some((ghost, raw)) = self.ghost.take() {
            self.finish_ghost(ghost, &raw);
        }
        Parsed {
            state: self.state,
            notices: self.notices,
        }
    }
}

impl Reader {
    /// Keeps a ghost whose changes read back cleanly against the link's run,
    /// with its epochs bounded by work as `at=` is; otherwise it is dropped.
    fn finish_ghost(&mut self, mut ghost: Ghost, raw: &str) {
        let param = PARAMS
            .iter()
            .find(|p| p.key == "ghost")
            .unwrap_or(&PARAMS[0]);
        let Some(settings) = ghost.settings(&self.state) else {
            return self.notice(param, NoticeKind::Malformed(Problem::GhostSettings), raw);
        };
        let (epochs, cut) = bound_seek(&settings, ghost.epochs);
        ghost.epochs = epochs;
        self.state.ghost = Some(ghost);
        if let Some(cut) = cut {
            self.notice(param, cut.kind, raw);
        }
    }
}

/// `epoch` as a seek on `state`'s data may train it: cut to the largest epoch
/// within [`MAX_SEEK_WORK`], with a notice (key `at`) saying what was cut.
/// Links go through it when parsed; a loaded file's epoch goes through it too.
pub fn bound_seek(state: &AppState, epoch: u64) -> (u64, Option<Notice>) {
    let max = max_seek_epochs(&state.data);
    if epoch <= max {
        return (epoch, None);
    }
    let kind = NoticeKind::TooMuchWork {
        work: epoch.saturating_mul(epoch_work(&state.data)),
        max_work: MAX_SEEK_WORK,
    };
    let notice = Notice::new("at", kind, &epoch.to_string(), max.to_string());
    (max, Some(notice))
}

fn init_param(part: InitPart) -> &'static Param {
    PARAMS
        .iter()
        .find(|p| matches!(p.codec, Codec::Init(q) if q == part))
        .unwrap_or(&PARAMS[0])
}

fn map<T, U>(outcome: Outcome<T>, f: impl FnOnce(T) -> U) -> Outcome<U> {
    match outcome {
        Outcome::Exact(v) => Outcome::Exact(f(v)),
        Outcome::Corrected(v, kind) => Outcome::Corrected(f(v), kind),
        Outcome::Rejected(kind) => Outcome::Rejected(kind),
    }
}

/// A number clamped into `limits` (±∞ too); NaN and non-numbers are rejected.
pub(super) fn number_in(text: &str, limits: Limits) -> Outcome<f64> {
    match read_number(text) {
        None => Outcome::Rejected(NoticeKind::NotANumber),
        Some(x) => match limits.clamp(x) {
            Some(c) if c == x => Outcome::Exact(x),
            Some(c) => Outcome::Corrected(c, out_of_range(limits)),
            None => Outcome::Rejected(NoticeKind::NotANumber),
        },
    }
}

/// [`number_in`] for a quantity whose range starts above 0: zero or less is refused, not
/// clamped (the form's boxes do the same).
fn positive_in(text: &str, limits: Limits) -> Outcome<f64> {
    match read_number(text) {
        Some(x) if limits.min > 0.0 && x <= 0.0 => Outcome::Rejected(NoticeKind::NotPositive),
        _ => number_in(text, limits),
    }
}

fn out_of_range(limits: Limits) -> NoticeKind {
    NoticeKind::OutOfRange {
        min: limits.min,
        max: limits.max,
    }
}

/// A whole number in `limits`: clamped when `clamp`, else rejected outside.
fn integer_in(text: &str, limits: Limits<u64>, clamp: bool) -> Outcome<u64> {
    let Limits { min, max } = limits.to_f64();
    let not_whole = NoticeKind::NotAnInteger { min, max };
    match read_whole(text) {
        Whole::Invalid => Outcome::Rejected(NoticeKind::NotANumber),
        Whole::NotWhole => Outcome::Rejected(not_whole),
        Whole::Value(v) => {
            let clamped = v.clamp(i128::from(limits.min), i128::from(limits.max));
            // In range after the clamp, so the conversion cannot fail.
            let value = u64::try_from(clamped).unwrap_or(limits.min);
            if clamped == v {
                Outcome::Exact(value)
            } else if clamp {
                Outcome::Corrected(value, out_of_range(limits.to_f64()))
            } else {
                Outcome::Rejected(not_whole)
            }
        }
    }
}

/// `xmin,xmax,ymin,ymax`: bounds clamped to ±1000, then each axis must be non-empty.
fn view(text: &str) -> Outcome<View> {
    let not_four = NoticeKind::Malformed(Problem::ViewNotFourNumbers);
    let mut bounds = [0.0; 4];
    let mut parts = text.split(',');
    for bound in &mut bounds {
        match parts.next().and_then(read_number) {
            Some(x) => *bound = x,
            None => return Outcome::Rejected(not_four),
        }
    }
    if parts.next().is_some() {
        return Outcome::Rejected(not_four);
    }
    let [x_min, x_max, y_min, y_max] = bounds.map(|b| b.clamp(VIEW_LIMITS.min, VIEW_LIMITS.max));
    // Clamped, the bounds are in range: only an empty axis is left to refuse.
    match View::new(x_min, x_max, y_min, y_max) {
        Err(_) => Outcome::Rejected(NoticeKind::Malformed(Problem::ViewEmptyRange)),
        Ok(view) if view.bounds() != bounds => Outcome::Corrected(view, out_of_range(VIEW_LIMITS)),
        Ok(view) => Outcome::Exact(view),
    }
}
