//! Undo and redo, at most [`UNDO_LIMIT`] steps.
//!
//! Each step keeps the document just before and just after one change, so every
//! command (an import included) is undone the same way. Undoing carries the
//! difference `after → before` onto the document as it is now: when nothing else
//! happened since, that is exactly `before`; when another tab's save was taken in
//! meanwhile, its changes stay, and where it changed the same record later, its
//! change is kept and the person is told.

use std::collections::VecDeque;

use crate::core::files::codec::{Codec, Formats};
use crate::core::files::combine::{combine_quickly, Prefer};
use crate::core::model::Workspace;
use crate::core::validate::IntegrityError;

/// How many changes can be undone.
pub const UNDO_LIMIT: usize = 100;

/// One change: the document before and after it.
#[derive(Clone, Debug, PartialEq)]
struct Step {
    before: Workspace,
    after: Workspace,
}

/// What an undo or redo did.
#[derive(Clone, Debug, PartialEq)]
pub enum Stepped {
    /// Nothing to undo (or redo).
    Nothing,
    /// Done: the document to show.
    Done(Workspace),
    /// Done, but this many records another tab changed later keep that later change.
    Partly(Workspace, usize),
    /// Already as it would become: another tab made the same change (the step is used up).
    AlreadyThere,
    /// Cannot be done on the document as it is now (the step stays where it was).
    Refused(IntegrityError),
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: VecDeque<Step>,
    redo: VecDeque<Step>,
}

impl History {
    /// Remembers a change; a new change forgets what could be redone, and the oldest
    /// step goes past [`UNDO_LIMIT`].
    pub fn record(&mut self, before: Workspace, after: Workspace) {
        self.undo.push_back(Step { before, after });
        if self.undo.len() > UNDO_LIMIT {
            self.undo.pop_front();
        }
        self.redo.clear();
    }

    /// Steps back one change, on top of `current`.
    pub fn undo(&mut self, current: &Workspace) -> Stepped {
        self.undo_with(Some(&Formats), current)
    }

    /// Steps forward again one undone change, on top of `current`.
    pub fn redo(&mut self, current: &Workspace) -> Stepped {
        self.redo_with(Some(&Formats), current)
    }

    /// [`History::undo`] combining with `codec`. Without it only a step with nothing
    /// else changed since can be taken (the usual case); any other stays, and `Nothing`
    /// is returned (a first visit's first moments, before the codec has loaded).
    pub fn undo_with(&mut self, codec: Option<&dyn Codec>, current: &Workspace) -> Stepped {
        step(&mut self.undo, &mut self.redo, codec, current, |s| (&s.after, &s.before))
    }

    /// [`History::redo`] combining with `codec`, as [`History::undo_with`] does.
    pub fn redo_with(&mut self, codec: Option<&dyn Codec>, current: &Workspace) -> Stepped {
        step(&mut self.redo, &mut self.undo, codec, current, |s| (&s.before, &s.after))
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (a different document was opened).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// Takes the newest step off `from` and carries it onto `current` in the direction
/// `way` gives (from, to); a step that cannot be carried stays where it was, any
/// other moves to `to` (so it can be redone or undone again).
fn step(
    from: &mut VecDeque<Step>,
    to: &mut VecDeque<Step>,
    codec: Option<&dyn Codec>,
    current: &Workspace,
    way: fn(&Step) -> (&Workspace, &Workspace),
) -> Stepped {
    let Some(taken) = from.pop_back() else { return Stepped::Nothing };
    let (start, end) = way(&taken);
    let stepped = carry(codec, start, end, current);
    if matches!(stepped, Stepped::Refused(_) | Stepped::Nothing) {
        from.push_back(taken);
    } else {
        to.push_back(taken);
    }
    stepped
}

/// The change `from → to` carried onto `current`; later changes by others win.
fn carry(codec: Option<&dyn Codec>, from: &Workspace, to: &Workspace, current: &Workspace) -> Stepped {
    let combined = match combine_quickly(from, to, current) {
        Some(quick) => Ok(quick),
        None => match codec {
            Some(codec) => codec.combine(from, to, current, Prefer::Theirs),
            None => return Stepped::Nothing,
        },
    };
    let combined = match combined {
        Ok(combined) => combined,
        Err(why) => return Stepped::Refused(why),
    };
    if combined.conflicts > 0 {
        Stepped::Partly(combined.workspace, combined.conflicts)
    } else if combined.workspace == *current {
        Stepped::AlreadyThere
    } else {
        Stepped::Done(combined.workspace)
    }
}
