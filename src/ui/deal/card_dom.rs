//! Draws a card's inside in the page's own code (`src/browser/card.js`).
//!
//! A board of 1,000 cards built element by element from wasm costs about a hundred
//! calls into the DOM per card, each decoding its strings on the way; here the card's
//! texts (worked out and put into words in Rust, `core::deal::card`) cross as one
//! string and the page builds the card with plain DOM calls, which is what lets the
//! board draw nearly as fast as hand-written DOM code.

use wasm_bindgen::prelude::wasm_bindgen;

use crate::core::deal::card::CardTexts;
use crate::core::model::Id;

#[wasm_bindgen(module = "/src/browser/card.js")]
extern "C" {
    #[wasm_bindgen(js_name = fillCard)]
    fn fill_card(card: &web_sys::Element, packed: &str);
}

/// Writes deal `id`'s card from `texts` into the bare `card` element: its class, label, marks and lines.
pub fn fill(card: &web_sys::Element, id: &Id, texts: &CardTexts) {
    fill_card(card, &texts.packed(id));
}
