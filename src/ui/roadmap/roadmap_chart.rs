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
use crate::core::chart::roadmap_layout::{chart_height, chart_width, layout, Hit};
use crate::core::model::Roadmap;
use crate::core::text::i18n::{tr, trf, Lang, Msg};
use crate::core::text::labels::decision_phase;
use crate::ui::canvas_width::container_width;
use crate::ui::state::use_app;

/// A grabbed stage or milestone, where the pointer went down and where it is now (device pixels).
#[derive(Clone, Debug, PartialEq)]
struct Drag {
    grabbed: Hit,
    start_x: f64,
    x: f64,
}

/// A finger (or mouse) sliding a chart wider than its box sideways: where it went
/// down (client px) and how far the box was scrolled then.
#[derive(Clone, Copy, Debug)]
struct Pan {
    start_client_x: f64,
    start_scroll: f64,
}

/// Moved less than this (CSS px) between down and up, a touch is a tap: it shows
/// the details a mouse gets on hover.
const TAP_SLOP: f64 = 6.0;

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
    let pan: StoredValue<Option<Pan>> = StoredValue::new(None);
    let roadmap = state.active_roadmap;

    // The box's width; the chart may be drawn wider and scrolled inside it.
    let css_width = container_width(canvas);
    let scroller = move || canvas.get_untracked().and_then(|c| c.parent_element());

    // The layout the pointer is judged against: the saved roadmap, not the preview.
    let current_layout = move || {
        let dpr = device_pixel_ratio();
        roadmap.with_untracked(|r| r.as_ref().map(|r| (r.clone(), layout(r, chart_width(r, css_width.get_untracked()) * dpr, dpr))))
    };

    Effect::new(move |_| {
        let (Some(element), Some(saved)) = (canvas.get(), roadmap.get()) else { return };
        let box_width = css_width.get();
        if box_width <= 0.0 {
            return;
        }
        let width = chart_width(&saved, box_width);
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
            let _ = element.set_attribute("style", &format!("width:{width}px;height:{}px", height / dpr));
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
        let capture = || {
            if let Some(element) = canvas.get_untracked() {
                let _ = element.set_pointer_capture(ev.pointer_id());
            }
        };
        hover.set(None);
        if let Some(grabbed) = l.hit(x, y) {
            ev.prevent_default();
            capture();
            drag.set(Some(Drag { grabbed, start_x: x, x }));
        } else if let Some(scroll) = scroller().filter(|s| s.scroll_width() > s.client_width()) {
            // Off the blocks, a slide scrolls a chart wider than its box (a phone).
            capture();
            pan.set_value(Some(Pan { start_client_x: f64::from(ev.client_x()), start_scroll: f64::from(scroll.scroll_left()) }));
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let (Some(p), Some(scroll)) = (pan.get_value(), scroller()) {
            scroll.set_scroll_left((p.start_scroll - (f64::from(ev.client_x()) - p.start_client_x)) as i32);
            return;
        }
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
        pan.set_value(None);
        let Some(d) = drag.get_untracked() else { return };
        drag.set(None);
        let Some((saved, l)) = current_layout() else { return };
        let (x, _) = pointer(&ev);
        if (x - d.start_x).abs() < TAP_SLOP * device_pixel_ratio() {
            // A tap: no hover on a touch screen, so the tap shows the details.
            if ev.pointer_type() != "mouse" {
                hover.set(Some((d.grabbed, f64::from(ev.offset_x()), f64::from(ev.offset_y()))));
            }
            return;
        }
        if let Some(command) = drop_command(&saved, &l, &d.grabbed, x) {
            let _ = state.dispatch(command);
        }
    };
    let on_cancel = move |_| {
        pan.set_value(None);
        drag.set(None);
    };
    // The details card sits over the canvas, less what the box is scrolled by.
    let scrolled = move || scroller().map(|s| f64::from(s.scroll_left())).unwrap_or(0.0);

    let download_svg = move |_| {
        let Some(r) = roadmap.get_untracked() else { return };
        let lang = state.lang.get_untracked();
        let svg = roadmap_svg(&r, chart_width(&r, css_width.get_untracked()).max(640.0) as u32, lang);
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
                // Focusable so a keyboard can scroll a chart wider than its box (axe: scrollable-region-focusable).
                <div class="chart-scroll" data-testid="roadmap-scroll" tabindex="0" role="region" aria-labelledby="chart-title">
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
                    on:pointercancel=on_cancel
                    on:pointerleave=move |ev: web_sys::PointerEvent| {
                        // A finger leaves as it lifts: a tapped card stays up until the next touch.
                        if ev.pointer_type() == "mouse" {
                            hover.set(None)
                        }
                    }
                ></canvas>
                </div>
                {move || hover.get().map(|(hit, x, y)| {
                    let lang = state.lang.get();
                    let lines = roadmap.with(|r| r.as_ref().map(|r| tooltip(r, &hit, lang)).unwrap_or_default());
                    view! {
                        <div class="chart-tooltip" data-testid="chart-tooltip" style=format!("left:{}px;top:{}px", tooltip_left(x - scrolled(), css_width.get_untracked()), y + 14.0)>
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

/// The details card's left edge for a pointer at `x` in a box `box_width` wide (CSS px):
/// beside the pointer, but never past the box's right edge (which would scroll a phone's page).
fn tooltip_left(x: f64, box_width: f64) -> f64 {
    (x + 14.0).min(box_width - TOOLTIP_MAX_WIDTH).max(0.0)
}

/// The details card's widest, as in the style sheet.
const TOOLTIP_MAX_WIDTH: f64 = 320.0;

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
