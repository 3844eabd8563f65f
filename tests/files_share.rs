//! Share links: every scenario survives the trip through a link; bad links are refused
//! with a reason and too-large workspaces are named as such.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use waypoint::core::files::envelope::ImportError;
use waypoint::core::files::share::{qr_svg, read_fragment, scenario_fragment, workspace_fragment, LinkError, Shared, MAX_LINK_DATA};
use waypoint::core::generate::generate_workspace;
use waypoint::core::learn::scenarios::{build_scenario, ScenarioId};
use waypoint::core::text::i18n::Lang;

use common::NOW;

#[test]
fn every_scenario_round_trips_as_a_short_link_and_as_packed_data() {
    for id in ScenarioId::ALL {
        assert_eq!(read_fragment(&scenario_fragment(id)), Some(Ok(Shared::Scenario(id))));
        for lang in [Lang::Zh, Lang::En] {
            let ws = build_scenario(id, lang, NOW);
            let fragment = workspace_fragment(&ws, NOW).unwrap();
            assert!(fragment.len() < MAX_LINK_DATA, "{id:?} takes {} characters", fragment.len());
            // Only URL-safe characters: nothing a chat app or mail program would escape.
            assert!(fragment["#share=".len()..].chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
            match read_fragment(&fragment) {
                Some(Ok(Shared::Workspace(back))) => assert_eq!(*back, ws, "{id:?} {lang:?}"),
                other => panic!("{id:?}: {other:?}"),
            }
        }
    }
}

#[test]
fn a_screen_hash_is_not_a_link() {
    for hash in ["", "#board", "#analytics", "#roadmap"] {
        assert_eq!(read_fragment(hash), None);
    }
}

#[test]
fn a_large_workspace_is_refused_with_its_size() {
    // Just over the limit (measured exactly) and far over it (measured fast).
    for deals in [60, 10_000] {
        let ws = generate_workspace(3, deals, NOW);
        match workspace_fragment(&ws, NOW) {
            Err(LinkError::TooLarge { chars, limit }) => assert!(chars > limit && limit == MAX_LINK_DATA, "{deals}: {chars}"),
            other => panic!("{deals}: {other:?}"),
        }
    }
}

#[test]
fn cut_altered_or_foreign_links_each_get_their_reason() {
    let ws = build_scenario(ScenarioId::ALL[0], Lang::En, NOW);
    let good = workspace_fragment(&ws, NOW).unwrap();
    let cut = &good[..good.len() / 2];
    assert_eq!(read_fragment(cut), Some(Err(LinkError::Damaged)));
    assert_eq!(read_fragment("#share=not*base64!"), Some(Err(LinkError::Damaged)));
    assert_eq!(read_fragment("#scenario=nope"), Some(Err(LinkError::UnknownScenario("nope".into()))));
    let foreign = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(br#"{"hello":"world"}"#, 6));
    assert_eq!(read_fragment(&format!("#share={foreign}")), Some(Err(LinkError::Invalid(ImportError::NotWaypoint))));
    // A link some app ended with a slash still opens.
    assert!(matches!(read_fragment(&format!("{good}/")), Some(Ok(_))));
}

#[test]
fn scenario_links_get_a_qr_code_and_long_links_do_not() {
    let url = format!("https://example.org/team/waypoint/{}", scenario_fragment(ScenarioId::ALL[1]));
    let svg = qr_svg(&url).expect("a short link fits a QR code");
    assert!(svg.contains("<svg") && svg.contains("</svg>"));
    assert!(qr_svg(&"x".repeat(5_000)).is_none());
}

#[test]
fn a_shared_link_leaves_the_sample_deals_out() {
    use waypoint::core::learn::samples::first_visit_workspace;
    let ws = first_visit_workspace("me", Lang::En, NOW);
    assert!(ws.has_samples());
    let fragment = workspace_fragment(&ws, NOW).unwrap();
    let Some(Ok(Shared::Workspace(received))) = read_fragment(&fragment) else { panic!("the link reads") };
    assert!(!received.has_samples());
    assert_eq!(received.roadmaps, ws.roadmaps);
    assert_eq!(ws.without_samples().deals.len(), 0);
}
