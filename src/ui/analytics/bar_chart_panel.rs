//! A titled panel with one bar chart on a canvas, an optional sentence about
//! it, and SVG and PNG downloads.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::browser::{files, timing};
use crate::core::chart::bars::{bar_chart_height, bar_geometry, bars_svg, draw_bars, BarChart, BarGeometry};
use crate::core::chart::palette::TextScale;
use crate::core::text::i18n::Msg;
use crate::ui::canvas_width::container_width;
use crate::ui::state::use_app;

#[component]
pub fn BarChartPanel(
    title: Msg,
    chart: Signal<BarChart>,
    #[prop(optional)] sentence: Option<Signal<String>>,
    /// Names the panel for tests and the download file.
    name: &'static str,
    /// Lets the person drag a bar to a new length: called with the row and the value under the pointer.
    #[prop(optional)]
    on_drag: Option<Callback<(usize, f64)>>,
) -> impl IntoView {
    let state = use_app();
    let t = move |msg| state.t(msg);
    let canvas: NodeRef<Canvas> = NodeRef::new();
    let width = container_width(canvas);
    // The row being dragged, and the geometry it was grabbed with (the scale must not move under the finger).
    let dragging: StoredValue<Option<(usize, BarGeometry)>> = StoredValue::new(None);
    let device_x_y = |ev: &web_sys::PointerEvent| {
        let dpr = window().device_pixel_ratio().max(1.0);
        (f64::from(ev.offset_x()) * dpr, f64::from(ev.offset_y()) * dpr)
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        let Some(report) = on_drag else { return };
        let (x, y) = device_x_y(&ev);
        let dpr = window().device_pixel_ratio().max(1.0);
        let geometry = chart.with_untracked(|c| bar_geometry(c, width.get_untracked() * dpr, dpr));
        let Some(row) = geometry.row_at(y) else { return };
        ev.prevent_default();
        if let Some(element) = canvas.get_untracked() {
            let _ = element.set_pointer_capture(ev.pointer_id());
        }
        dragging.set_value(Some((row, geometry)));
        report.run((row, geometry.value_at(x)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let (Some(report), Some((row, geometry))) = (on_drag, dragging.get_value()) else { return };
        report.run((row, geometry.value_at(device_x_y(&ev).0)));
    };
    let on_up = move |_: web_sys::PointerEvent| dragging.set_value(None);
    Effect::new(move |_| {
        let (Some(element), data, css) = (canvas.get(), chart.get(), width.get()) else { return };
        if css <= 0.0 {
            return;
        }
        let scale = window().device_pixel_ratio().max(1.0);
        let height = bar_chart_height(&data, scale);
        element.set_width((css * scale) as u32);
        element.set_height(height as u32);
        let _ = element.set_attribute("style", &format!("height:{}px", height / scale));
        if let Some(backend) = CanvasBackend::with_canvas_object(element) {
            timing::measure(&format!("waypoint:draw-{name}"), || {
                let _ = draw_bars(&backend.into_drawing_area(), &data, css * scale, scale, TextScale::CANVAS);
            });
        }
    });
    let download_svg = move |_| {
        let svg = bars_svg(&chart.get_untracked(), width.get_untracked().max(640.0) as u32);
        let _ = files::download(&format!("waypoint-{name}.svg"), &svg, "image/svg+xml");
    };
    let download_png = move |_| {
        if let Some(url) = canvas.get_untracked().and_then(|c| c.to_data_url_with_type("image/png").ok()) {
            let _ = files::download_url(&format!("waypoint-{name}.png"), &url);
        }
    };
    // Screen readers get the rows as text.
    let aria = move || {
        let rows = chart.with(|c| c.rows.iter().map(|r| format!("{}: {}", r.label.trim(), r.shown)).collect::<Vec<_>>().join("; "));
        // Never empty: an unnamed image is invisible to a screen reader (the panel's heading names the chart).
        if rows.is_empty() {
            t(Msg::ChartNoData).to_owned()
        } else {
            rows
        }
    };
    view! {
        <section class="panel chart-panel" data-testid=format!("panel-{name}")>
            <div class="panel-head">
                <h2 class="panel-title">{move || t(title)}</h2>
                <span class="spacer"></span>
                <button class="btn btn-small" data-testid=format!("{name}-svg") on:click=download_svg>{move || t(Msg::DownloadSvg)}</button>
                <button class="btn btn-small" on:click=download_png>{move || t(Msg::DownloadPng)}</button>
            </div>
            {sentence.map(|s| view! { <p class="chart-sentence" data-testid=format!("{name}-sentence")>{move || s.get()}</p> })}
            <div class="chart-box">
                <canvas node_ref=canvas class="chart-canvas" class:draggable=on_drag.is_some() role="img" aria-label=aria
                    data-testid=format!("{name}-canvas")
                    on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up></canvas>
            </div>
        </section>
    }
}
