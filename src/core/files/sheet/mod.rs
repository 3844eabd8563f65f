//! A team's spreadsheet brought in: CSV in any encoding Excel or WPS writes, and xlsx.
//! The file becomes a [`Table`] (header row and cells), the person maps its columns to
//! deal fields and its stage names to the roadmap's stages, [`plan_import`] says what
//! would be added, updated and skipped (each skipped row with its number and reason),
//! and the import is applied as one command, so one Undo takes it all back.

mod decode;
mod mapping;
mod plan;
mod xlsx;

pub use decode::{decode_text, read_csv, TextEncoding};
pub use mapping::{guess_field, header_key, parse_date, parse_sheet_amount, Field, Mapping, StageChoice};
pub use plan::{apply_import, plan_import, ImportPreview, PlanError, RowAction, RowDeal, RowProblem, SheetImport, SkippedRow};
pub use xlsx::{is_workbook, read_xlsx, sheet_names};

use crate::core::learn::samples::Bi;
use crate::core::text::i18n::{fill, Lang};

/// A sheet file read: the table of the chosen sheet (the first by default), and every
/// sheet's name (one for a CSV file).
pub fn read_sheet(bytes: &[u8], sheet: Option<&str>) -> Result<(Table, Vec<String>), SheetError> {
    if bytes.is_empty() {
        return Err(SheetError::Empty);
    }
    if is_workbook(bytes) {
        let names = sheet_names(bytes)?;
        Ok((read_xlsx(bytes, sheet)?, names))
    } else {
        Ok((read_csv(bytes)?, Vec::new()))
    }
}

/// The most rows a sheet may hold (a team's pipeline, not a data warehouse).
pub const MAX_ROWS: usize = 20_000;
/// The largest file read, in bytes.
pub const MAX_SHEET_BYTES: usize = 20 * 1024 * 1024;

/// One cell as the sheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing in it.
    Empty,
    /// Text (a CSV cell is always text).
    Text(String),
    /// A number (an xlsx number cell, or a formula's cached number).
    Number(f64),
    /// A date cell.
    Date(chrono::NaiveDate),
}

impl Cell {
    /// The cell as text, the way a person reads it (dates as YYYY-MM-DD).
    pub fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().to_owned(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => format!("{n}"),
            Cell::Date(d) => d.to_string(),
        }
    }

    /// Whether the cell holds nothing but spaces.
    pub fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// A sheet read: the header row and the rows under it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The header of each column, trimmed.
    pub headers: Vec<String>,
    /// The rows under the header, each as long as `headers`.
    pub rows: Vec<Vec<Cell>>,
    /// The sheet's row number (from 1, as the spreadsheet shows it) of each row in `rows`.
    pub row_numbers: Vec<usize>,
    /// How the text was encoded (a CSV file), for the preview.
    pub encoding: Option<TextEncoding>,
    /// Merged cells were filled with their top-left value (an xlsx file).
    pub merged_filled: usize,
}

impl Table {
    /// Builds a table from raw rows: the first row with anything in it is the header;
    /// empty rows are dropped; every row is made as long as the header.
    pub fn from_rows(raw: Vec<(usize, Vec<Cell>)>) -> Result<Table, SheetError> {
        let mut rows = raw.into_iter().filter(|(_, cells)| cells.iter().any(|c| !c.is_blank()));
        let (_, header) = rows.next().ok_or(SheetError::Empty)?;
        // A header names its columns: a first row of numbers and dates is data, not a header.
        let named = header.iter().filter(|c| matches!(c, Cell::Text(t) if !t.trim().is_empty() && !looks_numeric(t))).count();
        if named == 0 || named * 2 < header.iter().filter(|c| !c.is_blank()).count() {
            return Err(SheetError::NoHeader);
        }
        let headers: Vec<String> = header.iter().map(Cell::text).collect();
        let width = headers.len();
        let mut table = Table { headers, ..Table::default() };
        for (number, mut cells) in rows {
            if table.rows.len() == MAX_ROWS {
                return Err(SheetError::TooManyRows(MAX_ROWS));
            }
            cells.resize(width.max(cells.len()), Cell::Empty);
            cells.truncate(width);
            table.rows.push(cells);
            table.row_numbers.push(number);
        }
        if table.rows.is_empty() {
            return Err(SheetError::NoRows);
        }
        Ok(table)
    }
}

fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty() && t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '/' | ' '))
}

/// Why a file could not be read as a sheet. Nothing changes when one is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// The file is empty, or has no cell with anything in it.
    Empty,
    /// The first row is data, not column names.
    NoHeader,
    /// Only a header, no rows under it.
    NoRows,
    /// More rows than [`MAX_ROWS`].
    TooManyRows(usize),
    /// Larger than [`MAX_SHEET_BYTES`].
    TooLarge(usize),
    /// An xlsx with a password to open it.
    Encrypted,
    /// An old binary Excel file (.xls).
    OldExcel,
    /// Not text in any encoding a spreadsheet writes, and not an xlsx workbook.
    NotASheet,
    /// An xlsx whose named sheet is missing, or whose parts are damaged (the detail, as the reader said).
    Damaged(String),
}

impl SheetError {
    /// The reason in the person's language.
    pub fn describe(&self, lang: Lang) -> String {
        let (text, arg): (Bi, String) = match self {
            SheetError::Empty => (("文件是空的，没有任何内容。", "The file is empty."), String::new()),
            SheetError::NoHeader => (
                ("第一行不是表头：请在第一行写上列名（如“客户”“商机”“金额”）。", "The first row is not a header: put column names (such as “Customer”, “Deal”, “Amount”) in the first row."),
                String::new(),
            ),
            SheetError::NoRows => (("只有表头，下面没有数据。", "There is a header but no rows under it."), String::new()),
            SheetError::TooManyRows(limit) => (
                ("行数超过 {0} 行的上限。请拆成几个文件分别导入。", "There are more than {0} rows, the limit. Split the sheet into several files."),
                crate::core::text::money::group_digits(*limit as u64),
            ),
            SheetError::TooLarge(bytes) => (
                ("文件太大（{0} MB），最多 20 MB。", "The file is too large ({0} MB); the limit is 20 MB."),
                format!("{:.1}", *bytes as f64 / 1_048_576.0),
            ),
            SheetError::Encrypted => (
                ("这个 Excel 文件设置了打开密码。请在 Excel 里去掉密码（文件 → 信息 → 保护工作簿）后另存，再导入。", "This Excel file has a password to open it. Remove the password in Excel (File → Info → Protect Workbook), save it, and import again."),
                String::new(),
            ),
            SheetError::OldExcel => (
                ("这是旧版 Excel 文件（.xls）。请在 Excel 或 WPS 里另存为 .xlsx 或 CSV 再导入。", "This is an old Excel file (.xls). Save it as .xlsx or CSV in Excel or WPS and import that."),
                String::new(),
            ),
            SheetError::NotASheet => (
                ("这不是表格文件：请选择 .csv 或 .xlsx 文件（Excel、WPS 都可以另存为这两种格式）。", "This is not a spreadsheet: choose a .csv or .xlsx file (Excel and WPS can save as either)."),
                String::new(),
            ),
            SheetError::Damaged(detail) => (("表格文件已损坏，无法读取（{0}）。", "The spreadsheet is damaged and cannot be read ({0})."), detail.clone()),
        };
        fill(lang.pick(text), &[&arg])
    }
}
