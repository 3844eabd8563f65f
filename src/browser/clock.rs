//! Time and randomness come from the browser; the core only receives values.

use chrono::NaiveDate;

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Today's date where the person is (for file names and "today").
pub fn local_today() -> NaiveDate {
    let date = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date()).unwrap_or_default()
}

/// The time of day where the person is, e.g. "10:42".
pub fn local_time() -> String {
    let date = js_sys::Date::new_0();
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A random id prefix, e.g. "k3f9a2xq": 40 bits, so two people (or two tabs) never
/// mint the same id and their files merge without clashes.
pub fn random_origin() -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
    (0..8).map(|_| ALPHABET[(js_sys::Math::random() * ALPHABET.len() as f64) as usize % ALPHABET.len()] as char).collect()
}

/// The browser's preferred language tag, e.g. "zh-CN".
pub fn browser_language() -> String {
    web_sys::window().and_then(|w| w.navigator().language()).unwrap_or_default()
}
