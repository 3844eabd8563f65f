//! Follow-ups: the next day a seller means to contact each open deal's customer. Cards
//! flag the ones due today or late, and the "today" list gathers them when the app opens.

use chrono::NaiveDate;

use crate::core::model::{Deal, DealStatus, Id, Workspace};

/// Days `deal`'s follow-up is late on `today` (0 when it is today); none when the deal is
/// closed, has no follow-up or it is still ahead.
pub fn days_late(deal: &Deal, today: NaiveDate) -> Option<i64> {
    let day = deal.follow_up.filter(|_| deal.status == DealStatus::Open)?;
    let late = (today - day).num_days();
    (late >= 0).then_some(late)
}

/// One line of the "today" list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueFollowUp {
    /// The deal to follow up.
    pub deal_id: Id,
    /// Its customer.
    pub customer: String,
    /// Its title.
    pub title: String,
    /// Who owns it; empty when nobody.
    pub owner: String,
    /// The day planned.
    pub day: NaiveDate,
    /// Days late (0: today).
    pub late: i64,
}

/// The open deals whose follow-up is due on `today` or late, the latest first, then by
/// customer; only `owner`'s deals when given. Sample deals count too: a first visit's list
/// shows how it works.
pub fn due_follow_ups(ws: &Workspace, today: NaiveDate, owner: Option<&str>) -> Vec<DueFollowUp> {
    let mut due: Vec<DueFollowUp> = ws
        .deals
        .iter()
        .filter(|d| owner.is_none_or(|o| d.owner == o))
        .filter_map(|d| {
            let late = days_late(d, today)?;
            Some(DueFollowUp {
                deal_id: d.id.clone(),
                customer: d.customer.clone(),
                title: d.title.clone(),
                owner: d.owner.clone(),
                day: d.follow_up?,
                late,
            })
        })
        .collect();
    due.sort_by(|a, b| b.late.cmp(&a.late).then_with(|| a.customer.cmp(&b.customer)));
    due
}
