//! The team file: each sync merges the file in and writes back what it lacks, so
//! teammates who write at the same time still end up with everything.

mod common;

use common::*;
use waypoint::core::command::{apply_by, Command};
use waypoint::core::files::envelope::{export_json, ImportError};
use waypoint::core::files::team_file::{sync, team_text};
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::Workspace;
use waypoint::core::text::i18n::Lang;

fn first_visit(origin: &str) -> Workspace {
    first_visit_workspace(origin, Lang::Zh, NOW)
}

fn add_deal(ws: &mut Workspace, customer: &str, by: &str, at: i64) {
    let mut f = fields(ws, customer, 100);
    f.stage_id = ws.roadmaps[0].stages[0].id.clone();
    let roadmap = ws.roadmaps[0].id.clone();
    apply_by(ws, Command::CreateDeal { roadmap_id: roadmap, fields: f, sample: false }, at, by).unwrap();
}

fn customers(ws: &Workspace) -> Vec<String> {
    let mut names: Vec<String> = ws.deals.iter().filter(|d| !d.sample).map(|d| d.customer.clone()).collect();
    names.sort();
    names
}

/// One sync as the shell does it: adopt what the file brought, write what it lacks.
fn sync_into(ws: &mut Workspace, file: &mut String, at: i64) -> usize {
    let step = sync(ws, file, at).expect("a readable file");
    if let Some(next) = step.adopt {
        *ws = next;
    }
    if let Some(text) = step.write {
        *file = text;
    }
    step.summary.changes()
}

#[test]
fn a_new_file_gets_this_copy_without_its_samples() {
    let mut ws = first_visit("a");
    add_deal(&mut ws, "甲公司", "李娜", NOW + 1);
    let step = sync(&ws, "", NOW + 2).unwrap();
    assert!(step.adopt.is_none());
    let written = waypoint::core::files::envelope::import_json(&step.write.unwrap()).unwrap();
    assert_eq!(customers(&written), ["甲公司"]);
    assert!(!written.has_samples());
}

#[test]
fn a_teammates_changes_come_in_and_only_what_the_file_lacks_goes_out() {
    let (mut lina, mut wang) = (first_visit("lina"), first_visit("wang"));
    let mut file = String::new();
    add_deal(&mut lina, "甲公司", "李娜", NOW + 1);
    sync_into(&mut lina, &mut file, NOW + 2);
    // Wang has nothing of his own yet: he takes Li Na's deal and writes nothing.
    let step = sync(&wang, &file, NOW + 3).unwrap();
    assert!(step.write.is_none(), "the file lacks nothing of his");
    assert_eq!(step.summary.people[0].name, "李娜");
    wang = step.adopt.unwrap();
    assert_eq!(customers(&wang), ["甲公司"]);
    // Syncing again changes nothing either way.
    let again = sync(&wang, &file, NOW + 4).unwrap();
    assert!(again.adopt.is_none() && again.write.is_none());
}

#[test]
fn two_teammates_writing_at_once_lose_nothing() {
    let (mut lina, mut wang) = (first_visit("lina"), first_visit("wang"));
    let mut file = team_text(&workspace(), NOW);
    add_deal(&mut lina, "甲公司", "李娜", NOW + 1);
    add_deal(&mut wang, "乙公司", "王磊", NOW + 2);
    // Both read the same file; Li Na writes, then Wang writes over it from his older read.
    let (lina_step, wang_step) = (sync(&lina, &file, NOW + 3).unwrap(), sync(&wang, &file, NOW + 3).unwrap());
    lina = lina_step.adopt.unwrap_or(lina);
    wang = wang_step.adopt.unwrap_or(wang);
    let lina_wrote = lina_step.write.unwrap();
    assert!(lina_wrote.contains("甲公司"));
    file = wang_step.write.unwrap();
    assert!(!file.contains("甲公司"), "Wang's write, from the older read, lacks Li Na's deal for now");
    // Li Na's next sync finds her deal missing from the file and writes the merge of both.
    sync_into(&mut lina, &mut file, NOW + 4);
    sync_into(&mut wang, &mut file, NOW + 5);
    assert_eq!(customers(&lina), ["乙公司", "甲公司"]);
    assert_eq!(customers(&wang), ["乙公司", "甲公司"]);
    let in_file = waypoint::core::files::envelope::import_json(&file).unwrap();
    assert_eq!(customers(&in_file), ["乙公司", "甲公司"]);
}

#[test]
fn a_damaged_file_changes_nothing_and_says_why() {
    let ws = first_visit("a");
    assert!(matches!(
        sync(&ws, "{\"format\":\"waypoint\",\"version\":2,\"workspace\":{\"deals\":[", NOW),
        Err(ImportError::NotJson { .. })
    ));
    assert!(matches!(sync(&ws, "not json at all", NOW), Err(ImportError::NotJson { .. })));
    let other_app = export_json(&ws, NOW).replace("\"format\": \"waypoint\"", "\"format\": \"excel\"");
    assert!(matches!(sync(&ws, &other_app, NOW), Err(ImportError::NotWaypoint)));
}
