//! `kheo import`: example registers (.xlsx, .ods, .csv in UTF-8 and Excel's UTF-16
//! "Unicode text") are written by the tests themselves into the temporary site, then
//! imported by the real binary; and the site's own `/du-lieu/mo-hinh.csv` round-trips.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};

use crate::support::{files, fixture, kheo, stderr};

const SITE_YAML: &str = "title: Thử nhập sổ\nbase_url: https://example.org/\n";

/// An empty site: `site.yaml` and nothing else.
fn empty_site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("site.yaml"), SITE_YAML).expect("site.yaml");
    dir
}

fn articles(root: &Path) -> Vec<String> {
    files(root)
        .into_iter()
        .filter(|f| f.starts_with("content/") && f.ends_with(".md"))
        .collect()
}

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The register provinces keep: a merged title row above the table, a blank row, a
/// header with a merged cell, years stored as text, dates as Excel serial numbers
/// (one formatted as a date, one a bare number), a blank row in the middle, and a
/// column kheo does not know.
fn write_xlsx(path: &Path, bad_province: bool) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .merge_range(0, 0, 0, 9, "DANH SÁCH MÔ HÌNH DÂN VẬN KHÉO NĂM 2018", &bold)
        .expect("title");
    let headers = [
        "STT",
        "Tên mô hình",
        "Tỉnh/thành",
        "Lĩnh vực",
        "Năm công nhận",
        "Ngày công nhận",
        "Đơn vị thực hiện",
        "Cấp công nhận",
        "Số hộ hưởng lợi",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).expect("header");
    }
    sheet
        .merge_range(2, 9, 2, 10, "Ghi chú", &bold)
        .expect("merged header");
    let province = if bad_province {
        "Tinh Khong Co"
    } else {
        "Ben Tre"
    };
    let row1: [&str; 9] = [
        "1",
        "Tổ tự quản đường làng",
        province,
        "Kinh tế",
        "2018",
        "",
        "Hội Nông dân xã",
        "Tỉnh",
        "",
    ];
    for (c, v) in row1.iter().enumerate() {
        if !v.is_empty() {
            sheet.write_string(3, c as u16, *v).expect("cell");
        }
    }
    sheet
        .write_number_with_format(3, 5, 43322, &date)
        .expect("date");
    sheet.write_number(3, 8, 120).expect("number");
    sheet.write_string(3, 9, "đã xác minh").expect("note");
    // Row 5 (index 4) is blank.
    sheet.write_number(5, 0, 2).expect("stt");
    sheet
        .write_string(5, 1, "Dân vận khéo trong giải phóng mặt bằng")
        .expect("t");
    sheet.write_string(5, 2, "Hà Nội").expect("p");
    sheet
        .write_string(5, 3, "xay dung he thong chinh tri")
        .expect("f");
    sheet.write_number(5, 4, 2019).expect("y");
    sheet
        .write_number(5, 5, 43500)
        .expect("serial as a bare number");
    book.save(path).expect("save xlsx");
}

fn ods_cell(v: &str) -> String {
    if let Some(d) = v.strip_prefix("date:") {
        format!(
            "<table:table-cell office:value-type=\"date\" office:date-value=\"{d}\"><text:p>{d}</text:p></table:table-cell>"
        )
    } else if let Some(n) = v.strip_prefix("float:") {
        format!(
            "<table:table-cell office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
        )
    } else if v.is_empty() {
        "<table:table-cell/>".to_owned()
    } else {
        format!(
            "<table:table-cell office:value-type=\"string\"><text:p>{v}</text:p></table:table-cell>"
        )
    }
}

/// An OpenDocument spreadsheet, zipped by hand: two sheets, the register on the second.
fn write_ods(path: &Path) {
    use std::io::Write as _;
    let rows: [&[&str]; 4] = [
        &[
            "Mô hình",
            "Tỉnh",
            "Lĩnh vực",
            "Năm",
            "Ngày",
            "Tóm tắt",
            "Thẻ",
        ],
        &[
            "Bếp ăn tình thương",
            "Cần Thơ",
            "Văn hóa - xã hội",
            "float:2021",
            "date:2021-05-04",
            "Nấu cơm cho bệnh nhân nghèo.",
            "từ thiện; y tế",
        ],
        &[""; 7],
        &[
            "Camera an ninh xóm",
            "An Giang",
            "Quốc phòng - an ninh",
            "",
            "date:2024-01-15",
            "",
            "",
        ],
    ];
    let mut table = String::new();
    for r in rows {
        table.push_str("<table:table-row>");
        for v in r {
            table.push_str(&ods_cell(v));
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" \
xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" \
xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">\
<office:body><office:spreadsheet>\
<table:table table:name=\"Hướng dẫn\"><table:table-row>{}</table:table-row></table:table>\
<table:table table:name=\"Sổ 2021\">{table}</table:table>\
</office:spreadsheet></office:body></office:document-content>",
        ods_cell("Điền sổ ở trang sau")
    );
    let manifest = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\
<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\
<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\
<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\
</manifest:manifest>";
    let file = std::fs::File::create(path).expect("ods");
    let mut zip = zip::ZipWriter::new(file);
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, body) in [
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
        ("content.xml", content.as_str()),
        ("META-INF/manifest.xml", manifest),
    ] {
        zip.start_file(name, opts).expect("entry");
        zip.write_all(body.as_bytes()).expect("write entry");
    }
    zip.finish().expect("finish ods");
}

#[test]
fn an_xlsx_register_becomes_one_valid_draft_per_row() {
    let site = empty_site();
    let reg = site.path().join("so.xlsx");
    write_xlsx(&reg, false);
    let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        articles(site.path()),
        [
            "content/ben-tre/2018/to-tu-quan-duong-lang.md",
            "content/ha-noi/2019/dan-van-kheo-trong-giai-phong-mat-bang.md",
        ]
    );
    let a = read(site.path(), "content/ben-tre/2018/to-tu-quan-duong-lang.md");
    assert_eq!(
        a,
        "---\ntitle: \"Tổ tự quản đường làng\"\nprovince: \"Bến Tre\"\nfield: \"Kinh tế\"\n\
         year: 2018\ndate: 2018-08-10\nunit: \"Hội Nông dân xã\"\nlevel: \"Tỉnh\"\ndraft: true\n\
         extra:\n  so_ho_huong_loi: 120\n  ghi_chu: \"đã xác minh\"\n---\n"
    );
    let b = read(
        site.path(),
        "content/ha-noi/2019/dan-van-kheo-trong-giai-phong-mat-bang.md",
    );
    assert!(
        b.contains("field: \"Xây dựng hệ thống chính trị\"\n"),
        "{b}"
    );
    assert!(b.contains("year: 2019\ndate: 2019-02-04\n"), "{b}");
    let check = kheo(site.path(), &["check", "--drafts"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn an_ods_register_is_read_from_the_named_sheet() {
    let site = empty_site();
    let reg = site.path().join("so.ods");
    write_ods(&reg);
    let path = reg.to_str().expect("utf-8");
    let out = kheo(site.path(), &["import", path, "--sheet", "So 2021"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        articles(site.path()),
        [
            "content/an-giang/2024/camera-an-ninh-xom.md",
            "content/can-tho/2021/bep-an-tinh-thuong.md",
        ]
    );
    let a = read(site.path(), "content/can-tho/2021/bep-an-tinh-thuong.md");
    assert!(
        a.contains("year: 2021\ndate: 2021-05-04\nsummary: \"Nấu cơm cho bệnh nhân nghèo.\"\n"),
        "{a}"
    );
    assert!(a.contains("tags: [\"từ thiện\", \"y tế\"]\n"), "{a}");
    // The year of the date when the year cell is blank.
    let b = read(site.path(), "content/an-giang/2024/camera-an-ninh-xom.md");
    assert!(b.contains("year: 2024\n"), "{b}");
    let missing = kheo(site.path(), &["import", path, "--sheet", "Sổ 2030"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("Sổ 2021"), "{}", stderr(&missing));
}

#[test]
fn csv_registers_are_read_in_utf8_and_excel_unicode_text() {
    let site = empty_site();
    let utf8 = site.path().join("so.csv");
    std::fs::write(
        &utf8,
        "\u{feff}Tên mô hình;Tỉnh;Lĩnh vực;Năm\r\n\"Tiếng kẻng; an ninh\";Huế;Quốc phòng - an ninh;2016\r\n",
    )
    .expect("csv");
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Tieu de\tTinh thanh\tLinh vuc\tNam\tNgay\r\nNhà văn hóa sáng đèn\tĐà Nẵng\tVăn hóa - xã hội\t\t43322\r\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    let text = site.path().join("so.txt");
    std::fs::write(&text, utf16).expect("txt");
    for reg in [&utf8, &text] {
        let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(
        articles(site.path()),
        [
            "content/da-nang/2018/nha-van-hoa-sang-den.md",
            "content/hue/2016/tieng-keng-an-ninh.md",
        ]
    );
    let a = read(site.path(), "content/hue/2016/tieng-keng-an-ninh.md");
    assert!(
        a.starts_with("---\ntitle: \"Tiếng kẻng; an ninh\"\n"),
        "{a}"
    );
}

#[test]
fn invalid_rows_are_reported_on_their_cells_and_nothing_is_written() {
    let site = empty_site();
    let reg = site.path().join("so.xlsx");
    write_xlsx(&reg, true);
    let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E016]: unknown province \"Tinh Khong Co\""),
        "{err}"
    );
    assert!(err.contains("so.xlsx:Sheet1!C4\n"), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(articles(site.path()).is_empty());
}

#[test]
fn skip_invalid_writes_the_valid_rows_and_lists_the_others() {
    let site = empty_site();
    let reg = site.path().join("so.xlsx");
    write_xlsx(&reg, true);
    let out = kheo(
        site.path(),
        &["import", reg.to_str().expect("utf-8"), "--skip-invalid"],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("skipped row 4 (Tổ tự quản đường làng)"),
        "{err}"
    );
    assert_eq!(
        articles(site.path()),
        ["content/ha-noi/2019/dan-van-kheo-trong-giai-phong-mat-bang.md"]
    );
}

#[test]
fn dry_run_lists_the_files_and_writes_nothing() {
    let site = empty_site();
    let reg = site.path().join("so.xlsx");
    write_xlsx(&reg, false);
    let out = kheo(
        site.path(),
        &["import", reg.to_str().expect("utf-8"), "--dry-run"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("content/ben-tre/2018/to-tu-quan-duong-lang.md\n"));
    assert!(articles(site.path()).is_empty());
}

#[test]
fn reimporting_is_idempotent_and_never_overwrites() {
    let site = empty_site();
    let reg = site.path().join("so.xlsx");
    write_xlsx(&reg, false);
    let path = reg.to_str().expect("utf-8");
    assert_eq!(kheo(site.path(), &["import", path]).status.code(), Some(0));
    let again = kheo(site.path(), &["import", path]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert!(
        stderr(&again).contains("imported 0 models as drafts from"),
        "{}",
        stderr(&again)
    );
    assert!(
        stderr(&again).contains("2 already imported"),
        "{}",
        stderr(&again)
    );
    let rel = "content/ben-tre/2018/to-tu-quan-duong-lang.md";
    let edited = read(site.path(), rel).replace("draft: true\n", "draft: false\n");
    std::fs::write(site.path().join(rel), &edited).expect("edit");
    let conflict = kheo(site.path(), &["import", path]);
    let err = stderr(&conflict);
    assert_eq!(conflict.status.code(), Some(1), "{err}");
    assert!(err.contains("error[E051]"), "{err}");
    assert!(err.contains("so.xlsx:Sheet1!B4"), "{err}");
    assert_eq!(read(site.path(), rel), edited);
}

#[test]
fn a_missing_value_is_reported_on_its_empty_cell() {
    let site = empty_site();
    let reg = site.path().join("so.csv");
    std::fs::write(
        &reg,
        "Tỉnh,Tên mô hình,Lĩnh vực,Năm,Nội dung\nHuế,,Kinh tế,2020,Bài viết.\nHuế,Có tên,Kinh tế,2020,\"Dòng một\n\nDòng hai\"\n",
    )
    .expect("csv");
    let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E010]: missing required key `title`"),
        "{err}"
    );
    assert!(err.contains("so.csv:B2\n"), "{err}");
    assert!(err.contains("= help: fill in this cell"), "{err}");
    let out = kheo(
        site.path(),
        &["import", reg.to_str().expect("utf-8"), "--skip-invalid"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let a = read(site.path(), "content/hue/2020/co-ten.md");
    assert!(
        a.ends_with("draft: true\n---\n\nDòng một\n\nDòng hai\n"),
        "{a}"
    );
}

#[test]
fn a_row_repeated_in_the_register_is_reported_and_nothing_is_written() {
    let site = empty_site();
    let reg = site.path().join("so.csv");
    let row = "A,Huế,Kinh tế,2020\n";
    std::fs::write(&reg, format!("Tên mô hình,Tỉnh,Lĩnh vực,Năm\n{row}{row}")).expect("csv");
    let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error[E052]: this row makes content/hue/2020/a.md again: row 2"),
        "{err}"
    );
    assert!(err.contains("so.csv:A3\n"), "{err}");
    assert!(articles(site.path()).is_empty());
}

#[test]
fn a_register_without_a_header_row_is_refused() {
    let site = empty_site();
    let reg = site.path().join("so.csv");
    std::fs::write(&reg, "a,b,c\n1,2,3\n").expect("csv");
    let out = kheo(site.path(), &["import", reg.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("error[E050]"), "{}", stderr(&out));
}

fn front_matter(text: &str) -> BTreeMap<String, yaml_serde::Value> {
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|r| r.split_once("\n---"))
        .map_or("", |(y, _)| y);
    yaml_serde::from_str(yaml).unwrap_or_else(|e| panic!("{e}: {yaml}"))
}

/// The key fields of an article, with the province and field as the site names them.
fn key_fields(text: &str) -> BTreeMap<String, String> {
    use kheo::province::REGISTRY;
    let fm = front_matter(text);
    let keys = [
        "title",
        "province",
        "field",
        "year",
        "date",
        "summary",
        "unit",
        "locality",
        "level",
        "author",
        "source",
        "source_url",
        "tags",
    ];
    let mut out = BTreeMap::new();
    for k in keys {
        let Some(v) = fm.get(k) else { continue };
        let s = match v {
            yaml_serde::Value::String(s) => s.clone(),
            yaml_serde::Value::Number(n) => n.to_string(),
            // The data CSV lists tags sorted; their order carries no meaning.
            yaml_serde::Value::Sequence(items) => {
                let mut tags: Vec<String> = items.iter().map(|t| format!("{t:?}")).collect();
                tags.sort();
                tags.join("; ")
            }
            other => format!("{other:?}"),
        };
        let s = match k {
            "province" => REGISTRY
                .resolve(&s)
                .map_or(s, |p| REGISTRY.name(p).to_owned()),
            "level" => kheo::vietnamese::fold(&s),
            // The data files write the en dash ("Văn hóa – xã hội"); both name the field.
            "field" => kheo::vietnamese::slugify(&s),
            _ => s,
        };
        out.insert(k.to_owned(), s);
    }
    out
}

#[test]
fn the_sites_own_data_csv_round_trips_through_import() {
    let original = fixture("journalists");
    let built = kheo(original.path(), &["build"]);
    assert_eq!(built.status.code(), Some(0), "{}", stderr(&built));
    let site = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        original.path().join("site.yaml"),
        site.path().join("site.yaml"),
    )
    .expect("yaml");
    let csv = original.path().join("public/du-lieu/mo-hinh.csv");
    let out = kheo(site.path(), &["import", csv.to_str().expect("utf-8")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // Every article of the original that the data files list (not its withdrawn one).
    let by_title = |root: &Path| -> BTreeMap<String, BTreeMap<String, String>> {
        articles(root)
            .iter()
            .map(|f| read(root, f))
            .filter(|t| !t.contains("\nwithdrawn:"))
            .map(|t| key_fields(&t))
            .filter(|k| !k.is_empty())
            .map(|k| (k["title"].clone(), k))
            .collect()
    };
    let before = by_title(original.path());
    let after = by_title(site.path());
    assert!(before.len() >= 5, "{before:?}");
    assert_eq!(before, after);
    let check = kheo(site.path(), &["check", "--drafts"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}
