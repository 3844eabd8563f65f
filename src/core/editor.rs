//! One tab's editing of its document: each command goes through here, so the undo
//! history and the save-and-sync engine always hear of the same changes.
//!
//! The shell keeps the document in a reactive signal and this beside it; native
//! tests drive several "tabs" of these over one in-memory store.

use crate::core::command::{apply_by, Command, CommandError, Outcome};
use crate::core::files::change::Change;
use crate::core::files::engine::Engine;
use crate::core::history::{History, Stepped};
use crate::core::model::{Timestamp, Workspace};
use crate::core::validate::IntegrityError;

/// What an undo or redo did, for the person to be told.
#[derive(Clone, Debug, PartialEq)]
pub enum StepReport {
    /// Nothing to undo (or redo).
    Nothing,
    /// Done.
    Done,
    /// Done, except on this many records another tab changed since: they keep that change.
    Partly(usize),
    /// Another tab had already made the same change; nothing was left to do.
    AlreadyThere,
    /// The document as it is now cannot take it (why); nothing changed.
    Refused(IntegrityError),
}

/// The undo history and the save-and-sync engine of one tab.
pub struct Editor {
    /// Saving, loading and other tabs.
    pub engine: Engine,
    /// Who is making the changes: the "I am" name chosen in this browser, or empty.
    pub author: String,
    history: History,
}

impl Editor {
    /// A tab whose saving starts as `engine` says.
    pub fn new(engine: Engine) -> Self {
        Editor { engine, author: String::new(), history: History::default() }
    }

    /// Applies `command` to `ws`; a change is remembered for undo and for saving.
    pub fn apply(&mut self, ws: &mut Workspace, command: Command, now: Timestamp) -> Result<Outcome, CommandError> {
        // A document from elsewhere (a file, a merge) mints its new ids with this page's origin.
        let command = match command {
            Command::ReplaceWorkspace(next) => Command::ReplaceWorkspace(Box::new(self.engine.adopt(*next))),
            command => command,
        };
        let before = ws.clone();
        let replay = command.clone();
        let outcome = apply_by(ws, command, now, &self.author)?;
        if matches!(outcome, Outcome::Changed | Outcome::Created(_)) {
            self.engine.record(Change::of_command(replay, &before, ws, now, &self.author));
            self.history.record(before, ws.clone());
        }
        Ok(outcome)
    }

    /// Steps `ws` back one change of this tab's, keeping other tabs' changes.
    pub fn undo(&mut self, ws: &mut Workspace) -> StepReport {
        let stepped = self.history.undo_with(self.engine.codec(), ws);
        self.take(ws, stepped)
    }

    /// Steps `ws` forward again one undone change.
    pub fn redo(&mut self, ws: &mut Workspace) -> StepReport {
        let stepped = self.history.redo_with(self.engine.codec(), ws);
        self.take(ws, stepped)
    }

    fn take(&mut self, ws: &mut Workspace, stepped: Stepped) -> StepReport {
        let (next, report) = match stepped {
            Stepped::Nothing => return StepReport::Nothing,
            Stepped::AlreadyThere => return StepReport::AlreadyThere,
            Stepped::Refused(why) => return StepReport::Refused(why),
            Stepped::Done(next) => (next, StepReport::Done),
            Stepped::Partly(next, kept) => (next, StepReport::Partly(kept)),
        };
        // The id counter never goes back: an id undone here may live on in another
        // tab or a file, so it is never minted again for something else.
        let mut next = next;
        next.next_id = next.next_id.max(ws.next_id);
        // To another tab, an undo is the difference it made, never the whole document.
        self.engine.record(Change::whole(ws, &next));
        *ws = next;
        report
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// A different document is open (a sandbox, or back to one's own): its own, empty history.
    pub fn forget_history(&mut self) {
        self.history.clear();
    }
}
