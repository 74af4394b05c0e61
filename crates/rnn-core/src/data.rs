//! Training data: 0/1 sequences drawn exactly as numpy's legacy generator does.
//!
//! The seed and Roelants both run
//! `np.random.seed(seed); X[r, :] = np.around(np.random.rand(seq_len))` per
//! row, then draw the initial weights with `np.random.uniform(-.1, .1)` twice,
//! all from numpy's legacy MT19937 stream. Reproducing that stream bit for bit
//! lets a teacher cross-check any seed in a notebook.

use rand_mt::Mt;
use serde::{Deserialize, Serialize};

use super::error::{CoreError, InvalidReason};
use super::limits::Limits;
use super::model::Weights;
use super::params::{MAX_PARAMS, Params};
use super::task::Task;

/// Allowed number of sequences.
pub const SAMPLES_RANGE: Limits<usize> = Limits::new(1, 1000);
/// Allowed sequence length.
pub const LEN_RANGE: Limits<usize> = Limits::new(1, 200);

/// What to draw: numpy seed, number of sequences, sequence length. A saved
/// file that lacks a field takes the seed's value for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DataConfig {
    pub seed: u32,
    pub samples: usize,
    pub len: usize,
}

impl Default for DataConfig {
    /// The seed's data set: `np.random.seed(1)`, 20 sequences of length 10.
    fn default() -> Self {
        DataConfig {
            seed: 1,
            samples: 20,
            len: 10,
        }
    }
}

impl DataConfig {
    /// Checks the ranges: samples 1..=1000, length 1..=200, any u32 seed.
    pub fn validate(&self) -> Result<(), CoreError> {
        SAMPLES_RANGE.check("samples", self.samples)?;
        LEN_RANGE.check("len", self.len)
    }
}

/// numpy's legacy `RandomState` over MT19937, for the two draws we need.
pub struct NumpyRandom(Mt);

impl NumpyRandom {
    /// `np.random.seed(seed)`: MT19937 `init_genrand(seed)`.
    pub fn new(seed: u32) -> Self {
        NumpyRandom(Mt::new(seed))
    }

    /// `np.random.rand()`: 53 random bits from two 32-bit outputs
    /// (numpy's `random_standard_uniform`, i.e. `genrand_res53`).
    pub fn rand(&mut self) -> f64 {
        let a = self.0.next_u32() >> 5;
        let b = self.0.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) / 9_007_199_254_740_992.0
    }

    /// `np.random.uniform(lo, hi) = lo + (hi - lo) * rand()`.
    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.rand()
    }
}

/// Sequences `x` (row-major, `samples × len`) and their targets `t_i`; for the seed's count
/// task the values are 0.0 or 1.0 and `t_i` is the number of ones in row i.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub config: DataConfig,
    pub x: Vec<f64>,
    pub targets: Vec<f64>,
    /// The same values time-major (`x_time_major[k * samples + i]`), so the
    /// model's loops run across samples with unit stride and vectorise.
    #[serde(skip)]
    x_time_major: Vec<f64>,
}

impl Dataset {
    /// Draws the data set, then the seed's initial weights from the same stream.
    pub fn generate(config: DataConfig) -> Result<(Dataset, Weights), CoreError> {
        let (data, init) = Dataset::generate_for(config, Task::Count, 2)?;
        let init = Weights {
            w_x: init[0],
            w_rec: init[1],
        };
        Ok((data, init))
    }

    /// Draws the rows as the seed does, makes them the task's inputs and targets, then draws
    /// `params` initial values from the same stream, each `uniform(-0.1, 0.1)` as the seed
    /// draws its two weights.
    pub fn generate_for(
        config: DataConfig,
        task: Task,
        params: usize,
    ) -> Result<(Dataset, Params), CoreError> {
        config.validate()?;
        let mut rng = NumpyRandom::new(config.seed);
        let mut x = Vec::with_capacity(config.samples * config.len);
        for _ in 0..config.samples * config.len {
            // np.around rounds half to even; rand() < 1, so only 0.5 is a tie.
            x.push(rng.rand().round_ties_even());
        }
        let targets = x
            .chunks_mut(config.len)
            .map(|row| task.prepare(row))
            .collect();
        let mut init = Params::zeros(params.min(MAX_PARAMS));
        for value in init.iter_mut() {
            *value = rng.uniform(-0.1, 0.1);
        }
        Ok((Dataset::with_targets(config, x, targets), init))
    }

    /// Builds a data set from given rows (all of one length), e.g. a test sequence.
    pub fn from_rows(rows: &[Vec<f64>]) -> Result<Dataset, CoreError> {
        let len = rows.first().map_or(0, Vec::len);
        let config = DataConfig {
            seed: 0,
            samples: rows.len(),
            len,
        };
        config.validate()?;
        if rows.iter().any(|r| r.len() != len) {
            return Err(CoreError::Invalid {
                name: "rows",
                reason: InvalidReason::RaggedRows,
            });
        }
        let x: Vec<f64> = rows.concat();
        if x.iter().any(|v| !v.is_finite()) {
            return Err(CoreError::Invalid {
                name: "rows",
                reason: InvalidReason::NotFinite,
            });
        }
        Ok(Dataset::new(config, x))
    }

    fn new(config: DataConfig, x: Vec<f64>) -> Dataset {
        let targets = x.chunks(config.len).map(|row| row.iter().sum()).collect();
        Dataset::with_targets(config, x, targets)
    }

    fn with_targets(config: DataConfig, x: Vec<f64>, targets: Vec<f64>) -> Dataset {
        let (samples, len) = (config.samples, config.len);
        let x_time_major = (0..len * samples)
            .map(|j| x[(j % samples) * len + j / samples])
            .collect();
        Dataset {
            config,
            x,
            targets,
            x_time_major,
        }
    }

    /// Step k (0-based) of every sequence: `[x_{0,k}, x_{1,k}, …]`.
    pub fn step(&self, k: usize) -> &[f64] {
        let samples = self.config.samples;
        &self.x_time_major[k * samples..(k + 1) * samples]
    }

    pub fn samples(&self) -> usize {
        self.config.samples
    }

    pub fn len(&self) -> usize {
        self.config.len
    }

    /// Always false: a data set has at least one sample of length ≥ 1.
    pub fn is_empty(&self) -> bool {
        self.x.is_empty()
    }

    /// Sequence `i` as a slice of 0.0/1.0.
    pub fn row(&self, i: usize) -> &[f64] {
        &self.x[i * self.config.len..(i + 1) * self.config.len]
    }
}
