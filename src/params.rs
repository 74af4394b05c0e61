//! The typed, validated table of settings carried by the URL (filled in by the sharing work).
