//! The customer's side of a deal: their tasks on the plan, the page shared with them
//! (and what it must never hold), the plan and reply links, merging a reply, and the
//! proposed dates the seller accepts or declines.

mod common;

use chrono::NaiveDate;
use waypoint::core::command::{apply, Command, CommandError, Outcome};
use waypoint::core::deal::customer::{mark_step, reschedule_step, TaskFields};
use waypoint::core::deal::customer_plan::{customer_plan, Side};
use waypoint::core::deal::plan::{deal_plan, MilestoneState, PlanHealth};
use waypoint::core::deal::reply::{reply_changes, CustomerReply, ProposedDate, Rating, ReplyChange, ReplyError};
use waypoint::core::files::customer_link::{plan_fragment, read_plan, read_reply, reply_fragment, PLAN_PREFIX};
use waypoint::core::files::share::{qr_svg, LinkError, MAX_QR_CHARS};
use waypoint::core::model::{ActivityKind, Id, RecordType, Workspace};
use waypoint::core::text::i18n::Lang;

use common::{fields, roadmap_id, stage_id, workspace, NOW};

const DAY: i64 = 86_400_000;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn created(outcome: Outcome) -> Id {
    match outcome {
        Outcome::Created(id) => id,
        other => panic!("expected a new record, got {other:?}"),
    }
}

fn task(title: &str, due: &str) -> TaskFields {
    TaskFields { title: title.into(), contact: "王经理".into(), role: "采购经理".into(), due: day(due) }
}

/// A deal in the second stage with the first stage's milestones done, feedback and an
/// activity of ours, a lost-reason-free note, and two customer tasks.
fn deal_with_tasks() -> (Workspace, Id, Id, Id) {
    let mut ws = workspace();
    let mut f = fields(&ws, "博远食品", 35_000_000);
    f.stage_id = stage_id(&ws, 0);
    let roadmap = roadmap_id(&ws);
    let deal = created(apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap, fields: f, sample: false }, NOW).unwrap());
    for m in ws.roadmaps[0].stages[0].milestones.clone() {
        apply(&mut ws, Command::SetMilestoneDone { deal_id: deal.clone(), milestone_id: m.id, done: true }, NOW + DAY).unwrap();
    }
    let to_stage = stage_id(&ws, 1);
    apply(&mut ws, Command::MoveDeal { deal_id: deal.clone(), to_stage, confirmed: true }, NOW + 2 * DAY).unwrap();
    let note = Command::AddActivity {
        deal_id: deal.clone(),
        kind: ActivityKind::Call,
        date: day("2026-11-19"),
        who: "Ana".into(),
        notes: "INTERNAL: budget is soft".into(),
        follow_up: None,
    };
    apply(&mut ws, note, NOW + 2 * DAY).unwrap();
    let first = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    let ours = Command::AddFeedback {
        deal_id: deal.clone(),
        milestone_id: Some(first),
        satisfaction: 2,
        comment: "OUR-RATING-NOTE".into(),
        date: day("2026-11-19"),
    };
    apply(&mut ws, ours, NOW + 2 * DAY).unwrap();
    let it =
        created(apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields: task("安排IT评审", "2026-12-10") }, NOW).unwrap());
    let data = created(
        apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields: task("提供现有流程资料", "2026-11-25") }, NOW).unwrap(),
    );
    (ws, deal, data, it)
}

#[test]
fn customer_tasks_are_kept_in_date_order_and_checked() {
    let (mut ws, deal, data, it) = deal_with_tasks();
    let tasks: Vec<&Id> = ws.deal(&deal).unwrap().customer_tasks.iter().map(|t| &t.id).collect();
    assert_eq!(tasks, [&data, &it], "the earlier due date first");
    let blank = TaskFields { title: "  ".into(), ..task("x", "2026-12-01") };
    assert_eq!(apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields: blank }, NOW), Err(CommandError::NameRequired));
    let long = TaskFields { contact: "长".repeat(201), ..task("x", "2026-12-01") };
    assert_eq!(apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields: long }, NOW), Err(CommandError::TextTooLong(200)));
    let unknown = Command::SetCustomerTaskDone { deal_id: deal.clone(), task_id: Id("nope".into()), done: true };
    assert_eq!(apply(&mut ws, unknown, NOW), Err(CommandError::UnknownTask(Id("nope".into()))));

    // Moving the IT review before the data task re-sorts; the same fields change nothing.
    let moved = Command::UpdateCustomerTask { deal_id: deal.clone(), task_id: it.clone(), fields: task("安排IT评审", "2026-11-20") };
    assert_eq!(apply(&mut ws, moved.clone(), NOW + 10), Ok(Outcome::Changed));
    assert_eq!(apply(&mut ws, moved, NOW + 20), Ok(Outcome::Unchanged));
    assert_eq!(ws.deal(&deal).unwrap().customer_tasks[0].id, it);
    assert_eq!(ws.deal(&deal).unwrap().customer_tasks[0].updated_at, NOW + 10);

    apply(&mut ws, Command::SetCustomerTaskDone { deal_id: deal.clone(), task_id: it.clone(), done: true }, NOW + 30).unwrap();
    assert_eq!(ws.deal(&deal).unwrap().customer_tasks[0].done_at, Some(NOW + 30));
    apply(&mut ws, Command::DeleteCustomerTask { deal_id: deal.clone(), task_id: data.clone() }, NOW + 40).unwrap();
    assert_eq!(ws.deal(&deal).unwrap().customer_tasks.len(), 1);
    let tomb = ws.deleted.iter().find(|t| t.id == data).expect("a deleted task leaves a tombstone for merges");
    assert_eq!(tomb.kind, RecordType::CustomerTask);
}

#[test]
fn customer_tasks_are_on_the_deal_plan_and_count_for_its_health() {
    let (ws, deal_id, data, it) = deal_with_tasks();
    let deal = ws.deal(&deal_id).unwrap();
    let roadmap = &ws.roadmaps[0];
    let plan = deal_plan(roadmap, deal, day("2026-11-22"));
    let theirs: Vec<&Id> = plan.milestones.iter().filter(|m| m.customer).map(|m| &m.milestone_id).collect();
    assert_eq!(theirs, [&data, &it]);
    let row = plan.milestones.iter().find(|m| m.milestone_id == data).unwrap();
    assert_eq!(row.owner.get(Lang::En), "王经理 · 采购经理");
    // The deal is in stage 2 (entered 2026-11-20, 21 days): both tasks fall in it, after its milestones.
    let stage_two: Vec<bool> = plan.milestones.iter().filter(|m| m.stage_index == 1).map(|m| m.customer).collect();
    assert_eq!(stage_two, [false, false, false, true, true]);
    assert_eq!(plan.health(day("2026-11-22")), PlanHealth::OnTrack);
    // Ten days after the data task was due, it alone stalls the plan.
    let late = deal_plan(roadmap, deal, day("2026-12-05"));
    assert_eq!(late.milestones.iter().find(|m| m.milestone_id == data).unwrap().state, MilestoneState::Overdue);
    assert!(matches!(late.health(day("2026-12-05")), PlanHealth::Stalled { days: 10, .. }), "{:?}", late.health(day("2026-12-05")));
}

#[test]
fn the_plan_list_re_dates_and_ticks_either_kind_of_step() {
    let (mut ws, deal, data, _) = deal_with_tasks();
    let milestone = ws.roadmaps[0].stages[1].milestones[0].id.clone();
    let command = reschedule_step(&ws, &deal, &data, Some(day("2026-11-30"))).unwrap();
    apply(&mut ws, command, NOW + 1).unwrap();
    let task = ws.deal(&deal).unwrap().customer_tasks.iter().find(|t| t.id == data).unwrap().clone();
    assert_eq!((task.due, task.title.as_str(), task.contact.as_str()), (day("2026-11-30"), "提供现有流程资料", "王经理"));
    let command = reschedule_step(&ws, &deal, &milestone, Some(day("2026-12-01"))).unwrap();
    assert!(matches!(command, Command::SetMilestoneDue { .. }));
    apply(&mut ws, command, NOW + 2).unwrap();
    let (tick_task, tick_milestone) = (mark_step(&ws, &deal, &data, true), mark_step(&ws, &deal, &milestone, true));
    apply(&mut ws, tick_task, NOW + 3).unwrap();
    apply(&mut ws, tick_milestone, NOW + 3).unwrap();
    let d = ws.deal(&deal).unwrap();
    assert!(d.customer_tasks.iter().any(|t| t.id == data && t.done_at == Some(NOW + 3)));
    assert!(d.is_milestone_done(&milestone));
}

#[test]
fn the_customer_page_holds_the_plan_and_nothing_internal() {
    let (mut ws, deal, data, _) = deal_with_tasks();
    apply(
        &mut ws,
        Command::CloseDeal { deal_id: deal.clone(), won: false, reason: Some(Id("lost-price".into())), note: "CLOSE-NOTE".into() },
        NOW + 3 * DAY,
    )
    .unwrap();
    apply(&mut ws, Command::ReopenDeal { deal_id: deal.clone() }, NOW + 3 * DAY).unwrap();
    let d = ws.deal(&deal).unwrap();
    let plan = customer_plan(&ws.roadmaps[0], d, Lang::Zh, NOW + 3 * DAY);
    assert_eq!((plan.customer.as_str(), plan.title.as_str(), plan.seller.as_str()), ("博远食品", "博远食品 rollout", "Ana"));
    assert_eq!(plan.as_of(), day("2026-11-21"));
    assert_eq!(plan.stages.len(), ws.roadmaps[0].stages.len(), "stages ahead are planned too");
    let first = &plan.steps[0];
    assert_eq!(
        (first.side, first.title.as_str(), first.who.as_str(), first.done),
        (Side::Ours, "整理客户基本信息和联系人", "销售代表", true)
    );
    let theirs: Vec<(&str, &str)> =
        plan.steps.iter().filter(|s| s.side == Side::Theirs).map(|s| (s.title.as_str(), s.who.as_str())).collect();
    assert_eq!(theirs, [("提供现有流程资料", "王经理 · 采购经理"), ("安排IT评审", "王经理 · 采购经理")]);
    assert_eq!(plan.next_steps(2)[0].id, ws.roadmaps[0].stages[1].milestones[0].id);
    let milestones: usize = ws.roadmaps[0].stages.iter().map(|s| s.milestones.len()).sum();
    assert_eq!(plan.progress(), (2, milestones + 2));
    assert!(plan.steps.iter().any(|s| s.id == data));

    // Nothing internal travels: not the value, the notes, our rating, the lost reason or close note.
    let fragment = plan_fragment(&plan).unwrap();
    let json = serde_json::to_string(&plan).unwrap();
    for secret in ["350000", "35000000", "INTERNAL", "OUR-RATING-NOTE", "CLOSE-NOTE", "lost-price", "USD", "probab"] {
        assert!(!json.contains(secret), "{secret} must not reach the customer: {json}");
    }
    assert!(fragment.starts_with(PLAN_PREFIX));
    assert_eq!(read_plan(&fragment), Some(Ok(plan.clone())));
    // A plan of this size fits a QR code a phone can scan.
    let url = format!("https://team.example.com/waypoint/{fragment}");
    assert!(url.len() <= MAX_QR_CHARS && qr_svg(&url).is_some(), "{} characters", url.len());
    let english = customer_plan(&ws.roadmaps[0], ws.deal(&deal).unwrap(), Lang::En, NOW);
    assert_eq!(english.steps[0].title, "Record the company profile and contacts");
}

#[test]
fn plan_and_reply_links_refuse_what_was_cut_altered_or_made_later() {
    let (ws, deal, _, _) = deal_with_tasks();
    let plan = customer_plan(&ws.roadmaps[0], ws.deal(&deal).unwrap(), Lang::Zh, NOW);
    let fragment = plan_fragment(&plan).unwrap();
    assert_eq!(read_plan("#share=abc"), None, "another kind of link");
    assert_eq!(read_plan(&fragment[..fragment.len() / 2]), Some(Err(LinkError::Damaged)));
    assert_eq!(read_plan("#plan=!!!"), Some(Err(LinkError::Damaged)));
    // A later format is told apart from damage.
    let later = waypoint_pack(r#"{"v":2,"x":{}}"#);
    assert_eq!(read_plan(&format!("#plan={later}")), Some(Err(LinkError::Newer)));
    // Well-formed but out of bounds: a step in a stage the plan does not have.
    let mut bad = plan.clone();
    bad.steps[0].stage = 9;
    let bad = plan_fragment(&bad).unwrap();
    assert_eq!(read_plan(&bad), Some(Err(LinkError::Damaged)));
    // A reply link round-trips, and a trailing slash some chat apps add is forgiven.
    let reply = CustomerReply {
        deal_id: deal,
        shared_at: NOW,
        replied_at: NOW + 5,
        from: "王经理".into(),
        done: vec![],
        dates: vec![],
        ratings: vec![],
    };
    let link = reply_fragment(&reply).unwrap();
    assert_eq!(read_reply(&format!("{link}/")), Some(Ok(reply)));
    assert_eq!(read_reply(&fragment), None);
}

/// Packs text the way links do (deflate + base64url), for hand-made link data.
fn waypoint_pack(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 6))
}

#[test]
fn a_reply_is_shown_then_merged_once() {
    let (mut ws, deal, data, it) = deal_with_tasks();
    let done_milestone = ws.roadmaps[0].stages[0].milestones[1].id.clone();
    let open_milestone = ws.roadmaps[0].stages[1].milestones[0].id.clone();
    let replied_at = NOW + 4 * DAY;
    let reply = CustomerReply {
        deal_id: deal.clone(),
        shared_at: NOW + 3 * DAY,
        replied_at,
        from: "王经理".into(),
        done: vec![data.clone()],
        dates: vec![
            ProposedDate { step: it.clone(), date: day("2026-12-15"), note: "IT 部门月中才有空".into() },
            ProposedDate { step: open_milestone.clone(), date: day("2026-11-28"), note: String::new() },
        ],
        ratings: vec![Rating { milestone: done_milestone.clone(), score: 4, comment: "资料整理得很清楚".into() }],
    };
    let (changes, gone) = reply_changes(&ws, &reply, day("2026-11-23")).unwrap();
    assert_eq!(gone, 0);
    assert_eq!(changes.len(), 4);
    assert_eq!(changes[0], ReplyChange::TaskDone { title: "提供现有流程资料".into() });
    assert!(matches!(&changes[1], ReplyChange::NewDate { from, to, .. } if *from == day("2026-12-10") && *to == day("2026-12-15")));
    assert!(matches!(&changes[3], ReplyChange::Rated { score: 4, comment, .. } if comment == "资料整理得很清楚"));

    apply(&mut ws, Command::MergeReply(Box::new(reply.clone())), NOW + 5 * DAY).unwrap();
    let d = ws.deal(&deal).unwrap();
    assert_eq!(d.customer_tasks.iter().find(|t| t.id == data).unwrap().done_at, Some(replied_at), "ticked when the customer ticked it");
    let rating = d.feedback.iter().find(|f| f.comment == "资料整理得很清楚").expect("the rating is feedback on the milestone");
    assert_eq!((rating.milestone_id.as_ref(), rating.satisfaction, rating.date), (Some(&done_milestone), 4, day("2026-11-22")));
    assert_eq!(d.proposals.len(), 2, "proposed dates wait for the seller");
    assert_eq!(d.customer_tasks.iter().find(|t| t.id == it).unwrap().due, day("2026-12-10"), "not moved until accepted");
    assert_eq!(d.replies, [replied_at]);

    // The same reply again, or one for a deal that is gone, says so and changes nothing.
    let before = ws.clone();
    assert_eq!(reply_changes(&ws, &reply, day("2026-11-23")), Err(ReplyError::AlreadyMerged));
    assert_eq!(
        apply(&mut ws, Command::MergeReply(Box::new(reply.clone())), NOW + 6 * DAY),
        Err(CommandError::ReplyRefused(ReplyError::AlreadyMerged))
    );
    let elsewhere = CustomerReply { deal_id: Id("gone-1".into()), replied_at: replied_at + 1, ..reply.clone() };
    assert_eq!(reply_changes(&ws, &elsewhere, day("2026-11-23")), Err(ReplyError::DealGone));
    let altered = CustomerReply {
        replied_at: replied_at + 2,
        ratings: vec![Rating { milestone: done_milestone, score: 9, comment: String::new() }],
        ..reply
    };
    assert_eq!(reply_changes(&ws, &altered, day("2026-11-23")), Err(ReplyError::BadScore(9)));
    assert_eq!(ws, before);
}

#[test]
fn a_reply_about_steps_no_longer_on_the_plan_leaves_them_out() {
    let (mut ws, deal, data, _) = deal_with_tasks();
    apply(&mut ws, Command::DeleteCustomerTask { deal_id: deal.clone(), task_id: data.clone() }, NOW + 1).unwrap();
    let open = ws.roadmaps[0].stages[1].milestones[0].id.clone();
    let reply = CustomerReply {
        deal_id: deal.clone(),
        shared_at: NOW,
        replied_at: NOW + 9,
        from: String::new(),
        done: vec![data.clone()],
        dates: vec![ProposedDate { step: data, date: day("2026-12-01"), note: String::new() }],
        // A rating of a milestone we have not finished is not taken either.
        ratings: vec![Rating { milestone: open, score: 5, comment: String::new() }],
    };
    assert_eq!(reply_changes(&ws, &reply, day("2026-11-23")), Ok((vec![], 3)));
    apply(&mut ws, Command::MergeReply(Box::new(reply)), NOW + 10).unwrap();
    let d = ws.deal(&deal).unwrap();
    assert!(d.proposals.is_empty() && d.feedback.len() == 1, "only our own rating from before");
}

#[test]
fn the_seller_accepts_or_declines_a_proposed_date() {
    let (mut ws, deal, _, it) = deal_with_tasks();
    let milestone = ws.roadmaps[0].stages[1].milestones[1].id.clone();
    let reply = CustomerReply {
        deal_id: deal.clone(),
        shared_at: NOW,
        replied_at: NOW + 7,
        from: String::new(),
        done: vec![],
        dates: vec![
            ProposedDate { step: milestone.clone(), date: day("2026-12-20"), note: String::new() },
            ProposedDate { step: it.clone(), date: day("2026-12-18"), note: String::new() },
        ],
        ratings: vec![],
    };
    apply(&mut ws, Command::MergeReply(Box::new(reply)), NOW + 8).unwrap();
    let proposals = ws.deal(&deal).unwrap().proposals.clone();
    apply(&mut ws, Command::ResolveProposal { deal_id: deal.clone(), proposal_id: proposals[0].id.clone(), accept: true }, NOW + 9)
        .unwrap();
    apply(&mut ws, Command::ResolveProposal { deal_id: deal.clone(), proposal_id: proposals[1].id.clone(), accept: false }, NOW + 9)
        .unwrap();
    let d = ws.deal(&deal).unwrap();
    assert!(d.proposals.is_empty());
    let progress = d.milestones.iter().find(|p| p.milestone_id == milestone).unwrap();
    assert_eq!(progress.due, Some(day("2026-12-20")), "accepted: the milestone is rescheduled");
    assert_eq!(d.customer_tasks.iter().find(|t| t.id == it).unwrap().due, day("2026-12-10"), "declined: the task keeps its date");
    assert!(ws.deleted.iter().filter(|t| t.kind == RecordType::DateProposal).count() == 2, "both leave tombstones for merges");
    let again = Command::ResolveProposal { deal_id: deal, proposal_id: proposals[0].id.clone(), accept: true };
    assert_eq!(apply(&mut ws, again, NOW + 10), Err(CommandError::UnknownProposal(proposals[0].id.clone())));
}

#[test]
fn a_follow_up_is_planned_from_the_form_or_on_its_own() {
    let (mut ws, deal, _, _) = deal_with_tasks();
    let set = Command::SetFollowUp { deal_id: deal.clone(), date: Some(day("2026-11-25")) };
    assert_eq!(apply(&mut ws, set.clone(), NOW), Ok(Outcome::Changed));
    assert_eq!(apply(&mut ws, set, NOW), Ok(Outcome::Unchanged));
    let mut form = waypoint::core::deal::form::DealForm::from_deal(ws.deal(&deal).unwrap());
    assert_eq!(form.follow_up, "2026-11-25");
    form.follow_up = "2026-13-01".into();
    let errors = form.parse(&ws.roadmaps[0]).unwrap_err();
    assert_eq!(errors[0].field, waypoint::core::deal::form::DealField::FollowUp);
    form.follow_up = "2026-12-02".into();
    let fields = form.parse(&ws.roadmaps[0]).unwrap();
    apply(&mut ws, Command::UpdateDeal { deal_id: deal.clone(), fields, confirmed: true }, NOW + 1).unwrap();
    assert_eq!(ws.deal(&deal).unwrap().follow_up, Some(day("2026-12-02")));
}

#[test]
fn follow_ups_due_today_or_late_are_flagged_and_listed() {
    use waypoint::core::deal::card::{card_facts, card_texts};
    use waypoint::core::deal::follow_up::due_follow_ups;
    let (mut ws, deal, _, _) = deal_with_tasks();
    let mut f = fields(&ws, "Later Co", 100);
    f.follow_up = Some(day("2026-12-01"));
    let roadmap = roadmap_id(&ws);
    let later = created(apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap, fields: f, sample: false }, NOW).unwrap());
    apply(&mut ws, Command::SetFollowUp { deal_id: deal.clone(), date: Some(day("2026-11-20")) }, NOW).unwrap();
    let today = day("2026-11-23");
    let due = due_follow_ups(&ws, today, None);
    assert_eq!(due.iter().map(|d| (&d.deal_id, d.late)).collect::<Vec<_>>(), [(&deal, 3)], "Later Co is not due yet");
    let text =
        |ws: &Workspace, id: &Id, lang| card_texts(&card_facts(&ws.roadmaps[0], ws.deal(id).unwrap(), today).unwrap(), lang).follow_up;
    assert_eq!(text(&ws, &deal, Lang::En).as_deref(), Some("Follow-up 3 days late"));
    assert_eq!(text(&ws, &later, Lang::Zh), None);
    let on_the_day = due_follow_ups(&ws, day("2026-12-01"), Some("Ana"));
    assert_eq!(on_the_day.iter().map(|d| d.late).collect::<Vec<_>>(), [11, 0], "the latest first");
    let card = card_facts(&ws.roadmaps[0], ws.deal(&later).unwrap(), day("2026-12-01")).unwrap();
    assert_eq!(card_texts(&card, Lang::Zh).follow_up.as_deref(), Some("今天跟进"));
    // A closed deal needs no follow-up.
    apply(&mut ws, Command::CloseDeal { deal_id: deal.clone(), won: true, reason: None, note: String::new() }, NOW).unwrap();
    assert!(due_follow_ups(&ws, today, None).is_empty());
}
