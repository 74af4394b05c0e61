//! The inside view: the unrolled network's exact values against the core's pass, for a
//! training sequence and for a typed one, and a typed mistake that changes nothing but its
//! message.

use std::time::Duration;

use rnn_playground::format::exact;
use rnn_playground::params::{parse, read_bits};
use rnn_playground::rnn::Trainer;
use rnn_playground::rnn::trace::{Pass, Unrolled};

use crate::page::{AppPage, UnrolledStep};

/// The steps the page must carry for `u`: every value as shortest round-trip text.
fn expected_steps(u: &Unrolled) -> Vec<UnrolledStep> {
    (1..=u.len())
        .map(|k| UnrolledStep {
            k,
            x: Some(exact(u.inputs[k - 1])),
            s: Some(exact(u.states[k])),
            grad: u.signal.as_ref().map(|g| exact(g[k - 1])),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_unrolled_view_shows_the_cores_values_for_a_training_and_a_typed_sequence() {
    let query = "?inside=1&seq=3";
    let page = AppPage::opened(query).await;
    let stepped = page.steps_and_wait(3, Duration::from_secs(5)).await;
    let shown_w = (
        page.attr("#unrolled", "data-w-x").await,
        page.attr("#unrolled", "data-w-rec").await,
    );
    let trained = page.unrolled_steps().await;
    let trained_y = page.attr("#unrolled", "data-y").await;
    let source = page.attr("#unrolled", "data-source").await;
    let selected = page.value("#seq-select").await;
    page.screenshot("inside-unrolled").await;

    // A typed sequence: forward pass only, no training signal.
    page.set_value("#seq-input", "1101 0011 1").await;
    let typed_ready = page.wait_unrolled("data-source", "typed").await;
    let typed = page.unrolled_steps().await;
    let typed_y = page.attr("#unrolled", "data-y").await;
    // The link follows after its debounce.
    let search_typed = page.search_when(|s| s.contains("input=")).await;

    // A mistake: a message next to the box, and nothing else changes.
    page.set_value("#seq-input", "10x1").await;
    let message = page.text("#seq-input-msg").await;
    let after_mistake = page.unrolled_steps().await;
    let search_after = page.search().await;
    let errors = page.finish().await;

    // The core: the same link, three epochs, the pass at the weights reached.
    let state = parse(query).state;
    let mut trainer = Trainer::new(state.trainer_config()).unwrap();
    trainer.run(3);
    let w = trainer.weights();
    let pass = Pass::at(trainer.data(), w, state.reduction);
    let want = pass.unrolled(3);

    assert_eq!(stepped, Ok(()));
    assert_eq!(shown_w, (Some(exact(w.w_x)), Some(exact(w.w_rec))));
    assert_eq!((source.as_deref(), selected.as_str()), (Some("train"), "3"));
    assert_eq!(trained.len(), 10);
    assert_eq!(trained, expected_steps(&want));
    assert_eq!(trained_y, Some(exact(want.output())));

    assert_eq!(typed_ready, Ok(()));
    let bits = read_bits("1101 0011 1").unwrap();
    let typed_want = Unrolled::typed(rnn_playground::rnn::CellKind::Linear, &bits, w);
    assert_eq!(typed, expected_steps(&typed_want));
    assert!(
        typed.iter().all(|s| s.grad.is_none()),
        "a typed sequence has no signal"
    );
    assert_eq!(typed_y, Some(exact(typed_want.output())));
    assert!(search_typed.contains("input=110100111"), "{search_typed}");

    assert!(message.contains("Only 0 and 1"), "{message:?}");
    assert_eq!(after_mistake, typed);
    assert_eq!(search_after, search_typed);
    crate::page::assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_gradient_plot_is_painted_and_overlays_roelants_six_pairs_and_a_hover_ghost() {
    let page = AppPage::opened("?inside=1&loss=mean").await;
    let painted = page.wait_grad_curves(1).await;
    let pixels = page.painted_pixels("#grad-time").await;
    let axis = page.attr("#grad-time", "data-axis-label").await;
    let factor = page.attr("#grad-time-factor", "data-value").await;
    let w_rec = page.readout("w-rec").await;
    let png = page.download("#grad-time-png").await;

    page.click("#grad-time-six").await;
    let six = page.wait_grad_curves(7).await;
    let marks = page.attr("#surface", "data-marks").await;
    let search = page.search_when(|s| s.contains("six=1")).await;
    page.screenshot("inside-six").await;

    // Hovering the map adds the ghost curve and previews the unrolled view there.
    let map = page.surface_geometry().await;
    let (x, y) = map.point(0.75, 0.25);
    page.hover_at(x, y).await;
    let ghost = page.wait_grad_curves(8).await;
    let preview = page.attr("#unrolled", "data-preview").await;
    let previewed_wx = page
        .attr("#unrolled", "data-w-x")
        .await
        .and_then(|v| v.parse::<f64>().ok());
    page.click("#grad-time-six").await;
    let unmarked = page
        .wait_attr("#surface", "data-marks", "0", Duration::from_secs(5))
        .await;
    let errors = page.finish().await;

    assert_eq!(painted, Ok(()));
    assert!(pixels > 2000, "the plot drew {pixels} pixels");
    assert!(
        axis.as_deref().is_some_and(|a| a.contains("mean")),
        "{axis:?}"
    );
    assert_eq!(factor.and_then(|f| f.parse::<f64>().ok()), w_rec);
    let png = png.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(png["type"], serde_json::json!("image/png"), "{png}");
    assert!(png["size"].as_u64().unwrap_or(0) > 2000, "{png}");
    assert!(
        png["name"].as_str().is_some_and(|n| n.ends_with(".png")),
        "{png}"
    );
    assert_eq!(six, Ok(()));
    assert_eq!(marks.as_deref(), Some("6"));
    assert!(search.contains("six=1"), "{search}");
    assert_eq!(ghost, Ok(()));
    assert_eq!(preview.as_deref(), Some("true"));
    let (want_wx, _) = map.weights_at(0.75, 0.25);
    let wx = previewed_wx.unwrap_or(f64::NAN);
    assert!(
        (wx - want_wx).abs() <= map.tolerance_wx(),
        "{wx} vs {want_wx}"
    );
    assert_eq!(unmarked, Ok(()));
    crate::page::assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_exploding_signal_preset_opens_the_inside_view_on_sequences_of_50() {
    let page = AppPage::opened("?preset=exploding-signal").await;
    let painted = page.wait_grad_curves(1).await;
    let steps = page.unrolled_steps().await;
    let factor = page.attr("#grad-time-factor", "data-value").await;
    page.readme_image("inside").await;
    let errors = page.finish().await;

    let state = parse("?preset=exploding-signal").state;
    let trainer = Trainer::new(state.trainer_config()).unwrap();
    let pass = Pass::at(trainer.data(), trainer.weights(), state.reduction);
    assert_eq!(painted, Ok(()));
    assert_eq!(steps, expected_steps(&pass.unrolled(0)));
    assert_eq!(steps.len(), 50);
    assert_eq!(factor.as_deref(), Some("1.5"));
    crate::page::assert_clean_console(&errors);
}
