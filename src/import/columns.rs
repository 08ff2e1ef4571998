//! Which column holds what: header names matched in Vietnamese with or without
//! diacritics and in common variants, or as the front matter keys themselves (so the
//! site's own `/du-lieu/mo-hinh.csv` reads back), and the header row found even below
//! a title row. Unknown headers become `extra:` keys.

use super::table::Cell;
use crate::vietnamese::slugify;

/// What a column feeds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Column {
    /// A front matter key (`title`, `province`, …).
    Key(&'static str),
    /// The article's Markdown body.
    Body,
    /// A key under `extra:`.
    Extra(String),
    /// Read by nobody: a row number, or a value the build derives (`url`, `word_count`).
    Ignore,
}

/// Header spellings, as slugs (`slugify` of the header), and what they feed.
const HEADERS: &[(&str, Column)] = &[
    ("title", Column::Key("title")),
    ("ten-mo-hinh", Column::Key("title")),
    ("mo-hinh", Column::Key("title")),
    ("tieu-de", Column::Key("title")),
    ("ten", Column::Key("title")),
    ("province", Column::Key("province")),
    ("tinh-thanh", Column::Key("province")),
    ("tinh-thanh-pho", Column::Key("province")),
    ("tinh-tp", Column::Key("province")),
    ("tinh", Column::Key("province")),
    ("field", Column::Key("field")),
    ("linh-vuc", Column::Key("field")),
    ("year", Column::Key("year")),
    ("nam-cong-nhan", Column::Key("year")),
    ("nam", Column::Key("year")),
    ("date", Column::Key("date")),
    ("ngay", Column::Key("date")),
    ("ngay-dang", Column::Key("date")),
    ("ngay-cong-nhan", Column::Key("date")),
    ("summary", Column::Key("summary")),
    ("tom-tat", Column::Key("summary")),
    ("mo-ta", Column::Key("summary")),
    ("unit", Column::Key("unit")),
    ("don-vi-thuc-hien", Column::Key("unit")),
    ("don-vi", Column::Key("unit")),
    ("locality", Column::Key("locality")),
    ("dia-ban", Column::Key("locality")),
    ("dia-ban-thuc-hien", Column::Key("locality")),
    ("dia-phuong", Column::Key("locality")),
    ("level", Column::Key("level")),
    ("cap-cong-nhan", Column::Key("level")),
    ("cap", Column::Key("level")),
    ("author", Column::Key("author")),
    ("tac-gia", Column::Key("author")),
    ("source", Column::Key("source")),
    ("nguon", Column::Key("source")),
    ("nguon-tin", Column::Key("source")),
    ("source-url", Column::Key("source_url")),
    ("link", Column::Key("source_url")),
    ("lien-ket", Column::Key("source_url")),
    ("duong-dan", Column::Key("source_url")),
    ("image", Column::Key("image")),
    ("image-caption", Column::Key("image_caption")),
    ("image-credit", Column::Key("image_credit")),
    ("tags", Column::Key("tags")),
    ("the", Column::Key("tags")),
    ("tu-khoa", Column::Key("tags")),
    ("slug", Column::Key("slug")),
    ("id", Column::Key("slug")),
    ("noi-dung", Column::Body),
    ("body", Column::Body),
    ("stt", Column::Ignore),
    ("tt", Column::Ignore),
    ("url", Column::Ignore),
    ("province-slug", Column::Ignore),
    ("current-province", Column::Ignore),
    ("current-province-slug", Column::Ignore),
    ("former-province", Column::Ignore),
    ("field-slug", Column::Ignore),
    ("word-count", Column::Ignore),
    ("draft", Column::Ignore),
];

/// Rows searched for the header row.
const HEADER_ROWS: usize = 20;

/// The header row: its index in the table and what each column feeds.
#[derive(Debug)]
pub(crate) struct Header {
    /// Index of the header row in `Table::rows`.
    pub row: usize,
    /// One entry per column.
    pub columns: Vec<Column>,
}

impl Header {
    /// The column that feeds front matter key `key`.
    pub(crate) fn find(&self, key: &str) -> Option<usize> {
        self.columns
            .iter()
            .position(|c| matches!(c, Column::Key(k) if *k == key))
    }
}

/// What a header cell names, if kheo knows it.
fn known(header: &str) -> Option<Column> {
    let slug = slugify(header);
    HEADERS
        .iter()
        .find(|(s, _)| *s == slug)
        .map(|(_, c)| c.clone())
}

/// The first row among the first twenty that names at least two known columns (the
/// title's among them, or any two), with every column's meaning. A key named twice
/// feeds from its first column; the others go to `extra:` like unknown headers.
pub(crate) fn header(rows: &[Vec<Cell>]) -> Option<Header> {
    let row = rows.iter().take(HEADER_ROWS).position(|r| {
        r.iter()
            .filter(|c| matches!(c, Cell::Text(t) if known(t).is_some()))
            .count()
            >= 2
    })?;
    let mut columns: Vec<Column> = Vec::with_capacity(rows[row].len());
    for (i, c) in rows[row].iter().enumerate() {
        let name = match c {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            _ => String::new(),
        };
        let col = match known(&name) {
            Some(k) if k == Column::Ignore || k == Column::Body || !columns.contains(&k) => k,
            _ => Column::Extra(extra_key(&name, i)),
        };
        columns.push(col);
    }
    Some(Header { row, columns })
}

/// The `extra:` key of a header: its slug with `_` for `-` ("Số hộ hưởng lợi" →
/// `so_ho_huong_loi`), or `cot_c` for a nameless column C.
fn extra_key(name: &str, col: usize) -> String {
    let slug = slugify(name).replace('-', "_");
    if slug.is_empty() || slug.starts_with(|c: char| c.is_ascii_digit()) {
        let letters = super::table::column_letters(col).to_ascii_lowercase();
        if slug.is_empty() {
            format!("cot_{letters}")
        } else {
            format!("cot_{letters}_{slug}")
        }
    } else {
        slug
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn headers_match_with_or_without_diacritics() {
        for (h, key) in [
            ("Tên mô hình", "title"),
            ("TEN MO HINH", "title"),
            ("Tiêu đề", "title"),
            ("Tỉnh/thành", "province"),
            ("Tinh / Thanh pho", "province"),
            ("Đơn vị thực hiện", "unit"),
            ("Lĩnh vực", "field"),
            ("Cấp công nhận", "level"),
            ("Năm công nhận", "year"),
            ("Địa bàn", "locality"),
            ("Tóm tắt", "summary"),
            ("source_url", "source_url"),
            ("Thẻ", "tags"),
        ] {
            assert_eq!(known(h), Some(Column::Key(key)), "{h}");
        }
        assert_eq!(known("Nội dung"), Some(Column::Body));
        assert_eq!(known("STT"), Some(Column::Ignore));
        assert_eq!(known("Số hộ hưởng lợi"), None);
    }

    #[test]
    fn the_header_row_is_found_below_a_title_row() {
        let rows = vec![
            vec![
                t("DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO"),
                Cell::Empty,
                Cell::Empty,
                Cell::Empty,
            ],
            vec![Cell::Empty; 4],
            vec![t("STT"), t("Tên mô hình"), t("Năm"), t("Số hộ hưởng lợi")],
            vec![Cell::Number(1.0), t("X"), t("2018"), Cell::Number(12.0)],
        ];
        let h = header(&rows).unwrap_or_else(|| panic!("no header"));
        assert_eq!(h.row, 2);
        assert_eq!(
            h.columns,
            vec![
                Column::Ignore,
                Column::Key("title"),
                Column::Key("year"),
                Column::Extra("so_ho_huong_loi".into())
            ]
        );
        assert!(header(&rows[..2]).is_none());
    }

    #[test]
    fn a_key_named_twice_feeds_from_its_first_column() {
        let rows = vec![vec![t("Năm"), t("Năm công nhận"), t("Tên"), Cell::Empty]];
        let h = header(&rows).unwrap_or_else(|| panic!("no header"));
        assert_eq!(h.columns[0], Column::Key("year"));
        assert_eq!(h.columns[1], Column::Extra("nam_cong_nhan".into()));
        assert_eq!(h.columns[3], Column::Extra("cot_d".into()));
    }
}
