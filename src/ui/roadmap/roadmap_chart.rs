//! The roadmap chart on a canvas: drawn by the core with plotters, and
//! interactive: hover shows details, dragging a stage block reorders stages,
//! dragging a milestone marker changes its due day. Every drag has a keyboard
//! twin in the stage list below.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::browser::{files, timing};
use crate::core::chart::palette::TextScale;
use crate::core::chart::roadmap_drag::{drop_command, preview};
use crate::core::chart::roadmap_draw::{draw_roadmap, roadmap_svg};
use crate::core::chart::roadmap_layout::{chart_height, layout, Hit};
use crate::core::model::Roadmap;
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::labels::decision_phase;
use crate::ui::canvas_width::container_width;
use crate::ui::state::use_app;

/// A grabbed stage or milestone and where the pointer is now (device pixels).
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    grabbed: Hit,
    x: f64,
}

fn device_pixel_ratio() -> f64 {
    window().device_pixel_ratio().max(1.0)
}

/// The pointer position in device pixels of the canvas.
fn pointer(ev: &web_sys::PointerEvent) -> (f64, f64) {
    let dpr = device_pixel_ratio();
    (f64::from(ev.offset_x()) * dpr, f64::from(ev.offset_y()) * dpr)
}

#[component]
pub fn RoadmapChart() -> impl IntoView {
    let state = use_app();
    let canvas: NodeRef<Canvas> = NodeRef::new();
    let hover: RwSignal<Option<(Hit, f64, f64)>> = RwSignal::new(None);
    let drag: RwSignal<Option<Drag>> = RwSignal::new(None);
    let roadmap = state.active_roadmap;

    let css_width = container_width(canvas);

    // The layout the pointer is judged against: the saved roadmap, not the preview.
    let current_layout = move || {
        let dpr = device_pixel_ratio();
        roadmap.with_untracked(|r| r.as_ref().map(|r| (r.clone(), layout(r, css_width.get_untracked() * dpr, dpr))))
    };

    Effect::new(move |_| {
        let (Some(element), Some(saved)) = (canvas.get(), roadmap.get()) else { return };
        let width = css_width.get();
        if width <= 0.0 {
            return;
        }
        // Layout and drawing together: what a redraw costs.
        timing::measure("waypoint:draw-roadmap", || {
            let lang = state.lang.get();
            let dpr = device_pixel_ratio();
            let saved_layout = layout(&saved, width * dpr, dpr);
            let shown = match drag.get() {
                Some(d) => match drop_command(&saved, &saved_layout, &d.grabbed, d.x) {
                    Some(command) => preview(&saved, command),
                    None => (*saved).clone(),
                },
                None => (*saved).clone(),
            };
            let height = chart_height(&shown, dpr);
            element.set_width((width * dpr) as u32);
            element.set_height(height as u32);
            let _ = element.set_attribute("style", &format!("height:{}px", height / dpr));
            let shown_layout = layout(&shown, width * dpr, dpr);
            let highlight = drag.get().map(|d| d.grabbed).or_else(|| hover.get().map(|h| h.0));
            if let Some(backend) = CanvasBackend::with_canvas_object(element) {
                let _ = draw_roadmap(&backend.into_drawing_area(), &shown, &shown_layout, lang, highlight.as_ref(), TextScale::CANVAS);
            }
        });
    });

    let on_down = move |ev: web_sys::PointerEvent| {
        let Some((_, l)) = current_layout() else { return };
        let (x, y) = pointer(&ev);
        if let Some(grabbed) = l.hit(x, y) {
            ev.prevent_default();
            if let Some(element) = canvas.get_untracked() {
                let _ = element.set_pointer_capture(ev.pointer_id());
            }
            hover.set(None);
            drag.set(Some(Drag { grabbed, x }));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (x, y) = pointer(&ev);
        if drag.with_untracked(Option::is_some) {
            drag.update(|d| {
                if let Some(d) = d {
                    d.x = x
                }
            });
            return;
        }
        let Some((_, l)) = current_layout() else { return };
        let found = l.hit(x, y).map(|h| (h, f64::from(ev.offset_x()), f64::from(ev.offset_y())));
        if hover.with_untracked(|h| h != &found) {
            hover.set(found);
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let Some(d) = drag.get_untracked() else { return };
        drag.set(None);
        let Some((saved, l)) = current_layout() else { return };
        let (x, _) = pointer(&ev);
        if let Some(command) = drop_command(&saved, &l, &d.grabbed, x) {
            let _ = state.dispatch(command);
        }
    };

    let download_svg = move |_| {
        let Some(r) = roadmap.get_untracked() else { return };
        let lang = state.lang.get_untracked();
        let svg = roadmap_svg(&r, css_width.get_untracked().max(640.0) as u32, lang);
        let _ = files::download(&chart_file_name(&r, lang, "svg"), &svg, "image/svg+xml");
    };
    let download_png = move |_| {
        let (Some(r), Some(element)) = (roadmap.get_untracked(), canvas.get_untracked()) else { return };
        if let Ok(url) = element.to_data_url_with_type("image/png") {
            let _ = files::download_url(&chart_file_name(&r, state.lang.get_untracked(), "png"), &url);
        }
    };

    let aria = move || {
        let lang = state.lang.get();
        roadmap.with(|r| {
            r.as_ref()
                .map(|r| trf(lang, Msg::ChartAria, &[r.name.get(lang), &r.stages.len().to_string(), &r.total_days().to_string()]))
                .unwrap_or_default()
        })
    };

    view! {
        <section class="panel chart-panel" aria-labelledby="chart-title">
            <div class="panel-head">
                <h2 id="chart-title" class="panel-title">{move || state.t(Msg::ChartTitle)}</h2>
                <p class="hint">{move || state.t(Msg::ChartHint)}</p>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid="download-svg" on:click=download_svg>{move || state.t(Msg::DownloadSvg)}</button>
                <button class="btn btn-small" data-testid="download-png" on:click=download_png>{move || state.t(Msg::DownloadPng)}</button>
                <button class="btn btn-small" data-testid="print" title=move || state.t(Msg::PrintLabel) on:click=move |_| { let _ = window().print(); }>{move || state.t(Msg::Print)}</button>
            </div>
            <div class="chart-box">
                <canvas
                    node_ref=canvas
                    class="chart-canvas draggable"
                    class:grabbing=move || drag.with(Option::is_some)
                    class:grab=move || hover.with(Option::is_some)
                    data-testid="roadmap-canvas"
                    role="img"
                    aria-label=aria
                    on:pointerdown=on_down
                    on:pointermove=on_move
                    on:pointerup=on_up
                    on:pointercancel=move |_| drag.set(None)
                    on:pointerleave=move |_| hover.set(None)
                ></canvas>
                {move || hover.get().map(|(hit, x, y)| {
                    let lang = state.lang.get();
                    let lines = roadmap.with(|r| r.as_ref().map(|r| tooltip(r, &hit, lang)).unwrap_or_default());
                    view! {
                        <div class="chart-tooltip" data-testid="chart-tooltip" style=format!("left:{}px;top:{}px", x + 14.0, y + 14.0)>
                            {lines.into_iter().enumerate().map(|(i, line)| view! {
                                <p class:tooltip-title=i == 0>{line}</p>
                            }).collect_view()}
                        </div>
                    }
                })}
            </div>
        </section>
    }
}

/// The lines of the hover card for a stage or a milestone.
fn tooltip(roadmap: &Roadmap, hit: &Hit, lang: Lang) -> Vec<String> {
    match hit {
        Hit::Stage(id) => {
            let (Some(stage), Some(index)) = (roadmap.stage(id), roadmap.stage_index(id)) else { return Vec::new() };
            let start = roadmap.stage_starts()[index];
            let mut lines = vec![
                stage.name.get(lang).to_owned(),
                trf(
                    lang,
                    Msg::TooltipDays,
                    &[
                        &stage.target_days.to_string(),
                        &start.to_string(),
                        &(start + stage.target_days).to_string(),
                        &stage.win_probability.to_string(),
                    ],
                ),
                decision_phase(lang, stage.decision_phase).to_owned(),
            ];
            let badges: Vec<&str> = [(stage.key_node, Msg::KeyNode), (stage.gate, Msg::GateBadge)]
                .into_iter()
                .filter(|(on, _)| *on)
                .map(|(_, msg)| tr(lang, msg))
                .collect();
            if !badges.is_empty() {
                lines.push(badges.join(" · "));
            }
            lines.extend([&stage.description, &stage.exit_criteria].into_iter().map(|t| t.get(lang).to_owned()).filter(|t| !t.is_empty()));
            lines
        }
        Hit::Milestone(id) => {
            let Some((si, mi)) = roadmap.find_milestone(id) else { return Vec::new() };
            let milestone = &roadmap.stages[si].milestones[mi];
            let kind = if milestone.required { Msg::MilestoneRequired } else { Msg::Optional };
            let owner = milestone.owner_role.get(lang);
            vec![
                milestone.title.get(lang).to_owned(),
                roadmap.stages[si].name.get(lang).to_owned(),
                trf(lang, Msg::TooltipMilestoneDay, &[&milestone.day_offset.to_string()]),
                if owner.is_empty() { tr(lang, kind).to_owned() } else { format!("{} · {owner}", tr(lang, kind)) },
            ]
        }
    }
}

fn chart_file_name(roadmap: &Roadmap, lang: Lang, extension: &str) -> String {
    format!("waypoint-roadmap-{}.{extension}", files::safe_name(roadmap.name.get(lang)))
}
