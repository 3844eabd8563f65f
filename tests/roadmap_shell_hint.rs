//! The hint index.html's skeleton reads: this person's roadmap label and stages, in their language.

use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::roadmap::shell_hint::shell_hint;
use waypoint::core::text::i18n::Lang;

#[test]
fn the_hint_names_the_active_roadmaps_stages_in_the_chosen_language() {
    let ws = first_visit_workspace("h1", Lang::Zh, 1_800_000_000_000);
    let zh: serde_json::Value = serde_json::from_str(&shell_hint(&ws, Lang::Zh).unwrap()).unwrap();
    assert_eq!(zh["lang"], "zh-CN");
    assert_eq!(zh["roadmap"], "路线图：项目销售里程碑");
    let stages = zh["stages"].as_array().unwrap();
    assert_eq!(stages.len(), ws.roadmaps[0].stages.len());
    assert_eq!(stages[0]["name"], "潜在客户识别");
    assert_eq!((stages[1]["key"].as_bool(), stages[1]["gate"].as_bool()), (Some(true), Some(true)));
    assert_eq!(stages[0]["key"], false);
    let en: serde_json::Value = serde_json::from_str(&shell_hint(&ws, Lang::En).unwrap()).unwrap();
    assert_eq!((en["lang"].as_str(), en["stages"][0]["name"].as_str()), (Some("en"), Some("Prospect identification")));
}

#[test]
fn no_roadmap_no_hint() {
    let mut ws = first_visit_workspace("h1", Lang::Zh, 1_800_000_000_000);
    ws.roadmaps.clear();
    assert!(shell_hint(&ws, Lang::En).is_none());
}
