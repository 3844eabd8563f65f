//! index.html paints a static copy of the app's first screen (scripts/skeleton.mjs writes it)
//! while the wasm downloads; the app takes over by removing it as it mounts.

/// Removes the skeleton (both languages' copies), if the page has one.
pub fn remove() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(shells) = document.query_selector_all(".skeleton") {
        for index in 0..shells.length() {
            if let Some(node) = shells.item(index) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
}
