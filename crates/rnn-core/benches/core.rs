//! Core speed: one epoch, and the loss surface at three sizes (figures in the README).
//!
//! `make bench` (or `cargo bench -p rnn-core --bench core`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rnn_core::surface::{self, Axis, Grid};
use rnn_core::{
    DataConfig, Dataset, OptimizerKind, OptimizerSettings, Reduction, Trainer, TrainerConfig,
};

fn epoch(c: &mut Criterion) {
    // The seed's RMSProp run settles into a 2-cycle, so it never stops by itself.
    let mut trainer = Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::RmspropSeed,
    )))
    .unwrap();
    c.bench_function("epoch 20x10 (rmsprop-seed)", |b| {
        b.iter(|| black_box(trainer.step()))
    });
    let mut gd = Trainer::new(TrainerConfig::seed(OptimizerSettings::defaults(
        OptimizerKind::Gd,
    )))
    .unwrap();
    c.bench_function("epoch 20x10 (gd)", |b| b.iter(|| black_box(gd.step())));
}

/// numpy's data for the seed's seed (1): `samples` sequences of length `len`.
fn seed_data(samples: usize, len: usize) -> Dataset {
    let config = DataConfig {
        seed: 1,
        samples,
        len,
    };
    Dataset::generate(config).unwrap().0
}

fn surfaces(c: &mut Criterion) {
    // The n × n grid over the default view [-3, 3]².
    let square = |n| {
        Grid::new(
            Axis::new(-3.0, 3.0, n),
            Axis::new(-3.0, 3.0, n),
            Reduction::Sum,
        )
    };
    let small = seed_data(20, 10);
    c.bench_function("surface 256x256 at 20x10", |b| {
        b.iter(|| surface::compute(black_box(&small), square(256)).unwrap())
    });
    let large = seed_data(1000, 100);
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("surface 512x512 at 1000x100", |b| {
        b.iter(|| surface::compute(black_box(&large), square(512)).unwrap())
    });
    let largest = seed_data(1000, 200);
    // Once per data set; then only the view changes.
    group.bench_function("loss polynomials at 1000x200", |b| {
        b.iter(|| surface::LossPolynomials::new(black_box(&largest)))
    });
    let polys = surface::LossPolynomials::new(&largest);
    let wide = |n| Axis::new(-10.0, 10.0, n);
    group.bench_function(
        "surface 256x256 at 1000x200 over ±10, polynomials ready",
        |b| {
            b.iter(|| {
                surface::compute_from(
                    &polys,
                    black_box(&largest),
                    Grid::new(wide(256), wide(256), Reduction::Sum),
                )
                .unwrap()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, epoch, surfaces);
criterion_main!(benches);
