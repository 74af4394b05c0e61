//! What Step and Play did when the run could not simply go on: at its stop,
//! or after a divergence. A button never does nothing silently; the page
//! words each of these in `#run-note`.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunNote {
    /// Step went one epoch past the stop, so the stop moved to `stop`.
    StopMoved { stop: u64 },
    /// Play started again from epoch 0: the run had reached its stop at `epoch`.
    RestartedAfterStop { epoch: u64 },
    /// Play started again from epoch 0: the run had diverged at `epoch`.
    RestartedAfterDivergence { epoch: u64 },
    /// Step cannot go on from a divergence at `epoch`.
    StepAfterDivergence { epoch: u64 },
}

impl RunNote {
    /// One of each, for the catalogue's tests.
    pub fn examples() -> [RunNote; 4] {
        [
            RunNote::StopMoved { stop: 12 },
            RunNote::RestartedAfterStop { epoch: 12 },
            RunNote::RestartedAfterDivergence { epoch: 12 },
            RunNote::StepAfterDivergence { epoch: 12 },
        ]
    }
}
