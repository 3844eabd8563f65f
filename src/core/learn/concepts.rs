//! The concept lessons: one per source article (milestones, roadmap, nodes, process
//! management, sales projects), each a short explanation in Waypoint's own words, the
//! article's lists (uses, steps, components, classifications), a diagram and case
//! questions whose every option says why it is right or wrong.
//!
//! Facts come from the articles in `shared/seeds/`; every sentence is written here.

use crate::core::learn::diagram::Diagram;
use crate::core::learn::quiz::Question;
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::Lang;

/// Names one concept lesson; its `key` is kept in this browser's progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConceptId {
    /// 销售里程碑: what a milestone is, its four uses, five construction steps, best practices.
    Milestones,
    /// 销售路线图: the six components, where it is used, its value in key-account sales.
    Roadmap,
    /// 销售节点管理: what a node is, three classifications, the five-step node process.
    Nodes,
    /// 销售过程管理: the six aspects, from goal setting to training and incentives.
    Process,
    /// 销售项目管理: SMART goals and the seven steps, with the levers for adjusting.
    Project,
}

impl ConceptId {
    /// Every concept lesson, in the order they are taught.
    pub const ALL: [ConceptId; 5] = [ConceptId::Milestones, ConceptId::Roadmap, ConceptId::Nodes, ConceptId::Process, ConceptId::Project];

    /// The lesson this id names.
    pub fn concept(self) -> &'static Concept {
        match self {
            ConceptId::Milestones => &MILESTONES,
            ConceptId::Roadmap => &ROADMAP,
            ConceptId::Nodes => &NODES,
            ConceptId::Process => &PROCESS,
            ConceptId::Project => &PROJECT,
        }
    }

    /// Stable name kept in this browser's learning record; never change it.
    pub fn key(self) -> &'static str {
        match self {
            ConceptId::Milestones => "concept-milestones",
            ConceptId::Roadmap => "concept-roadmap",
            ConceptId::Nodes => "concept-nodes",
            ConceptId::Process => "concept-process",
            ConceptId::Project => "concept-project",
        }
    }
}

/// A titled list of the lesson: each item a term and what it means.
pub struct ConceptList {
    /// What the list is ("四个作用", "五个构建步骤" …).
    pub title: Bi,
    /// (term, what it means), in the article's order.
    pub items: &'static [(Bi, Bi)],
}

/// A case question as written: the right option first (options are shuffled when asked).
pub struct CaseQuestion {
    /// The situation and the question.
    pub prompt: Bi,
    /// (option, why it is right or wrong); the first is the right one.
    pub options: &'static [(Bi, Bi)],
}

/// One concept lesson.
pub struct Concept {
    /// The lesson's id.
    pub id: ConceptId,
    /// The lesson's title.
    pub title: Bi,
    /// The article it teaches.
    pub source: Bi,
    /// The idea in a few sentences.
    pub summary: Bi,
    /// The article's lists.
    pub lists: &'static [ConceptList],
    /// The picture that goes with it.
    pub diagram: Diagram,
    /// 3–5 case questions.
    pub questions: &'static [CaseQuestion],
}

impl Concept {
    /// The lesson's case questions in `lang`, options in an order set by `seed`.
    pub fn ask(&self, lang: Lang, seed: u64) -> Vec<Question> {
        self.questions.iter().zip(0u64..).map(|(q, n)| case(q, lang, seed.wrapping_add(n * 7919))).collect()
    }
}

/// A written case question in `lang`, its options in an order set by `seed`.
pub fn case(question: &CaseQuestion, lang: Lang, seed: u64) -> Question {
    let (options, reasons) = question.options.iter().map(|(o, r)| (lang.pick(*o).to_owned(), lang.pick(*r).to_owned())).unzip();
    Question::right_first(lang.pick(question.prompt).to_owned(), options, reasons, seed)
}

const MILESTONES: Concept = Concept {
    id: ConceptId::Milestones,
    title: ("销售里程碑", "Sales milestones"),
    source: ("资料：《销售里程碑》", "Source: “Sales milestones”"),
    summary: (
        "里程碑是销售过程中必须完成的关键任务或目标，比如识别潜在客户、弄清需求、提交方案、报价和签约。它回答“这个商机走到哪了”：完成一个，说明推进了一步；到期没完成，就是要处理的信号。每个里程碑都要有负责人和完成时间，完成后都要听一听客户的反馈。",
        "A milestone is a key task or goal the sale must get done: finding the prospect, understanding the needs, submitting the solution, quoting, signing. It answers “where does this deal stand?”: each one done is a step forward, and one past its date without being done is a signal to act on. Every milestone needs an owner and a date, and after each one you ask the customer for feedback.",
    ),
    lists: &[
        ConceptList {
            title: ("四个作用", "Four uses"),
            items: &[
                (("进度跟踪", "Tracking progress"), ("随时看到项目走到哪一步，及早发现问题、调整策略。", "See at any time how far the project has come, and spot problems early enough to change course.")),
                (("资源管理", "Managing resources"), ("把人力和物力安排到关键时刻，不在要紧的时候缺人。", "Put people and means where the key moments are, so nobody is missing when it matters.")),
                (("客户沟通", "Talking with the customer"), ("作为和客户沟通的基础：客户知道项目进展到哪里，信任随之增加。", "A basis for talking with the customer: they know where the project stands, and trust grows.")),
                (("绩效评估", "Judging performance"), ("为评估销售业绩提供可量化的标准。", "A measurable standard for judging sales results.")),
            ],
        },
        ConceptList {
            title: ("五个构建步骤", "Five steps to build them"),
            items: &[
                (("确定销售目标", "Set the sales goal"), ("从公司战略、市场需求和竞争出发，说清要达成什么结果。", "From the company's strategy, the market and the competition, say what result you want.")),
                (("分析客户需求", "Analyse the customer's needs"), ("通过调研和访谈，弄清客户的需求、痛点和决策流程。", "Through research and interviews, learn the customer's needs, pains and decision process.")),
                (("设定关键节点", "Set the key nodes"), ("按销售过程的特点定出一串里程碑：识别、沟通需求、制定方案、报价、签约……", "Fit a chain of milestones to how this sale runs: identify, discuss needs, draft the solution, quote, sign…")),
                (("制定时间表", "Set a timeline"), ("给每个里程碑定一个合理的完成时间。", "Give each milestone a reasonable date to be done by.")),
                (("监控与调整", "Monitor and adjust"), ("跟踪每个里程碑的进展，按实际情况调整和优化。", "Follow each milestone's progress and adjust to what actually happens.")),
            ],
        },
        ConceptList {
            title: ("最佳实践", "Best practices"),
            items: &[
                (("明确责任", "Clear ownership"), ("每个里程碑都指定一位负责人。", "Every milestone has one named owner.")),
                (("定期评估", "Regular reviews"), ("定期开进展会，检查里程碑的达成情况，及时发现问题。", "Hold progress meetings regularly, check which milestones were reached, and catch problems in time.")),
                (("客户反馈", "Customer feedback"), ("每完成一个里程碑，都收集客户的反馈，用来改进策略和流程。", "After every milestone, collect the customer's feedback and use it to improve the approach.")),
                (("灵活调整", "Adjust when things change"), ("市场或客户需求变了，里程碑的内容和时间也跟着调整。", "When the market or the customer's needs change, change the milestones and their dates too.")),
            ],
        },
        ConceptList {
            title: ("常见挑战与应对", "Common challenges and remedies"),
            items: &[
                (("市场变化导致延误", "The market moves and dates slip"), ("定期做市场调研，为设定里程碑提供依据。", "Research the market regularly, so milestones rest on facts.")),
                (("需求不清导致设定不合理", "Unclear needs, badly set milestones"), ("建立顺畅的沟通机制，减少误解和信息不对称。", "Set up clear communication inside the team and with the customer.")),
                (("应对变化的能力不足", "Not ready for change"), ("持续培训销售人员。", "Keep training the sales people.")),
            ],
        },
    ],
    diagram: Diagram::Steps {
        title: ("构建里程碑的五个步骤", "Five steps to build milestones"),
        steps: &[
            ("确定销售目标", "Set the sales goal"),
            ("分析客户需求", "Analyse the needs"),
            ("设定关键节点", "Set the key nodes"),
            ("制定时间表", "Set a timeline"),
            ("监控与调整", "Monitor and adjust"),
        ],
        loop_back: Some((4, 2)),
    },
    questions: &[
        CaseQuestion {
            prompt: (
                "一位销售代表有三个商机的里程碑都逾期一周了，没人说得清原因。按最佳实践，首先该做什么？",
                "Three of a sales rep's deals have milestones a week overdue, and nobody can say why. By the best practices, what comes first?",
            ),
            options: &[
                (
                    ("开一次进展评估，逐个查明逾期的原因再调整", "Hold a progress review, find out why each one slipped, then adjust"),
                    ("对。“定期评估”就是为了及时发现这类问题；先弄清原因，调整才有依据。", "Right. Regular reviews exist to catch exactly this; knowing why comes before any change."),
                ),
                (
                    ("把所有截止日期一律推后两周", "Move every due date two weeks later"),
                    ("这是对“灵活调整”的误用：不查原因就改日期，同样的延误还会再来。", "That misuses “adjust when things change”: moving dates without knowing why just lets the delay happen again."),
                ),
                (
                    ("先给客户发正式报价，把进度赶回来", "Send the customers formal quotations to catch up"),
                    ("跳过没完成的里程碑不会让商机更接近成交，反而增加风险。", "Skipping unfinished milestones does not bring the deal closer; it adds risk."),
                ),
                (
                    ("等到季度末再统一复盘", "Wait for the end-of-quarter review"),
                    ("等得太久：逾期会继续累积。评估要定期、及时。", "Too late: the delays keep piling up. Reviews are meant to be regular and timely."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "锦程物流的客户看完方案演示后说：“担心上线周期太长。”这条反馈最该怎么用？",
                "After the solution demo, Jincheng Logistics says: “We worry the roll-out takes too long.” What is this feedback for?",
            ),
            options: &[
                (
                    ("据此调整方案和后面的里程碑（比如分期上线），并在下次沟通时回应", "Adjust the solution and the milestones ahead (a phased roll-out, say) and answer it next time you meet"),
                    ("对。里程碑后收集反馈，就是为了及时优化策略和流程。", "Right. Feedback after a milestone is there to improve the approach while it still matters."),
                ),
                (
                    ("先记下来，等合同签了再处理", "Note it and deal with it after signing"),
                    ("顾虑不解决，合同可能就签不下来；反馈要及时用起来。", "An unanswered concern may stop the signing; feedback is for acting on now."),
                ),
                (
                    ("只有“方案提交”阶段才需要收集反馈，可以先放着", "Only the proposal stage collects feedback, so leave it"),
                    ("不对：资料要求每完成一个里程碑都收集反馈。", "No: the source asks for feedback after every milestone."),
                ),
                (
                    ("马上降价，消除顾虑", "Cut the price at once to remove the worry"),
                    ("客户担心的是周期，不是价格；降价答非所问。", "The worry is time, not price; a discount answers the wrong question."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "新来的销售代表问：“里程碑是我们内部的计划，为什么说它能用来和客户沟通？”哪种回答最好？",
                "A new sales rep asks: “Milestones are our internal plan, so how can they help us talk with the customer?” Which answer is best?",
            ),
            options: &[
                (
                    ("它让客户清楚项目进展到哪一步，双方思路更清楚，信任也会增加", "It shows the customer where the project stands, both sides see the path, and trust grows"),
                    ("对。客户沟通是里程碑的四个作用之一。", "Right. Talking with the customer is one of a milestone's four uses."),
                ),
                (
                    ("其实不能，里程碑只是内部考核工具", "It cannot: milestones only serve internal appraisal"),
                    ("绩效评估只是四个作用之一，资料明确列出了客户沟通。", "Judging performance is only one of four uses; the source names talking with the customer too."),
                ),
                (
                    ("因为每个里程碑都要客户签字确认", "Because the customer signs off every milestone"),
                    ("资料没有这样的要求；签字的只有合同。", "The source asks nothing of the kind; only the contract is signed."),
                ),
                (
                    ("因为里程碑就是合同条款", "Because milestones are the contract's terms"),
                    ("里程碑是销售过程的关键节点，不是合同内容。", "Milestones are key points of the sale, not terms of the contract."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "一个团队要为一批新的行业客户建立里程碑，已经定好了销售目标。下一步是什么？",
                "A team is building milestones for customers in a new industry and has set its sales goal. What is the next step?",
            ),
            options: &[
                (
                    ("分析客户需求：弄清需求、痛点和决策流程", "Analyse the customers' needs: their needs, pains and decision process"),
                    ("对。五个步骤的第二步；后面的节点和时间都要以它为依据。", "Right. It is the second of the five steps, and the nodes and dates that follow rest on it."),
                ),
                (
                    ("直接排出时间表", "Draw up the timeline straight away"),
                    ("还不知道客户怎么做决定，时间表只能拍脑袋。", "Without knowing how the customer decides, a timeline is a guess."),
                ),
                (
                    ("开始监控进展", "Start monitoring progress"),
                    ("还没有里程碑，没有东西可以监控。", "There are no milestones yet, so there is nothing to monitor."),
                ),
                (
                    ("先设定关键节点", "Set the key nodes first"),
                    ("节点要按客户的需求和决策流程来定，所以需求分析在前。", "Nodes follow the customer's needs and decision process, so the needs come first."),
                ),
            ],
        },
    ],
};

const ROADMAP: Concept = Concept {
    id: ConceptId::Roadmap,
    title: ("销售路线图", "The sales roadmap"),
    source: ("资料：《销售路线图》", "Source: “The sales roadmap”"),
    summary: (
        "销售路线图是一张把整个销售过程画出来的图：从识别潜在客户到成交，再到售后服务。它不只是一张步骤清单，而是把市场分析、客户需求、竞争和销售策略放在一起想清楚，让团队看清目标、关键里程碑和可能遇到的困难。",
        "A sales roadmap draws the whole sale on one page: from finding a prospect to the close, and on to after-sales service. It is more than a list of steps: it puts market analysis, customer needs, competition and strategy together, so the team sees its goals, key milestones and likely obstacles.",
    ),
    lists: &[
        ConceptList {
            title: ("六个构成要素", "Six components"),
            items: &[
                (("目标设定", "Goals"), ("销售额、客户数量、市场份额等，目标要可衡量、有时间。", "Revenue, number of customers, market share; measurable and with a date.")),
                (("市场分析", "Market analysis"), ("竞争对手、市场趋势、客户需求，决定销售的方向。", "Competitors, trends and customer needs, which set the direction.")),
                (("客户细分", "Customer segments"), ("按客户的特点和需求分类，策略更有针对性。", "Group customers by traits and needs, so the approach fits each group.")),
                (("销售策略", "Sales strategy"), ("定价、促销和渠道策略，支撑目标实现。", "Pricing, promotion and channels that carry the goal.")),
                (("销售流程", "Sales process"), ("客户识别、初步接触、需求分析、方案呈现、谈判成交到售后服务的完整流程。", "The full path: identify, first contact, needs analysis, presentation, negotiate and close, after-sales.")),
                (("绩效评估", "Performance review"), ("设定评估标准，监测各项指标，及时调整策略。", "Standards and indicators watched along the way, so the approach changes in time.")),
            ],
        },
        ConceptList {
            title: ("用在哪里", "Where it is used"),
            items: &[
                (("新产品上市", "Launching a product"), ("制定清晰的推广计划和销售策略。", "A clear launch plan and sales approach.")),
                (("客户关系管理", "Managing customer relationships"), ("系统地跟踪客户需求的变化。", "Following how customers' needs change, systematically.")),
                (("销售团队培训", "Training the team"), ("新人很快了解公司的销售流程和关键节点。", "Newcomers learn the sales process and its key nodes quickly.")),
                (("销售预测与计划", "Forecasting and planning"), ("结合历史数据做更科学的预测和计划。", "Forecasts and plans grounded in past data.")),
            ],
        },
        ConceptList {
            title: ("在大客户销售中", "In key-account sales"),
            items: &[
                (("明确关键节点", "Clear key nodes"), ("决策复杂、决策人多、周期长：识别初步接触、需求分析、方案呈现等关键节点，有针对性地计划。", "Complex decisions, many decision makers, long cycles: find the key nodes (first contact, needs analysis, presentation) and plan for each.")),
                (("增强团队协作", "Teamwork"), ("每个人都清楚自己的角色和任务。", "Everyone knows their role and tasks.")),
                (("提高客户满意度", "Happier customers"), ("更好地理解和解决客户的问题。", "Customers' problems are understood and solved better.")),
                (("优化销售策略", "Better strategy"), ("根据市场变化和客户反馈不断调整。", "Adjusted to market changes and customer feedback.")),
            ],
        },
    ],
    diagram: Diagram::Wheel {
        centre: ("销售路线图", "Sales roadmap"),
        parts: &[
            ("目标设定", "Goals"),
            ("市场分析", "Market analysis"),
            ("客户细分", "Segments"),
            ("销售策略", "Strategy"),
            ("销售流程", "Process"),
            ("绩效评估", "Review"),
        ],
    },
    questions: &[
        CaseQuestion {
            prompt: (
                "资料里的软件公司进入新市场，定下“第一年获取 100 家企业客户”的目标。这个目标是在什么基础上定的？",
                "In the source's case, a software company entering a new market set “100 business customers in year one”. What was that goal based on?",
            ),
            options: &[
                (
                    ("先做的市场调研：分析竞争对手的产品和定价，并细分目标客户", "The market research done first: competitors' products and prices, and the target customers segmented"),
                    ("对。目标设定建立在调研结果之上，不是凭感觉。", "Right. The goal rested on what the research found, not on a feeling."),
                ),
                (
                    ("销售团队的人数", "The size of the sales team"),
                    ("团队能力要考虑，但案例中目标来自市场调研。", "Capacity matters, but in the case the goal came from the research."),
                ),
                (
                    ("促销活动的预算", "The promotion budget"),
                    ("促销属于销售策略，是为了实现目标，排在目标之后。", "Promotion is part of the strategy that serves the goal; it comes after it."),
                ),
                (
                    ("上一年的目标加 20%", "Last year's goal plus 20%"),
                    ("这是进入新市场，没有上一年可比。", "This was a new market: there was no last year to add to."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "一个团队的“路线图”只有一串阶段：潜在客户识别 → 初步接触 → … → 售后服务。按资料，它缺的是什么？",
                "A team's “roadmap” is just a row of stages: prospect identification → first contact → … → after-sales. By the source, what is missing?",
            ),
            options: &[
                (
                    ("目标、市场分析、客户细分、销售策略和绩效评估：流程只是六个要素之一", "Goals, market analysis, segments, strategy and performance review: the process is one component of six"),
                    ("对。资料强调路线图不只是步骤清单。", "Right. The source stresses that a roadmap is more than a list of steps."),
                ),
                (
                    ("什么都不缺，路线图就是流程图", "Nothing: a roadmap is a process chart"),
                    ("流程只是其中一项；没有目标和策略，团队不知道为什么这样走。", "The process is one part; without goals and strategy the team does not know why it walks this path."),
                ),
                (
                    ("只缺每个阶段的赢单概率", "Only each stage's win probability"),
                    ("概率有助于预测，但不是资料列出的构成要素。", "Probabilities help forecasting, but they are not one of the components the source lists."),
                ),
                (
                    ("只缺客户联系人名单", "Only the list of customer contacts"),
                    ("联系人是客户资料，不是路线图的构成要素。", "Contacts are customer data, not a component of the roadmap."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "新员工入职第一周，经理让他先把公司的销售路线图看熟。这是路线图的哪种用途？",
                "In a new hire's first week, the manager has them study the company's sales roadmap. Which use of the roadmap is this?",
            ),
            options: &[
                (
                    ("销售团队培训", "Training the sales team"),
                    ("对。新人借路线图快速了解销售流程和关键节点。", "Right. The roadmap shows a newcomer the process and its key nodes quickly."),
                ),
                (
                    ("新产品上市", "Launching a new product"),
                    ("这里没有新产品，只有新员工。", "There is no new product here, only a new colleague."),
                ),
                (
                    ("销售预测与计划", "Forecasting and planning"),
                    ("预测要用历史数据，这里是在学习流程。", "Forecasting works on past data; here someone is learning the process."),
                ),
                (
                    ("客户关系管理", "Managing customer relationships"),
                    ("这是对内的学习，还没有涉及客户。", "This is learning inside the team; no customer is involved yet."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "云启软件向大型集团销售 ERP：决策人多，周期长。路线图在这里最大的帮助是什么？",
                "Cloudrise Software sells ERP to large groups: many decision makers, long cycles. Where does a roadmap help most here?",
            ),
            options: &[
                (
                    ("帮销售识别初步接触、需求分析、方案呈现等关键节点，提前计划每一个", "It shows the key nodes (first contact, needs analysis, presentation) so each is planned ahead"),
                    ("对。资料说大客户销售中路线图首先帮助明确关键节点。", "Right. For key accounts, the source puts clear key nodes first."),
                ),
                (
                    ("让每个商机都推进得一样快", "It makes every deal move at the same speed"),
                    ("客户不同，节奏不同；路线图帮助看清节点，不是统一速度。", "Each customer moves at its own pace; the roadmap shows the nodes, it does not set one speed."),
                ),
                (
                    ("代替和客户的当面沟通", "It replaces meeting the customer"),
                    ("路线图是计划工具，沟通还得靠人。", "A roadmap plans the work; people still do the talking."),
                ),
                (
                    ("只用来给管理层做报表", "It is only for management reports"),
                    ("它首先指导销售团队自己的工作。", "It guides the sales team's own work first."),
                ),
            ],
        },
    ],
};

const NODES: Concept = Concept {
    id: ConceptId::Nodes,
    title: ("销售节点", "Sales nodes"),
    source: ("资料：《销售节点管理》", "Source: “Managing sales nodes”"),
    summary: (
        "销售节点是销售过程中的关键环节或重要时刻，由客户需求、决策流程或市场变化形成，每一个都可能改变销售的进程和结果。节点管理就是找出这些时刻，分析它们，再有针对性地管理。里程碑是我们要完成的事，节点是客户的决定可能发生变化的地方：关键节点上往往要安排关键里程碑。",
        "A sales node is a key link or moment in the sale, shaped by the customer's needs, their decision process or the market, and each one can change how the sale goes. Managing nodes means finding these moments, studying them and acting on each. A milestone is something we get done; a node is where the customer's decision can move, and key milestones usually sit on key nodes.",
    ),
    lists: &[
        ConceptList {
            title: ("三种分类", "Three ways to classify them"),
            items: &[
                (("按客户决策流程", "By the customer's decision process"), ("需求识别、信息搜索、评估选择、购买决策、后续服务。", "Need recognition, information search, evaluation, purchase decision, post-purchase service.")),
                (("按销售过程阶段", "By sales stage"), ("潜在客户识别、客户接触、需求分析、方案设计、合同谈判、交付实施、售后服务。", "Prospect identification, customer contact, needs analysis, solution design, contract negotiation, delivery, after-sales.")),
                (("按关键性", "By weight"), ("关键节点对销售结果影响大；非关键节点影响相对小。", "Key nodes weigh heavily on the result; non-key nodes less so.")),
            ],
        },
        ConceptList {
            title: ("节点管理的五个步骤", "Five steps of node management"),
            items: &[
                (("确定关键节点", "Find the key nodes"), ("分析销售流程，找出客户的决策点、关键沟通和签约时刻。", "Study the process for the customer's decision points, key conversations and the signing.")),
                (("数据收集与分析", "Collect and analyse data"), ("每个关键节点收集客户反馈、销售记录和市场变化，找出影响因素。", "At each key node gather feedback, sales records and market changes, and find what drives them.")),
                (("制定管理策略", "Set a strategy per node"), ("例如客户决策拖延：增加沟通频率，提供更多决策支持材料。", "For example, a decision that drags: talk more often and provide more decision material.")),
                (("实施与监控", "Act and monitor"), ("把策略落到实处，用 KPI 评估效果并及时调整。", "Put the strategy to work, judge it with KPIs and adjust in time.")),
                (("反馈与优化", "Feed back and improve"), ("不断收集反馈、总结反思，优化节点管理。", "Keep gathering feedback, look back, and improve how nodes are managed.")),
            ],
        },
        ConceptList {
            title: ("常用工具", "Tools"),
            items: &[
                (("CRM 系统", "A CRM"), ("管理客户信息、销售流程和节点。", "Holds customer data, the process and its nodes.")),
                (("销售漏斗分析", "Funnel analysis"), ("看客户在哪个阶段流失，再制定挽回策略。", "Shows the stage where customers drop out, so you can plan to win them back.")),
                (("关键绩效指标（KPI）", "Key performance indicators"), ("监控节点相关的关键数据。", "Watch the figures that matter at each node.")),
                (("客户反馈收集", "Feedback collection"), ("用问卷、反馈表收集客户在各节点的体验和建议。", "Questionnaires and forms collect the customer's experience at each node.")),
            ],
        },
    ],
    diagram: Diagram::Tree {
        root: ("销售节点的分类", "Classifying sales nodes"),
        branches: &[
            (("客户决策流程", "Decision process"), &[("需求识别", "Need recognition"), ("信息搜索", "Information search"), ("评估选择", "Evaluation"), ("购买决策", "Purchase decision"), ("后续服务", "Post-purchase")]),
            (("销售过程阶段", "Sales stage"), &[("潜在客户识别", "Prospecting"), ("客户接触", "Contact"), ("需求分析", "Needs analysis"), ("方案设计", "Solution design"), ("合同谈判", "Negotiation"), ("交付实施", "Delivery"), ("售后服务", "After-sales")]),
            (("关键性", "Weight"), &[("关键节点", "Key node"), ("非关键节点", "Non-key node")]),
        ],
    },
    questions: &[
        CaseQuestion {
            prompt: (
                "漏斗显示：进入“方案提交”的商机只有 40% 推进到了报价。按节点管理的步骤，接下来第一件事是什么？",
                "The funnel shows only 40% of deals that reached “Proposal submission” went on to a quotation. By the node-management steps, what comes first?",
            ),
            options: &[
                (
                    ("收集并分析这个节点的数据：客户反馈、销售记录，找出流失的原因", "Collect and analyse this node's data (feedback, sales records) to find why deals drop out"),
                    ("对。漏斗已经指出了节点，下一步是弄清原因，再定策略。", "Right. The funnel has found the node; next is learning why, then choosing a strategy."),
                ),
                (
                    ("所有方案一律降价", "Cut the price on every proposal"),
                    ("还不知道原因就下药：流失也许不是因为价格。", "A cure before the diagnosis: the drop may have nothing to do with price."),
                ),
                (
                    ("取消这个阶段，直接报价", "Drop the stage and quote straight away"),
                    ("客户评估方案这件事不会因为删掉阶段而消失。", "The customer still evaluates the solution whether or not the stage is on the board."),
                ),
                (
                    ("多找一些新线索补进漏斗", "Pour more new leads into the funnel"),
                    ("更多商机会在同一个节点流失，问题还在。", "More deals would drop out at the same node; the problem stays."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "客户在需求确认这个节点上迟迟不做决定。资料举的管理策略是什么？",
                "A customer keeps putting off the decision at the needs-confirmation node. Which strategy does the source give?",
            ),
            options: &[
                (
                    ("增加与客户沟通的频率，提供更多决策支持材料", "Talk with the customer more often and provide more decision material"),
                    ("对，这正是资料里针对决策延迟的例子。", "Right: this is the source's own example for a delayed decision."),
                ),
                (
                    ("暂停跟进，等客户主动联系", "Stop following up and wait for the customer to call"),
                    ("节点管理是主动管理；放着不管只会让周期更长。", "Managing a node means acting; waiting makes the cycle longer."),
                ),
                (
                    ("直接报价，逼客户表态", "Send a price to force an answer"),
                    ("客户还没确认需求，报价跳过了节点，风险更大。", "The needs are not confirmed yet; quoting skips the node and adds risk."),
                ),
                (
                    ("换一位销售代表", "Hand the deal to another rep"),
                    ("问题在客户的决策，不一定在销售代表。", "The hold-up is the customer's decision, not necessarily the rep."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "“合同签署”这个时刻，在三种分类里分别属于什么？",
                "Where does the contract signing fall in each of the three classifications?",
            ),
            options: &[
                (
                    ("销售阶段：合同谈判；客户决策：购买决策；关键性：关键节点", "Stage: contract negotiation; decision: purchase decision; weight: key node"),
                    ("对。签约是客户做出购买决定的时刻，资料把它列为关键节点。", "Right. Signing is when the customer decides to buy, and the source calls it a key node."),
                ),
                (
                    ("客户决策：评估选择", "Decision: evaluation"),
                    ("评估在签约之前；签约已经是购买决策。", "Evaluation comes before; signing is the purchase decision itself."),
                ),
                (
                    ("关键性：非关键节点", "Weight: non-key node"),
                    ("资料明确把合同签署的时刻列为关键节点。", "The source names the signing as a key node."),
                ),
                (
                    ("客户决策：后续服务", "Decision: post-purchase service"),
                    ("后续服务在交付之后，签约时还没到。", "Post-purchase service comes after delivery, not at signing."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "有人说：“节点就是我们的销售阶段，换个名字而已。”为什么不完全对？",
                "Someone says: “Nodes are just our sales stages under another name.” Why is that not quite right?",
            ),
            options: &[
                (
                    ("节点还可以按客户的决策流程划分，并区分关键和非关键；它关注可能改变结果的时刻", "Nodes are also classified by the customer's decision process and by weight; they are about moments that can change the result"),
                    ("对。按阶段只是三种分类之一。", "Right. Stages are only one of three classifications."),
                ),
                (
                    ("这句话完全对", "It is entirely right"),
                    ("资料给了三种分类，阶段只是其中之一。", "The source gives three classifications; stages are one of them."),
                ),
                (
                    ("节点只指签合同那一刻", "A node is only the moment of signing"),
                    ("签约是关键节点之一，还有需求确认、方案评估等。", "Signing is one key node among others, such as needs confirmation and solution evaluation."),
                ),
                (
                    ("节点是客户内部的事，和销售无关", "Nodes belong to the customer and have nothing to do with sales"),
                    ("节点管理正是销售团队的工作。", "Managing nodes is exactly the sales team's job."),
                ),
            ],
        },
    ],
};

const PROCESS: Concept = Concept {
    id: ConceptId::Process,
    title: ("销售过程管理", "Managing the sales process"),
    source: ("资料：《销售过程管理的六个方面》", "Source: “Six aspects of sales process management”"),
    summary: (
        "销售过程管理从设定目标开始，到评估业绩、培训和激励团队结束，一共六个方面。其中客户关系管理尤为重要：了解客户需求，才能提高满意度和忠诚度。漏斗和 KPI（成交率、客户获取成本、客户生命周期价值）让管理有数可依。",
        "Managing the sales process runs from setting goals to reviewing results and training and motivating the team: six aspects. Customer relationship management matters most: knowing the customer's needs is what raises satisfaction and loyalty. The funnel and KPIs (close rate, customer acquisition cost, customer lifetime value) give the management numbers to go on.",
    ),
    lists: &[ConceptList {
        title: ("六个方面", "Six aspects"),
        items: &[
            (("销售目标设定", "Setting goals"), ("起点。参考市场情况、历史数据和团队能力定目标。", "The start: goals set from the market, past data and the team's capacity.")),
            (("销售计划制定", "Planning"), ("策略（定价、促销、渠道）、时间安排和资源分配。", "Strategy (pricing, promotion, channels), timing and resources.")),
            (("客户关系管理", "Customer relationships"), ("客户数据、日常沟通和售后服务。", "Customer data, regular contact and after-sales service.")),
            (("销售活动执行", "Doing the selling"), ("拜访、演示、签订合同。", "Visits, demos, signing contracts.")),
            (("销售业绩评估", "Reviewing results"), ("分析数据，把实际与目标对比，找出差距再调整。", "Analyse the data, compare actual with target, find the gap and adjust.")),
            (("培训与激励", "Training and motivation"), ("产品和技巧培训、奖励制度、团队建设。", "Product and skills training, rewards, team building.")),
        ],
    }],
    diagram: Diagram::Wheel {
        centre: ("销售过程管理", "Process management"),
        parts: &[
            ("目标设定", "Goals"),
            ("计划制定", "Planning"),
            ("客户关系", "Relationships"),
            ("活动执行", "Selling"),
            ("业绩评估", "Review"),
            ("培训与激励", "Training & rewards"),
        ],
    },
    questions: &[
        CaseQuestion {
            prompt: (
                "一个团队的赢单率目标是 50%，实际只有 33%。按“销售业绩评估”的做法，接下来该做什么？",
                "A team's win-rate goal is 50%; it stands at 33%. Following “reviewing results”, what comes next?",
            ),
            options: &[
                (
                    ("对比目标和实际，分析差距出在哪个阶段，再调整策略和计划", "Compare target and actual, find where the gap arises, then adjust the approach and plan"),
                    ("对：数据分析、目标对比、反馈调整，正是业绩评估的三步。", "Right: analyse, compare, adjust are the three parts of a review."),
                ),
                (
                    ("把目标改成 33%", "Lower the goal to 33%"),
                    ("不分析原因就降目标，问题仍在。", "Lowering the goal without knowing why leaves the problem in place."),
                ),
                (
                    ("只奖励赢单最多的人", "Reward only the top winner"),
                    ("激励是另一个方面，不能代替找出差距。", "Incentives are another aspect; they do not find the gap."),
                ),
                (
                    ("先不管，下个季度自然会好", "Leave it; next quarter will be better"),
                    ("评估的意义在于及时调整。", "A review is worth something only if it leads to change in time."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "团队销售技巧不错，但积极性不高、彼此不配合。六个方面里哪一项最对症？",
                "The team sells well but is unmotivated and does not pull together. Which aspect addresses this?",
            ),
            options: &[
                (
                    ("培训与激励：设立奖励制度，做团队建设", "Training and motivation: rewards and team building"),
                    ("对。激励机制激发积极性，团队建设增强协作。", "Right. Rewards raise motivation; team building raises cooperation."),
                ),
                (
                    ("销售目标设定", "Setting goals"),
                    ("目标给方向，但这里缺的是动力和配合。", "Goals give direction; what is missing here is drive and cooperation."),
                ),
                (
                    ("客户关系管理", "Customer relationships"),
                    ("问题在团队内部，不在客户那边。", "The problem is inside the team, not with the customers."),
                ),
                (
                    ("销售活动执行", "Doing the selling"),
                    ("技巧已经不错，多跑几次拜访解决不了积极性。", "Skills are fine; more visits do not fix motivation."),
                ),
            ],
        },
        CaseQuestion {
            prompt: ("定年度销售目标时，资料建议依据什么？", "When setting the year's sales goal, what does the source say to go on?"),
            options: &[
                (
                    ("市场情况、过去的销售数据和团队能力", "The market, past sales data and the team's capacity"),
                    ("对，这是资料列出的三个依据。", "Right: these are the three the source lists."),
                ),
                (
                    ("只看管理层的期望", "Only what management hopes for"),
                    ("不看市场和能力的目标，很难实现。", "A goal that ignores the market and the team is hard to reach."),
                ),
                (
                    ("只看竞争对手的目标", "Only the competitors' goals"),
                    ("竞争是市场分析的一部分，但不是全部。", "Competition is part of the market picture, not all of it."),
                ),
                (
                    ("去年目标一律加 20%", "Last year's goal plus 20%, always"),
                    ("“+20%”是具体的写法，但数字要有依据。", "“+20%” is specific, but the number still needs a basis."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "资料认为六个方面里哪一项尤为重要？",
                "Which of the six aspects does the source call especially important?",
            ),
            options: &[
                (
                    ("客户关系管理：理解客户需求，提高满意度和忠诚度", "Customer relationship management: knowing the customer's needs raises satisfaction and loyalty"),
                    ("对。资料特别强调了这一项。", "Right. The source singles it out."),
                ),
                (
                    ("销售活动执行", "Doing the selling"),
                    ("执行很重要，但资料特别强调的是客户关系管理。", "Selling matters, but the source singles out customer relationships."),
                ),
                (
                    ("销售计划制定", "Planning"),
                    ("计划是基础之一，但不是资料特别强调的那一项。", "Planning is a foundation, but not the one the source singles out."),
                ),
                (
                    ("培训与激励", "Training and motivation"),
                    ("它提升团队能力，但不是资料特别强调的那一项。", "It builds the team, but it is not the one the source singles out."),
                ),
            ],
        },
    ],
};

const PROJECT: Concept = Concept {
    id: ConceptId::Project,
    title: ("销售项目管理", "Managing a sales project"),
    source: ("资料：《如何做销售项目管理》", "Source: “How to manage a sales project”"),
    summary: (
        "销售项目管理用有序的方法管理售前、售中和售后的销售活动，共七个步骤。第一步确定项目目标最关键，它决定项目的方向；目标要符合 SMART。监控发现问题后，可以调整的杠杆是目标、渠道、定价和促销。",
        "Managing a sales project puts order into the selling before, during and after the sale, in seven steps. The first, setting the project's goal, matters most because it sets the direction; the goal should be SMART. When monitoring shows a problem, the levers to pull are the goal, the channels, the price and the promotions.",
    ),
    lists: &[
        ConceptList {
            title: ("SMART 逐个字母", "SMART, letter by letter"),
            items: &[
                (("S 具体", "S, specific"), ("写明要什么，例如“销售额增加 20%”，而不是“提高销售额”。", "Say exactly what: “+20% revenue”, not “sell more”.")),
                (("M 可衡量", "M, measurable"), ("有衡量的标准，例如新客户数可以从销售报告里跟踪。", "It can be measured: new customers, say, are tracked in the sales report.")),
                (("A 可达成", "A, achievable"), ("考虑市场、竞争和销售资源，目标切实可行。", "Realistic given the market, the competition and the sales resources.")),
                (("R 相关", "R, relevant"), ("与公司的整体战略和目标一致。", "In line with the company's overall strategy and goals.")),
                (("T 有时限", "T, time-bound"), ("有明确的完成日期，便于跟踪和评估。", "A clear end date, so progress can be tracked and judged.")),
            ],
        },
        ConceptList {
            title: ("七个步骤", "Seven steps"),
            items: &[
                (("确定项目目标", "Set the project goal"), ("SMART 目标：销售额、新客户数、客户保留率等。", "A SMART goal: revenue, new customers, retention…")),
                (("规划销售策略", "Plan the strategy"), ("目标市场、渠道（直销、分销商、电商）、定价、促销。", "Target market, channels (direct, distributors, e-commerce), pricing, promotion.")),
                (("组建销售团队", "Build the team"), ("招聘、分配任务、培训技能。", "Recruit, assign tasks, train.")),
                (("执行销售计划", "Carry out the plan"), ("开展活动，记录数据，及时解决问题。", "Run the activities, record the data, solve problems promptly.")),
                (("监控销售进度", "Monitor progress"), ("分析数据，跟踪进度，发现问题。", "Analyse the data, follow progress, find problems.")),
                (("调整销售策略", "Adjust the strategy"), ("调整目标、渠道、定价或促销。", "Adjust the goal, channels, price or promotions.")),
                (("评估销售结果", "Evaluate the results"), ("目标实现了多少、策略是否有效、团队表现如何。", "How far the goal was met, whether the strategy worked, how the team did.")),
            ],
        },
    ],
    diagram: Diagram::Steps {
        title: ("销售项目的七个步骤", "Seven steps of a sales project"),
        steps: &[
            ("确定项目目标", "Set the goal"),
            ("规划销售策略", "Plan the strategy"),
            ("组建销售团队", "Build the team"),
            ("执行销售计划", "Carry out the plan"),
            ("监控销售进度", "Monitor progress"),
            ("调整销售策略", "Adjust the strategy"),
            ("评估销售结果", "Evaluate the results"),
        ],
        loop_back: Some((5, 3)),
    },
    questions: &[
        CaseQuestion {
            prompt: ("哪一个目标符合 SMART？", "Which goal is SMART?"),
            options: &[
                (
                    ("2027 年 6 月 30 日前，华东区新签 12 家制造业客户", "Sign 12 new manufacturing customers in the east region by 30 June 2027"),
                    ("对：具体、可以从销售记录衡量、有截止日期；是否可达成、是否相关还要结合团队资源和公司战略判断。", "Right: specific, measurable from the sales records, with an end date; whether it is achievable and relevant still depends on the team's resources and the strategy."),
                ),
                (
                    ("今年努力提高销售额", "Try hard to sell more this year"),
                    ("不具体（没有数字），也没有明确的截止日期。", "Not specific (no number) and no clear end date."),
                ),
                (
                    ("新客户越多越好", "As many new customers as possible"),
                    ("没有数字也没有时间，无法衡量和跟踪。", "No number and no date: nothing to measure or follow."),
                ),
                (
                    ("明年销售额翻五倍", "Five times the revenue next year"),
                    ("具体也有时限，但不考虑市场和资源，很可能不可达成（A）。", "Specific and dated, but with no regard to the market or resources it is likely not achievable (A)."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "监控发现：电商渠道的成交远不如直销，而定价和促销的效果都正常。应调整哪一项？",
                "Monitoring shows e-commerce closes far fewer deals than direct sales, while pricing and promotions work as expected. What should be adjusted?",
            ),
            options: &[
                (
                    ("销售渠道", "The channels"),
                    ("对。资料说某些渠道效果不佳时，就调整渠道。", "Right. The source says to adjust the channels when one underperforms."),
                ),
                (
                    ("产品定价", "The price"),
                    ("定价效果正常，问题出在渠道。", "Pricing works; the channel is the problem."),
                ),
                (
                    ("促销活动", "The promotions"),
                    ("促销效果正常，改它解决不了渠道的问题。", "Promotions work; changing them will not fix the channel."),
                ),
                (
                    ("直接降低目标", "Lower the goal"),
                    ("先调整出问题的那一项；目标过高或过低时才调整目标。", "Adjust what is failing first; change the goal only when it is too high or too low."),
                ),
            ],
        },
        CaseQuestion {
            prompt: (
                "天成化工的灌装线项目已签约交付。按销售项目管理的最后一步，要评估什么？",
                "Tiancheng Chemicals' filling-line project is signed and delivered. In the last step of the project, what is evaluated?",
            ),
            options: &[
                (
                    ("目标实现了多少、销售策略是否有效、团队表现如何", "How far the goal was met, whether the strategy worked, and how the team did"),
                    ("对，这是资料列出的三项评估内容。", "Right: the source lists these three."),
                ),
                (
                    ("只看这单赚了多少钱", "Only how much the deal earned"),
                    ("金额只是结果的一部分，策略和团队也要评估。", "Money is part of the result; the strategy and the team are evaluated too."),
                ),
                (
                    ("签约了就不用评估", "Once signed, nothing to evaluate"),
                    ("评估结果是七个步骤的最后一步，为下一个项目积累经验。", "Evaluating results is the seventh step, and it teaches the next project."),
                ),
                (
                    ("只看客户满不满意", "Only whether the customer is happy"),
                    ("满意度很重要，但资料要求评估的是目标、策略和团队。", "Satisfaction matters, but the source asks about the goal, the strategy and the team."),
                ),
            ],
        },
        CaseQuestion {
            prompt: ("“目标要有负责人”属于 SMART 的哪个字母？", "Which letter of SMART is “the goal has an owner”?"),
            options: &[
                (
                    ("哪个都不是：它是里程碑资料里的最佳实践“明确责任”", "None: it is the milestone article's best practice, clear ownership"),
                    ("对。SMART 是具体、可衡量、可达成、相关、有时限；负责人是另一条要求。", "Right. SMART is specific, measurable, achievable, relevant, time-bound; an owner is a separate rule."),
                ),
                (
                    ("S 具体", "S, specific"),
                    ("具体指写明要达成什么，不是谁来负责。", "Specific is about what to reach, not who answers for it."),
                ),
                (
                    ("A 可达成", "A, achievable"),
                    ("可达成看的是市场和资源是否允许。", "Achievable asks whether the market and resources allow it."),
                ),
                (
                    ("R 相关", "R, relevant"),
                    ("相关指与公司战略一致。", "Relevant means in line with the company's strategy."),
                ),
            ],
        },
    ],
};
