//! The command line: subcommands and their flags.
//!
//! Every value goes through a function of [`parse`], so a bad value gives one
//! line naming the flag. Numeric flags take values that start with `-`, so
//! `--init -1.5,2` works as well as `--init=-1.5,2`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use rnn_playground::params::RacerSpec;
use rnn_playground::rnn::{Axis, CellKind, OptimizerKind, Precision, Reduction, Task, Weights};

use crate::hyper_flags::HyperFlags;
use crate::parse;

/// The help of a flag that is also a URL setting: the settings table's description.
fn setting(url_key: &str) -> &'static str {
    rnn_playground::params::find(url_key).map_or("", |param| param.description)
}

#[derive(Debug, Parser)]
#[command(
    name = "rnn-lab",
    version,
    about = "The 2016 post's RNN and its kin from the command line: train them, race them, or map their loss surface."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Train and print the loss every K epochs (the 2016 post's table, or JSON).
    Train(TrainArgs),
    /// Print the loss (and gradient) over a grid of (w_x, w_rec) as JSON.
    Surface(SurfaceArgs),
    /// Race up to six update rules from the same start on the same data.
    Race(RaceArgs),
}

/// The cell, the data set and the loss: shared by every command.
#[derive(Debug, Args)]
pub struct DataArgs {
    #[arg(long, value_name = "NAME", default_value = "linear", value_parser = parse::named::<CellKind>,
          help = setting("model"))]
    pub model: CellKind,
    #[arg(long, value_name = "NAME", default_value = "count", value_parser = parse::named::<Task>,
          help = setting("task"))]
    pub task: Task,
    #[arg(long, value_name = "N", default_value = "1", allow_hyphen_values = true,
          value_parser = parse::seed, help = setting("seed"))]
    pub seed: u32,
    #[arg(long, value_name = "N", default_value = "20", allow_hyphen_values = true,
          value_parser = parse::samples, help = setting("n"))]
    pub samples: usize,
    #[arg(long, value_name = "N", default_value = "10", allow_hyphen_values = true,
          value_parser = parse::len, help = setting("len"))]
    pub len: usize,
    #[arg(long, value_name = "sum|mean", default_value = "sum", value_parser = parse::reduction,
          help = setting("loss"))]
    pub loss: Reduction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TrainFormat {
    /// The 2016 post's printout
    Table,
    /// One JSON object with every record
    Json,
    /// A self-contained numpy script that reproduces the run and prints the table
    Python,
}

/// The start and the clip norm: shared by `train` and `race`.
#[derive(Debug, Args)]
pub struct StartArgs {
    #[arg(long, value_name = "C", allow_hyphen_values = true, value_parser = parse::clip,
          help = setting("clip"))]
    pub clip: Option<f64>,
    /// The start, the cell's two parameters in its order (linear and tanh: w_x,w_rec; cliff:
    /// w,b) [default: drawn after the data, as the 2016 post does; the cliff's is 5,-2.2]
    #[arg(long, value_name = "A,B", allow_hyphen_values = true, value_parser = parse::init)]
    pub init: Option<Weights>,
    /// Number of updates
    #[arg(long, value_name = "N", default_value = "2001", allow_hyphen_values = true,
          value_parser = parse::epochs)]
    pub epochs: u64,
    /// Report every K-th epoch
    #[arg(long, value_name = "K", default_value = "100", allow_hyphen_values = true,
          value_parser = parse::every)]
    pub every: u64,
}

#[derive(Debug, Args)]
pub struct TrainArgs {
    #[command(flatten)]
    pub data: DataArgs,
    #[arg(long, value_name = "NAME", default_value = "gd", value_parser = parse::optimizer,
          help = setting("opt"))]
    pub optimizer: OptimizerKind,
    #[command(flatten)]
    pub hypers: HyperFlags,
    #[command(flatten)]
    pub start: StartArgs,
    /// Stop once an epoch's loss is at or below this
    #[arg(long, value_name = "X", allow_hyphen_values = true, value_parser = parse::tolerance)]
    pub tolerance: Option<f64>,
    /// Arithmetic: f64, or theano-f32 (float32 as Theano 1.0.5 compiles the 2016 post's graph, which
    /// prints the 2016 post's tables digit for digit; gd and rmsprop-seed, summed loss, no clip)
    #[arg(long, value_name = "f64|theano-f32", default_value = "f64",
          value_parser = parse::precision)]
    pub precision: Precision,
    /// Output format
    #[arg(long, value_enum, default_value_t = TrainFormat::Table)]
    pub format: TrainFormat,
}

#[derive(Debug, Args)]
pub struct RaceArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// A racer: an update rule and the URL keys it reads, e.g. `adam:lr=0.05,b1=0.8` or
    /// `gd:clip=1000` (its own clip norm; `clip=off` for none). Give one to six.
    #[arg(long = "racer", value_name = "OPT[:KEY=VALUE,...]", required = true,
          value_parser = parse::racer)]
    pub racers: Vec<RacerSpec>,
    #[command(flatten)]
    pub start: StartArgs,
    /// Tune each racer's learning rate (Rprop: Δ0) on a log grid from 1e-6 to 1 with the
    /// race's epoch budget before the race
    #[arg(long)]
    pub tune: bool,
    /// The finishing loss [default: 1% of the baseline loss, the loss of predicting 0]
    #[arg(long, value_name = "X", allow_hyphen_values = true, value_parser = parse::target)]
    pub target: Option<f64>,
    /// Output format
    #[arg(long, value_enum, default_value_t = TrainFormat::Table)]
    pub format: TrainFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SurfaceFormat {
    /// One JSON object with the grid
    Json,
}

#[derive(Debug, Args)]
pub struct SurfaceArgs {
    #[command(flatten)]
    pub data: DataArgs,
    /// Columns: w_x from MIN to MAX in N points
    #[arg(long, value_name = "MIN:MAX:N", default_value = "-3:3:101", allow_hyphen_values = true,
          value_parser = parse::axis)]
    pub wx: Axis,
    /// Rows: w_rec from MIN to MAX in N points
    #[arg(long, value_name = "MIN:MAX:N", default_value = "-3:3:101", allow_hyphen_values = true,
          value_parser = parse::axis)]
    pub wrec: Axis,
    /// Also print dL/dw_x and dL/dw_rec per cell
    #[arg(long)]
    pub grad: bool,
    /// Output format
    #[arg(long, value_enum, default_value_t = SurfaceFormat::Json)]
    pub format: SurfaceFormat,
}
