//! The storage the save-and-sync engine writes to, as a small trait, and every key
//! Waypoint keeps in it.
//!
//! The browser adapter (`browser::storage`) implements [`Store`] over localStorage;
//! [`MemoryStore`] implements it in memory for native tests and can fail on demand,
//! so every storage failure the engine must survive is tested without a browser.

use std::collections::BTreeMap;

/// Every key Waypoint keeps in the browser's storage, in one place.
pub mod keys {
    /// The one versioned key the workspace lives under.
    pub const WORKSPACE: &str = "waypoint.workspace.v1";
    /// The copy saved before the last one, kept in case the last one is damaged.
    pub const PREVIOUS: &str = "waypoint.workspace.v1.previous";
    /// Where an unreadable stored copy is moved, so it is never overwritten by a save.
    pub const RECOVERY: &str = "waypoint.recovery";
    /// A counter raised by every save, written after the copy itself: other tabs
    /// listen for it, and a tab never writes over a revision newer than its own.
    pub const REVISION: &str = "waypoint.revision";
    /// The interface language chosen in this browser.
    pub const LANG: &str = "waypoint.lang";
    /// Who "I" am in this browser (for *My deals*).
    pub const ME: &str = "waypoint.me";
    /// Which facts the cards show.
    pub const CARD_FIELDS: &str = "waypoint.card-fields";
    /// Learn-mode stages read.
    pub const LEARNED: &str = "waypoint.learned";
    /// Self-check score history.
    pub const QUIZ_SCORES: &str = "waypoint.quiz-scores";
    /// This trainee's learning record (`core::learn::record`).
    pub const LEARNING_RECORD: &str = "waypoint.learning-record";
    /// The records a facilitator has gathered from the room.
    pub const ROOM: &str = "waypoint.room";
    /// The day the "today" list of follow-ups was last put away (YYYY-MM-DD).
    pub const TODAY_SEEN: &str = "waypoint.today-seen";
    /// "on" when this browser reminds of due follow-ups with notifications.
    pub const REMINDERS: &str = "waypoint.reminders";
    /// The day and the deals reminded of already that day (`YYYY-MM-DD:id,id`).
    pub const REMINDED: &str = "waypoint.reminded";
}

/// Why storage refused a read or a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreFailure {
    /// The browser's quota is full.
    Quota,
    /// No storage at all (disabled, or a private mode that blocks it).
    Unavailable,
    /// Anything else the browser reported, as it said it.
    Other(String),
    /// The write went through, but reading it back gave something else.
    Unverified,
}

/// What the engine needs of storage: read, write and remove a key.
pub trait Store {
    /// The text under `key`, or `None` when nothing is stored there.
    fn read(&self, key: &str) -> Result<Option<String>, StoreFailure>;
    /// Stores `value` under `key`, replacing what was there.
    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreFailure>;
    /// Removes `key` (nothing happens when it is not there).
    fn remove(&mut self, key: &str) -> Result<(), StoreFailure>;

    /// The revision of the stored workspace: 0 when none was saved (or it cannot be read).
    fn revision(&self) -> u64 {
        self.read(keys::REVISION).ok().flatten().and_then(|t| t.parse().ok()).unwrap_or(0)
    }
}

/// A fault [`MemoryStore`] injects into its next writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// Writes fail as if the quota were full.
    Quota,
    /// Writes of `key` store other text than was given (reading back shows it).
    Garbles(String),
    /// Storage is gone: reads and writes fail.
    Unavailable,
}

/// Storage in memory for tests: shared between "tabs" by reference, and able to
/// fail on demand (a full quota, a write that reads back different, no storage).
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    entries: BTreeMap<String, String>,
    fault: Option<Fault>,
    /// How many writes succeeded, for tests that check nothing was written.
    pub writes: usize,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// Makes every later write (or read, for `Unavailable`) fail this way, until [`MemoryStore::heal`].
    pub fn fail_with(&mut self, fault: Fault) {
        self.fault = Some(fault);
    }

    /// Ends an injected fault.
    pub fn heal(&mut self) {
        self.fault = None;
    }

    /// Sets a key directly, as another program (or a damaged disk) would.
    pub fn put(&mut self, key: &str, value: &str) {
        self.entries.insert(key.to_owned(), value.to_owned());
    }

    /// The text under `key`, ignoring faults.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries.get(key).map(String::as_str)
    }
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreFailure> {
        if self.fault == Some(Fault::Unavailable) {
            return Err(StoreFailure::Unavailable);
        }
        Ok(self.entries.get(key).cloned())
    }

    fn write(&mut self, key: &str, value: &str) -> Result<(), StoreFailure> {
        match &self.fault {
            Some(Fault::Quota) => return Err(StoreFailure::Quota),
            Some(Fault::Unavailable) => return Err(StoreFailure::Unavailable),
            Some(Fault::Garbles(garbled)) if garbled == key => {
                let cut: String = value.chars().take(value.chars().count() / 2).collect();
                self.entries.insert(key.to_owned(), cut);
                return Ok(());
            }
            _ => {}
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        self.writes += 1;
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreFailure> {
        if self.fault == Some(Fault::Unavailable) {
            return Err(StoreFailure::Unavailable);
        }
        self.entries.remove(key);
        Ok(())
    }
}
