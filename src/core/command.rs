//! Every change to a workspace is a `Command` applied by [`apply`].
//!
//! `apply` validates first and changes nothing when it refuses, so the shell
//! can show the typed error and the document stays exactly as it was.

use super::deal_form::{DealFields, FieldError};
use super::model::{Deal, DealStatus, Id, MilestoneProgress, StageEntry, Timestamp, Workspace};
use super::validate::{self, IntegrityError};

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    CreateDeal { roadmap_id: Id, fields: DealFields, sample: bool },
    UpdateDeal { deal_id: Id, fields: DealFields },
    MoveDeal { deal_id: Id, to_stage: Id },
    DeleteDeal { deal_id: Id },
    SetMilestoneDone { deal_id: Id, milestone_id: Id, done: bool },
    RemoveSamples,
    /// Replace the whole document (an import); checked like any imported file.
    ReplaceWorkspace(Box<Workspace>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommandError {
    Invalid(Vec<FieldError>),
    UnknownDeal(Id),
    UnknownRoadmap(Id),
    UnknownStage(Id),
    UnknownMilestone(Id),
    BrokenWorkspace(IntegrityError),
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Changed,
    Created(Id),
    /// Valid but nothing to do (e.g. a move to the stage the deal is already in).
    Unchanged,
}

pub fn apply(ws: &mut Workspace, command: Command, now: Timestamp) -> Result<Outcome, CommandError> {
    match command {
        Command::CreateDeal { roadmap_id, fields, sample } => create_deal(ws, roadmap_id, fields, sample, now),
        Command::UpdateDeal { deal_id, fields } => update_deal(ws, &deal_id, fields, now),
        Command::MoveDeal { deal_id, to_stage } => move_deal(ws, &deal_id, to_stage, now),
        Command::DeleteDeal { deal_id } => {
            let before = ws.deals.len();
            ws.deals.retain(|d| d.id != deal_id);
            if ws.deals.len() == before {
                return Err(CommandError::UnknownDeal(deal_id));
            }
            Ok(Outcome::Changed)
        }
        Command::SetMilestoneDone { deal_id, milestone_id, done } => {
            set_milestone_done(ws, &deal_id, milestone_id, done, now)
        }
        Command::RemoveSamples => {
            let before = ws.deals.len();
            ws.deals.retain(|d| !d.sample);
            Ok(if ws.deals.len() == before { Outcome::Unchanged } else { Outcome::Changed })
        }
        Command::ReplaceWorkspace(next) => {
            validate::check(&next).map_err(CommandError::BrokenWorkspace)?;
            *ws = *next;
            Ok(Outcome::Changed)
        }
    }
}

fn create_deal(
    ws: &mut Workspace,
    roadmap_id: Id,
    fields: DealFields,
    sample: bool,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    let roadmap = ws.roadmap(&roadmap_id).ok_or_else(|| CommandError::UnknownRoadmap(roadmap_id.clone()))?;
    let problems = fields.problems(roadmap);
    if !problems.is_empty() {
        return Err(CommandError::Invalid(problems));
    }
    let id = ws.mint_id();
    ws.deals.push(Deal {
        id: id.clone(),
        customer: fields.customer,
        title: fields.title,
        value_minor: fields.value_minor,
        currency: fields.currency,
        owner: fields.owner,
        expected_close: fields.expected_close,
        roadmap_id,
        stage_history: vec![StageEntry { stage_id: fields.stage_id.clone(), entered_at: now }],
        stage_id: fields.stage_id,
        status: DealStatus::Open,
        lost_reason: None,
        created_at: now,
        updated_at: now,
        milestones: Vec::new(),
        sample,
    });
    Ok(Outcome::Created(id))
}

fn update_deal(ws: &mut Workspace, deal_id: &Id, fields: DealFields, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let roadmap = ws
        .roadmap(&deal.roadmap_id)
        .ok_or_else(|| CommandError::UnknownRoadmap(deal.roadmap_id.clone()))?;
    let problems = fields.problems(roadmap);
    if !problems.is_empty() {
        return Err(CommandError::Invalid(problems));
    }
    let deal = ws.deal_mut(deal_id).expect("deal found above");
    if deal.stage_id != fields.stage_id {
        deal.stage_history.push(StageEntry { stage_id: fields.stage_id.clone(), entered_at: now });
    }
    deal.customer = fields.customer;
    deal.title = fields.title;
    deal.value_minor = fields.value_minor;
    deal.currency = fields.currency;
    deal.owner = fields.owner;
    deal.expected_close = fields.expected_close;
    deal.stage_id = fields.stage_id;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

fn move_deal(ws: &mut Workspace, deal_id: &Id, to_stage: Id, now: Timestamp) -> Result<Outcome, CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let roadmap = ws
        .roadmap(&deal.roadmap_id)
        .ok_or_else(|| CommandError::UnknownRoadmap(deal.roadmap_id.clone()))?;
    if roadmap.stage(&to_stage).is_none() {
        return Err(CommandError::UnknownStage(to_stage));
    }
    if deal.stage_id == to_stage {
        return Ok(Outcome::Unchanged);
    }
    let deal = ws.deal_mut(deal_id).expect("deal found above");
    deal.stage_history.push(StageEntry { stage_id: to_stage.clone(), entered_at: now });
    deal.stage_id = to_stage;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

fn set_milestone_done(
    ws: &mut Workspace,
    deal_id: &Id,
    milestone_id: Id,
    done: bool,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let on_roadmap = ws
        .roadmap(&deal.roadmap_id)
        .is_some_and(|r| r.stages.iter().any(|s| s.milestones.iter().any(|m| m.id == milestone_id)));
    if !on_roadmap {
        return Err(CommandError::UnknownMilestone(milestone_id));
    }
    let deal = ws.deal_mut(deal_id).expect("deal found above");
    let done_at = done.then_some(now);
    match deal.milestones.iter_mut().find(|p| p.milestone_id == milestone_id) {
        Some(progress) if progress.done_at.is_some() == done => return Ok(Outcome::Unchanged),
        Some(progress) => progress.done_at = done_at,
        None => deal.milestones.push(MilestoneProgress { milestone_id, done_at, due: None, owner: None }),
    }
    deal.updated_at = now;
    Ok(Outcome::Changed)
}
