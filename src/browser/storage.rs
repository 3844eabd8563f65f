//! localStorage through gloo-storage, as the engine's [`Store`]: every failure is
//! reported (mapped to [`StoreFailure`]), never swallowed.
//!
//! Values are stored as gloo-storage writes them (JSON strings). Copies written raw
//! by earlier builds still read: a value that is not a JSON string is taken as it is.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

pub use crate::core::files::store::{keys, Store, StoreFailure};

/// The browser's localStorage.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// gloo-storage throws when there is no localStorage at all (disabled, or a private
/// mode that blocks it), so that is checked first and reported instead.
fn available() -> Result<(), StoreFailure> {
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(()),
        _ => Err(StoreFailure::Unavailable),
    }
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`.
fn failure(error: StorageError) -> StoreFailure {
    match error {
        StorageError::JsError(js) if js.name == "QuotaExceededError" || js.name == "NS_ERROR_DOM_QUOTA_REACHED" => StoreFailure::Quota,
        StorageError::JsError(js) => StoreFailure::Other(format!("{}: {}", js.name, js.message)),
        other => StoreFailure::Other(other.to_string()),
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFailure> {
        available()?;
        match LocalStorage::get::<String>(key) {
            Ok(text) => Ok(Some(text)),
            Err(StorageError::KeyNotFound(_)) => Ok(None),
            // Written raw, by an earlier build (or by hand).
            Err(StorageError::SerdeError(_)) => LocalStorage::raw().get_item(key).map_err(|e| StoreFailure::Other(format!("{e:?}"))),
            Err(other) => Err(failure(other)),
        }
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreFailure> {
        available()?;
        LocalStorage::set(key, value).map_err(failure)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreFailure> {
        available()?;
        LocalStorage::delete(key);
        Ok(())
    }
}

/// Reads a key of this browser's own preferences; a failure only costs the preference.
pub fn read_pref(key: &str) -> Option<String> {
    LocalStore.read(key).ok().flatten()
}

/// Writes a preference; a failure only costs the preference (the save banner reports storage trouble).
pub fn write_pref(key: &str, value: &str) {
    let _ = LocalStore.write(key, value);
}

/// A preference kept as JSON (card fields, learn progress); `None` when missing or unreadable.
pub fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    available().ok()?;
    LocalStorage::get(key).ok()
}

/// Keeps a preference as JSON; a failure only costs the preference.
pub fn write_json<T: serde::Serialize>(key: &str, value: &T) {
    if available().is_ok() {
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
