//! The JSON codec (`core::files::codec`) in the page. In the split build its code is a
//! part of its own (it took a fifth of the main module, gzipped): loaded at start-up when
//! a copy is stored or the address holds a share link, and right after the first paint on
//! a first visit, which has nothing to read. Saves, imports, exports, links and undo's
//! field-by-field combination use it through here; whatever asks before it has loaded
//! runs once it has.

use std::cell::Cell;

use crate::core::files::codec::Codec;

thread_local! {
    static LOADED: Cell<Option<&'static dyn Codec>> = const { Cell::new(None) };
}

/// The codec, if it has loaded.
pub fn loaded() -> Option<&'static dyn Codec> {
    LOADED.with(Cell::get)
}

/// The codec, loading it first if need be.
pub async fn load() -> &'static dyn Codec {
    if let Some(codec) = loaded() {
        return codec;
    }
    let codec = crate::ui::lazy::codec().await;
    LOADED.with(|slot| slot.set(Some(codec)));
    codec
}

/// Runs `work` with the codec: at once when it has loaded, else as soon as it has.
pub fn with_codec(work: impl FnOnce(&'static dyn Codec) + 'static) {
    match loaded() {
        Some(codec) => work(codec),
        None => leptos::task::spawn_local(async move { work(load().await) }),
    }
}
