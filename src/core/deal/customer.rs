//! The customer's side of a deal's plan: tasks their people do, next to our milestones,
//! the next follow-up, and the dates a customer proposed in a reply, waiting for the seller.
//! Called from `command::apply`.

use chrono::NaiveDate;

use crate::core::command::{CommandError, Outcome};
use crate::core::deal::form::MAX_NAME_CHARS;
use crate::core::model::{CustomerTask, Deal, Id, Timestamp, Workspace};

/// A customer task's editable fields, as the form sends them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TaskFields {
    /// What the customer does; must not be blank.
    pub title: String,
    /// Who does it at the customer, by name; may be empty.
    pub contact: String,
    /// Their role; may be empty.
    pub role: String,
    /// The day it is due.
    pub due: NaiveDate,
}

impl TaskFields {
    /// The fields trimmed, or why they cannot be stored.
    fn checked(self) -> Result<TaskFields, CommandError> {
        let trim = |text: String| text.trim().to_owned();
        let fields = TaskFields { title: trim(self.title), contact: trim(self.contact), role: trim(self.role), due: self.due };
        if fields.title.is_empty() {
            return Err(CommandError::NameRequired);
        }
        if [&fields.title, &fields.contact, &fields.role].iter().any(|t| t.chars().count() > MAX_NAME_CHARS) {
            return Err(CommandError::TextTooLong(MAX_NAME_CHARS));
        }
        Ok(fields)
    }
}

fn deal_mut<'a>(ws: &'a mut Workspace, deal_id: &Id) -> Result<&'a mut Deal, CommandError> {
    ws.deal_mut(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))
}

fn task_mut<'a>(deal: &'a mut Deal, task_id: &Id) -> Result<&'a mut CustomerTask, CommandError> {
    deal.customer_tasks.iter_mut().find(|t| &t.id == task_id).ok_or_else(|| CommandError::UnknownTask(task_id.clone()))
}

/// Adds a task for the customer's side, kept in due-date order.
pub fn add_task(ws: &mut Workspace, deal_id: &Id, fields: TaskFields, now: Timestamp) -> Result<Outcome, CommandError> {
    let fields = fields.checked()?;
    deal_mut(ws, deal_id)?;
    let id = ws.mint_id();
    let deal = deal_mut(ws, deal_id)?;
    deal.customer_tasks.push(CustomerTask {
        id: id.clone(),
        title: fields.title,
        contact: fields.contact,
        role: fields.role,
        due: fields.due,
        done_at: None,
        updated_at: now,
    });
    deal.customer_tasks.sort_by_key(|t| t.due);
    deal.updated_at = now;
    Ok(Outcome::Created(id))
}

/// Changes a task's title, contact, role and due date; `Unchanged` when they are the same.
pub fn update_task(ws: &mut Workspace, deal_id: &Id, task_id: &Id, fields: TaskFields, now: Timestamp) -> Result<Outcome, CommandError> {
    let fields = fields.checked()?;
    let deal = deal_mut(ws, deal_id)?;
    let task = task_mut(deal, task_id)?;
    if (&task.title, &task.contact, &task.role, task.due) == (&fields.title, &fields.contact, &fields.role, fields.due) {
        return Ok(Outcome::Unchanged);
    }
    task.title = fields.title;
    task.contact = fields.contact;
    task.role = fields.role;
    task.due = fields.due;
    task.updated_at = now;
    deal.customer_tasks.sort_by_key(|t| t.due);
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Marks a task done (at `now`) or open again; `Unchanged` when it already is.
pub fn set_task_done(ws: &mut Workspace, deal_id: &Id, task_id: &Id, done: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = deal_mut(ws, deal_id)?;
    let task = task_mut(deal, task_id)?;
    if task.done_at.is_some() == done {
        return Ok(Outcome::Unchanged);
    }
    task.done_at = done.then_some(now);
    task.updated_at = now;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Removes a task (and any date proposed for it).
pub fn delete_task(ws: &mut Workspace, deal_id: &Id, task_id: &Id, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = deal_mut(ws, deal_id)?;
    task_mut(deal, task_id)?;
    deal.customer_tasks.retain(|t| &t.id != task_id);
    deal.proposals.retain(|p| &p.item_id != task_id);
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Plans the next follow-up (or none); `Unchanged` when it is the same day.
pub fn set_follow_up(ws: &mut Workspace, deal_id: &Id, date: Option<NaiveDate>, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = deal_mut(ws, deal_id)?;
    if deal.follow_up == date {
        return Ok(Outcome::Unchanged);
    }
    deal.follow_up = date;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// Accepts a proposed date (the step is rescheduled to it) or declines it; either way
/// the proposal stops waiting. A step that is gone by now only drops the proposal.
pub fn resolve_proposal(ws: &mut Workspace, deal_id: &Id, proposal_id: &Id, accept: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let proposal = deal.proposals.iter().find(|p| &p.id == proposal_id).cloned();
    let proposal = proposal.ok_or_else(|| CommandError::UnknownProposal(proposal_id.clone()))?;
    let is_milestone = ws.roadmap(&deal.roadmap_id).is_some_and(|r| r.find_milestone(&proposal.item_id).is_some());
    let deal = deal_mut(ws, deal_id)?;
    deal.proposals.retain(|p| &p.id != proposal_id);
    deal.updated_at = now;
    if accept && is_milestone {
        // The same rescheduling as a date set by hand in the plan.
        crate::core::command::set_milestone_due(ws, deal_id, proposal.item_id, Some(proposal.date), now)?;
    } else if accept {
        if let Some(task) = deal.customer_tasks.iter_mut().find(|t| t.id == proposal.item_id) {
            task.due = proposal.date;
            task.updated_at = now;
            deal.customer_tasks.sort_by_key(|t| t.due);
        }
    }
    Ok(Outcome::Changed)
}

/// The command that re-dates one step of a deal's plan: a milestone of its roadmap, or one
/// of its customer tasks (which keeps its other fields). `None` when the deal is unknown.
pub fn reschedule_step(ws: &Workspace, deal_id: &Id, step_id: &Id, due: Option<NaiveDate>) -> Option<crate::core::command::Command> {
    use crate::core::command::Command;
    let deal = ws.deal(deal_id)?;
    Some(match deal.customer_tasks.iter().find(|t| &t.id == step_id) {
        Some(task) => Command::UpdateCustomerTask {
            deal_id: deal_id.clone(),
            task_id: task.id.clone(),
            fields: TaskFields {
                title: task.title.clone(),
                contact: task.contact.clone(),
                role: task.role.clone(),
                due: due.unwrap_or(task.due),
            },
        },
        None => Command::SetMilestoneDue { deal_id: deal_id.clone(), milestone_id: step_id.clone(), due },
    })
}

/// The command that marks one step of a deal's plan done or open, milestone or customer task.
pub fn mark_step(ws: &Workspace, deal_id: &Id, step_id: &Id, done: bool) -> crate::core::command::Command {
    use crate::core::command::Command;
    let is_task = ws.deal(deal_id).is_some_and(|d| d.customer_tasks.iter().any(|t| &t.id == step_id));
    if is_task {
        Command::SetCustomerTaskDone { deal_id: deal_id.clone(), task_id: step_id.clone(), done }
    } else {
        Command::SetMilestoneDone { deal_id: deal_id.clone(), milestone_id: step_id.clone(), done }
    }
}
