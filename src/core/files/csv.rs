//! Deals and milestones as CSV for spreadsheets: UTF-8 with a byte-order mark,
//! which Excel needs to show Chinese; headings in the UI language.

use chrono::NaiveDate;

use crate::core::deal::plan::{day_of, deal_plan, MilestoneState};
use crate::core::model::Workspace;
use crate::core::text::i18n::{tr, Lang, Msg};
use crate::core::text::money::amount_for_input;

const BOM: &str = "\u{FEFF}";

fn write(rows: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&row);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    format!("{BOM}{}", String::from_utf8(bytes).unwrap_or_default())
}

/// One row per deal: id, customer, title, value (as typed in the form), currency, owner, roadmap, stage, status,
/// lost reason, close note, expected close, day created (UTC) and segments, with headings and names in `lang`.
pub fn deals_csv(ws: &Workspace, lang: Lang) -> String {
    let heading = [
        Msg::CsvId,
        Msg::FieldCustomer,
        Msg::FieldTitle,
        Msg::FieldValue,
        Msg::FieldCurrency,
        Msg::FieldOwner,
        Msg::CsvRoadmap,
        Msg::FieldStage,
        Msg::CsvStatus,
        Msg::LostReason,
        Msg::CloseNote,
        Msg::FieldExpectedClose,
        Msg::CsvCreated,
        Msg::CsvSegments,
    ];
    let mut rows = vec![heading.iter().map(|m| tr(lang, *m).to_owned()).collect()];
    for deal in &ws.deals {
        let roadmap = ws.roadmap(&deal.roadmap_id);
        let stage = roadmap.and_then(|r| r.stage(&deal.stage_id)).map(|s| s.name.get(lang).to_owned()).unwrap_or_default();
        let reason = deal
            .lost_reason
            .as_ref()
            .and_then(|id| ws.settings.lost_reasons.iter().find(|r| &r.id == id))
            .map(|r| r.label.get(lang).to_owned())
            .unwrap_or_default();
        rows.push(vec![
            deal.id.to_string(),
            deal.customer.clone(),
            deal.title.clone(),
            amount_for_input(deal.value_minor),
            deal.currency.clone(),
            deal.owner.clone(),
            roadmap.map(|r| r.name.get(lang).to_owned()).unwrap_or_default(),
            stage,
            crate::core::text::labels::deal_status(lang, deal.status).to_owned(),
            reason,
            deal.close_note.clone(),
            deal.expected_close.map(|d| d.to_string()).unwrap_or_default(),
            day_of(deal.created_at).to_string(),
            deal.tags.join(", "),
        ]);
    }
    write(rows)
}

/// One row per milestone of every deal's plan, with its due date and state on `today`.
pub fn milestones_csv(ws: &Workspace, lang: Lang, today: NaiveDate) -> String {
    let heading = [
        Msg::CsvId,
        Msg::FieldCustomer,
        Msg::FieldTitle,
        Msg::FieldStage,
        Msg::MilestoneTitle,
        Msg::MilestoneRequired,
        Msg::DueDate,
        Msg::CsvDoneOn,
        Msg::CsvStatus,
    ];
    let mut rows = vec![heading.iter().map(|m| tr(lang, *m).to_owned()).collect()];
    for deal in &ws.deals {
        let Some(roadmap) = ws.roadmap(&deal.roadmap_id) else { continue };
        for m in deal_plan(roadmap, deal, today).milestones.into_iter().filter(|m| !m.customer) {
            let state = match m.state {
                MilestoneState::Done => Msg::StateDone,
                MilestoneState::Open => Msg::StateOpen,
                MilestoneState::Overdue => Msg::StateOverdue,
            };
            rows.push(vec![
                deal.id.to_string(),
                deal.customer.clone(),
                deal.title.clone(),
                roadmap.stages[m.stage_index].name.get(lang).to_owned(),
                m.title.get(lang).to_owned(),
                tr(lang, if m.required { Msg::MilestoneRequired } else { Msg::Optional }).to_owned(),
                m.due.to_string(),
                m.done_on.map(|d| d.to_string()).unwrap_or_default(),
                tr(lang, state).to_owned(),
            ]);
        }
    }
    write(rows)
}
