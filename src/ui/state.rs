//! The app's reactive state and its one write path.
//!
//! Components get `AppState` from context (it is `Copy`), turn events into
//! `Command`s and call `dispatch`; nothing else writes the workspace.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{clock, storage};
use crate::core::command::{apply, Command, CommandError, Outcome};
use crate::core::i18n::{tr, Lang, Msg};
use crate::core::model::{Id, Workspace};
use crate::core::persist;

/// A message in the notice area; rendered in whatever language is current.
#[derive(Clone)]
pub struct Notice {
    pub is_error: bool,
    pub text: Arc<dyn Fn(Lang) -> String + Send + Sync>,
}

impl Notice {
    pub fn info(text: impl Fn(Lang) -> String + Send + Sync + 'static) -> Self {
        Notice { is_error: false, text: Arc::new(text) }
    }

    pub fn error(text: impl Fn(Lang) -> String + Send + Sync + 'static) -> Self {
        Notice { is_error: true, text: Arc::new(text) }
    }
}

/// Which deal the dialog is open for.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    New { stage_id: Id },
    Existing(Id),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub lang: RwSignal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last save failed; cleared by the next good save.
    pub save_failure: RwSignal<Option<storage::StorageFailure>>,
    /// The stored copy could not be read at start; its text is under the recovery key.
    pub recovered: RwSignal<Option<Notice>>,
    pub editing: RwSignal<Option<Editing>>,
}

impl AppState {
    pub fn new(workspace: Workspace, lang: Lang) -> Self {
        AppState {
            workspace: RwSignal::new(workspace),
            lang: RwSignal::new(lang),
            notice: RwSignal::new(None),
            save_failure: RwSignal::new(None),
            recovered: RwSignal::new(None),
            editing: RwSignal::new(None),
        }
    }

    /// Applies `command`; views and the saver hear about it only when something changed.
    pub fn dispatch(&self, command: Command) -> Result<Outcome, CommandError> {
        let now = clock::now_ms();
        let result = self
            .workspace
            .try_update_untracked(|ws| apply(ws, command, now))
            // Only a disposed signal gives None, and then there is no page left to change.
            .unwrap_or(Ok(Outcome::Unchanged));
        match &result {
            Ok(Outcome::Changed | Outcome::Created(_)) => self.workspace.notify(),
            Ok(Outcome::Unchanged) => {}
            Err(error) => {
                let error = error.clone();
                self.notice.set(Some(Notice::error(move |lang| crate::core::describe::command_error(lang, &error))));
            }
        }
        result
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.lang.get(), msg)
    }

    pub fn say(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    /// Downloads the whole workspace as a dated JSON file.
    pub fn export(&self) {
        let text = self.workspace.with_untracked(|ws| persist::export_json(ws, clock::now_ms()));
        let name = persist::export_file_name(clock::local_today());
        if let Err(error) = crate::browser::files::download(&name, &text, "application/json") {
            let detail = format!("{error:?}");
            self.say(Notice::error(move |lang| crate::core::i18n::trf(lang, Msg::ExportFailed, &[&detail])));
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
