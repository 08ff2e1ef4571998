//! The `invalid` fixture holds one problem per diagnostic code (two files are added by
//! `support::invalid_site`): all must be reported in one run, sorted by file, each
//! with its location and a fix, and nothing written. The whole stderr is a snapshot.

use std::collections::BTreeSet;

use crate::support::{assert_exit, invalid_site, kheo, stderr};

/// Every code the validator can emit.
const CODES: [&str; 20] = [
    "E001", "E002", "E003", "E004", "E005", "E006", "E010", "E011", "E012", "E013", "E014", "E015",
    "E016", "E017", "E018", "E019", "E020", "E021", "E022", "W001",
];

/// One diagnostic block of the text output.
#[derive(Debug)]
struct Block {
    code: String,
    location: String,
    text: String,
}

impl Block {
    fn path(&self) -> &str {
        self.location.split(':').next().unwrap_or("")
    }
}

fn blocks(stderr: &str) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for line in stderr.lines() {
        let head = line
            .strip_prefix("error[")
            .or_else(|| line.strip_prefix("warning["));
        if let Some(rest) = head {
            out.push(Block {
                code: rest[..4].to_owned(),
                location: String::new(),
                text: String::new(),
            });
        }
        let Some(b) = out.last_mut() else { continue };
        if let Some((_, loc)) = line.split_once("--> ")
            && b.location.is_empty()
        {
            b.location = loc.trim().to_owned();
        }
        b.text.push_str(line);
        b.text.push('\n');
    }
    out
}

fn run_build() -> (tempfile::TempDir, String) {
    let site = invalid_site();
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    (site, err)
}

/// The block for `code` in `file` (panics if there is not exactly one).
#[track_caller]
fn block<'a>(blocks: &'a [Block], code: &str, file: &str) -> &'a Block {
    let found: Vec<&Block> = blocks
        .iter()
        .filter(|b| b.code == code && b.path() == file)
        .collect();
    assert_eq!(found.len(), 1, "{code} in {file}: {blocks:#?}");
    found[0]
}

#[test]
fn every_code_is_reported_in_one_run() {
    let (site, err) = run_build();
    let blocks = blocks(&err);
    let seen: BTreeSet<&str> = blocks.iter().map(|b| b.code.as_str()).collect();
    let all: BTreeSet<&str> = CODES.into_iter().collect();
    assert_eq!(seen, all, "{err}");
    assert!(
        err.trim_end()
            .ends_with("22 errors, 1 warning in 21 files; nothing was written"),
        "{err}"
    );
    assert!(
        !site.path().join("public").exists(),
        "a failed build wrote public/"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_and_located() {
    let (_site, err) = run_build();
    let blocks = blocks(&err);
    let mut last = ("", 0usize, 0usize);
    for b in &blocks {
        let mut parts = b.location.split(':');
        let path = parts.next().unwrap_or("");
        let nums: Vec<usize> = parts.map(|p| p.parse().expect("number")).collect();
        // A file over the size limit is refused whole, without being read.
        if b.code != "E002" {
            assert_eq!(nums.len(), 2, "no line:col in {:?}", b.location);
            assert!(nums[0] >= 1 && nums[1] >= 1, "{:?}", b.location);
        }
        let line = nums.first().copied().unwrap_or(0);
        let col = nums.get(1).copied().unwrap_or(0);
        assert!(
            (path, line, col) >= last,
            "{:?} printed after {last:?}",
            b.location
        );
        last = (path, line, col);
        assert!(b.text.contains("= help: "), "no fix given:\n{}", b.text);
    }
}

#[test]
fn suggestions_point_at_the_right_fix() {
    let (_site, err) = run_build();
    let blocks = blocks(&err);
    let cases = [
        ("E012", "content/loi/provnce.md", "did you mean `province`?"),
        (
            "E012",
            "content/loi/khoa-go-sai.md",
            "did you mean `summary`?",
        ),
        (
            "E016",
            "content/ben-tre/2017/ben-tree.md",
            "did you mean \"Bến Tre\" (since 2025 part of Vĩnh Long)?",
        ),
        (
            "E015",
            "content/loi/linh-vuc-sai.md",
            "did you mean \"Kinh tế\"?",
        ),
        (
            "E018",
            "content/loi/slug-sai.md",
            "did you mean `mo-hinh-hay`?",
        ),
        ("E001", "site.yaml", "did you mean `page_size`?"),
        ("E011", "content/loi/tags-chuoi.md", "tags: [một chuỗi]"),
        ("E013", "content/loi/nam-1850.md", "between 1990 and"),
        ("E014", "content/loi/ngay-sai.md", "YYYY-MM-DD"),
        (
            "E017",
            "content/loi/cap-quan.md",
            "trung ương, tỉnh, huyện, xã",
        ),
        ("E005", "content/loi/chua-dong.md", "add a line `---`"),
        ("E010", "content/loi/thieu-tieu-de.md", "`title: "),
        (
            "E021",
            "content/loi/anh-thieu/index.md",
            "content/loi/anh-thieu/",
        ),
        ("E022", "content/loi/alias-sai.md", "starting with `/`"),
        ("E019", "content/loi/trung-slug-2.md", "trung-slug-1.md"),
        ("E003", "content/loi/utf8-sai.md", "byte offset 13"),
    ];
    for (code, file, wanted) in cases {
        let b = block(&blocks, code, file);
        assert!(b.text.contains(wanted), "{wanted:?} not in\n{}", b.text);
    }
    // Both broken links are reported, each where it is written.
    let links: Vec<&Block> = blocks.iter().filter(|b| b.code == "E020").collect();
    assert_eq!(links.len(), 2, "{links:#?}");
    assert_eq!(links[0].location, "content/loi/lien-ket-hong.md:9:5");
    assert!(links[0].text.contains("khong-ton-tai.md"));
    assert_eq!(links[1].location, "content/loi/lien-ket-hong.md:9:35");
    assert!(links[1].text.contains("/mo-hinh/missing/"));
    // The caret sits under the bad value.
    let e016 = block(&blocks, "E016", "content/ben-tre/2017/ben-tree.md");
    assert_eq!(e016.location, "content/ben-tre/2017/ben-tree.md:3:11");
    assert!(
        e016.text
            .contains("  |           ^^^^^^^^ unknown province")
    );
}

#[test]
fn province_spellings_editors_use_are_accepted() {
    let (_site, err) = run_build();
    let blocks = blocks(&err);
    for file in [
        "content/ben-tre/2018/hien-dat-lam-duong.md",
        "content/ho-chi-minh/2020/chung-cu-xanh.md",
    ] {
        assert!(
            blocks.iter().all(|b| b.path() != file),
            "{file} should be valid:\n{err}"
        );
    }
    // "tinh Quang Nam" resolves; the file only lacks a summary.
    let quang_nam: Vec<&str> = blocks
        .iter()
        .filter(|b| b.path() == "content/quang-nam/2019/nguoi-co-uy-tin-o-thon.md")
        .map(|b| b.code.as_str())
        .collect();
    assert_eq!(quang_nam, ["W001"]);
}

#[test]
fn the_whole_report_matches_the_snapshot() {
    let (_site, err) = run_build();
    // The latest allowed year follows the clock.
    let next = kheo::validate::next_year().to_string();
    let err = err.replace(&format!("and {next}"), "and <next year>");
    insta::assert_snapshot!("invalid_build_stderr", err);
}

/// Regression: an alias that is already another page's address was reported without
/// a line or column (`--> content/b.md`), though the SPEC requires both.
#[test]
fn regression_alias_clash_has_no_line_or_column() {
    let front = "province: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: Tóm tắt.\n";
    let a = format!("---\ntitle: Một\n{front}---\n");
    let b = format!("---\ntitle: Hai\n{front}aliases: [/mo-hinh/mot/]\n---\n");
    let site = crate::support::site_with(&[
        ("content/a.md", a.as_bytes()),
        ("content/b.md", b.as_bytes()),
    ]);
    let out = kheo(site.path(), &["check"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("error[E022]"), "{err}");
    assert!(err.contains("--> content/b.md:7:"), "no line:col in\n{err}");
}
