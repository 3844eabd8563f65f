//! The Waypoint document: everything a team keeps, as plain data.
//!
//! Nothing here knows about the browser. Times are milliseconds since the Unix
//! epoch supplied by the caller, so the core stays deterministic and testable.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::text::Text;

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Timestamp = i64;

/// A stable record id: `"{origin}-{counter}"`. The origin is made at random once
/// per workspace, so files from different people can be merged without clashes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    pub schema_version: u32,
    /// Random prefix of every id minted in this workspace.
    pub origin: String,
    /// The next counter value for a new id; always above every id minted here.
    pub next_id: u64,
    /// Currency new deals start with (ISO 4217 code).
    pub default_currency: String,
    pub roadmaps: Vec<Roadmap>,
    /// Shared, so a copy of the workspace (an undo step, a tab's pending work) costs
    /// a pointer per deal; a change copies only the deal it touches (`Arc::make_mut`).
    pub deals: Vec<Arc<Deal>>,
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub settings: Settings,
}

/// Team-wide choices that travel with the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The roadmap the board and designer show; the first one when unset or gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_roadmap: Option<Id>,
    #[serde(default)]
    pub gate_mode: GateMode,
    /// Why deals are lost: a preset list the team can edit.
    #[serde(default = "default_lost_reasons")]
    pub lost_reasons: Vec<LostReason>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LostReason {
    pub id: Id,
    pub label: Text,
}

/// The presets have fixed ids, the same in every workspace, so merged files agree on them.
pub fn default_lost_reasons() -> Vec<LostReason> {
    [
        ("lost-price", "价格", "Price"),
        ("lost-competitor", "输给竞争对手", "Competitor"),
        ("lost-no-budget", "没有预算", "No budget"),
        ("lost-no-decision", "客户未做决定", "No decision"),
        ("lost-timing", "时机不对", "Timing"),
        ("lost-other", "其他", "Other"),
    ]
    .into_iter()
    .map(|(id, zh, en)| LostReason { id: Id(id.into()), label: Text::both(zh, en) })
    .collect()
}

impl Default for Settings {
    fn default() -> Self {
        Settings { active_roadmap: None, gate_mode: GateMode::default(), lost_reasons: default_lost_reasons() }
    }
}

/// What happens when a deal would leave a gated stage with required milestones open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GateMode {
    /// The move is refused.
    Refuse,
    /// The person is asked, and may move it anyway.
    #[default]
    Confirm,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    pub id: Id,
    pub name: Text,
    /// Which built-in template it came from, if any (for "reset to template").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    pub stages: Vec<Stage>,
    /// When a command last changed its name, stages or milestones (0: never, or a
    /// file from before this was kept). A merge takes the newer of two versions.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

fn is_zero(value: &Timestamp) -> bool {
    *value == 0
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub description: Text,
    /// What to do in this stage.
    #[serde(default)]
    pub guidance: Text,
    /// What must be true before a deal moves on.
    #[serde(default)]
    pub exit_criteria: Text,
    /// Chance, in percent, that a deal in this stage is eventually won.
    pub win_probability: u8,
    /// How many days a deal is expected to spend here.
    pub target_days: u32,
    /// A key node (关键节点) is a moment where the customer's decision can move.
    pub key_node: bool,
    pub decision_phase: DecisionPhase,
    /// A gated stage lets a deal leave only with its required milestones done.
    #[serde(default)]
    pub gate: bool,
    pub milestones: Vec<Milestone>,
}

/// The buyer's decision phases every stage maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionPhase {
    NeedRecognition,
    InformationSearch,
    Evaluation,
    PurchaseDecision,
    PostPurchase,
}

impl DecisionPhase {
    pub const ALL: [DecisionPhase; 5] = [
        DecisionPhase::NeedRecognition,
        DecisionPhase::InformationSearch,
        DecisionPhase::Evaluation,
        DecisionPhase::PurchaseDecision,
        DecisionPhase::PostPurchase,
    ];
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: Id,
    pub title: Text,
    #[serde(default)]
    pub description: Text,
    /// The role that owns it (e.g. "sales rep", "solution engineer").
    pub owner_role: Text,
    /// Whether a deal must have it done before leaving the stage.
    pub required: bool,
    /// When it is due, in days after a deal enters the stage.
    #[serde(default)]
    pub day_offset: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    pub id: Id,
    pub customer: String,
    pub title: String,
    /// Value in minor units (fen, cents) so sums never drift.
    pub value_minor: i64,
    pub currency: String,
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_close: Option<NaiveDate>,
    pub roadmap_id: Id,
    pub stage_id: Id,
    pub status: DealStatus,
    /// One of `Settings::lost_reasons`, for a lost deal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_reason: Option<Id>,
    /// What the seller wrote when closing the deal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub close_note: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    /// Every stage the deal entered, oldest first; the last one is the current stage.
    pub stage_history: Vec<StageEntry>,
    /// Progress on the roadmap's milestones; a milestone not listed is not done.
    #[serde(default)]
    pub milestones: Vec<MilestoneProgress>,
    /// Customer segments (客户细分), e.g. "manufacturing", "key account".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    /// Sample deals shown on a first visit; removable in one action.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
}

/// Something a seller did for a deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    pub id: Id,
    pub kind: ActivityKind,
    pub date: NaiveDate,
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    Visit,
    Call,
    Demo,
    Email,
    Meeting,
    Proposal,
    Contract,
}

impl ActivityKind {
    pub const ALL: [ActivityKind; 7] = [
        ActivityKind::Visit,
        ActivityKind::Call,
        ActivityKind::Demo,
        ActivityKind::Email,
        ActivityKind::Meeting,
        ActivityKind::Proposal,
        ActivityKind::Contract,
    ];
}

/// What the customer said, collected after a milestone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Feedback {
    pub id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_id: Option<Id>,
    /// 1 (unhappy) to 5 (delighted).
    pub satisfaction: u8,
    #[serde(default)]
    pub comment: String,
    pub date: NaiveDate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    Open,
    Won,
    Lost,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntry {
    pub stage_id: Id,
    pub entered_at: Timestamp,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneProgress {
    pub milestone_id: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    pub id: Id,
    pub metric: GoalMetric,
    /// Money targets are in minor units; counts are plain; rates are percent.
    pub target: i64,
    pub period_start: NaiveDate,
    /// A goal without an end date is not time-bound; the SMART check says so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<NaiveDate>,
    #[serde(default)]
    pub owner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap_id: Option<Id>,
    /// When it was last changed (0: never); a merge takes the newer version.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalMetric {
    WonRevenue,
    DealsWon,
    NewCustomers,
    WinRate,
    WeightedPipeline,
}

impl Workspace {
    pub fn roadmap(&self, id: &Id) -> Option<&Roadmap> {
        self.roadmaps.iter().find(|r| &r.id == id)
    }

    pub fn roadmap_mut(&mut self, id: &Id) -> Option<&mut Roadmap> {
        self.roadmaps.iter_mut().find(|r| &r.id == id)
    }

    /// The roadmap being worked on: the chosen one if it still exists, else the first.
    pub fn active_roadmap(&self) -> Option<&Roadmap> {
        self.settings.active_roadmap.as_ref().and_then(|id| self.roadmap(id)).or_else(|| self.roadmaps.first())
    }

    pub fn deal(&self, id: &Id) -> Option<&Deal> {
        self.deals.iter().find(|d| &d.id == id).map(|d| &**d)
    }

    pub fn deal_mut(&mut self, id: &Id) -> Option<&mut Deal> {
        self.deals.iter_mut().find(|d| d.id == *id).map(Arc::make_mut)
    }

    /// Mints a fresh id and advances the counter.
    pub fn mint_id(&mut self) -> Id {
        let id = Id(format!("{}-{}", self.origin, self.next_id));
        self.next_id += 1;
        id
    }

    pub fn has_samples(&self) -> bool {
        self.deals.iter().any(|d| d.sample)
    }
}

impl Roadmap {
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    pub fn stage_mut(&mut self, id: &Id) -> Option<&mut Stage> {
        self.stages.iter_mut().find(|s| &s.id == id)
    }

    /// The stage holding a milestone, and the milestone's place in it.
    pub fn find_milestone(&self, id: &Id) -> Option<(usize, usize)> {
        self.stages.iter().enumerate().find_map(|(si, s)| s.milestones.iter().position(|m| &m.id == id).map(|mi| (si, mi)))
    }

    /// Days from the start of the roadmap to the start of each stage, by target durations.
    pub fn stage_starts(&self) -> Vec<u32> {
        self.stages
            .iter()
            .scan(0u32, |day, s| {
                let start = *day;
                *day += s.target_days;
                Some(start)
            })
            .collect()
    }

    pub fn total_days(&self) -> u32 {
        self.stages.iter().map(|s| s.target_days).sum()
    }
}

impl Stage {
    /// Required milestones `deal` has not done: what stands between it and the next stage.
    pub fn unmet_requirements<'a>(&'a self, deal: &'a Deal) -> impl Iterator<Item = &'a Milestone> {
        self.milestones.iter().filter(move |m| m.required && !deal.is_milestone_done(&m.id))
    }
}

impl Deal {
    pub fn is_milestone_done(&self, milestone: &Id) -> bool {
        self.milestones.iter().any(|p| &p.milestone_id == milestone && p.done_at.is_some())
    }

    /// Milestones of the current stage that are not done yet.
    pub fn open_milestones<'a>(&'a self, stage: &'a Stage) -> impl Iterator<Item = &'a Milestone> {
        stage.milestones.iter().filter(move |m| !self.is_milestone_done(&m.id))
    }
}
