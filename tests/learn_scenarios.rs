//! The practice scenarios: valid, complete in both languages, repeatable.

use std::collections::HashSet;

use waypoint::core::files::envelope::{export_json, import_json};
use waypoint::core::learn::scenarios::{build_scenario, ScenarioId};
use waypoint::core::model::DealStatus;
use waypoint::core::text::i18n::Lang;
use waypoint::core::validate;

const NOW: i64 = 1_795_000_000_000;

#[test]
fn every_scenario_is_a_valid_busy_workspace_in_both_languages() {
    for id in ScenarioId::ALL {
        let scenario = id.scenario();
        assert!(
            !scenario.name.0.is_empty() && !scenario.name.1.is_empty() && !scenario.summary.0.is_empty() && !scenario.summary.1.is_empty()
        );
        for lang in [Lang::Zh, Lang::En] {
            let ws = build_scenario(id, lang, NOW);
            validate::check(&ws).unwrap_or_else(|e| panic!("{id:?} {lang:?}: {e:?}"));
            assert!(ws.deals.len() >= 6, "{id:?} has deals");
            let stages: HashSet<_> = ws.deals.iter().map(|d| &d.stage_id).collect();
            assert!(stages.len() >= 5, "{id:?} spreads its deals over the stages");
            assert!(ws.deals.iter().any(|d| d.status == DealStatus::Won));
            assert!(ws.deals.iter().any(|d| d.status == DealStatus::Lost && d.lost_reason.is_some()));
            assert!(ws.deals.iter().any(|d| !d.feedback.is_empty()));
            assert!(ws.deals.iter().any(|d| !d.activities.is_empty()));
            assert!(ws.goals.len() >= 2);
            assert!(ws.deals.iter().all(|d| !d.sample && !d.customer.is_empty() && !d.tags.is_empty()));
            // A hand-out file reads back as the same scenario.
            assert_eq!(import_json(&export_json(&ws, NOW)).unwrap(), ws);
        }
    }
}

#[test]
fn a_scenario_is_the_same_every_time_so_reset_gives_it_back() {
    for id in ScenarioId::ALL {
        assert_eq!(build_scenario(id, Lang::Zh, NOW), build_scenario(id, Lang::Zh, NOW));
        assert_eq!(ScenarioId::from_key(id.scenario().key), Some(id));
    }
    let zh = build_scenario(ScenarioId::SaasLaunch, Lang::Zh, NOW);
    assert!(zh.deals.iter().any(|d| d.customer == "橙子教育"));
    assert_eq!(zh.roadmaps[0].stages.len(), 7, "the full sales-node process");
}
