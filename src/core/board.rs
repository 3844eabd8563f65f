//! What the pipeline board shows, computed from the workspace: one column per
//! stage of a roadmap with its open deals and totals.

use std::collections::BTreeMap;

use super::model::{Deal, DealStatus, Id, Workspace};

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub stage_id: Id,
    /// Open deals in this stage, in the order they were created.
    pub deal_ids: Vec<Id>,
    /// Sum of values per currency (minor units), currencies in alphabetical order.
    pub totals: Vec<(String, i64)>,
}

/// Columns for `roadmap_id`, in stage order. Won and lost deals are not on the board.
pub fn columns(ws: &Workspace, roadmap_id: &Id) -> Vec<Column> {
    let Some(roadmap) = ws.roadmap(roadmap_id) else {
        return Vec::new();
    };
    let mut by_stage: BTreeMap<&Id, Vec<&Deal>> = BTreeMap::new();
    for deal in ws.deals.iter().filter(|d| &d.roadmap_id == roadmap_id && d.status == DealStatus::Open) {
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
