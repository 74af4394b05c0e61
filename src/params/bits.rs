//! A typed 0/1 sequence ("try the model on your own sequence"): what `input=`
//! and the unrolled view's box accept.

use crate::rnn::data::LEN_RANGE;

/// What is wrong with a typed sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, strum::EnumIter)]
pub enum BitsProblem {
    /// Nothing typed.
    #[default]
    Empty,
    /// A character other than 0 and 1.
    NotBits,
    /// More than the longest sequence the model trains on.
    TooLong,
}

/// The sequence in `text` (spaces and commas between digits are allowed) as
/// 0.0/1.0, 1 to [`LEN_RANGE`]`.max` of them.
pub fn read_bits(text: &str) -> Result<Vec<f64>, BitsProblem> {
    let mut bits = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace() && *c != ',') {
        match c {
            '0' => bits.push(0.0),
            '1' => bits.push(1.0),
            _ => return Err(BitsProblem::NotBits),
        }
    }
    if bits.is_empty() {
        Err(BitsProblem::Empty)
    } else if bits.len() > LEN_RANGE.max {
        Err(BitsProblem::TooLong)
    } else {
        Ok(bits)
    }
}

/// The canonical text of a sequence: one `0` or `1` per step.
pub fn bits_text(bits: &[f64]) -> String {
    bits.iter()
        .map(|&b| if b == 0.0 { '0' } else { '1' })
        .collect()
}
