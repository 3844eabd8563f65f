//! From a mapped sheet to what the import will do, before anything changes: rows to
//! add, deals to update (matched by our export's id, else by customer and title), rows
//! unchanged, and rows skipped with their number and reason. Then the import itself,
//! as one command: a second import of the same sheet finds nothing to change.

use std::collections::HashMap;

use super::mapping::{header_key, parse_date, parse_sheet_amount, Field, Mapping, StageChoice};
use super::{Cell, Table};
use crate::core::command::{apply, Command, CommandError, Outcome};
use crate::core::deal::form::{DealFields, DealForm, FieldError};
use crate::core::learn::samples::Bi;
use crate::core::model::{DealStatus, GateMode, Id, Roadmap, Timestamp, Workspace};
use crate::core::text::i18n::{fill, Lang};

/// What one row becomes.
#[derive(Clone, Debug, PartialEq)]
pub struct RowDeal {
    /// The row's number in the sheet.
    pub row: usize,
    /// The deal's fields; for an update, the deal's own values where the sheet has no column.
    pub fields: DealFields,
    /// The row's stage is to be added: its index in [`SheetImport::new_stages`].
    pub new_stage: Option<usize>,
    /// The deal's status, when the sheet says.
    pub status: Option<DealStatus>,
    /// The lost reason of a lost deal.
    pub lost_reason: Option<Id>,
    /// The deal's note, when the sheet has one.
    pub note: Option<String>,
}

/// A row to add or a deal to update.
#[derive(Clone, Debug, PartialEq)]
pub enum RowAction {
    /// A new deal.
    Add(RowDeal),
    /// The existing deal with this id takes the row's values.
    Update(Id, RowDeal),
}

/// The import as it will be applied (`Command::ImportSheet`).
#[derive(Clone, Debug, PartialEq)]
pub struct SheetImport {
    /// The roadmap the rows go on.
    pub roadmap_id: Id,
    /// Stages added at the end of the roadmap first, in order.
    pub new_stages: Vec<String>,
    /// What each row does.
    pub actions: Vec<RowAction>,
}

/// Why a row is skipped.
#[derive(Clone, Debug, PartialEq)]
pub enum RowProblem {
    /// No customer name.
    NoCustomer,
    /// The amount is not a number Waypoint reads (the text as written).
    BadAmount(String),
    /// The date is not a date (the text as written).
    BadDate(String),
    /// The status is not open, won or lost (the text as written).
    BadStatus(String),
    /// A stage name the person chose to skip.
    SkippedStage(String),
    /// The same customer and title as an earlier row (its number).
    DuplicateOf(usize),
    /// An id that names no deal on this roadmap.
    UnknownId(String),
    /// A field the deal form refuses (too long, say).
    Field(FieldError),
}

impl RowProblem {
    /// The reason in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        let (text, arg): (Bi, String) = match self {
            RowProblem::NoCustomer => (("没有客户名称", "no customer name"), String::new()),
            RowProblem::BadAmount(t) => (
                (
                    "金额“{0}”不是数字（可以写 350000、35万 或 ¥350,000）",
                    "the amount “{0}” is not a number (write 350000, 35万 or ¥350,000)",
                ),
                t.clone(),
            ),
            RowProblem::BadDate(t) => (
                (
                    "日期“{0}”无法识别（可以写 2027-01-20、2027/1/20 或 2027年1月20日）",
                    "the date “{0}” is not a date (write 2027-01-20, 2027/1/20 or 2027年1月20日)",
                ),
                t.clone(),
            ),
            RowProblem::BadStatus(t) => {
                (("状态“{0}”无法识别（进行中、赢单或丢单）", "the status “{0}” is not open, won or lost"), t.clone())
            }
            RowProblem::SkippedStage(t) => (("阶段“{0}”选择了跳过", "the stage “{0}” was set to be skipped"), t.clone()),
            RowProblem::DuplicateOf(n) => (("与第 {0} 行的客户和商机相同", "the same customer and deal as row {0}"), n.to_string()),
            RowProblem::UnknownId(t) => (("编号“{0}”不是这条路线图上的商机", "the ID “{0}” is no deal on this roadmap"), t.clone()),
            RowProblem::Field(e) => {
                use crate::core::deal::form::DealField;
                use crate::core::text::i18n::{tr, Msg};
                let field = match e.field {
                    DealField::Customer => Msg::FieldCustomer,
                    DealField::Title => Msg::FieldTitle,
                    DealField::Value => Msg::FieldValue,
                    DealField::Currency => Msg::FieldCurrency,
                    DealField::Owner => Msg::FieldOwner,
                    DealField::ExpectedClose => Msg::FieldExpectedClose,
                    DealField::Stage => Msg::FieldStage,
                    DealField::Tags => Msg::CsvSegments,
                    DealField::FollowUp => Msg::FieldFollowUp,
                };
                (("{0}", "{0}"), format!("{}：{}", tr(lang, field), crate::core::text::describe::field_problem(lang, e.problem)))
            }
        };
        fill(lang.pick(text), &[&arg])
    }
}

/// A skipped row: its number in the sheet and why.
#[derive(Clone, Debug, PartialEq)]
pub struct SkippedRow {
    /// The row's number, as the spreadsheet shows it.
    pub row: usize,
    /// Why it is skipped.
    pub problem: RowProblem,
}

/// What the import will do, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    /// What will be applied.
    pub import: SheetImport,
    /// Rows that become new deals.
    pub added: usize,
    /// Deals that change.
    pub updated: usize,
    /// Rows whose deal already is as the row says.
    pub unchanged: usize,
    /// Rows skipped, with reasons.
    pub skipped: Vec<SkippedRow>,
    /// Stage names of the sheet that are no stage of the roadmap, in order of appearance.
    pub unknown_stages: Vec<String>,
}

/// Why no preview can be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// No column is mapped to the customer.
    NoCustomerColumn,
    /// The roadmap does not exist.
    UnknownRoadmap,
}

impl PlanError {
    /// The reason in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        lang.pick(match self {
            PlanError::NoCustomerColumn => {
                ("请把一列设为“客户名称”：每个商机都需要客户。", "Set one column to “Customer”: every deal needs one.")
            }
            PlanError::UnknownRoadmap => ("这条路线图已不存在。", "That roadmap no longer exists."),
        })
        .to_owned()
    }
}

fn status_of(text: &str) -> Result<Option<DealStatus>, ()> {
    let key = header_key(text);
    if key.is_empty() {
        return Ok(None);
    }
    const OPEN: &[&str] = &["进行中", "跟进中", "开放", "未成交", "open", "active", "inprogress", "进行"];
    const WON: &[&str] = &["赢单", "成交", "已成交", "已签约", "签约", "赢", "won", "closedwon", "win"];
    const LOST: &[&str] = &["丢单", "输单", "失败", "已丢单", "丢", "lost", "closedlost", "lose"];
    if OPEN.contains(&key.as_str()) {
        Ok(Some(DealStatus::Open))
    } else if WON.contains(&key.as_str()) {
        Ok(Some(DealStatus::Won))
    } else if LOST.contains(&key.as_str()) {
        Ok(Some(DealStatus::Lost))
    } else {
        Err(())
    }
}

/// The stage a sheet's stage name means: one of the roadmap's (either language), or not.
fn known_stage(roadmap: &Roadmap, name: &str) -> Option<Id> {
    let key = header_key(name);
    roadmap.stages.iter().find(|s| [Lang::Zh, Lang::En].iter().any(|l| header_key(s.name.get(*l)) == key)).map(|s| s.id.clone())
}

/// How deals are matched when there is no id: customer and title, as compared.
fn deal_key(customer: &str, title: &str) -> (String, String) {
    (header_key(customer), header_key(title))
}

/// What importing `table` with `mapping` onto roadmap `roadmap_id` would do.
pub fn plan_import(ws: &Workspace, table: &Table, mapping: &Mapping, roadmap_id: &Id) -> Result<ImportPreview, PlanError> {
    let roadmap = ws.roadmap(roadmap_id).ok_or(PlanError::UnknownRoadmap)?;
    let customer_col = mapping.column(Field::Customer).ok_or(PlanError::NoCustomerColumn)?;
    let col = |field| mapping.column(field);
    let cell = |row: &[Cell], field| col(field).and_then(|c| row.get(c)).cloned().unwrap_or(Cell::Empty);
    let text = |row: &[Cell], field| cell(row, field).text();
    let first_stage = roadmap.stages.first().map(|s| s.id.clone()).unwrap_or_else(|| Id(Default::default()));

    // Deals on this roadmap a row can update (samples are nobody's data).
    let by_key: HashMap<(String, String), &crate::core::model::Deal> =
        ws.deals.iter().filter(|d| d.roadmap_id == *roadmap_id && !d.sample).map(|d| (deal_key(&d.customer, &d.title), &**d)).collect();

    let mut preview = ImportPreview {
        import: SheetImport { roadmap_id: roadmap_id.clone(), new_stages: Vec::new(), actions: Vec::new() },
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped: Vec::new(),
        unknown_stages: Vec::new(),
    };
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    'rows: for (row, &number) in table.rows.iter().zip(&table.row_numbers) {
        let skip = |preview: &mut ImportPreview, problem| preview.skipped.push(SkippedRow { row: number, problem });
        let customer = row.get(customer_col).map(Cell::text).unwrap_or_default();
        if customer.is_empty() {
            skip(&mut preview, RowProblem::NoCustomer);
            continue;
        }
        let title = Some(text(row, Field::Title)).filter(|t| !t.is_empty()).unwrap_or_else(|| customer.clone());
        let key = deal_key(&customer, &title);
        if let Some(first) = seen.get(&key) {
            skip(&mut preview, RowProblem::DuplicateOf(*first));
            continue;
        }
        seen.insert(key.clone(), number);

        // The deal this row updates: by our id, else by customer and title.
        let id_text = text(row, Field::Id);
        let existing = if id_text.is_empty() {
            by_key.get(&key).copied()
        } else {
            match ws.deals.iter().find(|d| d.id.0 == id_text && d.roadmap_id == *roadmap_id) {
                Some(d) => Some(&**d),
                None => {
                    skip(&mut preview, RowProblem::UnknownId(id_text));
                    continue;
                }
            }
        };

        let mut form = match existing {
            Some(deal) => DealForm::from_deal(deal),
            None => DealForm::blank(&ws.default_currency, &first_stage),
        };
        form.customer = customer.clone();
        form.title = title;
        for (field, per_unit) in [(Field::Value, 1), (Field::ValueWan, 10_000)] {
            if col(field).is_some() {
                match parse_sheet_amount(&cell(row, field), per_unit) {
                    Ok(Some(amount)) => form.value = amount,
                    Ok(None) if existing.is_none() => form.value = "0".into(),
                    Ok(None) => {}
                    Err(_) => {
                        skip(&mut preview, RowProblem::BadAmount(text(row, field)));
                        continue 'rows;
                    }
                }
            }
        }
        if existing.is_none() && form.value.is_empty() {
            form.value = "0".into();
        }
        if col(Field::Currency).is_some() && !text(row, Field::Currency).is_empty() {
            form.currency = text(row, Field::Currency).to_uppercase();
        }
        if col(Field::Owner).is_some() {
            form.owner = text(row, Field::Owner);
        }
        if col(Field::ExpectedClose).is_some() {
            match parse_date(&cell(row, Field::ExpectedClose)) {
                Ok(date) => form.expected_close = date.map(|d| d.to_string()).unwrap_or_default(),
                Err(_) => {
                    skip(&mut preview, RowProblem::BadDate(text(row, Field::ExpectedClose)));
                    continue;
                }
            }
        }
        if col(Field::Segment).is_some() {
            form.tags = text(row, Field::Segment).replace(['、', ';', '；', '/'], ",");
        }
        let mut new_stage = None;
        let stage_name = text(row, Field::Stage);
        if !stage_name.is_empty() {
            match known_stage(roadmap, &stage_name) {
                Some(id) => form.stage_id = id.to_string(),
                None => {
                    if !preview.unknown_stages.contains(&stage_name) {
                        preview.unknown_stages.push(stage_name.clone());
                    }
                    match mapping.stages.get(&stage_name).cloned().unwrap_or(StageChoice::Add) {
                        StageChoice::Existing(id) if roadmap.stage(&id).is_some() => form.stage_id = id.to_string(),
                        StageChoice::Existing(_) | StageChoice::Add => {
                            let at = match preview.import.new_stages.iter().position(|s| *s == stage_name) {
                                Some(at) => at,
                                None => {
                                    preview.import.new_stages.push(stage_name.clone());
                                    preview.import.new_stages.len() - 1
                                }
                            };
                            new_stage = Some(at);
                            // Checked against the first stage; the new one is made when the import is applied.
                            form.stage_id = first_stage.to_string();
                        }
                        StageChoice::Skip => {
                            skip(&mut preview, RowProblem::SkippedStage(stage_name));
                            continue;
                        }
                    }
                }
            }
        }
        let status = match status_of(&text(row, Field::Status)) {
            Ok(status) => status,
            Err(()) => {
                skip(&mut preview, RowProblem::BadStatus(text(row, Field::Status)));
                continue;
            }
        };
        let reason_text = header_key(&text(row, Field::LostReason));
        let lost_reason = (status == Some(DealStatus::Lost)).then(|| {
            ws.settings
                .lost_reasons
                .iter()
                .find(|r| !reason_text.is_empty() && [Lang::Zh, Lang::En].iter().any(|l| header_key(r.label.get(*l)) == reason_text))
                .map(|r| r.id.clone())
                .unwrap_or_else(|| Id("lost-other".into()))
        });
        let note = col(Field::Note).map(|_| text(row, Field::Note));
        let fields = match form.parse(roadmap) {
            Ok(fields) => fields,
            Err(errors) => {
                skip(&mut preview, RowProblem::Field(errors[0]));
                continue;
            }
        };
        let mut deal = RowDeal { row: number, fields, new_stage, status, lost_reason, note };
        match existing {
            None => {
                preview.added += 1;
                preview.import.actions.push(RowAction::Add(deal));
            }
            Some(old) => {
                let same_fields = deal.new_stage.is_none() && DealForm::from_deal(old).parse(roadmap).ok().as_ref() == Some(&deal.fields);
                let same_status = deal.status.is_none_or(|s| s == old.status)
                    && (deal.status != Some(DealStatus::Lost) || old.lost_reason == deal.lost_reason || reason_text.is_empty());
                let same_note = deal.note.as_ref().is_none_or(|n| *n == old.close_note);
                if same_fields && same_status && same_note {
                    preview.unchanged += 1;
                } else {
                    if reason_text.is_empty() && old.status == DealStatus::Lost {
                        deal.lost_reason = old.lost_reason.clone();
                    }
                    preview.updated += 1;
                    preview.import.actions.push(RowAction::Update(old.id.clone(), deal));
                }
            }
        }
    }
    Ok(preview)
}

/// Applies an import to `ws` at `now`: new stages first, then every row, as one change.
/// Gates do not stop an import (the sheet says where deals stand); the result is checked
/// like any workspace, and on any refusal nothing changes.
pub fn apply_import(ws: &mut Workspace, import: SheetImport, now: Timestamp) -> Result<Outcome, CommandError> {
    if import.actions.is_empty() && import.new_stages.is_empty() {
        return Ok(Outcome::Unchanged);
    }
    let mut next = ws.clone();
    let gate_mode = next.settings.gate_mode;
    next.settings.gate_mode = GateMode::Confirm;
    let mut stage_ids = Vec::new();
    for name in &import.new_stages {
        match apply(
            &mut next,
            Command::AddStage { roadmap_id: import.roadmap_id.clone(), name: crate::core::text::Text::plain(name) },
            now,
        )? {
            Outcome::Created(id) => stage_ids.push(id),
            _ => return Err(CommandError::UnknownRoadmap(import.roadmap_id.clone())),
        }
    }
    for action in import.actions {
        let (id, mut row) = match action {
            RowAction::Add(row) => {
                let fields = DealFields {
                    stage_id: row.new_stage.map_or(row.fields.stage_id.clone(), |i| stage_ids[i].clone()),
                    ..row.fields.clone()
                };
                let Outcome::Created(id) =
                    apply(&mut next, Command::CreateDeal { roadmap_id: import.roadmap_id.clone(), fields, sample: false }, now)?
                else {
                    return Err(CommandError::UnknownRoadmap(import.roadmap_id.clone()));
                };
                (id, row)
            }
            RowAction::Update(id, mut row) => {
                if let Some(i) = row.new_stage {
                    row.fields.stage_id = stage_ids[i].clone();
                }
                // A spreadsheet has no follow-up column: the one planned here stays.
                row.fields.follow_up = next.deal(&id).and_then(|d| d.follow_up);
                apply(&mut next, Command::UpdateDeal { deal_id: id.clone(), fields: row.fields.clone(), confirmed: true }, now)?;
                (id, row)
            }
        };
        let current = next.deal(&id).map(|d| d.status).unwrap_or(DealStatus::Open);
        let note = row.note.take();
        match row.status {
            Some(DealStatus::Open) if current != DealStatus::Open => {
                apply(&mut next, Command::ReopenDeal { deal_id: id.clone() }, now)?;
            }
            Some(status @ (DealStatus::Won | DealStatus::Lost)) if status != current || row.lost_reason.is_some() => {
                if current != DealStatus::Open {
                    apply(&mut next, Command::ReopenDeal { deal_id: id.clone() }, now)?;
                }
                let won = status == DealStatus::Won;
                let note = note.clone().unwrap_or_else(|| next.deal(&id).map(|d| d.close_note.clone()).unwrap_or_default());
                apply(
                    &mut next,
                    Command::CloseDeal { deal_id: id.clone(), won, reason: if won { None } else { row.lost_reason.clone() }, note },
                    now,
                )?;
            }
            _ => {}
        }
        if let (Some(note), Some(deal)) = (note, next.deals.iter_mut().find(|d| d.id == id)) {
            if deal.close_note != note.trim() {
                let deal = std::sync::Arc::make_mut(deal);
                deal.close_note = note.trim().to_owned();
                deal.updated_at = now;
            }
        }
    }
    next.settings.gate_mode = gate_mode;
    crate::core::validate::check(&next).map_err(CommandError::BrokenWorkspace)?;
    *ws = next;
    Ok(Outcome::Changed)
}
