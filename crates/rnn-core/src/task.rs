//! What the network is asked to learn from the seed's 0/1 rows.

use serde::{Deserialize, Serialize};

use super::named::named_enum;

named_enum! {
    /// A task turns each drawn 0/1 row into inputs and a target.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "lowercase")]
    #[strum(serialize_all = "lowercase")]
    pub enum Task {
        /// Count the ones: the row as drawn, its target the number of ones (the seed's task).
        #[default]
        Count,
        /// Remember the first input over the whole row (Bengio, Simard & Frasconi 1994): the
        /// first input is +1 for a drawn 1 and −1 for a 0, every later input is 0, and the
        /// target is half the first input.
        Latch,
    }
}

impl Task {
    /// Rewrites one drawn row in place into this task's inputs and returns its target.
    pub fn prepare(self, row: &mut [f64]) -> f64 {
        match self {
            Task::Count => row.iter().sum(),
            Task::Latch => {
                let first = if row.first() == Some(&1.0) { 1.0 } else { -1.0 };
                row.fill(0.0);
                if let Some(x) = row.first_mut() {
                    *x = first;
                }
                0.5 * first
            }
        }
    }
}
