//! Stages and milestones carry their place as a rank: any run of moves keeps the
//! ranks in list order, so a merge that sorts by rank shows what the person arranged.

mod common;

use common::*;
use proptest::prelude::*;
use waypoint::core::command::{apply, Command};
use waypoint::core::model::Id;
use waypoint::core::roadmap::rank::in_rank_order;
use waypoint::core::text::Text;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn moves_keep_ranks_in_list_order(moves in prop::collection::vec((0usize..8, 0usize..8, any::<bool>()), 1..80)) {
        let mut ws = workspace();
        let roadmap = roadmap_id(&ws);
        let first_stage = stage_id(&ws, 0);
        apply(&mut ws, Command::AddMilestone { roadmap_id: roadmap.clone(), stage_id: first_stage.clone(), title: Text::plain("third") }, NOW).unwrap();
        let mut expected: Vec<Id> = ws.roadmaps[0].stages.iter().map(|s| s.id.clone()).collect();
        for (n, (from, to, stage)) in moves.into_iter().enumerate() {
            let at = NOW + n as i64;
            if stage {
                let (from, to) = (from % expected.len(), to % expected.len());
                let moved = expected.remove(from);
                expected.insert(to, moved.clone());
                apply(&mut ws, Command::MoveStage { roadmap_id: roadmap.clone(), stage_id: moved, to_index: to }, at).unwrap();
            } else {
                let milestones = &ws.roadmaps[0].stages.iter().find(|s| s.id == first_stage).unwrap().milestones;
                let id = milestones[from % milestones.len()].id.clone();
                apply(&mut ws, Command::MoveMilestone { roadmap_id: roadmap.clone(), milestone_id: id, to_index: to }, at).unwrap();
            }
            let stages = &ws.roadmaps[0].stages;
            prop_assert!(in_rank_order(stages));
            prop_assert!(stages.iter().all(|s| in_rank_order(&s.milestones)));
            prop_assert_eq!(stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), expected.clone());
        }
    }
}

#[test]
fn moving_into_one_gap_again_and_again_numbers_the_list_afresh() {
    let mut ws = workspace();
    let roadmap = roadmap_id(&ws);
    // Forty times: the last stage goes to second place, halving the gap after the first each time.
    for n in 0..40 {
        let last = ws.roadmaps[0].stages.last().unwrap().id.clone();
        apply(&mut ws, Command::MoveStage { roadmap_id: roadmap.clone(), stage_id: last, to_index: 1 }, NOW + n).unwrap();
        assert!(in_rank_order(&ws.roadmaps[0].stages), "after move {n}");
    }
    assert_eq!(ws.roadmaps[0].stages.len(), 6);
}
