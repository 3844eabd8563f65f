//! The benchmark's workspace generator: deterministic, valid and believable.

use waypoint::core::files::envelope::{export_json, import_json};
use waypoint::core::generate::generate_workspace;
use waypoint::core::model::DealStatus;
use waypoint::core::validate;

const NOW: i64 = 1_795_392_000_000;

#[test]
fn the_same_seed_gives_the_same_workspace_and_another_seed_does_not() {
    assert_eq!(generate_workspace(7, 300, NOW), generate_workspace(7, 300, NOW));
    assert_ne!(generate_workspace(7, 300, NOW).deals, generate_workspace(8, 300, NOW).deals);
}

#[test]
fn a_generated_workspace_passes_every_integrity_check_and_survives_a_file_round_trip() {
    let ws = generate_workspace(11, 2_000, NOW);
    assert_eq!(ws.deals.len(), 2_000);
    validate::check(&ws).expect("generated workspaces are valid");
    let back = import_json(&export_json(&ws, NOW)).expect("the file reads back");
    assert_eq!(back, ws);
}

#[test]
fn deals_spread_over_stages_and_outcomes_like_a_real_pipeline() {
    let ws = generate_workspace(3, 5_000, NOW);
    let share = |status| ws.deals.iter().filter(|d| d.status == status).count() * 100 / ws.deals.len();
    assert!((65..=75).contains(&share(DealStatus::Open)), "open {}", share(DealStatus::Open));
    assert!((14..=22).contains(&share(DealStatus::Won)), "won {}", share(DealStatus::Won));
    assert!((8..=16).contains(&share(DealStatus::Lost)), "lost {}", share(DealStatus::Lost));
    for stage in &ws.roadmaps[0].stages {
        let here = ws.deals.iter().filter(|d| d.stage_id == stage.id).count();
        assert!(here > 500, "stage {} has only {here} deals", stage.id);
    }
    assert!(ws.deals.iter().all(|d| d.created_at < NOW && d.stage_history.last().map(|e| &e.stage_id) == Some(&d.stage_id)));
    assert!(ws.deals.iter().any(|d| !d.activities.is_empty()) && ws.deals.iter().any(|d| !d.feedback.is_empty()));
    assert!(ws.deals.iter().all(|d| d.status != DealStatus::Lost || d.lost_reason.is_some()));
    // Times run forwards: each stage entered after the one before, a deal closed after
    // entering its last stage and not after now (the time-in-stage chart relies on it).
    for d in &ws.deals {
        assert!(d.stage_history.windows(2).all(|w| w[0].entered_at <= w[1].entered_at), "{}", d.id);
        if let Some(closed) = d.closed_at {
            assert!(closed >= d.stage_history.last().unwrap().entered_at && closed <= NOW, "{}", d.id);
        }
    }
}
