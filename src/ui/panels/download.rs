//! Saving files from the page: a Blob behind an object URL, clicked through a
//! temporary `<a download>`. Used for the plots' PNGs; the app reuses
//! [`download_blob`] for CSV and JSON.

use std::time::Duration;

use leptos::prelude::set_timeout;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

/// Why a download could not start (shown to the user; never a panic).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DownloadError(pub String);

impl std::fmt::Display for DownloadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "could not save the file: {}", self.0)
    }
}

fn js_error(context: &str) -> impl Fn(JsValue) -> DownloadError + '_ {
    move |e| DownloadError(format!("{context} ({})", e.as_string().unwrap_or_default()))
}

/// Offers `data` (bytes, or text via `.as_bytes()`/`String`) as a file named
/// `filename` of type `mime`, e.g. `download_blob("run.csv", "text/csv", csv)`.
pub fn download_blob(
    filename: &str,
    mime: &str,
    data: impl AsRef<[u8]>,
) -> Result<(), DownloadError> {
    let bytes = js_sys::Uint8Array::from(data.as_ref());
    let parts = js_sys::Array::of1(&bytes);
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(js_error("no Blob"))?;
    download_existing_blob(filename, &blob)
}

/// Offers an existing Blob as a file.
pub fn download_existing_blob(filename: &str, blob: &Blob) -> Result<(), DownloadError> {
    let url = Url::create_object_url_with_blob(blob).map_err(js_error("no object URL"))?;
    let clicked = click_link(filename, &url);
    // Revoking at once can cancel the download in some browsers: wait a little.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    clicked
}

fn click_link(filename: &str, href: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| DownloadError("no document".into()))?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(js_error("no link"))?
        .dyn_into()
        .map_err(|_| DownloadError("no link".into()))?;
    anchor.set_href(href);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    // Attached while clicked: older browsers ignore clicks on detached links.
    let body = document
        .body()
        .ok_or_else(|| DownloadError("no body".into()))?;
    body.append_child(&anchor).map_err(js_error("no link"))?;
    anchor.click();
    anchor.remove();
    Ok(())
}

/// Offers a canvas' pixels as a PNG file. The encoding is asynchronous
/// (`toBlob`); a failure then is reported on the console as a warning.
pub fn download_canvas_png(
    canvas: &HtmlCanvasElement,
    filename: &str,
) -> Result<(), DownloadError> {
    let filename = filename.to_string();
    let on_blob = Closure::once_into_js(move |blob: Option<Blob>| {
        let result = match blob {
            Some(blob) => download_existing_blob(&filename, &blob),
            None => Err(DownloadError("the browser could not encode the PNG".into())),
        };
        if let Err(e) = result {
            web_sys::console::warn_1(&e.to_string().into());
        }
    });
    canvas
        .to_blob(on_blob.unchecked_ref())
        .map_err(js_error("the canvas cannot be exported"))
}
