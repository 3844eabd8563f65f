//! A team file: one Waypoint file in a folder the team already syncs (OneDrive,
//! Dropbox, 坚果云, a network share), which every teammate's planner reads and
//! writes. The browser's own copy stays the working copy; the file is where the
//! team's copies meet. Each sync merges the file into this copy, then writes the
//! result back when this copy holds something the file does not, so two people
//! writing at once each write the merge of both, and nothing is lost.

use crate::core::files::envelope::{self, export_json, ImportError};
use crate::core::files::merge::{checked_merge, merge, MergeSummary};
use crate::core::model::{Timestamp, Workspace};

/// What one sync with the team file does.
#[derive(Debug)]
pub struct TeamSync {
    /// The working copy with the file merged in, when the file brought something.
    pub adopt: Option<Workspace>,
    /// What the file brought, for "3 changes from 李娜".
    pub summary: MergeSummary,
    /// The text to write to the file, when it lacks something this copy has.
    pub write: Option<String>,
}

/// Syncs the working copy `own` with the team file's text `file` (empty for a new
/// file). A file that cannot be read as a Waypoint file changes nothing: the
/// reason comes back, and the file is left for a person to look at.
pub fn sync(own: &Workspace, file: &str, now: Timestamp) -> Result<TeamSync, ImportError> {
    if file.trim().is_empty() {
        return Ok(TeamSync { adopt: None, summary: MergeSummary::default(), write: Some(team_text(own, now)) });
    }
    let theirs = envelope::import_json(file)?;
    let merged = checked_merge(own, &theirs, now)?;
    let adopt = (merged.summary.changes() > 0).then_some(merged.workspace);
    let current = adopt.as_ref().unwrap_or(own);
    // The file lacks something when merging this copy into it would change it.
    let lacking = merge(&theirs, &current.without_samples()).summary.changes() > 0;
    Ok(TeamSync { write: lacking.then(|| team_text(current, now)), adopt, summary: merged.summary })
}

/// The file's text for `ws`: an export, without this browser's sample deals.
pub fn team_text(ws: &Workspace, now: Timestamp) -> String {
    export_json(&ws.without_samples(), now)
}
