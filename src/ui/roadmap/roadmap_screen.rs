//! The roadmap design screen: which roadmap, the chart, and the stage list.

use leptos::prelude::*;

use crate::core::command::{Command, Outcome};
use crate::core::model::{GateMode, Id};
use crate::core::roadmap::edit::RoadmapSource;
use crate::core::roadmap::templates::TemplateId;
use crate::core::text::i18n::{trf, Msg};
use crate::ui::roadmap::roadmap_chart::RoadmapChart;
use crate::ui::roadmap::stage_editor::StageList;
use crate::ui::state::{use_app, Notice};

#[component]
pub fn RoadmapScreen() -> impl IntoView {
    view! {
        <div class="roadmap-screen">
            <RoadmapToolbar/>
            <RoadmapChart/>
            <StageList/>
        </div>
    }
}

#[component]
fn RoadmapToolbar() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let active = move || state.active_roadmap_id();
    let roadmaps = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| ws.roadmaps.iter().map(|r| (r.id.clone(), r.name.get(lang).to_owned())).collect::<Vec<_>>())
    };
    let active_name = move || {
        let lang = state.lang.get();
        state.workspace.with(|ws| ws.active_roadmap().map(|r| r.name.get(lang).to_owned()).unwrap_or_default())
    };

    let choose = move |ev: leptos::ev::Event| {
        let _ = state.dispatch(Command::SetActiveRoadmap { roadmap_id: Id::from(event_target_value(&ev)) });
    };
    let create = move |ev: leptos::ev::Event| {
        let choice = event_target_value(&ev);
        let lang = state.lang.get_untracked();
        let source = match TemplateId::ALL.into_iter().find(|t| t.key() == choice) {
            Some(template) => Some((RoadmapSource::Template(template), template.name())),
            None if choice == "copy" => state.workspace.with_untracked(|ws| {
                ws.active_roadmap().map(|r| {
                    let name = crate::core::text::Text::plain(trf(lang, Msg::CopyName, &[r.name.get(lang)]));
                    (RoadmapSource::CopyOf(r.id.clone()), name)
                })
            }),
            None => None,
        };
        // The picker is an action menu: it always shows its prompt again.
        event_target::<web_sys::HtmlSelectElement>(&ev).set_value("");
        if let Some((source, name)) = source {
            let shown = name.get(lang).to_owned();
            if let Ok(Outcome::Created(_)) = state.dispatch(Command::CreateRoadmap { source, name }) {
                state.say(Notice::info(move |lang| trf(lang, Msg::RoadmapCreated, &[&shown])));
            }
        }
    };
    let rename = move |ev: leptos::ev::Event| {
        let lang = state.lang.get_untracked();
        let value = event_target_value(&ev);
        let current = state.workspace.with_untracked(|ws| ws.active_roadmap().map(|r| (r.id.clone(), r.name.clone())));
        if let Some((roadmap_id, name)) = current {
            let _ = state.dispatch(Command::RenameRoadmap { roadmap_id, name: name.with(lang, value.trim()) });
        }
    };
    let delete = move |_| {
        let Some(roadmap_id) = active() else { return };
        let question = trf(state.lang.get_untracked(), Msg::DeleteRoadmapConfirm, &[&active_name()]);
        if window().confirm_with_message(&question).unwrap_or(false) {
            let _ = state.dispatch(Command::DeleteRoadmap { roadmap_id });
        }
    };
    let gate_mode = move |ev: leptos::ev::Event| {
        let mode = if event_target_value(&ev) == "refuse" { GateMode::Refuse } else { GateMode::Confirm };
        let _ = state.dispatch(Command::SetGateMode(mode));
    };
    let refusing = move || state.workspace.with(|ws| ws.settings.gate_mode == GateMode::Refuse);

    view! {
        <section class="panel toolbar">
            <label class="toolbar-field">
                <span class="field-label">{move || t(Msg::RoadmapSelect)}</span>
                <select data-testid="roadmap-select" on:change=choose>
                    {move || roadmaps().into_iter().map(|(id, name)| {
                        let selected = active().as_ref() == Some(&id);
                        view! { <option value=id.to_string() selected=selected>{name}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="toolbar-field">
                <span class="field-label">{move || t(Msg::RoadmapNameLabel)}</span>
                <input data-testid="roadmap-name-input" prop:value=active_name on:change=rename/>
            </label>
            <label class="toolbar-field">
                <span class="field-label">{move || t(Msg::GateModeLabel)}</span>
                <select data-testid="gate-mode" on:change=gate_mode>
                    <option value="confirm" selected=move || !refusing()>{move || t(Msg::GateModeConfirm)}</option>
                    <option value="refuse" selected=refusing>{move || t(Msg::GateModeRefuse)}</option>
                </select>
            </label>
            <span class="spacer"></span>
            <select class="btn" data-testid="new-roadmap" aria-label=move || t(Msg::NewRoadmap) on:change=create>
                <option value="" selected>{move || t(Msg::NewRoadmap)}</option>
                {TemplateId::ALL.into_iter().map(|template| view! {
                    <option value=template.key()>
                        {move || trf(state.lang.get(), Msg::NewFromTemplate, &[template.name().get(state.lang.get())])}
                    </option>
                }).collect_view()}
                <option value="copy">{move || t(Msg::CopyRoadmap)}</option>
            </select>
            <button
                class="btn btn-danger"
                data-testid="delete-roadmap"
                disabled=move || state.workspace.with(|ws| ws.roadmaps.len() < 2)
                on:click=delete
            >{move || t(Msg::DeleteRoadmap)}</button>
        </section>
    }
}
