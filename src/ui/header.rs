//! The top bar: product name, roadmap, and the workspace-wide actions.

use leptos::prelude::*;

use crate::core::command::Command;
use crate::core::learn::scenarios::ScenarioId;
use crate::core::text::i18n::{tr, trf, Msg};
use crate::ui::files::persistence::remember_lang;
use crate::ui::files::transfer::{self, Purpose};
use crate::ui::state::{use_app, Notice, Screen};

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let file_input: NodeRef<leptos::html::Input> = NodeRef::new();
    // On a phone the actions fold into a menu under the top bar.
    let menu_open = RwSignal::new(false);
    let merge_input: NodeRef<leptos::html::Input> = NodeRef::new();

    let roadmap_name =
        move || state.workspace.with(|ws| ws.active_roadmap().map(|r| r.name.get(state.lang.get()).to_owned()).unwrap_or_default());
    let new_deal = move |_| state.start_new_deal();
    let switch_lang = move |_| {
        let next = state.lang.get_untracked().other();
        state.lang.set(next);
        remember_lang(next);
    };
    let remove_samples = move |_| {
        let confirmed = window().confirm_with_message(t(Msg::RemoveSamplesConfirm)).unwrap_or(false);
        if confirmed && state.dispatch(Command::RemoveSamples).is_ok() {
            state.say(Notice::info(|lang| tr(lang, Msg::SamplesRemoved).to_owned()));
        }
    };
    let export_csv = move |ev: leptos::ev::Event| {
        let choice = event_target_value(&ev);
        // An action menu: it shows its prompt again after each use.
        event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
        leptos::task::spawn_local(crate::ui::lazy::export_csv(state, choice));
    };
    let pick_file = move |_| {
        if let Some(input) = file_input.get() {
            input.click();
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        if let Some(file) = transfer::picked_file(&ev) {
            transfer::import_file(state, file, Purpose::Replace);
        }
    };
    let sheet_input = NodeRef::<leptos::html::Input>::new();
    let on_sheet_file = move |ev: leptos::ev::Event| {
        if let Some(file) = transfer::picked_file(&ev) {
            transfer::open_sheet(state, file);
        }
    };
    let on_merge_file = move |ev: leptos::ev::Event| {
        if let Some(file) = transfer::picked_file(&ev) {
            transfer::import_file(state, file, Purpose::Merge);
        }
    };

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <div>
                    <h1 class="brand-name">{move || t(Msg::AppName)}</h1>
                    <p class="brand-tagline">{move || t(Msg::AppTagline)}</p>
                </div>
            </div>
            <p class="roadmap-name" data-testid="roadmap-name">
                {move || trf(state.lang.get(), Msg::RoadmapLabel, &[&roadmap_name()])}
                <TeamFileChip/>
            </p>
            <nav class="tabs" aria-label=move || t(Msg::ScreensLabel)>
                {[(Screen::Board, Msg::Pipeline, "tab-board"), (Screen::Agenda, Msg::TabAgenda, "tab-agenda"), (Screen::Analytics, Msg::TabAnalytics, "tab-analytics"), (Screen::Roadmap, Msg::TabRoadmap, "tab-roadmap"), (Screen::Learn, Msg::TabLearn, "tab-learn")]
                    .into_iter()
                    .map(|(screen, label, testid)| view! {
                        <button
                            class="tab"
                            class:active=move || state.screen.get() == screen
                            aria-current=move || (state.screen.get() == screen).then_some("page")
                            data-testid=testid
                            // The full name, whichever label fits on screen (the short one is a part of it).
                            aria-label=move || t(label)
                            on:click=move |_| state.screen.set(screen)
                        >
                            <span class="tab-long">{move || t(label)}</span>
                            // A phone's bottom bar has a fifth of the width for each label.
                            <span class="tab-short">{move || t(short_label(label))}</span>
                        </button>
                    })
                    .collect_view()}
            </nav>
            <button class="btn more-toggle" data-testid="more-actions" aria-expanded=move || menu_open.get().to_string()
                aria-controls="header-actions" aria-label=move || t(Msg::MoreActions) on:click=move |_| menu_open.update(|open| *open = !*open)>
                "☰"
            </button>
            <nav class="actions" class:open=move || menu_open.get() id="header-actions" aria-label="Waypoint"
                on:click=move |ev| {
                    // A button in the menu does its work and folds the menu; a list stays open for its choice.
                    let on_button = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
                        .is_some_and(|e| e.closest("button").ok().flatten().is_some());
                    if on_button {
                        menu_open.set(false);
                    }
                }>
                <button class="btn btn-icon" data-testid="undo" aria-label=move || t(Msg::Undo) title=move || t(Msg::Undo)
                    disabled=move || !state.can_undo.get() on:click=move |_| state.undo()>"↶"</button>
                <button class="btn btn-icon" data-testid="redo" aria-label=move || t(Msg::Redo) title=move || t(Msg::Redo)
                    disabled=move || !state.can_redo.get() on:click=move |_| state.redo()>"↷"</button>
                <button class="btn" data-testid="present" title=move || t(Msg::PresentLabel) on:click=move |_| state.present()>"▶ " {move || t(Msg::Present)}</button>
                <button class="btn btn-primary" data-testid="new-deal" on:click=new_deal>
                    "+ " {move || t(Msg::NewDeal)}
                </button>
                <Show when=move || state.workspace.with(|ws| ws.has_samples())>
                    <button class="btn" data-testid="remove-samples" on:click=remove_samples>
                        {move || t(Msg::RemoveSamples)}
                    </button>
                </Show>
                <select class="btn" data-testid="practice" aria-label=move || t(Msg::Practice) on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
                    if let Some(id) = ScenarioId::from_key(&chosen) { state.enter_scenario(id) }
                }>
                    <option value="" selected>{move || t(Msg::Practice)}</option>
                    {ScenarioId::ALL.into_iter().map(|id| {
                        let scenario = id.scenario();
                        view! { <option value=scenario.key>{move || state.lang.get().pick(scenario.name)}</option> }
                    }).collect_view()}
                </select>
                <button class="btn" data-testid="export" title=move || t(Msg::ExportLabel) on:click=move |_| state.export()>
                    {move || t(Msg::Export)}
                </button>
                <select class="btn" data-testid="export-csv" aria-label=move || t(Msg::ExportCsv) on:change=export_csv>
                    <option value="" selected>{move || t(Msg::ExportCsv)}</option>
                    <option value="deals">{move || t(Msg::ExportDealsCsv)}</option>
                    <option value="milestones">{move || t(Msg::ExportMilestonesCsv)}</option>
                </select>
                <button class="btn" data-testid="import" title=move || t(Msg::ImportLabel) on:click=pick_file>
                    {move || t(Msg::Import)}
                </button>
                <button class="btn" data-testid="import-sheet" title=move || t(Msg::ImportSheetLabel) on:click=move |_| {
                    if let Some(input) = sheet_input.get() { input.click() }
                }>{move || t(Msg::ImportSheet)}</button>
                <input type="file" accept=".csv,.xlsx,.xls,.txt,.tsv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                    class="visually-hidden" data-testid="sheet-file" aria-label=move || t(Msg::ImportSheetLabel) tabindex="-1"
                    node_ref=sheet_input on:change=on_sheet_file/>
                <button class="btn" data-testid="merge" title=move || t(Msg::MergeLabel) on:click=move |_| {
                    if let Some(input) = merge_input.get() { input.click() }
                }>{move || t(Msg::Merge)}</button>
                <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="merge-file"
                    aria-label=move || t(Msg::MergeLabel) tabindex="-1" node_ref=merge_input on:change=on_merge_file/>
                <button class="btn" data-testid="share" title=move || t(Msg::ShareLabel) on:click=move |_| state.open(crate::ui::state::Overlay::Share)>
                    {move || t(Msg::Share)}
                </button>
                <input
                    type="file"
                    accept=".json,application/json"
                    class="visually-hidden"
                    data-testid="import-file"
                    aria-label=move || t(Msg::ImportLabel)
                    tabindex="-1"
                    node_ref=file_input
                    on:change=on_file
                />
                <button class="btn" data-testid="help" title=move || t(Msg::HelpLabel) aria-label=move || t(Msg::HelpLabel)
                    on:click=move |_| state.open(crate::ui::state::Overlay::Help(crate::ui::help_dialog::HelpTab::Guide))>"? " {move || t(Msg::Help)}</button>
                <button
                    class="btn btn-lang"
                    data-testid="switch-lang"
                    aria-label=move || t(Msg::SwitchLanguageLabel)
                    on:click=switch_lang
                >
                    {move || t(Msg::SwitchLanguage)}
                </button>
            </nav>
        </header>
    }
}

/// The team file's state in a word or two, while a file is linked; opens the team dialog.
#[component]
fn TeamFileChip() -> impl IntoView {
    use crate::ui::files::team_file::{status_text, use_team_file, TeamFileStatus};
    let state = use_app();
    let Some(team) = use_team_file() else { return ().into_any() };
    let shown = move || !team.status.with(|s| matches!(s, TeamFileStatus::Off | TeamFileStatus::Unsupported));
    let trouble = move || team.status.with(|s| !matches!(s, TeamFileStatus::Synced { .. } | TeamFileStatus::Syncing(_)));
    view! {
        <Show when=shown>
            <button class="team-chip" class:trouble=trouble data-testid="team-file-chip"
                on:click=move |_| state.open(crate::ui::state::Overlay::Team)>
                {move || team.status.with(|s| status_text(state.lang.get(), s))}
            </button>
        </Show>
    }
    .into_any()
}

/// The label a tab shows in a phone's bottom bar: the same words, shorter where they would not fit.
fn short_label(label: Msg) -> Msg {
    match label {
        Msg::TabRoadmap => Msg::TabRoadmapShort,
        other => other,
    }
}
