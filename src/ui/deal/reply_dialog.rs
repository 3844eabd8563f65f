//! A customer's reply opened by the seller (`#reply=…` in the address): what it would
//! change in the deal, and on confirmation the merge. A reply that cannot be merged (its
//! deal is gone, it was merged already, it was altered) says why and changes nothing.

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::command::Command;
use crate::core::deal::reply::{reply_changes, CustomerReply, ReplyChange};
use crate::core::files::customer_link;
use crate::core::learn::samples::Bi;
use crate::core::text::describe;
use crate::core::text::i18n::{fill, trf, Lang, Msg};
use crate::ui::modal::Modal;
use crate::ui::state::{use_app, AppState, Editing, Notice, Overlay};

const TITLE: Bi = ("客户的回复", "The customer's reply");
const FROM: Bi = ("{0} 对“{1}”（{2}）的回复，回复于 {3}", "{0} replied on “{1}” ({2}) on {3}");
const SOMEONE: Bi = ("客户", "The customer");
const TASK_DONE: Bi = ("客户任务已完成：{0}", "Customer task done: {0}");
const NEW_DATE: Bi = ("建议把“{0}”从 {1} 改到 {2}（等你接受）", "Proposes moving “{0}” from {1} to {2} (waits for you to accept)");
const RATED: Bi = ("为“{0}”打了 {1} 分（共 5 分）", "Rated “{0}” {1} of 5");
const GONE: Bi = ("另有 {0} 项涉及的步骤已不在计划中，将被略过。", "{0} more are about steps no longer on the plan and are left out.");
const NOTHING: Bi = ("这条回复没有带来新的改动。", "This reply brings nothing new.");
const MERGE: Bi = ("合并到商机", "Merge into the deal");
const MERGED: Bi = ("已合并客户对“{0}”的回复", "Merged the customer's reply on “{0}”");
const REFUSED: Bi = ("无法合并这条回复：{0}", "This reply cannot be merged: {0}");

/// Opens the reply in the address: its dialog when it can be merged, else the reason.
pub fn open(state: AppState, hash: &str) {
    let Some(read) = customer_link::read_reply(hash) else { return };
    let reply = match read {
        Ok(reply) => reply,
        Err(error) => {
            return state.say(Notice::error(move |lang| trf(lang, Msg::ShareOpenFailed, &[&describe::link_error(lang, &error)])));
        }
    };
    let checked = state.workspace.with_untracked(|ws| reply_changes(ws, &reply, clock::local_today()));
    match checked {
        Ok(_) => state.open(Overlay::Reply(Box::new(reply))),
        Err(error) => state.say(Notice::error(move |lang| fill(lang.pick(REFUSED), &[&describe::reply_error(lang, &error)]))),
    }
}

#[component]
pub fn ReplyDialog(reply: CustomerReply) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang.get();
    let today = clock::local_today();
    let summary = Memo::new({
        let reply = reply.clone();
        move |_| state.workspace.with(|ws| reply_changes(ws, &reply, today).ok())
    });
    let deal = state.workspace.with_untracked(|ws| ws.deal(&reply.deal_id).map(|d| (d.customer.clone(), d.title.clone())));
    let (customer, title) = deal.unwrap_or_default();
    let heading_title = title.clone();
    let from = reply.from.clone();
    let replied_on = crate::core::deal::plan::day_of(reply.replied_at).to_string();
    let merge = {
        let reply = reply.clone();
        move |_| {
            let deal_id = reply.deal_id.clone();
            let title = title.clone();
            match state.dispatch(Command::MergeReply(Box::new(reply.clone()))) {
                Ok(_) => {
                    state.say(Notice::info(move |lang| fill(lang.pick(MERGED), &[&title])));
                    state.open(Overlay::Deal(Editing::Existing(deal_id)));
                }
                Err(error) => {
                    let text = state.describe(&error);
                    state.say(Notice::error(move |_| text.clone()));
                    state.close();
                }
            }
        }
    };
    view! {
        <Modal on_close=move |_| state.close() labelled_by="reply-title" testid="reply-dialog" class="dialog share">
            <h2 id="reply-title" class="dialog-title">{move || lang().pick(TITLE)}</h2>
            <p class="hint">{move || {
                let who = if from.is_empty() { lang().pick(SOMEONE).to_owned() } else { from.clone() };
                fill(lang().pick(FROM), &[&who, &heading_title, &customer, &replied_on])
            }}</p>
            {move || {
                let lang = lang();
                let Some((changes, gone)) = summary.get() else { return ().into_any() };
                view! {
                    <ul class="merge-summary" data-testid="reply-changes">
                        {changes.iter().map(|change| view! { <li data-testid="reply-change">{describe_change(lang, change)}</li> }).collect_view()}
                    </ul>
                    {changes.is_empty().then(|| view! { <p class="hint">{lang.pick(NOTHING)}</p> })}
                    {(gone > 0).then(|| view! { <p class="hint" data-testid="reply-gone">{fill(lang.pick(GONE), &[&gone.to_string()])}</p> })}
                }.into_any()
            }}
            <div class="form-actions">
                <span class="spacer"></span>
                <button type="button" class="btn" data-testid="reply-cancel" on:click=move |_| state.close()>{move || state.t(Msg::Cancel)}</button>
                <button type="button" class="btn btn-primary" data-testid="reply-merge" on:click=merge>{move || lang().pick(MERGE)}</button>
            </div>
        </Modal>
    }
}

fn describe_change(lang: Lang, change: &ReplyChange) -> String {
    match change {
        ReplyChange::TaskDone { title } => fill(lang.pick(TASK_DONE), &[title]),
        ReplyChange::NewDate { title, from, to, note } => {
            let line = fill(lang.pick(NEW_DATE), &[title.get(lang), &from.to_string(), &to.to_string()]);
            if note.is_empty() {
                line
            } else {
                format!("{line}{}{note}", if lang == Lang::Zh { "：" } else { ": " })
            }
        }
        ReplyChange::Rated { title, score, comment } => {
            let line = fill(lang.pick(RATED), &[title.get(lang), &score.to_string()]);
            if comment.is_empty() {
                line
            } else {
                format!("{line}{}{comment}", if lang == Lang::Zh { "：" } else { ": " })
            }
        }
    }
}
