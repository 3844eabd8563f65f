//! Every change to a workspace is a `Command` applied by [`apply`].
//!
//! `apply` validates first and changes nothing when it refuses, so the shell
//! can show the typed error and the document stays exactly as it was.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::core::analytics::goals::{self, GoalFields};
use crate::core::deal::exec;
use crate::core::deal::form::{DealFields, FieldError};
use crate::core::model::{ActivityKind, Deal, DealStatus, GateMode, Id, MilestoneProgress, Roadmap, StageEntry, Timestamp, Workspace};
use crate::core::roadmap::edit::{self as edit, MilestoneFields, RoadmapSource, StageFields};
use crate::core::text::Text;
use crate::core::validate::{self, IntegrityError};

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    CreateDeal {
        roadmap_id: Id,
        fields: DealFields,
        sample: bool,
    },
    /// `confirmed`: the person was told about an unmet stage gate and moves on anyway.
    UpdateDeal {
        deal_id: Id,
        fields: DealFields,
        confirmed: bool,
    },
    MoveDeal {
        deal_id: Id,
        to_stage: Id,
        confirmed: bool,
    },
    DeleteDeal {
        deal_id: Id,
    },
    SetMilestoneDone {
        deal_id: Id,
        milestone_id: Id,
        done: bool,
    },
    /// Reschedules one deal's milestone; `None` goes back to the roadmap's plan.
    SetMilestoneDue {
        deal_id: Id,
        milestone_id: Id,
        due: Option<NaiveDate>,
    },
    RemoveSamples,
    /// Replace the whole document (an import); checked like any imported file.
    ReplaceWorkspace(Box<Workspace>),

    AddStage {
        roadmap_id: Id,
        name: Text,
    },
    UpdateStage {
        roadmap_id: Id,
        stage_id: Id,
        fields: StageFields,
    },
    /// `move_deals_to` is required when the stage holds deals.
    DeleteStage {
        roadmap_id: Id,
        stage_id: Id,
        move_deals_to: Option<Id>,
    },
    MoveStage {
        roadmap_id: Id,
        stage_id: Id,
        to_index: usize,
    },
    AddMilestone {
        roadmap_id: Id,
        stage_id: Id,
        title: Text,
    },
    UpdateMilestone {
        roadmap_id: Id,
        milestone_id: Id,
        fields: MilestoneFields,
    },
    DeleteMilestone {
        roadmap_id: Id,
        milestone_id: Id,
    },
    MoveMilestone {
        roadmap_id: Id,
        milestone_id: Id,
        to_index: usize,
    },
    CreateRoadmap {
        source: RoadmapSource,
        name: Text,
    },
    RenameRoadmap {
        roadmap_id: Id,
        name: Text,
    },
    DeleteRoadmap {
        roadmap_id: Id,
    },
    SetActiveRoadmap {
        roadmap_id: Id,
    },
    SetGateMode(GateMode),

    /// Won, or lost with one of the workspace's lost reasons.
    CloseDeal {
        deal_id: Id,
        won: bool,
        reason: Option<Id>,
        note: String,
    },
    ReopenDeal {
        deal_id: Id,
    },
    AddActivity {
        deal_id: Id,
        kind: ActivityKind,
        date: NaiveDate,
        who: String,
        notes: String,
    },
    AddFeedback {
        deal_id: Id,
        milestone_id: Option<Id>,
        satisfaction: u8,
        comment: String,
        date: NaiveDate,
    },
    /// Removes one activity or feedback entry.
    RemoveEntry {
        deal_id: Id,
        entry_id: Id,
    },
    SetDealTags {
        deal_id: Id,
        tags: Vec<String>,
    },
    AddLostReason {
        label: Text,
    },
    RemoveLostReason {
        reason_id: Id,
    },
    AddGoal(GoalFields),
    UpdateGoal {
        goal_id: Id,
        fields: GoalFields,
    },
    DeleteGoal {
        goal_id: Id,
    },
}

impl Command {
    /// The same command, confirmed past an unmet stage gate (other commands are unchanged).
    pub fn confirmed_past_gate(self) -> Command {
        match self {
            Command::MoveDeal { deal_id, to_stage, .. } => Command::MoveDeal { deal_id, to_stage, confirmed: true },
            Command::UpdateDeal { deal_id, fields, .. } => Command::UpdateDeal { deal_id, fields, confirmed: true },
            other => other,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum CommandError {
    Invalid(Vec<FieldError>),
    UnknownDeal(Id),
    UnknownRoadmap(Id),
    UnknownStage(Id),
    UnknownMilestone(Id),
    BrokenWorkspace(IntegrityError),
    NameRequired,
    ProbabilityOutOfRange(u8),
    DaysOutOfRange(u32),
    /// A roadmap keeps at least one stage.
    LastStage,
    /// The stage holds this many deals; say where they go.
    StageHasDeals(usize),
    LastRoadmap,
    RoadmapHasDeals(usize),
    /// The deal would leave a gated stage with these required milestones open.
    /// With `can_confirm` the person may be asked and move it anyway.
    GateUnmet {
        stage: Id,
        missing: Vec<Id>,
        can_confirm: bool,
    },
    /// A lost deal needs a reason.
    ReasonRequired,
    UnknownReason(Id),
    /// The reason is on this many deals.
    ReasonInUse(usize),
    SatisfactionOutOfRange(u8),
    UnknownEntry(Id),
    /// Longer than this many characters.
    TextTooLong(usize),
    NegativeTarget,
    PeriodReversed,
    UnknownGoal(Id),
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
    // Roadmaps and goals carry the time of their last change, for merging files.
    let (roadmap, goal) = (command.edited_roadmap().cloned(), command.edited_goal().cloned());
    let outcome = apply_command(ws, command, now)?;
    if matches!(outcome, Outcome::Changed | Outcome::Created(_)) {
        if let Some(r) = roadmap.and_then(|id| ws.roadmap_mut(&id)) {
            r.updated_at = now;
        }
        if let Some(g) = goal.and_then(|id| ws.goals.iter_mut().find(|g| g.id == id)) {
            g.updated_at = now;
        }
        if let Outcome::Created(id) = &outcome {
            if let Some(r) = ws.roadmap_mut(id) {
                r.updated_at = now;
            }
            if let Some(g) = ws.goals.iter_mut().find(|g| &g.id == id) {
                g.updated_at = now;
            }
        }
    }
    Ok(outcome)
}

impl Command {
    /// The roadmap whose name, stages or milestones this command changes.
    fn edited_roadmap(&self) -> Option<&Id> {
        match self {
            Command::AddStage { roadmap_id, .. }
            | Command::UpdateStage { roadmap_id, .. }
            | Command::DeleteStage { roadmap_id, .. }
            | Command::MoveStage { roadmap_id, .. }
            | Command::AddMilestone { roadmap_id, .. }
            | Command::UpdateMilestone { roadmap_id, .. }
            | Command::DeleteMilestone { roadmap_id, .. }
            | Command::MoveMilestone { roadmap_id, .. }
            | Command::RenameRoadmap { roadmap_id, .. } => Some(roadmap_id),
            _ => None,
        }
    }

    fn edited_goal(&self) -> Option<&Id> {
        match self {
            Command::UpdateGoal { goal_id, .. } => Some(goal_id),
            _ => None,
        }
    }
}

fn apply_command(ws: &mut Workspace, command: Command, now: Timestamp) -> Result<Outcome, CommandError> {
    match command {
        Command::CreateDeal { roadmap_id, fields, sample } => create_deal(ws, roadmap_id, fields, sample, now),
        Command::UpdateDeal { deal_id, fields, confirmed } => update_deal(ws, &deal_id, fields, confirmed, now),
        Command::MoveDeal { deal_id, to_stage, confirmed } => move_deal(ws, &deal_id, to_stage, confirmed, now),
        Command::DeleteDeal { deal_id } => {
            let before = ws.deals.len();
            ws.deals.retain(|d| d.id != deal_id);
            if ws.deals.len() == before {
                return Err(CommandError::UnknownDeal(deal_id));
            }
            Ok(Outcome::Changed)
        }
        Command::SetMilestoneDone { deal_id, milestone_id, done } => set_milestone_done(ws, &deal_id, milestone_id, done, now),
        Command::SetMilestoneDue { deal_id, milestone_id, due } => set_milestone_due(ws, &deal_id, milestone_id, due, now),
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
        Command::AddStage { roadmap_id, name } => edit::add_stage(ws, &roadmap_id, name),
        Command::UpdateStage { roadmap_id, stage_id, fields } => edit::update_stage(ws, &roadmap_id, &stage_id, fields),
        Command::DeleteStage { roadmap_id, stage_id, move_deals_to } => {
            edit::delete_stage(ws, &roadmap_id, &stage_id, move_deals_to.as_ref(), now)
        }
        Command::MoveStage { roadmap_id, stage_id, to_index } => edit::move_stage(ws, &roadmap_id, &stage_id, to_index),
        Command::AddMilestone { roadmap_id, stage_id, title } => edit::add_milestone(ws, &roadmap_id, &stage_id, title),
        Command::UpdateMilestone { roadmap_id, milestone_id, fields } => edit::update_milestone(ws, &roadmap_id, &milestone_id, fields),
        Command::DeleteMilestone { roadmap_id, milestone_id } => edit::delete_milestone(ws, &roadmap_id, &milestone_id),
        Command::MoveMilestone { roadmap_id, milestone_id, to_index } => edit::move_milestone(ws, &roadmap_id, &milestone_id, to_index),
        Command::CreateRoadmap { source, name } => edit::create_roadmap(ws, source, name),
        Command::RenameRoadmap { roadmap_id, name } => edit::rename_roadmap(ws, &roadmap_id, name),
        Command::DeleteRoadmap { roadmap_id } => edit::delete_roadmap(ws, &roadmap_id),
        Command::SetActiveRoadmap { roadmap_id } => {
            if ws.roadmap(&roadmap_id).is_none() {
                return Err(CommandError::UnknownRoadmap(roadmap_id));
            }
            if ws.settings.active_roadmap.as_ref() == Some(&roadmap_id) {
                return Ok(Outcome::Unchanged);
            }
            ws.settings.active_roadmap = Some(roadmap_id);
            Ok(Outcome::Changed)
        }
        Command::CloseDeal { deal_id, won, reason, note } => exec::close_deal(ws, &deal_id, won, reason, note, now),
        Command::ReopenDeal { deal_id } => exec::reopen_deal(ws, &deal_id, now),
        Command::AddActivity { deal_id, kind, date, who, notes } => exec::add_activity(ws, &deal_id, kind, date, who, notes, now),
        Command::AddFeedback { deal_id, milestone_id, satisfaction, comment, date } => {
            exec::add_feedback(ws, &deal_id, milestone_id, satisfaction, comment, date, now)
        }
        Command::RemoveEntry { deal_id, entry_id } => exec::remove_entry(ws, &deal_id, &entry_id, now),
        Command::SetDealTags { deal_id, tags } => exec::set_tags(ws, &deal_id, tags, now),
        Command::AddLostReason { label } => exec::add_lost_reason(ws, label),
        Command::RemoveLostReason { reason_id } => exec::remove_lost_reason(ws, &reason_id),
        Command::AddGoal(fields) => goals::add_goal(ws, fields),
        Command::UpdateGoal { goal_id, fields } => goals::update_goal(ws, &goal_id, fields),
        Command::DeleteGoal { goal_id } => goals::delete_goal(ws, &goal_id),
        Command::SetGateMode(mode) => {
            if ws.settings.gate_mode == mode {
                return Ok(Outcome::Unchanged);
            }
            ws.settings.gate_mode = mode;
            Ok(Outcome::Changed)
        }
    }
}

/// Refuses a forward move out of a gated stage while its required milestones are open.
/// Moving back is always allowed: it never skips work.
fn check_gate(ws: &Workspace, deal: &Deal, to_stage: &Id, confirmed: bool) -> Result<(), CommandError> {
    let Some(roadmap) = ws.roadmap(&deal.roadmap_id) else { return Ok(()) };
    let (Some(from), Some(to)) = (roadmap.stage_index(&deal.stage_id), roadmap.stage_index(to_stage)) else {
        return Ok(());
    };
    let stage = &roadmap.stages[from];
    if to <= from || !stage.gate {
        return Ok(());
    }
    let missing: Vec<Id> = stage.unmet_requirements(deal).map(|m| m.id.clone()).collect();
    let can_confirm = ws.settings.gate_mode == GateMode::Confirm;
    if missing.is_empty() || (confirmed && can_confirm) {
        return Ok(());
    }
    Err(CommandError::GateUnmet { stage: stage.id.clone(), missing, can_confirm })
}

fn create_deal(ws: &mut Workspace, roadmap_id: Id, fields: DealFields, sample: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    let roadmap = ws.roadmap(&roadmap_id).ok_or_else(|| CommandError::UnknownRoadmap(roadmap_id.clone()))?;
    let problems = fields.problems(roadmap);
    if !problems.is_empty() {
        return Err(CommandError::Invalid(problems));
    }
    let id = ws.mint_id();
    ws.deals.push(Arc::new(Deal {
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
        close_note: String::new(),
        closed_at: None,
        tags: fields.tags,
        activities: Vec::new(),
        feedback: Vec::new(),
        created_at: now,
        updated_at: now,
        milestones: Vec::new(),
        sample,
    }));
    Ok(Outcome::Created(id))
}

fn deal_and_roadmap<'a>(ws: &'a Workspace, deal_id: &Id) -> Result<(&'a Deal, &'a Roadmap), CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let roadmap = ws.roadmap(&deal.roadmap_id).ok_or_else(|| CommandError::UnknownRoadmap(deal.roadmap_id.clone()))?;
    Ok((deal, roadmap))
}

fn update_deal(ws: &mut Workspace, deal_id: &Id, fields: DealFields, confirmed: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    let (deal, roadmap) = deal_and_roadmap(ws, deal_id)?;
    let problems = fields.problems(roadmap);
    if !problems.is_empty() {
        return Err(CommandError::Invalid(problems));
    }
    check_gate(ws, deal, &fields.stage_id, confirmed)?;
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
    deal.tags = fields.tags;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

fn move_deal(ws: &mut Workspace, deal_id: &Id, to_stage: Id, confirmed: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    let (deal, roadmap) = deal_and_roadmap(ws, deal_id)?;
    if roadmap.stage(&to_stage).is_none() {
        return Err(CommandError::UnknownStage(to_stage));
    }
    if deal.stage_id == to_stage {
        return Ok(Outcome::Unchanged);
    }
    check_gate(ws, deal, &to_stage, confirmed)?;
    let deal = ws.deal_mut(deal_id).expect("deal found above");
    deal.stage_history.push(StageEntry { stage_id: to_stage.clone(), entered_at: now });
    deal.stage_id = to_stage;
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

/// The milestone must be on the deal's roadmap.
fn check_deal_milestone(ws: &Workspace, deal_id: &Id, milestone_id: &Id) -> Result<(), CommandError> {
    let deal = ws.deal(deal_id).ok_or_else(|| CommandError::UnknownDeal(deal_id.clone()))?;
    let on_roadmap = ws.roadmap(&deal.roadmap_id).is_some_and(|r| r.find_milestone(milestone_id).is_some());
    if on_roadmap {
        Ok(())
    } else {
        Err(CommandError::UnknownMilestone(milestone_id.clone()))
    }
}

fn set_milestone_due(
    ws: &mut Workspace,
    deal_id: &Id,
    milestone_id: Id,
    due: Option<NaiveDate>,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    check_deal_milestone(ws, deal_id, &milestone_id)?;
    let deal = ws.deal_mut(deal_id).expect("deal checked above");
    match deal.milestones.iter_mut().find(|p| p.milestone_id == milestone_id) {
        Some(progress) if progress.due == due => return Ok(Outcome::Unchanged),
        Some(progress) => progress.due = due,
        None if due.is_none() => return Ok(Outcome::Unchanged),
        None => deal.milestones.push(MilestoneProgress { milestone_id, done_at: None, due, owner: None }),
    }
    deal.updated_at = now;
    Ok(Outcome::Changed)
}

fn set_milestone_done(ws: &mut Workspace, deal_id: &Id, milestone_id: Id, done: bool, now: Timestamp) -> Result<Outcome, CommandError> {
    check_deal_milestone(ws, deal_id, &milestone_id)?;
    let deal = ws.deal_mut(deal_id).expect("deal checked above");
    let done_at = done.then_some(now);
    match deal.milestones.iter_mut().find(|p| p.milestone_id == milestone_id) {
        Some(progress) if progress.done_at.is_some() == done => return Ok(Outcome::Unchanged),
        Some(progress) => progress.done_at = done_at,
        None => deal.milestones.push(MilestoneProgress { milestone_id, done_at, due: None, owner: None }),
    }
    deal.updated_at = now;
    Ok(Outcome::Changed)
}
