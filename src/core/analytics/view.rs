//! The analytics screen's charts and sentences, made from the figures in the
//! UI language, so what a manager reads is tested like the numbers are.

use chrono::NaiveDate;

use crate::core::analytics::goals::{progress, Check, History, SmartCheck};
use crate::core::analytics::{forecast, funnel, lost_reasons, stage_times, Figures, Scope};
use crate::core::chart::bars::{BarChart, BarRow};
use crate::core::model::{Goal, GoalMetric, Roadmap, Workspace};
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::money::{format_compact, group_digits, group_thousands};

/// "8.3", "17" (no ".0"): how figures read on the analytics screen.
pub fn one_decimal(value: f64) -> String {
    let text = format!("{value:.1}");
    text.strip_suffix(".0").map(str::to_owned).unwrap_or(text)
}

fn percent(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_owned(), |v| format!("{}%", one_decimal(v)))
}

/// The funnel chart and the sentence naming its biggest drop; `show_money` false
/// leaves values out (a room may not see them).
pub fn funnel_view(ws: &Workspace, roadmap: &Roadmap, scope: &Scope, lang: Lang, show_money: bool) -> (BarChart, String) {
    let f = funnel(ws, roadmap, scope);
    let rows = f
        .steps
        .iter()
        .zip(&roadmap.stages)
        .enumerate()
        .map(|(i, (step, stage))| BarRow {
            label: stage.name.get(lang).to_owned(),
            value: step.reached as f64,
            shown: if show_money {
                trf(
                    lang,
                    Msg::FunnelRow,
                    &[
                        &group_digits(step.reached as u64),
                        &format_compact(step.reached_value, &ws.default_currency, lang),
                        &percent(step.conversion.or(step.cumulative)),
                    ],
                )
            } else {
                format!("{} · {}", group_digits(step.reached as u64), percent(step.conversion.or(step.cumulative)))
            },
            marker: None,
            highlight: f.biggest_drop == Some(i),
        })
        .collect();
    let sentence = match f.biggest_drop {
        Some(i) => {
            let kept = f.steps[i + 1].conversion.unwrap_or(0.0);
            trf(lang, Msg::FunnelDrop, &[roadmap.stages[i].name.get(lang), &one_decimal(kept)])
        }
        None => tr(lang, Msg::FunnelNoDrop).to_owned(),
    };
    (BarChart { rows, note: String::new(), scale_floor: 0.0 }, sentence)
}

/// Time in stage against target, and the sentence naming the bottleneck.
pub fn time_view(ws: &Workspace, roadmap: &Roadmap, scope: &Scope, lang: Lang) -> (BarChart, String) {
    let (times, bottleneck) = stage_times(ws, roadmap, scope);
    let rows = times
        .iter()
        .zip(&roadmap.stages)
        .enumerate()
        .map(|(i, (time, stage))| BarRow {
            label: stage.name.get(lang).to_owned(),
            value: time.average_days.unwrap_or(0.0),
            shown: match time.average_days {
                Some(days) => trf(lang, Msg::TimeRow, &[&one_decimal(days), &time.target_days.to_string()]),
                None => tr(lang, Msg::TimeNone).to_owned(),
            },
            marker: Some(f64::from(time.target_days)),
            highlight: bottleneck == Some(i),
        })
        .collect();
    let sentence = match bottleneck {
        Some(i) => {
            let days = times[i].average_days.unwrap_or(0.0);
            let over = days - f64::from(times[i].target_days);
            trf(lang, Msg::Bottleneck, &[roadmap.stages[i].name.get(lang), &one_decimal(days), &one_decimal(over)])
        }
        None => tr(lang, Msg::NoBottleneck).to_owned(),
    };
    (BarChart { rows, note: tr(lang, Msg::TimeNote).to_owned(), scale_floor: 0.0 }, sentence)
}

/// Weighted forecast by month; the marker is the monthly pace of the revenue goal running today.
pub fn forecast_view(ws: &Workspace, scope: &Scope, today: NaiveDate, lang: Lang) -> BarChart {
    let (months, unscheduled) = forecast(ws, scope.roadmap.as_ref());
    let monthly_goal = ws
        .goals
        .iter()
        .find(|g| g.metric == GoalMetric::WonRevenue && g.period_start <= today && g.period_end.is_none_or(|e| e >= today))
        .and_then(|g| {
            let end = g.period_end?;
            let months = ((end - g.period_start).num_days() as f64 / 30.44).max(1.0);
            Some(g.target as f64 / months)
        });
    let money = |v: i64| format_compact(v, &ws.default_currency, lang);
    let mut rows: Vec<BarRow> = months
        .iter()
        .map(|m| BarRow {
            label: format!("{}-{:02}", m.month.0, m.month.1),
            value: m.weighted as f64,
            shown: money(m.weighted),
            marker: monthly_goal,
            highlight: false,
        })
        .collect();
    if unscheduled > 0 {
        rows.push(BarRow {
            label: tr(lang, Msg::ForecastUnscheduled).to_owned(),
            value: unscheduled as f64,
            shown: money(unscheduled),
            marker: None,
            highlight: false,
        });
    }
    BarChart { rows, note: tr(lang, Msg::ForecastNote).to_owned(), scale_floor: 0.0 }
}

/// A goal's figure as written: money for money metrics, plain numbers otherwise.
pub fn goal_amount(ws: &Workspace, metric: GoalMetric, value: i64, lang: Lang) -> String {
    match metric {
        GoalMetric::WonRevenue | GoalMetric::WeightedPipeline => format_compact(value, &ws.default_currency, lang),
        GoalMetric::WinRate => format!("{value}%"),
        GoalMetric::DealsWon | GoalMetric::NewCustomers => group_thousands(value),
    }
}

/// "Actual … of … (today's pace …)" for a goal.
pub fn goal_text(ws: &Workspace, goal: &Goal, today: NaiveDate, lang: Lang) -> String {
    let p = progress(ws, goal, today);
    let amount = |v| goal_amount(ws, goal.metric, v, lang);
    trf(lang, Msg::GoalProgressText, &[&amount(p.actual), &amount(p.target), &amount(p.expected_by_today)])
}

/// The SMART badge: each letter with ✓ (met), ✗ (missed) or ? (the person's call), "SMART: S✓ M✓ A? R? T✗".
pub fn smart_badge(check: &SmartCheck) -> String {
    let letters: Vec<String> = check.letters().iter().map(|(letter, c)| format!("{letter}{}", mark(*c))).collect();
    format!("SMART: {}", letters.join(" "))
}

fn mark(check: Check) -> char {
    match check {
        Check::Met => '✓',
        Check::Missing => '✗',
        Check::YourCall => '?',
    }
}

/// A line for each letter not met, and for a missing owner, in `lang`: what is wrong or what to judge.
pub fn smart_notes(check: &SmartCheck, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    if check.specific == Check::Missing {
        notes.push(tr(lang, Msg::SmartSpecificMissing).to_owned());
    }
    match (check.achievable, check.history) {
        (Check::Missing, History::Times(times)) => notes.push(trf(lang, Msg::SmartStretch, &[&format!("{:.1}", times)])),
        (Check::YourCall, _) => notes.push(tr(lang, Msg::SmartNoHistory).to_owned()),
        _ => {}
    }
    if check.time_bound == Check::Missing {
        notes.push(tr(lang, Msg::SmartNoEnd).to_owned());
    }
    if check.owner == Check::Missing {
        notes.push(tr(lang, Msg::GoalNoOwner).to_owned());
    }
    notes
}

/// Each goal's share reached (bar) against the share today's pace needs (marker), in percent.
pub fn goals_view(ws: &Workspace, today: NaiveDate, lang: Lang) -> BarChart {
    let rows = ws
        .goals
        .iter()
        .map(|goal| {
            let p = progress(ws, goal, today);
            let share = |v: i64| if p.target > 0 { v as f64 * 100.0 / p.target as f64 } else { 0.0 };
            BarRow {
                label: format!("{} · {}", crate::core::text::labels::goal_metric(lang, goal.metric), goal.owner),
                value: share(p.actual),
                shown: format!("{} / {}", goal_amount(ws, goal.metric, p.actual, lang), goal_amount(ws, goal.metric, p.target, lang)),
                marker: Some(share(p.expected_by_today)),
                highlight: p.actual < p.expected_by_today,
            }
        })
        .collect();
    BarChart { rows, note: tr(lang, Msg::GoalsNote).to_owned(), scale_floor: 100.0 }
}

/// Won and lost in the period, then each lost reason.
pub fn outcomes_view(ws: &Workspace, scope: &Scope, figures: &Figures, lang: Lang) -> BarChart {
    let row =
        |label: String, n: usize, highlight| BarRow { label, value: n as f64, shown: group_digits(n as u64), marker: None, highlight };
    let mut rows =
        vec![row(tr(lang, Msg::StatusWon).to_owned(), figures.won, false), row(tr(lang, Msg::StatusLost).to_owned(), figures.lost, true)];
    for (reason, n) in lost_reasons(ws, scope) {
        let label = ws.settings.lost_reasons.iter().find(|r| r.id == reason).map(|r| r.label.get(lang).to_owned()).unwrap_or_default();
        rows.push(row(format!("  · {label}"), n, false));
    }
    BarChart { rows, note: String::new(), scale_floor: 0.0 }
}
