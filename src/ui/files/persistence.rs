//! The shell side of saving: localStorage, the `storage` event, timers and the
//! page's lifecycle events, adapted for the core's save-and-sync engine
//! (`core::files::engine`), which makes every decision. Here only the results are
//! shown: another tab's copy, a failed save, a newer build's copy.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser::storage::{keys, read_pref, write_pref, LocalStore, Store};
use crate::browser::{clock, timing};
use crate::core::editor::Editor;
use crate::core::files::engine::{Engine, Saved, StartProblem, Step};
use crate::core::files::store::StoreFailure;
use crate::core::learn::samples::first_visit_workspace;
use crate::core::text::describe;
use crate::core::text::i18n::{trf, Lang, Msg};
use crate::ui::files::codec;
use crate::ui::state::{AppState, Notice};

/// Saves wait this long after the last change, so a burst of edits is one write.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(250);

/// JSON bytes deflated per step of a save: a few milliseconds each, so a save of
/// 10,000 deals is many short pauses between frames rather than one long one.
const SAVE_SLICE: usize = 256 * 1024;

/// Storage this full (percent) earns a warning, before a save can fail.
const STORAGE_WARNING_PERCENT: f64 = 80.0;

/// Reads the stored workspace and makes the app's state from it, with anything the
/// person must be told about it already on screen. True when it must be saved at once.
pub fn start(lang: Lang) -> (AppState, bool) {
    let origin = clock::random_origin();
    let main = STORED_AT_START.take().unwrap_or_else(|| LocalStore.read(keys::WORKSPACE));
    // Unpacking, parsing and checking the stored copy: start-up's share that grows with the data.
    let (engine, started) = timing::measure("waypoint:start-load", || {
        Engine::start_with(&mut LocalStore, main, codec::loaded(), &origin, || first_visit_workspace(&origin, lang, clock::now_ms()))
    });
    let state = AppState::with_editor(started.workspace, lang, Editor::new(engine));
    // Why the stored copy could not be used as it was, in the person's language.
    let stored_problem = |msg: Msg, error| Some(Notice::error(move |lang| trf(lang, msg, &[&describe::import_error(lang, &error)])));
    match started.problem {
        Some(StartProblem::Restored(error)) => state.recovered.set(stored_problem(Msg::StoredDataRestored, error)),
        Some(StartProblem::Unreadable(error)) => state.recovered.set(stored_problem(Msg::StoredDataUnreadable, error)),
        Some(StartProblem::Newer(version)) => state.newer_copy.set(Some(version)),
        Some(StartProblem::Failed(failure)) => state.save_failure.set(Some(failure)),
        None => {}
    }
    if let Some(failure) = started.failure {
        state.save_failure.set(Some(failure));
    }
    (state, started.save_at_start)
}

thread_local! {
    /// The main stored copy as `codec_needed_at_start` read it, until `start` reads it.
    static STORED_AT_START: RefCell<Option<Result<Option<String>, StoreFailure>>> = const { RefCell::new(None) };
}

/// Whether start-up must load the codec first: a copy is stored, or the address holds a
/// share link. A first visit starts without it (the samples are made, not read). The copy
/// read here is kept for `start` (at 10,000 deals it is some 1.5 MB of text).
pub fn codec_needed_at_start() -> bool {
    let hash = window().location().hash().unwrap_or_default();
    let stored = LocalStore.read(keys::WORKSPACE);
    let needed = Engine::needs_codec_for(&stored) || crate::core::files::share::is_link(&hash);
    STORED_AT_START.set(Some(stored));
    needed
}

/// Runs `save` once the engine has the codec: at once when it has (from start-up, or a
/// moment after a first visit's first paint), else as soon as it has loaded. A page left
/// in that first moment cannot save; there is little to lose, as the samples are made anew.
fn with_engine_codec(state: AppState, save: impl FnOnce() + 'static) {
    if state.editor.try_with_value(|e| e.engine.has_codec()).unwrap_or(false) {
        return save();
    }
    codec::with_codec(move |codec| {
        state.editor.try_update_value(|e| e.engine.set_codec(codec));
        save();
    });
}

/// The stored language, else the browser's.
pub fn initial_lang() -> Lang {
    match read_pref(keys::LANG).as_deref() {
        Some("zh-CN") => Lang::Zh,
        Some("en") => Lang::En,
        _ => Lang::from_tag(&clock::browser_language()),
    }
}

/// Remembers the language choice; a failure here only costs the preference.
pub fn remember_lang(lang: Lang) {
    write_pref(keys::LANG, lang.tag());
}

/// Shows what a save did: another tab's copy taken in (with this tab's changes on
/// top), changes that no longer applied, and the write's failure or success.
fn show(state: AppState, saved: Saved) {
    if let Some(replayed) = saved.taken_in {
        // An open dialog stays open: the person may be typing in it.
        state.workspace.set(replayed.workspace);
        if replayed.dropped > 0 {
            let dropped = replayed.dropped.to_string();
            state.say(Notice::error(move |lang| trf(lang, Msg::ChangesDropped, &[&dropped])));
        }
    }
    if let Some(result) = saved.written {
        if result.is_ok() {
            check_storage_meter(state);
        }
        state.save_failure.set(result.err());
    }
    state.newer_copy.set(state.editor.with_value(|e| e.engine.newer_copy()));
}

/// Saves now (a page being left or hidden, *Reload now*): crash-safe, and on top of
/// any newer copy another tab saved. Any save being packed in steps is dropped.
pub fn save_now(state: AppState) {
    with_engine_codec(state, move || save_at_once(state));
}

fn save_at_once(state: AppState) {
    let now = clock::now_ms();
    let saved = timing::measure("waypoint:save", || {
        state.workspace.with_untracked(|ws| state.editor.try_update_value(|e| e.engine.save_now(&mut LocalStore, ws, now)))
    });
    show(state, saved.unwrap_or_default());
}

/// Main-thread time a save in steps has spent, and its longest single step.
#[derive(Default)]
struct StepTimes {
    busy_ms: f64,
    longest_ms: f64,
}

/// The autosave: packs the workspace in steps between frames, then writes it.
fn save_in_steps(state: AppState) {
    with_engine_codec(state, move || begin_save_in_steps(state));
}

fn begin_save_in_steps(state: AppState) {
    // Marked for the performance panel, and for the E2E that changes things mid-save.
    timing::mark("waypoint:save-start");
    let started = timing::now();
    let now = clock::now_ms();
    let begun = state.workspace.with_untracked(|ws| state.editor.try_update_value(|e| e.engine.begin_save(&mut LocalStore, ws, now)));
    match begun.flatten() {
        Some(saved) => show(state, saved),
        None => next_save_step(state, StepTimes { busy_ms: timing::now() - started, longest_ms: timing::now() - started }),
    }
}

fn next_save_step(state: AppState, times: StepTimes) {
    set_timeout(move || save_step(state, times), Duration::ZERO);
}

fn save_step(state: AppState, mut times: StepTimes) {
    let started = timing::now();
    let step = state.editor.try_update_value(|e| e.engine.step(&mut LocalStore, SAVE_SLICE)).unwrap_or(Step::Idle);
    let spent = timing::now() - started;
    times.busy_ms += spent;
    times.longest_ms = times.longest_ms.max(spent);
    match step {
        // Gone: a change or a save at once came in between.
        Step::Idle => {}
        Step::More => next_save_step(state, times),
        Step::Overtaken => save_now(state),
        Step::Done(result) => {
            // `make bench` reads both: all the work, and the longest the page was held up by one step.
            timing::record("waypoint:save", times.busy_ms);
            timing::record("waypoint:save-pause", times.longest_ms);
            show(state, crate::core::files::engine::Saved { taken_in: None, written: Some(result) });
        }
    }
}

/// Another tab saved: the engine takes its copy in, or saves this tab's work on top of it.
fn on_other_tab_saved(state: AppState) {
    with_engine_codec(state, move || take_in_other_tab(state));
}

fn take_in_other_tab(state: AppState) {
    let now = clock::now_ms();
    let saved = state.workspace.with_untracked(|ws| state.editor.try_update_value(|e| e.engine.other_tab_saved(&mut LocalStore, ws, now)));
    show(state, saved.unwrap_or_default());
}

/// Asks the browser how full storage is and warns from 80 %.
pub fn check_storage_meter(state: AppState) {
    leptos::task::spawn_local(async move {
        let full = crate::browser::storage::usage_percent().await.filter(|p| *p >= STORAGE_WARNING_PERCENT);
        state.storage_warning.set(full);
    });
}

/// Once at start, after the first screen is painted: ask for persistent storage and read the meter.
pub fn guard_storage(state: AppState) {
    crate::ui::after_paint::after_next_paint(move || {
        leptos::task::spawn_local(crate::browser::storage::ask_to_persist());
        check_storage_meter(state);
    });
}

/// After each change, save within the debounce (packed in steps); when the page is
/// hidden or left, save at once; when another tab saves, take its copy in. The
/// listeners are removed with the app's owner.
pub fn install_autosave(state: AppState) {
    let timer: Rc<Cell<Option<TimeoutHandle>>> = Rc::new(Cell::new(None));
    let dirty = Rc::new(Cell::new(false));
    {
        let timer = timer.clone();
        let dirty = dirty.clone();
        Effect::new(move |previous: Option<()>| {
            state.workspace.track();
            // The first run is the load itself; nothing changed yet.
            if previous.is_none() {
                return;
            }
            // Whether there is anything to write is the engine's call (a copy taken
            // in from another tab, say, is already saved).
            dirty.set(true);
            if let Some(handle) = timer.take() {
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
            timer.set(handle.ok());
        });
    }
    // Whatever is unsaved is saved at once when the page is left, and when it is
    // hidden: a hidden tab's timers slow to a crawl (a save in steps could take
    // minutes), and the browser may discard a hidden tab without `pagehide`.
    let flush = Rc::new(move || {
        let was_saving = state.editor.try_update_value(|e| e.engine.cancel_save()).unwrap_or(false);
        let unsaved = state.editor.try_with_value(|e| e.engine.has_unsaved()).unwrap_or(false);
        if dirty.replace(false) || was_saving || unsaved {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
            save_now(state);
        }
    });
    let on_leave = {
        let flush = flush.clone();
        window_event_listener(leptos::ev::pagehide, move |_| flush())
    };
    // `visibilitychange` is the document's event.
    let on_hidden = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
        if document().hidden() {
            flush();
        }
    });
    {
        use wasm_bindgen::JsCast;
        let _ = document().add_event_listener_with_callback("visibilitychange", on_hidden.as_ref().unchecked_ref());
    }
    let on_hidden = send_wrapper::SendWrapper::new(on_hidden);
    let other_tab = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(keys::REVISION) {
            on_other_tab_saved(state);
        }
    });
    on_cleanup(move || {
        on_leave.remove();
        use wasm_bindgen::JsCast;
        let _ = document().remove_event_listener_with_callback("visibilitychange", on_hidden.as_ref().unchecked_ref());
        other_tab.remove();
    });
}
