//! Enums whose every variant has one name: the value a link, the CLI and a
//! saved file use. `strum` derives the names from the variants themselves, so
//! no list of names is written by hand; `named_enum!` adds those derives.

use std::str::FromStr;

use strum::IntoEnumIterator;

/// A closed set of named choices (optimizers, reductions, presets, languages).
pub trait Named: Copy + IntoEnumIterator + Into<&'static str> + FromStr {
    /// The name used in links, on the command line and in saved files.
    fn name(self) -> &'static str {
        self.into()
    }

    /// The variant with this name, if any.
    fn from_name(name: &str) -> Option<Self> {
        name.parse().ok()
    }

    /// Every variant, in declaration order.
    fn all() -> Vec<Self> {
        Self::iter().collect()
    }

    /// Every name, in declaration order.
    fn names() -> Vec<&'static str> {
        Self::iter().map(Named::name).collect()
    }
}

impl<T> Named for T where T: Copy + IntoEnumIterator + Into<&'static str> + FromStr {}

/// Declares a [`Named`] enum: adds the three `strum` derives the trait rests on
/// (the iterator and the name both ways). The enum's own
/// `#[strum(serialize_all = "...")]` sets the case of the names. The crate that uses it
/// depends on `strum` itself.
#[macro_export]
macro_rules! named_enum {
    ($(#[$attr:meta])* $vis:vis enum $name:ident { $($variants:tt)* }) => {
        #[derive(strum::EnumIter, strum::EnumString, strum::IntoStaticStr)]
        $(#[$attr])*
        $vis enum $name { $($variants)* }
    };
}

pub use crate::named_enum;
