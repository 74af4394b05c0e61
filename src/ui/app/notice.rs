//! `#url-notice`: what was corrected in a link (or an imported file).
//!
//! Each correction is shown as a text node, never as HTML: the given value
//! comes from the URL and may hold anything.

use leptos::prelude::*;

use crate::params::Notice;

use crate::ui::controls::widgets::TextButton;
use crate::ui::text::use_text;

/// Where the corrections on show were found, as their title says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeSource {
    Link,
    File,
}

/// The corrections on show, shared through context so the JSON import can
/// show its own: `use_notices().show(NoticeSource::File, notices)`.
#[derive(Clone, Copy)]
pub struct Notices {
    pub list: RwSignal<Vec<Notice>>,
    pub source: RwSignal<NoticeSource>,
}

impl Notices {
    fn new(source: NoticeSource, list: Vec<Notice>) -> Notices {
        Notices {
            list: RwSignal::new(list),
            source: RwSignal::new(source),
        }
    }

    /// Replaces what is shown by `list`, found in `source`.
    pub fn show(self, source: NoticeSource, list: Vec<Notice>) {
        self.source.try_set(source);
        self.list.try_set(list);
    }
}

/// Provides the notices, starting with `initial` (the link's corrections).
pub fn provide_notices(initial: Vec<Notice>) -> Notices {
    let notices = Notices::new(NoticeSource::Link, initial);
    provide_context(notices);
    notices
}

/// The page's notices; detached signals outside the app.
pub fn use_notices() -> Notices {
    use_context::<Notices>().unwrap_or_else(|| Notices::new(NoticeSource::Link, Vec::new()))
}

#[component]
pub fn UrlNotice() -> impl IntoView {
    let text = use_text();
    let Notices {
        list: notices,
        source,
    } = use_notices();
    let title = move || {
        let text = text.get();
        match source.get() {
            NoticeSource::Link => text.url_notice_title,
            NoticeSource::File => text.file_notice_title,
        }
    };
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
                <p class="url-notice-title">{title}</p>
                <ul>{items}</ul>
            </div>
            <TextButton id="url-notice-close" class="secondary" label=|t| t.url_notice_close on_click=move |_| notices.set(Vec::new()) />
        </div>
    }
}
