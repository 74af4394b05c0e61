//! Every cell's trace against its training: the inside view's pass (states, the backward
//! signal, each step's terms) and the step-through's chain-rule products equal, bit for bit,
//! what the cell computes when it trains, for the tanh cell's `(1 − s_k²)` factor and the
//! cliff's `w·σ′(x_{t−1})` as for the linear cell's `w_rec`.

use proptest::prelude::*;
use rnn_playground::rnn::trace::{Pass, SignalSource};
use rnn_playground::rnn::{
    CellKind, DataConfig, Dataset, Model, Named, Params, Reduction, Task, Weights,
};

fn cell_and_task() -> impl Strategy<Value = (CellKind, Task)> {
    prop_oneof![
        Just((CellKind::Linear, Task::Count)),
        Just((CellKind::Linear, Task::Latch)),
        Just((CellKind::Tanh, Task::Count)),
        Just((CellKind::Tanh, Task::Latch)),
        Just((CellKind::Cliff, Task::Count)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_cells_pass_and_chain_rule_are_its_training_bit_for_bit(
        (kind, task) in cell_and_task(),
        seed in any::<u32>(),
        samples in 1usize..8,
        len in 1usize..30,
        a in -3.0f64..3.0,
        b in -3.0f64..3.0,
        mean in any::<bool>(),
    ) {
        let reduction = if mean { Reduction::Mean } else { Reduction::Sum };
        let (data, _) = Dataset::generate_for(DataConfig { seed, samples, len }, task, 2).unwrap();
        let w = Weights { w_x: a, w_rec: b };
        let (loss, grad) = Model::new(kind).loss_and_gradient(&data, &Params::from(w), reduction);
        let pass = Pass::of(kind, &data, w, reduction);
        prop_assert_eq!(pass.model, kind);
        prop_assert_eq!(pass.loss.to_bits(), loss.to_bits());
        prop_assert_eq!(pass.gradient.w_x.to_bits(), grad[0].to_bits());
        prop_assert_eq!(pass.gradient.w_rec.to_bits(), grad[1].to_bits());
        for i in 0..pass.samples {
            for k in 1..=pass.len {
                let forward = pass.forward_step(i, k).unwrap();
                prop_assert_eq!(forward.state.to_bits(), pass.state(i, k).to_bits());
                let expected = if kind == CellKind::Tanh { forward.sum.tanh() } else { forward.sum };
                prop_assert_eq!(forward.state.to_bits(), expected.to_bits(), "{:?} k {}", kind, k);
                let backward = pass.backward_step(i, k).unwrap();
                prop_assert_eq!(backward.signal.value.to_bits(), pass.signal(i, k).to_bits());
                prop_assert_eq!(backward.source == SignalSource::Output, k == pass.len);
            }
        }
        // Each step's batch terms, summed from n down, are the gradient.
        let first = pass.backward_step(0, 1).unwrap();
        prop_assert_eq!(first.after.w_x.to_bits(), grad[0].to_bits());
        prop_assert_eq!(first.after.w_rec.to_bits(), grad[1].to_bits());
        if pass.samples == 1 {
            for k in 1..=pass.len {
                let step = pass.backward_step(0, k).unwrap();
                // One sequence's term is the batch's sum of one (0 + −0 is +0, hence ==).
                prop_assert!(step.term_x.value == step.step.w_x);
                prop_assert!(step.term_rec.value == step.step.w_rec);
            }
        }
    }
}

/// The factor each step back multiplies the signal by is the cell's own: w_rec, then
/// `(1 − s_{k+1}²)·w_rec` for tanh, then `w·σ′(x_k)` for the cliff.
#[test]
fn each_cell_carries_the_signal_back_by_its_own_factor() {
    let config = DataConfig {
        seed: 1,
        samples: 3,
        len: 6,
    };
    let w = Weights {
        w_x: 0.7,
        w_rec: 1.3,
    };
    for kind in CellKind::all() {
        let (data, _) = Dataset::generate_for(config, Task::Count, 2).unwrap();
        let pass = Pass::of(kind, &data, w, Reduction::Sum);
        let step = pass.backward_step(0, 3).unwrap();
        let factors = &step.signal.factors;
        match kind {
            CellKind::Linear => assert_eq!(factors[1..], [1.3]),
            CellKind::Tanh => {
                let s = pass.state(0, 4);
                assert_eq!(factors[1..], [1.0 - s * s, 1.3]);
            }
            CellKind::Cliff => {
                let p = 1.0 / (1.0 + (-pass.state(0, 3)).exp());
                assert_eq!(factors[1..], [0.7 * p * (1.0 - p)]);
            }
        }
    }
}

/// A typed sequence's forward pass is the cell's, and the cliff's output is `σ(x_T)`.
#[test]
fn a_typed_sequence_runs_the_chosen_cell() {
    use rnn_playground::rnn::trace::Unrolled;
    let w = Weights {
        w_x: 5.0,
        w_rec: -2.2,
    };
    let bits = [1.0, 0.0, 1.0];
    for kind in CellKind::all() {
        let typed = Unrolled::typed(kind, &bits, w);
        assert_eq!(
            typed.output(),
            kind.output(&Params::from(w), &bits),
            "{kind:?}"
        );
    }
}
