//! The customer's reply to a shared plan: the tasks of theirs they ticked, new dates they
//! propose (with a note), and their rating of finished milestones. It comes back as a link
//! (`files::customer_link`); the seller sees what it changes, then merges it into the deal:
//! ticks mark the tasks done, ratings become feedback on the milestone, and proposed dates
//! wait for the seller to accept or decline them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::command::{CommandError, Outcome};
use crate::core::deal::exec::MAX_NOTE_CHARS;
use crate::core::deal::plan::day_of;
use crate::core::model::{DateProposal, Deal, Feedback, Id, Timestamp, Workspace};
use crate::core::text::Text;

/// A new date the customer proposes for one step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProposedDate {
    /// The step (milestone or customer task).
    #[serde(rename = "i")]
    pub step: Id,
    /// The day proposed.
    #[serde(rename = "d", with = "crate::core::ymd::day")]
    pub date: NaiveDate,
    /// Why; may be empty.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// The customer's rating of a finished milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    /// The milestone rated.
    #[serde(rename = "i")]
    pub milestone: Id,
    /// 1 (unhappy) to 5 (delighted).
    #[serde(rename = "r")]
    pub score: u8,
    /// What they said; may be empty.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

/// What the customer answered, for one shared plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerReply {
    /// The deal the plan was of.
    #[serde(rename = "id")]
    pub deal_id: Id,
    /// When the plan was shared (the "as of" the customer saw).
    #[serde(rename = "a")]
    pub shared_at: Timestamp,
    /// When the customer made the reply: marks it, so it is merged once.
    #[serde(rename = "r")]
    pub replied_at: Timestamp,
    /// Who replied, as they typed it; may be empty.
    #[serde(rename = "n", default, skip_serializing_if = "String::is_empty")]
    pub from: String,
    /// Their tasks they marked done.
    #[serde(rename = "k", default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<Id>,
    /// New dates they propose.
    #[serde(rename = "p", default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<ProposedDate>,
    /// Their ratings of finished milestones.
    #[serde(rename = "f", default, skip_serializing_if = "Vec::is_empty")]
    pub ratings: Vec<Rating>,
}

impl CustomerReply {
    /// Whether the customer changed nothing at all.
    pub fn is_empty(&self) -> bool {
        self.done.is_empty() && self.dates.is_empty() && self.ratings.is_empty()
    }

    /// Why the reply's own content cannot be right, whatever deal it meets: a score outside
    /// 1 to 5, a note over `MAX_NOTE_CHARS`, or a step named twice.
    pub fn problem(&self) -> Option<ReplyError> {
        if let Some(r) = self.ratings.iter().find(|r| !(1..=5).contains(&r.score)) {
            return Some(ReplyError::BadScore(r.score));
        }
        let long = |t: &str| t.chars().count() > MAX_NOTE_CHARS;
        if self.from.chars().count() > crate::core::deal::form::MAX_NAME_CHARS
            || self.ratings.iter().any(|r| long(&r.comment))
            || self.dates.iter().any(|d| long(&d.note))
        {
            return Some(ReplyError::TooLong);
        }
        let twice = |ids: Vec<&Id>| (1..ids.len()).any(|i| ids[..i].contains(&ids[i]));
        if twice(self.done.iter().collect())
            || twice(self.dates.iter().map(|d| &d.step).collect())
            || twice(self.ratings.iter().map(|r| &r.milestone).collect())
        {
            return Some(ReplyError::Repeated);
        }
        None
    }
}

/// Why a reply cannot be merged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplyError {
    /// No deal of this browser has the reply's id (deleted, or another team's plan).
    DealGone,
    /// This reply was merged before.
    AlreadyMerged,
    /// A rating outside 1 to 5.
    BadScore(u8),
    /// A name or note longer than the app accepts.
    TooLong,
    /// The same step twice in one list.
    Repeated,
}

/// One thing a reply changes, named for the seller.
#[derive(Clone, Debug, PartialEq)]
pub enum ReplyChange {
    /// The customer marked their task done.
    TaskDone {
        /// The task's title.
        title: String,
    },
    /// The customer proposes moving a step from `from` to `to`.
    NewDate {
        /// The step's title.
        title: Text,
        /// Its due day now, in the seller's plan.
        from: NaiveDate,
        /// The day proposed.
        to: NaiveDate,
        /// Why.
        note: String,
    },
    /// The customer rated a finished milestone.
    Rated {
        /// The milestone's title.
        title: Text,
        /// 1 to 5.
        score: u8,
        /// What they said.
        comment: String,
    },
}

/// What merging `reply` would change, in the reply's order (ticks, dates, ratings), and how
/// many of its items are about steps no longer on the plan (left out); or why it cannot be
/// merged. A tick on a task already done changes nothing and is not listed.
pub fn reply_changes(ws: &Workspace, reply: &CustomerReply, today: NaiveDate) -> Result<(Vec<ReplyChange>, usize), ReplyError> {
    if let Some(problem) = reply.problem() {
        return Err(problem);
    }
    let deal = ws.deal(&reply.deal_id).ok_or(ReplyError::DealGone)?;
    if deal.replies.contains(&reply.replied_at) {
        return Err(ReplyError::AlreadyMerged);
    }
    let roadmap = ws.roadmap(&deal.roadmap_id).ok_or(ReplyError::DealGone)?;
    let plan = crate::core::deal::plan::deal_plan(roadmap, deal, today);
    let mut changes = Vec::new();
    let mut gone = 0;
    for id in &reply.done {
        match deal.customer_tasks.iter().find(|t| &t.id == id) {
            Some(task) if task.done_at.is_none() => changes.push(ReplyChange::TaskDone { title: task.title.clone() }),
            Some(_) => {}
            None => gone += 1,
        }
    }
    for proposed in &reply.dates {
        let step = plan
            .milestones
            .iter()
            .find(|m| m.milestone_id == proposed.step)
            .map(|m| (m.title.clone(), m.due))
            .or_else(|| deal.customer_tasks.iter().find(|t| t.id == proposed.step).map(|t| (Text::plain(&t.title), t.due)));
        match step {
            Some((title, from)) => changes.push(ReplyChange::NewDate { title, from, to: proposed.date, note: proposed.note.clone() }),
            None => gone += 1,
        }
    }
    for rating in &reply.ratings {
        match roadmap.find_milestone(&rating.milestone) {
            Some((s, m)) if deal.is_milestone_done(&rating.milestone) => changes.push(ReplyChange::Rated {
                title: roadmap.stages[s].milestones[m].title.clone(),
                score: rating.score,
                comment: rating.comment.clone(),
            }),
            _ => gone += 1,
        }
    }
    Ok((changes, gone))
}

/// Merges `reply` into its deal, as [`reply_changes`] describes it: one change, one Undo.
pub fn merge_reply(ws: &mut Workspace, reply: CustomerReply, now: Timestamp) -> Result<Outcome, CommandError> {
    reply_changes(ws, &reply, day_of(now)).map_err(CommandError::ReplyRefused)?;
    let roadmap_milestone =
        |ws: &Workspace, deal: &Deal, id: &Id| ws.roadmap(&deal.roadmap_id).is_some_and(|r| r.find_milestone(id).is_some());
    let deal = ws.deal(&reply.deal_id).expect("checked by reply_changes").clone();
    let proposals: Vec<ProposedDate> = reply
        .dates
        .into_iter()
        .filter(|p| roadmap_milestone(ws, &deal, &p.step) || deal.customer_tasks.iter().any(|t| t.id == p.step))
        .collect();
    let ratings: Vec<Rating> = reply.ratings.into_iter().filter(|r| deal.is_milestone_done(&r.milestone)).collect();
    let ids: Vec<Id> = (0..proposals.len() + ratings.len()).map(|_| ws.mint_id()).collect();
    let (proposal_ids, feedback_ids) = ids.split_at(proposals.len());
    let day = day_of(reply.replied_at);
    let deal = ws.deal_mut(&reply.deal_id).expect("checked by reply_changes");
    for task in deal.customer_tasks.iter_mut().filter(|t| t.done_at.is_none() && reply.done.contains(&t.id)) {
        task.done_at = Some(reply.replied_at);
        task.updated_at = now;
    }
    for (proposal, id) in proposals.into_iter().zip(proposal_ids) {
        deal.proposals.push(DateProposal {
            id: id.clone(),
            item_id: proposal.step,
            date: proposal.date,
            note: proposal.note.trim().to_owned(),
            replied_at: reply.replied_at,
        });
    }
    for (rating, id) in ratings.into_iter().zip(feedback_ids) {
        deal.feedback.push(Feedback {
            id: id.clone(),
            milestone_id: Some(rating.milestone),
            satisfaction: rating.score,
            comment: rating.comment.trim().to_owned(),
            date: day,
        });
    }
    deal.feedback.sort_by_key(|f| std::cmp::Reverse(f.date));
    deal.replies.push(reply.replied_at);
    deal.updated_at = now;
    Ok(Outcome::Changed)
}
