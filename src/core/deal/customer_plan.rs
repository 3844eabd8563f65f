//! The customer's view of a deal: one clean page with the goal, the next steps and every
//! step of the plan with who does it (our side or theirs), its date and whether it is done.
//!
//! Built for one language, chosen when sharing, and carried whole in a link
//! (`files::customer_link`), so the customer needs nothing but the page. It holds none of
//! the deal's internal fields: no value, probability, notes, lost reason, activities, our
//! ratings or plan health — the types below have no place for them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::deal::plan::{day_of, deal_plan, MilestoneState};
use crate::core::model::{Deal, Id, Roadmap, Timestamp};
use crate::core::text::i18n::Lang;

/// Which side of the deal does a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// The seller's team (a milestone of the roadmap).
    #[serde(rename = "o")]
    Ours,
    /// The customer's people (a customer task).
    #[serde(rename = "c")]
    Theirs,
}

/// One step of the plan as the customer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanStep {
    /// The milestone's or task's id, which a reply refers to.
    #[serde(rename = "i")]
    pub id: Id,
    /// Who does it.
    #[serde(rename = "s")]
    pub side: Side,
    /// What is done, in the plan's language.
    #[serde(rename = "t")]
    pub title: String,
    /// Who does it: our person or role, or their contact and role.
    #[serde(rename = "w", default, skip_serializing_if = "String::is_empty")]
    pub who: String,
    /// The stage it falls in (an index into `CustomerPlan::stages`).
    #[serde(rename = "g")]
    pub stage: usize,
    /// The day it is due.
    #[serde(rename = "d", with = "crate::core::ymd::day")]
    pub due: NaiveDate,
    /// Whether it is done.
    #[serde(rename = "x", default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
}

/// A deal's plan for its customer, as of the day it was shared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPlan {
    /// The deal's id, which the customer's reply names.
    #[serde(rename = "id")]
    pub deal_id: Id,
    /// The customer's name.
    #[serde(rename = "c")]
    pub customer: String,
    /// What the deal is about: the goal both sides work towards.
    #[serde(rename = "t")]
    pub title: String,
    /// The seller who owns the deal; may be empty.
    #[serde(rename = "o", default, skip_serializing_if = "String::is_empty")]
    pub seller: String,
    /// The day both sides aim to sign, if set.
    #[serde(rename = "e", default, with = "crate::core::ymd::optional_day", skip_serializing_if = "Option::is_none")]
    pub target: Option<NaiveDate>,
    /// The language the page is written in.
    #[serde(rename = "l")]
    pub lang: Lang,
    /// When it was shared: the plan is "as of" this moment, and a reply names it.
    #[serde(rename = "a")]
    pub shared_at: Timestamp,
    /// The stages' names, in order.
    #[serde(rename = "g")]
    pub stages: Vec<String>,
    /// Every step, by stage and then by date.
    #[serde(rename = "p")]
    pub steps: Vec<PlanStep>,
}

impl CustomerPlan {
    /// The day the plan shows things as they were.
    pub fn as_of(&self) -> NaiveDate {
        day_of(self.shared_at)
    }

    /// The open steps, earliest first, at most `count`: what happens next.
    pub fn next_steps(&self, count: usize) -> Vec<&PlanStep> {
        let mut open: Vec<&PlanStep> = self.steps.iter().filter(|s| !s.done).collect();
        open.sort_by_key(|s| s.due);
        open.truncate(count);
        open
    }

    /// Steps done out of all steps.
    pub fn progress(&self) -> (usize, usize) {
        (self.steps.iter().filter(|s| s.done).count(), self.steps.len())
    }
}

/// The customer's plan of `deal` on `roadmap`, in `lang`, as of `now`: the steps of the
/// seller's plan (`deal::plan`), ours and theirs, by stage and then by date. Stages the deal
/// skipped are left out, as in the seller's plan.
pub fn customer_plan(roadmap: &Roadmap, deal: &Deal, lang: Lang, now: Timestamp) -> CustomerPlan {
    let plan = deal_plan(roadmap, deal, day_of(now));
    let position = |index: usize| plan.stages.iter().position(|s| s.index == index).unwrap_or(0);
    let mut steps: Vec<PlanStep> = plan
        .milestones
        .iter()
        .map(|m| PlanStep {
            id: m.milestone_id.clone(),
            side: if m.customer { Side::Theirs } else { Side::Ours },
            title: m.title.get(lang).to_owned(),
            who: m.owner.get(lang).to_owned(),
            stage: position(m.stage_index),
            due: m.due,
            done: m.state == MilestoneState::Done,
        })
        .collect();
    // By date within each stage (stable: equal days keep the roadmap's order), as a customer reads a plan.
    steps.sort_by_key(|s| (s.stage, s.due));
    CustomerPlan {
        deal_id: deal.id.clone(),
        customer: deal.customer.clone(),
        title: deal.title.clone(),
        seller: deal.owner.clone(),
        target: deal.expected_close,
        lang,
        shared_at: now,
        stages: plan.stages.iter().map(|s| s.name.get(lang).to_owned()).collect(),
        steps,
    }
}
