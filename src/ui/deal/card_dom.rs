//! Draws a card by cloning one prepared skeleton and writing its texts in.
//!
//! A board of 1,000 cards built element by element costs about a hundred calls
//! from wasm into the DOM per card, each passing its strings across; cloning a
//! skeleton and filling it takes about a third of that, which is what lets the
//! board draw nearly as fast as hand-written DOM code. Texts go in with
//! `textContent` and attributes, never as HTML.

use wasm_bindgen::{intern, JsCast};
use web_sys::{Document, DocumentFragment, Element};

use crate::core::deal::card::CardTexts;

thread_local! {
    static SKELETON: DocumentFragment = skeleton(&document());
}

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a page has a document")
}

/// An element with a class and, for the tests and the board's listeners, a test id.
fn part(doc: &Document, tag: &str, class: &str, testid: Option<&str>) -> Element {
    let el = doc.create_element(tag).expect("known tag");
    el.set_class_name(class);
    if let Some(id) = testid {
        let _ = el.set_attribute("data-testid", id);
    }
    el
}

fn append(parent: &Element, children: &[&Element]) {
    for child in children {
        let _ = parent.append_child(child);
    }
}

/// The inside of a card with every optional line present; `fill` removes what a deal lacks.
fn skeleton(doc: &Document) -> DocumentFragment {
    let fragment = doc.create_document_fragment();
    let top = part(doc, "div", "card-top", None);
    let open = part(doc, "button", "card-open", Some("deal-open"));
    append(&open, &[&part(doc, "span", "card-customer", None)]);
    append(&top, &[&open, &part(doc, "span", "badge badge-sample", None)]);
    let meta = part(doc, "p", "card-meta", None);
    append(&meta, &[&part(doc, "span", "card-owner", None), &part(doc, "span", "card-close", None)]);
    let foot = part(doc, "div", "card-foot", None);
    let moves = part(doc, "span", "card-moves", None);
    for (glyph, testid) in [("◀", "move-back"), ("▶", "move-forward")] {
        let button = part(doc, "button", "card-move", Some(testid));
        button.set_text_content(Some(glyph));
        append(&moves, &[&button]);
    }
    let follow_up = part(doc, "button", "card-follow-up-set", Some("card-follow-up-set"));
    let _ = follow_up.set_attribute("type", "button");
    append(&foot, &[&part(doc, "span", "card-milestones", Some("open-milestones")), &follow_up, &moves]);
    for child in [
        top,
        part(doc, "p", "card-title", None),
        part(doc, "p", "card-overdue", Some("card-overdue")),
        part(doc, "p", "card-stalled", Some("card-stalled")),
        part(doc, "p", "card-follow-up", Some("card-follow-up")),
        part(doc, "p", "card-value", Some("deal-value")),
        part(doc, "p", "card-tags", None),
        meta,
        foot,
    ] {
        let _ = fragment.append_child(&child);
    }
    fragment
}

/// Element children in order, walked once.
struct Children(Option<Element>);

impl Iterator for Children {
    type Item = Element;
    fn next(&mut self) -> Option<Element> {
        let current = self.0.take()?;
        self.0 = current.next_element_sibling();
        Some(current)
    }
}

fn children(el: &Element) -> Children {
    Children(el.first_element_child())
}

/// Writes `texts` into a fresh copy of the skeleton inside `card`.
pub fn fill(card: &Element, texts: &CardTexts) {
    let Some(copy) = SKELETON.with(|s| s.clone_node_with_deep(true).ok()) else { return };
    let Ok(copy) = copy.dyn_into::<DocumentFragment>() else { return };
    let mut lines = Children(copy.first_element_child());
    let (Some(top), Some(title), Some(overdue), Some(stalled), Some(follow_up), Some(value), Some(tags), Some(meta), Some(foot)) =
        (lines.next(), lines.next(), lines.next(), lines.next(), lines.next(), lines.next(), lines.next(), lines.next(), lines.next())
    else {
        return;
    };
    let mut top_parts = children(&top);
    if let (Some(open), Some(badge)) = (top_parts.next(), top_parts.next()) {
        if let Some(customer) = open.first_element_child() {
            customer.set_text_content(Some(&texts.customer));
        }
        match texts.sample_badge {
            Some(text) => badge.set_text_content(Some(text)),
            None => badge.remove(),
        }
    }
    title.set_text_content(Some(&texts.title));
    // The title repeats a flag's text: a windowed column cuts long flags to one line.
    for (line, text) in [(&overdue, &texts.overdue), (&stalled, &texts.stalled), (&follow_up, &texts.follow_up)] {
        match text {
            Some(text) => {
                line.set_text_content(Some(text));
                let _ = line.set_attribute(intern("title"), text);
            }
            None => line.remove(),
        }
    }
    value.set_text_content(Some(&texts.value));
    if texts.tags.is_empty() {
        tags.remove();
    } else {
        let doc = document();
        for tag in &texts.tags {
            let span = part(&doc, intern("span"), intern("tag"), None);
            span.set_text_content(Some(tag));
            append(&tags, &[&span]);
        }
    }
    let mut meta_parts = children(&meta);
    if let (Some(owner), Some(close)) = (meta_parts.next(), meta_parts.next()) {
        owner.set_text_content(Some(&texts.owner));
        close.set_text_content(Some(&texts.close));
    }
    let mut foot_parts = children(&foot);
    if let (Some(milestones), Some(follow_up), Some(moves)) = (foot_parts.next(), foot_parts.next(), foot_parts.next()) {
        milestones.set_text_content(Some(&texts.milestones));
        follow_up.set_text_content(Some(intern(texts.follow_up_button)));
        if texts.all_done {
            let _ = milestones.class_list().add_1(intern("all-done"));
        }
        let mut buttons = children(&moves);
        for target in [&texts.back, &texts.forward] {
            let Some(button) = buttons.next() else { break };
            match target {
                Some((stage, label)) => {
                    let _ = button.set_attribute(intern("data-move-to"), stage);
                    let _ = button.set_attribute(intern("aria-label"), label);
                    let _ = button.set_attribute(intern("title"), label);
                }
                None => button.remove(),
            }
        }
    }
    let _ = card.append_child(&copy);
}
