//! `#bench-result`: the benchmark's observer (`?bench=1`). It watches the
//! controller's played frames from outside, times each one to the end of the
//! redraws it triggers, and after [`super::bench::BENCH_FRAMES`] frames
//! pauses the run and writes the summary as JSON, where an end-to-end test
//! reads it.

use leptos::prelude::*;
use leptos::task::{spawn_local, tick};

use super::bench::BenchRecorder;
use super::clock::now_ms;
use crate::rnn::Dataset;
use crate::ui::controller::{Controller, FrameReport, use_controller};

/// The hidden result; it watches the frames only when `active`, and stays
/// empty otherwise.
#[component]
pub fn BenchResult(active: bool) -> impl IntoView {
    let result = RwSignal::new(None::<String>);
    if active {
        let ctrl = use_controller();
        let recorder = StoredValue::new(Some(BenchRecorder::default()));
        ctrl.watch_frames(Callback::new(move |frame: FrameReport| {
            // The frame's signal updates redraw in tasks queued right after the
            // frame's callback: two ticks later they have run.
            spawn_local(async move {
                tick().await;
                tick().await;
                let frame_ms = now_ms() - frame.started_ms;
                record(ctrl, recorder, result, frame_ms, frame);
            });
        }));
    }
    view! { <pre id="bench-result" hidden>{move || result.get().unwrap_or_default()}</pre> }
}

/// Records one frame; on the last one, pauses the run and publishes the summary.
fn record(
    ctrl: Controller,
    recorder: StoredValue<Option<BenchRecorder>>,
    result: RwSignal<Option<String>>,
    frame_ms: f64,
    frame: FrameReport,
) {
    // After the app is gone every access fails quietly.
    let complete = recorder
        .try_update_value(|slot| {
            let recording = slot.as_mut()?;
            recording.record(frame_ms, frame.train_ms, frame.epochs);
            recording.is_complete().then(|| slot.take()).flatten()
        })
        .flatten();
    let Some(recorded) = complete else {
        return;
    };
    ctrl.pause();
    let Some(settings) = ctrl.settings().try_get_untracked() else {
        return;
    };
    let surface_first_ms = ctrl.surface_ms().try_get_untracked().flatten();
    // The run's own data: the same seed draws the same sequences.
    let json = Dataset::generate(settings.data)
        .ok()
        .map(|(data, _)| recorded.summary(&data, settings.reduction, surface_first_ms))
        .and_then(|summary| serde_json::to_string_pretty(&summary).ok());
    if json.is_some() {
        result.try_set(json);
    }
}
