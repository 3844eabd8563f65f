//! Merging two versions of one roadmap: stage by stage and milestone by milestone,
//! each the newer version (`updated_at`), so one person's new milestone and another's
//! renamed stage both survive. The newer roadmap gives the name; each stage's and
//! milestone's newer version gives its place (`rank`).
//!
//! A deleted stage or milestone stays deleted, even when someone changed it after
//! (unlike deals and goals): deleting one changes deals (they move out of the stage,
//! lose progress on the milestone), and for every order of merging to reach the same
//! result those changes must not depend on whether the stage comes back. A deal in
//! a deleted stage moves where the deletion sent that stage's deals.

use std::collections::HashSet;

use serde::Serialize;

use crate::core::files::merge::Deletions;
use crate::core::model::{Id, Milestone, Roadmap, Stage, Timestamp};
use crate::core::roadmap::rank::{sort_by_rank, RANK_GAP};

/// The newer of two versions; equal times fall to the larger serialized form, so
/// both people merging each other's files reach the same result.
pub(crate) fn newer<'a, T: Serialize>(ours: &'a T, theirs: &'a T, time: impl Fn(&T) -> i64) -> &'a T {
    newer_by(ours, theirs, time, |x| serde_json::to_string(x).unwrap_or_default())
}

/// The newer of two versions, equal times falling to the larger `key`.
pub(crate) fn newer_by<'a, T>(ours: &'a T, theirs: &'a T, time: impl Fn(&T) -> Timestamp, key: impl Fn(&T) -> String) -> &'a T {
    match time(ours).cmp(&time(theirs)) {
        std::cmp::Ordering::Greater => ours,
        std::cmp::Ordering::Less => theirs,
        std::cmp::Ordering::Equal if key(theirs) > key(ours) => theirs,
        std::cmp::Ordering::Equal => ours,
    }
}

/// Two versions of one roadmap as one. Pass the same roadmap twice to apply deletions only.
pub(crate) fn merge_roadmap(ours: &Roadmap, theirs: &Roadmap, deletions: &Deletions) -> Roadmap {
    // The key leaves out the stages: they are merged one by one, and the merged roadmap must rank as its winner did.
    let key = |r: &Roadmap| serde_json::to_string(&(&r.name, &r.template)).unwrap_or_default();
    let win = newer_by(ours, theirs, |r| r.updated_at, key);
    let mut stages = union(&ours.stages, &theirs.stages, |s| &s.id, |s, other| merge_stage(s, other, deletions));
    sort_by_rank(&mut stages);
    let mut merged = Roadmap { stages: Vec::with_capacity(stages.len()), ..win.clone() };
    let (alive, mut dead): (Vec<Stage>, Vec<Stage>) = stages.into_iter().partition(|s| deletions.at(&s.id).is_none());
    if alive.is_empty() {
        // Deletions on both sides took every stage: the one deleted last stays, rather than a roadmap with none.
        // Its place is set afresh, so every merge gives the same roadmap whichever version of it came.
        let last = (0..dead.len()).max_by_key(|&i| (deletions.at(&dead[i].id), dead[i].id.clone()));
        merged.stages.extend(last.map(|i| Stage { rank: RANK_GAP, updated_at: 0, milestones: Vec::new(), ..dead.swap_remove(i) }));
        return merged;
    }
    let mut placed: HashSet<Id> = HashSet::new();
    for mut stage in alive {
        // A milestone the versions placed in different stages stays in the first.
        stage.milestones.retain(|m| placed.insert(m.id.clone()));
        merged.stages.push(stage);
    }
    merged
}

/// Two versions of one stage: the newer one's fields, each milestone the newer of
/// its versions, in rank order, less deleted milestones.
fn merge_stage(ours: &Stage, theirs: Option<&Stage>, deletions: &Deletions) -> Stage {
    let theirs = theirs.unwrap_or(ours);
    let key = |s: &Stage| {
        let own = Stage { milestones: Vec::new(), ..s.clone() };
        serde_json::to_string(&own).unwrap_or_default()
    };
    let win = newer_by(ours, theirs, |s| s.updated_at, key);
    let mut milestones = union(
        &ours.milestones,
        &theirs.milestones,
        |m| &m.id,
        |m, other| other.map_or_else(|| m.clone(), |other| newer(m, other, |m: &Milestone| m.updated_at).clone()),
    );
    milestones.retain(|m| deletions.at(&m.id).is_none());
    sort_by_rank(&mut milestones);
    Stage { milestones, ..win.clone() }
}

/// Every record of both lists once, each combined with its version in the other list.
fn union<T>(ours: &[T], theirs: &[T], id: impl Fn(&T) -> &Id, combine: impl Fn(&T, Option<&T>) -> T) -> Vec<T> {
    let mut out: Vec<T> = ours.iter().map(|r| combine(r, theirs.iter().find(|o| id(o) == id(r)))).collect();
    out.extend(theirs.iter().filter(|t| !ours.iter().any(|o| id(o) == id(t))).map(|t| combine(t, None)));
    out
}
