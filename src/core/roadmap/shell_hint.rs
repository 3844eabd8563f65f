//! What index.html's skeleton needs to look like this person's board before the wasm
//! arrives: the roadmap's label and its stages (name, key node, gate), in the language the
//! app opens in. The app keeps it in localStorage; the page's first script reads it.

use serde::Serialize;

use crate::core::model::Workspace;
use crate::core::text::i18n::{trf, Lang, Msg};

/// The localStorage key the hint lives under (index.html's script reads the same key).
pub const SHELL_HINT_KEY: &str = "waypoint.shell";

#[derive(Serialize)]
struct Hint<'a> {
    lang: &'a str,
    roadmap: String,
    stages: Vec<StageHint<'a>>,
}

#[derive(Serialize)]
struct StageHint<'a> {
    name: &'a str,
    key: bool,
    gate: bool,
}

/// The hint for the roadmap the board shows, as JSON; `None` when there is no roadmap.
pub fn shell_hint(ws: &Workspace, lang: Lang) -> Option<String> {
    let roadmap = ws.active_roadmap()?;
    let hint = Hint {
        lang: lang.tag(),
        roadmap: trf(lang, Msg::RoadmapLabel, &[roadmap.name.get(lang)]),
        stages: roadmap.stages.iter().map(|s| StageHint { name: s.name.get(lang), key: s.key_node, gate: s.gate }).collect(),
    };
    serde_json::to_string(&hint).ok()
}
