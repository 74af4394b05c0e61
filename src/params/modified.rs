//! How the run differs from the scenario it started from, so that a caption
//! written for the scenario is never shown as if it described another run.
//!
//! Only the settings that shape the run count: the rule and the
//! hyperparameters it reads, clipping, the loss, the data, the start, the stop
//! and a race. The view, the speed, the language and the panels do not change
//! what the caption tells.

use super::presets::PresetId;
use super::state::AppState;
use super::table::{Codec, PARAMS, Param};
use crate::format::readable;

/// One setting whose value is not the scenario's.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    /// The URL key.
    pub key: &'static str,
    /// The scenario's value and the current one, as a link would read them.
    pub scenario: String,
    pub now: String,
}

/// The scenario `state` started from and what now differs from it; `None`
/// when it has no scenario or nothing that shapes the run differs.
pub fn differences_from_scenario(state: &AppState) -> Option<(PresetId, Vec<Difference>)> {
    let preset = state.preset?;
    let scenario = preset.apply(state);
    let differences: Vec<Difference> = PARAMS
        .iter()
        .filter(|param| shapes_run(param, state))
        .filter(|param| param.codec.differs(state, &scenario))
        .map(|param| Difference {
            key: param.key,
            scenario: param.codec.encode(&scenario, readable),
            now: param.codec.encode(state, readable),
        })
        .collect();
    (!differences.is_empty()).then_some((preset, differences))
}

/// Whether `param` shapes the run of `state`: what trains it (a
/// hyperparameter only when the current rule reads it), its stop and a race.
fn shapes_run(param: &Param, state: &AppState) -> bool {
    param.shapes_training(state) || matches!(param.codec, Codec::Stop | Codec::Race | Codec::Target)
}
