//! Reading the stored workspace: unpacking its characters (`packed`), and the typed pass over a
//! current Waypoint file, the envelope and the whole workspace in one go (`envelope`).
//!
//! Start-up's hot path: 10,000 deals are ~12 MB of JSON. A generic function is compiled in
//! the crate that instantiates it, so calling serde_json here compiles its reader and every
//! document type's `Deserialize` in this crate, which the release build compiles for speed
//! (opt-level 3) while the app and the document's other code are compiled for size. Only the
//! codec part of the app calls it, so a first visit does not fetch this code. The app's
//! errors, migrations and checks wrap it (`core::files::envelope`).
#![warn(missing_docs)]

pub mod packed;

use serde::Deserialize;
use waypoint_model::model::Workspace;

/// A Waypoint file as the typed pass reads it: what its `format` and `version` say, and the workspace.
#[derive(Deserialize)]
pub struct Envelope {
    /// The file's format name (`waypoint` for a Waypoint file).
    pub format: String,
    /// The schema version the file was written with.
    pub version: u64,
    /// The document.
    pub workspace: Workspace,
}

/// Reads `text` in one typed pass; the error carries the line and column where reading stopped.
pub fn envelope(text: &str) -> serde_json::Result<Envelope> {
    serde_json::from_str(text)
}
