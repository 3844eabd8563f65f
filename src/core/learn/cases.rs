//! Case questions built on a practice scenario's own figures: where its funnel loses
//! the most deals, which goal is furthest behind, whose milestones are overdue. The
//! trainee can open the same scenario and find the same numbers.

use crate::core::analytics::{funnel, goals::progress, Scope};
use crate::core::deal::plan::{day_of, deal_plan};
use crate::core::learn::quiz::Question;
use crate::core::learn::samples::Bi;
use crate::core::learn::scenarios::{build_scenario, ScenarioId};
use crate::core::model::{DealStatus, Timestamp, Workspace};
use crate::core::text::i18n::{fill, Lang};
use crate::core::text::labels::goal_metric;

/// (option, why), the right one first; `{n}` places are filled per case.
type Options = [(Bi, Bi); 4];

const FUNNEL_PROMPT: Bi = (
    "{0}的练习数据：漏斗显示，到达“{1}”的 {2} 个商机中，只有 {3}% 推进到了“{4}”。首先该做什么？",
    "{0}, practice data: of the {2} deals that reached “{1}”, only {3}% went on to “{4}”. What comes first?",
);
const FUNNEL_OPTIONS: Options = [
    (
        (
            "收集并分析这个节点的数据：客户反馈、丢单原因和销售记录，找出流失的原因",
            "Collect and analyse this node's data (feedback, lost reasons, records) to find why deals drop out",
        ),
        (
            "对。漏斗指出了节点，节点管理的下一步是数据收集与分析，再据此定策略。",
            "Right. The funnel has found the node; node management goes on with collecting and analysing data, then a strategy.",
        ),
    ),
    (
        ("所有商机一律降价", "Cut the price on every deal"),
        ("还不知道原因就下药：丢单也许不是因为价格。", "A cure before the diagnosis: the losses may have nothing to do with price."),
    ),
    (
        ("把这个阶段从路线图里删掉", "Remove the stage from the roadmap"),
        (
            "客户在这一步的决定不会因为删掉阶段而消失，只是看不见了。",
            "The customer's decision at this point does not go away; it just stops being visible.",
        ),
    ),
    (
        ("多找新线索，把漏斗填满", "Find more leads to fill the funnel"),
        ("新商机会在同一个节点流失，问题还在。", "New deals will drop out at the same node; the problem remains."),
    ),
];

const GOAL_PROMPT: Bi = (
    "{0}的练习数据：{1}的目标是{2}达到 {3}，到今天只完成了 {4}，按进度今天应达到 {5}。接下来该做什么？",
    "{0}, practice data: {1}'s goal is {2} of {3}; today it stands at {4}, where the pace needs {5}. What comes next?",
);
const GOAL_OPTIONS: Options = [
    (
        (
            "对比目标与实际，查清差距出在哪些阶段和商机，再调整策略或计划",
            "Compare target and actual, find which stages and deals make the gap, then adjust the approach or plan",
        ),
        ("对。业绩评估就是数据分析、目标对比、反馈调整。", "Right. A review is analysis, comparison with the target, and adjustment."),
    ),
    (
        ("把目标改低到现在的水平", "Lower the goal to where things stand"),
        (
            "不查原因就改目标，问题依旧；目标只在定得过高或过低时才调整。",
            "Changing the goal without the cause leaves the problem; goals change only when they were set too high or too low.",
        ),
    ),
    (
        ("等到期末再看", "Wait for the end of the period"),
        (
            "到期末就来不及调整了；评估要定期、及时。",
            "By then it is too late to change anything; reviews are meant to be regular and timely.",
        ),
    ),
    (
        ("给团队加更多拜访任务", "Give the team more visits to make"),
        ("还不知道差在哪里，盲目加量未必对症。", "Without knowing where the gap is, more of the same may not help."),
    ),
];

const OVERDUE_PROMPT: Bi = (
    "{0}的练习数据：{1}名下有 {2} 个里程碑已经逾期。按里程碑的最佳实践，首先该做什么？",
    "{0}, practice data: {2} of {1}'s milestones are overdue. By the milestone best practices, what comes first?",
);
const OVERDUE_PROMPT_ONE: Bi = (
    "{0}的练习数据：{1}名下有 1 个里程碑已经逾期。按里程碑的最佳实践，首先该做什么？",
    "{0}, practice data: one of {1}'s milestones is overdue. By the milestone best practices, what comes first?",
);
const OVERDUE_OPTIONS: Options = [
    (
        ("定期评估：开进展会，逐个查明逾期的原因，再调整", "Regular review: meet, find out why each one slipped, then adjust"),
        (
            "对。定期评估是为了及时发现问题；先弄清原因，调整才有依据。",
            "Right. Regular reviews catch exactly this; the cause comes before the change.",
        ),
    ),
    (
        ("把这些日期一律往后推", "Push all those dates back"),
        (
            "这是对“灵活调整”的误用：不查原因就改日期，延误还会再来。",
            "That misuses “adjust when things change”: moving dates without the cause lets the delay come back.",
        ),
    ),
    (
        ("把里程碑标记为完成，让看板好看些", "Mark them done so the board looks better"),
        (
            "里程碑的价值在于真实反映进度，假完成只会掩盖问题。",
            "A milestone is worth something only if it tells the truth; ticking it off hides the problem.",
        ),
    ),
    (
        ("把逾期的里程碑都删掉", "Delete the overdue milestones"),
        ("删掉并不能让事情完成，反而失去了跟踪进度的依据。", "Deleting them gets nothing done and loses the means to follow progress."),
    ),
];

fn ask(prompt: String, options: &Options, lang: Lang, seed: u64) -> Question {
    let (options, reasons) = options.iter().map(|(o, r)| (lang.pick(*o).to_owned(), lang.pick(*r).to_owned())).unzip();
    Question::right_first(prompt, options, reasons, seed)
}

/// Up to three case questions from scenario `id` as of `now`: its funnel's biggest
/// drop, its goal furthest behind its pace, and the owner with the most overdue milestones.
pub fn scenario_cases(id: ScenarioId, lang: Lang, now: Timestamp, seed: u64) -> Vec<Question> {
    let ws = build_scenario(id, lang, now);
    let company = lang.pick(id.scenario().name).split(['：', ':']).next().unwrap_or_default().to_owned();
    [funnel_case(&ws, &company, lang, now), goal_case(&ws, &company, lang, now), overdue_case(&ws, &company, lang, now)]
        .into_iter()
        .flatten()
        .zip(0u64..)
        .map(|((prompt, options), n)| ask(prompt, options, lang, seed.wrapping_add(n * 31)))
        .collect()
}

fn funnel_case(ws: &Workspace, company: &str, lang: Lang, now: Timestamp) -> Option<(String, &'static Options)> {
    let roadmap = ws.roadmaps.first()?;
    let today = day_of(now);
    let scope = Scope { start: chrono::NaiveDate::MIN, end: today, roadmap: None };
    let f = funnel(ws, roadmap, &scope);
    let at = f.biggest_drop?;
    let (here, next) = (&f.steps[at], &f.steps[at + 1]);
    let kept = (next.reached * 100 + here.reached / 2) / here.reached;
    let name = |i: usize| roadmap.stages[i].name.get(lang).to_owned();
    let prompt = fill(lang.pick(FUNNEL_PROMPT), &[company, &name(at), &here.reached.to_string(), &kept.to_string(), &name(at + 1)]);
    Some((prompt, &FUNNEL_OPTIONS))
}

fn goal_case(ws: &Workspace, company: &str, lang: Lang, now: Timestamp) -> Option<(String, &'static Options)> {
    let today = day_of(now);
    let behind = ws
        .goals
        .iter()
        .map(|g| (g, progress(ws, g, today)))
        .filter(|(_, p)| p.actual < p.expected_by_today)
        .max_by_key(|(_, p)| (p.expected_by_today - p.actual) * 1000 / p.target.max(1))?;
    let (goal, p) = behind;
    let amount = |v: i64| crate::core::analytics::view::goal_amount(ws, goal.metric, v, lang);
    let prompt = fill(
        lang.pick(GOAL_PROMPT),
        &[company, &goal.owner, goal_metric(lang, goal.metric), &amount(p.target), &amount(p.actual), &amount(p.expected_by_today)],
    );
    Some((prompt, &GOAL_OPTIONS))
}

fn overdue_case(ws: &Workspace, company: &str, lang: Lang, now: Timestamp) -> Option<(String, &'static Options)> {
    let today = day_of(now);
    let mut per_owner: Vec<(String, usize)> = Vec::new();
    for deal in ws.deals.iter().filter(|d| d.status == DealStatus::Open) {
        let roadmap = ws.roadmap(&deal.roadmap_id)?;
        let late = deal_plan(roadmap, deal, today).overdue().count();
        match per_owner.iter_mut().find(|(o, _)| *o == deal.owner) {
            Some((_, n)) => *n += late,
            None => per_owner.push((deal.owner.clone(), late)),
        }
    }
    let (owner, late) = per_owner.into_iter().filter(|(_, n)| *n > 0).max_by_key(|(_, n)| *n)?;
    let prompt = if late == 1 { OVERDUE_PROMPT_ONE } else { OVERDUE_PROMPT };
    Some((fill(lang.pick(prompt), &[company, &owner, &late.to_string()]), &OVERDUE_OPTIONS))
}
