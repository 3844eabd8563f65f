//! Files and stored copies: a versioned envelope around the workspace.
//!
//! Reading goes text → JSON value → envelope checks → migrations → typed
//! workspace → integrity checks, and each step has its own error, so a person
//! is told exactly why a file was refused. Nothing here touches live state.

use serde::Serialize;
use serde_json::Value;

use super::model::{Timestamp, Workspace, SCHEMA_VERSION};
use super::validate::{self, IntegrityError};

/// The `format` field that marks a Waypoint file.
pub const FORMAT_NAME: &str = "waypoint";

/// Files larger than this are refused before they are read.
pub const MAX_IMPORT_BYTES: u64 = 10 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    Empty,
    NotJson { line: usize, column: usize },
    NotWaypoint,
    NewerVersion { found: u64, supported: u32 },
    BadVersion,
    /// A value has the wrong shape; `path` says where ("workspace.deals[3].value_minor").
    Malformed { path: String, detail: String },
    Broken(IntegrityError),
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    format: &'static str,
    version: u32,
    exported_at: String,
    workspace: &'a Workspace,
}

fn envelope(ws: &Workspace, now: Timestamp) -> EnvelopeOut<'_> {
    EnvelopeOut { format: FORMAT_NAME, version: SCHEMA_VERSION, exported_at: iso_time(now), workspace: ws }
}

/// A pretty-printed file for people to keep, share and read.
pub fn export_json(ws: &Workspace, now: Timestamp) -> String {
    serde_json::to_string_pretty(&envelope(ws, now)).expect("a workspace always serialises")
}

/// The compact form kept in localStorage: the same envelope, no indentation.
pub fn encode_for_storage(ws: &Workspace, now: Timestamp) -> String {
    serde_json::to_string(&envelope(ws, now)).expect("a workspace always serialises")
}

/// Reads an exported file or a stored copy into a checked workspace.
pub fn import_json(text: &str) -> Result<Workspace, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ImportError::NotJson { line: e.line(), column: e.column() })?;
    let Value::Object(mut envelope) = value else {
        return Err(ImportError::NotWaypoint);
    };
    if envelope.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return Err(ImportError::NotWaypoint);
    }
    let version = match envelope.get("version") {
        Some(Value::Number(n)) => n.as_u64().filter(|v| *v >= 1).ok_or(ImportError::BadVersion)?,
        _ => return Err(ImportError::BadVersion),
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerVersion { found: version, supported: SCHEMA_VERSION });
    }
    let mut workspace = envelope.remove("workspace").ok_or_else(|| ImportError::Malformed {
        path: "workspace".into(),
        detail: "missing".into(),
    })?;
    migrate(&mut workspace, version as u32)?;
    let mut ws: Workspace = serde_path_to_error::deserialize(&workspace).map_err(|e| ImportError::Malformed {
        path: format!("workspace.{}", e.path()),
        detail: e.inner().to_string(),
    })?;
    // The document's own version field follows the envelope once migrated.
    ws.schema_version = SCHEMA_VERSION;
    validate::check(&ws).map_err(ImportError::Broken)?;
    validate::repair_id_counter(&mut ws);
    Ok(ws)
}

/// Brings a workspace value written by `from_version` up to [`SCHEMA_VERSION`].
/// Version 1 is the first released schema, so there is nothing to do yet;
/// each later version adds one step here, with a fixture file in the tests.
fn migrate(_workspace: &mut Value, from_version: u32) -> Result<(), ImportError> {
    match from_version {
        SCHEMA_VERSION => Ok(()),
        _ => Err(ImportError::BadVersion),
    }
}

/// A file name with the local date, e.g. `waypoint-2026-11-23.json`.
pub fn export_file_name(local_date: chrono::NaiveDate) -> String {
    format!("waypoint-{}.json", local_date.format("%Y-%m-%d"))
}

/// UTC time in RFC 3339 ("2026-11-23T09:30:00Z") for the envelope.
pub fn iso_time(ms: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}
