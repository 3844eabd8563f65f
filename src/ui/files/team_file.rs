//! The team file in the shell: linking a file in a synced folder, keeping the link
//! across restarts, and syncing it when the page comes back into view, every 30
//! seconds while it is visible, and shortly after each change. The sync itself is
//! `core::files::team_file`; this is when it runs and what the person is told.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use send_wrapper::SendWrapper;

use crate::browser::clock::{local_time, now_ms};
use crate::browser::team_file::{self as fs, FileError, TeamFileHandle};
use crate::core::command::Command;
use crate::core::files::envelope::ImportError;
use crate::ui::state::AppState;

/// How often a visible page looks at the team file.
const POLL: Duration = Duration::from_secs(30);
/// How long after a change the file is written, so a burst of edits writes once.
const SETTLE: Duration = Duration::from_secs(2);

/// Where the team file stands, for the team dialog and the header.
#[derive(Clone, Debug, PartialEq)]
pub enum TeamFileStatus {
    /// This browser cannot link to files.
    Unsupported,
    /// No file is linked.
    Off,
    /// Linked; the first sync is under way.
    Syncing(String),
    /// Synced at a time of day, bringing this many changes (the person who made most, if named).
    Synced { name: String, at: String, changes: usize, from: Option<String> },
    /// Linked, but the browser needs the person's permission again (after a restart).
    NeedsPermission(String),
    /// The person did not give permission.
    Denied(String),
    /// The file is gone from where it was.
    Gone(String),
    /// The file is not a Waypoint file any more (why); nothing was changed.
    Damaged(String, ImportError),
    /// The file cannot be reached for now; it is tried again.
    Unreachable(String),
}

/// The team file of this page.
#[derive(Clone, Copy)]
pub struct TeamFile {
    /// Where it stands.
    pub status: RwSignal<TeamFileStatus>,
    handle: StoredValue<Option<SendWrapper<TeamFileHandle>>>,
    busy: StoredValue<bool>,
    again: StoredValue<bool>,
    edits: StoredValue<u64>,
    /// The file's text (as a hash) and the count of edits here at the last sync: when
    /// neither has changed, a poll has nothing to merge and skips the work.
    synced: StoredValue<Option<(u64, u64)>>,
}

pub fn use_team_file() -> Option<TeamFile> {
    use_context::<TeamFile>()
}

impl TeamFile {
    /// Starts the team file for the page: a link kept from an earlier visit is
    /// picked up, and the page syncs on focus, on a timer and after changes.
    pub fn install(state: AppState) -> TeamFile {
        let status = if fs::supported() { TeamFileStatus::Off } else { TeamFileStatus::Unsupported };
        let team = TeamFile {
            status: RwSignal::new(status),
            handle: StoredValue::new(None),
            busy: StoredValue::new(false),
            again: StoredValue::new(false),
            edits: StoredValue::new(0),
            synced: StoredValue::new(None),
        };
        if !fs::supported() {
            return team;
        }
        // A link kept from an earlier visit is looked up once the board is painted (opening
        // the browser's database is start-up work the first screen need not wait on).
        crate::ui::after_paint::after_next_paint(move || {
            spawn_local(async move {
                if let Some(handle) = fs::recall().await {
                    team.handle.set_value(Some(SendWrapper::new(handle)));
                    team.sync(state, false);
                }
            })
        });
        let focus = window_event_listener(leptos::ev::focus, move |_| team.sync(state, false));
        let poll = set_interval_with_handle(
            move || {
                if document().visibility_state() == web_sys::VisibilityState::Visible {
                    team.sync(state, false);
                }
            },
            POLL,
        )
        .ok();
        // A change is written shortly after it, once the edits settle.
        Effect::new(move |first: Option<()>| {
            state.workspace.track();
            if first.is_none() || !team.linked() {
                return;
            }
            let edit = team.edits.get_value() + 1;
            team.edits.set_value(edit);
            set_timeout(
                move || {
                    if team.edits.get_value() == edit {
                        team.sync(state, false);
                    }
                },
                SETTLE,
            );
        });
        on_cleanup(move || {
            focus.remove();
            if let Some(poll) = poll {
                poll.clear();
            }
        });
        team
    }

    fn linked(&self) -> bool {
        self.handle.with_value(Option::is_some)
    }

    fn file(&self) -> Option<TeamFileHandle> {
        self.handle.with_value(|h| h.as_ref().map(|h| (**h).clone()))
    }

    /// Lets the person choose the team file (an existing one, or a new one) and syncs it.
    pub fn connect(self, state: AppState, create: bool) {
        spawn_local(async move {
            match fs::pick(create).await {
                Ok(handle) => {
                    fs::remember(&handle).await;
                    self.status.set(TeamFileStatus::Syncing(handle.name()));
                    self.handle.set_value(Some(SendWrapper::new(handle)));
                    self.synced.set_value(None);
                    self.sync(state, true);
                }
                Err(FileError::Cancelled) => {}
                Err(error) => self.status.set(problem(String::new(), error)),
            }
        });
    }

    /// Unlinks the file; the data here stays as it is.
    pub fn disconnect(self) {
        self.handle.set_value(None);
        self.synced.set_value(None);
        self.status.set(TeamFileStatus::Off);
        spawn_local(fs::forget());
    }

    /// Syncs now; with `ask`, the browser may ask for permission (right after a click).
    pub fn sync(self, state: AppState, ask: bool) {
        if self.busy.get_value() {
            self.again.set_value(true);
            return;
        }
        let Some(handle) = self.file() else { return };
        self.busy.set_value(true);
        spawn_local(async move {
            run(self, state, &handle, ask).await;
            self.busy.set_value(false);
            if self.again.get_value() {
                self.again.set_value(false);
                self.sync(state, false);
            }
        });
    }
}

async fn run(team: TeamFile, state: AppState, handle: &TeamFileHandle, ask: bool) {
    let name = handle.name();
    // A practice scenario is not the team's data.
    if state.sandbox.get_untracked().is_some() {
        return;
    }
    match fs::allowed(handle, ask).await {
        Ok(true) => {}
        Ok(false) if ask => return team.status.set(TeamFileStatus::Denied(name)),
        Ok(false) => return team.status.set(TeamFileStatus::NeedsPermission(name)),
        Err(error) => return team.status.set(problem(name, error)),
    }
    let text = match fs::read(handle).await {
        Ok(text) => text,
        Err(error) => return team.status.set(problem(name, error)),
    };
    let edits = team.edits.get_value();
    let settled = team.status.with_untracked(|s| matches!(s, TeamFileStatus::Synced { .. }));
    let read_print = fingerprint(&text);
    if settled && !ask && team.synced.get_value() == Some((read_print, edits)) {
        return;
    }
    // The merge code loads with the first sync (src/ui/lazy.rs): most pages never link a team
    // file. Loaded first, so the step below is worked out on the data as it is now, and applied
    // before anything else can run (a loaded part's call completes without yielding).
    crate::ui::lazy::load_team_sync().await;
    let own = state.workspace.get_untracked();
    let step = match crate::ui::lazy::team_sync(own, text, now_ms()).await {
        Ok(step) => step,
        Err(reason) => return team.status.set(TeamFileStatus::Damaged(name, reason)),
    };
    if let Some(next) = step.adopt {
        if state.sandbox.get_untracked().is_some() || state.dispatch(Command::ReplaceWorkspace(Box::new(next))).is_err() {
            return;
        }
    }
    // What the file holds now, to know next time whether anyone changed it since.
    let in_file = match step.write {
        Some(out) => match fs::write(handle, &out).await {
            Ok(()) => fingerprint(&out),
            Err(error) => return team.status.set(problem(name, error)),
        },
        None => read_print,
    };
    team.synced.set_value(Some((in_file, edits)));
    let from = step.summary.people.iter().max_by_key(|p| p.added + p.updated + p.deleted).map(|p| p.name.clone());
    team.status.set(TeamFileStatus::Synced { name, at: local_time(), changes: step.summary.changes(), from });
}

fn fingerprint(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

fn problem(name: String, error: FileError) -> TeamFileStatus {
    match error {
        FileError::Gone => TeamFileStatus::Gone(name),
        FileError::NotAllowed => TeamFileStatus::Denied(name),
        FileError::Cancelled | FileError::Unreachable => TeamFileStatus::Unreachable(name),
    }
}

/// What the status says to the person, in their language.
pub fn status_text(lang: crate::core::text::i18n::Lang, status: &TeamFileStatus) -> String {
    use crate::core::text::describe;
    use crate::core::text::i18n::{tr, trf, Msg};
    match status {
        TeamFileStatus::Unsupported => tr(lang, Msg::TeamFileUnsupported).to_owned(),
        TeamFileStatus::Off => tr(lang, Msg::TeamFileHint).to_owned(),
        TeamFileStatus::Syncing(name) => format!("{} · {}", trf(lang, Msg::TeamFileLinked, &[name]), tr(lang, Msg::TeamFileSyncing)),
        TeamFileStatus::Synced { at, changes, from, .. } => {
            let synced = trf(lang, Msg::TeamFileSynced, &[at]);
            match (changes, from) {
                (0, _) => synced,
                (n, Some(person)) => format!("{synced} · {}", trf(lang, Msg::TeamFileChangesFrom, &[person, &n.to_string()])),
                (n, None) => format!("{synced} · {}", trf(lang, Msg::TeamFileChanges, &[&n.to_string()])),
            }
        }
        TeamFileStatus::NeedsPermission(name) => trf(lang, Msg::TeamFileNeedsPermission, &[name]),
        TeamFileStatus::Denied(name) => trf(lang, Msg::TeamFileDenied, &[name]),
        TeamFileStatus::Gone(name) => trf(lang, Msg::TeamFileGone, &[name]),
        TeamFileStatus::Damaged(name, reason) => trf(lang, Msg::TeamFileDamaged, &[name, &describe::import_error(lang, reason)]),
        TeamFileStatus::Unreachable(name) => trf(lang, Msg::TeamFileUnreachable, &[name]),
    }
}

/// The team file's part of the team dialog: link, status, sync, unlink.
#[component]
pub fn TeamFileSection() -> impl IntoView {
    use crate::core::text::i18n::Msg;
    let state = crate::ui::state::use_app();
    let t = move |msg| state.t(msg);
    let Some(team) = use_team_file() else { return ().into_any() };
    let status = team.status;
    let text = move || status.with(|s| status_text(state.lang.get(), s));
    let problem = move || {
        status.with(|s| {
            matches!(s, TeamFileStatus::Gone(_) | TeamFileStatus::Damaged(..) | TeamFileStatus::Denied(_) | TeamFileStatus::Unreachable(_))
        })
    };
    view! {
        <section class="team-file" data-testid="team-file">
            <h3 class="section-title">{move || t(Msg::TeamFileTitle)}</h3>
            {move || status.with(|s| match s {
                TeamFileStatus::Synced { name, .. } | TeamFileStatus::Syncing(name) => Some(name.clone()),
                _ => None,
            }).map(|name| view! { <p class="team-file-name">{move || crate::core::text::i18n::trf(state.lang.get(), Msg::TeamFileLinked, &[&name])}</p> })}
            <p class="hint" class:error-text=problem data-testid="team-file-status" role="status">{text}</p>
            <div class="form-actions team-file-actions">
                {move || match status.get() {
                    TeamFileStatus::Unsupported => ().into_any(),
                    TeamFileStatus::Off => view! {
                        <button class="btn btn-primary" data-testid="team-file-open" on:click=move |_| team.connect(state, false)>{move || t(Msg::TeamFileOpen)}</button>
                        <button class="btn" data-testid="team-file-create" on:click=move |_| team.connect(state, true)>{move || t(Msg::TeamFileCreate)}</button>
                    }.into_any(),
                    TeamFileStatus::NeedsPermission(_) | TeamFileStatus::Denied(_) => view! {
                        <button class="btn btn-primary" data-testid="team-file-grant" on:click=move |_| team.sync(state, true)>{move || t(Msg::TeamFileGrant)}</button>
                        <button class="btn" data-testid="team-file-disconnect" on:click=move |_| team.disconnect()>{move || t(Msg::TeamFileDisconnect)}</button>
                    }.into_any(),
                    TeamFileStatus::Gone(_) | TeamFileStatus::Damaged(..) => view! {
                        <button class="btn btn-primary" data-testid="team-file-open" on:click=move |_| team.connect(state, false)>{move || t(Msg::TeamFileRepick)}</button>
                        <button class="btn" data-testid="team-file-disconnect" on:click=move |_| team.disconnect()>{move || t(Msg::TeamFileDisconnect)}</button>
                    }.into_any(),
                    _ => view! {
                        <button class="btn" data-testid="team-file-sync" on:click=move |_| team.sync(state, true)>{move || t(Msg::TeamFileSyncNow)}</button>
                        <button class="btn" data-testid="team-file-disconnect" on:click=move |_| team.disconnect()>{move || t(Msg::TeamFileDisconnect)}</button>
                    }.into_any(),
                }}
            </div>
        </section>
    }
    .into_any()
}
