//! The bar above the board: search, owner, segment, status, overdue and stalled.

use leptos::prelude::*;

use crate::core::deal::board::{self, BoardFilter, StatusFilter};
use crate::core::text::i18n::Msg;
use crate::ui::prefs::{use_prefs, CardFields};
use crate::ui::state::use_app;

#[component]
pub fn BoardFilters() -> impl IntoView {
    let state = use_app();
    let prefs = use_prefs();
    let t = move |msg| state.t(msg);
    let filter = state.filter;
    let card_toggle = |label: Msg, testid: &'static str, get: fn(&CardFields) -> bool, set: fn(&mut CardFields, bool)| {
        view! {
            <label class="check">
                <input type="checkbox" data-testid=testid prop:checked=move || prefs.card_fields.with(get)
                    on:change=move |ev| prefs.card_fields.update(|c| set(c, event_target_checked(&ev)))/>
                {move || state.t(label)}
            </label>
        }
    };
    // Memos: the option lists are redrawn only when someone new owns a deal or a segment appears.
    let owners = Memo::new(move |_| state.workspace.with(board::owners));
    let team = Memo::new(move |_| state.workspace.with(crate::core::deal::team::active_names));
    let tags = Memo::new(move |_| state.workspace.with(board::tags));
    let pick = |value: String| (!value.is_empty()).then_some(value);
    let statuses = [
        (StatusFilter::Open, "open", Msg::FilterOpen),
        (StatusFilter::Won, "won", Msg::FilterWon),
        (StatusFilter::Lost, "lost", Msg::FilterLost),
        (StatusFilter::All, "all", Msg::FilterAll),
    ];
    view! {
        <div class="filters" role="search" aria-label=move || t(Msg::FilterLabel)>
            <input
                class="filter-search"
                type="search"
                id="board-search"
                data-testid="filter-text"
                placeholder=move || t(Msg::FilterSearch)
                aria-label=move || t(Msg::FilterSearch)
                prop:value=move || filter.with(|f| f.text.clone())
                on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))
            />
            <select data-testid="filter-owner" aria-label=move || t(Msg::FilterOwner)
                on:change=move |ev| filter.update(|f| f.owner = pick(event_target_value(&ev)))>
                <option value="" selected=move || filter.with(|f| f.owner.is_none())>{move || t(Msg::FilterAllOwners)}</option>
                {move || owners.get().into_iter().map(|o| {
                    let selected = filter.with(|f| f.owner.as_ref() == Some(&o));
                    view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                }).collect_view()}
            </select>
            <select data-testid="filter-segment" aria-label=move || t(Msg::FilterSegment)
                on:change=move |ev| filter.update(|f| f.tag = pick(event_target_value(&ev)))>
                <option value="" selected=move || filter.with(|f| f.tag.is_none())>{move || t(Msg::FilterAllSegments)}</option>
                {move || tags.get().into_iter().map(|tag| {
                    let selected = filter.with(|f| f.tag.as_ref() == Some(&tag));
                    view! { <option value=tag.clone() selected=selected>{tag.clone()}</option> }
                }).collect_view()}
            </select>
            <select data-testid="filter-status" aria-label=move || t(Msg::FilterStatus)
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some((status, _, _)) = statuses.iter().find(|(_, key, _)| *key == chosen) {
                        filter.update(|f| f.status = *status);
                    }
                }>
                {statuses.into_iter().map(|(status, key, label)| view! {
                    <option value=key selected=move || filter.with(|f| f.status == status)>{move || t(label)}</option>
                }).collect_view()}
            </select>
            <label class="check">
                <input type="checkbox" data-testid="filter-overdue" prop:checked=move || filter.with(|f| f.overdue_only)
                    on:change=move |ev| filter.update(|f| f.overdue_only = event_target_checked(&ev))/>
                {move || t(Msg::FilterOverdue)}
            </label>
            <label class="check">
                <input type="checkbox" data-testid="filter-stalled" prop:checked=move || filter.with(|f| f.stalled_only)
                    on:change=move |ev| filter.update(|f| f.stalled_only = event_target_checked(&ev))/>
                {move || t(Msg::FilterStalled)}
            </label>
            <label class="check">
                {move || t(Msg::IAm)}
                <select data-testid="filter-me" on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    prefs.me.set((!chosen.is_empty()).then_some(chosen));
                }>
                    <option value="" selected=move || prefs.me.with(Option::is_none)>{move || t(Msg::NobodyChosen)}</option>
                    {move || team.get().into_iter().map(|o| {
                        let selected = prefs.me.with(|m| m.as_ref() == Some(&o));
                        view! { <option value=o.clone() selected=selected>{o.clone()}</option> }
                    }).collect_view()}
                </select>
            </label>
            <button class="btn btn-small" data-testid="open-team" on:click=move |_| state.open(crate::ui::state::Overlay::Team)>
                {move || t(Msg::TeamOpen)}
            </button>
            <button class="btn btn-small" data-testid="my-deals" disabled=move || prefs.me.with(Option::is_none)
                on:click=move |_| filter.update(|f| f.owner = prefs.me.get_untracked())>{move || t(Msg::MyDeals)}</button>
            <details class="card-fields">
                <summary data-testid="card-fields">{move || t(Msg::CardFieldsLabel)}</summary>
                <div class="card-fields-menu">
                    {card_toggle(Msg::CardFieldValue, "show-value", |c| c.value, |c, on| c.value = on)}
                    {card_toggle(Msg::CardFieldOwner, "show-owner", |c| c.owner, |c, on| c.owner = on)}
                    {card_toggle(Msg::CardFieldMilestones, "show-milestones", |c| c.milestones, |c, on| c.milestones = on)}
                    {card_toggle(Msg::CardFieldSegments, "show-segments", |c| c.segments, |c, on| c.segments = on)}
                </div>
            </details>
            <Show when=move || filter.with(|f| f != &BoardFilter::default())>
                <button class="btn btn-small btn-ghost" data-testid="filter-clear" on:click=move |_| filter.set(BoardFilter::default())>
                    {move || t(Msg::FilterClear)}
                </button>
            </Show>
        </div>
    }
}
