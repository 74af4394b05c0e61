//! The controls: each a labelled, keyboard-usable input with a stable id
//! ([`field::NumberField`] for numbers). They only ever hand the controller
//! new settings.

pub mod cell;
pub mod data;
pub mod field;
pub mod init;
pub mod learning_rate;
pub mod log_axis;
pub mod optimizer;
pub mod playback;
pub mod presets;
pub mod widgets;

pub use cell::CellControls;
pub use data::DataControls;
pub use init::InitControls;
pub use optimizer::OptimizerControls;
pub use playback::Playback;
