//! Honest axes. The loss curve after a blow-up (scenario 4, the exploding one, stepped until
//! its loss overflows): the log axis keeps every finite loss the core gives, 2.2e52 included
//! (`data-y-min`, `data-y-max`), shows at least three labelled ticks, and marks the overflow at
//! its epoch, clear of the buttons. The gradient-over-time plot's log axis spans at least two
//! decades and holds every point of the core's backward signal, at lengths 10 and 50.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::Trainer;
use rnn_playground::rnn::trace::Pass;

use crate::page::{AppPage, assert_clean_console};

/// A number attribute of `css`.
async fn number(page: &AppPage, css: &str, name: &str) -> Option<f64> {
    page.attr(css, name).await?.parse().ok()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_log_loss_axis_keeps_the_blow_up_and_marks_the_overflow() {
    let query = "?preset=exploding&present=1";
    let page = AppPage::opened(query).await;
    let mut clicks = 0;
    while clicks < 6
        && page
            .attr("#loss-chart", "data-overflow-epoch")
            .await
            .is_none()
    {
        page.step().await;
        clicks += 1;
        let _ = page
            .wait_until(Duration::from_secs(2), || async {
                page.attr("#loss-chart", "data-overflow-epoch")
                    .await
                    .is_some()
            })
            .await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let overflow_epoch = page.attr("#loss-chart", "data-overflow-epoch").await;
    let (y_min, y_max) = (
        number(&page, "#loss-chart", "data-y-min").await,
        number(&page, "#loss-chart", "data-y-max").await,
    );
    let ticks = page
        .attr("#loss-chart", "data-y-ticks")
        .await
        .unwrap_or_default();
    let label_box = page
        .attr("#loss-chart", "data-overflow-box")
        .await
        .unwrap_or_default();
    let canvas = page.rect("#loss-chart").await;
    // Every button of the card the chart is in, in page coordinates like the canvas.
    let buttons = page
        .eval(
            r#"const card = document.querySelector('#loss-chart').closest('.plot-card');
               return [...card.querySelectorAll('button, label, select')]
                 .map(e => e.getBoundingClientRect())
                 .filter(r => r.width > 0)
                 .map(r => [r.left, r.top, r.right, r.bottom]);"#,
            vec![],
        )
        .await;
    page.screenshot("loss-axis-after-overflow").await;
    let errors = page.finish().await;

    // The core: the same scenario, stepped until it stops.
    let mut trainer = Trainer::new(parse(query).state.trainer_config()).unwrap();
    let mut losses = Vec::new();
    while let Some(record) = trainer.step() {
        losses.push(record.loss);
        if losses.len() > 100 {
            break;
        }
    }
    let finite: Vec<f64> = losses.iter().copied().filter(|l| l.is_finite()).collect();
    let largest = finite.iter().copied().fold(0.0, f64::max);
    let smallest = finite.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(largest > 1e50, "the scenario blows up: {losses:?}");
    assert_eq!(
        overflow_epoch,
        Some(trainer.epoch().to_string()),
        "the overflow is marked at its epoch ({clicks} clicks)"
    );
    let (y_min, y_max) = (y_min.expect("data-y-min"), y_max.expect("data-y-max"));
    assert!(
        y_min <= smallest && y_max >= largest,
        "the axis {y_min}..{y_max} holds every finite loss {finite:?}"
    );
    let labels: Vec<&str> = ticks.split_whitespace().collect();
    assert!(labels.len() >= 3, "labelled ticks: {labels:?}");
    let b: Vec<f64> = label_box
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    assert_eq!(b.len(), 4, "the overflow's label box: {label_box:?}");
    let label = [
        canvas[0] + b[0],
        canvas[1] + b[1],
        canvas[0] + b[2],
        canvas[1] + b[3],
    ];
    assert!(
        label[0] >= canvas[0] && label[2] <= canvas[2],
        "the label {label:?} is within the chart {canvas:?}"
    );
    for button in buttons.as_array().into_iter().flatten() {
        let r: Vec<f64> = button
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_f64())
            .collect();
        let apart = r[2] <= label[0] || r[0] >= label[2] || r[3] <= label[1] || r[1] >= label[3];
        assert!(
            apart,
            "the overflow's label {label:?} is under a control at {r:?}"
        );
    }
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_gradient_axis_spans_two_decades_and_every_point() {
    let page = AppPage::start().await;
    let mut found = Vec::new();
    // The default start (a signal that fades fast) and a point where w_rec ≈ 1 (a flat one).
    for query in [
        "?present=1&inside=1&len=10",
        "?present=1&inside=1&len=50",
        "?present=1&inside=1&len=10&wx=1&wrec=0.99",
    ] {
        let opened = page.open(query).await;
        assert!(opened.is_ok(), "{opened:?}");
        let _ = page.wait_grad_curves(1).await;
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                page.attr("#grad-time", "data-y-max").await.is_some()
            })
            .await;
        found.push((
            query,
            number(&page, "#grad-time", "data-y-min").await,
            number(&page, "#grad-time", "data-y-max").await,
        ));
    }
    let errors = page.finish().await;

    for (query, y_min, y_max) in found {
        let state = parse(query).state;
        let trainer = Trainer::new(state.trainer_config()).unwrap();
        let pass = Pass::at(trainer.data(), trainer.weights(), state.reduction);
        let magnitudes: Vec<f64> = pass
            .batch_signal
            .iter()
            .map(|g| g.abs())
            .filter(|g| g.is_finite() && *g > 0.0)
            .collect();
        let lo = magnitudes.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = magnitudes.iter().copied().fold(0.0, f64::max);
        let (y_min, y_max) = (y_min.expect("data-y-min"), y_max.expect("data-y-max"));
        assert!(
            y_min <= lo && y_max >= hi,
            "{query}: the axis {y_min}..{y_max} holds the points {lo}..{hi}"
        );
        let decades = (y_max / y_min).log10();
        assert!(decades >= 2.0 - 1e-9, "{query}: {decades} decades");
        // No more than the points need: two decades, or their own span and a margin.
        let needed = (hi / lo).log10().max(2.0 / 1.1);
        assert!(
            decades <= needed * 1.1 + 1e-6,
            "{query}: {decades} decades for points spanning {needed}"
        );
    }
    assert_clean_console(&errors);
}
