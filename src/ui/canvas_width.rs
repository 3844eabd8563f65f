//! The width a chart canvas should draw at: its container's, kept up to date on resize.

use leptos::html::Canvas;
use leptos::prelude::*;

/// The CSS width of `canvas`'s container, measured when it mounts and on every window resize.
pub fn container_width(canvas: NodeRef<Canvas>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0_f64);
    let measure = move || {
        if let Some(parent) = canvas.get_untracked().and_then(|c| c.parent_element()) {
            width.set(f64::from(parent.client_width()));
        }
    };
    Effect::new(move |_| {
        if canvas.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    width
}
