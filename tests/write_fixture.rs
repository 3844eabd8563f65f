//! Writes tests/fixtures/workspace-v<N>.json for the current schema version when
//! asked (WAYPOINT_WRITE_FIXTURE=1 cargo test --test write_fixture); otherwise
//! checks that the current version's fixture exists, so a new version cannot be
//! released without one.

use waypoint::core::files::envelope::export_json;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::SCHEMA_VERSION;
use waypoint::core::text::i18n::Lang;

#[test]
fn the_current_schema_version_has_a_fixture() {
    let path = format!("{}/tests/fixtures/workspace-v{SCHEMA_VERSION}.json", env!("CARGO_MANIFEST_DIR"));
    if std::env::var("WAYPOINT_WRITE_FIXTURE").is_ok() {
        let ws = first_visit_workspace("fx1", Lang::Zh, 1_795_000_000_000);
        std::fs::write(&path, export_json(&ws, 1_795_000_000_000)).unwrap();
    }
    assert!(std::path::Path::new(&path).exists(), "write {path} with WAYPOINT_WRITE_FIXTURE=1");
}
