//! The inside view of the tanh cell and of Pascanu's unit: the unrolled steps carry the cell's
//! own states and backward signal, and every phase of the step-through shows the cell's chain
//! rule (tanh's `1 − s²`, the cliff's `w·σ′`) with the core's numbers.

use std::time::Duration;

use rnn_playground::format::exact;
use rnn_playground::params::parse;
use rnn_playground::rnn::trace::{Pass, Phase};
use rnn_playground::rnn::{CellKind, Trainer};

use crate::page::AppPage;
use crate::step_through::{expected, shown_phase};

/// Opens `query` with the step-through at phase 0 and walks every phase with `#phase-next`,
/// checking each against the core's trace; returns the forward and the first backward line.
async fn walk(query: &str, seq: usize) -> (String, String) {
    let page = AppPage::opened(&format!("{query}&phase=0")).await;
    let state = parse(query).state;
    let trainer = Trainer::new(state.trainer_config()).unwrap();
    let trace = trainer.trace();
    assert_eq!(trace.pass.model, state.model);
    // The unrolled view: the cell's states and signal, step by step.
    let pass = Pass::of(
        state.model,
        trainer.data(),
        trainer.weights(),
        state.reduction,
    );
    let _ = page
        .wait_until(Duration::from_secs(5), || async {
            !page.unrolled_steps().await.is_empty()
        })
        .await;
    let steps = page.unrolled_steps().await;
    assert_eq!(steps.len(), pass.len, "{query}");
    for step in &steps {
        assert_eq!(
            step.s.as_deref(),
            Some(exact(pass.state(seq, step.k)).as_str()),
            "{query} s{}",
            step.k
        );
        assert_eq!(
            step.grad.as_deref(),
            Some(exact(pass.signal(seq, step.k)).as_str()),
            "{query} g{}",
            step.k
        );
    }
    let count = Phase::count(state.data.len, false);
    let (mut forward, mut backward) = (String::new(), String::new());
    for i in 0..count {
        let shown = page
            .wait_until(Duration::from_secs(3), || async {
                shown_phase(&page).await.0 == Some(i.to_string())
            })
            .await;
        assert!(shown.is_ok(), "{query}: phase {i} never showed");
        let (_, values) = shown_phase(&page).await;
        assert_eq!(values, expected(&trace, i, seq), "{query}: phase {i}");
        if i == 1 {
            forward = page.text("#phase-detail [data-name=forward]").await;
        }
        if i == state.data.len + 1 {
            backward = page.text("#phase-detail [data-name=signal]").await;
        }
        if i + 1 < count {
            page.click("#phase-next").await;
        }
    }
    let errors = page.finish().await;
    assert!(errors.is_empty(), "{query}: {errors:?}");
    (forward, backward)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_tanh_cells_inside_view_and_step_through_show_its_own_chain_rule() {
    let query = "?lang=en&model=tanh&task=latch&len=6&wx=1&wrec=0.9&inside=1";
    assert_eq!(parse(query).state.model, CellKind::Tanh);
    let (forward, backward) = walk(query, 0).await;
    assert!(
        forward.starts_with("s₂ = tanh(x₂·w_x + s₁·w_rec)"),
        "{forward}"
    );
    // The step back from the output is 2·(y − t); the next ones carry (1 − s²)·w_rec.
    assert!(backward.contains("2·(y − t)"), "{backward}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn pascanus_unit_shows_its_states_and_its_chain_rule() {
    let query = "?lang=en&model=cliff&len=5&inside=1";
    let (forward, backward) = walk(query, 0).await;
    assert!(forward.starts_with("x₂ = w·σ(x₁) + b"), "{forward}");
    assert!(backward.contains("σ(x₅)·(1 − σ(x₅))"), "{backward}");
}
