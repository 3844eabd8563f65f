//! Two tabs of one browser on one stored workspace, driven through the real
//! editor and save-and-sync engine over an in-memory store: random interleavings
//! of commands, imports, merges, undo, redo, saves (at once and in steps),
//! storage events and reloads never lose an edit.

mod common;

use std::collections::BTreeSet;

use common::*;
use proptest::prelude::*;
use waypoint::core::command::Command;
use waypoint::core::editor::{Editor, StepReport};
use waypoint::core::files::engine::{Engine, Saved, Step};
use waypoint::core::files::merge::checked_merge;
use waypoint::core::files::store::MemoryStore;
use waypoint::core::files::stored;
use waypoint::core::model::Workspace;

/// One step of a tab's own history, as the model sees it.
#[derive(Clone, Debug)]
enum Made {
    /// A deal with this customer name was created (by a command, an import or a merge).
    Deal(String),
    Other,
}

struct Tab {
    name: &'static str,
    editor: Editor,
    ws: Workspace,
    /// The model of this tab's undo and redo stacks.
    undo: Vec<Made>,
    redo: Vec<Made>,
}

impl Tab {
    fn open(store: &mut MemoryStore, name: &'static str) -> Tab {
        let (engine, started) = Engine::start(store, name, workspace);
        let mut tab = Tab { name, editor: Editor::new(engine), ws: started.workspace, undo: Vec::new(), redo: Vec::new() };
        if started.save_at_start {
            tab.save_now(store, NOW);
        }
        tab
    }

    fn take(&mut self, saved: Saved) {
        if let Some(replayed) = saved.taken_in {
            self.ws = replayed.workspace;
        }
    }

    fn save_now(&mut self, store: &mut MemoryStore, now: i64) {
        let saved = self.editor.engine.save_now(store, &self.ws, now);
        assert!(saved.written.clone().unwrap_or(Ok(())).is_ok());
        self.take(saved);
    }

    fn made(&mut self, made: Made) {
        self.undo.push(made);
        self.redo.clear();
    }

    fn create(&mut self, customer: &str, now: i64) {
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&self.ws), fields: fields(&self.ws, customer, 100), sample: false };
        self.editor.apply(&mut self.ws, cmd, now).unwrap();
        self.made(Made::Deal(customer.into()));
    }

    /// A file holding everything this tab shows plus one new deal, as a teammate's export would.
    fn file_with(&self, customer: &str, now: i64) -> Workspace {
        let mut file = self.ws.clone();
        file.origin = format!("file{customer}");
        let cmd = Command::CreateDeal { roadmap_id: roadmap_id(&file), fields: fields(&file, customer, 300), sample: false };
        waypoint::core::command::apply(&mut file, cmd, now).unwrap();
        file
    }

    fn import(&mut self, customer: &str, now: i64) {
        let file = self.file_with(customer, now);
        self.editor.apply(&mut self.ws, Command::ReplaceWorkspace(Box::new(file)), now).unwrap();
        self.made(Made::Deal(customer.into()));
    }

    fn merge(&mut self, customer: &str, now: i64) {
        let file = self.file_with(customer, now);
        let merged = checked_merge(&self.ws, &file, common::NOW).unwrap().workspace;
        self.editor.apply(&mut self.ws, Command::ReplaceWorkspace(Box::new(merged)), now).unwrap();
        self.made(Made::Deal(customer.into()));
    }

    fn move_some(&mut self, pick: usize, now: i64) -> Option<String> {
        let deal = self.ws.deals.get(pick % self.ws.deals.len().max(1))?.clone();
        let roadmap = self.ws.roadmap(&deal.roadmap_id)?;
        let at = roadmap.stage_index(&deal.stage_id)?;
        let to = roadmap.stages[(at + 1) % roadmap.stages.len()].id.clone();
        // Backwards moves are never gated; forward ones are confirmed.
        let cmd = Command::MoveDeal { deal_id: deal.id.clone(), to_stage: to, confirmed: true };
        if self.editor.apply(&mut self.ws, cmd, now).is_ok() {
            self.made(Made::Other);
            return Some(deal.customer.clone());
        }
        None
    }

    fn undo(&mut self) {
        match self.editor.undo(&mut self.ws) {
            StepReport::Nothing | StepReport::Refused(_) => {}
            _ => {
                let step = self.undo.pop().expect("the model has a step too");
                self.redo.push(step);
            }
        }
    }

    fn redo(&mut self) {
        match self.editor.redo(&mut self.ws) {
            StepReport::Nothing | StepReport::Refused(_) => {}
            _ => {
                let step = self.redo.pop().expect("the model has a step too");
                self.undo.push(step);
            }
        }
    }

    fn save_in_steps(&mut self, store: &mut MemoryStore, steps: usize, now: i64) {
        if let Some(saved) = self.editor.engine.begin_save(store, &self.ws, now) {
            return self.take(saved);
        }
        for _ in 0..steps {
            match self.editor.engine.step(store, 64) {
                Step::More => {}
                Step::Overtaken => return self.save_now(store, now),
                Step::Idle | Step::Done(_) => return,
            }
        }
    }

    fn storage_event(&mut self, store: &mut MemoryStore, now: i64) {
        let saved = self.editor.engine.other_tab_saved(store, &self.ws, now);
        self.take(saved);
    }

    /// The page is left (it saves at once) and opened again: a new editor, no history.
    fn reload(&mut self, store: &mut MemoryStore, now: i64) {
        self.save_now(store, now);
        *self = Tab::open(store, self.name);
    }
}

fn customers(ws: &Workspace) -> BTreeSet<String> {
    ws.deals.iter().map(|d| d.customer.clone()).collect()
}

#[derive(Clone, Debug)]
enum Op {
    Create,
    Import,
    Merge,
    Move(usize),
    Undo,
    Redo,
    SaveNow,
    SaveInSteps(usize),
    StorageEvent,
    Reload,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Create),
        1 => Just(Op::Import),
        1 => Just(Op::Merge),
        2 => (0usize..50).prop_map(Op::Move),
        3 => Just(Op::Undo),
        1 => Just(Op::Redo),
        2 => Just(Op::SaveNow),
        2 => (0usize..6).prop_map(Op::SaveInSteps),
        3 => Just(Op::StorageEvent),
        1 => Just(Op::Reload),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the interleaving, once both tabs have saved and heard of each
    /// other: every deal a tab created and has not undone is there, in the stored
    /// copy and in both tabs; a deal a tab undid is gone unless the other tab changed
    /// it meanwhile; and both tabs show the stored copy.
    #[test]
    fn no_edit_is_lost_between_two_tabs(ops in proptest::collection::vec((any::<bool>(), op()), 1..60)) {
        let mut store = MemoryStore::new();
        let mut tabs = [Tab::open(&mut store, "a"), Tab::open(&mut store, "b")];
        tabs[1].storage_event(&mut store, NOW);
        let mut touched_by_other: BTreeSet<String> = BTreeSet::new();
        let mut counter = 0;
        for (i, (second, op)) in ops.into_iter().enumerate() {
            let now = NOW + 1 + i as i64;
            let t = usize::from(second);
            let tab = &mut tabs[t];
            counter += 1;
            let customer = format!("{}{counter}", tab.name);
            match op {
                Op::Create => tab.create(&customer, now),
                Op::Import => tab.import(&customer, now),
                Op::Merge => tab.merge(&customer, now),
                Op::Move(pick) => {
                    if let Some(moved) = tab.move_some(pick, now) {
                        if !moved.starts_with(tab.name) {
                            touched_by_other.insert(moved);
                        }
                    }
                }
                Op::Undo => tab.undo(),
                Op::Redo => tab.redo(),
                Op::SaveNow => tab.save_now(&mut store, now),
                Op::SaveInSteps(steps) => tab.save_in_steps(&mut store, steps, now),
                Op::StorageEvent => tab.storage_event(&mut store, now),
                Op::Reload => tab.reload(&mut store, now),
            }
        }
        let end = NOW + 10_000;
        for _ in 0..2 {
            for tab in &mut tabs {
                tab.save_now(&mut store, end);
            }
            for tab in &mut tabs {
                tab.storage_event(&mut store, end);
            }
        }
        let stored = stored::decode(store.get("waypoint.workspace.v1").unwrap()).unwrap();
        let kept = customers(&stored);
        for tab in &tabs {
            prop_assert_eq!(&customers(&tab.ws), &kept, "tab {} shows the stored copy", tab.name);
            for made in &tab.undo {
                if let Made::Deal(customer) = made {
                    prop_assert!(kept.contains(customer), "{} created {} and did not undo it", tab.name, customer);
                }
            }
            for made in &tab.redo {
                if let Made::Deal(customer) = made {
                    if !touched_by_other.contains(customer) {
                        prop_assert!(!kept.contains(customer), "{} undid {} and nobody else touched it", tab.name, customer);
                    }
                }
            }
        }
    }
}
