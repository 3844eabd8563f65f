//! One deal's plan and its timeline chart, with dates worked out by hand.
//!
//! The project-sale template: stage days 14, 21, 14, 10, 14, 10. Milestones are
//! due evenly through their stage: two in 14 days on days 4 and 9; three in
//! 21 days on days 5, 10 and 15.

mod common;

use chrono::NaiveDate;
use common::*;
use waypoint::core::chart::deal_timeline::{layout, timeline_svg};
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::deal::plan::{deal_plan, MilestoneState};
use waypoint::core::model::{Id, Workspace};
use waypoint::core::text::i18n::Lang;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn ms(day: NaiveDate) -> i64 {
    day.and_hms_opt(9, 0, 0).unwrap().and_utc().timestamp_millis()
}

/// A deal created on 1 November, moved to "Needs analysis" on 10 November.
fn deal_in_needs_analysis() -> (Workspace, Id) {
    let mut ws = workspace();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields(&ws, "Acme", 100), sample: false };
    let Ok(Outcome::Created(id)) = apply(&mut ws, cmd, ms(date(11, 1))) else { panic!() };
    let to_stage = stage_id(&ws, 1);
    apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage, confirmed: false }, ms(date(11, 10))).unwrap();
    (ws, id)
}

fn plan_on(ws: &Workspace, id: &Id, today: NaiveDate) -> waypoint::core::deal::plan::DealPlan {
    deal_plan(&ws.roadmaps[0], ws.deal(id).unwrap(), today)
}

#[test]
fn entered_stages_start_when_entered_and_later_stages_follow_by_target_days() {
    let (ws, id) = deal_in_needs_analysis();
    let plan = plan_on(&ws, &id, date(11, 20));
    let spans: Vec<(NaiveDate, NaiveDate)> = plan.stages.iter().map(|s| (s.start, s.end)).collect();
    assert_eq!(
        spans,
        vec![
            (date(11, 1), date(11, 15)),  // entered 1 Nov, 14 days
            (date(11, 10), date(12, 1)),  // entered 10 Nov, 21 days
            (date(12, 1), date(12, 15)),  // starts when the current stage should end
            (date(12, 15), date(12, 25)), // 10 days
            (date(12, 25), NaiveDate::from_ymd_opt(2027, 1, 8).unwrap()),
            (NaiveDate::from_ymd_opt(2027, 1, 8).unwrap(), NaiveDate::from_ymd_opt(2027, 1, 18).unwrap()),
        ]
    );
    assert!(plan.stages[1].current && !plan.stages[0].current);
}

#[test]
fn a_late_current_stage_pushes_the_rest_from_today() {
    let (ws, id) = deal_in_needs_analysis();
    // "Needs analysis" should have ended on 1 December; on 10 December the next stage starts today.
    let plan = plan_on(&ws, &id, date(12, 10));
    assert_eq!((plan.stages[2].start, plan.stages[2].end), (date(12, 10), date(12, 24)));
}

#[test]
fn milestones_are_due_through_their_stage_and_overdue_once_past() {
    let (ws, id) = deal_in_needs_analysis();
    let plan = plan_on(&ws, &id, date(11, 20));
    let first_five: Vec<(NaiveDate, MilestoneState)> = plan.milestones.iter().take(5).map(|m| (m.due, m.state)).collect();
    assert_eq!(
        first_five,
        vec![
            (date(11, 5), MilestoneState::Overdue),  // 1 Nov + 4
            (date(11, 10), MilestoneState::Overdue), // 1 Nov + 9
            (date(11, 15), MilestoneState::Overdue), // 10 Nov + 5
            (date(11, 20), MilestoneState::Open),    // 10 Nov + 10: due today is not late
            (date(11, 25), MilestoneState::Open),    // 10 Nov + 15
        ]
    );
    assert_eq!(plan.overdue().count(), 3);
    assert_eq!(plan.milestones[4].owner.get(Lang::En), "Sales manager", "the roadmap's role when nobody is named");
}

#[test]
fn done_and_rescheduled_milestones_show_as_such() {
    let (mut ws, id) = deal_in_needs_analysis();
    let first = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    let second = ws.roadmaps[0].stages[0].milestones[1].id.clone();
    apply(&mut ws, Command::SetMilestoneDone { deal_id: id.clone(), milestone_id: first, done: true }, ms(date(11, 3))).unwrap();
    let moved = Command::SetMilestoneDue { deal_id: id.clone(), milestone_id: second.clone(), due: Some(date(11, 28)) };
    assert_eq!(apply(&mut ws, moved.clone(), ms(date(11, 12))), Ok(Outcome::Changed));
    assert_eq!(apply(&mut ws, moved, ms(date(11, 12))), Ok(Outcome::Unchanged));

    let plan = plan_on(&ws, &id, date(11, 20));
    assert_eq!((plan.milestones[0].state, plan.milestones[0].done_on), (MilestoneState::Done, Some(date(11, 3))));
    assert_eq!(
        (plan.milestones[1].due, plan.milestones[1].state, plan.milestones[1].rescheduled),
        (date(11, 28), MilestoneState::Open, true)
    );

    // Back to the plan.
    apply(&mut ws, Command::SetMilestoneDue { deal_id: id.clone(), milestone_id: second, due: None }, 0).unwrap();
    let plan = plan_on(&ws, &id, date(11, 20));
    assert_eq!((plan.milestones[1].due, plan.milestones[1].rescheduled), (date(11, 10), false));
}

#[test]
fn skipped_stages_have_no_dates() {
    let mut ws = workspace();
    let mut f = fields(&ws, "Jump", 100);
    f.stage_id = stage_id(&ws, 2);
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: f, sample: false };
    let Ok(Outcome::Created(id)) = apply(&mut ws, cmd, ms(date(11, 1))) else { panic!() };
    let plan = plan_on(&ws, &id, date(11, 2));
    assert_eq!(plan.stages.iter().map(|s| s.index).collect::<Vec<_>>(), vec![2, 3, 4, 5]);
    assert!(plan.milestones.iter().all(|m| m.stage_index >= 2));
}

#[test]
fn the_timeline_maps_dates_to_x_and_back_and_draws_every_row() {
    let (ws, id) = deal_in_needs_analysis();
    let today = date(11, 20);
    let plan = plan_on(&ws, &id, today);
    let l = layout(&plan, today, 1000.0, 1.0);
    // The plan runs 1 Nov – 18 Jan; with 3 days either side the chart starts on 29 October.
    assert_eq!(l.first, date(10, 29));
    for day in [date(11, 5), date(12, 24)] {
        assert_eq!(l.date_at(l.x_of(day)), day);
    }
    let (id0, x0, y0) = l.markers[0].clone();
    assert_eq!(l.hit(x0 + 4.0, y0 - 4.0), Some(id0));
    assert_eq!(l.hit(x0 + 4.0, y0 + 28.0), None, "the next row's marker is elsewhere on the axis");

    let svg = timeline_svg(&plan, today, 1000, Lang::En);
    assert!(svg.contains("Today") && svg.contains("Record the company") && svg.contains("Needs analysis"));
    assert_eq!(svg.matches("<polygon opacity=\"1\" fill=\"#B3261E\"").count(), 3, "one red diamond per overdue milestone");
    assert!(timeline_svg(&plan, today, 1000, Lang::Zh).contains("今天"));
}

#[test]
fn feedback_after_a_milestone_shows_on_its_row() {
    let (mut ws, id) = deal_in_needs_analysis();
    let first = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    for (score, day) in [(2, 3), (5, 6)] {
        let cmd = Command::AddFeedback {
            deal_id: id.clone(),
            milestone_id: Some(first.clone()),
            satisfaction: score,
            comment: String::new(),
            date: date(11, day),
        };
        apply(&mut ws, cmd, ms(date(11, day))).unwrap();
    }
    let plan = plan_on(&ws, &id, date(11, 20));
    assert_eq!(plan.milestones[0].feedback, Some(5), "the latest score counts");
    assert_eq!(plan.milestones[1].feedback, None);
    assert!(timeline_svg(&plan, date(11, 20), 1000, Lang::En).contains("★5"));
}

#[test]
fn on_a_phone_the_dates_keep_most_of_the_width_and_their_labels_never_overlap() {
    let (ws, id) = deal_in_needs_analysis();
    let today = date(11, 20);
    let plan = plan_on(&ws, &id, today);
    for (width, scale) in [(340.0, 1.0), (680.0, 2.0), (1000.0, 1.0)] {
        let l = layout(&plan, today, width, scale);
        assert!(l.label_width() <= width * 0.4 + 0.01, "titles take at most two fifths at {width}");
        let xs: Vec<f64> = l.ticks().iter().map(|d| l.x_of(*d)).collect();
        assert!(xs.len() >= 2, "still dated at {width}: {xs:?}");
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 44.0 * scale - 0.01), "{width}: {xs:?}");
    }
    // A desktop canvas keeps its weekly ticks.
    let wide = layout(&plan, today, 1000.0, 1.0);
    let days: Vec<i64> = wide.ticks().windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    assert!(days.iter().all(|d| *d == 7 || *d == 28 || *d == 30 || *d == 31), "{days:?}");
}

#[test]
fn the_cards_overdue_count_agrees_with_the_full_plan_on_every_generated_deal() {
    use waypoint::core::deal::plan::{deal_plan, overdue_days, PlanHealth};
    use waypoint::core::model::{CustomerTask, MilestoneProgress};
    let mut ws = waypoint::core::generate::generate_workspace(11, 1_500, ms(date(11, 23)));
    let roadmaps = ws.roadmaps.clone();
    // Customer tasks (open and done, past and future) and milestones moved to a day of their own.
    for (i, deal) in ws.deals.iter_mut().enumerate().filter(|(i, _)| i % 3 == 0) {
        let deal = std::sync::Arc::make_mut(deal);
        let task = |n: u32, done: bool| CustomerTask {
            id: Id(format!("task-{i}-{n}").into()),
            title: "Sign off".into(),
            contact: String::new(),
            role: String::new(),
            due: date(1 + (i as u32 + n) % 12, 1 + n * 7),
            done_at: done.then_some(ms(date(10, 1))),
            updated_at: 0,
        };
        deal.customer_tasks = vec![task(1, false), task(2, i % 2 == 0), task(3, false)];
        let stage = roadmaps.iter().flat_map(|r| &r.stages).find(|s| s.id == deal.stage_id).unwrap();
        if let Some(open) = stage.milestones.iter().find(|m| !deal.milestones.iter().any(|p| p.milestone_id == m.id)) {
            deal.milestones.push(MilestoneProgress { milestone_id: open.id.clone(), done_at: None, due: Some(date(9, 15)), owner: None });
        }
    }
    let mut checked_late = 0;
    for today in [date(6, 1), date(11, 23), date(12, 31)] {
        for deal in &ws.deals {
            let roadmap = ws.roadmaps.iter().find(|r| r.id == deal.roadmap_id).unwrap();
            let plan = deal_plan(roadmap, deal, today);
            let mut full: Vec<i64> = plan.overdue().map(|m| (today - m.due).num_days()).collect();
            let mut lean = overdue_days(roadmap, deal, today);
            assert_eq!(PlanHealth::of(lean.clone()), plan.health(today), "{}", deal.id.as_str());
            full.sort_unstable();
            lean.sort_unstable();
            assert_eq!(lean, full, "deal {} on {today}", deal.id.as_str());
            checked_late += usize::from(!lean.is_empty());
        }
    }
    assert!(checked_late > 100, "the generated deals include late ones ({checked_late})");
}
