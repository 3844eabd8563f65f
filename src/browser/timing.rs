//! User Timing entries ("waypoint:…") for the work a person waits on: saving,
//! drawing a chart, start-up. They show in the browser's performance panel, and
//! `make bench` reads them. Only the latest measure of each name is kept, so a
//! long session does not pile them up.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// A point in time, e.g. "waypoint:interactive" once the first screen is up.
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        p.clear_marks_with_mark_name(name);
        let _ = p.mark(name);
    }
}

/// Runs `work` and records how long it took as the measure `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(p) = performance() else { return work() };
    let start = format!("{name}:start");
    let _ = p.mark(&start);
    let out = work();
    p.clear_measures_with_measure_name(name);
    let _ = p.measure_with_start_mark(name, &start);
    p.clear_marks_with_mark_name(&start);
    out
}

/// Milliseconds since the page started, for adding up work done in several pieces.
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Records `duration_ms` of work done in several pieces, ending now, as the measure `name`.
pub fn record(name: &str, duration_ms: f64) {
    use wasm_bindgen::JsCast;
    let Some(p) = performance() else { return };
    let options = js_sys::Object::new();
    let start = (p.now() - duration_ms).max(0.0);
    let _ = js_sys::Reflect::set(&options, &"start".into(), &start.into());
    let _ = js_sys::Reflect::set(&options, &"duration".into(), &duration_ms.into());
    p.clear_measures_with_measure_name(name);
    // web-sys has no binding for the options form of `performance.measure`.
    if let Some(measure) = js_sys::Reflect::get(&p, &"measure".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = measure.call2(&p, &name.into(), &options);
    }
}
