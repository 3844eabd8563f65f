//! Several tabs on one workspace: when another tab saved a newer copy, this
//! tab's unsaved commands are applied again on top of it instead of writing
//! over it, so neither tab's work is lost.

use super::command::{apply, Command};
use super::model::{Timestamp, Workspace};

/// `theirs` with `pending` applied in order; a command that no longer fits (its
/// deal was deleted in the other tab, say) is dropped. Returns how many were dropped.
pub fn rebase(theirs: Workspace, pending: &[Command], now: Timestamp) -> (Workspace, usize) {
    let mut ws = theirs;
    let mut dropped = 0;
    for command in pending {
        if apply(&mut ws, command.clone(), now).is_err() {
            dropped += 1;
        }
    }
    (ws, dropped)
}
