//! Merging a teammate's file into the current workspace.
//!
//! Records are matched by id (ids carry a random per-workspace origin, and roadmaps
//! made from a built-in template have the template's fixed ids). The rules:
//! - a record only in the file is added;
//! - a record on both sides that differs takes the newer version (`updated_at`;
//!   equal times fall to a fixed order, so the result never depends on who merges).
//!   A roadmap is combined stage by stage and milestone by milestone, each the newer;
//! - nothing is lost to a merge: a deal's activities and feedback, its milestone
//!   progress and a roadmap's stages and milestones are the union of both sides,
//!   less what either side deleted;
//! - a deletion travels as a tombstone (`Workspace::deleted`): the record goes on
//!   the other side too, unless that side changed it after the deletion (then it is
//!   kept, and the summary says so), or something kept still needs it (a deal in a
//!   deleted stage keeps its stage). Activities, feedback and lost reasons never
//!   change once written, so their deletion always travels;
//! - activities and feedback never change once written, so the same id with other
//!   content is a clash (two old workspaces that shared an origin): both are kept,
//!   the file's under a fresh id. A deal with the same id but another creation time
//!   is a clash too, and is added under a fresh id;
//! - the other side's sample deals never join.
//!
//! The current workspace keeps its own settings, origin and record order; records
//! new to it come after its own, in the file's order.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::core::files::envelope::{self, ImportError};
use crate::core::files::merge_roadmap::{merge_roadmap, newer};
use crate::core::model::{Activity, Deal, Feedback, Id, MilestoneProgress, Timestamp, Tombstone, Workspace};
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
    /// Records here that the file deleted.
    pub deleted: usize,
    /// Records one side deleted and the other changed after that: kept.
    pub kept: usize,
}

impl MergeSummary {
    /// How many records the file changed here: added, updated, in conflict or deleted.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.conflicts + self.deleted
    }
}

/// The result of a merge: the combined workspace and what the merge did.
pub struct Merged {
    /// The current workspace with the file merged in.
    pub workspace: Workspace,
    /// What the merge did, for the person to confirm.
    pub summary: MergeSummary,
}

/// Both sides' deletions, each id once with its latest time.
pub(crate) struct Deletions(HashMap<Id, Tombstone>);

impl Deletions {
    fn of(ours: &[Tombstone], theirs: &[Tombstone]) -> Deletions {
        let mut all: HashMap<Id, Tombstone> = HashMap::with_capacity(ours.len() + theirs.len());
        for t in ours.iter().chain(theirs) {
            match all.get_mut(&t.id) {
                Some(known) if known.at >= t.at => {}
                Some(known) => *known = t.clone(),
                None => {
                    all.insert(t.id.clone(), t.clone());
                }
            }
        }
        Deletions(all)
    }

    /// When `id` was deleted, if it was.
    pub(crate) fn at(&self, id: &Id) -> Option<Timestamp> {
        self.0.get(id).map(|t| t.at)
    }

    /// Whether a record last changed at `changed` is deleted: deleted at or after that.
    pub(crate) fn buries(&self, id: &Id, changed: Timestamp) -> bool {
        self.at(id).is_some_and(|at| at >= changed)
    }

    /// The merged list: ours in our order, then the file's new ones in its order.
    fn list(&self, ours: &[Tombstone], theirs: &[Tombstone]) -> Vec<Tombstone> {
        let mut seen = HashSet::with_capacity(self.0.len());
        ours.iter().chain(theirs).filter(|t| seen.insert(&t.id)).map(|t| self.0[&t.id].clone()).collect()
    }
}

/// Merges `incoming` (a teammate's file) into a copy of `current` by the rules above.
/// The result is not checked; [`checked_merge`] is the one to use before accepting it.
pub fn merge(current: &Workspace, incoming: &Workspace) -> Merged {
    let mut ws = current.clone();
    let mut summary = MergeSummary::default();
    let deletions = Deletions::of(&current.deleted, &incoming.deleted);
    ws.deleted = deletions.list(&current.deleted, &incoming.deleted);
    // A record and a deletion of it meeting for the first time here, with the record
    // changed after: worth telling (the deleter will see it come back).
    let news =
        |id: &Id, here: bool| if here { !current.deleted.iter().any(|t| &t.id == id) } else { current.deleted.iter().any(|t| &t.id == id) };

    merge_deals(&mut ws, current, incoming, &deletions, &mut summary, &news);

    // Roadmaps: combined stage by stage; one that was deleted stays while a deal follows it.
    let followed: HashSet<Id> = ws.deals.iter().map(|d| d.roadmap_id.clone()).collect();
    let in_use: HashSet<Id> = ws.deals.iter().map(|d| d.stage_id.clone()).collect();
    let mut roadmaps = Vec::with_capacity(current.roadmaps.len());
    for ours in &current.roadmaps {
        let merged = match incoming.roadmap(&ours.id) {
            Some(theirs) => {
                let merged = merge_roadmap(ours, theirs, &deletions, &in_use);
                count(&mut summary, ours, theirs, &merged);
                merged
            }
            None => merge_roadmap(ours, ours, &deletions, &in_use),
        };
        if deletions.buries(&merged.id, merged.updated_at) && !followed.contains(&merged.id) {
            summary.deleted += 1;
            continue;
        }
        if deletions.at(&merged.id).is_some() && news(&merged.id, true) {
            summary.kept += 1;
        }
        roadmaps.push(merged);
    }
    for theirs in incoming.roadmaps.iter().filter(|r| current.roadmap(&r.id).is_none()) {
        let merged = merge_roadmap(theirs, theirs, &deletions, &in_use);
        if deletions.buries(&merged.id, merged.updated_at) && !followed.contains(&merged.id) {
            continue;
        }
        summary.added += 1;
        roadmaps.push(merged);
    }
    ws.roadmaps = roadmaps;
    fit_deals_to_roadmaps(&mut ws);

    // Goals: the newer version; a goal on a deleted roadmap then counts every roadmap, as a local deletion does.
    let mut goals = Vec::with_capacity(current.goals.len());
    for ours in &current.goals {
        let merged = match incoming.goals.iter().find(|g| g.id == ours.id) {
            Some(theirs) => {
                let merged = newer(ours, theirs, |g| g.updated_at).clone();
                count(&mut summary, ours, theirs, &merged);
                merged
            }
            None => ours.clone(),
        };
        if deletions.buries(&merged.id, merged.updated_at) {
            summary.deleted += 1;
        } else {
            goals.push(merged);
        }
    }
    let new_goals = incoming.goals.iter().filter(|g| !current.goals.iter().any(|o| o.id == g.id));
    for theirs in new_goals.filter(|g| !deletions.buries(&g.id, g.updated_at)) {
        summary.added += 1;
        goals.push(theirs.clone());
    }
    for goal in &mut goals {
        if goal.roadmap_id.as_ref().is_some_and(|r| ws.roadmap(r).is_none()) {
            goal.roadmap_id = None;
        }
    }
    ws.goals = goals;

    // Lost reasons never change once added: the union, less deletions no kept deal still names.
    let named: HashSet<Id> = ws.deals.iter().filter_map(|d| d.lost_reason.clone()).collect();
    let mut reasons = Vec::with_capacity(current.settings.lost_reasons.len());
    for reason in &current.settings.lost_reasons {
        if deletions.at(&reason.id).is_some() && !named.contains(&reason.id) {
            summary.deleted += 1;
        } else {
            reasons.push(reason.clone());
        }
    }
    let new_reasons = incoming.settings.lost_reasons.iter().filter(|r| !current.settings.lost_reasons.iter().any(|o| o.id == r.id));
    for reason in new_reasons.filter(|r| deletions.at(&r.id).is_none() || named.contains(&r.id)) {
        summary.added += 1;
        reasons.push(reason.clone());
    }
    ws.settings.lost_reasons = reasons;
    if ws.settings.active_roadmap.as_ref().is_some_and(|r| ws.roadmap(r).is_none()) {
        ws.settings.active_roadmap = None;
    }

    Merged { workspace: ws, summary }
}

/// Deals: the newer version of each, with both sides' logs; a deleted one goes unless changed after.
fn merge_deals(
    ws: &mut Workspace,
    current: &Workspace,
    incoming: &Workspace,
    deletions: &Deletions,
    summary: &mut MergeSummary,
    news: &impl Fn(&Id, bool) -> bool,
) {
    let deal_index: HashMap<&Id, usize> = current.deals.iter().enumerate().map(|(i, d)| (&d.id, i)).collect();
    let mut out: Vec<Arc<Deal>> = Vec::with_capacity(current.deals.len() + incoming.deals.len());
    let mut theirs_by_id: HashMap<&Id, &Arc<Deal>> = HashMap::with_capacity(incoming.deals.len());
    let mut clashes = Vec::new();
    // The other side's sample deals are nobody's data: they never join this workspace.
    for theirs in incoming.deals.iter().filter(|d| !d.sample) {
        match deal_index.get(&theirs.id) {
            Some(&i) if current.deals[i].created_at != theirs.created_at => clashes.push(theirs),
            _ => {
                theirs_by_id.insert(&theirs.id, theirs);
            }
        }
    }
    for ours in &current.deals {
        let merged = match theirs_by_id.get(&ours.id) {
            Some(theirs) => {
                let merged = merge_deal(ours, theirs, deletions, ws);
                count(summary, &**ours, &***theirs, &merged);
                if merged == **ours {
                    ours.clone()
                } else {
                    Arc::new(merged)
                }
            }
            None => without_deleted_entries(ours, deletions),
        };
        if deletions.buries(&merged.id, merged.updated_at) {
            summary.deleted += 1;
            continue;
        }
        if deletions.at(&merged.id).is_some() && news(&merged.id, true) {
            summary.kept += 1;
        }
        out.push(merged);
    }
    for theirs in incoming.deals.iter().filter(|d| !d.sample && !deal_index.contains_key(&d.id)) {
        if deletions.buries(&theirs.id, theirs.updated_at) {
            continue;
        }
        if deletions.at(&theirs.id).is_some() && news(&theirs.id, false) {
            summary.kept += 1;
        }
        summary.added += 1;
        out.push(without_deleted_entries(theirs, deletions));
    }
    for theirs in clashes {
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
        out.push(Arc::new(copy));
        summary.added += 1;
    }
    ws.deals = out;
}

/// The deal without the activities and feedback deleted on either side.
fn without_deleted_entries(deal: &Arc<Deal>, deletions: &Deletions) -> Arc<Deal> {
    let gone = |id: &Id| deletions.at(id).is_some();
    if !deal.activities.iter().any(|a| gone(&a.id)) && !deal.feedback.iter().any(|f| gone(&f.id)) {
        return deal.clone();
    }
    let mut copy = (**deal).clone();
    copy.activities.retain(|a| !gone(&a.id));
    copy.feedback.retain(|f| !gone(&f.id));
    Arc::new(copy)
}

/// After the roadmaps are merged: progress on a deleted milestone goes, feedback on
/// one is about no milestone, and history forgets a deleted stage, as a local
/// deletion does. Only the deals this touches are copied.
fn fit_deals_to_roadmaps(ws: &mut Workspace) {
    let roadmaps: HashMap<&Id, (HashSet<&Id>, HashSet<&Id>)> = ws
        .roadmaps
        .iter()
        .map(|r| {
            let stages = r.stages.iter().map(|s| &s.id).collect();
            let milestones = r.stages.iter().flat_map(|s| s.milestones.iter().map(|m| &m.id)).collect();
            (&r.id, (stages, milestones))
        })
        .collect();
    let mut fixed: Vec<(usize, Deal)> = Vec::new();
    for (i, deal) in ws.deals.iter().enumerate() {
        let Some((stages, milestones)) = roadmaps.get(&deal.roadmap_id) else { continue };
        let fits = deal.stage_history.iter().all(|e| stages.contains(&e.stage_id))
            && deal.milestones.iter().all(|p| milestones.contains(&p.milestone_id))
            && deal.feedback.iter().all(|f| f.milestone_id.as_ref().is_none_or(|m| milestones.contains(m)));
        if fits {
            continue;
        }
        let mut deal = (**deal).clone();
        deal.stage_history.retain(|e| stages.contains(&e.stage_id) || e.stage_id == deal.stage_id);
        deal.stage_history.dedup_by(|later, earlier| later.stage_id == earlier.stage_id);
        deal.milestones.retain(|p| milestones.contains(&p.milestone_id));
        for feedback in deal.feedback.iter_mut().filter(|f| f.milestone_id.as_ref().is_some_and(|m| !milestones.contains(m))) {
            feedback.milestone_id = None;
        }
        fixed.push((i, deal));
    }
    for (i, deal) in fixed {
        ws.deals[i] = Arc::new(deal);
    }
}

/// The merge, checked like an import: whole (every reference resolves, no id twice),
/// within the record limits, and with an id counter past every id it holds, so a
/// record that comes back from a file (say, after an undo) is never minted again.
/// Deletions older than `TOMBSTONE_DAYS` before `now` are forgotten.
pub fn checked_merge(current: &Workspace, incoming: &Workspace, now: Timestamp) -> Result<Merged, ImportError> {
    let mut merged = merge(current, incoming);
    merged.workspace.compact_deleted(now);
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

fn merge_deal(ours: &Deal, theirs: &Deal, deletions: &Deletions, ws: &mut Workspace) -> Deal {
    if ours == theirs {
        return (*without_deleted_entries(&Arc::new(ours.clone()), deletions)).clone();
    }
    let (win, lose) = if std::ptr::eq(newer_deal(ours, theirs), ours) { (ours, theirs) } else { (theirs, ours) };
    let mut merged = win.clone();
    merged.milestones = union_progress(&win.milestones, &lose.milestones);
    merged.activities = union_entries(&ours.activities, &theirs.activities, |a: &Activity| &a.id, |a, id| a.id = id, ws);
    merged.feedback = union_entries(&ours.feedback, &theirs.feedback, |f: &Feedback| &f.id, |f, id| f.id = id, ws);
    merged.activities.retain(|a| deletions.at(&a.id).is_none());
    merged.feedback.retain(|f| deletions.at(&f.id).is_none());
    merged
}

/// The newer deal; equal times fall to the fields both sides' logs do not merge, so
/// the winner of three versions is the same whichever two meet first.
fn newer_deal<'a>(ours: &'a Deal, theirs: &'a Deal) -> &'a Deal {
    match ours.updated_at.cmp(&theirs.updated_at) {
        std::cmp::Ordering::Greater => ours,
        std::cmp::Ordering::Less => theirs,
        std::cmp::Ordering::Equal => {
            let key = |d: &Deal| {
                let mut own = d.clone();
                (own.milestones, own.activities, own.feedback) = (Vec::new(), Vec::new(), Vec::new());
                serde_json::to_string(&own).unwrap_or_default()
            };
            if key(theirs) > key(ours) {
                theirs
            } else {
                ours
            }
        }
    }
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
