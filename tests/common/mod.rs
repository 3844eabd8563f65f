//! Fixtures shared by the native test files.
#![allow(dead_code)]

use waypoint::core::deal::form::DealFields;
use waypoint::core::learn::samples::empty_workspace;
use waypoint::core::model::{Id, Workspace};
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;

pub const NOW: i64 = 1_795_000_000_000; // 2026-11-18T11:06:40Z

pub fn workspace() -> Workspace {
    empty_workspace("t1", Lang::En, TemplateId::ProjectSale)
}

pub fn roadmap_id(ws: &Workspace) -> Id {
    ws.roadmaps[0].id.clone()
}

pub fn stage_id(ws: &Workspace, index: usize) -> Id {
    ws.roadmaps[0].stages[index].id.clone()
}

pub fn fields(ws: &Workspace, customer: &str, value_minor: i64) -> DealFields {
    DealFields {
        customer: customer.into(),
        title: format!("{customer} rollout"),
        value_minor,
        currency: "USD".into(),
        owner: "Ana".into(),
        expected_close: None,
        stage_id: stage_id(ws, 0),
        tags: Vec::new(),
        follow_up: None,
    }
}

/// A tab with nothing stored yet: its editor and the sample workspace.
pub fn lone_tab() -> (waypoint::core::editor::Editor, Workspace) {
    let mut store = waypoint::core::files::store::MemoryStore::new();
    let (engine, started) = waypoint::core::files::engine::Engine::start(&mut store, "tab", workspace);
    (waypoint::core::editor::Editor::new(engine), started.workspace)
}

/// A random command against `ws`, valid or not.
pub fn command(ws: &Workspace, kind: u8, a: usize, b: usize, flag: bool, text: &str) -> waypoint::core::command::Command {
    let stages = ws.roadmaps[0].stages.len();
    let deal = (!ws.deals.is_empty()).then(|| ws.deals[a % ws.deals.len()].id.clone());
    match (kind % 6, deal) {
        (0, _) | (_, None) => {
            let mut f = fields(ws, &format!("{text}x"), (a * 100) as i64);
            f.stage_id = stage_id(ws, b % stages);
            waypoint::core::command::Command::CreateDeal { roadmap_id: roadmap_id(ws), fields: f, sample: flag }
        }
        (1, Some(deal_id)) => waypoint::core::command::Command::MoveDeal { deal_id, to_stage: stage_id(ws, b % stages), confirmed: flag },
        (2, Some(deal_id)) => waypoint::core::command::Command::CloseDeal {
            deal_id,
            won: flag,
            reason: (!flag).then(|| waypoint::core::model::Id("lost-price".into())),
            note: text.into(),
        },
        (3, Some(_)) => waypoint::core::command::Command::MoveStage {
            roadmap_id: roadmap_id(ws),
            stage_id: stage_id(ws, a % stages),
            to_index: b % stages,
        },
        (4, Some(deal_id)) => waypoint::core::command::Command::DeleteDeal { deal_id },
        (_, Some(deal_id)) => waypoint::core::command::Command::SetDealTags { deal_id, tags: vec![text.chars().take(10).collect()] },
    }
}

/// The workspace with every list in id order, without what belongs to the merging
/// side only (its origin, id counter and chosen roadmap): merges are "the same" when these match.
pub fn canonical(ws: &Workspace) -> String {
    let mut ws = ws.clone();
    ws.deals.sort_by(|a, b| a.id.cmp(&b.id));
    for deal in &mut ws.deals {
        let deal = std::sync::Arc::make_mut(deal);
        deal.activities.sort_by(|a, b| a.id.cmp(&b.id));
        deal.feedback.sort_by(|a, b| a.id.cmp(&b.id));
        deal.milestones.sort_by(|a, b| a.milestone_id.cmp(&b.milestone_id));
    }
    ws.roadmaps.sort_by(|a, b| a.id.cmp(&b.id));
    ws.goals.sort_by(|a, b| a.id.cmp(&b.id));
    ws.settings.lost_reasons.sort_by(|a, b| a.id.cmp(&b.id));
    ws.deleted.sort_by(|a, b| a.id.cmp(&b.id));
    ws.settings.active_roadmap = None;
    ws.next_id = 0;
    ws.origin.clear();
    serde_json::to_string_pretty(&ws).unwrap()
}
