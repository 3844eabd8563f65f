//! The save-and-sync engine: every decision about the stored copy, as one value.
//!
//! It decides what to write and when, whether the stored copy is newer than the one
//! this tab knows (another tab saved), what to replay on top of it, which copy is the
//! previous good one, where a damaged copy is set aside, and what a failed or
//! unverified write means. It talks to storage only through [`Store`], so all of it
//! is tested natively with a store that fails on demand. The shell adapts
//! localStorage, the `storage` event and timers, and shows what the engine reports.
//!
//! Writing is crash-safe: the last good copy becomes the previous one, then the new
//! copy is written and read back, then the revision is raised (which tells other
//! tabs). A page that dies between two of these steps still holds a good copy.

use super::change::{replay_with, Change, Replayed};
use super::codec::{Codec, Formats, Packing};
use super::store::{keys, Store, StoreFailure};

use crate::core::files::envelope::{self, ImportError, StartFrom};
use crate::core::model::{Timestamp, Workspace};
use crate::core::validate;

/// Why the workspace could not start from the main stored copy.
#[derive(Clone, Debug, PartialEq)]
pub enum StartProblem {
    /// The main copy was unreadable (why); the previous good copy was restored.
    Restored(ImportError),
    /// Neither copy was readable (why the main one failed): a fresh workspace.
    Unreadable(ImportError),
    /// A newer build of Waypoint wrote the stored copy (its schema version). This
    /// build does not understand all of it, so it never writes over it.
    Newer(u64),
    /// Storage could not be read at all.
    Failed(StoreFailure),
}

/// What the app starts with.
#[derive(Clone, Debug, PartialEq)]
pub struct Started {
    /// The document to show.
    pub workspace: Workspace,
    /// What the person must be told about it.
    pub problem: Option<StartProblem>,
    /// A damaged copy could not be set aside (then nothing is written over it).
    pub failure: Option<StoreFailure>,
    /// A new or restored workspace is saved at once, so a reload shows the same one.
    pub save_at_start: bool,
}

/// What a save did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Saved {
    /// Another tab had saved a newer copy: this is it, with this tab's unsaved
    /// changes on top. The shell shows it.
    pub taken_in: Option<Replayed>,
    /// The write and its result; `None` when there was nothing to write.
    pub written: Option<Result<(), StoreFailure>>,
}

/// How a save in steps goes on.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Nothing is being saved (it was finished, dropped or never begun).
    Idle,
    /// Call `step` again (after a frame).
    More,
    /// Another tab saved meanwhile: save at once instead (`save_now`), which takes it in.
    Overtaken,
    /// Written (or failed): the result.
    Done(Result<(), StoreFailure>),
}

/// Where a save in steps has got to.
enum Phase {
    Packing(Box<dyn Packing>),
    /// Packed: next the last good copy becomes the previous one.
    Packed(String),
    /// The previous copy is written: next the new one, read back, then the revision.
    PreviousKept(String),
}

/// The whole save state of one tab.
pub struct Engine {
    /// This page's own id prefix: every workspace it works on mints new ids with it.
    origin: String,
    /// The revision of the copy this tab last loaded, saved or took in.
    known_revision: u64,
    /// The text of the last copy known to be good: it becomes the previous copy
    /// when the next one is written.
    last_good: Option<String>,
    /// Changes made here since the last save, replayed onto a newer copy.
    pending: Vec<Change>,
    /// A save being packed and written in steps, and its revision.
    saving: Option<(Phase, u64)>,
    /// The stored copy is of this newer schema version: nothing is written.
    newer: Option<u64>,
    /// A practice scenario or a shared link is open: nothing is recorded or saved.
    sandboxed: bool,
    /// Whether this document lives in storage at all (not for a detached engine).
    stored: bool,
    /// The last write failed like this; cleared by the next good one.
    failure: Option<StoreFailure>,
    /// How stored copies are read and written. A first visit starts without it (nothing
    /// is stored yet) and the shell hands it over once loaded; until then nothing is saved.
    codec: Option<&'static dyn Codec>,
}

impl Engine {
    /// Reads the stored workspace. A damaged main copy is moved to the recovery key
    /// (never written over); the previous good copy is used if it reads, else
    /// `fresh()`. A copy written by a newer build is left alone and never written over.
    pub fn start(store: &mut impl Store, origin: &str, fresh: impl FnOnce() -> Workspace) -> (Engine, Started) {
        let main = store.read(keys::WORKSPACE);
        Engine::start_with(store, main, Some(&Formats), origin, fresh)
    }

    /// Whether starting from this read of the main copy needs the codec: a copy is stored
    /// (a first visit starts without it).
    pub fn needs_codec_for(main: &Result<Option<String>, StoreFailure>) -> bool {
        matches!(main, Ok(Some(_)))
    }

    /// [`Engine::start`] from the main copy as the shell read it (once, to decide whether
    /// the codec must load first), with the codec it has loaded, if any; the codec unpacks it. Without one a stored copy cannot be read
    /// ([`Engine::needs_codec_for`] says to load it first): should that happen
    /// anyway, the app starts fresh and never writes over the stored copy.
    pub fn start_with(
        store: &mut impl Store,
        main: Result<Option<String>, StoreFailure>,
        codec: Option<&'static dyn Codec>,
        origin: &str,
        fresh: impl FnOnce() -> Workspace,
    ) -> (Engine, Started) {
        let mut engine = Engine { known_revision: store.revision(), stored: true, codec, ..Engine::detached(origin) };
        let main = match main {
            Ok(main) => main,
            Err(failure) => {
                let started =
                    Started { workspace: fresh(), problem: Some(StartProblem::Failed(failure)), failure: None, save_at_start: false };
                return (engine, started);
            }
        };
        let (text, codec) = match (main, codec) {
            (Some(main), Some(codec)) => (main, codec),
            (None, _) => {
                let started = Started { workspace: engine.adopt(fresh()), problem: None, failure: None, save_at_start: true };
                return (engine, started);
            }
            (Some(_), None) => {
                engine.stored = false;
                let problem = Some(StartProblem::Failed(StoreFailure::Unavailable));
                let started = Started { workspace: engine.adopt(fresh()), problem, failure: None, save_at_start: false };
                return (engine, started);
            }
        };
        let read_main = match codec.unpack(&text) {
            Ok(Some(json)) => codec.import_json(&json),
            Ok(None) => codec.import_json(&text),
            Err(error) => Err(error),
        };
        let mut previous = None;
        let from = envelope::start_from_read(Some(read_main), || {
            previous = store.read(keys::PREVIOUS).ok().flatten();
            previous.as_deref().map(|p| codec.decode(p))
        });
        let main = Some(text);
        let started = match from {
            StartFrom::Nothing => Started { workspace: fresh(), problem: None, failure: None, save_at_start: true },
            StartFrom::Main(workspace) => {
                engine.last_good = main;
                Started { workspace: *workspace, problem: None, failure: None, save_at_start: false }
            }
            StartFrom::Previous(_, ImportError::NewerVersion { found, .. })
            | StartFrom::Neither(ImportError::NewerVersion { found, .. }) => {
                engine.newer = Some(found);
                let workspace = previous.as_deref().and_then(|p| codec.decode(p).ok()).unwrap_or_else(fresh);
                Started { workspace, problem: Some(StartProblem::Newer(found)), failure: None, save_at_start: false }
            }
            StartFrom::Previous(workspace, error) => {
                let failure = store.write(keys::RECOVERY, main.as_deref().unwrap_or_default()).err();
                // Nothing good is in the main slot, so the first save writes it and
                // leaves the previous copy (the one restored) where it is.
                let save_at_start = failure.is_none();
                Started { workspace: *workspace, problem: Some(StartProblem::Restored(error)), failure, save_at_start }
            }
            StartFrom::Neither(error) => {
                let failure = store.write(keys::RECOVERY, main.as_deref().unwrap_or_default()).err();
                let save_at_start = failure.is_none();
                Started { workspace: fresh(), problem: Some(StartProblem::Unreadable(error)), failure, save_at_start }
            }
        };
        let started = Started { workspace: engine.adopt(started.workspace), ..started };
        (engine, started)
    }

    /// An engine for a document that is never stored (component tests): it records
    /// changes for undo's sake but never reads or writes storage.
    pub fn detached(origin: &str) -> Engine {
        Engine {
            stored: false,
            origin: origin.to_owned(),
            known_revision: 0,
            last_good: None,
            pending: Vec::new(),
            saving: None,
            newer: None,
            sandboxed: false,
            failure: None,
            codec: None,
        }
    }

    /// The codec, once the shell has loaded it (a first visit starts without it).
    pub fn set_codec(&mut self, codec: &'static dyn Codec) {
        self.codec = Some(codec);
    }

    /// Whether saves can be made: the codec is here.
    pub fn has_codec(&self) -> bool {
        self.codec.is_some()
    }

    /// The codec, once here (undo and redo combine with it too).
    pub fn codec(&self) -> Option<&'static dyn Codec> {
        self.codec
    }

    /// A workspace this page will work on (loaded, imported, received or from another
    /// tab) mints its new ids with this page's own origin. Ids already in it stay, so
    /// records keep their identity across files.
    pub fn adopt(&self, mut workspace: Workspace) -> Workspace {
        workspace.origin = self.origin.clone();
        validate::repair_id_counter(&mut workspace);
        workspace
    }

    /// Notes a change made here, to be saved (and replayed onto a newer copy if
    /// another tab saves first). A save in progress is dropped: it holds an older snapshot.
    pub fn record(&mut self, change: Change) {
        if self.sandboxed {
            return;
        }
        self.saving = None;
        self.pending.push(change);
    }

    /// A sandbox (practice scenario, shared link) opens or closes: while it is open
    /// nothing is recorded or saved. Anything unsaved from before stays unsaved.
    pub fn set_sandboxed(&mut self, on: bool) {
        self.sandboxed = on;
        self.saving = None;
    }

    /// Whether changes made here are not saved yet.
    pub fn has_unsaved(&self) -> bool {
        !self.pending.is_empty()
    }

    /// The schema version of a newer build's stored copy, while this build leaves it alone.
    pub fn newer_copy(&self) -> Option<u64> {
        self.newer
    }

    /// How the last write failed, until a good one.
    pub fn failure(&self) -> Option<&StoreFailure> {
        self.failure.as_ref()
    }

    /// Whether a save has anything to do, given the revision now stored: not in a
    /// sandbox or over a newer build's copy, and not when nothing changed here or
    /// in another tab since the last good copy.
    fn needs_saving(&self, stored: u64) -> bool {
        if !self.stored || self.sandboxed || self.newer.is_some() {
            return false;
        }
        let nothing_new = self.pending.is_empty() && self.last_good.is_some();
        !nothing_new || stored > self.known_revision
    }

    /// Drops a save in steps; true if there was one.
    pub fn cancel_save(&mut self) -> bool {
        self.saving.take().is_some()
    }

    /// Saves now. If another tab saved a newer copy, it is taken in first, with
    /// this tab's unsaved changes on top (`Saved::taken_in`), and that is written.
    pub fn save_now(&mut self, store: &mut impl Store, ws: &Workspace, now: Timestamp) -> Saved {
        self.saving = None;
        let stored = store.revision();
        let Some(codec) = self.codec.filter(|_| self.needs_saving(stored)) else {
            return Saved::default();
        };
        let mut saved = Saved::default();
        let mut text = None;
        if stored > self.known_revision {
            match self.take_in(store) {
                Ok(Some(replayed)) => {
                    text = Some(codec.encode(&replayed.workspace, now));
                    saved.taken_in = Some(replayed);
                }
                Ok(None) => {}
                Err(Some(failure)) => return self.outcome(saved, Err(failure)),
                Err(None) => return saved,
            }
        }
        let text = text.unwrap_or_else(|| codec.encode(ws, now));
        let revision = stored.max(self.known_revision) + 1;
        let result = self.keep_previous(store).and_then(|()| write_verified(store, &text));
        self.finish(store, saved, text, revision, result)
    }

    /// The newer copy another tab saved, with the pending changes on top. `Ok(None)`:
    /// it is damaged, so it is set aside and this tab's copy is written. `Err(None)`:
    /// a newer build wrote it, so nothing is written.
    fn take_in(&mut self, store: &mut impl Store) -> Result<Option<Replayed>, Option<StoreFailure>> {
        let Some(codec) = self.codec else { return Err(None) };
        let text = store.read(keys::WORKSPACE).map_err(Some)?.unwrap_or_default();
        match codec.decode(&text) {
            Ok(theirs) => {
                let replayed = replay_with(codec, self.adopt(theirs), &self.pending);
                self.last_good = Some(text);
                Ok(Some(replayed))
            }
            Err(ImportError::NewerVersion { found, .. }) => {
                self.newer = Some(found);
                Err(None)
            }
            Err(_) => {
                store.write(keys::RECOVERY, &text).map_err(Some)?;
                Ok(None)
            }
        }
    }

    /// Begins a save in steps (the autosave): packing a large workspace happens a
    /// slice at a time in [`Engine::step`]. When another tab saved a newer copy
    /// first, the save is done at once instead, and its result is returned.
    pub fn begin_save(&mut self, store: &mut impl Store, ws: &Workspace, now: Timestamp) -> Option<Saved> {
        self.saving = None;
        let stored = store.revision();
        let Some(codec) = self.codec.filter(|_| self.needs_saving(stored)) else {
            return Some(Saved::default());
        };
        if stored > self.known_revision {
            return Some(self.save_now(store, ws, now));
        }
        self.saving = Some((Phase::Packing(codec.packing(ws, now)), self.known_revision + 1));
        None
    }

    /// One step of a save begun by [`Engine::begin_save`]: about `slice` bytes of
    /// JSON packed, or one write.
    pub fn step(&mut self, store: &mut impl Store, slice: usize) -> Step {
        let Some((phase, revision)) = self.saving.take() else { return Step::Idle };
        let overtaken = store.revision() > self.known_revision;
        let phase = match phase {
            Phase::Packing(mut encoding) => {
                if encoding.step(slice) {
                    Phase::Packed(encoding.into_text())
                } else {
                    Phase::Packing(encoding)
                }
            }
            // Before anything is written, another tab that saved meanwhile comes first.
            Phase::Packed(_) | Phase::PreviousKept(_) if overtaken => return Step::Overtaken,
            Phase::Packed(text) => match self.keep_previous(store) {
                Ok(()) => Phase::PreviousKept(text),
                Err(failure) => {
                    self.failure = Some(failure.clone());
                    return Step::Done(Err(failure));
                }
            },
            Phase::PreviousKept(text) => {
                let result = write_verified(store, &text);
                let saved = self.finish(store, Saved::default(), text, revision, result);
                return Step::Done(saved.written.unwrap_or(Ok(())));
            }
        };
        self.saving = Some((phase, revision));
        Step::More
    }

    /// Another tab saved. With nothing unsaved here its copy is taken in as it is;
    /// otherwise this tab saves now, which puts its changes on top of it.
    pub fn other_tab_saved(&mut self, store: &mut impl Store, ws: &Workspace, now: Timestamp) -> Saved {
        let revision = store.revision();
        if !self.stored || self.sandboxed || self.newer.is_some() || self.codec.is_none() || revision <= self.known_revision {
            return Saved::default();
        }
        if !self.pending.is_empty() {
            return self.save_now(store, ws, now);
        }
        self.saving = None;
        match self.take_in(store) {
            Ok(Some(replayed)) => {
                self.known_revision = revision;
                Saved { taken_in: Some(replayed), written: None }
            }
            // A damaged copy (set aside now) or a newer build's: this tab's stays as it is.
            Ok(None) | Err(None) => Saved::default(),
            Err(Some(failure)) => self.outcome(Saved::default(), Err(failure)),
        }
    }

    /// The last good copy becomes the previous one, kept in case the next is damaged.
    fn keep_previous(&self, store: &mut impl Store) -> Result<(), StoreFailure> {
        match &self.last_good {
            Some(previous) => store.write(keys::PREVIOUS, previous),
            None => Ok(()),
        }
    }

    /// After the copy itself: on success the revision (which tells other tabs), and
    /// either way the failure is kept or cleared.
    fn finish(&mut self, store: &mut impl Store, saved: Saved, text: String, revision: u64, written: Result<(), StoreFailure>) -> Saved {
        let result = written.and_then(|()| store.write(keys::REVISION, &revision.to_string()));
        if result.is_ok() {
            self.last_good = Some(text);
            self.known_revision = revision;
            self.pending.clear();
        }
        self.outcome(saved, result)
    }

    fn outcome(&mut self, mut saved: Saved, result: Result<(), StoreFailure>) -> Saved {
        self.failure = result.as_ref().err().cloned();
        saved.written = Some(result);
        saved
    }
}

/// Writes the new copy and reads it back.
fn write_verified(store: &mut impl Store, text: &str) -> Result<(), StoreFailure> {
    store.write(keys::WORKSPACE, text)?;
    match store.read(keys::WORKSPACE)? {
        Some(back) if back == text => Ok(()),
        _ => Err(StoreFailure::Unverified),
    }
}
