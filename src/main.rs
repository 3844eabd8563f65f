//! Mounts the app; everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(waypoint::ui::app::App);
    // The first screen is built and its handlers are attached.
    waypoint::browser::timing::mark("waypoint:interactive");
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Waypoint runs in the browser: use `make serve`.");
}
