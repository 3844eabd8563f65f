//! The figures a sales manager watches, computed from the workspace.
//!
//! Definitions (the tests work examples of each by hand):
//! - A deal is *in scope* when it is on the scope's roadmap (any roadmap if none).
//! - *Won* / *lost in the period*: closed with that outcome on a day from `start` to `end`.
//! - Money is summed in the workspace's default currency only; deals in other
//!   currencies are counted in `other_currency_deals` and left out of sums.
//! - Win rate = won ÷ (won + lost), in percent. Average deal size = won value ÷ won.
//!   Sales cycle = days from a won deal's creation to its close.
//! - Weighted pipeline = Σ value × stage win probability over open deals (today's level).
//! - Funnel: a deal *reached* a stage when it entered it or any later one; only deals
//!   created in the period count. Conversion = reached(next) ÷ reached(this).
//! - Time in stage: finished visits only (entering the next stage or closing ends one).

pub mod goals;
pub mod view;
pub mod what_if;

use std::collections::{BTreeMap, HashSet};

use chrono::{Datelike, NaiveDate};

use crate::core::deal::plan::{day_of, deal_plan};
use crate::core::model::{Deal, DealStatus, GoalMetric, Id, Roadmap, Workspace};

const DAY_MS: f64 = 24.0 * 60.0 * 60.0 * 1000.0;

/// Which deals and which days a set of figures covers.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// The first day of the period, included.
    pub start: NaiveDate,
    /// The last day of the period, included.
    pub end: NaiveDate,
    /// Only deals on this roadmap count; `None` counts deals on every roadmap.
    pub roadmap: Option<Id>,
}

impl Scope {
    fn covers(&self, deal: &Deal) -> bool {
        self.roadmap.as_ref().is_none_or(|r| &deal.roadmap_id == r)
    }

    fn in_period(&self, day: NaiveDate) -> bool {
        day >= self.start && day <= self.end
    }

    fn closed_in_period(&self, deal: &Deal, status: DealStatus) -> bool {
        deal.status == status && deal.closed_at.is_some_and(|t| self.in_period(day_of(t)))
    }
}

/// The headline figures for one scope (see the module docs for each definition).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figures {
    /// Deals in scope won in the period, in any currency.
    pub won: usize,
    /// Deals in scope lost in the period, in any currency.
    pub lost: usize,
    /// Deals in scope still open now, whenever they were created.
    pub open: usize,
    /// Value of the deals won in the period, in minor units of the default currency; other currencies are left out.
    pub won_value: i64,
    /// Won ÷ (won + lost) in percent; `None` when nothing closed in the period.
    pub win_rate_percent: Option<f64>,
    /// Won value ÷ deals won in the default currency, in minor units (rounded down); `None` when there are none.
    pub avg_deal_size: Option<i64>,
    /// Mean days from creation to close of the deals won in the period; `None` when none was won.
    pub avg_cycle_days: Option<f64>,
    /// Σ value × current stage win probability over open deals in the default currency, in minor units.
    pub weighted_pipeline: i64,
    /// Distinct customers with a deal won in the period and no deal won before it (on any roadmap).
    pub new_customers: usize,
    /// Milestones of open deals in scope that are overdue on the day the figures are taken.
    pub overdue_milestones: usize,
    /// Deals in scope not in the default currency: counted here and left out of every money sum.
    pub other_currency_deals: usize,
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

fn cycle_days(deal: &Deal) -> Option<f64> {
    deal.closed_at.map(|closed| (closed - deal.created_at) as f64 / DAY_MS)
}

fn weighted_value(ws: &Workspace, deal: &Deal) -> i64 {
    let probability = ws.roadmap(&deal.roadmap_id).and_then(|r| r.stage(&deal.stage_id)).map_or(0, |s| s.win_probability);
    deal.value_minor * i64::from(probability) / 100
}

/// Computes the figures for `scope`; `today` decides which milestones are overdue.
pub fn figures(ws: &Workspace, scope: &Scope, today: NaiveDate) -> Figures {
    let currency = &ws.default_currency;
    let deals: Vec<&Deal> = ws.deals.iter().map(|d| &**d).filter(|d| scope.covers(d)).collect();
    let won: Vec<&Deal> = deals.iter().copied().filter(|d| scope.closed_in_period(d, DealStatus::Won)).collect();
    let lost = deals.iter().filter(|d| scope.closed_in_period(d, DealStatus::Lost)).count();
    let open: Vec<&Deal> = deals.iter().copied().filter(|d| d.status == DealStatus::Open).collect();
    let won_here: Vec<&Deal> = won.iter().copied().filter(|d| &d.currency == currency).collect();
    let won_value: i64 = won_here.iter().map(|d| d.value_minor).sum();
    let cycles: Vec<f64> = won.iter().filter_map(|d| cycle_days(d)).collect();
    // A customer is new when none of its deals was won before the period. The
    // customers won before are gathered once: asking every deal for every won deal
    // took a quarter of a second with 10,000 deals.
    let won_before: HashSet<&str> = ws
        .deals
        .iter()
        .filter(|other| other.status == DealStatus::Won && other.closed_at.is_some_and(|t| day_of(t) < scope.start))
        .map(|other| other.customer.as_str())
        .collect();
    let mut new_customers: Vec<&str> = won.iter().map(|d| d.customer.as_str()).filter(|customer| !won_before.contains(customer)).collect();
    new_customers.sort_unstable();
    new_customers.dedup();
    Figures {
        won: won.len(),
        lost,
        open: open.len(),
        won_value,
        win_rate_percent: (won.len() + lost > 0).then(|| won.len() as f64 * 100.0 / (won.len() + lost) as f64),
        avg_deal_size: (!won_here.is_empty()).then(|| won_value / won_here.len() as i64),
        avg_cycle_days: mean(&cycles),
        weighted_pipeline: open.iter().filter(|d| &d.currency == currency).map(|d| weighted_value(ws, d)).sum(),
        new_customers: new_customers.len(),
        overdue_milestones: open.iter().filter_map(|d| Some(deal_plan(ws.roadmap(&d.roadmap_id)?, d, today).overdue().count())).sum(),
        other_currency_deals: deals.iter().filter(|d| &d.currency != currency).count(),
    }
}

/// Weighted pipeline over what the won-revenue goal running today still needs.
pub fn pipeline_coverage(ws: &Workspace, figures: &Figures, today: NaiveDate) -> Option<f64> {
    let goal = ws
        .goals
        .iter()
        .find(|g| g.metric == GoalMetric::WonRevenue && g.period_start <= today && g.period_end.is_none_or(|end| end >= today))?;
    let done = crate::core::analytics::goals::progress(ws, goal, today).actual;
    let remaining = goal.target - done;
    (remaining > 0).then(|| figures.weighted_pipeline as f64 / remaining as f64)
}

/// One stage of the funnel: how many deals created in the period got this far.
#[derive(Clone, Debug, PartialEq)]
pub struct FunnelStep {
    /// The stage this step counts.
    pub stage_id: Id,
    /// Deals that entered this stage or a later one; a deal with no known stage counts for the first.
    pub reached: usize,
    /// The value of those deals, in minor units of the default currency; other currencies are left out.
    pub reached_value: i64,
    /// reached ÷ reached of the stage before, in percent.
    pub conversion: Option<f64>,
    /// reached ÷ reached of the first stage, in percent.
    pub cumulative: Option<f64>,
}

/// The funnel of one roadmap: a step per stage, in roadmap order.
#[derive(Clone, Debug, PartialEq)]
pub struct Funnel {
    /// One step per stage of the roadmap, in order.
    pub steps: Vec<FunnelStep>,
    /// The stage whose deals most often went no further (by share lost).
    pub biggest_drop: Option<usize>,
}

/// The funnel of `roadmap` over the deals on it created within `scope`'s period (`scope.roadmap` is not consulted).
pub fn funnel(ws: &Workspace, roadmap: &Roadmap, scope: &Scope) -> Funnel {
    let mut reached = vec![0_usize; roadmap.stages.len()];
    let mut value = vec![0_i64; roadmap.stages.len()];
    for deal in ws.deals.iter().filter(|d| d.roadmap_id == roadmap.id && scope.in_period(day_of(d.created_at))) {
        let furthest = deal.stage_history.iter().filter_map(|e| roadmap.stage_index(&e.stage_id)).max();
        for i in 0..=furthest.unwrap_or(0).min(roadmap.stages.len().saturating_sub(1)) {
            reached[i] += 1;
            if deal.currency == ws.default_currency {
                value[i] += deal.value_minor;
            }
        }
    }
    let percent = |part: usize, whole: usize| (whole > 0).then(|| part as f64 * 100.0 / whole as f64);
    let steps = roadmap
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| FunnelStep {
            stage_id: stage.id.clone(),
            reached: reached[i],
            reached_value: value[i],
            conversion: if i == 0 { None } else { percent(reached[i], reached[i - 1]) },
            cumulative: percent(reached[i], reached[0]),
        })
        .collect::<Vec<_>>();
    let biggest_drop =
        (0..steps.len().saturating_sub(1)).filter(|&i| steps[i].reached > 0 && steps[i + 1].reached < steps[i].reached).min_by(|&a, &b| {
            let kept = |i: usize| steps[i + 1].reached as f64 / steps[i].reached as f64;
            kept(a).total_cmp(&kept(b))
        });
    Funnel { steps, biggest_drop }
}

/// How long deals stayed in one stage, against its target.
#[derive(Clone, Debug, PartialEq)]
pub struct StageTime {
    /// The stage measured.
    pub stage_id: Id,
    /// The days the roadmap plans for the stage.
    pub target_days: u32,
    /// Mean length in days of the finished visits; `None` when there were none.
    pub average_days: Option<f64>,
    /// How many finished visits the average is taken over.
    pub visits: usize,
}

/// Average days per finished visit of each stage, and the bottleneck: the stage
/// furthest over its target (none when every stage is within target).
pub fn stage_times(ws: &Workspace, roadmap: &Roadmap, scope: &Scope) -> (Vec<StageTime>, Option<usize>) {
    let mut spans: Vec<Vec<f64>> = vec![Vec::new(); roadmap.stages.len()];
    for deal in ws.deals.iter().filter(|d| d.roadmap_id == roadmap.id && scope.in_period(day_of(d.created_at))) {
        let ends = deal.stage_history.iter().skip(1).map(|e| Some(e.entered_at)).chain([deal.closed_at]);
        for (entry, end) in deal.stage_history.iter().zip(ends) {
            // An imported file can hold times that run backwards; such a visit says nothing.
            if let (Some(i), Some(end)) = (roadmap.stage_index(&entry.stage_id), end.filter(|e| *e >= entry.entered_at)) {
                spans[i].push((end - entry.entered_at) as f64 / DAY_MS);
            }
        }
    }
    let times: Vec<StageTime> = roadmap
        .stages
        .iter()
        .zip(&spans)
        .map(|(stage, days)| StageTime {
            stage_id: stage.id.clone(),
            target_days: stage.target_days,
            average_days: mean(days),
            visits: days.len(),
        })
        .collect();
    let over = |t: &StageTime| t.average_days.map(|d| d / f64::from(t.target_days.max(1)));
    let bottleneck = times
        .iter()
        .enumerate()
        .filter_map(|(i, t)| over(t).filter(|ratio| *ratio > 1.0).map(|ratio| (i, ratio)))
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i);
    (times, bottleneck)
}

/// The weighted value expected to close in one calendar month.
#[derive(Clone, Debug, PartialEq)]
pub struct ForecastMonth {
    /// (year, month)
    pub month: (i32, u32),
    /// Σ value × current stage win probability of the open deals expected to close in the month, in minor units.
    pub weighted: i64,
    /// How many open deals are expected to close in the month.
    pub deals: usize,
}

/// Weighted value of open deals by expected close month, earliest first, and the
/// weighted value of open deals with no expected close date.
pub fn forecast(ws: &Workspace, roadmap: Option<&Id>) -> (Vec<ForecastMonth>, i64) {
    let mut months: BTreeMap<(i32, u32), (i64, usize)> = BTreeMap::new();
    let mut unscheduled = 0;
    let open = ws
        .deals
        .iter()
        .filter(|d| d.status == DealStatus::Open && d.currency == ws.default_currency && roadmap.is_none_or(|r| &d.roadmap_id == r));
    for deal in open {
        let weighted = weighted_value(ws, deal);
        match deal.expected_close {
            Some(date) => {
                let slot = months.entry((date.year(), date.month())).or_default();
                slot.0 += weighted;
                slot.1 += 1;
            }
            None => unscheduled += weighted,
        }
    }
    let list = months.into_iter().map(|(month, (weighted, deals))| ForecastMonth { month, weighted, deals }).collect();
    (list, unscheduled)
}

/// One owner's line in the per-owner table.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnerRow {
    /// The owner's name as typed on the deals.
    pub owner: String,
    /// Open deals now plus deals closed in the period.
    pub deals: usize,
    /// Value won in the period, in minor units of the default currency; other currencies are left out.
    pub won_value: i64,
    /// Won ÷ (won + lost) in the period, in percent; `None` when none of the owner's deals closed in it.
    pub win_rate_percent: Option<f64>,
    /// Mean days from creation to close of the owner's deals won in the period; `None` when none was won.
    pub avg_cycle_days: Option<f64>,
    /// Overdue milestones across the owner's open deals, as of today.
    pub overdue_milestones: usize,
}

/// One row per owner of a deal in `scope`, sorted by name; `today` decides which milestones are overdue.
pub fn owner_rows(ws: &Workspace, scope: &Scope, today: NaiveDate) -> Vec<OwnerRow> {
    let mut owners: Vec<&str> = ws.deals.iter().filter(|d| scope.covers(d)).map(|d| d.owner.as_str()).collect();
    owners.sort_unstable();
    owners.dedup();
    owners
        .into_iter()
        .map(|owner| {
            let mine: Vec<&Deal> = ws.deals.iter().map(|d| &**d).filter(|d| scope.covers(d) && d.owner == owner).collect();
            let won: Vec<&Deal> = mine.iter().copied().filter(|d| scope.closed_in_period(d, DealStatus::Won)).collect();
            let lost = mine.iter().filter(|d| scope.closed_in_period(d, DealStatus::Lost)).count();
            let open: Vec<&Deal> = mine.iter().copied().filter(|d| d.status == DealStatus::Open).collect();
            let cycles: Vec<f64> = won.iter().filter_map(|d| cycle_days(d)).collect();
            OwnerRow {
                owner: owner.to_owned(),
                deals: open.len() + won.len() + lost,
                won_value: won.iter().filter(|d| d.currency == ws.default_currency).map(|d| d.value_minor).sum(),
                win_rate_percent: (won.len() + lost > 0).then(|| won.len() as f64 * 100.0 / (won.len() + lost) as f64),
                avg_cycle_days: mean(&cycles),
                overdue_milestones: open
                    .iter()
                    .filter_map(|d| Some(deal_plan(ws.roadmap(&d.roadmap_id)?, d, today).overdue().count()))
                    .sum(),
            }
        })
        .collect()
}

/// How many deals lost in the period gave each reason, most first.
pub fn lost_reasons(ws: &Workspace, scope: &Scope) -> Vec<(Id, usize)> {
    let mut counts: BTreeMap<&Id, usize> = BTreeMap::new();
    for deal in ws.deals.iter().filter(|d| scope.covers(d) && scope.closed_in_period(d, DealStatus::Lost)) {
        if let Some(reason) = &deal.lost_reason {
            *counts.entry(reason).or_default() += 1;
        }
    }
    let mut list: Vec<(Id, usize)> = counts.into_iter().map(|(id, n)| (id.clone(), n)).collect();
    list.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    list
}
