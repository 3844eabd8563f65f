//! Calendar days as `YYYY-MM-DD` text: how files store them and what a date field
//! (`<input type="date">`) gives.
//!
//! A fixed reader and writer instead of chrono's format-string machinery: reading
//! 10,000 deals' dates through chrono's parser was a noticeable share of start-up, and
//! its parser and formatter were code the first load carried for this one shape.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::de::{self, Visitor};
use serde::{Deserializer, Serializer};

/// What a reader says when a text is not a day: `text::describe` turns it into the
/// person's words.
pub const NOT_A_DAY: &str = "not a YYYY-MM-DD day";

/// The day written `YYYY-MM-DD` (a four-digit year, a month and a day of one or two
/// digits each), if it is one on the calendar.
pub fn parse(text: &str) -> Option<NaiveDate> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || !(1..=2).contains(&month.len()) || !(1..=2).contains(&day.len()) {
        return None;
    }
    let number = |digits: &str| digits.bytes().try_fold(0u32, |n, b| b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0')));
    NaiveDate::from_ymd_opt(number(year)? as i32, number(month)?, number(day)?)
}

/// The day as `YYYY-MM-DD` (years before 1 or after 9999 never occur in Waypoint's data;
/// they are written with as many digits as they need).
pub fn format(day: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    let year = day.year();
    if !(0..=9999).contains(&year) {
        out.push_str(&year.to_string());
    } else {
        push_digits(year as u32, 4, &mut out);
    }
    out.push('-');
    push_digits(day.month(), 2, &mut out);
    out.push('-');
    push_digits(day.day(), 2, &mut out);
    out
}

fn push_digits(value: u32, width: u32, out: &mut String) {
    for place in (0..width).rev() {
        out.push(char::from(b'0' + (value / 10u32.pow(place) % 10) as u8));
    }
}

struct DayVisitor;

impl Visitor<'_> for DayVisitor {
    type Value = NaiveDate;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a date as YYYY-MM-DD")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<NaiveDate, E> {
        parse(text).ok_or_else(|| E::custom(NOT_A_DAY))
    }
}

/// `#[serde(with = "ymd::day")]` for a `NaiveDate` field.
pub mod day {
    use super::*;

    /// Writes the day as `YYYY-MM-DD` text.
    pub fn serialize<S: Serializer>(day: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(*day))
    }

    /// Reads a `YYYY-MM-DD` text.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        deserializer.deserialize_str(DayVisitor)
    }
}

/// `#[serde(default, with = "ymd::optional_day", skip_serializing_if = "Option::is_none")]`
/// for an `Option<NaiveDate>` field: `null` or absent is none.
pub mod optional_day {
    use super::*;

    /// Writes the day as `YYYY-MM-DD` text, or `null`.
    pub fn serialize<S: Serializer>(day: &Option<NaiveDate>, serializer: S) -> Result<S::Ok, S::Error> {
        match day {
            Some(day) => serializer.serialize_some(&format(*day)),
            None => serializer.serialize_none(),
        }
    }

    /// Reads a `YYYY-MM-DD` text or `null`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        struct OptionalDay;
        impl<'de> Visitor<'de> for OptionalDay {
            type Value = Option<NaiveDate>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
                deserializer.deserialize_str(DayVisitor).map(Some)
            }
        }
        deserializer.deserialize_option(OptionalDay)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_days() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(parse("2027-01-05"), Some(day));
        assert_eq!(parse("2027-1-5"), Some(day));
        assert_eq!(format(day), "2027-01-05");
        assert_eq!(format(NaiveDate::from_ymd_opt(987, 12, 31).unwrap()), "0987-12-31");
        for bad in
            ["", "2027-02-30", "2027-13-01", "27-01-05", "2027/01/05", "2027-01-05T00:00", "2027-01-", "２０２７-01-05", "2027-+1-05"]
        {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn agrees_with_chrono_on_every_day_of_four_centuries() {
        let mut day = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while day.year() < 2300 {
            let text = day.to_string();
            assert_eq!(format(day), text);
            assert_eq!(parse(&text), Some(day));
            day = day.succ_opt().unwrap();
        }
    }
}
