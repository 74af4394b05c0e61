//! Benchmark mode (`?bench=1`): train at full speed for a fixed number of
//! frames and sum up the per-frame work; [`super::observer`] collects the
//! frames and shows the summary as JSON in `#bench-result`.

use serde::Serialize;

use super::clock::now_ms;
use crate::params::View;
use crate::rnn::{
    DataConfig, Dataset, Grid, OptimizerKind, OptimizerSettings, Reduction, Trainer, TrainerConfig,
    surface,
};
use crate::ui::controller::settings::SURFACE_POINTS;

/// Frames measured in one benchmark (about 5 s at 60 frames per second).
pub const BENCH_FRAMES: usize = 300;

/// Whether the page's URL asks for the benchmark (`bench=1`).
pub fn requested() -> bool {
    let query = web_sys::window()
        .and_then(|window| window.location().search().ok())
        .unwrap_or_default();
    let query = query.strip_prefix('?').unwrap_or(&query);
    form_urlencoded::parse(query.as_bytes()).any(|(key, value)| key == "bench" && value == "1")
}

/// Timings collected frame by frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BenchRecorder {
    /// Training + signal updates + the redraws they trigger, per frame.
    frame_ms: Vec<f64>,
    /// Training alone, per frame.
    train_ms: Vec<f64>,
    epochs: Vec<u64>,
}

/// What `#bench-result` holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchSummary {
    pub count: usize,
    pub median_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    pub train_median_ms: f64,
    pub train_p95_ms: f64,
    pub epochs_per_frame: f64,
    /// The first surface of the page (cold: the wasm is not optimised yet).
    pub surface_first_ms: Option<f64>,
    /// The same 256² surface recomputed after the run (warm).
    pub surface_ms: f64,
    /// A 256² surface of 1000 sequences of length 100 (warm).
    pub surface_1000x100_ms: f64,
    /// One epoch of the seed's RMSProp run at 20×10, in microseconds: the run the native
    /// benchmark times (`cargo bench -p rnn-core --bench core -- epoch`), for the ratio.
    pub epoch_us: f64,
    pub samples: usize,
    pub len: usize,
}

/// Milliseconds to compute the 256² surface of `data` over the default view.
pub fn time_surface(data: &Dataset, reduction: Reduction) -> f64 {
    let (w_x, w_rec) = View::DEFAULT.axes(SURFACE_POINTS, SURFACE_POINTS);
    let start = now_ms();
    let computed = surface::compute(data, Grid::new(w_x, w_rec, reduction));
    let elapsed = now_ms() - start;
    if computed.is_ok() { elapsed } else { f64::NAN }
}

/// Milliseconds for the 256² surface of 1000 × 100 data (the largest data a class is likely to try).
pub fn time_large_surface() -> f64 {
    let config = DataConfig {
        seed: 1,
        samples: 1000,
        len: 100,
    };
    Dataset::generate(config).map_or(f64::NAN, |(data, _)| time_surface(&data, Reduction::Sum))
}

/// Epochs timed in one go: about 10 ms in the browser, far above the clock's resolution.
const TIMED_EPOCHS: u64 = 20_000;

/// Microseconds per epoch of the seed's RMSProp run at 20×10, timed after a warm-up.
pub fn time_epoch_us() -> f64 {
    let config = TrainerConfig::seed(OptimizerSettings::defaults(OptimizerKind::RmspropSeed));
    let Ok(mut trainer) = Trainer::new(config) else {
        return f64::NAN;
    };
    trainer.run(1000);
    let start = now_ms();
    let done = trainer.run(TIMED_EPOCHS);
    (now_ms() - start) * 1000.0 / done.max(1) as f64
}

impl BenchRecorder {
    pub fn record(&mut self, frame_ms: f64, train_ms: f64, epochs: u64) {
        self.frame_ms.push(frame_ms);
        self.train_ms.push(train_ms);
        self.epochs.push(epochs);
    }

    pub fn is_complete(&self) -> bool {
        self.frame_ms.len() >= BENCH_FRAMES
    }

    /// The summary, timing the surfaces now (after the run, so the code is warm).
    pub fn summary(
        &self,
        data: &Dataset,
        reduction: Reduction,
        surface_first_ms: Option<f64>,
    ) -> BenchSummary {
        let epochs: u64 = self.epochs.iter().sum();
        BenchSummary {
            count: self.frame_ms.len(),
            median_ms: quantile(&self.frame_ms, 0.5),
            p95_ms: quantile(&self.frame_ms, 0.95),
            max_ms: quantile(&self.frame_ms, 1.0),
            train_median_ms: quantile(&self.train_ms, 0.5),
            train_p95_ms: quantile(&self.train_ms, 0.95),
            epochs_per_frame: epochs as f64 / self.epochs.len().max(1) as f64,
            surface_first_ms,
            surface_ms: time_surface(data, reduction),
            surface_1000x100_ms: time_large_surface(),
            epoch_us: time_epoch_us(),
            samples: data.samples(),
            len: data.len(),
        }
    }
}

/// The `q`-quantile by the nearest-rank method; 0 for no values.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    if sorted.is_empty() {
        return 0.0;
    }
    sorted.sort_unstable_by(f64::total_cmp);
    let rank = (q.clamp(0.0, 1.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}
