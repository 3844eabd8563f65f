//! Designing roadmaps: stage and milestone edits, several roadmaps, stage gates.

mod common;

use common::*;
use waypoint::core::command::{apply, Command, CommandError, Outcome};
use waypoint::core::model::{GateMode, Id, Workspace};
use waypoint::core::roadmap::edit::{MilestoneFields, RoadmapSource, StageFields};
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::describe::command_error;
use waypoint::core::text::i18n::Lang;
use waypoint::core::text::Text;
use waypoint::core::validate;

fn run(ws: &mut Workspace, command: Command) -> Result<Outcome, CommandError> {
    let result = apply(ws, command, NOW);
    validate::check(ws).expect("every command leaves a valid workspace");
    result
}

fn create_deal_in(ws: &mut Workspace, stage: usize) -> Id {
    let mut f = fields(ws, "Acme", 100);
    f.stage_id = stage_id(ws, stage);
    match run(ws, Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: f, sample: false }) {
        Ok(Outcome::Created(id)) => id,
        other => panic!("{other:?}"),
    }
}

fn stage_names(ws: &Workspace) -> Vec<String> {
    ws.roadmaps[0].stages.iter().map(|s| s.name.get(Lang::En).to_owned()).collect()
}

#[test]
fn stages_are_added_edited_and_reordered() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let Ok(Outcome::Created(new)) = run(&mut ws, Command::AddStage { roadmap_id: rid.clone(), name: Text::plain("Renewal") }) else {
        panic!()
    };
    assert_eq!(stage_names(&ws).last().unwrap(), "Renewal");

    let mut f = StageFields::of(ws.roadmaps[0].stage(&new).unwrap());
    f.win_probability = 95;
    f.target_days = 60;
    f.gate = true;
    f.guidance = Text::plain("Call before the contract ends");
    run(&mut ws, Command::UpdateStage { roadmap_id: rid.clone(), stage_id: new.clone(), fields: f.clone() }).unwrap();
    let stage = ws.roadmaps[0].stage(&new).unwrap();
    assert_eq!((stage.win_probability, stage.target_days, stage.gate), (95, 60, true));
    assert_eq!(
        run(&mut ws, Command::UpdateStage { roadmap_id: rid.clone(), stage_id: new.clone(), fields: f.clone() }),
        Ok(Outcome::Unchanged)
    );

    for (bad, error) in [
        (StageFields { name: Text::plain(" "), ..f.clone() }, CommandError::NameRequired),
        (StageFields { win_probability: 101, ..f.clone() }, CommandError::ProbabilityOutOfRange(101)),
        (StageFields { target_days: 0, ..f.clone() }, CommandError::DaysOutOfRange(0)),
    ] {
        let before = ws.clone();
        assert_eq!(run(&mut ws, Command::UpdateStage { roadmap_id: rid.clone(), stage_id: new.clone(), fields: bad }), Err(error));
        assert_eq!(ws, before);
    }

    run(&mut ws, Command::MoveStage { roadmap_id: rid.clone(), stage_id: new.clone(), to_index: 0 }).unwrap();
    assert_eq!(stage_names(&ws)[..2], ["Renewal", "Prospect identification"]);
    // Past the end means last.
    run(&mut ws, Command::MoveStage { roadmap_id: rid.clone(), stage_id: new.clone(), to_index: 99 }).unwrap();
    assert_eq!(stage_names(&ws).last().unwrap(), "Renewal");
}

#[test]
fn editing_a_bilingual_name_in_one_language_keeps_the_other() {
    let ws = workspace();
    let name = ws.roadmaps[0].stages[0].name.clone();
    let edited = name.with(Lang::En, "Lead finding");
    assert_eq!(edited.get(Lang::En), "Lead finding");
    assert_eq!(edited.get(Lang::Zh), "潜在客户识别");
    assert_eq!(Text::plain("a").with(Lang::Zh, "乙"), Text::plain("乙"));
}

#[test]
fn deleting_a_stage_with_deals_needs_a_destination_and_records_the_move() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let deal = create_deal_in(&mut ws, 0);
    let doomed = stage_id(&ws, 1);
    run(&mut ws, Command::MoveDeal { deal_id: deal.clone(), to_stage: doomed.clone(), confirmed: false }).unwrap();
    let doomed_milestone = ws.roadmaps[0].stages[1].milestones[0].id.clone();
    run(&mut ws, Command::SetMilestoneDone { deal_id: deal.clone(), milestone_id: doomed_milestone, done: true }).unwrap();

    let before = ws.clone();
    let refused = run(&mut ws, Command::DeleteStage { roadmap_id: rid.clone(), stage_id: doomed.clone(), move_deals_to: None });
    assert_eq!(refused, Err(CommandError::StageHasDeals(1)));
    let to_itself =
        run(&mut ws, Command::DeleteStage { roadmap_id: rid.clone(), stage_id: doomed.clone(), move_deals_to: Some(doomed.clone()) });
    assert_eq!(to_itself, Err(CommandError::UnknownStage(doomed.clone())));
    assert_eq!(ws, before);

    let target = stage_id(&ws, 3);
    run(&mut ws, Command::DeleteStage { roadmap_id: rid, stage_id: doomed.clone(), move_deals_to: Some(target.clone()) }).unwrap();
    assert!(ws.roadmaps[0].stage(&doomed).is_none());
    let d = ws.deal(&deal).unwrap();
    assert_eq!(d.stage_id, target);
    let history: Vec<_> = d.stage_history.iter().map(|e| e.stage_id.clone()).collect();
    assert_eq!(history, vec![stage_id(&before, 0), target], "the removed stage leaves the history");
    assert!(d.milestones.is_empty(), "progress on the removed stage's milestones goes with it");
}

#[test]
fn the_last_stage_and_the_last_roadmap_stay() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    while ws.roadmaps[0].stages.len() > 1 {
        let id = stage_id(&ws, 0);
        run(&mut ws, Command::DeleteStage { roadmap_id: rid.clone(), stage_id: id, move_deals_to: None }).unwrap();
    }
    let last = stage_id(&ws, 0);
    assert_eq!(
        run(&mut ws, Command::DeleteStage { roadmap_id: rid.clone(), stage_id: last, move_deals_to: None }),
        Err(CommandError::LastStage)
    );
    assert_eq!(run(&mut ws, Command::DeleteRoadmap { roadmap_id: rid }), Err(CommandError::LastRoadmap));
}

#[test]
fn milestones_are_added_edited_reordered_and_deleted_with_their_progress() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let stage = stage_id(&ws, 0);
    let Ok(Outcome::Created(added)) =
        run(&mut ws, Command::AddMilestone { roadmap_id: rid.clone(), stage_id: stage.clone(), title: Text::plain("Site visit") })
    else {
        panic!()
    };
    let s = &ws.roadmaps[0].stages[0];
    assert_eq!(s.milestones.last().unwrap().id, added);
    assert_eq!(s.milestones.last().unwrap().day_offset, s.target_days, "due at the end of the stage");

    let mut f = MilestoneFields::of(ws.roadmaps[0].stages[0].milestones.last().unwrap());
    f.required = true;
    f.day_offset = 3;
    f.owner_role = Text::plain("Engineer");
    run(&mut ws, Command::UpdateMilestone { roadmap_id: rid.clone(), milestone_id: added.clone(), fields: f.clone() }).unwrap();
    let m = ws.roadmaps[0].stages[0].milestones.last().unwrap();
    assert_eq!((m.required, m.day_offset, m.owner_role.get(Lang::En)), (true, 3, "Engineer"));
    assert_eq!(
        run(
            &mut ws,
            Command::UpdateMilestone {
                roadmap_id: rid.clone(),
                milestone_id: added.clone(),
                fields: MilestoneFields { title: Text::plain(""), ..f }
            }
        ),
        Err(CommandError::NameRequired)
    );

    run(&mut ws, Command::MoveMilestone { roadmap_id: rid.clone(), milestone_id: added.clone(), to_index: 0 }).unwrap();
    assert_eq!(ws.roadmaps[0].stages[0].milestones[0].id, added);

    let deal = create_deal_in(&mut ws, 0);
    run(&mut ws, Command::SetMilestoneDone { deal_id: deal.clone(), milestone_id: added.clone(), done: true }).unwrap();
    run(&mut ws, Command::DeleteMilestone { roadmap_id: rid, milestone_id: added.clone() }).unwrap();
    assert!(ws.roadmaps[0].find_milestone(&added).is_none());
    assert!(ws.deal(&deal).unwrap().milestones.is_empty());
}

#[test]
fn roadmaps_come_from_templates_or_copies_and_become_active() {
    let mut ws = workspace();
    let first = roadmap_id(&ws);
    let Ok(Outcome::Created(key)) = run(
        &mut ws,
        Command::CreateRoadmap { source: RoadmapSource::Template(TemplateId::KeyAccount), name: TemplateId::KeyAccount.name() },
    ) else {
        panic!()
    };
    assert_eq!(ws.active_roadmap().unwrap().id, key);
    assert_eq!(ws.roadmap(&key).unwrap().stages.last().unwrap().name.get(Lang::Zh), "售后服务");

    let Ok(Outcome::Created(copy)) =
        run(&mut ws, Command::CreateRoadmap { source: RoadmapSource::CopyOf(first.clone()), name: Text::plain("Copy") })
    else {
        panic!()
    };
    let (original, duplicate) = (ws.roadmap(&first).unwrap(), ws.roadmap(&copy).unwrap());
    assert_eq!(duplicate.stages.len(), original.stages.len());
    assert_eq!(duplicate.stages[2].name, original.stages[2].name);
    assert_ne!(duplicate.stages[2].id, original.stages[2].id, "a copy gets its own ids");

    run(&mut ws, Command::SetActiveRoadmap { roadmap_id: first.clone() }).unwrap();
    assert_eq!(ws.active_roadmap().unwrap().id, first);
    run(&mut ws, Command::RenameRoadmap { roadmap_id: copy.clone(), name: Text::plain("Launch") }).unwrap();
    assert_eq!(ws.roadmap(&copy).unwrap().name.get(Lang::Zh), "Launch");

    create_deal_in(&mut ws, 0);
    assert_eq!(run(&mut ws, Command::DeleteRoadmap { roadmap_id: first }), Err(CommandError::RoadmapHasDeals(1)));
    run(&mut ws, Command::DeleteRoadmap { roadmap_id: copy.clone() }).unwrap();
    assert!(ws.roadmap(&copy).is_none());
}

/// The template's "Needs analysis" (stage 1) is a key node, so it is gated.
#[test]
fn a_gate_stops_a_forward_move_until_required_milestones_are_done() {
    let mut ws = workspace();
    assert!(ws.roadmaps[0].stages[1].gate && !ws.roadmaps[0].stages[0].gate);
    let stages: Vec<Id> = (0..3).map(|i| stage_id(&ws, i)).collect();
    let deal = create_deal_in(&mut ws, 1);
    let forward = |confirmed| Command::MoveDeal { deal_id: deal.clone(), to_stage: stages[2].clone(), confirmed };
    let required: Vec<Id> = ws.roadmaps[0].stages[1].milestones.iter().filter(|m| m.required).map(|m| m.id.clone()).collect();

    let refused = run(&mut ws, forward(false));
    assert_eq!(refused, Err(CommandError::GateUnmet { stage: stages[1].clone(), missing: required.clone(), can_confirm: true }));
    let message = command_error(Lang::En, &refused.unwrap_err(), &ws);
    assert_eq!(
        message,
        "“Needs analysis” is a gated stage and these required milestones are still open: \
         Document the customer's needs, Confirm the budget, Map the decision process and decision makers. Move on anyway?"
    );

    // Backwards is always allowed.
    run(&mut ws, Command::MoveDeal { deal_id: deal.clone(), to_stage: stages[0].clone(), confirmed: false }).unwrap();
    run(&mut ws, Command::MoveDeal { deal_id: deal.clone(), to_stage: stages[1].clone(), confirmed: false }).unwrap();

    // Confirm mode lets a confirmed move through; Refuse mode does not.
    run(&mut ws, Command::SetGateMode(GateMode::Refuse)).unwrap();
    let refused = run(&mut ws, forward(true));
    assert!(matches!(refused, Err(CommandError::GateUnmet { can_confirm: false, .. })));
    assert!(command_error(Lang::Zh, &refused.unwrap_err(), &ws).starts_with("“需求分析”是关卡阶段，离开前须完成：记录客户需求、确认预算"));

    for milestone in required {
        run(&mut ws, Command::SetMilestoneDone { deal_id: deal.clone(), milestone_id: milestone, done: true }).unwrap();
    }
    assert_eq!(run(&mut ws, forward(false)), Ok(Outcome::Changed));

    // The deal form's stage change is gated the same way.
    let mut ws2 = workspace();
    let deal2 = create_deal_in(&mut ws2, 1);
    let mut moved = fields(&ws2, "Acme", 100);
    moved.stage_id = stage_id(&ws2, 3);
    assert!(matches!(
        run(&mut ws2, Command::UpdateDeal { deal_id: deal2.clone(), fields: moved.clone(), confirmed: false }),
        Err(CommandError::GateUnmet { .. })
    ));
    assert_eq!(run(&mut ws2, Command::UpdateDeal { deal_id: deal2, fields: moved, confirmed: true }), Ok(Outcome::Changed));
}

#[test]
fn deleting_a_milestone_keeps_the_feedback_collected_after_it() {
    let mut ws = workspace();
    let deal = create_deal_in(&mut ws, 0);
    let milestone = ws.roadmaps[0].stages[0].milestones[0].id.clone();
    let feedback = Command::AddFeedback {
        deal_id: deal.clone(),
        milestone_id: Some(milestone.clone()),
        satisfaction: 4,
        comment: "清楚".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 2).unwrap(),
    };
    run(&mut ws, feedback).unwrap();
    let roadmap = roadmap_id(&ws);
    run(&mut ws, Command::DeleteMilestone { roadmap_id: roadmap, milestone_id: milestone }).unwrap();
    let kept = &ws.deal(&deal).unwrap().feedback;
    assert_eq!(kept.len(), 1, "the customer's words stay");
    assert_eq!(kept[0].milestone_id, None, "about no milestone now");
}
