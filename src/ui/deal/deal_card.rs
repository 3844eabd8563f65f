//! One deal on the board: the facts a seller scans for, and keyboard moves.
//!
//! A card is drawn once, in the language and against the roadmap of the moment,
//! with no reactive parts and no listeners of its own (the board listens once for
//! all cards): a changed deal is a new card, and the board draws its columns
//! afresh when the language or the roadmap changes. That keeps a board of
//! hundreds of cards nearly as cheap to draw as plain DOM.

use std::sync::Arc;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::deal::card::{card_facts, card_texts, CardTexts};
use crate::core::model::{Deal, Id, Roadmap};
use crate::core::text::i18n::Lang;
use crate::ui::deal::board::{move_deal, DRAG_TYPE};
use crate::ui::deal::card_dom;
use crate::ui::state::{AppState, Editing};

/// What every card on a board is drawn against.
#[derive(Clone)]
pub struct CardContext {
    pub roadmap: Arc<Roadmap>,
    pub lang: Lang,
    pub today: NaiveDate,
}

/// The card (and its deal id) an event happened in.
fn card_of(ev: &web_sys::Event) -> Option<(web_sys::Element, Id)> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let card = target.closest("[data-deal-id]").ok()??;
    let id = card.get_attribute("data-deal-id")?;
    Some((card, Id::from(id)))
}

/// Clicks anywhere on the board's cards, handled once for all of them: listening
/// on each card's buttons cost more than drawing the card itself.
pub fn on_board_click(state: AppState, ev: &web_sys::MouseEvent) {
    let Some(button) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("button").ok().flatten())
    else {
        return;
    };
    let Some((_, deal_id)) = card_of(ev) else { return };
    if let Some(stage) = button.get_attribute("data-move-to") {
        move_deal(state, deal_id, Id::from(stage));
    } else if button.class_list().contains("card-open") {
        state.open(crate::ui::state::Overlay::Deal(Editing::Existing(deal_id)));
    } else if button.class_list().contains("card-follow-up-set") {
        pick_follow_up(state, &button, deal_id);
    }
}

/// Puts a date field beside a card's follow-up button: choosing a day plans the follow-up
/// (the card is then drawn anew, without the field); leaving it takes it away.
fn pick_follow_up(state: AppState, button: &web_sys::Element, deal_id: Id) {
    use wasm_bindgen::closure::Closure;
    let Some(input) = document().create_element("input").ok().and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
        return;
    };
    input.set_type("date");
    input.set_class_name("card-follow-up-input");
    let _ = input.set_attribute("data-testid", "card-follow-up-input");
    let _ = input
        .set_attribute("aria-label", crate::core::text::i18n::tr(state.lang.get_untracked(), crate::core::text::i18n::Msg::FollowUpPick));
    let current = state.workspace.with_untracked(|ws| ws.deal(&deal_id).and_then(|d| d.follow_up));
    input.set_value(&current.unwrap_or_else(crate::browser::clock::local_today).to_string());
    let _ = button.after_with_node_1(&input);
    let changed = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(day) = crate::core::ymd::parse(&field.value()) {
            let _ = state.dispatch(crate::core::command::Command::SetFollowUp { deal_id: deal_id.clone(), date: Some(day) });
        }
    });
    input.set_onchange(Some(changed.as_ref().unchecked_ref()));
    changed.forget();
    let left = Closure::<dyn FnMut(web_sys::Event)>::new(move |ev: web_sys::Event| {
        if let Some(field) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            field.remove();
        }
    });
    input.set_onblur(Some(left.as_ref().unchecked_ref()));
    left.forget();
    let _ = input.focus();
}

/// A card picked up: it carries its deal id and looks lifted.
pub fn on_board_drag_start(ev: &web_sys::DragEvent) {
    let Some((card, deal_id)) = card_of(ev) else { return };
    if let Some(dt) = ev.data_transfer() {
        let _ = dt.set_data(DRAG_TYPE, deal_id.as_str());
        dt.set_effect_allowed("move");
    }
    let _ = card.class_list().add_1("dragging");
}

pub fn on_board_drag_end(ev: &web_sys::DragEvent) {
    if let Some((card, _)) = card_of(ev) {
        let _ = card.class_list().remove_1("dragging");
    }
}

/// Fills a card element as it is built (a directive runs before the card is placed).
fn card_body(card: web_sys::Element, (id, texts): (Id, CardTexts)) {
    card_dom::fill(&card, &id, &texts);
}

#[component]
pub fn DealCard(deal: Arc<Deal>, context: CardContext) -> impl IntoView {
    let CardContext { roadmap, lang, today } = context;
    let card = card_facts(&roadmap, &deal, today)?;
    let texts = card_texts(&card, lang);
    // Its class, id, label and marks are written with its lines (card_dom), in one call.
    Some(view! { <article use:card_body=(deal.id.clone(), texts)></article> })
}
