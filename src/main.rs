//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    use waypoint::ui::files::{codec, persistence};
    // When the wasm has arrived, compiled and begun: the rest of start-up is the app's own work.
    waypoint::browser::timing::mark("waypoint:wasm-start");
    // Panic messages in the console while developing; a release build spares the bytes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // A stored copy (or a share link) is read with the codec, a part of its own in the
    // split build. Its files are asked for first (this task's microtasks); the stored copy
    // is read and unpacked while they download (the next task), and the app starts once
    // both are done. Leptos's executor is set up by mounting, so these use the browser's.
    // A first visit starts at once and loads the codec after painting.
    if persistence::codec_needed_at_start() {
        wasm_bindgen_futures::spawn_local(async {
            codec::load().await;
        });
        wasm_bindgen_futures::spawn_local(async {
            waypoint::ui::after_paint::after_this_task().await;
            persistence::read_stored_copy();
            codec::load().await;
            start();
        });
    } else {
        start();
    }
}

#[cfg(target_arch = "wasm32")]
fn start() {
    leptos::mount::mount_to_body(waypoint::ui::app::App);
    // index.html's skeleton goes in the same task, so no frame shows both or neither.
    waypoint::browser::skeleton::remove();
    // The first screen is built, its cards written and its handlers attached.
    waypoint::ui::deal::card_dom::fill_waiting();
    waypoint::browser::timing::mark("waypoint:interactive");
    // Then the codec and the parts that load later (src/ui/lazy.rs), while the person looks at the board.
    waypoint::ui::lazy::preload_later_parts();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waypoint runs in the browser: use `make serve`.");
}
