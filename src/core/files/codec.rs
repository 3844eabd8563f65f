//! Waypoint's JSON as the rest of the program reaches it: the stored copy (unpacking it
//! too), the export file, share links and the field-by-field combination of records, behind
//! one trait object.
//!
//! Reading and writing JSON is most of the code a workspace needs (serde's generated
//! readers and writers for the whole model, deflate and inflate, the checks), and a first
//! visit uses none of it before its board is up: there is nothing stored to read yet, and
//! the sample workspace is made, not read. The save-and-sync engine and the shell hold a
//! `&'static dyn Codec`, so a split build can load all of that code after the first
//! screen (the shell's `ui::files::codec`) while native tests use [`Formats`] directly.

use super::combine::{self, Combined, Prefer};
use super::envelope::{self, ImportError};
use super::share::{self, LinkError, Shared};
use super::stored;
use crate::core::model::{Timestamp, Workspace};
use crate::core::validate::IntegrityError;

/// Reading and writing the document's JSON formats.
pub trait Codec: Sync {
    /// Reads a stored copy, packed or plain, into a checked workspace ([`stored::decode`]).
    fn decode(&self, text: &str) -> Result<Workspace, ImportError>;
    /// The JSON of a packed stored copy, `None` for a plain one ([`stored::json_of`]).
    fn unpack(&self, text: &str) -> Result<Option<String>, ImportError>;
    /// A stored copy as readable JSON for the recovery download ([`stored::readable_text`]).
    fn readable_text(&self, text: &str) -> String;
    /// The stored text of `ws` in one go ([`stored::encode`]).
    fn encode(&self, ws: &Workspace, now: Timestamp) -> String;
    /// The stored text of `ws`, to be made a slice at a time ([`stored::Encoding`]).
    fn packing(&self, ws: &Workspace, now: Timestamp) -> Box<dyn Packing>;
    /// The export file of `ws` ([`envelope::export_json`]).
    fn export_json(&self, ws: &Workspace, now: Timestamp) -> String;
    /// Reads and checks an imported file ([`envelope::import_json`]).
    fn import_json(&self, text: &str) -> Result<Workspace, ImportError>;
    /// Reads a page's fragment; `None` when it is not a share link ([`share::read_fragment`]).
    fn read_link(&self, hash: &str) -> Option<Result<Shared, LinkError>>;
    /// Carries `base → mine` onto `theirs` ([`combine::combine`]): records both sides
    /// changed are combined field by field through their JSON forms.
    fn combine(&self, base: &Workspace, mine: &Workspace, theirs: &Workspace, prefer: Prefer) -> Result<Combined, IntegrityError>;
}

/// A stored copy being made in steps.
pub trait Packing: Send + Sync {
    /// Packs about `slice` more bytes of JSON; true once all of it is packed.
    fn step(&mut self, slice: usize) -> bool;
    /// The stored text, packing whatever is left first.
    fn into_text(self: Box<Self>) -> String;
}

impl Packing for stored::Encoding {
    fn step(&mut self, slice: usize) -> bool {
        stored::Encoding::step(self, slice)
    }

    fn into_text(self: Box<Self>) -> String {
        stored::Encoding::into_text(*self)
    }
}

/// The formats of this build: the one implementation of [`Codec`].
pub struct Formats;

impl Codec for Formats {
    fn decode(&self, text: &str) -> Result<Workspace, ImportError> {
        stored::decode(text)
    }

    fn unpack(&self, text: &str) -> Result<Option<String>, ImportError> {
        stored::json_of(text).map(|json| match json {
            std::borrow::Cow::Owned(json) => Some(json),
            std::borrow::Cow::Borrowed(_) => None,
        })
    }

    fn readable_text(&self, text: &str) -> String {
        stored::readable_text(text)
    }

    fn encode(&self, ws: &Workspace, now: Timestamp) -> String {
        stored::encode(ws, now)
    }

    fn packing(&self, ws: &Workspace, now: Timestamp) -> Box<dyn Packing> {
        Box::new(stored::Encoding::new(ws, now))
    }

    fn export_json(&self, ws: &Workspace, now: Timestamp) -> String {
        envelope::export_json(ws, now)
    }

    fn import_json(&self, text: &str) -> Result<Workspace, ImportError> {
        envelope::import_json(text)
    }

    fn read_link(&self, hash: &str) -> Option<Result<Shared, LinkError>> {
        share::read_fragment(hash)
    }

    fn combine(&self, base: &Workspace, mine: &Workspace, theirs: &Workspace, prefer: Prefer) -> Result<Combined, IntegrityError> {
        combine::combine(base, mine, theirs, prefer)
    }
}
