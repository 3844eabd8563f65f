//! The page a customer opens from a plan link (`#plan=…`): the plan as of the day it was
//! shared, read-only, in the language the seller chose; printable to A4. The customer can
//! tick their own tasks, propose a new date with a note and rate a finished milestone,
//! which makes a reply link (and QR code) to send back. Nothing here reads or writes the
//! browser's own Waypoint data: the page is all the link holds.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::browser::clock;
use crate::core::deal::customer_plan::{CustomerPlan, PlanStep, Side};
use crate::core::deal::reply::{CustomerReply, ProposedDate, Rating};
use crate::core::files::customer_link;
use crate::core::learn::samples::Bi;
use crate::core::model::Id;
use crate::core::text::i18n::{fill, Lang};

const HEADING: Bi = ("项目推进计划", "Project plan");
const FOR: Bi = ("{0} · {1}", "{0} · {1}");
const AS_OF: Bi = ("截至 {0}", "As of {0}");
const CONTACT: Bi = ("我方负责人：{0}", "Your contact with us: {0}");
const TARGET: Bi = ("目标签约日期：{0}", "Target signing date: {0}");
const PROGRESS: Bi = ("已完成 {0} / {1} 步", "{0} of {1} steps done");
const NEXT: Bi = ("接下来", "Next steps");
const NOTHING_NEXT: Bi = ("所有步骤都已完成。", "Every step is done.");
const STEPS: Bi = ("完整计划", "The whole plan");
const OURS: Bi = ("我方", "Our team");
const THEIRS: Bi = ("贵方", "Your team");
const DONE: Bi = ("已完成", "Done");
const DUE: Bi = ("{0} 前", "by {0}");
const TICK: Bi = ("标记为已完成", "Mark as done");
const PROPOSE: Bi = ("建议新日期", "Propose a new date");
const NEW_DATE: Bi = ("新日期", "New date");
const NOTE: Bi = ("说明（可选）", "Note (optional)");
const RATE: Bi = ("为这一步打分", "Rate this step");
const RATING: Bi = ("{0} 分（共 5 分）", "{0} of 5");
const COMMENT: Bi = ("意见（可选）", "Comment (optional)");
const PRINT: Bi = ("打印 / 存为 PDF", "Print / save as PDF");
const REPLY: Bi = ("给我们回复", "Reply to us");
const REPLY_HINT: Bi = (
    "勾选你们已完成的任务、建议新日期或为已完成的步骤打分，然后把下面的回复链接通过微信或邮件发给我们。",
    "Tick the tasks you have done, propose new dates or rate finished steps, then send us the reply link below by WeChat or email.",
);
const YOUR_NAME: Bi = ("你的姓名（可选）", "Your name (optional)");
const REPLY_EMPTY: Bi = ("还没有任何改动。", "Nothing changed yet.");
const REPLY_COUNT: Bi = ("本次回复：{0} 项改动", "This reply: {0} changes");
const REPLY_LINK: Bi = ("回复链接", "Reply link");
const REPLY_QR: Bi = ("回复链接的二维码", "QR code of the reply link");
const EMAIL: Bi = ("用邮件发送", "Send by email");
const EMAIL_SUBJECT: Bi = ("对“{0}”计划的回复", "Reply to the plan for “{0}”");
const READ_ONLY: Bi = (
    "这是对方共享给你的只读计划，不会改动你浏览器里的任何数据。",
    "This is a read-only plan shared with you; it changes nothing stored in your browser.",
);
const CANNOT_OPEN: Bi = ("无法打开这份计划", "This plan cannot be opened");

/// The page for a plan link, or what is wrong with the link.
#[component]
pub fn CustomerPage(hash: String) -> impl IntoView {
    let browser_lang = Lang::from_tag(&window().navigator().language().unwrap_or_default());
    match customer_link::read_plan(&hash) {
        Some(Ok(plan)) => view! { <PlanView plan=plan/> }.into_any(),
        Some(Err(error)) => {
            set_page(browser_lang, browser_lang.pick(CANNOT_OPEN));
            view! {
                <main class="customer-page" data-testid="customer-page-error">
                    <h1>{browser_lang.pick(CANNOT_OPEN)}</h1>
                    <p class="banner banner-error" role="alert">{crate::core::text::describe::link_error(browser_lang, &error)}</p>
                </main>
            }
            .into_any()
        }
        None => ().into_any(),
    }
}

fn set_page(lang: Lang, title: &str) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang.tag());
    }
    document().set_title(title);
}

#[component]
fn PlanView(plan: CustomerPlan) -> impl IntoView {
    let lang = plan.lang;
    set_page(lang, &format!("{} · {}", lang.pick(HEADING), plan.customer));
    let reply = RwSignal::new(CustomerReply {
        deal_id: plan.deal_id.clone(),
        shared_at: plan.shared_at,
        replied_at: 0,
        from: String::new(),
        done: Vec::new(),
        dates: Vec::new(),
        ratings: Vec::new(),
    });
    let (done, total) = plan.progress();
    let next: Vec<PlanStep> = plan.next_steps(3).into_iter().cloned().collect();
    let title = plan.title.clone();
    let stages = plan.stages.clone();
    let steps = plan.steps.clone();
    view! {
        <main class="customer-page" data-testid="customer-page">
            <header class="customer-head">
                <p class="brand-small">"Waypoint"</p>
                <h1>{lang.pick(HEADING)}</h1>
                <p class="customer-goal" data-testid="customer-goal">{fill(lang.pick(FOR), &[&plan.customer, &plan.title])}</p>
                <p class="customer-meta">
                    <span data-testid="customer-as-of">{fill(lang.pick(AS_OF), &[&plan.as_of().to_string()])}</span>
                    {(!plan.seller.is_empty()).then(|| view! { " · " {fill(lang.pick(CONTACT), &[&plan.seller])} })}
                    {plan.target.map(|d| view! { " · " {fill(lang.pick(TARGET), &[&d.to_string()])} })}
                </p>
                <p class="customer-progress" data-testid="customer-progress">{fill(lang.pick(PROGRESS), &[&done.to_string(), &total.to_string()])}</p>
                <p class="hint screen-only">{lang.pick(READ_ONLY)}</p>
                <button type="button" class="btn screen-only" data-testid="customer-print" on:click=move |_| { let _ = window().print(); }>{lang.pick(PRINT)}</button>
            </header>
            <section class="customer-next" aria-labelledby="next-title">
                <h2 id="next-title">{lang.pick(NEXT)}</h2>
                {if next.is_empty() {
                    view! { <p>{lang.pick(NOTHING_NEXT)}</p> }.into_any()
                } else {
                    view! {
                        <ol class="next-steps" data-testid="customer-next">
                            {next.into_iter().map(|s| view! {
                                <li>
                                    <strong>{s.title.clone()}</strong>" "
                                    <span class=side_class(s.side)>{lang.pick(side_label(s.side))}</span>" "
                                    <span class="step-due">{fill(lang.pick(DUE), &[&s.due.to_string()])}</span>
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="steps-title">
                <h2 id="steps-title">{lang.pick(STEPS)}</h2>
                {stages.iter().enumerate().map(|(index, name)| {
                    let in_stage: Vec<PlanStep> = steps.iter().filter(|s| s.stage == index).cloned().collect();
                    view! {
                        <div class="customer-stage">
                            <h3>{name.clone()}</h3>
                            <ul class="customer-steps">
                                {in_stage.into_iter().map(|step| view! { <StepRow step=step lang=lang reply=reply/> }).collect_view()}
                            </ul>
                        </div>
                    }
                }).collect_view()}
            </section>
            <ReplyBox lang=lang title=title reply=reply/>
        </main>
    }
}

fn side_label(side: Side) -> Bi {
    match side {
        Side::Ours => OURS,
        Side::Theirs => THEIRS,
    }
}

fn side_class(side: Side) -> &'static str {
    match side {
        Side::Ours => "badge badge-ours",
        Side::Theirs => "badge badge-customer",
    }
}

/// One step: what, who, when and whether done, with what the customer may answer about it.
#[component]
fn StepRow(step: PlanStep, lang: Lang, reply: RwSignal<CustomerReply>) -> impl IntoView {
    let id = step.id.clone();
    let proposing = RwSignal::new(false);
    let ticked = {
        let id = id.clone();
        move || reply.with(|r| r.done.contains(&id))
    };
    let tick_id = id.clone();
    let tick = move |ev: leptos::ev::Event| {
        let on = event_target::<web_sys::HtmlInputElement>(&ev).checked();
        reply.update(|r| {
            r.done.retain(|d| d != &tick_id);
            if on {
                r.done.push(tick_id.clone());
            }
        });
    };
    let can_tick = step.side == Side::Theirs && !step.done;
    let can_rate = step.side == Side::Ours && step.done;
    let done_class = step.done;
    view! {
        <li class="customer-step" class:step-done=done_class data-testid="customer-step" data-step-id=step.id.to_string() data-side=if step.side == Side::Ours { "ours" } else { "theirs" }>
            <div class="step-line">
                <span class="step-mark" aria-hidden="true">{if step.done { "✓" } else { "○" }}</span>
                <span class="step-title">{step.title.clone()}</span>
                <span class=side_class(step.side)>{lang.pick(side_label(step.side))}</span>
                {(!step.who.is_empty()).then(|| view! { <span class="step-who">{step.who.clone()}</span> })}
                <span class="step-due">{if step.done { lang.pick(DONE).to_owned() } else { fill(lang.pick(DUE), &[&step.due.to_string()]) }}</span>
            </div>
            {can_tick.then(|| view! {
                <label class="check screen-only">
                    <input type="checkbox" data-testid="customer-tick" prop:checked=ticked on:change=tick/>
                    {lang.pick(TICK)}
                </label>
            })}
            {(!step.done).then(|| view! {
                <button type="button" class="btn btn-small screen-only" data-testid="customer-propose"
                    aria-expanded=move || proposing.get().to_string()
                    on:click=move |_| proposing.update(|p| *p = !*p)>{lang.pick(PROPOSE)}</button>
                <Show when=move || proposing.get()>
                    <ProposeDate id=id.clone() due=step.due lang=lang reply=reply/>
                </Show>
            })}
            {can_rate.then(|| view! { <RateStep id=step.id.clone() lang=lang reply=reply/> })}
        </li>
    }
}

#[component]
fn ProposeDate(id: Id, due: NaiveDate, lang: Lang, reply: RwSignal<CustomerReply>) -> impl IntoView {
    let current = reply.with_untracked(|r| r.dates.iter().find(|d| d.step == id).cloned());
    let date = RwSignal::new(current.as_ref().map_or(due, |d| d.date).to_string());
    let note = RwSignal::new(current.map(|d| d.note).unwrap_or_default());
    let save = move || {
        let chosen = crate::core::ymd::parse(&date.get_untracked());
        reply.update(|r| {
            r.dates.retain(|d| d.step != id);
            if let Some(day) = chosen.filter(|d| *d != due) {
                r.dates.push(ProposedDate { step: id.clone(), date: day, note: note.get_untracked() });
            }
        });
    };
    let save_note = save.clone();
    view! {
        <div class="entry-form screen-only">
            <input type="date" data-testid="customer-new-date" aria-label=lang.pick(NEW_DATE) prop:value=move || date.get()
                on:change=move |ev| { date.set(event_target_value(&ev)); save(); }/>
            <input class="entry-text" data-testid="customer-date-note" aria-label=lang.pick(NOTE) placeholder=lang.pick(NOTE) maxlength="500"
                prop:value=move || note.get() on:input=move |ev| { note.set(event_target_value(&ev)); save_note(); }/>
        </div>
    }
}

#[component]
fn RateStep(id: Id, lang: Lang, reply: RwSignal<CustomerReply>) -> impl IntoView {
    let score = RwSignal::new(0u8);
    let comment = RwSignal::new(String::new());
    let save = move || {
        reply.update(|r| {
            r.ratings.retain(|x| x.milestone != id);
            if score.get_untracked() > 0 {
                r.ratings.push(Rating { milestone: id.clone(), score: score.get_untracked(), comment: comment.get_untracked() });
            }
        });
    };
    let save_comment = save.clone();
    view! {
        <fieldset class="rating screen-only" data-testid="customer-rate">
            <legend>{lang.pick(RATE)}</legend>
            {(1..=5u8).map(|n| {
                let save = save.clone();
                view! {
                    <button type="button" class="star" data-testid="customer-star" aria-pressed=move || (score.get() >= n).to_string()
                        aria-label=fill(lang.pick(RATING), &[&n.to_string()])
                        on:click=move |_| { score.set(n); save(); }>{move || if score.get() >= n { "★" } else { "☆" }}</button>
                }
            }).collect_view()}
            <input class="entry-text" data-testid="customer-comment" aria-label=lang.pick(COMMENT) placeholder=lang.pick(COMMENT) maxlength="500"
                prop:value=move || comment.get() on:input=move |ev| { comment.set(event_target_value(&ev)); save_comment(); }/>
        </fieldset>
    }
}

/// The reply as a link and QR code, made afresh whenever the customer changes something.
#[component]
fn ReplyBox(lang: Lang, title: String, reply: RwSignal<CustomerReply>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    // Made when something changed: the time marks this reply, so it is merged once.
    let link = Memo::new(move |_| {
        let mut answer = reply.get();
        if answer.is_empty() {
            return None;
        }
        answer.from = name.get().trim().to_owned();
        answer.replied_at = clock::now_ms();
        let base = crate::ui::files::share_dialog::page_address();
        customer_link::reply_fragment(&answer)
            .ok()
            .map(|f| (format!("{base}{f}"), answer.done.len() + answer.dates.len() + answer.ratings.len()))
    });
    let subject = fill(lang.pick(EMAIL_SUBJECT), &[&title]);
    view! {
        <section class="customer-reply screen-only" aria-labelledby="reply-title" data-testid="customer-reply">
            <h2 id="reply-title">{lang.pick(REPLY)}</h2>
            <p class="hint">{lang.pick(REPLY_HINT)}</p>
            <label class="field">
                <span class="field-label">{lang.pick(YOUR_NAME)}</span>
                <input data-testid="customer-name" maxlength="200" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            {move || match link.get() {
                None => view! { <p class="hint" data-testid="reply-empty">{lang.pick(REPLY_EMPTY)}</p> }.into_any(),
                Some((url, count)) => {
                    let qr = crate::ui::files::share_dialog::qr_image(&url);
                    let mail = format!("mailto:?subject={}&body={}", js_sys::encode_uri_component(&subject), js_sys::encode_uri_component(&url));
                    view! {
                        <p data-testid="reply-count">{fill(lang.pick(REPLY_COUNT), &[&count.to_string()])}</p>
                        <input class="share-link" readonly data-testid="reply-link" prop:value=url.clone() aria-label=lang.pick(REPLY_LINK)
                            on:focus=|ev| { event_target::<web_sys::HtmlInputElement>(&ev).select(); }/>
                        <a class="btn" href=mail data-testid="reply-email">{lang.pick(EMAIL)}</a>
                        {qr.map(|src| view! { <img class="share-qr" data-testid="reply-qr" src=src alt=lang.pick(REPLY_QR)/> })}
                    }.into_any()
                }
            }}
        </section>
    }
}
