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

/// Resolves in the next task: work started before it (a fetch, say) is under way by then.
/// A message to a channel of our own is a task of its own, as a timeout is, without the
/// few milliseconds Chromium was seen to hold back a zero timeout here at start-up.
pub async fn after_this_task() {
    // Held until the message has come, so the channel cannot be collected before.
    let channel = web_sys::MessageChannel::new().ok();
    let promise = js_sys::Promise::new(&mut |resolve, _| match &channel {
        Some(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::UNDEFINED);
        }
        // No channel to be had: a timeout does the same job, a little later.
        None => {
            let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    drop(channel);
}
