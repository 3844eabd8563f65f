//! localStorage through gloo-storage, as the engine's [`Store`]: every failure is
//! reported (mapped to [`StoreFailure`]), never swallowed.
//!
//! The workspace keys hold text exactly as every earlier build wrote it (gloo's
//! `raw()` storage, not its JSON strings): during an update a tab still running the
//! older build must be able to read a newer tab's save. The preferences that are
//! JSON values use gloo's typed `get` and `set`, which read and write the same JSON.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

pub use crate::core::files::store::{keys, Store, StoreFailure};

/// The browser's localStorage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// gloo-storage throws when there is no localStorage at all (disabled, or a private
/// mode that blocks it), so that is checked first and reported instead.
fn storage() -> Result<web_sys::Storage, StoreFailure> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StoreFailure::Unavailable),
    }
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit code 22.
fn failure(error: JsValue) -> StoreFailure {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22 {
            return StoreFailure::Quota;
        }
        return StoreFailure::Other(format!("{name}: {}", dom.message()));
    }
    StoreFailure::Other(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFailure> {
        storage()?.get_item(key).map_err(failure)
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreFailure> {
        storage()?.set_item(key, value).map_err(failure)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreFailure> {
        storage()?.remove_item(key).map_err(failure)
    }
}

/// Reads a text preference (language, who "I" am); a failure only costs the preference.
pub fn read_pref(key: &str) -> Option<String> {
    LocalStore.read(key).ok().flatten()
}

/// Writes a text preference; a failure only costs the preference (the save banner reports storage trouble).
pub fn write_pref(key: &str, value: &str) {
    let _ = LocalStore.write(key, value);
}

/// A preference kept as JSON (card fields, learn progress); `None` when missing or unreadable.
pub fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    storage().ok()?;
    LocalStorage::get(key).ok()
}

/// Keeps a preference as JSON; a failure only costs the preference.
pub fn write_json<T: serde::Serialize>(key: &str, value: &T) {
    if storage().is_ok() {
        let _ = LocalStorage::set(key, value);
    }
}

/// How full the browser's storage for this site is, in percent, if the browser says.
pub async fn usage_percent() -> Option<f64> {
    let manager = web_sys::window()?.navigator().storage();
    let estimate = wasm_bindgen_futures::JsFuture::from(manager.estimate().ok()?).await.ok()?;
    let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
    let (usage, quota) = (estimate.get_usage()?, estimate.get_quota()?);
    (quota > 0.0).then(|| usage * 100.0 / quota)
}

/// Asks the browser not to clear this site's data under storage pressure.
pub async fn ask_to_persist() {
    if let Some(window) = web_sys::window() {
        if let Ok(promise) = window.navigator().storage().persist() {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }
}
