//! The save-and-sync engine over an in-memory store that fails on demand.

mod common;

use common::*;
use waypoint::core::command::Command;
use waypoint::core::editor::Editor;
use waypoint::core::files::engine::{Engine, StartProblem, Step};
use waypoint::core::files::envelope::ImportError;
use waypoint::core::files::store::{keys, Fault, MemoryStore, Store, StoreFailure};
use waypoint::core::files::stored;
use waypoint::core::model::SCHEMA_VERSION;

fn open(store: &mut MemoryStore, origin: &str) -> (Editor, waypoint::core::model::Workspace) {
    let (engine, started) = Engine::start(store, origin, workspace);
    (Editor::new(engine), started.workspace)
}

fn create(editor: &mut Editor, ws: &mut waypoint::core::model::Workspace, customer: &str) {
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: fields(ws, customer, 1), sample: false };
    editor.apply(ws, cmd, NOW).unwrap();
}

fn stored_customers(store: &MemoryStore) -> Vec<String> {
    let ws = stored::decode(store.get(keys::WORKSPACE).unwrap()).unwrap();
    ws.deals.iter().map(|d| d.customer.clone()).collect()
}

#[test]
fn a_first_visit_is_saved_at_once_and_a_save_keeps_the_previous_copy() {
    let mut store = MemoryStore::new();
    let (engine, started) = Engine::start(&mut store, "a", workspace);
    assert!(started.save_at_start && started.problem.is_none());
    let (mut editor, mut ws) = (Editor::new(engine), started.workspace);
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, Some(Ok(())));
    let first = store.get(keys::WORKSPACE).unwrap().to_owned();
    assert_eq!(store.revision(), 1);
    create(&mut editor, &mut ws, "Acme");
    editor.engine.save_now(&mut store, &ws, NOW);
    assert_eq!(store.get(keys::PREVIOUS), Some(first.as_str()), "the last good copy became the previous one");
    assert_eq!(store.revision(), 2);
    assert!(stored_customers(&store).contains(&"Acme".to_owned()));
    // Nothing new: nothing is written.
    let writes = store.writes;
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, None);
    assert_eq!(store.writes, writes);
}

#[test]
fn a_full_quota_is_reported_and_the_change_is_saved_once_there_is_room() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    let before = store.get(keys::WORKSPACE).unwrap().to_owned();
    create(&mut editor, &mut ws, "Acme");
    store.fail_with(Fault::Quota);
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, Some(Err(StoreFailure::Quota)));
    assert_eq!(editor.engine.failure(), Some(&StoreFailure::Quota));
    assert_eq!(store.get(keys::WORKSPACE), Some(before.as_str()), "the stored copy is untouched");
    assert!(editor.engine.has_unsaved());
    store.heal();
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, Some(Ok(())));
    assert_eq!(editor.engine.failure(), None);
    assert!(stored_customers(&store).contains(&"Acme".to_owned()));
}

#[test]
fn a_write_that_reads_back_different_is_reported_and_the_next_start_restores_the_previous_copy() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    create(&mut editor, &mut ws, "Acme");
    store.fail_with(Fault::Garbles(keys::WORKSPACE.into()));
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, Some(Err(StoreFailure::Unverified)));
    assert_eq!(store.revision(), 1, "an unverified copy never raises the revision");
    store.heal();
    let damaged = store.get(keys::WORKSPACE).unwrap().to_owned();
    let (_, started) = Engine::start(&mut store, "b", workspace);
    assert!(matches!(started.problem, Some(StartProblem::Restored(ImportError::Damaged))), "{:?}", started.problem);
    assert_eq!(store.get(keys::RECOVERY), Some(damaged.as_str()), "the damaged text is set aside, not overwritten");
    assert!(started.save_at_start);
}

#[test]
fn damaged_text_with_no_good_copy_starts_fresh_and_keeps_the_text() {
    let mut store = MemoryStore::new();
    store.put(keys::WORKSPACE, "{ not json");
    let (_, started) = Engine::start(&mut store, "a", workspace);
    assert!(matches!(started.problem, Some(StartProblem::Unreadable(ImportError::NotJson { .. }))));
    assert_eq!(store.get(keys::RECOVERY), Some("{ not json"));
}

#[test]
fn no_storage_at_all_is_reported_and_nothing_is_written() {
    let mut store = MemoryStore::new();
    store.fail_with(Fault::Unavailable);
    let (mut engine, started) = Engine::start(&mut store, "a", workspace);
    assert_eq!(started.problem, Some(StartProblem::Failed(StoreFailure::Unavailable)));
    assert!(!started.save_at_start);
    assert_eq!(engine.save_now(&mut store, &started.workspace, NOW).written, Some(Err(StoreFailure::Unavailable)));
}

#[test]
fn a_copy_from_a_newer_build_is_never_written_over() {
    let mut store = MemoryStore::new();
    let newer = waypoint::core::files::envelope::export_json(&workspace(), NOW).replacen(
        &format!("\"version\": {SCHEMA_VERSION}"),
        "\"version\": 9",
        1,
    );
    store.put(keys::WORKSPACE, &newer);
    store.put(keys::REVISION, "4");
    let (engine, started) = Engine::start(&mut store, "a", workspace);
    assert_eq!(started.problem, Some(StartProblem::Newer(9)));
    let (mut editor, mut ws) = (Editor::new(engine), started.workspace);
    create(&mut editor, &mut ws, "Acme");
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, None);
    assert_eq!(store.get(keys::WORKSPACE), Some(newer.as_str()));
    assert_eq!(store.get(keys::RECOVERY), None);
    assert_eq!(editor.engine.newer_copy(), Some(9));
}

#[test]
fn a_newer_build_saving_in_another_tab_stops_this_one_writing() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    let newer = waypoint::core::files::envelope::export_json(&workspace(), NOW).replacen(
        &format!("\"version\": {SCHEMA_VERSION}"),
        &format!("\"version\": {}", SCHEMA_VERSION + 1),
        1,
    );
    store.put(keys::WORKSPACE, &newer);
    store.put(keys::REVISION, "2");
    create(&mut editor, &mut ws, "Acme");
    let saved = editor.engine.save_now(&mut store, &ws, NOW);
    assert_eq!(saved.written, None);
    assert_eq!(editor.engine.newer_copy(), Some(u64::from(SCHEMA_VERSION) + 1));
    assert_eq!(store.get(keys::WORKSPACE), Some(newer.as_str()));
}

#[test]
fn another_writer_between_packing_and_writing_is_taken_in_not_overwritten() {
    let mut store = MemoryStore::new();
    let (mut a, mut a_ws) = open(&mut store, "a");
    a.engine.save_now(&mut store, &a_ws, NOW);
    let (mut b, mut b_ws) = open(&mut store, "b");
    create(&mut a, &mut a_ws, "From A");
    assert!(a.engine.begin_save(&mut store, &a_ws, NOW).is_none(), "a save in steps begins");
    assert_eq!(a.engine.step(&mut store, usize::MAX), Step::More, "packed");
    // B saves while A's save is between steps.
    create(&mut b, &mut b_ws, "From B");
    b.engine.save_now(&mut store, &b_ws, NOW);
    assert_eq!(a.engine.step(&mut store, usize::MAX), Step::Overtaken, "A writes nothing over B's copy");
    let saved = a.engine.save_now(&mut store, &a_ws, NOW);
    let taken = saved.taken_in.expect("A takes B's copy in");
    assert_eq!(saved.written, Some(Ok(())));
    let shown: Vec<_> = taken.workspace.deals.iter().map(|d| d.customer.clone()).collect();
    assert!(shown.contains(&"From A".into()) && shown.contains(&"From B".into()));
    assert_eq!(stored_customers(&store), shown);
}

#[test]
fn a_change_during_a_save_in_steps_drops_it_and_the_next_save_has_both() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    create(&mut editor, &mut ws, "One");
    assert!(editor.engine.begin_save(&mut store, &ws, NOW).is_none());
    create(&mut editor, &mut ws, "Two");
    assert_eq!(editor.engine.step(&mut store, usize::MAX), Step::Idle, "the older snapshot is dropped");
    assert!(editor.engine.begin_save(&mut store, &ws, NOW).is_none());
    while let Step::More = editor.engine.step(&mut store, 64) {}
    let kept = stored_customers(&store);
    assert!(kept.contains(&"One".into()) && kept.contains(&"Two".into()));
}

#[test]
fn another_tabs_damaged_copy_is_set_aside_and_this_tabs_copy_written() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    store.put(keys::WORKSPACE, "wp1z:999:broken");
    store.put(keys::REVISION, "5");
    create(&mut editor, &mut ws, "Acme");
    let saved = editor.engine.save_now(&mut store, &ws, NOW);
    assert_eq!(saved.written, Some(Ok(())));
    assert_eq!(store.get(keys::RECOVERY), Some("wp1z:999:broken"));
    assert_eq!(store.revision(), 6);
    assert!(stored_customers(&store).contains(&"Acme".into()));
}

#[test]
fn a_sandbox_records_and_saves_nothing() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    editor.engine.save_now(&mut store, &ws, NOW);
    editor.engine.set_sandboxed(true);
    create(&mut editor, &mut ws, "Practice");
    assert!(!editor.engine.has_unsaved());
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, None);
}

#[test]
fn a_detached_engine_never_touches_storage() {
    let mut store = MemoryStore::new();
    let ws = workspace();
    let mut editor = Editor::new(Engine::detached("t"));
    let mut shown = ws.clone();
    create(&mut editor, &mut shown, "Acme");
    assert_eq!(editor.engine.save_now(&mut store, &shown, NOW).written, None);
    assert_eq!(store.writes, 0);
}

#[test]
fn a_first_visit_starts_without_the_codec_and_saves_once_it_is_handed_over() {
    use waypoint::core::files::codec::Formats;
    let mut store = MemoryStore::new();
    assert!(!Engine::needs_codec_for(&store.read(keys::WORKSPACE)), "nothing stored: nothing to read");
    let main = store.read(keys::WORKSPACE);
    let (engine, started) = Engine::start_with(&mut store, main, None, "a", workspace);
    assert!(started.save_at_start && started.problem.is_none());
    assert_eq!(started.workspace.origin, "a", "the fresh workspace mints this page's ids");
    let (mut editor, mut ws) = (Editor::new(engine), started.workspace);
    assert!(!editor.engine.has_codec());
    create(&mut editor, &mut ws, "Acme");
    // Without the codec nothing can be written: the change waits, nothing is lost.
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, None);
    assert_eq!(editor.engine.begin_save(&mut store, &ws, NOW).map(|s| s.written), Some(None));
    assert_eq!(store.writes, 0);
    assert!(editor.engine.has_unsaved());
    editor.engine.set_codec(&Formats);
    assert_eq!(editor.engine.save_now(&mut store, &ws, NOW).written, Some(Ok(())));
    assert!(stored_customers(&store).contains(&"Acme".to_owned()));
    assert!(!editor.engine.has_unsaved());
    assert!(Engine::needs_codec_for(&store.read(keys::WORKSPACE)), "a stored copy needs the codec to be read");
}

#[test]
fn a_stored_copy_met_without_the_codec_is_never_written_over() {
    let mut store = MemoryStore::new();
    let (mut editor, mut ws) = open(&mut store, "a");
    create(&mut editor, &mut ws, "Acme");
    editor.engine.save_now(&mut store, &ws, NOW);
    let kept = store.get(keys::WORKSPACE).unwrap().to_owned();
    let main = store.read(keys::WORKSPACE);
    let (engine, started) = Engine::start_with(&mut store, main, None, "b", workspace);
    assert_eq!(started.problem, Some(StartProblem::Failed(StoreFailure::Unavailable)));
    assert!(!started.save_at_start);
    let (mut editor, mut ws) = (Editor::new(engine), started.workspace);
    editor.engine.set_codec(&waypoint::core::files::codec::Formats);
    create(&mut editor, &mut ws, "Other");
    editor.engine.save_now(&mut store, &ws, NOW);
    assert_eq!(store.get(keys::WORKSPACE), Some(kept.as_str()), "the stored copy is untouched");
}
