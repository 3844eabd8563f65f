//! Learn mode: what a trainee reads at each stage of a roadmap, the concept lessons
//! and glossary, and the self-checks.

pub mod assessment;
pub mod cases;
pub mod concepts;
pub mod design;
pub mod diagram;
pub mod glossary;
pub mod presentation;
pub mod quiz;
pub mod record;
pub mod roleplay;
pub mod samples;
pub mod scenarios;

use crate::core::deal::plan::deal_plan;
use crate::core::learn::samples::Bi;
use crate::core::learn::scenarios::{build_scenario, ScenarioId};
use crate::core::model::{DealStatus, DecisionPhase, Roadmap, Timestamp};
use crate::core::roadmap::templates::TemplateId;
use crate::core::text::i18n::Lang;

fn pick(lang: Lang, pair: Bi) -> &'static str {
    lang.pick(pair)
}

/// What the buyer is doing in this decision phase, and so what the seller should do.
pub fn buyer_mind(phase: DecisionPhase, lang: Lang) -> &'static str {
    pick(lang, match phase {
        DecisionPhase::NeedRecognition => ("客户刚意识到有问题要解决，还没有想好方案。帮助他看清问题和代价。", "The customer has just noticed a problem and has no solution in mind yet. Help them see the problem and what it costs."),
        DecisionPhase::InformationSearch => ("客户在收集信息、比较不同做法。及时提供资料和案例，成为他信任的信息来源。", "The customer is gathering information and comparing approaches. Supply material and cases, and become the source they trust."),
        DecisionPhase::Evaluation => ("客户在评估几家的方案。突出与需求对应的价值，消除顾虑。", "The customer is weighing several offers. Show the value that answers their needs and remove doubts."),
        DecisionPhase::PurchaseDecision => ("客户准备做决定，关注价格、条款和风险。让决策变得简单、安心。", "The customer is about to decide and looks at price, terms and risk. Make the decision simple and safe."),
        DecisionPhase::PostPurchase => ("客户已经购买，在看是否值得。做好交付和服务，争取续约和推荐。", "The customer has bought and is judging whether it was worth it. Deliver and serve well, and earn renewals and referrals."),
    })
}

/// Mistakes the sources warn about, the ones most likely in this phase.
pub fn pitfalls(phase: DecisionPhase, lang: Lang) -> Vec<&'static str> {
    let unclear = ("需求没弄清就定里程碑，后面只能返工。", "Milestones set before the needs were clear, so work must be redone.");
    let data = ("客户资料不完整，判断失准。", "Incomplete customer data leads to wrong judgements.");
    let market = (
        "市场或客户情况变了，日期却没调整，里程碑一再延误。",
        "The market or the customer changed but the dates did not, so milestones slip again and again.",
    );
    let talk = (
        "销售、技术和交付之间沟通不畅，客户听到不同的说法。",
        "Sales, engineering and delivery do not talk, and the customer hears different stories.",
    );
    let feedback =
        ("里程碑完成后没收集客户反馈，错过调整的机会。", "No customer feedback after a milestone, so the chance to adjust is missed.");
    let chosen: Vec<Bi> = match phase {
        DecisionPhase::NeedRecognition => vec![data, unclear],
        DecisionPhase::InformationSearch => vec![unclear, data],
        DecisionPhase::Evaluation => vec![talk, feedback],
        DecisionPhase::PurchaseDecision => vec![market, talk],
        DecisionPhase::PostPurchase => vec![feedback, talk],
    };
    chosen.into_iter().map(|p| pick(lang, p)).collect()
}

/// A worked example: a deal of a practice scenario standing in this stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Example {
    /// The name of the practice scenario's company, the seller in the example.
    pub company: &'static str,
    /// The customer the deal is with.
    pub customer: String,
    /// The deal's title.
    pub title: String,
    /// Titles of the milestones of this stage the deal has already done, in roadmap order.
    pub done: Vec<String>,
    /// Titles of the milestones of this stage the deal has still to do, in roadmap order.
    pub next: Vec<String>,
    /// The comment of the deal's first customer feedback, if it has any.
    pub feedback: Option<String>,
}

/// The scenario that follows the same template as `roadmap` (project sale otherwise).
fn scenario_for(roadmap: &Roadmap) -> ScenarioId {
    match roadmap.template.as_deref() {
        Some(key) if key == TemplateId::KeyAccount.key() => ScenarioId::SoftwareKeyAccount,
        Some(key) if key == TemplateId::FullProcess.key() => ScenarioId::SaasLaunch,
        _ => ScenarioId::EquipmentProject,
    }
}

/// A scenario deal (open if there is one) at stage `index` of the scenario's roadmap, with what it has done
/// there and what comes next.
pub fn example(roadmap: &Roadmap, index: usize, lang: Lang, now: Timestamp) -> Option<Example> {
    let id = scenario_for(roadmap);
    let ws = build_scenario(id, lang, now);
    let scenario_roadmap = ws.roadmaps.first()?;
    let stage = scenario_roadmap.stages.get(index)?;
    // An open deal shows work in progress best; the last stages may only hold won ones.
    let in_stage = || ws.deals.iter().filter(|d| d.stage_id == stage.id);
    let deal = in_stage().find(|d| d.status == DealStatus::Open).or_else(|| in_stage().next())?;
    let today = crate::core::deal::plan::day_of(now);
    let plan = deal_plan(scenario_roadmap, deal, today);
    let here = plan.milestones.iter().filter(|m| m.stage_index == index);
    let (done, next): (Vec<_>, Vec<_>) = here.partition(|m| m.done_on.is_some());
    Some(Example {
        company: pick(lang, id.scenario().name),
        customer: deal.customer.clone(),
        title: deal.title.clone(),
        done: done.into_iter().map(|m| m.title.get(lang).to_owned()).collect(),
        next: next.into_iter().map(|m| m.title.get(lang).to_owned()).collect(),
        feedback: deal.feedback.first().map(|f| f.comment.clone()),
    })
}

/// The order a self-check shows the stages in: the same order for the same seed,
/// never already solved when there are two stages or more.
pub fn shuffled(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    for i in (1..count).rev() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let j = (state >> 33) as usize % (i + 1);
        order.swap(i, j);
    }
    if count > 1 && order.iter().enumerate().all(|(i, &v)| i == v) {
        order.swap(0, 1);
    }
    order
}

/// How many stages stand where they belong.
pub fn order_score(answer: &[usize]) -> usize {
    answer.iter().enumerate().filter(|(i, v)| i == *v).count()
}
