//! `#seek-progress`: how far an `at=` link (or a loaded file) has trained,
//! and `#seek-cancel` to stop there.

use leptos::prelude::*;

use crate::ui::controller::{SeekProgress, use_controller};
use crate::ui::controls::widgets::TextButton;
use crate::ui::text::use_text;

/// `#seek-progress`: shown while an `at=` link trains toward its epoch. The
/// seek is bounded, but still takes seconds on big data: the reader may stop
/// it and keep the run where it got to.
#[component]
pub fn SeekNote(progress: RwSignal<Option<SeekProgress>>) -> impl IntoView {
    let text = use_text();
    let ctrl = use_controller();
    let cancel = move || {
        progress.set(None);
        super::url_sync::write_current_epoch(ctrl);
    };
    let fraction = move || {
        progress.with(|p| match p {
            Some(p) if p.target > 0 => p.done as f64 / p.target as f64,
            _ => 0.0,
        })
    };
    view! {
        <div id="seek-progress" class="seek-note" hidden=move || progress.with(Option::is_none)>
            <progress max="1" prop:value=fraction></progress>
            <span>
                {move || {
                    progress.get().map(|p| (text.get().seek_progress)(p.done, p.target))
                }}
            </span>
            // Clearing the progress is what ends the seek (see `Controller::seek`).
            <TextButton id="seek-cancel" class="secondary" label=|t| t.seek_cancel on_click=move |_| cancel() />
        </div>
    }
}
