//! xlsx workbooks (Excel, WPS), read with calamine: formula cells give the value Excel
//! cached, date cells become dates, and a merged cell's value fills its whole region
//! (a stage written once beside several rows applies to each). Encrypted workbooks and
//! old .xls files are told apart from damaged ones.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use super::{Cell, SheetError, Table, MAX_SHEET_BYTES};

/// The start of every OLE compound file: old .xls workbooks, and xlsx files with a password.
const COMPOUND_FILE: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Whether `bytes` start like a workbook (a zip or a compound file) rather than CSV text.
pub fn is_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&COMPOUND_FILE)
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, SheetError> {
    if bytes.len() > MAX_SHEET_BYTES {
        return Err(SheetError::TooLarge(bytes.len()));
    }
    if bytes.starts_with(&COMPOUND_FILE) {
        // A password-protected xlsx is a compound file holding "EncryptedPackage".
        let marker: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        return Err(if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) { SheetError::Encrypted } else { SheetError::OldExcel });
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(SheetError::NotASheet);
    }
    // A zip that is not a workbook (a .docx, say) has no workbook part.
    Xlsx::new(Cursor::new(bytes)).map_err(|_| SheetError::NotASheet)
}

/// The names of a workbook's sheets, in order.
pub fn sheet_names(bytes: &[u8]) -> Result<Vec<String>, SheetError> {
    let workbook = open(bytes)?;
    let names = workbook.sheet_names();
    // A zip with no sheets is some other document.
    if names.is_empty() {
        return Err(SheetError::NotASheet);
    }
    Ok(names)
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty | Data::Error(_) => Cell::Empty,
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(n) => Cell::Number(*n),
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.to_owned()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let serial = dt.as_f64();
            chrono::NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|d| d.checked_add_days(chrono::Days::new(serial.max(0.0).floor() as u64)))
                .map_or(Cell::Number(serial), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => {
            let day = s.split('T').next().unwrap_or_default();
            crate::core::ymd::parse(day).map_or_else(|| Cell::Text(s.clone()), Cell::Date)
        }
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

/// The table of the sheet named `sheet`, or of the first sheet.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Table, SheetError> {
    let mut workbook = open(bytes)?;
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(name) => names.iter().find(|n| *n == name).cloned().ok_or_else(|| SheetError::Damaged(name.to_owned()))?,
        None => names.first().cloned().ok_or(SheetError::Empty)?,
    };
    let range = workbook.worksheet_range(&name).map_err(|e| SheetError::Damaged(e.to_string()))?;
    let Some((top, left)) = range.start() else { return Err(SheetError::Empty) };
    if range.height() > super::MAX_ROWS + 1 {
        return Err(SheetError::TooManyRows(super::MAX_ROWS));
    }
    let mut grid: Vec<Vec<Cell>> = range.rows().map(|row| row.iter().map(cell).collect()).collect();
    // A merged region keeps its value in the top-left cell only: copy it over the region.
    let mut filled = 0;
    for region in workbook.merge_cells_by_sheet_name(&name).unwrap_or_default() {
        let at = |(r, c): (u32, u32)| Some((r.checked_sub(top)? as usize, c.checked_sub(left)? as usize));
        let (Some((r0, c0)), Some((r1, c1))) = (at(region.start), at(region.end)) else { continue };
        let Some(value) = grid.get(r0).and_then(|row: &Vec<Cell>| row.get(c0)).cloned() else { continue };
        for row in grid.iter_mut().take(r1 + 1).skip(r0) {
            for slot in row.iter_mut().take(c1 + 1).skip(c0) {
                if slot.is_blank() && !value.is_blank() {
                    *slot = value.clone();
                    filled += 1;
                }
            }
        }
    }
    let raw = grid.into_iter().enumerate().map(|(i, cells)| (top as usize + i + 1, cells)).collect();
    let mut table = Table::from_rows(raw)?;
    table.merged_filled = filled;
    Ok(table)
}
