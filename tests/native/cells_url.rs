//! `model=` and `task=` in links: a cell that cannot take the task (the cliff has no input)
//! gets the count task with a notice, whatever the key order; the CSV names the cell's
//! parameters, and the linear cell's stays as it was.

use rnn_playground::export::{CSV_HEADER, csv_header, run_csv};
use rnn_playground::params::{NoticeKind, Problem, parse, to_query};
use rnn_playground::rnn::{CellKind, Task, Trainer};

#[test]
fn the_cliff_asked_to_latch_counts_with_a_notice() {
    for query in ["model=cliff&task=latch", "task=latch&model=cliff"] {
        let parsed = parse(query);
        assert_eq!(parsed.state.model, CellKind::Cliff, "{query}");
        assert_eq!(parsed.state.task, Task::Count, "{query}");
        let [notice] = &parsed.notices[..] else {
            panic!("{query}: {:?}", parsed.notices)
        };
        assert_eq!(
            (notice.key, notice.given.as_str(), notice.used.as_str()),
            ("task", "latch", "count")
        );
        assert_eq!(notice.kind, NoticeKind::Malformed(Problem::TaskNotForCell));
        assert_eq!(to_query(&parsed.state), "model=cliff");
        assert!(Trainer::new(parsed.state.trainer_config()).is_ok());
    }
    for query in ["model=tanh&task=latch", "task=latch", "model=cliff"] {
        assert!(parse(query).notices.is_empty(), "{query}");
    }
}

#[test]
fn the_csv_names_each_cells_parameters() {
    assert_eq!(csv_header(CellKind::Linear.names()), CSV_HEADER);
    assert_eq!(csv_header(CellKind::Tanh.names()), CSV_HEADER);
    assert_eq!(
        csv_header(CellKind::Cliff.names()),
        "epoch,loss,w,b,grad_w,grad_b"
    );
    let trainer = Trainer::new(parse("model=cliff").state.trainer_config()).unwrap();
    let csv = run_csv(&trainer);
    assert!(csv.starts_with("epoch,loss,w,b,grad_w,grad_b\n0,"), "{csv}");
}
