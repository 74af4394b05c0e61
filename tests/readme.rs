//! The README documents what the code does: its URL table is the code's own table.

#[test]
fn readme_url_table_matches_the_parameter_table() {
    let readme = include_str!("../README.md");
    let table = rnn_playground::params::markdown_table();
    let start = readme
        .find("<!-- url-table:start -->\n")
        .expect("start marker")
        + "<!-- url-table:start -->\n".len();
    let end = readme.find("<!-- url-table:end -->").expect("end marker");
    assert_eq!(
        &readme[start..end],
        table,
        "README's URL table is stale: paste the output of params::markdown_table() between the markers"
    );
}
