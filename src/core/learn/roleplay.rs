//! Role-play cards for a workshop: one per key node of the roadmap. Two trainees play
//! seller and customer from the card, a third scores the seller against the stage's
//! exit criteria and the habits the sources ask for (feedback recorded, a next step
//! with an owner and a date). The situation follows the customer's decision phase.

use crate::core::learn::samples::Bi;
use crate::core::model::{DecisionPhase, Roadmap};
use crate::core::text::i18n::{fill, Lang};

/// One printed card.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleCard {
    /// The key node's stage name.
    pub stage: String,
    /// The situation in a few words ("采购压价").
    pub title: String,
    /// Who the customer player is.
    pub customer_role: String,
    /// What the customer player knows and wants (read only by them).
    pub customer_brief: String,
    /// What the seller must achieve.
    pub seller_task: String,
    /// What the scorer ticks: the stage's exit criteria first, then the habits.
    pub rubric: Vec<String>,
}

struct Situation {
    title: Bi,
    role: Bi,
    brief: Bi,
    task: Bi,
}

const ABSENT_DECIDER: Situation = Situation {
    title: ("决策人缺席", "The decision maker is absent"),
    role: ("客户的信息部经理", "The customer's IT manager"),
    brief: (
        "你对方案有兴趣，但总经理临时没来，预算和最后决定都在他手里。你不会主动说出预算；对方问到决策流程时，如实告诉他总经理下周三有空。",
        "You like the idea, but the general manager, who holds the budget and the final word, could not come. Do not volunteer the budget; if asked how the decision is made, say the general manager is free next Wednesday.",
    ),
    task: (
        "在“{0}”这一步：弄清需求、预算和决策流程，并约到与决策人的下一次会面。",
        "At “{0}”: learn the needs, the budget and the decision process, and book the next meeting with the decision maker.",
    ),
};

const CFO_GO_LIVE: Situation = Situation {
    title: ("财务总监担心上线", "The CFO fears the go-live"),
    role: ("客户的财务总监", "The customer's chief financial officer"),
    brief: (
        "你认可方案的方向，但担心上线会影响月末结账，已经听说同行上线拖了三个月。只有看到可行的分阶段上线计划，你才会同意推进。",
        "You accept the solution's direction, but fear the go-live will disrupt month-end closing; you have heard of a peer whose go-live slipped three months. You agree to move on only if you see a workable phased plan.",
    ),
    task: (
        "在“{0}”这一步：讲清方案的价值，回应上线顾虑（比如分阶段上线），让决策人认可方案方向。",
        "At “{0}”: show the solution's value, answer the go-live worry (a phased go-live, say), and get the decision makers to accept the direction.",
    ),
};

const PROCUREMENT_PRICE: Situation = Situation {
    title: ("采购压价", "Procurement presses on price"),
    role: ("客户的采购经理", "The customer's purchasing manager"),
    brief: (
        "你的任务是再压价 15%，手里有一家竞争对手更低的报价。如果对方用付款方式、服务范围或交付时间来交换，而不是直接降价，你可以接受更小的降幅。",
        "Your job is another 15% off, and you hold a lower quote from a competitor. If the seller trades payment terms, scope or delivery dates instead of simply cutting the price, you accept a smaller discount.",
    ),
    task: (
        "在“{0}”这一步：守住价值，用条件交换让步，和客户就价格和条款达成一致。",
        "At “{0}”: defend the value, trade concessions for terms, and agree price and terms with the customer.",
    ),
};

const UNHAPPY_CUSTOMER: Situation = Situation {
    title: ("客户对交付不满", "The customer is unhappy with delivery"),
    role: ("客户的项目负责人", "The customer's project lead"),
    brief: (
        "交付比约定晚了两周，你的老板很不满意。你想听到原因、一个改进计划和明确的日期，否则不会考虑增购。",
        "Delivery is two weeks late and your boss is unhappy. You want the reason, a plan to fix it and firm dates; until then, no talk of buying more.",
    ),
    task: (
        "在“{0}”这一步：听完并记录客户的反馈，给出改进计划和日期，重建信任。",
        "At “{0}”: hear out and record the customer's feedback, give a recovery plan with dates, and rebuild trust.",
    ),
};

const PRICE_LIST_ONLY: Situation = Situation {
    title: ("客户只要报价单", "The customer only wants a price list"),
    role: ("客户的采购专员", "The customer's buyer"),
    brief: (
        "你很忙，只想先拿一份报价单比一比，不想谈需求。如果对方问到你们现在遇到的具体问题（比如旺季发货慢），你会愿意多聊几句，并同意安排一次需求访谈。",
        "You are busy and just want a price list to compare; you do not want to talk about needs. If the seller asks about the actual problems you face (slow shipping in the peak season, say), you open up and agree to a needs interview.",
    ),
    task: (
        "在“{0}”这一步：不急着报价，先让客户说出需求和痛点，约定一次需求访谈。",
        "At “{0}”: hold back the price, get the customer to talk about needs and pains, and agree a needs interview.",
    ),
};

const COMPETITOR_DEMO: Situation = Situation {
    title: ("客户拿竞品做对比", "The customer compares with a competitor"),
    role: ("客户的业务部门经理", "The customer's business manager"),
    brief: (
        "你上周看了竞争对手的演示，觉得他们的界面更好看。你真正在意的是能不能和现有系统对接；如果对方讲清这一点，你会认可他们的方案。",
        "Last week you saw a competitor's demo and liked its screens better. What you really care about is fitting your current systems; if the seller makes that clear, you favour their solution.",
    ),
    task: (
        "在“{0}”这一步：不贬低对手，问清客户真正在意什么，用与需求对应的价值回应。",
        "At “{0}”: do not run the competitor down; find out what the customer really cares about and answer with value that meets it.",
    ),
};

const LEGAL_TERMS: Situation = Situation {
    title: ("法务要求改条款", "Legal wants the terms changed"),
    role: ("客户的法务经理", "The customer's legal counsel"),
    brief: (
        "价格已经谈定，但你要求把验收期从 30 天延长到 90 天，并加上违约赔偿条款。只要对方解释清楚并给出合理的折中，你可以接受 60 天。",
        "The price is settled, but you want acceptance extended from 30 to 90 days and a penalty clause added. If the seller explains and offers a fair middle way, you accept 60 days.",
    ),
    task: (
        "在“{0}”这一步：弄清条款背后的顾虑，与法务和财务协调，推动签约。",
        "At “{0}”: find the worry behind the terms, work it out with legal and finance, and drive to signature.",
    ),
};

const HABITS: [Bi; 3] = [
    ("复述并确认了客户的顾虑", "Repeated the customer's concern back and had it confirmed"),
    ("记录了客户的反馈", "Recorded the customer's feedback"),
    ("约定了下一步：做什么、谁负责、哪天完成", "Agreed the next step: what, who owns it, and by which day"),
];

const EXIT_PREFIX: Bi = ("推进条件：", "Exit criteria: ");

/// The situations for a phase: the first key node of the phase gets the first, the next one the second …
fn situations(phase: DecisionPhase) -> [&'static Situation; 2] {
    match phase {
        DecisionPhase::NeedRecognition | DecisionPhase::InformationSearch => [&ABSENT_DECIDER, &PRICE_LIST_ONLY],
        DecisionPhase::Evaluation => [&CFO_GO_LIVE, &COMPETITOR_DEMO],
        DecisionPhase::PurchaseDecision => [&PROCUREMENT_PRICE, &LEGAL_TERMS],
        DecisionPhase::PostPurchase => [&UNHAPPY_CUSTOMER, &UNHAPPY_CUSTOMER],
    }
}

/// Early and late phases share their pair of situations (first contact and needs analysis both come early).
fn family(phase: DecisionPhase) -> u8 {
    match phase {
        DecisionPhase::NeedRecognition | DecisionPhase::InformationSearch => 0,
        DecisionPhase::Evaluation => 1,
        DecisionPhase::PurchaseDecision => 2,
        DecisionPhase::PostPurchase => 3,
    }
}

/// A card for every key node of `roadmap`, in roadmap order, in `lang`.
pub fn role_cards(roadmap: &Roadmap, lang: Lang) -> Vec<RoleCard> {
    let mut seen = [0_usize; 4];
    roadmap
        .stages
        .iter()
        .filter(|s| s.key_node)
        .map(|stage| {
            let nth = &mut seen[family(stage.decision_phase) as usize];
            let s = situations(stage.decision_phase)[*nth % 2];
            *nth += 1;
            let name = stage.name.get(lang).to_owned();
            let exit = stage.exit_criteria.get(lang);
            let mut rubric = Vec::new();
            if !exit.trim().is_empty() {
                rubric.push(format!("{}{exit}", lang.pick(EXIT_PREFIX)));
            }
            rubric.extend(HABITS.iter().map(|h| lang.pick(*h).to_owned()));
            RoleCard {
                title: lang.pick(s.title).to_owned(),
                customer_role: lang.pick(s.role).to_owned(),
                customer_brief: lang.pick(s.brief).to_owned(),
                seller_task: fill(lang.pick(s.task), &[&name]),
                stage: name,
                rubric,
            }
        })
        .collect()
}
