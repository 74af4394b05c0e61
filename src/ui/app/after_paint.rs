//! Parts of the page that are mounted after the first paint, one part per task.
//!
//! Mounting the whole page at once is one long task before anything shows (the plots alone
//! create canvases, observers and effects), and on a phone-class CPU even a quarter of it
//! blocks input for longer than the 50 ms that counts as a long task. So the page mounts a
//! shell first; every [`AfterFirstPaint`] block then waits its turn in one queue, in the order
//! the blocks were declared, and each mounts in a task of its own, with the browser free to
//! paint and answer input in between.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::time::Duration;

use leptos::prelude::*;

thread_local! {
    /// The blocks still waiting to mount, first declared first.
    static WAITING: RefCell<VecDeque<RwSignal<bool>>> = const { RefCell::new(VecDeque::new()) };
    /// Whether a task to mount the next block is already scheduled.
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    /// Whether the start-up queue has drained: blocks created later (a part shown again)
    /// mount at once, as there is no first paint left to protect.
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Renders `children` once the page has painted, in a task of its own after the blocks
/// declared before it. Nothing holds their place meanwhile: the blocks mount in page order,
/// so each one only adds below what is already shown.
#[component]
pub fn AfterFirstPaint(children: ChildrenFn) -> impl IntoView {
    let mounted = RwSignal::new(STARTED.get());
    if !mounted.get_untracked() {
        WAITING.with_borrow_mut(|waiting| waiting.push_back(mounted));
        if !SCHEDULED.replace(true) {
            // The frame's callbacks run before its paint; a timeout set there runs after it.
            request_animation_frame(|| set_timeout(mount_next, Duration::ZERO));
        }
    }
    view! { <Show when=move || mounted.get()>{children()}</Show> }
}

/// Mounts the next waiting block (its effects run in this task's microtasks) and leaves the
/// rest to a later task, which also sees the blocks this one declares.
fn mount_next() {
    while let Some(next) = WAITING.with_borrow_mut(VecDeque::pop_front) {
        // A block whose parent was removed before its turn has a disposed signal: skip it.
        if next.try_set(true).is_none() {
            set_timeout(mount_next, Duration::ZERO);
            return;
        }
    }
    SCHEDULED.set(false);
    STARTED.set(true);
}
