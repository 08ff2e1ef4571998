//! Search, end to end through the real binary: `kheo build` of the search fixture writes
//! the index under `tim-kiem/index/` (deterministically, nothing else there), the page
//! and its assets; then `node --test tests/js/` runs search.js against that output.
//! Without node the JS part is skipped with a notice, unless CI is set.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{assert_exit, files, fixture, kheo, read};

/// The search fixture, built into `<tmp>/public`. Keep the TempDir alive while in use.
pub fn built_site(args: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = fixture("search-site");
    let out = dir.path().join("public");
    let out_arg = out.to_str().expect("utf-8 temp path").to_owned();
    let mut all = vec!["build", "--out", out_arg.as_str()];
    all.extend_from_slice(args);
    assert_exit(&kheo(dir.path(), &all), 0);
    (dir, out)
}

/// The recall fixture (abbreviations, i/y spellings, phrases with punctuation), built.
fn built_recall_site() -> (tempfile::TempDir, PathBuf) {
    let dir = fixture("search-recall");
    let out = dir.path().join("public");
    let out_arg = out.to_str().expect("utf-8 temp path").to_owned();
    assert_exit(&kheo(dir.path(), &["build", "--out", out_arg.as_str()]), 0);
    (dir, out)
}

/// The index files of a built site, with their bytes.
fn index_files(out: &Path) -> Vec<(String, Vec<u8>)> {
    files(out)
        .into_iter()
        .filter(|p| p.starts_with("tim-kiem/index/"))
        .map(|p| {
            let bytes = std::fs::read(out.join(&p)).expect("read");
            (p, bytes)
        })
        .collect()
}

#[test]
fn index_is_written_under_one_folder_deterministically() {
    let (_a, one) = built_site(&[]);
    let (_b, two) = built_site(&[]);
    let first = index_files(&one);
    assert!(
        first
            .iter()
            .any(|(p, _)| p == "tim-kiem/index/manifest.json")
    );
    assert!(
        first
            .iter()
            .any(|(p, _)| p.starts_with("tim-kiem/index/t/"))
    );
    assert!(
        first
            .iter()
            .any(|(p, _)| p.starts_with("tim-kiem/index/m/"))
    );
    assert!(
        first.len() < 40,
        "a small site has a handful of index files"
    );
    assert_eq!(first, index_files(&two), "same input, same index bytes");
    let manifest: serde_json::Value = serde_json::from_slice(
        &first
            .iter()
            .find(|(p, _)| p.ends_with("manifest.json"))
            .expect("manifest")
            .1,
    )
    .expect("json");
    assert_eq!(
        manifest["docs"], 10,
        "ten listed models; the draft is left out"
    );
}

#[test]
fn search_page_and_assets_are_in_the_output() {
    let (_dir, out) = built_site(&[]);
    let page = read(&out, "tim-kiem/index.html");
    assert!(page.contains(r#"id="q""#));
    assert!(page.contains(r#"role="status""#) && page.contains(r#"aria-live="polite""#));
    assert!(page.contains(r#"<script type="module" src="/assets/search-page.js">"#));
    assert!(page.contains(r#"href="/assets/search.css""#));
    let noscript = &page[page.find("<noscript>").expect("noscript")..];
    for link in ["/tinh/", "/linh-vuc/", "/nam/"] {
        assert!(
            noscript.contains(&format!(r#"href="{link}""#)),
            "noscript links {link}"
        );
    }
    for asset in ["search.js", "search-page.js", "search.css"] {
        assert!(out.join("assets").join(asset).is_file(), "{asset}");
    }
}

#[test]
fn urls_in_the_index_carry_the_base_path() {
    let (_dir, out) = built_site(&["--base-url", "http://localhost/dvk/"]);
    let page = read(&out, "tim-kiem/index.html");
    assert!(page.contains(r#"src="/dvk/assets/search-page.js""#));
    let meta = read(&out, "tim-kiem/index/m/0.json");
    assert!(meta.contains(r#""/dvk/mo-hinh/"#), "{meta}");
}

/// Runs `node --test tests/js/` against a built fixture; node missing skips (not on CI).
#[test]
fn javascript_tests_pass_against_the_built_index() {
    if Command::new("node").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("CI").is_none(),
            "node not found, and CI is set: search.js is untested"
        );
        eprintln!("node not found: JavaScript search tests skipped");
        return;
    }
    let (_dir, out) = built_site(&[]);
    let (_recall_dir, recall) = built_recall_site();
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let run = Command::new("node")
        .arg("--test")
        .arg(&tests)
        .env("KHEO_SEARCH_SITE", &out)
        .env("KHEO_RECALL_SITE", &recall)
        .output()
        .expect("run node");
    let report = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "node --test failed\n{report}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(report.contains("# fail 0"), "{report}");
    assert!(
        report.contains("# skipped 0"),
        "the site was given, nothing may skip\n{report}"
    );
}

/// Times `search::build` alone on a generated corpus (`KHEO_BENCH_CORPUS`, a site made by
/// `gen.py --format native`) and prints one `BENCH` line; run by scripts/bench-search.sh.
#[test]
#[ignore = "benchmark, run by scripts/bench-search.sh"]
fn bench_index_build() {
    use kheo::province::REGISTRY;
    use kheo::search::{SearchDoc, build};
    use kheo::vietnamese::slugify;

    let Some(root) = std::env::var_os("KHEO_BENCH_CORPUS") else {
        eprintln!("KHEO_BENCH_CORPUS is not set: nothing to time");
        return;
    };
    let root = PathBuf::from(root);
    struct Doc {
        url: String,
        title: String,
        summary: String,
        province: String,
        field: String,
        field_slug: String,
        r: kheo::province::ProvinceRef,
        year: i32,
        unit: String,
        locality: String,
        tags: Vec<String>,
        body: String,
    }
    let mut docs = Vec::new();
    for rel in files(&root.join("content"))
        .into_iter()
        .filter(|p| p.ends_with(".md"))
    {
        let source = read(&root.join("content"), &rel);
        let rest = source.strip_prefix("---\n").expect("front matter");
        let end = rest.find("\n---\n").expect("front matter end");
        let fm: yaml_serde::Value = yaml_serde::from_str(&rest[..end]).expect("yaml");
        let text = |k: &str| fm[k].as_str().unwrap_or("").to_owned();
        let r = REGISTRY.resolve(&text("province")).expect("province");
        let slug = fm["slug"]
            .as_str()
            .map_or_else(|| slugify(&text("title")), str::to_owned);
        let body = kheo::markdown::render(&rest[end + 5..], false, &kheo::markdown::NoRewrite).html;
        docs.push(Doc {
            url: format!("/mo-hinh/{slug}/"),
            title: text("title"),
            summary: text("summary"),
            province: REGISTRY.display(r),
            field_slug: slugify(&text("field")),
            field: text("field"),
            r,
            year: fm["year"].as_i64().expect("year") as i32,
            unit: text("unit"),
            locality: text("locality"),
            tags: fm["tags"]
                .as_sequence()
                .map(|s| {
                    s.iter()
                        .filter_map(|t| t.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default(),
            body: body.to_string(),
        });
    }
    let views: Vec<SearchDoc<'_>> = docs
        .iter()
        .map(|d| SearchDoc {
            url: &d.url,
            title: &d.title,
            summary: &d.summary,
            province: &d.province,
            province_slug: REGISTRY.slug(d.r),
            current_province: &REGISTRY.units[d.r.unit].name,
            current_province_slug: &REGISTRY.units[d.r.unit].slug,
            field: &d.field,
            field_slug: &d.field_slug,
            year: d.year,
            unit: &d.unit,
            locality: &d.locality,
            tags: &d.tags,
            body_html: &d.body,
            body_words: kheo::markdown::html_text(&d.body)
                .split_whitespace()
                .count(),
            level: None,
            kind: "",
        })
        .collect();
    let rss = |key: &str| -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let line = status.lines().find(|l| l.starts_with(key)).unwrap_or("");
        line.split_whitespace()
            .nth(1)
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    let before = rss("VmRSS:");
    let started = std::time::Instant::now();
    let index = build(&views);
    let ms = started.elapsed().as_millis();
    let bytes: usize = index.iter().map(|f| f.1.len()).sum();
    println!(
        "BENCH docs={} index_build_ms={ms} files={} bytes={bytes} rss_before_kb={before} rss_peak_kb={}",
        views.len(),
        index.len(),
        rss("VmHWM:")
    );
}
