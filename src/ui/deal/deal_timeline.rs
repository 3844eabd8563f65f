//! One deal's milestone plan: a Gantt timeline on a canvas (drag a marker to
//! reschedule) and, under it, the same milestones as a list to tick off and
//! re-date from the keyboard.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::browser::{clock, files};
use crate::core::chart::deal_timeline::{draw_timeline, layout, timeline_height, timeline_svg};
use crate::core::chart::palette::TextScale;
use crate::core::command::Command;
use crate::core::deal::customer::{mark_step, reschedule_step};
use crate::core::deal::plan::{deal_plan, DealPlan, MilestoneState};
use crate::core::model::Id;
use crate::core::text::i18n::{trf, Msg};
use crate::ui::canvas_width::container_width;
use crate::ui::state::use_app;

#[component]
pub fn DealTimeline(deal_id: Id) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let today = clock::local_today();
    let canvas: NodeRef<Canvas> = NodeRef::new();
    let css_width = container_width(canvas);
    let drag: RwSignal<Option<(Id, f64)>> = RwSignal::new(None);
    let id = deal_id.clone();
    let plan = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let deal = ws.deal(&id)?;
            Some(deal_plan(ws.roadmap(&deal.roadmap_id)?, deal, today))
        })
    });

    let dpr = move || window().device_pixel_ratio().max(1.0);
    // While a marker is dragged, the plan shows it at the pointer's date.
    let shown = move |plan: &DealPlan, l: &crate::core::chart::deal_timeline::TimelineLayout| {
        let mut plan = plan.clone();
        if let Some((id, x)) = drag.get() {
            if let Some(m) = plan.milestones.iter_mut().find(|m| m.milestone_id == id) {
                m.due = l.date_at(x);
            }
        }
        plan
    };
    Effect::new(move |_| {
        let (Some(element), Some(plan)) = (canvas.get(), plan.get()) else { return };
        let width = css_width.get();
        if width <= 0.0 {
            return;
        }
        let scale = dpr();
        let saved = layout(&plan, today, width * scale, scale);
        let plan = shown(&plan, &saved);
        let l = layout(&plan, today, width * scale, scale);
        element.set_width((width * scale) as u32);
        element.set_height(timeline_height(&plan, scale) as u32);
        let _ = element.set_attribute("style", &format!("height:{}px", timeline_height(&plan, scale) / scale));
        let highlight = drag.get().map(|d| d.0);
        if let Some(backend) = CanvasBackend::with_canvas_object(element) {
            let _ = draw_timeline(&backend.into_drawing_area(), &plan, &l, state.lang.get(), highlight.as_ref(), TextScale::CANVAS);
        }
    });

    let current_layout = move || {
        let scale = dpr();
        plan.get_untracked().map(|p| layout(&p, today, css_width.get_untracked() * scale, scale))
    };
    let point = move |ev: &web_sys::PointerEvent| (f64::from(ev.offset_x()) * dpr(), f64::from(ev.offset_y()) * dpr());
    let on_down = move |ev: web_sys::PointerEvent| {
        let Some(l) = current_layout() else { return };
        let (x, y) = point(&ev);
        if let Some(id) = l.hit(x, y) {
            ev.prevent_default();
            if let Some(element) = canvas.get_untracked() {
                let _ = element.set_pointer_capture(ev.pointer_id());
            }
            drag.set(Some((id, x)));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if drag.with_untracked(Option::is_some) {
            let (x, _) = point(&ev);
            drag.update(|d| {
                if let Some(d) = d {
                    d.1 = x
                }
            });
        }
    };
    let up_id = deal_id.clone();
    let on_up = move |ev: web_sys::PointerEvent| {
        let (Some((milestone_id, _)), Some(l)) = (drag.get_untracked(), current_layout()) else { return };
        drag.set(None);
        let due = l.date_at(point(&ev).0);
        let unchanged = plan.with_untracked(|p| {
            p.as_ref().and_then(|p| p.milestones.iter().find(|m| m.milestone_id == milestone_id)).is_some_and(|m| m.due == due)
        });
        if !unchanged {
            // The step may be a milestone or a customer task: each has its own command.
            if let Some(command) = state.workspace.with_untracked(|ws| reschedule_step(ws, &up_id, &milestone_id, Some(due))) {
                let _ = state.dispatch(command);
            }
        }
    };

    let aria_id = deal_id.clone();
    let aria = move || {
        let lang = state.lang.get();
        let title = state.workspace.with(|ws| ws.deal(&aria_id).map(|d| d.title.clone()).unwrap_or_default());
        plan.with(|p| {
            p.as_ref()
                .map(|p| trf(lang, Msg::TimelineAria, &[&title, &p.milestones.len().to_string(), &p.overdue().count().to_string()]))
                .unwrap_or_default()
        })
    };
    let rows_id = deal_id.clone();
    let file_name = move |extension: &str| {
        let title = state.workspace.with_untracked(|ws| ws.deal(&deal_id).map(|d| d.title.clone()).unwrap_or_default());
        format!("waypoint-plan-{}.{extension}", files::safe_name(&title))
    };
    let png_name = file_name.clone();
    let download_svg = move |_| {
        let Some(p) = plan.get_untracked() else { return };
        let svg = timeline_svg(&p, today, css_width.get_untracked().max(640.0) as u32, state.lang.get_untracked());
        let _ = files::download(&file_name("svg"), &svg, "image/svg+xml");
    };
    let download_png = move |_| {
        if let Some(url) = canvas.get_untracked().and_then(|c| c.to_data_url_with_type("image/png").ok()) {
            let _ = files::download_url(&png_name("png"), &url);
        }
    };
    // The axis, for tests and tools that need to find a date on the canvas.
    let axis = move || {
        let scale = dpr();
        plan.with(|p| p.as_ref().map(|p| layout(p, today, css_width.get() * scale, scale)))
    };

    view! {
        <section class="timeline" aria-labelledby="timeline-title">
            <div class="panel-head">
                <h3 id="timeline-title" class="panel-title">{move || t(Msg::TimelineTitle)}</h3>
                // The plan's health, for the seller (a customer's view never shows it).
                {move || {
                    use crate::core::deal::plan::PlanHealth;
                    let lang = state.lang.get();
                    match plan.with(|p| p.as_ref().map(|p| p.health(today)))? {
                        PlanHealth::OnTrack => None,
                        PlanHealth::AtRisk { overdue, days } => Some(view! {
                            <span class="badge badge-gate" data-testid="plan-health">{trf(lang, Msg::HealthAtRisk, &[&overdue.to_string(), &days.to_string()])}</span>
                        }.into_any()),
                        PlanHealth::Stalled { overdue, days } => Some(view! {
                            <span class="badge badge-stalled" data-testid="plan-health">{trf(lang, Msg::HealthStalled, &[&overdue.to_string(), &days.to_string()])}</span>
                        }.into_any()),
                    }
                }}
                <p class="hint">{move || t(Msg::TimelineHint)}</p>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="timeline-svg" on:click=download_svg>{move || t(Msg::DownloadSvg)}</button>
                <button class="btn btn-small" data-testid="timeline-png" on:click=download_png>{move || t(Msg::DownloadPng)}</button>
            </div>
            <div class="chart-box">
                <canvas
                    node_ref=canvas
                    class="chart-canvas draggable"
                    class:grabbing=move || drag.with(Option::is_some)
                    data-testid="deal-timeline"
                    data-first-day=move || axis().map(|l| l.first.to_string())
                    data-days=move || axis().map(|l| l.days.to_string())
                    role="img"
                    aria-label=aria
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=move |_| drag.set(None)
                ></canvas>
            </div>
            <ul class="plan-list" data-testid="plan-list">
                {move || {
                    let lang = state.lang.get();
                    let deal_id = rows_id.clone();
                    plan.get().map(|p| p.milestones.into_iter().map(|m| {
                        let title = m.title.get(lang).to_owned();
                        let (done_id, due_id, reset_id) = (deal_id.clone(), deal_id.clone(), deal_id.clone());
                        let (done_m, due_m, reset_m) = (m.milestone_id.clone(), m.milestone_id.clone(), m.milestone_id.clone());
                        let (state_class, state_msg) = match m.state {
                            MilestoneState::Done => ("plan-done", Msg::StateDone),
                            MilestoneState::Open => ("plan-open", Msg::StateOpen),
                            MilestoneState::Overdue => ("plan-overdue", Msg::StateOverdue),
                        };
                        view! {
                            <li class=format!("plan-row {state_class}") data-testid="plan-row" data-milestone-id=m.milestone_id.to_string()>
                                <label class="check plan-title">
                                    <input
                                        type="checkbox"
                                        data-testid="plan-done"
                                        prop:checked=m.state == MilestoneState::Done
                                        on:change=move |ev| {
                                            let done = event_target::<web_sys::HtmlInputElement>(&ev).checked();
                                            let command = state.workspace.with_untracked(|ws| mark_step(ws, &done_id, &done_m, done));
                                            let _ = state.dispatch(command);
                                        }
                                    />
                                    <span class:required=m.required>{title}</span>
                                </label>
                                <span class="plan-owner">{m.owner.get(lang).to_owned()}</span>
                                {m.customer.then(|| view! { <span class="badge badge-customer" data-testid="plan-customer">{crate::core::text::i18n::tr(lang, Msg::CustomerSide)}</span> })}
                                <span class="plan-state" data-testid="plan-state">{crate::core::text::i18n::tr(lang, state_msg)}</span>
                                {m.done_on.map(|day| view! {
                                    <span class="plan-done-on" data-testid="plan-done-on">{trf(lang, Msg::DoneOn, &[&day.to_string()])}</span>
                                })}
                                {m.rescheduled.then(|| view! { <span class="badge badge-sample">{crate::core::text::i18n::tr(lang, Msg::Rescheduled)}</span> })}
                                <label class="plan-due">
                                    <span class="visually-hidden">{crate::core::text::i18n::tr(lang, Msg::DueDate)}</span>
                                    <input
                                        type="date"
                                        data-testid="plan-due"
                                        prop:value=m.due.to_string()
                                        on:change=move |ev| {
                                            if let Some(due) = crate::core::ymd::parse(&event_target_value(&ev)) {
                                                if let Some(command) = state.workspace.with_untracked(|ws| reschedule_step(ws, &due_id, &due_m, Some(due))) {
                                                    let _ = state.dispatch(command);
                                                }
                                            }
                                        }
                                    />
                                </label>
                                {m.rescheduled.then(|| view! {
                                    <button class="icon-btn" title=crate::core::text::i18n::tr(lang, Msg::ResetDue) aria-label=crate::core::text::i18n::tr(lang, Msg::ResetDue)
                                        on:click=move |_| { let _ = state.dispatch(Command::SetMilestoneDue { deal_id: reset_id.clone(), milestone_id: reset_m.clone(), due: None }); }
                                    >"↺"</button>
                                })}
                            </li>
                        }
                    }).collect_view())
                }}
            </ul>
        </section>
    }
}
