//! "Design your own roadmap": the five construction steps one at a time, with what the
//! draft still lacks listed beside it. The draft is kept in this browser; a complete
//! design is noted in the learning record.

use leptos::prelude::*;

use crate::browser::storage::{read_json, write_json};
use crate::core::learn::design::{design_gaps, DesignDraft, DraftMilestone, DraftStage, STEPS};
use crate::core::learn::samples::Bi;
use crate::core::text::i18n::{fill, Lang};
use crate::ui::state::use_app;

const DRAFT_KEY: &str = "waypoint.design-draft";

const TITLE: Bi = ("设计练习：自己的销售路线图", "Exercise: design your own roadmap");
const INTRO: Bi = (
    "按《销售里程碑》的五个构建步骤，为你自己的客户设计一条路线图。“还缺什么”会列出草稿的不足：每个里程碑都要有负责人、完成时间和收集客户反馈的安排。",
    "Design a roadmap for your own customers through the five construction steps of the milestones article. “Still missing” lists what the draft lacks: every milestone needs an owner, a due day and a point where the customer's feedback is collected.",
);
const STEP_OF: Bi = ("第 {0} 步，共 5 步：{1}", "Step {0} of 5: {1}");
const GOAL: Bi = ("销售目标（写清楚要达成什么）", "Sales goal (what exactly is to be reached)");
const GOAL_TARGET: Bi = ("要达到的数字", "The number to reach");
const GOAL_END: Bi = ("截止日期", "End date");
const NEEDS: Bi = ("客户的需求和痛点", "The customer's needs and pains");
const DECISION: Bi = ("客户的决策流程和决策人", "How the customer decides, and who");
const STAGE_NAME: Bi = ("阶段名称", "Stage name");
const KEY_NODE: Bi = ("关键节点", "Key node");
const MILESTONE: Bi = ("里程碑", "Milestone");
const OWNER: Bi = ("负责人", "Owner");
const DUE_DAY: Bi = ("第几天完成", "Due on day");
const FEEDBACK: Bi = ("完成后收集客户反馈", "Collect feedback after it");
const ADD_STAGE: Bi = ("添加阶段", "Add a stage");
const ADD_MILESTONE: Bi = ("添加里程碑", "Add a milestone");
const FROM_ROADMAP: Bi = ("从当前路线图开始", "Start from the current roadmap");
const REVIEW: Bi = ("多久评估一次进展？怎么调整？", "How often is progress reviewed, and how will you adjust?");
const STEP3_HINT: Bi = (
    "列出阶段和每个阶段的里程碑，并标出关键节点：客户的决定可能在那里改变。",
    "List the stages and each stage's milestones, and mark the key nodes: where the customer's decision can move.",
);
const STEP4_HINT: Bi = (
    "给每个里程碑定负责人和完成时间（进入阶段后第几天），并安排完成后收集客户反馈。",
    "Give every milestone an owner and a due day (days into its stage), and plan to collect the customer's feedback after it.",
);
const PREVIOUS: Bi = ("上一步", "Previous");
const NEXT: Bi = ("下一步", "Next");
const MISSING: Bi = ("还缺什么", "Still missing");
const COMPLETE: Bi = (
    "设计完整：每一步都做到了，每个里程碑都有负责人、完成时间和反馈安排。",
    "Complete: every step is done, and every milestone has an owner, a due day and a feedback point.",
);
const RESET: Bi = ("清空重来", "Start over");

fn load_draft() -> DesignDraft {
    read_json(DRAFT_KEY).unwrap_or_default()
}

#[component]
pub fn DesignExercise() -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let draft = RwSignal::new(load_draft());
    let step = RwSignal::new(0_usize);
    let gaps = Memo::new(move |_| draft.with(design_gaps));
    // Kept as it is typed; a complete design is noted in the learning record.
    Effect::new(move |first: Option<()>| {
        let current = draft.get();
        if first.is_some() {
            write_json(DRAFT_KEY, &current);
            let total = current.stages.iter().map(|s| s.milestones.len()).sum::<usize>() + 5;
            let missing = gaps.with_untracked(Vec::len).min(total);
            crate::ui::learn::record_view::note_attempt("design", total - missing, total);
        }
    });
    let text_field = move |label: Bi, testid: &'static str, get: fn(&DesignDraft) -> String, set: fn(&mut DesignDraft, String)| {
        view! {
            <label class="field">
                <span class="field-label">{move || pick(label)}</span>
                <textarea rows="2" data-testid=testid prop:value=move || draft.with(get)
                    on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); }></textarea>
            </label>
        }
    };
    view! {
        <section class="panel lesson" data-testid="design-exercise" aria-labelledby="design-title">
            <h2 id="design-title" class="lesson-title">{move || pick(TITLE)}</h2>
            <p class="hint">{move || pick(INTRO)}</p>
            <ol class="design-steps">
                {STEPS.iter().enumerate().map(|(i, name)| view! {
                    <li>
                        <button class="learn-section-tab" data-testid="design-step" aria-pressed=move || (step.get() == i).to_string()
                            on:click=move |_| step.set(i)>{format!("{} ", i + 1)}{move || pick(*name)}</button>
                    </li>
                }).collect_view()}
            </ol>
            <div class="design-body">
                <div class="design-form">
                    <h3 class="record-head">{move || fill(pick(STEP_OF), &[&(step.get() + 1).to_string(), pick(STEPS[step.get()])])}</h3>
                    {move || match step.get() {
                        0 => view! {
                            {text_field(GOAL, "design-goal", |d| d.goal.clone(), |d, v| d.goal = v)}
                            <div class="design-row">
                                <label class="field"><span class="field-label">{move || pick(GOAL_TARGET)}</span>
                                    <input type="number" min="1" data-testid="design-target" prop:value=move || draft.with(|d| d.goal_target.map(|t| t.to_string()).unwrap_or_default())
                                        on:change=move |ev| { let v = event_target_value(&ev).trim().parse().ok(); draft.update(|d| d.goal_target = v); }/></label>
                                <label class="field"><span class="field-label">{move || pick(GOAL_END)}</span>
                                    <input type="date" data-testid="design-end" prop:value=move || draft.with(|d| d.goal_end.clone())
                                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.goal_end = v); }/></label>
                            </div>
                        }.into_any(),
                        1 => view! {
                            {text_field(NEEDS, "design-needs", |d| d.needs.clone(), |d, v| d.needs = v)}
                            {text_field(DECISION, "design-decision", |d| d.decision_process.clone(), |d, v| d.decision_process = v)}
                        }.into_any(),
                        2 | 3 => view! { <DraftStages draft=draft timeline={step.get() == 3}/> }.into_any(),
                        _ => text_field(REVIEW, "design-review", |d| d.review.clone(), |d, v| d.review = v).into_any(),
                    }}
                    <div class="form-actions">
                        <button class="btn" data-testid="design-previous" disabled=move || step.get() == 0 on:click=move |_| step.update(|s| *s = s.saturating_sub(1))>{move || pick(PREVIOUS)}</button>
                        <button class="btn btn-primary" data-testid="design-next" disabled=move || { step.get() >= 4 } on:click=move |_| step.update(|s| *s += 1)>{move || pick(NEXT)}</button>
                        <span class="spacer"></span>
                        <button class="btn btn-small" data-testid="design-reset" on:click=move |_| { draft.set(DesignDraft::default()); step.set(0); }>{move || pick(RESET)}</button>
                    </div>
                </div>
                <aside class="design-gaps" data-testid="design-gaps" aria-live="polite">
                    {move || {
                        let lang: Lang = state.lang.get();
                        let list = gaps.get();
                        if list.is_empty() {
                            return view! { <p class="design-complete" data-testid="design-complete">{lang.pick(COMPLETE)}</p> }.into_any();
                        }
                        view! {
                            <h3 class="record-head">{lang.pick(MISSING)}</h3>
                            <ul>{list.iter().map(|g| {
                                let at = g.step() - 1;
                                view! { <li data-testid="design-gap"><button class="link-btn" on:click=move |_| step.set(at)>{format!("{}. ", at + 1)}</button>{g.describe(lang)}</li> }
                            }).collect_view()}</ul>
                        }.into_any()
                    }}
                </aside>
            </div>
        </section>
    }
}

/// Steps 3 and 4: the stages and their milestones; with `timeline`, owners, due days and feedback points too.
#[component]
fn DraftStages(draft: RwSignal<DesignDraft>, timeline: bool) -> impl IntoView {
    let state = use_app();
    let pick = move |pair: Bi| state.lang.get().pick(pair);
    let from_roadmap = move |_| {
        let lang = state.lang.get_untracked();
        if let Some(roadmap) = state.active_roadmap.get_untracked() {
            let started = DesignDraft::from_roadmap(&roadmap, lang);
            draft.update(|d| d.stages = started.stages);
        }
    };
    view! {
        <p class="hint">{move || pick(if timeline { STEP4_HINT } else { STEP3_HINT })}</p>
        {move || draft.with(|d| d.stages.is_empty()).then(|| view! {
            <button class="btn" data-testid="design-from-roadmap" on:click=from_roadmap>{move || pick(FROM_ROADMAP)}</button>
        })}
        <ol class="design-stage-list">
            {move || (0..draft.with(|d| d.stages.len())).map(|si| view! {
                <li class="design-stage" data-testid="design-stage">
                    <div class="design-row">
                        <input class="design-stage-name" data-testid="design-stage-name" aria-label=move || pick(STAGE_NAME) placeholder=move || pick(STAGE_NAME)
                            prop:value=move || draft.with(|d| d.stages.get(si).map(|s| s.name.clone()).unwrap_or_default())
                            on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| if let Some(s) = d.stages.get_mut(si) { s.name = v }); }/>
                        <label class="check"><input type="checkbox" data-testid="design-key-node"
                            prop:checked=move || draft.with(|d| d.stages.get(si).is_some_and(|s| s.key_node))
                            on:change=move |ev| { let v = event_target_checked(&ev); draft.update(|d| if let Some(s) = d.stages.get_mut(si) { s.key_node = v }); }/>
                            {move || pick(KEY_NODE)}</label>
                    </div>
                    <ul class="design-milestones">
                        {timeline.then(|| view! {
                            <li class="design-row design-head" aria-hidden="true">
                                <span>{move || pick(MILESTONE)}</span>
                                <span class="design-owner">{move || pick(OWNER)}</span>
                                <span class="design-due">{move || pick(DUE_DAY)}</span>
                                <span>{move || pick(FEEDBACK)}</span>
                            </li>
                        })}
                        {move || (0..draft.with(|d| d.stages.get(si).map_or(0, |s| s.milestones.len()))).map(|mi| {
                            let get = move |f: fn(&DraftMilestone) -> String| draft.with(|d| d.stages.get(si).and_then(|s| s.milestones.get(mi)).map(f).unwrap_or_default());
                            let edit = move |f: Box<dyn FnOnce(&mut DraftMilestone)>| draft.update(|d| if let Some(m) = d.stages.get_mut(si).and_then(|s| s.milestones.get_mut(mi)) { f(m) });
                            view! {
                                <li class="design-row" data-testid="design-milestone">
                                    <input data-testid="design-milestone-title" aria-label=move || pick(MILESTONE) placeholder=move || pick(MILESTONE)
                                        prop:value=move || get(|m| m.title.clone())
                                        on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.title = v)); }/>
                                    {timeline.then(|| view! {
                                        <input class="design-owner" data-testid="design-owner" aria-label=move || pick(OWNER) placeholder=move || pick(OWNER)
                                            prop:value=move || get(|m| m.owner.clone())
                                            on:change=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |m| m.owner = v)); }/>
                                        <input class="design-due" type="number" min="0" data-testid="design-due" aria-label=move || pick(DUE_DAY) placeholder=move || pick(DUE_DAY)
                                            prop:value=move || get(|m| m.due_day.map(|d| d.to_string()).unwrap_or_default())
                                            on:change=move |ev| { let v = event_target_value(&ev).trim().parse().ok(); edit(Box::new(move |m| m.due_day = v)); }/>
                                        <label class="check"><input type="checkbox" data-testid="design-feedback"
                                            prop:checked=move || draft.with(|d| d.stages.get(si).and_then(|s| s.milestones.get(mi)).is_some_and(|m| m.feedback))
                                            on:change=move |ev| { let v = event_target_checked(&ev); edit(Box::new(move |m| m.feedback = v)); }/>
                                            {move || pick(FEEDBACK)}</label>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button class="btn btn-small" data-testid="design-add-milestone"
                        on:click=move |_| draft.update(|d| if let Some(s) = d.stages.get_mut(si) { s.milestones.push(DraftMilestone::default()) })>
                        "+ " {move || pick(ADD_MILESTONE)}</button>
                </li>
            }).collect_view()}
        </ol>
        <button class="btn" data-testid="design-add-stage" on:click=move |_| draft.update(|d| d.stages.push(DraftStage::default()))>"+ " {move || pick(ADD_STAGE)}</button>
    }
}
