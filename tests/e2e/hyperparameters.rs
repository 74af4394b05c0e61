//! Hyperparameters: the form's boxes come from the core's hyperparameter table. For each rule,
//! exactly the hyperparameters it reads have a box `#hp-<cli flag>` (the learning rate has
//! `#lr`), filled from the link; typing in one writes its URL key back.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::{Hyper, OptimizerKind};
use strum::IntoEnumIterator;

use crate::page::{AppPage, assert_clean_console, number};

/// The box of a hyperparameter other than the learning rate.
fn box_of(hyper: Hyper) -> String {
    format!("#hp-{}", hyper.cli_name())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn each_rule_shows_the_boxes_of_the_table_and_rprops_step_bounds_follow_the_url() {
    let page = AppPage::start().await;
    let started = page.open("?opt=rprop&dmax=10&dmin=0.001&etap=1.3").await;
    let mut shown = Vec::new();
    for hyper in Hyper::iter().filter(|h| *h != Hyper::Lr) {
        let css = box_of(hyper);
        shown.push((hyper, page.visible(&css).await, page.value(&css).await));
    }
    page.set_value("#hp-delta-max", "20").await;
    let followed = page
        .wait_until(Duration::from_secs(5), || async {
            parse(&page.search().await).state.optimizer[Hyper::DeltaMax] == 20.0
        })
        .await;
    let search = page.search().await;
    // Another rule: Rprop's boxes go, Adam's come.
    page.set_value("#optimizer", "adam").await;
    let mut adam = Vec::new();
    for hyper in Hyper::iter().filter(|h| *h != Hyper::Lr) {
        adam.push((hyper, page.visible(&box_of(hyper)).await));
    }
    let errors = page.errors().await;
    page.close().await;

    assert!(started.is_ok(), "{started:?}");
    for (hyper, visible, value) in &shown {
        assert_eq!(
            *visible,
            hyper.used_by(OptimizerKind::Rprop),
            "{hyper:?} under rprop"
        );
        let expected = match hyper {
            Hyper::DeltaMax => Some(10.0),
            Hyper::DeltaMin => Some(0.001),
            Hyper::EtaPlus => Some(1.3),
            Hyper::EtaMinus => Some(0.5),
            Hyper::Delta0 => Some(1e-3),
            _ => None,
        };
        if let Some(expected) = expected {
            assert!(
                number(value).is_some_and(|v| (v - expected).abs() <= 1e-12 * expected),
                "{hyper:?} shows {value:?}, the link says {expected}"
            );
        }
    }
    assert!(
        followed.is_ok(),
        "typing Δmax = 20 did not reach the URL: {search:?}"
    );
    assert!(search.contains("dmax=20"), "{search}");
    for (hyper, visible) in adam {
        assert_eq!(
            visible,
            hyper.used_by(OptimizerKind::Adam),
            "{hyper:?} under adam"
        );
    }
    assert_clean_console(&errors);
}
