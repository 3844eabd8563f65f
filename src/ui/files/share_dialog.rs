//! Sharing without a server: the current workspace (or an untouched scenario) as a
//! link and a QR code, and opening such a link when the page is given one.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::browser::clock;
use crate::core::files::share::{self, LinkError, Shared};
use crate::core::text::describe;
use crate::core::text::i18n::{tr, trf, Msg};
use crate::ui::modal::Modal;
use crate::ui::state::{use_app, AppState, Notice, Screen};

/// This page's address without its fragment: what every link Waypoint makes starts with.
pub fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_owned()
}

/// The link for what is open now: the short one for a scenario as it started.
pub fn share_link(state: AppState) -> Result<String, LinkError> {
    let base = page_address();
    let fragment = match state.untouched_scenario() {
        Some(id) => share::scenario_fragment(id),
        None => state.workspace.with_untracked(|ws| share::workspace_fragment(ws, clock::now_ms()))?,
    };
    Ok(format!("{base}{fragment}"))
}

/// The QR code as an image address (a data: URL the CSP allows), if the link fits one.
pub fn qr_image(link: &str) -> Option<String> {
    share::qr_svg(link).map(|svg| format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg)))
}

/// Opens a share link in the page's address, if there is one: in the sandbox when it
/// reads, with the reason when it does not. Returns whether the hash was a link.
pub fn open_link_in_address(state: AppState) -> bool {
    let hash = window().location().hash().unwrap_or_default();
    if hash.starts_with(crate::core::learn::record::RECORD_PREFIX) {
        // The record reader loads with its own part: facilitators open these links, few others do.
        leptos::task::spawn_local(crate::ui::lazy::take_in_record(state, hash));
        return true;
    }
    if hash.starts_with(crate::core::files::customer_link::PLAN_PREFIX) {
        // A customer's page is the whole page (App decides at start): pasted into an open tab,
        // the link loads the page afresh rather than being turned back into a screen's hash.
        let _ = window().location().reload();
        return true;
    }
    if hash.starts_with(crate::core::files::customer_link::REPLY_PREFIX) {
        // The reply reader loads with its own part; the data leaves the address at once.
        leptos::task::spawn_local(crate::ui::lazy::open_reply(state, hash));
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(Screen::Board.hash()));
        }
        state.screen.set(Screen::Board);
        return true;
    }
    if !share::is_link(&hash) {
        return false;
    }
    // Start-up loads the codec before a link in the address is read, so this runs at once
    // then; a link pasted into an open first visit waits the moment the codec takes.
    crate::ui::files::codec::with_codec(move |codec| open_link(state, codec, &hash));
    true
}

fn open_link(state: AppState, codec: &dyn crate::core::files::codec::Codec, hash: &str) {
    let Some(result) = codec.read_link(hash) else { return };
    match result {
        Ok(Shared::Scenario(id)) => state.enter_scenario(id),
        Ok(Shared::Workspace(workspace)) => state.enter_shared(state.adopt(*workspace)),
        Err(error) => {
            let reason = move |lang| describe::link_error(lang, &error);
            state.say(Notice::error(move |lang| trf(lang, Msg::ShareOpenFailed, &[&reason(lang)])));
        }
    }
    // The data leaves the address bar (and the back button): the board is shown instead.
    if let Ok(history) = window().history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(Screen::Board.hash()));
    }
    state.screen.set(Screen::Board);
}

/// Puts `text` on the clipboard; false when the page may not (no clipboard outside a
/// secure context, such as plain http on a room's network) or the browser refused.
pub async fn copy_text(text: &str) -> bool {
    let navigator = window().navigator();
    let available = js_sys::Reflect::has(&navigator, &JsValue::from_str("clipboard")).unwrap_or(false)
        && !js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).map(|c| c.is_undefined()).unwrap_or(true);
    available && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

#[component]
pub fn ShareDialog() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let close = move || state.close();
    let link = share_link(state);
    let short = state.untouched_scenario().is_some();
    let body = match link {
        Ok(link) => {
            let qr = qr_image(&link);
            let link_text = link.clone();
            let copy = move |_| {
                let text = link_text.clone();
                leptos::task::spawn_local(async move {
                    let done = copy_text(&text).await;
                    state.say(Notice::info(move |lang| tr(lang, if done { Msg::ShareCopied } else { Msg::ShareCopyFailed }).to_owned()));
                });
            };
            view! {
                <p class="hint">{move || t(if short { Msg::ShareScenarioHint } else { Msg::ShareHint })}</p>
                <div class="share-row">
                    <input class="share-link" readonly data-testid="share-link" prop:value=link.clone()
                        aria-label=move || t(Msg::ShareLinkLabel)
                        on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                    <button class="btn btn-primary" data-testid="share-copy" on:click=copy>{move || t(Msg::ShareCopy)}</button>
                </div>
                {match qr {
                    Some(src) => view! {
                        <img class="share-qr" data-testid="share-qr" src=src alt=move || t(Msg::ShareQrAlt)/>
                        <button class="btn" data-testid="share-present" on:click=move |_| {
                            state.present();
                            state.toggle_qr();
                        }>{move || t(Msg::ShowInPresentation)}</button>
                    }.into_any(),
                    None => view! { <p class="hint" data-testid="share-no-qr">{move || t(Msg::ShareNoQr)}</p> }.into_any(),
                }}
            }
            .into_any()
        }
        Err(error) => view! {
            <p class="banner banner-error" data-testid="share-too-large">{move || describe::link_error(state.lang.get(), &error)}</p>
            <button class="btn btn-primary" data-testid="share-export" on:click=move |_| state.export()>{move || t(Msg::Export)}</button>
        }
        .into_any(),
    };
    view! {
        <Modal on_close=move |_| close() labelled_by="share-title" testid="share-dialog" class="dialog share">
            <div class="panel-head">
                <h2 id="share-title" class="dialog-title">{move || t(Msg::ShareTitle)}</h2>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="share-close" on:click=move |_| close()>{move || t(Msg::HelpClose)}</button>
            </div>
            {body}
        </Modal>
    }
}
