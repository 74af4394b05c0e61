//! One racer as text: `OPT[:KEY=VALUE[,KEY=VALUE…]]`, e.g. `adam:lr=0.05,b1=0.8`
//! or `gd:clip=1000`, with the URL table's keys and ranges. A link's `race=`
//! joins racers with `;`, and `rnn-lab race --racer` takes one each.
//!
//! Reading never fails: what cannot be used is reported as a [`RacerProblem`]
//! (the page turns it into a notice, the CLI refuses it) and a safe value is
//! used, exactly as a link's own keys are read.

use strum::IntoEnumIterator;

use super::notice::{NoticeKind, shown};
use super::parse::{Outcome, number_in};
use super::table::OFF;
use crate::format::{exact, read_number, readable};
use crate::rnn::{Hyper, MAX_RACERS, Named, OptimizerKind, OptimizerSettings};

/// The key of a racer's own clip norm (the page's `clip=` key).
pub const CLIP_KEY: &str = "clip";

/// A racer: its rule and hyperparameters, and its clip norm when it has its own.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RacerSpec {
    /// The rule and every hyperparameter; `settings.clip` counts only with `own_clip`.
    pub settings: OptimizerSettings,
    /// Whether `settings.clip` is the racer's own; otherwise it takes the page's.
    pub own_clip: bool,
}

impl RacerSpec {
    /// The rule at its defaults, clipped as the page is.
    pub fn new(kind: OptimizerKind) -> RacerSpec {
        RacerSpec {
            settings: OptimizerSettings::defaults(kind),
            own_clip: false,
        }
    }

    /// The racer's settings with the page's clip norm unless it has its own.
    pub fn resolved(&self, page_clip: Option<f64>) -> OptimizerSettings {
        let clip = if self.own_clip {
            self.settings.clip
        } else {
            page_clip
        };
        self.settings.with_clip(clip)
    }

    /// `OPT[:KEY=VALUE,…]` with the hyperparameters that differ from the
    /// rule's defaults, in table order, then the own clip.
    pub fn to_text(&self) -> String {
        let kind = self.settings.kind;
        let mut pairs: Vec<String> = kind
            .hypers()
            .into_iter()
            .filter(|&h| self.settings[h] != h.default_for(kind))
            .map(|h| format!("{}={}", h.url_key(), exact(self.settings[h])))
            .collect();
        if self.own_clip {
            let clip = self.settings.clip.map_or_else(|| OFF.to_string(), exact);
            pairs.push(format!("{CLIP_KEY}={clip}"));
        }
        if pairs.is_empty() {
            kind.name().to_string()
        } else {
            format!("{}:{}", kind.name(), pairs.join(","))
        }
    }

    /// One line for a legend: the rule and every hyperparameter it reads.
    pub fn describe(&self, page_clip: Option<f64>) -> String {
        let settings = self.resolved(page_clip);
        let mut parts: Vec<String> = settings
            .kind
            .hypers()
            .into_iter()
            .map(|h| format!("{}={}", h.url_key(), exact(settings[h])))
            .collect();
        if let Some(clip) = settings.clip {
            parts.push(format!("{CLIP_KEY}={}", exact(clip)));
        }
        format!("{} ({})", settings.kind.name(), parts.join(", "))
    }
}

/// The short, language-neutral symbol of a hyperparameter in a racer's name.
fn hyper_symbol(hyper: Hyper) -> &'static str {
    match hyper {
        Hyper::Lr => "lr",
        Hyper::Momentum => "μ",
        Hyper::Rho => "ρ",
        Hyper::Eps => "ε",
        Hyper::Beta1 => "β1",
        Hyper::Beta2 => "β2",
        Hyper::EtaPlus => "η+",
        Hyper::EtaMinus => "η−",
        Hyper::Delta0 => "Δ0",
        Hyper::DeltaMax => "Δmax",
        Hyper::DeltaMin => "Δmin",
        Hyper::Rescale => "rescale",
    }
}

/// A value in a racer's name: `1000` and `0.05` plain, `1e-5` short.
fn value_text(x: f64) -> String {
    if x.abs() >= 1.0 {
        readable(x)
    } else {
        exact(x)
    }
}

/// Each racer's number among the racers of its rule, in race order: `None` for
/// the first of a rule, `Some(2)` for the second ("Adam 2"), and so on.
pub fn ordinals(kinds: &[OptimizerKind]) -> Vec<Option<usize>> {
    kinds
        .iter()
        .enumerate()
        .map(|(i, kind)| {
            let before = kinds[..i].iter().filter(|k| *k == kind).count();
            (before > 0).then_some(before + 1)
        })
        .collect()
}

/// A racer's name in a legend: the rule's display `name`, its number among
/// racers of the same rule, and only what differs from the rule's defaults
/// (and the clip norm, when clipped), e.g. `Adam 2 (lr = 0.05, clip = 1000)`.
pub fn racer_label(name: &str, ordinal: Option<usize>, settings: &OptimizerSettings) -> String {
    let kind = settings.kind;
    let mut parts: Vec<String> = kind
        .hypers()
        .into_iter()
        .filter(|&h| settings[h] != h.default_for(kind))
        .map(|h| format!("{} = {}", hyper_symbol(h), value_text(settings[h])))
        .collect();
    if let Some(clip) = settings.clip {
        parts.push(format!("{CLIP_KEY} = {}", value_text(clip)));
    }
    let mut label = name.to_string();
    if let Some(n) = ordinal {
        label = format!("{label} {n}");
    }
    if !parts.is_empty() {
        label = format!("{label} ({})", parts.join(", "));
    }
    label
}

/// What could not be used as given, and the part of the text it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct RacerProblem {
    pub kind: NoticeKind,
    /// The offending part (`lr=abc`, `nesterov`), cleaned for display.
    pub part: String,
}

/// A racer read from text; `spec` is `None` when the rule is unknown.
#[derive(Debug, Clone, PartialEq)]
pub struct RacerRead {
    pub spec: Option<RacerSpec>,
    pub problems: Vec<RacerProblem>,
}

/// Reads `OPT[:KEY=VALUE,…]`. Keys are the URL table's; a key the rule does not
/// read is a problem (and ignored), a value out of range is clamped.
pub fn read_racer(text: &str) -> RacerRead {
    let text = text.trim();
    let (name, rest) = text.split_once(':').unwrap_or((text, ""));
    let mut problems = Vec::new();
    let mut problem = |kind, part: &str| {
        problems.push(RacerProblem {
            kind,
            part: shown(part),
        })
    };
    let Some(kind) = OptimizerKind::from_name(&name.trim().to_ascii_lowercase()) else {
        let allowed = OptimizerKind::names();
        problem(NoticeKind::UnknownChoice { allowed }, name);
        return RacerRead {
            spec: None,
            problems,
        };
    };
    let mut spec = RacerSpec::new(kind);
    for pair in rest.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = key.trim().to_ascii_lowercase();
        let value = value.trim();
        if key == CLIP_KEY {
            if value.eq_ignore_ascii_case(OFF) || read_number(value) == Some(0.0) {
                spec.own_clip = true;
                spec.settings.clip = None;
                continue;
            }
            match number_in(value, Hyper::CLIP_RANGE) {
                Outcome::Exact(c) => (spec.own_clip, spec.settings.clip) = (true, Some(c)),
                Outcome::Corrected(c, notice) => {
                    (spec.own_clip, spec.settings.clip) = (true, Some(c));
                    problem(notice, pair);
                }
                Outcome::Rejected(notice) => problem(notice, pair),
            }
            continue;
        }
        let Some(hyper) = Hyper::iter().find(|h| h.url_key() == key && h.used_by(kind)) else {
            let mut allowed: Vec<&'static str> =
                kind.hypers().into_iter().map(Hyper::url_key).collect();
            allowed.push(CLIP_KEY);
            problem(NoticeKind::UnknownChoice { allowed }, pair);
            continue;
        };
        match number_in(value, hyper.limits()) {
            Outcome::Exact(v) => spec.settings[hyper] = v,
            Outcome::Corrected(v, notice) => {
                spec.settings[hyper] = v;
                problem(notice, pair);
            }
            Outcome::Rejected(notice) => problem(notice, pair),
        }
    }
    RacerRead {
        spec: Some(spec),
        problems,
    }
}

/// A link's `race=`: racers joined by `;`. Unknown rules are dropped; racers
/// past [`MAX_RACERS`] are dropped with a problem whose part is their count.
pub fn read_race(text: &str) -> (Vec<RacerSpec>, Vec<RacerProblem>) {
    let mut racers = Vec::new();
    let mut problems = Vec::new();
    let parts: Vec<&str> = text.split(';').filter(|p| !p.trim().is_empty()).collect();
    for part in &parts {
        let read = read_racer(part);
        problems.extend(read.problems);
        racers.extend(read.spec);
    }
    if racers.len() > MAX_RACERS {
        problems.push(RacerProblem {
            kind: NoticeKind::OutOfRange {
                min: 1.0,
                max: MAX_RACERS as f64,
            },
            part: racers.len().to_string(),
        });
        racers.truncate(MAX_RACERS);
    }
    (racers, problems)
}

/// `race=` as a link writes it.
pub fn race_text(racers: &[RacerSpec]) -> String {
    racers
        .iter()
        .map(RacerSpec::to_text)
        .collect::<Vec<_>>()
        .join(";")
}
