//! Analytics on a small pipeline, every expected figure worked by hand.
//!
//! Project-sale roadmap: stages s0..s5, win probability 10/25/40/55/70/90 %,
//! target days 14/21/14/10/14/10. Period: 1 Oct – 31 Dec 2026; today 20 Nov.
//! All times are noon UTC, so day differences are whole.
//!
//! | deal | customer | owner | value    | created | moves (stage: date)         | close            |
//! |------|----------|-------|----------|---------|-----------------------------|------------------|
//! | A    | Acme     | Ana   | $100     | 1 Oct   | s1 11 Oct, s2 31 Oct        | won 10 Nov       |
//! | B    | Birch    | Ben   | $300     | 5 Oct   | s1 15 Oct                   | lost 4 Nov, price|
//! | C    | Cedar    | Ana   | $200     | 10 Oct  | —                           | open, close 15 Dec |
//! | D    | Delta    | Ben   | $400     | 20 Oct  | s1 25 Oct, s2 5 Nov, s3 15 Nov | open, close 10 Jan 2027 |
//! | E    | Acme     | Ana   | $500     | 1 Sep   | —                           | won 30 Sep (before the period) |
//! | F    | Fir      | Ben   | €50      | 2 Oct   | —                           | open (other currency) |

mod common;

use chrono::NaiveDate;
use common::*;
use waypoint::core::analytics::goals::{progress, smart_check, Check, GoalFields, History};
use waypoint::core::analytics::{figures, forecast, funnel, lost_reasons, owner_rows, pipeline_coverage, stage_times, Scope};
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::model::{GoalMetric, Id, Workspace};
use waypoint::core::roadmap::edit::StageFields;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn at(y: i32, m: u32, d: u32) -> i64 {
    day(y, m, d).and_hms_opt(12, 0, 0).unwrap().and_utc().timestamp_millis()
}

fn today() -> NaiveDate {
    day(2026, 11, 20)
}

fn period() -> Scope {
    Scope { start: day(2026, 10, 1), end: day(2026, 12, 31), roadmap: None }
}

struct Plan {
    customer: &'static str,
    owner: &'static str,
    value: i64,
    currency: &'static str,
    created: (i32, u32, u32),
    moves: &'static [(usize, (i32, u32, u32))],
    close: Option<(bool, (i32, u32, u32))>,
    expected_close: Option<(i32, u32, u32)>,
}

fn fixture() -> (Workspace, Vec<Id>) {
    let plans = [
        Plan {
            customer: "Acme",
            owner: "Ana",
            value: 100_00,
            currency: "USD",
            created: (2026, 10, 1),
            moves: &[(1, (2026, 10, 11)), (2, (2026, 10, 31))],
            close: Some((true, (2026, 11, 10))),
            expected_close: None,
        },
        Plan {
            customer: "Birch",
            owner: "Ben",
            value: 300_00,
            currency: "USD",
            created: (2026, 10, 5),
            moves: &[(1, (2026, 10, 15))],
            close: Some((false, (2026, 11, 4))),
            expected_close: None,
        },
        Plan {
            customer: "Cedar",
            owner: "Ana",
            value: 200_00,
            currency: "USD",
            created: (2026, 10, 10),
            moves: &[],
            close: None,
            expected_close: Some((2026, 12, 15)),
        },
        Plan {
            customer: "Delta",
            owner: "Ben",
            value: 400_00,
            currency: "USD",
            created: (2026, 10, 20),
            moves: &[(1, (2026, 10, 25)), (2, (2026, 11, 5)), (3, (2026, 11, 15))],
            close: None,
            expected_close: Some((2027, 1, 10)),
        },
        Plan {
            customer: "Acme",
            owner: "Ana",
            value: 500_00,
            currency: "USD",
            created: (2026, 9, 1),
            moves: &[],
            close: Some((true, (2026, 9, 30))),
            expected_close: None,
        },
        Plan {
            customer: "Fir",
            owner: "Ben",
            value: 50_00,
            currency: "EUR",
            created: (2026, 10, 2),
            moves: &[],
            close: None,
            expected_close: None,
        },
    ];
    let mut ws = workspace();
    let mut ids = Vec::new();
    for plan in plans {
        let mut f = fields(&ws, plan.customer, plan.value);
        f.owner = plan.owner.into();
        f.currency = plan.currency.into();
        f.expected_close = plan.expected_close.map(|(y, m, d)| day(y, m, d));
        let (y, m, d) = plan.created;
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: f, sample: false };
        let Ok(Outcome::Created(id)) = apply(&mut ws, cmd, at(y, m, d)) else { panic!() };
        for &(stage, (y, m, d)) in plan.moves {
            let to_stage = stage_id(&ws, stage);
            apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage, confirmed: true }, at(y, m, d)).unwrap();
        }
        if let Some((won, (y, m, d))) = plan.close {
            let reason = (!won).then(|| Id("lost-price".into()));
            apply(&mut ws, Command::CloseDeal { deal_id: id.clone(), won, reason, note: String::new() }, at(y, m, d)).unwrap();
        }
        ids.push(id);
    }
    (ws, ids)
}

#[test]
fn kpis_follow_the_definitions() {
    let (ws, _) = fixture();
    let f = figures(&ws, &period(), today());
    // Won in the period: A only (E closed in September). Lost: B. Open: C, D, F.
    assert_eq!((f.won, f.lost, f.open), (1, 1, 3));
    assert_eq!(f.won_value, 100_00);
    assert_eq!(f.win_rate_percent, Some(50.0), "1 won ÷ (1 won + 1 lost)");
    assert_eq!(f.avg_deal_size, Some(100_00));
    assert_eq!(f.avg_cycle_days, Some(40.0), "A: 1 Oct → 10 Nov");
    // C: $200 × 10 % = $20; D: $400 × 55 % = $220; F is in euros and left out.
    assert_eq!(f.weighted_pipeline, 240_00);
    assert_eq!(f.new_customers, 0, "Acme had a deal won before the period");
    // Over the whole year nothing was won before: each customer with a win counts once.
    let year = Scope { start: day(2026, 1, 1), end: day(2026, 12, 31), roadmap: None };
    let mut won_customers: Vec<&str> =
        ws.deals.iter().filter(|d| d.status == waypoint::core::model::DealStatus::Won).map(|d| d.customer.as_str()).collect();
    won_customers.sort_unstable();
    won_customers.dedup();
    assert!(!won_customers.is_empty());
    assert_eq!(figures(&ws, &year, today()).new_customers, won_customers.len());
    assert_eq!(f.other_currency_deals, 1);
    // Overdue on 20 Nov (plans from deal_plan): C in s0 since 10 Oct: days 4 and 9 → 2.
    // F in s0 since 2 Oct → 2. D passed s0 (2), s1 (3 at days 5, 10, 15) and s2 (2) with
    // nothing ticked, and in s3 since 15 Nov its day-3 milestone (18 Nov) → 1: 8. 2 + 2 + 8 = 12.
    assert_eq!(f.overdue_milestones, 12);
}

#[test]
fn the_funnel_counts_deals_that_reached_each_stage() {
    let (ws, _) = fixture();
    let fun = funnel(&ws, &ws.roadmaps[0], &period());
    // Created in the period: A, B, C, D, F (not E). Furthest stage: A s2, B s1, C s0, D s3, F s0.
    let reached: Vec<usize> = fun.steps.iter().map(|s| s.reached).collect();
    assert_eq!(reached, vec![5, 3, 2, 1, 0, 0]);
    // Values in dollars only: s0 A+B+C+D = $1000; s1 A+B+D = $800; s2 A+D = $500; s3 D = $400.
    let values: Vec<i64> = fun.steps.iter().map(|s| s.reached_value).collect();
    assert_eq!(values, vec![1000_00, 800_00, 500_00, 400_00, 0, 0]);
    let conversion: Vec<Option<f64>> = fun.steps.iter().map(|s| s.conversion.map(|c| (c * 100.0).round() / 100.0)).collect();
    assert_eq!(conversion, vec![None, Some(60.0), Some(66.67), Some(50.0), Some(0.0), None], "3/5, 2/3, 1/2, 0/1, 0/0");
    let cumulative: Vec<Option<f64>> = fun.steps.iter().map(|s| s.cumulative).collect();
    assert_eq!(cumulative, vec![Some(100.0), Some(60.0), Some(40.0), Some(20.0), Some(0.0), Some(0.0)]);
    // Kept from one stage to the next: 60 %, 67 %, 50 %, 0 %: the biggest drop is after s3.
    assert_eq!(fun.biggest_drop, Some(3));
}

#[test]
fn time_in_stage_uses_finished_visits_and_names_the_bottleneck() {
    let (mut ws, _) = fixture();
    let (times, bottleneck) = stage_times(&ws, &ws.roadmaps[0], &period());
    // s0: A 10, B 10, D 5 → 25 / 3. s1: A 20, B 20 (to its loss), D 11 → 17. s2: A 10 (to its win), D 10 → 10.
    let averages: Vec<Option<f64>> = times.iter().map(|t| t.average_days.map(|d| (d * 1000.0).round() / 1000.0)).collect();
    assert_eq!(averages, vec![Some(8.333), Some(17.0), Some(10.0), None, None, None]);
    assert_eq!(times.iter().map(|t| t.visits).collect::<Vec<_>>(), vec![3, 3, 2, 0, 0, 0]);
    assert_eq!(bottleneck, None, "8.3/14, 17/21 and 10/14 are all within target");

    // With a 7-day target, s2's 10 days are 1.43 times over: the bottleneck.
    let rid = roadmap_id(&ws);
    let sid = stage_id(&ws, 2);
    let mut f = StageFields::of(ws.roadmaps[0].stage(&sid).unwrap());
    f.target_days = 7;
    apply(&mut ws, Command::UpdateStage { roadmap_id: rid, stage_id: sid, fields: f }, 0).unwrap();
    assert_eq!(stage_times(&ws, &ws.roadmaps[0], &period()).1, Some(2));

    // A file whose deal closed before it entered its last stage (times running
    // backwards): that visit is left out rather than counted as negative days.
    let won = ws.deals.iter().position(|d| d.status == waypoint::core::model::DealStatus::Won && d.stage_history.len() == 3).unwrap();
    let deal = std::sync::Arc::make_mut(&mut ws.deals[won]);
    deal.closed_at = Some(deal.stage_history[2].entered_at - 5 * 86_400_000);
    let (times, _) = stage_times(&ws, &ws.roadmaps[0], &period());
    assert_eq!((times[2].visits, times[2].average_days), (1, Some(10.0)), "only D's visit of s2 is left");
}

#[test]
fn the_forecast_groups_weighted_open_value_by_expected_close_month() {
    let (ws, _) = fixture();
    let (months, unscheduled) = forecast(&ws, None);
    let shown: Vec<((i32, u32), i64, usize)> = months.iter().map(|m| (m.month, m.weighted, m.deals)).collect();
    // C: $20 weighted in December; D: $220 in January; F is in euros.
    assert_eq!(shown, vec![((2026, 12), 20_00, 1), ((2027, 1), 220_00, 1)]);
    assert_eq!(unscheduled, 0);
}

#[test]
fn each_owner_gets_a_row() {
    let (ws, _) = fixture();
    let rows = owner_rows(&ws, &period(), today());
    type Row<'a> = (&'a str, usize, i64, Option<f64>, Option<f64>, usize);
    let shown: Vec<Row> =
        rows.iter().map(|r| (r.owner.as_str(), r.deals, r.won_value, r.win_rate_percent, r.avg_cycle_days, r.overdue_milestones)).collect();
    assert_eq!(
        shown,
        vec![
            // Ana: open C + won A (E closed before the period); overdue: C's 2.
            ("Ana", 2, 100_00, Some(100.0), Some(40.0), 2),
            // Ben: open D and F + lost B; overdue: D's 8 + F's 2.
            ("Ben", 3, 0, Some(0.0), None, 10),
        ]
    );
    assert_eq!(lost_reasons(&ws, &period()), vec![(Id("lost-price".into()), 1)]);
}

#[test]
fn goals_show_actual_pace_and_smart_gaps() {
    let (mut ws, _) = fixture();
    let revenue = GoalFields {
        metric: GoalMetric::WonRevenue,
        target: 400_00,
        period_start: day(2026, 10, 1),
        period_end: Some(day(2026, 12, 31)),
        owner: "Ana".into(),
        roadmap_id: None,
    };
    apply(&mut ws, Command::AddGoal(revenue.clone()), 0).unwrap();
    let goal = ws.goals[0].clone();
    let p = progress(&ws, &goal, today());
    // 1 Oct → 31 Dec is 91 days; by 20 Nov 50 have gone: $400 × 50 / 91 = $219.78.
    assert_eq!((p.target, p.actual, p.expected_by_today), (400_00, 100_00, 21978));
    // $400 in the quarter after one that won $500 (Acme, 30 Sep): achievable on the record;
    // relevance is the person's call; the owner is checked apart from the letters.
    let check = smart_check(&ws, &goal, today());
    assert_eq!(check.letters().map(|(_, c)| c), [Check::Met, Check::Met, Check::Met, Check::YourCall, Check::Met]);
    assert_eq!((check.history, check.owner), (History::Times(0.8), Check::Met));
    // Weighted pipeline $240 over the $300 still needed.
    let f = figures(&ws, &period(), today());
    assert_eq!(pipeline_coverage(&ws, &f, today()), Some(0.8));

    let rate = GoalFields { metric: GoalMetric::WinRate, target: 60, ..revenue.clone() };
    apply(&mut ws, Command::AddGoal(rate), 0).unwrap();
    let p = progress(&ws, &ws.goals[1], today());
    assert_eq!((p.actual, p.expected_by_today), (50, 60), "a rate is due all along");

    let vague = GoalFields { target: 0, period_end: None, owner: " ".into(), ..revenue.clone() };
    apply(&mut ws, Command::AddGoal(vague), 0).unwrap();
    let check = smart_check(&ws, &ws.goals[2], today());
    assert_eq!(check.letters().map(|(_, c)| c), [Check::Missing, Check::Missing, Check::Missing, Check::YourCall, Check::Missing]);
    assert_eq!(check.owner, Check::Missing, "no owner is its own check, not a SMART letter");

    // Three times the quarter before is called out; with nothing before, it is the person's call.
    let stretch = GoalFields { target: 1_500_00, ..revenue.clone() };
    apply(&mut ws, Command::AddGoal(stretch), 0).unwrap();
    let check = smart_check(&ws, &ws.goals[3], today());
    assert_eq!((check.achievable, check.history), (Check::Missing, History::Times(3.0)));
    let early = GoalFields { period_start: day(2026, 6, 1), period_end: Some(day(2026, 6, 30)), ..revenue.clone() };
    apply(&mut ws, Command::AddGoal(early), 0).unwrap();
    let check = smart_check(&ws, &ws.goals[4], today());
    assert_eq!((check.achievable, check.history), (Check::YourCall, History::None));

    let backwards = GoalFields { period_end: Some(day(2026, 9, 1)), ..revenue };
    assert_eq!(apply(&mut ws, Command::AddGoal(backwards), 0), Err(waypoint::core::command::CommandError::PeriodReversed));
}

#[test]
fn the_views_name_the_drop_and_the_bottleneck_in_both_languages() {
    use waypoint::core::analytics::view::{funnel_view, goals_view, smart_badge, smart_notes, time_view};
    use waypoint::core::chart::bars::bars_svg;
    use waypoint::core::text::i18n::Lang;
    let (mut ws, _) = fixture();
    let roadmap = ws.roadmaps[0].clone();
    let (chart, sentence) = funnel_view(&ws, &roadmap, &period(), Lang::En, true);
    assert_eq!(sentence, "Biggest drop-off: only 0% of deals went on after “Proposal submission”.");
    assert_eq!(chart.rows[1].shown, "3 · $800 · 60%");
    let (hidden, _) = funnel_view(&ws, &roadmap, &period(), Lang::En, false);
    assert_eq!(hidden.rows[1].shown, "3 · 60%", "no money in front of a room");
    assert!(chart.rows[3].highlight && !chart.rows[2].highlight);
    let (_, zh) = funnel_view(&ws, &roadmap, &period(), Lang::Zh, true);
    assert_eq!(zh, "最大流失：“方案提交”之后只有 0% 的商机继续推进。");
    let svg = bars_svg(&chart, 900);
    assert!(svg.contains("Prospect identification") && svg.contains("5 · $1,000 · 100%"));
    assert_eq!(svg.matches("fill=\"#D65A31\"").count(), 2, "the highlighted bar and its figure");
    // A large pipeline's figures are long; they are written whole, the bars make room.
    let mut big = chart.clone();
    big.rows[0].shown = "10000 个 · ¥57.4亿 · 100%".to_owned();
    let svg = bars_svg(&big, 900);
    assert!(svg.contains("10000 个 · ¥57.4亿 · 100%") && !svg.contains('…'), "{svg}");

    let (_, none) = time_view(&ws, &roadmap, &period(), Lang::En);
    assert_eq!(none, "Every stage is within its target time.");
    let sid = stage_id(&ws, 2);
    let mut f = StageFields::of(ws.roadmaps[0].stage(&sid).unwrap());
    f.target_days = 7;
    let rid = roadmap_id(&ws);
    apply(&mut ws, Command::UpdateStage { roadmap_id: rid, stage_id: sid, fields: f }, 0).unwrap();
    let (time, sentence) = time_view(&ws, &ws.roadmaps[0].clone(), &period(), Lang::Zh);
    assert_eq!(sentence, "瓶颈：“方案设计”平均停留 10 天，超出目标 3 天。");
    assert_eq!(time.rows[0].shown, "8.3 天 / 目标 14 天");

    let goal = GoalFields {
        metric: GoalMetric::DealsWon,
        target: 4,
        period_start: day(2026, 10, 1),
        period_end: None,
        owner: String::new(),
        roadmap_id: None,
    };
    apply(&mut ws, Command::AddGoal(goal), 0).unwrap();
    let check = smart_check(&ws, &ws.goals[0], today());
    // 4 deals against the 1 won in the 50 days before (Acme, 30 Sep): four times as many.
    assert_eq!(smart_badge(&check), "SMART: S✓ M✓ A✗ R? T✗");
    assert_eq!(
        smart_notes(&check, Lang::En),
        [
            "A, achievable: the target is 4.0× what the same length of time before it reached; check that people and plans can keep up",
            "T, time-bound: there is no end date",
            "Responsibility: nobody owns it (not a letter of SMART, but every goal needs an owner)"
        ]
    );
    assert_eq!(smart_notes(&check, Lang::Zh)[1], "T 有时限：缺少截止日期");
    let goals = goals_view(&ws, today(), Lang::En);
    // 1 deal won of 4: 25 %; with no end date the whole target is due now: marker at 100 %.
    assert_eq!((goals.rows[0].value, goals.rows[0].marker, goals.rows[0].shown.as_str()), (25.0, Some(100.0), "1 / 4"));
}

#[test]
fn what_if_changes_the_forecast_and_projects_a_funnel_without_touching_the_workspace() {
    use waypoint::core::analytics::what_if::{forecast_with, projected_funnel};
    let (ws, _) = fixture();
    let before = ws.clone();
    let rid = roadmap_id(&ws);
    // C ($200, s0) at 50 % instead of 10 %: $100 in December; D ($400, s3) at 100 %: $400 in January.
    let (months, _) = forecast_with(&ws, &rid, &[50, 25, 40, 100, 70, 90]);
    assert_eq!(months.iter().map(|m| m.weighted).collect::<Vec<_>>(), vec![100_00, 400_00]);
    assert_eq!(ws, before, "a what-if works on a copy");
    // 40 deals, 50 % then 25 % then 100 %: 40, 20, 5, 5.
    assert_eq!(projected_funnel(40, &[100.0, 50.0, 25.0, 100.0]), vec![40.0, 20.0, 5.0, 5.0]);
}
