//! index.html paints the header before the app has downloaded: its copy must say what the
//! app's own header says in English, or the page would change its words as it starts.

use rnn_playground::params::{Lang, find};
use rnn_playground::rnn::Named;
use rnn_playground::text::EN;

const INDEX: &str = include_str!("../../index.html");

/// The first `<tag …>…</tag>` inside `html`, without its tags.
fn element<'a>(html: &'a str, tag: &str) -> &'a str {
    let open = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}>"));
    let start = open + html[open..].find('>').expect("an open tag ends") + 1;
    let end = start
        + html[start..]
            .find(&format!("</{tag}>"))
            .unwrap_or_else(|| panic!("no </{tag}>"));
    &html[start..end]
}

/// The text of `html` as a browser shows it: tags dropped, runs of white space as one space.
fn text(html: &str) -> String {
    let mut shown = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => shown.push(c),
            _ => {}
        }
    }
    shown.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn first_paint() -> &'static str {
    let start = INDEX
        .find(r#"<header id="first-paint""#)
        .expect("index.html has the first-paint header");
    let end = start + INDEX[start..].find("</header>").expect("the header ends");
    &INDEX[start..end]
}

#[test]
fn the_early_header_says_what_the_english_header_says() {
    let header = first_paint();
    assert_eq!(
        text(element(header, "h1")),
        format!("{} — {}", EN.title, EN.tagline)
    );
    assert_eq!(
        text(element(header, "p")),
        format!("{} {} {}", EN.model_intro, EN.model_formula, EN.model_outro)
    );
    assert_eq!(text(element(header, "code")), EN.model_formula);
    assert_eq!(text(element(header, "label")), EN.lang_label);
    let options: Vec<String> = header
        .split("<option>")
        .skip(1)
        .map(|option| text(&option[..option.find("</option>").expect("option ends")]))
        .collect();
    let names: Vec<&str> = Lang::all().into_iter().map(Lang::native_name).collect();
    assert_eq!(
        options, names,
        "the language menu's place is held by the same words"
    );
}

#[test]
fn the_early_header_gives_way_whenever_the_header_would_differ() {
    // The script after the copy removes it for these link settings: each is a real setting,
    // and each changes the header (its language, or no header, or presentation's size).
    let script = element(
        &INDEX[INDEX.find(r#"id="first-paint""#).unwrap()..],
        "script",
    );
    for key in ["lang", "embed", "present"] {
        assert!(find(key).is_some(), "{key} is a link setting");
        assert!(
            script.contains(&format!("query.has(\"{key}\")")),
            "the script looks for {key}"
        );
    }
    assert!(script.contains(r#"query.get("lang") === "en""#));
    // The browser's language counts as the app counts it (`Lang::from_browser_tag`): any
    // `ja` primary tag, in any case, with `-` or `_` before a region.
    assert!(script.contains(r"/^ja([-_]|$)/i.test(navigator.language"));
    for (tag, lang) in [
        ("ja", Lang::Ja),
        ("JA-jp", Lang::Ja),
        ("ja_JP", Lang::Ja),
        ("jav", Lang::En),
        ("en-US", Lang::En),
    ] {
        assert_eq!(Lang::from_browser_tag(tag), lang, "{tag}");
    }
    assert!(script.contains(r#"document.getElementById("first-paint").remove()"#));
}
