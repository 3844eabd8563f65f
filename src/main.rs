//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    // When the wasm has arrived, compiled and begun: the rest of start-up is the app's own work.
    waypoint::browser::timing::mark("waypoint:wasm-start");
    // Panic messages in the console while developing; a release build spares the bytes.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(waypoint::ui::app::App);
    // index.html's skeleton goes in the same task, so no frame shows both or neither.
    waypoint::browser::skeleton::remove();
    // The first screen is built and its handlers are attached.
    waypoint::browser::timing::mark("waypoint:interactive");
    // Then the parts that load later (src/ui/lazy.rs), while the person looks at the board.
    waypoint::ui::lazy::preload_later_parts();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waypoint runs in the browser: use `make serve`.");
}
