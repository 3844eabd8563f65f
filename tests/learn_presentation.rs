//! Presentation slides and the replay of deals moving through the stages.

mod common;

use common::*;
use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::learn::presentation::{replay, slides, stage_counts_at, Slide};

const DAY: i64 = 24 * 60 * 60 * 1000;

#[test]
fn slides_run_overview_then_each_stage_and_its_milestones() {
    let ws = workspace();
    let list = slides(&ws.roadmaps[0]);
    // Project sale: 6 stages with 2, 3, 2, 2, 2, 2 milestones: 1 + 6 + 13 slides.
    assert_eq!(list.len(), 20);
    assert_eq!(&list[..5], &[Slide::Overview, Slide::Stage(0), Slide::Milestone(0, 0), Slide::Milestone(0, 1), Slide::Stage(1)]);
    assert_eq!(list.last(), Some(&Slide::Milestone(5, 1)));
    assert_eq!(Slide::Milestone(3, 1).stage(), Some(3));
}

#[test]
fn the_replay_shows_where_deals_stood_at_each_moment() {
    let mut ws = workspace();
    let rid = roadmap_id(&ws);
    let create = |ws: &mut waypoint::core::model::Workspace, name: &str, at: i64| {
        let cmd = Command::CreateDeal { roadmap_id: rid.clone(), fields: fields(ws, name, 100), sample: false };
        let Ok(Outcome::Created(id)) = apply(ws, cmd, at) else { panic!() };
        id
    };
    // Day 0: A created. Day 10: B created, A moves to s1. Day 20: A won.
    let a = create(&mut ws, "A", NOW);
    let b = create(&mut ws, "B", NOW + 10 * DAY);
    let s1 = stage_id(&ws, 1);
    apply(&mut ws, Command::MoveDeal { deal_id: a.clone(), to_stage: s1, confirmed: true }, NOW + 10 * DAY).unwrap();
    apply(&mut ws, Command::CloseDeal { deal_id: a, won: true, reason: None, note: String::new() }, NOW + 20 * DAY).unwrap();
    let roadmap = ws.roadmaps[0].clone();
    assert_eq!(stage_counts_at(&ws, &roadmap, NOW - 1), vec![0; 6]);
    assert_eq!(stage_counts_at(&ws, &roadmap, NOW + 5 * DAY)[..2], [1, 0]);
    assert_eq!(stage_counts_at(&ws, &roadmap, NOW + 15 * DAY)[..2], [1, 1], "B in s0, A in s1");
    assert_eq!(stage_counts_at(&ws, &roadmap, NOW + 25 * DAY)[..2], [1, 0], "A won, off the board");
    let frames = replay(&ws, &roadmap, NOW + 20 * DAY, 3);
    let times: Vec<i64> = frames.iter().map(|f| f.0).collect();
    assert_eq!(times, vec![NOW, NOW + 10 * DAY, NOW + 20 * DAY]);
    assert_eq!(frames[1].1[..2], [1, 1]);
    let _ = b;
}
