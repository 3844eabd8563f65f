//! The customer's side of a deal, in its dialog: the tasks their people do (added, ticked,
//! re-dated, removed), the dates they proposed in a reply waiting for an answer, and the
//! customer's page of the plan shared as a link and QR code in the language chosen.

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::command::Command;
use crate::core::deal::customer::{reschedule_step, TaskFields};
use crate::core::learn::samples::Bi;
use crate::core::model::Id;
use crate::core::text::i18n::{fill, Lang};
use crate::ui::state::{use_app, Notice};

const TITLE: Bi = ("客户方任务", "The customer's tasks");
const HINT: Bi = (
    "客户那边要完成的事：谁来做、何时完成。它们和我方里程碑一起出现在时间线和客户视图中。",
    "What the customer's people do, who and by when. They appear with our milestones on the timeline and in the customer's page.",
);
const NONE: Bi = ("还没有客户方任务。", "No tasks for the customer yet.");
const TASK: Bi = ("任务", "Task");
const TASK_PLACEHOLDER: Bi = ("例如：安排 IT 部门评审方案", "e.g. Book the IT review of the proposal");
const CONTACT: Bi = ("联系人", "Contact");
const ROLE: Bi = ("职务", "Role");
const ROLE_PLACEHOLDER: Bi = ("例如：采购经理", "e.g. Purchasing manager");
const DUE: Bi = ("完成日期", "Due");
const ADD: Bi = ("添加任务", "Add task");
const REMOVE: Bi = ("删除任务“{0}”", "Remove the task “{0}”");
const DONE_LABEL: Bi = ("“{0}”已完成", "“{0}” done");
const NEED_TITLE: Bi = ("请写下任务内容", "Write what the task is");
const NEED_DATE: Bi = ("请选择完成日期", "Choose the day it is due");
const PROPOSALS: Bi = ("客户建议的新日期", "New dates the customer proposed");
const PROPOSAL_LINE: Bi = ("“{0}”：{1} → {2}", "“{0}”: {1} → {2}");
const ACCEPT: Bi = ("接受", "Accept");
const DECLINE: Bi = ("不接受", "Decline");
const ACCEPTED: Bi = ("已改为客户建议的日期", "Rescheduled to the date the customer proposed");

#[component]
pub fn CustomerTasks(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang.get();
    let id = deal_id.clone();
    let tasks = Memo::new(move |_| state.workspace.with(|ws| ws.deal(&id).map(|d| d.customer_tasks.clone()).unwrap_or_default()));
    let title = RwSignal::new(String::new());
    let contact = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let due = RwSignal::new(String::new());
    let problem: RwSignal<Option<Bi>> = RwSignal::new(None);
    let add_id = deal_id.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if title.get_untracked().trim().is_empty() {
            return problem.set(Some(NEED_TITLE));
        }
        let Some(day) = crate::core::ymd::parse(&due.get_untracked()) else { return problem.set(Some(NEED_DATE)) };
        let fields = TaskFields { title: title.get_untracked(), contact: contact.get_untracked(), role: role.get_untracked(), due: day };
        if state.dispatch(Command::AddCustomerTask { deal_id: add_id.clone(), fields }).is_ok() {
            title.set(String::new());
            problem.set(None);
        }
    };
    let rows_id = deal_id.clone();
    view! {
        <section class="deal-section" aria-labelledby="customer-tasks-title" data-testid="customer-tasks">
            <h3 id="customer-tasks-title" class="panel-title">{move || lang().pick(TITLE)}</h3>
            <p class="hint">{move || lang().pick(HINT)}</p>
            <ul class="entry-list">
                {move || {
                    let lang = lang();
                    let list = tasks.get();
                    if list.is_empty() {
                        return view! { <li class="entry-empty">{lang.pick(NONE)}</li> }.into_any();
                    }
                    list.into_iter().map(|task| {
                        let (tick_id, date_id, remove_id) = (rows_id.clone(), rows_id.clone(), rows_id.clone());
                        let (tick_task, date_task, remove_task) = (task.id.clone(), task.id.clone(), task.id.clone());
                        let who = task.who();
                        let remove_label = fill(lang.pick(REMOVE), &[&task.title]);
                        view! {
                            <li class="entry customer-task" data-testid="customer-task" class:plan-done=task.done_at.is_some()>
                                <label class="check">
                                    <input type="checkbox" data-testid="customer-task-done" prop:checked=task.done_at.is_some()
                                        aria-label=fill(lang.pick(DONE_LABEL), &[&task.title])
                                        on:change=move |ev| {
                                            let done = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                                            let _ = state.dispatch(Command::SetCustomerTaskDone { deal_id: tick_id.clone(), task_id: tick_task.clone(), done });
                                        }/>
                                    <span>{task.title.clone()}</span>
                                </label>
                                <span class="entry-who">{who}</span>
                                <input type="date" class="entry-date-input" data-testid="customer-task-due" aria-label=lang.pick(DUE)
                                    prop:value=task.due.to_string()
                                    on:change=move |ev| {
                                        let Some(day) = crate::core::ymd::parse(&event_target_value(&ev)) else { return };
                                        let command = state.workspace.with_untracked(|ws| reschedule_step(ws, &date_id, &date_task, Some(day)));
                                        if let Some(command) = command { let _ = state.dispatch(command); }
                                    }/>
                                <button type="button" class="icon-btn" data-testid="customer-task-remove" title=remove_label.clone() aria-label=remove_label
                                    on:click=move |_| { let _ = state.dispatch(Command::DeleteCustomerTask { deal_id: remove_id.clone(), task_id: remove_task.clone() }); }
                                >"×"</button>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <form class="entry-form" data-testid="customer-task-form" novalidate on:submit=add>
                <input class="entry-text" data-testid="customer-task-title" aria-label=move || lang().pick(TASK)
                    placeholder=move || lang().pick(TASK_PLACEHOLDER) prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev))/>
                <input class="entry-who" data-testid="customer-task-contact" aria-label=move || lang().pick(CONTACT)
                    placeholder=move || lang().pick(CONTACT) prop:value=move || contact.get() on:input=move |ev| contact.set(event_target_value(&ev))/>
                <input class="entry-who" data-testid="customer-task-role" aria-label=move || lang().pick(ROLE)
                    placeholder=move || lang().pick(ROLE_PLACEHOLDER) prop:value=move || role.get() on:input=move |ev| role.set(event_target_value(&ev))/>
                <input type="date" data-testid="customer-task-date" aria-label=move || lang().pick(DUE)
                    prop:value=move || due.get() on:input=move |ev| due.set(event_target_value(&ev))/>
                <button type="submit" class="btn btn-small btn-primary" data-testid="customer-task-add">{move || lang().pick(ADD)}</button>
            </form>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert" data-testid="customer-task-error">{lang().pick(p)}</p> })}
            <Proposals deal_id=deal_id.clone()/>
            <CustomerShare deal_id=deal_id/>
        </section>
    }
}

/// Dates the customer proposed, each to accept (the step moves) or decline.
#[component]
fn Proposals(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let id = deal_id.clone();
    let waiting = Memo::new(move |_| {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(deal) = ws.deal(&id) else { return Vec::new() };
            let plan = ws.roadmap(&deal.roadmap_id).map(|r| crate::core::deal::plan::deal_plan(r, deal, clock::local_today()));
            deal.proposals
                .iter()
                .map(|p| {
                    let step = plan.as_ref().and_then(|plan| plan.milestones.iter().find(|m| m.milestone_id == p.item_id));
                    let (title, from) = step.map(|m| (m.title.get(lang).to_owned(), m.due.to_string())).unwrap_or_default();
                    (p.id.clone(), title, from, p.date.to_string(), p.note.clone())
                })
                .collect::<Vec<_>>()
        })
    });
    let resolve = move |proposal_id: Id, accept: bool| {
        if state.dispatch(Command::ResolveProposal { deal_id: deal_id.clone(), proposal_id, accept }).is_ok() && accept {
            state.say(Notice::info(move |lang| lang.pick(ACCEPTED).to_owned()));
        }
    };
    view! {
        <Show when=move || waiting.with(|w| !w.is_empty())>
            <div class="proposals" data-testid="proposals">
                <h4 class="field-label">{move || state.lang.get().pick(PROPOSALS)}</h4>
                <ul class="entry-list">
                    {
                        let resolve = resolve.clone();
                        move || {
                        let lang = state.lang.get();
                        waiting.get().into_iter().map(|(id, title, from, to, note)| {
                            let (accept_id, decline_id) = (id.clone(), id);
                            let (accept, decline) = (resolve.clone(), resolve.clone());
                            view! {
                                <li class="entry" data-testid="proposal">
                                    <span class="entry-text">{fill(lang.pick(PROPOSAL_LINE), &[&title, &from, &to])}</span>
                                    {(!note.is_empty()).then(|| view! { <span class="entry-who">{note}</span> })}
                                    <button type="button" class="btn btn-small btn-primary" data-testid="proposal-accept"
                                        on:click=move |_| accept(accept_id.clone(), true)>{lang.pick(ACCEPT)}</button>
                                    <button type="button" class="btn btn-small" data-testid="proposal-decline"
                                        on:click=move |_| decline(decline_id.clone(), false)>{lang.pick(DECLINE)}</button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

const SHARE: Bi = ("与客户共享计划", "Share the plan with the customer");
const SHARE_HINT: Bi = (
    "客户打开链接会看到目标、接下来的步骤和每一步由谁负责，不含金额、赢率、备注和内部评价。客户可以勾选自己的任务、建议新日期、为已完成的里程碑打分，再把回复链接发回给你。",
    "The customer's page shows the goal, the next steps and who does each one: no value, win probability, notes or internal ratings. They can tick their tasks, propose new dates and rate finished milestones, then send you a reply link.",
);
const PAGE_LANG: Bi = ("客户视图的语言", "Language of the customer's page");
const OPEN_PAGE: Bi = ("打开客户视图（可打印）", "Open the customer's page (printable)");
const LINK_LABEL: Bi = ("客户视图链接", "Link to the customer's page");
const QR_ALT: Bi = ("客户视图链接的二维码", "QR code of the link to the customer's page");
const COPY: Bi = ("复制链接", "Copy link");
const COPIED: Bi = ("链接已复制", "Link copied");
const COPY_FAILED: Bi = ("无法自动复制，请选中链接后手动复制", "Could not copy; select the link and copy it by hand");

/// The customer's page of this deal as a link and QR code, in the language chosen.
#[component]
fn CustomerShare(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let open = RwSignal::new(false);
    let page_lang = RwSignal::new(state.lang.get_untracked());
    let link = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let lang = page_lang.get();
        let fragment = state.workspace.with(|ws| {
            let deal = ws.deal(&deal_id)?;
            let plan = crate::core::deal::customer_plan::customer_plan(ws.roadmap(&deal.roadmap_id)?, deal, lang, clock::now_ms());
            Some(crate::core::files::customer_link::plan_fragment(&plan))
        })?;
        let base = crate::ui::files::share_dialog::page_address();
        Some(fragment.map(|f| format!("{base}{f}")))
    });
    let lang = move || state.lang.get();
    let copy = move |_| {
        let Some(Ok(text)) = link.get_untracked() else { return };
        leptos::task::spawn_local(async move {
            let done = crate::ui::files::share_dialog::copy_text(&text).await;
            state.say(Notice::info(move |lang| lang.pick(if done { COPIED } else { COPY_FAILED }).to_owned()));
        });
    };
    view! {
        <div class="customer-share">
            <button type="button" class="btn" data-testid="customer-share" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>{move || lang().pick(SHARE)}</button>
            <Show when=move || open.get()>
                <div class="customer-share-body" data-testid="customer-share-body">
                    <p class="hint">{move || lang().pick(SHARE_HINT)}</p>
                    <label class="field">
                        <span class="field-label">{move || lang().pick(PAGE_LANG)}</span>
                        <select data-testid="customer-share-lang" on:change=move |ev| {
                            page_lang.set(if event_target_value(&ev) == "en" { Lang::En } else { Lang::Zh });
                        }>
                            <option value="zh" selected=move || page_lang.get() == Lang::Zh>"中文"</option>
                            <option value="en" selected=move || page_lang.get() == Lang::En>"English"</option>
                        </select>
                    </label>
                    {move || match link.get() {
                        Some(Ok(url)) => {
                            let qr = crate::ui::files::share_dialog::qr_image(&url);
                            view! {
                                <div class="share-row">
                                    <input class="share-link" readonly data-testid="customer-link" prop:value=url.clone()
                                        aria-label=lang().pick(LINK_LABEL)
                                        on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                                    <button type="button" class="btn btn-primary" data-testid="customer-link-copy" on:click=copy>{lang().pick(COPY)}</button>
                                </div>
                                <a class="btn" data-testid="customer-page-open" href=url target="_blank" rel="noopener">{lang().pick(OPEN_PAGE)}</a>
                                {qr.map(|src| view! { <img class="share-qr" data-testid="customer-qr" src=src alt=lang().pick(QR_ALT)/> })}
                            }.into_any()
                        }
                        Some(Err(error)) => view! {
                            <p class="banner banner-error">{crate::core::text::describe::link_error(lang(), &error)}</p>
                        }.into_any(),
                        None => ().into_any(),
                    }}
                </div>
            </Show>
        </div>
    }
}
