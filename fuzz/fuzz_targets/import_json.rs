//! Any bytes as an imported file: the importer must never panic, and whatever
//! it accepts must be a valid workspace that survives export and import unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use waypoint::core::files::envelope::{export_json, import_json};
use waypoint::core::validate;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(ws) = import_json(text) {
        assert!(validate::check(&ws).is_ok(), "an accepted file is valid");
        let again = import_json(&export_json(&ws, 0)).expect("an accepted file exports to a file that imports");
        assert_eq!(again, ws);
    }
});
