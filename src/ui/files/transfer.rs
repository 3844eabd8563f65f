//! Files in and out: importing or merging a JSON file (checked whole before
//! anything changes) and exporting CSV. The JSON export is `AppState::export`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::{clock, files};
use crate::core::command::Command;
use crate::core::files::csv;
use crate::core::files::envelope::MAX_IMPORT_BYTES;
use crate::core::text::describe;
use crate::core::text::i18n::{self, tr, trf, Msg};
use crate::ui::state::{AppState, Notice};

/// Downloads the deals (`"deals"`) or the milestone plans (`"milestones"`) as a CSV file.
pub fn export_csv(state: AppState, choice: &str) {
    let lang = state.lang.get_untracked();
    let today = clock::local_today();
    let (name, text) = state.workspace.with_untracked(|ws| match choice {
        "deals" => (format!("waypoint-deals-{today}.csv"), csv::deals_csv(ws, lang)),
        "milestones" => (format!("waypoint-milestones-{today}.csv"), csv::milestones_csv(ws, lang, today)),
        _ => (String::new(), String::new()),
    });
    if !name.is_empty() {
        if let Err(error) = files::download(&name, &text, "text/csv;charset=utf-8") {
            let detail = format!("{error:?}");
            state.say(Notice::error(move |lang| trf(lang, Msg::ExportFailed, &[&detail])));
        }
    }
}

/// Which calendar to download.
#[derive(Clone, Debug)]
pub enum CalendarChoice {
    /// One deal's open milestones.
    Deal(crate::core::model::Id),
    /// The open milestones one owner answers for.
    Owner(String),
}

/// Downloads a calendar (.ics) for a deal or an owner.
pub fn export_calendar(state: AppState, choice: CalendarChoice) {
    use crate::core::files::calendar::{deal_calendar, owner_calendar};
    let lang = state.lang.get_untracked();
    let now = clock::now_ms();
    let (name, text) = state.workspace.with_untracked(|ws| match &choice {
        CalendarChoice::Deal(id) => ws
            .deal(id)
            .map(|d| (format!("waypoint-{}.ics", files::safe_name(&d.customer)), deal_calendar(ws, d, lang, now)))
            .unwrap_or_default(),
        CalendarChoice::Owner(owner) => (format!("waypoint-{}.ics", files::safe_name(owner)), owner_calendar(ws, owner, lang, now)),
    });
    if name.is_empty() {
        return;
    }
    if let Err(error) = files::download(&name, &text, "text/calendar;charset=utf-8") {
        let detail = format!("{error:?}");
        state.say(Notice::error(move |lang| trf(lang, Msg::ExportFailed, &[&detail])));
    }
}

/// The file chosen in a picker; clearing the picker lets the same file be chosen
/// again after fixing it.
pub fn picked_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files().and_then(|list| list.get(0));
    input.set_value("");
    file
}

/// A spreadsheet the person chose or dropped, waiting in the import wizard.
#[derive(Clone, Debug)]
pub struct SheetFile {
    /// The file's name, as shown in the wizard.
    pub name: String,
    /// Its bytes, shared (the wizard reads them again when another sheet is chosen).
    pub bytes: std::sync::Arc<Vec<u8>>,
}

impl PartialEq for SheetFile {
    fn eq(&self, other: &Self) -> bool {
        self.name == other.name && std::sync::Arc::ptr_eq(&self.bytes, &other.bytes)
    }
}

/// Whether a file's name says it is a spreadsheet the import wizard reads.
pub fn is_sheet_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".csv", ".xlsx", ".xls", ".txt", ".tsv"].iter().any(|ext| lower.ends_with(ext))
}

/// Reads a spreadsheet file and opens the import wizard on it; nothing changes until the person confirms there.
pub fn open_sheet(state: AppState, file: web_sys::File) {
    let size = file.size() as u64;
    if size > crate::core::files::sheet::MAX_SHEET_BYTES as u64 {
        state.say(Notice::error(move |lang| trf(lang, Msg::ImportFailed, &[&describe::file_too_large(lang, size)])));
        return;
    }
    crate::ui::lazy::start_loading_sheet_wizard();
    leptos::task::spawn_local(async move {
        match files::read_bytes(&file).await {
            Ok(bytes) => state.open(crate::ui::state::Overlay::Sheet(SheetFile { name: file.name(), bytes: std::sync::Arc::new(bytes) })),
            Err(_) => state.say(Notice::error(|lang| trf(lang, Msg::ImportFailed, &[tr(lang, Msg::ImportReadFailed)]))),
        }
    });
}

/// What an opened file is for.
#[derive(Clone, Copy)]
pub enum Purpose {
    /// It becomes the workspace.
    Replace,
    /// Its records join the workspace, after the user sees the summary.
    Merge,
}

/// Checks the size, reads the text, validates all of it, and only then replaces the
/// workspace or offers the merge. A bad file changes nothing.
pub fn import_file(state: AppState, file: web_sys::File, purpose: Purpose) {
    let fail = move |why: Box<dyn Fn(crate::core::text::i18n::Lang) -> String + Send + Sync>| {
        state.say(Notice::error(move |lang| trf(lang, Msg::ImportFailed, &[&why(lang)])));
    };
    let size = file.size() as u64;
    if size > MAX_IMPORT_BYTES {
        fail(Box::new(move |lang| describe::file_too_large(lang, size)));
        return;
    }
    leptos::task::spawn_local(async move {
        let text = match files::read_text(&file).await {
            Ok(text) => text,
            Err(_) => return fail(Box::new(|lang| tr(lang, Msg::ImportReadFailed).to_owned())),
        };
        let codec = crate::ui::files::codec::load().await;
        let workspace = match crate::browser::timing::measure("waypoint:import-parse", || codec.import_json(&text)) {
            Err(error) => return fail(Box::new(move |lang| describe::import_error(lang, &error))),
            Ok(workspace) => workspace,
        };
        match purpose {
            Purpose::Merge => {
                crate::ui::lazy::prepare_merge(state, crate::ui::files::merge_dialog::MergeSource::File(file.name()), workspace).await
            }
            Purpose::Replace => {
                let count = workspace.deals.len();
                let replaced = crate::browser::timing::measure("waypoint:import-apply", || {
                    state.dispatch(Command::ReplaceWorkspace(Box::new(workspace)))
                });
                if replaced.is_ok() {
                    state.close_deal();
                    state.say(Notice::info(move |lang| i18n::count(lang, count, Msg::ImportDoneOne, Msg::ImportDone)));
                }
            }
        }
    });
}
