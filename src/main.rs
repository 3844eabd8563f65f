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
    // split build. index.html started compiling its files beside the main wasm when a copy
    // is stored, so loading it here mostly instantiates them; then `start` unpacks and reads
    // the copy in one stretch. (Unpacking while the files came left the codec's compile
    // waiting behind the unpacking: 8–20 ms more.) Leptos's executor is set up by mounting,
    // so this uses the browser's. A first visit starts at once and loads the codec after
    // painting.
    if persistence::codec_needed_at_start() {
        wasm_bindgen_futures::spawn_local(async {
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
