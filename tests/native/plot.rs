//! The heat map's pixels and geometry on a real loss surface of the seed's data.

use rnn_playground::plot::{
    LogColourScale, PlotGeometry, Rect, View, nearest_cell, surface_rgba, viridis,
};
use rnn_playground::rnn::surface::{self, Grid};
use rnn_playground::rnn::{DataConfig, Dataset, Reduction, Surface, Weights};

const CELLS: usize = 256;

fn seed_surface(view: View, len: usize) -> Surface {
    let config = DataConfig {
        len,
        ..DataConfig::default()
    };
    let (data, _) = Dataset::generate(config).expect("the seed's data");
    let (w_x, w_rec) = view.axes(CELLS, CELLS);
    surface::compute(&data, Grid::new(w_x, w_rec, Reduction::Sum)).expect("a valid grid")
}

/// Sum of R, G and B of image pixel (row, col).
fn brightness(image: &[u8], row: usize, col: usize) -> u32 {
    let i = (row * CELLS + col) * 4;
    image[i..i + 3].iter().map(|&c| u32::from(c)).sum()
}

#[test]
fn the_optimum_is_the_darkest_region_and_high_w_rec_is_bright_at_the_top() {
    let s = seed_surface(View::DEFAULT, 10);
    let image = surface_rgba(&s, &LogColourScale::from_surface(&s));
    assert_eq!(image.len(), CELLS * CELLS * 4);

    // The image's darkest pixel sits at (1, 1): column of w_x = 1, row of w_rec = 1
    // counted from the TOP (w_rec = 3 is row 0).
    let darkest = (0..CELLS * CELLS)
        .min_by_key(|&i| brightness(&image, i / CELLS, i % CELLS))
        .unwrap_or(0);
    let (row, col) = (darkest / CELLS, darkest % CELLS);
    let cell = 6.0 / (CELLS - 1) as f64;
    let w_x = -3.0 + col as f64 * cell;
    let w_rec = 3.0 - row as f64 * cell;
    assert!(
        (w_x - 1.0).abs() < 0.1 && (w_rec - 1.0).abs() < 0.1,
        "darkest at ({w_x}, {w_rec})"
    );

    // Along w_x = 1 the loss explodes for w_rec → 3 (top) and stays moderate at w_rec → -3
    // (sum of alternating powers): the top row is the brighter end.
    let col_one = ((1.0 + 3.0) / cell).round() as usize;
    assert!(brightness(&image, 0, col_one) > brightness(&image, CELLS - 1, col_one));
    // The largest loss is at w_rec = 3 (a corner): the brightest pixel is in row 0.
    let brightest = (0..CELLS * CELLS)
        .max_by_key(|&i| brightness(&image, i / CELLS, i % CELLS))
        .unwrap_or(usize::MAX);
    assert_eq!(brightest / CELLS, 0);
    let [r, g, b] = viridis(1.0);
    let i = brightest * 4;
    assert_eq!(&image[i..i + 3], &[r, g, b]);
}

#[test]
fn a_click_maps_to_the_cell_drawn_under_it() {
    let view = View::NEAR_OPTIMUM;
    let s = seed_surface(view, 10);
    let rect = Rect {
        x: 58.0,
        y: 12.0,
        width: 400.0,
        height: 400.0,
    };
    let geometry = PlotGeometry::new(view, rect).expect("usable rect");
    let image = geometry.image_rect(&s).expect("surface has cells");

    for &(px, py) in &[
        (60.0, 14.0),
        (258.3, 212.7),
        (300.5, 100.25),
        (457.0, 411.0),
    ] {
        let w = geometry.to_weights(px, py).expect("inside the plot");
        let (row, col) = nearest_cell(&s, w).expect("inside the surface");
        // The drawn cell under (px, py): image columns left to right, rows top to bottom.
        let drawn_col = ((px - image.x) / image.width * CELLS as f64).floor() as usize;
        let drawn_row = ((py - image.y) / image.height * CELLS as f64).floor() as usize;
        assert_eq!(col, drawn_col.min(CELLS - 1), "column at ({px}, {py})");
        assert_eq!(
            row,
            CELLS - 1 - drawn_row.min(CELLS - 1),
            "row at ({px}, {py})"
        );
        // The cell's grid point is within half a cell of the clicked weights.
        let half_cell = 2.0 / (CELLS - 1) as f64 / 2.0 + 1e-12;
        assert!((s.w_x[col] - w.w_x).abs() <= half_cell);
        assert!((s.w_rec[row] - w.w_rec).abs() <= half_cell);
    }
}

#[test]
fn overflowed_cells_are_grey_and_only_they_are() {
    // len 200: the output holds w_rec^199 and the loss its square, beyond f64 once
    // |w_rec| > 10^(308 / 398) ≈ 6. Those cells are grey; all others are viridis.
    let view = View {
        y_max: 40.0,
        ..View::DEFAULT
    };
    let s = seed_surface(view, 200);
    assert!(s.overflowed > 0, "expected overflow at len 200");
    let image = surface_rgba(&s, &LogColourScale::from_surface(&s));
    let grey = rnn_playground::plot::OVERFLOW_RGB;
    let grey_cells = image.chunks(4).filter(|p| p[..3] == grey).count();
    assert_eq!(grey_cells, s.overflowed);
    let (row, col) = nearest_cell(
        &s,
        Weights {
            w_x: 1.0,
            w_rec: 30.0,
        },
    )
    .expect("in the grid");
    assert_eq!(s.loss_at(row, col), None);
    let (row, col) = nearest_cell(
        &s,
        Weights {
            w_x: 1.0,
            w_rec: 1.0,
        },
    )
    .expect("in the grid");
    assert!(s.loss_at(row, col).is_some());
}

/// The colour range at the biggest data set: the loss reaches 1e190 where
/// |w_rec| > 1 while the band |w_rec| < 1, where training happens, spans 1.2
/// decades. Coloured by rank, the band spans a visible share of the colours, the
/// explosive rows are brighter than all of it, and the valley's cells near
/// w_rec = 1 are darker than all of it.
#[test]
fn the_colour_range_keeps_the_valley_and_the_cliff_visible_at_1000_by_200() {
    let (data, _) = Dataset::generate(DataConfig {
        samples: 1000,
        len: 200,
        ..DataConfig::default()
    })
    .expect("valid data");
    for view in [View::DEFAULT, View::new(-10.0, 10.0, -10.0, 10.0).unwrap()] {
        let (w_x, w_rec) = view.axes(CELLS, CELLS);
        let s =
            surface::compute(&data, Grid::new(w_x, w_rec, Reduction::Sum)).expect("a valid grid");
        let scale = LogColourScale::from_surface(&s);
        let (min, max) = s.finite_range().expect("finite cells");
        assert!(max > 1e100, "{max}");
        assert!(scale.is_ranked() && LogColourScale::ranks(min, max));
        assert_eq!(scale.fraction(min), Some(0.0));
        assert_eq!(scale.fraction(max), Some(1.0));

        let fractions = |inside: &dyn Fn(f64) -> bool| -> Vec<f64> {
            (0..CELLS)
                .filter(|&r| inside(s.w_rec[r]))
                .flat_map(|r| (0..CELLS).map(move |c| (r, c)))
                .filter_map(|(r, c)| s.loss_at(r, c).and_then(|l| scale.fraction(l)))
                .collect()
        };
        let spread = |f: &[f64]| {
            f.iter()
                .fold((1.0f64, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)))
        };
        let (lo, hi) = spread(&fractions(&|w: f64| w.abs() < 0.95));
        // The band is a plateau near loss = Σt² (the output there is far below the targets):
        // linear in log(loss + 1) it would span under 1% of the colours, by rank over 5%.
        assert!(hi - lo > 0.05, "band spans {lo}..{hi}");
        let (cliff_lo, _) = spread(&fractions(&|w: f64| w.abs() > 1.2));
        assert!(cliff_lo > hi, "cliff from {cliff_lo}, band up to {hi}");
        let (valley_lo, _) = spread(&fractions(&|w: f64| (w - 1.0).abs() < 0.03));
        assert!(valley_lo < lo, "valley down to {valley_lo}, band from {lo}");

        // Ticks: increasing, a readable gap apart, within the losses shown.
        let ticks = scale.ticks(8);
        assert!(ticks.len() >= 4, "{ticks:?}");
        for pair in ticks.windows(2) {
            let gap =
                scale.fraction(pair[1].value).unwrap() - scale.fraction(pair[0].value).unwrap();
            assert!(gap >= 1.0 / 8.0 - 1e-12, "{ticks:?}");
        }
        // loss_at inverts fraction.
        for f in [0.0, 0.1, 0.37, 0.5, 0.93, 1.0] {
            let back = scale.fraction(scale.loss_at(f)).unwrap();
            assert!((back - f).abs() < 1e-6, "{f} -> {back}");
        }
    }
}

/// Where the surface spans at most 12 decades (the seed's data),
/// the colours run linearly in log(loss + 1) from its smallest to its largest
/// loss, as before.
#[test]
fn a_surface_within_the_linear_span_keeps_the_linear_scale() {
    let s = seed_surface(View::DEFAULT, 10);
    let scale = LogColourScale::from_surface(&s);
    let (min, max) = s.finite_range().expect("finite cells");
    assert!(!scale.is_ranked());
    assert_eq!(scale, LogColourScale::from_loss_range(min, max));
    // No finite cell, one cell, a flat surface: never ranked, never a panic.
    for losses in [
        vec![],
        vec![f64::INFINITY, f64::NAN],
        vec![5.0],
        vec![0.0; 9],
    ] {
        assert!(!LogColourScale::from_losses(&losses).is_ranked());
    }
    // Many equal cells and a huge span: ranked, monotone, ends at 0 and 1.
    let mut losses = vec![0.0; 500];
    losses.extend((0..100).map(|i| 10f64.powi(i * 3)));
    let scale = LogColourScale::from_losses(&losses);
    assert!(scale.is_ranked());
    let mut previous = 0.0;
    for l in [0.0, 1.0, 1e3, 1e30, 1e150, 1e297] {
        let f = scale.fraction(l).unwrap();
        assert!(f >= previous, "{l}: {f} < {previous}");
        previous = f;
    }
    assert_eq!(scale.fraction(0.0), Some(0.0));
    assert_eq!(scale.fraction(1e297), Some(1.0));
}

#[test]
fn signal_strengths_follow_the_order_of_magnitude_and_mark_overflow() {
    use rnn_playground::plot::signal::strengths;
    // A signal shrinking by 0.1 per step back spreads evenly over 0..=1.
    let s = strengths(&[1e-3, -1e-2, 1e-1, 1.0]);
    let expected = [0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0];
    for (got, want) in s.iter().zip(expected) {
        assert!((got.unwrap() - want).abs() < 1e-12, "{got:?} vs {want}");
    }
    assert_eq!(strengths(&[0.0, 5.0]), vec![Some(0.0), Some(1.0)]);
    assert_eq!(
        strengths(&[f64::INFINITY, f64::NAN, 2.0]),
        vec![None, None, Some(1.0)]
    );
}

/// After a divergence the loss curve keeps the finite history readable: a loss a million times
/// the start's or more (the blow-up) does not set the axis; it is marked at the edge.
#[test]
fn the_loss_axis_ignores_the_blow_up_and_says_it_did() {
    use rnn_playground::plot::loss_axis::{BLOW_UP_FACTOR, loss_span};
    // The exploding scenario: 5.3e6 at the start, 2.2e52 one update later.
    let span = loss_span([5311023.0, 2.2407585453231805e52].into_iter()).unwrap();
    assert_eq!(
        (span.min, span.max, span.clipped),
        (5311023.0, 5311023.0, true)
    );
    // A falling run sets the axis with all its points.
    let span = loss_span([553.1, 529.7, 0.27, 0.0068].into_iter()).unwrap();
    assert_eq!((span.min, span.max, span.clipped), (0.0068, 553.1, false));
    // A slow blow-up keeps everything below the factor.
    let start = 12951.0;
    let losses = [
        start,
        2e4,
        start * BLOW_UP_FACTOR * 0.5,
        start * BLOW_UP_FACTOR * 2.0,
        1e300,
    ];
    let span = loss_span(losses.into_iter()).unwrap();
    assert_eq!(
        (span.max, span.clipped),
        (start * BLOW_UP_FACTOR * 0.5, true)
    );
    assert_eq!(loss_span([f64::INFINITY].into_iter()), None);
}
