//! The root component: loads the workspace, provides state, lays out the page.

use leptos::prelude::*;

use crate::core::shortcuts::{app_action, Action, KeyPress};
use crate::ui::deal::board::Board;
use crate::ui::deal::deal_dialog::DealDialog;
use crate::ui::files::persistence;
use crate::ui::header::Header;
use crate::ui::help_dialog::HelpTab;
use crate::ui::lazy::{self, Later};
use crate::ui::notices::Notices;
use crate::ui::state::Screen;
use crate::ui::state::{AppState, Overlay};

#[component]
pub fn App() -> impl IntoView {
    // A customer's plan link shows that plan alone: the browser's own data is not even read.
    let hash = window().location().hash().unwrap_or_default();
    if hash.starts_with(crate::core::files::customer_link::PLAN_PREFIX) {
        let loading = || view! { <p class="loading-part" role="status">"…"</p> };
        return view! { <Suspense fallback=loading>{Suspend::new(lazy::customer_page(hash))}</Suspense> }.into_any();
    }
    let lang = persistence::initial_lang();
    let (state, save_at_start) = persistence::start(lang);
    persistence::install_autosave(state);
    crate::ui::files::share_dialog::open_link_in_address(state);
    follow_hash(state);
    if save_at_start {
        // After the first paint: a first visit's board is up before its samples are packed
        // and written (a sixth of the start-up work on a phone), and before the codec that
        // writes them loads. A share link opened meanwhile saves them itself before its
        // sandbox opens, and the sandbox refuses this save.
        crate::ui::after_paint::after_next_paint(move || persistence::save_now(state));
    }
    persistence::guard_storage(state);
    // Follow-up reminders, when this browser turned them on (the code loads only then).
    if crate::browser::storage::read_pref(crate::browser::storage::keys::REMINDERS).as_deref() == Some("on") {
        leptos::task::spawn_local(lazy::start_reminders(state));
    }
    lazy::once_preloaded(move || crate::browser::offline::register(move || state.update_ready.set(true)));
    let prefs = crate::ui::prefs::Prefs::load();
    provide_context(prefs);
    provide_context(crate::ui::files::team_file::TeamFile::install(state));
    // Changes carry the "I am" name, so a teammate's merge can say who made them.
    Effect::new(move |_| {
        let me = prefs.me.get().unwrap_or_default();
        state.editor.update_value(|editor| editor.author = me);
    });
    view! { <Shell state=state/> }.into_any()
}

/// The page for a given state; tests mount this with a workspace of their own.
#[component]
pub fn Shell(state: AppState) -> impl IntoView {
    provide_context(state);
    // The shortcuts of core::shortcuts. Inside a text field the browser's own keys
    // (text undo included) are left alone; under a dialog only undo and redo work.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
        let key = ev.key();
        let press = KeyPress { key: &key, command: ev.ctrl_key() || ev.meta_key(), shift: ev.shift_key(), alt: ev.alt_key(), typing };
        let Some(action) = app_action(&press) else { return };
        match action {
            Action::Undo => state.undo(),
            Action::Redo => state.redo(),
            _ if state.covered() => return,
            Action::ShowShortcuts => state.open(Overlay::Help(HelpTab::Shortcuts)),
            Action::NewDeal => state.start_new_deal(),
            Action::Present => state.present(),
            Action::Go(screen) => state.screen.set(screen),
            Action::Search => {
                state.screen.set(Screen::Board);
                request_animation_frame(|| {
                    let search = document().get_element_by_id("board-search");
                    if let Some(input) = search.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
                        let _ = input.focus();
                    }
                });
            }
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    // The next visit's skeleton shows this roadmap's stages (index.html reads the hint).
    let shell_hint = Memo::new(move |_| {
        let lang = state.lang.get();
        state.workspace.with(|ws| crate::core::roadmap::shell_hint::shell_hint(ws, lang))
    });
    Effect::new(move |_| {
        if let Some(hint) = shell_hint.get() {
            crate::browser::storage::write_pref(crate::core::roadmap::shell_hint::SHELL_HINT_KEY, &hint);
        }
    });
    // The page's lang attribute follows the UI language (fonts, screen readers).
    Effect::new(move |_| {
        let tag = state.lang.get().tag();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", tag);
        }
        document().set_title(state.t(crate::core::text::i18n::Msg::AppName));
    });
    // The merge dialog is drawn anew only when another merge is prepared.
    let merge_preview = Memo::new(move |_| match state.overlay.get() {
        Some(Overlay::Merge(preview)) => Some(preview),
        _ => None,
    });
    let reply = Memo::new(move |_| match state.overlay.get() {
        Some(Overlay::Reply(reply)) => Some(*reply),
        _ => None,
    });
    let sheet_file = Memo::new(move |_| match state.overlay.get() {
        Some(Overlay::Sheet(file)) => Some(file),
        _ => None,
    });
    // The screen drawn changes only when another screen is chosen: the hash written for
    // a tab click comes back as a hashchange naming the same screen, and a click on the
    // tab already open names it too; either would otherwise draw the whole screen again.
    let shown_screen = Memo::new(move |_| state.screen.get());
    view! {
        <div class="app">
            <Header/>
            <Notices/>
            <main class="main" id="main">
                {move || match shown_screen.get() {
                    Screen::Board => view! { <Board/> }.into_any(),
                    Screen::Roadmap => view! { <Later part=lazy::roadmap_screen()/> }.into_any(),
                    Screen::Agenda => view! { <Later part=lazy::agenda_screen()/> }.into_any(),
                    Screen::Analytics => view! { <Later part=lazy::analytics_screen()/> }.into_any(),
                    Screen::Learn => view! { <Later part=lazy::learn_screen()/> }.into_any(),
                }}
            </main>
            <DealDialog/>
            <Show when=move || state.overlay.with(|o| matches!(o, Some(Overlay::Share)))>
                <Later part=lazy::share_dialog()/>
            </Show>
            <Show when=move || state.overlay.with(|o| matches!(o, Some(Overlay::Team)))>
                <Later part=lazy::team_dialog()/>
            </Show>
            {move || merge_preview.get().map(|preview| view! { <Later part=lazy::merge_dialog(preview)/> })}
            {move || sheet_file.get().map(|file| view! { <Later part=lazy::sheet_wizard(file)/> })}
            {move || reply.get().map(|reply| view! { <Later part=lazy::reply_dialog(reply)/> })}
            <Show when=move || state.overlay.with(|o| matches!(o, Some(Overlay::Help(_))))>
                <Later part=lazy::help_dialog()/>
            </Show>
            <Show when=move || state.presenting().is_some()>
                <Later part=lazy::presentation()/>
            </Show>
        </div>
    }
}

/// The screen follows the URL hash (back and forward buttons, reloads), and the hash the screen.
fn follow_hash(state: AppState) {
    let read = move || Screen::from_hash(&window().location().hash().unwrap_or_default());
    state.screen.set(read());
    // A share link pasted into the address bar of an open page arrives as a hash change.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if !crate::ui::files::share_dialog::open_link_in_address(state) {
            state.screen.set(read());
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |first: Option<()>| {
        let screen = state.screen.get();
        match first {
            // The address a visit opened with (no hash) is completed in place: a history
            // entry for it would make Back show the same board again.
            None => write_hash(screen.hash(), false),
            // A screen chosen later gets an entry of its own, written once that screen is
            // painted: pushing history costs the browser a few milliseconds the new screen
            // need not wait for. By then the person may have chosen yet another screen; the
            // entry is for the screen shown.
            Some(()) => crate::ui::after_paint::after_next_paint(move || {
                if let Some(shown) = state.screen.try_get_untracked() {
                    write_hash(shown.hash(), true);
                }
            }),
        }
    });
}

/// Puts `hash` in the address unless it is there: a new history entry when `push`, else
/// in place. Written with the History API rather than `location.hash`, which also looks
/// for an element to scroll to and queues a hashchange we would only ignore. Back and
/// Forward between these entries still fire hashchange, which `follow_hash` follows.
fn write_hash(hash: &str, push: bool) {
    if window().location().hash().unwrap_or_default() == hash {
        return;
    }
    let history = window().history();
    let written = if push {
        history.and_then(|h| h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash)))
    } else {
        history.and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash)))
    };
    if written.is_err() {
        let _ = window().location().set_hash(hash);
    }
}
