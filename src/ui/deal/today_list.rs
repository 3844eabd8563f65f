//! The "today" list: the follow-ups due today or late, shown when the app opens (mine
//! when an "I am" name is chosen), each opening its deal; put away until tomorrow. From it
//! the person can turn on reminders: browser notifications while the app is open, the
//! permission asked then and only then, never on a first visit.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::clock;
use crate::browser::storage::{keys, read_pref, write_pref};
use crate::core::deal::follow_up::{due_follow_ups, DueFollowUp};
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::fill;
use crate::ui::prefs::use_prefs;
use crate::ui::state::{use_app, AppState, Editing, Notice, Overlay};

const TITLE: Bi = ("今天要跟进", "Follow up today");
const TODAY: Bi = ("今天", "today");
const LATE: Bi = ("逾期 {0} 天", "{0} days late");
const MORE: Bi = ("还有 {0} 个，见看板上的标记。", "{0} more: see the flags on the board.");
const DISMISS: Bi = ("知道了", "Got it");
const REMIND: Bi = ("页面打开时用浏览器通知提醒我", "Remind me with a notification while this page is open");
const DENIED: Bi = (
    "浏览器没有允许通知；可以在浏览器的网站设置中打开。",
    "The browser did not allow notifications; you can allow them in its site settings.",
);
const NOTIFY_TITLE: Bi = ("今天跟进：{0}", "Follow up today: {0}");
const NOTIFY_LATE: Bi = ("跟进已逾期 {1} 天：{0}", "Follow-up {1} days late: {0}");
/// How many lines the list shows; the board's card flags show the rest.
const SHOWN: usize = 5;
/// How often reminders look for follow-ups that came due.
const REMIND_EVERY: Duration = Duration::from_secs(10 * 60);

/// The follow-ups this person should see: theirs when "I am" is chosen (read from storage:
/// reminders run outside any component).
fn due_now(state: AppState) -> Vec<DueFollowUp> {
    let me = read_pref(keys::ME).filter(|m| !m.is_empty());
    state.workspace.with_untracked(|ws| due_follow_ups(ws, clock::local_today(), me.as_deref()))
}

#[component]
pub fn TodayList(dismissed: RwSignal<bool>) -> impl IntoView {
    let state = use_app();
    let prefs = use_prefs();
    let lang = move || state.lang.get();
    let due = Memo::new(move |_| {
        let me = prefs.me.get();
        state.workspace.with(|ws| due_follow_ups(ws, clock::local_today(), me.as_deref()))
    });
    let reminders = RwSignal::new(read_pref(keys::REMINDERS).as_deref() == Some("on"));
    let dismiss = move |_| {
        write_pref(keys::TODAY_SEEN, &clock::local_today().to_string());
        dismissed.set(true);
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target::<web_sys::HtmlInputElement>(&ev).checked();
        if !on {
            write_pref(keys::REMINDERS, "off");
            return reminders.set(false);
        }
        leptos::task::spawn_local(async move {
            let granted = ask_permission().await;
            reminders.set(granted);
            write_pref(keys::REMINDERS, if granted { "on" } else { "off" });
            if granted {
                start_reminders(state);
            } else {
                state.say(Notice::error(move |lang| lang.pick(DENIED).to_owned()));
            }
        });
    };
    view! {
        <Show when=move || due.with(|d| !d.is_empty())>
            <aside class="today-list" aria-labelledby="today-title" data-testid="today-list">
                <div class="panel-head">
                    <h2 id="today-title" class="panel-title">{move || lang().pick(TITLE)}</h2>
                    <span class="spacer"></span>
                    <button type="button" class="btn btn-small" data-testid="today-dismiss" on:click=dismiss>{move || lang().pick(DISMISS)}</button>
                </div>
                <ul class="entry-list">
                    {move || {
                        let lang = lang();
                        due.get().into_iter().take(SHOWN).map(|line| {
                            let id = line.deal_id.clone();
                            let late = line.late > 0;
                            let when = if line.late == 0 { lang.pick(TODAY).to_owned() } else { fill(lang.pick(LATE), &[&line.late.to_string()]) };
                            view! {
                                <li>
                                    <button type="button" class="today-line" data-testid="today-item"
                                        on:click=move |_| state.open(Overlay::Deal(Editing::Existing(id.clone())))>
                                        <span class="today-customer">{line.customer.clone()}</span>
                                        <span class="today-title">{line.title.clone()}</span>
                                        <span class="today-when" class:late=late>{when}</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                {move || {
                    let more = due.with(Vec::len).saturating_sub(SHOWN);
                    (more > 0).then(|| view! { <p class="hint">{fill(lang().pick(MORE), &[&more.to_string()])}</p> })
                }}
                <label class="check">
                    <input type="checkbox" data-testid="today-remind" prop:checked=move || reminders.get() on:change=toggle/>
                    {move || lang().pick(REMIND)}
                </label>
            </aside>
        </Show>
    }
}

/// Asks the browser for permission to notify; true when granted (now or before).
async fn ask_permission() -> bool {
    use web_sys::{Notification, NotificationPermission};
    if Notification::permission() == NotificationPermission::Granted {
        return true;
    }
    let Ok(promise) = Notification::request_permission() else { return false };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(answer) => answer.as_string().as_deref() == Some("granted"),
        Err(_) => false,
    }
}

/// Reminds of due follow-ups now and every few minutes while the page is open, each deal
/// once a day (remembered across reloads). Runs only when reminders are on and allowed.
pub fn start_reminders(state: AppState) {
    let allowed = || {
        read_pref(keys::REMINDERS).as_deref() == Some("on")
            && web_sys::Notification::permission() == web_sys::NotificationPermission::Granted
    };
    if !allowed() {
        return;
    }
    let remind = move || {
        if !allowed() {
            return;
        }
        let today = clock::local_today().to_string();
        let stored = read_pref(keys::REMINDED).unwrap_or_default();
        let mut done: Vec<String> = match stored.split_once(':') {
            Some((day, ids)) if day == today => ids.split(',').filter(|i| !i.is_empty()).map(str::to_owned).collect(),
            _ => Vec::new(),
        };
        let lang = state.lang.get_untracked();
        let fresh: Vec<DueFollowUp> = due_now(state).into_iter().filter(|l| !done.iter().any(|d| d == l.deal_id.as_str())).collect();
        for line in fresh {
            let text = if line.late == 0 { NOTIFY_TITLE } else { NOTIFY_LATE };
            let options = web_sys::NotificationOptions::new();
            options.set_body(&line.title);
            options.set_tag(&format!("waypoint-follow-up-{}", line.deal_id));
            let title = fill(lang.pick(text), &[&line.customer, &line.late.to_string()]);
            if let Ok(notification) = web_sys::Notification::new_with_options(&title, &options) {
                // Clicking it brings the page forward with the deal open.
                let id = line.deal_id.clone();
                let open = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                    let _ = window().focus();
                    state.open(Overlay::Deal(Editing::Existing(id.clone())));
                });
                notification.set_onclick(Some(open.as_ref().unchecked_ref()));
                open.forget();
            }
            done.push(line.deal_id.to_string());
        }
        write_pref(keys::REMINDED, &format!("{today}:{}", done.join(",")));
    };
    remind();
    let _ = set_interval_with_handle(remind, REMIND_EVERY);
}
