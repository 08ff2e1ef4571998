//! Mistakes editors make in front matter values, as they make them (Vietnamese key
//! names, dates written day first, tags separated by `;`, Windows image paths, field
//! names in another order, levels after the 2025 reform): kheo says what is wrong in
//! Vietnamese, and doing exactly what its advice says makes `kheo check` pass.

use std::path::Path;

use crate::support::{kheo_vi, read, site_with, stderr, write};

/// A valid article with `line` added (or replacing the line of the same key).
fn article(line: &str) -> String {
    let mut lines = vec![
        "title: Tổ phụ nữ giúp nhau",
        "province: Bến Tre",
        "field: Kinh tế",
        "year: 2018",
        "summary: Tóm tắt.",
    ];
    let key = line.split(':').next().unwrap_or("");
    lines.retain(|l| !l.starts_with(&format!("{key}:")));
    if !line.is_empty() {
        lines.push(line);
    }
    format!("---\n{}\n---\nNội dung.\n", lines.join("\n"))
}

/// Runs `kheo check` in Vietnamese; its stderr and whether it passed.
fn check(root: &Path) -> (String, bool) {
    let out = kheo_vi(root, &["check"]);
    (stderr(&out), out.status.success())
}

/// The first `` `key: …` `` the advice proposes.
fn advised(err: &str, key: &str) -> String {
    let start = err
        .find(&format!("`{key}: "))
        .unwrap_or_else(|| panic!("no `{key}: …` advised in:\n{err}"));
    let rest = &err[start + 1..];
    rest[..rest.find('`').expect("closing backtick")].to_owned()
}

/// Replaces the line starting with `key:` in `rel` by `line`.
fn apply(root: &Path, rel: &str, key: &str, line: &str) {
    let text = read(root, rel);
    let fixed: Vec<String> = text
        .lines()
        .map(|l| {
            if l.starts_with(&format!("{key}:")) {
                line.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    write(root, rel, fixed.join("\n") + "\n");
}

const REL: &str = "content/ben-tre/to-phu-nu.md";

/// `kheo check` fails on `line` with `message` in its report, passes once the line
/// becomes what the advice for `key` says.
fn advice_works(line: &str, key: &str, message: &str) -> String {
    let site = site_with(&[(REL, article(line).as_bytes())]);
    let (err, ok) = check(site.path());
    assert!(!ok, "{line}: passed");
    assert!(err.contains(message), "{line}: no {message:?} in\n{err}");
    let fix = advised(&err, key);
    apply(site.path(), REL, key, &fix);
    let (after, ok) = check(site.path());
    assert!(ok, "{line} → {fix}: still fails\n{after}");
    fix
}

#[test]
fn tags_separated_by_semicolons_are_advised_as_two_tags() {
    let fix = advice_works(
        "tags: nông thôn mới; giảm nghèo",
        "tags",
        "`tags` phải là một danh sách",
    );
    assert_eq!(fix, "tags: [nông thôn mới, giảm nghèo]");
}

#[test]
fn dates_written_day_first_are_advised_in_year_month_day() {
    for written in ["10/08/2018", "10-8-2018", "2018-8-10", "10.08.2018"] {
        let fix = advice_works(
            &format!("date: {written}"),
            "date",
            &format!("ngày \"{written}\" không đúng cách viết"),
        );
        assert_eq!(fix, "date: 2018-08-10", "{written}");
    }
}

#[test]
fn a_day_that_does_not_exist_is_named() {
    let site = site_with(&[(REL, article("date: 2018-02-30").as_bytes())]);
    let (err, ok) = check(site.path());
    assert!(!ok);
    assert!(err.contains("tháng 2 năm 2018 không có ngày 30"), "{err}");
}

#[test]
fn vietnamese_key_names_are_advised_as_the_real_key() {
    for (written, key, value) in [
        ("tỉnh", "province", "Bến Tre"),
        ("tiêu đề", "title", "Tổ phụ nữ"),
        ("tieu_de", "title", "Tổ phụ nữ"),
        ("lĩnh vực", "field", "Kinh tế"),
        ("năm", "year", "2018"),
        ("tóm tắt", "summary", "Tóm tắt."),
        ("đơn vị", "unit", "Hội Phụ nữ"),
    ] {
        let mut text = article(&format!("{key}: {value}")).replace(&format!("{key}: "), "bo_di: ");
        text = text.replace("\nbo_di: ", &format!("\n{written}: "));
        let site = site_with(&[(REL, text.as_bytes())]);
        let (err, ok) = check(site.path());
        assert!(!ok, "{written}");
        assert!(
            err.contains(&format!("kheo không biết dòng `{written}:`")),
            "{written}: {err}"
        );
        assert!(
            err.contains(&format!("có phải ý bạn là `{key}`?")),
            "{written}: {err}"
        );
        apply(site.path(), REL, written, &format!("{key}: {value}"));
        let (after, ok) = check(site.path());
        assert!(ok, "{written} → {key}: {after}");
    }
}

#[test]
fn field_names_in_another_order_are_advised() {
    let site = site_with(&[(REL, article("field: an ninh quốc phòng").as_bytes())]);
    let (err, ok) = check(site.path());
    assert!(!ok);
    let meant = "có phải ý bạn là \"";
    let start = err
        .find(meant)
        .unwrap_or_else(|| panic!("no did-you-mean in\n{err}"))
        + meant.len();
    let name = &err[start..start + err[start..].find('"').expect("closing quote")];
    assert_eq!(name, "Quốc phòng – an ninh");
    apply(site.path(), REL, "field", &format!("field: {name}"));
    let (after, ok) = check(site.path());
    assert!(ok, "{after}");
}

#[test]
fn wards_and_special_zones_are_commune_level() {
    for level in ["phường", "đặc khu", "cấp xã", "Cấp phường", "xã"] {
        let line = format!("level: {level}");
        let site = site_with(&[(REL, article(&line).as_bytes())]);
        let out = kheo_vi(site.path(), &["check", "--strict"]);
        assert!(out.status.success(), "{level}: {}", stderr(&out));
    }
}

#[test]
fn a_district_level_after_the_reform_is_a_warning_that_says_why() {
    let text = article("level: huyện").replace("year: 2018", "year: 2026");
    let site = site_with(&[(REL, text.as_bytes())]);
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    assert!(err.contains("W070"), "{err}");
    assert!(
        err.contains("từ ngày 1/7/2025 chính quyền địa phương có hai cấp"),
        "{err}"
    );
    let fix = advised(&err, "level");
    apply(site.path(), REL, "level", &fix);
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    assert!(out.status.success(), "{fix}: {}", stderr(&out));
    // Before the reform, huyện is what it was.
    let site = site_with(&[(REL, article("level: huyện").as_bytes())]);
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_district_recognition_of_2025_published_after_the_reform_is_no_warning() {
    // `date` is when the story was published; a model recognised by a district in the
    // first half of 2025 is often written up months later.
    let text = article("level: huyện\ndate: 2025-10-15").replace("year: 2018", "year: 2025");
    let site = site_with(&[(REL, text.as_bytes())]);
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_missing_title_is_advised_with_the_tables_example() {
    let text = article("").replace("title: Tổ phụ nữ giúp nhau\n", "");
    let site = site_with(&[(REL, text.as_bytes())]);
    let (err, ok) = check(site.path());
    assert!(!ok);
    assert!(err.contains("thiếu dòng bắt buộc `title:`"), "{err}");
    let fix = advised(&err, "title");
    let fixed = text.replacen("---\n", &format!("---\n{fix}\n"), 1);
    write(site.path(), REL, fixed);
    let (after, ok) = check(site.path());
    assert!(ok, "{fix}: {after}");
}

fn photo(path: &Path) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8, y as u8, 90]))
        .save(path)
        .expect("write the test photo");
}

#[test]
fn an_image_path_copied_from_windows_is_published() {
    let rel = "content/ben-tre/to-phu-nu/index.md";
    let text = article("image: images\\anh1.png");
    let site = site_with(&[(rel, text.as_bytes())]);
    photo(
        &site
            .path()
            .join("content/ben-tre/to-phu-nu/images/anh1.png"),
    );
    let (err, ok) = check(site.path());
    assert!(ok, "{err}");
    let out = kheo_vi(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = site.path().join("public/mo-hinh/to-phu-nu-giup-nhau");
    assert!(page.join("images/anh1.png").is_file());
    let html = std::fs::read_to_string(page.join("index.html")).expect("page");
    assert!(html.contains("images/anh1.png"), "no image in the page");
    assert!(!html.contains("images\\anh1.png"));
}

#[test]
fn an_image_beside_a_single_file_article_is_advised_with_the_paths_to_use() {
    let site = site_with(&[(REL, article("image: anh.png").as_bytes())]);
    photo(&site.path().join("content/ben-tre/anh.png"));
    let (err, ok) = check(site.path());
    assert!(!ok);
    assert!(err.contains("bài này là một tệp riêng lẻ"), "{err}");
    let (index, image) = (
        "content/ben-tre/to-phu-nu/index.md",
        "content/ben-tre/to-phu-nu/anh.png",
    );
    assert!(
        err.contains(&format!(
            "chuyển {REL} thành {index} và đặt ảnh anh.png ở {image}"
        )),
        "{err}"
    );
    let root = site.path();
    std::fs::create_dir_all(root.join("content/ben-tre/to-phu-nu")).expect("mkdir");
    std::fs::rename(root.join(REL), root.join(index)).expect("move the article");
    std::fs::rename(root.join("content/ben-tre/anh.png"), root.join(image)).expect("move");
    let (after, ok) = check(root);
    assert!(ok, "{after}");
}

#[test]
fn a_blank_summary_is_reported_at_its_line() {
    let site = site_with(&[(REL, article("summary: \"\"").as_bytes())]);
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    let err = stderr(&out);
    assert!(err.contains("bài chưa có tóm tắt"), "{err}");
    assert!(err.contains(&format!("{REL}:6:1")), "{err}");
    apply(site.path(), REL, "summary", "summary: Hai câu tóm tắt.");
    let out = kheo_vi(site.path(), &["check", "--strict"]);
    assert!(out.status.success(), "{}", stderr(&out));
}
