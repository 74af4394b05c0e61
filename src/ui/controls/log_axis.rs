//! `#log-y`: the loss curve's axis, log or linear (also the `L` key).

use leptos::prelude::*;

use crate::params::Control;

use crate::ui::controller::{Controller, use_controller};
use crate::ui::controls::widgets::CheckBox;

pub fn toggle_log_axis(ctrl: Controller) {
    ctrl.update(|s| s.log_axis = !s.log_axis);
}

#[component]
pub fn LogAxisSwitch() -> impl IntoView {
    let ctrl = use_controller();
    let log_y = ctrl.setting(|s| s.log_axis);
    view! {
        <CheckBox
            id="log-y"
            class="log-y"
            control=Control::Logy
            label=|t| t.log_y_label
            checked=log_y
            on_change=move |on| ctrl.update(|s| s.log_axis = on)
        />
    }
}
