//! Every change to a workspace is a `Command` applied by [`apply`].
//!
//! `apply` validates first and changes nothing when it refuses, so the shell
//! can show the typed error and the document stays exactly as it was.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::core::analytics::goals::{self, GoalFields};
use crate::core::deal::customer::{self, TaskFields};
use crate::core::deal::form::{DealFields, FieldError};
use crate::core::deal::reply::{self, CustomerReply, ReplyError};
use crate::core::deal::{exec, team};
use crate::core::marks::Marks;
use crate::core::model::{ActivityKind, Deal, DealStatus, GateMode, Id, MilestoneProgress, Roadmap, StageEntry, Timestamp, Workspace};
use crate::core::roadmap::edit::{self as edit, MilestoneFields, RoadmapSource, StageFields};
use crate::core::text::Text;
use crate::core::validate::{self, IntegrityError};

/// One change to a workspace, as the shell asks for it; [`apply`] checks it and carries it out.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds an open deal to a roadmap, entering the stage in `fields` now.
    /// Refused when the roadmap is unknown or the fields have problems (`Invalid`).
    CreateDeal {
        /// The roadmap the deal follows.
        roadmap_id: Id,
        /// What the person filled in, including the stage the deal starts in.
        fields: DealFields,
        /// Marks a sample deal, shown on a first visit and removed by `RemoveSamples`.
        sample: bool,
    },
    /// `confirmed`: the person was told about an unmet stage gate and moves on anyway.
    UpdateDeal {
        /// The deal to change.
        deal_id: Id,
        /// Its new fields; a new stage is recorded in the stage history and must pass the stage gate.
        fields: DealFields,
        /// The person confirmed moving past an unmet stage gate; honoured only in `GateMode::Confirm`.
        confirmed: bool,
    },
    /// Moves a deal to another stage of its roadmap, recording when it entered; `Unchanged` when it is already there.
    /// Refused for a stage not on the roadmap, or a forward move out of a gated stage with required milestones open (`GateUnmet`).
    MoveDeal {
        /// The deal to move.
        deal_id: Id,
        /// The stage it moves to; must be on the deal's roadmap.
        to_stage: Id,
        /// The person confirmed moving past an unmet stage gate; honoured only in `GateMode::Confirm`.
        confirmed: bool,
    },
    /// Removes a deal with its activities, feedback and milestone progress; refused when the id is unknown.
    DeleteDeal {
        /// The deal to remove.
        deal_id: Id,
    },
    /// Marks a deal's milestone done (at the command's time) or open again; `Unchanged` when it already is.
    /// Refused when the milestone is not on the deal's roadmap.
    SetMilestoneDone {
        /// The deal whose progress changes.
        deal_id: Id,
        /// A milestone on the deal's roadmap.
        milestone_id: Id,
        /// Done, or back to open.
        done: bool,
    },
    /// Reschedules one deal's milestone; `None` goes back to the roadmap's plan.
    SetMilestoneDue {
        /// The deal whose milestone is rescheduled.
        deal_id: Id,
        /// A milestone on the deal's roadmap; any other is refused.
        milestone_id: Id,
        /// The new due date for this deal only.
        due: Option<NaiveDate>,
    },
    /// Removes every sample deal and goal; `Unchanged` when there are none.
    RemoveSamples,
    /// Replace the whole document (an import); checked like any imported file.
    ReplaceWorkspace(Box<Workspace>),
    /// A spreadsheet's rows, as `files::sheet::plan_import` planned them: new stages, new
    /// deals and updated ones, in one change (one Undo). Gates do not stop it.
    ImportSheet(Box<crate::core::files::sheet::SheetImport>),

    /// Appends a stage to the end of a roadmap, with default settings; refused when the name is blank.
    AddStage {
        /// The roadmap to extend.
        roadmap_id: Id,
        /// The new stage's name; must not be blank.
        name: Text,
    },
    /// Replaces a stage's editable fields; `Unchanged` when they are the same. Refused when the name is blank,
    /// the win probability is over 100 or the target days are outside 1 to `MAX_DAYS`.
    UpdateStage {
        /// The roadmap that holds the stage.
        roadmap_id: Id,
        /// The stage to change.
        stage_id: Id,
        /// Its new fields.
        fields: StageFields,
    },
    /// `move_deals_to` is required when the stage holds deals.
    DeleteStage {
        /// The roadmap that holds the stage.
        roadmap_id: Id,
        /// The stage to remove; a roadmap's last stage is refused (`LastStage`).
        stage_id: Id,
        /// Another stage of the same roadmap, which the stage's deals enter now.
        move_deals_to: Option<Id>,
    },
    /// Moves a stage to another position in its roadmap; deals stay in their stage.
    MoveStage {
        /// The roadmap that holds the stage.
        roadmap_id: Id,
        /// The stage to move.
        stage_id: Id,
        /// The new position, counted from 0; past the end means last.
        to_index: usize,
    },
    /// Appends an optional milestone to a stage, due at the stage's target days; refused when the title is blank.
    AddMilestone {
        /// The roadmap that holds the stage.
        roadmap_id: Id,
        /// The stage that gets the milestone.
        stage_id: Id,
        /// The milestone's title; must not be blank.
        title: Text,
    },
    /// Replaces a milestone's editable fields; `Unchanged` when they are the same.
    /// Refused when the title is blank or the day offset is over `MAX_DAYS`.
    UpdateMilestone {
        /// The roadmap that holds the milestone.
        roadmap_id: Id,
        /// The milestone to change.
        milestone_id: Id,
        /// Its new fields.
        fields: MilestoneFields,
    },
    /// Removes a milestone from its stage, together with every deal's progress on it.
    DeleteMilestone {
        /// The roadmap that holds the milestone.
        roadmap_id: Id,
        /// The milestone to remove.
        milestone_id: Id,
    },
    /// Moves a milestone to another position within its own stage.
    MoveMilestone {
        /// The roadmap that holds the milestone.
        roadmap_id: Id,
        /// The milestone to move.
        milestone_id: Id,
        /// The new position in its stage, counted from 0; past the end means last.
        to_index: usize,
    },
    /// Adds a roadmap built from a template or copied from another (with fresh ids) and makes it the active one.
    /// Refused when the name is blank or the roadmap to copy is unknown.
    CreateRoadmap {
        /// The template or roadmap it starts from.
        source: RoadmapSource,
        /// The new roadmap's name; must not be blank.
        name: Text,
    },
    /// Renames a roadmap; refused when the name is blank, `Unchanged` when it is the same.
    RenameRoadmap {
        /// The roadmap to rename.
        roadmap_id: Id,
        /// Its new name; must not be blank.
        name: Text,
    },
    /// Removes a roadmap; refused for the last one (`LastRoadmap`) or one that deals still follow (`RoadmapHasDeals`).
    /// Goals limited to it then count every roadmap.
    DeleteRoadmap {
        /// The roadmap to remove.
        roadmap_id: Id,
    },
    /// Chooses the roadmap the board and designer show; refused when the id is unknown.
    SetActiveRoadmap {
        /// The roadmap to show.
        roadmap_id: Id,
    },
    /// Chooses what a forward move out of a gated stage with required milestones open does: refused, or asked.
    SetGateMode(GateMode),

    /// Won, or lost with one of the workspace's lost reasons.
    CloseDeal {
        /// The deal to close.
        deal_id: Id,
        /// Won, or else lost.
        won: bool,
        /// One of the workspace's lost reasons: required when lost (`ReasonRequired`), ignored when won.
        reason: Option<Id>,
        /// The seller's note on the outcome; trimmed, at most `MAX_NOTE_CHARS` characters.
        note: String,
    },
    /// Makes a closed deal open again in the stage it closed in, clearing its outcome and lost reason;
    /// `Unchanged` when it is open already.
    ReopenDeal {
        /// The deal to reopen.
        deal_id: Id,
    },
    /// Logs an activity on a deal, keeping its log newest first; refused when `who` or `notes` is too long.
    AddActivity {
        /// The deal it was for.
        deal_id: Id,
        /// What kind of activity it was.
        kind: ActivityKind,
        /// The day it took place.
        date: NaiveDate,
        /// Who took part; trimmed, at most `MAX_NAME_CHARS` characters.
        who: String,
        /// What happened; trimmed, at most `MAX_NOTE_CHARS` characters.
        notes: String,
        /// The next follow-up planned while logging it; none leaves the deal's follow-up as it is.
        follow_up: Option<NaiveDate>,
    },
    /// Records the customer's feedback on a deal, keeping it newest first. Refused when the score is outside 1 to 5,
    /// the comment is too long or the milestone is not on the deal's roadmap.
    AddFeedback {
        /// The deal the feedback is about.
        deal_id: Id,
        /// The milestone it is about, if any; must be on the deal's roadmap.
        milestone_id: Option<Id>,
        /// How satisfied the customer is, from 1 (unhappy) to 5 (delighted).
        satisfaction: u8,
        /// What the customer said; trimmed, at most `MAX_NOTE_CHARS` characters.
        comment: String,
        /// The day it was given.
        date: NaiveDate,
    },
    /// Removes one activity or feedback entry.
    RemoveEntry {
        /// The deal the entry belongs to.
        deal_id: Id,
        /// The activity or feedback entry to remove.
        entry_id: Id,
    },
    /// Replaces a deal's segments (trimmed, blank ones dropped, each kept once ignoring case); `Unchanged` when they are the same.
    /// Refused when one is longer than `MAX_TAG_CHARS`.
    SetDealTags {
        /// The deal to tag.
        deal_id: Id,
        /// Its segments, as typed.
        tags: Vec<String>,
    },
    /// Adds a reason to the team's list of lost reasons; refused when the label is blank.
    AddLostReason {
        /// The reason as people see it; must not be blank.
        label: Text,
    },
    /// Removes a lost reason; refused while any deal names it (`ReasonInUse`).
    RemoveLostReason {
        /// The reason to remove.
        reason_id: Id,
    },
    /// Adds a goal; refused when the target is negative, the period ends before it starts or its roadmap is unknown.
    AddGoal(GoalFields),
    /// Replaces a goal's settings, with the same checks as `AddGoal`.
    UpdateGoal {
        /// The goal to change.
        goal_id: Id,
        /// Its new settings.
        fields: GoalFields,
    },
    /// Removes a goal; refused when the id is unknown.
    DeleteGoal {
        /// The goal to remove.
        goal_id: Id,
    },
    /// Puts someone on the team list; refused when the name is blank or on the team already.
    AddMember {
        /// Their name, as typed.
        name: String,
    },
    /// Renames someone on every deal, milestone and goal they own, and on the team list.
    RenameMember {
        /// The name now.
        from: String,
        /// The name it becomes; refused when blank or someone else's.
        to: String,
    },
    /// Retires someone, or brings them back.
    RetireMember {
        /// Their name.
        name: String,
        /// Retired (no longer offered as an owner) or back on the team.
        retired: bool,
    },

    /// Adds a task for the customer's side of a deal's plan; refused when the title is blank or a field too long.
    AddCustomerTask {
        /// The deal whose plan gets the task.
        deal_id: Id,
        /// What, who and when.
        fields: TaskFields,
    },
    /// Changes a customer task; same checks as `AddCustomerTask`.
    UpdateCustomerTask {
        /// The deal the task belongs to.
        deal_id: Id,
        /// The task to change.
        task_id: Id,
        /// Its new fields.
        fields: TaskFields,
    },
    /// Marks a customer task done or open again.
    SetCustomerTaskDone {
        /// The deal the task belongs to.
        deal_id: Id,
        /// The task.
        task_id: Id,
        /// Done, or back to open.
        done: bool,
    },
    /// Removes a customer task.
    DeleteCustomerTask {
        /// The deal the task belongs to.
        deal_id: Id,
        /// The task to remove.
        task_id: Id,
    },
    /// Plans a deal's next follow-up, or clears it.
    SetFollowUp {
        /// The deal to follow up.
        deal_id: Id,
        /// The day; none for no follow-up.
        date: Option<NaiveDate>,
    },
    /// Merges a customer's reply into its deal (`deal::reply`); refused when the deal is gone
    /// or the reply was merged before (`ReplyRefused`).
    MergeReply(Box<CustomerReply>),
    /// Accepts (reschedules the step) or declines a date the customer proposed.
    ResolveProposal {
        /// The deal the proposal is on.
        deal_id: Id,
        /// The proposal.
        proposal_id: Id,
        /// Accept the date, or decline it.
        accept: bool,
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

/// Why [`apply`] refused a command; the workspace is then exactly as it was.
#[derive(Clone, Debug, PartialEq)]
pub enum CommandError {
    /// The deal's fields have these problems, one per field and fault.
    Invalid(Vec<FieldError>),
    /// No deal has this id.
    UnknownDeal(Id),
    /// No roadmap has this id.
    UnknownRoadmap(Id),
    /// No stage with this id is on the roadmap concerned.
    UnknownStage(Id),
    /// No milestone with this id is on the roadmap concerned.
    UnknownMilestone(Id),
    /// A replacement workspace fails the integrity checks.
    BrokenWorkspace(IntegrityError),
    /// A name, title or label is blank.
    NameRequired,
    /// A win probability over 100 percent.
    ProbabilityOutOfRange(u8),
    /// A stage's target days outside 1 to `MAX_DAYS`, or a milestone's day offset over `MAX_DAYS`.
    DaysOutOfRange(u32),
    /// A roadmap keeps at least one stage.
    LastStage,
    /// The stage holds this many deals; say where they go.
    StageHasDeals(usize),
    /// A workspace keeps at least one roadmap.
    LastRoadmap,
    /// This many deals follow the roadmap; it can be removed only when none do.
    RoadmapHasDeals(usize),
    /// The deal would leave a gated stage with these required milestones open.
    /// With `can_confirm` the person may be asked and move it anyway.
    GateUnmet {
        /// The gated stage the deal would leave.
        stage: Id,
        /// Its required milestones the deal has not done.
        missing: Vec<Id>,
        /// The gate mode is `Confirm`, so the command may be sent again confirmed.
        can_confirm: bool,
    },
    /// A lost deal needs a reason.
    ReasonRequired,
    /// No lost reason has this id.
    UnknownReason(Id),
    /// The reason is on this many deals.
    ReasonInUse(usize),
    /// A satisfaction score outside 1 to 5.
    SatisfactionOutOfRange(u8),
    /// The deal has no activity or feedback entry with this id.
    UnknownEntry(Id),
    /// Longer than this many characters.
    TextTooLong(usize),
    /// A goal's target below zero.
    NegativeTarget,
    /// A goal's period ends before it starts.
    PeriodReversed,
    /// No goal has this id.
    UnknownGoal(Id),
    /// Someone of this name is on the team already.
    MemberExists(String),
    /// Nobody of this name is on the team.
    UnknownMember(String),
    /// The deal has no customer task with this id.
    UnknownTask(Id),
    /// The deal has no proposed date with this id waiting.
    UnknownProposal(Id),
    /// A customer's reply that cannot be merged, and why.
    ReplyRefused(ReplyError),
}

/// What a successful command did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The workspace changed.
    Changed,
    /// A record was added; this is its id.
    Created(Id),
    /// Valid but nothing to do (e.g. a move to the stage the deal is already in).
    Unchanged,
}

/// Checks `command` against `ws` and carries it out at time `now`, or refuses it and leaves `ws` as it was.
/// What it edits or creates gets `updated_at = now` and what it deletes a tombstone, which merging files relies on.
pub fn apply(ws: &mut Workspace, command: Command, now: Timestamp) -> Result<Outcome, CommandError> {
    apply_by(ws, command, now, "")
}

/// [`apply`], naming who made the change (their "I am" name; empty when none is
/// chosen) on the deals and goals it changes and the deletions it leaves, so a
/// merge can tell the team who did what.
pub fn apply_by(ws: &mut Workspace, command: Command, now: Timestamp, by: &str) -> Result<Outcome, CommandError> {
    let marks = Marks::before(ws, &command);
    let outcome = apply_command(ws, command, now)?;
    marks.apply(ws, &outcome, now, by);
    Ok(outcome)
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
        Command::RemoveSamples => Ok(if ws.remove_samples() { Outcome::Changed } else { Outcome::Unchanged }),
        Command::ReplaceWorkspace(next) => {
            validate::check(&next).map_err(CommandError::BrokenWorkspace)?;
            *ws = *next;
            Ok(Outcome::Changed)
        }
        Command::ImportSheet(import) => crate::core::files::sheet::apply_import(ws, *import, now),
        Command::AddStage { roadmap_id, name } => edit::add_stage(ws, &roadmap_id, name),
        Command::UpdateStage { roadmap_id, stage_id, fields } => edit::update_stage(ws, &roadmap_id, &stage_id, fields),
        Command::DeleteStage { roadmap_id, stage_id, move_deals_to } => {
            edit::delete_stage(ws, &roadmap_id, &stage_id, move_deals_to.as_ref(), now)
        }
        Command::MoveStage { roadmap_id, stage_id, to_index } => edit::move_stage(ws, &roadmap_id, &stage_id, to_index, now),
        Command::AddMilestone { roadmap_id, stage_id, title } => edit::add_milestone(ws, &roadmap_id, &stage_id, title),
        Command::UpdateMilestone { roadmap_id, milestone_id, fields } => edit::update_milestone(ws, &roadmap_id, &milestone_id, fields),
        Command::DeleteMilestone { roadmap_id, milestone_id } => edit::delete_milestone(ws, &roadmap_id, &milestone_id),
        Command::MoveMilestone { roadmap_id, milestone_id, to_index } => {
            edit::move_milestone(ws, &roadmap_id, &milestone_id, to_index, now)
        }
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
        Command::AddActivity { deal_id, kind, date, who, notes, follow_up } => {
            let outcome = exec::add_activity(ws, &deal_id, kind, date, who, notes, now)?;
            if follow_up.is_some() {
                customer::set_follow_up(ws, &deal_id, follow_up, now)?;
            }
            Ok(outcome)
        }
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
        Command::AddMember { name } => team::add_member(ws, &name, now),
        Command::RenameMember { from, to } => team::rename_member(ws, &from, &to, now),
        Command::RetireMember { name, retired } => team::set_retired(ws, &name, retired, now),
        Command::AddCustomerTask { deal_id, fields } => customer::add_task(ws, &deal_id, fields, now),
        Command::UpdateCustomerTask { deal_id, task_id, fields } => customer::update_task(ws, &deal_id, &task_id, fields, now),
        Command::SetCustomerTaskDone { deal_id, task_id, done } => customer::set_task_done(ws, &deal_id, &task_id, done, now),
        Command::DeleteCustomerTask { deal_id, task_id } => customer::delete_task(ws, &deal_id, &task_id, now),
        Command::SetFollowUp { deal_id, date } => customer::set_follow_up(ws, &deal_id, date, now),
        Command::MergeReply(reply) => reply::merge_reply(ws, *reply, now),
        Command::ResolveProposal { deal_id, proposal_id, accept } => customer::resolve_proposal(ws, &deal_id, &proposal_id, accept, now),
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
        stage_history: vec![StageEntry::new(fields.stage_id.clone(), now)],
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
        // `apply_by` names who did it.
        updated_by: String::new(),
        milestones: Vec::new(),
        sample,
        customer_tasks: Vec::new(),
        follow_up: fields.follow_up,
        proposals: Vec::new(),
        replies: Vec::new(),
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
        deal.stage_history.push(StageEntry::new(fields.stage_id.clone(), now));
    }
    deal.customer = fields.customer;
    deal.title = fields.title;
    deal.value_minor = fields.value_minor;
    deal.currency = fields.currency;
    deal.owner = fields.owner;
    deal.expected_close = fields.expected_close;
    deal.stage_id = fields.stage_id;
    deal.tags = fields.tags;
    deal.follow_up = fields.follow_up;
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
    deal.stage_history.push(StageEntry::new(to_stage.clone(), now));
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

pub(crate) fn set_milestone_due(
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
