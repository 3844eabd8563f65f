//! What a drag on the roadmap chart means: the command a drop would send, and
//! the roadmap as it would look, for the live preview while the pointer moves.

use super::roadmap_layout::{Hit, RoadmapLayout};
use crate::core::command::{apply, Command};
use crate::core::model::{Roadmap, Settings, Workspace, SCHEMA_VERSION};
use crate::core::roadmap::edit::MilestoneFields;

/// The command for dropping `grabbed` at device x, or None when nothing would change.
pub fn drop_command(roadmap: &Roadmap, layout: &RoadmapLayout, grabbed: &Hit, x: f64) -> Option<Command> {
    match grabbed {
        Hit::Stage(stage_id) => {
            let to_index = layout.drop_index(stage_id, x);
            (roadmap.stage_index(stage_id)? != to_index).then(|| Command::MoveStage {
                roadmap_id: roadmap.id.clone(),
                stage_id: stage_id.clone(),
                to_index,
            })
        }
        Hit::Milestone(milestone_id) => {
            let (si, mi) = roadmap.find_milestone(milestone_id)?;
            let milestone = &roadmap.stages[si].milestones[mi];
            let day_offset = layout.offset_at(si, x)?;
            (milestone.day_offset != day_offset).then(|| Command::UpdateMilestone {
                roadmap_id: roadmap.id.clone(),
                milestone_id: milestone_id.clone(),
                fields: MilestoneFields { day_offset, ..MilestoneFields::of(milestone) },
            })
        }
    }
}

/// `roadmap` with `command` applied, through the same `apply` the real drop uses,
/// on a scratch workspace that holds only this roadmap.
pub fn preview(roadmap: &Roadmap, command: Command) -> Roadmap {
    let mut scratch = Workspace {
        schema_version: SCHEMA_VERSION,
        origin: "preview".into(),
        next_id: 1,
        default_currency: String::new(),
        roadmaps: vec![roadmap.clone()],
        deals: Vec::new(),
        goals: Vec::new(),
        settings: Settings::default(),
        deleted: Vec::new(),
    };
    match apply(&mut scratch, command, 0) {
        Ok(_) => scratch.roadmaps.remove(0),
        Err(_) => roadmap.clone(),
    }
}
