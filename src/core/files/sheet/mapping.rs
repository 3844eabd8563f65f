//! Which deal field each column holds, guessed from its header in Chinese or English
//! and changed by the person; and the sheet's ways of writing amounts and dates.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Cell;
use crate::core::model::Id;
use crate::core::text::i18n::{tr, Lang, Msg};

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Not imported.
    Ignore,
    /// Waypoint's own deal id (our CSV export's first column): rows with one update that deal.
    Id,
    /// The customer's name (required).
    Customer,
    /// The deal's title (the customer's name when there is no such column).
    Title,
    /// The value in whole currency units (元).
    Value,
    /// The value in ten-thousands (万元).
    ValueWan,
    /// The currency code.
    Currency,
    /// The stage, by name.
    Stage,
    /// The owner's name.
    Owner,
    /// The expected close date.
    ExpectedClose,
    /// Customer segments (industry …), comma-separated.
    Segment,
    /// Open, won or lost.
    Status,
    /// Why a lost deal was lost, by the lost reason's name.
    LostReason,
    /// A note on the deal (our export's 备注).
    Note,
}

impl Field {
    /// Every field, in the order the wizard offers them.
    pub const ALL: [Field; 14] = [
        Field::Ignore,
        Field::Id,
        Field::Customer,
        Field::Title,
        Field::Value,
        Field::ValueWan,
        Field::Currency,
        Field::Stage,
        Field::Owner,
        Field::ExpectedClose,
        Field::Segment,
        Field::Status,
        Field::LostReason,
        Field::Note,
    ];

    /// The field's name in the person's language, for the wizard's choices.
    pub fn label(self, lang: Lang) -> &'static str {
        lang.pick(match self {
            Field::Ignore => ("不导入", "Don't import"),
            Field::Id => ("编号（Waypoint 导出的）", "ID (from a Waypoint export)"),
            Field::Customer => ("客户名称", "Customer"),
            Field::Title => ("商机名称", "Deal title"),
            Field::Value => ("金额（元）", "Value"),
            Field::ValueWan => ("金额（万元）", "Value in 万 (ten thousands)"),
            Field::Currency => ("币种", "Currency"),
            Field::Stage => ("阶段", "Stage"),
            Field::Owner => ("负责人", "Owner"),
            Field::ExpectedClose => ("预计成交日期", "Expected close date"),
            Field::Segment => ("客户细分", "Segments"),
            Field::Status => ("状态", "Status"),
            Field::LostReason => ("丢单原因", "Reason lost"),
            Field::Note => ("备注", "Note"),
        })
    }

    /// Stable name for the remembered mapping; never change it.
    pub fn key(self) -> &'static str {
        match self {
            Field::Ignore => "ignore",
            Field::Id => "id",
            Field::Customer => "customer",
            Field::Title => "title",
            Field::Value => "value",
            Field::ValueWan => "value_wan",
            Field::Currency => "currency",
            Field::Stage => "stage",
            Field::Owner => "owner",
            Field::ExpectedClose => "expected_close",
            Field::Segment => "segment",
            Field::Status => "status",
            Field::LostReason => "lost_reason",
            Field::Note => "note",
        }
    }
}

/// A header as compared: lower case, no spaces, half-width brackets.
pub fn header_key(header: &str) -> String {
    header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '：' | ':'))
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

/// The headers each field answers to (compared by [`header_key`]), besides our own export's.
const SYNONYMS: &[(Field, &[&str])] = &[
    (Field::Id, &["id", "编号", "商机编号", "dealid"]),
    (
        Field::Customer,
        &["客户", "客户名称", "客户名", "公司", "公司名称", "单位", "单位名称", "customer", "company", "account", "client", "customername"],
    ),
    (
        Field::Title,
        &["商机", "商机名称", "项目", "项目名称", "机会", "deal", "dealname", "dealtitle", "opportunity", "title", "project", "标题"],
    ),
    (Field::ValueWan, &["金额(万元)", "金额(万)", "万元", "合同金额(万元)", "预计金额(万元)", "amount(万)", "value(万)"]),
    (Field::Value, &["金额", "金额(元)", "合同金额", "预计金额", "商机金额", "amount", "value", "dealvalue", "amount(cny)", "value(cny)"]),
    (Field::Currency, &["币种", "货币", "currency"]),
    (Field::Stage, &["阶段", "销售阶段", "所处阶段", "stage", "salesstage", "dealstage"]),
    (Field::Owner, &["负责人", "销售", "销售代表", "业务员", "跟进人", "客户经理", "销售经理", "owner", "salesrep", "rep", "dealowner"]),
    (
        Field::ExpectedClose,
        &["预计成交日期", "预计成交", "成交日期", "预计签约日期", "预计签单日期", "closedate", "expectedclose", "expectedclosedate"],
    ),
    (Field::Segment, &["细分", "客户细分", "行业", "分类", "客户类型", "segment", "segments", "industry", "tags"]),
    (Field::Status, &["状态", "商机状态", "status"]),
    (Field::LostReason, &["丢单原因", "输单原因", "lostreason", "reasonlost"]),
    (Field::Note, &["备注", "说明", "notes", "note", "remarks", "comment"]),
];

/// The field a header most likely names, or `Ignore`.
pub fn guess_field(header: &str) -> Field {
    let key = header_key(header);
    if key.is_empty() {
        return Field::Ignore;
    }
    for (field, names) in SYNONYMS {
        if names.contains(&key.as_str()) {
            return *field;
        }
    }
    // Our own export's headers, in either language.
    let ours = [
        (Msg::CsvId, Field::Id),
        (Msg::FieldCustomer, Field::Customer),
        (Msg::FieldTitle, Field::Title),
        (Msg::FieldValue, Field::Value),
        (Msg::FieldCurrency, Field::Currency),
        (Msg::FieldOwner, Field::Owner),
        (Msg::FieldStage, Field::Stage),
        (Msg::CsvStatus, Field::Status),
        (Msg::LostReason, Field::LostReason),
        (Msg::CloseNote, Field::Note),
        (Msg::FieldExpectedClose, Field::ExpectedClose),
        (Msg::CsvSegments, Field::Segment),
    ];
    for (msg, field) in ours {
        if [Lang::Zh, Lang::En].iter().any(|lang| header_key(tr(*lang, msg)) == key) {
            return field;
        }
    }
    // Looser: a header that mentions 万 and an amount; one that starts with a known word.
    if key.contains('万') && (key.contains("金额") || key.contains("amount") || key.contains("value")) {
        return Field::ValueWan;
    }
    for (field, names) in SYNONYMS {
        if names.iter().any(|n| n.chars().count() >= 2 && key.starts_with(n)) {
            return *field;
        }
    }
    Field::Ignore
}

/// What becomes of rows whose stage name is not one of the roadmap's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StageChoice {
    /// Put such rows in this existing stage.
    Existing(Id),
    /// Add a stage of this name at the end of the roadmap.
    Add,
    /// Skip such rows.
    Skip,
}

/// The person's choices for one sheet: a field per column, and what unknown stage names become.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Mapping {
    /// The field of each column, in column order.
    pub columns: Vec<Field>,
    /// For each stage name of the sheet that is not a stage of the roadmap (by its text): what it becomes.
    pub stages: BTreeMap<String, StageChoice>,
}

impl Mapping {
    /// Every column guessed from its header; a field claimed by an earlier column is not claimed again.
    pub fn guessed(headers: &[String]) -> Mapping {
        let mut taken = Vec::new();
        let columns = headers
            .iter()
            .map(|h| {
                let field = guess_field(h);
                if field == Field::Ignore || taken.contains(&field) {
                    Field::Ignore
                } else {
                    taken.push(field);
                    field
                }
            })
            .collect();
        Mapping { columns, stages: BTreeMap::new() }
    }

    /// The column holding `field`, if one does.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|f| *f == field)
    }
}

/// Why an amount was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadAmount;

/// An amount as sheets write it, in whole units (`per_unit` 10,000 for a 万 column):
/// "350000", "350,000.50", "¥350,000", "35万", "35 万元", "1.2亿", a number cell.
/// Gives the amount as the deal form takes it ("350000.00" style), or why not.
pub fn parse_sheet_amount(cell: &Cell, per_unit: i64) -> Result<Option<String>, BadAmount> {
    let (mut text, mut factor) = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => (format!("{n}"), per_unit),
        Cell::Text(t) if t.trim().is_empty() => return Ok(None),
        Cell::Text(t) => (t.trim().to_owned(), per_unit),
        Cell::Date(_) => return Err(BadAmount),
    };
    text.retain(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '¥' | '￥' | '$' | '_'));
    for (suffix, times) in [("万元", 10_000), ("亿元", 100_000_000), ("万", 10_000), ("亿", 100_000_000), ("元", 1)] {
        if let Some(rest) = text.strip_suffix(suffix) {
            text = rest.to_owned();
            // A 万 in the cell says the unit itself.
            factor = times;
            break;
        }
    }
    if let Some(rest) = text.strip_prefix("CNY").or_else(|| text.strip_prefix("RMB")) {
        text = rest.to_owned();
    }
    let number: f64 = text.parse().map_err(|_| BadAmount)?;
    if !number.is_finite() || number < 0.0 {
        return Err(BadAmount);
    }
    // In hundredths, rounded: 1.2万 is 12,000.00.
    let minor = (number * factor as f64 * 100.0).round();
    if minor > 1e17 {
        return Err(BadAmount);
    }
    let minor = minor as i64;
    Ok(Some(format!("{}.{:02}", minor / 100, minor % 100)))
}

/// A cell that does not hold a date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDate;

/// A date as sheets write it: a date cell, an Excel serial number, 2027-01-20,
/// 2027/1/20, 2027.1.20, 2027年1月20日 (a time after it is ignored).
pub fn parse_date(cell: &Cell) -> Result<Option<NaiveDate>, BadDate> {
    match cell {
        Cell::Empty => Ok(None),
        Cell::Date(d) => Ok(Some(*d)),
        Cell::Number(n) => serial_date(*n).map(Some).ok_or(BadDate),
        Cell::Text(t) => {
            let t = t.trim();
            if t.is_empty() {
                return Ok(None);
            }
            if let Ok(n) = t.parse::<f64>() {
                return serial_date(n).map(Some).ok_or(BadDate);
            }
            let date_part = t.split([' ', 'T']).next().unwrap_or_default();
            let numbers: Vec<&str> = date_part.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
            let [y, m, d] = numbers.as_slice() else { return Err(BadDate) };
            let (y, m, d) =
                (y.parse::<i32>().map_err(|_| BadDate)?, m.parse::<u32>().map_err(|_| BadDate)?, d.parse::<u32>().map_err(|_| BadDate)?);
            if !(1900..=2200).contains(&y) {
                return Err(BadDate);
            }
            NaiveDate::from_ymd_opt(y, m, d).map(Some).ok_or(BadDate)
        }
    }
}

/// An Excel serial date (days since 1899-12-30, as Excel counts them after its 1900 leap-year quirk).
fn serial_date(n: f64) -> Option<NaiveDate> {
    if !(1.0..=2_958_465.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(n.floor() as u64))
}
