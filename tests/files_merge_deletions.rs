//! Deletions that travel: teammates each edit and delete in their own copy of one
//! workspace, and their files are merged in every order and grouping. A merge is
//! idempotent, the same whichever way round and however three files are grouped;
//! nothing nobody deleted is lost; an older copy never brings a deletion back.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use proptest::prelude::*;
use waypoint::core::analytics::goals::GoalFields;
use waypoint::core::command::{apply, Command};
use waypoint::core::deal::customer::TaskFields;
use waypoint::core::deal::reply::{CustomerReply, ProposedDate, Rating};
use waypoint::core::files::merge::{checked_merge, merge};
use waypoint::core::generate::generate_workspace;
use waypoint::core::model::{ActivityKind, GoalMetric, Id, Workspace};
use waypoint::core::roadmap::edit::{MilestoneFields, RoadmapSource, StageFields};
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::Text;
use waypoint::core::validate;

use common::{canonical, fields, NOW};

/// One random edit: an operation number and two numbers that pick what it acts on.
type Edit = (u8, usize, usize);

fn day(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 1 + (n % 28) as u32).unwrap()
}

/// Carries out `edit` as teammate `who` at time `at`; edits a command refuses change nothing.
fn edit(ws: &mut Workspace, who: &str, (op, a, b): Edit, at: i64) {
    let roadmap = ws.roadmaps[a % ws.roadmaps.len()].clone();
    let stage = roadmap.stages[b % roadmap.stages.len()].clone();
    let deal = (!ws.deals.is_empty()).then(|| ws.deals[a % ws.deals.len()].clone());
    let milestone = stage.milestones.get(a % stage.milestones.len().max(1)).cloned();
    let rid = roadmap.id.clone();
    let command = match (op % 24, deal) {
        (0, _) | (_, None) => {
            let mut f = fields(ws, &format!("{who} customer {a}"), 100 * a as i64);
            f.stage_id = ws.roadmaps[0].stages[b % ws.roadmaps[0].stages.len()].id.clone();
            Command::CreateDeal { roadmap_id: ws.roadmaps[0].id.clone(), fields: f, sample: false }
        }
        (1, Some(d)) => {
            let stages = &ws.roadmap(&d.roadmap_id).unwrap().stages;
            Command::MoveDeal { deal_id: d.id.clone(), to_stage: stages[b % stages.len()].id.clone(), confirmed: true }
        }
        (2, Some(d)) => Command::AddActivity {
            deal_id: d.id.clone(),
            kind: ActivityKind::Call,
            date: NaiveDate::from_ymd_opt(2026, 11, 1 + (b % 27) as u32).unwrap(),
            who: who.into(),
            notes: format!("{who} call {b}"),
            follow_up: None,
        },
        (3, Some(d)) => match d.activities.iter().map(|x| &x.id).chain(d.feedback.iter().map(|f| &f.id)).nth(b % 3) {
            Some(entry) => Command::RemoveEntry { deal_id: d.id.clone(), entry_id: entry.clone() },
            None => return,
        },
        (4, Some(d)) => Command::DeleteDeal { deal_id: d.id.clone() },
        (5, _) => Command::UpdateStage {
            roadmap_id: rid,
            stage_id: stage.id.clone(),
            fields: StageFields { target_days: 1 + (a % 60) as u32, ..StageFields::of(&stage) },
        },
        (6, _) => Command::AddMilestone { roadmap_id: rid, stage_id: stage.id.clone(), title: Text::plain(format!("{who} step {a}")) },
        (7, _) => match milestone {
            Some(m) => Command::UpdateMilestone {
                roadmap_id: rid,
                milestone_id: m.id.clone(),
                fields: MilestoneFields { day_offset: (a % 30) as u32, ..MilestoneFields::of(&m) },
            },
            None => return,
        },
        (8, _) => match milestone {
            Some(m) => Command::DeleteMilestone { roadmap_id: rid, milestone_id: m.id },
            None => return,
        },
        // One stage is never deleted: teammates who between them delete every stage keep
        // the one deleted last, in whichever version the merge has (merge_roadmap.rs).
        (9, _) if stage.id.as_str().starts_with("tpl-") && stage.id.as_str().ends_with("-s1") => return,
        (9, _) => {
            let to = roadmap.stages.iter().find(|s| s.id != stage.id).map(|s| s.id.clone());
            Command::DeleteStage { roadmap_id: rid, stage_id: stage.id.clone(), move_deals_to: to }
        }
        (10, _) => Command::AddGoal(GoalFields {
            metric: GoalMetric::DealsWon,
            target: a as i64 % 50,
            period_start: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            period_end: NaiveDate::from_ymd_opt(2026, 12, 31),
            owner: who.into(),
            roadmap_id: Some(rid),
        }),
        (11, _) => match ws.goals.get(b % ws.goals.len().max(1)) {
            Some(g) => Command::DeleteGoal { goal_id: g.id.clone() },
            None => return,
        },
        (12, _) => Command::AddLostReason { label: Text::plain(format!("{who} reason {a}")) },
        (13, _) => match ws.settings.lost_reasons.get(b % ws.settings.lost_reasons.len().max(1)) {
            Some(reason) => Command::RemoveLostReason { reason_id: reason.id.clone() },
            None => return,
        },
        (14, _) => Command::AddStage { roadmap_id: rid, name: Text::plain(format!("{who} stage {a}")) },
        (15, _) => Command::MoveStage { roadmap_id: rid, stage_id: stage.id.clone(), to_index: a % 7 },
        (16, Some(d)) => Command::CloseDeal { deal_id: d.id.clone(), won: b % 2 == 0, reason: None, note: format!("{who} closed") },
        (17 | 18, Some(d)) => Command::AddCustomerTask {
            deal_id: d.id.clone(),
            fields: TaskFields { title: format!("{who} task {a}"), contact: who.into(), role: String::new(), due: day(b) },
        },
        (19, Some(d)) => match d.customer_tasks.get(b % d.customer_tasks.len().max(1)) {
            Some(t) => Command::SetCustomerTaskDone { deal_id: d.id.clone(), task_id: t.id.clone(), done: a % 2 == 0 },
            None => return,
        },
        (20, Some(d)) => match d.customer_tasks.get(b % d.customer_tasks.len().max(1)) {
            Some(t) if a % 2 == 0 => Command::DeleteCustomerTask { deal_id: d.id.clone(), task_id: t.id.clone() },
            Some(t) => Command::UpdateCustomerTask {
                deal_id: d.id.clone(),
                task_id: t.id.clone(),
                fields: TaskFields { title: format!("{who} task {a}"), contact: who.into(), role: "IT".into(), due: day(b) },
            },
            None => return,
        },
        (21 | 22, Some(d)) => {
            // The customer answers a plan: a tick, a new date for one of our steps or theirs, a rating.
            let step = d
                .customer_tasks
                .get(b % d.customer_tasks.len().max(1))
                .map(|t| t.id.clone())
                .or_else(|| milestone.as_ref().map(|m| m.id.clone()));
            let reply = CustomerReply {
                deal_id: d.id.clone(),
                shared_at: at - 5,
                replied_at: at - (a as i64 % 3),
                from: "客户".into(),
                done: d.customer_tasks.iter().take(1).map(|t| t.id.clone()).collect(),
                dates: step.into_iter().map(|step| ProposedDate { step, date: day(a), note: format!("{who} asks") }).collect(),
                ratings: d
                    .milestones
                    .iter()
                    .filter(|p| p.done_at.is_some())
                    .take(1)
                    .map(|p| Rating { milestone: p.milestone_id.clone(), score: 1 + (a % 5) as u8, comment: String::new() })
                    .collect(),
            };
            Command::MergeReply(Box::new(reply))
        }
        (23, Some(d)) => match d.proposals.get(b % d.proposals.len().max(1)) {
            Some(p) => Command::ResolveProposal { deal_id: d.id.clone(), proposal_id: p.id.clone(), accept: a % 2 == 0 },
            None => return,
        },
        (_, _) if a % 3 == 0 => Command::CreateRoadmap { source: RoadmapSource::CopyOf(rid), name: Text::plain(who) },
        (_, _) if a % 3 == 1 => Command::CreateRoadmap { source: RoadmapSource::Template(TemplateId::KeyAccount), name: Text::plain(who) },
        // Only a roadmap of one's own: one deleted while a teammate still adds deals to it
        // is kept in whichever version the merge has at hand (see merge.rs).
        (_, _) if rid.as_str().starts_with(who) => Command::DeleteRoadmap { roadmap_id: rid },
        (_, _) => return,
    };
    let _ = apply(ws, command, at);
}

/// A teammate's copy of `base` after `edits`. Each teammate's clock gives times of
/// its own (`lane`), as two people never act in the same millisecond.
fn teammate(base: &Workspace, who: &str, lane: i64, edits: &[Edit]) -> Workspace {
    let mut ws = base.clone();
    ws.origin = who.into();
    for (i, e) in edits.iter().enumerate() {
        edit(&mut ws, who, *e, NOW + 10 * (i as i64 + 1) + lane);
    }
    ws
}

/// Every record id a workspace holds, each with the ids of what holds it (a deal's
/// activity is gone with the deal, a milestone with its stage or roadmap).
fn ids_within(ws: &Workspace) -> Vec<(Id, Vec<Id>)> {
    let mut out = Vec::new();
    for d in &ws.deals {
        out.push((d.id.clone(), vec![]));
        out.extend(d.activities.iter().map(|a| (a.id.clone(), vec![d.id.clone()])));
        out.extend(d.feedback.iter().map(|f| (f.id.clone(), vec![d.id.clone()])));
        out.extend(d.customer_tasks.iter().map(|t| (t.id.clone(), vec![d.id.clone()])));
        out.extend(d.proposals.iter().map(|p| (p.id.clone(), vec![d.id.clone(), p.item_id.clone()])));
    }
    for r in &ws.roadmaps {
        out.push((r.id.clone(), vec![]));
        for s in &r.stages {
            out.push((s.id.clone(), vec![r.id.clone()]));
            out.extend(s.milestones.iter().map(|m| (m.id.clone(), vec![r.id.clone(), s.id.clone()])));
        }
    }
    out.extend(ws.goals.iter().map(|g| (g.id.clone(), vec![])));
    out.extend(ws.settings.lost_reasons.iter().map(|r| (r.id.clone(), vec![])));
    out
}

/// Whether `id` was deleted, or anything that holds it was, however many steps up.
fn gone_with(id: &Id, holders: &BTreeMap<Id, Vec<Id>>, buried: &BTreeSet<Id>) -> bool {
    buried.contains(id) || holders.get(id).is_some_and(|up| up.iter().any(|h| gone_with(h, holders, buried)))
}

/// Every record id a workspace holds.
fn ids(ws: &Workspace) -> BTreeSet<Id> {
    let mut ids = BTreeSet::new();
    for d in &ws.deals {
        ids.insert(d.id.clone());
        ids.extend(d.activities.iter().map(|a| a.id.clone()));
        ids.extend(d.feedback.iter().map(|f| f.id.clone()));
        ids.extend(d.customer_tasks.iter().map(|t| t.id.clone()));
        ids.extend(d.proposals.iter().map(|p| p.id.clone()));
    }
    for r in &ws.roadmaps {
        ids.insert(r.id.clone());
        for s in &r.stages {
            ids.insert(s.id.clone());
            ids.extend(s.milestones.iter().map(|m| m.id.clone()));
        }
    }
    ids.extend(ws.goals.iter().map(|g| g.id.clone()));
    ids.extend(ws.settings.lost_reasons.iter().map(|r| r.id.clone()));
    ids
}

/// The workspace without the activities, feedback, milestone progress and customer side
/// of the deals in `ids` (all merged as a union, like a log).
fn without_logs(ws: &Workspace, ids: &BTreeSet<Id>) -> Workspace {
    let mut ws = ws.clone();
    for deal in ws.deals.iter_mut().filter(|d| ids.contains(&d.id)) {
        let deal = std::sync::Arc::make_mut(deal);
        (deal.activities, deal.feedback, deal.milestones) = (Vec::new(), Vec::new(), Vec::new());
        (deal.customer_tasks, deal.proposals, deal.replies) = (Vec::new(), Vec::new(), Vec::new());
    }
    ws
}

fn deleted(ws: &Workspace) -> BTreeSet<Id> {
    ws.deleted.iter().map(|t| t.id.clone()).collect()
}

/// Where two texts first differ, with a few lines around it.
fn diff(a: &str, b: &str) -> String {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let at = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
    let around = |l: &[&str]| l[at.saturating_sub(3).min(l.len())..(at + 30).min(l.len())].join("\n");
    format!("line {at}:\n--- left\n{}\n--- right\n{}", around(&a), around(&b))
}

/// Asserts two workspaces are the same record for record, showing where they are not.
fn same(a: &Workspace, b: &Workspace) -> Result<(), TestCaseError> {
    let (x, y) = (canonical(a), canonical(b));
    prop_assert!(x == y, "{}", diff(&x, &y));
    Ok(())
}

fn merged(a: &Workspace, b: &Workspace) -> Workspace {
    checked_merge(a, b, NOW).unwrap_or_else(|e| panic!("the merge is whole: {e:?}")).workspace
}

fn base(seed: u64, deals: usize) -> Workspace {
    let mut ws = generate_workspace(seed, deals, NOW - 1000);
    edit(&mut ws, "base", (10, 3, 0), NOW - 500);
    ws
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    prop::collection::vec((any::<u8>(), 0usize..64, 0usize..64), 0..24)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn a_merge_is_idempotent(seed in any::<u64>(), deals in 0usize..12, x in edits(), y in edits()) {
        let base = base(seed, deals);
        let (a, b) = (teammate(&base, "ana", 1, &x), teammate(&base, "bo", 2, &y));
        let ab = merged(&a, &b);
        prop_assert_eq!(&merge(&a, &a).workspace, &a);
        let again = merge(&ab, &b);
        same(&again.workspace, &ab)?;
        prop_assert_eq!(&again.workspace, &ab);
        prop_assert_eq!(again.summary.changes(), 0, "{:?}", again.summary);
        prop_assert_eq!(&merged(&ab, &a), &ab);
    }

    #[test]
    fn two_files_merge_the_same_either_way_round(seed in any::<u64>(), deals in 0usize..12, x in edits(), y in edits()) {
        let base = base(seed, deals);
        let (a, b) = (teammate(&base, "ana", 1, &x), teammate(&base, "bo", 2, &y));
        same(&merged(&a, &b), &merged(&b, &a))?;
    }

    #[test]
    fn three_teammates_merge_the_same_in_any_grouping(
        seed in any::<u64>(), deals in 0usize..10, x in edits(), y in edits(), z in edits(),
    ) {
        let base = base(seed, deals);
        let (a, b, c) = (teammate(&base, "ana", 1, &x), teammate(&base, "bo", 2, &y), teammate(&base, "cy", 3, &z));
        let groupings = [merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)), merged(&merged(&c, &a), &b)];
        // The same, record for record, except one case (merge.rs): the log and milestone
        // progress of a deal one teammate deleted, another changed before that and a third after.
        let revived: BTreeSet<Id> = [&a, &b, &c].iter().flat_map(|w| deleted(w)).collect();
        for other in &groupings[1..] {
            same(&without_logs(&groupings[0], &revived), &without_logs(other, &revived))?;
        }
        // And one more exchange brings all three to one result, which nothing changes further.
        let everyone = merged(&merged(&groupings[0], &groupings[1]), &groupings[2]);
        for result in &groupings {
            same(&merged(result, &everyone), &everyone)?;
            same(&merged(&everyone, result), &everyone)?;
        }
    }

    #[test]
    fn nothing_is_lost_that_nobody_deleted(seed in any::<u64>(), deals in 0usize..12, x in edits(), y in edits()) {
        let base = base(seed, deals);
        let (a, b) = (teammate(&base, "ana", 1, &x), teammate(&base, "bo", 2, &y));
        let ab = merged(&a, &b);
        let buried: BTreeSet<Id> = deleted(&a).union(&deleted(&b)).cloned().collect();
        let kept = ids(&ab);
        // What holds what, on either side: a customer's proposed date for a milestone Bo
        // added is gone with the stage Ana deleted, two steps up.
        let mut holders: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
        for (id, within) in ids_within(&a).into_iter().chain(ids_within(&b)) {
            holders.entry(id).or_default().extend(within);
        }
        for side in [&a, &b] {
            let lost: Vec<Id> = ids_within(side)
                .into_iter()
                .filter(|(id, _)| !kept.contains(id) && !gone_with(id, &holders, &buried))
                .map(|(id, _)| id)
                .collect();
            prop_assert!(lost.is_empty(), "lost without a deletion: {:?}", lost);
        }
        prop_assert!(validate::check(&ab).is_ok());
    }

    #[test]
    fn an_older_copy_never_brings_a_deletion_back(seed in any::<u64>(), deals in 1usize..12, x in edits()) {
        // Ana works on, deleting things; Bo still has the copy from before, untouched.
        let base = base(seed, deals);
        let later = teammate(&base, "ana", 1, &x);
        let older = teammate(&base, "bo", 2, &[]);
        let (kept, either_way) = (ids(&later), [ids(&merged(&later, &older)), ids(&merged(&older, &later))]);
        for id in deleted(&later).into_iter().filter(|id| !kept.contains(id)) {
            prop_assert!(either_way.iter().all(|merged| !merged.contains(&id)), "{} came back", id);
        }
    }
}

/// Ana and Bo start from one file; Ana deletes a deal.
fn ana_deletes_a_deal() -> (Workspace, Workspace, Id) {
    let base = base(7, 4);
    let (mut ana, mut bo) = (base.clone(), base);
    (ana.origin, bo.origin) = ("ana".into(), "bo".into());
    let deal = ana.deals[1].id.clone();
    apply(&mut ana, Command::DeleteDeal { deal_id: deal.clone() }, NOW + 100).unwrap();
    (ana, bo, deal)
}

#[test]
fn a_deletion_travels_and_the_summary_counts_it() {
    let (ana, bo, deal) = ana_deletes_a_deal();
    let result = checked_merge(&bo, &ana, NOW + 200).unwrap();
    assert!(result.workspace.deal(&deal).is_none(), "Bo's copy loses the deal Ana deleted");
    assert_eq!((result.summary.deleted, result.summary.kept), (1, 0));
    assert!(result.workspace.deleted.iter().any(|t| t.id == deal), "and passes the deletion on");
    // Ana merging Bo's older copy does not bring it back.
    let back = checked_merge(&ana, &bo, NOW + 200).unwrap();
    assert!(back.workspace.deal(&deal).is_none());
    assert_eq!(back.summary.changes(), 0, "{:?}", back.summary);
}

#[test]
fn a_deal_changed_after_its_deletion_is_kept_and_said_so() {
    let (ana, mut bo, deal) = ana_deletes_a_deal();
    let note = Command::SetDealTags { deal_id: deal.clone(), tags: vec!["重点客户".into()] };
    apply(&mut bo, note, NOW + 150).unwrap();
    for (mine, theirs) in [(&ana, &bo), (&bo, &ana)] {
        let result = checked_merge(mine, theirs, NOW + 200).unwrap();
        assert_eq!(result.workspace.deal(&deal).map(|d| d.tags.clone()), Some(vec!["重点客户".to_owned()]));
        assert_eq!(result.summary.kept, 1, "{:?}", result.summary);
    }
}

#[test]
fn deletions_are_forgotten_after_180_days() {
    let (ana, _, deal) = ana_deletes_a_deal();
    let day = 86_400_000;
    let soon = checked_merge(&ana, &ana, NOW + 179 * day).unwrap().workspace;
    assert!(soon.deleted.iter().any(|t| t.id == deal));
    let later = checked_merge(&ana, &ana, NOW + 181 * day).unwrap().workspace;
    assert!(later.deleted.is_empty(), "{:?}", later.deleted);
}

#[test]
fn a_sample_deal_deleted_leaves_no_tombstone() {
    let mut ws = waypoint::core::learn::samples::first_visit_workspace("fx", waypoint::core::text::i18n::Lang::Zh, NOW);
    let sample = ws.deals.iter().find(|d| d.sample).unwrap().id.clone();
    apply(&mut ws, Command::DeleteDeal { deal_id: sample }, NOW).unwrap();
    assert!(ws.deleted.is_empty());
}
