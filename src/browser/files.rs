//! Files in and out: a download made from text, and the text of a picked file.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a download called `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    download_url(file_name, &url)?;
    // The click has started the download; the URL is no longer needed.
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The whole text of a file the person picked, read as UTF-8 the way `Blob.text()`
/// reads it (a byte-order mark dropped, a broken byte sequence replaced), but in one
/// copy of its bytes: a 20 MB file through a JS string took 4× as long (UTF-8 decoded
/// to UTF-16, then encoded back into wasm memory).
pub async fn read_text(file: &web_sys::File) -> Result<String, JsValue> {
    let mut bytes = read_bytes(file).await?;
    if bytes.starts_with("\u{feff}".as_bytes()) {
        bytes.drain(..3);
    }
    Ok(String::from_utf8(bytes).unwrap_or_else(|error| String::from_utf8_lossy(error.as_bytes()).into_owned()))
}

/// The bytes of a file the person picked.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers a URL (e.g. a canvas's `data:` PNG) as a download called `file_name`.
pub fn download_url(file_name: &str, url: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(file_name);
    anchor.click();
    Ok(())
}

/// A name made safe for a file: anything but letters and digits becomes "-".
pub fn safe_name(text: &str) -> String {
    text.chars().map(|c| if c.is_alphanumeric() { c } else { '-' }).collect()
}
