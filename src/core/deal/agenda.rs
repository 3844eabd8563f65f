//! The agenda: every open deal's milestones that are overdue or due soon, by date.

use chrono::{Days, NaiveDate};

use crate::core::deal::plan::{deal_plan, MilestoneState};
use crate::core::model::{DealStatus, Id, Workspace};
use crate::core::text::Text;

/// One agenda line: a milestone of an open deal, not done, and overdue or due soon.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaItem {
    /// The deal it belongs to.
    pub deal_id: Id,
    /// The deal's customer.
    pub customer: String,
    /// The deal's title.
    pub deal_title: String,
    /// The deal's owner; empty when nobody.
    pub owner: String,
    /// The milestone's id.
    pub milestone_id: Id,
    /// The milestone's title.
    pub milestone: Text,
    /// The name of the stage the milestone belongs to.
    pub stage: Text,
    /// The day it is due, by the deal's plan or as set by hand.
    pub due: NaiveDate,
    /// Whether the due day is before today.
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
            deal_plan(roadmap, deal, today).milestones.into_iter().filter(move |m| m.state != MilestoneState::Done && m.due <= until).map(
                move |m| AgendaItem {
                    deal_id: deal.id.clone(),
                    customer: deal.customer.clone(),
                    deal_title: deal.title.clone(),
                    owner: deal.owner.clone(),
                    milestone_id: m.milestone_id,
                    milestone: m.title,
                    stage: roadmap.stages[m.stage_index].name.clone(),
                    due: m.due,
                    overdue: m.state == MilestoneState::Overdue,
                },
            )
        })
        .collect();
    items.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.customer.cmp(&b.customer)));
    items
}

/// Where an agenda line is listed: overdue ones together, then one group per day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgendaDay {
    /// Lines whose due day has passed.
    Overdue,
    /// Lines due today.
    Today,
    /// Lines due on that later day.
    On(NaiveDate),
}

/// Agenda lines listed under one heading.
#[derive(Clone, Debug, PartialEq)]
pub struct AgendaGroup {
    /// The heading the lines come under.
    pub day: AgendaDay,
    /// Every line of the group, shown or not.
    pub total: usize,
    /// The lines shown.
    pub items: Vec<AgendaItem>,
}

/// How many agenda lines are drawn at first, and added by each "show more": a
/// large pipeline has thousands overdue, and drawing them all took seconds.
pub const AGENDA_PAGE: usize = 100;

/// `items` (in agenda order) grouped for display, showing only the first `limit`
/// lines; the groups keep their whole counts. Also says how many lines are not shown.
pub fn agenda_groups(items: &[AgendaItem], today: NaiveDate, limit: usize) -> (Vec<AgendaGroup>, usize) {
    let mut groups: Vec<AgendaGroup> = Vec::new();
    for (index, item) in items.iter().enumerate() {
        let day = if item.overdue {
            AgendaDay::Overdue
        } else if item.due == today {
            AgendaDay::Today
        } else {
            AgendaDay::On(item.due)
        };
        if groups.last().is_none_or(|g| g.day != day) {
            groups.push(AgendaGroup { day, total: 0, items: Vec::new() });
        }
        let group = groups.last_mut().expect("just pushed");
        group.total += 1;
        if index < limit {
            group.items.push(item.clone());
        }
    }
    // Groups wholly past the limit are not drawn at all.
    groups.retain(|g| !g.items.is_empty());
    (groups, items.len().saturating_sub(limit))
}
