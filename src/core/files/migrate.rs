//! Steps that bring a workspace written by an older schema version up to date,
//! once it has been read. Each version adds one step, with a fixture of the old
//! format in `tests/fixtures/` that the tests read through it.

use std::collections::{HashMap, HashSet};

use crate::core::learn::samples::empty_workspace;
use crate::core::model::{Id, Workspace};
use crate::core::roadmap::rank::repair_ranks;
use crate::core::roadmap::templates::TemplateId;
use crate::core::text::i18n::Lang;

/// Runs every step from `from_version` on, then puts stages and milestones in rank order.
pub(crate) fn upgrade(ws: &mut Workspace, from_version: u32) {
    if from_version < 2 {
        adopt_template_ids(ws);
    }
    // Version 3 only added fields (a deal's customer tasks, follow-up, proposed dates and
    // merged replies), each empty when missing: nothing to convert. The version was raised
    // so that an older build refuses a version-3 file instead of dropping those fields.
    repair_ranks(ws);
}

/// Version 2: a roadmap made from a built-in template has the template's fixed ids
/// in every workspace, so two people's deals meet on one board when their files
/// are merged. Version 1 minted ids of its own for each copy; here the first
/// roadmap from each template takes the fixed ids, for itself and for every stage
/// and milestone that still has its template name (one renamed by hand is the
/// team's own and keeps its id). Every reference follows.
fn adopt_template_ids(ws: &mut Workspace) {
    let mut renames: HashMap<Id, Id> = HashMap::new();
    for template in TemplateId::ALL {
        let fresh = empty_workspace("migrate", Lang::Zh, template).roadmaps.remove(0);
        if ws.roadmap(&fresh.id).is_some() {
            continue;
        }
        let Some(roadmap) = ws.roadmaps.iter().find(|r| r.template.as_deref() == Some(template.key())) else { continue };
        renames.insert(roadmap.id.clone(), fresh.id.clone());
        let mut taken = HashSet::new();
        for stage in &roadmap.stages {
            let Some(model) = fresh.stages.iter().find(|s| s.name == stage.name && taken.insert(s.id.clone())) else { continue };
            renames.insert(stage.id.clone(), model.id.clone());
            for milestone in &stage.milestones {
                let same = |m: &crate::core::model::Milestone| m.title == milestone.title || former_title(&m.id) == Some(&milestone.title);
                if let Some(m) = model.milestones.iter().find(|m| same(m) && taken.insert(m.id.clone())) {
                    renames.insert(milestone.id.clone(), m.id.clone());
                }
            }
        }
    }
    if !renames.is_empty() {
        rename_ids(ws, &renames);
    }
}

/// The title a template milestone had when version 1 files were written, where it has
/// changed since: such a milestone is still the template's own.
fn former_title(id: &Id) -> Option<&'static crate::core::text::Text> {
    use std::sync::LazyLock;
    // "Collect customer feedback" became a step of its own stage: feedback follows every milestone.
    static FEEDBACK: LazyLock<crate::core::text::Text> =
        LazyLock::new(|| crate::core::text::Text::both("收集客户反馈", "Collect customer feedback"));
    matches!(id.0.as_str(), "tpl-project-sale-s4-m2" | "tpl-key-account-s4-m2").then(|| &*FEEDBACK)
}

/// Gives records new ids, and every reference to them the same.
fn rename_ids(ws: &mut Workspace, renames: &HashMap<Id, Id>) {
    let fix = |id: &mut Id| {
        if let Some(new) = renames.get(id) {
            *id = new.clone();
        }
    };
    for roadmap in &mut ws.roadmaps {
        fix(&mut roadmap.id);
        for stage in &mut roadmap.stages {
            fix(&mut stage.id);
            stage.milestones.iter_mut().for_each(|m| fix(&mut m.id));
        }
    }
    for deal in ws.deals.iter_mut().map(std::sync::Arc::make_mut) {
        fix(&mut deal.roadmap_id);
        fix(&mut deal.stage_id);
        deal.stage_history.iter_mut().for_each(|e| fix(&mut e.stage_id));
        deal.milestones.iter_mut().for_each(|p| fix(&mut p.milestone_id));
        deal.feedback.iter_mut().filter_map(|f| f.milestone_id.as_mut()).for_each(fix);
    }
    ws.goals.iter_mut().filter_map(|g| g.roadmap_id.as_mut()).for_each(fix);
    if let Some(active) = ws.settings.active_roadmap.as_mut() {
        fix(active);
    }
}
