//! The catalogues beyond what the compiler checks: every value of every enum
//! they word has words in every language, and the Japanese page shows no
//! English.

use rnn_playground::params::BitsProblem;
use rnn_playground::params::{
    Control, FileProblem, Lang, Notice, NoticeKind, PresetId, Problem, RunNote, Shortcut,
};
use rnn_playground::rnn::trace::Quantity;
use rnn_playground::rnn::trainer::DivergenceReason;
use rnn_playground::rnn::{
    CellKind, CoreError, Hyper, InvalidReason, Named, Optimizer, OptimizerKind, OptimizerSettings,
    Reduction, Task,
};
use rnn_playground::text::inside::InsideText;
use rnn_playground::text::{EN, JA, Text, core_error_en, invalid_reason_en};
use strum::IntoEnumIterator;

/// ASCII words of four letters or more that the Japanese page may show: the
/// names of methods, people and tools, file formats, key caps, and the words
/// a link itself uses (`seed`, `wrec`).
const ALLOWED_IN_JA: &[&str] = &[
    "RMSProp", "Rprop", "Adam", "BPTT", "JSON", "Theano", "Peter", "Roelants", "numpy", "Nesterov",
    "Python", "Space", "Ctrl", "PageDown", "PageUp", "seed", "wrec",
    // The papers' authors and the functions of the formulas.
    "Pascanu", "Mikolov", "Bengio", "Simard", "Frasconi", "tanh", "atanh",
];

/// Words the review of the Japanese text replaced, so they do not come back.
const REPLACED_IN_JA: &[&str] = &[
    "モメンタム",
    "あふれ",
    "各ステップ",
    "1ステップ",
    "ステップ進める",
    "状態：",
    "状態を保存",
    "状態を読み込む",
    "の変種",
    "min <",
];

/// Every setting name a core error can carry: URL keys and CLI flags.
fn error_names() -> Vec<&'static str> {
    let mut names = vec![
        "clip",
        "samples",
        "len",
        "seed",
        "init",
        "rows",
        "wx",
        "wrec",
        "view",
        "speed",
        "epochs",
        "at",
        "hide",
        "tolerance",
    ];
    for hyper in Hyper::iter() {
        names.extend([hyper.url_key(), hyper.cli_name()]);
    }
    names
}

/// One error of each variant and reason, for every name.
fn every_core_error() -> Vec<CoreError> {
    let mut errors = Vec::new();
    for name in error_names() {
        errors.push(CoreError::OutOfRange {
            name,
            value: 0.0,
            min: 1.0,
            max: 200.0,
        });
        errors.extend(InvalidReason::iter().map(|reason| CoreError::Invalid { name, reason }));
    }
    for error in &errors {
        // No catch-all: a new variant must be added above.
        match error {
            CoreError::OutOfRange { .. } | CoreError::Invalid { .. } => {}
        }
    }
    errors
}

/// One notice of each kind, with each way of saying the value used.
fn every_notice() -> Vec<Notice> {
    let mut kinds = vec![
        NoticeKind::Empty,
        NoticeKind::NotANumber,
        NoticeKind::NotAnInteger {
            min: 1.0,
            max: 200.0,
        },
        NoticeKind::OutOfRange {
            min: 1e-12,
            max: 1e6,
        },
        NoticeKind::UnknownChoice {
            allowed: OptimizerKind::names().into_iter().collect(),
        },
        NoticeKind::Repeated { count: 3 },
        NoticeKind::TooMuchWork {
            work: 2_000_000_000_000,
            max_work: 2_000_000_000,
        },
        NoticeKind::SpeedCapped,
        NoticeKind::NotPositive,
    ];
    kinds.extend(Problem::iter().map(NoticeKind::Malformed));
    for kind in &kinds {
        // No catch-all: a new kind must be added above.
        match kind {
            NoticeKind::Empty
            | NoticeKind::NotANumber
            | NoticeKind::NotAnInteger { .. }
            | NoticeKind::OutOfRange { .. }
            | NoticeKind::UnknownChoice { .. }
            | NoticeKind::Repeated { .. }
            | NoticeKind::TooMuchWork { .. }
            | NoticeKind::SpeedCapped
            | NoticeKind::NotPositive
            | NoticeKind::Malformed(_) => {}
        }
    }
    let mut notices = Vec::new();
    for kind in kinds {
        for (key, used) in [("lr", "0.001"), ("lang", ""), ("wx", "seed")] {
            notices.push(Notice {
                key,
                kind: kind.clone(),
                given: "abc".into(),
                used: used.into(),
            });
        }
    }
    notices
}

/// `text` without the parts that came from a link or a file, not from the catalogue.
fn without_data(text: &str, notice: &Notice) -> String {
    let mut data: Vec<&str> = vec![notice.key, &notice.given];
    if !notice.used.is_empty() && !notice.is_drawn_init() {
        data.push(&notice.used);
    }
    if let NoticeKind::UnknownChoice { allowed } = &notice.kind {
        data.extend(allowed);
    }
    data.iter()
        .fold(text.to_string(), |rest, part| rest.replace(part, " "))
}

/// Destructures a catalogue naming every field, so that a new field must be
/// added here: first the fields the caller words itself (functions, lists),
/// then the plain strings, which become `let mut $lines`, each as (`$prefix`
/// and its name, its text). A field's name is written once.
macro_rules! every_field {
    (
        let $ty:ident { $($worded:ident $(: $as:pat)?,)* } = $value:expr;
        let mut $lines:ident = $prefix:literal + [$($plain:ident,)*];
    ) => {
        let $ty { $($worded $(: $as)?,)* $($plain,)* } = $value;
        let mut $lines: Vec<(String, String)> = vec![
            $((concat!($prefix, stringify!($plain)).to_string(), $plain.to_string()),)*
        ];
    };
}

/// Every string `text` can show, each with where it comes from.
fn every_line(text: &Text) -> Vec<(String, String)> {
    every_field! {
        let Text {
            model_explained,
            tagline_for,
            model_name,
            task_name,
            optimizer_name,
            hyper_label,
            reduction_name,
            speed_hint,
            data_table_more,
            status_stopped,
            status_race_over,
            status_converged,
            status_cycling,
            status_stuck,
            run_note,
            status_diverged,
            status_error,
            core_error,
            try_clip,
            optimizer_state_name,
            surface_ms,
            msg_not_a_number,
            msg_decimal_comma,
            pick_moved,
            msg_not_whole,
            msg_out_of_range,
            msg_not_positive,
            msg_zero_off,
            notice,
            scenario_modified,
            scenario_restore,
            ghost_label,
            lesson_data,
            lesson_racers,
            preset_title,
            preset_caption,
            seek_progress,
            status_seeking,
            control_label,
            shortcut,
            sentence_gap: _,
            import_not_state,
            import_newer_format,
            import_older_format,
            import_loaded,
            import_corrected,
            race_epoch,
            race_dnf,
            race_tuned,
            race_remove,
            race_showing_own_run,
            announce_paused,
            divergence_reason,
            surface_current,
            hover_loss,
            surface_summary_view,
            surface_summary_colours,
            surface_summary_path,
            view_field_names,
            view_not_number,
            loss_summary_range,
            loss_summary_one,
            inside,
        } = text;
        let mut lines = "" + [
            lang,
            ghost_clear,
            title,
            tagline,
            model_intro,
            model_formula,
            model_outro,
            footer_credit,
            footer_lesson,
            optimizer_legend,
            data_legend,
            init_legend,
            run_legend,
            optimizer_label,
            lr_label,
            lr_slider_label,
            lr_rprop_hint,
            clip_label,
            clip_placeholder,
            clip_hint,
            reduction_label,
            seq_len_label,
            samples_label,
            seed_label,
            new_data,
            init_wx_label,
            init_wrec_label,
            init_seed,
            init_hint,
            play,
            pause,
            step,
            reset,
            speed_label,
            max_epochs_label,
            max_epochs_placeholder,
            readouts_title,
            epoch,
            loss,
            w_x,
            w_rec,
            grad_wx,
            grad_wrec,
            data_table_title,
            data_table_inputs,
            data_table_target,
            data_table_y,
            grad_norm,
            clip_norm,
            clip_scale,
            status,
            status_ready,
            status_ready_overflow,
            seek_cancel,
            status_running,
            status_paused,
            divergence_note,
            try_smaller_lr,
            try_rprop,
            optimizer_state_title,
            optimizer_state_none,
            optimizer_state_quantity,
            overflow,
            missing,
            surface_title,
            loss_title,
            surface_pending,
            msg_used_off,
            url_notice_title,
            file_notice_title,
            url_notice_close,
            preset_label,
            preset_none,
            preset_none_caption,
            lesson_clip_off,
            present_toggle,
            present_exit,
            copy_link,
            copy_link_done,
            copy_link_manual,
            share_url_label,
            share_panel_title,
            share_hide_legend,
            share_embed,
            share_present,
            share_at,
            share_link_label,
            share_embed_code_label,
            log_y_label,
            shortcuts_open,
            shortcuts_title,
            shortcuts_close,
            lang_label,
            export_legend,
            export_csv,
            export_csv_title,
            export_json,
            export_json_title,
            import_json,
            import_read_failed,
            export_failed,
            export_python,
            export_python_title,
            race_add,
            race_add_title,
            race_title,
            race_exit,
            race_legend_label,
            race_target_label,
            race_target_placeholder,
            race_tune,
            race_tune_title,
            race_tune_cancel,
            race_tuning,
            race_col_racer,
            race_col_finish,
            race_col_loss,
            race_col_status,
            race_col_weights,
            race_finished,
            race_running,
            race_as_set,
            surface_label,
            surface_hover_prompt,
            surface_summary_pending,
            surface_computing,
            colour_bar_caption,
            colour_bar_caption_ranked,
            surface_summary_ranked,
            limit_label,
            escape_label,
            surface_png_title,
            view_group_label,
            view_to,
            zoom_wide_title,
            zoom_near_title,
            view_apply,
            view_invalid,
            zoom_cell_title,
            model_label,
            task_label,
            task_only_count,
            cliff_no_data,
            data_table_title_latch,
            data_table_title_cliff,
            init_cliff_start,
            loss_chart_label,
            loss_axis_epoch,
            loss_axis_loss,
            loss_axis_loss_log,
            loss_png_title,
            loss_summary_empty,
        ];
    }
    let mut add = |at: String, line: String| lines.push((at, line));

    for kind in OptimizerKind::iter() {
        add(
            format!("optimizer_name({kind:?})"),
            optimizer_name(kind).into(),
        );
        let optimizer = Optimizer::new(OptimizerSettings::defaults(kind)).unwrap();
        for (name, _) in optimizer.inspect() {
            add(
                format!("optimizer_state_name({name})"),
                optimizer_state_name(name).into(),
            );
        }
    }
    // One line per value: `function(value)` and what the catalogue says for it.
    fn each<T: std::fmt::Debug + Copy>(
        function: &str,
        values: impl IntoIterator<Item = T>,
        say: impl Fn(T) -> String,
    ) -> Vec<(String, String)> {
        let line = |v: T| (format!("{function}({v:?})"), say(v));
        values.into_iter().map(line).collect()
    }
    add("race_epoch".into(), race_epoch(35, 2001, "5.53"));
    add("race_tuned".into(), race_tuned("lr", "3e-5"));
    add("race_remove".into(), race_remove(2));
    add(
        "race_showing_own_run".into(),
        race_showing_own_run(optimizer_name(OptimizerKind::Adam)),
    );
    let mut per_value = Vec::new();
    per_value.extend(each("model_name", CellKind::iter(), |m| {
        model_name(m).into()
    }));
    per_value.extend(each("task_name", Task::iter(), |t| task_name(t).into()));
    for model in CellKind::iter() {
        per_value.extend(each("model_explained", Task::iter(), |task| {
            model_explained(model, task).join(" ")
        }));
        per_value.extend(each("tagline_for", Task::iter(), |task| {
            tagline_for(model, task).into()
        }));
    }
    per_value.extend(each("hyper_label", Hyper::iter(), |h| {
        hyper_label(h).into()
    }));
    per_value.extend(each("reduction_name", Reduction::iter(), |r| {
        reduction_name(r).into()
    }));
    per_value.extend(each("control_label", Control::all(), |c| {
        control_label(c).into()
    }));
    per_value.extend(each("preset_title", PresetId::iter(), |p| {
        preset_title(p).into()
    }));
    per_value.extend(each("preset_caption", PresetId::iter(), |p| {
        preset_caption(p).into()
    }));
    let reasons = DivergenceReason::iter();
    per_value.extend(each("divergence_reason", reasons.clone(), |r| {
        divergence_reason(r).into()
    }));
    per_value.extend(each("status_diverged", reasons.clone(), |r| {
        status_diverged(12, r)
    }));
    per_value.extend(each("race_dnf", reasons, |r| race_dnf(3, r)));
    for (at, line) in per_value {
        add(at, line);
    }
    for error in every_core_error() {
        let said = core_error(&error);
        add(format!("status_error({error:?})"), status_error(&said));
        add(format!("core_error({error:?})"), said);
    }
    for n in every_notice() {
        add(format!("notice({n:?})"), without_data(&notice(&n), &n));
    }
    for key in Shortcut::iter() {
        add(format!("shortcut({key:?})"), shortcut(key).to_string());
    }
    for (i, name) in view_field_names.iter().enumerate() {
        add(format!("view_field_names[{i}]"), name.to_string());
    }
    let field = seq_len_label;
    add("speed_hint".into(), speed_hint(40));
    add("status_stopped".into(), status_stopped(12));
    add("status_race_over".into(), status_race_over(138));
    add("status_converged".into(), status_converged(12));
    add("try_clip".into(), try_clip("1000", "0.01"));
    add("data_table_more".into(), data_table_more(50, 1000));
    for posts_rule in [false, true] {
        add(
            format!("status_cycling({posts_rule})"),
            status_cycling(12, &["0.0068277".into(), "0.0067216".into()], posts_rule),
        );
    }
    add("status_stuck".into(), status_stuck(540, "553.16", "553.16"));
    for note in RunNote::examples() {
        add(format!("run_note({note:?})"), run_note(note));
    }
    add("surface_ms".into(), surface_ms("12.5"));
    add(
        "scenario_modified".into(),
        scenario_modified(1, "len 10 → 50"),
    );
    add("scenario_restore".into(), scenario_restore(1));
    add("ghost_label".into(), ghost_label("lr=0.01", 2001, false));
    add(
        "ghost_label diverged".into(),
        ghost_label("lr=0.01", 2, true),
    );
    add("ghost_label same".into(), ghost_label("", 300, false));
    add("lesson_data".into(), lesson_data(20, 10));
    add("lesson_racers".into(), lesson_racers(2, "Adam, Rprop"));
    add("msg_not_a_number".into(), msg_not_a_number(field, "10"));
    add(
        "pick_moved".into(),
        pick_moved("(35.3, 49.3)", "(10, 10)", "10"),
    );
    add(
        "msg_decimal_comma".into(),
        msg_decimal_comma(field, "1.5", "10"),
    );
    add("msg_not_whole".into(), msg_not_whole(field, "10"));
    add(
        "msg_out_of_range".into(),
        msg_out_of_range(field, "1", "200", "200"),
    );
    add(
        "msg_zero_off".into(),
        msg_zero_off(clip_label, msg_used_off),
    );
    add(
        "msg_not_positive".into(),
        msg_not_positive(clip_label, msg_used_off),
    );
    add("seek_progress".into(), seek_progress(40, 100));
    add("status_seeking".into(), status_seeking(100));
    for problem in [
        FileProblem::Syntax { line: 3, column: 5 },
        FileProblem::Truncated,
        FileProblem::WrongShape { line: 1, column: 9 },
        FileProblem::NoSettings,
        FileProblem::TooLarge {
            max_bytes: 1_000_000,
        },
    ] {
        add(
            format!("import_not_state({problem:?})"),
            import_not_state(problem),
        );
    }
    add("import_newer_format".into(), import_newer_format(2));
    add("import_older_format".into(), import_older_format(1));
    add("import_loaded".into(), import_loaded(12));
    add("import_corrected(1)".into(), import_corrected(1));
    add("import_corrected(2)".into(), import_corrected(2));
    add("announce_paused".into(), announce_paused(12));
    add("surface_current".into(), surface_current("(1, 2)"));
    add("hover_loss".into(), hover_loss("(1, 2)", "0.5"));
    add(
        "surface_summary_view".into(),
        surface_summary_view("-3", "3", "-3", "3"),
    );
    add(
        "surface_summary_colours".into(),
        surface_summary_colours("0.01", "1e4"),
    );
    for diverged in [false, true] {
        add(
            format!("surface_summary_path({diverged})"),
            surface_summary_path("(0, 0)", "(1, 1)", diverged),
        );
    }
    add(
        "view_not_number".into(),
        view_not_number(view_field_names[0]),
    );
    add(
        "loss_summary_range".into(),
        loss_summary_range("400", 1, "0.1", 50, "0.09"),
    );
    add("loss_summary_one".into(), loss_summary_one(1, "400"));
    lines.extend(inside_lines(inside));
    lines
}

/// Every string of the inside view, as [`every_line`] does for the rest.
fn inside_lines(inside: &InsideText) -> Vec<(String, String)> {
    every_field! {
        let InsideText {
            seq_option,
            bits_problem,
            prediction,
            prediction_cliff,
            prediction_typed,
            preview,
            window_range,
            grad_time_axis_signal,
            grad_time_factor,
            grad_time_factor_mean,
            grad_time_summary,
            phase_forward,
            phase_backward,
            chain_sequence,
            chain_forward,
            chain_output,
            chain_later,
            chain_term_x,
            chain_term_rec,
            chain_sums,
            chain_sum_x,
            chain_sum_rec,
            chain_sum_named,
            clip_norms,
            update_formula,
            quantity,
            before_after,
            applied,
            new_weights,
            loss_value,
        } = inside;
        let mut lines = "inside." + [
            tabs_label,
            tab_loss,
            tab_inside,
            unrolled_title,
            seq_select_label,
            seq_input_label,
            seq_input_placeholder,
            seq_input_clear,
            signal_legend,
            window_label,
            strip_label,
            table_caption,
            col_step,
            col_input,
            col_state,
            col_signal,
            no_signal,
            grad_time_title,
            grad_time_label,
            grad_time_axis_step,
            grad_time_sign,
            grad_time_six,
            grad_time_png_title,
            grad_time_ghost,
            step_through_open,
            phase_prev,
            phase_next,
            phase_exit,
            jump_loss,
            jump_update,
            phase_loss,
            phase_clip,
            phase_update,
            phase_weights,
            phase_keys,
            clip_off,
            stops_here,
        ];
    }
    let mut add = |at: &str, line: String| lines.push((format!("inside.{at}"), line));
    add("seq_option", seq_option(3, "0110", "2"));
    for problem in BitsProblem::iter() {
        add(
            &format!("bits_problem({problem:?})"),
            bits_problem(problem).into(),
        );
    }
    add("prediction", prediction("3.999", "4"));
    add("prediction_typed", prediction_typed("3.999", 4));
    add("preview", preview("(1, 2)"));
    add("window_range", window_range(1, 10, 200));
    for reduction in Reduction::iter() {
        add(
            &format!("grad_time_axis_signal({reduction:?})"),
            grad_time_axis_signal(reduction).into(),
        );
    }
    add("grad_time_factor", grad_time_factor("1.5"));
    add(
        "grad_time_summary",
        grad_time_summary(10, "3", "0.1", "× w_rec = 0.5"),
    );
    add("phase_forward", phase_forward(3, 10));
    add("phase_backward", phase_backward(7, 10));
    add("chain_sequence", chain_sequence(2));
    add(
        "chain_forward",
        chain_forward(3, "1", "1.5", "3.1", "0.5", "3.05"),
    );
    add("chain_output", chain_output(10, "-1.91", None, "-3.82"));
    add(
        "chain_output(mean)",
        chain_output(10, "-1.91", Some("0.05"), "-0.191"),
    );
    add("chain_later", chain_later(9, "-3.82", "0.5", "-1.91"));
    add("chain_term_x", chain_term_x(9, "-1.91", "1", "-1.91"));
    add("chain_term_rec", chain_term_rec(9, "-1.91", "2", "-3.82"));
    add("chain_sums", chain_sums(20));
    add("chain_sum_x", chain_sum_x(10, 9, "0.5", "-0.2", "0.3"));
    add("chain_sum_rec", chain_sum_rec(10, 9, "0.5", "-0.2", "0.3"));
    add("grad_time_factor_mean", grad_time_factor_mean("0.8"));
    add("prediction_cliff", prediction_cliff("0.69", "0.7"));
    add(
        "chain_sum_named",
        chain_sum_named("b", 10, 9, "0.5", "-0.2", "0.3"),
    );
    add("clip_norms", clip_norms("4.5e7", "1000", "1000"));
    for kind in OptimizerKind::iter() {
        add(
            &format!("update_formula({kind:?})"),
            update_formula(kind).into(),
        );
    }
    for q in Quantity::iter() {
        add(&format!("quantity({q:?})"), quantity(q).into());
    }
    add("before_after", before_after("1", "2"));
    add("applied", applied("w_x", "1.5", "-0.25", "1.25"));
    add("new_weights", new_weights("(1, 2)"));
    add("loss_value", loss_value("0.5"));
    lines
}

/// The ASCII words of four letters or more in `line`.
fn long_ascii_words(line: &str) -> Vec<&str> {
    line.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|word| word.len() >= 4)
        .collect()
}

#[test]
fn every_value_is_worded_in_every_language() {
    for lang in Lang::all() {
        let text = Text::get(lang);
        for (at, line) in every_line(text) {
            assert!(!line.trim().is_empty(), "{lang:?} {at} is empty");
        }
        // An unknown optimizer-state name gets the dash: every real one is worded.
        for kind in OptimizerKind::iter() {
            for (name, _) in Optimizer::new(OptimizerSettings::defaults(kind))
                .unwrap()
                .inspect()
            {
                assert_ne!((text.optimizer_state_name)(name), text.missing, "{name}");
            }
        }
        // The hide list and the scenario menu tell their entries apart.
        let mut labels: Vec<&str> = Control::all().map(text.control_label).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), Control::all().count(), "{lang:?}: {labels:?}");
        let mut titles: Vec<&str> = PresetId::iter().map(text.preset_title).collect();
        titles.sort_unstable();
        titles.dedup();
        assert_eq!(titles.len(), PresetId::iter().count(), "{lang:?}");
    }
}

#[test]
fn the_languages_differ_where_they_should() {
    for error in every_core_error() {
        assert_ne!((EN.core_error)(&error), (JA.core_error)(&error));
    }
    for notice in every_notice() {
        assert_ne!((EN.notice)(&notice), (JA.notice)(&notice));
    }
    for preset in PresetId::iter() {
        assert_ne!((EN.preset_caption)(preset), (JA.preset_caption)(preset));
    }
    for control in Control::all() {
        assert_ne!((EN.control_label)(control), (JA.control_label)(control));
    }
}

#[test]
fn japanese_shows_no_english() {
    let mut english = Vec::new();
    for (at, line) in every_line(&JA) {
        for word in long_ascii_words(&line) {
            if !ALLOWED_IN_JA.contains(&word) {
                english.push(format!("{at}: {word:?} in {line:?}"));
            }
        }
        for replaced in REPLACED_IN_JA {
            if line.contains(replaced) {
                english.push(format!("{at}: {replaced:?} in {line:?}"));
            }
        }
    }
    assert!(english.is_empty(), "\n{}", english.join("\n"));
}

#[test]
fn japanese_sentences_end_with_a_full_stop() {
    // A message with a 。 inside ends with one too (or leads on to a formula with ：).
    for (at, line) in every_line(&JA) {
        let inner = line.trim_end_matches(['。', '）', '」']);
        if inner.contains('。') {
            assert!(line.ends_with(['。', '：']), "{at}: {line:?}");
        }
    }
}

#[test]
fn japanese_controls_are_named_alike_everywhere() {
    // The hide list, the core's errors and the form use the same words.
    for hyper in Hyper::iter() {
        let label = (JA.hyper_label)(hyper);
        assert!(
            (JA.control_label)(Control::Hyper(hyper)).contains(label),
            "{label}"
        );
    }
    let same = [
        (Control::Len, JA.seq_len_label),
        (Control::N, JA.samples_label),
        (Control::Seed, JA.seed_label),
        (Control::Epochs, JA.max_epochs_label),
        (Control::View, JA.view_group_label),
        (Control::Data, JA.new_data),
    ];
    for (control, label) in same {
        assert!((JA.control_label)(control).contains(label), "{control:?}");
    }
    let too_long = CoreError::OutOfRange {
        name: "len",
        value: 500.0,
        min: 1.0,
        max: 200.0,
    };
    assert!((JA.core_error)(&too_long).starts_with(JA.seq_len_label));
    for hyper in Hyper::iter() {
        let invalid = CoreError::Invalid {
            name: hyper.cli_name(),
            reason: InvalidReason::NotFinite,
        };
        assert!((JA.core_error)(&invalid).starts_with((JA.hyper_label)(hyper)));
    }
}

#[test]
fn the_clis_english_words_are_the_english_catalogue() {
    for error in every_core_error() {
        assert_eq!(core_error_en(&error), (EN.core_error)(&error));
    }
    for reason in InvalidReason::iter() {
        let error = CoreError::Invalid {
            name: "view",
            reason,
        };
        assert_eq!(
            core_error_en(&error),
            format!("view: {}", invalid_reason_en(reason))
        );
    }
    let error = CoreError::OutOfRange {
        name: "len",
        value: 0.0,
        min: 1.0,
        max: 200.0,
    };
    assert_eq!(
        core_error_en(&error),
        "len must be between 1 and 200, got 0"
    );
}

/// A typed sequence's count reads as English: "1 one", "2 ones".
#[test]
fn the_typed_sequence_counts_its_ones_in_good_english() {
    let prediction = Text::get(Lang::En).inside.prediction_typed;
    assert!(prediction("1", 1).contains("it holds 1 one;"));
    assert!(prediction("2", 2).contains("it holds 2 ones;"));
    assert!(prediction("0", 0).contains("it holds 0 ones;"));
}
