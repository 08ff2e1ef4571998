//! Front matter mistakes editors make when typing with Unikey or pasting from Word
//! (issue 14): each is reported in Vietnamese on the line it is on, says what is wrong
//! in plain words, proposes the line to type instead, and that line, pasted in place,
//! makes `kheo check` pass. No raw English parser text reaches the Vietnamese output.

use crate::support::{assert_exit, kheo, kheo_vi, read, site_with, stderr, write};

/// The keys every story needs, after the line under test.
const REST: &str = "province: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: Tóm tắt ngắn.\n";

/// A story whose front matter is `lines` then `REST`.
fn story(lines: &str) -> String {
    format!("---\n{lines}{REST}---\n\nNội dung.\n")
}

/// `kheo check` in Vietnamese on a site with one story whose front matter starts with
/// `lines`: (site, stderr, exit code).
fn check_vi(lines: &str) -> (tempfile::TempDir, String) {
    let site = site_with(&[("content/x.md", story(lines).as_bytes())]);
    let out = kheo_vi(site.path(), &["check"]);
    (site, stderr(&out))
}

/// The line the help proposes: between "thành `" and the last backtick of the help.
#[track_caller]
fn proposed(err: &str) -> String {
    let help = err
        .lines()
        .find(|l| (l.contains("= help:") || l.contains("= cách sửa:")) && l.contains("thành `"))
        .unwrap_or_else(|| panic!("no proposed line in\n{err}"));
    let start = help.find("thành `").expect("marker") + "thành `".len();
    let end = help.rfind('`').expect("closing backtick");
    help[start..end].to_owned()
}

/// Replaces line `bad` of the story with the proposed line, checks again, and asserts
/// it passes and that `gone` (a code or a message) is no longer reported.
#[track_caller]
fn apply_and_pass(site: &tempfile::TempDir, bad: &str, err: &str, gone: &str) {
    let fixed_line = proposed(err);
    let text = read(site.path(), "content/x.md").replacen(bad, &fixed_line, 1);
    write(site.path(), "content/x.md", &text);
    let out = kheo_vi(site.path(), &["check"]);
    let err2 = stderr(&out);
    assert_exit(&out, 0);
    assert!(
        !err2.contains(gone),
        "{gone} still reported after `{fixed_line}`:\n{err2}"
    );
}

/// The published title of the only story, as `kheo build` writes it in the search index.
fn built_title(site: &tempfile::TempDir) -> String {
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 0);
    let html = std::fs::read_dir(site.path().join("public/mo-hinh"))
        .expect("mo-hinh")
        .filter_map(Result::ok)
        .map(|e| std::fs::read_to_string(e.path().join("index.html")).unwrap_or_default())
        .find(|h| h.contains("<h1>"))
        .expect("a story page");
    let start = html.find("<h1>").expect("h1") + 4;
    let end = html[start..].find("</h1>").expect("/h1") + start;
    html[start..end].to_owned()
}

#[test]
fn a_colon_inside_a_title_is_named_and_the_quoted_line_works() {
    let bad = "title: Mô hình: dân vận khéo\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("lỗi[E006]"), "{err}");
    assert!(err.contains("content/x.md:2:15"), "{err}");
    assert!(err.contains("Giá trị của `title` có dấu hai chấm"), "{err}");
    assert_eq!(proposed(&err), "title: \"Mô hình: dân vận khéo\"");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
    assert_eq!(built_title(&site), "Mô hình: dân vận khéo");
}

#[test]
fn a_colon_in_a_title_with_double_quotes_gets_a_quoting_that_reads_back() {
    let bad = "title: Mô hình \"Ba cùng\": dân vận khéo\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("có dấu hai chấm"), "{err}");
    assert_eq!(proposed(&err), "title: 'Mô hình \"Ba cùng\": dân vận khéo'");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
    assert_eq!(
        built_title(&site),
        "Mô hình &quot;Ba cùng&quot;: dân vận khéo"
    );
}

#[test]
fn a_missing_space_after_the_colon_is_named_on_its_own_line() {
    let bad = "title:Tổ phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:2:6"), "{err}");
    assert!(err.contains("Thiếu dấu cách sau dấu hai chấm"), "{err}");
    assert_eq!(proposed(&err), "title: Tổ phụ nữ");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
}

#[test]
fn a_missing_space_on_the_last_line_is_named_on_its_own_line() {
    let text = format!("---\ntitle: Tổ phụ nữ\n{REST}author:Nguyễn Văn A\n---\n");
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let err = stderr(&kheo_vi(site.path(), &["check"]));
    assert!(err.contains("content/x.md:7:7"), "{err}");
    assert!(
        err.contains("Thiếu dấu cách sau dấu hai chấm ở dòng `author`"),
        "{err}"
    );
    apply_and_pass(&site, "author:Nguyễn Văn A", &err, "E006");
}

#[test]
fn a_full_width_colon_from_an_input_method_is_named() {
    let bad = "title：Tổ phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:2:6"), "{err}");
    assert!(err.contains("dấu `：` của bộ gõ"), "{err}");
    assert_eq!(proposed(&err), "title: Tổ phụ nữ");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
}

#[test]
fn a_tab_at_the_start_of_a_line_is_named() {
    let bad = "title: Tổ phụ nữ\n\tauthor: Hội Phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:3:1"), "{err}");
    assert!(
        err.contains("Dòng này bắt đầu bằng dấu Tab; hãy dùng dấu cách"),
        "{err}"
    );
    assert_eq!(proposed(&err), "author: Hội Phụ nữ");
    apply_and_pass(&site, "\tauthor: Hội Phụ nữ", &err, "E006");
}

#[test]
fn a_tab_before_a_list_item_is_named_and_spaces_work() {
    let bad = "title: Tổ phụ nữ\ntags:\n\t- phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:4:1"), "{err}");
    assert!(err.contains("dấu Tab"), "{err}");
    assert_eq!(proposed(&err), "  - phụ nữ");
    apply_and_pass(&site, "\t- phụ nữ", &err, "E006");
}

#[test]
fn an_unclosed_quote_is_named_and_closed() {
    let bad = "title: \"Ngoặc kép chưa đóng\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:2:8"), "{err}");
    assert!(err.contains("chưa được đóng"), "{err}");
    assert_eq!(proposed(&err), "title: \"Ngoặc kép chưa đóng\"");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
}

#[test]
fn a_value_starting_with_at_is_quoted() {
    let bad = "title: Tổ phụ nữ\nauthor: @hoiphunu\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:3:9"), "{err}");
    assert!(err.contains("không được bắt đầu bằng `@`"), "{err}");
    apply_and_pass(&site, "author: @hoiphunu", &err, "E006");
}

#[test]
fn a_list_dash_on_the_key_line_becomes_a_bracket_list() {
    let bad = "title: Tổ phụ nữ\ntags: - phụ nữ - dân vận\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("Danh sách `tags`"), "{err}");
    assert_eq!(proposed(&err), "tags: [phụ nữ, dân vận]");
    apply_and_pass(&site, "tags: - phụ nữ - dân vận", &err, "E006");
}

#[test]
fn an_indented_key_is_named() {
    let bad = "title: Tổ phụ nữ\n  author: Hội Phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:3:1"), "{err}");
    assert!(err.contains("bị lùi vào"), "{err}");
    apply_and_pass(&site, "  author: Hội Phụ nữ", &err, "E006");
}

#[test]
fn a_key_without_its_colon_is_named() {
    let bad = "title: Tổ phụ nữ\nauthor Hội Phụ nữ\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("content/x.md:3:1"), "{err}");
    assert!(err.contains("không có dạng `tên: giá trị`"), "{err}");
    assert_eq!(proposed(&err), "author: Hội Phụ nữ");
    apply_and_pass(&site, "author Hội Phụ nữ", &err, "E006");
}

#[test]
fn a_key_written_twice_points_at_the_second() {
    let (_site, err) = check_vi("title: Một\ntitle: Hai\n");
    assert!(err.contains("content/x.md:3:1"), "{err}");
    assert!(err.contains("Thông tin `title` được viết hai lần"), "{err}");
    assert!(err.contains("dòng 2"), "{err}");
}

#[test]
fn text_after_a_closing_quote_is_quoted_whole() {
    let bad = "title: \"Ba cùng\" với dân\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("còn chữ sau dấu ngoặc đóng"), "{err}");
    assert_eq!(proposed(&err), "title: '\"Ba cùng\" với dân'");
    apply_and_pass(&site, bad.trim_end(), &err, "E006");
    assert_eq!(built_title(&site), "&quot;Ba cùng&quot; với dân");
}

#[test]
fn no_raw_parser_text_reaches_the_vietnamese_output() {
    let mistakes = [
        "title: Mô hình: dân vận khéo\n",
        "title:Tổ phụ nữ\n",
        "title：Tổ phụ nữ\n",
        "title: A\n\tauthor: B\n",
        "title: \"chưa đóng\n",
        "title: A\nauthor: @b\n",
        "title: A\ntags: - a - b\n",
        "title: A\n  author: B\n",
        "title: A\nauthor B\n",
        "title: A\ntitle: B\n",
        "title: \"A\" B\n",
        "title: A\nauthor: `b`\n",
        "title: [a, b\n",
    ];
    for m in mistakes {
        let (_site, err) = check_vi(m);
        assert!(err.contains("lỗi[E006]"), "{m:?}:\n{err}");
        for raw in [
            "mapping values",
            "did not find expected",
            "while parsing",
            "found character",
            "while scanning",
            "could not find",
        ] {
            assert!(!err.contains(raw), "{raw:?} for {m:?}:\n{err}");
        }
    }
}

#[test]
fn a_hash_that_cuts_a_title_is_a_warning_with_the_quoted_line() {
    let bad = "title: Mô hình #1 của xã\n";
    let (site, err) = check_vi(bad);
    assert!(err.contains("cảnh báo[W060]"), "{err}");
    assert!(err.contains("content/x.md:2:16"), "{err}");
    assert!(
        err.contains("bài sẽ được đăng với `title` là “Mô hình”"),
        "{err}"
    );
    assert_eq!(proposed(&err), "title: \"Mô hình #1 của xã\"");
    apply_and_pass(&site, bad.trim_end(), &err, "W060");
    assert_eq!(built_title(&site), "Mô hình #1 của xã");
}

#[test]
fn comments_on_their_own_line_or_after_quoted_or_non_text_values_are_not_warned() {
    let lines = "# ghi chú\ntitle: \"Mô hình #1\" # số 1\nweight: 3 # thứ tự\n";
    let (_site, err) = check_vi(lines);
    assert!(!err.contains("W060"), "{err}");
}

#[test]
fn curly_quotes_around_a_whole_value_are_removed_with_a_warning() {
    let lines = "title: “Tổ phụ nữ tự quản”\nunit: ‘Hội Phụ nữ xã’\n";
    let text = format!(
        "---\n{lines}province: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: “Tóm tắt ngắn.”\n---\n"
    );
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let out = kheo_vi(site.path(), &["check"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    for (line, key) in [(2, "title"), (3, "unit"), (7, "summary")] {
        assert!(
            err.contains(&format!("content/x.md:{line}:")),
            "{key}: {err}"
        );
        assert!(
            err.contains(&format!(
                "Dấu ngoặc kép kiểu Word quanh giá trị của `{key}` đã được bỏ đi"
            )),
            "{err}"
        );
    }
    assert_eq!(built_title(&site), "Tổ phụ nữ tự quản");
    let index = read(site.path(), "public/du-lieu/mo-hinh.json");
    assert!(
        index.contains("Tóm tắt ngắn.") && !index.contains("“Tóm"),
        "{index}"
    );
    assert!(index.contains("\"Hội Phụ nữ xã\""), "{index}");
    let gone = "`title` đã được bỏ đi";
    apply_and_pass(&site, "title: “Tổ phụ nữ tự quản”", &err, gone);
}

#[test]
fn quotes_inside_a_value_are_kept() {
    let (site, err) = check_vi("title: “Ba cùng” và “Bốn nhà”\n");
    assert!(!err.contains("W061"), "{err}");
    assert_eq!(built_title(&site), "“Ba cùng” và “Bốn nhà”");
}

#[test]
fn an_opening_fence_with_trailing_spaces_or_a_tab_is_accepted() {
    for fence in ["--- ", "---  ", "---\t"] {
        let text = format!("{fence}\ntitle: Tổ phụ nữ\n{REST}---\n\nNội dung.\n");
        let site = site_with(&[("content/x.md", text.as_bytes())]);
        let out = kheo_vi(site.path(), &["check"]);
        assert_exit(&out, 0);
    }
}

#[test]
fn a_blank_summary_is_warned_at_its_own_line() {
    let text = "---\ntitle: Tổ phụ nữ\nprovince: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: \"\"\n---\n";
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let out = kheo(site.path(), &["check"]);
    let err = stderr(&out);
    assert!(err.contains("warning[W001]"), "{err}");
    assert!(err.contains("content/x.md:6:1"), "{err}");
}

#[test]
fn empty_and_unfenced_files_are_explained_in_vietnamese() {
    let site = site_with(&[
        ("content/a.md", b"" as &[u8]),
        ("content/b.md", b"# Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n"),
        ("content/c.md", b"---\ntitle: A\n"),
    ]);
    let err = stderr(&kheo_vi(site.path(), &["check"]));
    assert!(err.contains("Tệp này trống"), "{err}");
    assert!(
        err.contains("Tệp không bắt đầu bằng phần thông tin đầu bài"),
        "{err}"
    );
    assert!(err.contains("chưa có dòng `---` để đóng lại"), "{err}");
    assert!(!err.contains("front matter"), "{err}");
}

#[test]
fn the_same_advice_is_given_in_english() {
    let text = story("title: Mô hình: dân vận khéo\n");
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let err = stderr(&kheo(site.path(), &["check"]));
    assert!(err.contains("the value of `title` contains `: `"), "{err}");
    assert!(
        err.contains("change this line to `title: \"Mô hình: dân vận khéo\"`"),
        "{err}"
    );
    let text = story("title: Mô hình #1 của xã\n");
    let site = site_with(&[("content/x.md", text.as_bytes())]);
    let err = stderr(&kheo(site.path(), &["check"]));
    assert!(
        err.contains("warning[W060]: the text after `#` in `title` is dropped"),
        "{err}"
    );
}
