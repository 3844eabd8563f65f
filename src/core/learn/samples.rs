//! The workspace a first visit opens: the default template with a handful of
//! sample deals, spread over the stages, marked as samples.
//!
//! The samples are made through [`apply`] like any user change, so they obey
//! every rule a real deal does and carry a believable stage history.

use chrono::{DateTime, Days};

use crate::core::analytics::goals::GoalFields;
use crate::core::command::{apply, Command, Outcome};
use crate::core::deal::form::DealFields;
use crate::core::model::{ActivityKind, GoalMetric, Id, Timestamp, Workspace, SAMPLE_GOAL_ID_PREFIX, SCHEMA_VERSION};
use crate::core::roadmap::templates::{build_roadmap, TemplateId};
use crate::core::text::i18n::Lang;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// An empty workspace holding one roadmap from `template`.
pub fn empty_workspace(origin: &str, lang: Lang, template: TemplateId) -> Workspace {
    let mut ws = Workspace {
        schema_version: SCHEMA_VERSION,
        origin: origin.to_owned(),
        next_id: 1,
        default_currency: default_currency(lang).to_owned(),
        roadmaps: Vec::new(),
        deals: Vec::new(),
        goals: Vec::new(),
        settings: Default::default(),
        deleted: Vec::new(),
    };
    let roadmap = build_roadmap(&mut ws, template);
    ws.roadmaps.push(roadmap);
    ws
}

/// The currency a new workspace starts with for a UI language: yuan (CNY) for Chinese, US dollars (USD) for English.
pub fn default_currency(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "CNY",
        Lang::En => "USD",
    }
}

/// (中文, English)
pub type Bi = (&'static str, &'static str);

/// How a made-up deal ends.
#[derive(Clone, Copy)]
pub enum Ending {
    /// Still open: it stays in its stage.
    Open,
    /// Closed as won at `now`, with every milestone of its stage done.
    Won,
    /// Lost, with the id of one of the preset lost reasons.
    Lost(&'static str),
}

/// A made-up deal for samples and practice scenarios, played through the
/// commands a person would use: created, moved a week per stage, closed.
#[derive(Clone, Copy)]
pub struct DealSpec {
    /// The customer's name.
    pub customer: Bi,
    /// The deal's title.
    pub title: Bi,
    /// In whole currency units.
    pub value: i64,
    /// The sales rep who owns the deal; also the one who logs its activity.
    pub owner: Bi,
    /// The index of the stage it has reached on the first roadmap (capped at the last stage); a week was spent in each one before.
    pub stage: usize,
    /// The expected close date, in days after the day the deal is played.
    pub close_in_days: u64,
    /// The market segment, given to the deal as its one tag; empty gives no tag.
    pub segment: Bi,
    /// Whether the deal stays open or is closed, and how.
    pub ending: Ending,
    /// How many milestones of its current stage are done, in order (1 or more; a won deal has them all).
    pub done_in_stage: usize,
    /// Satisfaction and what the customer said, collected after the last milestone done in the current stage.
    pub feedback: Option<(u8, Bi)>,
    /// An activity logged two days before `now`: its kind and notes.
    pub activity: Option<(ActivityKind, Bi)>,
}

/// The defaults for a `DealSpec` (open, no value, expected close in 30 days), to fill in with `..DEAL`.
pub const DEAL: DealSpec = DealSpec {
    customer: ("", ""),
    title: ("", ""),
    value: 0,
    owner: ("", ""),
    stage: 0,
    close_in_days: 30,
    segment: ("", ""),
    ending: Ending::Open,
    done_in_stage: 1,
    feedback: None,
    activity: None,
};

const SAMPLES: [DealSpec; 10] = [
    DealSpec {
        customer: ("华东精密机械", "Eastline Precision"),
        title: ("二期产线自动化", "Phase 2 line automation"),
        value: 350_000,
        owner: ("王磊", "Wang Lei"),
        stage: 0,
        close_in_days: 120,
        segment: ("制造业", "Manufacturing"),
        ..DEAL
    },
    DealSpec {
        customer: ("启明教育集团", "Dawnlight Education"),
        title: ("智慧教室试点", "Smart classroom pilot"),
        value: 180_000,
        owner: ("李娜", "Li Na"),
        stage: 1,
        close_in_days: 90,
        segment: ("教育", "Education"),
        ..DEAL
    },
    DealSpec {
        customer: ("海川物流", "Harbor River Logistics"),
        title: ("仓储管理系统升级", "Warehouse system upgrade"),
        value: 620_000,
        owner: ("王磊", "Wang Lei"),
        stage: 2,
        close_in_days: 75,
        segment: ("物流", "Logistics"),
        ..DEAL
    },
    DealSpec {
        customer: ("盛和医疗", "Shenghe Medical"),
        title: ("设备年度维保合同", "Annual equipment service"),
        value: 240_000,
        owner: ("张伟", "Zhang Wei"),
        stage: 3,
        close_in_days: 45,
        segment: ("医疗", "Healthcare"),
        ..DEAL
    },
    DealSpec {
        customer: ("北辰新能源", "Polaris Energy"),
        title: ("电池检测线", "Battery test line"),
        value: 1_280_000,
        owner: ("李娜", "Li Na"),
        stage: 4,
        close_in_days: 30,
        segment: ("制造业", "Manufacturing"),
        ..DEAL
    },
    DealSpec {
        customer: ("云帆零售", "Sailcloud Retail"),
        title: ("门店数字化", "Store digitisation"),
        value: 90_000,
        owner: ("张伟", "Zhang Wei"),
        stage: 5,
        close_in_days: 14,
        segment: ("零售", "Retail"),
        ..DEAL
    },
    // A little history, so a first visit's Analytics has a win rate, a deal size, a sales
    // cycle and a coverage to show, and the funnel has losses with their reasons.
    DealSpec {
        customer: ("远航汽车零部件", "Voyager Auto Parts"),
        title: ("质检系统", "Quality inspection system"),
        value: 460_000,
        owner: ("李娜", "Li Na"),
        stage: 5,
        segment: ("制造业", "Manufacturing"),
        ending: Ending::Won,
        feedback: Some((5, ("合同条款清楚，签约顺利", "Clear contract terms; signing went smoothly"))),
        ..DEAL
    },
    DealSpec {
        customer: ("嘉禾连锁药房", "Jiahe Pharmacies"),
        title: ("门店库存系统", "Store inventory system"),
        value: 150_000,
        owner: ("张伟", "Zhang Wei"),
        stage: 5,
        segment: ("医疗", "Healthcare"),
        ending: Ending::Won,
        ..DEAL
    },
    DealSpec {
        customer: ("恒信建材", "Hengxin Building Materials"),
        title: ("ERP 升级", "ERP upgrade"),
        value: 300_000,
        owner: ("王磊", "Wang Lei"),
        stage: 4,
        segment: ("制造业", "Manufacturing"),
        ending: Ending::Lost("lost-price"),
        ..DEAL
    },
    DealSpec {
        customer: ("明德职业学院", "Mingde Vocational College"),
        title: ("实训室建设", "Training lab build-out"),
        value: 200_000,
        owner: ("李娜", "Li Na"),
        stage: 2,
        segment: ("教育", "Education"),
        ending: Ending::Lost("lost-no-budget"),
        ..DEAL
    },
];

/// The sample team's revenue goal: in whole currency units, over the year that began a month ago.
const SAMPLE_GOAL: (i64, Bi) = (3_000_000, ("王磊", "Wang Lei"));

fn pick(lang: Lang, pair: Bi) -> String {
    lang.pick(pair).to_owned()
}

/// Plays `spec` into `ws` on its first roadmap so that its history ends at `now`: each
/// stage passed took a week and has every milestone done; the current stage has its first
/// `done_in_stage` (all of them when the deal is won).
pub fn play_deal(ws: &mut Workspace, spec: &DealSpec, lang: Lang, now: Timestamp, sample: bool) -> Id {
    let roadmap = ws.roadmaps[0].clone();
    let today = DateTime::from_timestamp_millis(now).map(|t| t.date_naive());
    let stage_count = spec.stage.min(roadmap.stages.len() - 1);
    let started = now - (stage_count as i64 + 1) * 7 * DAY_MS;
    let fields = DealFields {
        customer: pick(lang, spec.customer),
        title: pick(lang, spec.title),
        value_minor: spec.value * 100,
        currency: ws.default_currency.clone(),
        owner: pick(lang, spec.owner),
        expected_close: today.and_then(|d| d.checked_add_days(Days::new(spec.close_in_days))),
        stage_id: roadmap.stages[0].id.clone(),
        tags: vec![pick(lang, spec.segment)].into_iter().filter(|t| !t.is_empty()).collect(),
        follow_up: None,
    };
    let created = apply(ws, Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample }, started);
    let Ok(Outcome::Created(deal_id)) = created else {
        unreachable!("made-up deals are valid: {created:?}");
    };
    let run = |ws: &mut Workspace, command: Command, at: Timestamp| {
        apply(ws, command, at).expect("made-up deals follow the rules");
    };
    for (step, stage) in roadmap.stages.iter().enumerate().take(stage_count + 1) {
        let at = started + step as i64 * 7 * DAY_MS;
        let passed = step < stage_count;
        // A won deal finished its last stage too (its contract is signed, not just drafted).
        let finished = passed || matches!(spec.ending, Ending::Won);
        let done_here = if finished { stage.milestones.len() } else { spec.done_in_stage.max(1) };
        for milestone in stage.milestones.iter().take(done_here) {
            run(ws, Command::SetMilestoneDone { deal_id: deal_id.clone(), milestone_id: milestone.id.clone(), done: true }, at + DAY_MS);
        }
        if passed {
            run(
                ws,
                Command::MoveDeal { deal_id: deal_id.clone(), to_stage: roadmap.stages[step + 1].id.clone(), confirmed: false },
                at + 7 * DAY_MS,
            );
        }
    }
    let current = &roadmap.stages[stage_count];
    let last_done = if matches!(spec.ending, Ending::Won) { current.milestones.len() } else { spec.done_in_stage.max(1) };
    let day = |at: Timestamp| DateTime::from_timestamp_millis(at).map(|t| t.date_naive()).unwrap_or_default();
    if let Some((kind, notes)) = spec.activity {
        let command = Command::AddActivity {
            deal_id: deal_id.clone(),
            kind,
            date: day(now - 2 * DAY_MS),
            who: pick(lang, spec.owner),
            notes: pick(lang, notes),
            follow_up: None,
        };
        run(ws, command, now - 2 * DAY_MS);
    }
    if let Some((satisfaction, comment)) = spec.feedback {
        let command = Command::AddFeedback {
            deal_id: deal_id.clone(),
            milestone_id: current.milestones[..last_done.min(current.milestones.len())].last().map(|m| m.id.clone()),
            satisfaction,
            comment: pick(lang, comment),
            date: day(now - DAY_MS),
        };
        run(ws, command, now - DAY_MS);
    }
    match spec.ending {
        Ending::Open => {}
        // Closed today, so the deal counts in any period Analytics offers, the current quarter included.
        Ending::Won => run(ws, Command::CloseDeal { deal_id: deal_id.clone(), won: true, reason: None, note: String::new() }, now),
        Ending::Lost(reason) => {
            let command = Command::CloseDeal { deal_id: deal_id.clone(), won: false, reason: Some(Id(reason.into())), note: String::new() };
            run(ws, command, now);
        }
    }
    deal_id
}

/// Adds a made-up goal over the year that began a month before `now`; money targets are
/// in whole currency units.
pub fn add_goal(ws: &mut Workspace, metric: GoalMetric, target: i64, owner: Bi, lang: Lang, now: Timestamp) {
    let today = DateTime::from_timestamp_millis(now).map(|t| t.date_naive()).unwrap_or_default();
    let money = matches!(metric, GoalMetric::WonRevenue | GoalMetric::WeightedPipeline);
    let fields = GoalFields {
        metric,
        target: if money { target * 100 } else { target },
        period_start: today.checked_sub_days(Days::new(30)).unwrap_or(today),
        period_end: today.checked_add_days(Days::new(335)),
        owner: pick(lang, owner),
        roadmap_id: None,
    };
    apply(ws, Command::AddGoal(fields), now).expect("made-up goals are valid");
}

/// The first-visit workspace: the project-sale template plus sample deals whose
/// histories end at `now`, with the milestones of stages they passed done.
pub fn first_visit_workspace(origin: &str, lang: Lang, now: Timestamp) -> Workspace {
    let mut ws = empty_workspace(origin, lang, TemplateId::ProjectSale);
    for spec in &SAMPLES {
        play_deal(&mut ws, spec, lang, now, true);
    }
    let (target, owner) = SAMPLE_GOAL;
    add_goal(&mut ws, GoalMetric::WonRevenue, target, owner, lang, now);
    if let Some(goal) = ws.goals.last_mut() {
        goal.id = Id(format!("{SAMPLE_GOAL_ID_PREFIX}{origin}").into());
        // The minted id was never seen by anyone: give it back, so the counter stays tight.
        ws.next_id -= 1;
    }
    ws
}

/// The roadmap the board shows: the first one (several roadmaps come later).
pub fn primary_roadmap_id(ws: &Workspace) -> Option<&Id> {
    ws.roadmaps.first().map(|r| &r.id)
}
