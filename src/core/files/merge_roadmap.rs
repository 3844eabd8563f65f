//! Merging two versions of one roadmap: stage by stage and milestone by milestone,
//! each the newer version (`updated_at`), so one person's new milestone and another's
//! renamed stage both survive. The newer roadmap gives the name and the order; what
//! only the older one has follows what it followed there. Deletions apply unless the
//! stage or milestone changed after them, or a deal is still in the stage.

use std::collections::HashSet;

use serde::Serialize;

use crate::core::files::merge::Deletions;
use crate::core::model::{Id, Milestone, Roadmap, Stage, Timestamp};

/// The newer of two versions; equal times fall to the larger serialized form, so
/// both people merging each other's files reach the same result.
pub(crate) fn newer<'a, T: Serialize>(ours: &'a T, theirs: &'a T, time: impl Fn(&T) -> i64) -> &'a T {
    newer_by(ours, theirs, time, |x| serde_json::to_string(x).unwrap_or_default())
}

/// The newer of two versions, equal times falling to the larger `key`.
fn newer_by<'a, T>(ours: &'a T, theirs: &'a T, time: impl Fn(&T) -> Timestamp, key: impl Fn(&T) -> String) -> &'a T {
    match time(ours).cmp(&time(theirs)) {
        std::cmp::Ordering::Greater => ours,
        std::cmp::Ordering::Less => theirs,
        std::cmp::Ordering::Equal if key(theirs) > key(ours) => theirs,
        std::cmp::Ordering::Equal => ours,
    }
}

/// Two versions of one roadmap as one. `in_use` holds the stages kept deals are in,
/// which stay even when deleted. Pass the same roadmap twice to apply deletions only.
pub(crate) fn merge_roadmap(ours: &Roadmap, theirs: &Roadmap, deletions: &Deletions, in_use: &HashSet<Id>) -> Roadmap {
    // The key leaves out the stages: they are merged one by one, and the merged roadmap must rank as its winner did.
    let key = |r: &Roadmap| serde_json::to_string(&(&r.name, &r.template)).unwrap_or_default();
    let win = newer_by(ours, theirs, |r| r.updated_at, key);
    let lose = if std::ptr::eq(win, ours) { theirs } else { ours };
    let stages = merged_order(&win.stages, &lose.stages, |s| &s.id, |s, other| merge_stage(s, other, deletions));
    let mut merged = Roadmap { stages: Vec::with_capacity(stages.len()), ..win.clone() };
    let mut placed: HashSet<Id> = HashSet::new();
    for mut stage in stages {
        if deletions.buries(&stage.id, stage.updated_at) && !in_use.contains(&stage.id) {
            continue;
        }
        // A milestone both versions placed in different stages stays in the first.
        stage.milestones.retain(|m| placed.insert(m.id.clone()));
        merged.stages.push(stage);
    }
    if merged.stages.is_empty() {
        // Deletions on both sides took every stage: keep the newer version's rather than a roadmap with none.
        merged.stages = win.stages.clone();
    }
    merged
}

/// Two versions of one stage: the newer one's fields and milestone order, each
/// milestone the newer of its versions, less deleted milestones.
fn merge_stage(ours: &Stage, theirs: Option<&Stage>, deletions: &Deletions) -> Stage {
    let theirs = theirs.unwrap_or(ours);
    let key = |s: &Stage| {
        let own = Stage { milestones: Vec::new(), ..s.clone() };
        serde_json::to_string(&own).unwrap_or_default()
    };
    let win = newer_by(ours, theirs, |s| s.updated_at, key);
    let lose = if std::ptr::eq(win, ours) { theirs } else { ours };
    let milestones = merged_order(
        &win.milestones,
        &lose.milestones,
        |m| &m.id,
        |m, other| other.map_or_else(|| m.clone(), |other| newer(m, other, |m: &Milestone| m.updated_at).clone()),
    );
    let milestones = milestones.into_iter().filter(|m| !deletions.buries(&m.id, m.updated_at)).collect();
    Stage { milestones, ..win.clone() }
}

/// The leading list's records in its order, each combined with its version in the
/// other list; then the other list's own records, each after the record it followed there.
fn merged_order<T>(lead: &[T], other: &[T], id: impl Fn(&T) -> &Id, combine: impl Fn(&T, Option<&T>) -> T) -> Vec<T> {
    let mut out: Vec<T> = lead.iter().map(|r| combine(r, other.iter().find(|o| id(o) == id(r)))).collect();
    for (i, record) in other.iter().enumerate() {
        if lead.iter().any(|l| id(l) == id(record)) {
            continue;
        }
        let after = other[..i].iter().rev().find_map(|prev| out.iter().position(|o| id(o) == id(prev)));
        out.insert(after.map_or(0, |a| a + 1), combine(record, None));
    }
    out
}
