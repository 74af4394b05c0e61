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

/// The chosen cell's parameter names (the linear cell's outside the app).
pub fn use_names() -> Signal<&'static [&'static str]> {
    match use_context::<crate::ui::controller::Controller>() {
        Some(ctrl) => {
            let model = ctrl.setting(|s| s.model);
            Signal::derive(move || model.get().names())
        }
        None => Signal::stored(crate::rnn::CellKind::Linear.names()),
    }
}

/// [`words`] with the chosen cell's parameter names in place of w_x and w_rec
/// ([`with_names`]): the same words for the linear and tanh cells, w and b for the cliff.
pub fn named_words(pick: fn(&'static Text) -> &'static str) -> Signal<&'static str> {
    let text = use_text();
    let names = use_names();
    Signal::derive(move || with_names_static(pick(text.get()), names.get()))
}
