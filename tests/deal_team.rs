//! The team list and who did what: changes carry the "I am" name, a merge says
//! who changed what, and the list can be kept by hand.

mod common;

use common::*;
use waypoint::core::command::{apply, apply_by, Command, CommandError};
use waypoint::core::deal::team::{active_names, team};
use waypoint::core::files::merge::{checked_merge, PersonChanges};
use waypoint::core::model::Workspace;
use waypoint::core::text::describe::person_changes;
use waypoint::core::text::i18n::Lang;

fn with_deals(owners: &[&str]) -> Workspace {
    let mut ws = workspace();
    for (n, owner) in owners.iter().enumerate() {
        let mut f = fields(&ws, &format!("客户{n}"), 100);
        f.owner = (*owner).into();
        let roadmap = roadmap_id(&ws);
        apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap, fields: f, sample: false }, NOW).unwrap();
    }
    ws
}

#[test]
fn the_team_is_the_deal_owners_and_those_added_by_hand() {
    let mut ws = with_deals(&["王磊", "李娜", "王磊"]);
    apply(&mut ws, Command::AddMember { name: " 张伟 ".into() }, NOW).unwrap();
    let names: Vec<(String, usize)> = team(&ws).into_iter().map(|e| (e.name, e.deals)).collect();
    assert_eq!(names, [("张伟".into(), 0), ("李娜".into(), 1), ("王磊".into(), 2)]);
    assert_eq!(apply(&mut ws, Command::AddMember { name: "李娜".into() }, NOW), Err(CommandError::MemberExists("李娜".into())));
    assert_eq!(apply(&mut ws, Command::AddMember { name: "  ".into() }, NOW), Err(CommandError::NameRequired));
}

#[test]
fn a_rename_reaches_every_deal_milestone_and_goal() {
    let mut ws = with_deals(&["王磊", "李娜", "王磊"]);
    let deal = ws.deals[1].id.clone();
    let milestone = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    let set = Command::SetMilestoneDue { deal_id: deal.clone(), milestone_id: milestone, due: None };
    let _ = apply(&mut ws, set, NOW);
    std::sync::Arc::make_mut(&mut ws.deals[1]).milestones.iter_mut().for_each(|p| p.owner = Some("王磊".into()));
    apply(&mut ws, Command::RenameMember { from: "王磊".into(), to: "王磊（华东）".into() }, NOW + 1).unwrap();
    assert!(ws.deals.iter().all(|d| d.owner != "王磊"));
    assert_eq!(ws.deals.iter().filter(|d| d.owner == "王磊（华东）").count(), 2);
    assert!(ws.deal(&deal).unwrap().milestones.iter().all(|p| p.owner.as_deref() != Some("王磊")));
    assert!(active_names(&ws).contains(&"王磊（华东）".to_owned()));
    let taken = apply(&mut ws, Command::RenameMember { from: "李娜".into(), to: "王磊（华东）".into() }, NOW + 2);
    assert_eq!(taken, Err(CommandError::MemberExists("王磊（华东）".into())));
}

#[test]
fn someone_retired_keeps_their_deals_and_is_no_longer_offered() {
    let mut ws = with_deals(&["王磊", "李娜"]);
    apply(&mut ws, Command::RetireMember { name: "王磊".into(), retired: true }, NOW).unwrap();
    assert_eq!(active_names(&ws), ["李娜"]);
    assert!(ws.deals.iter().any(|d| d.owner == "王磊"), "their deal stays theirs");
    assert!(team(&ws).iter().any(|e| e.name == "王磊" && e.retired));
    apply(&mut ws, Command::RetireMember { name: "王磊".into(), retired: false }, NOW + 1).unwrap();
    assert_eq!(active_names(&ws), ["李娜", "王磊"]);
}

#[test]
fn changes_carry_their_author_and_a_merge_names_them() {
    let base = with_deals(&["王磊", "李娜", "张伟"]);
    let mut lina = base.clone();
    lina.origin = "lina".into();
    let (moved, gone) = (lina.deals[0].id.clone(), lina.deals[2].id.clone());
    let to_stage = stage_id(&lina, 2);
    apply_by(&mut lina, Command::MoveDeal { deal_id: moved.clone(), to_stage, confirmed: true }, NOW + 10, "李娜").unwrap();
    apply_by(&mut lina, Command::DeleteDeal { deal_id: gone }, NOW + 11, "李娜").unwrap();
    assert_eq!(lina.deal(&moved).unwrap().updated_by, "李娜");
    assert_eq!(lina.deleted[0].by, "李娜");
    let merged = checked_merge(&base, &lina, NOW + 20).unwrap();
    assert_eq!(merged.summary.people, [PersonChanges { name: "李娜".into(), added: 0, updated: 1, deleted: 1 }]);
    assert_eq!(person_changes(Lang::Zh, &merged.summary.people[0]), "李娜：更新 1 条，删除 1 条");
    assert_eq!(person_changes(Lang::En, &merged.summary.people[0]), "李娜: 1 updated, 1 deleted");
}

#[test]
fn two_people_who_add_the_same_name_keep_one_entry() {
    let base = workspace();
    let (mut a, mut b) = (base.clone(), base);
    (a.origin, b.origin) = ("a".into(), "b".into());
    apply(&mut a, Command::AddMember { name: "陈静".into() }, NOW).unwrap();
    apply(&mut b, Command::AddMember { name: "陈静".into() }, NOW + 5).unwrap();
    let ab = checked_merge(&a, &b, NOW + 10).unwrap().workspace;
    let ba = checked_merge(&b, &a, NOW + 10).unwrap().workspace;
    assert_eq!(ab.settings.team.len(), 1);
    assert_eq!(ab.settings.team, ba.settings.team);
}
