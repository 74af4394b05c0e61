//! `rnn-lab surface`: the loss (and gradient) over a grid, as one JSON object.
//!
//! Rows are w_rec values and columns w_x values, as the core computes them.
//! The grid is written row by row straight to stdout, never built as a JSON
//! value, so a 4096² grid costs only the core's own arrays.

use std::io::{self, BufWriter, Write};

use rnn_playground::rnn::{DataConfig, Dataset, Surface, surface};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::args::SurfaceArgs;
use crate::error::CliError;

pub fn run(args: &SurfaceArgs) -> Result<(), CliError> {
    let (data, _) = Dataset::generate(DataConfig {
        seed: args.data.seed,
        samples: args.data.samples,
        len: args.data.len,
    })
    .map_err(CliError::core)?;
    let grid = surface::compute(
        &data,
        surface::Grid::new(args.wx, args.wrec, args.data.loss).with_grad(args.grad),
    )
    .map_err(CliError::core)?;
    let mut out = BufWriter::new(io::stdout().lock());
    serde_json::to_writer(&mut out, &SurfaceJson(&grid)).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// `{"w_x", "w_rec", "loss", ["grad_w_x", "grad_w_rec"]}`; grids are arrays of rows.
struct SurfaceJson<'a>(&'a Surface);

impl Serialize for SurfaceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.0;
        let cols = s.cols();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("w_x", &s.w_x)?;
        map.serialize_entry("w_rec", &s.w_rec)?;
        map.serialize_entry(
            "loss",
            &Grid {
                cells: &s.loss,
                cols,
            },
        )?;
        if let Some((grad_w_x, grad_w_rec)) = &s.grad {
            map.serialize_entry(
                "grad_w_x",
                &Grid {
                    cells: grad_w_x,
                    cols,
                },
            )?;
            map.serialize_entry(
                "grad_w_rec",
                &Grid {
                    cells: grad_w_rec,
                    cols,
                },
            )?;
        }
        map.end()
    }
}

/// Row-major cells as rows; non-finite cells (the core's overflow flags) are null.
struct Grid<'a> {
    cells: &'a [f64],
    cols: usize,
}

impl Serialize for Grid<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // An axis has at least one point; max(1) only keeps chunks() from panicking.
        serializer.collect_seq(self.cells.chunks(self.cols.max(1)).map(Row))
    }
}

struct Row<'a>(&'a [f64]);

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(|&v| v.is_finite().then_some(v)))
    }
}
