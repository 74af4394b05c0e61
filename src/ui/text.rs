//! The catalogue as the components read it: [`crate::text`] plus the
//! language the app provides.

use leptos::prelude::*;

pub use crate::text::*;

/// The catalogue of the page's current language, provided by the app.
pub fn use_text() -> Signal<&'static Text> {
    use_context::<Signal<&'static Text>>().unwrap_or_else(|| Signal::stored(&EN))
}

/// The catalogue's words that `pick` chooses, in the page's current language. Every label of
/// the page goes through this one function, so they share one reactive view instead of each
/// compiling its own (a measurable part of the bundle).
pub fn words(pick: fn(&'static Text) -> &'static str) -> Signal<&'static str> {
    let text = use_text();
    Signal::derive(move || pick(text.get()))
}
