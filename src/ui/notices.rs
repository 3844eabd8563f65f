//! Banners: storage problems stay until fixed; other notices until dismissed or replaced.

use leptos::prelude::*;

use crate::browser::files;
use crate::browser::storage::{keys, LocalStore, Store, StoreFailure};
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::ui::state::{use_app, Sandbox};

fn save_failure_text(lang: Lang, failure: &StoreFailure) -> String {
    match failure {
        StoreFailure::Quota => tr(lang, Msg::SaveFailedQuota).to_owned(),
        StoreFailure::Unavailable => tr(lang, Msg::SaveFailedUnavailable).to_owned(),
        StoreFailure::Other(detail) => trf(lang, Msg::SaveFailedOther, &[detail]),
        StoreFailure::Unverified => tr(lang, Msg::SaveVerifyFailed).to_owned(),
    }
}

/// Downloads a stored copy as readable JSON (a packed copy is unpacked first, with the
/// codec: loaded already whenever a stored copy was read at start-up).
fn download_stored(key: &'static str, name: &'static str) {
    if let Ok(Some(text)) = LocalStore.read(key) {
        crate::ui::files::codec::with_codec(move |codec| {
            let _ = files::download(name, &codec.readable_text(&text), "application/json");
        });
    }
}

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let download_recovery = move |_| download_stored(keys::RECOVERY, "waypoint-recovered.json");
    view! {
        <div class="notices">
            {move || state.save_failure.get().map(|failure| view! {
                <div class="banner banner-error" role="alert" data-testid="save-failure">
                    <span>{move || save_failure_text(state.lang.get(), &failure)}</span>
                    <button class="btn btn-small" on:click=move |_| state.export()>{move || t(Msg::ExportNow)}</button>
                </div>
            })}
            {move || state.newer_copy.get().map(|version| view! {
                <div class="banner banner-error" role="alert" data-testid="newer-copy">
                    <span>{move || trf(state.lang.get(), Msg::NewerCopyStored, &[&version.to_string()])}</span>
                    <button class="btn btn-small btn-primary" on:click=move |_| { let _ = window().location().reload(); }>{move || t(Msg::ReloadPage)}</button>
                    <button class="btn btn-small" data-testid="download-newer" on:click=move |_| download_stored(keys::WORKSPACE, "waypoint-newer.json")>{move || t(Msg::DownloadStoredCopy)}</button>
                </div>
            })}
            {move || state.storage_warning.get().map(|percent| view! {
                <div class="banner banner-sandbox" role="alert" data-testid="storage-warning">
                    <span>{move || trf(state.lang.get(), Msg::StorageAlmostFull, &[&format!("{percent:.0}")])}</span>
                    <button class="btn btn-small" on:click=move |_| state.export()>{move || t(Msg::ExportNow)}</button>
                </div>
            })}
            {move || state.recovered.get().map(|notice| view! {
                <div class="banner banner-error" role="alert" data-testid="recovered">
                    <span>{move || (notice.text)(state.lang.get())}</span>
                    <button class="btn btn-small" data-testid="download-recovery" on:click=download_recovery>{move || t(Msg::DownloadRecovery)}</button>
                    <button class="btn btn-small btn-ghost" on:click=move |_| state.recovered.set(None)>{move || t(Msg::Dismiss)}</button>
                </div>
            })}
            <Show when=move || state.update_ready.get()>
                <div class="banner banner-info" role="status" data-testid="update-ready">
                    <span>{move || t(Msg::UpdateReady)}</span>
                    <button class="btn btn-small btn-primary" data-testid="reload-update" on:click=move |_| {
                        crate::ui::files::persistence::save_now(state);
                        crate::browser::offline::switch_to_new_version();
                    }>{move || t(Msg::ReloadNow)}</button>
                </div>
            </Show>
            {move || state.sandbox.get().map(|kind| {
                view! {
                    <div class="banner banner-sandbox" role="status" data-testid="sandbox-banner">
                        <span>{move || {
                            let lang = state.lang.get();
                            match kind {
                                Sandbox::Scenario(id) => {
                                    let scenario = id.scenario();
                                    let (name, summary) = (lang.pick(scenario.name), lang.pick(scenario.summary));
                                    format!("{} {}", trf(lang, Msg::SandboxBanner, &[name]), summary)
                                }
                                Sandbox::Link => tr(lang, Msg::LinkSandboxBanner).to_owned(),
                            }
                        }}</span>
                        <button class="btn btn-small" data-testid="reset-scenario" on:click=move |_| {
                            state.reset_scenario();
                            state.say(crate::ui::state::Notice::info(|lang| tr(lang, Msg::ScenarioReset).to_owned()));
                        }>{move || t(Msg::ResetScenario)}</button>
                        {(kind == Sandbox::Link).then(|| view! {
                            <button class="btn btn-small" data-testid="merge-shared" title=move || t(Msg::MergeSharedLabel) on:click=move |_| {
                                // What is open now (with any changes made in the sandbox) is offered to the own data.
                                let shared = state.workspace.get_untracked();
                                let source = crate::ui::files::merge_dialog::MergeSource::Link;
                                leptos::task::spawn_local(crate::ui::lazy::prepare_merge(state, source, shared));
                            }>{move || t(Msg::MergeShared)}</button>
                        })}
                        <button class="btn btn-small btn-primary" data-testid="leave-sandbox" on:click=move |_| state.leave_sandbox()>{move || t(Msg::LeaveSandbox)}</button>
                    </div>
                }
            })}
            <div class="notice-slot" role="status" aria-live="polite">
                {move || state.notice.get().map(|notice| {
                    let class = if notice.is_error { "banner banner-error" } else { "banner banner-info" };
                    view! {
                        <div class=class data-testid="notice">
                            <span>{move || (notice.text)(state.lang.get())}</span>
                            <button
                                class="btn btn-small btn-ghost"
                                aria-label=move || t(Msg::Dismiss)
                                on:click=move |_| state.notice.set(None)
                            >"×"</button>
                        </div>
                    }
                })}
            </div>
        </div>
    }
}
