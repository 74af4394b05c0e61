//! `precision=theano-f32`: a link runs the 2016 post's float32 arithmetic in the page, with the
//! core's numbers bit for bit; a graph float32 does not have is corrected to f64 with a notice.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::{Precision, Trainer};

use crate::page::{AppPage, assert_clean_console};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn a_float32_link_shows_the_cores_float32_numbers_bit_for_bit() {
    // The post's line `epoch[2000]` is the loss at our epoch 1999.
    const AT: u64 = 1999;
    let query = format!("?precision=theano-f32&opt=gd&at={AT}");
    let page = AppPage::opened(&query).await;
    let reached = page.wait_epoch(AT, Duration::from_secs(20)).await;
    let notice_shown = page.visible("#url-notice").await;
    let exact = [
        page.readout("w-x").await,
        page.readout("w-rec").await,
        page.readout("loss").await,
    ];
    let search = page.search().await;
    let errors = page.finish().await;

    let state = parse(&query).state;
    assert_eq!(state.precision, Precision::TheanoF32);
    let mut trainer = Trainer::new(state.trainer_config()).expect("the float32 run builds");
    assert_eq!(trainer.run(AT), AT);
    let (loss, _) = trainer.evaluate();
    assert_eq!(
        format!("{loss:.4}"),
        "0.0663",
        "the post's last printed loss"
    );
    let core = [trainer.weights().w_x, trainer.weights().w_rec, loss];

    assert!(reached.is_ok(), "{reached:?}");
    assert!(!notice_shown, "a valid float32 link shows no #url-notice");
    for (name, (got, want)) in ["w_x", "w_rec", "loss"].iter().zip(exact.iter().zip(core)) {
        assert_eq!(
            *got,
            Some(want),
            "{name}: the page's data-value against the core"
        );
    }
    assert!(search.contains("precision=theano-f32"), "{search}");
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn float32_with_another_rule_says_so_and_trains_in_f64() {
    let page = AppPage::opened("?lang=en&precision=theano-f32&opt=adam").await;
    let notice_shown = page.visible("#url-notice").await;
    let notice = page
        .js("document.querySelector('#url-notice')?.textContent ?? ''")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string();
    let played = page.play_briefly().await;
    let search = page.search().await;
    let errors = page.finish().await;

    assert!(notice_shown, "the correction is said");
    assert!(
        notice.contains("precision=theano-f32") && notice.contains("using f64"),
        "{notice}"
    );
    assert!(played.is_ok(), "{played:?}");
    assert!(!search.contains("precision"), "{search}");
    assert_clean_console(&errors);
}
