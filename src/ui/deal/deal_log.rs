//! The working parts of a deal's dialog: its outcome (won, lost with a reason,
//! reopened), its activity log and the customer's feedback.

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::command::Command;
use crate::core::model::{ActivityKind, DealStatus, Id};
use crate::core::text::i18n::{trf, Lang, Msg};
use crate::core::text::labels;
use crate::ui::state::{use_app, Notice};

#[component]
pub fn DealOutcome(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let id = deal_id.clone();
    let deal = Memo::new(move |_| state.workspace.with(|ws| ws.deal(&id).map(|d| (d.status, d.lost_reason.clone(), d.title.clone()))));
    let choosing_loss = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let reasons = move || {
        let lang = state.lang.get();
        state
            .workspace
            .with(|ws| ws.settings.lost_reasons.iter().map(|r| (r.id.to_string(), r.label.get(lang).to_owned())).collect::<Vec<_>>())
    };
    let close = {
        let deal_id = deal_id.clone();
        move |won: bool| {
            let chosen = reason.get_untracked();
            let command = Command::CloseDeal {
                deal_id: deal_id.clone(),
                won,
                reason: (!chosen.is_empty()).then_some(Id::from(chosen)),
                note: note.get_untracked(),
            };
            if state.dispatch(command).is_ok() {
                choosing_loss.set(false);
                let title = deal.get_untracked().map(|d| d.2).unwrap_or_default();
                let msg = if won { Msg::DealWonNotice } else { Msg::DealLostNotice };
                state.say(Notice::info(move |lang| trf(lang, msg, &[&title])));
            }
        }
    };
    let reopen = {
        let deal_id = deal_id.clone();
        move |_| {
            if state.dispatch(Command::ReopenDeal { deal_id: deal_id.clone() }).is_ok() {
                let title = deal.get_untracked().map(|d| d.2).unwrap_or_default();
                state.say(Notice::info(move |lang| trf(lang, Msg::DealReopenedNotice, &[&title])));
            }
        }
    };
    let status_text = move || {
        let lang = state.lang.get();
        let Some((status, lost_reason, _)) = deal.get() else { return String::new() };
        match status {
            DealStatus::Open | DealStatus::Won => labels::deal_status(lang, status).to_owned(),
            DealStatus::Lost => {
                let label = state.workspace.with(|ws| {
                    lost_reason.and_then(|id| ws.settings.lost_reasons.iter().find(|r| r.id == id).map(|r| r.label.get(lang).to_owned()))
                });
                trf(lang, Msg::StatusSince, &[labels::deal_status(lang, status), &label.unwrap_or_default()])
            }
        }
    };
    let is_open = move || deal.with(|d| d.as_ref().is_some_and(|d| d.0 == DealStatus::Open));
    let (won_close, lost_close) = (close.clone(), close);
    view! {
        <section class="deal-section" aria-labelledby="outcome-title">
            <div class="section-head">
                <h3 id="outcome-title" class="panel-title">{move || t(Msg::OutcomeTitle)}</h3>
                <span class="status-pill" data-testid="deal-status">{status_text}</span>
                <span class="spacer"></span>
                <Show when=is_open fallback=move || view! {
                    <button class="btn btn-small" data-testid="reopen-deal" on:click=reopen.clone()>{move || t(Msg::Reopen)}</button>
                }>
                    <button class="btn btn-small btn-won" data-testid="mark-won" on:click={
                        let won_close = won_close.clone();
                        move |_| won_close(true)
                    }>{move || t(Msg::MarkWon)}</button>
                    <button class="btn btn-small btn-danger" data-testid="mark-lost" on:click=move |_| choosing_loss.set(true)>{move || t(Msg::MarkLost)}</button>
                </Show>
            </div>
            <Show when=move || choosing_loss.get() && is_open()>
                <div class="lost-form">
                    <label class="field">
                        <span class="field-label">{move || t(Msg::LostReason)}</span>
                        <select data-testid="lost-reason" on:change=move |ev| reason.set(event_target_value(&ev))>
                            <option value="">"—"</option>
                            {move || reasons().into_iter().map(|(id, label)| view! { <option value=id>{label}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field lost-note">
                        <span class="field-label">{move || t(Msg::CloseNote)}</span>
                        <input data-testid="lost-note" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))/>
                    </label>
                    <button class="btn btn-danger" data-testid="confirm-lost" on:click={
                        let lost_close = lost_close.clone();
                        move |_| lost_close(false)
                    }>{move || t(Msg::ConfirmLost)}</button>
                    <button class="btn" on:click=move |_| choosing_loss.set(false)>{move || t(Msg::Cancel)}</button>
                    <LostReasonEditor/>
                </div>
            </Show>
        </section>
    }
}

#[component]
pub fn ActivityLog(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let id = deal_id.clone();
    let entries = Memo::new(move |_| state.workspace.with(|ws| ws.deal(&id).map(|d| d.activities.clone()).unwrap_or_default()));
    let kind = RwSignal::new(ActivityKind::Visit);
    let date = RwSignal::new(clock::local_today().to_string());
    let who = RwSignal::new(state.workspace.with_untracked(|ws| ws.deal(&deal_id).map(|d| d.owner.clone()).unwrap_or_default()));
    let notes = RwSignal::new(String::new());
    let follow_up = RwSignal::new(String::new());
    let add_id = deal_id.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = crate::core::ymd::parse(&date.get_untracked()) else { return };
        let command = Command::AddActivity {
            deal_id: add_id.clone(),
            kind: kind.get_untracked(),
            date: day,
            who: who.get_untracked(),
            notes: notes.get_untracked(),
            follow_up: crate::core::ymd::parse(&follow_up.get_untracked()),
        };
        if state.dispatch(command).is_ok() {
            notes.set(String::new());
            follow_up.set(String::new());
        }
    };
    let remove_id = deal_id.clone();
    view! {
        <section class="deal-section" aria-labelledby="activities-title">
            <h3 id="activities-title" class="panel-title">{move || t(Msg::ActivitiesTitle)}</h3>
            <form class="entry-form" data-testid="activity-form" on:submit=add>
                <select data-testid="activity-kind" aria-label=move || t(Msg::ActivityKindLabel) on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(k) = ActivityKind::ALL.into_iter().find(|k| format!("{k:?}") == chosen) { kind.set(k) }
                }>
                    {ActivityKind::ALL.into_iter().map(|k| view! {
                        <option value=format!("{k:?}") selected=move || kind.get() == k>{move || labels::activity_kind(state.lang.get(), k)}</option>
                    }).collect_view()}
                </select>
                <input type="date" data-testid="activity-date" aria-label=move || t(Msg::ActivityDate) prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                <input class="entry-who" data-testid="activity-who" aria-label=move || t(Msg::ActivityWho) placeholder=move || t(Msg::ActivityWho) prop:value=move || who.get() on:input=move |ev| who.set(event_target_value(&ev))/>
                <input class="entry-text" data-testid="activity-notes" aria-label=move || t(Msg::ActivityNotes) placeholder=move || t(Msg::ActivityNotes) prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))/>
                <label class="entry-follow-up">
                    <span class="field-label">{move || t(Msg::FieldFollowUp)}</span>
                    <input type="date" data-testid="activity-follow-up" prop:value=move || follow_up.get() on:input=move |ev| follow_up.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="btn btn-small btn-primary" data-testid="add-activity">{move || t(Msg::AddActivity)}</button>
            </form>
            <ul class="entry-list" data-testid="activity-list">
                {move || {
                    let lang = state.lang.get();
                    let list = entries.get();
                    if list.is_empty() {
                        return view! { <li class="entry-empty">{t(Msg::NoActivities)}</li> }.into_any();
                    }
                    list.into_iter().map(|a| {
                        let (deal_id, entry_id) = (remove_id.clone(), a.id.clone());
                        view! {
                            <li class="entry" data-testid="activity-entry">
                                <span class="entry-date">{a.date.to_string()}</span>
                                <span class="badge badge-kind">{labels::activity_kind(lang, a.kind)}</span>
                                <span class="entry-who">{a.who.clone()}</span>
                                <span class="entry-text">{a.notes.clone()}</span>
                                <RemoveEntry deal_id=deal_id entry_id=entry_id/>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}

#[component]
pub fn FeedbackLog(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let id = deal_id.clone();
    let entries = Memo::new(move |_| state.workspace.with(|ws| ws.deal(&id).map(|d| d.feedback.clone()).unwrap_or_default()));
    let id = deal_id.clone();
    let milestones = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| {
            let Some(deal) = ws.deal(&id) else { return Vec::new() };
            ws.roadmap(&deal.roadmap_id)
                .map(|r| {
                    r.stages.iter().flat_map(|s| s.milestones.iter()).map(|m| (m.id.to_string(), m.title.get(lang).to_owned())).collect()
                })
                .unwrap_or_default()
        })
    };
    let milestone = RwSignal::new(String::new());
    let score = RwSignal::new(4_u8);
    let comment = RwSignal::new(String::new());
    let date = RwSignal::new(clock::local_today().to_string());
    let add_id = deal_id.clone();
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(day) = crate::core::ymd::parse(&date.get_untracked()) else { return };
        let chosen = milestone.get_untracked();
        let command = Command::AddFeedback {
            deal_id: add_id.clone(),
            milestone_id: (!chosen.is_empty()).then_some(Id::from(chosen)),
            satisfaction: score.get_untracked(),
            comment: comment.get_untracked(),
            date: day,
        };
        if state.dispatch(command).is_ok() {
            comment.set(String::new());
        }
    };
    let remove_id = deal_id.clone();
    let id = deal_id.clone();
    let milestone_name = move |lang: Lang, milestone: &Option<Id>| {
        state.workspace.with(|ws| {
            let deal = ws.deal(&id)?;
            let roadmap = ws.roadmap(&deal.roadmap_id)?;
            let (si, mi) = roadmap.find_milestone(milestone.as_ref()?)?;
            Some(roadmap.stages[si].milestones[mi].title.get(lang).to_owned())
        })
    };
    view! {
        <section class="deal-section" aria-labelledby="feedback-title">
            <h3 id="feedback-title" class="panel-title">{move || t(Msg::FeedbackTitle)}</h3>
            <form class="entry-form" data-testid="feedback-form" on:submit=add>
                <select data-testid="feedback-milestone" aria-label=move || t(Msg::FeedbackMilestone) on:change=move |ev| milestone.set(event_target_value(&ev))>
                    <option value="">{move || t(Msg::FeedbackNoMilestone)}</option>
                    {move || milestones().into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                </select>
                <span class="stars" role="radiogroup" aria-label=move || t(Msg::FeedbackScore)>
                    {(1..=5_u8).map(|n| view! {
                        <button type="button" class="star" class:on={move || score.get() >= n} role="radio"
                            aria-checked=move || (score.get() == n).to_string()
                            aria-label=move || trf(state.lang.get(), Msg::ScoreLabel, &[&n.to_string()])
                            data-testid=format!("score-{n}")
                            on:click=move |_| score.set(n)>"★"</button>
                    }).collect_view()}
                </span>
                <input type="date" data-testid="feedback-date" aria-label=move || t(Msg::ActivityDate) prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                <input class="entry-text" data-testid="feedback-comment" aria-label=move || t(Msg::FeedbackComment) placeholder=move || t(Msg::FeedbackComment) prop:value=move || comment.get() on:input=move |ev| comment.set(event_target_value(&ev))/>
                <button type="submit" class="btn btn-small btn-primary" data-testid="add-feedback">{move || t(Msg::AddFeedback)}</button>
            </form>
            <ul class="entry-list" data-testid="feedback-list">
                {move || {
                    let lang = state.lang.get();
                    let list = entries.get();
                    if list.is_empty() {
                        return view! { <li class="entry-empty">{t(Msg::NoFeedback)}</li> }.into_any();
                    }
                    list.into_iter().map(|f| {
                        let (deal_id, entry_id) = (remove_id.clone(), f.id.clone());
                        let stars: String = (1..=5).map(|n| if n <= f.satisfaction { '★' } else { '☆' }).collect();
                        view! {
                            <li class="entry" data-testid="feedback-entry">
                                <span class="entry-date">{f.date.to_string()}</span>
                                <span class="entry-stars" aria-label=trf(lang, Msg::ScoreLabel, &[&f.satisfaction.to_string()])>{stars}</span>
                                <span class="entry-who">{milestone_name(lang, &f.milestone_id).unwrap_or_default()}</span>
                                <span class="entry-text">{f.comment.clone()}</span>
                                <RemoveEntry deal_id=deal_id entry_id=entry_id/>
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
        </section>
    }
}

/// The team's list of lost reasons: add one, or remove one no deal uses.
#[component]
fn LostReasonEditor() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let draft = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let label = crate::core::text::Text::plain(draft.get_untracked().trim());
        if state.dispatch(Command::AddLostReason { label }).is_ok() {
            draft.set(String::new());
        }
    };
    view! {
        <details class="reason-editor">
            <summary data-testid="edit-reasons">{move || t(Msg::EditReasons)}</summary>
            <ul class="entry-list">
                {move || {
                    let lang = state.lang.get();
                    state.workspace.with(|ws| ws.settings.lost_reasons.clone()).into_iter().map(|r| {
                        let label = r.label.get(lang).to_owned();
                        let id = r.id.clone();
                        view! {
                            <li class="entry" data-testid="reason-entry">
                                <span class="entry-text">{label.clone()}</span>
                                <button class="icon-btn icon-danger" aria-label=trf(lang, Msg::RemoveReason, &[&label])
                                    on:click=move |_| { let _ = state.dispatch(Command::RemoveLostReason { reason_id: id.clone() }); }>"×"</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <form class="entry-form" on:submit=add>
                <input class="entry-text" data-testid="new-reason" aria-label=move || t(Msg::NewReason) placeholder=move || t(Msg::NewReason)
                    prop:value=move || draft.get() on:input=move |ev| draft.set(event_target_value(&ev))/>
                <button type="submit" class="btn btn-small" data-testid="add-reason">{move || t(Msg::AddReason)}</button>
            </form>
        </details>
    }
}

/// The × that removes one activity or feedback entry.
#[component]
fn RemoveEntry(deal_id: Id, entry_id: Id) -> impl IntoView {
    let state = use_app();
    view! {
        <button class="icon-btn icon-danger" aria-label=move || state.t(Msg::RemoveEntry)
            on:click=move |_| { let _ = state.dispatch(Command::RemoveEntry { deal_id: deal_id.clone(), entry_id: entry_id.clone() }); }>"×"</button>
    }
}
