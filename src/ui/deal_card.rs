//! One deal on the board: the facts a seller scans for, and keyboard moves.

use leptos::prelude::*;

use super::board::{move_deal, DRAG_TYPE};
use super::prefs::use_prefs;
use super::state::{use_app, Editing};
use crate::browser::clock;
use crate::core::board::neighbours;
use crate::core::deal_plan::{days_in_stage, deal_plan, is_stalled};
use crate::core::i18n::{self, trf, Msg};
use crate::core::model::Id;
use crate::core::text::Text;
use crate::core::money;

#[derive(Clone, PartialEq)]
struct CardData {
    customer: String,
    title: String,
    value: String,
    owner: String,
    expected_close: Option<String>,
    open_milestones: usize,
    overdue: usize,
    /// (days in stage, target days) when stalled.
    stalled: Option<(i64, u32)>,
    tags: Vec<String>,
    sample: bool,
    back: Option<(Id, Text)>,
    forward: Option<(Id, Text)>,
}

#[component]
pub fn DealCard(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let shows = use_prefs().card_fields;
    let id = deal_id.clone();
    let today = clock::local_today();
    let data = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let deal = ws.deal(&id)?;
            let roadmap = ws.roadmap(&deal.roadmap_id)?;
            let stage = roadmap.stage(&deal.stage_id)?;
            let (back, forward) = neighbours(ws, &deal.roadmap_id, &deal.stage_id);
            let named = |id: Option<Id>| id.and_then(|id| roadmap.stage(&id).map(|s| (id, s.name.clone())));
            Some(CardData {
                customer: deal.customer.clone(),
                title: deal.title.clone(),
                value: money::format_full(deal.value_minor, &deal.currency),
                owner: deal.owner.clone(),
                expected_close: deal.expected_close.map(|d| d.to_string()),
                open_milestones: deal.open_milestones(stage).count(),
                overdue: deal_plan(roadmap, deal, today).overdue().count(),
                stalled: is_stalled(roadmap, deal, today).then(|| (days_in_stage(deal, today), stage.target_days)),
                tags: deal.tags.clone(),
                sample: deal.sample,
                back: named(back),
                forward: named(forward),
            })
        })
    });
    let dragging = RwSignal::new(false);
    let drag_id = deal_id.clone();
    let open_id = deal_id.clone();
    let open = move |_| state.editing.set(Some(Editing::Existing(open_id.clone())));

    move || {
        let card = data.get()?;
        let lang = state.lang;
        let t = move |msg| state.t(msg);
        let move_button = |target: Option<(Id, Text)>, label: Msg, glyph: &'static str, testid: &'static str| {
            let deal_id = deal_id.clone();
            target.map(|(stage_id, stage_name)| {
                let text = move || trf(lang.get(), label, &[stage_name.get(lang.get())]);
                view! {
                    <button
                        class="card-move"
                        data-testid=testid
                        aria-label=text.clone()
                        title=text
                        on:click=move |_| move_deal(state, deal_id.clone(), stage_id.clone())
                    >{glyph}</button>
                }
            })
        };
        let drag_id = drag_id.clone();
        let aria = {
            let (title, customer) = (card.title.clone(), card.customer.clone());
            move || trf(lang.get(), Msg::DealCardLabel, &[&title, &customer])
        };
        let milestones = card.open_milestones;
        let late = card.overdue > 0;
        let owner = card.owner.clone();
        let close = card.expected_close.clone();
        Some(view! {
            <article
                class="card"
                class:card-late=late
                class:dragging=move || dragging.get()
                draggable="true"
                data-testid="deal-card"
                data-deal-id=drag_id.to_string()
                aria-label=aria
                on:dragstart=move |ev: leptos::ev::DragEvent| {
                    if let Some(dt) = ev.data_transfer() {
                        let _ = dt.set_data(DRAG_TYPE, drag_id.as_str());
                        dt.set_effect_allowed("move");
                    }
                    dragging.set(true);
                }
                on:dragend=move |_| dragging.set(false)
            >
                <div class="card-top">
                    <button class="card-open" data-testid="deal-open" on:click=open.clone()>
                        <span class="card-customer">{card.customer.clone()}</span>
                    </button>
                    {card.sample.then(|| view! { <span class="badge badge-sample">{move || t(Msg::SampleBadge)}</span> })}
                </div>
                <p class="card-title">{card.title.clone()}</p>
                {(card.overdue > 0).then(|| {
                    let overdue = card.overdue;
                    view! {
                        <p class="card-overdue" data-testid="card-overdue">
                            {move || i18n::count(lang.get(), overdue, Msg::OverdueOne, Msg::OverdueMany)}
                        </p>
                    }
                })}
                {card.stalled.map(|(days, target)| view! {
                    <p class="card-stalled" data-testid="card-stalled">
                        {move || trf(lang.get(), Msg::StalledFlag, &[&days.to_string(), &target.to_string()])}
                    </p>
                })}
                <p class="card-value" data-testid="deal-value" class:hidden=move || !shows.get().value>{card.value.clone()}</p>
                {(!card.tags.is_empty()).then(|| view! {
                    <p class="card-tags" class:hidden=move || !shows.get().segments>{card.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}</p>
                })}
                <p class="card-meta" class:hidden=move || !shows.get().owner>
                    <span class="card-owner">{move || if owner.is_empty() { t(Msg::NoOwner).to_owned() } else { owner.clone() }}</span>
                    <span class="card-close">{move || match &close {
                        Some(date) => trf(lang.get(), Msg::ExpectedCloseShort, &[date]),
                        None => t(Msg::NoCloseDate).to_owned(),
                    }}</span>
                </p>
                <div class="card-foot">
                    <span class="card-milestones" class:all-done=milestones == 0 class:hidden=move || !shows.get().milestones data-testid="open-milestones">
                        {move || if milestones == 0 {
                            t(Msg::AllMilestonesDone).to_owned()
                        } else {
                            i18n::count(lang.get(), milestones, Msg::OpenMilestonesOne, Msg::OpenMilestones)
                        }}
                    </span>
                    <span class="card-moves">
                        {move_button(card.back.clone(), Msg::MoveBack, "◀", "move-back")}
                        {move_button(card.forward.clone(), Msg::MoveForward, "▶", "move-forward")}
                    </span>
                </div>
            </article>
        })
    }
}
