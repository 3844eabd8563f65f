//! Presentation mode for a room: the slides a facilitator steps through, and
//! the replay of how deals moved through the stages over time.

use crate::core::model::{DealStatus, Roadmap, Timestamp, Workspace};

/// One slide of presentation mode; stage and milestone numbers are indices into the roadmap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slide {
    /// The roadmap at a glance.
    Overview,
    /// Stage `n` of the roadmap.
    Stage(usize),
    /// Milestone `m` of stage `n`.
    Milestone(usize, usize),
}

/// Overview, then each stage followed by its milestones, in roadmap order.
pub fn slides(roadmap: &Roadmap) -> Vec<Slide> {
    let mut list = vec![Slide::Overview];
    for (i, stage) in roadmap.stages.iter().enumerate() {
        list.push(Slide::Stage(i));
        list.extend((0..stage.milestones.len()).map(|m| Slide::Milestone(i, m)));
    }
    list
}

impl Slide {
    /// The stage this slide is about, if any.
    pub fn stage(self) -> Option<usize> {
        match self {
            Slide::Overview => None,
            Slide::Stage(i) | Slide::Milestone(i, _) => Some(i),
        }
    }
}

/// How many of the roadmap's deals stood in each stage at `at`: a deal counts from
/// its creation until it was closed, in the last stage it had entered by then.
pub fn stage_counts_at(ws: &Workspace, roadmap: &Roadmap, at: Timestamp) -> Vec<usize> {
    let mut counts = vec![0; roadmap.stages.len()];
    for deal in ws.deals.iter().filter(|d| d.roadmap_id == roadmap.id && d.created_at <= at) {
        let closed = deal.status != DealStatus::Open && deal.closed_at.is_some_and(|t| t <= at);
        if closed {
            continue;
        }
        let stage = deal.stage_history.iter().rfind(|e| e.entered_at <= at).and_then(|e| roadmap.stage_index(&e.stage_id));
        if let Some(i) = stage {
            counts[i] += 1;
        }
    }
    counts
}

/// `frames` moments evenly spread from the first deal's creation to `now`, each
/// with the counts per stage: the replay's pictures.
pub fn replay(ws: &Workspace, roadmap: &Roadmap, now: Timestamp, frames: usize) -> Vec<(Timestamp, Vec<usize>)> {
    let Some(first) = ws.deals.iter().filter(|d| d.roadmap_id == roadmap.id).map(|d| d.created_at).min() else {
        return Vec::new();
    };
    let frames = frames.max(2);
    (0..frames)
        .map(|k| {
            let at = first + (now - first) * k as i64 / (frames as i64 - 1);
            (at, stage_counts_at(ws, roadmap, at))
        })
        .collect()
}
