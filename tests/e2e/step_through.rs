//! The step-through of one epoch: every phase of the default epoch (n = 10) forwards and
//! backwards, each phase's numbers against the core's trace, leaving at the end equal to one
//! `#step`, leaving midway changing nothing, and a `phase=` link.

use std::time::Duration;

use fantoccini::key::Key;
use rnn_playground::format::{compact, exact};
use rnn_playground::params::parse;
use rnn_playground::rnn::Trainer;
use rnn_playground::rnn::trace::{EpochTrace, Phase, Product, Quantity};
use rnn_playground::text::inside::{DIGITS, forward_formula, later_formula};
use serde_json::Value;

use crate::page::AppPage;

/// What the page shows of the current phase: `data-phase`, and the data attributes of every
/// value in `#phase-detail`, as JSON objects.
pub(crate) async fn shown_phase(page: &AppPage) -> (Option<String>, Vec<Value>) {
    let v = page
        .eval(
            r#"return [document.querySelector('#phase').dataset.phase || null,
                       [...document.querySelectorAll('#phase-detail [data-name], #phase-detail [data-quantity]')]
                         .map(e => Object.assign({}, e.dataset))];"#,
            vec![],
        )
        .await;
    (
        v[0].as_str().map(str::to_string),
        v[1].as_array().cloned().unwrap_or_default(),
    )
}

/// Numbers as the page's `data-factors` carries them: exact, separated by spaces.
fn exacts(values: &[f64]) -> String {
    values
        .iter()
        .map(|&v| exact(v))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The data attributes the core's trace says phase `index` must show, for sequence `seq`.
pub(crate) fn expected(trace: &EpochTrace, index: usize, seq: usize) -> Vec<Value> {
    let p = &trace.pass;
    let clipping = trace
        .update
        .as_ref()
        .is_some_and(|u| u.clip.limit.is_some());
    let value = |name: &str, v: f64| serde_json::json!({ "name": name, "value": exact(v) });
    match Phase::at(index, p.len, clipping).unwrap() {
        Phase::Forward(k) => {
            let f = p.forward_step(seq, k).unwrap();
            let factors = [f.input.factors, f.carried.factors].concat();
            vec![
                serde_json::json!({ "name": "forward", "factors": exacts(&factors), "value": exact(f.state) }),
            ]
        }
        Phase::Loss => vec![value("loss", p.loss)],
        Phase::Backward(k) => {
            let b = p.backward_step(seq, k).unwrap();
            let product = |name: &str, p: &Product| serde_json::json!({ "name": name, "factors": exacts(&p.factors), "value": exact(p.value) });
            let sum = |name: &str, before: f64, step: f64, after: f64| serde_json::json!({ "name": name, "before": exact(before), "step": exact(step), "after": exact(after) });
            vec![
                product("signal", &b.signal),
                product("term-x", &b.term_x),
                product("term-rec", &b.term_rec),
                sum("sum-x", b.before.w_x, b.step.w_x, b.after.w_x),
                sum("sum-rec", b.before.w_rec, b.step.w_rec, b.after.w_rec),
            ]
        }
        Phase::Clip => unreachable!("clipping is off in these links"),
        Phase::Update => {
            let u = trace.update.as_ref().unwrap();
            let mut rows: Vec<Value> = u
                .state
                .iter()
                .map(|c| {
                    let key: &str = c.quantity.into();
                    serde_json::json!({ "quantity": key, "before": exact(c.before[1]), "after": exact(c.after[1]) })
                })
                .collect();
            rows.extend(
                u.intermediates
                    .iter()
                    .filter(|(q, _)| q.in_state(&Default::default()).is_none())
                    .map(|(q, v)| {
                        let key: &str = (*q).into();
                        serde_json::json!({ "quantity": key, "value": exact(v[1]) })
                    }),
            );
            // The update with its numbers plugged in: w + Δw = the new w, per weight.
            let (_, change) = u
                .intermediates
                .iter()
                .find(|(q, _)| *q == Quantity::Change)
                .expect("every rule records its change");
            let before = [u.before.w_x, u.before.w_rec];
            let after = [u.after.w_x, u.after.w_rec];
            for (j, weight) in ["w_x", "w_rec"].into_iter().enumerate() {
                rows.push(serde_json::json!({
                    "name": "applied",
                    "weight": weight,
                    "before": exact(before[j]),
                    "change": exact(change[j]),
                    "after": exact(after[j]),
                }));
            }
            rows
        }
        Phase::Weights => {
            let w = trace.next_weights();
            vec![
                serde_json::json!({ "name": "weights", "wX": exact(w.w_x), "wRec": exact(w.w_rec) }),
            ]
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn stepping_through_the_default_epoch_shows_the_trace_and_ends_in_one_step() {
    let query = "?inside=1&seq=2";
    let page = AppPage::opened(query).await;
    page.click("#step-through-open").await;
    let state = parse(query).state;
    let count = Phase::count(state.data.len, false);
    let mut forwards = Vec::new();
    let (mut forward_line, mut backward_line) = (String::new(), String::new());
    for i in 0..count {
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                shown_phase(&page).await.0 == Some(i.to_string())
            })
            .await;
        forwards.push(shown_phase(&page).await);
        if i == 2 {
            forward_line = page.text("#phase-detail [data-name=forward]").await;
        }
        if i == 12 {
            backward_line = page.text("#phase-detail [data-name=signal]").await;
            page.screenshot("step-through-backward").await;
        }
        if i + 1 < count {
            page.click("#phase-next").await;
        }
    }
    // Back with ← to the first phase: each earlier phase comes back exactly.
    page.blur().await;
    let mut backwards = Vec::new();
    for i in (0..count - 1).rev() {
        page.press(Key::Left.into()).await;
        let _ = page
            .wait_until(Duration::from_secs(3), || async {
                shown_phase(&page).await.0 == Some(i.to_string())
            })
            .await;
        backwards.push((i, shown_phase(&page).await));
    }
    // Forward again with PageDown to the end, then leave: one epoch, as #step makes it.
    for _ in 0..count - 1 {
        page.press(Key::PageDown.into()).await;
    }
    let at_end = page
        .wait_until(Duration::from_secs(5), || async {
            shown_phase(&page).await.0 == Some((count - 1).to_string())
        })
        .await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            page.attr("#surface", "data-next")
                .await
                .is_some_and(|n| !n.is_empty())
        })
        .await;
    let next_on_map = page.attr("#surface", "data-next").await;
    page.click("#phase-exit").await;
    let stepped = page.wait_epoch(1, Duration::from_secs(5)).await;
    let after_exit = (
        page.attr("#w-x", "data-value").await,
        page.attr("#w-rec", "data-value").await,
    );
    // Midway: nothing changes.
    page.click("#step-through-open").await;
    page.click("#phase-next").await;
    page.click("#phase-next").await;
    page.click("#phase-exit").await;
    let midway = (
        page.epoch().await,
        page.attr("#w-x", "data-value").await,
        page.attr("#w-rec", "data-value").await,
        page.attr("#step-through", "data-on").await,
    );
    let errors = page.finish().await;

    let mut trainer = Trainer::new(state.trainer_config()).unwrap();
    let trace = trainer.trace();
    for (i, (phase, values)) in forwards.iter().enumerate() {
        assert_eq!(phase.as_deref(), Some(i.to_string().as_str()));
        assert_eq!(values, &expected(&trace, i, 2), "phase {i}");
    }
    // The chain rule in words, with the numbers as the page writes them (4 digits).
    let written = |v: f64| compact(v, DIGITS);
    let f = trace.pass.forward_step(2, 3).unwrap();
    assert_eq!(
        forward_line,
        forward_formula(
            3,
            &written(f.input.factors[0]),
            &written(f.input.factors[1]),
            &written(f.carried.factors[0]),
            &written(f.carried.factors[1]),
            &written(f.state)
        )
    );
    let b = trace.pass.backward_step(2, 9).unwrap();
    assert_eq!(
        backward_line,
        later_formula(
            9,
            &written(b.signal.factors[0]),
            &written(b.signal.factors[1]),
            &written(b.signal.value)
        )
    );
    assert!(backward_line.starts_with("dL/ds₉ = dL/ds₁₀ × w_rec = "));
    for (i, shown) in &backwards {
        assert_eq!(shown, &forwards[*i], "phase {i} on the way back");
    }
    assert_eq!(at_end, Ok(()));
    assert_eq!(stepped, Ok(()));
    trainer.step();
    let w = trainer.weights();
    let want = (Some(exact(w.w_x)), Some(exact(w.w_rec)));
    assert_eq!(after_exit, want);
    let want_next = format!("{},{}", exact(w.w_x), exact(w.w_rec));
    assert_eq!(
        next_on_map,
        Some(want_next),
        "the new weights as the path's next point"
    );
    assert_eq!(midway, (Some(1), want.0, want.1, Some("false".into())));
    crate::page::assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_phase_link_opens_backward_step_41_of_the_exploding_preset() {
    let query = "?preset=exploding-signal&phase=60";
    let page = AppPage::opened(query).await;
    let _ = page
        .wait_until(Duration::from_secs(5), || async {
            shown_phase(&page).await.0.as_deref() == Some("60")
        })
        .await;
    let (phase, values) = shown_phase(&page).await;
    let name = page.text("#phase").await;
    let jumps = page.visible("#jump-update").await;
    page.click("#jump-update").await;
    let _ = page
        .wait_until(Duration::from_secs(3), || async {
            shown_phase(&page).await.0.as_deref() == Some("101")
        })
        .await;
    let update = shown_phase(&page).await;
    let epoch = page.epoch().await;
    let errors = page.finish().await;

    let trace = Trainer::new(parse(query).state.trainer_config())
        .unwrap()
        .trace();
    assert_eq!(phase.as_deref(), Some("60"));
    assert_eq!(name, "backward, step 41 of 50");
    assert_eq!(values, expected(&trace, 60, 0));
    assert!(jumps);
    assert_eq!(update, (Some("101".into()), expected(&trace, 101, 0)));
    assert_eq!(epoch, Some(0), "stepping through does not train");
    crate::page::assert_clean_console(&errors);
}
