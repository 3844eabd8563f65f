//! One deal's plan: when each stage starts and when each milestone is due.
//!
//! Stages the deal has entered start on the day it entered them. Stages ahead
//! follow one after another by their target days, starting when the current
//! stage should end, or today if that day has passed (a late stage pushes the
//! rest). A milestone is due `day_offset` days into its stage unless someone
//! set its date by hand. Stages before the current one that the deal skipped
//! have no dates, and their milestones are left out.

use chrono::{DateTime, Days, NaiveDate};

use crate::core::model::{Deal, Id, Milestone, MilestoneProgress, Roadmap, Stage, Timestamp};
use crate::core::text::Text;

/// Where a planned milestone stands on the day the plan is made for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MilestoneState {
    /// Marked done.
    Done,
    /// Not done, and not yet past its due day.
    Open,
    /// Not done, and its due day is before today.
    Overdue,
}

/// One stage of a deal's plan, with its dates.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedStage {
    /// The stage's id.
    pub stage_id: Id,
    /// The stage's position on the roadmap (0-based).
    pub index: usize,
    /// The stage's name.
    pub name: Text,
    /// The day the deal entered it, or for a stage ahead, the day it should start.
    pub start: NaiveDate,
    /// start + target days.
    pub end: NaiveDate,
    /// Whether the deal is in this stage now.
    pub current: bool,
}

/// One milestone of a deal's plan, with its due day and state.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedMilestone {
    /// The milestone's id.
    pub milestone_id: Id,
    /// The position on the roadmap (0-based) of its stage.
    pub stage_index: usize,
    /// The milestone's title.
    pub title: Text,
    /// Who does it: the person set on this deal, else the role the roadmap names.
    pub owner: Text,
    /// Whether it must be done before the deal leaves the stage.
    pub required: bool,
    /// The day it is due: set by hand, or `day_offset` days into its stage (at most the stage's target days).
    pub due: NaiveDate,
    /// The due date was set by hand rather than taken from the plan.
    pub rescheduled: bool,
    /// The day (UTC) it was marked done, if it is done.
    pub done_on: Option<NaiveDate>,
    /// Whether it is done, open or overdue.
    pub state: MilestoneState,
    /// The latest customer satisfaction (1–5) recorded after this milestone.
    pub feedback: Option<u8>,
    /// A task of the customer's side (`Deal::customer_tasks`) rather than a milestone of
    /// the roadmap: `milestone_id` is the task's id and `owner` its contact and role.
    pub customer: bool,
}

/// A deal's plan: its dated stages and their milestones, worked out as the module docs say.
#[derive(Clone, Debug, PartialEq)]
pub struct DealPlan {
    /// The stages that have dates, in roadmap order; skipped stages before the current one are left out.
    pub stages: Vec<PlannedStage>,
    /// The milestones of those stages, stage by stage; after each stage's milestones, the
    /// customer's tasks due while it runs (in the first stage if due before any).
    pub milestones: Vec<PlannedMilestone>,
}

/// The calendar day (UTC) of a timestamp.
pub fn day_of(ms: Timestamp) -> NaiveDate {
    DateTime::from_timestamp_millis(ms).map(|t| t.date_naive()).unwrap_or_default()
}

fn plus_days(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days))).unwrap_or(date)
}

/// Works out `deal`'s plan on `roadmap` as of `today`. A deal whose stage is not on the roadmap is planned
/// as if it were in the first stage.
pub fn deal_plan(roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> DealPlan {
    let current = roadmap.stage_index(&deal.stage_id).unwrap_or(0);
    let stages: Vec<PlannedStage> = stage_starts(roadmap, deal, today)
        .map(|(index, start)| {
            let stage = &roadmap.stages[index];
            let end = plus_days(start, stage.target_days);
            PlannedStage { stage_id: stage.id.clone(), index, name: stage.name.clone(), start, end, current: index == current }
        })
        .collect();

    let milestones = stages
        .iter()
        .flat_map(|planned| {
            let stage = &roadmap.stages[planned.index];
            stage.milestones.iter().map(move |m| {
                let progress = progress_of(deal, m);
                let manual = progress.and_then(|p| p.due);
                let due = milestone_due(stage, m, planned.start, progress);
                let done_on = progress.and_then(|p| p.done_at).map(day_of);
                let state = match done_on {
                    Some(_) => MilestoneState::Done,
                    None if due < today => MilestoneState::Overdue,
                    None => MilestoneState::Open,
                };
                PlannedMilestone {
                    milestone_id: m.id.clone(),
                    stage_index: planned.index,
                    title: m.title.clone(),
                    owner: progress.and_then(|p| p.owner.clone()).map(Text::Plain).unwrap_or_else(|| m.owner_role.clone()),
                    required: m.required,
                    due,
                    rescheduled: manual.is_some(),
                    done_on,
                    state,
                    feedback: deal
                        .feedback
                        .iter()
                        .filter(|f| f.milestone_id.as_ref() == Some(&m.id))
                        .max_by_key(|f| f.date)
                        .map(|f| f.satisfaction),
                    customer: false,
                }
            })
        })
        .collect();
    let mut plan = DealPlan { stages, milestones };
    add_customer_tasks(&mut plan, deal, today);
    plan
}

/// The stages `deal`'s plan shows and the day each starts: the ones it went through (as it
/// entered them last), then the ones ahead, each starting when the one before should end
/// but never in the past.
fn stage_starts<'a>(roadmap: &'a Roadmap, deal: &'a Deal, today: NaiveDate) -> impl Iterator<Item = (usize, NaiveDate)> + 'a {
    let current = roadmap.stage_index(&deal.stage_id).unwrap_or(0);
    let entered = |stage: &Id| deal.stage_history.iter().rev().find(|e| &e.stage_id == stage).map(|e| day_of(e.entered_at));
    let mut next_start: Option<NaiveDate> = None;
    roadmap.stages.iter().enumerate().filter_map(move |(index, stage)| {
        let start = if index <= current { entered(&stage.id) } else { next_start }?;
        if index >= current {
            next_start = Some(plus_days(start, stage.target_days).max(today));
        }
        Some((index, start))
    })
}

/// `deal`'s progress on milestone `m`, if it has any.
fn progress_of<'a>(deal: &'a Deal, m: &Milestone) -> Option<&'a MilestoneProgress> {
    deal.milestones.iter().find(|p| p.milestone_id == m.id)
}

/// When milestone `m` of `stage` is due in a plan that starts the stage on `start`: the
/// day the deal rescheduled it to, else its offset into the stage (never past the stage's end).
fn milestone_due(stage: &Stage, m: &Milestone, start: NaiveDate, progress: Option<&MilestoneProgress>) -> NaiveDate {
    progress.and_then(|p| p.due).unwrap_or_else(|| plus_days(start, m.day_offset.min(stage.target_days)))
}

/// How many days late each overdue milestone and customer task of `deal` is: what
/// `deal_plan(..).overdue()` lists, worked out without building the plan (the board
/// does this for every card it draws).
pub fn overdue_days(roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> Vec<i64> {
    let mut late = Vec::new();
    for (index, start) in stage_starts(roadmap, deal, today) {
        let stage = &roadmap.stages[index];
        for m in &stage.milestones {
            let progress = progress_of(deal, m);
            if progress.is_some_and(|p| p.done_at.is_some()) {
                continue;
            }
            let due = milestone_due(stage, m, start, progress);
            if due < today {
                late.push((today - due).num_days());
            }
        }
    }
    late.extend(deal.customer_tasks.iter().filter(|t| t.done_at.is_none() && t.due < today).map(|t| (today - t.due).num_days()));
    late
}

/// Puts each customer task after the milestones of the stage its due day falls in.
fn add_customer_tasks(plan: &mut DealPlan, deal: &Deal, today: NaiveDate) {
    if deal.customer_tasks.is_empty() {
        return;
    }
    let first_stage = plan.stages.first().map_or(0, |s| s.index);
    for task in &deal.customer_tasks {
        let stage_index = plan.stages.iter().rev().find(|s| s.start <= task.due).map_or(first_stage, |s| s.index);
        let done_on = task.done_at.map(day_of);
        let state = match done_on {
            Some(_) => MilestoneState::Done,
            None if task.due < today => MilestoneState::Overdue,
            None => MilestoneState::Open,
        };
        let planned = PlannedMilestone {
            milestone_id: task.id.clone(),
            stage_index,
            title: Text::Plain(task.title.clone()),
            owner: Text::Plain(task.who()),
            required: false,
            due: task.due,
            rescheduled: false,
            done_on,
            state,
            feedback: None,
            customer: true,
        };
        let at = plan
            .milestones
            .iter()
            .rposition(|m| m.stage_index <= stage_index && (m.stage_index < stage_index || m.due <= task.due || !m.customer))
            .map_or(0, |i| i + 1);
        plan.milestones.insert(at, planned);
    }
}

impl DealPlan {
    /// The milestones that are overdue.
    pub fn overdue(&self) -> impl Iterator<Item = &PlannedMilestone> {
        self.milestones.iter().filter(|m| m.state == MilestoneState::Overdue)
    }

    /// The first and last day the timeline must show (today included).
    pub fn span(&self, today: NaiveDate) -> (NaiveDate, NaiveDate) {
        let days = self
            .stages
            .iter()
            .flat_map(|s| [s.start, s.end])
            .chain(self.milestones.iter().flat_map(|m| [Some(m.due), m.done_on]).flatten())
            .chain([today]);
        let (mut first, mut last) = (today, today);
        for day in days {
            first = first.min(day);
            last = last.max(day);
        }
        (first, last)
    }
}

/// Whole days since the deal entered its current stage.
pub fn days_in_stage(deal: &Deal, today: NaiveDate) -> i64 {
    deal.stage_history.last().map_or(0, |entry| (today - day_of(entry.entered_at)).num_days().max(0))
}

/// How a deal's plan stands, from its most overdue step: at risk while a step is 1 to 6
/// days overdue, stalled from 7 days. Shown to the seller, never in a customer's view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanHealth {
    /// Nothing overdue.
    OnTrack,
    /// `overdue` steps are late, the oldest by `days` (1–6).
    AtRisk {
        /// How many steps are overdue.
        overdue: usize,
        /// How many days the oldest is late.
        days: i64,
    },
    /// `overdue` steps are late, the oldest by `days` (7 or more).
    Stalled {
        /// How many steps are overdue.
        overdue: usize,
        /// How many days the oldest is late.
        days: i64,
    },
}

/// Days a step may be late before its plan counts as stalled rather than at risk.
pub const STALLED_AFTER_DAYS: i64 = 7;

impl DealPlan {
    /// The plan's health on `today`.
    pub fn health(&self, today: NaiveDate) -> PlanHealth {
        PlanHealth::of(self.overdue().map(|m| (today - m.due).num_days()).collect())
    }
}

impl PlanHealth {
    /// The health of a plan whose overdue milestones are this many days late ([`overdue_days`]).
    pub fn of(late: Vec<i64>) -> PlanHealth {
        let late: Vec<i64> = late.into_iter().filter(|d| *d > 0).collect();
        match late.iter().max() {
            None => PlanHealth::OnTrack,
            Some(&days) if days >= STALLED_AFTER_DAYS => PlanHealth::Stalled { overdue: late.len(), days },
            Some(&days) => PlanHealth::AtRisk { overdue: late.len(), days },
        }
    }
}

/// An open deal is stalled once it has spent longer than its stage's target days in it.
pub fn is_stalled(roadmap: &Roadmap, deal: &Deal, today: NaiveDate) -> bool {
    deal.status == crate::core::model::DealStatus::Open
        && roadmap.stage(&deal.stage_id).is_some_and(|stage| days_in_stage(deal, today) > i64::from(stage.target_days))
}
