//! Parts of the page that are mounted in a task of their own, after the first paint.
//!
//! Mounting the whole page at once is one long task before anything shows (the plots alone
//! create canvases, observers and effects). The shell and the controls come first; the plots
//! and the panels below follow a frame later, so no start-up task blocks input for long.

use std::time::Duration;

use leptos::prelude::*;

/// Renders `children` once the page has painted: after the next animation frame, in a new task.
/// Until then `placeholder` holds their place, so that what is painted below does not move.
#[component]
pub fn AfterFirstPaint(
    children: ChildrenFn,
    #[prop(optional, into)] placeholder: ViewFn,
) -> impl IntoView {
    let painted = RwSignal::new(false);
    request_animation_frame(move || {
        // The frame's callbacks run before its paint; a timeout set there runs after it.
        set_timeout(move || painted.set(true), Duration::ZERO);
    });
    view! { <Show when=move || painted.get() fallback=placeholder>{children()}</Show> }
}
