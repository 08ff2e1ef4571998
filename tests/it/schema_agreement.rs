//! `kheo schema` and `kheo check` agree: spellings an editor may type (provinces with
//! and without diacritics and prefixes, fields with `-` or `–`, levels with `cấp`,
//! years as text, dates, tags as a list or a line) are written into one site, one
//! article per case; `kheo check` says which articles have errors, a real JSON Schema
//! validator says which front matters the schema refuses, and the two lists must be
//! the same.

use serde_json::Value;

use crate::support::{kheo, site_with};

/// The fields of a site without its own list (`config::DEFAULT_FIELDS`).
const FIELDS: [&str; 4] = [
    "Kinh tế",
    "Văn hóa - xã hội",
    "Quốc phòng - an ninh",
    "Xây dựng hệ thống chính trị",
];

/// One case: the key it changes and the YAML written after `key: `.
type Case = (String, String);

fn case(key: &str, value: impl Into<String>) -> Case {
    (key.to_owned(), value.into())
}

/// Provinces from the registry in the ways editors write them, and some that are wrong.
fn provinces() -> Vec<Case> {
    let registry = &kheo::province::REGISTRY;
    let mut out = Vec::new();
    for (i, unit) in registry.units.iter().enumerate().step_by(5) {
        let name = unit.name.as_str();
        let plain = kheo::vietnamese::without_marks(name);
        let forms = match i % 3 {
            0 => [
                name.to_owned(),
                format!("Tỉnh {name}"),
                plain.to_lowercase(),
            ],
            1 => [
                format!("TP. {name}"),
                format!("tinh {plain}"),
                name.to_uppercase(),
            ],
            _ => [
                format!("Thành phố {name}"),
                plain.clone(),
                format!("TP.{name}"),
            ],
        };
        out.extend(forms.into_iter().map(|f| case("province", f)));
    }
    for f in registry.former.iter().step_by(9) {
        out.push(case("province", f.name.clone()));
        out.push(case("province", kheo::vietnamese::without_marks(&f.name)));
    }
    for p in [
        "TP.HCM",
        "TP HCM",
        "Sài Gòn",
        "Hồ Chí Minh",
        "Thừa Thiên Huế",
        "Thua Thien Hue",
        "Khánh Hoà",
        "Khánh Hòa",
        "Thanh Hoá",
        "Hoà Bình",
        "Tỉnh Không Có",
        "Xyz",
        "Bến Tre",
        "TPCần Thơ",
        "Vũng Tàu",
        "Hà Nội",
    ] {
        out.push(case("province", p));
    }
    out
}

fn fields() -> Vec<Case> {
    let mut out = Vec::new();
    for f in FIELDS {
        out.push(case("field", f));
        out.push(case(
            "field",
            kheo::vietnamese::without_marks(f).to_lowercase(),
        ));
        out.push(case("field", f.replace(" - ", " – ")));
    }
    for f in [
        "kinh te",
        "Văn hoá - xã hội",
        "VĂN HÓA - XÃ HỘI",
        "an ninh quốc phòng",
        "Giáo dục",
    ] {
        out.push(case("field", f));
    }
    out
}

fn others() -> Vec<Case> {
    let mut out = Vec::new();
    for l in [
        "Cấp xã",
        "cấp phường",
        "phường",
        "đặc khu",
        "huyện",
        "tinh",
        "trung ương",
        "Trung ương",
        "cap huyen",
        "Xã",
        "quận",
        "thôn",
    ] {
        out.push(case("level", l));
    }
    for (k, v) in [
        ("year", "2018"),
        ("year", "\"2018\""),
        ("year", "1989"),
        ("year", "2100"),
        ("year", "năm 2018"),
        ("year", "2018.5"),
        ("date", "2018-08-10"),
        ("date", "\"2018-08-10\""),
        ("date", "2018-02-30"),
        ("date", "2020-02-29"),
        ("date", "2019-02-29"),
        ("date", "10/08/2018"),
        ("date", "2018-8-10"),
        ("tags", "[nông thôn mới, giảm nghèo]"),
        ("tags", "nông thôn mới; giảm nghèo"),
        ("tags", "\n  - một\n  - hai"),
        ("tags", "{a: 1}"),
        ("slug", "mo-hinh-rieng"),
        ("slug", "Mô hình riêng"),
        ("source_url", "https://baocantho.com.vn/x"),
        ("source_url", "www.baocantho.com.vn"),
        ("draft", "false"),
        ("draft", "có"),
        ("withdrawn", "Trùng bài khác"),
        ("withdrawn", "true"),
        ("extra", "{so_ho: 120}"),
        ("extra", "nhiều"),
        ("aliases", "[/tin-cu/mo-hinh/]"),
        ("aliases", "[tin-cu]"),
        ("tỉnh", "Bến Tre"),
        ("tieu_de", "Tên"),
        ("title", "\"\""),
        ("title", "2018"),
        ("summary", "\"\""),
        ("unit", "Hội Nông dân"),
        ("locality", "Phường 5"),
    ] {
        out.push(case(k, v));
    }
    out
}

/// The front matter of case `i`: a valid article with `key` set to `value`.
fn front(i: usize, (key, value): &Case) -> String {
    let mut lines = vec![
        ("title", format!("Mô hình số {i}")),
        ("province", "Bến Tre".to_owned()),
        ("field", "Kinh tế".to_owned()),
        ("year", "2018".to_owned()),
        ("summary", "Tóm tắt.".to_owned()),
    ];
    match lines.iter_mut().find(|(k, _)| k == key) {
        Some(line) => line.1 = value.clone(),
        None => lines.push((key.as_str(), value.clone())),
    }
    let body: String = lines.iter().map(|(k, v)| format!("{k}: {v}\n")).collect();
    format!("---\n{body}---\nNội dung.\n")
}

#[test]
fn the_schema_and_check_agree_on_what_editors_write() {
    let cases: Vec<Case> = [provinces(), fields(), others()].concat();
    assert!(cases.len() >= 60, "{} cases", cases.len());
    let texts: Vec<(String, String)> = cases
        .iter()
        .enumerate()
        .map(|(i, c)| (format!("content/c{i:03}.md"), front(i, c)))
        .collect();
    let files: Vec<(&str, &[u8])> = texts
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_bytes()))
        .collect();
    let site = site_with(&files);

    let out = kheo(site.path(), &["check", "--format", "json"]);
    let refused_by_kheo: std::collections::BTreeSet<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .filter(|d| d["severity"] == "error")
        .filter_map(|d| d["path"].as_str().map(str::to_owned))
        .collect();

    // Both sides must see the wrong spellings: a check that refused nothing (or
    // everything) would agree with a schema that does the same.
    assert!(
        (15..cases.len() / 2).contains(&refused_by_kheo.len()),
        "kheo refused {} of {} cases",
        refused_by_kheo.len(),
        cases.len()
    );

    let schema_out = kheo(site.path(), &["schema"]);
    let schema: Value = serde_json::from_slice(&schema_out.stdout).expect("schema is JSON");
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");

    let mut disagreements = Vec::new();
    for ((path, text), (key, value)) in texts.iter().zip(&cases) {
        let yaml = text
            .trim_start_matches("---\n")
            .split("---\n")
            .next()
            .unwrap_or("");
        let instance: Value = yaml_serde::from_str(yaml).expect("test YAML parses");
        let schema_ok = validator.is_valid(&instance);
        let kheo_ok = !refused_by_kheo.contains(path);
        if schema_ok != kheo_ok {
            disagreements.push(format!(
                "{key}: {value:?}: kheo {}, schema {}",
                if kheo_ok { "accepts" } else { "refuses" },
                if schema_ok { "accepts" } else { "refuses" }
            ));
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cases disagree:\n{}",
        disagreements.len(),
        cases.len(),
        disagreements.join("\n")
    );
}
