//! A first visit shows every screen working: the samples carry enough history for
//! Analytics to show real figures, and they leave together when the person says so.

use chrono::{Datelike, Days, NaiveDate};
use waypoint::core::analytics::{figures, pipeline_coverage, Scope};
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::DealStatus;
use waypoint::core::text::i18n::Lang;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

fn millis(day: NaiveDate) -> i64 {
    day.and_hms_opt(9, 30, 0).unwrap().and_utc().timestamp_millis()
}

/// The current quarter as Analytics opens it.
fn quarter(today: NaiveDate) -> Scope {
    let first = today.month0() / 3 * 3 + 1;
    let start = NaiveDate::from_ymd_opt(today.year(), first, 1).unwrap();
    let end = start.checked_add_months(chrono::Months::new(3)).unwrap().pred_opt().unwrap();
    Scope { start, end, roadmap: None }
}

#[test]
fn analytics_on_a_first_visit_has_every_headline_figure_on_any_day_of_the_year() {
    // Every day of a year, the quarter's first days included: the closed samples must land in the period.
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    for offset in 0..365 {
        let today = first.checked_add_days(Days::new(offset)).unwrap();
        for lang in [Lang::Zh, Lang::En] {
            let ws = first_visit_workspace("f1", lang, millis(today));
            let figs = figures(&ws, &quarter(today), today);
            assert!(figs.won >= 2 && figs.lost >= 2, "{today}: {figs:?}");
            let rate = figs.win_rate_percent.expect("a win rate");
            assert!(rate > 0.0 && rate < 100.0, "{today}: {rate}");
            assert!(figs.avg_deal_size.is_some_and(|v| v > 0), "{today}: {figs:?}");
            assert!(figs.avg_cycle_days.is_some_and(|d| d > 0.0), "{today}: {figs:?}");
            let coverage = pipeline_coverage(&ws, &figs, today).expect("a goal running today with revenue still to win");
            assert!(coverage > 0.0, "{today}: {coverage}");
        }
    }
}

#[test]
fn closed_samples_give_their_reasons_and_a_won_deal_has_its_last_stage_done() {
    let ws = first_visit_workspace("f1", Lang::Zh, 1_800_000_000_000);
    let roadmap = &ws.roadmaps[0];
    let lost: Vec<_> = ws.deals.iter().filter(|d| d.status == DealStatus::Lost).collect();
    assert!(lost.len() >= 2);
    assert!(lost.iter().all(|d| d.lost_reason.is_some()), "every lost sample says why");
    let won: Vec<_> = ws.deals.iter().filter(|d| d.status == DealStatus::Won).collect();
    assert!(won.len() >= 2);
    for deal in won {
        let stage = roadmap.stage(&deal.stage_id).unwrap();
        assert!(stage.milestones.iter().all(|m| deal.is_milestone_done(&m.id)), "{} is won with its stage unfinished", deal.customer);
    }
}

#[test]
fn removing_the_samples_takes_the_sample_goal_too_and_it_never_leaves_the_browser() {
    let now = 1_800_000_000_000;
    let mut ws = first_visit_workspace("f1", Lang::En, now);
    assert_eq!(ws.goals.len(), 1);
    assert!(ws.goals[0].is_sample() && ws.has_samples());
    assert!(ws.without_samples().goals.is_empty(), "a sample goal is nobody's: it goes in no file or link");
    assert_eq!(apply(&mut ws, Command::RemoveSamples, now + DAY_MS), Ok(Outcome::Changed));
    assert!(ws.deals.is_empty() && ws.goals.is_empty() && !ws.has_samples());
    assert_eq!(apply(&mut ws, Command::RemoveSamples, now + DAY_MS), Ok(Outcome::Unchanged));
    assert_eq!(ws.roadmaps.len(), 1, "the roadmap is the team's to keep");
}
