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
//!   kept, from the versions made after the deletion, and the summary says so).
//!   Activities, feedback and lost reasons never change once written, so their
//!   deletion always travels, and so does a stage's or a milestone's
//!   (`merge_roadmap` says why); a deal in a deleted stage moves where the deleter
//!   moved that stage's deals. A roadmap a kept deal follows or a goal names, and a
//!   lost reason a kept deal names, stay. A roadmap deleted on one side while
//!   another adds deals to it is one case where the version kept can depend on
//!   the order files are merged in (it is the newest version the merge has). The
//!   other: a deal one teammate deleted, another changed before the deletion and a
//!   third after. The deal stays; whether the earlier change's log entries and
//!   milestone progress stay with it depends on whether that file met the deletion
//!   first (which erased them) or the later change first (which merged them in);
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
use crate::core::files::merge_roadmap::{merge_roadmap, newer, newer_by};
use crate::core::model::{
    Activity, CustomerTask, DateProposal, Deal, Feedback, Id, Member, MilestoneProgress, StageEntry, Timestamp, Tombstone, Workspace,
};
use crate::core::roadmap::edit::forget_milestones;
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
    /// Who made the deals and goals the file adds, updates and deletes here, by the
    /// "I am" name they worked under, in name order (changes nobody named are not listed).
    pub people: Vec<PersonChanges>,
}

/// What one teammate's changes in a merged file do here, in deals and goals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonChanges {
    /// Their "I am" name.
    pub name: String,
    /// Deals and goals they made that are new here.
    pub added: usize,
    /// Deals and goals they changed, newer than the ones here.
    pub updated: usize,
    /// Deals and goals here they deleted.
    pub deleted: usize,
}

#[derive(Clone, Copy)]
enum Credit {
    Added,
    Updated,
    Deleted,
}

impl MergeSummary {
    /// How many records the file changed here: added, updated, in conflict or deleted.
    pub fn changes(&self) -> usize {
        self.added + self.updated + self.conflicts + self.deleted
    }

    fn credit(&mut self, name: &str, what: Credit) {
        if name.is_empty() {
            return;
        }
        let at = match self.people.binary_search_by(|p| p.name.as_str().cmp(name)) {
            Ok(at) => at,
            Err(at) => {
                self.people.insert(at, PersonChanges { name: name.to_owned(), ..PersonChanges::default() });
                at
            }
        };
        let person = &mut self.people[at];
        match what {
            Credit::Added => person.added += 1,
            Credit::Updated => person.updated += 1,
            Credit::Deleted => person.deleted += 1,
        }
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

    /// Who deleted `id`, if anyone named did.
    fn by(&self, id: &Id) -> &str {
        self.0.get(id).map_or("", |t| t.by.as_str())
    }

    /// When `id` was deleted, if it was.
    pub(crate) fn at(&self, id: &Id) -> Option<Timestamp> {
        self.0.get(id).map(|t| t.at)
    }

    /// Whether a record last changed at `changed` is deleted: deleted at or after that.
    pub(crate) fn buries(&self, id: &Id, changed: Timestamp) -> bool {
        self.at(id).is_some_and(|at| at >= changed)
    }

    /// Where deals in the deleted stage `id` go: where its deletion sent them, following
    /// further deletions to a stage nobody deleted, if the roadmap has it (`kept`); else
    /// `first`. The deleter's file holds the stage its deletion names, so a merge that
    /// knows a deletion nearly always has that stage.
    pub(crate) fn destination(&self, id: &Id, kept: &HashSet<&Id>, first: &Id) -> Id {
        match self.follow(id) {
            Ok(stage) if kept.contains(&stage) => stage,
            // Sent round in a loop (each person deleted the stage the other moved deals
            // to) or to a stage this merge does not have: the roadmap's first stage.
            _ => first.clone(),
        }
    }

    /// Follows where the deletion of stage `id` sent its deals, through further
    /// deletions: the first stage nobody deleted, or the stages of a loop (two people
    /// who each deleted the stage the other moved deals to).
    pub(crate) fn follow(&self, id: &Id) -> Result<Id, Vec<Id>> {
        let mut path: Vec<Id> = vec![id.clone()];
        let mut next = self.0.get(id).and_then(|t| t.moved_to.clone());
        while let Some(stage) = next {
            if let Some(start) = path.iter().position(|s| *s == stage) {
                return Err(path.split_off(start));
            }
            match self.0.get(&stage) {
                None => return Ok(stage),
                Some(further) => next = further.moved_to.clone(),
            }
            path.push(stage);
        }
        Err(path)
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

    let met = merge_deals(&mut ws, current, incoming, &deletions, &mut summary, &news);

    // Roadmaps: combined stage by stage; one that was deleted stays while a deal follows it or a goal names it.
    let goals_kept = current.goals.iter().chain(&incoming.goals).filter(|g| !deletions.buries(&g.id, g.updated_at));
    let followed: HashSet<Id> =
        ws.deals.iter().map(|d| d.roadmap_id.clone()).chain(goals_kept.filter_map(|g| g.roadmap_id.clone())).collect();
    let mut roadmaps = Vec::with_capacity(current.roadmaps.len());
    let theirs_only = incoming.roadmaps.iter().filter(|r| current.roadmap(&r.id).is_none());
    for (ours, theirs) in current.roadmaps.iter().map(|r| (Some(r), incoming.roadmap(&r.id))).chain(theirs_only.map(|r| (None, Some(r)))) {
        let (one, other) = match (ours, theirs) {
            (Some(o), Some(t)) => (o, t),
            (Some(o), None) => (o, o),
            (None, Some(t)) => (t, t),
            (None, None) => continue,
        };
        let merged = merge_roadmap(one, other, &deletions);
        if deletions.buries(&merged.id, merged.updated_at) && !followed.contains(&merged.id) {
            summary.deleted += usize::from(ours.is_some());
            continue;
        }
        match (ours, theirs) {
            (Some(o), Some(t)) => {
                count(&mut summary, o, t, &merged);
            }
            (None, _) => summary.added += 1,
            _ => {}
        }
        if deletions.at(&merged.id).is_some() && news(&merged.id, ours.is_some()) {
            summary.kept += 1;
        }
        roadmaps.push(merged);
    }
    ws.roadmaps = roadmaps;
    fit_deals_to_roadmaps(&mut ws, &deletions);
    // Deals on both sides are counted as they end up, after fitting them to the roadmaps.
    for (deal, versions) in ws.deals.iter().zip(&met) {
        match versions {
            (Some(ours), Some(theirs)) if count(&mut summary, &**ours, &**theirs, &**deal) => {
                summary.credit(&deal.updated_by, Credit::Updated);
            }
            // Only here, and changed by the file's deletions (an activity, a milestone).
            (Some(ours), None) if ours != deal => summary.updated += 1,
            _ => {}
        }
    }

    // Goals: the newer version; a goal on a deleted roadmap then counts every roadmap, as a local deletion does.
    let mut goals = Vec::with_capacity(current.goals.len());
    for ours in &current.goals {
        let merged = match incoming.goals.iter().find(|g| g.id == ours.id) {
            Some(theirs) => {
                let merged = newer(ours, theirs, |g| g.updated_at).clone();
                if count(&mut summary, ours, theirs, &merged) {
                    summary.credit(&merged.updated_by, Credit::Updated);
                }
                merged
            }
            None => ours.clone(),
        };
        if deletions.buries(&merged.id, merged.updated_at) {
            summary.deleted += 1;
            summary.credit(deletions.by(&merged.id), Credit::Deleted);
        } else {
            goals.push(merged);
        }
    }
    let new_goals = incoming.goals.iter().filter(|g| !current.goals.iter().any(|o| o.id == g.id));
    for theirs in new_goals.filter(|g| !deletions.buries(&g.id, g.updated_at)) {
        summary.added += 1;
        summary.credit(&theirs.updated_by, Credit::Added);
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
    ws.settings.team = merge_team(&current.settings.team, &incoming.settings.team);
    if ws.settings.active_roadmap.as_ref().is_some_and(|r| ws.roadmap(r).is_none()) {
        ws.settings.active_roadmap = None;
    }

    Merged { workspace: ws, summary }
}

/// The versions of a deal the merge kept (ours, theirs), for counting it once it is final.
type Met = (Option<Arc<Deal>>, Option<Arc<Deal>>);

/// Deals: the newer version of each, with both sides' logs; a deleted one goes unless
/// changed after. Gives, for each kept deal, both versions when both sides had it.
fn merge_deals(
    ws: &mut Workspace,
    current: &Workspace,
    incoming: &Workspace,
    deletions: &Deletions,
    summary: &mut MergeSummary,
    news: &impl Fn(&Id, bool) -> bool,
) -> Vec<Met> {
    let mut met: Vec<Met> = Vec::with_capacity(current.deals.len() + incoming.deals.len());
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
    // A deletion erases every version from before it: what is merged is only what changed after.
    let theirs_by_id: HashMap<&Id, &Arc<Deal>> = theirs_by_id.into_iter().filter(|(id, d)| !deletions.buries(id, d.updated_at)).collect();
    for ours in &current.deals {
        if deletions.buries(&ours.id, ours.updated_at) && !theirs_by_id.contains_key(&ours.id) {
            summary.deleted += 1;
            summary.credit(deletions.by(&ours.id), Credit::Deleted);
            continue;
        }
        let (merged, versions) = match theirs_by_id.get(&ours.id).filter(|_| !deletions.buries(&ours.id, ours.updated_at)) {
            Some(theirs) => {
                let merged = merge_deal(ours, theirs, deletions, ws);
                let merged = if merged == **ours { ours.clone() } else { Arc::new(merged) };
                (merged, (Some(ours.clone()), Some((*theirs).clone())))
            }
            None if deletions.buries(&ours.id, ours.updated_at) => {
                // Deleted, and changed after that on the other side: their version only.
                let theirs = theirs_by_id[&ours.id];
                (without_deleted_entries(theirs, deletions), (Some(ours.clone()), Some(theirs.clone())))
            }
            None => (without_deleted_entries(ours, deletions), (Some(ours.clone()), None)),
        };
        if deletions.at(&merged.id).is_some() && news(&merged.id, true) {
            summary.kept += 1;
        }
        out.push(merged);
        met.push(versions);
    }
    for theirs in incoming.deals.iter().filter(|d| !d.sample && !deal_index.contains_key(&d.id)) {
        if deletions.buries(&theirs.id, theirs.updated_at) {
            continue;
        }
        if deletions.at(&theirs.id).is_some() && news(&theirs.id, false) {
            summary.kept += 1;
        }
        summary.added += 1;
        summary.credit(&theirs.updated_by, Credit::Added);
        out.push(without_deleted_entries(theirs, deletions));
        met.push((None, Some(theirs.clone())));
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
        for task in &mut copy.customer_tasks {
            let fresh = ws.mint_id();
            for proposal in copy.proposals.iter_mut().filter(|p| p.item_id == task.id) {
                proposal.item_id = fresh.clone();
            }
            task.id = fresh;
        }
        for proposal in &mut copy.proposals {
            proposal.id = ws.mint_id();
        }
        out.push(Arc::new(copy));
        met.push((None, None));
        summary.added += 1;
    }
    ws.deals = out;
    met
}

/// The deal without the activities, feedback, customer tasks and proposals deleted on either side.
fn without_deleted_entries(deal: &Arc<Deal>, deletions: &Deletions) -> Arc<Deal> {
    let gone = |id: &Id| deletions.at(id).is_some();
    if !deal.activities.iter().any(|a| gone(&a.id))
        && !deal.feedback.iter().any(|f| gone(&f.id))
        && !deal.customer_tasks.iter().any(|t| gone(&t.id))
        && !deal.proposals.iter().any(|p| gone(&p.id) || gone(&p.item_id))
    {
        return deal.clone();
    }
    let mut copy = (**deal).clone();
    copy.activities.retain(|a| !gone(&a.id));
    copy.feedback.retain(|f| !gone(&f.id));
    copy.customer_tasks.retain(|t| !gone(&t.id));
    copy.proposals.retain(|p| !gone(&p.id) && !gone(&p.item_id));
    Arc::new(copy)
}

/// After the roadmaps are merged: a deal in a deleted stage moves where the deletion
/// sent that stage's deals, progress on a deleted milestone goes, feedback on one is
/// about no milestone, and history forgets deleted stages. The deal keeps its
/// `updated_at`: this follows from the deletions, and a later merge that knows more of
/// them places the deal again from the stage it was moved from (`moved_from`), so
/// every order of merging ends with it in the same stage. Only the deals this touches are copied.
fn fit_deals_to_roadmaps(ws: &mut Workspace, deletions: &Deletions) {
    struct Shape<'a> {
        stages: HashSet<&'a Id>,
        milestones: HashSet<&'a Id>,
        first: &'a Id,
    }
    let shapes: HashMap<&Id, Shape> = ws
        .roadmaps
        .iter()
        .filter(|r| !r.stages.is_empty())
        .map(|r| {
            let stages = r.stages.iter().map(|s| &s.id).collect();
            let milestones = r.stages.iter().flat_map(|s| s.milestones.iter().map(|m| &m.id)).collect();
            (&r.id, Shape { stages, milestones, first: &r.stages[0].id })
        })
        .collect();
    let mut fixed: Vec<(usize, Deal)> = Vec::new();
    for (i, deal) in ws.deals.iter().enumerate() {
        let Some(shape) = shapes.get(&deal.roadmap_id) else { continue };
        let moved_from = deal.stage_history.last().and_then(|e| e.moved_from.as_ref()).filter(|s| !shape.stages.contains(s));
        let place = |from: &Id| deletions.destination(from, &shape.stages, shape.first);
        let fits = moved_from.is_none_or(|from| place(from) == deal.stage_id)
            && deal.stage_history.iter().all(|e| shape.stages.contains(&e.stage_id))
            && deal.milestones.iter().all(|p| shape.milestones.contains(&p.milestone_id))
            && deal.feedback.iter().all(|f| f.milestone_id.as_ref().is_none_or(|m| shape.milestones.contains(m)))
            && deal
                .proposals
                .iter()
                .all(|p| shape.milestones.contains(&p.item_id) || deal.customer_tasks.iter().any(|t| t.id == p.item_id));
        if fits {
            continue;
        }
        let mut deal = (**deal).clone();
        match moved_from.cloned() {
            // Moved by an earlier merge: placed again, from where it was moved from.
            Some(from) => {
                let to = place(&from);
                if let Some(last) = deal.stage_history.last_mut() {
                    last.stage_id = to.clone();
                }
                deal.stage_id = to;
            }
            None if !shape.stages.contains(&deal.stage_id) => {
                let to = place(&deal.stage_id);
                // It is where it was since it entered the deleted stage: the move is the deletion's, not a step the deal took.
                let entered_at = deal.stage_history.last().map_or(deal.created_at, |e| e.entered_at);
                let moved_from = Some(std::mem::replace(&mut deal.stage_id, to.clone()));
                deal.stage_history.push(StageEntry { stage_id: to, entered_at, moved_from });
            }
            None => {}
        }
        // Unlike a local deletion, a stage twice in a row stays: folding the two would
        // change the time a later merge places the deal with, whichever came first.
        deal.stage_history.retain(|e| shape.stages.contains(&e.stage_id));
        forget_milestones(&mut deal, |m| !shape.milestones.contains(m));
        fixed.push((i, deal));
    }
    for (i, deal) in fixed {
        ws.deals[i] = Arc::new(deal);
    }
}

/// The team lists of both sides: each member the newer version; two people who
/// added the same name keep one entry, the most recently changed.
fn merge_team(ours: &[Member], theirs: &[Member]) -> Vec<Member> {
    let mut all: Vec<Member> = ours.to_vec();
    for member in theirs {
        match all.iter_mut().find(|m| m.id == member.id) {
            Some(known) => *known = newer(known, member, |m| m.updated_at).clone(),
            None => all.push(member.clone()),
        }
    }
    let newest = |a: &Member, b: &Member| (a.updated_at, &a.id) > (b.updated_at, &b.id);
    let keep: Vec<bool> = all.iter().map(|m| !all.iter().any(|o| o.name == m.name && o.id != m.id && newest(o, m))).collect();
    all.into_iter().zip(keep).filter_map(|(m, k)| k.then_some(m)).collect()
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

/// Counts one record both sides had; says whether the file changed it here.
fn count<T: PartialEq>(summary: &mut MergeSummary, ours: &T, theirs: &T, merged: &T) -> bool {
    if merged == ours {
        summary.unchanged += 1;
        false
    } else {
        if merged == theirs {
            summary.updated += 1;
        } else {
            summary.conflicts += 1;
        }
        true
    }
}

fn merge_deal(ours: &Deal, theirs: &Deal, deletions: &Deletions, ws: &mut Workspace) -> Deal {
    if ours == theirs {
        return (*without_deleted_entries(&Arc::new(ours.clone()), deletions)).clone();
    }
    let (win, lose) = if std::ptr::eq(newer_deal(ours, theirs), ours) { (ours, theirs) } else { (theirs, ours) };
    let mut merged = win.clone();
    merged.milestones = union_progress(&win.milestones, &lose.milestones);
    // The newer side's log leads, so taking a teammate's newer deal whole counts as an update, not a conflict.
    merged.activities = union_entries(&win.activities, &lose.activities, |a: &Activity| &a.id, PartialEq::eq, |a, id| a.id = id, ws);
    // Feedback on a milestone someone deleted is about no milestone on that side: still the same feedback.
    let about_nothing = |f: &Feedback| Feedback { milestone_id: None, ..f.clone() };
    let same_feedback = |a: &Feedback, b: &Feedback| about_nothing(a) == about_nothing(b);
    merged.feedback = union_entries(&win.feedback, &lose.feedback, |f: &Feedback| &f.id, same_feedback, |f, id| f.id = id, ws);
    for feedback in merged.feedback.iter_mut().filter(|f| f.milestone_id.is_some()) {
        if ours.feedback.iter().chain(&theirs.feedback).any(|o| o.id == feedback.id && o.milestone_id.is_none()) {
            feedback.milestone_id = None;
        }
    }
    merged.activities.retain(|a| deletions.at(&a.id).is_none());
    merged.feedback.retain(|f| deletions.at(&f.id).is_none());
    // Logs are kept newest first: entries the older side adds go in by date.
    if lose.activities.iter().any(|a| !win.activities.iter().any(|w| w.id == a.id)) {
        merged.activities.sort_by_key(|a| std::cmp::Reverse(a.date));
    }
    if lose.feedback.iter().any(|f| !win.feedback.iter().any(|w| w.id == f.id)) {
        merged.feedback.sort_by_key(|f| std::cmp::Reverse(f.date));
    }
    merge_customer_side(&mut merged, ours, theirs, deletions);
    merged
}

/// The customer's side of a deal: each task the newer version, proposals and merged
/// replies from both sides, less what either side deleted (a proposal accepted or
/// declined is deleted). Sorted, so the order the sides meet in does not show.
fn merge_customer_side(merged: &mut Deal, ours: &Deal, theirs: &Deal, deletions: &Deletions) {
    let gone = |id: &Id| deletions.at(id).is_some();
    let mut tasks: Vec<CustomerTask> = Vec::new();
    for task in ours.customer_tasks.iter().chain(&theirs.customer_tasks).filter(|t| !gone(&t.id)) {
        match tasks.iter_mut().find(|t| t.id == task.id) {
            Some(kept) => {
                if std::ptr::eq(newer_by(&*kept, task, |t| t.updated_at, |t| format!("{t:?}")), task) {
                    *kept = task.clone();
                }
            }
            None => tasks.push(task.clone()),
        }
    }
    tasks.sort_by(|a, b| a.due.cmp(&b.due).then_with(|| a.id.cmp(&b.id)));
    merged.customer_tasks = tasks;
    let mut proposals: Vec<DateProposal> = Vec::new();
    for proposal in ours.proposals.iter().chain(&theirs.proposals).filter(|p| !gone(&p.id) && !gone(&p.item_id)) {
        if !proposals.iter().any(|p| p.id == proposal.id) {
            proposals.push(proposal.clone());
        }
    }
    proposals.sort_by(|a, b| a.replied_at.cmp(&b.replied_at).then_with(|| a.id.cmp(&b.id)));
    merged.proposals = proposals;
    let mut replies: Vec<Timestamp> = ours.replies.iter().chain(&theirs.replies).copied().collect();
    replies.sort_unstable();
    replies.dedup();
    merged.replies = replies;
}

/// The newer deal; equal times fall to the fields both sides' logs do not merge, so
/// the winner of three versions is the same whichever two meet first.
fn newer_deal<'a>(ours: &'a Deal, theirs: &'a Deal) -> &'a Deal {
    let key = |d: &Deal| {
        let merged_apart = Deal {
            milestones: Vec::new(),
            activities: Vec::new(),
            feedback: Vec::new(),
            customer_tasks: Vec::new(),
            proposals: Vec::new(),
            replies: Vec::new(),
            ..d.clone()
        };
        serde_json::to_string(&merged_apart).unwrap_or_default()
    };
    newer_by(ours, theirs, |d| d.updated_at, key)
}

/// The winner's progress, plus milestones only the other side has touched.
fn union_progress(win: &[MilestoneProgress], lose: &[MilestoneProgress]) -> Vec<MilestoneProgress> {
    let mut all = win.to_vec();
    all.extend(lose.iter().filter(|p| !win.iter().any(|w| w.milestone_id == p.milestone_id)).cloned());
    all
}

/// Both sides' entries, ours first; one with our id but other content is theirs under a fresh id.
fn union_entries<T: Clone>(
    ours: &[T],
    theirs: &[T],
    id: impl Fn(&T) -> &Id,
    same_content: impl Fn(&T, &T) -> bool,
    set_id: impl Fn(&mut T, Id),
    ws: &mut Workspace,
) -> Vec<T> {
    let mut all = ours.to_vec();
    for entry in theirs {
        match ours.iter().find(|o| id(o) == id(entry)) {
            Some(same) if same_content(same, entry) => {}
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
