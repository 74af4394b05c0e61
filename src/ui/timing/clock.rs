//! The page's high-resolution clock.

/// Milliseconds from `performance.now()`; 0 where the page has no clock, so
/// timings read 0 instead of failing.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or(0.0, |performance| performance.now())
}
