//! The team file's browser side (team_file.js): choosing the file, keeping its
//! handle across restarts, asking for permission, reading and writing.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/src/browser/team_file.js")]
extern "C" {
    #[wasm_bindgen(js_name = supported)]
    fn js_supported() -> bool;
    #[wasm_bindgen(catch, js_name = remember)]
    async fn js_remember(handle: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = recall)]
    async fn js_recall() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = forget)]
    async fn js_forget() -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = pick)]
    async fn js_pick(create: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = name)]
    fn js_name(handle: &JsValue) -> String;
    #[wasm_bindgen(catch, js_name = permission)]
    async fn js_permission(handle: &JsValue, ask: bool) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = read)]
    async fn js_read(handle: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = write)]
    async fn js_write(handle: &JsValue, text: &str) -> Result<JsValue, JsValue>;
}

/// Why the file could not be used, from the browser's error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// The person closed the picker.
    Cancelled,
    /// The file is no longer where it was (moved, renamed, deleted).
    Gone,
    /// Permission was refused or has lapsed.
    NotAllowed,
    /// Anything else: the folder offline, the disk busy.
    Unreachable,
}

fn classify(error: JsValue) -> FileError {
    let name = error.dyn_ref::<web_sys::DomException>().map(|e| e.name()).unwrap_or_default();
    match name.as_str() {
        "AbortError" => FileError::Cancelled,
        "NotFoundError" => FileError::Gone,
        "NotAllowedError" | "SecurityError" => FileError::NotAllowed,
        _ => FileError::Unreachable,
    }
}

/// Whether this browser can link to a file (desktop Chromium browsers can).
pub fn supported() -> bool {
    js_supported()
}

/// A chosen file. The handle is the browser's own object, kept as it is.
#[derive(Clone)]
pub struct TeamFileHandle(JsValue);

impl TeamFileHandle {
    /// The file's name, as the person sees it in their folder.
    pub fn name(&self) -> String {
        js_name(&self.0)
    }
}

/// Lets the person choose the team file: an existing one, or a new one (`create`).
pub async fn pick(create: bool) -> Result<TeamFileHandle, FileError> {
    js_pick(create).await.map(TeamFileHandle).map_err(classify)
}

/// Keeps the handle for the next visit; a failure only means choosing again then.
pub async fn remember(handle: &TeamFileHandle) {
    let _ = js_remember(&handle.0).await;
}

/// The handle kept by an earlier visit, if any.
pub async fn recall() -> Option<TeamFileHandle> {
    js_recall().await.ok().filter(|v| !v.is_null() && !v.is_undefined()).map(TeamFileHandle)
}

/// Forgets the kept handle (the person disconnected).
pub async fn forget() {
    let _ = js_forget().await;
}

/// Whether the page may read and write the file; with `ask`, the browser asks the
/// person (only allowed right after a click).
pub async fn allowed(handle: &TeamFileHandle, ask: bool) -> Result<bool, FileError> {
    let state = js_permission(&handle.0, ask).await.map_err(classify)?;
    Ok(state.as_string().as_deref() == Some("granted"))
}

/// The file's text.
pub async fn read(handle: &TeamFileHandle) -> Result<String, FileError> {
    Ok(js_read(&handle.0).await.map_err(classify)?.as_string().unwrap_or_default())
}

/// Replaces the file's text.
pub async fn write(handle: &TeamFileHandle, text: &str) -> Result<(), FileError> {
    js_write(&handle.0, text).await.map(|_| ()).map_err(classify)
}
