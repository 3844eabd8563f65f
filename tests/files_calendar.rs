//! Calendar files, read back by a calendar parser as a calendar app would; and a plan's
//! health (at risk 1–6 days late, stalled from 7).

mod common;

use chrono::NaiveDate;
use waypoint::core::command::{apply, Command};
use waypoint::core::deal::plan::{deal_plan, PlanHealth};
use waypoint::core::files::calendar::{deal_calendar, owner_calendar};
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::Workspace;
use waypoint::core::text::i18n::Lang;

use common::NOW;

fn prop<'a>(props: &'a [ical::property::Property], name: &str) -> Option<&'a str> {
    props.iter().find(|p| p.name == name).and_then(|p| p.value.as_deref())
}

fn parse(text: &str) -> ical::parser::ical::component::IcalCalendar {
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(text.as_bytes()));
    calendars.next().expect("one calendar").expect("a calendar a parser reads")
}

fn samples() -> Workspace {
    first_visit_workspace("cal", Lang::Zh, NOW)
}

#[test]
fn a_deals_plan_becomes_all_day_events_with_reminders_and_chinese_intact() {
    let ws = samples();
    let deal = ws.deals.iter().find(|d| d.customer == "北辰新能源").unwrap();
    let text = deal_calendar(&ws, deal, Lang::Zh, NOW);
    assert!(text.lines().all(|l| l.len() <= 76), "lines are folded at 75 octets");
    assert!(text.contains("\r\n"), "CRLF line ends");
    let calendar = parse(&text);
    let roadmap = &ws.roadmaps[0];
    let plan = deal_plan(roadmap, deal, common_today());
    let open: Vec<_> = plan.milestones.iter().filter(|m| m.done_on.is_none()).collect();
    assert_eq!(calendar.events.len(), open.len());
    let first = &calendar.events[0];
    assert_eq!(prop(&first.properties, "SUMMARY"), Some(format!("北辰新能源 · {}", open[0].title.get(Lang::Zh)).as_str()));
    assert_eq!(prop(&first.properties, "DTSTART"), Some(open[0].due.format("%Y%m%d").to_string().as_str()));
    assert_eq!(first.alarms.len(), 1, "a reminder");
    assert_eq!(prop(&first.alarms[0].properties, "TRIGGER"), Some("-PT15H"));
    assert!(prop(&first.properties, "DESCRIPTION").unwrap().contains("商机：电池检测线"));
    // Same deal, later export: same UIDs, so a calendar updates instead of duplicating.
    let again = parse(&deal_calendar(&ws, deal, Lang::Zh, NOW + 86_400_000));
    let uids = |c: &ical::parser::ical::component::IcalCalendar| -> Vec<String> {
        c.events.iter().map(|e| prop(&e.properties, "UID").unwrap().to_owned()).collect()
    };
    assert_eq!(uids(&calendar), uids(&again));
    assert!(uids(&calendar).iter().all(|u| u.starts_with(deal.id.as_str()) && u.ends_with("@waypoint")));
}

#[test]
fn the_customers_tasks_are_in_the_deals_calendar_and_follow_ups_in_the_owners() {
    use waypoint::core::deal::customer::TaskFields;
    let mut ws = samples();
    let deal = ws.deals.iter().find(|d| d.owner == "王磊" && d.status == waypoint::core::model::DealStatus::Open).unwrap().id.clone();
    let due = NaiveDate::from_ymd_opt(2027, 1, 15).unwrap();
    let fields = TaskFields { title: "安排IT评审".into(), contact: "王经理".into(), role: "采购经理".into(), due };
    apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields }, NOW).unwrap();
    apply(&mut ws, Command::SetFollowUp { deal_id: deal.clone(), date: Some(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()) }, NOW)
        .unwrap();
    let customer = ws.deal(&deal).unwrap().customer.clone();
    let plan = parse(&deal_calendar(&ws, ws.deal(&deal).unwrap(), Lang::Zh, NOW));
    let task =
        plan.events.iter().find(|e| prop(&e.properties, "SUMMARY") == Some(format!("{customer} · 安排IT评审").as_str())).expect("the task");
    assert_eq!(prop(&task.properties, "DTSTART"), Some("20270115"));
    assert!(prop(&task.properties, "DESCRIPTION").unwrap().contains("王经理 · 采购经理"));

    let mine = parse(&owner_calendar(&ws, "王磊", Lang::Zh, NOW));
    let summaries: Vec<&str> = mine.events.iter().filter_map(|e| prop(&e.properties, "SUMMARY")).collect();
    assert!(!summaries.iter().any(|s| s.contains("安排IT评审")), "the customer's task is not the seller's");
    let follow_up =
        mine.events.iter().find(|e| prop(&e.properties, "SUMMARY") == Some(format!("跟进 · {customer}").as_str())).expect("the follow-up");
    assert_eq!(prop(&follow_up.properties, "DTSTART"), Some("20261125"));
    assert_eq!(prop(&follow_up.properties, "UID"), Some(format!("{}.follow-up@waypoint", deal.0).as_str()));
    assert_eq!(follow_up.alarms.len(), 1);
}

fn common_today() -> NaiveDate {
    waypoint::core::deal::plan::day_of(NOW)
}

#[test]
fn my_milestones_span_every_open_deal_of_one_owner_and_escape_text() {
    let mut ws = samples();
    let id = ws.deals.iter().find(|d| d.owner == "王磊" && d.status == waypoint::core::model::DealStatus::Open).unwrap().id.clone();
    let mut fields = waypoint::core::deal::form::DealForm::from_deal(ws.deal(&id).unwrap()).parse(&ws.roadmaps[0]).unwrap();
    fields.customer = "华东精密, 机械; 集团\\二期".into();
    apply(&mut ws, Command::UpdateDeal { deal_id: id, fields, confirmed: true }, NOW).unwrap();
    let text = owner_calendar(&ws, "王磊", Lang::En, NOW);
    let calendar = parse(&text);
    assert_eq!(prop(&calendar.properties, "X-WR-CALNAME"), Some("王磊's milestones"));
    let open_deals = ws.deals.iter().filter(|d| d.owner == "王磊" && d.status == waypoint::core::model::DealStatus::Open).count();
    assert!(open_deals >= 2 && calendar.events.len() >= open_deals);
    assert!(text.contains("华东精密\\, 机械\\; 集团\\\\二期"), "commas, semicolons and backslashes escaped");
    let dates: Vec<&str> = calendar.events.iter().map(|e| prop(&e.properties, "DTSTART").unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in date order");
    assert!(owner_calendar(&ws, "nobody", Lang::En, NOW).contains("END:VCALENDAR"));
    assert!(parse(&owner_calendar(&ws, "nobody", Lang::En, NOW)).events.is_empty());
}

#[test]
fn a_plan_is_at_risk_while_a_step_is_up_to_six_days_late_and_stalled_from_seven() {
    let ws = samples();
    let roadmap = &ws.roadmaps[0];
    let deal = ws.deals.iter().find(|d| d.customer == "北辰新能源").unwrap();
    let plan = deal_plan(roadmap, deal, common_today());
    let first_due = plan.milestones.iter().filter(|m| m.done_on.is_none()).map(|m| m.due).min().unwrap();
    let on = |days: i64| {
        let today = first_due + chrono::Duration::days(days);
        deal_plan(roadmap, deal, today).health(today)
    };
    assert_eq!(on(0), PlanHealth::OnTrack, "due today is not late");
    assert!(matches!(on(1), PlanHealth::AtRisk { days: 1, .. }));
    assert!(matches!(on(6), PlanHealth::AtRisk { days: 6, .. }));
    assert!(matches!(on(7), PlanHealth::Stalled { days: 7, .. }));
    let card = waypoint::core::deal::card::card_facts(roadmap, deal, first_due + chrono::Duration::days(3)).unwrap();
    let texts = waypoint::core::deal::card::card_texts(&card, Lang::Zh);
    assert!(texts.overdue.unwrap().starts_with("⚠ 有风险："));
}
