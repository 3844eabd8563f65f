//! What one card on the board says about a deal, worked out once when the card
//! is drawn (only cards on screen are drawn, so this never runs for every deal).

use chrono::NaiveDate;

use crate::core::deal::board::neighbours;
use crate::core::deal::plan::{days_in_stage, deal_plan, is_stalled};
use crate::core::model::{Deal, Id, Roadmap, Stage};
use crate::core::text::i18n::{self, tr, trf, Lang, Msg};
use crate::core::text::money;
use crate::core::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct CardFacts {
    pub customer: String,
    pub title: String,
    pub value: String,
    pub owner: String,
    pub expected_close: Option<NaiveDate>,
    pub open_milestones: usize,
    pub overdue: usize,
    /// (days in stage, target days) when stalled.
    pub stalled: Option<(i64, u32)>,
    pub tags: Vec<String>,
    pub sample: bool,
    /// The stages either side, for the ◀ ▶ buttons.
    pub back: Option<(Id, Text)>,
    pub forward: Option<(Id, Text)>,
}

/// The card for `deal`, or None when its stage is not on `roadmap` (never for a checked workspace).
pub fn card_facts(roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> Option<CardFacts> {
    let stage = roadmap.stage(&deal.stage_id)?;
    let (back, forward) = neighbours(roadmap, &deal.stage_id);
    let named = |s: Option<&Stage>| s.map(|s| (s.id.clone(), s.name.clone()));
    Some(CardFacts {
        customer: deal.customer.clone(),
        title: deal.title.clone(),
        value: money::format_full(deal.value_minor, &deal.currency),
        owner: deal.owner.clone(),
        expected_close: deal.expected_close,
        open_milestones: deal.open_milestones(stage).count(),
        overdue: deal_plan(roadmap, deal, today).overdue().count(),
        stalled: is_stalled(roadmap, deal, today).then(|| (days_in_stage(deal, today), stage.target_days)),
        tags: deal.tags.clone(),
        sample: deal.sample,
        back: named(back),
        forward: named(forward),
    })
}

/// Every text a card shows, in one language: what the board writes into its
/// card skeleton.
#[derive(Clone, Debug, PartialEq)]
pub struct CardTexts {
    pub label: String,
    pub customer: String,
    pub sample_badge: Option<&'static str>,
    pub title: String,
    pub overdue: Option<String>,
    pub stalled: Option<String>,
    pub value: String,
    pub tags: Vec<String>,
    pub owner: String,
    pub close: String,
    pub milestones: String,
    pub all_done: bool,
    /// (stage id, button label) for ◀ and ▶.
    pub back: Option<(String, String)>,
    pub forward: Option<(String, String)>,
}

pub fn card_texts(card: &CardFacts, lang: Lang) -> CardTexts {
    let button =
        |target: &Option<(Id, Text)>, label: Msg| target.as_ref().map(|(id, name)| (id.to_string(), trf(lang, label, &[name.get(lang)])));
    CardTexts {
        label: trf(lang, Msg::DealCardLabel, &[&card.title, &card.customer]),
        customer: card.customer.clone(),
        sample_badge: card.sample.then(|| tr(lang, Msg::SampleBadge)),
        title: card.title.clone(),
        overdue: (card.overdue > 0).then(|| i18n::count(lang, card.overdue, Msg::OverdueOne, Msg::OverdueMany)),
        stalled: card.stalled.map(|(days, target)| trf(lang, Msg::StalledFlag, &[&days.to_string(), &target.to_string()])),
        value: card.value.clone(),
        tags: card.tags.clone(),
        owner: if card.owner.is_empty() { tr(lang, Msg::NoOwner).to_owned() } else { card.owner.clone() },
        close: match card.expected_close {
            Some(date) => trf(lang, Msg::ExpectedCloseShort, &[&date.to_string()]),
            None => tr(lang, Msg::NoCloseDate).to_owned(),
        },
        milestones: if card.open_milestones == 0 {
            tr(lang, Msg::AllMilestonesDone).to_owned()
        } else {
            i18n::count(lang, card.open_milestones, Msg::OpenMilestonesOne, Msg::OpenMilestones)
        },
        all_done: card.open_milestones == 0,
        back: button(&card.back, Msg::MoveBack),
        forward: button(&card.forward, Msg::MoveForward),
    }
}
