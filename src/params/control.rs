//! The controls a lesson link can hide with `hide=` (as TensorFlow Playground's `hide`).
//!
//! A control's name is its URL key where it has one, so a teacher who knows
//! `lr=` also knows `hide=lr`.

use serde::{Deserialize, Serialize};

use crate::rnn::optim::Hyper;

/// A hideable control. The order of the variants is the canonical order of `hide=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Control {
    Preset,
    Opt,
    Lr,
    Mu,
    Rho,
    Eps,
    B1,
    B2,
    Etap,
    Etam,
    D0,
    Rescale,
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
    Lang,
    Share,
    Export,
}

impl Control {
    pub const ALL: [Control; 26] = [
        Control::Preset,
        Control::Opt,
        Control::Lr,
        Control::Mu,
        Control::Rho,
        Control::Eps,
        Control::B1,
        Control::B2,
        Control::Etap,
        Control::Etam,
        Control::D0,
        Control::Rescale,
        Control::Clip,
        Control::Loss,
        Control::Len,
        Control::N,
        Control::Seed,
        Control::Data,
        Control::Init,
        Control::Speed,
        Control::Epochs,
        Control::View,
        Control::Logy,
        Control::Lang,
        Control::Share,
        Control::Export,
    ];

    /// The name in `hide=`.
    pub fn name(self) -> &'static str {
        match self {
            Control::Preset => "preset",
            Control::Opt => "opt",
            Control::Lr => "lr",
            Control::Mu => "mu",
            Control::Rho => "rho",
            Control::Eps => "eps",
            Control::B1 => "b1",
            Control::B2 => "b2",
            Control::Etap => "etap",
            Control::Etam => "etam",
            Control::D0 => "d0",
            Control::Rescale => "rescale",
            Control::Clip => "clip",
            Control::Loss => "loss",
            Control::Len => "len",
            Control::N => "n",
            Control::Seed => "seed",
            Control::Data => "data",
            Control::Init => "init",
            Control::Speed => "speed",
            Control::Epochs => "epochs",
            Control::View => "view",
            Control::Logy => "logy",
            Control::Lang => "lang",
            Control::Share => "share",
            Control::Export => "export",
        }
    }

    pub fn from_name(name: &str) -> Option<Control> {
        Control::ALL.into_iter().find(|c| c.name() == name)
    }

    /// The input of an optimizer hyperparameter.
    pub fn for_hyper(hyper: Hyper) -> Control {
        match hyper {
            Hyper::Lr => Control::Lr,
            Hyper::Momentum => Control::Mu,
            Hyper::Rho => Control::Rho,
            Hyper::Eps => Control::Eps,
            Hyper::Beta1 => Control::B1,
            Hyper::Beta2 => Control::B2,
            Hyper::EtaPlus => Control::Etap,
            Hyper::EtaMinus => Control::Etam,
            Hyper::Delta0 => Control::D0,
            Hyper::Rescale => Control::Rescale,
        }
    }

    /// What the name hides, for the README and the "share for class" panel.
    pub fn describe(self) -> &'static str {
        match self {
            Control::Preset => "the scenario menu",
            Control::Opt => "the optimizer menu",
            Control::Lr => "the learning rate and its slider",
            Control::Mu => "momentum",
            Control::Rho => "RMSProp's decay",
            Control::Eps => "the epsilon / floor",
            Control::B1 => "Adam's β1",
            Control::B2 => "Adam's β2",
            Control::Etap => "Rprop's η+",
            Control::Etam => "Rprop's η−",
            Control::D0 => "Rprop's initial step",
            Control::Rescale => "the seed variant's rescale",
            Control::Clip => "gradient clipping",
            Control::Loss => "the loss reduction (sum / mean)",
            Control::Len => "the sequence length",
            Control::N => "the number of sequences",
            Control::Seed => "the data seed",
            Control::Data => "the \"new data\" button",
            Control::Init => "the initial-weight inputs",
            Control::Speed => "the speed (epochs per frame)",
            Control::Epochs => "the stop-at-epoch input",
            Control::View => "the heat-map zoom controls",
            Control::Logy => "the log/linear loss-axis switch",
            Control::Lang => "the language switch",
            Control::Share => "the copy-link and share-for-class tools",
            Control::Export => "the PNG / CSV / JSON export buttons",
        }
    }
}
