//! The controls a lesson link can hide with `hide=` (as TensorFlow Playground's `hide`).
//!
//! A control's name is its URL key where it has one, so a teacher who knows
//! `lr=` also knows `hide=lr`; every hyperparameter's box is one
//! [`Control::Hyper`], named by the hyperparameter table.

use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

use crate::rnn::Hyper;

/// A hideable control. The order of the variants (hyperparameters in table
/// order) is the canonical order of `hide=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Control {
    Preset,
    Opt,
    /// The box of one hyperparameter (the learning rate's has a slider too).
    /// Iterating the variants yields it once; [`Control::all`] expands it.
    Hyper(Hyper),
    Clip,
    Loss,
    Len,
    N,
    Seed,
    Data,
    Init,
    Speed,
    Epochs,
    View,
    Logy,
    /// The inside view's tab (the unrolled network and the gradient over time).
    Inside,
    /// The unrolled view's choice of sequence: `#seq-select` and `#seq-input`.
    Seq,
    /// The gradient plot's toggle of Roelants' six pairs.
    Six,
    /// The step-through of one epoch and its buttons.
    Phase,
    Lang,
    Share,
    Export,
}

impl Control {
    /// Every control in canonical order, one per hyperparameter.
    pub fn all() -> impl Iterator<Item = Control> {
        Control::iter().flat_map(|control| -> Box<dyn Iterator<Item = Control>> {
            match control {
                Control::Hyper(_) => Box::new(Hyper::iter().map(Control::Hyper)),
                other => Box::new(std::iter::once(other)),
            }
        })
    }

    /// The name in `hide=`.
    pub fn name(self) -> &'static str {
        match self {
            Control::Hyper(hyper) => hyper.url_key(),
            other => other.into(),
        }
    }

    pub fn from_name(name: &str) -> Option<Control> {
        Control::all().find(|c| c.name() == name)
    }
}
