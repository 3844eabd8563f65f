//! Merging teammates' files: nothing lost, nothing changed by merging a file with
//! itself, the same result whichever order two files arrive in, newer changes win.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use proptest::prelude::*;
use waypoint::core::analytics::goals::GoalFields;
use waypoint::core::command::{apply, Command};
use waypoint::core::files::merge::{checked_merge, merge, MergeSummary};
use waypoint::core::generate::{generate_workspace, Seeded};
use waypoint::core::model::{ActivityKind, GoalMetric, Id, Workspace};
use waypoint::core::text::Text;
use waypoint::core::validate;

use common::{canonical, fields, NOW};

const DAY: i64 = 86_400_000;

/// A teammate's copy of `base`: their own session origin, then changes to the deals
/// whose index has `parity`, a few new deals, a goal and a new milestone.
fn teammate(base: &Workspace, origin: &str, parity: usize, seed: u64, at: i64) -> Workspace {
    let mut ws = base.clone();
    ws.origin = origin.into();
    let mut rng = Seeded::new(seed);
    let roadmap = ws.roadmaps[0].clone();
    let ids: Vec<Id> = ws.deals.iter().map(|d| d.id.clone()).collect();
    let mut now = at;
    for (i, id) in ids.iter().enumerate().filter(|(i, _)| i % 2 == parity) {
        now += 1000;
        match rng.below(3) {
            0 => {
                let to = roadmap.stages[rng.below(roadmap.stages.len() as u64) as usize].id.clone();
                let _ = apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage: to, confirmed: true }, now);
            }
            1 => {
                let command = Command::AddActivity {
                    deal_id: id.clone(),
                    kind: ActivityKind::Call,
                    date: NaiveDate::from_ymd_opt(2026, 11, 1 + (i % 27) as u32).unwrap(),
                    who: origin.into(),
                    notes: format!("call {i} by {origin}"),
                    follow_up: None,
                };
                apply(&mut ws, command, now).unwrap();
            }
            _ => {
                let milestone = roadmap.stages[0].milestones[0].id.clone();
                let _ = apply(&mut ws, Command::SetMilestoneDone { deal_id: id.clone(), milestone_id: milestone, done: true }, now);
            }
        }
    }
    for n in 0..1 + rng.below(3) {
        let fields = fields(&ws, &format!("{origin} customer {n}"), 1000 * (n as i64 + 1));
        apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: false }, now + 10).unwrap();
    }
    let goal = GoalFields {
        metric: GoalMetric::DealsWon,
        target: 5,
        period_start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        period_end: NaiveDate::from_ymd_opt(2026, 12, 31),
        owner: origin.into(),
        roadmap_id: None,
    };
    apply(&mut ws, Command::AddGoal(goal), now + 20).unwrap();
    let stage = roadmap.stages[1 + parity].id.clone();
    let title = Text::plain(format!("{origin} check"));
    apply(&mut ws, Command::AddMilestone { roadmap_id: roadmap.id.clone(), stage_id: stage, title }, now + 30).unwrap();
    ws
}

/// Everything a merge must keep, as ids (records and the entries inside deals).
fn record_ids(ws: &Workspace) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    for d in &ws.deals {
        ids.insert(format!("deal {}", d.id));
        ids.extend(d.activities.iter().map(|a| format!("activity {}", a.id)));
        ids.extend(d.feedback.iter().map(|f| format!("feedback {}", f.id)));
        ids.extend(d.milestones.iter().filter(|p| p.done_at.is_some()).map(|p| format!("done {} {}", d.id, p.milestone_id)));
    }
    for r in &ws.roadmaps {
        ids.insert(format!("roadmap {}", r.id));
        for s in &r.stages {
            ids.insert(format!("stage {}", s.id));
            ids.extend(s.milestones.iter().map(|m| format!("milestone {}", m.id)));
        }
    }
    ids.extend(ws.goals.iter().map(|g| format!("goal {}", g.id)));
    ids.extend(ws.settings.lost_reasons.iter().map(|r| format!("reason {}", r.id)));
    ids
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn merging_a_file_with_itself_changes_nothing(seed in any::<u64>(), deals in 0usize..40) {
        let ws = generate_workspace(seed, deals, NOW);
        let merged = merge(&ws, &ws);
        prop_assert_eq!(&merged.workspace, &ws);
        prop_assert_eq!(merged.summary.changes(), 0);
        prop_assert_eq!(merged.summary.added, 0);
    }

    #[test]
    fn two_files_merge_the_same_in_either_order_and_lose_nothing(seed in any::<u64>(), deals in 1usize..30) {
        let base = generate_workspace(seed, deals, NOW);
        let x = teammate(&base, "xena", 0, seed ^ 1, NOW + DAY);
        let y = teammate(&base, "yuri", 1, seed ^ 2, NOW + 2 * DAY);
        let xy = merge(&merge(&base, &x).workspace, &y).workspace;
        let yx = merge(&merge(&base, &y).workspace, &x).workspace;
        prop_assert_eq!(canonical(&xy), canonical(&yx));
        prop_assert!(validate::check(&xy).is_ok(), "{:?}", validate::check(&xy));
        let kept = record_ids(&xy);
        for side in [&base, &x, &y] {
            let missing: Vec<_> = record_ids(side).difference(&kept).cloned().collect();
            prop_assert!(missing.is_empty(), "lost: {:?}", missing);
        }
        // And a teammate's whole file merged into the base is that file, record for record.
        prop_assert_eq!(record_ids(&merge(&base, &x).workspace), record_ids(&x));
    }
}

#[test]
fn a_deal_changed_on_both_sides_keeps_the_newer_fields_and_both_logs() {
    let base = generate_workspace(7, 3, NOW);
    let id = base.deals[0].id.clone();
    let last_stage = base.roadmaps[0].stages.last().unwrap().id.clone();
    let mut ours = base.clone();
    ours.origin = "ours".into();
    let activity = |who: &str| Command::AddActivity {
        deal_id: id.clone(),
        kind: ActivityKind::Visit,
        date: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        who: who.into(),
        notes: format!("visit by {who}"),
        follow_up: None,
    };
    apply(&mut ours, activity("ours"), NOW + DAY).unwrap();
    let mut theirs = base.clone();
    theirs.origin = "theirs".into();
    apply(&mut theirs, activity("theirs"), NOW + DAY).unwrap();
    apply(&mut theirs, Command::MoveDeal { deal_id: id.clone(), to_stage: last_stage.clone(), confirmed: true }, NOW + 2 * DAY).unwrap();

    let merged = merge(&ours, &theirs);
    let deal = merged.workspace.deal(&id).unwrap();
    assert_eq!(deal.stage_id, last_stage, "their move is newer");
    let notes: BTreeSet<_> = deal.activities.iter().map(|a| a.notes.as_str()).collect();
    assert!(notes.contains("visit by ours") && notes.contains("visit by theirs"), "{notes:?}");
    // The two other deals and the roadmap are the same on both sides.
    assert_eq!(
        merged.summary,
        MergeSummary { added: 0, updated: 0, conflicts: 1, unchanged: 2 + 1 + base.goals.len(), ..MergeSummary::default() }
    );

    // Our newer change wins the other way round too.
    let back = merge(&theirs, &ours);
    assert_eq!(back.workspace.deal(&id).unwrap().stage_id, last_stage);
    assert_eq!(canonical(&back.workspace), canonical(&merged.workspace));
}

#[test]
fn an_older_copy_changes_nothing_and_a_newer_one_updates() {
    let old = generate_workspace(11, 4, NOW);
    let mut new = old.clone();
    let id = new.deals[1].id.clone();
    let to = new.roadmaps[0].stages[3].id.clone();
    apply(&mut new, Command::MoveDeal { deal_id: id.clone(), to_stage: to.clone(), confirmed: true }, NOW + DAY).unwrap();

    let stale = merge(&new, &old);
    assert_eq!(stale.workspace, new);
    assert_eq!(stale.summary.changes(), 0);

    let fresh = merge(&old, &new);
    assert_eq!(fresh.workspace.deal(&id).unwrap().stage_id, to);
    assert_eq!(fresh.summary.updated, 1);
    assert_eq!(fresh.summary.added, 0);
}

/// Adds a deal for `customer` on the first roadmap.
fn add_deal(ws: &mut Workspace, customer: &str, at: i64) {
    let (roadmap_id, fields) = (ws.roadmaps[0].id.clone(), fields(ws, customer, 100));
    apply(ws, Command::CreateDeal { roadmap_id, fields, sample: false }, at).unwrap();
}

/// Two old workspaces that shared an origin (an import copied it) and then each
/// minted the same id for a different deal.
fn one_id_two_deals() -> (Workspace, Workspace) {
    let mut ours = common::workspace();
    let mut theirs = ours.clone();
    add_deal(&mut ours, "Ours Ltd", NOW);
    add_deal(&mut theirs, "Theirs Inc", NOW + 5);
    assert_eq!(ours.deals[0].id, theirs.deals[0].id);
    (ours, theirs)
}

#[test]
fn the_same_id_on_two_different_deals_keeps_both() {
    let (ours, theirs) = one_id_two_deals();

    let merged = merge(&ours, &theirs);
    let customers: BTreeSet<_> = merged.workspace.deals.iter().map(|d| d.customer.as_str()).collect();
    assert_eq!(customers, BTreeSet::from(["Ours Ltd", "Theirs Inc"]));
    assert_eq!(merged.summary.added, 1);
    assert!(validate::check(&merged.workspace).is_ok());
}

#[test]
fn a_stage_added_on_one_side_keeps_its_place() {
    let base = common::workspace();
    let roadmap = base.roadmaps[0].id.clone();
    let mut theirs = base.clone();
    theirs.origin = "theirs".into();
    apply(&mut theirs, Command::AddStage { roadmap_id: roadmap.clone(), name: Text::plain("After-sales review") }, NOW).unwrap();
    let mut ours = base.clone();
    ours.origin = "ours".into();
    apply(&mut ours, Command::RenameRoadmap { roadmap_id: roadmap.clone(), name: Text::plain("Our pipeline") }, NOW + DAY).unwrap();

    let merged = merge(&ours, &theirs).workspace;
    let r = merged.roadmap(&roadmap).unwrap();
    assert_eq!(r.name, Text::plain("Our pipeline"), "our rename is newer");
    assert_eq!(r.stages.last().unwrap().name, Text::plain("After-sales review"));
    assert_eq!(r.stages.len(), base.roadmaps[0].stages.len() + 1);
}

#[test]
fn a_record_back_from_a_file_is_never_minted_again() {
    // Create a deal, export, undo it (the counter goes back), merge the export.
    let before = common::workspace();
    let mut after = before.clone();
    add_deal(&mut after, "Comes Back", NOW);
    let mut ws = checked_merge(&before, &after, NOW).unwrap().workspace;
    add_deal(&mut ws, "Brand New", NOW + 1);
    assert!(validate::check(&ws).is_ok(), "{:?}", validate::check(&ws));
    assert_eq!(ws.deals.len(), 2);
}

#[test]
fn a_clashing_deal_keeps_its_log_under_fresh_ids() {
    let (mut ours, mut theirs) = one_id_two_deals();
    let log = |ws: &mut Workspace, who: &str| {
        let deal_id = ws.deals[0].id.clone();
        let command = Command::AddActivity {
            deal_id,
            kind: ActivityKind::Call,
            date: NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
            who: who.into(),
            notes: String::new(),
            follow_up: None,
        };
        apply(ws, command, NOW + 10).unwrap();
    };
    log(&mut ours, "ours");
    log(&mut theirs, "theirs");
    assert_eq!(ours.deals[0].activities[0].id, theirs.deals[0].activities[0].id, "the old shared origin minted the same ids");
    let merged = checked_merge(&ours, &theirs, NOW).expect("a whole workspace").workspace;
    assert_eq!(merged.deals.len(), 2);
    assert!(merged.deals.iter().all(|d| d.activities.len() == 1));
}

/// Two first visits each come with sample deals: a merge never brings the other side's in.
#[test]
fn a_merge_never_adds_the_other_sides_sample_deals() {
    use waypoint::core::learn::samples::first_visit_workspace;
    use waypoint::core::text::i18n::Lang;
    let mine = first_visit_workspace("me", Lang::En, NOW);
    let mut theirs = first_visit_workspace("mate", Lang::En, NOW);
    let roadmap = theirs.roadmaps[0].id.clone();
    let cmd = Command::CreateDeal { roadmap_id: roadmap, fields: fields(&theirs, "Real customer", 100), sample: false };
    apply(&mut theirs, cmd, NOW).unwrap();
    let merged = merge(&mine, &theirs).workspace;
    let samples = |ws: &Workspace| ws.deals.iter().filter(|d| d.sample).count();
    assert_eq!(samples(&merged), samples(&mine), "only my own samples");
    assert!(merged.deals.iter().any(|d| d.customer == "Real customer"));
}
