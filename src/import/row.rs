//! One register row → the text of a draft article: front matter with one key per line
//! (values quoted by `new`'s writer, so the validator sees exactly what will be
//! written), each line remembered with the column it came from, so a problem the
//! validator finds on a line is reported on that row's cell.

use super::columns::{Column, Header};
use super::table::{Cell, serial_date};
use crate::article::Date;
use crate::config::Config;
use crate::new::quote;
use crate::province::REGISTRY;
use crate::vietnamese::slugify;

/// The article a row makes.
#[derive(Debug)]
pub(crate) struct Built {
    /// The whole file: front matter and body.
    pub text: String,
    /// For each line of the front matter (index 0 is line 1), the column it came from.
    pub lines: Vec<Option<usize>>,
    /// The title, province and year as given, for the file's path.
    pub title: String,
    /// The province as given.
    pub province: String,
    /// The year, when it is one.
    pub year: Option<i32>,
    /// The slug column's value, if any.
    pub slug: Option<String>,
}

/// Keys a register column may fill, in the order `kheo new` writes them (the key
/// table's); `slug`, `aliases`, `draft`, `withdrawn`, `extra` and `weight` are written
/// apart or not at all.
fn order() -> impl Iterator<Item = &'static str> {
    crate::keys::KEYS
        .iter()
        .map(|k| k.name)
        .take_while(|n| *n != "slug")
}

/// True if the row has nothing in any column kheo reads.
pub(crate) fn is_blank(row: &[Cell], header: &Header) -> bool {
    row.iter()
        .zip(&header.columns)
        .all(|(c, col)| *c == Cell::Empty || *col == Column::Ignore)
}

/// Front matter being written, line by line, with each line's column.
struct Lines {
    text: String,
    cols: Vec<Option<usize>>,
}

impl Lines {
    fn push(&mut self, line: &str, col: Option<usize>) {
        self.text.push_str(line);
        self.text.push('\n');
        self.cols.push(col);
    }
}

/// Builds the draft article of `row`.
pub(crate) fn build(row: &[Cell], header: &Header, config: &Config) -> Built {
    let get = |i: usize| row.get(i).unwrap_or(&Cell::Empty);
    let text_of = |i: usize| plain(get(i));
    let mut out = Lines {
        text: String::new(),
        cols: Vec::new(),
    };
    out.push("---", None);
    let date_col = header.find("date");
    let date = date_col.and_then(|i| date(get(i)));
    let mut year = None;
    for key in order() {
        let Some(i) = header.find(key) else {
            // No year column: the year of the date.
            if let (Some(d), "year") = (date, key) {
                year = Some(d.year);
                out.push(&format!("year: {}", d.year), date_col);
            }
            continue;
        };
        let value = match key {
            "year" => {
                let (y, written) = year_value(get(i), date);
                year = y;
                written
            }
            "date" => match (date, text_of(i)) {
                (Some(d), _) => Some(d.iso()),
                (None, v) => v.map(|v| quote(&v)),
            },
            "tags" => text_of(i).map(|v| tags(&v)),
            "province" => text_of(i).map(|v| quote(&province_name(&v))),
            "field" => text_of(i).map(|v| quote(&field_name(&v, config))),
            _ => text_of(i).map(|v| quote(&v)),
        };
        if let Some(v) = value {
            out.push(&format!("{key}: {v}"), Some(i));
        }
    }
    let slug_col = header.find("slug");
    let slug = slug_col.and_then(text_of);
    let title = header.find("title").and_then(text_of).unwrap_or_default();
    if let Some(s) = slug.as_deref().filter(|s| *s != slugify(&title)) {
        out.push(&format!("slug: {}", quote(s)), slug_col);
    }
    out.push("draft: true", None);
    extra(&mut out, row, header);
    out.push("---", None);
    let body = header
        .columns
        .iter()
        .position(|c| *c == Column::Body)
        .and_then(text_of);
    let Lines { mut text, cols } = out;
    if let Some(b) = body {
        text.push('\n');
        text.push_str(&b.replace("\r\n", "\n"));
        text.push('\n');
    }
    Built {
        text,
        lines: cols,
        province: header
            .find("province")
            .and_then(text_of)
            .unwrap_or_default(),
        title,
        year,
        slug,
    }
}

/// A province as its registry name ("ben tre" → "Bến Tre"), or as given if unknown
/// (validation then says why).
fn province_name(v: &str) -> String {
    REGISTRY
        .resolve(v)
        .map_or_else(|| v.to_owned(), |p| REGISTRY.name(p).to_owned())
}

/// A field as `site.yaml` spells it, or as given if it is none of them.
fn field_name(v: &str, config: &Config) -> String {
    let slug = slugify(v);
    config
        .fields
        .iter()
        .find(|f| f.slug == slug)
        .map_or_else(|| v.to_owned(), |f| f.name.clone())
}

/// The `extra:` map: every unknown column with a value, numbers kept as numbers.
fn extra(out: &mut Lines, row: &[Cell], header: &Header) {
    let mut open = false;
    for (i, col) in header.columns.iter().enumerate() {
        let cell = row.get(i).unwrap_or(&Cell::Empty);
        if let (Column::Extra(k), Some(v)) = (col, plain(cell)) {
            if !open {
                out.push("extra:", Some(i));
                open = true;
            }
            let whole = |t: &str| {
                t == "0"
                    || (!t.starts_with('0')
                        && t.len() < 16
                        && t.bytes().all(|b| b.is_ascii_digit()))
            };
            let v = match cell {
                Cell::Number(n) => number(*n),
                Cell::Text(t) if whole(t) => t.clone(),
                _ => quote(&v),
            };
            out.push(&format!("  {k}: {v}"), Some(i));
        }
    }
}

/// A cell as text: numbers without a needless `.0`, dates as `YYYY-MM-DD`.
fn plain(c: &Cell) -> Option<String> {
    match c {
        Cell::Empty => None,
        Cell::Text(t) => Some(t.clone()),
        Cell::Number(n) => Some(number(*n)),
        Cell::Date(d) => Some(d.iso()),
    }
}

fn number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

/// The year and how it is written: a number (also one stored as text, or the year of a
/// date cell), else the text quoted, for the validator to report.
fn year_value(c: &Cell, date: Option<Date>) -> (Option<i32>, Option<String>) {
    let y = match c {
        Cell::Empty => return (date.map(|d| d.year), date.map(|d| d.year.to_string())),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e6 => Some(*n as i32),
        Cell::Text(t) => t.trim().parse::<i32>().ok(),
        Cell::Date(d) => Some(d.year),
        Cell::Number(_) => None,
    };
    match y {
        Some(y) => (Some(y), Some(y.to_string())),
        None => (None, plain(c).map(|v| quote(&v))),
    }
}

/// A date cell, an Excel serial number (also stored as text), `YYYY-MM-DD`, or the
/// Vietnamese `DD/MM/YYYY` (also with `-` or `.`).
fn date(c: &Cell) -> Option<Date> {
    match c {
        Cell::Date(d) => Some(*d),
        Cell::Number(n) => serial_date(*n),
        Cell::Text(t) => {
            let t = t.trim();
            if let Ok(n) = t.parse::<f64>() {
                return serial_date(n);
            }
            Date::parse(t.get(..10).unwrap_or(t)).or_else(|| {
                let mut parts = t.split(['/', '-', '.']).map(str::trim);
                let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
                if parts.next().is_some() || y.len() != 4 {
                    return None;
                }
                Date::parse(&format!("{y}-{m:0>2}-{d:0>2}"))
            })
        }
        Cell::Empty => None,
    }
}

/// Tags as a YAML list: split on `;` (as the site's CSV joins them), else on `,`.
fn tags(v: &str) -> String {
    let sep = if v.contains(';') { ';' } else { ',' };
    let items: Vec<String> = v
        .split(sep)
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(quote)
        .collect();
    format!("[{}]", items.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn dates_from_serials_text_and_vietnamese_order() {
        assert_eq!(
            date(&Cell::Number(43322.0)).map(|d| d.iso()).as_deref(),
            Some("2018-08-10")
        );
        assert_eq!(
            date(&t("43322")).map(|d| d.iso()).as_deref(),
            Some("2018-08-10")
        );
        assert_eq!(
            date(&t("2018-08-10")).map(|d| d.iso()).as_deref(),
            Some("2018-08-10")
        );
        assert_eq!(
            date(&t("10/8/2018")).map(|d| d.iso()).as_deref(),
            Some("2018-08-10")
        );
        assert_eq!(date(&t("31/02/2018")), None);
        assert_eq!(date(&t("tháng 8")), None);
    }

    #[test]
    fn a_row_becomes_front_matter_with_each_line_from_its_column() {
        let rows = vec![
            vec![t("Tên mô hình"), t("Tỉnh"), t("Ngày"), t("Thẻ"), t("Số hộ")],
            vec![
                t("Dân vận \"khéo\""),
                t("Ben Tre"),
                Cell::Number(43322.0),
                t("a; b"),
                Cell::Number(12.0),
            ],
        ];
        let h = columns::header(&rows).unwrap_or_else(|| panic!("no header"));
        let b = build(&rows[1], &h, &Config::default());
        assert_eq!(
            b.text,
            "---\ntitle: \"Dân vận \\\"khéo\\\"\"\nprovince: \"Bến Tre\"\nyear: 2018\ndate: 2018-08-10\n\
             tags: [\"a\", \"b\"]\ndraft: true\nextra:\n  so_ho: 12\n---\n"
        );
        assert_eq!(
            b.lines,
            vec![
                None,
                Some(0),
                Some(1),
                Some(2),
                Some(2),
                Some(3),
                None,
                Some(4),
                Some(4),
                None
            ]
        );
        assert_eq!(b.year, Some(2018));
    }

    #[test]
    fn years_stored_as_text_or_numbers_are_numbers() {
        assert_eq!(
            year_value(&t(" 2018 "), None),
            (Some(2018), Some("2018".into()))
        );
        assert_eq!(year_value(&Cell::Number(2019.0), None).0, Some(2019));
        assert_eq!(
            year_value(&t("năm 2018"), None),
            (None, Some("\"năm 2018\"".into()))
        );
    }
}
