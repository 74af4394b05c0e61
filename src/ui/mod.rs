//! The Leptos front end (wasm32 only).

/// Mounts the app on `<body>`.
pub fn mount() {}
