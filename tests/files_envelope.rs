//! The file envelope: round trips, and a specific error for each kind of bad file.

mod common;

use common::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use waypoint::core::command::{apply, Command};
use waypoint::core::files::envelope::{export_file_name, export_json, import_json, ImportError};
use waypoint::core::files::stored;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::{Id, Workspace, SCHEMA_VERSION};
use waypoint::core::text::i18n::Lang;
use waypoint::core::validate::IntegrityError;

fn sample() -> Workspace {
    first_visit_workspace("p1", Lang::Zh, NOW)
}

/// An exported file as a JSON value, to break in one place.
fn exported_value() -> Value {
    serde_json::from_str(&export_json(&sample(), NOW)).unwrap()
}

#[test]
fn an_export_is_a_readable_versioned_envelope() {
    let value = exported_value();
    assert_eq!(value["format"], "waypoint");
    assert_eq!(value["version"], SCHEMA_VERSION);
    assert_eq!(value["exported_at"], "2026-11-18T11:06:40Z");
    assert_eq!(value["workspace"]["deals"].as_array().unwrap().len(), sample().deals.len());
    // Chinese stays readable in the file, not escaped.
    assert!(export_json(&sample(), NOW).contains("华东精密机械"));
    assert_eq!(export_file_name(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()), "waypoint-2026-11-23.json");
}

#[test]
fn export_then_import_gives_the_same_workspace_in_both_forms() {
    let ws = sample();
    assert_eq!(import_json(&export_json(&ws, NOW)).unwrap(), ws);
    assert_eq!(stored::decode(&stored::encode(&ws, NOW)).unwrap(), ws);
}

#[test]
fn each_kind_of_bad_file_gets_its_own_error() {
    assert_eq!(import_json("   "), Err(ImportError::Empty));
    assert_eq!(import_json("{\"format\": \"waypoint\",\n  oops}"), Err(ImportError::NotJson { line: 2, column: 3 }));
    assert_eq!(import_json("[1, 2]"), Err(ImportError::NotWaypoint));
    assert_eq!(import_json(r#"{"format": "excalidraw", "version": 2}"#), Err(ImportError::NotWaypoint));

    let mut newer = exported_value();
    newer["version"] = json!(SCHEMA_VERSION + 1);
    assert_eq!(
        import_json(&newer.to_string()),
        Err(ImportError::NewerVersion { found: u64::from(SCHEMA_VERSION) + 1, supported: SCHEMA_VERSION })
    );
    for bad_version in [json!("1"), json!(0), json!(-1), json!(1.5), Value::Null] {
        let mut file = exported_value();
        file["version"] = bad_version.clone();
        assert_eq!(import_json(&file.to_string()), Err(ImportError::BadVersion), "version {bad_version}");
    }

    let mut wrong_type = exported_value();
    wrong_type["workspace"]["deals"][3]["value_minor"] = json!("lots");
    match import_json(&wrong_type.to_string()) {
        Err(ImportError::Malformed { path, .. }) => assert_eq!(path, "workspace.deals[3].value_minor"),
        other => panic!("expected Malformed, got {other:?}"),
    }
    let mut missing = exported_value();
    missing.as_object_mut().unwrap().remove("workspace");
    assert!(matches!(import_json(&missing.to_string()), Err(ImportError::Malformed { .. })));
}

#[test]
fn broken_references_are_refused_with_the_record_named() {
    let mut dangling = exported_value();
    dangling["workspace"]["deals"][0]["stage_id"] = json!("nowhere");
    let deal_id = Id(dangling["workspace"]["deals"][0]["id"].as_str().unwrap().into());
    assert_eq!(
        import_json(&dangling.to_string()),
        Err(ImportError::Broken(IntegrityError::DealStageMissing { deal: deal_id, stage: Id("nowhere".into()) }))
    );

    let mut duplicate = exported_value();
    let first = duplicate["workspace"]["deals"][0]["id"].clone();
    duplicate["workspace"]["deals"][1]["id"] = first.clone();
    assert_eq!(
        import_json(&duplicate.to_string()),
        Err(ImportError::Broken(IntegrityError::DuplicateId(Id(first.as_str().unwrap().into()))))
    );

    let mut negative = exported_value();
    negative["workspace"]["deals"][2]["value_minor"] = json!(-5);
    assert!(matches!(import_json(&negative.to_string()), Err(ImportError::Broken(IntegrityError::DealField { .. }))));
}

#[test]
fn a_lagging_id_counter_is_moved_past_existing_ids() {
    let mut file = exported_value();
    file["workspace"]["next_id"] = json!(1);
    let ws = import_json(&file.to_string()).unwrap();
    assert_eq!(ws.next_id, sample().next_id);
}

/// Workspaces built by random sequences of valid and invalid commands, with any text.
fn arb_workspace() -> impl Strategy<Value = Workspace> {
    let op = (0u8..5, any::<String>(), 0i64..1_000_000_000, 0usize..8, 0usize..8, any::<bool>());
    proptest::collection::vec(op, 0..40).prop_map(|ops| {
        let mut ws = workspace();
        let stage_count = ws.roadmaps[0].stages.len();
        for (i, (kind, text, value, a, b, flag)) in ops.into_iter().enumerate() {
            let at = NOW + i as i64 * 1000;
            let deal = (!ws.deals.is_empty()).then(|| ws.deals[a % ws.deals.len()].id.clone());
            let command = match (kind, deal) {
                (0, _) | (_, None) => {
                    let mut f = fields(&ws, &format!("{text}x"), value);
                    f.stage_id = stage_id(&ws, b % stage_count);
                    f.expected_close = flag.then(|| chrono::NaiveDate::from_ymd_opt(2027, 1 + (a as u32 % 12), 1).unwrap());
                    Command::CreateDeal { roadmap_id: roadmap_id(&ws), fields: f, sample: flag }
                }
                (1, Some(deal_id)) => Command::MoveDeal { deal_id, to_stage: stage_id(&ws, b % stage_count), confirmed: flag },
                (2, Some(deal_id)) => {
                    let stage = &ws.roadmaps[0].stages[b % stage_count];
                    let milestone_id = stage.milestones[a % stage.milestones.len()].id.clone();
                    Command::SetMilestoneDone { deal_id, milestone_id, done: flag }
                }
                (3, Some(deal_id)) => Command::UpdateDeal { deal_id, fields: fields(&ws, &text, value - 500_000_000), confirmed: flag },
                (_, Some(deal_id)) => Command::DeleteDeal { deal_id },
            };
            let _ = apply(&mut ws, command, at);
        }
        ws
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn export_then_import_is_the_identity(ws in arb_workspace()) {
        prop_assert_eq!(import_json(&export_json(&ws, NOW)).unwrap(), ws.clone());
        prop_assert_eq!(stored::decode(&stored::encode(&ws, NOW)).unwrap(), ws);
    }

    #[test]
    fn arbitrary_text_never_panics_the_importer(text in any::<String>()) {
        let _ = import_json(&text);
    }

    /// A deal damaged with any value is read or refused, and a refusal for its shape
    /// names that deal, whichever road (typed pass or step by step) found it.
    #[test]
    fn a_damaged_deal_is_named_in_the_refusal(deal in 0usize..4, field in 0usize..8, value in arb_json()) {
        let mut file = exported_value();
        let fields = ["title", "value_minor", "stage_id", "tags", "expected_close", "status", "customer", "milestones"];
        file["workspace"]["deals"][deal][fields[field]] = value;
        match import_json(&file.to_string()) {
            Err(ImportError::Malformed { path, .. } | ImportError::TextTooLong { path, .. }) => {
                prop_assert!(path.starts_with(&format!("workspace.deals[{deal}]")), "{}", path);
            }
            Err(ImportError::Broken(_)) | Ok(_) => {}
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
        (0usize..3).prop_map(|n| Value::from("界".repeat(waypoint::core::files::envelope::MAX_TEXT_CHARS - 1 + n))),
        proptest::collection::vec(".{0,6}".prop_map(Value::from), 0..3).prop_map(Value::from),
    ]
}

#[test]
fn text_at_the_length_limit_passes_and_one_more_character_does_not() {
    use waypoint::core::files::envelope::MAX_TEXT_CHARS;
    // Quotes inside a text are escaped: they never look like its end, however many there are.
    let quoted = "a\"".repeat(MAX_TEXT_CHARS / 2 + 1);
    for (text, ok) in [
        ("界".repeat(MAX_TEXT_CHARS), true),
        ("\"".repeat(MAX_TEXT_CHARS), true),
        ("界".repeat(MAX_TEXT_CHARS + 1), false),
        (quoted, false),
    ] {
        let mut file = exported_value();
        file["workspace"]["deals"][0]["title"] = json!(text);
        let file = file.to_string();
        let too_long = matches!(import_json(&file), Err(ImportError::TextTooLong { .. }));
        assert_eq!(too_long, !ok);
    }
}

#[test]
fn hostile_files_are_stopped_with_a_specific_reason() {
    use waypoint::core::files::envelope::{RecordKind, MAX_TEXT_CHARS};
    use waypoint::core::text::describe::import_error;
    // 200 levels of nesting.
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(import_json(&deep), Err(ImportError::TooDeep));

    let mut long = exported_value();
    long["workspace"]["deals"][1]["title"] = json!("x".repeat(MAX_TEXT_CHARS + 1));
    assert_eq!(
        import_json(&long.to_string()),
        Err(ImportError::TextTooLong { path: "workspace.deals[1].title".into(), limit: MAX_TEXT_CHARS })
    );

    let mut many = exported_value();
    let stage = many["workspace"]["roadmaps"][0]["stages"][0].clone();
    let stages: Vec<Value> = (0..51)
        .map(|i| {
            let mut s = stage.clone();
            s["id"] = json!(format!("s{i}"));
            s["milestones"] = json!([]);
            s
        })
        .collect();
    many["workspace"]["roadmaps"][0]["stages"] = Value::Array(stages);
    many["workspace"]["deals"] = json!([]);
    let err = import_json(&many.to_string()).unwrap_err();
    assert_eq!(err, ImportError::TooMany { what: RecordKind::Stages, found: 51, limit: 50 });
    assert_eq!(import_error(Lang::En, &err), "too many stages in one roadmap (51; the limit is 50)");
    assert_eq!(import_error(Lang::Zh, &ImportError::TooDeep), "文件的嵌套层级过深，不像是 Waypoint 文件");
}

/// Every released schema version has a file here that must keep loading.
#[test]
fn the_version_1_fixture_still_loads() {
    let text = include_str!("fixtures/workspace-v1.json");
    let ws = import_json(text).expect("a version 1 file loads");
    assert_eq!(ws.schema_version, SCHEMA_VERSION);
    assert_eq!(ws.deals.len(), 6);
    assert_eq!(ws.roadmaps[0].stages[0].name.get(Lang::Zh), "潜在客户识别");
    assert!(ws.deals.iter().any(|d| d.customer == "华东精密机械"));
}

#[test]
fn start_falls_back_to_the_previous_good_copy() {
    use waypoint::core::files::envelope::{start_from, StartFrom};
    let good = stored::encode(&sample(), NOW);
    assert_eq!(start_from(None, Some(&good)), StartFrom::Nothing);
    assert_eq!(start_from(Some(&good), None), StartFrom::Main(Box::new(sample())));
    // Half the characters (a byte cut could split one of the packed text's characters).
    let torn: String = good.chars().take(good.chars().count() / 2).collect();
    let torn = torn.as_str();
    match start_from(Some(torn), Some(&good)) {
        StartFrom::Previous(ws, ImportError::Damaged) => assert_eq!(*ws, sample()),
        other => panic!("expected the previous copy, got {other:?}"),
    }
    assert!(matches!(start_from(Some(torn), Some("also broken")), StartFrom::Neither(ImportError::Damaged)));
    assert!(matches!(start_from(Some(torn), None), StartFrom::Neither(_)));
}

#[test]
fn a_date_that_is_not_a_day_is_named_with_its_field_and_the_form_a_date_takes() {
    use waypoint::core::text::describe::import_error;
    for bad in ["2026-13-01", "2026-02-30", "30.11.2026", "soon"] {
        let mut file = exported_value();
        file["workspace"]["deals"][0]["expected_close"] = json!(bad);
        let err = import_json(&file.to_string()).unwrap_err();
        assert!(matches!(&err, ImportError::Malformed { path, .. } if path == "workspace.deals[0].expected_close"), "{bad}: {err:?}");
        assert!(import_error(Lang::Zh, &err).contains("日期应写成 YYYY-MM-DD"), "{}", import_error(Lang::Zh, &err));
        assert!(import_error(Lang::En, &err).contains("a date is written YYYY-MM-DD"), "{}", import_error(Lang::En, &err));
    }
    // A number where a day belongs: the kind of value is named.
    let mut file = exported_value();
    file["workspace"]["deals"][0]["expected_close"] = json!(20261130);
    let err = import_json(&file.to_string()).unwrap_err();
    assert!(import_error(Lang::En, &err).contains("a date (YYYY-MM-DD)"), "{}", import_error(Lang::En, &err));
    // Days written the way files always write them still read, and so does an absent one.
    let mut file = exported_value();
    file["workspace"]["deals"][0]["expected_close"] = json!("2027-01-20");
    let ws = import_json(&file.to_string()).unwrap();
    assert_eq!(ws.deals[0].expected_close, chrono::NaiveDate::from_ymd_opt(2027, 1, 20));
    file["workspace"]["deals"][0].as_object_mut().unwrap().remove("expected_close");
    assert_eq!(import_json(&file.to_string()).unwrap().deals[0].expected_close, None);
}
