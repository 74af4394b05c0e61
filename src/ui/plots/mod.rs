//! The two plots: the loss-surface heat map with the path, and the loss curve.

pub mod canvas;
pub mod heatmap;
pub mod loss_chart;
