//! What the pipeline board shows, computed from the workspace: one column per
//! stage of a roadmap with its open deals and totals.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::deal_plan::{deal_plan, is_stalled};
use super::model::{Deal, DealStatus, Id, Roadmap, Workspace};

/// Which deals the board shows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardFilter {
    pub owner: Option<String>,
    pub tag: Option<String>,
    pub status: StatusFilter,
    pub overdue_only: bool,
    pub stalled_only: bool,
    /// Matched, ignoring case, in customer, title, owner and segments.
    pub text: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StatusFilter {
    #[default]
    Open,
    Won,
    Lost,
    All,
}

impl BoardFilter {
    pub fn matches(&self, roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> bool {
        let status_ok = match self.status {
            StatusFilter::Open => deal.status == DealStatus::Open,
            StatusFilter::Won => deal.status == DealStatus::Won,
            StatusFilter::Lost => deal.status == DealStatus::Lost,
            StatusFilter::All => true,
        };
        let needle = self.text.trim().to_lowercase();
        let text_ok = needle.is_empty()
            || [&deal.customer, &deal.title, &deal.owner].iter().any(|f| f.to_lowercase().contains(&needle))
            || deal.tags.iter().any(|t| t.to_lowercase().contains(&needle));
        status_ok
            && text_ok
            && self.owner.as_ref().is_none_or(|o| &deal.owner == o)
            && self.tag.as_ref().is_none_or(|t| deal.tags.contains(t))
            && (!self.stalled_only || is_stalled(roadmap, deal, today))
            && (!self.overdue_only || deal_plan(roadmap, deal, today).overdue().next().is_some())
    }
}

/// Everyone who owns a deal, for the owner filter, sorted.
pub fn owners(ws: &Workspace) -> Vec<String> {
    let mut owners: Vec<String> = ws.deals.iter().map(|d| d.owner.clone()).filter(|o| !o.is_empty()).collect();
    owners.sort();
    owners.dedup();
    owners
}

/// Every segment in use, sorted.
pub fn tags(ws: &Workspace) -> Vec<String> {
    let mut tags: Vec<String> = ws.deals.iter().flat_map(|d| d.tags.iter().cloned()).collect();
    tags.sort();
    tags.dedup();
    tags
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage_id: Id,
    /// The deals shown in this stage, in the order they were created.
    pub deal_ids: Vec<Id>,
    /// Sum of values per currency (minor units), currencies in alphabetical order.
    pub totals: Vec<(String, i64)>,
}

/// Columns for `roadmap_id`, in stage order, holding the deals `filter` lets through.
pub fn columns(ws: &Workspace, roadmap_id: &Id, filter: &BoardFilter, today: NaiveDate) -> Vec<Column> {
    let Some(roadmap) = ws.roadmap(roadmap_id) else {
        return Vec::new();
    };
    let mut by_stage: BTreeMap<&Id, Vec<&Deal>> = BTreeMap::new();
    for deal in ws.deals.iter().filter(|d| &d.roadmap_id == roadmap_id && filter.matches(roadmap, d, today)) {
        by_stage.entry(&deal.stage_id).or_default().push(deal);
    }
    roadmap
        .stages
        .iter()
        .map(|stage| {
            let deals = by_stage.remove(&stage.id).unwrap_or_default();
            let mut totals: BTreeMap<&str, i64> = BTreeMap::new();
            for deal in &deals {
                *totals.entry(deal.currency.as_str()).or_default() += deal.value_minor;
            }
            Column {
                stage_id: stage.id.clone(),
                deal_ids: deals.iter().map(|d| d.id.clone()).collect(),
                totals: totals.into_iter().map(|(c, v)| (c.to_owned(), v)).collect(),
            }
        })
        .collect()
}

/// The stages either side of `stage_id` on its roadmap, for the ◀ ▶ move buttons.
pub fn neighbours(ws: &Workspace, roadmap_id: &Id, stage_id: &Id) -> (Option<Id>, Option<Id>) {
    let Some(roadmap) = ws.roadmap(roadmap_id) else {
        return (None, None);
    };
    let Some(index) = roadmap.stage_index(stage_id) else {
        return (None, None);
    };
    let previous = index.checked_sub(1).map(|i| roadmap.stages[i].id.clone());
    let next = roadmap.stages.get(index + 1).map(|s| s.id.clone());
    (previous, next)
}
