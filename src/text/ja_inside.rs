//! 内部ビューの日本語。

use crate::params::BitsProblem;
use crate::rnn::trace::Quantity;
use crate::rnn::{OptimizerKind, Reduction};

use super::inside::InsideText;

pub const JA_INSIDE: InsideText = InsideText {
    tabs_label: "地図の横",
    tab_loss: "損失の曲線",
    tab_inside: "RNNの中",

    unrolled_title: "時間方向に展開したネットワーク",
    seq_select_label: "系列",
    seq_option: |index, bits, target| format!("#{index}：{bits} → {target}"),
    seq_input_label: "自分の系列を試す（0と1）",
    seq_input_placeholder: "例：0110100111",
    seq_input_clear: "訓練データの系列に戻る",
    bits_problem: ja_bits_problem,
    prediction_cliff: |y, target| format!("y = σ(x_T) = {y}、目標 {target}"),
    prediction: |y, target| format!("y = sₙ = {y}、目標 {target}"),
    prediction_typed: |y, ones| {
        format!("y = sₙ = {y}（1の数は{ones}、目標がないので学習信号はなし）")
    },
    signal_legend: "辺に逆伝播の信号 dL/dsₖ：太いほど大きく、赤は正、青は負。\
                    1時刻さかのぼるたびに w_rec 倍になります。",
    preview: |weights| format!("重みが {weights}（ポインタの位置）だったら"),
    window_label: "詳しく表示するステップ",
    window_range: |first, last, n| format!("{n}ステップ中の {first}〜{last}"),
    strip_label: "全ステップ（色は dL/dsₖ）",
    table_caption: "展開したネットワークの値（ステップごと）",
    col_step: "k",
    col_input: "xₖ",
    col_state: "sₖ",
    col_signal: "dL/dsₖ",
    no_signal: "なし",

    grad_time_title: "時間をさかのぼる勾配",
    grad_time_label: "ステップ n から 1 へさかのぼる、バッチの逆伝播の信号 |dL/dsₖ|（対数軸）",
    grad_time_axis_step: "ステップ k（n から逆向き）",
    grad_time_axis_signal: ja_axis_signal,
    grad_time_factor: |w| format!("1時刻さかのぼるごとに × w_rec = {w}"),
    grad_time_factor_mean: |f| {
        format!("1時刻さかのぼるごとに平均 × {f}（このセルでは係数が時刻ごとに変わります）")
    },
    grad_time_sign: "● 正  ○ 負",
    grad_time_six: "Roelants の6組の重み",
    grad_time_png_title: "勾配のグラフをPNG画像で保存",
    grad_time_summary: |n, last, first, factor| {
        format!("ステップ {n} から 1 まで、|dL/dsₖ| は {last} から {first} へ（{factor}）。")
    },
    grad_time_ghost: "破線：ポインタの位置の重み",

    step_through_open: "1エポックをコマ送り",
    phase_prev: "◀ 戻る",
    phase_next: "次へ ▶",
    phase_exit: "終わる",
    jump_loss: "損失へ飛ぶ",
    jump_update: "更新へ飛ぶ",
    phase_forward: |k, n| format!("順伝播、ステップ {k}／{n}"),
    phase_loss: "損失",
    phase_backward: |k, n| format!("逆伝播、ステップ {k}／{n}"),
    phase_clip: "クリッピング",
    phase_update: "更新",
    phase_weights: "新しい重み",
    phase_keys: "→／← または PageDown／PageUp で移動、Esc で終了。",
    chain_sequence: |i| format!("系列 #{i} では："),
    chain_forward: super::inside::forward_formula,
    chain_output: super::inside::output_formula,
    chain_later: super::inside::later_formula,
    chain_term_x: super::inside::term_x_formula,
    chain_term_rec: super::inside::term_rec_formula,
    chain_sums: |n| {
        format!("勾配はこれらの項を全{n}系列とここまでのステップについて足し合わせます：")
    },
    chain_sum_x: |n, k, before, step, after| {
        format!(
            "dL/dw_x = Σₖ Σᵢ dL/dsₖ·xₖ、ステップ {n}…{k}：{before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    chain_sum_rec: |n, k, before, step, after| {
        format!(
            "dL/dw_rec = Σₖ Σᵢ dL/dsₖ·sₖ₋₁、ステップ {n}…{k}：{before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    chain_sum_named: |name, n, k, before, step, after| {
        format!(
            "dL/d{name}、ステップ {n}…{k}：{before} + {} = {after}",
            super::inside::operand(step)
        )
    },
    clip_off: "クリッピングはオフ：勾配はそのまま更新に渡ります。",
    clip_norms: |before, after, limit| format!("‖g‖ = {before} → {after}（上限 {limit}）"),
    update_formula: ja_update_formula,
    quantity: ja_quantity,
    before_after: |before, after| format!("{before} → {after}"),
    applied: |w, before, change, after| format!("{w}：{before} + ({change}) = {after}"),
    new_weights: |w| format!("経路の次の点：{w}"),
    loss_value: |loss| format!("L = {loss}"),
    stops_here: "この値はオーバーフローします。学習はここで止まります。",
};

fn ja_bits_problem(problem: BitsProblem) -> &'static str {
    match problem {
        BitsProblem::Empty => "0か1を1つ以上入力してください。",
        BitsProblem::NotBits => "0と1だけです（空白とカンマは無視します）。",
        BitsProblem::TooLong => "200ステップまでです。",
    }
}

fn ja_axis_signal(reduction: Reduction) -> &'static str {
    match reduction {
        Reduction::Sum => "|dL/dsₖ|、和（対数）",
        Reduction::Mean => "|dL/dsₖ|、平均（対数）",
    }
}

fn ja_update_formula(kind: OptimizerKind) -> &'static str {
    match kind {
        OptimizerKind::Gd => "w ← w − lr·g",
        OptimizerKind::Momentum => "v ← μ·v − lr·g；w ← w + v",
        OptimizerKind::Rmsprop => "ms ← ρ·ms + (1−ρ)·g²；w ← w − lr·g / (√ms + ε)",
        OptimizerKind::RmspropSeed => {
            "g ← g·r/max(r, √‖g‖)；sq ← ρ·sq + (1−ρ)·g²；avg ← ρ·avg + (1−ρ)·g；\
             rms ← max(√(sq − avg²), 下限)；w ← w + μ²·mem − (1+μ)·lr·g/rms；\
             mem ← μ·mem − lr·g/rms"
        }
        OptimizerKind::Rprop => "Δ ← Δ·η±（符号が同じなら η+、変われば η−）；w ← w − sgn(g)·Δ",
        OptimizerKind::Adam => {
            "m ← β1·m + (1−β1)·g；v ← β2·v + (1−β2)·g²；m̂ = m/(1−β1ᵗ)；v̂ = v/(1−β2ᵗ)；\
             w ← w − lr·m̂/(√v̂ + ε)"
        }
    }
}

fn ja_quantity(quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::Velocity => "速度 v",
        Quantity::MeanSquare => "二乗平均 ms",
        Quantity::Denominator => "√ms + ε",
        Quantity::RootNorm => "√‖g‖",
        Quantity::RescaleFactor => "縮小率",
        Quantity::RescaledGradient => "縮小後の g",
        Quantity::Mean => "平均 avg",
        Quantity::Rms => "rms",
        Quantity::Memory => "記憶 mem",
        Quantity::Sign => "sgn(g)",
        Quantity::PrevSign => "前回の符号",
        Quantity::Factor => "倍率 η",
        Quantity::Step => "歩幅 Δ",
        Quantity::FirstMoment => "一次モーメント m",
        Quantity::SecondMoment => "二次モーメント v",
        Quantity::BiasCorrection1 => "1 − β1ᵗ",
        Quantity::BiasCorrection2 => "1 − β2ᵗ",
        Quantity::MHat => "m̂",
        Quantity::VHat => "v̂",
        Quantity::Change => "w の変化",
    }
}
