//! Start-up work the first screen does not wait on, run once that screen is painted.

use leptos::prelude::{request_animation_frame, set_timeout};

/// Runs `work` once the page has painted its next frame (fetching later parts, asking
/// for persistent storage). A timeout set in an animation frame callback runs after
/// that frame is painted; work started straight from start-up would run in its
/// microtasks, before the first paint.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, std::time::Duration::ZERO));
}
