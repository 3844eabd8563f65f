//! localStorage, with every failure reported instead of swallowed.

use wasm_bindgen::{JsCast, JsValue};

/// The one versioned key the workspace lives under.
pub const WORKSPACE_KEY: &str = "waypoint.workspace.v1";
/// A counter raised by every save, written after the copy itself: other tabs
/// listen for it, and a tab never writes over a revision newer than its own.
pub const REVISION_KEY: &str = "waypoint.revision";
/// The copy saved before the last one, kept in case the last one is damaged.
pub const PREVIOUS_KEY: &str = "waypoint.workspace.v1.previous";
/// Where an unreadable stored copy is moved, so it is never overwritten.
pub const RECOVERY_KEY: &str = "waypoint.recovery";
pub const LANG_KEY: &str = "waypoint.lang";

#[derive(Clone, Debug, PartialEq)]
pub enum StorageFailure {
    /// The browser's quota is full.
    Quota,
    /// No localStorage at all (disabled, or a private mode that blocks it).
    Unavailable,
    Other(String),
    /// The write went through but reading it back gave something else.
    Unverified,
}

fn local_storage() -> Result<web_sys::Storage, StorageFailure> {
    web_sys::window()
        .ok_or(StorageFailure::Unavailable)?
        .local_storage()
        .map_err(|_| StorageFailure::Unavailable)?
        .ok_or(StorageFailure::Unavailable)
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`, old WebKit code 22.
fn classify(error: JsValue) -> StorageFailure {
    if let Some(dom) = error.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22 {
            return StorageFailure::Quota;
        }
        return StorageFailure::Other(format!("{name}: {}", dom.message()));
    }
    StorageFailure::Other(error.as_string().unwrap_or_else(|| format!("{error:?}")))
}

pub fn read(key: &str) -> Result<Option<String>, StorageFailure> {
    local_storage()?.get_item(key).map_err(classify)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageFailure> {
    local_storage()?.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) -> Result<(), StorageFailure> {
    local_storage()?.remove_item(key).map_err(classify)
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
