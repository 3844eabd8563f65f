//! Goals: each with its actual, today's pace and the SMART check; a form to add one.

use chrono::Datelike;
use leptos::prelude::*;

use crate::browser::clock;
use crate::core::analytics::goals::{smart_check, Check, GoalFields};
use crate::core::analytics::view::{goal_text, smart_badge, smart_notes};
use crate::core::command::Command;
use crate::core::model::{GoalMetric, Id};
use crate::core::text::i18n::{tr, Msg};
use crate::core::text::labels::goal_metric;
use crate::core::text::money::parse_amount;
use crate::ui::state::{use_app, Notice};

const METRICS: [(GoalMetric, &str); 5] = [
    (GoalMetric::WonRevenue, "won_revenue"),
    (GoalMetric::DealsWon, "deals_won"),
    (GoalMetric::NewCustomers, "new_customers"),
    (GoalMetric::WinRate, "win_rate"),
    (GoalMetric::WeightedPipeline, "weighted_pipeline"),
];

#[component]
pub fn GoalsPanel() -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let today = clock::local_today();
    let metric = RwSignal::new(GoalMetric::WonRevenue);
    let target = RwSignal::new(String::new());
    let start = RwSignal::new(today.with_day0(0).unwrap_or(today).to_string());
    let end = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let roadmap: RwSignal<Option<Id>> = RwSignal::new(None);
    // The goal being edited; None while adding a new one.
    let editing: RwSignal<Option<Id>> = RwSignal::new(None);
    let load = move |goal: &crate::core::model::Goal| {
        let money = matches!(goal.metric, GoalMetric::WonRevenue | GoalMetric::WeightedPipeline);
        metric.set(goal.metric);
        target.set(if money { crate::core::text::money::amount_for_input(goal.target) } else { goal.target.to_string() });
        start.set(goal.period_start.to_string());
        end.set(goal.period_end.map(|d| d.to_string()).unwrap_or_default());
        owner.set(goal.owner.clone());
        roadmap.set(goal.roadmap_id.clone());
        editing.set(Some(goal.id.clone()));
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let money = matches!(metric.get_untracked(), GoalMetric::WonRevenue | GoalMetric::WeightedPipeline);
        // Money targets are typed in currency units; counts and rates as whole numbers.
        let typed = target.get_untracked();
        // A blank target is kept as 0, which the SMART check then points out; a wrong one is refused.
        let amount = match typed.trim() {
            "" => Some(0),
            text if money => parse_amount(text).ok(),
            text => text.parse::<i64>().ok().filter(|n| *n >= 0),
        };
        let Some(amount) = amount else {
            state.say(Notice::error(|lang| tr(lang, Msg::ErrNotANumber).to_owned()));
            return;
        };
        let Some(period_start) = crate::core::ymd::parse(&start.get_untracked()) else {
            state.say(Notice::error(|lang| tr(lang, Msg::ErrBadDate).to_owned()));
            return;
        };
        let fields = GoalFields {
            metric: metric.get_untracked(),
            target: amount,
            period_start,
            period_end: crate::core::ymd::parse(&end.get_untracked()),
            owner: owner.get_untracked(),
            roadmap_id: roadmap.get_untracked(),
        };
        let command = match editing.get_untracked() {
            Some(goal_id) => Command::UpdateGoal { goal_id, fields },
            None => Command::AddGoal(fields),
        };
        if state.dispatch(command).is_ok() {
            target.set(String::new());
            editing.set(None);
        }
    };
    view! {
        <section class="panel" aria-labelledby="goals-title">
            <h2 id="goals-title" class="panel-title">{move || t(Msg::GoalsTitle)}</h2>
            <ul class="entry-list goal-list">
                {move || {
                    let lang = state.lang.get();
                    let goals = state.workspace.with(|ws| ws.goals.clone());
                    if goals.is_empty() {
                        return view! { <li class="entry-empty">{t(Msg::NoGoals)}</li> }.into_any();
                    }
                    goals.into_iter().map(|g| {
                        let progress = state.workspace.with(|ws| goal_text(ws, &g, today, lang));
                        let check = state.workspace.with(|ws| smart_check(ws, &g, today));
                        let smart_ok = !check.letters().iter().any(|(_, c)| *c == Check::Missing);
                        let notes = smart_notes(&check, lang);
                        let goal_id: Id = g.id.clone();
                        let to_edit = g.clone();
                        let period = format!("{} – {}", g.period_start, g.period_end.map(|d| d.to_string()).unwrap_or_else(|| "?".into()));
                        view! {
                            <li class="entry" data-testid="goal-row">
                                <span class="goal-metric">{goal_metric(lang, g.metric)}</span>
                                <span class="entry-who">{g.owner.clone()}</span>
                                <span class="entry-date">{period}</span>
                                <span class="entry-text" data-testid="goal-progress">{progress}</span>
                                <span class="badge" class:badge-gate=!smart_ok class:badge-ok=smart_ok data-testid="goal-smart">{smart_badge(&check)}</span>
                                <button class="btn btn-small" data-testid="edit-goal" on:click=move |_| load(&to_edit)>{t(Msg::EditGoal)}</button>
                                <button class="icon-btn icon-danger" aria-label=t(Msg::DeleteGoal)
                                    on:click=move |_| { let _ = state.dispatch(Command::DeleteGoal { goal_id: goal_id.clone() }); }>"×"</button>
                                {(!notes.is_empty()).then(|| view! {
                                    <ul class="goal-notes" data-testid="goal-notes">{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                                })}
                            </li>
                        }
                    }).collect_view().into_any()
                }}
            </ul>
            <p class="hint">{move || t(Msg::SmartLegend)}</p>
            <form class="entry-form" data-testid="goal-form" on:submit=add>
                <select data-testid="goal-metric" aria-label=move || t(Msg::GoalMetricLabel) on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some((m, _)) = METRICS.iter().find(|(_, key)| *key == chosen) { metric.set(*m) }
                }>
                    {METRICS.into_iter().map(|(m, key)| view! {
                        <option value=key selected=move || metric.get() == m>{move || goal_metric(state.lang.get(), m)}</option>
                    }).collect_view()}
                </select>
                <input data-testid="goal-target" inputmode="decimal" aria-label=move || t(Msg::GoalTargetLabel) placeholder=move || t(Msg::GoalTargetLabel)
                    prop:value=move || target.get() on:input=move |ev| target.set(event_target_value(&ev))/>
                <input type="date" data-testid="goal-start" aria-label=move || t(Msg::GoalStart) prop:value=move || start.get() on:input=move |ev| start.set(event_target_value(&ev))/>
                <input type="date" data-testid="goal-end" aria-label=move || t(Msg::GoalEnd) prop:value=move || end.get() on:input=move |ev| end.set(event_target_value(&ev))/>
                <input data-testid="goal-owner" aria-label=move || t(Msg::FieldOwner) placeholder=move || t(Msg::FieldOwner)
                    prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
                <select data-testid="goal-roadmap" aria-label=move || t(Msg::CsvRoadmap) on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    roadmap.set((!chosen.is_empty()).then_some(Id::from(chosen)));
                }>
                    <option value="" selected=move || roadmap.with(Option::is_none)>{move || t(Msg::RoadmapAll)}</option>
                    {move || {
                        let lang = state.lang.get();
                        state.workspace.with(|ws| ws.roadmaps.iter().map(|r| (r.id.clone(), r.name.get(lang).to_owned())).collect::<Vec<_>>())
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = roadmap.with(|r| r.as_ref() == Some(&id));
                                view! { <option value=id.to_string() selected=selected>{name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
                <button type="submit" class="btn btn-small btn-primary" data-testid="add-goal">
                    {move || t(if editing.with(Option::is_some) { Msg::SaveGoal } else { Msg::AddGoal })}
                </button>
                <Show when=move || editing.with(Option::is_some)>
                    <button type="button" class="btn btn-small" on:click=move |_| { editing.set(None); target.set(String::new()); }>{move || t(Msg::Cancel)}</button>
                </Show>
            </form>
        </section>
    }
}
