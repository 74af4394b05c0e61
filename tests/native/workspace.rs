//! The workspace's shape: the numeric core builds without any web crate, for any target, so
//! that it is tested natively and could serve any front end; the command line is a crate of
//! its own that links no web crate either.

use std::process::Command;

/// Crates that tie code to a browser.
const WEB_CRATES: [&str; 4] = ["leptos", "web-sys", "wasm-bindgen", "js-sys"];

/// The names in `cargo tree`'s listing of `package`'s normal dependencies for `target`.
fn dependencies(package: &str, target: &str) -> Vec<String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree", "-e", "normal", "--prefix", "none", "--format", "{p}",
        ])
        .args(["-p", package, "--target", target])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[test]
fn the_core_depends_on_no_web_crate_even_for_the_browser() {
    for target in ["wasm32-unknown-unknown", "x86_64-unknown-linux-gnu"] {
        let names = dependencies("rnn-core", target);
        assert!(names.iter().any(|name| name == "rand_mt"), "{names:?}");
        for web in WEB_CRATES {
            assert!(!names.iter().any(|name| name == web), "{web} in {names:?}");
        }
    }
    // The app itself does use them in the browser, so the listing above can see them.
    let app = dependencies("rnn-playground", "wasm32-unknown-unknown");
    assert!(app.iter().any(|name| name == "leptos"), "{app:?}");
}

#[test]
fn the_command_line_is_its_own_crate_on_the_core_without_the_web() {
    let cli = dependencies("rnn-lab", "x86_64-unknown-linux-gnu");
    for needed in ["rnn-core", "rnn-playground", "clap"] {
        assert!(cli.iter().any(|name| name == needed), "{needed} in {cli:?}");
    }
    for web in WEB_CRATES {
        assert!(!cli.iter().any(|name| name == web), "{web} in {cli:?}");
    }
}
