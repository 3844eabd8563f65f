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
use crate::core::samples::first_visit_workspace;
use crate::core::{stored, sync};

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
            let notice = Notice::error(move |lang| trf(lang, Msg::StoredDataUnreadable, &[&describe::import_error(lang, &error)]));
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

/// Whether a save has anything to write, given the revision now in storage: not
/// in a practice scenario (which never reaches storage), and not when nothing
/// changed here or in another tab since the last good copy.
fn needs_saving(state: AppState, stored: u64) -> bool {
    if state.sandbox.get_untracked().is_some() {
        return false;
    }
    let nothing_new = state.pending.with_value(Vec::is_empty) && LAST_GOOD.with(|g| g.borrow().is_some());
    !nothing_new || stored > KNOWN_REVISION.with(Cell::get)
}

/// Writes the workspace now, crash-safe: the last good copy is kept as the previous
/// one, the new text is written and read back; the result shows (or clears) the banner.
/// Any save still being packed in steps is dropped: this one covers it.
pub fn save_now(state: AppState) {
    cancel_saving();
    let stored = stored_revision();
    if !needs_saving(state, stored) {
        return;
    }
    let known = KNOWN_REVISION.with(Cell::get);
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
    timing::measure("waypoint:save", || {
        let text = state.workspace.with_untracked(|ws| stored::encode(ws, clock::now_ms()));
        write_copy(state, text, revision);
    });
}

/// Writes a packed copy as revision `revision` and takes in the outcome.
fn write_copy(state: AppState, text: String, revision: u64) {
    let result = keep_previous().and_then(|()| write_main_verified(&text));
    take_outcome(state, text, revision, result);
}

/// After the copy itself: on success the revision (which tells other tabs), and
/// either way the banner shows or clears.
fn take_outcome(state: AppState, text: String, revision: u64, written: Result<(), StorageFailure>) {
    let result = written.and_then(|()| storage::write(storage::REVISION_KEY, &revision.to_string()));
    if result.is_ok() {
        LAST_GOOD.with(|g| *g.borrow_mut() = Some(text));
        KNOWN_REVISION.with(|k| k.set(revision));
        state.pending.update_value(Vec::clear);
        check_storage_meter(state);
    }
    state.save_failure.set(result.err());
}

/// JSON bytes deflated per step of a save: a few milliseconds each, so a save of
/// 10,000 deals is many short pauses between frames rather than one long one.
const SAVE_SLICE: usize = 256 * 1024;

/// Where a save in steps has got to. Writing is split too: each write of a large
/// copy takes a few milliseconds, and in this order a page that dies between
/// steps still holds a good copy in both places.
enum Phase {
    Packing(stored::Encoding),
    /// Packed: next the last good copy becomes the previous one.
    Packed(String),
    /// The previous copy is written: next the new one, read back, then the revision.
    PreviousKept(String),
}

/// A save being done in steps, from the snapshot taken when it began.
struct Saving {
    phase: Phase,
    revision: u64,
    /// Main-thread time spent on it so far, and the longest single step.
    busy_ms: f64,
    longest_ms: f64,
}

impl Saving {
    fn spent(&mut self, ms: f64) {
        self.busy_ms += ms;
        self.longest_ms = self.longest_ms.max(ms);
    }
}

thread_local! {
    /// At most one save in steps; any change to the workspace drops it (a newer save follows).
    static SAVING: RefCell<Option<Saving>> = const { RefCell::new(None) };
}

/// Drops a save in progress; true if there was one.
fn cancel_saving() -> bool {
    SAVING.with(|s| s.borrow_mut().take()).is_some()
}

/// The autosave: packs the workspace in steps between frames, then writes it.
fn save_in_steps(state: AppState) {
    cancel_saving();
    let stored = stored_revision();
    if !needs_saving(state, stored) {
        return;
    }
    let known = KNOWN_REVISION.with(Cell::get);
    if stored > known {
        // A newer copy from another tab must be taken in first: the rare case, done at once.
        save_now(state);
        return;
    }
    // Marked for the performance panel, and for the E2E that changes things mid-save.
    timing::mark("waypoint:save-start");
    let started = timing::now();
    let encoding = state.workspace.with_untracked(|ws| stored::Encoding::new(ws, clock::now_ms()));
    let mut saving = Saving { phase: Phase::Packing(encoding), revision: known + 1, busy_ms: 0.0, longest_ms: 0.0 };
    saving.spent(timing::now() - started);
    next_save_step(state, saving);
}

fn next_save_step(state: AppState, saving: Saving) {
    SAVING.with(|s| *s.borrow_mut() = Some(saving));
    set_timeout(move || save_step(state), Duration::ZERO);
}

fn save_step(state: AppState) {
    // Gone: a change or a save at once came in between.
    let Some(mut saving) = SAVING.with(|s| s.borrow_mut().take()) else { return };
    let started = timing::now();
    // Before anything is written: another tab that saved meanwhile comes first.
    let overtaken = || stored_revision() > KNOWN_REVISION.with(Cell::get);
    saving.phase = match saving.phase {
        Phase::Packing(mut encoding) => {
            if encoding.step(SAVE_SLICE) {
                Phase::Packed(encoding.into_text())
            } else {
                Phase::Packing(encoding)
            }
        }
        Phase::Packed(text) => {
            if overtaken() {
                save_now(state);
                return;
            }
            if let Err(failure) = keep_previous() {
                state.save_failure.set(Some(failure));
                return;
            }
            Phase::PreviousKept(text)
        }
        Phase::PreviousKept(text) => {
            if overtaken() {
                save_now(state);
                return;
            }
            let result = write_main_verified(&text);
            let last = timing::now() - started;
            take_outcome(state, text, saving.revision, result);
            // `make bench` reads both: all the work, and the longest the page was held up by one step.
            timing::record("waypoint:save", saving.busy_ms + last);
            timing::record("waypoint:save-pause", saving.longest_ms.max(last));
            return;
        }
    };
    saving.spent(timing::now() - started);
    next_save_step(state, saving);
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

/// The last good copy becomes the previous one, kept in case the next is damaged.
fn keep_previous() -> Result<(), StorageFailure> {
    LAST_GOOD.with(|g| match g.borrow().as_deref() {
        Some(previous) => storage::write(storage::PREVIOUS_KEY, previous),
        None => Ok(()),
    })
}

/// Writes the new copy and reads it back.
fn write_main_verified(text: &str) -> Result<(), StorageFailure> {
    storage::write(storage::WORKSPACE_KEY, text)?;
    match storage::read(storage::WORKSPACE_KEY)? {
        Some(back) if back == text => Ok(()),
        _ => Err(StorageFailure::Unverified),
    }
}

/// One effect: after each change, save within the debounce (packed in steps); when
/// the page is hidden or left, save at once.
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
            // A save being packed holds an older snapshot; the next one will cover this change.
            let was_saving = cancel_saving();
            // A copy taken over from another tab is already saved (unless a save of
            // this tab's own was just dropped: then one more save decides).
            if SKIP_NEXT_SAVE.with(|s| s.replace(false)) && !was_saving {
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
                    save_in_steps(state);
                },
                SAVE_DEBOUNCE,
            );
            pending.set(handle.ok());
        });
    }
    // Whatever is unsaved is saved at once when the page is left, and when it is
    // hidden: a hidden tab's timers slow to a crawl (a save in steps could take
    // minutes), and the browser may discard a hidden tab without `pagehide`.
    let flush = Rc::new(move || {
        let was_saving = cancel_saving();
        if dirty.replace(false) || was_saving {
            if let Some(handle) = pending.take() {
                handle.clear();
            }
            save_now(state);
        }
    });
    let on_leave = {
        let flush = flush.clone();
        window_event_listener(leptos::ev::pagehide, move |_| flush())
    };
    // The listeners live as long as the page.
    std::mem::forget(on_leave);
    let on_hidden = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if document().hidden() {
            flush();
        }
    });
    {
        use wasm_bindgen::JsCast;
        let _ = document().add_event_listener_with_callback("visibilitychange", on_hidden.as_ref().unchecked_ref());
    }
    on_hidden.forget();
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
