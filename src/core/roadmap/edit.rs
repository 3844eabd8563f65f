//! Designing roadmaps: stages and milestones added, edited, reordered and
//! removed; roadmaps made from templates or copies. Called from `command::apply`.

use crate::core::command::{CommandError, Outcome};
use std::sync::Arc;

use crate::core::model::{Deal, DecisionPhase, Id, Milestone, Roadmap, Stage, StageEntry, Timestamp, Workspace};
use crate::core::roadmap::rank::{move_ranked, next_rank};
use crate::core::roadmap::templates::{build_roadmap, TemplateId};
use crate::core::text::Text;

/// Longest stage or milestone offset accepted, in days (ten years).
pub const MAX_DAYS: u32 = 3650;

/// A stage's editable fields.
#[derive(Clone, Debug, PartialEq)]
pub struct StageFields {
    /// The stage's name; must not be blank.
    pub name: Text,
    /// What the stage is, in a sentence or two.
    pub description: Text,
    /// What to do in this stage.
    pub guidance: Text,
    /// What must be true before a deal moves on.
    pub exit_criteria: Text,
    /// Chance, in percent (0–100), that a deal in this stage is eventually won.
    pub win_probability: u8,
    /// How many days a deal is expected to spend here, from 1 to `MAX_DAYS`.
    pub target_days: u32,
    /// Marks a key node (关键节点): a moment where the customer's decision can move.
    pub key_node: bool,
    /// The buyer decision phase the stage falls in.
    pub decision_phase: DecisionPhase,
    /// A gated stage lets a deal leave only with its required milestones done.
    pub gate: bool,
}

impl StageFields {
    /// The fields as `stage` has them now, to fill an edit form or to tell whether an edit changes anything.
    pub fn of(stage: &Stage) -> Self {
        StageFields {
            name: stage.name.clone(),
            description: stage.description.clone(),
            guidance: stage.guidance.clone(),
            exit_criteria: stage.exit_criteria.clone(),
            win_probability: stage.win_probability,
            target_days: stage.target_days,
            key_node: stage.key_node,
            decision_phase: stage.decision_phase,
            gate: stage.gate,
        }
    }

    fn check(&self) -> Result<(), CommandError> {
        if self.name.is_blank() {
            return Err(CommandError::NameRequired);
        }
        if self.win_probability > 100 {
            return Err(CommandError::ProbabilityOutOfRange(self.win_probability));
        }
        if !(1..=MAX_DAYS).contains(&self.target_days) {
            return Err(CommandError::DaysOutOfRange(self.target_days));
        }
        Ok(())
    }
}

/// A milestone's editable fields.
#[derive(Clone, Debug, PartialEq)]
pub struct MilestoneFields {
    /// The milestone's title; must not be blank.
    pub title: Text,
    /// What the milestone is, in a sentence or two.
    pub description: Text,
    /// The role that owns it (e.g. "sales rep", "solution engineer").
    pub owner_role: Text,
    /// Whether a deal must have it done before leaving the stage.
    pub required: bool,
    /// When it is due, in days after a deal enters the stage; at most `MAX_DAYS`.
    pub day_offset: u32,
}

impl MilestoneFields {
    /// The fields as `milestone` has them now, to fill an edit form or to tell whether an edit changes anything.
    pub fn of(milestone: &Milestone) -> Self {
        MilestoneFields {
            title: milestone.title.clone(),
            description: milestone.description.clone(),
            owner_role: milestone.owner_role.clone(),
            required: milestone.required,
            day_offset: milestone.day_offset,
        }
    }
}

/// Where a new roadmap comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum RoadmapSource {
    /// Built from a built-in template.
    Template(TemplateId),
    /// A copy of the existing roadmap with this id, its stages and milestones given fresh ids.
    CopyOf(Id),
}

fn roadmap_mut<'a>(ws: &'a mut Workspace, id: &Id) -> Result<&'a mut Roadmap, CommandError> {
    ws.roadmap_mut(id).ok_or_else(|| CommandError::UnknownRoadmap(id.clone()))
}

fn stage_index(roadmap: &Roadmap, id: &Id) -> Result<usize, CommandError> {
    roadmap.stage_index(id).ok_or_else(|| CommandError::UnknownStage(id.clone()))
}

/// Appends a stage named `name` to the end of the roadmap, with default settings: 14 target days,
/// and the win probability and decision phase of the stage before it (10% and need recognition when it is the first).
pub fn add_stage(ws: &mut Workspace, roadmap_id: &Id, name: Text) -> Result<Outcome, CommandError> {
    if name.is_blank() {
        return Err(CommandError::NameRequired);
    }
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let (last, rank) = (roadmap.stages.last().cloned(), next_rank(&roadmap.stages));
    let id = ws.mint_id();
    let stage = Stage {
        id: id.clone(),
        name,
        description: Text::default(),
        guidance: Text::default(),
        exit_criteria: Text::default(),
        // A new last stage is at least as likely to be won as the one before it.
        win_probability: last.as_ref().map_or(10, |s| s.win_probability),
        target_days: 14,
        key_node: false,
        decision_phase: last.map_or(DecisionPhase::NeedRecognition, |s| s.decision_phase),
        gate: false,
        milestones: Vec::new(),
        rank,
        // `apply` stamps what a command creates.
        updated_at: 0,
    };
    roadmap_mut(ws, roadmap_id)?.stages.push(stage);
    Ok(Outcome::Created(id))
}

/// Replaces the editable fields of a stage after checking them (a name, probability at most 100, target days from 1 to `MAX_DAYS`);
/// `Unchanged` when they are the same as before.
pub fn update_stage(ws: &mut Workspace, roadmap_id: &Id, stage_id: &Id, fields: StageFields) -> Result<Outcome, CommandError> {
    fields.check()?;
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let stage = roadmap.stage_mut(stage_id).ok_or_else(|| CommandError::UnknownStage(stage_id.clone()))?;
    if StageFields::of(stage) == fields {
        return Ok(Outcome::Unchanged);
    }
    stage.name = fields.name;
    stage.description = fields.description;
    stage.guidance = fields.guidance;
    stage.exit_criteria = fields.exit_criteria;
    stage.win_probability = fields.win_probability;
    stage.target_days = fields.target_days;
    stage.key_node = fields.key_node;
    stage.decision_phase = fields.decision_phase;
    stage.gate = fields.gate;
    Ok(Outcome::Changed)
}

/// Removes a stage. Its deals move to `move_deals_to` (entering that stage now);
/// their history forgets the removed stage, and progress on its milestones goes with it.
pub fn delete_stage(
    ws: &mut Workspace,
    roadmap_id: &Id,
    stage_id: &Id,
    move_deals_to: Option<&Id>,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    let roadmap = ws.roadmap(roadmap_id).ok_or_else(|| CommandError::UnknownRoadmap(roadmap_id.clone()))?;
    let index = stage_index(roadmap, stage_id)?;
    if roadmap.stages.len() == 1 {
        return Err(CommandError::LastStage);
    }
    let deals_here = ws.deals.iter().filter(|d| &d.stage_id == stage_id).count();
    let target = match move_deals_to {
        Some(target) if target != stage_id && roadmap.stage(target).is_some() => Some(target.clone()),
        Some(target) => return Err(CommandError::UnknownStage(target.clone())),
        None if deals_here > 0 => return Err(CommandError::StageHasDeals(deals_here)),
        None => None,
    };
    let removed = roadmap_mut(ws, roadmap_id)?.stages.remove(index);
    let gone = |id: &Id| removed.milestones.iter().any(|m| &m.id == id);
    let touched =
        |d: &Deal| &d.roadmap_id == roadmap_id && (d.stage_history.iter().any(|e| &e.stage_id == stage_id) || names_milestone(d, gone));
    // Only the deals this touches are copied; the others stay shared with undo steps.
    for deal in ws.deals.iter_mut().filter(|d| touched(d)).map(Arc::make_mut) {
        deal.stage_history.retain(|e| &e.stage_id != stage_id);
        forget_milestones(deal, gone);
        if &deal.stage_id == stage_id {
            let target = target.clone().expect("a target is required when the stage has deals");
            deal.stage_history.push(StageEntry::new(target.clone(), now));
            deal.stage_id = target;
            deal.updated_at = now;
        }
        // Removing a stage between two visits can leave the same stage twice in a row.
        deal.stage_history.dedup_by(|later, earlier| later.stage_id == earlier.stage_id);
    }
    Ok(Outcome::Changed)
}

/// Moves a stage to position `to_index` (clamped to the last position) in its roadmap; deals keep their stage.
pub fn move_stage(ws: &mut Workspace, roadmap_id: &Id, stage_id: &Id, to_index: usize, now: Timestamp) -> Result<Outcome, CommandError> {
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let from = stage_index(roadmap, stage_id)?;
    let to = to_index.min(roadmap.stages.len() - 1);
    if from == to {
        return Ok(Outcome::Unchanged);
    }
    move_ranked(&mut roadmap.stages, from, to, now);
    Ok(Outcome::Changed)
}

/// Appends a milestone titled `title` to a stage: optional, with no owner role, due at the stage's target days.
pub fn add_milestone(ws: &mut Workspace, roadmap_id: &Id, stage_id: &Id, title: Text) -> Result<Outcome, CommandError> {
    if title.is_blank() {
        return Err(CommandError::NameRequired);
    }
    let target_days = {
        let roadmap = roadmap_mut(ws, roadmap_id)?;
        roadmap.stage_mut(stage_id).ok_or_else(|| CommandError::UnknownStage(stage_id.clone()))?.target_days
    };
    let id = ws.mint_id();
    let stage = roadmap_mut(ws, roadmap_id)?.stage_mut(stage_id).expect("stage found above");
    let rank = next_rank(&stage.milestones);
    stage.milestones.push(Milestone {
        id: id.clone(),
        title,
        description: Text::default(),
        owner_role: Text::default(),
        required: false,
        // A new milestone is due when the stage should end.
        day_offset: target_days,
        rank,
        updated_at: 0,
    });
    Ok(Outcome::Created(id))
}

fn milestone_place(roadmap: &Roadmap, id: &Id) -> Result<(usize, usize), CommandError> {
    roadmap.find_milestone(id).ok_or_else(|| CommandError::UnknownMilestone(id.clone()))
}

/// Replaces the editable fields of a milestone after checking them (a title, offset at most `MAX_DAYS`);
/// `Unchanged` when they are the same as before.
pub fn update_milestone(ws: &mut Workspace, roadmap_id: &Id, milestone_id: &Id, fields: MilestoneFields) -> Result<Outcome, CommandError> {
    if fields.title.is_blank() {
        return Err(CommandError::NameRequired);
    }
    if fields.day_offset > MAX_DAYS {
        return Err(CommandError::DaysOutOfRange(fields.day_offset));
    }
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let (si, mi) = milestone_place(roadmap, milestone_id)?;
    let milestone = &mut roadmap.stages[si].milestones[mi];
    if MilestoneFields::of(milestone) == fields {
        return Ok(Outcome::Unchanged);
    }
    milestone.title = fields.title;
    milestone.description = fields.description;
    milestone.owner_role = fields.owner_role;
    milestone.required = fields.required;
    milestone.day_offset = fields.day_offset;
    Ok(Outcome::Changed)
}

/// Removes a milestone from its stage, along with every deal's progress on it; feedback on it stays, about no milestone.
pub fn delete_milestone(ws: &mut Workspace, roadmap_id: &Id, milestone_id: &Id) -> Result<Outcome, CommandError> {
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let (si, mi) = milestone_place(roadmap, milestone_id)?;
    roadmap.stages[si].milestones.remove(mi);
    let gone = |id: &Id| id == milestone_id;
    for deal in ws.deals.iter_mut().filter(|d| names_milestone(d, gone)).map(Arc::make_mut) {
        forget_milestones(deal, gone);
    }
    Ok(Outcome::Changed)
}

/// Whether the deal has progress or feedback on a milestone `gone` picks.
pub(crate) fn names_milestone(deal: &Deal, gone: impl Fn(&Id) -> bool) -> bool {
    deal.milestones.iter().any(|p| gone(&p.milestone_id))
        || deal.feedback.iter().any(|f| f.milestone_id.as_ref().is_some_and(&gone))
        || deal.proposals.iter().any(|p| gone(&p.item_id))
}

/// A deal's part in removed milestones: progress on them and dates proposed for them go;
/// feedback collected after one stays, about no milestone.
pub(crate) fn forget_milestones(deal: &mut Deal, gone: impl Fn(&Id) -> bool) {
    deal.milestones.retain(|p| !gone(&p.milestone_id));
    let tasks: Vec<Id> = deal.customer_tasks.iter().map(|t| t.id.clone()).collect();
    deal.proposals.retain(|p| tasks.contains(&p.item_id) || !gone(&p.item_id));
    for feedback in deal.feedback.iter_mut().filter(|f| f.milestone_id.as_ref().is_some_and(&gone)) {
        feedback.milestone_id = None;
    }
}

/// Moves a milestone to position `to_index` (clamped to the last position) within its own stage.
pub fn move_milestone(
    ws: &mut Workspace,
    roadmap_id: &Id,
    milestone_id: &Id,
    to_index: usize,
    now: Timestamp,
) -> Result<Outcome, CommandError> {
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    let (si, from) = milestone_place(roadmap, milestone_id)?;
    let milestones = &mut roadmap.stages[si].milestones;
    let to = to_index.min(milestones.len() - 1);
    if from == to {
        return Ok(Outcome::Unchanged);
    }
    move_ranked(milestones, from, to, now);
    Ok(Outcome::Changed)
}

/// A new roadmap from a template or as a copy (with fresh ids); it becomes the active one.
pub fn create_roadmap(ws: &mut Workspace, source: RoadmapSource, name: Text) -> Result<Outcome, CommandError> {
    if name.is_blank() {
        return Err(CommandError::NameRequired);
    }
    let mut roadmap = match source {
        RoadmapSource::Template(template) => build_roadmap(ws, template),
        RoadmapSource::CopyOf(id) => {
            let mut copy = ws.roadmap(&id).cloned().ok_or(CommandError::UnknownRoadmap(id))?;
            copy.id = ws.mint_id();
            for stage in &mut copy.stages {
                stage.id = ws.mint_id();
                for milestone in &mut stage.milestones {
                    milestone.id = ws.mint_id();
                }
            }
            copy
        }
    };
    roadmap.name = name;
    let id = roadmap.id.clone();
    ws.roadmaps.push(roadmap);
    ws.settings.active_roadmap = Some(id.clone());
    Ok(Outcome::Created(id))
}

/// Renames a roadmap; `Unchanged` when the name is the same.
pub fn rename_roadmap(ws: &mut Workspace, roadmap_id: &Id, name: Text) -> Result<Outcome, CommandError> {
    if name.is_blank() {
        return Err(CommandError::NameRequired);
    }
    let roadmap = roadmap_mut(ws, roadmap_id)?;
    if roadmap.name == name {
        return Ok(Outcome::Unchanged);
    }
    roadmap.name = name;
    Ok(Outcome::Changed)
}

/// Removes a roadmap with no deals on it; goals that named it now cover all roadmaps.
pub fn delete_roadmap(ws: &mut Workspace, roadmap_id: &Id) -> Result<Outcome, CommandError> {
    roadmap_mut(ws, roadmap_id)?;
    if ws.roadmaps.len() == 1 {
        return Err(CommandError::LastRoadmap);
    }
    let deals = ws.deals.iter().filter(|d| &d.roadmap_id == roadmap_id).count();
    if deals > 0 {
        return Err(CommandError::RoadmapHasDeals(deals));
    }
    ws.roadmaps.retain(|r| &r.id != roadmap_id);
    for goal in ws.goals.iter_mut().filter(|g| g.roadmap_id.as_ref() == Some(roadmap_id)) {
        goal.roadmap_id = None;
    }
    if ws.settings.active_roadmap.as_ref() == Some(roadmap_id) {
        ws.settings.active_roadmap = None;
    }
    Ok(Outcome::Changed)
}
