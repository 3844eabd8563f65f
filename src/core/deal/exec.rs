//! What a seller does with a deal day to day: log activities, record the
//! customer's feedback, tag segments, close it as won or lost, reopen it.
//! Called from `command::apply`.

use chrono::NaiveDate;

use crate::core::command::{CommandError, Outcome};
use crate::core::model::{Activity, ActivityKind, DealStatus, Feedback, Id, LostReason, Timestamp, Workspace};
use crate::core::text::Text;

/// Longest close note, activity note or feedback comment accepted, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
pub use crate::core::deal::form::MAX_TAG_CHARS;

fn too_long(text: &str, limit: usize) -> Result<(), CommandError> {
    if text.chars().count() > limit {
        Err(CommandError::TextTooLong(limit))
    } else {
        Ok(())
    }
}

fn deal_mut<'a>(ws: &'a mut Workspace, deal_id: &Id) -> Result<&'a mut crate::core::model::Deal, CommandError> {
    ws.deal_mut(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))
}

/// Closes a deal. A lost deal needs one of the workspace's lost reasons.
pub fn close_deal(
    ws: &mut Workspace,
    deal_id: &Id,
    won: bool,
    reason: Option<Id>,
    note: String,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    too_long(&note, MAX_NOTE_CHARS)?;
    let reason = match (won, reason) {
        (true, _) => None,
        (false, None) => return Err(CommandError::ReasonRequired),
        (false, Some(id)) if ws.settings.lost_reasons.iter().any(|r| r.id == id) => Some(id),
        (false, Some(id)) => return Err(CommandError::UnknownReason(id)),
    };
    let deal = deal_mut(ws, deal_id)?;
    deal.status = if won { DealStatus::Won } else { DealStatus::Lost };
    deal.lost_reason = reason;
    deal.close_note = note.trim().to_owned();
    deal.closed_at = Some(now);
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Back to open, in the stage it was closed in; the outcome and reason are cleared.
pub fn reopen_deal(ws: &mut Workspace, deal_id: &Id, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = deal_mut(ws, deal_id)?;
    if deal.status == DealStatus::Open {
        return Ok(Outcome::Unchanged);
    }
    deal.status = DealStatus::Open;
    deal.lost_reason = None;
    deal.closed_at = None;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Logs an activity on a deal, keeping the log newest first. Fails when the deal is unknown or `who` or `notes` is too long.
pub fn add_activity(
    ws: &mut Workspace,
    deal_id: &Id,
    kind: ActivityKind,
    date: NaiveDate,
    who: String,
    notes: String,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    too_long(&who, crate::core::deal::form::MAX_NAME_CHARS)?;
    too_long(&notes, MAX_NOTE_CHARS)?;
    deal_mut(ws, deal_id)?;
    let id = ws.mint_id();
    let deal = deal_mut(ws, deal_id)?;
    deal.activities.push(Activity { id: id.clone(), kind, date, who: who.trim().to_owned(), notes: notes.trim().to_owned() });
    // Newest first is how a log is read.
    deal.activities.sort_by_key(|a| std::cmp::Reverse(a.date));
    deal.updated_at = now;
    Ok(Outcome::Created(id))
}

/// Records the customer's feedback on a deal, newest first. `satisfaction` must be 1 to 5, and `milestone_id`,
/// when given, a milestone on the deal's roadmap.
pub fn add_feedback(
    ws: &mut Workspace,
    deal_id: &Id,
    milestone_id: Option<Id>,
    satisfaction: u8,
    comment: String,
    date: NaiveDate,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    if !(1..=5).contains(&satisfaction) {
        return Err(CommandError::SatisfactionOutOfRange(satisfaction));
    }
    too_long(&comment, MAX_NOTE_CHARS)?;
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    if let Some(milestone) = &milestone_id {
        let known = ws.roadmap(&deal.roadmap_id).is_some_and(|r| r.find_milestone(milestone).is_some());
        if !known {
            return Err(CommandError::UnknownMilestone(milestone.clone()));
        }
    }
    let id = ws.mint_id();
    let deal = deal_mut(ws, deal_id)?;
    deal.feedback.push(Feedback { id: id.clone(), milestone_id, satisfaction, comment: comment.trim().to_owned(), date });
    deal.feedback.sort_by_key(|f| std::cmp::Reverse(f.date));
    deal.updated_at = now;
    Ok(Outcome::Created(id))
}

/// Removes an activity or a feedback entry of a deal, whichever `entry_id` names.
pub fn remove_entry(ws: &mut Workspace, deal_id: &Id, entry_id: &Id, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = deal_mut(ws, deal_id)?;
    let before = deal.activities.len() + deal.feedback.len();
    deal.activities.retain(|a| &a.id != entry_id);
    deal.feedback.retain(|f| &f.id != entry_id);
    if deal.activities.len() + deal.feedback.len() == before {
        return Err(CommandError::UnknownEntry(entry_id.clone()));
    }
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Sets a deal's segments: trimmed, blank ones dropped, each once (ignoring case).
pub fn set_tags(ws: &mut Workspace, deal_id: &Id, tags: Vec<String>, now: Timestamp) -> Result<Outcome, CommandError> {
    let clean = crate::core::deal::form::clean_tags(tags);
    for tag in &clean {
        too_long(tag, MAX_TAG_CHARS)?;
    }
    let deal = deal_mut(ws, deal_id)?;
    if deal.tags == clean {
        return Ok(Outcome::Unchanged);
    }
    deal.tags = clean;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Adds a reason to the team's list of lost reasons; its label must not be blank.
pub fn add_lost_reason(ws: &mut Workspace, label: Text) -> Result<Outcome, CommandError> {
    if label.is_blank() {
        return Err(CommandError::NameRequired);
    }
    let id = ws.mint_id();
    ws.settings.lost_reasons.push(LostReason { id: id.clone(), label });
    Ok(Outcome::Created(id))
}

/// Removes a reason no deal uses (a used one would leave those deals without a reason).
pub fn remove_lost_reason(ws: &mut Workspace, reason_id: &Id) -> Result<Outcome, CommandError> {
    if !ws.settings.lost_reasons.iter().any(|r| &r.id == reason_id) {
        return Err(CommandError::UnknownReason(reason_id.clone()));
    }
    let used = ws.deals.iter().filter(|d| d.lost_reason.as_ref() == Some(reason_id)).count();
    if used > 0 {
        return Err(CommandError::ReasonInUse(used));
    }
    ws.settings.lost_reasons.retain(|r| &r.id != reason_id);
    Ok(Outcome::Changed)
}
