//! Deal values: parsing what people type and showing amounts the way each
//! language reads them (Chinese groups large sums in 万 and 亿).

use crate::core::text::i18n::Lang;

/// Currencies offered in the deal form. Any three-letter code is accepted in files.
pub const CURRENCIES: [&str; 6] = ["CNY", "USD", "EUR", "HKD", "GBP", "JPY"];

/// Largest value accepted: 10^15 minor units keeps every sum of 10^4 deals far inside i64.
pub const MAX_VALUE_MINOR: i64 = 1_000_000_000_000_000;

/// Why typed text is not an amount `parse_amount` accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyError {
    /// Nothing but spaces, separators or currency signs.
    Empty,
    /// Something other than digits and one decimal point.
    NotANumber,
    /// A minus sign: deal values are never negative.
    Negative,
    /// More than two decimal places, finer than a minor unit.
    TooManyDecimals,
    /// Over `MAX_VALUE_MINOR` minor units.
    TooLarge,
}

/// Whether `code` has the shape of a currency code: exactly three ASCII capital letters (not checked against a list).
pub fn is_valid_currency(code: &str) -> bool {
    code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
}

/// The sign to write before amounts in `currency` (¥, $, €, HK$, £), or the code itself for any other currency.
pub fn symbol(currency: &str) -> &str {
    match currency {
        "CNY" | "JPY" => "¥",
        "USD" => "$",
        "EUR" => "€",
        "HKD" => "HK$",
        "GBP" => "£",
        other => other,
    }
}

/// Parses "120000", "120,000.5", "¥ 1 200" into minor units (hundredths).
pub fn parse_amount(input: &str) -> Result<i64, MoneyError> {
    let cleaned: String = input.trim().chars().filter(|c| !matches!(c, ',' | '，' | ' ' | '_' | '¥' | '$' | '€' | '£')).collect();
    if cleaned.is_empty() {
        return Err(MoneyError::Empty);
    }
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !all_digits(whole) || !all_digits(fraction) {
        return Err(MoneyError::NotANumber);
    }
    if negative {
        return Err(MoneyError::Negative);
    }
    if fraction.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| MoneyError::TooLarge)? };
    let cents: i64 = format!("{fraction:0<2}").parse().unwrap_or(0);
    let minor = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).ok_or(MoneyError::TooLarge)?;
    if minor > MAX_VALUE_MINOR {
        return Err(MoneyError::TooLarge);
    }
    Ok(minor)
}

/// The amount as a person would type it back into the form ("1250.5" → "1250.50").
pub fn amount_for_input(minor: i64) -> String {
    if minor % 100 == 0 {
        (minor / 100).to_string()
    } else {
        format!("{}.{:02}", minor / 100, minor % 100)
    }
}

/// A signed whole number with thousands separators, "-1,234".
pub fn group_thousands(whole: i64) -> String {
    let grouped = group_digits(whole.unsigned_abs());
    if whole < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A count with thousands separators, "10,571": large pipelines have long numbers.
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Full amount with symbol and separators: "¥120,000", "$1,250.50".
pub fn format_full(minor: i64, currency: &str) -> String {
    let whole = group_thousands(minor / 100);
    let cents = minor % 100;
    if cents == 0 {
        format!("{}{}", symbol(currency), whole)
    } else {
        format!("{}{}.{:02}", symbol(currency), whole, cents)
    }
}

/// Short amount for column totals: "¥35万", "¥1.2亿" in Chinese; "¥350K", "$1.2M" in English.
pub fn format_compact(minor: i64, currency: &str, lang: Lang) -> String {
    let units = minor as f64 / 100.0;
    let scaled = |value: f64, suffix: &str| {
        let shown = if value >= 100.0 { format!("{value:.0}") } else { trim_zero(format!("{value:.1}")) };
        format!("{}{}{}", symbol(currency), shown, suffix)
    };
    match lang {
        Lang::Zh if units >= 1e8 => scaled(units / 1e8, "亿"),
        Lang::Zh if units >= 1e4 => scaled(units / 1e4, "万"),
        Lang::En if units >= 1e9 => scaled(units / 1e9, "B"),
        Lang::En if units >= 1e6 => scaled(units / 1e6, "M"),
        Lang::En if units >= 1e4 => scaled(units / 1e3, "K"),
        _ => format_full(minor - minor % 100, currency),
    }
}

fn trim_zero(s: String) -> String {
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse_amount("120000"), Ok(12_000_000));
        assert_eq!(parse_amount("120,000.5"), Ok(12_000_050));
        assert_eq!(parse_amount(" ¥ 1 200 "), Ok(120_000));
        assert_eq!(parse_amount("0.07"), Ok(7));
        assert_eq!(parse_amount(".5"), Ok(50));
        assert_eq!(parse_amount("１２"), Err(MoneyError::NotANumber));
        assert_eq!(parse_amount("12a"), Err(MoneyError::NotANumber));
        assert_eq!(parse_amount("."), Err(MoneyError::NotANumber));
        assert_eq!(parse_amount(""), Err(MoneyError::Empty));
        assert_eq!(parse_amount("-5"), Err(MoneyError::Negative));
        assert_eq!(parse_amount("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(parse_amount("99999999999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn formats_full_and_compact_amounts() {
        assert_eq!(format_full(12_000_000, "CNY"), "¥120,000");
        assert_eq!(format_full(125_050, "USD"), "$1,250.50");
        assert_eq!(format_full(0, "EUR"), "€0");
        assert_eq!(
            (group_digits(0), group_digits(999), group_digits(1_000), group_digits(2_760_774)),
            ("0".into(), "999".into(), "1,000".into(), "2,760,774".into())
        );
        assert_eq!(format_compact(35_000_000, "CNY", Lang::Zh), "¥35万");
        assert_eq!(format_compact(12_000_000_000, "CNY", Lang::Zh), "¥1.2亿");
        assert_eq!(format_compact(35_000_000, "CNY", Lang::En), "¥350K");
        assert_eq!(format_compact(120_000_000, "USD", Lang::En), "$1.2M");
        assert_eq!(format_compact(950_075, "USD", Lang::En), "$9,500");
        assert_eq!(amount_for_input(125_050), "1250.50");
        assert_eq!(amount_for_input(12_000_000), "120000");
    }
}
