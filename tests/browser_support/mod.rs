//! What the browser tests (wasm-bindgen-test) share: mounting, letting effects run, finding elements.
#![allow(dead_code)]

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use waypoint::ui::app::Shell;
use waypoint::ui::state::AppState;
use web_sys::{Element, HtmlElement};

/// A fresh container at the end of the page's body. All tests share one page, so each
/// mounts into its own container and removes it at the end.
pub fn container() -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    container
}

/// Mounts the app shell for `state` and returns its container.
pub fn mount(state: AppState) -> HtmlElement {
    let container = container();
    let handle = leptos::mount::mount_to(container.clone(), move || view! { <Shell state=state/> });
    // Unmounting at the end of the test would race the last assertions; the container is removed instead.
    std::mem::forget(handle);
    container
}

/// Lets Leptos run its scheduled effects.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Every element under `root` matching `selector`.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
}

/// The one element under `root` matching `selector`; fails the test when there is none.
pub fn one(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}
