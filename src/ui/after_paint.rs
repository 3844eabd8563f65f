//! Start-up work the first screen does not wait on, run once that screen is painted, and
//! start-up work that runs while files load.

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` once the page has painted its next frame (fetching later parts, asking
/// for persistent storage). A timeout set in an animation frame callback runs after
/// that frame is painted; work started straight from start-up would run in its
/// microtasks, before the first paint.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}

/// Resolves in a later task: work started before it (a fetch, say) is under way by then.
pub async fn after_this_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
