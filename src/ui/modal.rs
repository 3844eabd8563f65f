//! Focus for modal dialogs (WAI-ARIA dialog pattern): focus moves into the dialog
//! when it opens, Tab and Shift+Tab stay inside it, and focus goes back to where it
//! was when the dialog closes. Keyboard users never land behind the overlay.

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]):not([tabindex='-1']), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

fn focusables(dialog: &Element) -> Vec<HtmlElement> {
    let Ok(list) = dialog.query_selector_all(FOCUSABLE) else { return Vec::new() };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        // Hidden ones (display: none) have no offset parent.
        .filter(|e| e.offset_parent().is_some())
        .collect()
}

/// Directive: `use:modal_focus` on the element with `role="dialog"`.
/// Focuses `[autofocus]`, else the first field or button.
pub fn modal_focus(dialog: Element) {
    let before = SendWrapper::new(document().active_element());
    let target = SendWrapper::new(dialog);
    request_animation_frame(move || {
        let dialog = target.take();
        let first = dialog
            .query_selector("[autofocus]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
            .or_else(|| focusables(&dialog).into_iter().next());
        if let Some(element) = first {
            let _ = element.focus();
        }
    });
    on_cleanup(move || {
        if let Some(element) = before.take().and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
            if element.is_connected() {
                let _ = element.focus();
            }
        }
    });
}

/// After something in the dialog changed its content (a form that closes, a button that
/// goes away), focus may have fallen to the page: it comes back into the dialog, so
/// Tab stays inside and Escape still closes it.
fn keep_focus_inside(dialog: &Element) {
    let lost = document().active_element().is_none_or(|a| !dialog.contains(Some(&a)));
    if lost && dialog.is_connected() {
        match focusables(dialog).into_iter().next() {
            Some(first) => {
                let _ = first.focus();
            }
            None => {
                let _ = dialog.unchecked_ref::<HtmlElement>().focus();
            }
        }
    }
}

/// For the dialog's `on:keydown`: keeps Tab and Shift+Tab cycling inside it.
pub fn trap_tab(ev: &KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev.current_target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let items = focusables(&dialog);
    let (Some(first), Some(last)) = (items.first(), items.last()) else { return };
    let active = document().active_element();
    let at = |e: &HtmlElement| active.as_ref().is_some_and(|a| a == e.unchecked_ref::<Element>());
    let inside = active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
}

/// A modal dialog: the dimmed overlay (a click on it closes), `role="dialog"` named by
/// its title's id, Escape closes, and the focus rules above.
#[component]
pub fn Modal(
    #[prop(into)] on_close: Callback<()>,
    labelled_by: &'static str,
    testid: &'static str,
    #[prop(default = "dialog")] class: &'static str,
    children: Children,
) -> impl IntoView {
    let dialog: NodeRef<leptos::html::Div> = NodeRef::new();
    // Keys pressed while focus has fallen out of the dialog still reach it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(element) = dialog.try_get_untracked().flatten() else { return };
        let element: &Element = element.unchecked_ref();
        if document().active_element().is_some_and(|a| element.contains(Some(&a))) {
            return;
        }
        match ev.key().as_str() {
            "Escape" => on_close.run(()),
            "Tab" => {
                ev.prevent_default();
                keep_focus_inside(element);
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="overlay" on:click=move |_| on_close.run(())>
            <div class=class role="dialog" aria-modal="true" aria-labelledby=labelled_by data-testid=testid tabindex="-1"
                node_ref=dialog
                use:modal_focus
                on:click=move |ev| {
                    ev.stop_propagation();
                    // Once the click's change is drawn, focus is where it should be.
                    request_animation_frame(move || {
                        if let Some(element) = dialog.try_get_untracked().flatten() {
                            keep_focus_inside(element.unchecked_ref());
                        }
                    });
                }
                on:keydown=move |ev: KeyboardEvent| if ev.key() == "Escape" { on_close.run(()) } else { trap_tab(&ev) }>
                {children()}
            </div>
        </div>
    }
}
