//! Files and stored copies: a versioned envelope around the workspace.
//!
//! Reading goes text → JSON value → envelope checks → migrations → typed
//! workspace → integrity checks, and each step has its own error, so a person
//! is told exactly why a file was refused. A current, well-formed file is read
//! in one typed pass instead (twice as fast for 10,000 deals); only a file that
//! pass does not take goes the step-by-step way.
//! Nothing here touches live state.

use serde::Serialize;
use serde_json::Value;
use waypoint_read::Envelope;

use crate::core::files::stored;
use crate::core::files::{json_path, migrate};
use crate::core::model::{Timestamp, Workspace, SCHEMA_VERSION};
use crate::core::validate::{self, IntegrityError};

/// The `format` field that marks a Waypoint file.
pub const FORMAT_NAME: &str = "waypoint";

/// Files larger than this are refused before they are read. A file of 10,000
/// generated deals is about 20 MB, so this leaves room for three times that.
pub const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file or stored copy was refused: one case per reading step, so the person is told exactly what is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The text is empty or only whitespace.
    Empty,
    /// The text is not JSON; the reader stopped at this place.
    NotJson {
        /// The line, counted from 1.
        line: usize,
        /// The column within that line, counted from 1.
        column: usize,
    },
    /// JSON, but not an object whose `format` is [`FORMAT_NAME`].
    NotWaypoint,
    /// Written by a newer Waypoint, in a schema this build cannot read.
    NewerVersion {
        /// The file's `version`.
        found: u64,
        /// The newest version this build reads (`SCHEMA_VERSION`).
        supported: u32,
    },
    /// The `version` is missing, not a whole number of at least 1, or an older version with no migration.
    BadVersion,
    /// A value has the wrong shape; `path` says where ("workspace.deals[3].value_minor").
    Malformed {
        /// Where the bad value is.
        path: String,
        /// What is wrong with it, as the JSON reader put it.
        detail: String,
    },
    /// The workspace reads, but is not whole (see `validate::check`).
    Broken(IntegrityError),
    /// Nested deeper than any Waypoint file is.
    TooDeep,
    /// More records of one kind than Waypoint accepts.
    TooMany {
        /// The kind of record.
        what: RecordKind,
        /// How many there are (in the workspace, or in one roadmap, stage or deal).
        found: usize,
        /// The most accepted.
        limit: usize,
    },
    /// A text longer than `limit` characters at `path`.
    TextTooLong {
        /// Where the text is, e.g. "workspace.deals[3].notes".
        path: String,
        /// The most characters accepted ([`MAX_TEXT_CHARS`]).
        limit: usize,
    },
    /// A packed stored copy that does not unpack (cut short or overwritten).
    Damaged,
}

/// The records whose number [`check_counts`] limits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordKind {
    /// Roadmaps in the workspace.
    Roadmaps,
    /// Stages in one roadmap.
    Stages,
    /// Milestones in one stage.
    Milestones,
    /// Deals in the workspace.
    Deals,
    /// Activities and feedback of one deal, together.
    Entries,
    /// Goals in the workspace.
    Goals,
    /// Remembered deletions in the workspace.
    Deletions,
}

/// Limits far above real use that stop a hostile or broken file early.
pub const MAX_TEXT_CHARS: usize = 10_000;
const LIMITS: [(RecordKind, usize); 7] = [
    (RecordKind::Roadmaps, 100),
    (RecordKind::Stages, 50),
    (RecordKind::Milestones, 50),
    (RecordKind::Deals, 100_000),
    (RecordKind::Entries, 5_000),
    (RecordKind::Goals, 1_000),
    (RecordKind::Deletions, 200_000),
];

fn limit(kind: RecordKind) -> usize {
    LIMITS.iter().find(|(k, _)| *k == kind).map_or(0, |(_, n)| *n)
}

/// The first string longer than the limit, with its place in the file.
fn find_long_text(value: &Value, path: &mut String) -> Option<String> {
    match value {
        Value::String(s) if s.chars().count() > MAX_TEXT_CHARS => Some(path.clone()),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, v)| {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            let found = find_long_text(v, path);
            path.truncate(len);
            found
        }),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let len = path.len();
            path.push('.');
            path.push_str(k);
            let found = find_long_text(v, path);
            path.truncate(len);
            found
        }),
        _ => None,
    }
}

/// Record counts: per workspace, per roadmap, per stage, per deal.
pub fn check_counts(ws: &Workspace) -> Result<(), ImportError> {
    let over = |what: RecordKind, found: usize| {
        let limit = limit(what);
        (found > limit).then_some(ImportError::TooMany { what, found, limit })
    };
    let counts = [
        (RecordKind::Roadmaps, ws.roadmaps.len()),
        (RecordKind::Deals, ws.deals.len()),
        (RecordKind::Goals, ws.goals.len()),
        (RecordKind::Deletions, ws.deleted.len()),
    ]
    .into_iter()
    .chain(ws.roadmaps.iter().map(|r| (RecordKind::Stages, r.stages.len())))
    .chain(ws.roadmaps.iter().flat_map(|r| r.stages.iter().map(|s| (RecordKind::Milestones, s.milestones.len()))))
    .chain(ws.deals.iter().map(|d| (RecordKind::Entries, d.activities.len() + d.feedback.len())));
    for (what, found) in counts {
        if let Some(error) = over(what, found) {
            return Err(error);
        }
    }
    Ok(())
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

/// The same envelope without indentation; `stored` packs it for localStorage.
pub fn encode_compact(ws: &Workspace, now: Timestamp) -> String {
    serde_json::to_string(&envelope(ws, now)).expect("a workspace always serialises")
}

/// `encode_compact` in three pieces, so a large workspace can be written a few
/// deals at a time: everything before the deals, each deal, everything after.
/// Joined (deals separated by commas) they are exactly `encode_compact`'s text;
/// a test holds them to that, so a field added to the workspace cannot be missed.
pub mod compact_pieces {
    use super::{envelope, Timestamp, Workspace};
    use crate::core::model::Deal;

    fn json(out: &mut Vec<u8>, value: &impl serde::Serialize) {
        serde_json::to_writer(out, value).expect("a workspace always serialises");
    }

    /// `"key":value`, after a comma unless it opens its object.
    fn field(out: &mut Vec<u8>, key: &str, value: &impl serde::Serialize) {
        if !matches!(out.last(), Some(b'{')) {
            out.push(b',');
        }
        json(out, &key);
        out.push(b':');
        json(out, value);
    }

    /// Up to and including the opening bracket of the deals.
    pub fn head(ws: &Workspace, now: Timestamp) -> Vec<u8> {
        let envelope = envelope(ws, now);
        let mut out = Vec::with_capacity(4096);
        out.push(b'{');
        field(&mut out, "format", &envelope.format);
        field(&mut out, "version", &envelope.version);
        field(&mut out, "exported_at", &envelope.exported_at);
        out.extend_from_slice(b",\"workspace\":{");
        field(&mut out, "schema_version", &ws.schema_version);
        field(&mut out, "origin", &ws.origin);
        field(&mut out, "next_id", &ws.next_id);
        field(&mut out, "default_currency", &ws.default_currency);
        field(&mut out, "roadmaps", &ws.roadmaps);
        out.extend_from_slice(b",\"deals\":[");
        out
    }

    /// One deal, with the comma before it unless it is the first.
    pub fn deal(out: &mut Vec<u8>, deal: &Deal, first: bool) {
        if !first {
            out.push(b',');
        }
        json(out, deal);
    }

    /// From the closing bracket of the deals to the end.
    pub fn tail(ws: &Workspace) -> Vec<u8> {
        let mut out = b"]".to_vec();
        field(&mut out, "goals", &ws.goals);
        field(&mut out, "settings", &ws.settings);
        if !ws.deleted.is_empty() {
            field(&mut out, "deleted", &ws.deleted);
        }
        out.extend_from_slice(b"}}");
        out
    }
}

/// Reads an exported file or a stored copy into a checked workspace.
pub fn import_json(text: &str) -> Result<Workspace, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (mut ws, version) = match read_typed(text) {
        Ok(envelope) if is_readable(&envelope) && !may_hold_long_text(text) => (envelope.workspace, envelope.version as u32),
        typed => read_through_value(text, typed.err())?,
    };
    migrate::upgrade(&mut ws, version);
    checked(ws)
}

/// A Waypoint file the typed pass reads as it is: every version so far only added
/// fields, so an older one reads too and its steps run after (`migrate`).
fn is_readable(envelope: &Envelope) -> bool {
    envelope.format == FORMAT_NAME && (1..=u64::from(SCHEMA_VERSION)).contains(&envelope.version)
}

/// Where the typed pass failed ("workspace.deals[3].value_minor") and why.
struct TypedError {
    path: String,
    detail: String,
}

/// One typed pass, tracking where it fails (twice as fast as going through a JSON value).
fn read_typed(text: &str) -> Result<Envelope, TypedError> {
    let mut envelope = waypoint_read::envelope(text).map_err(|e| TypedError {
        path: json_path::path_at(text, json_path::offset_of(text, e.line(), e.column())),
        // The position is given by the path; the reader's own " at line … column …" would repeat it.
        detail: e.to_string().split(" at line ").next().unwrap_or_default().to_owned(),
    })?;
    envelope.workspace.schema_version = SCHEMA_VERSION;
    Ok(envelope)
}

/// True when some JSON string in `text` is longer in bytes than `MAX_TEXT_CHARS`.
/// A text of more characters than that has at least as many bytes, so when this
/// is false no text is too long, and the exact (slower) check can be skipped.
fn may_hold_long_text(text: &str) -> bool {
    // Looking at every byte of a 10,000-deal copy took a quarter of reading it. A quote no
    // backslash precedes always starts or ends a string; when every stretch of half the
    // limit holds one, no string can span the limit, and a few bytes per stretch tell.
    let half = MAX_TEXT_CHARS / 2;
    let bytes = text.as_bytes();
    let sure_quote_at = |i: usize| bytes[i] == b'"' && (i == 0 || bytes[i - 1] != b'\\');
    let every_stretch_has_a_quote =
        (0..bytes.len().saturating_sub(half - 1)).step_by(half).all(|start| (start..start + half).any(sure_quote_at));
    !every_stretch_has_a_quote && holds_long_text(bytes)
}

/// The exact check: walks every string of `bytes`.
fn holds_long_text(bytes: &[u8]) -> bool {
    let (mut start, mut inside, mut escaped) = (0, false, false);
    for (i, &byte) in bytes.iter().enumerate() {
        if !inside {
            if byte == b'"' {
                (inside, start) = (true, i + 1);
            }
        } else if escaped {
            escaped = false;
        } else if byte == b'\\' {
            escaped = true;
        } else if byte == b'"' {
            inside = false;
            if i - start > MAX_TEXT_CHARS {
                return true;
            }
        }
    }
    inside
}

/// The step-by-step road, for every file the typed pass did not take as it is:
/// each step has its own error, so the person is told exactly why a file was
/// refused; an older version is migrated and then read by the typed pass. Gives the
/// file's version too, for the steps that run on the typed workspace.
fn read_through_value(text: &str, typed_error: Option<TypedError>) -> Result<(Workspace, u32), ImportError> {
    let value: Value = serde_json::from_str(text).map_err(|e| {
        // serde_json stops at 128 levels of nesting; no Waypoint file comes near that.
        if e.to_string().contains("recursion limit") {
            ImportError::TooDeep
        } else {
            ImportError::NotJson { line: e.line(), column: e.column() }
        }
    })?;
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
    let mut workspace =
        envelope.remove("workspace").ok_or_else(|| ImportError::Malformed { path: "workspace".into(), detail: "missing".into() })?;
    let migrated = migrate(&mut workspace, version as u32)?;
    if let Some(path) = find_long_text(&workspace, &mut "workspace".to_owned()) {
        return Err(ImportError::TextTooLong { path, limit: MAX_TEXT_CHARS });
    }
    let malformed = |e: TypedError| ImportError::Malformed { path: e.path, detail: e.detail };
    let workspace = match (migrated, typed_error) {
        // A current file whose texts are long in bytes only (escapes, CJK): the typed pass stands.
        (false, None) => read_typed(text).map(|e| e.workspace).map_err(malformed),
        (false, Some(error)) => Err(malformed(error)),
        (true, _) => {
            let current = serde_json::json!({ "format": FORMAT_NAME, "version": SCHEMA_VERSION, "workspace": workspace });
            read_typed(&current.to_string()).map(|e| e.workspace).map_err(malformed)
        }
    }?;
    Ok((workspace, version as u32))
}

fn checked(mut ws: Workspace) -> Result<Workspace, ImportError> {
    check_counts(&ws)?;
    validate::check(&ws).map_err(ImportError::Broken)?;
    validate::repair_id_counter(&mut ws);
    Ok(ws)
}

/// Brings a workspace value written by `from_version` up to what the typed pass
/// reads; says whether anything changed. Version 2 only added fields (what it
/// changed, template ids, is a typed step in `migrate`), so there is nothing to do
/// here yet; a version that renames or reshapes a field adds its step here.
fn migrate(_workspace: &mut Value, from_version: u32) -> Result<bool, ImportError> {
    match from_version {
        1..=SCHEMA_VERSION => Ok(false),
        _ => Err(ImportError::BadVersion),
    }
}

/// A file name with the local date, e.g. `waypoint-2026-11-23.json`.
pub fn export_file_name(local_date: chrono::NaiveDate) -> String {
    // A date's Display is YYYY-MM-DD; chrono's format strings would add their parser to the first load.
    format!("waypoint-{local_date}.json")
}

/// UTC time in RFC 3339 ("2026-11-23T09:30:00Z") for the envelope.
pub fn iso_time(ms: Timestamp) -> String {
    use chrono::Timelike;
    chrono::DateTime::from_timestamp_millis(ms)
        .map(|t| format!("{}T{:02}:{:02}:{:02}Z", t.date_naive(), t.hour(), t.minute(), t.second()))
        .unwrap_or_default()
}

/// Which stored copy to start from.
#[derive(Debug, PartialEq)]
pub enum StartFrom {
    /// Nothing stored: a first visit.
    Nothing,
    /// The main copy reads fine.
    Main(Box<Workspace>),
    /// The main copy is unreadable (why), the previous good copy reads fine.
    Previous(Box<Workspace>, ImportError),
    /// Neither copy reads (why the main one failed): start fresh, keep the text.
    Neither(ImportError),
}

/// Chooses between the main stored copy and the previous good one (packed or plain).
pub fn start_from(main: Option<&str>, previous: Option<&str>) -> StartFrom {
    start_from_read(main.map(stored::decode), || previous.map(stored::decode))
}

/// [`start_from`] with the main copy already read (`None`: nothing stored); `previous`
/// reads the previous copy, and is called only when the main one cannot be used (at
/// 10,000 deals reading it costs as much again as reading the main one).
pub fn start_from_read(
    main: Option<Result<Workspace, ImportError>>,
    previous: impl FnOnce() -> Option<Result<Workspace, ImportError>>,
) -> StartFrom {
    let main_error = match main {
        None => return StartFrom::Nothing,
        Some(Ok(ws)) => return StartFrom::Main(Box::new(ws)),
        Some(Err(e)) => e,
    };
    match previous() {
        Some(Ok(ws)) => StartFrom::Previous(Box::new(ws), main_error),
        _ => StartFrom::Neither(main_error),
    }
}
