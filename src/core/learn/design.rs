//! "Design your own roadmap": a guided exercise through the milestones article's five
//! construction steps (set the sales goal, analyse the customer's needs, set the key
//! nodes, set a timeline, monitor and adjust). The check holds the draft to what the
//! sources ask: a measurable goal with a date, needs and a decision process written
//! down, key nodes marked, and every milestone with an owner, a due day and a point
//! where the customer's feedback is collected.

use serde::{Deserialize, Serialize};

use crate::core::learn::samples::Bi;
use crate::core::model::Roadmap;
use crate::core::text::i18n::{fill, Lang};

/// A milestone of the draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftMilestone {
    /// What must get done.
    pub title: String,
    /// Who answers for it (a person or a role).
    pub owner: String,
    /// Days into its stage by which it is due.
    pub due_day: Option<u32>,
    /// Whether the customer's feedback is collected once it is done.
    pub feedback: bool,
}

/// A stage of the draft.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DraftStage {
    /// The stage's name.
    pub name: String,
    /// Whether it is a key node (the customer's decision can move here).
    pub key_node: bool,
    /// Its milestones, in order.
    pub milestones: Vec<DraftMilestone>,
}

/// The trainee's draft, step by step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DesignDraft {
    /// Step 1: the goal in words ("华东区新签 12 家制造业客户").
    pub goal: String,
    /// Step 1: the number to reach.
    pub goal_target: Option<i64>,
    /// Step 1: by when (YYYY-MM-DD as typed).
    pub goal_end: String,
    /// Step 2: the customer's needs and pains.
    pub needs: String,
    /// Step 2: how the customer decides, and who.
    pub decision_process: String,
    /// Steps 3 and 4: stages, key nodes, milestones with owners and due days.
    pub stages: Vec<DraftStage>,
    /// Step 5: how often progress is reviewed ("每周一进展会").
    pub review: String,
}

impl DesignDraft {
    /// A draft whose stages and milestones start from `roadmap`: names, key nodes, owner
    /// roles and due days as designed there; the feedback points are left to the trainee.
    pub fn from_roadmap(roadmap: &Roadmap, lang: Lang) -> Self {
        DesignDraft {
            stages: roadmap
                .stages
                .iter()
                .map(|s| DraftStage {
                    name: s.name.get(lang).to_owned(),
                    key_node: s.key_node,
                    milestones: s
                        .milestones
                        .iter()
                        .map(|m| DraftMilestone {
                            title: m.title.get(lang).to_owned(),
                            owner: m.owner_role.get(lang).to_owned(),
                            due_day: Some(m.day_offset),
                            feedback: false,
                        })
                        .collect(),
                })
                .collect(),
            ..DesignDraft::default()
        }
    }
}

/// Something the draft still lacks, in the step it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DesignGap {
    /// Step 1: no goal written.
    NoGoal,
    /// Step 1: no number to reach (not specific or measurable).
    NoTarget,
    /// Step 1: no end date (not time-bound), or one that is not a date.
    NoEnd,
    /// Step 2: the customer's needs are not written down.
    NoNeeds,
    /// Step 2: how the customer decides is not written down.
    NoDecisionProcess,
    /// Step 3: no stage, or a stage without milestones (named).
    NoMilestones(Option<String>),
    /// Step 3: no stage is a key node.
    NoKeyNode,
    /// Step 4: milestones without an owner (stage, milestone).
    NoOwner(String, String),
    /// Step 4: milestones without a due day.
    NoDueDay(String, String),
    /// Step 4: milestones after which no feedback is collected.
    NoFeedback(String, String),
    /// Step 5: no review rhythm.
    NoReview,
}

impl DesignGap {
    /// Which of the five steps (1–5) the gap belongs to.
    pub fn step(&self) -> usize {
        match self {
            DesignGap::NoGoal | DesignGap::NoTarget | DesignGap::NoEnd => 1,
            DesignGap::NoNeeds | DesignGap::NoDecisionProcess => 2,
            DesignGap::NoMilestones(_) | DesignGap::NoKeyNode => 3,
            DesignGap::NoOwner(..) | DesignGap::NoDueDay(..) | DesignGap::NoFeedback(..) => 4,
            DesignGap::NoReview => 5,
        }
    }

    /// The gap in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        let (text, args): (Bi, Vec<&str>) = match self {
            DesignGap::NoGoal => (("写下销售目标。", "Write down the sales goal."), vec![]),
            DesignGap::NoTarget => {
                (("目标还没有具体数字（SMART 的 S 和 M）。", "The goal has no number yet (the S and M of SMART)."), vec![])
            }
            DesignGap::NoEnd => (("目标还没有截止日期（SMART 的 T）。", "The goal has no end date yet (the T of SMART)."), vec![]),
            DesignGap::NoNeeds => (("写下客户的需求和痛点。", "Write down the customer's needs and pains."), vec![]),
            DesignGap::NoDecisionProcess => {
                (("写下客户的决策流程和决策人。", "Write down how the customer decides, and who decides."), vec![])
            }
            DesignGap::NoMilestones(None) => (("至少设一个阶段和它的里程碑。", "Set at least one stage with its milestones."), vec![]),
            DesignGap::NoMilestones(Some(stage)) => (("“{0}”还没有里程碑。", "“{0}” has no milestones yet."), vec![stage]),
            DesignGap::NoKeyNode => (
                ("标出关键节点：客户的决定在哪些阶段可能改变？", "Mark the key nodes: at which stages can the customer's decision move?"),
                vec![],
            ),
            DesignGap::NoOwner(stage, m) => {
                (("“{0}”的“{1}”还没有负责人（明确责任）。", "“{1}” in “{0}” has no owner (clear ownership)."), vec![stage, m])
            }
            DesignGap::NoDueDay(stage, m) => (("“{0}”的“{1}”还没有完成时间。", "“{1}” in “{0}” has no due day."), vec![stage, m]),
            DesignGap::NoFeedback(stage, m) => {
                (("“{0}”的“{1}”完成后没有安排收集客户反馈。", "“{1}” in “{0}” has no customer feedback planned after it."), vec![stage, m])
            }
            DesignGap::NoReview => {
                (("定下多久评估一次进展（定期评估）。", "Decide how often progress is reviewed (regular reviews)."), vec![])
            }
        };
        fill(lang.pick(text), &args)
    }
}

/// What the draft lacks, step by step; empty when the design is complete.
pub fn design_gaps(draft: &DesignDraft) -> Vec<DesignGap> {
    let blank = |s: &str| s.trim().is_empty();
    let mut gaps = Vec::new();
    if blank(&draft.goal) {
        gaps.push(DesignGap::NoGoal);
    }
    if draft.goal_target.is_none_or(|t| t <= 0) {
        gaps.push(DesignGap::NoTarget);
    }
    if crate::core::ymd::parse(draft.goal_end.trim()).is_none() {
        gaps.push(DesignGap::NoEnd);
    }
    if blank(&draft.needs) {
        gaps.push(DesignGap::NoNeeds);
    }
    if blank(&draft.decision_process) {
        gaps.push(DesignGap::NoDecisionProcess);
    }
    let stages: Vec<&DraftStage> = draft.stages.iter().filter(|s| !blank(&s.name)).collect();
    if stages.is_empty() {
        gaps.push(DesignGap::NoMilestones(None));
    }
    for stage in &stages {
        if !stage.milestones.iter().any(|m| !blank(&m.title)) {
            gaps.push(DesignGap::NoMilestones(Some(stage.name.trim().to_owned())));
        }
    }
    if !stages.is_empty() && !stages.iter().any(|s| s.key_node) {
        gaps.push(DesignGap::NoKeyNode);
    }
    for stage in &stages {
        for m in stage.milestones.iter().filter(|m| !blank(&m.title)) {
            let names = || (stage.name.trim().to_owned(), m.title.trim().to_owned());
            if blank(&m.owner) {
                let (s, t) = names();
                gaps.push(DesignGap::NoOwner(s, t));
            }
            if m.due_day.is_none() {
                let (s, t) = names();
                gaps.push(DesignGap::NoDueDay(s, t));
            }
            if !m.feedback {
                let (s, t) = names();
                gaps.push(DesignGap::NoFeedback(s, t));
            }
        }
    }
    if blank(&draft.review) {
        gaps.push(DesignGap::NoReview);
    }
    gaps.sort_by_key(DesignGap::step);
    gaps
}

/// The five steps' names, in order.
pub const STEPS: [Bi; 5] = [
    ("确定销售目标", "Set the sales goal"),
    ("分析客户需求", "Analyse the customer's needs"),
    ("设定关键节点", "Set the key nodes"),
    ("制定时间表", "Set a timeline"),
    ("监控与调整", "Monitor and adjust"),
];
