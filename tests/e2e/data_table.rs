//! `#data-table`: each training sequence with its target and the network's output now, as the
//! core computes them (exact `data-target`, `data-y`), updated as training runs.

use std::time::Duration;

use crate::page::{AppPage, assert_clean_console, core_table_rows};

/// (data-seq, data-target, data-y) of every row.
async fn rows(page: &AppPage) -> Vec<(String, String, String)> {
    let value = page
        .eval(
            "return [...document.querySelectorAll('#data-table [data-seq]')].map(r => \
             [r.dataset.seq, r.dataset.target, r.dataset.y]);",
            vec![],
        )
        .await;
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    let cell = |i: usize| r[i].as_str().unwrap_or_default().to_string();
                    (cell(0), cell(1), cell(2))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the core says the rows are after `epochs` epochs of the default run.
fn expected(epochs: u64) -> Vec<(String, String, String)> {
    core_table_rows("", epochs)
        .into_iter()
        .map(|[seq, target, y, _]| (seq, target, y))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_data_table_lists_each_sequence_with_its_target_and_the_output_now() {
    let page = AppPage::opened("").await;
    let at_start = rows(&page).await;
    let _ = page.steps_and_wait(5, Duration::from_secs(5)).await;
    let after_5 = rows(&page).await;
    let errors = page.finish().await;

    assert_eq!(at_start, expected(0));
    assert_eq!(after_5, expected(5));
    assert_ne!(at_start, after_5, "the outputs change as it trains");
    assert_clean_console(&errors);
}
