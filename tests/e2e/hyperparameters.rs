//! Hyperparameters: the form's boxes come from the core's hyperparameter table. For each rule,
//! exactly the hyperparameters it reads have a box `#hp-<cli flag>` (the learning rate has
//! `#lr`), filled from the link; typing in one writes its URL key back.

use std::collections::HashMap;
use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::{Hyper, OptimizerKind};
use strum::IntoEnumIterator;

use crate::page::{AppPage, assert_clean_console, number};

/// Every hyperparameter box (but the learning rate's): whether it is shown, and its value.
async fn boxes(page: &AppPage) -> HashMap<String, (bool, String)> {
    let ids: Vec<String> = Hyper::iter()
        .filter(|h| *h != Hyper::Lr)
        .map(box_of)
        .collect();
    let read = page
        .eval(
            r#"return arguments[0].map(css => {
                   const el = document.querySelector(css);
                   const shown = !!el && el.getClientRects().length > 0;
                   return [css, shown, el ? el.value : ''];
               });"#,
            vec![serde_json::json!(ids)],
        )
        .await;
    read.as_array()
        .into_iter()
        .flatten()
        .filter_map(|row| {
            let row = row.as_array()?;
            let css = row.first()?.as_str()?.to_string();
            let shown = row.get(1)?.as_bool()?;
            let value = row.get(2)?.as_str().unwrap_or_default().to_string();
            Some((css, (shown, value)))
        })
        .collect()
}

/// The box of a hyperparameter other than the learning rate.
fn box_of(hyper: Hyper) -> String {
    format!("#hp-{}", hyper.cli_name())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn each_rule_shows_the_boxes_of_the_table_and_rprops_step_bounds_follow_the_url() {
    let page = AppPage::opened("?opt=rprop&dmax=10&dmin=0.001&etap=1.3").await;
    // The boxes are read in one script, so a re-render cannot fall between two reads.
    let settled = page
        .wait_until(Duration::from_secs(5), || async {
            number(&boxes(&page).await[&box_of(Hyper::DeltaMax)].1) == Some(10.0)
        })
        .await;
    let before = boxes(&page).await;
    page.set_value("#hp-delta-max", "20").await;
    let followed = page
        .wait_until(Duration::from_secs(5), || async {
            parse(&page.search().await).state.optimizer[Hyper::DeltaMax] == 20.0
        })
        .await;
    let search = page.search().await;
    // Another rule: Rprop's boxes go, Adam's come.
    page.set_value("#optimizer", "adam").await;
    let adam = page
        .wait_until(Duration::from_secs(5), || async {
            !boxes(&page).await[&box_of(Hyper::DeltaMax)].0
        })
        .await
        .map(|_| ());
    let after = boxes(&page).await;
    let errors = page.finish().await;

    assert!(
        settled.is_ok(),
        "#hp-delta-max never showed the link's 10: {before:?}"
    );
    for hyper in Hyper::iter().filter(|h| *h != Hyper::Lr) {
        let (visible, value) = &before[&box_of(hyper)];
        let used = hyper.used_by(OptimizerKind::Rprop);
        assert_eq!(*visible, used, "{hyper:?} under rprop");
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
    assert!(adam.is_ok(), "Rprop's boxes stayed under adam: {after:?}");
    for hyper in Hyper::iter().filter(|h| *h != Hyper::Lr) {
        let used = hyper.used_by(OptimizerKind::Adam);
        assert_eq!(after[&box_of(hyper)].0, used, "{hyper:?} under adam");
    }
    assert_clean_console(&errors);
}
