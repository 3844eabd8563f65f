//! Schema version 2: files written by version 1 read with the built-in templates'
//! fixed ids, so two people's old workspaces meet on one roadmap when merged.

mod common;

use std::collections::HashSet;

use waypoint::core::files::envelope::import_json;
use waypoint::core::files::merge::checked_merge;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::{Id, Workspace};
use waypoint::core::roadmap::templates::{template_roadmap_id, TemplateId};
use waypoint::core::text::i18n::Lang;
use waypoint::core::text::Text;

use common::NOW;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn all_ids(ws: &Workspace) -> HashSet<Id> {
    ws.roadmaps
        .iter()
        .flat_map(|r| {
            std::iter::once(r.id.clone())
                .chain(r.stages.iter().map(|s| s.id.clone()))
                .chain(r.stages.iter().flat_map(|s| s.milestones.iter().map(|m| m.id.clone())))
        })
        .collect()
}

#[test]
fn a_first_visit_from_version_1_gets_the_template_ids_of_today() {
    let text = fixture("workspace-v1.json");
    assert!(text.contains("\"version\": 1") && text.contains("\"id\": \"fx1-1\""), "the fixture is today's version-1 format");
    let old = import_json(&text).expect("a version-1 file reads");
    let today = first_visit_workspace("fx1", Lang::Zh, NOW);
    assert_eq!(all_ids(&old), all_ids(&today), "roadmap, stages and milestones have the fixed ids");
    assert_eq!(old.roadmaps[0].id, template_roadmap_id(TemplateId::ProjectSale));
    // Every deal followed: they are on the roadmap, in its stages, with progress on its milestones.
    for deal in &old.deals {
        let roadmap = old.roadmap(&deal.roadmap_id).expect("the deal's roadmap");
        assert!(roadmap.stage(&deal.stage_id).is_some());
        assert!(deal.stage_history.iter().all(|e| roadmap.stage(&e.stage_id).is_some()));
        assert!(deal.milestones.iter().all(|p| roadmap.find_milestone(&p.milestone_id).is_some()));
    }
    let text_ids = ["fx1-1", "fx1-2", "fx1-3"];
    let ids = all_ids(&old);
    assert!(text_ids.iter().all(|old_id| !ids.contains(&Id((*old_id).into()))), "no version-1 id is left on the template roadmap");
}

#[test]
fn a_stage_renamed_by_hand_keeps_its_own_id_and_every_reference_follows() {
    let old = import_json(&fixture("workspace-v1-team.json")).expect("the version-1 team file reads");
    let project = old.roadmap(&template_roadmap_id(TemplateId::ProjectSale)).expect("the project-sale roadmap has its fixed id");
    let renamed = &project.stages[2];
    assert_eq!(renamed.name, Text::plain("方案设计（定制）"));
    assert!(renamed.id.as_str().starts_with("gen5-"), "a renamed stage is the team's own: {}", renamed.id);
    assert!(renamed.milestones.iter().all(|m| m.id.as_str().starts_with("gen5-")), "its milestones stay with it");
    assert!(project.stages.iter().enumerate().filter(|(i, _)| *i != 2).all(|(_, s)| s.id.as_str().starts_with("tpl-project-sale-s")));
    // The second roadmap, from another template, has that template's ids.
    assert!(old.roadmap(&template_roadmap_id(TemplateId::KeyAccount)).is_some());
    assert_eq!(old.settings.active_roadmap, Some(project.id.clone()));
    assert_eq!(old.goals[0].roadmap_id, Some(project.id.clone()));
    let feedback_on_milestones = old.deals.iter().flat_map(|d| &d.feedback).filter_map(|f| f.milestone_id.as_ref()).count();
    assert!(feedback_on_milestones > 0, "the fixture has feedback on milestones");
    assert_eq!(old.deals.len(), 12);
}

#[test]
fn two_version_1_workspaces_merge_onto_one_roadmap() {
    // The story: two colleagues' first visits, each with a deal of their own.
    let mine = import_json(&fixture("workspace-v1.json")).unwrap();
    let mut theirs_text = fixture("workspace-v1.json").replace("fx1-", "zz9-").replace("\"origin\": \"fx1\"", "\"origin\": \"zz9\"");
    theirs_text = theirs_text.replacen("\"sample\": true", "\"sample\": false", 1);
    let theirs = import_json(&theirs_text).unwrap();
    let merged = checked_merge(&mine, &theirs, NOW).unwrap();
    assert_eq!(merged.workspace.roadmaps.len(), 1, "one roadmap, not a look-alike second one");
    assert_eq!(merged.summary.added, 1, "only the colleague's own deal joins: {:?}", merged.summary);
    let joined = merged.workspace.deals.iter().find(|d| d.id.as_str().starts_with("zz9-")).unwrap();
    assert_eq!(joined.roadmap_id, template_roadmap_id(TemplateId::ProjectSale));
}

#[test]
fn version_1_lists_are_ranked_in_the_order_they_were_in() {
    use waypoint::core::roadmap::rank::in_rank_order;
    for name in ["workspace-v1.json", "workspace-v1-team.json"] {
        let text = fixture(name);
        let old = import_json(&text).unwrap();
        for roadmap in &old.roadmaps {
            assert!(in_rank_order(&roadmap.stages), "{name}: {}", roadmap.id);
            assert!(roadmap.stages.iter().all(|s| in_rank_order(&s.milestones)));
        }
        // The order is the file's: the renamed third stage is still third.
        let names: Vec<String> = old.roadmaps[0].stages.iter().map(|s| s.name.get(Lang::Zh).to_owned()).collect();
        let in_file: Vec<usize> = names.iter().map(|n| text.find(&format!("\"{n}\"")).unwrap()).collect();
        assert!(in_file.windows(2).all(|w| w[0] < w[1]), "{name}: {names:?}");
    }
}
