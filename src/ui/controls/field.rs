//! A labelled number box that never takes a bad value: what cannot be used is
//! replaced by a safe value, and a message next to the box says which.

use leptos::html;
use leptos::prelude::*;

use crate::format::{Whole, compact, decimal_comma, read_number, read_whole, readable};
use crate::params::{AppState, Control};
use crate::rnn::Limits;

use crate::ui::controller::use_controller;
use crate::ui::controls::widgets::Words;
use crate::ui::format::SIGNIFICANT_DIGITS;
use crate::ui::text::{Text, use_text};

/// What a number box accepts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub limits: Limits,
    /// Whole numbers only.
    pub whole: bool,
    /// Out-of-range values become the nearest allowed one; otherwise (an
    /// identifier such as the seed, where "nearest" means nothing) the value
    /// in use is kept.
    pub clamp: bool,
    /// Zero and negative numbers keep the value in use (a learning rate).
    pub positive: bool,
    /// An empty box, "off" or 0 means "none": 0 as in a link (`clip=0`,
    /// `epochs=0`), so a value means one thing whichever way it arrives.
    pub optional: bool,
}

impl Rule {
    /// A real number in `[min, max]`, clamped.
    pub const fn real(min: f64, max: f64) -> Rule {
        Rule {
            limits: Limits::new(min, max),
            whole: false,
            clamp: true,
            positive: false,
            optional: false,
        }
    }

    /// A whole number in `[min, max]`, clamped.
    pub const fn whole(min: f64, max: f64) -> Rule {
        Rule {
            whole: true,
            ..Rule::real(min, max)
        }
    }

    pub const fn positive(self) -> Rule {
        Rule {
            positive: true,
            ..self
        }
    }

    pub const fn optional(self) -> Rule {
        Rule {
            optional: true,
            ..self
        }
    }

    pub const fn keep_when_out_of_range(self) -> Rule {
        Rule {
            clamp: false,
            ..self
        }
    }
}

/// The value to use for a box's text, and the message saying why it differs
/// from what was typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Checked {
    /// `None` is "off" for an optional box.
    pub value: Option<f64>,
    pub message: Option<String>,
}

/// Reads `typed` by `rule`; `current` is the value in use and `label` names the box.
pub fn check(rule: Rule, typed: &str, current: Option<f64>, label: &str, text: &Text) -> Checked {
    let typed = typed.trim();
    let shown = |value: Option<f64>| show(value, text);
    let keep = |message: String| Checked {
        value: current,
        message: Some(message),
    };
    if typed.is_empty() || (rule.optional && typed.eq_ignore_ascii_case(text.msg_used_off)) {
        return if rule.optional {
            Checked {
                value: None,
                message: None,
            }
        } else {
            keep((text.msg_not_a_number)(label, &shown(current)))
        };
    }
    let Some(value) = read_number(typed) else {
        return keep(match decimal_comma(typed) {
            Some(pointed) => (text.msg_decimal_comma)(label, &pointed, &shown(current)),
            None => (text.msg_not_a_number)(label, &shown(current)),
        });
    };
    if rule.optional && value == 0.0 {
        return Checked {
            value: None,
            message: Some((text.msg_zero_off)(label, text.msg_used_off)),
        };
    }
    if rule.positive && value <= 0.0 {
        return keep((text.msg_not_positive)(label, &shown(current)));
    }
    if rule.whole && read_whole(typed) == Whole::NotWhole {
        return keep((text.msg_not_whole)(label, &shown(current)));
    }
    let Limits { min, max } = rule.limits;
    if !rule.limits.contains(value) {
        let used = if rule.clamp {
            rule.limits.clamp(value)
        } else {
            current
        };
        let message = (text.msg_out_of_range)(label, &readable(min), &readable(max), &shown(used));
        return Checked {
            value: used,
            message: Some(message),
        };
    }
    Checked {
        value: Some(value),
        message: None,
    }
}

/// A value as the box shows it: the exact text, or "off".
pub fn show(value: Option<f64>, text: &Text) -> String {
    value.map_or_else(|| text.msg_used_off.to_string(), readable)
}

/// The text a box holds for `value` (an empty box for "off"): exact, or
/// `rounded` to the read-outs' significant digits without trailing zeros.
fn boxed(value: Option<f64>, rounded: bool) -> String {
    value
        .map(|v| {
            if rounded {
                compact(v, SIGNIFICANT_DIGITS)
            } else {
                readable(v)
            }
        })
        .unwrap_or_default()
}

/// A number box with its label and message.
///
/// `value` is the value in use; `on_commit` receives what to use instead after
/// the user changes the box (on `change`, and while typing too when `live`:
/// then only values that need no correction are taken, so typing "0.00" on
/// the way to "0.005" shows nothing).
#[component]
pub fn NumberField(
    #[prop(into)] id: String,
    #[prop(into)] label: Signal<&'static str>,
    #[prop(into)] rule: Signal<Rule>,
    #[prop(into)] value: Signal<Option<f64>>,
    on_commit: Callback<Option<f64>>,
    #[prop(optional)] live: bool,
    #[prop(optional)] rounded: bool,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(optional, into)] hidden: Signal<bool>,
    /// The `hide=` name of this control, written as `data-control` for lesson scripts.
    #[prop(optional)]
    control: Option<Control>,
    #[prop(optional, into)] placeholder: Option<Signal<&'static str>>,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let text = use_text();
    let message = RwSignal::new(None::<String>);
    let input = NodeRef::<html::Input>::new();
    let committed = StoredValue::new(value.get_untracked());
    let message_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");

    // Show the value in use, but leave the user's text alone when it reads the
    // same; a change from elsewhere (a preset, another control) clears the message.
    Effect::new(move |_| {
        let current = value.get();
        let Some(element) = input.get() else {
            return;
        };
        if read_number(&element.value()) != current || rounded {
            element.set_value(&boxed(current, rounded));
        }
        if committed.get_value() != current {
            committed.set_value(current);
            message.set(None);
        }
    });

    let commit = move |typed: String, finished: bool| {
        let label = label.get_untracked();
        let rule = rule.get_untracked();
        let checked = check(
            rule,
            &typed,
            value.get_untracked(),
            label,
            text.get_untracked(),
        );
        if !finished && checked.message.is_some() {
            return;
        }
        committed.set_value(checked.value);
        message.set(checked.message.clone());
        on_commit.run(checked.value);
        // A corrected value replaces the typed text once the user is done.
        let corrected = finished && checked.message.is_some();
        if let Some(element) = input.get_untracked().filter(|_| corrected) {
            element.set_value(&boxed(checked.value, rounded));
        }
    };

    let described_by = if hint.is_some() {
        format!("{hint_id} {message_id}")
    } else {
        message_id.clone()
    };
    view! {
        <div class="field" data-control=control.map(Control::name) hidden=move || hidden.get()>
            <label for=id.clone()>{move || label.get()}</label>
            <input
                id=id
                type="text"
                inputmode=move || if rule.get().whole { "numeric" } else { "decimal" }
                autocomplete="off"
                spellcheck="false"
                node_ref=input
                value=boxed(value.get_untracked(), rounded)
                placeholder=move || placeholder.map(|p| p.get())
                disabled=move || disabled.get()
                aria-describedby=described_by
                aria-invalid=move || if message.with(Option::is_some) { "true" } else { "false" }
                on:input=move |event| {
                    if live {
                        commit(event_target_value(&event), false);
                    }
                }
                on:change=move |event| commit(event_target_value(&event), true)
            />
            {children.map(|children| children())}
            {hint.map(|hint| view! { <span class="hint" id=hint_id>{move || hint.get()}</span> })}
            <span class="field-msg" id=message_id role="status">
                {move || message.get()}
            </span>
        </div>
    }
}

/// A number box bound to one setting that is always on: it shows `get` of the settings, hands a
/// committed value to `set`, and carries `control`'s `hide=` name (hiding when a link hides it).
#[component]
pub fn SettingField(
    id: &'static str,
    control: Control,
    label: Words,
    rule: Rule,
    get: fn(&AppState) -> f64,
    set: fn(&mut AppState, f64),
) -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    view! {
        <NumberField
            id=id
            label=Signal::derive(move || label(text.get()))
            rule=rule
            value=ctrl.setting(move |s| Some(get(s)))
            on_commit=Callback::new(move |value: Option<f64>| {
                if let Some(value) = value {
                    ctrl.update(|s| set(s, value));
                }
            })
            hidden=ctrl.hidden(control)
            control=control
        />
    }
}
