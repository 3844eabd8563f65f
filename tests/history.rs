//! Undo and redo, and the property tests over random command sequences.

mod common;

use common::*;
use proptest::prelude::*;
use waypoint::core::command::{Command, Outcome};
use waypoint::core::editor::StepReport;
use waypoint::core::history::UNDO_LIMIT;
use waypoint::core::model::Workspace;
use waypoint::core::validate;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Any sequence of commands, accepted or refused, leaves a valid workspace; undoing
    /// all of them gives back the start, and redoing them gives back the end, exactly.
    #[test]
    fn commands_keep_the_workspace_valid_and_undo_redo_are_exact(
        ops in proptest::collection::vec((any::<u8>(), 0usize..20, 0usize..20, any::<bool>(), "[a-z]{0,6}"), 0..60)
    ) {
        let (mut editor, mut ws) = lone_tab();
        let start = ws.clone();
        let mut changes = 0;
        for (i, (kind, a, b, flag, text)) in ops.into_iter().enumerate() {
            let before = ws.clone();
            let cmd = command(&ws, kind, a, b, flag, &text);
            match editor.apply(&mut ws, cmd, NOW + i as i64) {
                Ok(Outcome::Changed | Outcome::Created(_)) => changes += 1,
                Ok(Outcome::Unchanged) => prop_assert_eq!(&ws, &before),
                Err(_) => prop_assert_eq!(&ws, &before, "a refused command changes nothing"),
            }
            prop_assert!(validate::check(&ws).is_ok());
        }
        let end = ws.clone();
        let steps = changes.min(UNDO_LIMIT);
        for _ in 0..steps {
            prop_assert_eq!(editor.undo(&mut ws), StepReport::Done);
        }
        prop_assert_eq!(editor.undo(&mut ws), StepReport::Nothing);
        if changes <= UNDO_LIMIT {
            // Exactly the start, but for the id counter, which never goes back.
            prop_assert!(ws.next_id >= end.next_id);
            prop_assert_eq!(&Workspace { next_id: start.next_id, ..ws.clone() }, &start);
        }
        for _ in 0..steps {
            prop_assert_eq!(editor.redo(&mut ws), StepReport::Done);
        }
        prop_assert_eq!(&Workspace { next_id: end.next_id, ..ws.clone() }, &end);
    }
}

#[test]
fn a_new_change_forgets_the_redo_and_the_history_keeps_a_hundred_steps() {
    let (mut editor, mut ws) = lone_tab();
    for i in 0..(UNDO_LIMIT + 20) {
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields(&ws, &format!("D{i}"), 1), sample: false };
        editor.apply(&mut ws, cmd, NOW).unwrap();
    }
    let mut undone = 0;
    while editor.undo(&mut ws) == StepReport::Done {
        undone += 1;
    }
    assert_eq!(undone, UNDO_LIMIT);
    assert_eq!(ws.deals.len(), 20, "the oldest 20 steps are beyond the limit");
    editor.redo(&mut ws);
    assert!(editor.can_redo());
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: fields(&ws, "New", 1), sample: false };
    editor.apply(&mut ws, cmd, NOW).unwrap();
    assert!(!editor.can_redo(), "a new change forgets what could be redone");
}

#[test]
fn without_the_codec_an_undo_waits_only_when_another_change_must_be_combined() {
    use waypoint::core::files::codec::Formats;
    use waypoint::core::history::{History, Stepped};
    let base = workspace();
    let mut created = base.clone();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&base), fields: fields(&base, "Acme", 1), sample: false };
    waypoint::core::command::apply(&mut created, cmd, NOW).unwrap();
    let mut history = History::default();
    history.record(base.clone(), created.clone());
    // Nothing else changed since: the codec is not needed.
    assert_eq!(history.clone().undo_with(None, &created), Stepped::Done(base.clone()));
    // Another tab's change came in since: combining needs the codec, so the step stays.
    let mut theirs = created.clone();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&theirs), fields: fields(&theirs, "Other", 2), sample: false };
    waypoint::core::command::apply(&mut theirs, cmd, NOW).unwrap();
    assert_eq!(history.undo_with(None, &theirs), Stepped::Nothing);
    assert!(history.can_undo(), "the step is kept for when the codec has loaded");
    match history.undo_with(Some(&Formats), &theirs) {
        Stepped::Done(ws) => {
            let customers: Vec<_> = ws.deals.iter().map(|d| d.customer.as_str()).collect();
            assert!(customers.contains(&"Other") && !customers.contains(&"Acme"), "{customers:?}");
        }
        other => panic!("expected the undo to be carried onto the other change, got {other:?}"),
    }
}
