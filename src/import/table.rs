//! Reading a register into a grid of cells: `.xlsx`, `.xls`, `.ods` (and the other
//! formats calamine reads) one sheet at a time, `.csv` and Excel's "Unicode text" with
//! its encoding and delimiter detected. Knows nothing of columns or front matter; the
//! cells keep their spreadsheet position so problems can name `Sheet1!C7`.

use std::path::Path;

use calamine::{Data, Reader as _};

use crate::article::Date;

/// One cell's value, as the register holds it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    /// Nothing (also the covered cells of a merged range).
    Empty,
    /// Text, trimmed.
    Text(String),
    /// A number (numbers stored as text stay `Text`; see `columns`).
    Number(f64),
    /// A cell formatted as a date.
    Date(Date),
}

/// The cells of one sheet, with where they start in the spreadsheet.
#[derive(Debug)]
pub(crate) struct Table {
    /// The sheet's name (`None` for a CSV file, which has none).
    pub sheet: Option<String>,
    /// 0-based row and column of `rows[0][0]` in the sheet.
    pub origin: (u32, u32),
    /// The rows, each as wide as the sheet's used range.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cell reference a problem names: `Sheet1!C7`, or `C7` in a CSV file.
    /// `row` and `col` index `rows`.
    pub(crate) fn cell_ref(&self, row: usize, col: usize) -> String {
        let r = row + self.origin.0 as usize + 1;
        let c = column_letters(col + self.origin.1 as usize);
        match &self.sheet {
            Some(s) if s.contains([' ', '!', '\'']) => format!("'{s}'!{c}{r}"),
            Some(s) => format!("{s}!{c}{r}"),
            None => format!("{c}{r}"),
        }
    }
}

/// `0` → `A`, `25` → `Z`, `26` → `AA`.
pub(crate) fn column_letters(mut col: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Reads `path`: the sheet named `sheet` (or the first) of a workbook, or a CSV file.
/// The error is a message for the user.
pub(crate) fn read(path: &Path, sheet: Option<&str>) -> Result<Table, String> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if matches!(ext.as_str(), "csv" | "txt" | "tsv") {
        let bytes =
            std::fs::read(path).map_err(|e| crate::error::Error::io(path, e).to_string())?;
        return csv_table(&bytes);
    }
    let mut book = calamine::open_workbook_auto(path).map_err(|e| {
        crate::t!(
            "import-not-spreadsheet",
            file = path.display().to_string(),
            error = e.to_string()
        )
    })?;
    let names = book.sheet_names();
    let name = match sheet {
        Some(s) => names
            .iter()
            .find(|n| n.as_str() == s || crate::vietnamese::fold(n) == crate::vietnamese::fold(s))
            .cloned()
            .ok_or_else(|| {
                crate::t!(
                    "import-no-sheet",
                    sheet = s,
                    file = path.display().to_string(),
                    sheets = names.join(", "),
                )
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| crate::t!("import-no-sheets", file = path.display().to_string()))?,
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        let file = path.display().to_string();
        crate::t!(
            "import-bad-sheet",
            sheet = name.as_str(),
            file = file,
            error = e.to_string()
        )
    })?;
    let origin = range.start().unwrap_or((0, 0));
    let rows = range.rows().map(|r| r.iter().map(cell).collect()).collect();
    Ok(Table {
        sheet: Some(name),
        origin,
        rows,
    })
}

fn cell(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            serial_date(dt.as_f64()).map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(Date::parse)
            .map_or_else(|| text(s), Cell::Date),
        Data::DurationIso(s) => text(s),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

fn text(s: &str) -> Cell {
    let t = s.trim();
    if t.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(crate::vietnamese::nfc(t))
    }
}

/// The date of an Excel serial day number (1900 system): 43322 → 2018-08-10.
/// Only whole days from 1 March 1900 on (Excel's fictitious 29 Feb 1900 is serial 60).
pub(crate) fn serial_date(serial: f64) -> Option<Date> {
    if !(61.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // Serial 25569 is 1970-01-01.
    let days = serial.floor() as i64 - 25_569;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
    Some(Date { year, month, day })
}

/// A CSV file's bytes as a table: UTF-8 with or without BOM, or UTF-16 with BOM
/// (Excel's "Unicode text"); comma, semicolon or tab, whichever splits it best.
fn csv_table(bytes: &[u8]) -> Result<Table, String> {
    let text = decode(bytes)?;
    let delimiter = delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| crate::t!("import-bad-csv", error = e.to_string()))?;
        rows.push(record.iter().map(text_cell).collect::<Vec<_>>());
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for r in &mut rows {
        r.resize(width, Cell::Empty);
    }
    Ok(Table {
        sheet: None,
        origin: (0, 0),
        rows,
    })
}

/// A CSV cell. The apostrophe a CSV export (kheo's own among them) puts before a
/// cell that would run as a formula is not part of the value.
fn text_cell(s: &str) -> Cell {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '@', '\t', '\r']) => text(rest),
        _ => text(s),
    }
}

fn decode(bytes: &[u8]) -> Result<String, String> {
    let utf16 = |b: &[u8], le: bool| {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map_err(|_| crate::t!("import-bad-utf16"))
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        std::str::from_utf8(rest).map(str::to_owned).map_err(|_| ())
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, true);
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, false);
    } else {
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| ())
    };
    text.map_err(|()| crate::t!("import-not-utf8"))
}

/// The delimiter that gives the most rows of one same width (> 1) among the first 50.
fn delimiter(text: &str) -> u8 {
    let mut best = (b',', 0usize, 0usize);
    for d in [b'\t', b';', b','] {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d)
            .from_reader(text.as_bytes());
        let mut widths: std::collections::HashMap<usize, usize> = Default::default();
        for r in reader.records().take(50).flatten() {
            if r.len() > 1 {
                *widths.entry(r.len()).or_default() += 1;
            }
        }
        let (width, rows) = widths
            .into_iter()
            .max_by_key(|&(w, n)| (n, w))
            .unwrap_or((0, 0));
        if (rows, width) > (best.1, best.2) {
            best = (d, rows, width);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serial_days_are_calendar_dates() {
        let d = |s| serial_date(s).map(|d: Date| d.iso());
        assert_eq!(d(43322.0).as_deref(), Some("2018-08-10"));
        assert_eq!(d(25569.0).as_deref(), Some("1970-01-01"));
        assert_eq!(d(61.0).as_deref(), Some("1900-03-01"));
        assert_eq!(d(45658.75).as_deref(), Some("2025-01-01"));
        assert_eq!(d(12.0), None);
    }

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(2), "C");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn csv_delimiter_and_encoding_are_detected() {
        let t = csv_table("Tiêu đề;Tỉnh\nA, b;Huế\n".as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.rows[1][0], Cell::Text("A, b".into()));
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Tên mô hình\tNăm\r\nX\t2018\r\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let t = csv_table(&utf16).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.rows[0][0], Cell::Text("Tên mô hình".into()));
        assert_eq!(t.rows[1][1], Cell::Text("2018".into()));
        let t = csv_table(b"\xEF\xBB\xBFtitle,year\n\"a, \"\"b\"\"\",2018\n")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(t.rows[1][0], Cell::Text("a, \"b\"".into()));
        assert!(csv_table(b"t\xE2n,year\n").is_err());
        let t = csv_table(b"title,tags\n'=1+1,'x\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            t.rows[1],
            [Cell::Text("=1+1".into()), Cell::Text("'x".into())]
        );
    }
}
