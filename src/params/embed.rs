//! The code that puts the playground into another page: an `<iframe>` of a lesson link, with a
//! title for screen readers, loaded only when it scrolls near the view, and the shape of the embed
//! layout, so that the frame shows the whole playground without scroll bars.

/// The frame's width : height. The embed layout (`embed=1`) fills its frame: the run bar and the
/// read-outs on top, the two plots side by side below, sized to the height that is left.
pub const EMBED_ASPECT: (u32, u32) = (16, 10);

/// The frame's least height in CSS pixels: 16:10 of a phone's width (234 px at 375) leaves the
/// plots no room below the run bar and the read-outs.
pub const EMBED_MIN_HEIGHT: u32 = 600;

/// The embed code for `src` (an absolute link) with the frame's `title`, both written as HTML
/// attribute values.
pub fn embed_code(src: &str, title: &str) -> String {
    let (w, h) = EMBED_ASPECT;
    format!(
        r#"<iframe src="{}" title="{}" loading="lazy" style="width:100%;aspect-ratio:{w}/{h};min-height:{EMBED_MIN_HEIGHT}px;border:0"></iframe>"#,
        attribute(src),
        attribute(title)
    )
}

/// `text` as a double-quoted HTML attribute value: `&`, `"`, `<` and `>` escaped.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}
