//! `#step-through`: one epoch of BPTT in slow motion, phase by phase, on the
//! real data and the real optimizer (GAN Lab's slow-motion idea, with the
//! numbers). Every number comes from the core's trace of the next epoch; the
//! run itself stands still until the mode is left after its last phase,
//! which makes exactly one `#step`.

use std::sync::Arc;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

use crate::format::exact;
use crate::plot::readout::weights_text;
use crate::rnn::CellKind;
use crate::rnn::trace::{EpochTrace, Phase, Quantity, SignalSource};
use crate::text::inside::{cell_forward_formula, cell_signal_formula, cell_term_formula};
use crate::ui::controller::{Controller, use_controller};
use crate::ui::text::{use_text, words};

use super::unrolled::shown;

/// The keys that move through the phases while the mode is on.
pub fn is_phase_key(key: &str) -> bool {
    matches!(
        key,
        "ArrowRight" | "ArrowLeft" | "PageDown" | "PageUp" | "Escape"
    )
}

/// Leaves the mode: after the last phase the epoch is made (one `#step`);
/// midway the run stays as it was.
pub fn leave(ctrl: Controller) {
    let Some((phase, last)) = ctrl
        .settings()
        .try_with_untracked(|s| (s.phase, s.last_phase()))
    else {
        return;
    };
    ctrl.update(|s| s.phase = None);
    if phase == Some(last) {
        ctrl.step();
    }
}

/// Moves to phase `to`, within the epoch.
fn go(ctrl: Controller, to: i64) {
    ctrl.update(|s| {
        let last = s.last_phase() as i64;
        s.phase = Some(to.clamp(0, last) as u64);
    });
}

/// What must be on screen at each phase: its name, and the step it is at (in the strip and
/// in the detail), when it is at one.
const IN_VIEW: [&str; 3] = [
    "#phase",
    "#unrolled [data-step].current",
    "#unrolled .unrolled-col.current",
];

/// Scrolls the page (never an inner box) the least that shows every element of [`IN_VIEW`];
/// when they cannot all fit, the phase's name goes to the top.
fn keep_phase_in_view() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    let Some(height) = window.inner_height().ok().and_then(|h| h.as_f64()) else {
        return;
    };
    let rects: Vec<(f64, f64)> = IN_VIEW
        .iter()
        .filter_map(|css| document.query_selector(css).ok().flatten())
        .map(|e| e.get_bounding_client_rect())
        .filter(|r| r.height() > 0.0)
        .map(|r| (r.top(), r.bottom()))
        .collect();
    let Some(&(phase_top, _)) = rects.first() else {
        return;
    };
    let margin = 8.0;
    let top = rects.iter().map(|r| r.0).fold(f64::INFINITY, f64::min);
    let bottom = rects.iter().map(|r| r.1).fold(f64::NEG_INFINITY, f64::max);
    let by = if bottom - top > height - 2.0 * margin {
        phase_top - margin
    } else if top < margin {
        top - margin
    } else if bottom > height - margin {
        bottom - (height - margin)
    } else {
        return;
    };
    window.scroll_by_with_x_and_y(0.0, by);
}

#[component]
pub fn StepThrough(
    /// The step the unrolled view highlights, set here.
    highlight: RwSignal<Option<usize>>,
) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let phase = ctrl.setting(|s| s.phase);
    let last = ctrl.setting(|s| s.last_phase());
    let clipping = ctrl.setting(|s| s.optimizer.clip.is_some());
    let seq = ctrl.setting(|s| s.seq);
    let hidden = ctrl.hidden(crate::params::Control::Phase);
    let snapshot = ctrl.snapshot();
    let playing = ctrl.playing();
    let on = move || phase.get().is_some();

    // The trace of the next epoch, while the mode is on.
    let trace = RwSignal::new(None::<Arc<EpochTrace>>);
    Effect::new(move |_| {
        snapshot.track();
        clipping.track();
        let traced = phase.with(Option::is_some).then(|| ctrl.trace()).flatten();
        trace.set(traced.map(Arc::new));
    });
    // Playing leaves the mode (the run moves on); the mode pauses a running run.
    Effect::new(move |_| {
        if playing.get() && phase.get_untracked().is_some() {
            ctrl.update(|s| s.phase = None);
        }
    });
    let current = Memo::new(move |_| {
        let (p, len) = (
            phase.get()?,
            trace.with(|t| t.as_ref().map(|t| t.pass.len))?,
        );
        Phase::at(p as usize, len, clipping.get())
    });
    Effect::new(move |_| {
        highlight.set(match current.get() {
            Some(Phase::Forward(k) | Phase::Backward(k)) => Some(k),
            _ => None,
        });
    });

    // The phase's name and its step in the unrolled network stay on screen together: after
    // each move the page scrolls as little as brings both into view.
    Effect::new(move |_| {
        if current.get().is_some() {
            request_animation_frame(keep_phase_in_view);
        }
    });

    let handle = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        let Some(p) = phase.get_untracked() else {
            return;
        };
        let typing = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|e| {
                matches!(
                    e.tag_name().to_ascii_lowercase().as_str(),
                    "input" | "select" | "textarea"
                )
            });
        if typing || event.ctrl_key() || event.alt_key() || event.meta_key() {
            return;
        }
        let p = p as i64;
        match event.key().as_str() {
            "ArrowRight" | "PageDown" => go(ctrl, p + 1),
            "ArrowLeft" | "PageUp" => go(ctrl, p - 1),
            "Escape" => leave(ctrl),
            _ => return,
        }
        event.prevent_default();
    });
    on_cleanup(move || handle.remove());

    let name = move || {
        let words = text.get().inside;
        let len = trace.with(|t| t.as_ref().map_or(0, |t| t.pass.len));
        current.get().map(|p| match p {
            Phase::Forward(k) => (words.phase_forward)(k, len),
            Phase::Loss => words.phase_loss.to_string(),
            Phase::Backward(k) => (words.phase_backward)(k, len),
            Phase::Clip => words.phase_clip.to_string(),
            Phase::Update => words.phase_update.to_string(),
            Phase::Weights => words.phase_weights.to_string(),
        })
    };
    let detail = move || {
        let words = text.get();
        let phase = current.get()?;
        let i = seq.get();
        trace.with(|t| {
            let t = t.as_deref()?;
            let p = &t.pass;
            let i = i.min(p.samples.saturating_sub(1));
            let value = move |label: String, v: f64, attr: &'static str| {
                view! { <p class="phase-value" data-name=attr data-value=exact(v)>{label}" = "{shown(v, words)}</p> }
            };
            let sequence = view! { <p class="phase-sequence">{(words.inside.chain_sequence)(i)}</p> };
            let num = move |v: f64| shown(v, words);
            // Factors and terms as exact text, so a test can compare them with the core.
            let exacts = |values: &[f64]| values.iter().map(|&v| exact(v)).collect::<Vec<_>>().join(" ");
            Some(match phase {
                Phase::Forward(k) => {
                    let f = p.forward_step(i, k)?;
                    let shown_all = |values: &[f64]| values.iter().map(|&v| num(v)).collect::<Vec<_>>();
                    let line = cell_forward_formula(
                        p.model,
                        k,
                        &shown_all(&f.input.factors),
                        &shown_all(&f.carried.factors),
                        &num(f.sum),
                        &num(f.state),
                    );
                    let factors = exacts(&[f.input.factors.clone(), f.carried.factors.clone()].concat());
                    view! {
                        {sequence}
                        <p class="phase-value phase-chain" data-name="forward" data-factors=factors data-value=exact(f.state)>{line}</p>
                    }
                    .into_any()
                }
                Phase::Loss => value("L".into(), p.loss, "loss").into_any(),
                Phase::Backward(k) => {
                    let b = p.backward_step(i, k)?;
                    let g = &b.signal;
                    let shown_all = |values: &[f64]| values.iter().map(|&v| num(v)).collect::<Vec<_>>();
                    let signal_line = cell_signal_formula(
                        p.model,
                        k,
                        b.source == SignalSource::Output,
                        &shown_all(&g.factors),
                        &num(g.value),
                    );
                    let term_x = cell_term_formula(p.model, 0, k, &shown_all(&b.term_x.factors), &num(b.term_x.value));
                    let term_rec = cell_term_formula(p.model, 1, k, &shown_all(&b.term_rec.factors), &num(b.term_rec.value));
                    let sum = |index: usize, before: f64, step: f64, after: f64| match (p.model, index) {
                        (CellKind::Linear, 0) => (words.inside.chain_sum_x)(p.len, k, &num(before), &num(step), &num(after)),
                        (CellKind::Linear, _) => (words.inside.chain_sum_rec)(p.len, k, &num(before), &num(step), &num(after)),
                        (model, _) => (words.inside.chain_sum_named)(model.names()[index], p.len, k, &num(before), &num(step), &num(after)),
                    };
                    let sum_x = sum(0, b.before.w_x, b.step.w_x, b.after.w_x);
                    let sum_rec = sum(1, b.before.w_rec, b.step.w_rec, b.after.w_rec);
                    view! {
                        {sequence}
                        <p class="phase-value phase-chain" data-name="signal" data-factors=exacts(&g.factors) data-value=exact(g.value)>{signal_line}</p>
                        <p class="phase-value phase-chain" data-name="term-x" data-factors=exacts(&b.term_x.factors) data-value=exact(b.term_x.value)>{term_x}</p>
                        <p class="phase-value phase-chain" data-name="term-rec" data-factors=exacts(&b.term_rec.factors) data-value=exact(b.term_rec.value)>{term_rec}</p>
                        <p class="phase-sums">{(words.inside.chain_sums)(p.samples)}</p>
                        <p class="phase-value phase-chain" data-name="sum-x" data-before=exact(b.before.w_x) data-step=exact(b.step.w_x) data-after=exact(b.after.w_x)>{sum_x}</p>
                        <p class="phase-value phase-chain" data-name="sum-rec" data-before=exact(b.before.w_rec) data-step=exact(b.step.w_rec) data-after=exact(b.after.w_rec)>{sum_rec}</p>
                    }
                    .into_any()
                }
                Phase::Clip => match &t.update {
                    Some(u) => match u.clip.limit {
                        Some(limit) => view! {
                            <p class="phase-value" data-name="clip" data-before=exact(u.clip.norm_before) data-after=exact(u.clip.norm_after)>
                                {(words.inside.clip_norms)(&shown(u.clip.norm_before, words), &shown(u.clip.norm_after, words), &shown(limit, words))}
                            </p>
                        }
                        .into_any(),
                        None => view! { <p>{words.inside.clip_off}</p> }.into_any(),
                    },
                    None => view! { <p>{words.inside.stops_here}</p> }.into_any(),
                },
                Phase::Update => match &t.update {
                    Some(u) => {
                        let rows = u
                            .state
                            .iter()
                            .map(|c| {
                                let name = (words.inside.quantity)(c.quantity);
                                let pair = |v: [f64; 2]| format!("({}, {})", shown(v[0], words), shown(v[1], words));
                                let key: &'static str = c.quantity.into();
                                view! {
                                    <tr data-quantity=key data-before=exact(c.before[1]) data-after=exact(c.after[1])>
                                        <th scope="row">{name}</th>
                                        <td>{(words.inside.before_after)(&pair(c.before), &pair(c.after))}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        let values = u
                            .intermediates
                            .iter()
                            .filter(|(q, _)| q.in_state(&Default::default()).is_none())
                            .map(|(q, v)| {
                                let key: &'static str = (*q).into();
                                view! {
                                    <tr data-quantity=key data-value=exact(v[1])>
                                        <th scope="row">{(words.inside.quantity)(*q)}</th>
                                        <td>{format!("({}, {})", shown(v[0], words), shown(v[1], words))}</td>
                                    </tr>
                                }
                            })
                            .collect_view();
                        // The rule's own change to each weight, plugged into w ← w + Δw.
                        let change = u
                            .intermediates
                            .iter()
                            .find(|(q, _)| *q == Quantity::Change)
                            .map(|(_, v)| *v);
                        let applied = change.map(|change| {
                            let before = [u.before.w_x, u.before.w_rec];
                            let after = [u.after.w_x, u.after.w_rec];
                            ["w_x", "w_rec"]
                                .into_iter()
                                .enumerate()
                                .map(|(j, name)| {
                                    let line = (words.inside.applied)(
                                        name,
                                        &shown(before[j], words),
                                        &shown(change[j], words),
                                        &shown(after[j], words),
                                    );
                                    view! {
                                        <p class="phase-value" data-name="applied" data-weight=name data-before=exact(before[j]) data-change=exact(change[j]) data-after=exact(after[j])>
                                            {line}
                                        </p>
                                    }
                                })
                                .collect_view()
                        });
                        view! {
                            <p class="phase-formula"><code>{(words.inside.update_formula)(u.kind)}</code></p>
                            <p class="phase-value">"g = "{format!("({}, {})", shown(u.clip.gradient.w_x, words), shown(u.clip.gradient.w_rec, words))}</p>
                            <table class="phase-table"><tbody>{rows}{values}</tbody></table>
                            {applied}
                        }
                        .into_any()
                    }
                    None => view! { <p>{words.inside.stops_here}</p> }.into_any(),
                },
                Phase::Weights => {
                    let w = t.next_weights();
                    view! {
                        <p class="phase-value" data-name="weights" data-w-x=exact(w.w_x) data-w-rec=exact(w.w_rec)>
                            {(words.inside.new_weights)(&weights_text(w))}
                        </p>
                    }
                    .into_any()
                }
            })
        })
    };
    let len = move || trace.with(|t| t.as_ref().map_or(0, |t| t.pass.len));

    view! {
        <section id="step-through" class="step-through" data-control="phase" hidden=move || hidden.get() data-on=move || on().to_string()>
            <button
                id="step-through-open"
                type="button"
                hidden=on
                on:click=move |_| {
                    ctrl.pause();
                    ctrl.update(|s| {
                        s.phase = Some(0);
                        s.inside = true;
                    });
                }
            >
                {words(|t| t.inside.step_through_open)}
            </button>
            <div class="phase-bar" hidden=move || !on()>
                <button id="phase-prev" type="button" disabled=move || phase.get() == Some(0) on:click=move |_| go(ctrl, phase.get_untracked().unwrap_or(0) as i64 - 1)>
                    {words(|t| t.inside.phase_prev)}
                </button>
                <p id="phase" data-phase=move || phase.get().map(|p| p.to_string()) aria-live="polite">{name}</p>
                <button id="phase-next" type="button" disabled=move || phase.get() == Some(last.get()) on:click=move |_| go(ctrl, phase.get_untracked().unwrap_or(0) as i64 + 1)>
                    {words(|t| t.inside.phase_next)}
                </button>
                <button id="phase-exit" type="button" on:click=move |_| leave(ctrl)>
                    {words(|t| t.inside.phase_exit)}
                </button>
            </div>
            <div class="phase-jumps" hidden=move || !on() || len() < 20>
                <button id="jump-loss" type="button" on:click=move |_| go(ctrl, len() as i64)>
                    {words(|t| t.inside.jump_loss)}
                </button>
                <button id="jump-update" type="button" on:click=move |_| {
                    go(ctrl, Phase::Update.index(len(), clipping.get_untracked()) as i64)
                }>
                    {words(|t| t.inside.jump_update)}
                </button>
            </div>
            <div id="phase-detail" class="phase-detail" hidden=move || !on()>{detail}</div>
            <p class="hint" hidden=move || !on()>{words(|t| t.inside.phase_keys)}</p>
        </section>
    }
}
