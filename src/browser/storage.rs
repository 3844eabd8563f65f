//! localStorage, with every failure reported instead of swallowed.

use wasm_bindgen::{JsCast, JsValue};

/// The one versioned key the workspace lives under.
pub const WORKSPACE_KEY: &str = "waypoint.workspace.v1";
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
