//! Every cell has its page: the tanh cell on the latch task and Pascanu's cliff load with their
//! own names, numbers, window and marks, train as the core does, and the Model menu rebuilds the
//! run and the map. The core is asked natively what each page must show.

use std::time::Duration;

use rnn_playground::params::parse;
use rnn_playground::rnn::Trainer;
use serde_json::Value;

use crate::page::{AppPage, assert_clean_console};

/// The core's run for the link `query` after `epochs` epochs.
fn core_run(query: &str, epochs: u64) -> Trainer {
    let mut trainer =
        Trainer::new(parse(query).state.trainer_config()).expect("the link makes a run");
    trainer.run(epochs);
    trainer
}

/// Every parameter read-out: (`data-param`, `data-value` read back, its id).
async fn params(page: &AppPage) -> Vec<(String, f64, String)> {
    let v = page
        .js(
            "[...document.querySelectorAll('.readouts [data-param]')].map(e => \
             [e.dataset.param, e.dataset.value, e.id])",
        )
        .await;
    v.as_array()
        .map(|rows| {
            rows.iter()
                .map(|r| {
                    let text = |i: usize| r[i].as_str().unwrap_or_default().to_string();
                    (text(0), text(1).parse().unwrap_or(f64::NAN), text(2))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The names of the parameter read-outs.
fn names(params: &[(String, f64, String)]) -> Vec<&str> {
    params.iter().map(|(name, _, _)| name.as_str()).collect()
}

/// The values of the parameter read-outs.
fn values(params: &[(String, f64, String)]) -> Vec<f64> {
    params.iter().map(|(_, value, _)| *value).collect()
}

/// Whether `a` and `b` agree to 1e-9 relative: the browser's tanh and exp may differ from
/// the native ones in the last bit, which training then carries on.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-12)
}

/// Plays until the epoch reaches `epochs`, pauses, and returns the epoch it stopped at.
async fn play_to(page: &AppPage, epochs: u64) -> Result<u64, String> {
    page.play().await;
    let reached = page
        .wait_until(Duration::from_secs(30), || async {
            page.epoch().await.is_some_and(|e| e >= epochs)
        })
        .await;
    page.pause().await;
    reached?;
    page.wait_until(Duration::from_secs(2), || async { !page.playing().await })
        .await?;
    // One frame for the read-outs to show the paused epoch.
    tokio::time::sleep(Duration::from_millis(200)).await;
    page.epoch().await.ok_or_else(|| "no epoch shown".into())
}

/// The text of `css`, or empty when nothing matches.
async fn text_of(page: &AppPage, css: &str) -> String {
    if page.exists(css).await {
        page.text(css).await
    } else {
        String::new()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_tanh_cell_on_the_latch_loads_with_its_names_and_learns() {
    const QUERY: &str = "lang=en&model=tanh&task=latch";
    const TRAINED: &str = "lang=en&model=tanh&task=latch&wx=0.5&wrec=0.5&speed=1";
    let page = AppPage::opened(&format!("?{QUERY}")).await;
    let menus = (page.value("#model").await, page.value("#task").await);
    let at_start = params(&page).await;
    let loss_at_start = page.readout("loss").await;
    let formula = text_of(&page, "#app-header .formula").await;
    let table_title = text_of(&page, "#data-table-title").await;
    let answer = page.attr("#surface", "data-answer").await;
    let view = page.attr("#surface", "data-view").await;
    let first_row = page
        .js("document.querySelector('#data-table [data-seq=\"0\"]').dataset.target")
        .await;
    // From the seed's drawn start (w_rec ≈ 0.01) the first input vanishes before the end
    // and the loss stays at 5 (every output 0): the lesson of Bengio et al. 1994. From
    // (0.5, 0.5) RMSProp finds the latch within a hundred epochs. One epoch a frame, so the
    // pause lands before the loss reaches 1e-15, where RMSProp's steps on vanishing gradients
    // amplify the last bit in which the browser's tanh may differ from the native one.
    page.open(&format!("?{TRAINED}"))
        .await
        .expect("the page opens");
    let loss_before = page.readout("loss").await;
    let trained = play_to(&page, 60).await;
    let after = params(&page).await;
    let loss_after = page.readout("loss").await;
    let search = page.search().await;
    let errors = page.finish().await;

    assert_eq!(menus, ("tanh".into(), "latch".into()));
    assert_eq!(names(&at_start), ["w_x", "w_rec"]);
    let ids: Vec<&str> = at_start.iter().map(|(_, _, id)| id.as_str()).collect();
    assert_eq!(ids, ["w-x", "w-rec"], "the tanh cell keeps the page's ids");
    let core = core_run(QUERY, 0);
    let start = core.weights();
    assert_eq!(
        values(&at_start),
        [start.w_x, start.w_rec],
        "the start is the core's, exactly"
    );
    let core_loss = core.current().loss;
    let start_loss = loss_at_start.expect("a loss at the start");
    assert!(
        close(start_loss, core_loss),
        "start loss {start_loss} vs the core's {core_loss}"
    );
    assert!(
        formula.contains("tanh("),
        "the header shows the tanh cell: {formula:?}"
    );
    assert!(
        table_title.contains("half the first input"),
        "{table_title:?}"
    );
    assert!(
        matches!(first_row.as_str(), Some("0.5" | "-0.5")),
        "{first_row:?}"
    );
    assert_eq!(
        answer.as_deref(),
        Some("curve"),
        "the latch's answers are drawn"
    );
    assert_eq!(view.as_deref(), Some("-3,3,-1,7"), "the tanh cell's window");

    let epoch = trained.expect("it trains");
    let core = core_run(TRAINED, epoch);
    let (w, loss) = (core.weights(), core.current().loss);
    let shown = values(&after);
    assert!(
        close(shown[0], w.w_x) && close(shown[1], w.w_rec),
        "epoch {epoch}: the page's {shown:?} vs the core's {w:?}"
    );
    let loss_after = loss_after.expect("a loss after training");
    assert!(
        close(loss_after, loss),
        "epoch {epoch}: loss {loss_after} vs the core's {loss}"
    );
    eprintln!(
        "tanh latch at epoch {epoch}: page − core = {:e}, {:e}, loss {:e}",
        shown[0] - w.w_x,
        shown[1] - w.w_rec,
        loss_after - loss
    );
    let loss_before = loss_before.expect("a loss at (0.5, 0.5)");
    assert!(
        loss_after < 0.5 * loss_before,
        "the loss fell from {loss_before} to {loss_after} by epoch {epoch}"
    );
    assert!(
        search.contains("model=tanh") && search.contains("task=latch"),
        "{search}"
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_cliff_shows_w_and_b_its_window_and_no_data() {
    // One epoch a frame: the pause lands before the loss nears 1e-17 (epoch 60), where
    // RMSProp's steps on vanishing gradients amplify the last bit in which the browser's
    // exp may differ from the native one.
    const QUERY: &str = "lang=en&model=cliff&speed=1";
    let page = AppPage::opened(&format!("?{QUERY}")).await;
    let at_start = params(&page).await;
    let grads = page
        .js("[...document.querySelectorAll('.readouts [data-grad]')].map(e => e.dataset.grad)")
        .await;
    let view = page.surface_geometry().await.view;
    let answer = page.attr("#surface", "data-answer").await;
    let data_note = page.visible("#cliff-data-note").await;
    let table_note = page.visible("#data-table-cliff").await;
    let table_shown = page.visible("#data-table").await;
    let task_note = page.visible("#task-note").await;
    let latch_disabled = page
        .js("document.querySelector('#task option[value=\"latch\"]').disabled")
        .await;
    let start_labels = page
        .js("['init-wx', 'init-wrec'].map(id => document.querySelector(`label[for=${id}]`).textContent)")
        .await;
    let formula = text_of(&page, "#app-header .formula").await;
    let hover = text_of(&page, "#surface-hover").await;
    let star_or_six = page.attr("#surface", "data-limit-label").await;
    let loss_at_start = page.readout("loss").await;
    let trained = play_to(&page, 30).await;
    let after = params(&page).await;
    let loss_after = page.readout("loss").await;
    let errors = page.finish().await;

    assert_eq!(names(&at_start), ["w", "b"]);
    let ids: Vec<&str> = at_start.iter().map(|(_, _, id)| id.as_str()).collect();
    assert_eq!(ids, ["param-w", "param-b"]);
    assert_eq!(
        values(&at_start),
        [5.0, -2.2],
        "the paper's start, as the core has it"
    );
    let core = core_run(QUERY, 0);
    assert_eq!(
        values(&at_start),
        [core.weights().w_x, core.weights().w_rec]
    );
    assert_eq!(grads, Value::from(vec!["w", "b"]));
    assert_eq!(
        view,
        [4.5, 5.5, -2.9, -1.9],
        "Pascanu et al.'s figure 6 window"
    );
    assert_eq!(answer.as_deref(), Some("wall"));
    assert_eq!(star_or_six.as_deref(), Some("none"), "no |w_rec| = 1 label");
    assert!(
        data_note && table_note && !table_shown,
        "the cliff says it has no data"
    );
    assert!(task_note, "the task menu says the cliff only counts");
    assert_eq!(latch_disabled, Value::Bool(true));
    assert_eq!(
        start_labels,
        Value::from(vec!["Start w", "Start b"]),
        "the start boxes name w and b"
    );
    assert!(formula.contains("σ(xₜ₋₁) + b"), "{formula:?}");
    assert!(
        hover.contains("w = ") && hover.contains("b = ") && !hover.contains("w_x"),
        "{hover:?}"
    );

    let epoch = trained.expect("it trains");
    let core = core_run(QUERY, epoch);
    let (w, loss) = (core.weights(), core.current().loss);
    let shown = values(&after);
    assert!(
        close(shown[0], w.w_x) && close(shown[1], w.w_rec),
        "epoch {epoch}: the page's {shown:?} vs the core's {w:?}"
    );
    let loss_after = loss_after.expect("a loss");
    assert!(
        close(loss_after, loss),
        "epoch {epoch}: loss {loss_after} vs the core's {loss}"
    );
    let loss_at_start = loss_at_start.expect("a loss at the start");
    assert!(
        loss_after < loss_at_start,
        "the loss fell from {loss_at_start} to {loss_after}"
    );
    eprintln!(
        "cliff at epoch {epoch}: page − core = {:e}, {:e}, loss {:e}",
        shown[0] - w.w_x,
        shown[1] - w.w_rec,
        loss_after - loss
    );
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_cliff_asked_to_latch_says_so_and_counts() {
    let page = AppPage::opened("?lang=en&model=cliff&task=latch").await;
    let notice_shown = page.visible("#url-notice").await;
    let notice = text_of(&page, "#url-notice").await;
    let task = page.value("#task").await;
    let search = page.search_when(|s| !s.contains("latch")).await;
    let stepped = page.steps_and_wait(3, Duration::from_secs(10)).await;
    let after = params(&page).await;
    let errors = page.finish().await;

    assert!(notice_shown, "a notice says what was changed");
    assert!(
        notice.contains("task=latch") && notice.contains("only takes the count task"),
        "{notice:?}"
    );
    assert_eq!(task, "count");
    assert!(
        search.contains("model=cliff") && !search.contains("task="),
        "{search}"
    );
    stepped.expect("it steps");
    let core = core_run("model=cliff", 3);
    let shown = values(&after);
    assert!(close(shown[0], core.weights().w_x) && close(shown[1], core.weights().w_rec));
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_model_menu_rebuilds_the_run_and_the_map() {
    let page = AppPage::opened("?lang=en").await;
    let linear_answer = page.attr("#surface", "data-answer").await;
    page.steps_and_wait(2, Duration::from_secs(10))
        .await
        .expect("it steps");
    page.set_value("#model", "tanh").await;
    let tanh_view = page
        .wait_attr("#surface", "data-view", "-3,3,-1,7", Duration::from_secs(5))
        .await;
    let tanh_epoch = page.epoch().await;
    let ghost_points = page.attr("#surface", "data-ghost-points").await;
    let tanh = params(&page).await;
    let tanh_formula = text_of(&page, "#app-header .formula").await;
    let tanh_search = page.search_when(|s| s.contains("model=tanh")).await;
    page.set_value("#model", "cliff").await;
    let cliff_view = page
        .wait_attr(
            "#surface",
            "data-view",
            "4.5,5.5,-2.9,-1.9",
            Duration::from_secs(5),
        )
        .await;
    let cliff = params(&page).await;
    let cliff_answer = page.attr("#surface", "data-answer").await;
    let task_note = page.visible("#task-note").await;
    page.set_value("#model", "linear").await;
    let linear_view = page
        .wait_attr("#surface", "data-view", "-3,3,-3,3", Duration::from_secs(5))
        .await;
    let linear = params(&page).await;
    let star_again = page.attr("#surface", "data-answer").await;
    let errors = page.finish().await;

    assert_eq!(linear_answer.as_deref(), Some("optimum"));
    tanh_view.expect("the tanh cell's window");
    assert_eq!(tanh_epoch, Some(0), "a new run starts");
    assert_eq!(
        ghost_points.as_deref(),
        Some("0"),
        "the linear run is no ghost on the tanh cell's map"
    );
    let start = core_run("model=tanh", 0).weights();
    assert_eq!(values(&tanh), [start.w_x, start.w_rec]);
    assert!(tanh_formula.contains("tanh("), "{tanh_formula:?}");
    assert!(tanh_search.contains("model=tanh"), "{tanh_search}");
    cliff_view.expect("the cliff's window");
    assert_eq!(names(&cliff), ["w", "b"]);
    assert_eq!(values(&cliff), [5.0, -2.2]);
    assert_eq!(cliff_answer.as_deref(), Some("wall"));
    assert!(task_note);
    linear_view.expect("back to Roelants' window");
    let start = core_run("", 0).weights();
    assert_eq!(names(&linear), ["w_x", "w_rec"]);
    assert_eq!(values(&linear), [start.w_x, start.w_rec]);
    assert_eq!(star_again.as_deref(), Some("optimum"));
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn the_japanese_page_names_the_tanh_cell() {
    let page = AppPage::opened("?lang=ja&model=tanh").await;
    let label = text_of(&page, "label[for=model]").await;
    let chosen = page
        .js("document.querySelector('#model').selectedOptions[0].textContent")
        .await;
    let task = page
        .js("document.querySelector('#task').selectedOptions[0].textContent")
        .await;
    let formula = text_of(&page, "#app-header .formula").await;
    let intro = text_of(&page, "#app-header .model").await;
    let names_shown = names(&params(&page).await)
        .into_iter()
        .map(str::to_string)
        .collect::<Vec<_>>();
    let errors = page.finish().await;

    assert_eq!(label, "モデル");
    assert_eq!(chosen, Value::from("tanh セル（エルマン型 RNN）"));
    assert_eq!(task, Value::from("数え上げタスク"));
    assert_eq!(formula, "sₖ = tanh(xₖ · w_x + sₖ₋₁ · w_rec)");
    assert!(intro.contains("tanh を通して"), "{intro:?}");
    assert_eq!(names_shown, ["w_x", "w_rec"]);
    assert_clean_console(&errors);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs dist/ and chromium; run by make test"]
async fn screenshots_of_the_linear_cell_the_tanh_latch_and_the_cliff() {
    let page = AppPage::opened("?lang=en").await;
    page.set_viewport(1280, 720).await;
    page.screenshot("cells-linear").await;
    page.open("?lang=en&model=tanh&task=latch&wx=0.5&wrec=0.5")
        .await
        .expect("the tanh latch opens");
    let _ = play_to(&page, 100).await;
    page.screenshot("cells-tanh-latch").await;
    page.open("?lang=en&model=cliff")
        .await
        .expect("the cliff opens");
    let _ = play_to(&page, 100).await;
    page.screenshot("cells-cliff").await;
    page.eval(
        "document.querySelector('#cliff-data-note').scrollIntoView({block: 'center'});",
        vec![],
    )
    .await;
    page.screenshot("cells-cliff-data").await;
    page.open("?lang=ja&model=tanh&task=latch")
        .await
        .expect("the Japanese page opens");
    page.screenshot("cells-tanh-latch-ja").await;
    let errors = page.finish().await;
    assert_clean_console(&errors);
}
