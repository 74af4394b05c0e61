//! Core speed: one epoch, and the loss surface at three sizes (figures in the README).
//!
//! `make bench` (or `cargo bench --bench core`).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rnn_playground::rnn::surface::{self, Axis};
use rnn_playground::rnn::{
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

fn surfaces(c: &mut Criterion) {
    let view = |n| Axis::new(-3.0, 3.0, n);
    let (small, _) = Dataset::generate(DataConfig::default()).unwrap();
    c.bench_function("surface 256x256 at 20x10", |b| {
        b.iter(|| {
            surface::compute(
                black_box(&small),
                Reduction::Sum,
                view(256),
                view(256),
                false,
            )
            .unwrap()
        })
    });
    let (large, _) = Dataset::generate(DataConfig {
        seed: 1,
        samples: 1000,
        len: 100,
    })
    .unwrap();
    let mut group = c.benchmark_group("large");
    group.sample_size(20);
    group.bench_function("surface 512x512 at 1000x100", |b| {
        b.iter(|| {
            surface::compute(
                black_box(&large),
                Reduction::Sum,
                view(512),
                view(512),
                false,
            )
            .unwrap()
        })
    });
    let (largest, _) = Dataset::generate(DataConfig {
        seed: 1,
        samples: 1000,
        len: 200,
    })
    .unwrap();
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
                    Reduction::Sum,
                    wide(256),
                    wide(256),
                    false,
                )
                .unwrap()
            })
        },
    );
    group.finish();
}

criterion_group!(benches, epoch, surfaces);
criterion_main!(benches);
