//! Components in a real browser (wasm-bindgen-test + headless Chromium): the
//! board renders the workspace, moves update it, the form reports bad fields.
//! All tests share one page, so each mounts into its own container and removes it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::text::i18n::Lang;
use waypoint::ui::state::AppState;
use web_sys::{Element, HtmlInputElement};

mod browser_support;

use browser_support::{all, mount, one, settle};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: i64 = 1_795_000_000_000;

/// Which column (by stage id) holds the card of `deal_id`.
fn column_of(root: &Element, deal_id: &str) -> String {
    let card = one(root, &format!("[data-deal-id='{deal_id}']"));
    card.closest("[data-testid=stage-column]").unwrap().unwrap().get_attribute("data-stage-id").unwrap()
}

#[wasm_bindgen_test]
async fn the_board_shows_every_stage_and_every_open_deal() {
    let ws = first_visit_workspace("wa", Lang::En, NOW);
    let state = AppState::new(ws.clone(), Lang::En);
    let root = mount(state);
    settle().await;

    let columns = all(&root, "[data-testid=stage-column]");
    assert_eq!(columns.len(), ws.roadmaps[0].stages.len());
    // The board shows the open deals; the samples' won and lost ones wait behind the status filter.
    let open: Vec<_> = ws.deals.iter().filter(|d| d.status == waypoint::core::model::DealStatus::Open).collect();
    assert!(open.len() < ws.deals.len());
    assert_eq!(all(&root, "[data-testid=deal-card]").len(), open.len());
    for deal in open {
        assert_eq!(column_of(&root, deal.id.as_str()), deal.stage_id.as_str());
    }
    let first = one(&columns[0], ".column-title").text_content().unwrap();
    assert_eq!(first, "Prospect identification");
    assert!(root.text_content().unwrap().contains("Eastline Precision"));
    assert!(one(&columns[0], "[data-testid=column-total]").text_content().unwrap().contains("$350K"));
    root.remove();
}

#[wasm_bindgen_test]
async fn the_forward_button_and_a_drop_both_move_a_deal_and_record_it() {
    let ws = first_visit_workspace("wb", Lang::En, NOW);
    let deal = ws.deals[0].clone();
    let stages: Vec<String> = ws.roadmaps[0].stages.iter().map(|s| s.id.to_string()).collect();
    let state = AppState::new(ws, Lang::En);
    let root = mount(state);
    settle().await;
    assert_eq!(column_of(&root, deal.id.as_str()), stages[0]);

    let card = one(&root, &format!("[data-deal-id='{}']", deal.id));
    one(&card, "[data-testid=move-forward]").click();
    settle().await;
    assert_eq!(column_of(&root, deal.id.as_str()), stages[1]);
    let history = state.workspace.with_untracked(|w| w.deal(&deal.id).unwrap().stage_history.len());
    assert_eq!(history, 2);
    assert!(one(&root, "[data-testid=notice]").text_content().unwrap().contains("moved to"));

    // The same drop event a browser sends at the end of a drag.
    let transfer = web_sys::DataTransfer::new().unwrap();
    transfer.set_data("text/plain", deal.id.as_str()).unwrap();
    let init = web_sys::DragEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_data_transfer(Some(&transfer));
    let drop = web_sys::DragEvent::new_with_event_init_dict("drop", &init).unwrap();
    // Back to the first stage: moving back never meets a gate.
    let target = one(&root, &format!("[data-stage-id='{}']", stages[0]));
    target.dispatch_event(&drop).unwrap();
    settle().await;
    assert_eq!(column_of(&root, deal.id.as_str()), stages[0]);
    let history: Vec<String> =
        state.workspace.with_untracked(|w| w.deal(&deal.id).unwrap().stage_history.iter().map(|e| e.stage_id.to_string()).collect());
    assert_eq!(history, vec![stages[0].clone(), stages[1].clone(), stages[0].clone()]);
    root.remove();
}

#[wasm_bindgen_test]
async fn a_refusing_gate_keeps_the_deal_and_names_what_is_missing() {
    let mut ws = first_visit_workspace("we", Lang::En, NOW);
    ws.settings.gate_mode = waypoint::core::model::GateMode::Refuse;
    // The sample in "Needs analysis" (a gated key node) has only one of three required milestones done.
    let gated = ws.roadmaps[0].stages[1].id.to_string();
    let deal = ws.deals.iter().find(|d| d.stage_id.as_str() == gated).unwrap().clone();
    let state = AppState::new(ws, Lang::En);
    let root = mount(state);
    settle().await;
    let card = one(&root, &format!("[data-deal-id='{}']", deal.id));
    one(&card, "[data-testid=move-forward]").click();
    settle().await;
    assert_eq!(column_of(&root, deal.id.as_str()), gated);
    let notice = one(&root, "[data-testid=notice]").text_content().unwrap();
    assert!(notice.contains("“Needs analysis” is a gated stage; before leaving it, finish: Confirm the budget"), "{notice}");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_form_marks_bad_fields_and_a_good_deal_lands_in_its_stage() {
    let ws = first_visit_workspace("wc", Lang::Zh, NOW);
    let count = ws.deals.len();
    let state = AppState::new(ws, Lang::Zh);
    let root = mount(state);
    settle().await;

    one(&root, "[data-testid=new-deal]").click();
    settle().await;
    let value: HtmlInputElement = one(&root, "[data-testid=field-value]").unchecked_into();
    value.set_value("-3");
    value.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    one(&root, "[data-testid=save-deal]").click();
    settle().await;
    let errors: Vec<String> =
        all(&root, "[data-testid=field-error]").iter().filter_map(|e| e.text_content()).filter(|t| !t.is_empty()).collect();
    assert!(errors.contains(&"此项必填".to_owned()), "{errors:?}");
    assert!(errors.contains(&"金额不能为负数".to_owned()), "{errors:?}");
    assert_eq!(state.workspace.with_untracked(|w| w.deals.len()), count);

    for (testid, text) in [("field-customer", "测试客户"), ("field-title", "试点项目"), ("field-value", "88,000")] {
        let input: HtmlInputElement = one(&root, &format!("[data-testid={testid}]")).unchecked_into();
        input.set_value(text);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    }
    one(&root, "[data-testid=save-deal]").click();
    settle().await;
    assert!(root.query_selector("[data-testid=deal-dialog]").unwrap().is_none(), "dialog closes");
    let new_deal = state.workspace.with_untracked(|w| w.deals.last().cloned().unwrap());
    assert_eq!((new_deal.customer.as_str(), new_deal.value_minor), ("测试客户", 8_800_000));
    assert!(one(&root, &format!("[data-deal-id='{}']", new_deal.id)).text_content().unwrap().contains("¥88,000"));
    root.remove();
}

#[wasm_bindgen_test]
async fn switching_language_rewrites_the_board() {
    let state = AppState::new(first_visit_workspace("wd", Lang::Zh, NOW), Lang::Zh);
    let root = mount(state);
    settle().await;
    assert_eq!(one(&root, ".column-title").text_content().unwrap(), "潜在客户识别");
    one(&root, "[data-testid=switch-lang]").click();
    settle().await;
    assert_eq!(one(&root, ".column-title").text_content().unwrap(), "Prospect identification");
    assert_eq!(one(&root, "[data-testid=new-deal]").text_content().unwrap(), "+ New deal");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_filter_narrows_the_cards_and_a_stalled_deal_is_flagged() {
    let mut ws = first_visit_workspace("wf", Lang::En, NOW);
    // Push the first sample's entry into its stage 60 days back: past the 14-day target.
    let now = js_sys::Date::now() as i64;
    std::sync::Arc::make_mut(&mut ws.deals[0]).stage_history.last_mut().unwrap().entered_at = now - 60 * 24 * 60 * 60 * 1000;
    let stalled_id = ws.deals[0].id.clone();
    let state = AppState::new(ws, Lang::En);
    let root = mount(state);
    settle().await;
    let flag = one(&root, &format!("[data-deal-id='{stalled_id}'] [data-testid=card-stalled]")).text_content().unwrap();
    assert!(flag.contains("60 days in stage (target 14)"), "{flag}");

    let search: HtmlInputElement = one(&root, "[data-testid=filter-text]").unchecked_into();
    search.set_value("polaris");
    search.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    let shown: Vec<String> = all(&root, "[data-testid=deal-card] .card-customer").iter().filter_map(|e| e.text_content()).collect();
    assert_eq!(shown, vec!["Polaris Energy".to_owned()]);
    root.remove();
}
