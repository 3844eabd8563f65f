//! Loading the workspace at start and saving it after each change.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use super::state::{AppState, Notice};
use crate::browser::storage::{self, StorageFailure};
use crate::browser::{clock, timing};
use crate::core::describe;
use crate::core::i18n::{trf, Lang, Msg};
use crate::core::model::Workspace;
use crate::core::persist::{self, StartFrom};
use crate::core::{stored, sync};
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
    /// The revision of the copy this tab last loaded or saved.
    static KNOWN_REVISION: Cell<u64> = const { Cell::new(0) };
    /// Set when the workspace changes because of another tab: that change is not saved back.
    static SKIP_NEXT_SAVE: Cell<bool> = const { Cell::new(false) };
    /// The text of the last copy known to be good (loaded fine or saved and read back):
    /// it becomes the previous copy when the next one is written.
    static LAST_GOOD: RefCell<Option<String>> = const { RefCell::new(None) };
}

thread_local! {
    /// This page's own id prefix, made once per page load.
    static SESSION_ORIGIN: String = clock::random_origin();
}

/// A workspace this page will work on (loaded, imported, received or from another
/// tab) mints its new ids with this page's own origin. Ids already in it stay, so
/// records keep their identity across files; only new ones get the fresh prefix.
/// An older workspace whose origin was copied to a teammate by an import thus
/// stops minting ids that could clash with theirs.
pub fn adopt(mut workspace: Workspace) -> Workspace {
    workspace.origin = SESSION_ORIGIN.with(Clone::clone);
    workspace
}

/// Reads the stored workspace. A damaged main copy is moved to the recovery key
/// (never overwritten); the previous good copy is used if it reads, else a fresh
/// first-visit workspace.
pub fn load(lang: Lang) -> Loaded {
    KNOWN_REVISION.with(|k| k.set(stored_revision()));
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
            // Nothing good is in the main slot yet, so the first save must write it
            // (and leaves the previous copy, the one restored, where it is).
            LAST_GOOD.with(|g| *g.borrow_mut() = None);
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
    let stored = stored_revision();
    let known = KNOWN_REVISION.with(Cell::get);
    let nothing_new = state.pending.with_value(Vec::is_empty) && LAST_GOOD.with(|g| g.borrow().is_some());
    if nothing_new && stored <= known {
        return;
    }
    if stored > known {
        // Another tab saved a newer copy: our unsaved commands go on top of it.
        let theirs = storage::read(storage::WORKSPACE_KEY).ok().flatten().and_then(|t| stored::decode(&t).ok());
        if let Some(theirs) = theirs {
            let (merged, _dropped) = state.pending.with_value(|p| sync::rebase(theirs, p, clock::now_ms()));
            SKIP_NEXT_SAVE.with(|s| s.set(true));
            state.workspace.set(adopt(merged));
            state.forget_history();
        }
    }
    let revision = stored.max(known) + 1;
    let (text, result) = timing::measure("waypoint:save", || {
        let text = state.workspace.with_untracked(|ws| stored::encode(ws, clock::now_ms()));
        let result = write_verified(&text).and_then(|()| storage::write(storage::REVISION_KEY, &revision.to_string()));
        (text, result)
    });
    if result.is_ok() {
        LAST_GOOD.with(|g| *g.borrow_mut() = Some(text));
        KNOWN_REVISION.with(|k| k.set(revision));
        state.pending.update_value(Vec::clear);
        check_storage_meter(state);
    }
    state.save_failure.set(result.err());
}

fn stored_revision() -> u64 {
    storage::read(storage::REVISION_KEY).ok().flatten().and_then(|t| t.parse().ok()).unwrap_or(0)
}

/// Another tab saved: with nothing unsaved here, show its copy; otherwise save
/// now, which puts this tab's work on top of it.
fn on_other_tab_saved(state: AppState) {
    if state.sandbox.get_untracked().is_some() {
        return;
    }
    if !state.pending.with_value(Vec::is_empty) {
        save_now(state);
        return;
    }
    let Some(text) = storage::read(storage::WORKSPACE_KEY).ok().flatten() else { return };
    if let Ok(theirs) = stored::decode(&text) {
        KNOWN_REVISION.with(|k| k.set(stored_revision()));
        LAST_GOOD.with(|g| *g.borrow_mut() = Some(text));
        SKIP_NEXT_SAVE.with(|s| s.set(true));
        // An open dialog stays open: the person may be typing in it.
        state.workspace.set(adopt(theirs));
        state.forget_history();
    }
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
            // A copy taken over from another tab is already saved.
            if SKIP_NEXT_SAVE.with(|s| s.replace(false)) {
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
    // The listeners live as long as the page.
    std::mem::forget(listener);
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(storage::REVISION_KEY) {
            on_other_tab_saved(state);
        }
    });
    std::mem::forget(other_tab);
}

/// Remembers the language choice; a failure here only costs the preference.
pub fn remember_lang(lang: Lang) {
    let _ = storage::write(storage::LANG_KEY, lang.tag());
}
