//! The classroom tools set up in one place: the link's
//! notices and `at=` seek, the address bar kept in step, the keyboard, the
//! body classes, and the bar with the scenario menu, presentation toggle,
//! shortcuts button and sharing.

use leptos::prelude::*;

use crate::params::AppState;

use super::keyboard;
use super::modes::{self, PresentExit, PresentToggle};
use super::notice::provide_notices;
use super::shortcuts::{ShortcutsButton, ShortcutsOpen};
use super::url_sync::{self, Startup};
use crate::ui::controller::settings::speed_notice;
use crate::ui::controller::{Controller, SeekProgress};
use crate::ui::controls::presets::PresetPicker;
use crate::ui::panels::share::ShareTools;

/// What the page's views of the classroom tools share.
#[derive(Clone, Copy)]
pub struct Classroom {
    pub seek: RwSignal<Option<SeekProgress>>,
    pub shortcuts: ShortcutsOpen,
}

/// The settings the controller starts from: the link's, without `at`
/// (a moment to train to, not a setting; [`setup`] trains to it).
pub fn initial_state(startup: &Startup) -> AppState {
    AppState {
        at: 0,
        ..startup.state.clone()
    }
}

/// Call once in the app, after the controller is built.
pub fn setup(ctrl: Controller, startup: Startup) -> Classroom {
    let mut notices = startup.notices;
    // Said after the link's own corrections: the cap depends on the data.
    notices.extend(speed_notice(&startup.state));
    provide_notices(notices);
    let seek = url_sync::start(ctrl, startup.state.at);
    let shortcuts = ShortcutsOpen(RwSignal::new(false));
    keyboard::install(ctrl, shortcuts);
    modes::sync_body_classes(ctrl);
    Classroom { seek, shortcuts }
}

#[component]
pub fn ClassroomBar(classroom: Classroom) -> impl IntoView {
    view! {
        <div class="classroom">
            <PresetPicker />
            <div class="classroom-buttons">
                <PresentExit />
                <PresentToggle />
                <ShortcutsButton open=classroom.shortcuts />
            </div>
            <ShareTools />
        </div>
    }
}
