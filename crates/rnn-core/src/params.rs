//! A cell's parameters as numbers in the cell's own order: the optimizers, clipping and the
//! race work on them as a slice and never name one. Their names are the cell's business
//! ([`crate::cell::Cell::names`]).

use std::ops::{Deref, DerefMut};

use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::error::{CoreError, InvalidReason};
use super::model::Weights;

/// The most parameters a cell has (a one-unit LSTM: four gates of three).
pub const MAX_PARAMS: usize = 12;

/// Up to [`MAX_PARAMS`] numbers, kept inline so a record or a step allocates nothing. Used
/// for a cell's parameters and for the gradient with respect to them.
#[derive(Clone, Copy, PartialEq)]
pub struct Params {
    len: u8,
    values: [f64; MAX_PARAMS],
}

impl Params {
    /// `len` zeros.
    pub fn zeros(len: usize) -> Params {
        assert!(
            len <= MAX_PARAMS,
            "a cell has at most {MAX_PARAMS} parameters"
        );
        Params {
            len: len as u8,
            values: [0.0; MAX_PARAMS],
        }
    }

    /// These values, if there are at most [`MAX_PARAMS`] of them.
    pub fn from_slice(values: &[f64]) -> Result<Params, CoreError> {
        if values.len() > MAX_PARAMS {
            return Err(CoreError::Invalid {
                name: "init",
                reason: InvalidReason::WrongCount,
            });
        }
        let mut params = Params::zeros(values.len());
        params.copy_from_slice(values);
        Ok(params)
    }

    /// Every value is finite.
    pub fn is_finite(&self) -> bool {
        self.iter().all(|v| v.is_finite())
    }

    /// The Euclidean norm.
    pub fn norm(&self) -> f64 {
        self.iter().fold(0.0, |norm: f64, &v| norm.hypot(v))
    }
}

impl Deref for Params {
    type Target = [f64];

    fn deref(&self) -> &[f64] {
        &self.values[..self.len as usize]
    }
}

impl DerefMut for Params {
    fn deref_mut(&mut self) -> &mut [f64] {
        &mut self.values[..self.len as usize]
    }
}

impl std::fmt::Debug for Params {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for Params {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for value in self.iter() {
            seq.serialize_element(value)?;
        }
        seq.end()
    }
}

/// A two-parameter cell's parameters (or gradient) as the map's point: the first is across,
/// the second up.
impl From<Weights> for Params {
    fn from(w: Weights) -> Params {
        let mut params = Params::zeros(2);
        params.copy_from_slice(&[w.w_x, w.w_rec]);
        params
    }
}
