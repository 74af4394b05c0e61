//! The README documents what the code does: its URL table is the code's own table, and every
//! link and picture in it and in `docs/` leads somewhere.
//!
//! `UPDATE_README=1 cargo test --test native readme::` writes the current table into the README.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const START: &str = "<!-- url-table:start -->\n";
const END: &str = "<!-- url-table:end -->";

#[test]
fn readme_url_table_matches_the_parameter_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let table = rnn_playground::params::markdown_table();
    let start = readme.find(START).expect("start marker") + START.len();
    let end = readme.find(END).expect("end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{table}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).expect("write README.md");
        return;
    }
    assert_eq!(
        &readme[start..end],
        table,
        "README's URL table is stale: run `UPDATE_README=1 cargo test --test native readme::`"
    );
}

/// Every relative link and picture in the README and in `docs/*.md` names a file that exists,
/// and a `#anchor` into a Markdown file names one of its headings (as GitHub writes them).
#[test]
fn every_relative_link_and_picture_in_the_docs_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md")];
    let docs = std::fs::read_dir(root.join("docs")).expect("docs/");
    files.extend(
        docs.map(|entry| entry.expect("docs/ entry").path())
            .filter(|path| path.extension().is_some_and(|e| e == "md")),
    );
    let mut broken = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("a Markdown file");
        for dest in destinations(&text) {
            if dest.contains("://") || dest.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = dest.split_once('#').unwrap_or((dest.as_str(), ""));
            let target: PathBuf = if path.is_empty() {
                file.clone()
            } else {
                file.parent().unwrap().join(path)
            };
            let where_ = format!("{}: {dest}", file.strip_prefix(root).unwrap().display());
            if !target.exists() {
                broken.push(format!("{where_} (no such file)"));
            } else if !anchor.is_empty() && target.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&target).expect("a Markdown file");
                if !anchors(&text).contains(anchor) {
                    broken.push(format!("{where_} (no such heading)"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

fn markdown(text: &str) -> Parser<'_> {
    Parser::new_ext(text, Options::ENABLE_TABLES)
}

/// The targets of the links and pictures in `text`.
fn destinations(text: &str) -> Vec<String> {
    markdown(text)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some(dest_url.to_string())
            }
            _ => None,
        })
        .collect()
}

/// The anchors GitHub gives the headings of `text`: the heading's text in lower case, spaces as
/// hyphens, other punctuation dropped.
fn anchors(text: &str) -> HashSet<String> {
    let mut anchors = HashSet::new();
    let mut heading: Option<String> = None;
    for event in markdown(text) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = heading.as_mut() {
                    h.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                let title = heading.take().unwrap_or_default().to_lowercase();
                let slug = title
                    .chars()
                    .filter_map(|c| match c {
                        ' ' => Some('-'),
                        c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                        _ => None,
                    })
                    .collect();
                anchors.insert(slug);
            }
            _ => {}
        }
    }
    anchors
}
