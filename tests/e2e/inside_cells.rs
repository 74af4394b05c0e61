//! The inside view of the tanh cell and of Pascanu's unit: the unrolled steps carry the cell's
//! own states and backward signal, and every phase of the step-through shows the cell's chain
//! rule (tanh's `1 − s²`, the cliff's `w·σ′`) with the core's numbers.
//!
//! The browser's `tanh` and `exp` (Rust's own, compiled to wasm) and the native test's (the C
//! library's) may differ in the last bit, so these compare to a few ulps where the linear
//! cell's tests compare bit for bit.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::trace::{Pass, Phase};
use rnn_playground::rnn::{CellKind, Trainer};
use serde_json::Value;

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
        let shown = |v: &Option<String>| v.as_deref().and_then(|t| t.parse::<f64>().ok());
        let (s, g) = (pass.state(seq, step.k), pass.signal(seq, step.k));
        assert!(
            close(shown(&step.s), s),
            "{query} s{}: {:?} {s}",
            step.k,
            step.s
        );
        assert!(
            close(shown(&step.grad), g),
            "{query} g{}: {:?} {g}",
            step.k,
            step.grad
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
        let want = expected(&trace, i, seq);
        assert!(
            same_numbers(&values, &want),
            "{query}: phase {i}\n{values:?}\n{want:?}"
        );
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

/// Equal to 1e-12 relative: a few ulps, as the browser's tanh and exp may round apart.
fn close(shown: Option<f64>, core: f64) -> bool {
    shown.is_some_and(|v| v == core || (v - core).abs() <= 1e-12 * core.abs().max(1e-300))
}

/// The same attributes, every number in them [`close`].
fn same_numbers(shown: &[Value], want: &[Value]) -> bool {
    let numbers =
        |text: &str| -> Option<Vec<f64>> { text.split(' ').map(|t| t.parse().ok()).collect() };
    shown.len() == want.len()
        && shown.iter().zip(want).all(|(a, b)| {
            let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else {
                return false;
            };
            a.len() == b.len()
                && a.iter().all(|(key, value)| {
                    let (x, y) = (value.as_str().unwrap_or(""), b[key].as_str().unwrap_or(""));
                    x == y
                        || match (numbers(x), numbers(y)) {
                            (Some(x), Some(y)) => {
                                x.len() == y.len()
                                    && x.iter().zip(&y).all(|(&v, &c)| close(Some(v), c))
                            }
                            _ => false,
                        }
                })
        })
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
