//! Loading the workspace at start and saving it after each change.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::browser::storage::{self, StorageFailure};
use crate::browser::clock;
use crate::core::describe;
use crate::core::i18n::{trf, Lang, Msg};
use crate::core::model::Workspace;
use crate::core::persist::{self, StartFrom};
use crate::core::samples::first_visit_workspace;

/// Saves wait this long after the last change, so a burst of edits is one write.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(250);

/// What the app starts with, and anything the person must be told about it.
pub struct Loaded {
    pub workspace: Workspace,
    pub recovered: Option<Notice>,
    pub failure: Option<StorageFailure>,
    /// A new workspace is saved at once, so a reload shows the same one;
    /// never when an unreadable copy could not be set aside first.
    pub save_at_start: bool,
}

thread_local! {
    /// The text of the last copy known to be good (loaded fine or saved and read back):
    /// it becomes the previous copy when the next one is written.
    static LAST_GOOD: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Reads the stored workspace. A damaged main copy is moved to the recovery key
/// (never overwritten); the previous good copy is used if it reads, else a fresh
/// first-visit workspace.
pub fn load(lang: Lang) -> Loaded {
    let fresh = || first_visit_workspace(&clock::random_origin(), lang, clock::now_ms());
    let main = match storage::read(storage::WORKSPACE_KEY) {
        Ok(text) => text,
        Err(failure) => return Loaded { workspace: fresh(), recovered: None, failure: Some(failure), save_at_start: false },
    };
    let previous = storage::read(storage::PREVIOUS_KEY).ok().flatten();
    let keep_damaged = |text: &str| storage::write(storage::RECOVERY_KEY, text).err();
    match persist::start_from(main.as_deref(), previous.as_deref()) {
        StartFrom::Nothing => Loaded { workspace: fresh(), recovered: None, failure: None, save_at_start: true },
        StartFrom::Main(workspace) => {
            LAST_GOOD.with(|g| *g.borrow_mut() = main);
            Loaded { workspace: *workspace, recovered: None, failure: None, save_at_start: false }
        }
        StartFrom::Previous(workspace, error) => {
            let failure = keep_damaged(main.as_deref().unwrap_or_default());
            LAST_GOOD.with(|g| *g.borrow_mut() = previous);
            let notice = Notice::error(move |lang| trf(lang, Msg::StoredDataRestored, &[&describe::import_error(lang, &error)]));
            let save_at_start = failure.is_none();
            Loaded { workspace: *workspace, recovered: Some(notice), failure, save_at_start }
        }
        StartFrom::Neither(error) => {
            let failure = keep_damaged(main.as_deref().unwrap_or_default());
            let notice = Notice::error(move |lang| {
                trf(lang, Msg::StoredDataUnreadable, &[&describe::import_error(lang, &error)])
            });
            let save_at_start = failure.is_none();
            Loaded { workspace: fresh(), recovered: Some(notice), failure, save_at_start }
        }
    }
}

/// The stored language, else the browser's.
pub fn initial_lang() -> Lang {
    match storage::read(storage::LANG_KEY) {
        Ok(Some(tag)) if tag == "zh-CN" => Lang::Zh,
        Ok(Some(tag)) if tag == "en" => Lang::En,
        _ => Lang::from_tag(&clock::browser_language()),
    }
}

/// Writes the workspace now, crash-safe: the last good copy is kept as the previous
/// one, the new text is written and read back; the result shows (or clears) the banner.
pub fn save_now(state: AppState) {
    // A practice scenario never reaches storage: the own workspace there stays as it was.
    if state.sandbox.get_untracked().is_some() {
        return;
    }
    let text = state.workspace.with_untracked(|ws| persist::encode_for_storage(ws, clock::now_ms()));
    let result = write_verified(&text);
    if result.is_ok() {
        LAST_GOOD.with(|g| *g.borrow_mut() = Some(text));
        check_storage_meter(state);
    }
    state.save_failure.set(result.err());
}

/// Storage this full (percent) earns a warning, before a save can fail.
const STORAGE_WARNING_PERCENT: f64 = 80.0;

/// Asks the browser how full storage is and warns from 80 %.
pub fn check_storage_meter(state: AppState) {
    leptos::task::spawn_local(async move {
        let full = storage::usage_percent().await.filter(|p| *p >= STORAGE_WARNING_PERCENT);
        state.storage_warning.set(full);
    });
}

/// Once at start: ask for persistent storage and read the meter.
pub fn guard_storage(state: AppState) {
    leptos::task::spawn_local(storage::ask_to_persist());
    check_storage_meter(state);
}

fn write_verified(text: &str) -> Result<(), StorageFailure> {
    if let Some(previous) = LAST_GOOD.with(|g| g.borrow().clone()) {
        storage::write(storage::PREVIOUS_KEY, &previous)?;
    }
    storage::write(storage::WORKSPACE_KEY, text)?;
    match storage::read(storage::WORKSPACE_KEY)? {
        Some(back) if back == text => Ok(()),
        _ => Err(StorageFailure::Unverified),
    }
}

/// One effect: after each change, save within the debounce; on `pagehide`, save at once.
pub fn install_autosave(state: AppState) {
    let pending: Rc<Cell<Option<TimeoutHandle>>> = Rc::new(Cell::new(None));
    let dirty = Rc::new(Cell::new(false));
    {
        let pending = pending.clone();
        let dirty = dirty.clone();
        Effect::new(move |previous: Option<()>| {
            state.workspace.track();
            // The first run is the load itself; nothing changed yet.
            if previous.is_none() {
                return;
            }
            dirty.set(true);
            if let Some(handle) = pending.take() {
                handle.clear();
            }
            let dirty = dirty.clone();
            let handle = set_timeout_with_handle(
                move || {
                    dirty.set(false);
                    save_now(state);
                },
                SAVE_DEBOUNCE,
            );
            pending.set(handle.ok());
        });
    }
    let listener = window_event_listener(leptos::ev::pagehide, move |_| {
        if dirty.replace(false) {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
            save_now(state);
        }
    });
    // The listener lives as long as the page.
    std::mem::forget(listener);
}

/// Remembers the language choice; a failure here only costs the preference.
pub fn remember_lang(lang: Lang) {
    let _ = storage::write(storage::LANG_KEY, lang.tag());
}
