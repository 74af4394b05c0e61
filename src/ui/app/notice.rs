//! `#url-notice`: what was corrected in a link (or an imported file).
//!
//! Each correction is shown as a text node, never as HTML: the given value
//! comes from the URL and may hold anything.

use leptos::prelude::*;

use crate::params::Notice;

use crate::ui::controls::widgets::TextButton;
use crate::ui::text::{use_text, words};

/// The corrections on show, shared through context so the JSON import can
/// show its own: `use_notices().set(parsed.notices)`.
#[derive(Clone, Copy)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

/// Provides the notices, starting with `initial` (the link's corrections).
pub fn provide_notices(initial: Vec<Notice>) -> Notices {
    let notices = Notices(RwSignal::new(initial));
    provide_context(notices);
    notices
}

/// The page's notices; a detached signal outside the app.
pub fn use_notices() -> RwSignal<Vec<Notice>> {
    use_context::<Notices>().map_or_else(|| RwSignal::new(Vec::new()), |n| n.0)
}

#[component]
pub fn UrlNotice() -> impl IntoView {
    let text = use_text();
    let notices = use_notices();
    let items = move || {
        let worded = text.get().notice;
        notices.with(|notices| {
            notices
                .iter()
                .map(|notice| view! { <li>{worded(notice)}</li> })
                .collect_view()
        })
    };
    view! {
        <div
            id="url-notice"
            class="url-notice"
            role="status"
            hidden=move || notices.with(Vec::is_empty)
        >
            <div class="url-notice-body">
                <p class="url-notice-title">{words(|t| t.url_notice_title)}</p>
                <ul>{items}</ul>
            </div>
            <TextButton id="url-notice-close" class="secondary" label=|t| t.url_notice_close on_click=move |_| notices.set(Vec::new()) />
        </div>
    }
}
