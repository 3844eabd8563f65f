//! What one card on the board says about a deal, worked out once when the card
//! is drawn (only cards on screen are drawn, so this never runs for every deal).

use chrono::NaiveDate;

use super::deal_plan::{days_in_stage, deal_plan, is_stalled};
use super::model::{Deal, Id, Roadmap};
use super::money;
use super::text::Text;

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
    let index = roadmap.stage_index(&deal.stage_id)?;
    let stage = &roadmap.stages[index];
    let named = |i: usize| roadmap.stages.get(i).map(|s| (s.id.clone(), s.name.clone()));
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
        back: index.checked_sub(1).and_then(named),
        forward: named(index + 1),
    })
}
