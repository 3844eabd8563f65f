//! Large, believable workspaces for the benchmark and scale tests: a seed and a
//! deal count always give the same document, on every machine.
//!
//! Deals are built directly rather than played through commands: playing
//! 10,000 deals would cost minutes, and the integrity checks in the tests prove
//! the result is a workspace the commands could have made.

use std::sync::Arc;

use chrono::{DateTime, Days, NaiveDate};

use crate::core::learn::samples::empty_workspace;
use crate::core::model::{Activity, ActivityKind, Deal, DealStatus, Feedback, Id, MilestoneProgress, StageEntry, Timestamp, Workspace};
use crate::core::roadmap::templates::TemplateId;
use crate::core::text::i18n::Lang;

pub(crate) const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// SplitMix64: tiny, fast and the same everywhere; quality is ample for made-up data.
pub struct Seeded(u64);

impl Seeded {
    /// A generator that starts from `seed`; the same seed always gives the same numbers.
    pub fn new(seed: u64) -> Self {
        Seeded(seed)
    }

    /// The next number of the sequence, spread evenly over all of `u64`.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    /// True with `percent` % chance.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// One of `items`, each equally likely; panics when `items` is empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

const CITIES: [&str; 12] = ["华东", "北辰", "海川", "启明", "盛和", "云帆", "南岭", "金桥", "天衡", "博远", "长风", "恒通"];
const TRADES: [&str; 10] = ["精密机械", "物流", "医疗", "新能源", "零售", "教育集团", "化工", "电子", "食品", "建设"];
const FORMS: [&str; 4] = ["有限公司", "集团", "股份公司", "科技"];
const PROJECTS: [&str; 10] = [
    "产线自动化",
    "仓储系统升级",
    "设备维保合同",
    "门店数字化",
    "质检平台",
    "能耗监测",
    "培训服务",
    "数据中台",
    "安全改造",
    "年度采购框架",
];
const OWNERS: [&str; 8] = ["王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄涛"];
const SEGMENTS: [&str; 6] = ["制造业", "物流", "医疗", "零售", "教育", "能源"];
const NOTES: [&str; 4] = ["客户确认了预算范围", "约好下周演示", "技术负责人提出接口问题", "采购流程需要三家比价"];
const LOST: [&str; 5] = ["lost-price", "lost-competitor", "lost-no-budget", "lost-no-decision", "lost-timing"];

/// A workspace with the project-sale roadmap and `deals` deals whose histories end
/// before `now`: about 70 % open, 18 % won, 12 % lost, with milestones, activities,
/// feedback and segments in realistic proportions.
pub fn generate_workspace(seed: u64, deals: usize, now: Timestamp) -> Workspace {
    let mut rng = Seeded::new(seed);
    let mut ws = empty_workspace(&format!("gen{seed}"), Lang::Zh, TemplateId::ProjectSale);
    let roadmap = ws.roadmaps[0].clone();
    ws.deals.reserve(deals);
    for _ in 0..deals {
        let id = ws.mint_id();
        let stages_passed = rng.below(roadmap.stages.len() as u64) as usize;
        let status = match rng.below(100) {
            0..=69 => DealStatus::Open,
            70..=87 => DealStatus::Won,
            _ => DealStatus::Lost,
        };
        // Older deals went further; each stage took 3 to 20 days.
        let stage_days: Vec<i64> = (0..=stages_passed).map(|_| 3 + rng.below(18) as i64).collect();
        let age_days: i64 = stage_days.iter().sum::<i64>() + rng.below(30) as i64;
        let created_at = now - age_days * DAY_MS - rng.below(DAY_MS as u64) as i64;
        let mut at = created_at;
        let mut stage_history = Vec::with_capacity(stages_passed + 1);
        let mut milestones = Vec::new();
        for (index, stage) in roadmap.stages.iter().enumerate().take(stages_passed + 1) {
            stage_history.push(StageEntry::new(stage.id.clone(), at));
            let passed = index < stages_passed;
            for (m, milestone) in stage.milestones.iter().enumerate() {
                // Passed stages have every milestone done; the current one about half.
                if passed || (m == 0 && rng.chance(60)) {
                    let done_at = at + (m as i64 + 1) * DAY_MS;
                    let owner = rng.chance(20).then(|| rng.pick(&OWNERS).to_string());
                    milestones.push(MilestoneProgress { milestone_id: milestone.id.clone(), done_at: Some(done_at), due: None, owner });
                }
            }
            at += stage_days[index] * DAY_MS;
        }
        // A closed deal closed during its last stage, never before entering it.
        let last_entered = stage_history.last().map_or(created_at, |e: &StageEntry| e.entered_at);
        let closed_at = (status != DealStatus::Open)
            .then(|| (last_entered + (1 + rng.below(stage_days[stages_passed] as u64)) as i64 * DAY_MS).min(now));
        let date_of = |ms: Timestamp| DateTime::from_timestamp_millis(ms).map_or(NaiveDate::MIN, |t| t.date_naive());
        let today = date_of(now);
        let owner = rng.pick(&OWNERS).to_string();
        let mut activities: Vec<Activity> = (0..rng.below(4))
            .map(|_| Activity {
                id: ws.mint_id(),
                kind: *rng.pick(&ActivityKind::ALL),
                date: today - Days::new(rng.below(60)),
                who: owner.clone(),
                notes: rng.pick(&NOTES).to_string(),
            })
            .collect();
        // Newest first, as logging them keeps them.
        activities.sort_by_key(|a| std::cmp::Reverse(a.date));
        let feedback = rng
            .chance(25)
            .then(|| Feedback {
                id: ws.mint_id(),
                milestone_id: roadmap.stages[stages_passed].milestones.first().map(|m| m.id.clone()),
                satisfaction: 1 + rng.below(5) as u8,
                comment: "对方案整体满意，关注交付周期".to_owned(),
                date: today - Days::new(rng.below(30)),
            })
            .into_iter()
            .collect();
        let value_yuan = 10_000 * (1 + rng.below(20)) * (1 + rng.below(10));
        ws.deals.push(Arc::new(Deal {
            id,
            customer: format!("{}{}{}", rng.pick(&CITIES), rng.pick(&TRADES), rng.pick(&FORMS)),
            title: rng.pick(&PROJECTS).to_string(),
            value_minor: value_yuan as i64 * 100,
            currency: ws.default_currency.clone(),
            owner: owner.clone(),
            expected_close: Some(today + Days::new(7 + rng.below(120))),
            roadmap_id: roadmap.id.clone(),
            stage_id: roadmap.stages[stages_passed].id.clone(),
            status,
            lost_reason: (status == DealStatus::Lost).then(|| Id((*rng.pick(&LOST)).into())),
            close_note: String::new(),
            closed_at,
            created_at,
            updated_at: closed_at.unwrap_or(at.min(now)),
            // The owner keeps their own deals up to date.
            updated_by: owner.clone(),
            stage_history,
            milestones,
            tags: segments(&mut rng),
            activities,
            feedback,
            sample: false,
            customer_tasks: Vec::new(),
            follow_up: None,
            proposals: Vec::new(),
            replies: Vec::new(),
        }));
    }
    ws
}

/// None, one or two different segments.
fn segments(rng: &mut Seeded) -> Vec<String> {
    let mut tags: Vec<String> = (0..rng.below(3)).map(|_| rng.pick(&SEGMENTS).to_string()).collect();
    tags.dedup();
    tags
}

pub mod team;
