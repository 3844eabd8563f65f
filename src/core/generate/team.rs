//! A team at work on a generated workspace, for the merge benchmarks: a teammate's
//! copy after a day of changes, and a year of deletions with their tombstones.
//! Both go through commands, as people's changes do.

use crate::core::command::{apply, Command};
use crate::core::deal::form::DealFields;
use crate::core::generate::{Seeded, DAY_MS};
use crate::core::model::{ActivityKind, Id, Timestamp, Workspace};

/// A teammate's copy of `ws` after a working day from `now`: about a tenth of the
/// deals moved on a stage, a twentieth with a call logged, one in fifty deleted, and
/// a new deal for every hundred.
pub fn teammate_copy(ws: &Workspace, seed: u64, now: Timestamp) -> Workspace {
    let mut rng = Seeded::new(seed);
    let mut copy = ws.clone();
    copy.origin = format!("mate{seed}");
    copy.next_id = 1;
    let ids: Vec<Id> = copy.deals.iter().map(|d| d.id.clone()).collect();
    let mut at = now;
    for id in &ids {
        at += 1000;
        let command = match rng.below(100) {
            0..=9 => {
                let Some(next) = next_stage(&copy, id) else { continue };
                Command::MoveDeal { deal_id: id.clone(), to_stage: next, confirmed: true }
            }
            10..=14 => Command::AddActivity {
                deal_id: id.clone(),
                kind: ActivityKind::Call,
                date: chrono::DateTime::from_timestamp_millis(at).map_or(chrono::NaiveDate::MIN, |t| t.date_naive()),
                who: "李娜".into(),
                notes: "电话跟进".into(),
                follow_up: None,
            },
            15..=16 => Command::DeleteDeal { deal_id: id.clone() },
            _ => continue,
        };
        let _ = apply(&mut copy, command, at);
    }
    let roadmap = copy.roadmaps[0].clone();
    for n in 0..ids.len() / 100 {
        let fields = DealFields {
            customer: format!("新客户{n}"),
            title: "年度框架".into(),
            value_minor: 100_000 * (n as i64 + 1),
            currency: copy.default_currency.clone(),
            owner: "李娜".into(),
            expected_close: None,
            stage_id: roadmap.stages[0].id.clone(),
            tags: Vec::new(),
            follow_up: None,
        };
        at += 1000;
        let _ = apply(&mut copy, Command::CreateDeal { roadmap_id: roadmap.id.clone(), fields, sample: false }, at);
    }
    copy
}

fn next_stage(ws: &Workspace, deal: &Id) -> Option<Id> {
    let deal = ws.deal(deal)?;
    let roadmap = ws.roadmap(&deal.roadmap_id)?;
    roadmap.stages.get(roadmap.stage_index(&deal.stage_id)? + 1).map(|s| s.id.clone())
}

/// A year of ordinary deleting up to `now`: a tenth of the deals and a tenth of the
/// logged activities deleted on days spread over the year, each leaving its
/// tombstone; those older than the tombstone horizon are then forgotten, as saving does.
pub fn a_year_of_deletions(ws: &mut Workspace, seed: u64, now: Timestamp) {
    let mut rng = Seeded::new(seed);
    let mut doomed: Vec<(Timestamp, Command)> = Vec::new();
    for deal in &ws.deals {
        let at = now - rng.below(365) as i64 * DAY_MS;
        if rng.chance(10) {
            doomed.push((at, Command::DeleteDeal { deal_id: deal.id.clone() }));
        } else {
            for activity in deal.activities.iter().filter(|_| rng.chance(10)) {
                doomed.push((at, Command::RemoveEntry { deal_id: deal.id.clone(), entry_id: activity.id.clone() }));
            }
        }
    }
    doomed.sort_by_key(|(at, _)| *at);
    for (at, command) in doomed {
        let _ = apply(ws, command, at);
    }
    ws.compact_deleted(now);
}
