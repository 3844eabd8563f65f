//! Spreadsheets in: encodings detected, xlsx cells read (dates, formulas, merged cells),
//! columns guessed, amounts and dates as sheets write them, the preview of what an import
//! does, one command to apply it, and the same sheet twice changing nothing.

mod common;
#[path = "common/sheets.rs"]
mod sheets;

use waypoint::core::command::{apply, Command, Outcome};
use waypoint::core::files::csv::deals_csv;
use waypoint::core::files::sheet::{
    decode_text, guess_field, parse_date, parse_sheet_amount, plan_import, read_sheet, Cell, Field, Mapping, RowProblem, SheetError,
    StageChoice, TextEncoding,
};
use waypoint::core::learn::samples::empty_workspace;
use waypoint::core::model::{DealStatus, Workspace};
use waypoint::core::roadmap::templates::TemplateId;
use waypoint::core::text::i18n::Lang;

use common::NOW;

fn project_sale() -> Workspace {
    empty_workspace("s1", Lang::Zh, TemplateId::ProjectSale)
}

#[test]
fn encodings_are_detected_never_asked() {
    for (bytes, encoding) in [
        (sheets::excel_gbk_csv(), TextEncoding::Gb18030),
        (sheets::unicode_text(), TextEncoding::Utf16),
        (sheets::utf8_bom_csv(), TextEncoding::Utf8),
        (sheets::GBK_ROWS.as_bytes().to_vec(), TextEncoding::Utf8),
    ] {
        let (text, found) = decode_text(&bytes).unwrap();
        assert_eq!(found, encoding);
        assert!(text.starts_with("客户名称"), "{encoding:?}: {}", &text[..30.min(text.len())]);
        let (table, sheets) = read_sheet(&bytes, None).unwrap();
        assert!(sheets.is_empty());
        assert_eq!(table.headers[..4], ["客户名称", "商机", "金额（元）", "阶段"], "{encoding:?}");
        assert_eq!(table.rows.len(), 7);
        let amount = if encoding == TextEncoding::Utf16 { "350000" } else { "350,000" };
        assert_eq!(table.rows[0][2].text(), amount, "{encoding:?}: a quoted cell keeps its comma");
        assert_eq!(table.row_numbers[0], 2, "row numbers as the spreadsheet shows them");
    }
}

#[test]
fn an_xlsx_gives_dates_cached_formula_values_and_merged_cells() {
    let bytes = sheets::pipeline_xlsx();
    let (table, names) = read_sheet(&bytes, None).unwrap();
    assert_eq!(names, ["商机", "已成交"]);
    assert_eq!(table.headers, ["客户", "项目名称", "金额（万元）", "销售阶段", "负责人", "预计成交日期", "备注"]);
    assert_eq!(table.rows[0][5], Cell::Date(chrono::NaiveDate::from_ymd_opt(2027, 1, 20).unwrap()));
    assert_eq!(table.rows[3][2], Cell::Number(120.0), "the formula's cached value");
    assert_eq!(table.rows[2][3].text(), "方案设计", "the merged stage fills the rows under it");
    assert_eq!(table.merged_filled, 1);
    let (other, _) = read_sheet(&bytes, Some("已成交")).unwrap();
    assert_eq!(other.rows[0][0].text(), "远航汽车零部件");
}

#[test]
fn bad_files_are_refused_with_a_specific_reason_in_both_languages() {
    let cases: Vec<(Vec<u8>, SheetError)> = vec![
        (Vec::new(), SheetError::Empty),
        (b"  \r\n ".to_vec(), SheetError::Empty),
        ("2027-01-01,350000,5\n2027-01-02,1,2\n".into(), SheetError::NoHeader),
        ("客户,商机\n".into(), SheetError::NoRows),
        (sheets::encrypted_xlsx(), SheetError::Encrypted),
        (sheets::not_a_sheet_zip(), SheetError::NotASheet),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00".to_vec(), SheetError::NotASheet),
    ];
    for (bytes, expected) in cases {
        assert_eq!(read_sheet(&bytes, None).map(|_| ()), Err(expected.clone()));
        let zh = expected.describe(Lang::Zh);
        let en = expected.describe(Lang::En);
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) && !en.is_empty(), "{zh} / {en}");
    }
    let mut many = String::from("客户,商机\n");
    for i in 0..20_001 {
        many.push_str(&format!("客户{i},商机{i}\n"));
    }
    assert_eq!(read_sheet(many.as_bytes(), None).map(|_| ()), Err(SheetError::TooManyRows(20_000)));
    assert_eq!(SheetError::TooManyRows(20_000).describe(Lang::Zh), "行数超过 20,000 行的上限。请拆成几个文件分别导入。");
}

#[test]
fn headers_are_guessed_in_chinese_and_english() {
    for (header, field) in [
        ("客户", Field::Customer),
        ("客户名称", Field::Customer),
        ("Customer", Field::Customer),
        ("商机", Field::Title),
        ("项目", Field::Title),
        ("Deal", Field::Title),
        ("金额", Field::Value),
        ("金额（元）", Field::Value),
        ("金额（万元）", Field::ValueWan),
        ("Amount", Field::Value),
        ("Value", Field::Value),
        ("阶段", Field::Stage),
        ("Stage", Field::Stage),
        ("负责人", Field::Owner),
        ("客户经理", Field::Owner),
        ("Owner", Field::Owner),
        ("预计成交日期", Field::ExpectedClose),
        ("Close date", Field::ExpectedClose),
        ("细分", Field::Segment),
        ("行业", Field::Segment),
        ("Segment", Field::Segment),
        ("状态", Field::Status),
        ("Status", Field::Status),
        ("备注", Field::Note),
        ("Notes", Field::Note),
        ("编号", Field::Id),
        ("电话", Field::Ignore),
    ] {
        assert_eq!(guess_field(header), field, "{header}");
    }
}

#[test]
fn amounts_and_dates_as_sheets_write_them() {
    let amount = |text: &str, unit| parse_sheet_amount(&Cell::Text(text.into()), unit).map(|a| a.unwrap_or_default());
    assert_eq!(amount("350,000", 1).unwrap(), "350000.00");
    assert_eq!(amount("¥350,000.5", 1).unwrap(), "350000.50");
    assert_eq!(amount("35万", 1).unwrap(), "350000.00");
    assert_eq!(amount("35 万元", 1).unwrap(), "350000.00");
    assert_eq!(amount("350000元", 1).unwrap(), "350000.00");
    assert_eq!(amount("1.2亿", 1).unwrap(), "120000000.00");
    assert_eq!(amount("35", 10_000).unwrap(), "350000.00", "a 万 column");
    assert_eq!(parse_sheet_amount(&Cell::Number(18.5), 10_000).unwrap().unwrap(), "185000.00");
    assert!(amount("三十五万", 1).is_err());
    assert!(amount("-5", 1).is_err());
    let date = |text: &str| parse_date(&Cell::Text(text.into())).map(|d| d.map(|d| d.to_string()).unwrap_or_default());
    for text in ["2027-01-20", "2027/1/20", "2027.1.20", "2027年1月20日", "2027-01-20 00:00:00", "46407"] {
        assert_eq!(date(text).unwrap(), "2027-01-20", "{text}");
    }
    assert_eq!(parse_date(&Cell::Number(46407.0)).unwrap().unwrap().to_string(), "2027-01-20", "an Excel serial date");
    assert!(date("下周").is_err() && date("2027-02-30").is_err());
}

#[test]
fn the_preview_says_what_will_be_added_updated_and_skipped_before_anything_changes() {
    let ws = project_sale();
    let (table, _) = read_sheet(&sheets::excel_gbk_csv(), None).unwrap();
    let mut mapping = Mapping::guessed(&table.headers);
    assert_eq!(
        mapping.columns,
        [Field::Customer, Field::Title, Field::Value, Field::Stage, Field::Owner, Field::ExpectedClose, Field::Segment, Field::Status]
    );
    let roadmap_id = ws.roadmaps[0].id.clone();
    let preview = plan_import(&ws, &table, &mapping, &roadmap_id).unwrap();
    assert_eq!(preview.unknown_stages, ["商务谈判"]);
    assert_eq!((preview.added, preview.updated, preview.unchanged), (4, 0, 0), "{:?}", preview.skipped);
    let skipped: Vec<(usize, String)> = preview.skipped.iter().map(|s| (s.row, s.problem.describe(Lang::Zh))).collect();
    assert_eq!(
        skipped,
        [
            (5, "金额“三十五万”不是数字（可以写 350000、35万 或 ¥350,000）".to_owned()),
            (6, "没有客户名称".to_owned()),
            (7, "日期“下周”无法识别（可以写 2027-01-20、2027/1/20 或 2027年1月20日）".to_owned()),
        ]
    );
    assert_eq!(preview.import.new_stages, ["商务谈判"], "an unknown stage is added unless the person chooses otherwise");
    // The person puts 商务谈判 into 报价阶段 instead.
    let quotation = ws.roadmaps[0].stages[4].id.clone();
    mapping.stages.insert("商务谈判".into(), StageChoice::Existing(quotation.clone()));
    let preview = plan_import(&ws, &table, &mapping, &roadmap_id).unwrap();
    assert!(preview.import.new_stages.is_empty());

    // Applied: one command, so one Undo takes it all back.
    let mut after = ws.clone();
    assert_eq!(apply(&mut after, Command::ImportSheet(Box::new(preview.import.clone())), NOW), Ok(Outcome::Changed));
    assert_eq!(after.deals.len(), 4);
    let haichuan = after.deals.iter().find(|d| d.customer == "海川物流").unwrap();
    assert_eq!((haichuan.value_minor, &haichuan.stage_id), (620_000_00, &quotation));
    let qiming = after.deals.iter().find(|d| d.customer == "启明教育集团").unwrap();
    assert_eq!((qiming.value_minor, qiming.expected_close.unwrap().to_string().as_str()), (180_000_00, "2027-02-03"));
    assert_eq!(qiming.tags, ["教育"]);
    let won = after.deals.iter().find(|d| d.customer == "远航汽车零部件").unwrap();
    assert_eq!(won.status, DealStatus::Won);

    // The same sheet again: nothing to add or update.
    let again = plan_import(&after, &table, &mapping, &roadmap_id).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 4));
    let mut twice = after.clone();
    assert_eq!(apply(&mut twice, Command::ImportSheet(Box::new(again.import)), NOW + 1), Ok(Outcome::Unchanged));
    assert_eq!(twice, after);
}

#[test]
fn an_xlsx_with_an_added_stage_and_a_note() {
    let ws = project_sale();
    let (table, _) = read_sheet(&sheets::pipeline_xlsx(), None).unwrap();
    let mapping = Mapping::guessed(&table.headers);
    assert_eq!(mapping.columns[2], Field::ValueWan);
    assert_eq!(mapping.columns[6], Field::Note);
    let roadmap_id = ws.roadmaps[0].id.clone();
    let preview = plan_import(&ws, &table, &mapping, &roadmap_id).unwrap();
    assert_eq!((preview.added, preview.skipped.len()), (4, 0), "{:?}", preview.skipped);
    let mut after = ws.clone();
    apply(&mut after, Command::ImportSheet(Box::new(preview.import)), NOW).unwrap();
    let deal = |customer: &str| after.deals.iter().find(|d| d.customer == customer).unwrap().clone();
    assert_eq!(deal("华东精密机械").value_minor, 350_000_00);
    assert_eq!(deal("华东精密机械").close_note, "客户在比价");
    assert_eq!(deal("北辰新能源").value_minor, 1_200_000_00, "the formula's 120 万");
    let design = &after.roadmaps[0].stages[2];
    assert_eq!((deal("海川物流").stage_id.clone(), design.name.get(Lang::Zh)), (design.id.clone(), "方案设计"));
}

#[test]
fn our_own_csv_export_imports_back_to_the_same_deals() {
    let mut ws = waypoint::core::learn::samples::first_visit_workspace("rt", Lang::En, NOW);
    // Samples are nobody's data: make them real deals, as a team's own would be.
    for deal in &mut ws.deals {
        std::sync::Arc::make_mut(deal).sample = false;
    }
    for lang in [Lang::Zh, Lang::En] {
        let csv = deals_csv(&ws, lang);
        let (table, _) = read_sheet(csv.as_bytes(), None).unwrap();
        let mapping = Mapping::guessed(&table.headers);
        assert!(mapping.columns.contains(&Field::Id) && mapping.columns.contains(&Field::Status), "{:?}", mapping.columns);
        let preview = plan_import(&ws, &table, &mapping, &ws.roadmaps[0].id.clone()).unwrap();
        assert_eq!((preview.added, preview.updated, preview.skipped.len()), (0, 0, 0), "{lang:?}: {:?}", preview.skipped);
        assert_eq!(preview.unchanged, ws.deals.len());
    }
    // One value changed in the sheet updates that deal alone.
    let csv = deals_csv(&ws, Lang::En).replace(",350000,", ",360000,");
    let (table, _) = read_sheet(csv.as_bytes(), None).unwrap();
    let preview = plan_import(&ws, &table, &Mapping::guessed(&table.headers), &ws.roadmaps[0].id.clone()).unwrap();
    assert_eq!((preview.updated, preview.unchanged), (1, ws.deals.len() - 1));
    let mut after = ws.clone();
    apply(&mut after, Command::ImportSheet(Box::new(preview.import)), NOW).unwrap();
    assert_eq!(after.deals.iter().filter(|d| d.value_minor == 360_000_00).count(), 1);
}

#[test]
fn rows_that_repeat_or_name_a_missing_id_are_skipped_with_their_row() {
    let ws = project_sale();
    let csv = "编号,客户,商机\n,甲公司,一期\n,甲公司,一期\nnope-1,乙公司,二期\n";
    let (table, _) = read_sheet(csv.as_bytes(), None).unwrap();
    let preview = plan_import(&ws, &table, &Mapping::guessed(&table.headers), &ws.roadmaps[0].id.clone()).unwrap();
    assert_eq!(preview.added, 1);
    assert_eq!(
        preview.skipped.iter().map(|s| (s.row, s.problem.clone())).collect::<Vec<_>>(),
        [(3, RowProblem::DuplicateOf(2)), (4, RowProblem::UnknownId("nope-1".into()))]
    );
    // With no customer column there is no preview, and the person is told why.
    let mut mapping = Mapping::guessed(&table.headers);
    mapping.columns[1] = Field::Ignore;
    let error = plan_import(&ws, &table, &mapping, &ws.roadmaps[0].id.clone()).unwrap_err();
    assert_eq!(error.describe(Lang::En), "Set one column to “Customer”: every deal needs one.");
}

/// JSON imports say what is wrong in the person's words too: the reader's English never shows.
#[test]
fn a_wrong_value_in_a_json_file_is_told_in_the_persons_language() {
    use waypoint::core::files::envelope::{import_json, ImportError};
    use waypoint::core::text::describe::import_error;
    let mut file: serde_json::Value = serde_json::from_str(&waypoint::core::files::envelope::export_json(&project_sale(), NOW)).unwrap();
    let mut ws = project_sale();
    let fields = waypoint::core::deal::form::DealFields {
        customer: "甲".into(),
        title: "一期".into(),
        value_minor: 100,
        currency: "CNY".into(),
        owner: String::new(),
        expected_close: None,
        stage_id: ws.roadmaps[0].stages[0].id.clone(),
        tags: Vec::new(),
        follow_up: None,
    };
    let roadmap_id = ws.roadmaps[0].id.clone();
    apply(&mut ws, Command::CreateDeal { roadmap_id, fields, sample: false }, NOW).unwrap();
    file["workspace"] = serde_json::from_str(&serde_json::to_string(&ws).unwrap()).unwrap();
    file["workspace"]["deals"][0]["value_minor"] = serde_json::json!("三十五万");
    let error = import_json(&file.to_string()).unwrap_err();
    assert!(matches!(error, ImportError::Malformed { .. }));
    assert_eq!(import_error(Lang::Zh, &error), "位置 workspace.deals[0].value_minor 的数据不正确：应为整数，实际是文本“三十五万”");
    assert_eq!(
        import_error(Lang::En, &error),
        "the data at workspace.deals[0].value_minor is wrong: expected a whole number, found the text “三十五万”"
    );
    file["workspace"]["deals"][0]["value_minor"] = serde_json::json!(100);
    file["workspace"]["deals"][0]["status"] = serde_json::json!("maybe");
    let error = import_json(&file.to_string()).unwrap_err();
    let zh = import_error(Lang::Zh, &error);
    assert!(zh.contains("“maybe”不是可用的值（可用的有：open、won、lost）"), "{zh}");
    file["workspace"]["deals"][0]["status"] = serde_json::json!("open");
    file["workspace"]["deals"][0]["expected_close"] = serde_json::json!("2027/1/20");
    let zh = import_error(Lang::Zh, &import_json(&file.to_string()).unwrap_err());
    assert!(zh.ends_with("日期应写成 YYYY-MM-DD，例如 2027-01-20"), "{zh}");
    let reason = zh.split('：').nth(1).unwrap();
    assert!(!reason.contains("invalid") && !reason.contains("expected") && !reason.contains("input"), "{zh}");
}
