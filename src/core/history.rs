//! Undo and redo: the document as it was before each change, at least 100 steps.
//!
//! Snapshots rather than inverse commands: every command (an import included)
//! is undone the same way, and an undo can never disagree with what `apply` did.

use super::model::Workspace;

pub const UNDO_LIMIT: usize = 100;

#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Workspace>,
    redo: Vec<Workspace>,
}

impl History {
    /// Remembers the document as it was before a change; a new change forgets what could be redone.
    pub fn record(&mut self, before: Workspace) {
        self.undo.push(before);
        if self.undo.len() > UNDO_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Steps back; false when there is nothing to undo.
    pub fn undo(&mut self, current: &mut Workspace) -> bool {
        let Some(before) = self.undo.pop() else { return false };
        self.redo.push(std::mem::replace(current, before));
        true
    }

    /// Steps forward again; false when there is nothing to redo.
    pub fn redo(&mut self, current: &mut Workspace) -> bool {
        let Some(after) = self.redo.pop() else { return false };
        self.undo.push(std::mem::replace(current, after));
        true
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
