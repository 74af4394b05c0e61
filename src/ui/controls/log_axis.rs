//! `#log-y`: the loss curve's axis, log or linear (also the `L` key).

use leptos::prelude::*;

use crate::params::Control;

use crate::ui::controller::{Controller, use_controller};
use crate::ui::text::use_text;

pub fn toggle_log_axis(ctrl: Controller) {
    ctrl.update(|s| s.log_axis = !s.log_axis);
}

#[component]
pub fn LogAxisSwitch() -> impl IntoView {
    let ctrl = use_controller();
    let text = use_text();
    let log_y = ctrl.setting(|s| s.log_axis);
    let hidden = ctrl.hidden(Control::Logy);
    view! {
        <label class="check log-y" data-control="logy" hidden=move || hidden.get()>
            <input
                type="checkbox"
                id="log-y"
                prop:checked=move || log_y.get()
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    ctrl.update(|s| s.log_axis = checked);
                }
            />
            {move || text.get().log_y_label}
        </label>
    }
}
