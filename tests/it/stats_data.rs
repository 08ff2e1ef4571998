//! The statistics data files (issue 18) read by the tools a journalist would use:
//! `thong-ke.json` validated against `schemas/thong-ke.schema.json` (published beside
//! it) by a real JSON Schema validator, and `thong-ke.csv` read by a real CSV parser,
//! row for row the same numbers as the JSON. Checked on the `stats` and `journalists`
//! fixtures and on the repository's example site.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::support::{assert_exit, fixture, kheo, read};

/// Builds each site the files are checked on; returns the temporary folders (kept
/// alive) and each `public/` folder.
fn built_sites() -> (Vec<tempfile::TempDir>, Vec<PathBuf>) {
    let mut keep = Vec::new();
    let mut publics = Vec::new();
    for name in ["stats", "journalists"] {
        let site = fixture(name);
        assert_exit(&kheo(site.path(), &["build"]), 0);
        publics.push(site.path().join("public"));
        keep.push(site);
    }
    let example = tempfile::tempdir().expect("temp dir");
    let out = example.path().join("public");
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args = ["build", "--out", out.to_str().expect("utf-8 path")];
    assert_exit(&kheo(repo, &args), 0);
    publics.push(out);
    keep.push(example);
    (keep, publics)
}

fn figures(public: &Path) -> Value {
    serde_json::from_str(&read(public, "du-lieu/thong-ke.json")).expect("thong-ke.json parses")
}

/// The schema in the repository, checked against the JSON Schema meta-schema.
fn schema() -> (String, Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/thong-ke.schema.json");
    let text = std::fs::read_to_string(path).expect("schema in the repository");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    (text, schema)
}

#[test]
fn the_statistics_file_validates_against_its_schema_published_beside_it() {
    let (text, schema) = schema();
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let (_keep, publics) = built_sites();
    for public in &publics {
        assert_eq!(read(public, "du-lieu/thong-ke.schema.json"), text);
        let page = read(public, "du-lieu/index.html");
        assert!(page.contains("/du-lieu/thong-ke.schema.json\">thong-ke.schema.json</a>"));
        let f = figures(public);
        let errors: Vec<String> = validator
            .iter_errors(&f)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", public.display());
    }
    // The schema is strict: each of these breaks it.
    let f = figures(&publics[0]);
    let breaks: [(&str, &Change); 7] = [
        ("a stray key", &|f| f["surprise"] = json!(1)),
        ("no provinces", &|f| {
            f.as_object_mut().expect("object").remove("provinces");
        }),
        ("an unknown table", &|f| {
            f["tables"][0]["id"] = json!("khac")
        }),
        ("a negative count", &|f| {
            f["tables"][0]["rows"][0]["count"] = json!(-1)
        }),
        ("a relative url", &|f| {
            f["tables"][0]["rows"][0]["url"] = json!("/tinh/ca-mau/")
        }),
        ("an unknown level", &|f| set_key(f, "cap", "thon")),
        ("a year that is not one", &|f| set_key(f, "nam", "2O24")),
    ];
    for (what, change) in breaks {
        let mut broken = f.clone();
        change(&mut broken);
        assert!(!validator.is_valid(&broken), "{what} passes the schema");
    }
}

/// A change to a statistics file.
type Change = dyn Fn(&mut Value);

/// Sets the key of the first row of site-wide table `id`.
fn set_key(f: &mut Value, id: &str, key: &str) {
    let tables = f["tables"].as_array_mut().expect("tables");
    let table = tables.iter_mut().find(|t| t["id"] == id).expect("table");
    table["rows"][0]["key"] = json!(key);
}

/// `(scope, table, key, label, count, url)` of every number in the JSON, in order.
fn json_rows(f: &Value) -> Vec<[String; 6]> {
    let scopes = std::iter::once(("toan-quoc", &f["tables"])).chain(
        f["provinces"]
            .as_array()
            .expect("provinces")
            .iter()
            .map(|p| (p["slug"].as_str().expect("slug"), &p["tables"])),
    );
    let mut out = Vec::new();
    for (scope, tables) in scopes {
        for t in tables.as_array().expect("tables") {
            for r in t["rows"].as_array().expect("rows") {
                let s = |v: &Value| v.as_str().unwrap_or_default().to_owned();
                out.push([
                    scope.to_owned(),
                    s(&t["id"]),
                    s(&r["key"]),
                    s(&r["label"]),
                    r["count"].to_string(),
                    s(&r["url"]),
                ]);
            }
        }
    }
    out
}

#[test]
fn the_statistics_csv_parses_with_a_real_parser_into_the_jsons_numbers() {
    let (_keep, publics) = built_sites();
    for public in &publics {
        let bytes = std::fs::read(public.join("du-lieu/thong-ke.csv")).expect("thong-ke.csv");
        let body = bytes
            .strip_prefix("\u{feff}".as_bytes())
            .expect("a UTF-8 BOM for Excel");
        let mut reader = csv::ReaderBuilder::new().from_reader(body);
        let header: Vec<String> = reader
            .headers()
            .expect("header")
            .iter()
            .map(str::to_owned)
            .collect();
        assert_eq!(header, kheo::export::FIGURES_COLUMNS);
        let rows: Vec<[String; 6]> = reader
            .records()
            .map(|r| {
                let r = r.unwrap_or_else(|e| panic!("{}: {e}", public.display()));
                assert_eq!(r.len(), 7, "{r:?}");
                [&r[0], &r[2], &r[3], &r[4], &r[5], &r[6]].map(str::to_owned)
            })
            .collect();
        assert_eq!(rows, json_rows(&figures(public)), "{}", public.display());
    }
}
