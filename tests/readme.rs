//! The README documents what the code does: its URL table is the code's own table.
//!
//! `UPDATE_README=1 cargo test --test readme` writes the current table into the README.

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
        "README's URL table is stale: run `UPDATE_README=1 cargo test --test readme`"
    );
}
