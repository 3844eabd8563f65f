//! The built-in roadmaps: the three stage lists of the domain sources, each
//! stage with its milestones, win probability and target duration. The sources give
//! no figures: the probabilities and days are examples for a team to calibrate from its
//! own history, and the app says so wherever it shows them (`Msg::ExampleFigures`).
//!
//! Stages that several lists share (prospect identification, needs analysis …)
//! are written once as a `StageSpec` and reused.

use crate::core::model::{DecisionPhase, Id, Milestone, Roadmap, Stage, Workspace};
use crate::core::roadmap::rank::nth_rank;
use crate::core::text::Text;

/// Names one of the built-in roadmap templates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TemplateId {
    /// 项目销售里程碑: ends at contract signing.
    ProjectSale,
    /// 大客户销售路线图: through to after-sales service.
    KeyAccount,
    /// 完整销售节点流程: with delivery and after-sales.
    FullProcess,
}

impl TemplateId {
    /// Every template, in the order they are offered.
    pub const ALL: [TemplateId; 3] = [TemplateId::ProjectSale, TemplateId::KeyAccount, TemplateId::FullProcess];

    /// Stable name stored in a roadmap's `template` field, saved in files; never change it.
    pub fn key(self) -> &'static str {
        match self {
            TemplateId::ProjectSale => "project-sale",
            TemplateId::KeyAccount => "key-account",
            TemplateId::FullProcess => "full-process",
        }
    }

    /// The template's name in both languages, which a roadmap built from it starts with.
    pub fn name(self) -> Text {
        match self {
            TemplateId::ProjectSale => Text::both("项目销售里程碑", "Project sale milestones"),
            TemplateId::KeyAccount => Text::both("大客户销售路线图", "Key-account roadmap"),
            TemplateId::FullProcess => Text::both("完整销售节点流程", "Full sales-node process"),
        }
    }

    fn stages(self) -> &'static [&'static StageSpec] {
        match self {
            TemplateId::ProjectSale => &[&PROSPECTING, &NEEDS_ANALYSIS, &SOLUTION_DESIGN, &PROPOSAL, &QUOTATION, &CONTRACT],
            TemplateId::KeyAccount => &[&PROSPECTING, &FIRST_CONTACT, &NEEDS_ANALYSIS, &PRESENTATION, &NEGOTIATE_CLOSE, &AFTER_SALES],
            TemplateId::FullProcess => {
                &[&PROSPECTING, &CUSTOMER_CONTACT, &NEEDS_ANALYSIS, &SOLUTION_DESIGN, &CONTRACT_NEGOTIATION, &DELIVERY, &AFTER_SALES]
            }
        }
    }
}

/// (中文, English)
type Bi = (&'static str, &'static str);

struct MilestoneSpec {
    title: Bi,
    owner: Bi,
    required: bool,
}

struct StageSpec {
    name: Bi,
    description: Bi,
    guidance: Bi,
    exit_criteria: Bi,
    win_probability: u8,
    target_days: u32,
    key_node: bool,
    phase: DecisionPhase,
    milestones: &'static [MilestoneSpec],
}

const REP: Bi = ("销售代表", "Sales rep");
const ENGINEER: Bi = ("售前工程师", "Solution engineer");
const MANAGER: Bi = ("销售经理", "Sales manager");
const SERVICE: Bi = ("客户成功经理", "Customer success manager");
const DELIVERY_LEAD: Bi = ("交付负责人", "Delivery lead");

const fn m(title: Bi, owner: Bi, required: bool) -> MilestoneSpec {
    MilestoneSpec { title, owner, required }
}

const FIRST_VISIT: MilestoneSpec = m(("完成首次拜访或通话", "Hold the first visit or call"), REP, true);
const SIGN: MilestoneSpec = m(("双方签署合同", "Sign the contract"), MANAGER, true);
const REVIEW_TERMS: MilestoneSpec = m(("审核合同条款", "Review the contract terms"), MANAGER, true);
const AGREE_PRICE: MilestoneSpec = m(("完成价格谈判", "Agree the price"), MANAGER, true);

const PROSPECTING: StageSpec = StageSpec {
    name: ("潜在客户识别", "Prospect identification"),
    description: (
        "找出可能需要我们产品的客户，确认他们值得投入时间。",
        "Find customers who may need the product and confirm they are worth the time.",
    ),
    guidance: (
        "通过行业名录、展会、老客户推荐等渠道收集线索，记录公司规模、行业和联系人。",
        "Gather leads from industry lists, trade fairs and referrals; record company size, industry and contacts.",
    ),
    exit_criteria: (
        "已确认联系人，并判断客户有真实需求和购买能力。",
        "A contact is confirmed, and the customer has a real need and the means to buy.",
    ),
    win_probability: 10,
    target_days: 14,
    key_node: false,
    phase: DecisionPhase::NeedRecognition,
    milestones: &[
        m(("整理客户基本信息和联系人", "Record the company profile and contacts"), REP, true),
        m(("确认是合格线索", "Qualify the lead"), REP, true),
    ],
};

const FIRST_CONTACT: StageSpec = StageSpec {
    name: ("初步接触", "First contact"),
    description: (
        "第一次与客户交流，建立联系并了解大致情况。",
        "Talk with the customer for the first time, build contact and learn the situation.",
    ),
    guidance: (
        "通过拜访或电话介绍自己，倾听客户现状，约定下一次交流。",
        "Introduce yourself by visit or call, listen to the customer's situation, and agree a next conversation.",
    ),
    exit_criteria: ("客户愿意继续交流，并约定了下一步。", "The customer wants to continue and a next step is agreed."),
    win_probability: 15,
    target_days: 10,
    // The key-account article names first contact, needs analysis and presentation as its key nodes.
    key_node: true,
    phase: DecisionPhase::NeedRecognition,
    milestones: &[FIRST_VISIT, m(("约定下一步交流", "Agree the next conversation"), REP, false)],
};

const CUSTOMER_CONTACT: StageSpec = StageSpec {
    name: ("客户接触", "Customer contact"),
    description: ("与客户建立联系，找到关键联系人。", "Make contact with the customer and find the key people."),
    guidance: (
        "找到使用者、影响者和决策者，了解他们各自关心什么。",
        "Find the users, influencers and decision makers, and learn what each of them cares about.",
    ),
    exit_criteria: ("已找到关键联系人，并安排了需求调研。", "The key contact is known and a needs meeting is booked."),
    win_probability: 15,
    target_days: 10,
    key_node: false,
    phase: DecisionPhase::NeedRecognition,
    milestones: &[FIRST_VISIT, m(("找到关键联系人", "Identify the key contact"), REP, true)],
};

const NEEDS_ANALYSIS: StageSpec = StageSpec {
    name: ("需求分析", "Needs analysis"),
    description: ("弄清客户的需求、预算和决策流程。", "Understand the customer's needs, budget and decision process."),
    guidance: (
        "调研客户的需求、预算和决策流程；决策慢的客户要增加接触、提供决策资料。",
        "Research the needs, budget and decision process; when a decision is slow, add contact and give decision material.",
    ),
    exit_criteria: ("需求、预算和决策人都已书面确认。", "Needs, budget and decision makers are confirmed in writing."),
    win_probability: 25,
    target_days: 21,
    key_node: true,
    phase: DecisionPhase::InformationSearch,
    milestones: &[
        m(("记录客户需求", "Document the customer's needs"), REP, true),
        m(("确认预算", "Confirm the budget"), REP, true),
        m(("理清决策流程和决策人", "Map the decision process and decision makers"), MANAGER, true),
    ],
};

const SOLUTION_DESIGN: StageSpec = StageSpec {
    name: ("方案设计", "Solution design"),
    description: ("根据需求设计方案，并通过内部评审。", "Design a solution for the needs and get it through internal review."),
    guidance: (
        "针对已确认的需求设计方案，组织内部评审，确保可以交付。",
        "Design the solution for the confirmed needs and hold an internal review, so it can be delivered.",
    ),
    exit_criteria: ("方案通过内部评审。", "The solution has passed internal review."),
    win_probability: 40,
    target_days: 14,
    key_node: false,
    phase: DecisionPhase::Evaluation,
    milestones: &[
        m(("完成方案初稿", "Draft the solution"), ENGINEER, true),
        m(("通过内部评审", "Pass the internal review"), MANAGER, true),
    ],
};

const PROPOSAL: StageSpec = StageSpec {
    name: ("方案提交", "Proposal submission"),
    description: ("向客户提交方案，并收集客户的反馈。", "Submit the proposal to the customer and collect their feedback."),
    guidance: (
        "提交方案并当面讲解，收集客户的意见，必要时调整方案。",
        "Submit the proposal and walk through it, collect the customer's views, and adjust if needed.",
    ),
    exit_criteria: ("客户反馈已记录，客户同意进入报价。", "Feedback is recorded and the customer agrees to see a price."),
    win_probability: 55,
    target_days: 10,
    key_node: true,
    phase: DecisionPhase::Evaluation,
    milestones: &[
        m(("向客户提交方案", "Submit the proposal"), REP, true),
        m(("讲解方案并记录客户意见", "Walk the customer through it and record their views"), REP, true),
    ],
};

const PRESENTATION: StageSpec = StageSpec {
    name: ("方案呈现", "Solution presentation"),
    description: ("向客户的决策人呈现方案，回答疑问。", "Present the solution to the decision makers and answer their questions."),
    guidance: (
        "向决策人演示方案，用案例和数据说明价值，解答疑问。",
        "Present to the decision makers, show the value with cases and figures, and answer questions.",
    ),
    exit_criteria: ("决策人认可方案方向。", "The decision makers accept the direction of the solution."),
    win_probability: 50,
    target_days: 14,
    key_node: true,
    phase: DecisionPhase::Evaluation,
    milestones: &[
        m(("完成方案演示", "Give the solution presentation"), ENGINEER, true),
        m(("记录决策人的意见和顾虑", "Record the decision makers' views and concerns"), REP, true),
    ],
};

const QUOTATION: StageSpec = StageSpec {
    name: ("报价阶段", "Quotation"),
    description: ("提交正式报价，与客户谈定价格。", "Send the formal quotation and agree the price with the customer."),
    guidance: (
        "根据方案给出正式报价，明确价格、付款方式和有效期，进行价格谈判。",
        "Send the formal quotation with price, payment terms and validity, then negotiate.",
    ),
    exit_criteria: ("双方就价格达成一致。", "Both sides agree the price."),
    win_probability: 70,
    target_days: 14,
    key_node: true,
    phase: DecisionPhase::PurchaseDecision,
    milestones: &[m(("提交正式报价", "Send the formal quotation"), REP, true), AGREE_PRICE],
};

const NEGOTIATE_CLOSE: StageSpec = StageSpec {
    name: ("谈判成交", "Negotiation and close"),
    description: ("谈定价格和条款，签下合同。", "Settle price and terms, and sign the contract."),
    guidance: (
        "围绕价格、条款和交付时间谈判，消除客户最后的顾虑。",
        "Negotiate price, terms and delivery dates, and clear the customer's last concerns.",
    ),
    exit_criteria: ("合同已签署。", "The contract is signed."),
    win_probability: 75,
    target_days: 21,
    key_node: true,
    phase: DecisionPhase::PurchaseDecision,
    milestones: &[AGREE_PRICE, SIGN],
};

const CONTRACT_NEGOTIATION: StageSpec = StageSpec {
    name: ("合同谈判", "Contract negotiation"),
    description: ("谈定合同条款和价格，完成签约。", "Negotiate the contract terms and price, then sign."),
    guidance: ("审核合同条款，协调法务和财务，推动签约。", "Review the contract terms, involve legal and finance, and drive to signature."),
    exit_criteria: ("合同已签署。", "The contract is signed."),
    win_probability: 75,
    target_days: 21,
    key_node: true,
    phase: DecisionPhase::PurchaseDecision,
    milestones: &[REVIEW_TERMS, SIGN],
};

const CONTRACT: StageSpec = StageSpec {
    name: ("合同签署", "Contract signing"),
    description: ("审核合同条款，双方签字。", "Review the contract terms and sign."),
    guidance: (
        "核对合同条款与报价一致，安排双方签字盖章。",
        "Check that the contract matches the quotation and arrange signatures on both sides.",
    ),
    exit_criteria: ("合同已签署并归档。", "The contract is signed and filed."),
    win_probability: 90,
    target_days: 10,
    key_node: true,
    phase: DecisionPhase::PurchaseDecision,
    milestones: &[REVIEW_TERMS, SIGN],
};

const DELIVERY: StageSpec = StageSpec {
    name: ("交付实施", "Delivery and implementation"),
    description: (
        "按合同交付产品或服务，确保客户用起来。",
        "Deliver what the contract promises and make sure the customer is up and running.",
    ),
    guidance: (
        "与客户确认交付计划，按计划实施，及时沟通进度和问题。",
        "Agree the delivery plan, carry it out, and report progress and issues promptly.",
    ),
    exit_criteria: ("客户完成验收。", "The customer has signed acceptance."),
    win_probability: 95,
    target_days: 30,
    key_node: false,
    phase: DecisionPhase::PostPurchase,
    milestones: &[
        m(("制定交付计划", "Agree the delivery plan"), DELIVERY_LEAD, true),
        m(("客户验收", "Customer acceptance"), DELIVERY_LEAD, true),
    ],
};

const AFTER_SALES: StageSpec = StageSpec {
    name: ("售后服务", "After-sales service"),
    description: ("跟进使用情况，收集反馈，寻找续约和增购机会。", "Follow up on use, collect feedback, look for renewals and upsell."),
    guidance: (
        "定期回访，收集满意度和反馈，发现续约或增购机会。",
        "Visit regularly, collect satisfaction and feedback, and find renewal or upsell chances.",
    ),
    exit_criteria: ("客户满意度已记录，下一步机会已明确。", "Satisfaction is recorded and the next opportunity is clear."),
    win_probability: 100,
    target_days: 30,
    key_node: false,
    phase: DecisionPhase::PostPurchase,
    milestones: &[
        m(("回访并收集满意度", "Follow-up visit and satisfaction check"), SERVICE, true),
        m(("识别续约或增购机会", "Spot renewal or upsell opportunities"), SERVICE, false),
    ],
};

fn bi(pair: Bi) -> Text {
    Text::both(pair.0, pair.1)
}

/// The id a roadmap built from `template` has in every workspace, so two people's
/// deals on it meet on one board when their files are merged.
pub fn template_roadmap_id(template: TemplateId) -> Id {
    Id(format!("tpl-{}", template.key()).into())
}

/// The fixed id of the template's stage at `stage` (from 1), and of its milestone at `milestone` (from 1).
fn template_record_id(template: TemplateId, stage: usize, milestone: Option<usize>) -> Id {
    match milestone {
        Some(m) => Id(format!("tpl-{}-s{stage}-m{m}", template.key()).into()),
        None => Id(format!("tpl-{}-s{stage}", template.key()).into()),
    }
}

/// Builds a roadmap from a template (it is not added). The first one from each template
/// gets the template's fixed ids, the same in every workspace; another copy of it in
/// the same workspace gets ids minted in `ws`.
pub fn build_roadmap(ws: &mut Workspace, template: TemplateId) -> Roadmap {
    let stable = ws.roadmap(&template_roadmap_id(template)).is_none();
    let mut next_id = |stage: usize, milestone: Option<usize>| {
        if stable {
            template_record_id(template, stage, milestone)
        } else {
            ws.mint_id()
        }
    };
    let id = if stable { template_roadmap_id(template) } else { next_id(0, None) };
    let stages = template
        .stages()
        .iter()
        .zip(1..)
        .map(|(spec, nth_stage)| {
            let stage_id = next_id(nth_stage, None);
            let count = spec.milestones.len() as u32;
            let milestones = spec
                .milestones
                .iter()
                .zip(1..)
                .map(|(ms, nth)| Milestone {
                    id: next_id(nth_stage, Some(nth as usize)),
                    title: bi(ms.title),
                    description: Text::default(),
                    owner_role: bi(ms.owner),
                    required: ms.required,
                    // Spread evenly through the stage: 2 milestones in 14 days are due on days 5 and 9.
                    day_offset: spec.target_days * nth / (count + 1),
                    rank: nth_rank(nth as usize - 1),
                    updated_at: 0,
                })
                .collect();
            Stage {
                id: stage_id,
                name: bi(spec.name),
                description: bi(spec.description),
                guidance: bi(spec.guidance),
                exit_criteria: bi(spec.exit_criteria),
                win_probability: spec.win_probability,
                target_days: spec.target_days,
                key_node: spec.key_node,
                decision_phase: spec.phase,
                // Key nodes are where the customer's decision moves: they get a gate.
                gate: spec.key_node,
                milestones,
                rank: nth_rank(nth_stage - 1),
                updated_at: 0,
            }
        })
        .collect();
    Roadmap { id, name: template.name(), template: Some(template.key().to_owned()), stages, updated_at: 0 }
}
