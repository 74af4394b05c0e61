//! The Japanese catalogue, written as a teacher would word the page, not
//! glossed from the English. Symbols (w_x, w_rec, lr, ρ, β1) stay as they are.

use strum::IntoEnumIterator;

use crate::format::{exact, readable};
use crate::params::{
    Control, FileProblem, Notice, NoticeKind, PresetId, Problem, RunNote, Shortcut,
};
use crate::plot::view::{VIEW_LIMIT, VIEW_MIN_SPAN};
use crate::rnn::error::{CoreError, InvalidReason};
use crate::rnn::optim::Hyper;
use crate::rnn::trainer::DivergenceReason;
use crate::rnn::{CellKind, OptimizerKind, Reduction, Task};

use super::Text;

pub const JA: Text = Text {
    lang: "ja",

    title: "RNN プレイグラウンド",
    tagline: "重み 2 つの RNN で 1 の個数を数える",
    model_intro: "入力は 0 と 1 の系列で、正解はその中の 1 の個数です。\
                  状態はひとつの数だけで、各時刻 k でこう更新されます：",
    model_formula: "sₖ = xₖ · w_x + sₖ₋₁ · w_rec",
    model_outro: "最後の状態がそのまま出力なので、w_x = w_rec = 1 ならぴったり数えられます。\
                  学習させて、最適化手法が損失曲面をたどる様子を見てみましょう。",
    footer_credit: "このネットワークを Theano で学習させた 2016 年のブログ記事と、\
                    同じ線形 RNN を扱った Peter Roelants の numpy チュートリアル\
                    （Rprop による学習と [-3, 3]² の損失曲面）をもとにしています。",
    footer_lesson: "|w_rec| > 1 では勾配爆発、|w_rec| < 1 では勾配消失が起こりやすくなります。\
                    マップ上の破線がその境目です。",

    model_explained: ja_model_explained,
    tagline_for: ja_tagline_for,
    model_label: "モデル",
    model_name: ja_model_name,
    task_label: "タスク",
    task_name: ja_task_name,
    task_only_count: "崖のセルには入力がなく、目標は σ(x_T) = 0.7 のひとつだけなので、タスクは数え上げのままです。",
    cliff_no_data: "崖のセルにはデータがありません。ひとつのユニットが x₀ = 0.5 から T 時刻だけ\
                    動き、系列の長さがその T です。系列の数、乱数シード、損失の選択は使いません。",

    optimizer_legend: "最適化手法",
    data_legend: "データと損失",
    init_legend: "初期値",
    run_legend: "実行",

    optimizer_label: "更新則",
    optimizer_name: ja_optimizer_name,
    lr_label: "学習率",
    lr_slider_label: "対数目盛、1e-6 〜 1",
    lr_rprop_hint: "Rprop には学習率がありません。Δ0 から始まる独自のステップ幅で進みます。",
    hyper_label: ja_hyper_label,
    clip_label: "勾配クリッピング（ノルムの上限）",
    clip_placeholder: "なし",
    clip_hint: "空欄ならクリップしません。",

    reduction_label: "損失関数",
    reduction_name: ja_reduction_name,
    seq_len_label: "系列長",
    samples_label: "系列数",
    seed_label: "データのシード",
    new_data: "新しいデータ",

    init_wx_label: "w_x の初期値",
    init_wrec_label: "w_rec の初期値",
    init_seed: "乱数の初期重みに戻す",
    init_cliff_start: "パスカヌらの出発点",
    init_hint: "ヒートマップをクリックすると、その点から始めます。",

    play: "再生",
    pause: "一時停止",
    step: "1 エポック進める",
    reset: "リセット",
    speed_label: "1 フレームあたりのエポック数",
    speed_hint: ja_speed_hint,
    max_epochs_label: "停止するエポック",
    max_epochs_placeholder: "なし",

    readouts_title: "学習の様子",
    epoch: "エポック",
    loss: "損失",
    w_x: "w_x",
    w_rec: "w_rec",
    grad_wx: "∂L/∂w_x",
    grad_wrec: "∂L/∂w_rec",
    data_table_title: "データと予測：目標 t = 1 の個数、y = 今のネットワークの出力",
    data_table_title_latch: "データと予測：最初の入力は 1 か −1 で残りは 0、目標 t = 最初の入力の半分、\
                             y = 今のネットワークの出力",
    data_table_title_cliff: "データなし：崖のセルの目標は σ(x_T) = 0.7 のひとつだけです",
    data_table_inputs: "系列 x",
    data_table_target: "t",
    data_table_y: "y",
    data_table_more: ja_data_table_more,
    grad_norm: "クリップ前の |g|",
    clip_norm: "クリップ後の |g|",
    clip_scale: "クリップの倍率",
    status: "ステータス：",
    status_ready: "準備完了",
    status_ready_overflow: "準備完了（開始点で損失がオーバーフローしています）",
    status_seeking: ja_status_seeking,
    status_running: "学習中",
    status_paused: "一時停止中",
    status_stopped: ja_status_stopped,
    status_race_over: |epoch| {
        format!("エポック {epoch} でレース終了：全員がゴールしたか発散しました")
    },
    status_converged: ja_status_converged,
    status_cycling: ja_status_cycling,
    status_stuck: ja_status_stuck,
    run_note: ja_run_note,
    status_diverged: ja_status_diverged,
    status_error: ja_status_error,
    core_error: ja_core_error,
    divergence_note: "学習が発散しました。学習率を下げるか、勾配ノルムをクリップするか、\
                      勾配の符号だけを使う Rprop に切り替えてみましょう。",
    try_smaller_lr: "学習率 ÷ 10",
    try_clip: ja_try_clip,
    try_rprop: "Rprop にする",
    optimizer_state_title: "最適化手法の内部状態",
    optimizer_state_none: "勾配降下法は内部状態を持ちません。",
    optimizer_state_name: ja_optimizer_state_name,
    optimizer_state_quantity: "内部変数",
    overflow: "オーバーフロー",
    missing: "—",

    surface_title: "損失曲面",
    loss_title: "損失曲線",
    surface_ms: ja_surface_ms,
    surface_pending: "曲面：計算中…",

    msg_not_a_number: ja_not_a_number,
    msg_decimal_comma: ja_decimal_comma,
    msg_not_whole: ja_not_whole,
    msg_out_of_range: ja_out_of_range,
    msg_not_positive: ja_not_positive,
    msg_used_off: "なし",
    msg_zero_off: ja_zero_off,

    pick_moved: ja_pick_moved,
    url_notice_title: "次の設定を修正しました：",
    file_notice_title: "ファイルの次の設定を修正しました：",
    url_notice_close: "閉じる",
    notice: ja_notice,
    preset_label: "シナリオ",
    preset_none: "カスタム",
    preset_none_caption: "自分で決めた設定です。",
    scenario_modified: |number, changes| {
        format!(
            "シナリオ {number} から変更されています（{changes}）。上の説明は元のシナリオのもので、この実行のものではありません。"
        )
    },
    scenario_restore: |number| format!("シナリオ {number} に戻す"),
    ghost_label: |changes, epoch, diverged| {
        let with = if changes.is_empty() {
            "同じ設定"
        } else {
            changes
        };
        let end = if diverged {
            format!("エポック {epoch} で発散")
        } else {
            format!("{epoch} エポック")
        };
        format!("薄い破線：前回の実行（{with}、{end}）。")
    },
    ghost_clear: "消す",
    lesson_clip_off: "クリッピングなし",
    lesson_data: |samples, len| format!("長さ {len} の系列 {samples} 本"),
    lesson_racers: |count, names| format!("{count} 者のレース：{names}"),
    preset_title: ja_preset_title,
    preset_caption: ja_preset_caption,
    present_toggle: "プレゼンテーションモード",
    present_exit: "プレゼンテーションモードを終了",
    seek_progress: ja_seek_progress,
    seek_cancel: "ここで止める",

    copy_link: "リンクをコピー",
    copy_link_done: "コピーしました。このリンクを開くと、現在のエポックから再開できます。",
    copy_link_manual: "選択したリンクをコピーしてください（Ctrl+C または ⌘C）。",
    share_url_label: "この場面へのリンク",
    share_panel_title: "授業用に共有",
    share_hide_legend: "非表示にする項目",
    control_label: ja_control_label,
    share_embed: "埋め込み：見出し・フッター・説明なし（スライド用）",
    share_present: "プレゼンテーションモード：プロジェクター向けの大きな文字",
    share_at: "現在のエポックから開く",
    share_link_label: "授業用のリンク",
    share_embed_code_label: "埋め込みコード（ページに貼り付けます）",
    log_y_label: "対数目盛",
    shortcuts_open: "キーボードショートカット",
    shortcuts_title: "キーボードショートカット",
    shortcuts_close: "閉じる",
    shortcut: ja_shortcut,

    lang_label: "言語",
    sentence_gap: "",

    export_legend: "保存と読み込み",
    export_csv: "学習の記録を保存（CSV）",
    export_csv_title: "記録した各点のエポック・損失・重み・勾配\
                       （長い学習では間引いて記録しています）",
    export_json: "場面を保存（JSON）",
    export_json_title: "すべての設定と現在のエポック。あとで読み込むと同じ場面を再現します。",
    import_json: "場面を読み込む（JSON）",
    import_not_state: ja_import_not_state,
    import_newer_format: ja_import_newer_format,
    import_older_format: ja_import_older_format,
    import_read_failed: "ファイルを読み込めませんでした。",
    import_loaded: ja_import_loaded,
    import_corrected: ja_import_corrected,
    export_failed: "ファイルを保存できませんでした。",
    export_python: "Python で確かめる",
    export_python_title: "この実行（またはレース）を再現して表を出力する numpy のスクリプトをダウンロードします",

    race_add: "レースに追加",
    race_add_title: "いまの更新則と設定を、同じ出発点からほかの更新則と競わせます",
    race_title: "レース",
    race_exit: "レースをやめる",
    race_legend_label: "走者",
    race_showing_own_run: |rule| {
        format!("表示中：このページ自身の実行（{rule}）。走者ではありません。")
    },
    race_target_label: "ゴールの損失",
    race_target_placeholder: "0 を予測したときの損失の 1%",
    race_tune: "公平に調整",
    race_tune_title: "レースの前に、各走者の学習率（Rprop は Δ0）を 1e-6 から 1 まで同じエポック数で試し、いちばん良いものを使います",
    race_tune_cancel: "中止",
    race_tuning: "調整中…",
    race_epoch: |epoch, max, target| {
        format!("エポック {epoch} / {max}、損失 {target} 未満でゴール")
    },
    race_col_racer: "走者",
    race_col_finish: "ゴール",
    race_col_loss: "損失",
    race_col_status: "状態",
    race_col_weights: "w_x, w_rec",
    race_finished: "ゴール",
    race_running: "走行中",
    race_dnf: |epoch, reason| {
        format!(
            "途中棄権：{epoch} エポック目で発散（{}）",
            ja_divergence_reason(reason)
        )
    },
    race_tuned: |key, value| format!("調整済み：{key} = {value}"),
    race_as_set: "設定どおり",
    race_remove: |number| format!("走者 {number} を外す"),

    announce_paused: ja_announce_paused,
    divergence_reason: ja_divergence_reason,

    surface_label: "w_x（横軸）と w_rec（縦軸）に対する損失のヒートマップと、最適化の経路。\
                    クリックまたはタップすると、その点から学習を始めます。",
    surface_hover_prompt: "マップにカーソルを合わせると w_x・w_rec・損失を表示します。\
                           クリックまたはタップで、その点から始めます。",
    surface_current: ja_surface_current,
    hover_loss: ja_hover_loss,
    surface_summary_view: ja_surface_summary_view,
    surface_summary_colours: ja_surface_summary_colours,
    surface_summary_pending: "損失曲面を計算しています。",
    surface_summary_path: ja_surface_summary_path,
    surface_computing: "損失曲面を計算中…",
    colour_bar_caption: "損失",
    colour_bar_caption_ranked: "損失（色は順位で配分）",
    surface_summary_ranked: "損失の桁の幅が広すぎるため、色はセルの順位で配分しています。\
                             どの色もほぼ同じ数のセルを表します。",
    limit_label: "|w_rec| > 1 で勾配爆発",
    escape_label: "発散",
    surface_png_title: "経路入りのヒートマップを PNG 画像で保存",
    view_group_label: "ヒートマップの表示範囲",
    view_field_names: ["w_x の下限", "w_x の上限", "w_rec の下限", "w_rec の上限"],
    view_to: "〜",
    zoom_wide_title: "w_x と w_rec を -3 〜 3 で表示",
    zoom_cell_title: "このセル用の表示範囲を表示",
    zoom_near_title: "最適解 (1, 1) のまわり、w_x と w_rec が 0 〜 2 の範囲を拡大",
    view_apply: "適用",
    view_not_number: ja_view_not_number,
    view_invalid: "どちらの軸も「下限 < 上限」とし、±1000 以内にしてください。",

    loss_chart_label: "エポックごとの損失",
    loss_axis_epoch: "エポック",
    loss_axis_loss: "損失",
    loss_axis_loss_log: "損失（対数目盛）",
    loss_png_title: "損失曲線を PNG 画像で保存",
    loss_summary_range: ja_loss_summary_range,
    loss_summary_one: ja_loss_summary_one,
    loss_summary_empty: "まだ学習していないので、損失曲線は空です。",

    inside: &super::ja_inside::JA_INSIDE,
};

fn ja_optimizer_name(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "勾配降下法",
        OptimizerKind::Momentum => "モーメンタム",
        OptimizerKind::Rmsprop => "RMSProp",
        OptimizerKind::RmspropSeed => "RMSProp（元記事版）",
        OptimizerKind::Rprop => "Rprop",
        OptimizerKind::Adam => "Adam",
    }
}

fn ja_hyper_label(hyper: Hyper) -> &'static str {
    match hyper {
        Hyper::Lr => "学習率",
        Hyper::Momentum => "モーメンタム係数 μ",
        Hyper::Rho => "減衰率 ρ",
        Hyper::Eps => "ε（ゼロ除算を防ぐ定数）",
        Hyper::Beta1 => "β1",
        Hyper::Beta2 => "β2",
        Hyper::EtaPlus => "増加係数 η+",
        Hyper::EtaMinus => "減少係数 η−",
        Hyper::Delta0 => "初期ステップ幅 Δ0",
        Hyper::DeltaMax => "最大ステップ幅 Δmax",
        Hyper::DeltaMin => "最小ステップ幅 Δmin",
        Hyper::Rescale => "元記事版のスケール係数",
    }
}

fn ja_model_name(model: CellKind) -> &'static str {
    match model {
        CellKind::Linear => "線形セル（元記事）",
        CellKind::Tanh => "tanh セル（エルマン型 RNN）",
        CellKind::Cliff => "崖（パスカヌら 2013）",
    }
}

fn ja_task_name(task: Task) -> &'static str {
    match task {
        Task::Count => "数え上げタスク",
        Task::Latch => "記憶保持タスク（最初の入力を覚える）",
    }
}

fn ja_tagline_for(model: CellKind, task: Task) -> &'static str {
    match (model, task) {
        (CellKind::Cliff, _) => "パスカヌらの「崖」：ユニットひとつ、パラメータ 2 つ",
        (_, Task::Latch) => "重み 2 つの RNN で最初の入力を覚える",
        (_, Task::Count) => JA.tagline,
    }
}

fn ja_model_explained(model: CellKind, task: Task) -> [&'static str; 3] {
    const LATCH: &str = "記憶保持タスク：系列は 1 か −1 で始まり、その後は 0 です。正解は最初の入力の\
                         半分なので、ネットワークは最後までそれを覚えていなければなりません。\
                         状態はひとつの数だけで、各時刻 k でこう更新されます：";
    const TANH_COUNT: &str = "入力は 0 と 1 の系列で、正解はその中の 1 の個数です。\
                              状態はひとつの数だけで、各時刻 k で tanh を通して更新されます：";
    match (model, task) {
        (CellKind::Linear, Task::Count) => [JA.model_intro, JA.model_formula, JA.model_outro],
        (CellKind::Linear, Task::Latch) => [
            LATCH,
            JA.model_formula,
            "最後の状態 x₁ · w_x · w_recⁿ⁻¹ がそのまま出力なので、w_x · w_recⁿ⁻¹ = 0.5 となる点は\
             どれもぴったり覚えられます。マップ上の破線の曲線がそれです。",
        ],
        (CellKind::Tanh, Task::Count) => [
            TANH_COUNT,
            "sₖ = tanh(xₖ · w_x + sₖ₋₁ · w_rec)",
            "最後の状態が出力ですが、tanh は −1 から 1 のあいだに収まるので、1 を超える個数には\
             届きません。損失はその届かなさを示します。プラトー（平坦な領域）に注目してください。",
        ],
        (CellKind::Tanh, Task::Latch) => [
            LATCH,
            "sₖ = tanh(xₖ · w_x + sₖ₋₁ · w_rec)",
            "最後の状態が出力です。±0.5 を保てるのは、w_rec > 1 で tanh に安定な状態が 2 つ\
             できるときだけです（Bengio, Simard & Frasconi 1994）。マップ上の破線の曲線は、\
             出力がちょうど 0.5 になる点です。",
        ],
        (CellKind::Cliff, _) => [
            "パスカヌら（Pascanu, Mikolov & Bengio 2013）の「崖」：入力のないシグモイドのユニット\
             ひとつが、x₀ = 0.5 から T 時刻（系列の長さ）だけ動きます：",
            "xₜ = w · σ(xₜ₋₁) + b, E = (σ(x_T) − 0.7)²",
            "破線 b = 0.5 − 0.6225 · w の上では x₀ = 0.5 がユニットの不安定な不動点で、\
             それをまたぐと最後の状態が跳び、損失に崖ができます。そこでは勾配降下法の一歩で\
             遠くへ飛ばされます。勾配クリッピングはこのために考えられました。",
        ],
    }
}

fn ja_reduction_name(reduction: Reduction) -> &'static str {
    match reduction {
        Reduction::Sum => "二乗誤差の和（元記事）",
        Reduction::Mean => "平均二乗誤差（Roelants）",
    }
}

fn ja_speed_hint(max: u32) -> String {
    format!("このデータ量では 0.01（スローモーション：100 フレームで 1 エポック）〜 {max}")
}

fn ja_status_stopped(epoch: u64) -> String {
    format!("停止：設定したエポック {epoch} に達しました")
}

fn ja_status_converged(epoch: u64) -> String {
    format!("エポック {epoch} で収束しました（損失がほぼ一定）")
}

fn ja_data_table_more(shown: usize, total: usize) -> String {
    format!("{total} 系列のうち最初の {shown} 系列。")
}

fn ja_try_clip(clip: &str, step: &str) -> String {
    format!("{clip} でクリップ（gd の 1 歩 ≤ {step}：小さいほど安全だが遅い）")
}

fn ja_status_cycling(epoch: u64, losses: &[String], posts_rule: bool) -> String {
    let period = losses.len();
    let values = losses.join(" ↔ ");
    if posts_rule {
        format!(
            "元記事の RMSProp と同じく {period} 点の周期に落ち着きました\
             （損失 {values}、エポック {epoch} で一時停止）"
        )
    } else {
        format!(
            "{period} 点の周期に落ち着きました：更新が損失 {values} の点の間を行き来します\
             （エポック {epoch} で一時停止）"
        )
    }
}

fn ja_status_stuck(epoch: u64, loss: &str, start: &str) -> String {
    format!(
        "エポック {epoch} で停滞：損失は {loss} のままで、開始時の {start} より下がっていません。\
         更新の幅が大きすぎて落ち着けません。学習率を小さくしてください。"
    )
}

fn ja_run_note(note: RunNote) -> String {
    match note {
        RunNote::StopMoved { stop } => {
            format!(
                "停止エポックを越えて 1 ステップ進めました。停止エポックは {stop} になりました。"
            )
        }
        RunNote::RestartedAfterStop { epoch } => format!(
            "停止エポック {epoch} に達していたので、エポック 0 からやり直しました。\
             続けるにはステップを使うか、停止エポックを後ろにしてください。"
        ),
        RunNote::RestartedAfterDivergence { epoch } => {
            format!("エポック {epoch} で発散していたので、エポック 0 からやり直しました。")
        }
        RunNote::StepAfterDivergence { epoch } => format!(
            "エポック {epoch} で発散したため先へ進めません。再生かリセットで最初からやり直せます。"
        ),
    }
}

fn ja_status_diverged(epoch: u64, reason: DivergenceReason) -> String {
    format!(
        "エポック {epoch} で発散しました：{}",
        ja_divergence_reason(reason)
    )
}

fn ja_status_error(message: &str) -> String {
    format!("学習できません：{message}")
}

fn ja_optimizer_state_name(name: &str) -> &'static str {
    // The core's names of `Optimizer::inspect`; unknown names get a dash.
    match name {
        "velocity" => "速度 v",
        "mean square" => "g² の平均",
        "mean" => "g の平均",
        "memory" => "Nesterov のメモリ",
        "step" => "ステップ幅",
        "previous sign" => "前回の g の符号",
        "first moment" => "1 次モーメント m",
        "second moment" => "2 次モーメント v",
        _ => "—",
    }
}

fn ja_surface_ms(ms: &str) -> String {
    format!("曲面：{ms} ms")
}

fn ja_not_a_number(field: &str, used: &str) -> String {
    format!("{field}には数値を入れてください。「{used}」を使います。")
}

fn ja_decimal_comma(field: &str, pointed: &str, used: &str) -> String {
    format!(
        "{field}：コンマは小数点として読みません。その数は {pointed} と書いてください。\
         「{used}」を使います。"
    )
}

fn ja_not_whole(field: &str, used: &str) -> String {
    format!("{field}には整数を入れてください。「{used}」を使います。")
}

fn ja_out_of_range(field: &str, min: &str, max: &str, used: &str) -> String {
    format!("{field}は {min} 〜 {max} の範囲で入れてください。「{used}」を使います。")
}

fn ja_zero_off(field: &str, used: &str) -> String {
    format!("{field}の 0 は、リンクと同じく「{used}」の意味です。")
}

fn ja_not_positive(field: &str, used: &str) -> String {
    format!("{field}には正の数を入れてください。「{used}」を使います。")
}

fn ja_import_not_state(problem: FileProblem) -> String {
    let why = match problem {
        FileProblem::Syntax { line, column } => {
            format!("{line} 行 {column} 文字目から JSON として読めません")
        }
        FileProblem::Truncated => "JSON が途中で終わっています".into(),
        FileProblem::WrongShape { line, column } => {
            format!("{line} 行 {column} 文字目で項目が欠けているか、型が違います")
        }
        FileProblem::NoSettings => "設定が入っていません".into(),
        FileProblem::TooLarge { max_bytes } => format!("{max_bytes} バイトを超えています"),
    };
    format!("このページで保存したファイルではありません（{why}）。何も変更していません。")
}

fn ja_import_newer_format(format: u32) -> String {
    format!(
        "このファイルは新しい版のページで保存されています（形式 {format}）。\
         ページを再読み込みして最新版にしてください。何も変更していません。"
    )
}

fn ja_import_older_format(format: u32) -> String {
    format!(
        "このファイルは以前の版のページで保存された形式（形式 {format}）で、\
         この版では読み込めません。何も変更していません。"
    )
}

fn ja_import_loaded(epoch: u64) -> String {
    format!("保存した場面（エポック {epoch}）を読み込みました。")
}

fn ja_import_corrected(count: usize) -> String {
    format!("ファイルの設定を {count} か所修正しました（上のお知らせを参照）。")
}

fn ja_announce_paused(epoch: u64) -> String {
    format!("エポック {epoch} で一時停止しました")
}

fn ja_divergence_reason(reason: DivergenceReason) -> &'static str {
    match reason {
        DivergenceReason::LossNotFinite => "損失がオーバーフローしました（無限大）",
        DivergenceReason::GradientNotFinite => "勾配がオーバーフローしました（勾配爆発）",
        DivergenceReason::WeightsNotFinite => "更新で重みが無限大に発散しました",
    }
}

fn ja_pick_moved(clicked: &str, used: &str, limit: &str) -> String {
    format!(
        "クリックした {clicked} は出発点の範囲（各重み -{limit}〜{limit}）の外です。\
         {used} から学習を始めます。"
    )
}

fn ja_surface_current(point: &str) -> String {
    format!("現在の点：{point}")
}

fn ja_hover_loss(weights: &str, loss: &str) -> String {
    format!("{weights}、損失 = {loss}")
}

fn ja_surface_summary_view(x0: &str, x1: &str, y0: &str, y1: &str) -> String {
    format!(
        "w_x が {x0} 〜 {x1}、w_rec が {y0} 〜 {y1} の範囲の損失曲面です。\
         最適解 (1, 1) を星印で示しています。"
    )
}

fn ja_surface_summary_colours(low: &str, high: &str) -> String {
    format!("色は損失を対数目盛で表し、{low}（濃い紫）から {high}（黄色）までです。")
}

fn ja_surface_summary_path(start: &str, now: &str, diverged: bool) -> String {
    if diverged {
        format!("経路は {start} から始まり、{now} で発散しました。")
    } else {
        format!("経路は {start} から始まり、現在は {now} にあります。")
    }
}

fn ja_view_not_number(field: &str) -> String {
    format!("{field}には数値を入れてください。")
}

fn ja_loss_summary_range(
    first: &str,
    first_epoch: u64,
    last: &str,
    last_epoch: u64,
    lowest: &str,
) -> String {
    format!(
        "エポックごとの損失：エポック {first_epoch} の {first} から、\
         エポック {last_epoch} の {last} まで。最小値は {lowest} です。"
    )
}

fn ja_loss_summary_one(epoch: u64, loss: &str) -> String {
    format!("エポック {epoch} の損失：{loss}。")
}

fn ja_status_seeking(target: u64) -> String {
    format!("エポック {target} まで学習中")
}

fn ja_seek_progress(done: u64, target: u64) -> String {
    format!("エポック {target} まで学習中：{done} エポック完了")
}

fn ja_control_label(control: Control) -> &'static str {
    match control {
        Control::Preset => "シナリオのメニュー",
        Control::Opt => "最適化手法のメニュー",
        Control::Hyper(Hyper::Lr) => "学習率とそのスライダー",
        Control::Hyper(hyper) => ja_hyper_label(hyper),
        Control::Clip => "勾配クリッピング",
        Control::Loss => "損失関数（和／平均）",
        Control::Len => JA.seq_len_label,
        Control::N => JA.samples_label,
        Control::Seed => "データのシード",
        Control::Data => "「新しいデータ」ボタン",
        Control::Init => "初期値の入力欄",
        Control::Speed => "速さ（1 フレームあたりのエポック数）",
        Control::Epochs => "停止するエポックの入力欄",
        Control::View => JA.view_group_label,
        Control::Logy => "損失の軸の対数／線形の切り替え",
        Control::Inside => "内部ビューのタブ",
        Control::Seq => "展開図の系列の選択",
        Control::Six => "勾配のグラフの6組の切り替え",
        Control::Phase => "1エポックのコマ送り",
        Control::Lang => "言語の切り替え",
        Control::Share => "リンクのコピーと授業用の共有",
        Control::Export => "PNG・CSV・JSON の保存ボタン",
    }
}

fn ja_core_error(error: &CoreError) -> String {
    match error {
        CoreError::OutOfRange {
            name,
            value,
            min,
            max,
        } => format!(
            "{}は {} 〜 {} の範囲にしてください（{} が指定されました）",
            ja_setting(name),
            readable(*min),
            readable(*max),
            readable(*value)
        ),
        CoreError::Invalid { name, reason } => {
            format!("{}：{}", ja_setting(name), ja_invalid_reason(*reason))
        }
    }
}

/// The setting a core error names (a URL key or CLI flag), as the page labels it.
fn ja_setting(name: &str) -> &str {
    if let Some(hyper) = Hyper::iter().find(|h| h.url_key() == name || h.cli_name() == name) {
        return ja_hyper_label(hyper);
    }
    match name {
        "clip" => "勾配クリッピング",
        "samples" | "n" => JA.samples_label,
        "len" => JA.seq_len_label,
        "seed" => JA.seed_label,
        "init" | "rows" => "初期値",
        "wx" => "w_x",
        "wrec" => "w_rec",
        "view" => JA.view_group_label,
        "speed" => JA.speed_label,
        "epochs" => JA.max_epochs_label,
        "at" => "開くエポック",
        "hide" => JA.share_hide_legend,
        "tolerance" => "収束の許容誤差",
        "precision" => "計算精度",
        other => other,
    }
}

fn ja_invalid_reason(reason: InvalidReason) -> String {
    match reason {
        InvalidReason::NotFinite => "有限の数にしてください".into(),
        InvalidReason::Negative => "0 以上の数にしてください".into(),
        InvalidReason::RaggedRows => "すべての系列を同じ長さにしてください".into(),
        InvalidReason::OnePointNeedsEqualBounds => {
            "1 点だけのときは下限と上限を同じにしてください".into()
        }
        InvalidReason::EmptyRange => "「下限 < 上限」にしてください".into(),
        InvalidReason::ViewOutsideLimit => {
            format!("-{0} 〜 {0} の範囲の数にしてください", readable(VIEW_LIMIT))
        }
        InvalidReason::ViewTooNarrow => format!(
            "どちらの軸も「下限 < 上限」とし、幅を {} 以上にしてください",
            exact(VIEW_MIN_SPAN)
        ),
        InvalidReason::HideNotCanonical => {
            "項目が重複しているか、決まった順序になっていません".into()
        }
        InvalidReason::OtherDataSet => "損失の多項式が別のデータのものです".into(),
        InvalidReason::NotBits => "0と1だけの1〜200文字にしてください".into(),
        InvalidReason::NotTheSeedGraph => {
            "Theano の単精度（32 ビット）計算で動かせるのは元記事の構成だけです\
             （勾配降下法か RMSProp（元記事版）、二乗誤差の和、勾配クリッピングなし）"
                .into()
        }
        InvalidReason::WrongCount => "モデルのパラメータ 1 つにつき 1 つの値が必要です".into(),
        InvalidReason::TaskNotTaken => "このモデルではその課題を学習できません".into(),
    }
}

fn ja_notice(notice: &Notice) -> String {
    let (key, given) = (notice.key, &notice.given);
    let used = if notice.is_drawn_init() {
        "データと同じシードで生成した初期値を使います".into()
    } else if notice.used.is_empty() {
        "無視します".into()
    } else {
        format!("{} を使います", notice.used)
    };
    match &notice.kind {
        NoticeKind::Empty => format!("{key} が空です。{used}。"),
        NoticeKind::NotANumber => {
            format!("{key}={given} は数値ではありません。{used}。")
        }
        NoticeKind::NotAnInteger { min, max } => format!(
            "{key}={given} は {} から {} までの整数ではありません。{used}。",
            readable(*min),
            readable(*max)
        ),
        NoticeKind::OutOfRange { min, max } => format!(
            "{key}={given} は範囲（{} 〜 {}）の外です。{used}。",
            readable(*min),
            readable(*max)
        ),
        NoticeKind::NotPositive => format!("{key}={given} は正の数ではありません。{used}。"),
        NoticeKind::UnknownChoice { allowed } => format!(
            "{key}={given} は使えません（{} のいずれか）。{used}。",
            allowed.join(", ")
        ),
        NoticeKind::Repeated { count } => {
            format!("{key} が {count} 回指定されています。最初の値を使います。")
        }
        NoticeKind::Malformed(Problem::ViewNotFourNumbers) => {
            format!(
                "{key}={given} は 4 つの数（w_x の下限・上限、w_rec の下限・上限）ではありません。\
                 {used}。"
            )
        }
        NoticeKind::Malformed(Problem::ViewEmptyRange) => {
            format!("{key}={given} では、どちらの軸も「下限 < 上限」にしてください。{used}。")
        }
        NoticeKind::TooMuchWork { work, max_work } => format!(
            "{key}={given} では読み込み時の学習量が {} ステップ（系列数 × 系列長 × エポック数）になり、\
             上限の {} を超えます。{used}。",
            readable(*work as f64),
            readable(*max_work as f64)
        ),
        NoticeKind::SpeedCapped => format!(
            "{key}={given} は、このデータの大きさ（系列数 × 系列長）では 1 フレームで学習しきれません。{used}。"
        ),
        NoticeKind::Malformed(Problem::Bits(problem)) => format!(
            "{key}={given}：{}{used}。",
            (super::ja_inside::JA_INSIDE.bits_problem)(*problem)
        ),
        NoticeKind::Malformed(Problem::InitIncomplete) => format!(
            "{key}={given}：wx と wrec は、両方とも数値か両方とも seed で指定してください。\
             {used}。"
        ),
        NoticeKind::Malformed(Problem::GhostSettings) => {
            format!("{key}={given} は、範囲外の値に設定を変えています。{used}。")
        }
        NoticeKind::Malformed(Problem::PrecisionNotSeedGraph) => format!(
            "{key}={given} で動かせるのは元記事の構成だけです（勾配降下法か RMSProp（元記事版）、\
             二乗誤差の和、勾配クリッピングなし）。{used}。"
        ),
        NoticeKind::Malformed(Problem::TaskNotForCell) => format!(
            "{key}={given}：崖のセルには入力がないので、数え上げタスクしか選べません\
             （損失は (σ(x_T) − 0.7)²、T は系列の長さ）。{used}。"
        ),
    }
}

fn ja_preset_title(preset: PresetId) -> &'static str {
    match preset {
        PresetId::SeedGd => "元記事：勾配降下法",
        PresetId::SeedRmsprop => "元記事：RMSProp",
        PresetId::RoelantsRprop => "Roelants：(-1.5, 2) から Rprop",
        PresetId::Exploding => "勾配爆発",
        PresetId::Vanishing => "勾配消失",
        PresetId::Clipping => "クリッピングで爆発を抑える",
        PresetId::AdamValley => "Adam と曲がった谷",
        PresetId::VanishingSignal => "中を見る：信号の消失",
        PresetId::ExplodingSignal => "中を見る：信号の爆発",
        PresetId::RaceSeed => "レース：元記事のデータ",
        PresetId::RaceCliff => "レース：急斜面を下る",
        PresetId::LatchPlateau => "ラッチ：勾配消失の平原",
        PresetId::LatchLearned => "ラッチを学習する",
        PresetId::LatchCliff => "ラッチ：w_rec = 1 の崖",
        PresetId::PascanuCliff => "Pascanu の崖",
        PresetId::PascanuClipped => "Pascanu の崖とクリッピング",
        PresetId::RacePascanu => "レース：Pascanu の崖",
    }
}

fn ja_preset_caption(preset: PresetId) -> &'static str {
    match preset {
        PresetId::VanishingSignal => {
            "長さ 50 の系列で (1, 0.5) から。時間をさかのぼる勾配では dL/dsₖ が1時刻ごとに半分になり、             dL/ds₁ は dL/ds₅₀ の 1.8e-15 倍しかないので、最初のほうの時刻には信号が届きません。             Rprop は符号だけで進むので、3000 エポックで (1, 1) の近くに着きます。"
        }
        PresetId::ExplodingSignal => {
            "長さ 50 の系列で (1, 1.5) から。dL/dsₖ は1時刻さかのぼるごとに 1.5 倍になり、             dL/ds₁ は dL/ds₅₀ の 4.3e8 倍、dL/dw_rec は 6.0e20 になります。勾配降下法の一歩で              w_rec は -6.0e15 まで飛ばされ、損失がオーバーフローします。コマ送りで育つ様子を見てください。"
        }
        PresetId::SeedGd => {
            "元記事と同じ学習率 1e-5 の勾配降下法。w_rec が小さいあいだは損失がほとんど\
             下がらず（500 エポックでもまだ 360 以上）、550 エポック付近で一気に\
             急減します（600 エポックまでに 0.3 未満）。"
        }
        PresetId::SeedRmsprop => {
            "元記事版の RMSProp（学習率 1e-3）。激しく振動しながら急減したあと、\
             400 エポックあたりから損失 ≈ 0.0068 で横ばいになり、経路は (1, 1) に到達します。"
        }
        PresetId::RoelantsRprop => {
            "Rprop は勾配の符号しか使わないので、(-1.5, 2) 付近の巨大な勾配にも\
             飛ばされません。500 エポックで Roelants のチュートリアルと同じ \
             (1.0014, 0.9997) に到達します。"
        }
        PresetId::Exploding => {
            "学習率は元記事と同じ 1e-5 ですが、出発点は (1, 2)。|w_rec| > 1 なので勾配は \
             4.5e7 にもなり、最初の一歩で重みは (-106, -433) まで飛ばされ、2 エポック目で\
             損失がオーバーフローします。"
        }
        PresetId::Vanishing => {
            "出発点は (1, 0.3)。w_x はすでに正解なので、誤差はすべて「忘れること」から来ます。\
             誤差逆伝播（BPTT）で戻る信号は 1 ステップごとに w_rec = 0.3 倍に縮み、最初の入力に\
             届く信号は最後の入力の 0.3⁹ ≈ 2.0e-5 にすぎません（RNNの中で見えます）。そのため \
             w_rec を上げる勾配は弱く、損失 381 で dL/dw_rec は -204 です（(1, 0.5) からなら\
             損失 328 で -349）。学習率も w_x も同じなのに、勾配降下法で損失が 1 未満になるまで\
             ここからは 463 エポック、(1, 0.5) からなら 80 エポックです。"
        }
        PresetId::Clipping => {
            "「勾配爆発」と同じ出発点と学習率で、勾配のノルムを 1000 でクリップします。\
             一歩は最大 0.01 なので、経路は急斜面を伝って谷へ下ります（276 エポックから\
             損失 1 未満、2942 エポックから 0.1 未満）。"
        }
        PresetId::AdamValley => {
            "出発点は曲がった谷の (2, 0.5)。Adam は重みごとに歩幅を調整し、w_x ≈ 2.27 まで\
             大きく回り込んでから曲がった谷をたどって (1, 1) に到達します\
             （535 エポックまでに損失 0.01 未満）。"
        }
        PresetId::RaceSeed => {
            "元記事の初期値から、0 を予測したときの損失の 1% を目指して走ります。勾配降下法と\
             モーメンタムは同じ学習率（元記事の 1e-5）、適応的な更新則は既定の設定です。\
             最初にゴールするのは Rprop（35 エポック）、続いて Adam（72）、速度の勢いで平坦な\
             区間を越えるモーメンタム（83）、元記事版 RMSProp（100）。ふつうの勾配降下法は\
             平坦な区間を抜けるまで待たされます（589）。"
        }
        PresetId::RaceCliff => {
            "急斜面の (1, 2) から、0 を予測したときの損失の 1% を目指して走ります。ふつうの\
             勾配降下法は弾き飛ばされ、2 エポック目で損失がオーバーフローします。勾配のノルムを \
             1000 でクリップした同じ更新則は 96 エポックでゴール。歩幅がほぼ学習率 0.01 の \
             Adam は、3000 エポックでもまだ損失 43.7 です。"
        }
        PresetId::LatchPlateau => {
            "tanh セルは最初の入力（±1）を 50 ステップ覚えて ±0.5 と答えなければなりません。\
             (1, 0.5) からでは状態が入力を忘れてしまい、損失は 5.0、勾配はわずか 2.5e-12 です。\
             学習率 0.01 の勾配降下法は動けず、1000 エポック後も損失は 5.0 のままです。\
             勾配消失は平らな平原に見えます。"
        }
        PresetId::LatchLearned => {
            "同じラッチを w_rec = 1 に近い (1, 0.9) から。勾配（w_rec 方向に −2.7）が最初の入力を\
             時間をさかのぼって伝え、学習率 0.01 の勾配降下法で 8 エポックまでに損失は 0.01 を\
             下回ります。w_rec は atanh(0.5)/0.5 = 1.0986 に落ち着き、tanh が ±0.5 を保ち続けます。\
             そこでは dL/dw_x は 1e-10 未満：頑健なラッチは入力の受け取り方を忘れるのです\
             （Bengio, Simard & Frasconi 1994）。"
        }
        PresetId::LatchCliff => {
            "ラッチの記憶が生まれる分岐点 (1, 1) から。最初の勾配は w_rec 方向に −56.7 で、\
             学習率 0.1 の一歩で w_rec は 6.67 まで飛ばされ、tanh が飽和します。そこでは勾配が\
             ごく小さく、1000 エポック後も損失は 5.0 のままです。"
        }
        PresetId::PascanuCliff => {
            "Pascanu, Mikolov & Bengio のシグモイド 1 ユニット x_t = w·σ(x_{t−1}) + b を \
             50 ステップ、(5, −2.2) から学習率 2 で。2 歩で崖のふもとの損失 0.0019 に着きますが、\
             そこでは勾配のノルムが 3.1 あり、3 歩目で重みは (1.40, −7.78) まで飛ばされ、\
             60 エポック目の損失は 0.489 です。"
        }
        PresetId::PascanuClipped => {
            "同じ出発点と学習率で、勾配のノルムを 0.5 でクリップします。どの一歩も 1 より長く\
             なりません。それでも崖から落ちます（3 エポック目で損失 0.433）が、崖の近くにとどまり\
             登り返して、60 エポック目の損失は 0.0083 です。"
        }
        PresetId::RacePascanu => {
            "Pascanu の崖で損失 1e-4 を目指すレース：クリップした方は 24 エポックでゴール。\
             クリップしない方は 3 エポック目に崖から弾き飛ばされ、長い帰り道で 864 エポック\
             までかかります。"
        }
    }
}

fn ja_shortcut(shortcut: Shortcut) -> &'static str {
    match shortcut {
        Shortcut::PlayPause => "再生／一時停止",
        Shortcut::Step => "1 エポック進める",
        Shortcut::Reset => "リセット（最初に戻す）",
        Shortcut::NewData => "新しいデータ",
        Shortcut::Preset => "番号でシナリオを選ぶ",
        Shortcut::PreviousPreset => "前のシナリオ",
        Shortcut::NextPreset => "次のシナリオ（すべてのシナリオに届きます）",
        Shortcut::LogAxis => "損失の軸を対数／線形に切り替え",
        Shortcut::Present => "プレゼンテーションモード",
        Shortcut::Fullscreen => "全画面表示",
        Shortcut::ToggleList => "この一覧を表示／非表示",
        Shortcut::CloseList => "この一覧を閉じる",
    }
}
