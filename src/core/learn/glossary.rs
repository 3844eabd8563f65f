//! The words a trainee meets in Waypoint and in the source articles, each explained
//! in a sentence or two, in both languages.

use crate::core::learn::samples::Bi;

/// (term, what it means), in the order a sale meets them.
pub const GLOSSARY: &[(Bi, Bi)] = &[
    (
        ("线索", "Lead"),
        ("可能成为客户的公司或人，还没有确认需求和购买能力。", "A company or person who might become a customer, before their need and means to buy are confirmed."),
    ),
    (
        ("潜在客户", "Prospect"),
        ("经过初步判断、值得投入时间的线索。识别潜在客户是每条路线图的第一步。", "A lead judged worth the time. Identifying prospects is the first stage of every roadmap."),
    ),
    (
        ("商机", "Deal (opportunity)"),
        ("和某个客户的一笔可能的生意：有金额、负责人、所处阶段和预计成交日期。看板上的每张卡片就是一个商机。", "One possible sale to one customer, with a value, an owner, a stage and an expected close date. Each card on the board is a deal."),
    ),
    (
        ("销售路线图", "Sales roadmap"),
        ("把整个销售过程画出来的图：目标、阶段、关键里程碑、负责人和风险。", "The whole sale drawn on one page: goals, stages, key milestones, owners and risks."),
    ),
    (
        ("阶段", "Stage"),
        ("销售过程中的一段，例如需求分析、方案设计。商机从一个阶段推进到下一个阶段。", "One part of the sale, such as needs analysis or solution design. A deal moves from stage to stage."),
    ),
    (
        ("里程碑", "Milestone"),
        ("销售过程中必须完成的关键任务或目标，有负责人和完成时间；完成后收集客户反馈。", "A key task or goal the sale must get done, with an owner and a date; the customer's feedback follows it."),
    ),
    (
        ("销售节点", "Sales node"),
        ("客户的决定可能发生变化的关键时刻，由客户需求、决策流程或市场变化形成。", "A key moment where the customer's decision can move, shaped by their needs, decision process or the market."),
    ),
    (
        ("关键节点", "Key node"),
        ("对销售结果影响大的节点，例如需求确认、方案评估、价格谈判、合同签署。Waypoint 用 ◆ 标出。", "A node that weighs heavily on the result, such as confirming needs, evaluating the solution, negotiating price, signing. Waypoint marks it with ◆."),
    ),
    (
        ("客户决策阶段", "Customer decision phase"),
        ("客户这一侧走到了哪一步：需求识别、信息搜索、评估选择、购买决策、后续服务。", "Where the customer is on their side: need recognition, information search, evaluation, purchase decision, post-purchase service."),
    ),
    (
        ("推进条件", "Exit criteria"),
        ("商机进入下一阶段之前必须满足的条件，例如“需求、预算和决策人都已书面确认”。", "What must be true before a deal moves to the next stage, such as “needs, budget and decision makers confirmed in writing”."),
    ),
    (
        ("关卡", "Gate"),
        ("Waypoint 的设置：必需里程碑没完成，商机就不能离开这个阶段（可以确认后越过）。", "A Waypoint setting: a deal cannot leave the stage until its required milestones are done (unless someone confirms)."),
    ),
    (
        ("赢单概率", "Win probability"),
        ("处在某个阶段的商机最终成交的可能性。模板里的数字只是示例，要用自己团队的历史数据校准。", "How likely a deal in a stage is to be won. The templates' figures are examples to calibrate from your own history."),
    ),
    (
        ("加权管道", "Weighted pipeline"),
        ("所有进行中商机的“金额 × 所在阶段的赢单概率”之和，是对未来收入的估计。", "The sum of value × stage win probability over the open deals: an estimate of revenue to come."),
    ),
    (
        ("管道覆盖率", "Pipeline coverage"),
        ("加权管道除以收入目标还差的部分；低于 1 说明现有商机不够完成目标。", "The weighted pipeline divided by what the revenue goal still needs; below 1, the open deals cannot reach the goal."),
    ),
    (
        ("销售漏斗", "Sales funnel"),
        ("按阶段数商机：越往后越少。从漏斗能看出各阶段的转化率和客户在哪里流失。", "Deals counted stage by stage, fewer at each step. It shows each stage's conversion and where customers drop out."),
    ),
    (
        ("转化率", "Conversion rate"),
        ("到达某个阶段的商机中，继续推进到下一阶段的比例。", "Of the deals that reached a stage, the share that went on to the next."),
    ),
    (
        ("赢单率（成交率）", "Win rate (close rate)"),
        ("已结束的商机中赢单的比例。", "Of the deals closed, the share won."),
    ),
    (
        ("销售周期", "Sales cycle"),
        ("从建立商机到成交所用的天数。", "The days from opening a deal to winning it."),
    ),
    (
        ("客户细分", "Customer segment"),
        ("按行业、规模、需求等给客户分类，以便采取不同的策略。", "Customers grouped by industry, size or need, so each group gets a fitting approach."),
    ),
    (
        ("SMART 目标", "SMART goal"),
        ("具体、可衡量、可达成、相关、有时限的目标。负责人不属于 SMART，是另一条要求。", "Specific, measurable, achievable, relevant and time-bound. An owner is not part of SMART; it is a separate rule."),
    ),
    (
        ("KPI（关键绩效指标）", "KPI (key performance indicator)"),
        ("用来评估效果的关键数字，例如成交率、客户获取成本、客户生命周期价值。", "A figure that shows whether the work is paying off: close rate, customer acquisition cost, customer lifetime value."),
    ),
    (
        ("客户获取成本", "Customer acquisition cost"),
        ("赢得一个新客户平均花费的销售和市场费用。", "What winning one new customer costs in sales and marketing, on average."),
    ),
    (
        ("客户生命周期价值", "Customer lifetime value"),
        ("一个客户在整个合作期间带来的总价值。", "What a customer brings in over the whole relationship."),
    ),
    (
        ("客户反馈", "Customer feedback"),
        ("每完成一个里程碑后客户的意见和满意度（1–5 分），用来调整策略。", "The customer's views and satisfaction (1–5) after each milestone, used to adjust the approach."),
    ),
];
