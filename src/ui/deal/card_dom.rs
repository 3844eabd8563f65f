//! Draws a card's inside in the page's own code (`src/browser/card.js`).
//!
//! A board of 1,000 cards built element by element from wasm costs about a hundred
//! calls into the DOM per card, each decoding its strings on the way; here the card's
//! texts (worked out and put into words in Rust, `core::deal::card`) are packed into one
//! string for every card drawn in the same task, and the page builds the cards with plain
//! DOM calls in one crossing, which is what lets the board draw nearly as fast as
//! hand-written DOM code.

use std::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;

use crate::core::deal::card::{CardTexts, CARD_NEXT};
use crate::core::model::Id;

#[wasm_bindgen(module = "/src/browser/card.js")]
extern "C" {
    #[wasm_bindgen(js_name = fillCards)]
    fn fill_cards(cards: Vec<web_sys::Element>, packed: &str);
}

/// Cards drawn in this task and not filled yet, with their texts packed in the same order.
#[derive(Default)]
struct Waiting {
    cards: Vec<web_sys::Element>,
    packed: String,
}

thread_local! {
    static WAITING: RefCell<Waiting> = RefCell::new(Waiting::default());
}

/// Writes deal `id`'s card from `texts` into the bare `card` element: its class, label,
/// marks and lines. The writing waits for the end of the task's synchronous work (a
/// microtask, so always before the page paints), when every card drawn with it is
/// written in one call.
pub fn fill(card: &web_sys::Element, id: &Id, texts: &CardTexts) {
    let first = WAITING.with_borrow_mut(|waiting| {
        let first = waiting.cards.is_empty();
        if !first {
            waiting.packed.push(CARD_NEXT);
        }
        texts.pack_into(id, &mut waiting.packed);
        waiting.cards.push(card.clone());
        first
    });
    if first {
        leptos::prelude::queue_microtask(fill_waiting);
    }
}

/// Writes the cards drawn so far at once, rather than at the end of the task: start-up
/// calls it before it marks the board interactive.
pub fn fill_waiting() {
    let Waiting { cards, packed } = WAITING.with_borrow_mut(std::mem::take);
    if !cards.is_empty() {
        fill_cards(cards, &packed);
    }
}
