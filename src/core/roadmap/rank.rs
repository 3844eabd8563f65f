//! Where a stage sits in its roadmap, and a milestone in its stage: a number that
//! travels with the record (`rank`), not only its place in a list. Two people who
//! each add or move a stage change one stage each, so a merge can take the newer
//! version of every stage and still agree on one order: by rank, then by id. A
//! place in a list alone would be lost with a deleted neighbour.
//!
//! Lists are kept sorted by rank, so the shell shows them in list order as before.

use crate::core::model::{Id, Milestone, Stage, Timestamp};

/// The room left between neighbours: about twenty moves into one gap before the
/// list is numbered afresh.
pub const RANK_GAP: i64 = 1 << 20;

/// A record ordered by rank within its list.
pub trait Ranked {
    /// Its rank.
    fn rank(&self) -> i64;
    /// Gives it a rank.
    fn set_rank(&mut self, rank: i64);
    /// Marks it changed at `now`.
    fn touch(&mut self, now: Timestamp);
    /// Its id, which orders records of equal rank.
    fn id(&self) -> &Id;
}

/// Stages and milestones keep their rank and version alike.
macro_rules! ranked {
    ($($record:ty),*) => {$(
        impl Ranked for $record {
            fn rank(&self) -> i64 {
                self.rank
            }
            fn set_rank(&mut self, rank: i64) {
                self.rank = rank;
            }
            fn touch(&mut self, now: Timestamp) {
                self.updated_at = now;
            }
            fn id(&self) -> &Id {
                &self.id
            }
        }
    )*};
}

ranked!(Stage, Milestone);

/// The rank of the `n`th record (from 0) of a list numbered afresh.
pub fn nth_rank(n: usize) -> i64 {
    (n as i64 + 1) * RANK_GAP
}

/// The rank for a record added at the end.
pub fn next_rank<T: Ranked>(items: &[T]) -> i64 {
    items.iter().map(Ranked::rank).max().map_or(RANK_GAP, |last| last.saturating_add(RANK_GAP))
}

/// Whether the ranks rise strictly in list order.
pub fn in_rank_order<T: Ranked>(items: &[T]) -> bool {
    items.windows(2).all(|w| w[0].rank() < w[1].rank())
}

/// Sorts the list by rank, equal ranks by id.
pub fn sort_by_rank<T: Ranked>(items: &mut [T]) {
    items.sort_by(|a, b| a.rank().cmp(&b.rank()).then_with(|| a.id().cmp(b.id())));
}

/// Numbers the list afresh in its present order; records whose rank changes are
/// stamped with `now`, when given.
pub fn rank_in_order<T: Ranked>(items: &mut [T], now: Option<Timestamp>) {
    for (n, item) in items.iter_mut().enumerate() {
        if item.rank() != nth_rank(n) {
            item.set_rank(nth_rank(n));
            if let Some(now) = now {
                item.touch(now);
            }
        }
    }
}

/// Makes every list of a workspace follow rank order: a list whose ranks do not
/// rise in its order (a file from schema version 1 has none; one edited by hand
/// may be out of step) is numbered afresh in list order, unstamped, as the file
/// meant that order.
pub fn repair_ranks(ws: &mut crate::core::model::Workspace) {
    for roadmap in &mut ws.roadmaps {
        if !in_rank_order(&roadmap.stages) {
            rank_in_order(&mut roadmap.stages, None);
        }
        for stage in &mut roadmap.stages {
            if !in_rank_order(&stage.milestones) {
                rank_in_order(&mut stage.milestones, None);
            }
        }
    }
}

/// Sorts every list of a roadmap by rank, after a merge put versions together.
pub fn sort_roadmap(roadmap: &mut crate::core::model::Roadmap) {
    sort_by_rank(&mut roadmap.stages);
    for stage in &mut roadmap.stages {
        sort_by_rank(&mut stage.milestones);
    }
}

/// Moves the record at `from` to `to`, ranked between its new neighbours; when
/// they leave no room the list is numbered afresh.
pub fn move_ranked<T: Ranked>(items: &mut Vec<T>, from: usize, to: usize, now: Timestamp) {
    let item = items.remove(from);
    items.insert(to, item);
    let before = to.checked_sub(1).map(|i| items[i].rank());
    let after = items.get(to + 1).map(Ranked::rank);
    let rank = match (before, after) {
        (Some(lo), Some(hi)) if hi - lo >= 2 => Some(lo + (hi - lo) / 2),
        (Some(_), Some(_)) => None,
        (Some(lo), None) => Some(lo.saturating_add(RANK_GAP)),
        (None, Some(hi)) => Some(hi.saturating_sub(RANK_GAP)),
        (None, None) => Some(RANK_GAP),
    };
    match rank {
        Some(rank) => items[to].set_rank(rank),
        None => rank_in_order(items, Some(now)),
    }
}
