//! The agenda: what is overdue and what is due soon across all open deals,
//! grouped by day, a page of lines at a time; each line opens its deal.

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::deal::agenda::{agenda, agenda_groups, AgendaDay, AgendaItem, AGENDA_PAGE};
use crate::core::deal::board;
use crate::core::text::i18n::{self, tr, trf, Lang, Msg};
use crate::core::text::money;
use crate::ui::state::{use_app, AppState, Editing};

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
    // A page of lines at first (a large pipeline has thousands overdue), more on request.
    let shown = RwSignal::new(AGENDA_PAGE);
    let page = Memo::new(move |_| items.with(|items| agenda_groups(items, today, shown.get())));
    view! {
        <section class="panel agenda" aria-labelledby="agenda-title">
            <div class="panel-head">
                <h2 id="agenda-title" class="panel-title">{move || t(Msg::AgendaTitle)}</h2>
                <span class="spacer"></span>
                <label class="check">
                    {move || t(Msg::AgendaHorizon)}
                    <select data-testid="agenda-horizon" on:change=move |ev| {
                        if let Ok(days) = event_target_value(&ev).parse() {
                            horizon.set(days);
                            shown.set(AGENDA_PAGE);
                        }
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
                        shown.set(AGENDA_PAGE);
                    }>
                        <option value="">{move || t(Msg::AgendaEveryone)}</option>
                        {move || state.workspace.with(board::owners).into_iter().map(|o| view! { <option value=o.clone()>{o.clone()}</option> }).collect_view()}
                    </select>
                </label>
                {move || owner.get().map(|who| view! {
                    <button class="btn btn-small" data-testid="agenda-ics" title=move || t(Msg::CalendarOwnerLabel)
                        on:click=move |_| leptos::task::spawn_local(crate::ui::lazy::export_calendar(state, crate::ui::files::transfer::CalendarChoice::Owner(who.clone())))>
                        {move || t(Msg::CalendarFile)}</button>
                })}
            </div>
            <Show when=move || items.with(Vec::is_empty)>
                <p class="entry-empty" data-testid="agenda-empty">{move || t(Msg::AgendaEmpty)}</p>
            </Show>
            {move || {
                let lang = state.lang.get();
                page.with(|(groups, _)| groups.iter().map(|group| {
                    let label = match group.day {
                        AgendaDay::Overdue => tr(lang, Msg::AgendaOverdue).to_owned(),
                        AgendaDay::Today => tr(lang, Msg::Today).to_owned(),
                        AgendaDay::On(day) => day.to_string(),
                    };
                    let count = i18n::count(lang, group.total, Msg::AgendaItemsOne, Msg::AgendaItems);
                    view! {
                        <div class="agenda-group" class:agenda-overdue=group.day == AgendaDay::Overdue data-testid="agenda-group">
                            <h3 class="agenda-day">{label}<span class="agenda-count" data-testid="agenda-count">{count}</span></h3>
                            <ul class="entry-list">
                                {group.items.iter().map(|item| agenda_line(state, item, lang)).collect_view()}
                            </ul>
                        </div>
                    }
                }).collect_view())
            }}
            {move || {
                let hidden = page.with(|(_, hidden)| *hidden);
                (hidden > 0).then(|| {
                    let label = trf(state.lang.get(), Msg::AgendaShowMore, &[&AGENDA_PAGE.min(hidden).to_string(), &money::group_digits(hidden as u64)]);
                    view! {
                        <button class="btn agenda-more" data-testid="agenda-more" on:click=move |_| shown.update(|n| *n += AGENDA_PAGE)>
                            {label}
                        </button>
                    }
                })
            }}
        </section>
    }
}

fn agenda_line(state: AppState, item: &AgendaItem, lang: Lang) -> impl IntoView {
    let deal_id = item.deal_id.clone();
    view! {
        <li class="entry agenda-item" data-testid="agenda-item">
            <span class="entry-date">{item.due.to_string()}</span>
            <button class="agenda-open" data-testid="agenda-open"
                on:click=move |_| state.open(crate::ui::state::Overlay::Deal(Editing::Existing(deal_id.clone())))>
                {item.milestone.get(lang).to_owned()}
            </button>
            <span class="entry-text">{format!("{} · {}", item.customer, item.deal_title)}</span>
            <span class="badge badge-sample">{item.stage.get(lang).to_owned()}</span>
            <span class="entry-who">{item.owner.clone()}</span>
        </li>
    }
}
