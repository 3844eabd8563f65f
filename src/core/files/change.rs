//! Changes waiting to be saved, and how they are carried onto a newer copy.
//!
//! When another tab saved a newer copy, this tab's unsaved changes are applied
//! again on top of it instead of writing over it, so neither tab's work is lost.
//! An ordinary command is replayed as it is (a move, an edit). A change of the
//! whole document (an import, a merge, an undo or redo) travels as the difference
//! it made, combined three-way with the newer copy: never as an overwrite.

use super::codec::{Codec, Formats};
use super::combine::Prefer;
use crate::core::command::{apply_by, Command};
use crate::core::model::{Timestamp, Workspace};

/// One unsaved change of this tab.
#[derive(Clone, Debug, PartialEq)]
pub enum Change {
    /// An ordinary command, replayed as it is. `first_id` is the id counter it
    /// started from here: replayed from the same counter (the origin is this tab's
    /// own), it mints the same ids, so later changes that name them still fit.
    Command {
        /// The command.
        command: Box<Command>,
        /// The workspace's `next_id` when it was applied here.
        first_id: u64,
        /// When it was applied here: replayed with the same time, it makes the same records.
        at: Timestamp,
        /// Who made it, named again on what it changes when it is replayed.
        by: String,
    },
    /// The whole document went from `before` to `after` (an import, a merge, an undo
    /// or a redo); carried onto a newer copy as that difference.
    Whole {
        /// The document just before the change.
        before: Box<Workspace>,
        /// The document the change made.
        after: Box<Workspace>,
    },
}

impl Change {
    /// How a command applied here travels to other tabs: a replacement of the
    /// document as the difference it made, anything else as itself.
    pub fn of_command(command: Command, before: &Workspace, after: &Workspace, at: Timestamp, by: &str) -> Change {
        match command {
            Command::ReplaceWorkspace(_) => Change::whole(before, after),
            command => Change::Command { command: Box::new(command), first_id: before.next_id, at, by: by.to_owned() },
        }
    }

    /// A whole-document change from `before` to `after`.
    pub fn whole(before: &Workspace, after: &Workspace) -> Change {
        Change::Whole { before: Box::new(before.clone()), after: Box::new(after.clone()) }
    }
}

/// A newer copy with this tab's unsaved changes on top.
#[derive(Clone, Debug, PartialEq)]
pub struct Replayed {
    /// The result.
    pub workspace: Workspace,
    /// Changes that no longer fit (their deal was deleted in the other tab, say).
    pub dropped: usize,
    /// Records both tabs changed, where this tab's change won a field.
    pub conflicts: usize,
}

/// `theirs` with `pending` applied in order. A change that no longer fits is
/// dropped and counted; the rest still apply.
pub fn replay(theirs: Workspace, pending: &[Change]) -> Replayed {
    replay_with(&Formats, theirs, pending)
}

/// [`replay`], combining whole-document changes with `codec` (the engine passes its own).
pub fn replay_with(codec: &dyn Codec, theirs: Workspace, pending: &[Change]) -> Replayed {
    let mut out = Replayed { workspace: theirs, dropped: 0, conflicts: 0 };
    for change in pending {
        match change {
            Change::Command { command, first_id, at, by } => {
                let ws = &mut out.workspace;
                let counter = ws.next_id;
                ws.next_id = *first_id;
                if apply_by(ws, (**command).clone(), *at, by).is_err() {
                    out.dropped += 1;
                }
                ws.next_id = ws.next_id.max(counter);
            }
            Change::Whole { before, after } => match codec.combine(before, after, &out.workspace, Prefer::Mine) {
                Ok(combined) => {
                    out.conflicts += combined.conflicts;
                    out.workspace = combined.workspace;
                }
                Err(_) => out.dropped += 1,
            },
        }
    }
    out
}
