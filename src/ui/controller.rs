//! The one controller: it owns the run and is the only thing that changes it.
//!
//! - The [`Trainer`] lives in a `StoredValue` owned by the app's reactive
//!   owner, so it goes away with the app (no global state, no global RNG).
//! - Every change of settings goes through [`Controller::apply`], which
//!   compares the new `AppState` with the current one and does the least
//!   that is right: a new run for new data, loss or start; only new
//!   hyperparameters for the optimizer (training goes on); a new surface
//!   only for new data, loss or view.
//! - While playing, each animation frame trains up to K epochs (the speed,
//!   within a time budget), then publishes ONE snapshot, path and loss curve.
//!   The loop is cancelled on pause and on cleanup.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::{spawn_local, tick};

use crate::params::{AppState, Control, INIT_LIMIT, View};
use crate::rnn::optim::OptimizerSettings;
use crate::rnn::trainer::StopRule;
use crate::rnn::{CoreError, OptimizerKind, Surface, Trainer, Weights, surface};

mod seek;
pub use seek::SeekProgress;

use super::bench::{self, BenchRecorder};
use super::clock::now_ms;
use super::plateau::Plateau;
use super::settings::{self, max_speed};
use super::snapshot::{RunState, Snapshot};

/// Training time allowed per frame; with the redraws (~4 ms) this keeps a
/// frame near 8 ms even when the speed asks for more epochs than fit.
pub const TRAIN_BUDGET_MS: f64 = 4.0;
/// Epochs between two looks at the clock.
const EPOCHS_PER_CLOCK_CHECK: u64 = 64;

/// Loop bookkeeping that is not shown.
#[derive(Debug, Default)]
struct LoopState {
    frame: Option<AnimationFrameRequestHandle>,
    surface_pending: bool,
    plateau: Plateau,
    /// Set when the plateau detector stopped the run; cleared by any change.
    converged_at: Option<u64>,
    /// Counts restarts, so the path is republished after a reset at the same epoch.
    generation: u64,
    /// (generation, epoch) of the published path and loss curve.
    published: Option<(u64, u64)>,
    bench: Option<BenchRecorder>,
}

/// A handle to the app's run; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct Controller {
    settings: RwSignal<AppState>,
    trainer: StoredValue<Option<Trainer>>,
    playing: RwSignal<bool>,
    snapshot: RwSignal<Snapshot>,
    path: RwSignal<Vec<Weights>>,
    loss_points: RwSignal<Vec<(u64, f64)>>,
    surface: RwSignal<Option<Arc<Surface>>>,
    /// The view the current surface was computed for (`[x_min, x_max, y_min, y_max]`).
    surface_view: RwSignal<[f64; 4]>,
    surface_ms: RwSignal<Option<f64>>,
    /// Why the settings cannot build a run, if they cannot.
    problem: RwSignal<Option<CoreError>>,
    bench_result: RwSignal<Option<String>>,
    loop_state: StoredValue<LoopState>,
}

impl Controller {
    /// Builds the run for `initial` and starts computing its surface. Call it
    /// inside the app's owner: the loop is cancelled when that owner goes.
    pub fn new(initial: AppState) -> Controller {
        let mut initial = initial;
        initial.speed = initial.speed.clamp(1, max_speed(&initial.data));
        let (trainer, problem) = match Trainer::new(initial.trainer_config()) {
            Ok(trainer) => (Some(trainer), None),
            Err(error) => (None, Some(error)),
        };
        let bench = bench::requested();
        if bench {
            initial.speed = max_speed(&initial.data);
        }
        let controller = Controller {
            snapshot: RwSignal::new(Snapshot::broken(initial.optimizer.kind)),
            surface_view: RwSignal::new(initial.view.bounds()),
            settings: RwSignal::new(initial),
            trainer: StoredValue::new(trainer),
            playing: RwSignal::new(false),
            path: RwSignal::new(Vec::new()),
            loss_points: RwSignal::new(Vec::new()),
            surface: RwSignal::new(None),
            surface_ms: RwSignal::new(None),
            problem: RwSignal::new(problem),
            bench_result: RwSignal::new(None),
            loop_state: StoredValue::new(LoopState {
                plateau: if bench {
                    Plateau::disarmed()
                } else {
                    Plateau::default()
                },
                bench: bench.then(BenchRecorder::default),
                ..LoopState::default()
            }),
        };
        on_cleanup(move || controller.cancel_frame());
        controller.publish();
        controller.request_surface();
        if bench {
            controller.play();
        }
        controller
    }

    // ----- What views read -----------------------------------------------------------------

    pub fn settings(self) -> Signal<AppState> {
        self.settings.into()
    }

    pub fn snapshot(self) -> Signal<Snapshot> {
        self.snapshot.into()
    }

    pub fn playing(self) -> Signal<bool> {
        self.playing.into()
    }

    /// The decimated path: first the start, last the current weights.
    pub fn path(self) -> Signal<Vec<Weights>> {
        self.path.into()
    }

    /// (epoch, loss after that many updates), decimated, ending at the current epoch.
    pub fn loss_points(self) -> Signal<Vec<(u64, f64)>> {
        self.loss_points.into()
    }

    pub fn surface(self) -> Signal<Option<Arc<Surface>>> {
        self.surface.into()
    }

    pub fn surface_view(self) -> Signal<[f64; 4]> {
        self.surface_view.into()
    }

    pub fn surface_ms(self) -> Signal<Option<f64>> {
        self.surface_ms.into()
    }

    pub fn problem(self) -> Signal<Option<CoreError>> {
        self.problem.into()
    }

    pub fn bench_result(self) -> Signal<Option<String>> {
        self.bench_result.into()
    }

    /// The run's kept history (thinned out on long runs), first to latest, for export.
    pub fn history_records(self) -> Vec<crate::rnn::Record> {
        self.trainer
            .try_with_value(|t| t.as_ref().map(|t| t.history().points().copied().collect()))
            .flatten()
            .unwrap_or_default()
    }

    /// Whether a lesson link hides `control` (`hide=`).
    pub fn hidden(self, control: Control) -> Signal<bool> {
        let settings = self.settings;
        Signal::derive(move || settings.with(|s| s.hide.contains(&control)))
    }

    /// The epochs per frame allowed for the current data.
    pub fn max_speed(self) -> Signal<u32> {
        let settings = self.settings;
        Signal::derive(move || settings.with(|s| max_speed(&s.data)))
    }

    // ----- Changing the settings -----------------------------------------------------------

    /// Changes the settings with `change` (see [`Controller::apply`]).
    pub fn update(self, change: impl FnOnce(&mut AppState)) {
        let Some(mut next) = self.settings.try_get_untracked() else {
            return;
        };
        change(&mut next);
        self.apply(next);
    }

    /// Makes `next` the settings: restarts the run when the data, loss or start
    /// changed, passes new hyperparameters or a new stop to the running trainer
    /// otherwise, and recomputes the surface when the data, loss or view changed.
    pub fn apply(self, next: AppState) {
        let Some(old) = self.settings.try_get_untracked() else {
            return;
        };
        let mut next = next;
        next.speed = next.speed.clamp(1, max_speed(&next.data));
        if next == old {
            return;
        }
        if settings::run_changed(&old, &next) {
            self.rebuild(&next);
        } else {
            if next.optimizer != old.optimizer {
                let result = self.with_trainer(|trainer| trainer.set_optimizer(next.optimizer));
                if let Some(Err(error)) = result {
                    self.problem.set(Some(error));
                }
            }
            if next.stop_at != old.stop_at {
                let stop = StopRule {
                    max_epochs: next.stop_at,
                    loss_tolerance: None,
                };
                self.with_trainer(|trainer| trainer.set_stop(stop));
            }
        }
        let surface_changed = settings::surface_changed(&old, &next);
        self.settings.set(next);
        if surface_changed {
            self.request_surface();
        }
        self.publish();
    }

    /// Switches the update rule; the new rule starts from its own defaults
    /// (keeping the clip norm) and training goes on from the current weights.
    pub fn select_optimizer(self, kind: OptimizerKind) {
        self.update(|s| s.select_optimizer(kind));
    }

    /// New hyperparameters for the current rule; training goes on.
    pub fn set_optimizer(self, optimizer: OptimizerSettings) {
        self.update(|s| s.optimizer = optimizer);
    }

    /// A new random data seed (from the page's `Math.random`, not a Rust RNG).
    pub fn new_data(self) {
        let current = self.settings.with_untracked(|s| s.data.seed);
        let drawn = (js_sys::Math::random() * 4_294_967_296.0) as u32;
        let seed = if drawn == current {
            drawn.wrapping_add(1)
        } else {
            drawn
        };
        self.update(|s| s.data.seed = seed);
    }

    /// Starts from `w` (a click on the heat map), clamped to the allowed starts.
    pub fn pick_init(self, w: Weights) {
        if !w.is_finite() {
            return;
        }
        let start = Weights {
            w_x: w.w_x.clamp(-INIT_LIMIT, INIT_LIMIT),
            w_rec: w.w_rec.clamp(-INIT_LIMIT, INIT_LIMIT),
        };
        self.update(|s| s.init = Some(start));
    }

    /// Back to the start drawn after the data, as the seed does.
    pub fn use_seed_init(self) {
        self.update(|s| s.init = None);
    }

    /// Shows the surface over `[x_min, x_max, y_min, y_max]`; invalid ranges are ignored.
    pub fn set_view(self, bounds: [f64; 4]) {
        let view = View::from_bounds(bounds);
        if view.validate().is_ok() {
            self.update(|s| s.view = view);
        }
    }

    // ----- Playing -------------------------------------------------------------------------

    pub fn toggle_play(self) {
        if self.playing.get_untracked() {
            self.pause();
        } else {
            self.play();
        }
    }

    /// Plays on. A run that diverged or reached its stop starts again from its start.
    pub fn play(self) {
        let finished = self
            .with_trainer(|trainer| trainer.status().is_finished())
            .unwrap_or(true);
        if finished {
            self.with_trainer(Trainer::reset);
            self.restarted();
        }
        let Some(playable) = self.with_trainer(|trainer| !trainer.status().is_finished()) else {
            return;
        };
        self.loop_state.update_value(|l| {
            // Playing on past a detected plateau: do not stop there again.
            if l.converged_at.take().is_some() {
                l.plateau = Plateau::disarmed();
            }
        });
        self.playing.set(playable);
        if playable {
            self.schedule_frame();
        }
        self.publish();
    }

    pub fn pause(self) {
        self.playing.set(false);
        self.cancel_frame();
        self.publish();
    }

    /// Exactly one epoch (pausing first).
    pub fn step(self) {
        self.playing.set(false);
        self.cancel_frame();
        self.with_trainer(|trainer| trainer.step());
        self.loop_state.update_value(|l| l.converged_at = None);
        self.publish();
    }

    /// Same data, same start, epoch 0 (pausing first).
    pub fn reset(self) {
        self.playing.set(false);
        self.cancel_frame();
        self.with_trainer(Trainer::reset);
        self.restarted();
        self.publish();
    }

    // ----- Internals -----------------------------------------------------------------------

    fn with_trainer<T>(self, f: impl FnOnce(&mut Trainer) -> T) -> Option<T> {
        self.trainer
            .try_update_value(|trainer| trainer.as_mut().map(f))
            .flatten()
    }

    fn rebuild(self, next: &AppState) {
        match Trainer::new(next.trainer_config()) {
            Ok(trainer) => {
                self.trainer.set_value(Some(trainer));
                self.problem.set(None);
            }
            Err(error) => {
                self.trainer.set_value(None);
                self.problem.set(Some(error));
                self.playing.set(false);
                self.cancel_frame();
            }
        }
        self.restarted();
    }

    /// A run starts over: a fresh plateau watch and a new path.
    fn restarted(self) {
        self.loop_state.update_value(|l| {
            l.generation += 1;
            l.converged_at = None;
            if l.bench.is_none() {
                l.plateau = Plateau::default();
            }
        });
    }

    fn schedule_frame(self) {
        let pending = self
            .loop_state
            .try_with_value(|l| l.frame.is_some())
            .unwrap_or(true);
        if pending {
            return;
        }
        if let Ok(handle) = request_animation_frame_with_handle(move || self.on_frame()) {
            self.loop_state.update_value(|l| l.frame = Some(handle));
        }
    }

    fn cancel_frame(self) {
        self.loop_state.try_update_value(|l| {
            if let Some(handle) = l.frame.take() {
                handle.cancel();
            }
        });
    }

    fn on_frame(self) {
        // After the app is gone every access fails quietly.
        if self
            .loop_state
            .try_update_value(|l| l.frame = None)
            .is_none()
        {
            return;
        }
        if !self.playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let start = now_ms();
        let speed = self
            .settings
            .with_untracked(|s| u64::from(s.speed.clamp(1, max_speed(&s.data))));
        let epochs = self
            .with_trainer(|trainer| train_within(trainer, speed, start + TRAIN_BUDGET_MS))
            .unwrap_or(0);
        let train_ms = now_ms() - start;
        self.stop_if_done();
        self.publish();
        if self.playing.get_untracked() {
            self.schedule_frame();
        }
        self.measure_bench(start, train_ms, epochs);
    }

    /// Pauses a run that diverged, reached its stop or stopped changing.
    fn stop_if_done(self) {
        let Some((finished, epoch, loss)) = self.with_trainer(|trainer| {
            let finished = trainer.status().is_finished();
            (finished, trainer.epoch(), trainer.evaluate().0)
        }) else {
            self.playing.set(false);
            return;
        };
        let converged = !finished
            && self
                .loop_state
                .try_update_value(|l| {
                    let converged = l.plateau.observe(epoch, loss);
                    if converged {
                        l.converged_at = Some(epoch);
                    }
                    converged
                })
                .unwrap_or(false);
        if finished || converged {
            self.playing.set(false);
        }
    }

    /// Publishes the run: one snapshot, and the path and loss curve when they changed.
    fn publish(self) {
        let Some(playing) = self.playing.try_get_untracked() else {
            return;
        };
        let Some((generation, published, converged_at)) = self
            .loop_state
            .try_with_value(|l| (l.generation, l.published, l.converged_at))
        else {
            return;
        };
        let kind = self.settings.with_untracked(|s| s.optimizer.kind);
        let captured = self.trainer.with_value(|trainer| {
            trainer.as_ref().map(|trainer| {
                let epoch = trainer.epoch();
                let run = RunState::of(trainer.status(), playing, epoch, converged_at);
                let snapshot = Snapshot::of(trainer, run);
                let curves = (published != Some((generation, epoch)))
                    .then(|| (path_of(trainer), loss_points_of(trainer, snapshot.loss)));
                (snapshot, curves)
            })
        });
        match captured {
            Some((snapshot, curves)) => {
                let epoch = snapshot.epoch;
                self.snapshot.set(snapshot);
                if let Some((path, points)) = curves {
                    self.path.set(path);
                    self.loss_points.set(points);
                    self.loop_state
                        .update_value(|l| l.published = Some((generation, epoch)));
                }
            }
            None => {
                self.snapshot.set(Snapshot::broken(kind));
                self.path.set(Vec::new());
                self.loss_points.set(Vec::new());
                self.loop_state.update_value(|l| l.published = None);
            }
        }
    }

    /// Recomputes the surface after the current event, once however many
    /// changes asked for it.
    fn request_surface(self) {
        let already = self
            .loop_state
            .try_update_value(|l| std::mem::replace(&mut l.surface_pending, true))
            .unwrap_or(true);
        if !already {
            set_timeout(move || self.compute_surface(), std::time::Duration::ZERO);
        }
    }

    fn compute_surface(self) {
        if self
            .loop_state
            .try_update_value(|l| l.surface_pending = false)
            .is_none()
        {
            return;
        }
        let Some(settings) = self.settings.try_get_untracked() else {
            return;
        };
        let (w_x, w_rec) = settings::surface_axes(&settings);
        let start = now_ms();
        let computed = self.trainer.with_value(|trainer| {
            trainer
                .as_ref()
                .map(|t| surface::compute(t.data(), settings.reduction, w_x, w_rec, false))
        });
        let elapsed = now_ms() - start;
        match computed {
            Some(Ok(surface)) => {
                self.surface.set(Some(Arc::new(surface)));
                self.surface_view.set(settings.view.bounds());
                self.surface_ms.set(Some(elapsed));
            }
            Some(Err(error)) => self.problem.set(Some(error)),
            None => self.surface.set(None),
        }
    }

    /// In benchmark mode, times this frame up to the end of the redraws its
    /// signal updates trigger (they run as tasks right after this frame's callback).
    fn measure_bench(self, start: f64, train_ms: f64, epochs: u64) {
        let active = self
            .loop_state
            .try_with_value(|l| l.bench.is_some())
            .unwrap_or(false);
        if !active {
            return;
        }
        spawn_local(async move {
            tick().await;
            tick().await;
            let frame_ms = now_ms() - start;
            self.record_bench(frame_ms, train_ms, epochs);
        });
    }

    fn record_bench(self, frame_ms: f64, train_ms: f64, epochs: u64) {
        let surface_first_ms = self.surface_ms.try_get_untracked().flatten();
        let complete = self
            .loop_state
            .try_update_value(|l| {
                let recorder = l.bench.as_mut()?;
                recorder.record(frame_ms, train_ms, epochs);
                recorder.is_complete().then(|| l.bench.take()).flatten()
            })
            .flatten();
        let Some(recorder) = complete else {
            return;
        };
        self.pause();
        let summary = self.trainer.try_with_value(|trainer| {
            trainer
                .as_ref()
                .map(|t| recorder.summary(t.data(), t.config().reduction, surface_first_ms))
        });
        let json = summary
            .flatten()
            .and_then(|s| serde_json::to_string(&s).ok());
        if json.is_some() {
            self.bench_result.set(json);
        }
    }
}

/// Trains up to `epochs` epochs, stopping early when the run stops or the
/// clock passes `deadline_ms`; returns how many ran.
fn train_within(trainer: &mut Trainer, epochs: u64, deadline_ms: f64) -> u64 {
    let mut done = 0;
    while done < epochs {
        let chunk = EPOCHS_PER_CLOCK_CHECK.min(epochs - done);
        let ran = trainer.run(chunk);
        done += ran;
        if ran < chunk || now_ms() >= deadline_ms {
            break;
        }
    }
    done
}

/// The start, the kept weights and the current weights.
fn path_of(trainer: &Trainer) -> Vec<Weights> {
    let history = trainer.history();
    let mut path: Vec<Weights> = Vec::with_capacity(history.len() + 1);
    path.extend(history.points().map(|record| record.weights));
    path.push(trainer.weights());
    path
}

/// (updates made, loss) for the kept epochs and the current weights. A record
/// of epoch e holds the loss after e − 1 updates, so it is plotted at e − 1,
/// matching `#epoch` and `#loss`. Overflowed losses are left out.
fn loss_points_of(trainer: &Trainer, current_loss: f64) -> Vec<(u64, f64)> {
    let history = trainer.history();
    let mut points: Vec<(u64, f64)> = Vec::with_capacity(history.len() + 1);
    points.extend(
        history
            .points()
            .filter(|record| record.loss.is_finite())
            .map(|record| (record.epoch.saturating_sub(1), record.loss)),
    );
    if current_loss.is_finite() {
        points.push((trainer.epoch(), current_loss));
    }
    points
}
