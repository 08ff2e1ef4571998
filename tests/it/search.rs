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
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/js");
    let run = Command::new("node")
        .arg("--test")
        .arg(&tests)
        .env("KHEO_SEARCH_SITE", &out)
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
