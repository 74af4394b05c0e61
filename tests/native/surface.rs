//! The fast loss surface against the naive per-cell oracle.

use proptest::prelude::*;
use rnn_playground::rnn::surface::{self, Axis, Grid, Surface};
use rnn_playground::rnn::{DataConfig, Dataset, Reduction};

fn close(fast: f64, naive: f64, scale: f64) -> bool {
    (fast.is_nan() && naive.is_nan()) || fast == naive || (fast - naive).abs() <= 1e-10 * scale
}

/// Data settings of up to `samples` sequences of up to `len` steps, with any seed.
fn data_config(samples: usize, len: usize) -> impl Strategy<Value = DataConfig> {
    (any::<u32>(), 1..=samples, 1..=len).prop_map(|(seed, samples, len)| DataConfig {
        seed,
        samples,
        len,
    })
}

/// The fast surface and the naive oracle over the same grid, on the data `config` generates.
fn fast_and_naive(config: DataConfig, grid: Grid) -> (Surface, Surface) {
    let (data, _) = Dataset::generate(config).unwrap();
    let fast = surface::compute(&data, grid).unwrap();
    let naive = surface::compute_naive(&data, grid).unwrap();
    (fast, naive)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn fast_surface_equals_naive(
        data in data_config(12, 25),
        mean in any::<bool>(),
        x0 in -4.0f64..4.0, x_span in 1e-3f64..6.0,
        y0 in -1.6f64..1.6, y_span in 1e-3f64..3.0,
        cols in 1usize..=12, rows in 1usize..=12,
    ) {
        let red = if mean { Reduction::Mean } else { Reduction::Sum };
        let axis = |lo: f64, span: f64, n: usize| Axis::new(lo, if n == 1 { lo } else { lo + span }, n);
        let (ax, ay) = (axis(x0, x_span, cols), axis(y0, y_span, rows));
        let (fast, naive) = fast_and_naive(data, Grid::new(ax, ay, red).with_grad(true));
        prop_assert_eq!(&fast.w_x, &naive.w_x);
        let (fgx, fgr) = fast.grad.clone().unwrap();
        let (ngx, ngr) = naive.grad.clone().unwrap();
        for cell in 0..fast.loss.len() {
            prop_assert!(close(fast.loss[cell], naive.loss[cell], naive.loss[cell].abs()),
                "loss cell {}: {} vs {}", cell, fast.loss[cell], naive.loss[cell]);
            // Gradients can cancel to ~0; compare relative to the terms' size, √(L·A)-like.
            let w_x = fast.w_x[cell % fast.cols()];
            let scale = naive.loss[cell].abs() + ngx[cell].abs() + ngr[cell].abs() + w_x.abs();
            prop_assert!(close(fgx[cell], ngx[cell], scale), "gx cell {}: {} vs {}", cell, fgx[cell], ngx[cell]);
            prop_assert!(close(fgr[cell], ngr[cell], scale), "gr cell {}: {} vs {}", cell, fgr[cell], ngr[cell]);
        }
    }

    #[test]
    fn any_finite_ranges_give_finite_or_flagged_cells(
        x in prop::array::uniform2(-1e300f64..1e300),
        y in prop::array::uniform2(-1e300f64..1e300),
        n in 2usize..=8,
        len in 1usize..=200,
    ) {
        let (data, _) = Dataset::generate(DataConfig { seed: 7, samples: 3, len }).unwrap();
        let (ax, ay) = (Axis::new(x[0].min(x[1]), x[0].max(x[1]), n), Axis::new(y[0].min(y[1]), y[0].max(y[1]), n));
        match surface::compute(&data, Grid::new(ax, ay, Reduction::Sum).with_grad(true)) {
            Ok(s) => {
                prop_assert!(s.loss.iter().all(|v| v.is_finite() || *v == f64::INFINITY));
                prop_assert_eq!(s.overflowed, s.loss.iter().filter(|v| !v.is_finite()).count());
            }
            Err(e) => prop_assert!(ax.min == ax.max || ay.min == ay.max, "unexpected error {:?}", e),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Longer sequences and rows beyond |w_rec| = 1, where the polynomials are
    /// evaluated in 1/w_rec: equal to the model wherever the model is finite.
    #[test]
    fn fast_surface_equals_naive_beyond_the_unit_circle(
        data in data_config(40, 60),
        x0 in -4.0f64..4.0, x_span in 1e-3f64..8.0,
        y0 in -3.0f64..3.0, y_span in 1e-3f64..6.0,
    ) {
        let (ax, ay) = (Axis::new(x0, x0 + x_span, 9), Axis::new(y0, y0 + y_span, 9));
        let (fast, naive) = fast_and_naive(data, Grid::new(ax, ay, Reduction::Sum));
        for cell in 0..fast.loss.len() {
            prop_assert!(close(fast.loss[cell], naive.loss[cell], naive.loss[cell].abs()),
                "loss cell {}: {} vs {}", cell, fast.loss[cell], naive.loss[cell]);
        }
    }
}

/// A row's cost does not grow with the number of sequences: the biggest data
/// set over a wide view, rows that overflow included.
#[test]
fn big_data_wide_view_is_fast_and_agrees_with_the_model() {
    let (data, _) = Dataset::generate(DataConfig {
        seed: 3,
        samples: 1000,
        len: 200,
    })
    .unwrap();
    let (ax, ay) = (Axis::new(-10.0, 10.0, 256), Axis::new(-10.0, 10.0, 256));
    let start = std::time::Instant::now();
    let fast = surface::compute(&data, Grid::new(ax, ay, Reduction::Sum).with_grad(true)).unwrap();
    let elapsed = start.elapsed();
    assert!(elapsed.as_secs_f64() < 2.0, "{elapsed:?}");
    assert!(fast.overflowed > 0 && fast.overflowed < fast.loss.len());
    // Spot-check cells across the grid against the model itself.
    let mut bptt = rnn_playground::rnn::model::Bptt::default();
    for (row, col) in [
        (0, 0),
        (100, 17),
        (127, 128),
        (128, 200),
        (140, 255),
        (255, 3),
    ] {
        let w = rnn_playground::rnn::Weights {
            w_x: fast.w_x[col],
            w_rec: fast.w_rec[row],
        };
        let (loss, _) = bptt.loss_and_gradient(&data, w, Reduction::Sum);
        let got = fast.loss[row * fast.cols() + col];
        if loss.is_finite() {
            assert!(
                close(got, loss, loss.abs()),
                "({row}, {col}): {got} vs {loss}"
            );
        } else {
            assert_eq!(got, f64::INFINITY, "({row}, {col})");
        }
    }
}

#[test]
fn polynomials_built_in_chunks_equal_those_built_at_once() {
    let (data, _) = Dataset::generate(DataConfig {
        seed: 5,
        samples: 37,
        len: 12,
    })
    .unwrap();
    let mut chunked = surface::LossPolynomials::empty(&data);
    let mut steps = 0;
    while !chunked.is_complete() {
        assert!(chunked.add_samples(&data, 5) > 0);
        steps += 1;
    }
    assert_eq!(steps, 8);
    assert_eq!(chunked, surface::LossPolynomials::new(&data));
    let axis = Axis::new(-2.0, 2.0, 5);
    let other = Dataset::generate(DataConfig::default()).unwrap().0;
    assert!(
        surface::compute_from(&chunked, &other, Grid::new(axis, axis, Reduction::Sum)).is_err(),
        "polynomials of another data set are refused"
    );
}

#[test]
fn seed_surface_has_its_zero_at_the_optimum() {
    let (data, _) = Dataset::generate(DataConfig::default()).unwrap();
    let axis = Axis::new(-3.0, 3.0, 7);
    let s = surface::compute(&data, Grid::new(axis, axis, Reduction::Sum)).unwrap();
    // Row 4 is w_rec = 1, column 4 is w_x = 1; column 3 is w_x = 0, where L = Σt² = 567.
    assert!(s.loss_at(4, 4).unwrap() < 1e-10, "{:?}", s.loss_at(4, 4));
    assert!((0..7).all(|r| (s.loss_at(r, 3).unwrap() - 567.0).abs() < 1e-10));
}

#[test]
fn bad_axes_are_errors() {
    let (data, _) = Dataset::generate(DataConfig::default()).unwrap();
    let ok = Axis::new(-1.0, 1.0, 5);
    for bad in [
        Axis::new(3.0, 1.0, 5),
        Axis::new(1.0, 1.0, 5),
        Axis::new(f64::NAN, 1.0, 5),
        Axis::new(0.0, 1.0, 0),
        Axis::new(0.0, 1.0, 5000),
    ] {
        assert!(
            surface::compute(&data, Grid::new(bad, ok, Reduction::Sum)).is_err(),
            "{bad:?}"
        );
        assert!(
            surface::compute(&data, Grid::new(ok, bad, Reduction::Sum)).is_err(),
            "{bad:?}"
        );
    }
}

/// A grid computed in bands of rows and joined is the grid computed at once,
/// bit for bit (the page spreads it over animation frames).
#[test]
fn rows_computed_in_bands_join_to_the_whole_grid() {
    let (data, _) = Dataset::generate(DataConfig {
        seed: 11,
        samples: 40,
        len: 30,
    })
    .unwrap();
    let polys = surface::LossPolynomials::new(&data);
    let (ax, ay) = (Axis::new(-3.0, 3.0, 17), Axis::new(-2.5, 1.5, 23));
    for with_grad in [false, true] {
        let whole = surface::compute_from(
            &polys,
            &data,
            Grid::new(ax, ay, Reduction::Mean).with_grad(with_grad),
        )
        .unwrap();
        let band = |rows| {
            surface::compute_rows_from(
                &polys,
                &data,
                Grid::new(ax, ay, Reduction::Mean).with_grad(with_grad),
                rows,
            )
            .unwrap()
        };
        let mut joined = band(0..5);
        for start in (5..23).step_by(5) {
            joined.append_rows(band(start..start + 5));
        }
        assert_eq!(joined, whole);
        assert_eq!(band(20..40).rows(), 3, "bands are clipped to the axis");
    }
}

/// Every cell's map, one grid cell at a time, against the cell's own loss at that point; and
/// the linear cell's closed form on the latch task against the cell run in every grid cell.
#[test]
fn a_cells_map_is_its_loss_at_every_grid_point_on_either_task() {
    use rnn_playground::rnn::{CellKind, Named, Params, Task, Weights};
    let grid = Grid::new(
        Axis::new(-2.0, 3.0, 7),
        Axis::new(-1.5, 2.5, 5),
        Reduction::Sum,
    );
    for task in [Task::Count, Task::Latch] {
        let config = DataConfig {
            len: 12,
            ..DataConfig::default()
        };
        let (data, _) = Dataset::generate_for(config, task, 2).unwrap();
        for kind in CellKind::all().into_iter().filter(|k| k.takes(task)) {
            let mut cells = surface::CellSurface::new(kind, grid).unwrap();
            // In slices of 3 grid cells, as the page fills it in across frames.
            let mut slices = 0;
            while !cells.advance(&data, 3) {
                slices += 1;
            }
            assert_eq!(slices, 35 / 3, "{kind:?}");
            let map = cells.finish();
            for (row, &w_rec) in map.w_rec.iter().enumerate() {
                for (col, &w_x) in map.w_x.iter().enumerate() {
                    let expected =
                        kind.loss(&data, &Params::from(Weights { w_x, w_rec }), Reduction::Sum);
                    assert_eq!(map.loss_at(row, col), Some(expected), "{kind:?} {task:?}");
                }
            }
            let whole = surface::compute_for(kind, &data, grid).unwrap();
            if kind == CellKind::Linear {
                let naive = surface::compute_naive(&data, grid).unwrap();
                for (fast, slow) in whole.loss.iter().zip(&naive.loss) {
                    assert!(
                        close(*fast, *slow, 1.0 + slow.abs()),
                        "{task:?}: {fast} vs {slow}"
                    );
                }
            } else {
                assert_eq!(whole.loss, map.loss, "{kind:?}");
            }
        }
    }
}

/// A cell without a closed form gets a coarser map on large data, never a frozen page.
#[test]
fn a_cells_map_is_coarser_only_on_large_data() {
    let small = Dataset::generate(DataConfig::default()).unwrap().0;
    assert_eq!(surface::cell_points(&small, 256), 256);
    let large = Dataset::generate(DataConfig {
        seed: 1,
        samples: 1000,
        len: 200,
    })
    .unwrap()
    .0;
    let points = surface::cell_points(&large, 256);
    assert!((16..256).contains(&points), "{points}");
    let work = (points * points * 1000 * 200) as u64;
    assert!(work <= surface::CELL_SURFACE_WORK, "{work}");
}
