//! Writes tests/fixtures/workspace-v<N>.json for the current schema version when
//! asked (WAYPOINT_WRITE_FIXTURE=1 cargo test --test write_fixture); otherwise
//! checks that the current version's fixture exists, so a new version cannot be
//! released without one.

use waypoint::core::files::envelope::export_json;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::SCHEMA_VERSION;
use waypoint::core::text::i18n::Lang;

#[test]
fn the_current_schema_version_has_a_fixture() {
    let path = format!("{}/tests/fixtures/workspace-v{SCHEMA_VERSION}.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("WAYPOINT_WRITE_FIXTURE").is_ok() {
        let ws = first_visit_workspace("fx1", Lang::Zh, 1_795_000_000_000);
        std::fs::write(&path, export_json(&ws, 1_795_000_000_000)).unwrap();
    }
    assert!(std::path::Path::new(&path).exists(), "write {path} with WAYPOINT_WRITE_FIXTURE=1");
}

/// Every field name the file format uses, as `record.field` paths (array items as `[]`).
fn field_paths(value: &serde_json::Value, path: &str, out: &mut std::collections::BTreeSet<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, inner) in map {
                let child = format!("{path}.{key}");
                out.insert(child.clone());
                field_paths(inner, &child, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| field_paths(item, &format!("{path}[]"), out)),
        _ => {}
    }
}

/// An older build reading a file drops the fields it does not know, and would write
/// the rest back without them. So a field may only be added together with a new
/// schema version (which older builds refuse instead of stripping). This pins the
/// fields of the current version: adding one fails here until the version is raised.
#[test]
fn a_new_field_comes_with_a_new_schema_version() {
    use waypoint::core::generate::generate_workspace;
    let path = format!("{}/tests/fixtures/fields-v{SCHEMA_VERSION}.txt", env!("CARGO_MANIFEST_DIR"));
    let mut fields = std::collections::BTreeSet::new();
    for ws in [generate_workspace(3, 300, 1_795_000_000_000), first_visit_workspace("fx1", Lang::En, 1_795_000_000_000), edited()] {
        let value: serde_json::Value = serde_json::from_str(&export_json(&ws, 1_795_000_000_000)).unwrap();
        field_paths(&value, "", &mut fields);
    }
    let listed: String = fields.iter().map(|f| format!("{f}\n")).collect();
    if std::env::var("WAYPOINT_WRITE_FIXTURE").is_ok() {
        std::fs::write(&path, &listed).unwrap();
    }
    let pinned = std::fs::read_to_string(&path).unwrap_or_default();
    let known: std::collections::BTreeSet<&str> = pinned.lines().collect();
    let new: Vec<&String> = fields.iter().filter(|f| !known.contains(f.as_str())).collect();
    assert!(
        new.is_empty(),
        "fields not in schema version {SCHEMA_VERSION}: {new:?}. Raise SCHEMA_VERSION with a migration step, \
         then write the fixtures with WAYPOINT_WRITE_FIXTURE=1"
    );
}

/// A workspace after the edits that leave version-2 fields: a stage and a milestone
/// changed (their `updated_at`), a deal and an activity deleted (`deleted`).
fn edited() -> waypoint::core::model::Workspace {
    use waypoint::core::command::{apply, Command};
    use waypoint::core::generate::generate_workspace;
    use waypoint::core::roadmap::edit::{MilestoneFields, StageFields};
    let now = 1_795_000_000_000;
    let mut ws = generate_workspace(4, 20, now);
    let roadmap = ws.roadmaps[0].clone();
    let (stage, milestone) = (&roadmap.stages[0], &roadmap.stages[0].milestones[0]);
    let stage_fields = StageFields { target_days: stage.target_days + 1, ..StageFields::of(stage) };
    apply(&mut ws, Command::UpdateStage { roadmap_id: roadmap.id.clone(), stage_id: stage.id.clone(), fields: stage_fields }, now).unwrap();
    let milestone_fields = MilestoneFields { required: !milestone.required, ..MilestoneFields::of(milestone) };
    let command = Command::UpdateMilestone { roadmap_id: roadmap.id.clone(), milestone_id: milestone.id.clone(), fields: milestone_fields };
    apply(&mut ws, command, now).unwrap();
    let with_log = ws.deals.iter().find(|d| !d.activities.is_empty()).expect("a deal with activities");
    let (deal_id, entry_id) = (with_log.id.clone(), with_log.activities[0].id.clone());
    apply(&mut ws, Command::RemoveEntry { deal_id, entry_id }, now).unwrap();
    let deal_id = ws.deals[0].id.clone();
    // Named changes (`updated_by`, `by`), a goal, and a team member kept by hand.
    waypoint::core::command::apply_by(&mut ws, Command::DeleteDeal { deal_id }, now, "李娜").unwrap();
    apply(&mut ws, Command::AddMember { name: "新同事".into() }, now).unwrap();
    let goal = waypoint::core::analytics::goals::GoalFields {
        metric: waypoint::core::model::GoalMetric::DealsWon,
        target: 5,
        period_start: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        period_end: None,
        owner: "张伟".into(),
        roadmap_id: None,
    };
    waypoint::core::command::apply_by(&mut ws, Command::AddGoal(goal), now, "李娜").unwrap();
    // A teammate deletes a stage a new deal of ours is in: the merge moves it (`moved_from`).
    let mut teammate = ws.clone();
    teammate.origin = "mate".into();
    let (gone, to) = (roadmap.stages[2].id.clone(), roadmap.stages[1].id.clone());
    let command = Command::DeleteStage { roadmap_id: roadmap.id.clone(), stage_id: gone.clone(), move_deals_to: Some(to) };
    apply(&mut teammate, command, now + 1).unwrap();
    let fields = waypoint::core::deal::form::DealFields {
        customer: "新客户".into(),
        title: "试点".into(),
        value_minor: 100,
        currency: "CNY".into(),
        owner: String::new(),
        expected_close: None,
        stage_id: gone,
        tags: Vec::new(),
        follow_up: None,
    };
    apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: false }, now + 2).unwrap();
    let mut ws = waypoint::core::files::merge::checked_merge(&ws, &teammate, now + 3).unwrap().workspace;
    customer_side(&mut ws, now + 4);
    ws
}

/// Version-3 fields: a deal's customer tasks (one done, one deleted), its follow-up, a
/// customer's reply merged (`replies`) with a proposed date still waiting (`proposals`).
fn customer_side(ws: &mut waypoint::core::model::Workspace, now: i64) {
    use waypoint::core::command::{apply, Command, Outcome};
    use waypoint::core::deal::customer::TaskFields;
    use waypoint::core::deal::reply::{CustomerReply, ProposedDate};
    let deal_id = ws.deals.iter().find(|d| d.status == waypoint::core::model::DealStatus::Open).unwrap().id.clone();
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let add = |ws: &mut _, title: &str, d| {
        let fields = TaskFields { title: title.into(), contact: "王经理".into(), role: "采购经理".into(), due: day(d) };
        match apply(ws, Command::AddCustomerTask { deal_id: deal_id.clone(), fields }, now).unwrap() {
            Outcome::Created(id) => id,
            other => panic!("{other:?}"),
        }
    };
    let (done, kept, gone) = (add(ws, "提供现有流程", 10), add(ws, "安排IT评审", 20), add(ws, "确认预算", 25));
    apply(ws, Command::SetCustomerTaskDone { deal_id: deal_id.clone(), task_id: done, done: true }, now).unwrap();
    apply(ws, Command::DeleteCustomerTask { deal_id: deal_id.clone(), task_id: gone }, now).unwrap();
    apply(ws, Command::SetFollowUp { deal_id: deal_id.clone(), date: Some(day(28)) }, now).unwrap();
    let reply = CustomerReply {
        deal_id,
        shared_at: now - 1000,
        replied_at: now - 500,
        from: "王经理".into(),
        done: Vec::new(),
        dates: vec![ProposedDate { step: kept, date: day(27), note: "月底前评审".into() }],
        ratings: Vec::new(),
    };
    apply(ws, Command::MergeReply(Box::new(reply)), now).unwrap();
}
