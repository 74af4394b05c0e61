//! Clipping made visible: while a clip norm is set, `#grad-norm`, `#clip-norm` and `#clip-scale`
//! show the raw gradient norm, the clipped norm and the factor at the weights shown, each with
//! the core's exact number in `data-value`; the map marks the epochs where clipping acted
//! (`data-clipped` on the overlay counts them). Without a clip norm the three are hidden.

use std::time::Duration;

use rnn_playground::format::{exact, readable};
use rnn_playground::params::PresetId;
use rnn_playground::rnn::clipping::suggested_clip;
use rnn_playground::rnn::{Clipping, Hyper, Trainer};

use crate::page::{AppPage, assert_clean_console};

/// The three read-outs' `data-value`s.
async fn clip_readouts(page: &AppPage) -> [Option<String>; 3] {
    [
        page.attr("#grad-norm", "data-value").await,
        page.attr("#clip-norm", "data-value").await,
        page.attr("#clip-scale", "data-value").await,
    ]
}

/// What the core says the read-outs must be after `epochs` epochs of `preset`, and how many
/// epochs of the path clipping shortened.
fn expected(preset: PresetId, epochs: u64) -> ([Option<String>; 3], usize) {
    let state = preset.state();
    let mut trainer = Trainer::new(state.trainer_config()).unwrap();
    trainer.run(epochs);
    let limit = state.optimizer.clip;
    let clipping = Clipping::of(trainer.evaluate().1, limit).unwrap();
    let acted = trainer
        .timeline()
        .iter()
        .filter(|r| Clipping::of(r.grad, limit).is_some_and(|c| c.acted()))
        .count();
    (
        [
            Some(exact(clipping.raw_norm)),
            Some(exact(clipping.norm)),
            Some(exact(clipping.scale)),
        ],
        acted,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn clipping_shows_the_raw_norm_the_clipped_norm_and_the_scale_from_the_core() {
    let page = AppPage::opened("?preset=clipping&present=1").await;
    let at_start = clip_readouts(&page).await;
    let _ = page.steps_and_wait(30, Duration::from_secs(5)).await;
    let after_30 = clip_readouts(&page).await;
    let shown_visible = page.visible("#clip-scale").await;
    let marks = page.attr("#surface", "data-clipped").await;
    page.screenshot("clipping-present").await;

    let off = page.open("?preset=exploding").await;
    let hidden_when_off = !page.visible("#grad-norm").await && !page.visible("#clip-scale").await;
    // After the divergence, the one-click clip suits the rate: lr 1e-5 gets 1000, not 1.
    let diverged = page.play_until("diverged", Duration::from_secs(10)).await;
    let button = page.text("#try-clip").await;
    page.click("#try-clip").await;
    let clip_box = page.value("#clip").await;
    let errors = page.finish().await;

    let (start, _) = expected(PresetId::Clipping, 0);
    let (thirty, acted) = expected(PresetId::Clipping, 30);
    assert_eq!(at_start, start, "at the start (1, 2)");
    assert_eq!(after_30, thirty, "after 30 epochs");
    assert!(shown_visible, "the scale is on screen");
    assert!(acted > 0, "clipping acts on the wall");
    assert_eq!(marks, Some(acted.to_string()), "one mark per clipped epoch");
    assert!(off.is_ok(), "{off:?}");
    assert!(hidden_when_off, "no clip norm, no clipping read-outs");
    assert!(diverged.is_ok(), "{diverged:?}");
    let suggested = suggested_clip(PresetId::Exploding.state().optimizer[Hyper::Lr]);
    assert_eq!(
        clip_box,
        readable(suggested),
        "the clip box takes the suggestion"
    );
    assert!(button.contains(&readable(suggested)), "{button}");
    assert_clean_console(&errors);
}
