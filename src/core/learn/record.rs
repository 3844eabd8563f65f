//! A trainee's learning record (学习记录): what they mastered and how their self-checks
//! and final assessment went. It is handed in as a small file or a link (the record in
//! the fragment, as share links carry a workspace), and a facilitator gathers the room's
//! records into one table. Records are read as carefully as imports: a bad one is
//! refused with a reason and never changes the room.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::decompress_to_vec_with_limit;
use serde::{Deserialize, Serialize};

use crate::core::learn::samples::Bi;
use crate::core::model::Timestamp;
use crate::core::text::i18n::{fill, Lang};

/// The `format` of a record file.
pub const RECORD_FORMAT: &str = "waypoint-learning-record";
/// The record format this version writes and reads.
pub const RECORD_VERSION: u32 = 1;
/// Starts the fragment of a link that carries a record (`#record=<data>`).
pub const RECORD_PREFIX: &str = "#record=";
/// The share of right answers that passes the final assessment, in percent.
pub const PASS_PERCENT: u32 = 80;
/// Longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 60;
const MAX_CHECKS: usize = 60;
const MAX_LIST: usize = 60;
const MAX_TOTAL: u32 = 200;
const MAX_UNPACKED: usize = 256 * 1024;

/// How one self-check went: its best attempt.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckResult {
    /// Which check ("order", "missing", "concept-nodes", "assessment" …).
    pub key: String,
    /// Right answers.
    pub score: u32,
    /// Questions asked.
    pub total: u32,
    /// When it was taken.
    pub at: Timestamp,
}

impl CheckResult {
    /// The score in percent, rounded down.
    pub fn percent(&self) -> u32 {
        (self.score * 100).checked_div(self.total).unwrap_or(0)
    }
}

/// What one trainee hands in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LearningRecord {
    /// Always [`RECORD_FORMAT`].
    pub format: String,
    /// The record format, [`RECORD_VERSION`] when written here.
    pub version: u32,
    /// Made once per browser: handing in again replaces the trainee's row instead of adding one.
    pub id: String,
    /// The trainee's name, as they typed it.
    pub name: String,
    /// When the record last changed.
    pub updated_at: Timestamp,
    /// The roadmap they learned on, by name.
    #[serde(default)]
    pub roadmap: String,
    /// Names of the roadmap's stages they marked as mastered.
    #[serde(default)]
    pub stages_mastered: Vec<String>,
    /// How many stages that roadmap has.
    #[serde(default)]
    pub stage_count: u32,
    /// Keys of the concept lessons they marked as mastered (`concepts::ConceptId::key`).
    #[serde(default)]
    pub concepts_mastered: Vec<String>,
    /// The best attempt at each self-check.
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    /// The best attempt at the final assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<CheckResult>,
}

impl LearningRecord {
    /// An empty record for the browser `id`.
    pub fn new(id: &str) -> Self {
        LearningRecord {
            format: RECORD_FORMAT.to_owned(),
            version: RECORD_VERSION,
            id: id.to_owned(),
            name: String::new(),
            updated_at: 0,
            roadmap: String::new(),
            stages_mastered: Vec::new(),
            stage_count: 0,
            concepts_mastered: Vec::new(),
            checks: Vec::new(),
            assessment: None,
        }
    }

    /// Notes an attempt at check `key`; the best score stays (a later equal one updates the date).
    pub fn note_check(&mut self, key: &str, score: u32, total: u32, at: Timestamp) {
        let attempt = CheckResult { key: key.to_owned(), score, total, at };
        match self.checks.iter_mut().find(|c| c.key == key) {
            Some(best) if better_or_equal(&attempt, best) => *best = attempt,
            Some(_) => {}
            None => self.checks.push(attempt),
        }
        self.updated_at = self.updated_at.max(at);
    }

    /// Notes an attempt at the final assessment; the best stays.
    pub fn note_assessment(&mut self, score: u32, total: u32, at: Timestamp) {
        let attempt = CheckResult { key: "assessment".to_owned(), score, total, at };
        if self.assessment.as_ref().is_none_or(|best| better_or_equal(&attempt, best)) {
            self.assessment = Some(attempt);
        }
        self.updated_at = self.updated_at.max(at);
    }

    /// Whether the final assessment was passed ([`PASS_PERCENT`] or more right).
    pub fn passed(&self) -> bool {
        self.assessment.as_ref().is_some_and(|a| a.total > 0 && a.percent() >= PASS_PERCENT)
    }

    /// The record as the JSON of a hand-in file.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The fragment of a hand-in link (`#record=<data>`).
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        format!("{RECORD_PREFIX}{}", URL_SAFE_NO_PAD.encode(compress_to_vec(&json, 10)))
    }
}

fn better_or_equal(a: &CheckResult, b: &CheckResult) -> bool {
    // Compared as shares: 4/5 beats 7/10.
    u64::from(a.score) * u64::from(b.total.max(1)) >= u64::from(b.score) * u64::from(a.total.max(1))
}

/// Why a handed-in record was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// Nothing was given.
    Empty,
    /// Not a learning record (another file, a share link, some text).
    NotARecord,
    /// A record link that was cut or altered.
    Damaged,
    /// Written by a newer Waypoint, in record format `0`.
    Newer(u32),
    /// The record has no name.
    NoName,
    /// A value is out of range (a score above its total, say): named in `0`.
    BadValue(&'static str),
}

impl RecordError {
    /// The reason in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        let text: Bi = match self {
            RecordError::Empty => ("没有内容。", "There is nothing in it."),
            RecordError::NotARecord => (
                "这不是 Waypoint 的学习记录（请让学员在“学习 → 学习记录”里导出文件或复制链接）。",
                "This is not a Waypoint learning record (ask the trainee to download the file or copy the link from Learn → My record).",
            ),
            RecordError::Damaged => {
                ("链接不完整或被改动过，请让学员重新复制。", "The link is cut or was altered; ask the trainee to copy it again.")
            }
            RecordError::Newer(_) => (
                "这份记录来自更新版本的 Waypoint（记录格式 {0}），请先更新这里的 Waypoint。",
                "This record comes from a newer Waypoint (record format {0}); update Waypoint here first.",
            ),
            RecordError::NoName => ("记录里没有学员姓名。", "The record has no trainee name."),
            RecordError::BadValue(_) => ("记录里的“{0}”数值不正确。", "The record's “{0}” has a wrong value."),
        };
        let arg = match self {
            RecordError::Newer(v) => v.to_string(),
            RecordError::BadValue(field) => (*field).to_owned(),
            _ => String::new(),
        };
        fill(lang.pick(text), &[&arg])
    }
}

/// Reads a handed-in record: the JSON of a record file, a whole hand-in link, or its fragment.
pub fn read_record(text: &str) -> Result<LearningRecord, RecordError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(RecordError::Empty);
    }
    let json = match text.find(RECORD_PREFIX) {
        Some(at) => {
            let data = text[at + RECORD_PREFIX.len()..].trim().trim_end_matches('/');
            let packed = URL_SAFE_NO_PAD.decode(data).map_err(|_| RecordError::Damaged)?;
            let bytes = decompress_to_vec_with_limit(&packed, MAX_UNPACKED).map_err(|_| RecordError::Damaged)?;
            String::from_utf8(bytes).map_err(|_| RecordError::Damaged)?
        }
        None if text.starts_with('{') => text.to_owned(),
        None => return Err(RecordError::NotARecord),
    };
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|_| RecordError::NotARecord)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(RECORD_FORMAT) {
        return Err(RecordError::NotARecord);
    }
    let version = value.get("version").and_then(|v| v.as_u64()).unwrap_or(0);
    if version > u64::from(RECORD_VERSION) {
        return Err(RecordError::Newer(version.min(u64::from(u32::MAX)) as u32));
    }
    let record: LearningRecord = serde_json::from_value(value).map_err(|_| RecordError::NotARecord)?;
    check(record)
}

fn check(mut record: LearningRecord) -> Result<LearningRecord, RecordError> {
    record.name = record.name.trim().chars().take(MAX_NAME_CHARS).collect();
    if record.name.is_empty() {
        return Err(RecordError::NoName);
    }
    if record.id.trim().is_empty() || record.id.len() > 100 {
        return Err(RecordError::BadValue("id"));
    }
    let sane = |c: &CheckResult| c.total <= MAX_TOTAL && c.score <= c.total;
    if record.checks.len() > MAX_CHECKS || !record.checks.iter().all(sane) {
        return Err(RecordError::BadValue("checks"));
    }
    if record.assessment.as_ref().is_some_and(|a| !sane(a)) {
        return Err(RecordError::BadValue("assessment"));
    }
    if record.stages_mastered.len() > MAX_LIST || record.concepts_mastered.len() > MAX_LIST {
        return Err(RecordError::BadValue("mastered"));
    }
    Ok(record)
}

/// What adding a record did to the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomChange {
    /// A trainee not seen before.
    Added,
    /// A newer record of a trainee already there replaced theirs.
    Updated,
    /// The room already had this record or a newer one of the same trainee.
    Unchanged,
}

/// Adds `record` to the room's records (one row per trainee browser, the newest kept),
/// sorted by name.
pub fn add_to_room(room: &mut Vec<LearningRecord>, record: LearningRecord) -> RoomChange {
    let change = match room.iter_mut().find(|r| r.id == record.id) {
        // Two different records of one time (never from one browser in practice): the same
        // one wins whichever arrives first, so every facilitator's room ends alike.
        Some(existing) if (record.updated_at, record.to_json()) > (existing.updated_at, existing.to_json()) => {
            *existing = record;
            RoomChange::Updated
        }
        Some(_) => RoomChange::Unchanged,
        None => {
            room.push(record);
            RoomChange::Added
        }
    };
    room.sort_by(|a, b| a.name.cmp(&b.name).then(a.id.cmp(&b.id)));
    change
}

/// The room at a glance: how many handed in, how many passed, the average assessment score.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomSummary {
    /// Records in the room.
    pub trainees: usize,
    /// Of them, those who took the final assessment.
    pub assessed: usize,
    /// Of them, those who passed it.
    pub passed: usize,
    /// Their average assessment score in percent, when anyone took it.
    pub average_percent: Option<u32>,
}

/// Sums up the room's records.
pub fn room_summary(room: &[LearningRecord]) -> RoomSummary {
    let scores: Vec<u32> = room.iter().filter_map(|r| r.assessment.as_ref().map(CheckResult::percent)).collect();
    RoomSummary {
        trainees: room.len(),
        assessed: scores.len(),
        passed: room.iter().filter(|r| r.passed()).count(),
        average_percent: (!scores.is_empty()).then(|| scores.iter().sum::<u32>() / scores.len() as u32),
    }
}
