//! The stage list of the roadmap designer: every stage's fields and milestones,
//! reordered by drag and drop or by the ↑ ↓ buttons, deleted with a choice of
//! where its deals go.

use leptos::prelude::*;

use crate::ui::modal::Modal;

use crate::core::command::Command;
use crate::core::model::{DecisionPhase, Id, Milestone, Stage};
use crate::core::roadmap::edit::{MilestoneFields, StageFields};
use crate::core::text::i18n::{trf, Msg};
use crate::core::text::labels::decision_phase;
use crate::core::text::Text;
use crate::ui::state::{use_app, AppState, Notice};

/// The drag data of the stage list: "stage:<id>" or "milestone:<id>".
const DRAG_TYPE: &str = "text/plain";

/// Changes one stage through `UpdateStage`; false when refused (the notice says why).
fn edit_stage(state: AppState, roadmap_id: &Id, stage_id: &Id, change: impl FnOnce(&mut StageFields)) -> bool {
    let fields = state.workspace.with_untracked(|ws| ws.roadmap(roadmap_id)?.stage(stage_id).map(StageFields::of));
    let Some(mut fields) = fields else { return false };
    change(&mut fields);
    state.dispatch(Command::UpdateStage { roadmap_id: roadmap_id.clone(), stage_id: stage_id.clone(), fields }).is_ok()
}

fn edit_milestone(state: AppState, roadmap_id: &Id, milestone_id: &Id, change: impl FnOnce(&mut MilestoneFields)) -> bool {
    let fields = state.workspace.with_untracked(|ws| {
        let roadmap = ws.roadmap(roadmap_id)?;
        let (si, mi) = roadmap.find_milestone(milestone_id)?;
        Some(MilestoneFields::of(&roadmap.stages[si].milestones[mi]))
    });
    let Some(mut fields) = fields else { return false };
    change(&mut fields);
    let command = Command::UpdateMilestone { roadmap_id: roadmap_id.clone(), milestone_id: milestone_id.clone(), fields };
    state.dispatch(command).is_ok()
}

/// A refused edit puts the field back to the saved value, so what shows is what is kept.
fn keep_or_revert(ev: &leptos::ev::Event, accepted: bool, saved: &str) {
    // Inputs and textareas both have `value`; set it without assuming which one this is.
    if let (false, Some(target)) = (accepted, ev.target()) {
        let _ = js_sys::Reflect::set(&target, &"value".into(), &saved.into());
    }
}

fn number(ev: &leptos::ev::Event) -> Option<u32> {
    event_target_value(ev).trim().parse().ok()
}

fn checked(ev: &leptos::ev::Event) -> bool {
    event_target::<web_sys::HtmlInputElement>(ev).checked()
}

fn drag_payload(ev: &leptos::ev::DragEvent) -> String {
    ev.data_transfer().and_then(|dt| dt.get_data(DRAG_TYPE).ok()).unwrap_or_default()
}

fn start_drag(ev: &leptos::ev::DragEvent, payload: String) {
    if let Some(dt) = ev.data_transfer() {
        let _ = dt.set_data(DRAG_TYPE, &payload);
        dt.set_effect_allowed("move");
    }
}

#[component]
pub fn StageList() -> impl IntoView {
    let state = use_app();
    let roadmap_id = Memo::new(move |_| state.active_roadmap_id());
    let stage_ids = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.active_roadmap().map(|r| r.stages.iter().map(|s| s.id.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let deleting: RwSignal<Option<Id>> = RwSignal::new(None);
    let add_stage = move |_| {
        let Some(roadmap_id) = roadmap_id.get_untracked() else { return };
        let name = Text::plain(state.t(Msg::NewStageName));
        let _ = state.dispatch(Command::AddStage { roadmap_id, name });
    };
    view! {
        <section class="panel" aria-labelledby="stages-title">
            <div class="panel-head">
                <h2 id="stages-title" class="panel-title">{move || state.t(Msg::StagesTitle)}</h2>
            </div>
            <p class="hint" data-testid="example-figures">{move || state.t(Msg::ExampleFigures)}</p>
            <ol class="stage-list" data-testid="stage-list">
                <For each=move || stage_ids.get() key=|id| id.clone() let:stage_id>
                    <StageEditor stage_id=stage_id roadmap_id=roadmap_id deleting=deleting/>
                </For>
            </ol>
            <button class="btn" data-testid="add-stage" on:click=add_stage>"+ " {move || state.t(Msg::AddStage)}</button>
            {move || deleting.get().map(|stage_id| view! { <DeleteStageDialog stage_id=stage_id deleting=deleting/> })}
        </section>
    }
}

#[component]
fn StageEditor(stage_id: Id, roadmap_id: Memo<Option<Id>>, deleting: RwSignal<Option<Id>>) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let id = stage_id.clone();
    let found = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let roadmap = ws.active_roadmap()?;
            let index = roadmap.stage_index(&id)?;
            Some((index, roadmap.stages.len(), roadmap.stages[index].clone()))
        })
    });
    let over = RwSignal::new(false);

    move || {
        let (index, count, stage) = found.get()?;
        let rid = roadmap_id.get()?;
        let lang = state.lang.get();
        let sid = stage.id.clone();
        let edit = {
            let (rid, sid) = (rid.clone(), sid.clone());
            move |change: Box<dyn FnOnce(&mut StageFields)>| edit_stage(state, &rid, &sid, change)
        };
        let text_input = {
            let edit = edit.clone();
            move |label: Msg, text: Text, set: fn(&mut StageFields, Text), testid: &'static str, multiline: bool| {
                let edit = edit.clone();
                let value = text.get(lang).to_owned();
                let saved = value.clone();
                let on_change = move |ev: leptos::ev::Event| {
                    let next = text.with(lang, event_target_value(&ev).trim());
                    keep_or_revert(&ev, edit(Box::new(move |f| set(f, next))), &saved);
                };
                let field = if multiline {
                    view! { <textarea rows="2" data-testid=testid prop:value=value on:change=on_change></textarea> }.into_any()
                } else {
                    view! { <input data-testid=testid prop:value=value on:change=on_change/> }.into_any()
                };
                view! { <label class="field"><span class="field-label">{t(label)}</span>{field}</label> }
            }
        };
        let move_to = {
            let (rid, sid) = (rid.clone(), sid.clone());
            move |to_index: usize| {
                let _ = state.dispatch(Command::MoveStage { roadmap_id: rid.clone(), stage_id: sid.clone(), to_index });
            }
        };
        let name = stage.name.get(lang).to_owned();
        let on_drop = {
            let (rid, target_index) = (rid.clone(), index);
            move |ev: leptos::ev::DragEvent| {
                ev.prevent_default();
                over.set(false);
                if let Some(dragged) = drag_payload(&ev).strip_prefix("stage:") {
                    let command = Command::MoveStage { roadmap_id: rid.clone(), stage_id: Id::from(dragged), to_index: target_index };
                    let _ = state.dispatch(command);
                }
            }
        };
        let drag_id = sid.clone();
        let (e1, e2, e3, e4, e5) = (edit.clone(), edit.clone(), edit.clone(), edit.clone(), edit.clone());
        let (probability, days) = (stage.win_probability.to_string(), stage.target_days.to_string());
        let (up, down) = (move_to.clone(), move_to.clone());
        let name_for_delete = sid.clone();
        Some(view! {
            <li
                class="stage-card"
                class:drop-over=move || over.get()
                data-testid="stage-editor"
                data-stage-id=sid.to_string()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    // Browsers hide drag data until the drop, so any drag may land here; drop checks what it is.
                    ev.prevent_default();
                    over.set(true);
                }
                on:dragleave=move |_| over.set(false)
                on:drop=on_drop
            >
                <header class="stage-card-head">
                    <span
                        class="drag-handle"
                        draggable="true"
                        title=t(Msg::DragToReorder)
                        data-testid="stage-handle"
                        on:dragstart=move |ev: leptos::ev::DragEvent| start_drag(&ev, format!("stage:{drag_id}"))
                    >"⠿"</span>
                    <h3 class="stage-index">{trf(lang, Msg::StageNumber, &[&(index + 1).to_string()])}</h3>
                    {stage.key_node.then(|| view! { <span class="badge badge-key">{t(Msg::KeyNode)}</span> })}
                    {stage.gate.then(|| view! { <span class="badge badge-gate">{t(Msg::GateBadge)}</span> })}
                    <span class="spacer"></span>
                    <button class="icon-btn" data-testid="stage-up" disabled=index == 0
                        aria-label=trf(lang, Msg::MoveStageUp, &[&name]) title=trf(lang, Msg::MoveStageUp, &[&name])
                        on:click=move |_| up(index.saturating_sub(1))>"↑"</button>
                    <button class="icon-btn" data-testid="stage-down" disabled=index + 1 == count
                        aria-label=trf(lang, Msg::MoveStageDown, &[&name]) title=trf(lang, Msg::MoveStageDown, &[&name])
                        on:click=move |_| down(index + 1)>"↓"</button>
                    <button class="btn btn-small btn-danger" data-testid="stage-delete"
                        on:click=move |_| deleting.set(Some(name_for_delete.clone()))>{t(Msg::DeleteStage)}</button>
                </header>
                <div class="stage-grid">
                    {text_input(Msg::StageName, stage.name.clone(), |f, v| f.name = v, "stage-name", false)}
                    <label class="field field-narrow">
                        <span class="field-label">{t(Msg::StageProbability)}</span>
                        <input type="number" min="0" max="100" data-testid="stage-probability" prop:value=stage.win_probability.to_string()
                            on:change=move |ev| {
                                let accepted = number(&ev).is_some_and(|p| e1(Box::new(move |f| f.win_probability = p.min(255) as u8)));
                                keep_or_revert(&ev, accepted, &probability);
                            }/>
                    </label>
                    <label class="field field-narrow">
                        <span class="field-label">{t(Msg::StageDays)}</span>
                        <input type="number" min="1" data-testid="stage-days" prop:value=stage.target_days.to_string()
                            on:change=move |ev| {
                                let accepted = number(&ev).is_some_and(|d| e2(Box::new(move |f| f.target_days = d)));
                                keep_or_revert(&ev, accepted, &days);
                            }/>
                    </label>
                    <label class="field">
                        <span class="field-label">{t(Msg::StagePhase)}</span>
                        <select data-testid="stage-phase" on:change=move |ev| {
                            let chosen = event_target_value(&ev);
                            if let Some(phase) = DecisionPhase::ALL.into_iter().find(|p| format!("{p:?}") == chosen) {
                                let _ = e3(Box::new(move |f| f.decision_phase = phase));
                            }
                        }>
                            {DecisionPhase::ALL.into_iter().map(|phase| view! {
                                <option value=format!("{phase:?}") selected=phase == stage.decision_phase>{decision_phase(lang, phase)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="stage-key" prop:checked=stage.key_node
                            on:change=move |ev| { let on = checked(&ev); let _ = e4(Box::new(move |f| f.key_node = on)); }/>
                        {t(Msg::KeyNode)}
                    </label>
                    <label class="check">
                        <input type="checkbox" data-testid="stage-gate" prop:checked=stage.gate
                            on:change=move |ev| { let on = checked(&ev); let _ = e5(Box::new(move |f| f.gate = on)); }/>
                        {t(Msg::StageGate)}
                    </label>
                </div>
                <div class="stage-texts">
                    {text_input(Msg::StageDescription, stage.description.clone(), |f, v| f.description = v, "stage-description", true)}
                    {text_input(Msg::StageGuidance, stage.guidance.clone(), |f, v| f.guidance = v, "stage-guidance", true)}
                    {text_input(Msg::StageExit, stage.exit_criteria.clone(), |f, v| f.exit_criteria = v, "stage-exit", true)}
                </div>
                <MilestoneList stage=stage roadmap_id=rid/>
            </li>
        })
    }
}

#[component]
fn MilestoneList(stage: Stage, roadmap_id: Id) -> impl IntoView {
    let state = use_app();
    let count = stage.milestones.len();
    let add = {
        let (rid, sid) = (roadmap_id.clone(), stage.id.clone());
        move |_| {
            let title = Text::plain(state.t(Msg::NewMilestoneName));
            let _ = state.dispatch(Command::AddMilestone { roadmap_id: rid.clone(), stage_id: sid.clone(), title });
        }
    };
    view! {
        <div class="milestones">
            <h4 class="milestones-title">{state.t(Msg::Milestones)}</h4>
            <ul class="milestone-list">
                {stage.milestones.iter().enumerate().map(|(index, m)| view! {
                    <MilestoneRow milestone=m.clone() index=index count=count roadmap_id=roadmap_id.clone() stage_days=stage.target_days/>
                }).collect_view()}
            </ul>
            <button class="btn btn-small" data-testid="add-milestone" on:click=add>"+ " {state.t(Msg::AddMilestone)}</button>
        </div>
    }
}

#[component]
fn MilestoneRow(milestone: Milestone, index: usize, count: usize, roadmap_id: Id, stage_days: u32) -> impl IntoView {
    let state = use_app();
    let lang = state.lang.get_untracked();
    let t = move |msg| state.t(msg);
    let title = milestone.title.get(lang).to_owned();
    let mid = milestone.id.clone();
    let edit = {
        let (rid, mid) = (roadmap_id.clone(), mid.clone());
        move |change: Box<dyn FnOnce(&mut MilestoneFields)>| edit_milestone(state, &rid, &mid, change)
    };
    let move_to = {
        let (rid, mid) = (roadmap_id.clone(), mid.clone());
        move |to_index: usize| {
            let _ = state.dispatch(Command::MoveMilestone { roadmap_id: rid.clone(), milestone_id: mid.clone(), to_index });
        }
    };
    let delete = {
        let (rid, mid) = (roadmap_id.clone(), mid.clone());
        move |_| {
            let _ = state.dispatch(Command::DeleteMilestone { roadmap_id: rid.clone(), milestone_id: mid.clone() });
        }
    };
    let on_drop = {
        let rid = roadmap_id.clone();
        move |ev: leptos::ev::DragEvent| {
            if let Some(dragged) = drag_payload(&ev).strip_prefix("milestone:") {
                ev.prevent_default();
                ev.stop_propagation();
                let command = Command::MoveMilestone { roadmap_id: rid.clone(), milestone_id: Id::from(dragged), to_index: index };
                let _ = state.dispatch(command);
            }
        }
    };
    let (title_text, owner_text) = (milestone.title.clone(), milestone.owner_role.clone());
    let (saved_title, saved_day) = (title.clone(), milestone.day_offset.to_string());
    let (e1, e2, e3, e4) = (edit.clone(), edit.clone(), edit.clone(), edit);
    let (up, down) = (move_to.clone(), move_to);
    let drag_id = mid.clone();
    view! {
        <li class="milestone-row" data-testid="milestone-row" data-milestone-id=mid.to_string() on:drop=on_drop>
            <span class="drag-handle" draggable="true" title=t(Msg::DragToReorder)
                on:dragstart=move |ev: leptos::ev::DragEvent| { ev.stop_propagation(); start_drag(&ev, format!("milestone:{drag_id}")) }
            >"⠿"</span>
            <input class="milestone-title" data-testid="milestone-title" aria-label=t(Msg::MilestoneTitle) prop:value=title.clone()
                on:change=move |ev| {
                    let next = title_text.with(lang, event_target_value(&ev).trim());
                    keep_or_revert(&ev, e1(Box::new(move |f| f.title = next)), &saved_title);
                }/>
            <input class="milestone-owner" data-testid="milestone-owner" aria-label=t(Msg::MilestoneOwner) placeholder=t(Msg::MilestoneOwner)
                prop:value=milestone.owner_role.get(lang).to_owned()
                on:change=move |ev| { let next = owner_text.with(lang, event_target_value(&ev).trim()); let _ = e2(Box::new(move |f| f.owner_role = next)); }/>
            <label class="check">
                <input type="checkbox" data-testid="milestone-required" prop:checked=milestone.required
                    on:change=move |ev| { let on = checked(&ev); let _ = e3(Box::new(move |f| f.required = on)); }/>
                {t(Msg::MilestoneRequired)}
            </label>
            <label class="milestone-day">
                <span>{t(Msg::MilestoneDay)}</span>
                <input type="number" min="0" max=stage_days.to_string() data-testid="milestone-day" prop:value=milestone.day_offset.to_string()
                    on:change=move |ev| {
                        let accepted = number(&ev).is_some_and(|day| e4(Box::new(move |f| f.day_offset = day.min(stage_days))));
                        keep_or_revert(&ev, accepted, &saved_day);
                    }/>
            </label>
            <button class="icon-btn" disabled=index == 0 aria-label=trf(lang, Msg::MoveMilestoneUp, &[&title])
                on:click=move |_| up(index.saturating_sub(1))>"↑"</button>
            <button class="icon-btn" disabled=index + 1 == count aria-label=trf(lang, Msg::MoveMilestoneDown, &[&title])
                on:click=move |_| down(index + 1)>"↓"</button>
            <button class="icon-btn icon-danger" data-testid="milestone-delete" aria-label=trf(lang, Msg::DeleteMilestone, &[&title])
                on:click=delete>"×"</button>
        </li>
    }
}

/// Asks before a stage goes; when it holds deals, the person picks where they move.
#[component]
fn DeleteStageDialog(stage_id: Id, deleting: RwSignal<Option<Id>>) -> impl IntoView {
    let state = use_app();
    let lang = state.lang.get_untracked();
    let t = move |msg| state.t(msg);
    let info = state.workspace.with_untracked(|ws| {
        let roadmap = ws.active_roadmap()?;
        let stage = roadmap.stage(&stage_id)?;
        let deals = ws.deals.iter().filter(|d| d.stage_id == stage_id).count();
        let others: Vec<(Id, String)> =
            roadmap.stages.iter().filter(|s| s.id != stage_id).map(|s| (s.id.clone(), s.name.get(lang).to_owned())).collect();
        Some((roadmap.id.clone(), stage.name.get(lang).to_owned(), deals, others))
    });
    let Some((roadmap_id, name, deals, others)) = info else {
        deleting.set(None);
        return None;
    };
    let target = RwSignal::new(others.first().map(|(id, _)| id.clone()));
    let close = move || deleting.set(None);
    let confirm = {
        let name = name.clone();
        move |_| {
            let move_deals_to = if deals > 0 { target.get_untracked() } else { None };
            let command = Command::DeleteStage { roadmap_id: roadmap_id.clone(), stage_id: stage_id.clone(), move_deals_to };
            if state.dispatch(command).is_ok() {
                let name = name.clone();
                state.say(Notice::info(move |lang| trf(lang, Msg::StageDeleted, &[&name])));
                close();
            }
        }
    };
    Some(view! {
        <Modal on_close=move |_| close() labelled_by="delete-stage-title" testid="delete-stage-dialog">
            <h2 id="delete-stage-title" class="dialog-title">{trf(lang, Msg::DeleteStageTitle, &[&name])}</h2>
            {if deals > 0 {
                view! {
                    <label class="field">
                        <span>{trf(lang, Msg::DeleteStageDeals, &[&deals.to_string()])}</span>
                        <select data-testid="delete-stage-target" on:change=move |ev| target.set(Some(Id::from(event_target_value(&ev))))>
                            {others.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
                        </select>
                    </label>
                }.into_any()
            } else {
                view! { <p>{t(Msg::DeleteStageNoDeals)}</p> }.into_any()
            }}
            <div class="form-actions">
                <span class="spacer"></span>
                <button class="btn" on:click=move |_| close()>{t(Msg::Cancel)}</button>
                <button class="btn btn-danger" data-testid="confirm-delete-stage" on:click=confirm>{t(Msg::Delete)}</button>
            </div>
        </Modal>
    })
}
