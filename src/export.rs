//! Data for journalists: every listed model's metadata as JSON and as CSV (UTF-8 with
//! BOM and CRLF, RFC 4180, so Excel opens Vietnamese correctly), site-wide under
//! `/du-lieu/` and per province under `/tinh/<slug>/`, plus each model's
//! `index.json`. One record type, `Record`, feeds all of them; the JSON Schema in
//! `schemas/mo-hinh.schema.json` describes it and is published as well.

use serde::Serialize;

use crate::error::Result;
use crate::output::Sink;
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::view::{ColumnView, ProvinceFilesView, Views};

/// A name with its slug.
#[derive(Debug, Serialize)]
pub struct Named<'a> {
    /// Display name.
    pub name: &'a str,
    /// URL slug.
    pub slug: &'a str,
}

/// One model's data, as published.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    /// Stable id: the slug.
    pub id: &'a str,
    /// Absolute URL of the page.
    pub url: String,
    /// Title.
    pub title: &'a str,
    /// The province the story names (a former province if so).
    pub province: Named<'a>,
    /// The current (post-2025) unit.
    pub current_province: Named<'a>,
    /// The former province's name, when the story names one.
    pub former_province: Option<&'a str>,
    /// Field.
    pub field: Named<'a>,
    /// Year.
    pub year: i32,
    /// Publication date, YYYY-MM-DD.
    pub date: Option<String>,
    /// Running unit.
    pub unit: Option<&'a str>,
    /// Locality.
    pub locality: Option<&'a str>,
    /// Level of recognition.
    pub level: Option<&'static str>,
    /// Author.
    pub author: Option<&'a str>,
    /// Original publication.
    pub source: Option<&'a str>,
    /// Original publication's URL.
    pub source_url: Option<&'a str>,
    /// Tags.
    pub tags: &'a [String],
    /// Summary.
    pub summary: Option<&'a str>,
    /// Words in the body.
    pub word_count: usize,
}

/// The record of article `i`.
pub fn record<'a>(site: &'a Site, i: usize) -> Record<'a> {
    let a = &site.articles[i];
    let unit = &REGISTRY.units[a.province.unit];
    let field = &site.config.fields[a.field];
    Record {
        id: &a.slug,
        url: site.config.absolute(&a.url),
        title: &a.title,
        province: Named {
            name: REGISTRY.name(a.province),
            slug: REGISTRY.slug(a.province),
        },
        current_province: Named {
            name: &unit.name,
            slug: &unit.slug,
        },
        former_province: a.province.former.map(|f| REGISTRY.former[f].name.as_str()),
        field: Named {
            name: &field.name,
            slug: &field.slug,
        },
        year: a.year,
        date: a.date.map(|d| d.iso()),
        unit: a.unit.as_deref(),
        locality: a.locality.as_deref(),
        level: a.level.map(|l| l.name()),
        author: a.author.as_deref(),
        source: a.source_name.as_deref(),
        source_url: a.source_url.as_deref(),
        tags: &a.tags,
        summary: a.summary.as_deref(),
        word_count: a.word_count,
    }
}

/// `index.json` beside a model page.
pub fn article_json(site: &Site, _v: &Views<'_>, i: usize) -> Vec<u8> {
    json(&record(site, i))
}

fn json<T: Serialize>(value: &T) -> Vec<u8> {
    let mut out = serde_json::to_vec_pretty(value).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Column names of the CSV, in order.
pub const CSV_COLUMNS: [&str; 21] = [
    "id",
    "url",
    "title",
    "province",
    "province_slug",
    "current_province",
    "current_province_slug",
    "former_province",
    "field",
    "field_slug",
    "year",
    "date",
    "unit",
    "locality",
    "level",
    "author",
    "source",
    "source_url",
    "tags",
    "summary",
    "word_count",
];

/// What each CSV column (and JSON field) holds, in Vietnamese, for the data page;
/// parallel to `CSV_COLUMNS`.
pub const CSV_COLUMN_DOCS: [&str; 21] = [
    "mã ổn định của mô hình (không đổi khi sửa bài)",
    "địa chỉ đầy đủ của bài",
    "tên mô hình",
    "tỉnh, thành phố bài ghi (có thể là tỉnh cũ trước 1/7/2025)",
    "slug của tỉnh đó",
    "tỉnh, thành phố hiện nay (34 đơn vị từ 1/7/2025)",
    "slug của tỉnh hiện nay",
    "tên tỉnh cũ nếu bài ghi tỉnh cũ, nếu không thì trống",
    "lĩnh vực",
    "slug của lĩnh vực",
    "năm công nhận hoặc đưa tin",
    "ngày đăng, dạng YYYY-MM-DD (có thể trống)",
    "đơn vị thực hiện",
    "địa bàn (huyện, xã, phường)",
    "cấp công nhận: trung ương, tỉnh, huyện, xã",
    "tác giả",
    "nơi đăng đầu tiên",
    "địa chỉ nơi đăng đầu tiên",
    "chủ đề; trong CSV nối bằng \"; \", trong JSON là danh sách",
    "tóm tắt",
    "số từ của bài",
];

/// The columns of the data files with their descriptions, in order.
pub fn columns() -> Vec<ColumnView> {
    CSV_COLUMNS
        .iter()
        .zip(CSV_COLUMN_DOCS)
        .map(|(&name, description)| ColumnView { name, description })
        .collect()
}

/// Every unit with models, in Vietnamese alphabetical order, with its files and those
/// of its former provinces: the files `write_term` makes.
pub fn province_files(site: &Site, v: &Views<'_>) -> Vec<ProvinceFilesView> {
    let lean = site.config.lean_output;
    let files = |t: &crate::taxonomy::Term, former| {
        let url = v.path(&format!("/tinh/{}/", t.slug));
        ProvinceFilesView {
            name: t.name.clone(),
            count: t.items.len(),
            csv: format!("{url}mo-hinh.csv"),
            json: (!lean).then(|| format!("{url}mo-hinh.json")),
            url,
            former,
        }
    };
    site.units
        .iter()
        .zip(&site.unit_ids)
        .filter(|(t, _)| !t.items.is_empty())
        .map(|(t, &u)| {
            let former = REGISTRY.units[u]
                .former
                .iter()
                .map(|&f| &site.formers[f])
                .filter(|f| !f.items.is_empty() && !lean)
                .map(|f| files(f, Vec::new()))
                .collect();
            files(t, former)
        })
        .collect()
}

/// CSV for the given articles: BOM, header, CRLF rows.
pub fn csv(site: &Site, items: &[usize]) -> Vec<u8> {
    let mut head = String::from("\u{feff}");
    push_row(&mut head, CSV_COLUMNS.iter().map(|s| (*s).to_owned()));
    in_chunks(head.into_bytes(), items, |chunk| {
        csv_rows(site, chunk).into_bytes()
    })
}

/// `head`, then the `rows` of `items`, made a chunk at a time on every core and joined
/// in order: a site's data file has a row for each of its tens of thousands of stories.
/// Each chunk is freed once copied, so the file is held about once, not twice.
fn in_chunks(
    mut head: Vec<u8>,
    items: &[usize],
    rows: impl Fn(&[usize]) -> Vec<u8> + Sync,
) -> Vec<u8> {
    use rayon::prelude::*;
    const CHUNK: usize = 512;
    let parts: Vec<Vec<u8>> = if items.len() <= CHUNK {
        vec![rows(items)]
    } else {
        items.par_chunks(CHUNK).map(&rows).collect()
    };
    head.reserve_exact(parts.iter().map(Vec::len).sum());
    for part in parts {
        head.extend_from_slice(&part);
    }
    head
}

/// The CSV rows of `items`.
fn csv_rows(site: &Site, items: &[usize]) -> String {
    let mut out = String::new();
    for &i in items {
        let r = record(site, i);
        let o = |s: Option<&str>| s.unwrap_or("").to_owned();
        push_row(
            &mut out,
            [
                r.id.to_owned(),
                r.url,
                r.title.to_owned(),
                r.province.name.to_owned(),
                r.province.slug.to_owned(),
                r.current_province.name.to_owned(),
                r.current_province.slug.to_owned(),
                o(r.former_province),
                r.field.name.to_owned(),
                r.field.slug.to_owned(),
                r.year.to_string(),
                r.date.unwrap_or_default(),
                o(r.unit),
                o(r.locality),
                o(r.level),
                o(r.author),
                o(r.source),
                o(r.source_url),
                r.tags.join("; "),
                o(r.summary),
                r.word_count.to_string(),
            ],
        );
    }
    out
}

/// One RFC 4180 row. Cells that a spreadsheet would run as a formula (starting with
/// `=`, `+`, `-`, `@`, tab, CR or LF) get a leading apostrophe, OWASP's rule against
/// "CSV injection". No numeric column can start with `-` (years, word counts), so only
/// text is ever changed.
fn push_row(out: &mut String, cells: impl IntoIterator<Item = String>) {
    for (n, cell) in cells.into_iter().enumerate() {
        if n > 0 {
            out.push(',');
        }
        let cell = if cell.starts_with(FORMULA_STARTS) {
            format!("'{cell}")
        } else {
            cell
        };
        if cell.contains([',', '"', '\n', '\r']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// First characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\n'];

/// A data file's array of records, one record a line: a fifth smaller than indented
/// JSON (this file is in every unit's and the site's data), and still one line a story
/// for `grep`, `diff` and a text editor.
fn records(site: &Site, items: &[usize]) -> Vec<u8> {
    let mut out = in_chunks(b"[".to_vec(), items, |chunk| {
        let mut out = Vec::new();
        for &i in chunk {
            out.extend_from_slice(b",\n");
            // A record of strings, numbers and lists cannot fail to serialise.
            serde_json::to_writer(&mut out, &record(site, i)).unwrap_or_default();
        }
        out
    });
    // Every record starts with ",\n"; the first one's comma goes.
    if out.get(1) == Some(&b',') {
        out.remove(1);
    }
    out.extend_from_slice(b"\n]\n");
    out
}

/// The JSON Schema of the data files (`schemas/mo-hinh.schema.json` in the
/// repository), published beside them.
pub const SCHEMA: &str = include_str!("../schemas/mo-hinh.schema.json");

/// Writes the site-wide data files `/du-lieu/mo-hinh.{json,csv}`,
/// `/du-lieu/thong-ke.{json,csv}` and the two JSON files' schemas.
pub fn write_site(site: &Site, sink: &dyn Sink) -> Result<()> {
    sink.put("du-lieu/mo-hinh.schema.json", SCHEMA.as_bytes().to_vec())?;
    // One after the other, each made on every core: a big site's two files are never
    // in memory together.
    sink.put("du-lieu/mo-hinh.json", records(site, &site.listed))?;
    sink.put("du-lieu/mo-hinh.csv", csv(site, &site.listed))?;
    let figures = figures(site);
    sink.put("du-lieu/thong-ke.json", json(&figures))?;
    let schema = crate::stats::SCHEMA.as_bytes().to_vec();
    sink.put("du-lieu/thong-ke.schema.json", schema)?;
    sink.put("du-lieu/thong-ke.csv", figures_csv(&figures))
}

/// `thong-ke.json`: the figures of `/thong-ke/` and of every unit's page.
#[derive(Serialize)]
struct Figures<'a> {
    site: &'a str,
    url: String,
    license: &'a str,
    models: usize,
    tables: Vec<DataTable>,
    matrix: DataMatrix<'a>,
    provinces: Vec<DataUnit>,
}

#[derive(Serialize)]
struct DataTable {
    id: &'static str,
    title: &'static str,
    rows: Vec<DataRow>,
}

#[derive(Serialize)]
struct DataRow {
    key: String,
    label: String,
    count: usize,
    url: Option<String>,
}

#[derive(Serialize)]
struct DataMatrix<'a> {
    fields: Vec<Named<'a>>,
    rows: Vec<DataMatrixRow>,
}

#[derive(Serialize)]
struct DataMatrixRow {
    name: String,
    slug: String,
    counts: Vec<usize>,
    total: usize,
}

#[derive(Serialize)]
struct DataUnit {
    name: String,
    slug: String,
    url: String,
    models: usize,
    tables: Vec<DataTable>,
}

/// The figures with absolute URLs, for the data files.
fn figures(site: &Site) -> Figures<'_> {
    let c = &site.config;
    let table = |t: crate::stats::Table| DataTable {
        id: t.id,
        title: t.title,
        rows: t
            .bars
            .into_iter()
            .map(|b| DataRow {
                url: b.url.map(|u| c.absolute(&u)),
                key: b.key,
                label: b.label,
                count: b.count,
            })
            .collect(),
    };
    let with_models = || {
        site.units
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.items.is_empty())
    };
    Figures {
        site: &c.title,
        url: c.absolute(&format!("{}/thong-ke/", c.base_path)),
        license: &c.license,
        models: site.listed.len(),
        tables: crate::stats::site_tables(site)
            .into_iter()
            .map(table)
            .collect(),
        matrix: DataMatrix {
            fields: c
                .fields
                .iter()
                .map(|f| Named {
                    name: &f.name,
                    slug: &f.slug,
                })
                .collect(),
            rows: with_models()
                .map(|(_, t)| {
                    let mut counts = vec![0; site.fields.len()];
                    t.items
                        .iter()
                        .for_each(|&a| counts[site.articles[a].field] += 1);
                    DataMatrixRow {
                        name: t.name.clone(),
                        slug: t.slug.clone(),
                        counts,
                        total: t.items.len(),
                    }
                })
                .collect(),
        },
        provinces: with_models()
            .map(|(i, t)| DataUnit {
                name: t.name.clone(),
                slug: t.slug.clone(),
                url: c.absolute(&format!("{}/tinh/{}/", c.base_path, t.slug)),
                models: t.items.len(),
                tables: crate::stats::unit_tables(site, i)
                    .into_iter()
                    .map(table)
                    .collect(),
            })
            .collect(),
    }
}

/// Column names of `thong-ke.csv`: scope (`toan-quoc` or a unit's slug), its name,
/// table id, row key, row label, number of models, URL of the list it counts.
pub const FIGURES_COLUMNS: [&str; 7] = [
    "pham_vi",
    "ten_pham_vi",
    "bang",
    "khoa",
    "nhan",
    "so_mo_hinh",
    "duong_dan",
];

/// `thong-ke.csv`: one row per number, site-wide first, then each unit's.
fn figures_csv(f: &Figures<'_>) -> Vec<u8> {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, FIGURES_COLUMNS.iter().map(|s| (*s).to_owned()));
    let scopes = std::iter::once(("toan-quoc", "Toàn quốc", &f.tables)).chain(
        f.provinces
            .iter()
            .map(|p| (p.slug.as_str(), p.name.as_str(), &p.tables)),
    );
    for (slug, name, tables) in scopes {
        for t in tables {
            for r in &t.rows {
                push_row(
                    &mut out,
                    [
                        slug.to_owned(),
                        name.to_owned(),
                        t.id.to_owned(),
                        r.key.clone(),
                        r.label.clone(),
                        r.count.to_string(),
                        r.url.clone().unwrap_or_default(),
                    ],
                );
            }
        }
    }
    out.into_bytes()
}

/// Writes one province's data files `/tinh/<slug>/mo-hinh.{json,csv}` (none if empty;
/// under `lean_output` the CSV alone: the JSON of every story is the site's file).
pub fn write_term(site: &Site, term: &crate::taxonomy::Term, sink: &dyn Sink) -> Result<()> {
    if term.items.is_empty() {
        return Ok(());
    }
    if site.config.lean_output {
        return sink.put(
            &format!("tinh/{}/mo-hinh.csv", term.slug),
            csv(site, &term.items),
        );
    }
    sink.put(
        &format!("tinh/{}/mo-hinh.json", term.slug),
        records(site, &term.items),
    )?;
    sink.put(
        &format!("tinh/{}/mo-hinh.csv", term.slug),
        csv(site, &term.items),
    )
}

#[cfg(test)]
mod tests {
    use super::{CSV_COLUMN_DOCS, CSV_COLUMNS, in_chunks, push_row};

    #[test]
    fn rows_made_in_chunks_join_in_order() {
        let rows = |items: &[usize]| {
            let cells = items.iter().map(|i| format!("{i};"));
            cells.collect::<String>().into_bytes()
        };
        for n in [0, 1, 511, 512, 513, 5_000] {
            let items: Vec<usize> = (0..n).rev().collect();
            let mut whole = b"head;".to_vec();
            whole.extend(rows(&items));
            assert_eq!(
                in_chunks(b"head;".to_vec(), &items, rows),
                whole,
                "{n} items"
            );
        }
    }

    #[test]
    fn every_column_is_described() {
        assert_eq!(CSV_COLUMNS.len(), CSV_COLUMN_DOCS.len());
        assert!(CSV_COLUMN_DOCS.iter().all(|d| !d.is_empty()));
    }

    #[test]
    fn csv_quotes_and_defuses() {
        let mut s = String::new();
        push_row(
            &mut s,
            [
                "a,b".to_owned(),
                "say \"hi\"".to_owned(),
                "=1+1".to_owned(),
                "Hòa".to_owned(),
            ],
        );
        assert_eq!(s, "\"a,b\",\"say \"\"hi\"\"\",'=1+1,Hòa\r\n");
    }

    #[test]
    fn csv_cells_that_start_a_formula_start_with_an_apostrophe() {
        for cell in [
            "-2+3",
            "-cmd|' /C calc'!A0",
            "=1",
            "+1",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "\nx",
        ] {
            let mut s = String::new();
            push_row(&mut s, [cell.to_owned()]);
            let read = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(s.as_bytes())
                .records()
                .next()
                .and_then(Result::ok)
                .map(|r| r[0].to_owned());
            assert_eq!(read, Some(format!("'{cell}")), "{s:?}");
        }
        let mut s = String::new();
        push_row(&mut s, ["Hòa - An".to_owned(), "2024".to_owned()]);
        assert_eq!(s, "Hòa - An,2024\r\n");
    }
}
