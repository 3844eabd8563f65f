//! One deal on the board: the facts a seller scans for, and keyboard moves.
//!
//! A card is drawn once, in the language and against the roadmap of the moment,
//! with no reactive parts: a changed deal is a new card, and the board draws its
//! columns afresh when the language or the roadmap changes. That keeps a board of
//! hundreds of cards as cheap to draw as plain DOM.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::board::{move_deal, DRAG_TYPE};
use super::state::{use_app, Editing};
use crate::core::card::card_facts;
use crate::core::i18n::{self, tr, trf, Lang, Msg};
use crate::core::model::{Deal, Id, Roadmap};
use crate::core::text::Text;

/// What every card on a board is drawn against.
#[derive(Clone)]
pub struct CardContext {
    pub roadmap: Arc<Roadmap>,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// Marks the card being dragged; a class set directly, as nothing else depends on it.
fn mark_dragging(ev: &leptos::ev::DragEvent, on: bool) {
    if let Some(card) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = if on { card.class_list().add_1("dragging") } else { card.class_list().remove_1("dragging") };
    }
}

#[component]
pub fn DealCard(deal: Arc<Deal>, context: CardContext) -> impl IntoView {
    let state = use_app();
    let CardContext { roadmap, lang, today } = context;
    let card = card_facts(&roadmap, &deal, today)?;
    let deal_id = deal.id.clone();
    let move_button = |target: Option<(Id, Text)>, label: Msg, glyph: &'static str, testid: &'static str| {
        let deal_id = deal_id.clone();
        target.map(|(stage_id, stage_name)| {
            let text = trf(lang, label, &[stage_name.get(lang)]);
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
    let drag_id = deal_id.clone();
    let open_id = deal_id.clone();
    let owner = if card.owner.is_empty() { tr(lang, Msg::NoOwner).to_owned() } else { card.owner.clone() };
    let close = match card.expected_close {
        Some(date) => trf(lang, Msg::ExpectedCloseShort, &[&date.to_string()]),
        None => tr(lang, Msg::NoCloseDate).to_owned(),
    };
    let milestones = if card.open_milestones == 0 {
        tr(lang, Msg::AllMilestonesDone).to_owned()
    } else {
        i18n::count(lang, card.open_milestones, Msg::OpenMilestonesOne, Msg::OpenMilestones)
    };
    let late = card.overdue > 0;
    let all_done = card.open_milestones == 0;
    Some(view! {
        <article
            class="card"
            class:card-late=late
            draggable="true"
            data-testid="deal-card"
            data-deal-id=deal_id.to_string()
            aria-label=trf(lang, Msg::DealCardLabel, &[&card.title, &card.customer])
            on:dragstart=move |ev: leptos::ev::DragEvent| {
                if let Some(dt) = ev.data_transfer() {
                    let _ = dt.set_data(DRAG_TYPE, drag_id.as_str());
                    dt.set_effect_allowed("move");
                }
                mark_dragging(&ev, true);
            }
            on:dragend=move |ev: leptos::ev::DragEvent| mark_dragging(&ev, false)
        >
            <div class="card-top">
                <button class="card-open" data-testid="deal-open" on:click=move |_| state.editing.set(Some(Editing::Existing(open_id.clone())))>
                    <span class="card-customer">{card.customer.clone()}</span>
                </button>
                {card.sample.then(|| view! { <span class="badge badge-sample">{tr(lang, Msg::SampleBadge)}</span> })}
            </div>
            <p class="card-title">{card.title.clone()}</p>
            {(card.overdue > 0).then(|| {
                let text = i18n::count(lang, card.overdue, Msg::OverdueOne, Msg::OverdueMany);
                view! { <p class="card-overdue" data-testid="card-overdue" title=text.clone()>{text.clone()}</p> }
            })}
            // The title repeats the text: a windowed column cuts long flags to one line.
            {card.stalled.map(|(days, target)| {
                let text = trf(lang, Msg::StalledFlag, &[&days.to_string(), &target.to_string()]);
                view! { <p class="card-stalled" data-testid="card-stalled" title=text.clone()>{text.clone()}</p> }
            })}
            <p class="card-value" data-testid="deal-value">{card.value.clone()}</p>
            {(!card.tags.is_empty()).then(|| view! {
                <p class="card-tags">{card.tags.iter().map(|t| view! { <span class="tag">{t.clone()}</span> }).collect_view()}</p>
            })}
            <p class="card-meta">
                <span class="card-owner">{owner}</span>
                <span class="card-close">{close}</span>
            </p>
            <div class="card-foot">
                <span class="card-milestones" class:all-done=all_done data-testid="open-milestones">{milestones}</span>
                <span class="card-moves">
                    {move_button(card.back.clone(), Msg::MoveBack, "◀", "move-back")}
                    {move_button(card.forward.clone(), Msg::MoveForward, "▶", "move-forward")}
                </span>
            </div>
        </article>
    })
}
