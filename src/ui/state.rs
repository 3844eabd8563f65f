//! The app's reactive state and its one write path.
//!
//! Components get `AppState` from context (it is `Copy`), turn events into
//! `Command`s and call `dispatch`; nothing else writes the workspace.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::clock;
use crate::core::command::{Command, CommandError, Outcome};
use crate::core::editor::{Editor, StepReport};
use crate::core::files::engine::Engine;
use crate::core::files::envelope;
use crate::core::files::store::StoreFailure;
use crate::core::learn::scenarios::{build_scenario, ScenarioId};
use crate::core::model::{Id, Roadmap, Workspace};
use crate::core::text::describe;
use crate::core::text::i18n::{tr, trf, Lang, Msg};

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

    /// A notice worded now, in both languages, for texts that need the current document.
    pub fn error_now(text: impl Fn(Lang) -> String) -> Self {
        let (zh, en) = (text(Lang::Zh), text(Lang::En));
        Notice::error(move |lang| lang.pick((&zh, &en)).clone())
    }
}

pub use crate::core::shortcuts::Screen;

/// What the sandbox holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sandbox {
    Scenario(ScenarioId),
    /// A workspace someone shared as a link.
    Link,
}

/// Which deal the dialog is open for.
#[derive(Clone, Debug, PartialEq)]
pub enum Editing {
    /// A new deal, starting in this stage.
    New { stage_id: Id },
    /// An existing deal.
    Existing(Id),
}

/// What covers the page, if anything: at most one dialog or the presentation.
#[derive(Clone, PartialEq)]
pub enum Overlay {
    /// The deal dialog.
    Deal(Editing),
    /// The help dialog, on this tab.
    Help(crate::ui::help_dialog::HelpTab),
    /// The share dialog.
    Share,
    /// A merge waiting for the person's confirmation.
    Merge(crate::ui::files::merge_dialog::MergePreview),
    /// The team list.
    Team,
    /// A spreadsheet being imported: the column mapping and the preview.
    Sheet(crate::ui::files::transfer::SheetFile),
    /// A customer's reply waiting for the seller to merge it.
    Reply(Box<crate::core::deal::reply::CustomerReply>),
    /// Presentation mode; `qr` shows the share link's QR code large.
    Present {
        /// The QR code is shown.
        qr: bool,
    },
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    pub lang: RwSignal<Lang>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last save failed; cleared by the next good save.
    pub save_failure: RwSignal<Option<StoreFailure>>,
    /// A newer build of Waypoint saved the stored copy (its data format): nothing is saved.
    pub newer_copy: RwSignal<Option<u64>>,
    /// Storage is this full (percent) and past the warning level.
    pub storage_warning: RwSignal<Option<f64>>,
    /// The stored copy could not be read at start; its text is under the recovery key.
    pub recovered: RwSignal<Option<Notice>>,
    /// The dialog or presentation covering the page.
    pub overlay: RwSignal<Option<Overlay>>,
    /// The roadmap being worked on (the board, designer, learn path and presentation
    /// all show it), shared so a change elsewhere in the document redraws none of them.
    pub active_roadmap: Memo<Option<Arc<Roadmap>>>,
    pub screen: RwSignal<Screen>,
    /// Which deals the board shows (not saved: a fresh visit shows all open deals).
    pub filter: RwSignal<crate::core::deal::board::BoardFilter>,
    /// A practice scenario or a shared link is open: nothing is saved until the person leaves it.
    pub sandbox: RwSignal<Option<Sandbox>>,
    /// The sandbox's workspace as it opened: *Reset* goes back to it, and a share
    /// link for an unchanged scenario is the short one.
    sandbox_start: StoredValue<Option<Workspace>>,
    /// Undo history and the save-and-sync engine: every change goes through it.
    pub editor: StoredValue<Editor>,
    /// Whether there is something to undo / redo, for the buttons.
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// A newer deployment is installed and waits for the user to reload into it.
    pub update_ready: RwSignal<bool>,
    /// The person's own workspace, set aside while a scenario is open.
    own_workspace: StoredValue<Option<Workspace>>,
}

impl AppState {
    /// State for a workspace that is never saved (component tests).
    pub fn new(workspace: Workspace, lang: Lang) -> Self {
        let editor = Editor::new(Engine::detached(&workspace.origin));
        Self::with_editor(workspace, lang, editor)
    }

    /// State for a workspace saved by `editor`'s engine.
    pub fn with_editor(workspace: Workspace, lang: Lang, editor: Editor) -> Self {
        let workspace = RwSignal::new(workspace);
        AppState {
            active_roadmap: Memo::new(move |_| workspace.with(|ws| ws.active_roadmap().cloned().map(Arc::new))),
            workspace,
            lang: RwSignal::new(lang),
            notice: RwSignal::new(None),
            save_failure: RwSignal::new(None),
            newer_copy: RwSignal::new(None),
            storage_warning: RwSignal::new(None),
            recovered: RwSignal::new(None),
            overlay: RwSignal::new(None),
            screen: RwSignal::new(Screen::Board),
            filter: RwSignal::new(Default::default()),
            sandbox: RwSignal::new(None),
            sandbox_start: StoredValue::new(None),
            update_ready: RwSignal::new(false),
            editor: StoredValue::new(editor),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            own_workspace: StoredValue::new(None),
        }
    }

    /// Applies `command`; views and the saver hear about it only when something changed.
    /// A refusal is shown, except an unmet stage gate the person may pass: that is
    /// returned for the caller to ask about (`crate::ui::gate::dispatch_asking`).
    pub fn dispatch(&self, command: Command) -> Result<Outcome, CommandError> {
        let result = self.apply_now(command);
        match &result {
            Ok(Outcome::Changed | Outcome::Created(_)) => self.workspace.notify(),
            Ok(Outcome::Unchanged) | Err(CommandError::GateUnmet { can_confirm: true, .. }) => {}
            Err(error) => {
                let ws = self.workspace.get_untracked();
                let error = error.clone();
                self.say(Notice::error_now(|lang| describe::command_error(lang, &error, &ws)));
            }
        }
        result
    }

    fn apply_now(&self, command: Command) -> Result<Outcome, CommandError> {
        let now = clock::now_ms();
        let result = self
            .workspace
            .try_update_untracked(|ws| self.editor.try_update_value(|e| e.apply(ws, command, now)))
            .flatten()
            // Only a disposed signal gives None, and then there is no page left to change.
            .unwrap_or(Ok(Outcome::Unchanged));
        self.refresh_history_flags();
        result
    }

    fn refresh_history_flags(&self) {
        self.editor.with_value(|e| {
            self.can_undo.set(e.can_undo());
            self.can_redo.set(e.can_redo());
        });
    }

    /// Steps the document back one change of this tab's (an import included);
    /// other tabs' changes stay. The person is told what happened, whatever it was.
    pub fn undo(&self) {
        self.step(true);
    }

    /// Steps forward again one undone change.
    pub fn redo(&self) {
        self.step(false);
    }

    fn step(&self, back: bool) {
        let mut ws = self.workspace.get_untracked();
        let report = self.editor.try_update_value(|e| if back { e.undo(&mut ws) } else { e.redo(&mut ws) }).unwrap_or(StepReport::Nothing);
        if matches!(report, StepReport::Done | StepReport::Partly(_)) {
            self.close_deal();
            self.workspace.set(ws);
        }
        self.refresh_history_flags();
        let pick = |undo: Msg, redo: Msg| if back { undo } else { redo };
        let (msg, kept) = match report {
            StepReport::Refused(why) => {
                let msg = pick(Msg::UndoRefused, Msg::RedoRefused);
                return self.say(Notice::error(move |lang| trf(lang, msg, &[&describe::integrity_error(lang, &why)])));
            }
            StepReport::Done => (pick(Msg::Undone, Msg::Redone), 0),
            StepReport::Partly(kept) => (pick(Msg::UndonePartly, Msg::RedonePartly), kept),
            StepReport::Nothing => (pick(Msg::NothingToUndo, Msg::NothingToRedo), 0),
            StepReport::AlreadyThere => (pick(Msg::AlreadyUndone, Msg::AlreadyRedone), 0),
        };
        // Only the "partly" texts take the count; the others have no placeholder.
        self.say(Notice::info(move |lang| trf(lang, msg, &[&kept.to_string()])));
    }

    /// A different document (a scenario, or back to one's own): its own, empty history.
    pub(crate) fn forget_history(&self) {
        self.editor.update_value(Editor::forget_history);
        self.refresh_history_flags();
    }

    /// A refusal in the person's language, naming the records it is about.
    pub fn describe(&self, error: &CommandError) -> String {
        let lang = self.lang.get_untracked();
        self.workspace.with_untracked(|ws| describe::command_error(lang, error, ws))
    }

    /// Opens a practice scenario in the sandbox, setting the own workspace aside.
    pub fn enter_scenario(&self, id: ScenarioId) {
        self.enter_sandbox(Sandbox::Scenario(id), build_scenario(id, self.lang.get_untracked(), clock::now_ms()));
    }

    /// Opens a workspace that came in a share link, in the sandbox.
    pub fn enter_shared(&self, workspace: Workspace) {
        self.enter_sandbox(Sandbox::Link, workspace);
    }

    fn enter_sandbox(&self, kind: Sandbox, workspace: Workspace) {
        if self.sandbox.get_untracked().is_none() {
            // Nothing is saved while the sandbox is open, so one's own last changes are saved first.
            crate::ui::files::persistence::save_now(*self);
            self.own_workspace.set_value(Some(self.workspace.get_untracked()));
        }
        self.sandbox.set(Some(kind));
        self.editor.update_value(|e| e.engine.set_sandboxed(true));
        self.sandbox_start.set_value(Some(workspace.clone()));
        self.forget_history();
        self.close_deal();
        self.filter.set(Default::default());
        self.workspace.set(workspace);
    }

    /// Puts the sandbox back as it opened.
    pub fn reset_scenario(&self) {
        if let Some(start) = self.sandbox_start.get_value() {
            self.close_deal();
            self.workspace.set(start);
        }
    }

    /// The person's own data: set aside while a sandbox is open, else what is shown.
    pub fn own_data(&self) -> Workspace {
        self.own_workspace.get_value().unwrap_or_else(|| self.workspace.get_untracked())
    }

    /// A scenario still exactly as it opened (its share link can be the short one).
    pub fn untouched_scenario(&self) -> Option<ScenarioId> {
        match self.sandbox.get_untracked()? {
            Sandbox::Scenario(id) => self
                .sandbox_start
                .with_value(|start| start.as_ref().map(|s| self.workspace.with_untracked(|ws| ws == s)))
                .unwrap_or(false)
                .then_some(id),
            Sandbox::Link => None,
        }
    }

    /// Closes the scenario and brings the own workspace back, exactly as it was.
    /// Nothing happens when no sandbox is open (undo history included).
    pub fn leave_sandbox(&self) {
        if self.sandbox.get_untracked().is_none() {
            return;
        }
        if let Some(own) = self.own_workspace.try_update_value(Option::take).flatten() {
            self.close_deal();
            self.filter.set(Default::default());
            self.workspace.set(own);
        }
        self.sandbox.set(None);
        self.editor.update_value(|e| e.engine.set_sandboxed(false));
        self.sandbox_start.set_value(None);
        self.forget_history();
    }

    /// A workspace from elsewhere (a link, a file) made this page's own: it mints new ids with this page's origin.
    pub fn adopt(&self, workspace: Workspace) -> Workspace {
        self.editor.with_value(|e| e.engine.adopt(workspace))
    }

    /// The id of the roadmap being worked on.
    pub fn active_roadmap_id(&self) -> Option<Id> {
        self.workspace.with(|ws| ws.active_roadmap().map(|r| r.id.clone()))
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        tr(self.lang.get(), msg)
    }

    pub fn say(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    /// Downloads the whole workspace as a dated JSON file.
    pub fn export(&self) {
        let state = *self;
        crate::ui::files::codec::with_codec(move |codec| state.export_with(codec));
    }

    fn export_with(&self, codec: &dyn crate::core::files::codec::Codec) {
        // Sample deals stay here: a file goes to teammates, and samples are nobody's data.
        let text = self.workspace.with_untracked(|ws| codec.export_json(&ws.without_samples(), clock::now_ms()));
        // Inside a practice scenario the file is a hand-out for the room, named as such.
        let name = match self.sandbox.get_untracked() {
            Some(Sandbox::Scenario(id)) => format!("waypoint-scenario-{}-{}.json", id.scenario().key, clock::local_today()),
            Some(Sandbox::Link) => format!("waypoint-shared-{}.json", clock::local_today()),
            None => envelope::export_file_name(clock::local_today()),
        };
        if let Err(error) = crate::browser::files::download(&name, &text, "application/json") {
            let detail = format!("{error:?}");
            self.say(Notice::error(move |lang| crate::core::text::i18n::trf(lang, Msg::ExportFailed, &[&detail])));
        }
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens the new-deal dialog on the active roadmap's first stage.
    pub fn start_new_deal(self) {
        let first_stage = self.workspace.with_untracked(|ws| ws.active_roadmap().and_then(|r| r.stages.first()).map(|s| s.id.clone()));
        if let Some(stage_id) = first_stage {
            self.open(Overlay::Deal(Editing::New { stage_id }));
        }
    }

    /// Presentation mode, full screen where the browser allows it (the overlay works without).
    pub fn present(self) {
        self.open(Overlay::Present { qr: false });
        if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    }

    /// A dialog or presentation mode covers the page, so page shortcuts stay quiet.
    pub fn covered(self) -> bool {
        self.overlay.with_untracked(Option::is_some)
    }

    /// Opens a dialog or the presentation (whatever covered the page before closes).
    pub fn open(self, overlay: Overlay) {
        self.overlay.set(Some(overlay));
    }

    /// Closes whatever covers the page.
    pub fn close(self) {
        self.overlay.set(None);
    }

    /// Closes the deal dialog, if that is what is open.
    pub fn close_deal(self) {
        if self.overlay.with_untracked(|o| matches!(o, Some(Overlay::Deal(_)))) {
            self.close();
        }
    }

    /// The deal the dialog is open for (tracked).
    pub fn editing(self) -> Option<Editing> {
        self.overlay.with(|o| match o {
            Some(Overlay::Deal(editing)) => Some(editing.clone()),
            _ => None,
        })
    }

    /// Whether presentation mode is on, and whether it shows the QR code (tracked).
    pub fn presenting(self) -> Option<bool> {
        self.overlay.with(|o| match o {
            Some(Overlay::Present { qr }) => Some(*qr),
            _ => None,
        })
    }

    /// Shows or hides the QR code in presentation mode.
    pub fn toggle_qr(self) {
        self.overlay.update(|o| {
            if let Some(Overlay::Present { qr }) = o {
                *qr = !*qr;
            }
        });
    }
}
