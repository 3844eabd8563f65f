//! The agenda across deals, and the CSV files for spreadsheets.

mod common;

use chrono::NaiveDate;
use common::*;
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::deal::agenda::agenda;
use waypoint::core::files::csv::{deals_csv, milestones_csv};
use waypoint::core::model::{Id, Workspace};
use waypoint::core::text::i18n::Lang;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Two deals created on 18 November (NOW) in "Prospect identification": milestones due 22 and 27 November.
fn two_deals() -> (Workspace, Id, Id) {
    let mut ws = workspace();
    let make = |ws: &mut Workspace, customer: &str, owner: &str| {
        let mut f = fields(ws, customer, 1_234_50);
        f.owner = owner.into();
        let Ok(Outcome::Created(id)) = apply(ws, Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: f, sample: false }, NOW) else {
            panic!()
        };
        id
    };
    let a = make(&mut ws, "Acme, \"the\" robots", "Ana");
    let b = make(&mut ws, "华东精密机械", "Ben");
    (ws, a, b)
}

#[test]
fn the_agenda_lists_overdue_and_upcoming_milestones_by_date() {
    let (mut ws, a, b) = two_deals();
    let first = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    apply(&mut ws, Command::SetMilestoneDone { deal_id: b.clone(), milestone_id: first, done: true }, NOW).unwrap();
    // On 24 November with a 7-day horizon (to 1 December): Acme's day-4 milestone (22 Nov) is
    // overdue; both deals' day-9 milestones (27 Nov) are upcoming; B's first is done.
    let items = agenda(&ws, date(11, 24), 7, None);
    let seen: Vec<(&str, NaiveDate, bool)> = items.iter().map(|i| (i.customer.as_str(), i.due, i.overdue)).collect();
    assert_eq!(
        seen,
        vec![
            ("Acme, \"the\" robots", date(11, 22), true),
            ("Acme, \"the\" robots", date(11, 27), false),
            ("华东精密机械", date(11, 27), false)
        ]
    );
    assert_eq!(items[0].milestone.get(Lang::En), "Record the company profile and contacts");
    assert_eq!(items[0].stage.get(Lang::Zh), "潜在客户识别");

    assert_eq!(agenda(&ws, date(11, 24), 7, Some("Ben")).len(), 1, "only Ben's deals");
    assert_eq!(agenda(&ws, date(11, 20), 1, None).len(), 0, "nothing due by 21 November");
    apply(&mut ws, Command::CloseDeal { deal_id: a, won: true, reason: None, note: String::new() }, NOW).unwrap();
    assert_eq!(agenda(&ws, date(11, 24), 7, None).len(), 1, "closed deals leave the agenda");
}

#[test]
fn a_long_agenda_shows_a_page_of_lines_and_keeps_whole_counts() {
    use waypoint::core::deal::agenda::{agenda_groups, AgendaDay};
    let (mut ws, _, _) = two_deals();
    let today = date(11, 24);
    // Overdue on the 24th: each deal's 22 Nov milestone. Due the 27th: each deal's next one.
    let (all, hidden) = agenda_groups(&agenda(&ws, today, 7, None), today, 100);
    let shape: Vec<(AgendaDay, usize, usize)> = all.iter().map(|g| (g.day, g.total, g.items.len())).collect();
    assert_eq!(shape, vec![(AgendaDay::Overdue, 2, 2), (AgendaDay::On(date(11, 27)), 2, 2)]);
    assert_eq!(hidden, 0);

    // Only 3 lines shown: the second day is cut, and its count stays whole.
    let (page, hidden) = agenda_groups(&agenda(&ws, today, 7, None), today, 3);
    let shape: Vec<(AgendaDay, usize, usize)> = page.iter().map(|g| (g.day, g.total, g.items.len())).collect();
    assert_eq!(shape, vec![(AgendaDay::Overdue, 2, 2), (AgendaDay::On(date(11, 27)), 2, 1)]);
    assert_eq!(hidden, 1);
    // A group wholly past the limit is not drawn.
    let (page, hidden) = agenda_groups(&agenda(&ws, today, 7, None), today, 2);
    assert_eq!((page.len(), hidden), (1, 2));

    // A milestone due today has its own group, between overdue and later days.
    let (more, rid) = (fields(&ws, "Today Ltd", 1_00), roadmap_id(&ws));
    apply(&mut ws, Command::CreateDeal { roadmap_id: rid, fields: more, sample: false }, NOW).unwrap();
    let (groups, _) = agenda_groups(&agenda(&ws, date(11, 22), 7, None), date(11, 22), 100);
    assert_eq!(groups.iter().map(|g| g.day).collect::<Vec<_>>(), vec![AgendaDay::Today, AgendaDay::On(date(11, 27))]);
    assert_eq!(groups[0].total, 3);
}

#[test]
fn deal_csv_has_a_bom_localised_headings_and_quoted_fields() {
    let (ws, _, _) = two_deals();
    let zh = deals_csv(&ws, Lang::Zh);
    assert!(zh.starts_with('\u{FEFF}'), "Excel needs the byte-order mark");
    let lines: Vec<&str> = zh.trim_start_matches('\u{FEFF}').lines().collect();
    assert_eq!(lines[0], "编号,客户名称,商机名称,金额,币种,负责人,路线图,所处阶段,状态,丢单原因,备注,预计成交日期,创建日期,客户细分");
    assert!(lines[1].contains(r#""Acme, ""the"" robots""#), "commas and quotes are quoted: {}", lines[1]);
    assert!(lines[1].contains(",1234.50,USD,Ana,项目销售里程碑,潜在客户识别,进行中,"));
    assert!(lines[2].contains("华东精密机械"));
    assert_eq!(lines.len(), 3);
    assert!(deals_csv(&ws, Lang::En).contains("ID,Customer,Deal title,Value"));
}

#[test]
fn milestone_csv_has_a_row_per_planned_milestone() {
    let (ws, _, _) = two_deals();
    let text = milestones_csv(&ws, Lang::En, date(11, 24));
    let lines: Vec<&str> = text.trim_start_matches('\u{FEFF}').lines().collect();
    let per_deal: usize = ws.roadmaps[0].stages.iter().map(|s| s.milestones.len()).sum();
    assert_eq!(lines.len(), 1 + 2 * per_deal);
    assert!(
        lines[1].ends_with(",Prospect identification,Record the company profile and contacts,Required,2026-11-22,,Overdue"),
        "{}",
        lines[1]
    );
}
