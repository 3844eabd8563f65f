//! What a command leaves behind for merging files: when each roadmap, stage,
//! milestone and goal was last changed, and a tombstone for every record it
//! deleted. A merge needs both to tell "they changed it" from "we deleted it".

use crate::core::command::{Command, Outcome};
use std::sync::Arc;

use crate::core::model::{Id, RecordType, Timestamp, Tombstone, Workspace};

/// What one command will change or delete, noted before it runs (the records it
/// deletes are gone afterwards).
#[derive(Debug, Default)]
pub(crate) struct Marks {
    roadmap: Option<Id>,
    stage: Option<Id>,
    milestone: Option<Id>,
    goal: Option<Id>,
    buried: Vec<(RecordType, Id, Option<Id>)>,
}

impl Marks {
    /// Notes what `command` will touch in `ws`.
    pub(crate) fn before(ws: &Workspace, command: &Command) -> Marks {
        let mut marks = Marks { roadmap: edited_roadmap(command).cloned(), ..Marks::default() };
        match command {
            // A stage's or milestone's place is its rank, part of its own version.
            Command::UpdateStage { stage_id, .. } | Command::MoveStage { stage_id, .. } => marks.stage = Some(stage_id.clone()),
            Command::UpdateMilestone { milestone_id, .. } | Command::MoveMilestone { milestone_id, .. } => {
                marks.milestone = Some(milestone_id.clone());
            }
            Command::UpdateGoal { goal_id, .. } => marks.goal = Some(goal_id.clone()),
            // Sample deals never leave this browser, so their deletion need not either.
            Command::DeleteDeal { deal_id } if ws.deal(deal_id).is_some_and(|d| !d.sample) => {
                marks.buried.push((RecordType::Deal, deal_id.clone(), None));
            }
            Command::DeleteStage { roadmap_id, stage_id, move_deals_to } => {
                if let Some((roadmap, at)) = ws.roadmap(roadmap_id).and_then(|r| Some((r, r.stage_index(stage_id)?))) {
                    let neighbour = at.checked_sub(1).or((at + 1 < roadmap.stages.len()).then_some(at + 1));
                    let moved_to = move_deals_to.clone().or_else(|| neighbour.map(|n| roadmap.stages[n].id.clone()));
                    marks.buried.push((RecordType::Stage, stage_id.clone(), moved_to));
                    marks.buried.extend(roadmap.stages[at].milestones.iter().map(|m| (RecordType::Milestone, m.id.clone(), None)));
                }
            }
            Command::DeleteMilestone { milestone_id, .. } => marks.buried.push((RecordType::Milestone, milestone_id.clone(), None)),
            Command::DeleteRoadmap { roadmap_id } => marks.buried.push((RecordType::Roadmap, roadmap_id.clone(), None)),
            Command::RemoveEntry { deal_id, entry_id } => {
                if let Some(deal) = ws.deal(deal_id).filter(|d| !d.sample) {
                    let kind = if deal.feedback.iter().any(|f| &f.id == entry_id) { RecordType::Feedback } else { RecordType::Activity };
                    marks.buried.push((kind, entry_id.clone(), None));
                }
            }
            Command::DeleteCustomerTask { deal_id, task_id } if ws.deal(deal_id).is_some_and(|d| !d.sample) => {
                marks.buried.push((RecordType::CustomerTask, task_id.clone(), None));
            }
            Command::ResolveProposal { deal_id, proposal_id, .. } if ws.deal(deal_id).is_some_and(|d| !d.sample) => {
                marks.buried.push((RecordType::DateProposal, proposal_id.clone(), None));
            }
            Command::RemoveLostReason { reason_id } => marks.buried.push((RecordType::LostReason, reason_id.clone(), None)),
            Command::DeleteGoal { goal_id } => marks.buried.push((RecordType::Goal, goal_id.clone(), None)),
            _ => {}
        }
        marks
    }

    /// Stamps the changed records with `now` and buries the deleted ones, once the
    /// command has succeeded; deals, goals and deletions also with who did it (`by`).
    pub(crate) fn apply(self, ws: &mut Workspace, outcome: &Outcome, now: Timestamp, by: &str) {
        if matches!(outcome, Outcome::Unchanged) {
            return;
        }
        if let Some(r) = self.roadmap.and_then(|id| ws.roadmap_mut(&id)) {
            r.updated_at = now;
        }
        if let Some(g) = self.goal.and_then(|id| ws.goals.iter_mut().find(|g| g.id == id)) {
            g.updated_at = now;
        }
        for roadmap in &mut ws.roadmaps {
            for stage in &mut roadmap.stages {
                if self.stage.as_ref() == Some(&stage.id) {
                    stage.updated_at = now;
                }
                for milestone in stage.milestones.iter_mut().filter(|m| self.milestone.as_ref() == Some(&m.id)) {
                    milestone.updated_at = now;
                }
            }
        }
        if let Outcome::Created(id) = outcome {
            stamp_created(ws, id, now);
        }
        for (kind, id, moved_to) in self.buried {
            ws.bury(Tombstone { id, kind, at: now, by: by.to_owned(), moved_to });
        }
        name_the_author(ws, now, by);
    }
}

/// A new roadmap, stage, milestone or goal is as new as its creation; what it
/// recreates (a template roadmap deleted before) is no longer deleted here.
fn stamp_created(ws: &mut Workspace, id: &Id, now: Timestamp) {
    let mut revived = vec![id.clone()];
    if let Some(r) = ws.roadmap_mut(id) {
        r.updated_at = now;
        for stage in &mut r.stages {
            stage.updated_at = now;
            revived.push(stage.id.clone());
            for milestone in &mut stage.milestones {
                milestone.updated_at = now;
                revived.push(milestone.id.clone());
            }
        }
    }
    for roadmap in &mut ws.roadmaps {
        for stage in &mut roadmap.stages {
            if &stage.id == id {
                stage.updated_at = now;
            }
            for milestone in stage.milestones.iter_mut().filter(|m| &m.id == id) {
                milestone.updated_at = now;
            }
        }
    }
    if let Some(g) = ws.goals.iter_mut().find(|g| &g.id == id) {
        g.updated_at = now;
    }
    if !ws.deleted.is_empty() {
        ws.deleted.retain(|t| !revived.contains(&t.id));
    }
}

/// Deals and goals this command changed carry `now`: they get its author's name too.
/// (A deal stamps itself inside the deal commands; looking for the stamp keeps the
/// author out of every one of them.)
fn name_the_author(ws: &mut Workspace, now: Timestamp, by: &str) {
    let stale = |updated_at: Timestamp, updated_by: &str| updated_at == now && updated_by != by;
    for deal in ws.deals.iter_mut().filter(|d| stale(d.updated_at, &d.updated_by)) {
        Arc::make_mut(deal).updated_by = by.to_owned();
    }
    for goal in ws.goals.iter_mut().filter(|g| stale(g.updated_at, &g.updated_by)) {
        goal.updated_by = by.to_owned();
    }
}

/// The roadmap whose name, stages or milestones a command changes.
fn edited_roadmap(command: &Command) -> Option<&Id> {
    match command {
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
