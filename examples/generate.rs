//! Writes a generated workspace as a Waypoint file, for the benchmark and for
//! trying the planner at scale: `cargo run --release --example generate -- 10000 7 > big.json`
//! (deal count, then seed).

use waypoint::core::files::envelope::export_json;
use waypoint::core::generate::generate_workspace;

/// 2026-11-23T00:00:00Z: a fixed "now", so a seed always gives the same file.
const NOW: i64 = 1_795_392_000_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let deals = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    print!("{}", export_json(&generate_workspace(seed, deals, NOW), NOW));
}
