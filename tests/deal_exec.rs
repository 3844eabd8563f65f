//! Working a deal: activities, feedback, segments, won and lost with reasons,
//! reopening, stalled deals, and import checks for all of it.

mod common;

use chrono::NaiveDate;
use common::*;
use waypoint::core::command::{apply, Command, CommandError, Outcome};
use waypoint::core::deal::plan::{days_in_stage, is_stalled};
use waypoint::core::files::envelope::{export_json, import_json, ImportError};
use waypoint::core::model::{ActivityKind, DealStatus, Id, Workspace};
use waypoint::core::text::i18n::Lang;
use waypoint::core::text::Text;
use waypoint::core::validate::{self, IntegrityError};

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn run(ws: &mut Workspace, command: Command) -> Result<Outcome, CommandError> {
    let result = apply(ws, command, NOW);
    validate::check(ws).expect("every command leaves a valid workspace");
    result
}

fn with_deal() -> (Workspace, Id) {
    let mut ws = workspace();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields(&ws, "Acme", 100), sample: false };
    let Ok(Outcome::Created(id)) = run(&mut ws, cmd) else { panic!() };
    (ws, id)
}

#[test]
fn a_lost_deal_needs_a_known_reason_and_can_be_reopened() {
    let (mut ws, id) = with_deal();
    let before = ws.clone();
    let lose = |reason: Option<&str>| Command::CloseDeal {
        deal_id: id.clone(),
        won: false,
        reason: reason.map(|r| Id(r.into())),
        note: " too dear ".into(),
    };
    assert_eq!(run(&mut ws, lose(None)), Err(CommandError::ReasonRequired));
    assert_eq!(run(&mut ws, lose(Some("lost-bribes"))), Err(CommandError::UnknownReason(Id("lost-bribes".into()))));
    assert_eq!(ws, before);

    run(&mut ws, lose(Some("lost-price"))).unwrap();
    let deal = ws.deal(&id).unwrap();
    assert_eq!(
        (deal.status, deal.lost_reason.clone(), deal.close_note.as_str(), deal.closed_at),
        (DealStatus::Lost, Some(Id("lost-price".into())), "too dear", Some(NOW))
    );

    // The reason is in use, so it stays.
    assert_eq!(run(&mut ws, Command::RemoveLostReason { reason_id: Id("lost-price".into()) }), Err(CommandError::ReasonInUse(1)));

    run(&mut ws, Command::ReopenDeal { deal_id: id.clone() }).unwrap();
    let deal = ws.deal(&id).unwrap();
    assert_eq!((deal.status, deal.lost_reason.clone(), deal.closed_at), (DealStatus::Open, None, None));
    assert_eq!(run(&mut ws, Command::ReopenDeal { deal_id: id.clone() }), Ok(Outcome::Unchanged));

    run(&mut ws, Command::CloseDeal { deal_id: id.clone(), won: true, reason: Some(Id("lost-price".into())), note: String::new() })
        .unwrap();
    assert_eq!(
        (ws.deal(&id).unwrap().status, ws.deal(&id).unwrap().lost_reason.clone()),
        (DealStatus::Won, None),
        "a won deal has no lost reason"
    );
}

#[test]
fn the_lost_reason_list_is_editable() {
    let mut ws = workspace();
    let presets: Vec<&str> = ws.settings.lost_reasons.iter().map(|r| r.label.get(Lang::En)).collect();
    assert_eq!(presets, ["Price", "Competitor", "No budget", "No decision", "Timing", "Other"]);
    assert_eq!(ws.settings.lost_reasons[1].label.get(Lang::Zh), "输给竞争对手");
    let Ok(Outcome::Created(id)) = run(&mut ws, Command::AddLostReason { label: Text::plain("Merger froze spending") }) else { panic!() };
    assert_eq!(ws.settings.lost_reasons.last().unwrap().id, id);
    run(&mut ws, Command::RemoveLostReason { reason_id: Id("lost-timing".into()) }).unwrap();
    assert_eq!(ws.settings.lost_reasons.len(), 6);
    assert_eq!(run(&mut ws, Command::AddLostReason { label: Text::plain(" ") }), Err(CommandError::NameRequired));
}

#[test]
fn activities_and_feedback_are_logged_newest_first_and_removable() {
    let (mut ws, id) = with_deal();
    let activity = |kind, day| Command::AddActivity {
        deal_id: id.clone(),
        kind,
        date: date(11, day),
        who: " Ana ".into(),
        notes: "Met the CFO".into(),
        follow_up: None,
    };
    run(&mut ws, activity(ActivityKind::Call, 3)).unwrap();
    let Ok(Outcome::Created(visit)) = run(&mut ws, activity(ActivityKind::Visit, 9)) else { panic!() };
    let log: Vec<(ActivityKind, NaiveDate, &str)> =
        ws.deal(&id).unwrap().activities.iter().map(|a| (a.kind, a.date, a.who.as_str())).collect();
    assert_eq!(log, vec![(ActivityKind::Visit, date(11, 9), "Ana"), (ActivityKind::Call, date(11, 3), "Ana")]);

    let milestone = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    let feedback = |score, milestone: Option<Id>| Command::AddFeedback {
        deal_id: id.clone(),
        milestone_id: milestone,
        satisfaction: score,
        comment: "Clear plan".into(),
        date: date(11, 10),
    };
    assert_eq!(run(&mut ws, feedback(0, None)), Err(CommandError::SatisfactionOutOfRange(0)));
    assert_eq!(run(&mut ws, feedback(6, None)), Err(CommandError::SatisfactionOutOfRange(6)));
    assert_eq!(run(&mut ws, feedback(4, Some(Id("m?".into())))), Err(CommandError::UnknownMilestone(Id("m?".into()))));
    run(&mut ws, feedback(4, Some(milestone.clone()))).unwrap();
    let entry = &ws.deal(&id).unwrap().feedback[0];
    assert_eq!((entry.satisfaction, entry.milestone_id.clone()), (4, Some(milestone)));

    run(&mut ws, Command::RemoveEntry { deal_id: id.clone(), entry_id: visit.clone() }).unwrap();
    assert_eq!(ws.deal(&id).unwrap().activities.len(), 1);
    assert_eq!(run(&mut ws, Command::RemoveEntry { deal_id: id.clone(), entry_id: visit.clone() }), Err(CommandError::UnknownEntry(visit)));

    let long = "x".repeat(2001);
    assert_eq!(
        run(
            &mut ws,
            Command::AddActivity {
                deal_id: id,
                kind: ActivityKind::Email,
                date: date(11, 1),
                who: String::new(),
                notes: long,
                follow_up: None
            }
        ),
        Err(CommandError::TextTooLong(2000))
    );
}

#[test]
fn segments_are_trimmed_and_kept_once() {
    let (mut ws, id) = with_deal();
    let tags = vec![" Manufacturing ".into(), "".into(), "manufacturing".into(), "Key account".into()];
    run(&mut ws, Command::SetDealTags { deal_id: id.clone(), tags }).unwrap();
    assert_eq!(ws.deal(&id).unwrap().tags, ["Manufacturing", "Key account"]);
    assert_eq!(
        run(&mut ws, Command::SetDealTags { deal_id: id.clone(), tags: vec!["Manufacturing".into(), "Key account".into()] }),
        Ok(Outcome::Unchanged)
    );
    assert_eq!(run(&mut ws, Command::SetDealTags { deal_id: id, tags: vec!["y".repeat(31)] }), Err(CommandError::TextTooLong(30)));
}

#[test]
fn a_deal_is_stalled_once_past_its_stage_target() {
    let (ws, id) = with_deal();
    let deal = ws.deal(&id).unwrap();
    let roadmap = &ws.roadmaps[0];
    // Created on 18 November in "Prospect identification" (14 days).
    assert_eq!(days_in_stage(deal, date(12, 2)), 14);
    assert!(!is_stalled(roadmap, deal, date(12, 2)), "14 days of 14 is on time");
    assert!(is_stalled(roadmap, deal, date(12, 3)));
    let mut closed = deal.clone();
    closed.status = DealStatus::Won;
    assert!(!is_stalled(roadmap, &closed, date(12, 30)), "closed deals are never stalled");
}

#[test]
fn imports_check_reasons_feedback_and_entry_ids() {
    let (mut ws, id) = with_deal();
    run(
        &mut ws,
        Command::AddFeedback { deal_id: id.clone(), milestone_id: None, satisfaction: 5, comment: String::new(), date: date(11, 2) },
    )
    .unwrap();
    run(&mut ws, Command::CloseDeal { deal_id: id.clone(), won: false, reason: Some(Id("lost-timing".into())), note: String::new() })
        .unwrap();
    assert_eq!(import_json(&export_json(&ws, NOW)).unwrap(), ws, "round trip with the new records");

    let mut value: serde_json::Value = serde_json::from_str(&export_json(&ws, NOW)).unwrap();
    value["workspace"]["settings"]["lost_reasons"] = serde_json::json!([]);
    assert_eq!(
        import_json(&value.to_string()),
        Err(ImportError::Broken(IntegrityError::LostReasonMissing { deal: id.clone(), reason: Id("lost-timing".into()) }))
    );
    let mut value: serde_json::Value = serde_json::from_str(&export_json(&ws, NOW)).unwrap();
    value["workspace"]["deals"][0]["feedback"][0]["satisfaction"] = serde_json::json!(9);
    assert_eq!(import_json(&value.to_string()), Err(ImportError::Broken(IntegrityError::FeedbackInvalid { deal: id })));

    // A file from before lost reasons existed gets the presets.
    let mut value: serde_json::Value = serde_json::from_str(&export_json(&workspace(), NOW)).unwrap();
    value["workspace"]["settings"].as_object_mut().unwrap().remove("lost_reasons");
    assert_eq!(import_json(&value.to_string()).unwrap().settings.lost_reasons.len(), 6);
}
