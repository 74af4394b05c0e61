//! Pure plotting helpers, tested natively: the viridis colour map, colour and
//! axis scales with their ticks, the heat map as an RGBA buffer, the view
//! rectangle and the map between weights and canvas pixels. The wasm-only
//! `ui` module draws with them.

pub mod answer;
pub mod colormap;
pub mod geometry;
pub mod heatmap_pixels;
pub mod loss_axis;
pub mod palette;
pub mod readout;
pub mod scale;
pub mod signal;
pub mod view;

pub use colormap::{OVERFLOW_RGB, viridis};
pub use geometry::{PlotGeometry, Rect, clip_segment, escape_point, nearest_cell};
pub use heatmap_pixels::{SurfaceColouring, SurfaceImage, colour_bar_rgba, surface_rgba};
pub use palette::{RACER_COLOURS, racer_colour};
pub use scale::{AxisKind, AxisMap, LogColourScale, Tick, integer_ticks, linear_ticks, log_ticks};
pub use view::{VIEW_LIMIT, VIEW_MIN_SPAN, View, ViewError, ViewInputError};
