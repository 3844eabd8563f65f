//! Whole-document integrity: what must hold before a workspace is accepted
//! from a file, from storage or as a replacement.

// std's randomly keyed SipHash, not a faster fixed hash: these ids come from files too, and a
// file crafted so its ids collide must not make the checks quadratic.
use std::collections::{HashMap, HashSet};

use crate::core::deal::form::{FieldError, FieldsRef};
use crate::core::model::{Id, Workspace};

/// Why a workspace is not whole; [`check`] reports the first problem it finds.
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrityError {
    /// Two records share this id (all kinds of record share one id space).
    DuplicateId(Id),
    /// The workspace has no roadmap.
    NoRoadmap,
    /// This roadmap has no stages.
    EmptyRoadmap(Id),
    /// A deal follows a roadmap the workspace does not have.
    DealRoadmapMissing {
        /// The deal at fault.
        deal: Id,
        /// The roadmap it names.
        roadmap: Id,
    },
    /// A deal is in a stage its roadmap does not have.
    DealStageMissing {
        /// The deal at fault.
        deal: Id,
        /// The stage it names.
        stage: Id,
    },
    /// The history is empty, names a stage not on the roadmap, or does not end at the current stage.
    HistoryMismatch {
        /// The deal at fault.
        deal: Id,
    },
    /// A deal has progress on a milestone its roadmap does not have.
    MilestoneMissing {
        /// The deal at fault.
        deal: Id,
        /// The milestone it names.
        milestone: Id,
    },
    /// A stage's win probability is over 100 percent.
    ProbabilityOutOfRange {
        /// The stage at fault.
        stage: Id,
        /// Its win probability, in percent.
        value: u8,
    },
    /// A deal's fields would be refused by the deal form (blank customer, bad currency, negative value, …).
    DealField {
        /// The deal at fault.
        deal: Id,
        /// The first problem with its fields.
        error: FieldError,
    },
    /// A goal is limited to a roadmap the workspace does not have.
    GoalRoadmapMissing {
        /// The goal at fault.
        goal: Id,
        /// The roadmap it names.
        roadmap: Id,
    },
    /// A goal's period ends before it starts, or its target is negative.
    GoalPeriodReversed {
        /// The goal at fault.
        goal: Id,
    },
    /// A lost deal names a reason the workspace does not have.
    LostReasonMissing {
        /// The deal at fault.
        deal: Id,
        /// The reason it names.
        reason: Id,
    },
    /// Feedback with a score outside 1–5 or about a milestone not on the roadmap.
    FeedbackInvalid {
        /// The deal at fault.
        deal: Id,
    },
}

/// Checks that a workspace is whole: at least one roadmap, each with stages; no id used twice; every roadmap, stage,
/// milestone and lost reason a deal or goal names exists; and values in range. Returns the first problem found.
pub fn check(ws: &Workspace) -> Result<(), IntegrityError> {
    if ws.roadmaps.is_empty() {
        return Err(IntegrityError::NoRoadmap);
    }
    check_unique_ids(ws)?;

    for roadmap in &ws.roadmaps {
        if roadmap.stages.is_empty() {
            return Err(IntegrityError::EmptyRoadmap(roadmap.id.clone()));
        }
        for stage in &roadmap.stages {
            if stage.win_probability > 100 {
                return Err(IntegrityError::ProbabilityOutOfRange { stage: stage.id.clone(), value: stage.win_probability });
            }
        }
    }

    // Each roadmap's milestone ids, looked up once rather than searched for every deal's progress.
    let milestones_of: HashMap<&Id, HashSet<&Id>> =
        ws.roadmaps.iter().map(|r| (&r.id, r.stages.iter().flat_map(|s| s.milestones.iter().map(|m| &m.id)).collect())).collect();
    for deal in &ws.deals {
        let roadmap = ws
            .roadmap(&deal.roadmap_id)
            .ok_or_else(|| IntegrityError::DealRoadmapMissing { deal: deal.id.clone(), roadmap: deal.roadmap_id.clone() })?;
        if roadmap.stage(&deal.stage_id).is_none() {
            return Err(IntegrityError::DealStageMissing { deal: deal.id.clone(), stage: deal.stage_id.clone() });
        }
        let history_ok = deal.stage_history.last().is_some_and(|last| last.stage_id == deal.stage_id)
            && deal.stage_history.iter().all(|e| roadmap.stage(&e.stage_id).is_some());
        if !history_ok {
            return Err(IntegrityError::HistoryMismatch { deal: deal.id.clone() });
        }
        let milestone_ids = &milestones_of[&roadmap.id];
        for progress in &deal.milestones {
            if !milestone_ids.contains(&progress.milestone_id) {
                return Err(IntegrityError::MilestoneMissing { deal: deal.id.clone(), milestone: progress.milestone_id.clone() });
            }
        }
        if let Some(reason) = &deal.lost_reason {
            if !ws.settings.lost_reasons.iter().any(|r| &r.id == reason) {
                return Err(IntegrityError::LostReasonMissing { deal: deal.id.clone(), reason: reason.clone() });
            }
        }
        let feedback_ok = deal
            .feedback
            .iter()
            .all(|f| (1..=5).contains(&f.satisfaction) && f.milestone_id.as_ref().is_none_or(|m| roadmap.find_milestone(m).is_some()));
        if !feedback_ok {
            return Err(IntegrityError::FeedbackInvalid { deal: deal.id.clone() });
        }
        let fields = FieldsRef {
            customer: &deal.customer,
            title: &deal.title,
            owner: &deal.owner,
            value_minor: deal.value_minor,
            currency: &deal.currency,
            stage_id: &deal.stage_id,
            tags: &deal.tags,
        };
        if let Some(error) = fields.problems(roadmap).into_iter().next() {
            return Err(IntegrityError::DealField { deal: deal.id.clone(), error });
        }
    }

    for goal in &ws.goals {
        if let Some(roadmap) = &goal.roadmap_id {
            if ws.roadmap(roadmap).is_none() {
                return Err(IntegrityError::GoalRoadmapMissing { goal: goal.id.clone(), roadmap: roadmap.clone() });
            }
        }
        if goal.period_end.is_some_and(|end| end < goal.period_start) || goal.target < 0 {
            return Err(IntegrityError::GoalPeriodReversed { goal: goal.id.clone() });
        }
    }
    Ok(())
}

fn check_unique_ids(ws: &Workspace) -> Result<(), IntegrityError> {
    // Sized once: growing the set while 10,000 deals' ids go in rehashed it again and again.
    let mut seen = HashSet::with_capacity(all_ids(ws).count());
    for id in all_ids(ws) {
        if !seen.insert(id) {
            return Err(IntegrityError::DuplicateId(id.clone()));
        }
    }
    Ok(())
}

/// Every record id in the document: roadmaps, stages, milestones, deals, goals.
pub fn all_ids(ws: &Workspace) -> impl Iterator<Item = &Id> {
    let stages = ws.roadmaps.iter().flat_map(|r| r.stages.iter());
    ws.roadmaps
        .iter()
        .map(|r| &r.id)
        .chain(stages.clone().map(|s| &s.id))
        .chain(stages.flat_map(|s| s.milestones.iter().map(|m| &m.id)))
        .chain(ws.deals.iter().map(|d| &d.id))
        .chain(ws.deals.iter().flat_map(|d| d.activities.iter().map(|a| &a.id)))
        .chain(ws.deals.iter().flat_map(|d| d.feedback.iter().map(|f| &f.id)))
        .chain(ws.deals.iter().flat_map(|d| d.customer_tasks.iter().map(|t| &t.id)))
        .chain(ws.deals.iter().flat_map(|d| d.proposals.iter().map(|p| &p.id)))
        .chain(ws.goals.iter().map(|g| &g.id))
        .chain(ws.settings.lost_reasons.iter().map(|r| &r.id))
}

/// Moves the id counter past every id this workspace minted, so a hand-edited
/// file can never make the next new record reuse an existing id.
pub fn repair_id_counter(ws: &mut Workspace) {
    let prefix = format!("{}-", ws.origin);
    let highest = all_ids(ws).filter_map(|id| id.0.strip_prefix(&prefix)?.parse::<u64>().ok()).max();
    if let Some(highest) = highest {
        ws.next_id = ws.next_id.max(highest + 1);
    }
}
