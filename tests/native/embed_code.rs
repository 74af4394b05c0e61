//! The share panel's embed code: an `<iframe>` of the lesson link with a title, lazy loading and
//! the embed layout's shape, its attribute values escaped so that any link stays one attribute.

use rnn_playground::params::{EMBED_ASPECT, EMBED_MIN_HEIGHT, embed_code};

#[test]
fn the_embed_code_is_a_lazy_titled_frame_of_the_embed_layouts_shape() {
    let code = embed_code("https://example.org/rnn/?embed=1", "RNN Playground");
    let ((w, h), min) = (EMBED_ASPECT, EMBED_MIN_HEIGHT);
    assert_eq!(
        code,
        format!(
            "<iframe src=\"https://example.org/rnn/?embed=1\" title=\"RNN Playground\" \
             loading=\"lazy\" style=\"width:100%;aspect-ratio:{w}/{h};min-height:{min}px;border:0\"></iframe>"
        )
    );
}

#[test]
fn a_link_with_several_keys_or_quotes_stays_one_attribute() {
    let code = embed_code(
        "https://x.test/?embed=1&lr=0.01&x=\"><script>",
        "A \"quoted\" <title>",
    );
    assert!(
        code.contains("src=\"https://x.test/?embed=1&amp;lr=0.01&amp;x=&quot;&gt;&lt;script&gt;\""),
        "{code}"
    );
    assert!(
        code.contains("title=\"A &quot;quoted&quot; &lt;title&gt;\""),
        "{code}"
    );
    assert_eq!(
        code.matches('<').count(),
        2,
        "only the iframe's own tags: {code}"
    );
}
