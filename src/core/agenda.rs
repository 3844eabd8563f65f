//! The agenda: every open deal's milestones that are overdue or due soon, by date.

use chrono::{Days, NaiveDate};

use super::deal_plan::{deal_plan, MilestoneState};
use super::model::{DealStatus, Id, Workspace};
use super::text::Text;

#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    pub deal_id: Id,
    pub customer: String,
    pub deal_title: String,
    pub owner: String,
    pub milestone_id: Id,
    pub milestone: Text,
    pub stage: Text,
    pub due: NaiveDate,
    pub overdue: bool,
}

/// Open milestones of open deals due on or before `today + horizon_days`, overdue ones
/// included, earliest first; only `owner`'s deals when given.
pub fn agenda(ws: &Workspace, today: NaiveDate, horizon_days: u32, owner: Option<&str>) -> Vec<AgendaItem> {
    let until = today.checked_add_days(Days::new(u64::from(horizon_days))).unwrap_or(today);
    let mut items: Vec<AgendaItem> = ws
        .deals
        .iter()
        .filter(|d| d.status == DealStatus::Open && owner.is_none_or(|o| d.owner == o))
        .filter_map(|deal| Some((deal, ws.roadmap(&deal.roadmap_id)?)))
        .flat_map(|(deal, roadmap)| {
            deal_plan(roadmap, deal, today)
                .milestones
                .into_iter()
                .filter(move |m| m.state != MilestoneState::Done && m.due <= until)
                .map(move |m| AgendaItem {
                    deal_id: deal.id.clone(),
                    customer: deal.customer.clone(),
                    deal_title: deal.title.clone(),
                    owner: deal.owner.clone(),
                    milestone_id: m.milestone_id,
                    milestone: m.title,
                    stage: roadmap.stages[m.stage_index].name.clone(),
                    due: m.due,
                    overdue: m.state == MilestoneState::Overdue,
                })
        })
        .collect();
    items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.customer.cmp(&b.customer)));
    items
}
