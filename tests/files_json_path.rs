//! Naming the place in a file where reading failed.

use serde_json::json;
use waypoint::core::files::envelope::{export_json, import_json, ImportError};
use waypoint::core::files::json_path::{offset_of, path_at};
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::text::i18n::Lang;

#[test]
fn a_position_inside_nested_objects_and_arrays_gives_their_path() {
    let text = r#"{"format":"waypoint","workspace":{"deals":[{"id":"a"},{"id":"b","tags":["x","y[,]\"{"],"value_minor":"lots"}]}}"#;
    let at = |needle: &str| path_at(text, text.find(needle).unwrap());
    assert_eq!(at("\"lots\""), "workspace.deals[1].value_minor");
    assert_eq!(at("\"y["), "workspace.deals[1].tags[1]", "brackets and quotes inside strings do not count");
    assert_eq!(at("\"a\""), "workspace.deals[0].id");
    assert_eq!(at("\"waypoint\""), "format");
    assert_eq!(path_at(text, 0), "");
}

#[test]
fn a_line_and_column_become_a_byte_offset() {
    let text = "{\n  \"a\": 1,\n  \"b\": x\n}";
    assert_eq!(&text[offset_of(text, 3, 8)..offset_of(text, 3, 9)], "x");
    assert_eq!(offset_of(text, 1, 1), 0);
}

#[test]
fn a_wrong_value_deep_in_a_pretty_or_compact_file_is_named_exactly() {
    let ws = first_visit_workspace("jp", Lang::En, 1_795_392_000_000);
    let pretty = export_json(&ws, 0);
    let mut doc: serde_json::Value = serde_json::from_str(&pretty).unwrap();
    doc["workspace"]["deals"][2]["stage_history"][0]["entered_at"] = json!("yesterday");
    doc["workspace"]["roadmaps"][0]["stages"][1]["milestones"][0]["day_offset"] = json!(-3);
    for text in [serde_json::to_string_pretty(&doc).unwrap(), doc.to_string()] {
        match import_json(&text) {
            // Fields are read in file order, and the first fault is reported: the deals come first.
            Err(ImportError::Malformed { path, detail }) => {
                assert_eq!(path, "workspace.deals[2].stage_history[0].entered_at");
                assert!(detail.starts_with("invalid type: string \"yesterday\""), "{detail}");
                assert!(!detail.contains("line"), "the path says where: {detail}");
            }
            other => panic!("expected Malformed, got {other:?}"),
        }
    }
    doc["workspace"]["deals"][2]["stage_history"][0]["entered_at"] = json!(0);
    match import_json(&doc.to_string()) {
        Err(ImportError::Malformed { path, detail }) => {
            assert_eq!(path, "workspace.roadmaps[0].stages[1].milestones[0].day_offset");
            assert!(detail.starts_with("invalid value: integer `-3`"), "{detail}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
    let mut missing = doc.clone();
    missing["workspace"]["roadmaps"][0]["stages"][1]["milestones"][0]["day_offset"] = json!(3);
    missing["workspace"]["deals"][1].as_object_mut().unwrap().remove("customer");
    match import_json(&missing.to_string()) {
        Err(ImportError::Malformed { path, detail }) => {
            assert!(path.starts_with("workspace.deals[1]"), "{path}");
            assert!(detail.contains("customer"), "{detail}");
        }
        other => panic!("expected Malformed, got {other:?}"),
    }
}
