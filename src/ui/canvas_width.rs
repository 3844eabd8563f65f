//! The width a chart canvas should draw at: its container's, kept up to date on resize.

use leptos::html::Canvas;
use leptos::prelude::*;

/// The CSS width of `canvas`'s container, measured when it mounts and on every window resize.
pub fn container_width(canvas: NodeRef<Canvas>) -> RwSignal<f64> {
    let width = RwSignal::new(0.0_f64);
    Effect::new(move |_| {
        if canvas.get().is_some() {
            measure(canvas, width);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure(canvas, width));
    on_cleanup(move || resize.remove());
    width
}

/// Sets `width` to the container's width once the canvas is in the page: a part that loads
/// later (src/ui/lazy.rs) is built before it is attached, when nothing has a width yet.
fn measure(canvas: NodeRef<Canvas>, width: RwSignal<f64>) {
    let Some(element) = canvas.get_untracked() else { return };
    if !element.is_connected() {
        request_animation_frame(move || measure(canvas, width));
        return;
    }
    if let Some(parent) = element.parent_element() {
        // The chart may have closed in the meantime.
        width.try_set(f64::from(parent.client_width()));
    }
}
