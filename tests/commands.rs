//! Commands: what each one changes, and that a refused one changes nothing.

mod common;

use common::*;
use waypoint::core::command::{apply, Command, CommandError, Outcome};
use waypoint::core::deal::form::{DealField, DealForm, FieldError, Problem};
use waypoint::core::model::{DealStatus, Id};

fn create(ws: &mut waypoint::core::model::Workspace, customer: &str, sample: bool) -> Id {
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: fields(ws, customer, 500_00), sample };
    match apply(ws, cmd, NOW) {
        Ok(Outcome::Created(id)) => id,
        other => panic!("create failed: {other:?}"),
    }
}

#[test]
fn creating_a_deal_mints_an_origin_prefixed_id_and_starts_its_history() {
    let mut ws = workspace();
    let next = ws.next_id;
    let id = create(&mut ws, "Acme", false);
    assert_eq!(id.as_str(), format!("t1-{next}"));
    assert_eq!(ws.next_id, next + 1);
    let deal = ws.deal(&id).unwrap();
    assert_eq!(deal.customer, "Acme");
    assert_eq!(deal.status, DealStatus::Open);
    assert_eq!(deal.stage_id, stage_id(&ws, 0));
    assert_eq!(deal.stage_history.len(), 1);
    assert_eq!(deal.stage_history[0].entered_at, NOW);
    assert_eq!((deal.created_at, deal.updated_at), (NOW, NOW));
}

#[test]
fn an_invalid_deal_is_refused_with_every_field_error_and_nothing_changes() {
    let mut ws = workspace();
    let before = ws.clone();
    let mut bad = fields(&ws, "  ", -1);
    bad.currency = "usd".into();
    bad.stage_id = Id("nope".into());
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: bad, sample: false };
    let err = apply(&mut ws, cmd, NOW).unwrap_err();
    let CommandError::Invalid(errors) = err else { panic!("expected field errors, got {err:?}") };
    for expected in [
        FieldError { field: DealField::Customer, problem: Problem::Required },
        FieldError { field: DealField::Value, problem: Problem::Negative },
        FieldError { field: DealField::Currency, problem: Problem::BadCurrency },
        FieldError { field: DealField::Stage, problem: Problem::UnknownStage },
    ] {
        assert!(errors.contains(&expected), "missing {expected:?} in {errors:?}");
    }
    assert_eq!(ws, before);
}

#[test]
fn creating_on_an_unknown_roadmap_is_refused() {
    let mut ws = workspace();
    let f = fields(&ws, "Acme", 1);
    let err = apply(&mut ws, Command::CreateDeal { roadmap_id: Id("x".into()), fields: f, sample: false }, NOW);
    assert_eq!(err, Err(CommandError::UnknownRoadmap(Id("x".into()))));
}

#[test]
fn moving_records_the_stage_history_and_a_move_in_place_records_nothing() {
    let mut ws = workspace();
    let id = create(&mut ws, "Acme", false);
    let target = stage_id(&ws, 2);
    let moved = apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage: target.clone(), confirmed: false }, NOW + 10);
    assert_eq!(moved, Ok(Outcome::Changed));
    let deal = ws.deal(&id).unwrap();
    assert_eq!(deal.stage_id, target);
    assert_eq!(deal.updated_at, NOW + 10);
    let history: Vec<_> = deal.stage_history.iter().map(|e| (e.stage_id.clone(), e.entered_at)).collect();
    assert_eq!(history, vec![(stage_id(&ws, 0), NOW), (target.clone(), NOW + 10)]);

    let again = apply(&mut ws, Command::MoveDeal { deal_id: id.clone(), to_stage: target, confirmed: false }, NOW + 20);
    assert_eq!(again, Ok(Outcome::Unchanged));
    assert_eq!(ws.deal(&id).unwrap().stage_history.len(), 2);
}

#[test]
fn moving_to_an_unknown_stage_or_an_unknown_deal_is_refused() {
    let mut ws = workspace();
    let id = create(&mut ws, "Acme", false);
    let before = ws.clone();
    let bad_stage = apply(&mut ws, Command::MoveDeal { deal_id: id, to_stage: Id("s?".into()), confirmed: false }, NOW);
    assert_eq!(bad_stage, Err(CommandError::UnknownStage(Id("s?".into()))));
    let bad_deal = apply(&mut ws, Command::MoveDeal { deal_id: Id("d?".into()), to_stage: stage_id(&before, 1), confirmed: false }, NOW);
    assert_eq!(bad_deal, Err(CommandError::UnknownDeal(Id("d?".into()))));
    assert_eq!(ws, before);
}

#[test]
fn editing_a_deal_changes_its_fields_and_a_stage_change_enters_the_history() {
    let mut ws = workspace();
    let id = create(&mut ws, "Acme", false);
    let mut edited = fields(&ws, "Acme Group", 750_00);
    edited.stage_id = stage_id(&ws, 1);
    apply(&mut ws, Command::UpdateDeal { deal_id: id.clone(), fields: edited, confirmed: false }, NOW + 5).unwrap();
    let deal = ws.deal(&id).unwrap();
    assert_eq!((deal.customer.as_str(), deal.value_minor), ("Acme Group", 750_00));
    assert_eq!(deal.stage_history.last().unwrap().stage_id, stage_id(&ws, 1));
    assert_eq!(deal.stage_history.len(), 2);

    let before = ws.clone();
    let blank = fields(&ws, "", 1);
    assert!(matches!(
        apply(&mut ws, Command::UpdateDeal { deal_id: id, fields: blank, confirmed: false }, NOW),
        Err(CommandError::Invalid(_))
    ));
    assert_eq!(ws, before);
}

#[test]
fn deleting_removes_only_that_deal() {
    let mut ws = workspace();
    let a = create(&mut ws, "A", false);
    let b = create(&mut ws, "B", false);
    apply(&mut ws, Command::DeleteDeal { deal_id: a.clone() }, NOW).unwrap();
    assert!(ws.deal(&a).is_none());
    assert!(ws.deal(&b).is_some());
    assert_eq!(apply(&mut ws, Command::DeleteDeal { deal_id: a.clone() }, NOW), Err(CommandError::UnknownDeal(a)));
}

#[test]
fn milestones_can_be_done_and_undone_but_only_roadmap_milestones() {
    let mut ws = workspace();
    let id = create(&mut ws, "Acme", false);
    let stage = ws.roadmaps[0].stages[0].clone();
    let first = stage.milestones[0].id.clone();
    let done = |done| Command::SetMilestoneDone { deal_id: id.clone(), milestone_id: first.clone(), done };
    assert_eq!(apply(&mut ws, done(true), NOW + 1), Ok(Outcome::Changed));
    assert!(ws.deal(&id).unwrap().is_milestone_done(&first));
    assert_eq!(ws.deal(&id).unwrap().open_milestones(&stage).count(), stage.milestones.len() - 1);
    assert_eq!(apply(&mut ws, done(true), NOW + 2), Ok(Outcome::Unchanged));
    assert_eq!(apply(&mut ws, done(false), NOW + 3), Ok(Outcome::Changed));
    assert!(!ws.deal(&id).unwrap().is_milestone_done(&first));

    let unknown = Command::SetMilestoneDone { deal_id: id, milestone_id: Id("m?".into()), done: true };
    assert_eq!(apply(&mut ws, unknown, NOW), Err(CommandError::UnknownMilestone(Id("m?".into()))));
}

#[test]
fn removing_samples_keeps_the_users_own_deals() {
    let mut ws = workspace();
    create(&mut ws, "Sample Co", true);
    let mine = create(&mut ws, "Mine", false);
    assert_eq!(apply(&mut ws, Command::RemoveSamples, NOW), Ok(Outcome::Changed));
    assert_eq!(ws.deals.len(), 1);
    assert_eq!(ws.deals[0].id, mine);
    assert!(!ws.has_samples());
    assert_eq!(apply(&mut ws, Command::RemoveSamples, NOW), Ok(Outcome::Unchanged));
}

#[test]
fn replacing_with_a_broken_workspace_is_refused() {
    let mut ws = workspace();
    create(&mut ws, "Acme", false);
    let before = ws.clone();
    let mut broken = ws.clone();
    std::sync::Arc::make_mut(&mut broken.deals[0]).stage_id = Id("gone".into());
    let result = apply(&mut ws, Command::ReplaceWorkspace(Box::new(broken)), NOW);
    assert!(matches!(result, Err(CommandError::BrokenWorkspace(_))), "{result:?}");
    assert_eq!(ws, before);
}

#[test]
fn the_form_reports_parse_and_rule_problems_per_field() {
    let ws = workspace();
    let roadmap = &ws.roadmaps[0];
    let form = DealForm {
        customer: "Acme".into(),
        title: String::new(),
        value: "12abc".into(),
        currency: "USD".into(),
        owner: String::new(),
        expected_close: "2026-02-30".into(),
        stage_id: stage_id(&ws, 0).to_string(),
        tags: "Factory， key account, factory".into(),
        follow_up: String::new(),
    };
    let errors = form.parse(roadmap).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FieldError { field: DealField::Value, problem: Problem::NotANumber },
            FieldError { field: DealField::ExpectedClose, problem: Problem::BadDate },
            FieldError { field: DealField::Title, problem: Problem::Required },
        ]
    );
    let good = DealForm { title: "Rollout".into(), value: "1,200.5".into(), expected_close: "2027-01-31".into(), ..form };
    let fields = good.parse(roadmap).unwrap();
    assert_eq!(fields.value_minor, 120_050);
    assert_eq!(fields.expected_close.unwrap().to_string(), "2027-01-31");
    assert_eq!(fields.tags, ["Factory", "key account"], "split on either comma, once each");

    // Editing a saved deal starts from its own values and gives them back unchanged.
    let mut ws = ws.clone();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields.clone(), sample: false };
    let Ok(Outcome::Created(id)) = apply(&mut ws, cmd, NOW) else { panic!("create failed") };
    let reopened = DealForm::from_deal(ws.deal(&id).unwrap()).parse(&ws.roadmaps[0]).unwrap();
    assert_eq!(reopened, fields);
}

/// An undo step keeps the document as it was; at 10,000 deals a full copy per step
/// would cost megabytes and milliseconds, so a change copies only the deal it touches.
#[test]
fn a_change_copies_only_the_deal_it_touches_and_the_copy_before_it_stays_as_it_was() {
    let mut ws = workspace();
    let ids: Vec<Id> = (0..5).map(|i| create(&mut ws, &format!("C{i}"), false)).collect();
    let before = ws.clone();
    let moved = Command::MoveDeal { deal_id: ids[2].clone(), to_stage: stage_id(&ws, 1), confirmed: true };
    apply(&mut ws, moved, NOW + 1).unwrap();
    for (now, then) in ws.deals.iter().zip(&before.deals) {
        let touched = now.id == ids[2];
        assert_eq!(std::sync::Arc::ptr_eq(now, then), !touched, "deal {} shared: {}", now.id, !touched);
    }
    assert_eq!(before.deal(&ids[2]).unwrap().stage_id, stage_id(&before, 0));
    assert_eq!(ws.deal(&ids[2]).unwrap().stage_id, stage_id(&ws, 1));
}
