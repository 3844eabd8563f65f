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
