//! Merging a teammate's file into the current workspace.
//!
//! Records are matched by id (ids carry a random per-session origin, so two people
//! never mint the same one). The rules:
//! - a record only in the file is added;
//! - a record on both sides that differs takes the newer version (`updated_at`;
//!   equal times fall to a fixed order, so the result never depends on who merges);
//! - nothing is lost: a deal's activities and feedback, its milestone progress and a
//!   roadmap's stages and milestones are the union of both sides. Merging never
//!   deletes, so something removed on one side comes back from the other;
//! - activities and feedback never change once written, so the same id with other
//!   content is a clash (two old workspaces that shared an origin): both are kept,
//!   the file's under a fresh id. A deal with the same id but another creation time
//!   is a clash too, and is added under a fresh id.
//!
//! The current workspace keeps its own settings, origin and record order; records
//! new to it come after its own, in the file's order.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::core::files::envelope::{self, ImportError};
use crate::core::model::{Activity, Deal, Feedback, Id, LostReason, MilestoneProgress, Roadmap, Stage, Workspace};
use crate::core::validate;

/// What a merge did, for the summary the user confirms.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Records only in the file.
    pub added: usize,
    /// Records whose newer version came from the file.
    pub updated: usize,
    /// Records changed on both sides: each side kept something and the newer change won.
    pub conflicts: usize,
    /// Records in the file that were already here, or older than the ones here.
    pub unchanged: usize,
}

impl MergeSummary {
    /// How many records the file changed here: added, updated or in conflict.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.conflicts
    }
}

/// The result of a merge: the combined workspace and what the merge did.
pub struct Merged {
    /// The current workspace with the file merged in.
    pub workspace: Workspace,
    /// What the merge did, for the person to confirm.
    pub summary: MergeSummary,
}

/// Merges `incoming` (a teammate's file) into a copy of `current` by the rules above.
/// The result is not checked; [`checked_merge`] is the one to use before accepting it.
pub fn merge(current: &Workspace, incoming: &Workspace) -> Merged {
    let mut ws = current.clone();
    let mut summary = MergeSummary::default();

    let deal_index: HashMap<Id, usize> = ws.deals.iter().enumerate().map(|(i, d)| (d.id.clone(), i)).collect();
    // The other side's sample deals are nobody's data: they never join this workspace.
    for theirs in incoming.deals.iter().filter(|d| !d.sample) {
        match deal_index.get(&theirs.id) {
            Some(&i) if ws.deals[i].created_at == theirs.created_at => {
                let ours = ws.deals[i].clone();
                let merged = merge_deal(&ours, theirs, &mut ws);
                count(&mut summary, &*ours, &**theirs, &merged);
                if merged != *ours {
                    ws.deals[i] = Arc::new(merged);
                }
            }
            Some(_) => {
                // Another deal under the same id: keep both. Its entries were minted
                // under the same shared origin, so they get fresh ids too.
                let mut copy = (**theirs).clone();
                copy.id = ws.mint_id();
                for activity in &mut copy.activities {
                    activity.id = ws.mint_id();
                }
                for feedback in &mut copy.feedback {
                    feedback.id = ws.mint_id();
                }
                ws.deals.push(Arc::new(copy));
                summary.added += 1;
            }
            None => {
                ws.deals.push(theirs.clone());
                summary.added += 1;
            }
        }
    }

    merge_records(&mut ws.roadmaps, &incoming.roadmaps, |r| &r.id, merge_roadmap, &mut summary);
    merge_records(&mut ws.goals, &incoming.goals, |g| &g.id, |ours, theirs| newer(ours, theirs, |g| g.updated_at).clone(), &mut summary);

    // Lost reasons a merged deal may name; labels here stay as they are.
    let known: HashSet<Id> = ws.settings.lost_reasons.iter().map(|r| r.id.clone()).collect();
    let new_reasons: Vec<LostReason> = incoming.settings.lost_reasons.iter().filter(|r| !known.contains(&r.id)).cloned().collect();
    summary.added += new_reasons.len();
    ws.settings.lost_reasons.extend(new_reasons);

    Merged { workspace: ws, summary }
}

/// Records matched by id: the file's new ones are added, the others combined.
fn merge_records<T: Clone + PartialEq>(
    ours: &mut Vec<T>,
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    combine: impl Fn(&T, &T) -> T,
    summary: &mut MergeSummary,
) {
    for incoming in theirs {
        match ours.iter().position(|o| id(o) == id(incoming)) {
            Some(i) => {
                let merged = combine(&ours[i], incoming);
                count(summary, &ours[i], incoming, &merged);
                ours[i] = merged;
            }
            None => {
                ours.push(incoming.clone());
                summary.added += 1;
            }
        }
    }
}

/// The merge, checked like an import: whole (every reference resolves, no id twice),
/// within the record limits, and with an id counter past every id it holds, so a
/// record that comes back from a file (say, after an undo) is never minted again.
pub fn checked_merge(current: &Workspace, incoming: &Workspace) -> Result<Merged, ImportError> {
    let mut merged = merge(current, incoming);
    validate::repair_id_counter(&mut merged.workspace);
    validate::check(&merged.workspace).map_err(ImportError::Broken)?;
    envelope::check_counts(&merged.workspace)?;
    Ok(merged)
}

fn count<T: PartialEq>(summary: &mut MergeSummary, ours: &T, theirs: &T, merged: &T) {
    if merged == ours {
        summary.unchanged += 1;
    } else if merged == theirs {
        summary.updated += 1;
    } else {
        summary.conflicts += 1;
    }
}

/// The newer of two versions; equal times fall to the larger serialized form, so
/// both people merging each other's files reach the same result.
fn newer<'a, T: serde::Serialize>(ours: &'a T, theirs: &'a T, time: impl Fn(&T) -> i64) -> &'a T {
    match time(ours).cmp(&time(theirs)) {
        std::cmp::Ordering::Greater => ours,
        std::cmp::Ordering::Less => theirs,
        std::cmp::Ordering::Equal => {
            let key = |x: &T| serde_json::to_string(x).unwrap_or_default();
            if key(theirs) > key(ours) {
                theirs
            } else {
                ours
            }
        }
    }
}

fn merge_deal(ours: &Deal, theirs: &Deal, ws: &mut Workspace) -> Deal {
    if ours == theirs {
        return ours.clone();
    }
    let (win, lose) = if std::ptr::eq(newer(ours, theirs, |d| d.updated_at), ours) { (ours, theirs) } else { (theirs, ours) };
    let mut merged = win.clone();
    merged.milestones = union_progress(&win.milestones, &lose.milestones);
    merged.activities = union_entries(&ours.activities, &theirs.activities, |a: &Activity| &a.id, |a, id| a.id = id, ws);
    merged.feedback = union_entries(&ours.feedback, &theirs.feedback, |f: &Feedback| &f.id, |f, id| f.id = id, ws);
    merged
}

/// The winner's progress, plus milestones only the other side has touched.
fn union_progress(win: &[MilestoneProgress], lose: &[MilestoneProgress]) -> Vec<MilestoneProgress> {
    let mut all = win.to_vec();
    all.extend(lose.iter().filter(|p| !win.iter().any(|w| w.milestone_id == p.milestone_id)).cloned());
    all
}

/// Both sides' entries, ours first; one with our id but other content is theirs under a fresh id.
fn union_entries<T: Clone + PartialEq>(
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    set_id: impl Fn(&mut T, Id),
    ws: &mut Workspace,
) -> Vec<T> {
    let mut all = ours.to_vec();
    for entry in theirs {
        match ours.iter().find(|o| id(o) == id(entry)) {
            Some(same) if same == entry => {}
            Some(_) => {
                let mut copy = entry.clone();
                set_id(&mut copy, ws.mint_id());
                all.push(copy);
            }
            None => all.push(entry.clone()),
        }
    }
    all
}

/// The newer version, plus stages and milestones only the older one has, each after
/// the stage or milestone it followed there.
fn merge_roadmap(ours: &Roadmap, theirs: &Roadmap) -> Roadmap {
    if ours == theirs {
        return ours.clone();
    }
    let (win, lose) = if std::ptr::eq(newer(ours, theirs, |r| r.updated_at), ours) { (ours, theirs) } else { (theirs, ours) };
    let mut merged = win.clone();
    for (i, stage) in lose.stages.iter().enumerate() {
        match merged.stages.iter().position(|s| s.id == stage.id) {
            Some(at) => add_missing_milestones(&mut merged, at, stage),
            None => {
                let after = i.checked_sub(1).and_then(|p| merged.stages.iter().position(|s| s.id == lose.stages[p].id));
                // Its milestones the newer side moved elsewhere stay where they are now.
                let mut stage = stage.clone();
                stage.milestones.retain(|m| !merged.stages.iter().any(|s| s.milestones.iter().any(|x| x.id == m.id)));
                merged.stages.insert(after.map_or(0, |a| a + 1), stage);
            }
        }
    }
    merged
}

fn add_missing_milestones(merged: &mut Roadmap, at: usize, other: &Stage) {
    for (i, milestone) in other.milestones.iter().enumerate() {
        // One the newer side moved to another stage is already there.
        if merged.stages.iter().any(|s| s.milestones.iter().any(|m| m.id == milestone.id)) {
            continue;
        }
        let into = &mut merged.stages[at];
        let after = i.checked_sub(1).and_then(|p| into.milestones.iter().position(|m| m.id == other.milestones[p].id));
        into.milestones.insert(after.map_or(0, |a| a + 1), milestone.clone());
    }
}
