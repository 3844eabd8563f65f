//! Writes a generated workspace as a Waypoint file, for the benchmark and for
//! trying the planner at scale: `cargo run --release --example generate -- 10000 7 > big.json`
//! (deal count, then seed). A third word changes what is written:
//! - `teammate`: a teammate's copy of that workspace after a day of changes, to merge;
//! - `deletions`: one JSON line with the stored size of the workspace after a year of
//!   deletions, with and without the tombstones they left (`bytes_with`, `bytes_without`).

use waypoint::core::files::envelope::export_json;
use waypoint::core::files::stored;
use waypoint::core::generate::generate_workspace;
use waypoint::core::generate::team::{a_year_of_deletions, teammate_copy};

/// 2026-11-23T00:00:00Z: a fixed "now", so a seed always gives the same file.
const NOW: i64 = 1_795_392_000_000;

fn main() {
    let mut args = std::env::args().skip(1);
    let deals = args.next().and_then(|a| a.parse().ok()).unwrap_or(1_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(7);
    let ws = generate_workspace(seed, deals, NOW);
    match args.next().as_deref() {
        Some("teammate") => print!("{}", export_json(&teammate_copy(&ws, seed, NOW + 3_600_000), NOW + 7_200_000)),
        Some("deletions") => {
            let mut year = ws;
            a_year_of_deletions(&mut year, seed, NOW);
            let with = stored::encode(&year, NOW).len();
            year.deleted.clear();
            let without = stored::encode(&year, NOW).len();
            println!("{{\"bytes_with\":{with},\"bytes_without\":{without}}}");
        }
        _ => print!("{}", export_json(&ws, NOW)),
    }
}
