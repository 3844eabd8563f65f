//! The workspace a first visit opens: the default template with a handful of
//! sample deals, spread over the stages, marked as samples.
//!
//! The samples are made through [`apply`] like any user change, so they obey
//! every rule a real deal does and carry a believable stage history.

use chrono::{DateTime, Days};

use super::command::{apply, Command, Outcome};
use super::deal_form::DealFields;
use super::i18n::Lang;
use super::model::{Id, Timestamp, Workspace, SCHEMA_VERSION};
use super::templates::{build_roadmap, TemplateId};

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
    };
    let roadmap = build_roadmap(&mut ws, template);
    ws.roadmaps.push(roadmap);
    ws
}

pub fn default_currency(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "CNY",
        Lang::En => "USD",
    }
}

struct SampleDeal {
    customer: (&'static str, &'static str),
    title: (&'static str, &'static str),
    value: i64,
    owner: (&'static str, &'static str),
    stage: usize,
    close_in_days: u64,
    segment: (&'static str, &'static str),
}

const SAMPLES: [SampleDeal; 6] = [
    SampleDeal { customer: ("华东精密机械", "Eastline Precision"), title: ("二期产线自动化", "Phase 2 line automation"), value: 350_000, owner: ("王磊", "Alex Chen"), stage: 0, close_in_days: 120, segment: ("制造业", "Manufacturing") },
    SampleDeal { customer: ("启明教育集团", "Dawnlight Education"), title: ("智慧教室试点", "Smart classroom pilot"), value: 180_000, owner: ("李娜", "Maria Lopez"), stage: 1, close_in_days: 90, segment: ("教育", "Education") },
    SampleDeal { customer: ("海川物流", "Harbor River Logistics"), title: ("仓储管理系统升级", "Warehouse system upgrade"), value: 620_000, owner: ("王磊", "Alex Chen"), stage: 2, close_in_days: 75, segment: ("物流", "Logistics") },
    SampleDeal { customer: ("盛和医疗", "Shenghe Medical"), title: ("设备年度维保合同", "Annual equipment service"), value: 240_000, owner: ("张伟", "Sam Patel"), stage: 3, close_in_days: 45, segment: ("医疗", "Healthcare") },
    SampleDeal { customer: ("北辰新能源", "Polaris Energy"), title: ("电池检测线", "Battery test line"), value: 1_280_000, owner: ("李娜", "Maria Lopez"), stage: 4, close_in_days: 30, segment: ("制造业", "Manufacturing") },
    SampleDeal { customer: ("云帆零售", "Sailcloud Retail"), title: ("门店数字化", "Store digitisation"), value: 90_000, owner: ("张伟", "Sam Patel"), stage: 5, close_in_days: 14, segment: ("零售", "Retail") },
];

/// The first-visit workspace: the project-sale template plus sample deals whose
/// histories end at `now`, with the milestones of stages they passed done.
pub fn first_visit_workspace(origin: &str, lang: Lang, now: Timestamp) -> Workspace {
    let mut ws = empty_workspace(origin, lang, TemplateId::ProjectSale);
    let roadmap = ws.roadmaps[0].clone();
    let pick = |pair: (&'static str, &'static str)| match lang {
        Lang::Zh => pair.0.to_owned(),
        Lang::En => pair.1.to_owned(),
    };
    let today = DateTime::from_timestamp_millis(now).map(|t| t.date_naive());
    for sample in &SAMPLES {
        let stage_count = sample.stage.min(roadmap.stages.len() - 1);
        // Each stage passed took about a week; the deal started that many weeks ago.
        let started = now - (stage_count as i64 + 1) * 7 * DAY_MS;
        let fields = DealFields {
            customer: pick(sample.customer),
            title: pick(sample.title),
            value_minor: sample.value * 100,
            currency: ws.default_currency.clone(),
            owner: pick(sample.owner),
            expected_close: today.and_then(|d| d.checked_add_days(Days::new(sample.close_in_days))),
            stage_id: roadmap.stages[0].id.clone(),
            tags: vec![pick(sample.segment)],
        };
        let created = apply(&mut ws, Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: true }, started);
        let Ok(Outcome::Created(deal_id)) = created else {
            unreachable!("sample deals are valid: {created:?}");
        };
        for (step, stage) in roadmap.stages.iter().enumerate().take(stage_count + 1) {
            let at = started + step as i64 * 7 * DAY_MS;
            let passed = step < stage_count;
            // Stages passed have every milestone done; the current one has its first.
            let done_here = if passed { stage.milestones.len() } else { 1 };
            for milestone in stage.milestones.iter().take(done_here) {
                let done = Command::SetMilestoneDone { deal_id: deal_id.clone(), milestone_id: milestone.id.clone(), done: true };
                apply(&mut ws, done, at + DAY_MS).expect("sample milestones exist");
            }
            if passed {
                let next = Command::MoveDeal { deal_id: deal_id.clone(), to_stage: roadmap.stages[step + 1].id.clone(), confirmed: false };
                apply(&mut ws, next, at + 7 * DAY_MS).expect("sample stages exist");
            }
        }
    }
    ws
}

/// The roadmap the board shows: the first one (several roadmaps come later).
pub fn primary_roadmap_id(ws: &Workspace) -> Option<&Id> {
    ws.roadmaps.first().map(|r| &r.id)
}
