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
    }
}

/// A tab with nothing stored yet: its editor and the sample workspace.
pub fn lone_tab() -> (waypoint::core::editor::Editor, Workspace) {
    let mut store = waypoint::core::files::store::MemoryStore::new();
    let (engine, started) = waypoint::core::files::engine::Engine::start(&mut store, "tab", workspace);
    (waypoint::core::editor::Editor::new(engine), started.workspace)
}
