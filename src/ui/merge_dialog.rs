//! Merging a teammate's file: read and check it like an import, show what the merge
//! would do, and apply it as one undoable step only when the user confirms.

use leptos::prelude::*;

use super::modal::Modal;
use super::state::{use_app, AppState, Notice};
use crate::core::command::Command;
use crate::core::i18n::{trf, Msg};
use crate::core::merge::{merge, MergeSummary};
use crate::core::model::Workspace;
use crate::core::{describe, validate};

/// A merge worked out and waiting for the user's yes.
#[derive(Clone)]
pub struct MergePreview {
    pub file_name: String,
    pub merged: Workspace,
    pub summary: MergeSummary,
    /// Deals the merge brings in on roadmaps other than the one the board shows.
    pub off_board: usize,
}

/// Works out the merge of a checked file; says so when there is nothing to merge.
pub fn prepare(state: AppState, file_name: String, incoming: &Workspace) {
    let result = state.workspace.with_untracked(|ws| merge(ws, incoming));
    if let Err(error) = validate::check(&result.workspace) {
        state.say(Notice::error_now(|lang| describe::integrity_error(lang, &error)));
        return;
    }
    if result.summary.changes() == 0 {
        state.say(Notice::info(move |lang| trf(lang, Msg::MergeNothing, &[&file_name])));
        return;
    }
    let off_board = state.workspace.with_untracked(|ws| {
        let active = ws.active_roadmap().map(|r| r.id.clone());
        let known: std::collections::HashSet<_> = ws.deals.iter().map(|d| d.id.clone()).collect();
        result.workspace.deals.iter().filter(|d| !known.contains(&d.id) && Some(&d.roadmap_id) != active.as_ref()).count()
    });
    state.merging.set(Some(MergePreview { file_name, merged: result.workspace, summary: result.summary, off_board }));
}

#[component]
pub fn MergeDialog(preview: MergePreview) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let close = move || state.merging.set(None);
    let MergePreview { file_name, merged, summary, off_board } = preview;
    let s = summary.clone();
    let confirm = move |_| {
        let s = s.clone();
        if state.dispatch(Command::ReplaceWorkspace(Box::new(merged.clone()))).is_ok() {
            state.editing.set(None);
            state.say(Notice::info(move |lang| {
                trf(lang, Msg::MergeDone, &[&s.added.to_string(), &s.updated.to_string(), &s.conflicts.to_string()])
            }));
        }
        close();
    };
    let line = move |msg: Msg, n: usize, testid: &'static str| view! {
        <li data-testid=testid class:muted=n == 0>{move || trf(state.lang.get(), msg, &[&n.to_string()])}</li>
    };
    view! {
        <Modal on_close=move |_| close() labelled_by="merge-title" testid="merge-dialog">
            <h2 id="merge-title" class="dialog-title">{move || trf(state.lang.get(), Msg::MergeTitle, &[&file_name])}</h2>
            <ul class="merge-summary">
                {line(Msg::MergeAdded, summary.added, "merge-added")}
                {line(Msg::MergeUpdated, summary.updated, "merge-updated")}
                {line(Msg::MergeConflicts, summary.conflicts, "merge-conflicts")}
                {line(Msg::MergeUnchanged, summary.unchanged, "merge-unchanged")}
            </ul>
            {(off_board > 0).then(|| view! {
                <p class="hint" data-testid="merge-off-board">{move || trf(state.lang.get(), Msg::MergeOffBoard, &[&off_board.to_string()])}</p>
            })}
            <p class="hint">{move || t(Msg::MergeNote)}</p>
            <div class="form-actions">
                <span class="spacer"></span>
                <button class="btn" data-testid="merge-cancel" on:click=move |_| close()>{move || t(Msg::Cancel)}</button>
                <button class="btn btn-primary" data-testid="merge-confirm" on:click=confirm>{move || t(Msg::MergeConfirm)}</button>
            </div>
        </Modal>
    }
}
