//! Undo and redo, and the property tests over random command sequences.

mod common;

use common::*;
use proptest::prelude::*;
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::history::{History, UNDO_LIMIT};
use waypoint::core::model::Workspace;
use waypoint::core::validate;

/// A random command against `ws`, valid or not.
fn command(ws: &Workspace, kind: u8, a: usize, b: usize, flag: bool, text: &str) -> Command {
    let stages = ws.roadmaps[0].stages.len();
    let deal = (!ws.deals.is_empty()).then(|| ws.deals[a % ws.deals.len()].id.clone());
    match (kind % 6, deal) {
        (0, _) | (_, None) => {
            let mut f = fields(ws, &format!("{text}x"), (a * 100) as i64);
            f.stage_id = stage_id(ws, b % stages);
            Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: f, sample: flag }
        }
        (1, Some(deal_id)) => Command::MoveDeal { deal_id, to_stage: stage_id(ws, b % stages), confirmed: flag },
        (2, Some(deal_id)) => Command::CloseDeal {
            deal_id,
            won: flag,
            reason: (!flag).then(|| waypoint::core::model::Id("lost-price".into())),
            note: text.into(),
        },
        (3, Some(_)) => Command::MoveStage { roadmap_id: roadmap_id(ws), stage_id: stage_id(ws, a % stages), to_index: b % stages },
        (4, Some(deal_id)) => Command::DeleteDeal { deal_id },
        (_, Some(deal_id)) => Command::SetDealTags { deal_id, tags: vec![text.chars().take(10).collect()] },
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of commands, accepted or refused, leaves a valid workspace; undoing
    /// all of them gives back the start, and redoing them gives back the end, exactly.
    #[test]
    fn commands_keep_the_workspace_valid_and_undo_redo_are_exact(
        ops in proptest::collection::vec((any::<u8>(), 0usize..20, 0usize..20, any::<bool>(), "[a-z]{0,6}"), 0..60)
    ) {
        let mut ws = workspace();
        let start = ws.clone();
        let mut history = History::default();
        let mut changes = 0;
        for (i, (kind, a, b, flag, text)) in ops.into_iter().enumerate() {
            let before = ws.clone();
            let cmd = command(&ws, kind, a, b, flag, &text);
            match apply(&mut ws, cmd, NOW + i as i64) {
                Ok(Outcome::Changed | Outcome::Created(_)) => { history.record(before); changes += 1; }
                Ok(Outcome::Unchanged) => prop_assert_eq!(&ws, &before),
                Err(_) => prop_assert_eq!(&ws, &before, "a refused command changes nothing"),
            }
            prop_assert!(validate::check(&ws).is_ok());
        }
        let end = ws.clone();
        let steps = changes.min(UNDO_LIMIT);
        for _ in 0..steps {
            prop_assert!(history.undo(&mut ws));
        }
        prop_assert!(!history.undo(&mut ws));
        if changes <= UNDO_LIMIT {
            prop_assert_eq!(&ws, &start);
        }
        for _ in 0..steps {
            prop_assert!(history.redo(&mut ws));
        }
        prop_assert_eq!(&ws, &end);
    }
}

#[test]
fn a_new_change_forgets_the_redo_and_the_history_keeps_a_hundred_steps() {
    let mut ws = workspace();
    let mut history = History::default();
    for i in 0..(UNDO_LIMIT + 20) {
        let before = ws.clone();
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields(&ws, &format!("D{i}"), 1), sample: false };
        apply(&mut ws, cmd, NOW).unwrap();
        history.record(before);
    }
    let mut undone = 0;
    while history.undo(&mut ws) {
        undone += 1;
    }
    assert_eq!(undone, UNDO_LIMIT);
    assert_eq!(ws.deals.len(), 20, "the oldest 20 steps are beyond the limit");
    history.redo(&mut ws);
    assert!(history.can_redo());
    history.record(ws.clone());
    assert!(!history.can_redo(), "a new change forgets what could be redone");
}
