//! Import, merge, undo and redo reach another tab's newer copy as the difference
//! they made, combined with it: never as an overwrite.

mod common;

use common::*;
use waypoint::core::command::{apply, Command};
use waypoint::core::editor::{Editor, StepReport};
use waypoint::core::files::combine::{combine, Prefer};
use waypoint::core::files::engine::Engine;
use waypoint::core::files::merge::checked_merge;
use waypoint::core::files::store::{keys, MemoryStore};
use waypoint::core::files::stored;
use waypoint::core::model::Workspace;

struct Tab {
    editor: Editor,
    ws: Workspace,
}

impl Tab {
    fn open(store: &mut MemoryStore, origin: &str) -> Tab {
        let (engine, started) = Engine::start(store, origin, workspace);
        let mut tab = Tab { editor: Editor::new(engine), ws: started.workspace };
        tab.save(store);
        tab
    }
    fn create(&mut self, customer: &str) {
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&self.ws), fields: fields(&self.ws, customer, 1), sample: false };
        self.editor.apply(&mut self.ws, cmd, NOW).unwrap();
    }
    fn save(&mut self, store: &mut MemoryStore) {
        if let Some(taken) = self.editor.engine.save_now(store, &self.ws, NOW).taken_in {
            self.ws = taken.workspace;
        }
    }
    fn hear(&mut self, store: &mut MemoryStore) {
        if let Some(taken) = self.editor.engine.other_tab_saved(store, &self.ws, NOW).taken_in {
            self.ws = taken.workspace;
        }
    }
}

fn customers(ws: &Workspace) -> Vec<String> {
    let mut all: Vec<String> = ws.deals.iter().filter(|d| !d.sample).map(|d| d.customer.clone()).collect();
    all.sort();
    all
}

fn stored_customers(store: &MemoryStore) -> Vec<String> {
    customers(&stored::decode(store.get(keys::WORKSPACE).unwrap()).unwrap())
}

/// Two tabs on one store, both up to date, with the samples gone.
fn two_tabs() -> (MemoryStore, Tab, Tab) {
    let mut store = MemoryStore::new();
    let mut a = Tab::open(&mut store, "a");
    a.editor.apply(&mut a.ws, Command::RemoveSamples, NOW).unwrap();
    a.save(&mut store);
    let b = Tab::open(&mut store, "b");
    (store, a, b)
}

#[test]
fn an_import_keeps_what_another_tab_saved_meanwhile() {
    let (mut store, mut a, mut b) = two_tabs();
    b.create("B's deal");
    let mut file = a.ws.clone();
    file.origin = "file".into();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&file), fields: fields(&file, "From the file", 1), sample: false };
    apply(&mut file, cmd, NOW).unwrap();
    a.editor.apply(&mut a.ws, Command::ReplaceWorkspace(Box::new(file)), NOW).unwrap();
    b.save(&mut store);
    a.save(&mut store);
    assert_eq!(stored_customers(&store), ["B's deal", "From the file"]);
    assert_eq!(customers(&a.ws), ["B's deal", "From the file"]);
}

#[test]
fn a_merge_keeps_what_another_tab_saved_meanwhile() {
    let (mut store, mut a, mut b) = two_tabs();
    b.create("B's deal");
    let mut file = workspace();
    file.origin = "mate".into();
    let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&file), fields: fields(&file, "Teammate's deal", 1), sample: false };
    apply(&mut file, cmd, NOW).unwrap();
    let merged = checked_merge(&a.ws, &file, common::NOW).unwrap().workspace;
    a.editor.apply(&mut a.ws, Command::ReplaceWorkspace(Box::new(merged)), NOW).unwrap();
    b.save(&mut store);
    a.save(&mut store);
    let kept = stored_customers(&store);
    assert!(kept.contains(&"B's deal".to_owned()) && kept.contains(&"Teammate's deal".to_owned()), "{kept:?}");
}

/// The case: A creates, B creates, A undoes: A's deal goes, B's stays.
#[test]
fn an_undo_removes_only_this_tabs_change() {
    let (mut store, mut a, mut b) = two_tabs();
    a.create("A's deal");
    a.save(&mut store);
    b.hear(&mut store);
    b.create("B's deal");
    assert_eq!(a.editor.undo(&mut a.ws), StepReport::Done);
    b.save(&mut store);
    a.save(&mut store);
    b.hear(&mut store);
    assert_eq!(stored_customers(&store), ["B's deal"]);
    assert_eq!(customers(&a.ws), ["B's deal"]);
    assert_eq!(customers(&b.ws), ["B's deal"]);
}

#[test]
fn undo_still_works_after_taking_in_another_tabs_save_and_never_reverts_it() {
    let (mut store, mut a, mut b) = two_tabs();
    a.create("A's deal");
    a.save(&mut store);
    b.hear(&mut store);
    b.create("B's deal");
    b.save(&mut store);
    a.hear(&mut store);
    assert_eq!(customers(&a.ws), ["A's deal", "B's deal"]);
    assert!(a.editor.can_undo(), "taking in B's save kept A's history");
    assert_eq!(a.editor.undo(&mut a.ws), StepReport::Done);
    assert_eq!(customers(&a.ws), ["B's deal"]);
    a.save(&mut store);
    assert_eq!(stored_customers(&store), ["B's deal"]);
    // And redo brings A's deal back on top of whatever is there now.
    assert_eq!(a.editor.redo(&mut a.ws), StepReport::Done);
    assert_eq!(customers(&a.ws), ["A's deal", "B's deal"]);
}

#[test]
fn a_redo_keeps_what_another_tab_saved_meanwhile() {
    let (mut store, mut a, mut b) = two_tabs();
    a.create("A's deal");
    a.editor.undo(&mut a.ws);
    a.save(&mut store);
    b.hear(&mut store);
    b.create("B's deal");
    a.editor.redo(&mut a.ws);
    b.save(&mut store);
    a.save(&mut store);
    assert_eq!(stored_customers(&store), ["A's deal", "B's deal"]);
}

#[test]
fn undoing_a_change_another_tab_changed_later_keeps_the_later_change_and_says_so() {
    let (mut store, mut a, mut b) = two_tabs();
    a.create("Acme");
    a.save(&mut store);
    b.hear(&mut store);
    let id = a.ws.deals[0].id.clone();
    a.editor.apply(&mut a.ws, Command::SetDealTags { deal_id: id.clone(), tags: vec!["A".into()] }, NOW + 1).unwrap();
    a.save(&mut store);
    b.hear(&mut store);
    b.editor.apply(&mut b.ws, Command::SetDealTags { deal_id: id.clone(), tags: vec!["B".into()] }, NOW + 2).unwrap();
    b.save(&mut store);
    a.hear(&mut store);
    assert_eq!(a.editor.undo(&mut a.ws), StepReport::Partly(1));
    assert_eq!(a.ws.deal(&id).unwrap().tags, ["B"], "B's later tag stays");
}

#[test]
fn undoing_what_another_tab_already_undid_says_so() {
    let (mut store, mut a, mut b) = two_tabs();
    a.create("Acme");
    a.save(&mut store);
    b.hear(&mut store);
    let id = b.ws.deals[0].id.clone();
    b.editor.apply(&mut b.ws, Command::DeleteDeal { deal_id: id }, NOW).unwrap();
    b.save(&mut store);
    a.hear(&mut store);
    assert_eq!(a.editor.undo(&mut a.ws), StepReport::AlreadyThere);
}

#[test]
fn a_deal_kept_in_a_stage_the_other_side_deleted_brings_the_stage_back() {
    let mut base = workspace();
    apply(&mut base, Command::RemoveSamples, NOW).unwrap();
    let (roadmap, last) = (roadmap_id(&base), stage_id(&base, 4));
    // Mine deletes the last stage (empty); theirs puts a new deal in it.
    let mut mine = base.clone();
    apply(&mut mine, Command::DeleteStage { roadmap_id: roadmap.clone(), stage_id: last.clone(), move_deals_to: None }, NOW).unwrap();
    let mut theirs = base.clone();
    theirs.origin = "t".into();
    let mut f = fields(&theirs, "In the last stage", 1);
    f.stage_id = last.clone();
    apply(&mut theirs, Command::CreateDeal { roadmap_id: roadmap.clone(), fields: f, sample: false }, NOW).unwrap();
    let combined = combine(&base, &mine, &theirs, Prefer::Mine).unwrap();
    assert_eq!(combined.restored, 1);
    assert!(combined.workspace.roadmap(&roadmap).unwrap().stage(&last).is_some());
    assert!(combined.workspace.deals.iter().any(|d| d.customer == "In the last stage"));
}

#[test]
fn a_reorder_on_one_side_and_an_addition_on_the_other_both_stay() {
    let base = workspace();
    let roadmap = roadmap_id(&base);
    let mut mine = base.clone();
    apply(&mut mine, Command::MoveStage { roadmap_id: roadmap.clone(), stage_id: stage_id(&base, 0), to_index: 2 }, NOW).unwrap();
    let mut theirs = base.clone();
    theirs.origin = "t".into();
    apply(&mut theirs, Command::AddStage { roadmap_id: roadmap.clone(), name: waypoint::core::text::Text::plain("Renewal") }, NOW).unwrap();
    let combined = combine(&base, &mine, &theirs, Prefer::Mine).unwrap().workspace;
    let stages = &combined.roadmap(&roadmap).unwrap().stages;
    assert_eq!(stages[2].id, stage_id(&base, 0), "mine's reorder");
    assert_eq!(stages.last().unwrap().name.get(waypoint::core::text::i18n::Lang::En), "Renewal", "theirs' new stage");
}
