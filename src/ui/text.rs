//! The catalogue as the components read it: [`crate::text`] plus the
//! language the app provides.

use leptos::prelude::*;

pub use crate::text::*;

/// The catalogue of the page's current language, provided by the app.
pub fn use_text() -> Signal<&'static Text> {
    use_context::<Signal<&'static Text>>().unwrap_or_else(|| Signal::stored(&EN))
}
