//! Practice scenarios: three made-up companies with deals spread over their
//! roadmap, histories, feedback, wins, losses and goals. They open in a
//! sandbox, never in the user's own workspace.

use crate::core::learn::samples::{add_goal, empty_workspace, play_deal, Bi, DealSpec, Ending, DEAL};
use crate::core::model::{ActivityKind, GoalMetric, Timestamp, Workspace};
use crate::core::roadmap::templates::TemplateId;
use crate::core::text::i18n::Lang;

/// Names one of the built-in practice scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScenarioId {
    /// Cloudrise Software: ERP sold to large groups, on the key-account template.
    SoftwareKeyAccount,
    /// Hengli Machinery: equipment projects, on the project-sale template.
    EquipmentProject,
    /// DataLink: a new SaaS product launched in a new market, on the full-process template.
    SaasLaunch,
}

/// A practice scenario as written: the made-up company, its deals and its goals, from which `build_scenario` plays a workspace.
pub struct Scenario {
    /// The scenario's id.
    pub id: ScenarioId,
    /// Stable name in share links (`#scenario=<key>`) and in the sandbox workspace's origin (`demo-<key>`); never change it.
    pub key: &'static str,
    /// The company and what it sells, as the scenario's title (Chinese, English).
    pub name: Bi,
    /// A sentence or two on the company's situation (Chinese, English).
    pub summary: Bi,
    /// The roadmap template the scenario's roadmap is built from.
    pub template: TemplateId,
    /// The deals played into the scenario, each standing in its stage.
    pub deals: &'static [DealSpec],
    /// (metric, target in currency units or a count) for the year that began a month ago.
    pub goals: &'static [(GoalMetric, i64, Bi)],
}

impl ScenarioId {
    /// Every scenario, in the order they are offered.
    pub const ALL: [ScenarioId; 3] = [ScenarioId::SoftwareKeyAccount, ScenarioId::EquipmentProject, ScenarioId::SaasLaunch];

    /// The scenario this id names.
    pub fn scenario(self) -> &'static Scenario {
        match self {
            ScenarioId::SoftwareKeyAccount => &SOFTWARE,
            ScenarioId::EquipmentProject => &EQUIPMENT,
            ScenarioId::SaasLaunch => &SAAS,
        }
    }

    /// The scenario whose `key` is `key`, if any (as read from a share link).
    pub fn from_key(key: &str) -> Option<ScenarioId> {
        ScenarioId::ALL.into_iter().find(|id| id.scenario().key == key)
    }
}

const SOFTWARE: Scenario = Scenario {
    id: ScenarioId::SoftwareKeyAccount,
    key: "software-key-account",
    name: ("云启软件：大客户销售", "Cloudrise Software: key accounts"),
    summary: (
        "一家企业软件公司向大型集团销售 ERP，周期长、决策人多，要靠一步步推进关键节点。",
        "An enterprise software firm sells ERP to large groups: long cycles, many decision makers, key nodes moved one by one.",
    ),
    template: TemplateId::KeyAccount,
    deals: &[
        DealSpec {
            customer: ("远航集团", "Voyager Group"),
            title: ("集团 ERP 替换", "Group ERP replacement"),
            value: 2_400_000,
            owner: ("陈静", "Chen Jing"),
            stage: 0,
            segment: ("大客户", "Key account"),
            close_in_days: 180,
            ..DEAL
        },
        DealSpec {
            customer: ("华瑞制药", "Huarui Pharma"),
            title: ("财务共享中心", "Shared finance centre"),
            value: 1_100_000,
            owner: ("陈静", "Chen Jing"),
            stage: 1,
            segment: ("医药", "Pharma"),
            close_in_days: 150,
            activity: Some((
                ActivityKind::Visit,
                ("拜访财务总监，了解合并报表的难点", "Visited the CFO to learn what hurts in consolidation"),
            )),
            ..DEAL
        },
        DealSpec {
            customer: ("东岳能源", "Dongyue Energy"),
            title: ("供应链模块", "Supply chain module"),
            value: 850_000,
            owner: ("刘洋", "Liu Yang"),
            stage: 2,
            segment: ("能源", "Energy"),
            close_in_days: 120,
            feedback: Some((4, ("需求梳理得很清楚，希望尽快看到方案", "Needs were captured clearly; they want to see a solution soon"))),
            ..DEAL
        },
        DealSpec {
            customer: ("锦程物流", "Jincheng Logistics"),
            title: ("仓配一体化", "Warehouse and delivery suite"),
            value: 960_000,
            owner: ("刘洋", "Liu Yang"),
            stage: 3,
            segment: ("物流", "Logistics"),
            close_in_days: 60,
            activity: Some((ActivityKind::Demo, ("为运营团队演示调度看板", "Demoed the dispatch board to operations"))),
            // The demo is given and the decision makers' concerns recorded: their feedback below.
            done_in_stage: 2,
            feedback: Some((3, ("担心上线周期太长", "Worried the roll-out takes too long"))),
            ..DEAL
        },
        DealSpec {
            customer: ("新桥银行", "Newbridge Bank"),
            title: ("采购管理平台", "Procurement platform"),
            value: 1_500_000,
            owner: ("陈静", "Chen Jing"),
            stage: 4,
            segment: ("金融", "Finance"),
            close_in_days: 20,
            ..DEAL
        },
        DealSpec {
            customer: ("盛世零售", "Shengshi Retail"),
            title: ("门店 ERP 升级", "Store ERP upgrade"),
            value: 700_000,
            owner: ("刘洋", "Liu Yang"),
            stage: 5,
            segment: ("零售", "Retail"),
            ending: Ending::Won,
            feedback: Some((5, ("上线顺利，考虑扩展到华南区", "Smooth go-live; thinking of adding the south region"))),
            ..DEAL
        },
        DealSpec {
            customer: ("北方重工", "Northern Heavy Industry"),
            title: ("生产计划模块", "Production planning"),
            value: 1_300_000,
            owner: ("陈静", "Chen Jing"),
            stage: 3,
            segment: ("制造业", "Manufacturing"),
            ending: Ending::Lost("lost-competitor"),
            ..DEAL
        },
    ],
    goals: &[(GoalMetric::WonRevenue, 3_000_000, ("陈静", "Chen Jing")), (GoalMetric::DealsWon, 4, ("刘洋", "Liu Yang"))],
};

const EQUIPMENT: Scenario = Scenario {
    id: ScenarioId::EquipmentProject,
    key: "equipment-project",
    name: ("恒力机械：设备项目销售", "Hengli Machinery: equipment projects"),
    summary: (
        "一家设备厂商按项目销售自动化产线：方案要通过内部评审，报价和合同是关键节点。",
        "An equipment maker sells automated lines as projects: solutions pass an internal review; quotation and contract are key nodes.",
    ),
    template: TemplateId::ProjectSale,
    deals: &[
        DealSpec {
            customer: ("江南汽车零部件", "Jiangnan Auto Parts"),
            title: ("焊装线", "Welding line"),
            value: 3_200_000,
            owner: ("赵峰", "Zhao Feng"),
            stage: 0,
            segment: ("汽车", "Automotive"),
            close_in_days: 200,
            ..DEAL
        },
        DealSpec {
            customer: ("宏达电子", "Hongda Electronics"),
            title: ("贴片检测设备", "SMT inspection"),
            value: 860_000,
            owner: ("孙丽", "Sun Li"),
            stage: 1,
            segment: ("电子", "Electronics"),
            close_in_days: 120,
            activity: Some((ActivityKind::Call, ("与设备科确认产能需求", "Confirmed capacity needs with the equipment team"))),
            ..DEAL
        },
        DealSpec {
            customer: ("青山食品", "Qingshan Foods"),
            title: ("包装自动化", "Packaging automation"),
            value: 1_450_000,
            owner: ("赵峰", "Zhao Feng"),
            stage: 2,
            segment: ("食品", "Food"),
            close_in_days: 90,
            ..DEAL
        },
        DealSpec {
            customer: ("长河钢构", "Changhe Steel"),
            title: ("切割中心", "Cutting centre"),
            value: 2_100_000,
            owner: ("孙丽", "Sun Li"),
            stage: 3,
            segment: ("制造业", "Manufacturing"),
            close_in_days: 60,
            // Submitted and walked through, the customer's views recorded: their feedback below.
            done_in_stage: 2,
            feedback: Some((4, ("方案可行，希望分两期付款", "The plan works; they want to pay in two phases"))),
            ..DEAL
        },
        DealSpec {
            customer: ("光明家电", "Guangming Appliances"),
            title: ("总装线改造", "Assembly line retrofit"),
            value: 2_800_000,
            owner: ("赵峰", "Zhao Feng"),
            stage: 4,
            segment: ("家电", "Appliances"),
            close_in_days: 25,
            activity: Some((ActivityKind::Proposal, ("提交含两期付款的正式报价", "Sent the formal quotation with two payment phases"))),
            ..DEAL
        },
        DealSpec {
            customer: ("天成化工", "Tiancheng Chemicals"),
            title: ("灌装线", "Filling line"),
            value: 1_200_000,
            owner: ("孙丽", "Sun Li"),
            stage: 5,
            segment: ("化工", "Chemicals"),
            ending: Ending::Won,
            ..DEAL
        },
        DealSpec {
            customer: ("西岭建材", "Xiling Building Materials"),
            title: ("码垛机器人", "Palletising robots"),
            value: 640_000,
            owner: ("赵峰", "Zhao Feng"),
            stage: 4,
            segment: ("建材", "Building materials"),
            ending: Ending::Lost("lost-price"),
            ..DEAL
        },
        DealSpec {
            customer: ("南湖纸业", "Nanhu Paper"),
            title: ("卷纸线升级", "Reel line upgrade"),
            value: 950_000,
            owner: ("孙丽", "Sun Li"),
            stage: 1,
            segment: ("造纸", "Paper"),
            ending: Ending::Lost("lost-no-budget"),
            ..DEAL
        },
    ],
    goals: &[(GoalMetric::WonRevenue, 6_000_000, ("赵峰", "Zhao Feng")), (GoalMetric::WinRate, 50, ("孙丽", "Sun Li"))],
};

const SAAS: Scenario = Scenario {
    id: ScenarioId::SaasLaunch,
    key: "saas-launch",
    name: ("数联科技：新 SaaS 产品上市", "DataLink: launching a new SaaS"),
    summary: (
        "一家公司进入新市场推出客户管理 SaaS，首年目标是 100 家企业客户；交付和售后同样重要。",
        "A company enters a new market with a customer-management SaaS, aiming for 100 business customers in year one; delivery and after-sales matter as much.",
    ),
    template: TemplateId::FullProcess,
    deals: &[
        DealSpec { customer: ("橙子教育", "Orange Education"), title: ("50 席位年订阅", "50-seat annual plan"), value: 60_000, owner: ("周敏", "Zhou Min"), stage: 0, segment: ("教育", "Education"), close_in_days: 45, ..DEAL },
        DealSpec { customer: ("云杉设计", "Spruce Design"), title: ("20 席位年订阅", "20-seat annual plan"), value: 24_000, owner: ("周敏", "Zhou Min"), stage: 1, segment: ("设计", "Design"), close_in_days: 30, ..DEAL },
        DealSpec { customer: ("快马物流", "Swift Horse Logistics"), title: ("200 席位企业版", "200-seat enterprise plan"), value: 320_000, owner: ("吴昊", "Wu Hao"), stage: 2, segment: ("物流", "Logistics"), close_in_days: 40, activity: Some((ActivityKind::Meeting, ("与 IT 部讨论数据迁移", "Discussed data migration with IT"))), ..DEAL },
        DealSpec { customer: ("绿洲健身", "Oasis Fitness"), title: ("连锁门店版", "Chain-store plan"), value: 150_000, owner: ("吴昊", "Wu Hao"), stage: 3, segment: ("服务业", "Services"), close_in_days: 20, ..DEAL },
        DealSpec { customer: ("天空旅行", "Skyway Travel"), title: ("100 席位年订阅", "100-seat annual plan"), value: 120_000, owner: ("周敏", "Zhou Min"), stage: 4, segment: ("旅游", "Travel"), close_in_days: 10, feedback: Some((4, ("价格可以接受，希望送培训", "Price is fine; they would like training included"))), ..DEAL },
        DealSpec { customer: ("青禾农业", "Qinghe Agriculture"), title: ("30 席位年订阅", "30-seat annual plan"), value: 36_000, owner: ("吴昊", "Wu Hao"), stage: 5, segment: ("农业", "Agriculture"), ending: Ending::Won, ..DEAL },
        DealSpec { customer: ("蓝海餐饮", "Blue Ocean Dining"), title: ("门店会员系统", "Store membership"), value: 80_000, owner: ("周敏", "Zhou Min"), stage: 6, segment: ("餐饮", "Catering"), ending: Ending::Won, feedback: Some((5, ("培训到位，员工很快上手", "Good training; staff picked it up quickly"))), ..DEAL },
        DealSpec { customer: ("星辰传媒", "Star Media"), title: ("50 席位年订阅", "50-seat annual plan"), value: 60_000, owner: ("吴昊", "Wu Hao"), stage: 2, segment: ("传媒", "Media"), ending: Ending::Lost("lost-no-decision"), ..DEAL },
    ],
    goals: &[(GoalMetric::NewCustomers, 100, ("周敏", "Zhou Min")), (GoalMetric::DealsWon, 25, ("吴昊", "Wu Hao"))],
};

/// The scenario's workspace as of `now`, in `lang`. Always the same for the same day,
/// so a reset gives back exactly what the room started with.
pub fn build_scenario(id: ScenarioId, lang: Lang, now: Timestamp) -> Workspace {
    let scenario = id.scenario();
    let mut ws = empty_workspace(&format!("demo-{}", scenario.key), lang, scenario.template);
    for spec in scenario.deals {
        play_deal(&mut ws, spec, lang, now, false);
    }
    for &(metric, target, owner) in scenario.goals {
        add_goal(&mut ws, metric, target, owner, lang, now);
    }
    ws
}
