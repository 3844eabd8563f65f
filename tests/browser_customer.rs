//! The customer's side in a real browser (wasm-bindgen-test + headless Chromium): the
//! customer's page from a plan link builds its reply as the customer answers; the deal
//! dialog adds a customer task; the seller's reply dialog lists a reply's changes and merges it.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use waypoint::core::command::{apply, Command};
use waypoint::core::deal::customer::TaskFields;
use waypoint::core::deal::customer_plan::customer_plan;
use waypoint::core::deal::reply::{CustomerReply, Rating};
use waypoint::core::files::customer_link::{plan_fragment, read_reply};
use waypoint::core::learn::samples::first_visit_workspace;
use waypoint::core::model::{DealStatus, Id, Workspace};
use waypoint::core::text::i18n::Lang;
use waypoint::ui::deal::customer_page::CustomerPage;
use waypoint::ui::state::{AppState, Editing, Overlay};
use web_sys::{HtmlElement, HtmlInputElement};

mod browser_support;

use browser_support::{all, container, mount, one, settle};

wasm_bindgen_test_configure!(run_in_browser);

const NOW: i64 = 1_795_000_000_000;

/// The samples, with a customer task on one open deal whose first milestone is done.
fn workspace_with_task() -> (Workspace, Id, Id) {
    let mut ws = first_visit_workspace("bc", Lang::En, NOW);
    let deal =
        ws.deals.iter().find(|d| d.status == DealStatus::Open && d.milestones.iter().any(|p| p.done_at.is_some())).unwrap().id.clone();
    let fields = TaskFields {
        title: "Book the IT review".into(),
        contact: "Mr Wang".into(),
        role: "Purchasing".into(),
        due: chrono::NaiveDate::from_ymd_opt(2027, 1, 15).unwrap(),
    };
    let Ok(waypoint::core::command::Outcome::Created(task)) =
        apply(&mut ws, Command::AddCustomerTask { deal_id: deal.clone(), fields }, NOW)
    else {
        panic!()
    };
    (ws, deal, task)
}

#[wasm_bindgen_test]
async fn the_customers_page_turns_ticks_and_ratings_into_a_reply_link() {
    let (ws, deal, task) = workspace_with_task();
    let d = ws.deal(&deal).unwrap();
    let plan = customer_plan(ws.roadmap(&d.roadmap_id).unwrap(), d, Lang::En, NOW);
    let hash = plan_fragment(&plan).unwrap();
    let root = container();
    std::mem::forget(leptos::mount::mount_to(root.clone(), move || view! { <CustomerPage hash=hash/> }));
    settle().await;

    assert_eq!(all(&root, "[data-testid=customer-step]").len(), plan.steps.len());
    assert!(!root.text_content().unwrap().contains(&d.value_minor.to_string()));
    assert!(root.query_selector("[data-testid=reply-empty]").unwrap().is_some(), "no reply before any answer");

    let theirs = one(&root, &format!("[data-step-id='{}']", task.0));
    let tick: HtmlInputElement = one(&theirs, "[data-testid=customer-tick]").unchecked_into();
    tick.click();
    let done = one(&root, "[data-testid=customer-step].step-done");
    let stars = all(&done, "[data-testid=customer-star]");
    stars[4].unchecked_ref::<HtmlElement>().click();
    settle().await;

    assert_eq!(one(&root, "[data-testid=reply-count]").text_content().unwrap(), "This reply: 2 changes");
    let link: HtmlInputElement = one(&root, "[data-testid=reply-link]").unchecked_into();
    let fragment = format!("#{}", link.value().split_once('#').unwrap().1);
    let reply = read_reply(&fragment).unwrap().unwrap();
    assert_eq!(reply.deal_id, deal);
    assert_eq!(reply.done, [task]);
    assert_eq!(reply.ratings.len(), 1);
    assert_eq!(reply.ratings[0].score, 5);
    assert!(reply.replied_at >= plan.shared_at);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_deal_dialog_adds_a_task_for_the_customer() {
    let (ws, deal, _) = workspace_with_task();
    let state = AppState::new(ws, Lang::En);
    let root = mount(state);
    state.open(Overlay::Deal(Editing::Existing(deal.clone())));
    settle().await;
    settle().await;

    let section = one(&root, "[data-testid=customer-tasks]");
    assert_eq!(all(&section, "[data-testid=customer-task]").len(), 1);
    let type_in = |selector: &str, value: &str| {
        let input: HtmlInputElement = one(&section, selector).unchecked_into();
        input.set_value(value);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    };
    type_in("[data-testid=customer-task-title]", "Send the floor plan");
    type_in("[data-testid=customer-task-date]", "2027-01-20");
    one(&section, "[data-testid=customer-task-add]").click();
    settle().await;

    let titles: Vec<String> =
        state.workspace.with_untracked(|ws| ws.deal(&deal).unwrap().customer_tasks.iter().map(|t| t.title.clone()).collect());
    assert_eq!(titles, ["Book the IT review", "Send the floor plan"]);
    assert_eq!(all(&section, "[data-testid=customer-task]").len(), 2);
    root.remove();
}

#[wasm_bindgen_test]
async fn the_seller_sees_a_replys_changes_and_merges_it() {
    let (ws, deal, task) = workspace_with_task();
    let done = ws.deal(&deal).unwrap().milestones.iter().find(|p| p.done_at.is_some()).unwrap().milestone_id.clone();
    let state = AppState::new(ws, Lang::En);
    let root = mount(state);
    let reply = CustomerReply {
        deal_id: deal.clone(),
        shared_at: NOW,
        replied_at: NOW + 1000,
        from: "Mr Wang".into(),
        done: vec![task.clone()],
        dates: vec![],
        ratings: vec![Rating { milestone: done, score: 3, comment: "Fine".into() }],
    };
    state.open(Overlay::Reply(Box::new(reply)));
    settle().await;
    settle().await;

    let dialog = one(&root, "[data-testid=reply-dialog]");
    let changes: Vec<String> = all(&dialog, "[data-testid=reply-change]").iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(changes.len(), 2, "{changes:?}");
    assert_eq!(changes[0], "Customer task done: Book the IT review");
    assert!(changes[1].ends_with("3 of 5: Fine"), "{}", changes[1]);
    one(&dialog, "[data-testid=reply-merge]").click();
    settle().await;

    state.workspace.with_untracked(|ws| {
        let d = ws.deal(&deal).unwrap();
        assert!(d.customer_tasks.iter().any(|t| t.id == task && t.done_at == Some(NOW + 1000)));
        assert!(d.feedback.iter().any(|f| f.comment == "Fine" && f.satisfaction == 3));
        assert_eq!(d.replies, [NOW + 1000]);
    });
    assert!(
        matches!(state.overlay.get_untracked(), Some(Overlay::Deal(Editing::Existing(ref id))) if *id == deal),
        "the deal opens after the merge"
    );
    root.remove();
}
