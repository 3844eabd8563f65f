//! Goals: the commands that keep them, what counts as their actual, the pace a
//! goal needs by today, and the SMART check.

use chrono::NaiveDate;

use crate::core::analytics::Scope;
use crate::core::command::{CommandError, Outcome};
use crate::core::model::{Goal, GoalMetric, Id, Workspace};

/// What a person fills in for a goal, for adding a new one or replacing an existing one's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalFields {
    /// What the goal measures.
    pub metric: GoalMetric,
    /// Minor units for money, a count for deals and customers, percent for the win rate.
    pub target: i64,
    /// The first day the goal counts.
    pub period_start: NaiveDate,
    /// The last day the goal counts; `None` leaves it open-ended (and not time-bound by SMART).
    pub period_end: Option<NaiveDate>,
    /// Who answers for the goal; trimmed when saved, and empty means nobody.
    pub owner: String,
    /// Only deals on this roadmap count towards the goal; `None` counts every roadmap.
    pub roadmap_id: Option<Id>,
}

fn check(ws: &Workspace, fields: &GoalFields) -> Result<(), CommandError> {
    if fields.target < 0 {
        return Err(CommandError::NegativeTarget);
    }
    if fields.period_end.is_some_and(|end| end < fields.period_start) {
        return Err(CommandError::PeriodReversed);
    }
    if let Some(id) = &fields.roadmap_id {
        if ws.roadmap(id).is_none() {
            return Err(CommandError::UnknownRoadmap(id.clone()));
        }
    }
    Ok(())
}

/// Adds a goal with a freshly minted id, after checking that the target is not negative,
/// the period does not run backwards and the roadmap exists.
pub fn add_goal(ws: &mut Workspace, fields: GoalFields) -> Result<Outcome, CommandError> {
    check(ws, &fields)?;
    let id = ws.mint_id();
    ws.goals.push(Goal {
        id: id.clone(),
        metric: fields.metric,
        target: fields.target,
        period_start: fields.period_start,
        period_end: fields.period_end,
        owner: fields.owner.trim().to_owned(),
        roadmap_id: fields.roadmap_id,
        updated_at: 0,
        updated_by: String::new(),
    });
    Ok(Outcome::Created(id))
}

/// Replaces the settings of goal `goal_id` with `fields`, after the same checks as `add_goal`.
pub fn update_goal(ws: &mut Workspace, goal_id: &Id, fields: GoalFields) -> Result<Outcome, CommandError> {
    check(ws, &fields)?;
    let goal = ws.goals.iter_mut().find(|g| &g.id == goal_id).ok_or_else(|| CommandError::UnknownGoal(goal_id.clone()))?;
    goal.metric = fields.metric;
    goal.target = fields.target;
    goal.period_start = fields.period_start;
    goal.period_end = fields.period_end;
    goal.owner = fields.owner.trim().to_owned();
    goal.roadmap_id = fields.roadmap_id;
    Ok(Outcome::Changed)
}

/// Removes goal `goal_id`; an unknown id is an error.
pub fn delete_goal(ws: &mut Workspace, goal_id: &Id) -> Result<Outcome, CommandError> {
    let before = ws.goals.len();
    ws.goals.retain(|g| &g.id != goal_id);
    if ws.goals.len() == before {
        return Err(CommandError::UnknownGoal(goal_id.clone()));
    }
    Ok(Outcome::Changed)
}

/// What a goal lacks to be SMART, as far as a program can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SmartGap {
    /// Not specific or measurable: no number to reach.
    NoNumber,
    /// Not time-bound.
    NoEndDate,
    /// Nobody answers for it.
    NoOwner,
}

/// What keeps `goal` from being SMART, in the order of `SmartGap`; empty when nothing is missing.
pub fn smart_gaps(goal: &Goal) -> Vec<SmartGap> {
    let mut gaps = Vec::new();
    if goal.target <= 0 {
        gaps.push(SmartGap::NoNumber);
    }
    if goal.period_end.is_none() {
        gaps.push(SmartGap::NoEndDate);
    }
    if goal.owner.trim().is_empty() {
        gaps.push(SmartGap::NoOwner);
    }
    gaps
}

/// A goal measured on a day.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalProgress {
    /// The goal's target, in the unit of its metric.
    pub target: i64,
    /// What the goal's metric stands at: over its period and roadmap, in the same unit as `target`.
    pub actual: i64,
    /// Where the actual should be by today to reach the target on time.
    pub expected_by_today: i64,
}

/// The goal's actual over its own period (to today when it has no end) and roadmap.
pub fn progress(ws: &Workspace, goal: &Goal, today: NaiveDate) -> GoalProgress {
    let end = goal.period_end.unwrap_or(today);
    let scope = Scope { start: goal.period_start, end, roadmap: goal.roadmap_id.clone() };
    let figures = crate::core::analytics::figures(ws, &scope, today);
    let actual = match goal.metric {
        GoalMetric::WonRevenue => figures.won_value,
        GoalMetric::DealsWon => figures.won as i64,
        GoalMetric::NewCustomers => figures.new_customers as i64,
        GoalMetric::WinRate => figures.win_rate_percent.map_or(0, |r| r.round() as i64),
        GoalMetric::WeightedPipeline => figures.weighted_pipeline,
    };
    // Totals should grow in step with the days gone; a rate or a level is due all along.
    let expected_by_today = match goal.metric {
        GoalMetric::WonRevenue | GoalMetric::DealsWon | GoalMetric::NewCustomers => match goal.period_end {
            Some(end) if end > goal.period_start => {
                let total = (end - goal.period_start).num_days() as f64;
                let gone = (today - goal.period_start).num_days().clamp(0, total as i64) as f64;
                (goal.target as f64 * gone / total).round() as i64
            }
            _ => goal.target,
        },
        GoalMetric::WinRate | GoalMetric::WeightedPipeline => goal.target,
    };
    GoalProgress { target: goal.target, actual, expected_by_today }
}
