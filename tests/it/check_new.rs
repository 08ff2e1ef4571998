//! `kheo check` (validates like `build`, writes nothing; `--format json`, `--strict`)
//! and `kheo new` (writes an article that passes `check`, never overwrites).

use std::process::Stdio;

use crate::support::{
    assert_exit, files, fixture, invalid_site, kheo, read, site_with, stderr, stdout,
};

#[test]
fn check_on_a_valid_site_passes_and_writes_nothing() {
    let site = fixture("minimal");
    let before = files(site.path());
    let out = kheo(site.path(), &["check"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("ok: 4 models"), "{}", stderr(&out));
    assert_eq!(files(site.path()), before, "check wrote files");
    assert!(!site.path().join("public").exists());
}

#[test]
fn check_reports_the_same_diagnostics_as_build() {
    let site = invalid_site();
    let before = files(site.path());
    let check = kheo(site.path(), &["check"]);
    assert_exit(&check, 1);
    let build = kheo(site.path(), &["build"]);
    assert_exit(&build, 1);
    // Everything but the final summary line is the same.
    let body = |s: String| s.trim_end().rsplit_once('\n').map(|(b, _)| b.to_owned());
    let (c, b) = (body(stderr(&check)), body(stderr(&build)));
    assert!(c.as_deref().is_some_and(|c| c.contains("error[E016]")));
    assert_eq!(c, b);
    assert!(
        stderr(&check)
            .trim_end()
            .ends_with("22 errors, 1 warning in 21 files")
    );
    assert_eq!(
        files(site.path()),
        before,
        "check or a failed build wrote files"
    );
}

#[test]
fn check_json_prints_one_object_per_diagnostic() {
    let site = invalid_site();
    let out = kheo(site.path(), &["check", "--format", "json"]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 23, "{text}");
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("one JSON object a line");
        assert!(v["path"].is_string(), "{line}");
        assert!(v["line"].is_u64() && v["col"].is_u64(), "{line}");
        assert!(v["code"].as_str().is_some_and(|c| c.len() == 4), "{line}");
        assert!(
            v["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{line}"
        );
        assert!(
            v["severity"] == "error" || v["severity"] == "warning",
            "{line}"
        );
    }
    let first: serde_json::Value = serde_json::from_str(lines[0]).expect("JSON");
    assert_eq!(first["path"], "content/ben-tre/2017/ben-tree.md");
    assert_eq!(
        (first["line"].as_u64(), first["col"].as_u64()),
        (Some(3), Some(11))
    );
    assert_eq!(first["code"], "E016");
}

/// Regression: `kheo check --format json | head -1` panicked with "failed printing to
/// stdout: Broken pipe" because the JSON lines went out with `println!`.
#[test]
fn regression_check_json_panics_on_a_closed_pipe() {
    let site = invalid_site();
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let out = crate::support::kheo_command()
        .args(["check", "--format", "json", "--root"])
        .arg(site.path())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run kheo");
    assert!(
        !stderr(&out).contains("panicked"),
        "kheo panicked on a closed pipe:\n{}",
        stderr(&out)
    );
}

#[test]
fn check_github_format_annotates_each_problem() {
    let site = invalid_site();
    let out = kheo(site.path(), &["check", "--format", "github"]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 23);
    assert!(text.contains(
        "::error file=content/ben-tre/2017/ben-tree.md,line=3,col=11,title=E016::unknown province"
    ));
}

#[test]
fn strict_check_fails_on_a_warning() {
    let text = "---\ntitle: Chưa có tóm tắt\nprovince: Bến Tre\nfield: Kinh tế\nyear: 2020\n---\n\nNội dung.\n";
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let out = kheo(site.path(), &["check"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("warning[W001]"));
    let out = kheo(site.path(), &["check", "--strict"]);
    assert_exit(&out, 1);
    assert!(stderr(&out).contains("warning[W001]"));
    // A warning does not fail a build.
    assert_exit(&kheo(site.path(), &["build"]), 0);
}

#[test]
fn new_writes_an_article_that_passes_check() {
    let site = fixture("minimal");
    let args = [
        "new",
        "Mô hình thử",
        "--province",
        "ben tre",
        "--field",
        "kinh te",
        "--year",
        "2024",
    ];
    let out = kheo(site.path(), &args);
    assert_exit(&out, 0);
    let rel = "content/ben-tre/2024/mo-hinh-thu.md";
    assert_eq!(stdout(&out).trim(), rel);
    let written = read(site.path(), rel);
    assert!(
        written.starts_with("---\n") && written.contains("\ntitle: \"Mô hình thử\"\n"),
        "{written}"
    );
    assert!(written.contains("province: \"Bến Tre\""));
    assert!(written.contains("field: \"Kinh tế\""));
    assert!(written.contains("year: 2024"));
    let check = kheo(site.path(), &["check"]);
    assert_exit(&check, 0);
    assert!(!stderr(&check).contains("error["), "{}", stderr(&check));

    // Again: refuses, and leaves the file alone.
    let again = kheo(site.path(), &args);
    assert!(!stderr(&again).contains("panicked"));
    assert_ne!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );
    assert_eq!(read(site.path(), rel), written);
}

#[test]
fn new_with_an_unknown_province_suggests_one() {
    let site = fixture("minimal");
    let before = files(site.path());
    let out = kheo(
        site.path(),
        &[
            "new",
            "Mô hình khác",
            "--province",
            "Ben Tree",
            "--field",
            "Kinh tế",
        ],
    );
    assert!(!stderr(&out).contains("panicked"));
    assert_ne!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("did you mean \"Bến Tre\""),
        "{}",
        stderr(&out)
    );
    assert_eq!(files(site.path()), before, "nothing written");
}

#[test]
fn new_with_an_unknown_field_lists_the_fields() {
    let site = fixture("minimal");
    let out = kheo(
        site.path(),
        &[
            "new",
            "Mô hình khác",
            "--province",
            "Cà Mau",
            "--field",
            "Thể thao",
        ],
    );
    assert!(!stderr(&out).contains("panicked"));
    assert_ne!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("Kinh tế"), "{}", stderr(&out));
}
