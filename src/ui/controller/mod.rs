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
//!   The loop is cancelled on pause and on cleanup. Whoever watches the
//!   loop ([`Controller::watch_frames`]) hears what each frame did.

use std::sync::Arc;

use leptos::prelude::*;

use crate::params::{AppState, Control, INIT_LIMIT, View};
use crate::params::{MIN_SPEED, RunNote, SpeedCredit};
use crate::plot::SurfaceImage;
use crate::rnn::trainer::{Status, StopRule};
use crate::rnn::{
    Clipping, CoreError, OptimizerKind, Race, Record, Settled, Surface, Trainer, Weights,
};

mod frames;
mod ghost;
mod inside;
pub mod race;
mod seek;
pub mod settings;
pub mod snapshot;
pub mod surface_job;

pub use seek::SeekProgress;

use crate::ui::timing::clock::now_ms;
use settings::max_speed;
use snapshot::{RunState, Snapshot};
use surface_job::{Progress, SURFACE_BUDGET_MS, SurfaceJob};

/// Training time allowed per frame; with the redraws (~4 ms) this keeps a
/// frame near 8 ms even when the speed asks for more epochs than fit.
pub const TRAIN_BUDGET_MS: f64 = 4.0;
/// Epochs between two looks at the clock.
const EPOCHS_PER_CLOCK_CHECK: u64 = 64;

/// Loop bookkeeping that is not shown.
#[derive(Debug, Default)]
struct LoopState {
    frame: frames::Slot,
    /// Whether the run pauses once the core sees its loss settle; off after
    /// the user plays on past it, or for timing runs.
    settle_armed: bool,
    /// What the run had settled into when the page paused it; cleared by any change.
    plateaued_at: Option<Settled>,
    /// Counts restarts, so the path is republished after a reset at the same epoch.
    generation: u64,
    /// (generation, epoch) of the published path and loss curve.
    published: Option<(u64, u64)>,
    /// Keep playing when the loss stops changing ([`Controller::set_plateau_stop`]).
    ignore_plateaus: bool,
    /// The fraction of an epoch carried to the next frame (slow motion).
    credit: SpeedCredit,
    /// Told about every played frame ([`Controller::watch_frames`]).
    frame_watchers: Vec<Callback<FrameReport>>,
    /// Whether the run trained with one set of settings since it started, so
    /// that it can be replayed as a ghost.
    pure: bool,
    /// The next slice of a ghost trained from a link.
    ghost_frame: frames::Slot,
}

/// What one played animation frame did, for whoever watches the loop.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FrameReport {
    /// When the frame's callback started (`performance.now()`, ms).
    pub started_ms: f64,
    /// Milliseconds spent training in it.
    pub train_ms: f64,
    /// Epochs trained in it.
    pub epochs: u64,
}

/// A handle to the app's run; cheap to copy into event handlers.
#[derive(Clone, Copy)]
pub struct Controller {
    settings: RwSignal<AppState>,
    trainer: StoredValue<Option<Trainer>>,
    playing: RwSignal<bool>,
    snapshot: RwSignal<Snapshot>,
    path: RwSignal<Vec<Weights>>,
    /// The path's points whose update clipping shortened.
    clipped: RwSignal<Vec<Weights>>,
    loss_points: RwSignal<Vec<(u64, f64)>>,
    surface: RwSignal<Option<Arc<Surface>>>,
    /// The current surface's picture, coloured with it (see [`surface_job`]).
    surface_image: RwSignal<Option<Arc<SurfaceImage>>>,
    /// The view the current surface was computed for.
    surface_view: RwSignal<View>,
    surface_ms: RwSignal<Option<f64>>,
    /// Why the settings cannot build a run, if they cannot.
    problem: RwSignal<Option<CoreError>>,
    /// What the last Step or Play did at a stop or a divergence.
    run_note: RwSignal<Option<RunNote>>,
    loop_state: StoredValue<LoopState>,
    /// The surface being computed across frames, and the data set's polynomials.
    surface_job: StoredValue<SurfaceJob>,
    /// The heat map's point under the pointer, which the inside views preview.
    hovered: RwSignal<Option<Weights>>,
    /// A click on the map outside the allowed starts: (clicked, start used).
    pick_moved: RwSignal<Option<(Weights, Weights)>>,
    /// The race, when `race=` asks for one, and its tuning job.
    race_state: StoredValue<race::RaceState>,
    race_view: RwSignal<Option<race::RaceView>>,
    tune_progress: RwSignal<Option<f64>>,
    /// The racer the legend highlights.
    highlight: RwSignal<Option<usize>>,
    /// The earlier run drawn faintly, and its training from a link.
    ghost_path: RwSignal<Vec<Weights>>,
    ghost_curve: RwSignal<Vec<(u64, f64)>>,
    ghost_diverged: RwSignal<Option<u64>>,
    ghost_trainer: StoredValue<Option<Trainer>>,
}

/// `memo`, run once now. A memo subscribes to its sources only when it runs,
/// and only a read runs it: one that views merely `track()` would otherwise
/// never learn of a change, and neither would they.
fn subscribed<T>(memo: Memo<T>) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    memo.with_untracked(|_| ());
    memo
}

/// The app's controller, which [`crate::ui::app::App`] provides to every
/// component below it (as Leptos's todomvc example shares its handles).
/// Call it in a component's body, not in an event handler: context is read
/// from the reactive owner, which a handler runs outside of.
pub fn use_controller() -> Controller {
    use_context::<Controller>().expect(
        "use_controller: no Controller in context; render this component inside App, \
         which provides it",
    )
}

impl Controller {
    /// Builds the run for `initial` and starts computing its surface. Call it
    /// inside the app's owner: the loop is cancelled when that owner goes.
    pub fn new(initial: AppState) -> Controller {
        let mut initial = initial;
        initial.speed = initial
            .speed
            .clamp(MIN_SPEED, f64::from(max_speed(&initial.data)));
        let (trainer, problem) = match Trainer::new(initial.trainer_config()) {
            Ok(trainer) => (Some(trainer), None),
            Err(error) => (None, Some(error)),
        };
        let controller = Controller {
            snapshot: RwSignal::new(Snapshot::broken()),
            surface_view: RwSignal::new(initial.view),
            settings: RwSignal::new(initial),
            trainer: StoredValue::new(trainer),
            playing: RwSignal::new(false),
            path: RwSignal::new(Vec::new()),
            clipped: RwSignal::new(Vec::new()),
            loss_points: RwSignal::new(Vec::new()),
            surface: RwSignal::new(None),
            surface_image: RwSignal::new(None),
            surface_ms: RwSignal::new(None),
            problem: RwSignal::new(problem),
            run_note: RwSignal::new(None),
            loop_state: StoredValue::new(LoopState {
                settle_armed: true,
                pure: true,
                ..LoopState::default()
            }),
            surface_job: StoredValue::new(SurfaceJob::default()),
            hovered: RwSignal::new(None),
            pick_moved: RwSignal::new(None),
            race_state: StoredValue::new(race::RaceState::default()),
            race_view: RwSignal::new(None),
            tune_progress: RwSignal::new(None),
            highlight: RwSignal::new(None),
            ghost_path: RwSignal::new(Vec::new()),
            ghost_curve: RwSignal::new(Vec::new()),
            ghost_diverged: RwSignal::new(None),
            ghost_trainer: StoredValue::new(None),
        };
        controller.settings.with_untracked(|s| {
            controller.sync_race(s);
            controller.train_ghost(s);
        });
        on_cleanup(move || {
            controller.cancel_frame();
            controller.cancel_surface_frame();
            controller.cancel_ghost_job();
        });
        controller.publish();
        controller.request_surface();
        controller
    }

    // ----- What views read -----------------------------------------------------------------

    pub fn settings(self) -> Signal<AppState> {
        self.settings.into()
    }

    pub fn snapshot(self) -> Signal<Snapshot> {
        self.snapshot.into()
    }

    /// One part of the settings, as a memo: views that read it refresh only when it changes.
    pub fn setting<T>(self, part: impl Fn(&AppState) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let settings = self.settings;
        subscribed(Memo::new(move |_| settings.with(&part)))
    }

    /// One part of the published snapshot, as a memo: views that read it refresh only when it
    /// changes, not every frame.
    pub fn reading<T>(self, part: impl Fn(&Snapshot) -> T + Send + Sync + 'static) -> Memo<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        let snapshot = self.snapshot;
        subscribed(Memo::new(move |_| snapshot.with(&part)))
    }

    pub fn playing(self) -> Signal<bool> {
        self.playing.into()
    }

    /// The decimated path: first the start, last the current weights.
    pub fn path(self) -> Signal<Vec<Weights>> {
        self.path.into()
    }

    /// The points of the path where clipping shortened the gradient.
    pub fn clipped(self) -> Signal<Vec<Weights>> {
        self.clipped.into()
    }

    /// (epoch, loss after that many updates), decimated, ending at the current epoch.
    pub fn loss_points(self) -> Signal<Vec<(u64, f64)>> {
        self.loss_points.into()
    }

    pub fn surface(self) -> Signal<Option<Arc<Surface>>> {
        self.surface.into()
    }

    pub fn surface_image(self) -> Signal<Option<Arc<SurfaceImage>>> {
        self.surface_image.into()
    }

    pub fn surface_view(self) -> Signal<View> {
        self.surface_view.into()
    }

    pub fn surface_ms(self) -> Signal<Option<f64>> {
        self.surface_ms.into()
    }

    pub fn problem(self) -> Signal<Option<CoreError>> {
        self.problem.into()
    }

    /// What the last Step or Play did when the run could not simply go on.
    pub fn run_note(self) -> Signal<Option<RunNote>> {
        self.run_note.into()
    }

    /// Reads the run (for exports); `None` when the settings build no run.
    pub fn with_run<T>(self, read: impl FnOnce(&Trainer) -> T) -> Option<T> {
        self.trainer
            .try_with_value(|t| t.as_ref().map(read))
            .flatten()
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
        next.speed = next
            .speed
            .clamp(MIN_SPEED, f64::from(max_speed(&next.data)));
        // A rule, loss or clip the float32 arithmetic does not have returns the run to f64.
        // A cell that cannot take the task (the cliff has no input) gets the count task.
        next.fit_task();
        next.fit_precision();
        if next == old {
            return;
        }
        self.ghost_after_change(&old, &mut next);
        self.run_note.set(None);
        if settings::run_changed(&old, &next) {
            self.rebuild(&next);
        } else {
            if next.optimizer != old.optimizer {
                // From here the run mixes two settings: no link can replay it.
                if self.with_run(Trainer::epoch).unwrap_or(0) > 0 {
                    self.loop_state.update_value(|l| l.pure = false);
                }
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
        if next.race_config() != old.race_config() {
            self.sync_race(&next);
            self.restarted();
            if !self.racing() && old.race_config().is_some() {
                self.playing.set(false);
                self.cancel_frame();
            }
        }
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

    /// Starts from `w`, the point a click on the heat map reads, clamped to
    /// the allowed starts; a start moved into range is said ([`Self::pick_moved`]).
    pub fn pick_init(self, w: Weights) {
        if !w.is_finite() {
            return;
        }
        let start = Weights {
            w_x: w.w_x.clamp(-INIT_LIMIT, INIT_LIMIT),
            w_rec: w.w_rec.clamp(-INIT_LIMIT, INIT_LIMIT),
        };
        self.pick_moved.set((start != w).then_some((w, start)));
        self.update(|s| s.init = Some(start));
    }

    /// The last map click that lay outside the allowed starts, (clicked, used),
    /// while that start is still the run's.
    pub fn pick_moved(self) -> Signal<Option<(Weights, Weights)>> {
        let (moved, settings) = (self.pick_moved, self.settings);
        Signal::derive(move || {
            moved
                .get()
                .filter(|(_, used)| settings.with(|s| s.init == Some(*used)))
        })
    }

    /// Back to the start drawn after the data, as the seed does.
    pub fn use_seed_init(self) {
        self.update(|s| s.init = None);
    }

    /// Shows the surface over `view`; invalid ranges are ignored.
    pub fn set_view(self, view: View) {
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

    /// Plays on. A run that diverged or reached its stop starts again from
    /// its start, and `#run-note` says so.
    pub fn play(self) {
        if let Some(over) = self.with_race(|race| race.is_over()) {
            if over {
                self.with_race(Race::reset);
                self.restarted();
            }
            self.playing.set(true);
            self.schedule_frame();
            self.publish();
            return;
        }
        let status = self.with_trainer(|trainer| trainer.status());
        let note = match status {
            Some(Status::Diverged { epoch, .. }) => {
                Some(RunNote::RestartedAfterDivergence { epoch })
            }
            Some(Status::ReachedMaxEpochs { epoch } | Status::Converged { epoch }) => {
                Some(RunNote::RestartedAfterStop { epoch })
            }
            _ => None,
        };
        if note.is_some() {
            self.ghost_on_reset();
            self.with_trainer(Trainer::reset);
            self.restarted();
        }
        self.run_note.set(note);
        let Some(playable) = self.with_trainer(|trainer| !trainer.status().is_finished()) else {
            return;
        };
        self.loop_state.update_value(|l| {
            // Playing on past a settled loss: do not stop there again.
            if l.plateaued_at.take().is_some() {
                l.settle_armed = false;
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
        self.loop_state.update_value(|l| l.credit.clear());
        self.publish();
    }

    /// Exactly one epoch (pausing first). At the stop it goes one past and
    /// moves the stop there; after a divergence it says why it cannot.
    pub fn step(self) {
        self.playing.set(false);
        self.cancel_frame();
        if self.with_race(Race::step).is_some() {
            self.publish();
            return;
        }
        let status = self.with_trainer(|trainer| trainer.status());
        let note = match status {
            Some(Status::Diverged { epoch, .. }) => Some(RunNote::StepAfterDivergence { epoch }),
            Some(Status::ReachedMaxEpochs { epoch } | Status::Converged { epoch }) => {
                let stop = epoch + 1;
                self.update(|s| s.stop_at = Some(stop));
                Some(RunNote::StopMoved { stop })
            }
            _ => None,
        };
        self.with_trainer(|trainer| trainer.step());
        self.loop_state.update_value(|l| l.plateaued_at = None);
        self.run_note.set(note);
        self.publish();
    }

    /// Same data, same start, epoch 0 (pausing first).
    pub fn reset(self) {
        self.playing.set(false);
        self.cancel_frame();
        self.run_note.set(None);
        if self.with_race(Race::reset).is_none() {
            self.ghost_on_reset();
            self.with_trainer(Trainer::reset);
        }
        self.restarted();
        self.publish();
    }

    /// Whether a run pauses by itself once its loss stops changing: on by
    /// default; off keeps the load steady (timing runs), and a race that is
    /// over starts again instead of pausing.
    pub fn set_plateau_stop(self, on: bool) {
        self.loop_state.update_value(|l| {
            l.ignore_plateaus = !on;
            l.settle_armed = on;
        });
    }

    /// Calls `watcher` at the end of every played frame (not while seeking),
    /// after the frame's signal updates, before the redraws they trigger.
    pub fn watch_frames(self, watcher: Callback<FrameReport>) {
        self.loop_state
            .update_value(|l| l.frame_watchers.push(watcher));
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
            l.plateaued_at = None;
            l.settle_armed = !l.ignore_plateaus;
            l.credit.clear();
            l.pure = true;
        });
    }

    fn schedule_frame(self) {
        frames::request(self.loop_state, |l| &mut l.frame, move || self.on_frame());
    }

    fn cancel_frame(self) {
        frames::cancel(self.loop_state, |l| &mut l.frame);
    }

    fn on_frame(self) {
        // After the app is gone every access fails quietly.
        if !frames::ran(self.loop_state, |l| &mut l.frame) {
            return;
        }
        if !self.playing.try_get_untracked().unwrap_or(false) {
            return;
        }
        let start = now_ms();
        let speed = self
            .settings
            .with_untracked(|s| s.speed.clamp(MIN_SPEED, f64::from(max_speed(&s.data))));
        let Some(speed) = self.loop_state.try_update_value(|l| l.credit.take(speed)) else {
            return;
        };
        let deadline = start + TRAIN_BUDGET_MS;
        let epochs = match self.with_race(|race| race_within(race, speed, deadline)) {
            Some(ticks) => ticks,
            None => self
                .with_trainer(|trainer| train_within(trainer, speed, deadline))
                .unwrap_or(0),
        };
        let train_ms = now_ms() - start;
        self.stop_if_done();
        self.publish();
        if self.playing.get_untracked() {
            self.schedule_frame();
        }
        self.report_frame(FrameReport {
            started_ms: start,
            train_ms,
            epochs,
        });
    }

    /// Tells the frame watchers; one whose owner has gone is skipped.
    fn report_frame(self, report: FrameReport) {
        let watchers = self
            .loop_state
            .try_with_value(|l| l.frame_watchers.clone())
            .unwrap_or_default();
        for watcher in watchers {
            watcher.try_run(report);
        }
    }

    /// Pauses a run that diverged, reached its stop or settled (its loss
    /// holds still or repeats a short cycle, as the core sees it).
    fn stop_if_done(self) {
        if let Some(over) = self.with_race(|race| race.is_over()) {
            let timing = self
                .loop_state
                .try_with_value(|l| l.ignore_plateaus)
                .unwrap_or(false);
            if over && timing {
                // A timing run keeps the load steady: the race starts again.
                self.with_race(Race::reset);
                self.restarted();
            } else if over {
                self.playing.set(false);
            }
            return;
        }
        let Some((finished, settled)) =
            self.with_trainer(|trainer| (trainer.status().is_finished(), trainer.settled()))
        else {
            self.playing.set(false);
            return;
        };
        let plateaued = !finished
            && self
                .loop_state
                .try_update_value(|l| {
                    let pause = l.settle_armed && settled.is_some();
                    if pause {
                        l.settle_armed = false;
                        l.plateaued_at = settled;
                    }
                    pause
                })
                .unwrap_or(false);
        if finished || plateaued {
            self.playing.set(false);
        }
    }

    /// Publishes the run: one snapshot, and the path and loss curve when they changed.
    fn publish(self) {
        let Some(playing) = self.playing.try_get_untracked() else {
            return;
        };
        let Some((generation, published, plateaued_at)) = self
            .loop_state
            .try_with_value(|l| (l.generation, l.published, l.plateaued_at.clone()))
        else {
            return;
        };
        self.publish_race();
        if let Some(snapshot) = self.with_race(|race| race_snapshot(race, playing)) {
            self.snapshot.set(snapshot);
            return;
        }
        let captured = self.trainer.with_value(|trainer| {
            trainer.as_ref().map(|trainer| {
                let epoch = trainer.epoch();
                let posts_rule = trainer.config().optimizer.kind == OptimizerKind::RmspropSeed;
                let run = RunState::of(
                    trainer.status(),
                    playing,
                    epoch,
                    plateaued_at.as_ref(),
                    posts_rule,
                );
                let snapshot = Snapshot::of(trainer, run);
                let curves = (published != Some((generation, epoch))).then(|| {
                    let timeline = trainer.timeline();
                    let limit = trainer.config().optimizer.clip;
                    (
                        path_of(&timeline),
                        clipped_of(&timeline, limit),
                        loss_points_of(&timeline),
                    )
                });
                (snapshot, curves)
            })
        });
        match captured {
            Some((snapshot, curves)) => {
                let epoch = snapshot.epoch;
                self.snapshot.set(snapshot);
                if let Some((path, clipped, points)) = curves {
                    self.path.set(path);
                    self.clipped.set(clipped);
                    self.loss_points.set(points);
                    self.loop_state
                        .update_value(|l| l.published = Some((generation, epoch)));
                }
            }
            None => {
                self.snapshot.set(Snapshot::broken());
                self.path.set(Vec::new());
                self.clipped.set(Vec::new());
                self.loss_points.set(Vec::new());
                self.loop_state.update_value(|l| l.published = None);
            }
        }
    }

    /// Recomputes the surface for the current settings, in slices over the
    /// next animation frames (see [`surface_job`]); the old picture stays
    /// until the new one is whole.
    fn request_surface(self) {
        self.surface_job.try_update_value(|job| {
            job.wanted = true;
            job.finished = None;
        });
        self.schedule_surface_frame();
    }

    fn schedule_surface_frame(self) {
        frames::request(
            self.surface_job,
            |job| &mut job.frame,
            move || {
                self.surface_frame();
            },
        );
    }

    fn cancel_surface_frame(self) {
        frames::cancel(self.surface_job, |job| &mut job.frame);
    }

    /// One frame's slice of surface work.
    fn surface_frame(self) {
        // After the app is gone every access fails quietly.
        let Some(wanted) = self.surface_job.try_update_value(|job| {
            job.frame = None;
            job.wanted
        }) else {
            return;
        };
        let Some(settings) = self.settings.try_get_untracked() else {
            return;
        };
        if !wanted {
            return;
        }
        let finished = self
            .surface_job
            .try_update_value(|job| job.finished.take())
            .flatten();
        if let Some(finished) = finished {
            self.surface_job.update_value(|job| job.wanted = false);
            self.surface_image.set(Some(Arc::new(finished.image)));
            self.surface.set(Some(Arc::new(finished.surface)));
            self.surface_view.set(finished.view);
            self.surface_ms.set(Some(finished.ms));
            return;
        }
        let deadline = now_ms() + SURFACE_BUDGET_MS;
        let progress = self.trainer.with_value(|trainer| {
            let data = trainer.as_ref()?.data();
            self.surface_job
                .try_update_value(|job| job.advance(data, &settings, deadline))
        });
        match progress {
            Some(Progress::More) => self.schedule_surface_frame(),
            Some(Progress::Done(finished)) => {
                self.surface_job
                    .update_value(|job| job.finished = Some(finished));
                self.schedule_surface_frame();
            }
            Some(Progress::Failed(error)) => {
                self.surface_job.update_value(|job| job.wanted = false);
                self.problem.set(Some(error));
            }
            None => {
                self.surface_job.update_value(|job| job.wanted = false);
                self.surface.set(None);
                self.surface_image.set(None);
            }
        }
    }
}

/// Runs up to `ticks` ticks of the race within the deadline; returns how many ran.
fn race_within(race: &mut Race, ticks: u64, deadline_ms: f64) -> u64 {
    // A tick costs one epoch per racer: look at the clock as often as for one run.
    let per_check = (EPOCHS_PER_CLOCK_CHECK / race.racers().len() as u64).max(1);
    run_within(ticks, per_check, deadline_ms, |n| race.run(n))
}

/// The read-outs in a race: the first racer's numbers, with the race's state
/// (`#status` says running, paused, or stopped at the race's last epoch).
fn race_snapshot(race: &mut Race, playing: bool) -> Snapshot {
    let epoch = race.epoch();
    let run = if playing {
        RunState::Running
    } else if race.is_over() && epoch >= race.config().max_epochs {
        RunState::Stopped { epoch }
    } else if race.is_over() {
        // Not "reached the stop": every racer finished or diverged first.
        RunState::RaceOver { epoch }
    } else if epoch == 0 {
        RunState::Ready
    } else {
        RunState::Paused
    };
    Snapshot::of(race.racers()[0].trainer(), run)
}

/// Trains up to `epochs` epochs, stopping early when the run stops or the
/// clock passes `deadline_ms`; returns how many ran.
fn train_within(trainer: &mut Trainer, epochs: u64, deadline_ms: f64) -> u64 {
    run_within(epochs, EPOCHS_PER_CLOCK_CHECK, deadline_ms, |n| {
        trainer.run(n)
    })
}

/// Calls `run` for chunks of at most `per_check` until `total` ran, `run`
/// stopped short, or the clock passed `deadline_ms`; returns how many ran.
fn run_within(
    total: u64,
    per_check: u64,
    deadline_ms: f64,
    mut run: impl FnMut(u64) -> u64,
) -> u64 {
    let mut done = 0;
    while done < total {
        let chunk = per_check.min(total - done);
        let ran = run(chunk);
        done += ran;
        if ran < chunk || now_ms() >= deadline_ms {
            break;
        }
    }
    done
}

/// The kept weights from the start to the current ones.
fn path_of(timeline: &[Record]) -> Vec<Weights> {
    timeline.iter().map(|record| record.weights).collect()
}

/// The kept weights whose gradient clipping at `limit` shortened.
fn clipped_of(timeline: &[Record], limit: Option<f64>) -> Vec<Weights> {
    timeline
        .iter()
        .filter(|r| Clipping::of(r.grad, limit).is_some_and(|c| c.acted()))
        .map(|r| r.weights)
        .collect()
}

/// (epoch, loss) from the start to the current epoch, the x and y of the
/// loss curve. Overflowed losses are left out.
fn loss_points_of(timeline: &[Record]) -> Vec<(u64, f64)> {
    timeline
        .iter()
        .filter(|record| record.loss.is_finite())
        .map(|record| (record.epoch, record.loss))
        .collect()
}
