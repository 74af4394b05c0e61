//! The controller's animation-frame slots: each job (the training loop, the
//! surface, the ghost) keeps at most one frame pending, in a slot of its own state.

use leptos::prelude::*;

/// A job's pending frame, if any.
pub type Slot = Option<AnimationFrameRequestHandle>;

/// Runs `callback` on the next animation frame unless the job already has one
/// pending (or its state is gone with the app).
pub fn request<T: Send + Sync + 'static>(
    store: StoredValue<T>,
    slot: fn(&mut T) -> &mut Slot,
    callback: impl FnOnce() + 'static,
) {
    let pending = store
        .try_update_value(|state| slot(state).is_some())
        .unwrap_or(true);
    if pending {
        return;
    }
    if let Ok(handle) = request_animation_frame_with_handle(callback) {
        store.update_value(|state| *slot(state) = Some(handle));
    }
}

/// Cancels the job's pending frame, if any.
pub fn cancel<T: Send + Sync + 'static>(store: StoredValue<T>, slot: fn(&mut T) -> &mut Slot) {
    store.try_update_value(|state| {
        if let Some(handle) = slot(state).take() {
            handle.cancel();
        }
    });
}

/// Forgets the frame that is running now, so the job may request the next one.
pub fn ran<T: Send + Sync + 'static>(store: StoredValue<T>, slot: fn(&mut T) -> &mut Slot) -> bool {
    store
        .try_update_value(|state| *slot(state) = None)
        .is_some()
}
