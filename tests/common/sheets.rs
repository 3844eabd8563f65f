//! The spreadsheets a team brings, made here so the tests (and `examples/sheet_fixtures`)
//! read real files: encodings Excel and WPS write, and an xlsx with date cells, a
//! formula, a merged cell and amounts in 万.
#![allow(dead_code)]

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook};

/// The pipeline every CSV fixture holds: customer, deal, amount, stage, owner, close date, segment.
pub const GBK_ROWS: &str = "客户名称,商机,金额（元）,阶段,负责人,预计成交日期,行业,状态\r\n\
华东精密机械,二期产线自动化,\"350,000\",需求分析,王磊,2027/1/20,制造业,进行中\r\n\
启明教育集团,智慧教室试点,18万,方案设计,李娜,2027年2月3日,教育,进行中\r\n\
海川物流,仓储系统升级,￥620000,商务谈判,王磊,2027-03-01,物流,进行中\r\n\
恒信建材,ERP 升级,三十五万,报价阶段,张伟,2027-01-05,制造业,进行中\r\n\
,缺客户的一行,1000,需求分析,张伟,2027-01-05,,进行中\r\n\
盛和医疗,设备年度维保,240000,合同签署,张伟,下周,医疗,进行中\r\n\
远航汽车零部件,质检系统,460000,合同签署,李娜,2026-11-10,制造业,赢单\r\n";

/// `GBK_ROWS` as Excel on a Chinese Windows saves "CSV (逗号分隔)": GBK.
pub fn excel_gbk_csv() -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(GBK_ROWS);
    assert!(!unmappable, "every character has a GBK code");
    bytes.into_owned()
}

/// Excel's "Unicode text": UTF-16 LE with a byte-order mark, tab-separated.
pub fn unicode_text() -> Vec<u8> {
    let text = GBK_ROWS.replace(",\"350,000\",", ",350000,").replace(',', "\t");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    bytes
}

/// UTF-8 with a byte-order mark (what Waypoint's own export and many tools write).
pub fn utf8_bom_csv() -> Vec<u8> {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(GBK_ROWS.as_bytes());
    bytes
}

/// A workbook as a team keeps it: a title row above the header is absent, but there
/// are date cells, a formula whose cached value is the amount, a stage merged over
/// two rows, amounts in 万 and a second sheet of won deals.
pub fn pipeline_xlsx() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let sheet = workbook.add_worksheet();
    sheet.set_name("商机").unwrap();
    for (col, header) in ["客户", "项目名称", "金额（万元）", "销售阶段", "负责人", "预计成交日期", "备注"].iter().enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    // customer, title, amount in 万 (0: a formula), stage, close date, note
    type Row<'a> = (&'a str, &'a str, f64, &'a str, (u16, u8, u8), &'a str);
    let rows: [Row; 4] = [
        ("华东精密机械", "二期产线自动化", 35.0, "需求分析", (2027, 1, 20), "客户在比价"),
        ("启明教育集团", "智慧教室试点", 18.0, "方案设计", (2027, 2, 3), ""),
        ("海川物流", "仓储系统升级", 62.0, "方案设计", (2027, 3, 1), "等 IT 确认"),
        ("北辰新能源", "电池检测线", 0.0, "报价阶段", (2027, 1, 15), ""),
    ];
    for (i, (customer, title, wan, stage, (y, m, d), note)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, *customer).unwrap();
        sheet.write_string(r, 1, *title).unwrap();
        if *wan > 0.0 {
            sheet.write_number(r, 2, *wan).unwrap();
        }
        if !stage.is_empty() && r != 3 {
            sheet.write_string(r, 3, *stage).unwrap();
        }
        sheet.write_string(r, 4, if i % 2 == 0 { "王磊" } else { "李娜" }).unwrap();
        sheet.write_datetime_with_format(r, 5, ExcelDateTime::from_ymd(*y, *m, *d).unwrap(), &date).unwrap();
        if !note.is_empty() {
            sheet.write_string(r, 6, *note).unwrap();
        }
    }
    // 方案设计 written once over rows 2–3 (启明教育, 海川物流), as teams do.
    sheet.merge_range(2, 3, 3, 3, "方案设计", &Format::new()).unwrap();
    // The last amount is a formula: 12 × 10, cached as 120 by Excel.
    sheet.write_formula(4, 2, Formula::new("=12*10").set_result("120")).unwrap();
    let won = workbook.add_worksheet();
    won.set_name("已成交").unwrap();
    won.write_string(0, 0, "客户").unwrap();
    won.write_string(0, 1, "商机").unwrap();
    won.write_string(1, 0, "远航汽车零部件").unwrap();
    won.write_string(1, 1, "质检系统").unwrap();
    workbook.save_to_buffer().unwrap()
}

/// The shape of a password-protected workbook: a compound file holding "EncryptedPackage".
pub fn encrypted_xlsx() -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.extend(std::iter::repeat_n(0u8, 504));
    bytes.extend("EncryptionInfo".encode_utf16().flat_map(|u| u.to_le_bytes()));
    bytes.extend(std::iter::repeat_n(0u8, 100));
    bytes.extend("EncryptedPackage".encode_utf16().flat_map(|u| u.to_le_bytes()));
    bytes.extend(std::iter::repeat_n(0u8, 1024));
    bytes
}

/// A zip that is no workbook (a document's parts).
pub fn not_a_sheet_zip() -> Vec<u8> {
    let mut workbook = Workbook::new();
    workbook.add_worksheet();
    let mut bytes = workbook.save_to_buffer().unwrap();
    // Rename the workbook part so no reader finds it.
    let from = b"xl/workbook.xml";
    let to = b"xl/notebook.xml";
    let mut i = 0;
    while i + from.len() <= bytes.len() {
        if &bytes[i..i + from.len()] == from {
            bytes[i..i + from.len()].copy_from_slice(to);
        }
        i += 1;
    }
    bytes
}

/// Every fixture with its file name.
pub fn all() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("excel-gbk.csv", excel_gbk_csv()),
        ("unicode-text.txt", unicode_text()),
        ("utf8-bom.csv", utf8_bom_csv()),
        ("pipeline.xlsx", pipeline_xlsx()),
        ("encrypted.xlsx", encrypted_xlsx()),
        ("not-a-sheet.xlsx", not_a_sheet_zip()),
    ]
}
