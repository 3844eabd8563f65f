//! CSV text in whatever encoding the spreadsheet wrote it, detected, never asked: UTF-8
//! with or without a byte-order mark, UTF-16 (Excel's "Unicode text", tab-separated),
//! and GBK / GB18030 (what Excel on a Chinese Windows writes as "CSV").

use encoding_rs::{GB18030, UTF_16BE, UTF_16LE};

use super::{Cell, SheetError, Table, MAX_SHEET_BYTES};

/// How a CSV file's text was encoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16, little or big endian.
    Utf16,
    /// GB18030, which reads GBK and GB2312 too.
    Gb18030,
}

impl TextEncoding {
    /// Its usual name, for the preview.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16 => "UTF-16",
            TextEncoding::Gb18030 => "GBK / GB18030",
        }
    }
}

/// The text of a CSV file and the encoding it was in.
pub fn decode_text(bytes: &[u8]) -> Result<(String, TextEncoding), SheetError> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(SheetError::TooLarge(bytes.len()));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(SheetError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest).map(|t| (t.to_owned(), TextEncoding::Utf8)).map_err(|_| SheetError::NotASheet);
    }
    for (bom, encoding) in [([0xFF, 0xFE], UTF_16LE), ([0xFE, 0xFF], UTF_16BE)] {
        if let Some(rest) = bytes.strip_prefix(&bom) {
            let (text, had_errors) = encoding.decode_without_bom_handling(rest);
            return if had_errors { Err(SheetError::NotASheet) } else { Ok((text.into_owned(), TextEncoding::Utf16)) };
        }
    }
    // UTF-16 without a mark: ASCII-heavy text has a zero in every other byte.
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    let zeros_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
    let half = sample.len() / 2;
    if half > 4 && (zeros_odd * 3 > half || zeros_even * 3 > half) {
        let encoding = if zeros_odd >= zeros_even { UTF_16LE } else { UTF_16BE };
        let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
        if !had_errors {
            return Ok((text.into_owned(), TextEncoding::Utf16));
        }
    }
    if bytes.contains(&0) {
        return Err(SheetError::NotASheet);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_owned(), TextEncoding::Utf8));
    }
    let (text, had_errors) = GB18030.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(SheetError::NotASheet);
    }
    Ok((text.into_owned(), TextEncoding::Gb18030))
}

/// The separator a CSV file uses: the one of comma, tab and semicolon found most in its first line.
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    [b',', b'\t', b';'].into_iter().max_by_key(|s| first.bytes().filter(|b| b == s).count()).unwrap_or(b',')
}

/// A CSV file's table, whatever its encoding and separator.
pub fn read_csv(bytes: &[u8]) -> Result<Table, SheetError> {
    let (text, encoding) = decode_text(bytes)?;
    // Control characters other than line ends and tabs mean a binary file read as text.
    let controls = text.chars().take(4096).filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')).count();
    if controls > 2 {
        return Err(SheetError::NotASheet);
    }
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(separator(&text)).from_reader(text.as_bytes());
    let mut raw = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let record = record.map_err(|_| SheetError::NotASheet)?;
        // The header and at most MAX_ROWS rows under it; more is refused by `from_rows`.
        if raw.len() > super::MAX_ROWS + 1 {
            return Err(SheetError::TooManyRows(super::MAX_ROWS));
        }
        let cells = record.iter().map(|c| if c.trim().is_empty() { Cell::Empty } else { Cell::Text(c.to_owned()) }).collect();
        raw.push((index + 1, cells));
    }
    let mut table = Table::from_rows(raw)?;
    table.encoding = Some(encoding);
    Ok(table)
}
