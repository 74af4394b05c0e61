//! The arithmetic a run uses: float64 throughout (the default), or the
//! float32 arithmetic that Theano 1.0.5 compiles the seed's graph to
//! ([`super::theano_f32`]), which reproduces the 2016 post's tables digit for digit.

use serde::{Deserialize, Serialize};

use super::error::{CoreError, InvalidReason};
use super::model::{Reduction, Weights};
use super::named::named_enum;
use super::optim::{OptimizerKind, OptimizerSettings};

named_enum! {
    /// The arithmetic of the linear cell and its update. The names are the
    /// CLI's (`--precision`) and saved files'.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    pub enum Precision {
        /// IEEE double everywhere, in the natural order of the sums.
        #[default]
        #[serde(rename = "f64")]
        #[strum(serialize = "f64")]
        F64,
        /// IEEE single, rounded and fused as Theano 1.0.5 compiles the seed's
        /// graph with `floatX=float32` on an x86-64 CPU with FMA.
        #[serde(rename = "theano-f32")]
        #[strum(serialize = "theano-f32")]
        TheanoF32,
    }
}

impl Precision {
    /// The update rules this arithmetic is written for: the seed's two.
    pub fn supports(self, kind: OptimizerKind) -> bool {
        match self {
            Precision::F64 => true,
            Precision::TheanoF32 => matches!(kind, OptimizerKind::Gd | OptimizerKind::RmspropSeed),
        }
    }

    /// Checks that this arithmetic can run `optimizer` on `reduction`:
    /// `theano-f32` is the seed's graph only (its two rules, the summed loss,
    /// no clipping), since that is what was checked against Theano.
    pub fn check(
        self,
        optimizer: &OptimizerSettings,
        reduction: Reduction,
    ) -> Result<(), CoreError> {
        let seed_graph = self.supports(optimizer.kind)
            && (self == Precision::F64
                || (optimizer.clip.is_none() && reduction == Reduction::Sum));
        if seed_graph {
            Ok(())
        } else {
            Err(CoreError::Invalid {
                name: "precision",
                reason: InvalidReason::NotTheSeedGraph,
            })
        }
    }

    /// A start as this arithmetic holds it: `theano-f32` rounds each weight
    /// to single once, as numpy's `asarray(…, dtype=float32)` does in the seed.
    pub fn start(self, w: Weights) -> Weights {
        match self {
            Precision::F64 => w,
            Precision::TheanoF32 => Weights {
                w_x: f64::from(w.w_x as f32),
                w_rec: f64::from(w.w_rec as f32),
            },
        }
    }
}
