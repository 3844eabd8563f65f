//! The roadmap chart in a real browser: pointer drags on the canvas change the
//! roadmap exactly as the layout says, and the designer's buttons do the same.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::core::chart::roadmap_layout::layout;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::text::i18n::Lang;
use waypoint::ui::app::Shell;
use waypoint::ui::state::{AppState, Screen};
use web_sys::HtmlElement;

mod browser_support;

use browser_support::{container, one, settle};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: i64 = 1_795_000_000_000;

/// The app in a container of fixed width, so the test knows the chart's geometry.
fn mount(state: AppState) -> HtmlElement {
    let container = container();
    container.set_attribute("style", "width: 1000px").unwrap();
    std::mem::forget(leptos::mount::mount_to(container.clone(), move || view! { <Shell state=state/> }));
    container
}

/// Sends a pointer event at CSS point (x, y) of the canvas.
fn pointer(canvas: &HtmlElement, kind: &str, x: f64, y: f64) {
    let rect = canvas.get_bounding_client_rect();
    let init = web_sys::PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_pointer_id(1);
    init.set_is_primary(true);
    init.set_client_x((rect.left() + x) as i32);
    init.set_client_y((rect.top() + y) as i32);
    let event = web_sys::PointerEvent::new_with_event_init_dict(kind, &init).unwrap();
    canvas.dispatch_event(&event).unwrap();
}

fn stage_order(state: AppState) -> Vec<String> {
    state.workspace.with_untracked(|ws| ws.roadmaps[0].stages.iter().map(|s| s.name.get(Lang::En).to_owned()).collect())
}

#[wasm_bindgen_test]
async fn dragging_on_the_canvas_reorders_stages_and_moves_milestones() {
    let state = AppState::new(first_visit_workspace("wr", Lang::En, NOW), Lang::En);
    state.screen.set(Screen::Roadmap);
    let root = mount(state);
    settle().await;
    let canvas = one(&root, "[data-testid=roadmap-canvas]");
    let width = f64::from(canvas.client_width());
    assert!(width > 500.0, "the canvas fills its container ({width})");
    let roadmap = state.workspace.with_untracked(|ws| ws.roadmaps[0].clone());
    let l = layout(&roadmap, width, 1.0);
    let (top, bottom) = l.stage_row();

    // Grab the first stage and drop it past the third stage's centre.
    let first = &l.stages[0];
    let third = &l.stages[2];
    pointer(&canvas, "pointerdown", (first.x0 + first.x1) / 2.0, (top + bottom) / 2.0);
    pointer(&canvas, "pointermove", (third.x0 + third.x1) / 2.0 + 5.0, (top + bottom) / 2.0);
    settle().await;
    assert_eq!(stage_order(state)[0], "Prospect identification", "nothing saved until the drop");
    pointer(&canvas, "pointerup", (third.x0 + third.x1) / 2.0 + 5.0, (top + bottom) / 2.0);
    settle().await;
    assert_eq!(stage_order(state)[..3], ["Needs analysis", "Solution design", "Prospect identification"]);

    // Drag the first milestone of "Solution design" (now the second stage) to its stage's start.
    let roadmap = state.workspace.with_untracked(|ws| ws.roadmaps[0].clone());
    let l = layout(&roadmap, width, 1.0);
    let milestone = roadmap.stages[1].milestones[0].clone();
    assert!(milestone.day_offset > 0);
    let mark = l.milestone(&milestone.id).unwrap().clone();
    pointer(&canvas, "pointerdown", mark.x, mark.y);
    pointer(&canvas, "pointermove", l.stages[1].x0 - 20.0, mark.y);
    pointer(&canvas, "pointerup", l.stages[1].x0 - 20.0, mark.y);
    settle().await;
    let moved = state.workspace.with_untracked(|ws| ws.roadmaps[0].stages[1].milestones[0].day_offset);
    assert_eq!(moved, 0, "dropped before its stage starts: kept at day 0 of the stage");

    // Hovering a stage shows its details.
    let hovered = &l.stages[1];
    pointer(&canvas, "pointermove", (hovered.x0 + hovered.x1) / 2.0, (top + bottom) / 2.0);
    settle().await;
    assert!(one(&root, "[data-testid=chart-tooltip]").text_content().unwrap().contains("Solution design"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_designer_buttons_move_stages_and_edit_fields() {
    let state = AppState::new(first_visit_workspace("ws", Lang::En, NOW), Lang::En);
    state.screen.set(Screen::Roadmap);
    let root = mount(state);
    settle().await;
    let second = one(&root, "[data-testid=stage-editor]:nth-child(2)");
    one(&second, "[data-testid=stage-up]").click();
    settle().await;
    assert_eq!(stage_order(state)[..2], ["Needs analysis", "Prospect identification"]);

    let days: web_sys::HtmlInputElement = one(&root, "[data-testid=stage-editor]:nth-child(1) [data-testid=stage-days]").unchecked_into();
    days.set_value("30");
    days.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(state.workspace.with_untracked(|ws| ws.roadmaps[0].stages[0].target_days), 30);

    // A refused value shows the reason and puts the field back.
    let probability: web_sys::HtmlInputElement =
        one(&root, "[data-testid=stage-editor]:nth-child(1) [data-testid=stage-probability]").unchecked_into();
    probability.set_value("150");
    probability.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert!(one(&root, "[data-testid=notice]").text_content().unwrap().contains("Win probability must be 0–100%"));
    let probability: web_sys::HtmlInputElement =
        one(&root, "[data-testid=stage-editor]:nth-child(1) [data-testid=stage-probability]").unchecked_into();
    assert_eq!(probability.value(), "25");
    root.remove();
}
