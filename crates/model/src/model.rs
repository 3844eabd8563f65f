//! The Waypoint document: everything a team keeps, as plain data.
//!
//! Nothing here knows about the browser. Times are milliseconds since the Unix
//! epoch supplied by the caller, so the core stays deterministic and testable.

use std::sync::Arc;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::text::Text;

/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 3;

/// Milliseconds since 1970-01-01T00:00:00Z.
pub type Timestamp = i64;

/// A stable record id: `"{origin}-{counter}"`. The origin is made at random once
/// per workspace, so files from different people can be merged without clashes.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub smol_str::SmolStr);

impl Id {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<String> for Id {
    fn from(text: String) -> Self {
        Id(text.into())
    }
}

impl From<&str> for Id {
    fn from(text: &str) -> Self {
        Id(text.into())
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The whole document: roadmaps, deals, goals and settings. A file holds it under `workspace`, in a versioned envelope.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Workspace {
    /// The schema version it was written with; reading a file sets it to `SCHEMA_VERSION` (migrations follow the
    /// envelope's `version`).
    pub schema_version: u32,
    /// Random prefix of every id minted in this workspace.
    pub origin: String,
    /// The next counter value for a new id; always above every id minted here.
    pub next_id: u64,
    /// Currency new deals start with (ISO 4217 code).
    pub default_currency: String,
    /// The roadmaps deals follow, in display order; the first is the active one when none is chosen.
    pub roadmaps: Vec<Roadmap>,
    /// Shared, so a copy of the workspace (an undo step, a tab's pending work) costs
    /// a pointer per deal; a change copies only the deal it touches (`Arc::make_mut`).
    pub deals: Vec<Arc<Deal>>,
    /// The targets the team has set itself.
    pub goals: Vec<Goal>,
    /// Team-wide choices; a file without them gets the defaults.
    #[serde(default)]
    pub settings: Settings,
    /// What was deleted here, and when, so a merge deletes it on the other side too
    /// (unless that side changed it later). Compacted after [`TOMBSTONE_DAYS`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
}

/// How long a deletion is remembered. A teammate's copy older than this could bring
/// the record back; a team that merges at least twice a year never sees that.
pub const TOMBSTONE_DAYS: i64 = 180;

/// A record that was deleted: its id, what it was and when. Ids are unique across
/// the workspace, so the id alone says which record; the kind is for the summary.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The deleted record's id.
    pub id: Id,
    /// What sort of record it was.
    pub kind: RecordType,
    /// When it was deleted.
    pub at: Timestamp,
    /// Who deleted it (their "I am" name), when they had chosen one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub by: String,
    /// For a stage: where its deals went (the stage chosen when deleting it, else the
    /// one before it), so a deal a teammate still had in it goes there too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_to: Option<Id>,
}

/// The sorts of record a workspace holds, as deletions and merge summaries name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordType {
    /// A deal.
    Deal,
    /// A goal.
    Goal,
    /// A roadmap.
    Roadmap,
    /// A stage of a roadmap.
    Stage,
    /// A milestone of a stage.
    Milestone,
    /// An activity of a deal.
    Activity,
    /// Customer feedback on a deal.
    Feedback,
    /// A lost reason.
    LostReason,
    /// A task the customer's side does for a deal.
    CustomerTask,
    /// A date the customer proposed, once the seller accepted or declined it.
    DateProposal,
}

/// Team-wide choices that travel with the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// The roadmap the board and designer show; the first one when unset or gone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_roadmap: Option<Id>,
    /// What a move out of a gated stage with required milestones open does; `Confirm` when the file has none.
    #[serde(default)]
    pub gate_mode: GateMode,
    /// Why deals are lost: a preset list the team can edit.
    #[serde(default = "default_lost_reasons")]
    pub lost_reasons: Vec<LostReason>,
    /// The people on the team, as named on deals; owners of deals not listed here count too.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<Member>,
}

/// Someone on the team: a name deals, milestones and goals are owned by, and the
/// "I am" name that marks their changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// The member's id.
    pub id: Id,
    /// Their name, as the team writes it.
    pub name: String,
    /// Someone who left: no longer offered as an owner, still shown on what they own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub retired: bool,
    /// When it was last changed; a merge takes the newer version.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

/// One reason a deal can be lost, offered when a deal is closed as lost.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LostReason {
    /// The reason's id, which `Deal::lost_reason` refers to; the presets have fixed ids such as `lost-price`.
    pub id: Id,
    /// The name shown for the reason.
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
        Settings { active_roadmap: None, gate_mode: GateMode::default(), lost_reasons: default_lost_reasons(), team: Vec::new() }
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

/// A sales roadmap: the stages a deal goes through, in order, each with its milestones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Roadmap {
    /// The roadmap's id.
    pub id: Id,
    /// The roadmap's name; in both languages when it comes from a template.
    pub name: Text,
    /// Which built-in template it came from, if any (for "reset to template").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// The stages, in the order a deal goes through them (by `rank`).
    pub stages: Vec<Stage>,
    /// When a command last changed its name, stages or milestones (0: never, or a
    /// file from before this was kept). A merge takes the newer of two versions.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

fn is_zero(value: &Timestamp) -> bool {
    *value == 0
}

/// One step of a roadmap: what to do in it, how long it should take, and its milestones.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// The stage's id.
    pub id: Id,
    /// The stage's name.
    pub name: Text,
    /// What the stage is about; empty when the file has none.
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
    /// The buyer's decision phase this stage belongs to.
    pub decision_phase: DecisionPhase,
    /// A gated stage lets a deal leave only with its required milestones done.
    #[serde(default)]
    pub gate: bool,
    /// What should get done in this stage, in display order (by `rank`).
    pub milestones: Vec<Milestone>,
    /// Its place in the roadmap: stages are kept in rank order (see `roadmap::rank`).
    #[serde(default)]
    pub rank: i64,
    /// When a command last changed the stage's fields or its milestones' order (0: as
    /// the template made it). A merge takes the newer version of each stage.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

/// The buyer's decision phases every stage maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionPhase {
    /// The buyer sees a need or a problem to solve.
    NeedRecognition,
    /// The buyer looks for solutions and who offers them.
    InformationSearch,
    /// The buyer compares the options.
    Evaluation,
    /// The buyer chooses and buys.
    PurchaseDecision,
    /// After the purchase: delivery and service.
    PostPurchase,
}

impl DecisionPhase {
    /// Every phase, in the order a buyer goes through them.
    pub const ALL: [DecisionPhase; 5] = [
        DecisionPhase::NeedRecognition,
        DecisionPhase::InformationSearch,
        DecisionPhase::Evaluation,
        DecisionPhase::PurchaseDecision,
        DecisionPhase::PostPurchase,
    ];
}

/// Something to get done in a stage; each deal keeps its own progress on it (`MilestoneProgress`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    /// The milestone's id.
    pub id: Id,
    /// What to get done, in a few words.
    pub title: Text,
    /// More about what it involves; empty when the file has none.
    #[serde(default)]
    pub description: Text,
    /// The role that owns it (e.g. "sales rep", "solution engineer").
    pub owner_role: Text,
    /// Whether a deal must have it done before leaving the stage.
    pub required: bool,
    /// When it is due, in days after a deal enters the stage.
    #[serde(default)]
    pub day_offset: u32,
    /// Its place in the stage: milestones are kept in rank order (see `roadmap::rank`).
    #[serde(default)]
    pub rank: i64,
    /// When a command last changed it (0: as the template made it); a merge takes the newer version.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
}

/// A sales opportunity with one customer, moving through the stages of one roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Deal {
    /// The deal's id.
    pub id: Id,
    /// The customer's name; deals with the same name count as one customer.
    pub customer: String,
    /// What the deal is about, in a few words.
    pub title: String,
    /// Value in minor units (fen, cents) so sums never drift.
    pub value_minor: i64,
    /// The ISO 4217 code of the value: three upper-case letters.
    pub currency: String,
    /// The seller responsible for the deal; empty when nobody is.
    pub owner: String,
    /// The day the deal is expected to close, if anyone set one.
    #[serde(default, with = "crate::ymd::optional_day", skip_serializing_if = "Option::is_none")]
    pub expected_close: Option<NaiveDate>,
    /// The roadmap the deal follows.
    pub roadmap_id: Id,
    /// The stage the deal is in on its roadmap; a closed deal keeps the stage it was closed in.
    pub stage_id: Id,
    /// Whether the deal is open, won or lost.
    pub status: DealStatus,
    /// One of `Settings::lost_reasons`, for a lost deal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lost_reason: Option<Id>,
    /// What the seller wrote when closing the deal.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub close_note: String,
    /// When it was closed as won or lost; none while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<Timestamp>,
    /// When the deal was created. A merge treats a deal with the same id but another creation time as a clash.
    pub created_at: Timestamp,
    /// When a command last changed the deal; a merge takes the newer of two versions.
    pub updated_at: Timestamp,
    /// Who made that change (their "I am" name), when they had chosen one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated_by: String,
    /// Every stage the deal entered, oldest first; the last one is the current stage.
    pub stage_history: Vec<StageEntry>,
    /// Progress on the roadmap's milestones; a milestone not listed is not done.
    #[serde(default)]
    pub milestones: Vec<MilestoneProgress>,
    /// Customer segments (客户细分), e.g. "manufacturing", "key account".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// What sellers did for the deal, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<Activity>,
    /// What the customer said, newest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub feedback: Vec<Feedback>,
    /// Sample deals shown on a first visit; removable in one action.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sample: bool,
    /// What the customer's people do for the deal, next to our milestones (a mutual plan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub customer_tasks: Vec<CustomerTask>,
    /// The day the seller means to follow up next; none when no follow-up is planned.
    #[serde(default, with = "crate::ymd::optional_day", skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<NaiveDate>,
    /// Dates the customer proposed in a reply, waiting for the seller to accept or decline.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proposals: Vec<DateProposal>,
    /// When each customer reply merged into this deal was made, so the same reply is not merged twice.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<Timestamp>,
}

/// A step of a deal's plan owned by the customer's side: a named contact does it by a date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CustomerTask {
    /// The task's id.
    pub id: Id,
    /// What the customer does, in a few words.
    pub title: String,
    /// Who does it at the customer, by name; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub contact: String,
    /// Their role (采购经理, IT director); may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// The day it is due.
    #[serde(with = "crate::ymd::day")]
    pub due: NaiveDate,
    /// When it was marked done (by the seller, or by the customer in a reply); none while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Timestamp>,
    /// When it last changed; a merge takes the newer version of each task.
    pub updated_at: Timestamp,
}

/// A new date the customer proposed for one step of the plan, with their note.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateProposal {
    /// The proposal's id.
    pub id: Id,
    /// The step: a milestone on the deal's roadmap or one of the deal's customer tasks.
    pub item_id: Id,
    /// The day the customer proposes.
    #[serde(with = "crate::ymd::day")]
    pub date: NaiveDate,
    /// Why, in the customer's words; may be empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// When the customer made the reply it came in.
    pub replied_at: Timestamp,
}

/// Something a seller did for a deal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    /// The activity's id.
    pub id: Id,
    /// What sort of contact it was.
    pub kind: ActivityKind,
    /// The day it happened.
    #[serde(with = "crate::ymd::day")]
    pub date: NaiveDate,
    /// Who did it, as typed; may be empty.
    #[serde(default)]
    pub who: String,
    /// What happened, as typed; may be empty.
    #[serde(default)]
    pub notes: String,
}

/// The sorts of activity a seller can log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActivityKind {
    /// A visit to the customer.
    Visit,
    /// A phone call.
    Call,
    /// A product demonstration.
    Demo,
    /// An email.
    Email,
    /// A meeting.
    Meeting,
    /// A proposal put to the customer.
    Proposal,
    /// Work on the contract with the customer.
    Contract,
}

impl ActivityKind {
    /// Every kind, in the order the activity form offers them.
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
    /// The feedback's id.
    pub id: Id,
    /// The milestone it was collected after, on the deal's roadmap; none when it is about no milestone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub milestone_id: Option<Id>,
    /// 1 (unhappy) to 5 (delighted).
    pub satisfaction: u8,
    /// The customer's words, as typed; may be empty.
    #[serde(default)]
    pub comment: String,
    /// The day it was given.
    #[serde(with = "crate::ymd::day")]
    pub date: NaiveDate,
}

/// Where a deal stands: still being worked, or closed with an outcome.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DealStatus {
    /// Still being worked.
    Open,
    /// Closed: the customer bought.
    Won,
    /// Closed: the customer did not buy; `Deal::lost_reason` says why.
    Lost,
}

/// A deal entering a stage, kept in `Deal::stage_history`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageEntry {
    /// The stage it entered.
    pub stage_id: Id,
    /// When it entered; the deal's plan and its days in the stage count from this day (UTC).
    pub entered_at: Timestamp,
    /// Set when a merge put the deal here because a teammate deleted the stage it was
    /// in: that stage. Later merges, knowing more deletions, may choose again.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved_from: Option<Id>,
}

impl StageEntry {
    /// The deal entered `stage_id` at `entered_at`, moved by a person.
    pub fn new(stage_id: Id, entered_at: Timestamp) -> StageEntry {
        StageEntry { stage_id, entered_at, moved_from: None }
    }
}

/// One deal's progress on one milestone of its roadmap.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MilestoneProgress {
    /// The milestone this is about.
    pub milestone_id: Id,
    /// When it was marked done; none while it is not done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_at: Option<Timestamp>,
    /// A due date set by hand for this deal, used instead of the planned one; none to follow the plan.
    #[serde(default, with = "crate::ymd::optional_day", skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The person doing it on this deal, shown instead of the milestone's role; none to show the role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
}

/// A target the team sets itself, measured over a period, on one roadmap or all of them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Goal {
    /// The goal's id.
    pub id: Id,
    /// What is measured.
    pub metric: GoalMetric,
    /// Money targets are in minor units; counts are plain; rates are percent.
    pub target: i64,
    /// The first day of the period the goal covers.
    #[serde(with = "crate::ymd::day")]
    pub period_start: NaiveDate,
    /// A goal without an end date is not time-bound; the SMART check says so.
    #[serde(default, with = "crate::ymd::optional_day", skip_serializing_if = "Option::is_none")]
    pub period_end: Option<NaiveDate>,
    /// Who answers for it; empty when nobody does (the SMART check says so).
    #[serde(default)]
    pub owner: String,
    /// Only deals on this roadmap count; none to count deals on every roadmap.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roadmap_id: Option<Id>,
    /// When it was last changed (0: never); a merge takes the newer version.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub updated_at: Timestamp,
    /// Who made that change (their "I am" name), when they had chosen one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub updated_by: String,
}

/// How a first visit's sample goal is told apart: its id starts with this. An id rather
/// than a stored flag, because a new field would need a new schema version.
pub const SAMPLE_GOAL_ID_PREFIX: &str = "sample-goal-";

impl Goal {
    /// Whether this is a first visit's sample goal, which leaves with the sample deals.
    pub fn is_sample(&self) -> bool {
        self.id.0.starts_with(SAMPLE_GOAL_ID_PREFIX)
    }
}

/// What a goal measures; `analytics` defines each figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GoalMetric {
    /// Value of the deals won in the period, in minor units of the default currency.
    WonRevenue,
    /// How many deals were won in the period.
    DealsWon,
    /// How many customers with a deal won in the period had none won before it.
    NewCustomers,
    /// Won ÷ (won + lost) over the deals closed in the period, in whole percent.
    WinRate,
    /// Value × stage win probability summed over open deals, today's level, in minor units of the default currency.
    WeightedPipeline,
}

impl Workspace {
    /// The roadmap with this id, if there is one.
    pub fn roadmap(&self, id: &Id) -> Option<&Roadmap> {
        self.roadmaps.iter().find(|r| &r.id == id)
    }

    /// The roadmap with this id, to change.
    pub fn roadmap_mut(&mut self, id: &Id) -> Option<&mut Roadmap> {
        self.roadmaps.iter_mut().find(|r| &r.id == id)
    }

    /// The roadmap being worked on: the chosen one if it still exists, else the first.
    pub fn active_roadmap(&self) -> Option<&Roadmap> {
        self.settings.active_roadmap.as_ref().and_then(|id| self.roadmap(id)).or_else(|| self.roadmaps.first())
    }

    /// The deal with this id, if there is one.
    pub fn deal(&self, id: &Id) -> Option<&Deal> {
        self.deals.iter().find(|d| &d.id == id).map(|d| &**d)
    }

    /// The deal with this id, to change; a deal shared with another copy is copied first (`Arc::make_mut`).
    pub fn deal_mut(&mut self, id: &Id) -> Option<&mut Deal> {
        self.deals.iter_mut().find(|d| d.id == *id).map(Arc::make_mut)
    }

    /// Mints a fresh id and advances the counter.
    pub fn mint_id(&mut self) -> Id {
        let id = Id(format!("{}-{}", self.origin, self.next_id).into());
        self.next_id += 1;
        id
    }

    /// Remembers a deletion, so merges carry it. Deleting again keeps the later one;
    /// tombstones past [`TOMBSTONE_DAYS`] go.
    pub fn bury(&mut self, tombstone: Tombstone) {
        let at = tombstone.at;
        match self.deleted.iter_mut().find(|t| t.id == tombstone.id) {
            Some(known) if known.at > at => {}
            Some(known) => *known = tombstone,
            None => self.deleted.push(tombstone),
        }
        self.compact_deleted(at);
    }

    /// Forgets deletions older than [`TOMBSTONE_DAYS`] before `now`.
    pub fn compact_deleted(&mut self, now: Timestamp) {
        let horizon = now - TOMBSTONE_DAYS * 24 * 60 * 60 * 1000;
        self.deleted.retain(|t| t.at >= horizon);
    }

    /// Whether any sample deal or goal is left.
    pub fn has_samples(&self) -> bool {
        self.deals.iter().any(|d| d.sample) || self.goals.iter().any(Goal::is_sample)
    }

    /// The workspace as it leaves this browser (an export, a share link): without the
    /// sample deals and goal of a first visit, which are nobody's data and would otherwise
    /// turn up in every teammate's pipeline.
    pub fn without_samples(&self) -> Workspace {
        let mut out = self.clone();
        out.remove_samples();
        out
    }

    /// Removes the sample deals and goals; says whether there were any.
    pub fn remove_samples(&mut self) -> bool {
        let before = self.deals.len() + self.goals.len();
        self.deals.retain(|d| !d.sample);
        self.goals.retain(|g| !g.is_sample());
        self.deals.len() + self.goals.len() != before
    }
}

impl Roadmap {
    /// The stage with this id, if it is on this roadmap.
    pub fn stage(&self, id: &Id) -> Option<&Stage> {
        self.stages.iter().find(|s| &s.id == id)
    }

    /// The position (0-based) of the stage with this id, if it is on this roadmap.
    pub fn stage_index(&self, id: &Id) -> Option<usize> {
        self.stages.iter().position(|s| &s.id == id)
    }

    /// The stage with this id, to change.
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

    /// Target days of every stage added up: how long the whole roadmap should take.
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

impl CustomerTask {
    /// Who does it, as the plan shows it: the contact and the role, either when alone ("王经理 · 采购经理").
    pub fn who(&self) -> String {
        [self.contact.as_str(), self.role.as_str()].into_iter().filter(|t| !t.is_empty()).collect::<Vec<_>>().join(" · ")
    }
}

impl Deal {
    /// Whether this deal has `milestone` marked done.
    pub fn is_milestone_done(&self, milestone: &Id) -> bool {
        self.milestones.iter().any(|p| &p.milestone_id == milestone && p.done_at.is_some())
    }

    /// Milestones of the current stage that are not done yet.
    pub fn open_milestones<'a>(&'a self, stage: &'a Stage) -> impl Iterator<Item = &'a Milestone> {
        stage.milestones.iter().filter(move |m| !self.is_milestone_done(&m.id))
    }
}
