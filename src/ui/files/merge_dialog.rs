//! Merging a teammate's file (or a shared link's workspace): read and check it like an
//! import, show what the merge would do, and apply it as one undoable step only when
//! the user confirms. The merge is worked out again at that moment, on the data as it
//! is then, so a change made meanwhile (in this tab or another) is never overwritten.

use leptos::prelude::*;

use crate::browser::clock::now_ms;
use crate::core::command::Command;
use crate::core::files::merge::{checked_merge, MergeSummary};
use crate::core::model::Workspace;
use crate::core::text::describe;
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::ui::modal::Modal;
use crate::ui::state::{use_app, AppState, Notice};

/// Where the records to merge come from, named in the user's language.
#[derive(Clone, PartialEq)]
pub enum MergeSource {
    File(String),
    /// The workspace of a share link, open in the sandbox.
    Link,
}

impl MergeSource {
    fn name(&self, lang: Lang) -> String {
        match self {
            MergeSource::File(name) => name.clone(),
            MergeSource::Link => tr(lang, Msg::SharedWorkspaceName).to_owned(),
        }
    }
}

/// A merge worked out and waiting for the user's yes.
#[derive(Clone, PartialEq)]
pub struct MergePreview {
    source: MergeSource,
    incoming: Workspace,
    summary: MergeSummary,
    /// Deals the merge brings in on roadmaps other than the one the board shows.
    off_board: usize,
}

/// Works out the merge of a checked workspace into the own data (the sandbox stays
/// open until the user confirms); says why when it cannot, or that nothing is new.
pub fn prepare(state: AppState, source: MergeSource, incoming: Workspace) {
    let own = state.own_data();
    let result = match checked_merge(&own, &incoming, now_ms()) {
        Ok(result) => result,
        Err(error) => {
            return state.say(Notice::error(move |lang| trf(lang, Msg::ImportFailed, &[&describe::import_error(lang, &error)])));
        }
    };
    if result.summary.changes() == 0 {
        return state.say(Notice::info(move |lang| trf(lang, Msg::MergeNothing, &[&source.name(lang)])));
    }
    let active = own.active_roadmap().map(|r| r.id.clone());
    let known: std::collections::HashSet<_> = own.deals.iter().map(|d| d.id.clone()).collect();
    let off_board = result.workspace.deals.iter().filter(|d| !known.contains(&d.id) && Some(&d.roadmap_id) != active.as_ref()).count();
    state.open(crate::ui::state::Overlay::Merge(MergePreview { source, incoming, summary: result.summary, off_board }));
}

#[component]
pub fn MergeDialog(preview: MergePreview) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let close = move || state.close();
    let MergePreview { source, incoming, summary, off_board } = preview;
    let title_source = source.clone();
    let confirm = move |_| {
        close();
        // Back to the own data first: the merge goes there, never into the sandbox.
        state.leave_sandbox();
        match state.workspace.with_untracked(|ws| checked_merge(ws, &incoming, now_ms())) {
            Err(error) => state.say(Notice::error(move |lang| trf(lang, Msg::ImportFailed, &[&describe::import_error(lang, &error)]))),
            Ok(result) => {
                let s = result.summary;
                if state.dispatch(Command::ReplaceWorkspace(Box::new(result.workspace))).is_ok() {
                    state.say(Notice::info(move |lang| {
                        trf(
                            lang,
                            Msg::MergeDone,
                            &[&s.added.to_string(), &s.updated.to_string(), &s.conflicts.to_string(), &s.deleted.to_string()],
                        )
                    }));
                }
            }
        }
    };
    let line = move |msg: Msg, n: usize, testid: &'static str| {
        view! {
            <li data-testid=testid class:muted=n == 0>{move || trf(state.lang.get(), msg, &[&n.to_string()])}</li>
        }
    };
    view! {
        <Modal on_close=move |_| close() labelled_by="merge-title" testid="merge-dialog">
            <h2 id="merge-title" class="dialog-title">{move || { let lang = state.lang.get(); trf(lang, Msg::MergeTitle, &[&title_source.name(lang)]) }}</h2>
            <ul class="merge-summary">
                {line(Msg::MergeAdded, summary.added, "merge-added")}
                {line(Msg::MergeUpdated, summary.updated, "merge-updated")}
                {line(Msg::MergeConflicts, summary.conflicts, "merge-conflicts")}
                {line(Msg::MergeUnchanged, summary.unchanged, "merge-unchanged")}
                {(summary.deleted > 0).then(|| line(Msg::MergeDeleted, summary.deleted, "merge-deleted"))}
                {(summary.kept > 0).then(|| line(Msg::MergeKept, summary.kept, "merge-kept"))}
            </ul>
            {(!summary.people.is_empty()).then(|| view! {
                <ul class="merge-people" data-testid="merge-people">
                    {summary.people.clone().into_iter().map(|person| view! {
                        <li data-testid="merge-person">{move || describe::person_changes(state.lang.get(), &person)}</li>
                    }).collect_view()}
                </ul>
            })}
            {(off_board > 0).then(|| view! {
                <p class="hint" data-testid="merge-off-board">{move || trf(state.lang.get(), Msg::MergeOffBoard, &[&off_board.to_string()])}</p>
            })}
            <Show when=move || state.sandbox.get().is_some()>
                <p class="hint" data-testid="merge-leaves-sandbox">{move || t(Msg::MergeLeavesSandbox)}</p>
            </Show>
            <p class="hint">{move || t(Msg::MergeNote)}</p>
            <div class="form-actions">
                <span class="spacer"></span>
                <button class="btn" data-testid="merge-cancel" on:click=move |_| close()>{move || t(Msg::Cancel)}</button>
                <button class="btn btn-primary" data-testid="merge-confirm" on:click=confirm>{move || t(Msg::MergeConfirm)}</button>
            </div>
        </Modal>
    }
}
