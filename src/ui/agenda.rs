//! The agenda: what is overdue and what is due soon across all open deals,
//! grouped by day; each line opens its deal.

use leptos::prelude::*;

use super::state::{use_app, Editing};
use crate::browser::clock;
use crate::core::agenda::{agenda, AgendaItem};
use crate::core::board;
use crate::core::i18n::{tr, trf, Msg};

const HORIZONS: [u32; 3] = [7, 14, 30];

#[component]
pub fn Agenda() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let today = clock::local_today();
    let horizon = RwSignal::new(14_u32);
    let owner: RwSignal<Option<String>> = RwSignal::new(None);
    let items = Memo::new(move |_| {
        let owner = owner.get();
        state.workspace.with(|ws| agenda(ws, today, horizon.get(), owner.as_deref()))
    });
    // Overdue first as one group, then one group per day.
    let groups = move || {
        let lang = state.lang.get();
        let mut groups: Vec<(String, bool, Vec<AgendaItem>)> = Vec::new();
        for item in items.get() {
            let label = if item.overdue {
                tr(lang, Msg::AgendaOverdue).to_owned()
            } else if item.due == today {
                tr(lang, Msg::Today).to_owned()
            } else {
                item.due.to_string()
            };
            match groups.last_mut() {
                Some((last, _, list)) if *last == label => list.push(item),
                _ => groups.push((label, item.overdue, vec![item])),
            }
        }
        groups
    };
    view! {
        <section class="panel agenda" aria-labelledby="agenda-title">
            <div class="panel-head">
                <h2 id="agenda-title" class="panel-title">{move || t(Msg::AgendaTitle)}</h2>
                <span class="spacer"></span>
                <label class="check">
                    {move || t(Msg::AgendaHorizon)}
                    <select data-testid="agenda-horizon" on:change=move |ev| {
                        if let Ok(days) = event_target_value(&ev).parse() { horizon.set(days) }
                    }>
                        {HORIZONS.into_iter().map(|days| view! {
                            <option value=days.to_string() selected=move || horizon.get() == days>
                                {move || trf(state.lang.get(), Msg::AgendaDays, &[&days.to_string()])}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="check">
                    {move || t(Msg::AgendaMine)}
                    <select data-testid="agenda-owner" on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        owner.set((!chosen.is_empty()).then_some(chosen));
                    }>
                        <option value="">{move || t(Msg::AgendaEveryone)}</option>
                        {move || state.workspace.with(board::owners).into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </label>
            </div>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="entry-empty" data-testid="agenda-empty">{move || t(Msg::AgendaEmpty)}</p>
            </Show>
            {move || groups().into_iter().map(|(label, overdue, list)| view! {
                <div class="agenda-group" class:agenda-overdue=overdue data-testid="agenda-group">
                    <h3 class="agenda-day">{label}</h3>
                    <ul class="entry-list">
                        {list.into_iter().map(|item| {
                            let lang = state.lang.get_untracked();
                            let deal_id = item.deal_id.clone();
                            view! {
                                <li class="entry agenda-item" data-testid="agenda-item">
                                    <span class="entry-date">{item.due.to_string()}</span>
                                    <button class="agenda-open" data-testid="agenda-open"
                                        on:click=move |_| state.editing.set(Some(Editing::Existing(deal_id.clone())))>
                                        {item.milestone.get(lang).to_owned()}
                                    </button>
                                    <span class="entry-text">{format!("{} · {}", item.customer, item.deal_title)}</span>
                                    <span class="badge badge-sample">{item.stage.get(lang).to_owned()}</span>
                                    <span class="entry-who">{item.owner.clone()}</span>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </section>
    }
}
