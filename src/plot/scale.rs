//! Scales and ticks: the log colour scale of the heat map, linear and log
//! axis mappings, and "nice" tick marks with their labels.
//!
//! Every function here accepts any `f64` (NaN, infinities, reversed ranges)
//! without panicking: bad input gives an empty tick list or a fallback range.

use crate::format;
use crate::plot::loss_axis::loss_span;
use crate::rnn::Surface;

/// One labelled tick mark at `value`, in the data units of its axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// Most loop iterations any tick generator may take, whatever the input.
const MAX_CANDIDATES: usize = 1000;

/// `log10(1 + x)`, accurate for tiny losses too (`ln_1p`).
fn log1p10(x: f64) -> f64 {
    x.max(0.0).ln_1p() / std::f64::consts::LN_10
}

/// The heat map's colour scale: `u = log10(loss + 1)` mapped linearly from
/// `[lo, hi]` to colour fraction `[0, 1]`, like Roelants' tutorial (which uses
/// the fixed range 10^-0.2..10^8 of `loss + 1`). Here the range is data driven:
/// `lo`/`hi` are `u` of the smallest and largest finite loss of the surface,
/// so a zoomed-in view still uses the whole map. The `+ 1` keeps the optimum
/// (loss ≈ 0) finite and compresses the tiny losses near it into one colour.
///
/// A surface spanning more than [`MAX_LINEAR_DECADES`] is coloured by rank
/// instead (see [`LogColourScale::from_surface`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LogColourScale {
    lo: f64,
    hi: f64,
    /// `u` at the quantiles 0, 1/(K−1), …, 1 of the cells, when coloured by
    /// rank: `u` is mapped piecewise linearly through them.
    ranked: Option<[f64; RANK_KNOTS]>,
}

/// Most decades of `loss + 1` a linear colour scale spans. Where |w_rec| > 1
/// the loss grows like |w_rec|^(2n), so on a wide view at n = 200 it reaches
/// 1e190 while the band |w_rec| < 1, where training happens, stays within
/// 1e6–1e8: linear in `u` that band would be one colour. Clipping the top
/// does not help either: the band is 1.2 decades of a range that starts at
/// the optimum's 0. So beyond this span the colours follow the cells' ranks
/// (histogram equalisation, as image viewers stretch contrast): each colour
/// then covers about as many cells, and the band, the valley near (1, 1) and
/// the cliff each get their share. The seed's 20×10 surface over [-3, 3]²
/// spans 10.6 decades and stays linear.
pub const MAX_LINEAR_DECADES: f64 = 12.0;

/// Quantiles of a rank colour scale (0, 1/16, …, 1).
pub const RANK_KNOTS: usize = 17;

impl Default for LogColourScale {
    /// Loss from 0 to 9: one decade of `loss + 1`.
    fn default() -> Self {
        LogColourScale {
            lo: 0.0,
            hi: 1.0,
            ranked: None,
        }
    }
}

impl LogColourScale {
    /// The scale spanning losses `min..=max` (non-finite or reversed input falls back to
    /// the default; a flat range is widened so that it still has a width).
    pub fn from_loss_range(min: f64, max: f64) -> LogColourScale {
        if !min.is_finite() || !max.is_finite() {
            return LogColourScale::default();
        }
        let (lo, hi) = (log1p10(min.min(max)), log1p10(min.max(max)));
        if hi - lo > 1e-12 * hi.max(1.0) {
            LogColourScale {
                lo,
                hi,
                ranked: None,
            }
        } else {
            // A flat surface: centre its one colour in the map.
            LogColourScale {
                lo: (lo - 0.5).max(0.0),
                hi: (lo - 0.5).max(0.0) + 1.0,
                ranked: None,
            }
        }
    }

    /// The scale of `losses` (non-finite ones ignored): linear in `u` from the
    /// smallest to the largest when they span at most [`MAX_LINEAR_DECADES`],
    /// else by rank through their quantiles.
    pub fn from_losses(losses: &[f64]) -> LogColourScale {
        // One pass for the range; the O(N log N) sort only for a surface coloured by rank.
        let (min, max) = losses
            .iter()
            .filter(|l| l.is_finite())
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &l| {
                (a.min(l), b.max(l))
            });
        if min > max {
            return LogColourScale::default();
        }
        let (lo, hi) = (log1p10(min), log1p10(max));
        if hi - lo <= MAX_LINEAR_DECADES || !hi.is_finite() {
            return LogColourScale::from_loss_range(min, max);
        }
        let mut u: Vec<f64> = losses
            .iter()
            .filter(|l| l.is_finite())
            .map(|&l| log1p10(l))
            .collect();
        u.sort_unstable_by(f64::total_cmp);
        let last = u.len() - 1;
        let knots = std::array::from_fn(|k| {
            let at = (k as f64 / (RANK_KNOTS - 1) as f64 * last as f64).round() as usize;
            u[at.min(last)]
        });
        LogColourScale {
            lo,
            hi,
            ranked: Some(knots),
        }
    }

    /// The data-driven scale of a surface's finite losses, as
    /// [`LogColourScale::from_losses`] says (default if none are finite).
    pub fn from_surface(surface: &Surface) -> LogColourScale {
        LogColourScale::from_losses(&surface.loss)
    }

    /// Whether a surface whose finite losses run from `min` to `max` is
    /// coloured by rank (cheaper than building its scale).
    pub fn ranks(min: f64, max: f64) -> bool {
        log1p10(max) - log1p10(min) > MAX_LINEAR_DECADES
    }

    /// Whether the colours follow the cells' ranks rather than `u` linearly.
    pub fn is_ranked(&self) -> bool {
        self.ranked.is_some()
    }

    /// The smallest loss of the scale (colour fraction 0).
    pub fn min_loss(&self) -> f64 {
        self.loss_at(0.0)
    }

    /// The largest loss of the scale (colour fraction 1).
    pub fn max_loss(&self) -> f64 {
        self.loss_at(1.0)
    }

    /// The colour fraction of `loss`, clamped to [0, 1]; `None` when it is not finite
    /// (an overflowed cell).
    pub fn fraction(&self, loss: f64) -> Option<f64> {
        if !loss.is_finite() {
            return None;
        }
        let u = log1p10(loss);
        let Some(knots) = &self.ranked else {
            return Some(((u - self.lo) / (self.hi - self.lo)).clamp(0.0, 1.0));
        };
        if u <= knots[0] {
            return Some(0.0);
        }
        // The last knot at or below u, and the first above it (empty segments skipped).
        let below = knots.iter().rposition(|&k| k <= u).unwrap_or(0);
        if below + 1 >= RANK_KNOTS {
            return Some(1.0);
        }
        let (a, b) = (knots[below], knots[below + 1]);
        let within = if b > a { (u - a) / (b - a) } else { 0.0 };
        Some(((below as f64 + within) / (RANK_KNOTS - 1) as f64).clamp(0.0, 1.0))
    }

    /// The loss whose colour fraction is `fraction` (the inverse of [`Self::fraction`]).
    pub fn loss_at(&self, fraction: f64) -> f64 {
        let fraction = fraction.clamp(0.0, 1.0);
        let u = match &self.ranked {
            None => self.lo + fraction * (self.hi - self.lo),
            Some(knots) => {
                let at = fraction * (RANK_KNOTS - 1) as f64;
                let below = (at.floor() as usize).min(RANK_KNOTS - 2);
                let within = at - below as f64;
                knots[below] + within * (knots[below + 1] - knots[below])
            }
        };
        // 10^u - 1 without cancellation for small u.
        (u * std::f64::consts::LN_10).exp_m1()
    }

    /// Labelled ticks for the colour bar, in loss units, at most `max_ticks` and no
    /// two closer than `1 / max_ticks` of the bar. Wide ranges get decades
    /// (0, 1, 10, 100, ...), narrow ones 1-2-5 steps.
    pub fn ticks(&self, max_ticks: usize) -> Vec<Tick> {
        let max_ticks = max_ticks.max(2);
        let (min, max) = (self.min_loss(), self.max_loss());
        let mut candidates = if self.hi - self.lo >= 1.0 {
            // By rank, decades are spread unevenly: offer every one and let the gap rule pick.
            let offered = if self.is_ranked() {
                MAX_CANDIDATES
            } else {
                max_ticks
            };
            let mut decades = log_ticks(min.max(1e-3), max, offered);
            if min <= 0.0 {
                decades.insert(
                    0,
                    Tick {
                        value: 0.0,
                        label: "0".into(),
                    },
                );
            }
            decades
        } else {
            linear_ticks(min, max, max_ticks)
        };
        // Keep 0 (the bottom), then the largest values first: the small decades
        // crowd at the bottom of the bar and give way. Candidates come in
        // ascending order, so reversing the picked tail restores it.
        let mut kept: Vec<Tick> = Vec::new();
        if candidates.first().is_some_and(|t| t.value == 0.0) {
            kept.push(candidates.remove(0));
        }
        let picked_from = kept.len();
        candidates.reverse();
        let min_gap = 1.0 / max_ticks as f64;
        for tick in candidates {
            let Some(at) = self.fraction(tick.value) else {
                continue;
            };
            let far_enough = kept.iter().all(|k| {
                self.fraction(k.value)
                    .is_some_and(|f| (f - at).abs() >= min_gap)
            });
            if far_enough {
                kept.push(tick);
            }
        }
        kept[picked_from..].reverse();
        kept
    }
}

/// How an axis maps data values to a fraction of its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AxisKind {
    Linear,
    /// Base-10 logarithmic; only positive values have a place on it.
    Log10,
}

/// A data range `[min, max]` on a linear or log axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisMap {
    pub kind: AxisKind,
    pub min: f64,
    pub max: f64,
}

impl AxisMap {
    fn transform(&self, value: f64) -> f64 {
        match self.kind {
            AxisKind::Linear => value,
            AxisKind::Log10 => value.log10(),
        }
    }

    /// The fraction of the axis at `value` (0 at `min`, 1 at `max`, outside
    /// beyond them); `None` if it has no place (NaN, or ≤ 0 on a log axis) or the
    /// range is degenerate.
    pub fn fraction(&self, value: f64) -> Option<f64> {
        let (lo, hi, v) = (
            self.transform(self.min),
            self.transform(self.max),
            self.transform(value),
        );
        let fraction = (v - lo) / (hi - lo);
        fraction.is_finite().then_some(fraction)
    }

    /// The value at `fraction` of the axis (the inverse of [`Self::fraction`]).
    pub fn value(&self, fraction: f64) -> f64 {
        let (lo, hi) = (self.transform(self.min), self.transform(self.max));
        let t = lo + fraction * (hi - lo);
        match self.kind {
            AxisKind::Linear => t,
            AxisKind::Log10 => 10f64.powf(t),
        }
    }
}

/// The 1-2-5 step giving at most about `max_count` intervals over `span`.
fn nice_step(span: f64, max_count: usize) -> Option<f64> {
    let raw = span / max_count.max(1) as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|&step| step >= raw * (1.0 - 1e-9))
}

/// Ticks at multiples of a 1-2-5 step inside `[min, max]`, at most about
/// `max_count + 1` of them, labelled with just enough decimals for the step.
pub fn linear_ticks(min: f64, max: f64, max_count: usize) -> Vec<Tick> {
    let (min, max) = (min.min(max), min.max(max));
    match nice_step(max - min, max_count) {
        Some(step) => ticks_every(min, max, step),
        None => Vec::new(),
    }
}

/// Like [`linear_ticks`], but only at whole numbers (an epoch axis: a 1-2-5
/// step below 1 would label fractions of an epoch).
pub fn integer_ticks(min: f64, max: f64, max_count: usize) -> Vec<Tick> {
    if !(min.is_finite() && max.is_finite()) {
        return Vec::new();
    }
    let (min, max) = (min.min(max), min.max(max));
    let step = nice_step(max - min, max_count).unwrap_or(1.0).max(1.0);
    ticks_every(min, max, step)
}

/// The multiples of `step` within `[min, max]`, labelled with just enough decimals.
fn ticks_every(min: f64, max: f64, step: f64) -> Vec<Tick> {
    let decimals = (-step.log10().floor()).clamp(0.0, 12.0) as usize;
    let first = (min / step - 1e-9).ceil();
    (0..MAX_CANDIDATES)
        .map(|i| (first + i as f64) * step)
        .take_while(|&v| v <= max + step * 1e-9)
        .map(|v| {
            let value = if v.abs() < step * 1e-9 { 0.0 } else { v };
            Tick {
                value,
                label: format::tick(value, decimals),
            }
        })
        .collect()
}

/// The label of 10^k: plain decimals when the whole axis stays within
/// 0.001..1000, else `1e{k}` for every tick so that one axis has one style.
fn decade_label(k: i32, plain: bool) -> String {
    if plain {
        format::tick(10f64.powi(k), k.min(0).unsigned_abs() as usize)
    } else {
        format!("1e{k}")
    }
}

/// Ticks for a log axis over `[min, max]` (both > 0): powers of ten, thinned
/// to every 2nd, 3rd... decade when there are more than `max_count`. A range
/// holding fewer than two decades gets 2× and 5× sub-ticks, and one within a
/// single decade gets 1-2-5 linear ticks.
pub fn log_ticks(min: f64, max: f64, max_count: usize) -> Vec<Tick> {
    let (min, max) = (min.min(max), min.max(max));
    if !(min > 0.0 && max.is_finite()) {
        return Vec::new();
    }
    let max_count = max_count.max(2);
    // Tolerances so that an exact power of ten at an end counts as inside.
    let k_lo = (min.log10() - 1e-9).ceil() as i32;
    let k_hi = (max.log10() + 1e-9).floor() as i32;
    let decades = k_hi.saturating_sub(k_lo).saturating_add(1).max(0);
    let plain = k_lo >= -3 && k_hi <= 3;
    if decades >= 2 {
        // Round strides, aligned (multiples of the stride), read better: 1e-4, 1e-2, 1, 1e2.
        const STRIDES: [i32; 12] = [1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 250, 500];
        let needed = (decades as usize).div_ceil(max_count).max(1) as i32;
        let stride = STRIDES.into_iter().find(|&s| s >= needed).unwrap_or(needed);
        return (k_lo..=k_hi)
            .filter(|k| k.rem_euclid(stride) == 0)
            .map(|k| Tick {
                value: 10f64.powi(k),
                label: decade_label(k, plain),
            })
            .collect();
    }
    let sub_ticks: Vec<Tick> = (k_lo - 1..=k_hi)
        .flat_map(|k| [1.0, 2.0, 5.0].map(|m| (k, m * 10f64.powi(k))))
        .filter(|&(_, v)| v >= min * (1.0 - 1e-9) && v <= max * (1.0 + 1e-9))
        .map(|(k, v)| Tick {
            value: v,
            label: if plain {
                format::tick(v, k.min(0).unsigned_abs() as usize)
            } else {
                format::scientific(v, 3)
            },
        })
        .collect();
    if sub_ticks.len() >= 2 {
        sub_ticks
    } else {
        linear_ticks(min, max, max_count.min(5))
    }
}

/// Padded `[lo, hi]` for a log axis showing positive values `min..=max`: 5%
/// of the log span on each side, or half a decade each side when flat.
pub fn padded_log_range(min: f64, max: f64) -> (f64, f64) {
    if !(min > 0.0 && max.is_finite() && max >= min) {
        return (1e-3, 1e3);
    }
    let (lo, hi) = (min.log10(), max.log10());
    let pad = if hi - lo < 1e-9 {
        0.5
    } else {
        0.05 * (hi - lo)
    };
    (10f64.powf(lo - pad), 10f64.powf(hi + pad))
}

/// Padded `[lo, hi]` for a linear axis showing `min..=max`: 5% each side,
/// or ±1 (relative to the size of the value) when flat.
pub fn padded_linear_range(min: f64, max: f64) -> (f64, f64) {
    if !(min.is_finite() && max.is_finite() && max >= min) {
        return (0.0, 1.0);
    }
    let span = max - min;
    let pad = if span <= 0.0 {
        min.abs().max(1.0) * 0.5
    } else {
        0.05 * span
    };
    (min - pad, max + pad)
}

/// Fewest labelled ticks a log axis shows: with two, a reader cannot tell a
/// log axis from a linear one.
pub const MIN_LOG_TICKS: usize = 3;

/// Like [`log_ticks`], but with at least [`MIN_LOG_TICKS`] labels when the
/// range allows: where the decades alone are too few, 1-3 steps (1, 3, 10,
/// 30, …, half a decade apart), then 1-2-5 steps.
pub fn log_ticks_at_least(min: f64, max: f64, max_count: usize) -> Vec<Tick> {
    let decades = log_ticks(min, max, max_count);
    if decades.len() >= MIN_LOG_TICKS {
        return decades;
    }
    let (min, max) = (min.min(max), min.max(max));
    if !(min > 0.0 && max.is_finite()) {
        return decades;
    }
    // Three or more whole decades inside: every stride-th one, the stride as large as keeps three.
    let first = (min.log10() - 1e-9).ceil() as i32;
    let last = (max.log10() + 1e-9).floor() as i32;
    let whole = last.saturating_sub(first).saturating_add(1).max(0);
    if whole >= MIN_LOG_TICKS as i32 {
        let plain = first >= -3 && last <= 3;
        let stride = (whole - 1) / (MIN_LOG_TICKS as i32 - 1);
        return (first..=last)
            .filter(|k| (k - first) % stride.max(1) == 0)
            .map(|k| Tick {
                value: 10f64.powi(k),
                label: decade_label(k, plain),
            })
            .collect();
    }
    let k_lo = (min.log10() - 1e-9).floor() as i32;
    let k_hi = (max.log10() + 1e-9).floor() as i32;
    let plain = k_lo >= -3 && k_hi <= 3;
    let steps = |mantissas: &[f64]| -> Vec<Tick> {
        (k_lo..=k_hi)
            .flat_map(|k| mantissas.iter().map(move |&m| (k, m * 10f64.powi(k))))
            .filter(|&(_, v)| v >= min * (1.0 - 1e-9) && v <= max * (1.0 + 1e-9))
            .map(|(k, v)| Tick {
                value: v,
                label: if plain {
                    format::tick(v, k.min(0).unsigned_abs() as usize)
                } else {
                    format::scientific(v, 3)
                },
            })
            .collect()
    };
    let enough = |ticks: &Vec<Tick>| ticks.len() >= MIN_LOG_TICKS;
    // Within about one decade: linear 1-2-5 steps, finer until there are enough.
    let linear = || {
        (max_count.max(MIN_LOG_TICKS)..=10)
            .map(|count| linear_ticks(min, max, count))
            .find(enough)
    };
    [&[1.0, 3.0][..], &[1.0, 2.0, 5.0][..]]
        .into_iter()
        .map(steps)
        .find(enough)
        .or_else(linear)
        .unwrap_or(decades)
}

/// The loss curve's y axis: its ends in loss units, and whether a finite loss
/// lies beyond them (drawn at the edge and marked).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LossAxisRange {
    pub lo: f64,
    pub hi: f64,
    pub clipped: bool,
}

/// The ends of the loss curve's y axis for `losses`. On a log axis every
/// finite positive loss has a place, however large (the 2.2e52 of a blow-up
/// included): a log axis shows 1e52 beside 1e-2 without flattening either.
/// On a linear axis a blow-up would squash the history into the bottom
/// pixel, so there [`loss_span`] leaves it out and the axis says it did.
pub fn loss_axis_range(losses: impl Iterator<Item = f64>, log: bool) -> LossAxisRange {
    if log {
        let (min, max) = losses
            .filter(|l| l.is_finite() && *l > 0.0)
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), l| {
                (a.min(l), b.max(l))
            });
        let (lo, hi) = padded_log_range(min, max);
        return LossAxisRange {
            lo,
            hi,
            clipped: false,
        };
    }
    let span = loss_span(losses.filter(|l| l.is_finite() && *l >= 0.0));
    let (min, max) = span.map_or((f64::INFINITY, f64::NEG_INFINITY), |s| (s.min, s.max));
    let (lo, hi) = padded_linear_range(min, max);
    LossAxisRange {
        // A loss is never negative: start the axis at 0 rather than below it.
        lo: if min >= 0.0 { lo.max(0.0) } else { lo },
        hi,
        clipped: span.is_some_and(|s| s.clipped),
    }
}

/// Fewest decades the gradient-over-time axis spans. Over fewer, a signal
/// that barely changes (w_rec ≈ 1: neither vanishing nor exploding) would
/// fill the plot's height and read as a steep slope.
pub const MIN_SIGNAL_DECADES: f64 = 2.0;

/// The ends of the gradient-over-time log axis for the magnitudes `|g|` of
/// `signals` (zeros and non-finite values have no place): the padded range of
/// the points, widened about their middle to [`MIN_SIGNAL_DECADES`] when
/// they span less.
pub fn signal_axis_range(signals: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = signals
        .map(|g| g.abs().log10())
        .filter(|y| y.is_finite())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), y| {
            (a.min(y), b.max(y))
        });
    if lo > hi {
        // No point: the two decades around 1.
        return (0.1, 10.0);
    }
    let (lo, hi) = if hi - lo < 1e-9 {
        (lo, hi)
    } else {
        let pad = 0.05 * (hi - lo);
        (lo - pad, hi + pad)
    };
    let (lo, hi) = if hi - lo < MIN_SIGNAL_DECADES {
        let middle = (lo + hi) / 2.0;
        (
            middle - MIN_SIGNAL_DECADES / 2.0,
            middle + MIN_SIGNAL_DECADES / 2.0,
        )
    } else {
        (lo, hi)
    };
    // Beyond f64's range at either end, keep what can be drawn.
    (
        10f64.powf(lo).max(f64::MIN_POSITIVE),
        10f64.powf(hi).min(f64::MAX),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(ticks: &[Tick]) -> Vec<&str> {
        ticks.iter().map(|t| t.label.as_str()).collect()
    }

    #[test]
    fn linear_ticks_use_1_2_5_steps() {
        let ticks = linear_ticks(-3.0, 3.0, 6);
        assert_eq!(labels(&ticks), ["-3", "-2", "-1", "0", "1", "2", "3"]);
        let ticks = linear_ticks(0.0, 2.0, 5);
        assert_eq!(labels(&ticks), ["0.0", "0.5", "1.0", "1.5", "2.0"]);
        let ticks = linear_ticks(0.0, 1000.0, 5);
        assert_eq!(labels(&ticks), ["0", "200", "400", "600", "800", "1000"]);
        // Ticks stay inside the range and never print "-0".
        let ticks = linear_ticks(-0.31, 0.29, 6);
        assert!(ticks.iter().all(|t| (-0.31..=0.29).contains(&t.value)));
        assert!(labels(&ticks).contains(&"0.0"));
        assert!(
            !ticks
                .iter()
                .any(|t| t.label.starts_with("-0.0") && t.value == 0.0)
        );
    }

    #[test]
    fn linear_ticks_survive_bad_input() {
        assert!(linear_ticks(1.0, 1.0, 5).is_empty());
        assert!(linear_ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(linear_ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(linear_ticks(0.0, 1e308, 0).len() <= MAX_CANDIDATES);
        // Reversed bounds are read as the same range.
        assert_eq!(linear_ticks(3.0, -3.0, 6), linear_ticks(-3.0, 3.0, 6));
    }

    #[test]
    fn integer_ticks_never_split_an_epoch() {
        assert_eq!(labels(&integer_ticks(1.0, 2.0, 8)), ["1", "2"]);
        assert_eq!(
            labels(&integer_ticks(0.0, 300.0, 3)),
            ["0", "100", "200", "300"]
        );
        assert_eq!(
            labels(&integer_ticks(0.0, 3e6, 3)),
            ["0", "1e6", "2e6", "3e6"]
        );
        assert_eq!(labels(&integer_ticks(5.0, 5.0, 3)), ["5"]);
        assert!(integer_ticks(0.0, f64::NAN, 3).is_empty());
    }

    #[test]
    fn log_ticks_are_decades() {
        let ticks = log_ticks(2e-5, 50.0, 10);
        assert_eq!(
            labels(&ticks),
            ["1e-4", "1e-3", "1e-2", "1e-1", "1e0", "1e1"]
        );
        let values: Vec<f64> = ticks.iter().map(|t| t.value).collect();
        assert_eq!(values, [1e-4, 1e-3, 1e-2, 1e-1, 1.0, 10.0]);
        // Within 0.001..1000 the labels are plain numbers.
        let ticks = log_ticks(0.005, 200.0, 10);
        assert_eq!(labels(&ticks), ["0.01", "0.1", "1", "10", "100"]);
        // The seed's run: loss from about 20 down to 0.0068 (1e-4 included when lower).
        let ticks = log_ticks(5e-5, 30.0, 8);
        assert_eq!(
            labels(&ticks),
            ["1e-4", "1e-3", "1e-2", "1e-1", "1e0", "1e1"]
        );
    }

    #[test]
    fn log_ticks_thin_out_many_decades() {
        let ticks = log_ticks(1e-12, 1e12, 6);
        assert_eq!(labels(&ticks), ["1e-10", "1e-5", "1e0", "1e5", "1e10"]);
        // A diverging run: round strides, not every 17th decade.
        let ticks = log_ticks(1e5, 1e115, 8);
        assert_eq!(labels(&ticks)[..3], ["1e20", "1e40", "1e60"]);
        assert!(ticks.len() <= 8);
    }

    #[test]
    fn narrow_log_ranges_get_sub_ticks() {
        let ticks = log_ticks(0.15, 0.9, 8);
        assert_eq!(labels(&ticks), ["0.2", "0.5"]);
        let ticks = log_ticks(0.0068, 0.0071, 8);
        assert!(ticks.len() >= 2, "{:?}", labels(&ticks));
        assert!(ticks.iter().all(|t| (0.0068..=0.0071).contains(&t.value)));
        assert!(log_ticks(0.0, 1.0, 5).is_empty());
        assert!(log_ticks(-1.0, 1.0, 5).is_empty());
    }

    #[test]
    fn colour_scale_maps_log_of_loss_plus_one() {
        let scale = LogColourScale::from_loss_range(0.0, 999.0);
        assert_eq!(scale.fraction(0.0), Some(0.0));
        assert!((scale.fraction(999.0).unwrap_or(-1.0) - 1.0).abs() < 1e-12);
        // log10(31.62..) = 1.5: the middle of 0..3 decades of loss + 1.
        let middle = 10f64.powf(1.5) - 1.0;
        assert!((scale.fraction(middle).unwrap_or(-1.0) - 0.5).abs() < 1e-12);
        assert!((scale.loss_at(0.5) - middle).abs() < 1e-9);
        assert_eq!(scale.fraction(f64::INFINITY), None);
        assert_eq!(scale.fraction(f64::NAN), None);
        assert_eq!(scale.fraction(1e9), Some(1.0));
    }

    #[test]
    fn flat_or_bad_colour_ranges_still_have_width() {
        for scale in [
            LogColourScale::from_loss_range(5.0, 5.0),
            LogColourScale::from_loss_range(f64::NAN, 1.0),
            LogColourScale::from_loss_range(0.0, 0.0),
        ] {
            assert!(scale.max_loss() > scale.min_loss());
            assert!(scale.fraction(5.0).is_some());
        }
    }

    #[test]
    fn colour_bar_ticks_are_in_loss_units_and_spread_out() {
        let scale = LogColourScale::from_loss_range(0.0, 3e9);
        let ticks = scale.ticks(8);
        let names = labels(&ticks);
        assert_eq!(names.first(), Some(&"0"));
        assert_eq!(names.last(), Some(&"1e8"), "{names:?}");
        assert!(ticks.len() <= 8);
        let positions: Vec<f64> = ticks
            .iter()
            .filter_map(|t| scale.fraction(t.value))
            .collect();
        assert!(
            positions
                .windows(2)
                .all(|p| p[1] - p[0] >= 1.0 / 8.0 - 1e-12)
        );
        // A narrow range (zoomed in near the optimum) gets linear steps.
        let scale = LogColourScale::from_loss_range(0.0, 2.0);
        assert_eq!(labels(&scale.ticks(8)), ["0.0", "0.5", "1.0", "1.5", "2.0"]);
    }

    #[test]
    fn axis_maps_invert() {
        let log = AxisMap {
            kind: AxisKind::Log10,
            min: 1e-3,
            max: 1e2,
        };
        assert_eq!(log.fraction(1e-3), Some(0.0));
        assert!((log.fraction(1.0).unwrap_or(0.0) - 0.6).abs() < 1e-12);
        assert!((log.value(0.6) - 1.0).abs() < 1e-12);
        assert_eq!(log.fraction(0.0), None);
        assert_eq!(log.fraction(-1.0), None);
        let linear = AxisMap {
            kind: AxisKind::Linear,
            min: -3.0,
            max: 3.0,
        };
        assert_eq!(linear.fraction(0.0), Some(0.5));
        assert_eq!(linear.value(0.25), -1.5);
        let flat = AxisMap {
            kind: AxisKind::Linear,
            min: 1.0,
            max: 1.0,
        };
        assert_eq!(flat.fraction(1.0), None);
    }

    #[test]
    fn padded_ranges_contain_the_data() {
        let (lo, hi) = padded_log_range(0.0068, 20.0);
        assert!(lo < 0.0068 && hi > 20.0);
        let (lo, hi) = padded_log_range(1.0, 1.0);
        assert!(lo < 1.0 && hi > 1.0);
        assert_eq!(padded_log_range(0.0, 1.0), (1e-3, 1e3));
        let (lo, hi) = padded_linear_range(2.0, 2.0);
        assert!(lo < 2.0 && hi > 2.0);
    }

    #[test]
    fn a_narrow_log_axis_still_has_three_labels() {
        // Two decades alone (10, 100) would leave two labels: half decades fill in.
        assert_eq!(labels(&log_ticks(5.0, 500.0, 3)), vec!["10", "100"]);
        let ticks = log_ticks_at_least(5.0, 500.0, 3);
        assert_eq!(labels(&ticks), vec!["10", "30", "100", "300"]);
        // Within one decade: 1-2-5 steps.
        assert_eq!(
            labels(&log_ticks_at_least(0.25, 0.9, 3)),
            vec!["0.4", "0.6", "0.8"]
        );
        // Enough decades: unchanged.
        assert_eq!(log_ticks_at_least(1e-3, 1e3, 4), log_ticks(1e-3, 1e3, 4));
        assert!(log_ticks_at_least(f64::NAN, 1.0, 3).is_empty());
        // Many decades on a short axis: three to five decade labels, never half decades.
        for (lo, hi) in [(1e-17, 1e3), (1e-90, 1e2), (1e-3, 2.0)] {
            let ticks = log_ticks_at_least(lo, hi, 2);
            assert!(
                (MIN_LOG_TICKS..=5).contains(&ticks.len()),
                "{lo}..{hi}: {:?}",
                labels(&ticks)
            );
            assert!(ticks.iter().all(|t| t.value.log10().fract().abs() < 1e-9));
        }
    }

    #[test]
    fn the_log_loss_axis_keeps_the_blow_up() {
        // The exploding scenario: 5.3e6 at the start, 2.2e52 one update later, then overflow.
        let losses = [5311023.0, 2.2407585453231805e52, f64::INFINITY];
        let axis = loss_axis_range(losses.into_iter(), true);
        assert!(axis.lo <= 5311023.0 && axis.hi >= 2.2407585453231805e52);
        assert!(!axis.clipped);
        // And it shows at least three labels on it.
        assert!(log_ticks_at_least(axis.lo, axis.hi, 3).len() >= MIN_LOG_TICKS);
        // The linear axis leaves it out, and says so.
        let linear = loss_axis_range(losses.into_iter(), false);
        assert!(linear.clipped && linear.hi < 1e10 && linear.lo <= 5311023.0);
        // Nothing finite: a fallback, not a panic.
        let empty = loss_axis_range([f64::NAN].into_iter(), true);
        assert!(empty.lo > 0.0 && empty.hi > empty.lo);
    }

    #[test]
    fn a_flat_signal_gets_two_decades_not_a_slope() {
        // w_rec = 0.99 over 10 steps: the signal changes by 10%, 0.04 decades.
        let flat: Vec<f64> = (0..10).map(|k| -3.8 * 0.99f64.powi(k)).collect();
        let (lo, hi) = signal_axis_range(flat.iter().copied());
        assert!((hi / lo).log10() >= MIN_SIGNAL_DECADES - 1e-9, "{lo}..{hi}");
        let (min, max) = (3.8 * 0.99f64.powi(9), 3.8);
        assert!(lo <= min && hi >= max);
        // The old padding gave about one decade: the 10% change filled a tenth of the height.
        let (old_lo, old_hi) = padded_log_range(min, max);
        assert!((old_hi / old_lo).log10() < MIN_SIGNAL_DECADES);
        // Wide signals keep their own span (5% padding), no more.
        let wide: Vec<f64> = (0..50).map(|k| 1e-20 * 10f64.powi(k / 2)).collect();
        let (lo, hi) = signal_axis_range(wide.iter().copied());
        assert!(lo <= 1e-20 && hi >= 1e4);
        assert!((hi / lo).log10() <= 24.0 * 1.1 + 0.01);
        // One point, zeros, overflow: still two decades, never a panic.
        let (lo, hi) = signal_axis_range([2.0].into_iter());
        assert!(lo < 2.0 && hi > 2.0 && ((hi / lo).log10() - 2.0).abs() < 1e-9);
        assert_eq!(
            signal_axis_range([0.0, f64::NAN, f64::INFINITY].into_iter()),
            (0.1, 10.0)
        );
        let (lo, hi) = signal_axis_range([1e-320, 1e308].into_iter());
        assert!(lo > 0.0 && hi.is_finite());
    }
}
