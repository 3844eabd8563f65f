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

/// How a goal stands on one letter of SMART, or on having an owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    /// The goal meets it.
    Met,
    /// The goal misses it.
    Missing,
    /// A program cannot tell: the person judges (relevance to the strategy, or a
    /// target with no history to compare with).
    YourCall,
}

/// What a goal reached against its past, for the "achievable" letter.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum History {
    /// Nothing comparable happened in the period of the same length just before.
    None,
    /// The target is this many times what the same measure reached in the period of the
    /// same length just before (a rate or a level: what it stood at then).
    Times(f64),
}

/// SMART letter by letter (seed 004: specific, measurable, achievable, relevant,
/// time-bound), and, apart from it, whether someone answers for the goal (the
/// milestones article's 明确责任: an owner is not a letter of SMART).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SmartCheck {
    /// S: a number to reach ("+20% revenue", not "sell more").
    pub specific: Check,
    /// M: what Waypoint measures from the deals; every metric it offers is, once there is a number.
    pub measurable: Check,
    /// A: `Missing` when the target is over `STRETCH` times the period before, `YourCall` with no history.
    pub achievable: Check,
    /// R: fits the company's strategy; always the person's call.
    pub relevant: Check,
    /// T: an end date.
    pub time_bound: Check,
    /// The target against the period before, which `achievable` was judged on.
    pub history: History,
    /// Someone answers for the goal.
    pub owner: Check,
}

/// A target more than this many times the period before is called out as perhaps not achievable.
pub const STRETCH: f64 = 2.0;

impl SmartCheck {
    /// The five letters in order, with their checks.
    pub fn letters(&self) -> [(char, Check); 5] {
        [('S', self.specific), ('M', self.measurable), ('A', self.achievable), ('R', self.relevant), ('T', self.time_bound)]
    }
}

/// Checks `goal` letter by letter against the workspace's history before its period.
pub fn smart_check(ws: &Workspace, goal: &Goal, today: NaiveDate) -> SmartCheck {
    let has_number = goal.target > 0;
    let history = history(ws, goal, today);
    let achievable = match history {
        _ if !has_number => Check::Missing,
        History::None => Check::YourCall,
        History::Times(times) if times > STRETCH => Check::Missing,
        History::Times(_) => Check::Met,
    };
    let met = |yes: bool| if yes { Check::Met } else { Check::Missing };
    SmartCheck {
        specific: met(has_number),
        measurable: met(has_number),
        achievable,
        relevant: Check::YourCall,
        time_bound: met(goal.period_end.is_some()),
        history,
        owner: met(!goal.owner.trim().is_empty()),
    }
}

/// The target against what the same measure reached in the period of the same length
/// just before the goal's own (an open-ended goal: as long as it has run, at least 30 days).
fn history(ws: &Workspace, goal: &Goal, today: NaiveDate) -> History {
    let end = goal.period_end.unwrap_or(today);
    let days = (end - goal.period_start).num_days().max(30);
    let Some(before_end) = goal.period_start.pred_opt() else { return History::None };
    let Some(before_start) = before_end.checked_sub_days(chrono::Days::new(days as u64)) else { return History::None };
    let earlier = Goal { period_start: before_start, period_end: Some(before_end), ..goal.clone() };
    let reached = progress(ws, &earlier, before_end).actual;
    if reached <= 0 {
        History::None
    } else {
        History::Times(goal.target as f64 / reached as f64)
    }
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
