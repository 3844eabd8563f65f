//! Writes the spreadsheet fixtures of the sheet import tests into a folder (default
//! `target/sheet-fixtures`): the files a team brings from Excel and WPS.
//!
//! `cargo run --example sheet_fixtures -- <folder>`
//!
//! - `excel-gbk.csv`: what Excel on a Chinese Windows writes as "CSV" (GBK, CRLF);
//! - `unicode-text.txt`: Excel's "Unicode text" (UTF-16 LE with a mark, tab-separated);
//! - `pipeline.xlsx`: date cells, a formula (its cached value is read), a merged stage
//!   cell, amounts in 万, and a second sheet;
//! - `encrypted.xlsx`: the compound-file shape of a workbook with a password;
//! - `not-a-sheet.xlsx`: a zip that is no workbook.

#[path = "../tests/common/sheets.rs"]
mod sheets;

fn main() {
    let folder = std::env::args().nth(1).unwrap_or_else(|| "target/sheet-fixtures".into());
    std::fs::create_dir_all(&folder).expect("the fixture folder");
    for (name, bytes) in sheets::all() {
        std::fs::write(format!("{folder}/{name}"), bytes).expect("a fixture written");
    }
    println!("{folder}");
}
