//! The team list: everyone who owns deals and everyone added by hand. Add someone
//! before they own a deal, put a name right on every deal at once, retire someone
//! who left (they stay on what they own, and are no longer offered as an owner).

use leptos::prelude::*;

use crate::core::command::Command;
use crate::core::deal::team::{team, TeamEntry};
use crate::core::text::i18n::{trf, Msg};
use crate::ui::modal::Modal;
use crate::ui::state::use_app;

#[component]
pub fn TeamDialog() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let entries = Memo::new(move |_| state.workspace.with(team));
    let new_name = RwSignal::new(String::new());
    let add = move || {
        let name = new_name.get_untracked();
        if state.dispatch(Command::AddMember { name }).is_ok() {
            new_name.set(String::new());
        }
    };
    view! {
        <Modal on_close=move |_| state.close() labelled_by="team-title" testid="team-dialog">
            <h2 id="team-title" class="dialog-title">{move || t(Msg::TeamTitle)}</h2>
            <p class="hint">{move || t(Msg::TeamHint)}</p>
            <ul class="team-list">
                <For each=move || entries.get() key=|e| (e.name.clone(), e.retired, e.deals) let:entry>
                    <TeamRow entry=entry/>
                </For>
            </ul>
            <form class="team-add" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <input type="text" data-testid="team-new-name" aria-label=move || t(Msg::TeamNewName)
                    placeholder=move || t(Msg::TeamNewName) prop:value=move || new_name.get()
                    on:input=move |ev| new_name.set(event_target_value(&ev))/>
                <button type="submit" class="btn" data-testid="team-add">{move || t(Msg::TeamAdd)}</button>
            </form>
            <crate::ui::files::team_file::TeamFileSection/>
            <div class="form-actions">
                <span class="spacer"></span>
                <button class="btn btn-primary" data-testid="team-close" on:click=move |_| state.close()>{move || t(Msg::Close)}</button>
            </div>
        </Modal>
    }
}

#[component]
fn TeamRow(entry: TeamEntry) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let renaming = RwSignal::new(None::<String>);
    let TeamEntry { name, retired, deals } = entry;
    let (for_rename, for_retire, for_save) = (name.clone(), name.clone(), name.clone());
    let from = StoredValue::new(for_save);
    let save = move || {
        let Some(to) = renaming.get_untracked() else { return };
        if state.dispatch(Command::RenameMember { from: from.get_value(), to }).is_ok() {
            renaming.set(None);
        }
    };
    view! {
        <li class="team-row" class:retired=retired data-testid="team-row">
            {move || match renaming.get() {
                Some(text) => view! {
                    <form class="team-rename" on:submit=move |ev| { ev.prevent_default(); save(); }>
                        <input type="text" data-testid="team-rename-input" aria-label=move || t(Msg::TeamRename)
                            prop:value=text on:input=move |ev| renaming.set(Some(event_target_value(&ev)))/>
                        <button type="submit" class="btn btn-small btn-primary" data-testid="team-rename-save">{move || t(Msg::Save)}</button>
                        <button type="button" class="btn btn-small" on:click=move |_| renaming.set(None)>{move || t(Msg::Cancel)}</button>
                    </form>
                }.into_any(),
                None => {
                    let (name, for_rename) = (name.clone(), for_rename.clone());
                    view! {
                        <span class="team-name" data-testid="team-name">{name}</span>
                        <span class="team-deals muted">{move || trf(state.lang.get(), Msg::TeamDeals, &[&deals.to_string()])}</span>
                        {retired.then(|| view! { <span class="badge" data-testid="team-retired">{move || t(Msg::TeamRetired)}</span> })}
                        <span class="spacer"></span>
                        <button class="btn btn-small" data-testid="team-rename" on:click=move |_| renaming.set(Some(for_rename.clone()))>
                            {move || t(Msg::TeamRename)}
                        </button>
                    }.into_any()
                }
            }}
            <button class="btn btn-small" data-testid="team-retire" on:click=move |_| {
                let _ = state.dispatch(Command::RetireMember { name: for_retire.clone(), retired: !retired });
            }>{move || t(if retired { Msg::TeamBringBack } else { Msg::TeamRetire })}</button>
        </li>
    }
}
