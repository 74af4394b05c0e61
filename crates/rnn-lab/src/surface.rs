//! `rnn-lab surface`: the loss (and gradient) over a grid, as one JSON object.
//!
//! Rows are values of the cell's second parameter (w_rec) and columns of its first (w_x), as
//! the core computes them; the JSON names them as the cell does.
//! The grid is written row by row straight to stdout, never built as a JSON
//! value, so a 4096² grid costs only the core's own arrays.

use std::io::{self, BufWriter, Write};

use rnn_playground::rnn::{CellKind, Dataset, Surface, surface};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use crate::args::SurfaceArgs;
use crate::error::CliError;
use crate::train::{check_work, data_config};

pub fn run(args: &SurfaceArgs) -> Result<(), CliError> {
    let model = args.data.model;
    model.check(args.data.task, None).map_err(CliError::core)?;
    if model != CellKind::Linear {
        // Without the linear cell's closed form, every grid cell is a forward pass.
        check_work(&args.data, (args.wx.n * args.wrec.n) as u64, 1)?;
    }
    let (data, _) = Dataset::generate_for(data_config(&args.data), args.data.task, 2)
        .map_err(CliError::core)?;
    let grid = surface::compute_for(
        model,
        &data,
        surface::Grid::new(args.wx, args.wrec, args.data.loss).with_grad(args.grad),
    )
    .map_err(CliError::core)?;
    let mut out = BufWriter::new(io::stdout().lock());
    let json = SurfaceJson {
        surface: &grid,
        names: model.names(),
    };
    serde_json::to_writer(&mut out, &json).map_err(io::Error::from)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// `{X, Y, "loss", ["grad_X", "grad_Y"]}` with X and Y the cell's first two parameters
/// (`w_x`, `w_rec` for the linear cell); grids are arrays of rows.
struct SurfaceJson<'a> {
    surface: &'a Surface,
    names: &'static [&'static str],
}

impl Serialize for SurfaceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let s = self.surface;
        let (x, y) = (self.names[0], self.names[1]);
        let cols = s.cols();
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry(x, &s.w_x)?;
        map.serialize_entry(y, &s.w_rec)?;
        map.serialize_entry(
            "loss",
            &Grid {
                cells: &s.loss,
                cols,
            },
        )?;
        if let Some((grad_w_x, grad_w_rec)) = &s.grad {
            map.serialize_entry(
                &format!("grad_{x}"),
                &Grid {
                    cells: grad_w_x,
                    cols,
                },
            )?;
            map.serialize_entry(
                &format!("grad_{y}"),
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
