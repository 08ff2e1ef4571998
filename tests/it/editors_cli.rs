//! What an editor who is not a programmer sees on the command line, in Vietnamese (the
//! default): the diagnostic blocks and summary, `build` and `check` lines, system
//! errors, a command run outside a site folder, Markdown files saved under other
//! names, and `kheo new`'s draft. Each test also follows the advice given and checks
//! that it works.

use std::path::Path;

use crate::support::{
    assert_exit, files, fixture, invalid_site, kheo, kheo_vi, read, site_with, stderr, stdout,
    write,
};

/// `kheo_vi` with `--lang vi`, so the test does not depend on the machine's `LANG`
/// (the fixtures set no `language`).
fn vi(root: &Path, args: &[&str]) -> std::process::Output {
    kheo_vi(root, &[args, &["--lang", "vi"]].concat())
}

/// A complete, valid article.
fn story(title: &str) -> String {
    format!(
        "---\ntitle: {title}\nprovince: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: Tóm tắt.\n---\n\nNội dung.\n"
    )
}

const NEW: [&str; 7] = [
    "new",
    "Mô hình mới",
    "--province",
    "an giang",
    "--field",
    "kinh te",
    "--year",
];

/// `kheo new "Mô hình mới" … --year 2024` in Vietnamese; returns the article's path.
fn new_article(root: &Path) -> String {
    let mut args = NEW.to_vec();
    args.push("2024");
    let out = vi(root, &args);
    assert_exit(&out, 0);
    let rel = stdout(&out).trim().to_owned();
    assert_eq!(rel, "content/an-giang/2024/mo-hinh-moi.md");
    rel
}

/// `kheo init DIR` in Vietnamese (init takes no `--root`).
fn init_vi(dir: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_kheo"))
        .arg("init")
        .arg(dir)
        .env_remove("KHEO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .output()
        .expect("run kheo")
}

#[test]
fn the_invalid_site_report_in_vietnamese_matches_the_snapshot() {
    let site = invalid_site();
    let out = vi(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("lỗi[E003]: "), "{err}");
    assert!(err.contains("  = cách sửa: "), "{err}");
    assert!(!err.contains("error["), "{err}");
    assert!(!err.contains("= help:"), "{err}");
    let last = err.lines().last().unwrap_or("");
    assert!(
        last.starts_with("dựng không thành công: ")
            && last.contains(" lỗi, ")
            && last.contains(" tệp"),
        "{last}"
    );
    let next = kheo::validate::next_year().to_string();
    let err = err.replace(&format!("và {next}"), "và <next year>");
    let err = err.replace(&format!("and {next}"), "and <next year>");
    insta::assert_snapshot!("invalid_build_stderr_vi", err);
}

#[test]
fn json_keeps_its_field_names_and_speaks_the_chosen_language() {
    let site = invalid_site();
    let out = vi(site.path(), &["check", "--format", "json"]);
    assert_exit(&out, 1);
    let line = stdout(&out)
        .lines()
        .find(|l| l.contains("\"E003\""))
        .map(str::to_owned)
        .expect("an E003 line");
    let v: serde_json::Value = serde_json::from_str(&line).expect("json");
    assert_eq!(v["severity"], "error");
    assert!(
        v["message"]
            .as_str()
            .unwrap_or("")
            .contains("bảng mã UTF-8"),
        "{line}"
    );
    assert!(
        v["help"].as_str().unwrap_or("").contains("Unikey"),
        "{line}"
    );
}

#[test]
fn check_ok_line_and_summary_are_in_vietnamese() {
    let site = fixture("minimal");
    let out = vi(site.path(), &["check"]);
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains("ổn: 4 mô hình, không có lỗi nào"),
        "{}",
        stderr(&out)
    );
    let out = vi(site.path(), &["build"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(
        err.contains("đã dựng 4 mô hình, ") && err.contains(" giây"),
        "{err}"
    );
}

#[test]
fn commands_outside_a_site_folder_fail_and_say_where_site_yaml_was_looked_for() {
    let site = site_with(&[("content/an-giang/2020/a.md", story("Một").as_bytes())]);
    let content = site.path().join("content");
    let abs = std::path::absolute(&content).expect("absolute");
    for args in [
        &["check"][..],
        &["build"],
        &["serve", "--port", "0"],
        &["import", "so.csv"],
        &["new", "X", "--province", "an giang", "--field", "kinh te"],
    ] {
        let out = vi(&content, args);
        assert_exit(&out, 2);
        let err = stderr(&out);
        assert!(err.contains("không thấy tệp site.yaml"), "{args:?}: {err}");
        assert!(err.contains(&*abs.display().to_string()), "{args:?}: {err}");
        assert!(err.contains("--root") && err.contains("kheo init"), "{err}");
    }
    // Nothing was written into content/.
    assert_eq!(files(&content), ["an-giang/2020/a.md"]);
    // Following the advice: pass --root with the site folder.
    assert_exit(&vi(site.path(), &["check"]), 0);
    // English too.
    let out = kheo(&content, &["check"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("no site.yaml in"), "{}", stderr(&out));
}

#[test]
fn new_in_a_folder_that_does_not_exist_is_an_error_and_creates_nothing() {
    let tmp = tempfile::tempdir().expect("temp");
    let missing = tmp.path().join("chua-co");
    let mut args = NEW.to_vec();
    args.push("2024");
    let out = vi(&missing, &args);
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("không có thư mục trang web"),
        "{}",
        stderr(&out)
    );
    assert!(!missing.exists());
    // Following the advice: kheo init, then new works.
    let init = init_vi(&missing);
    assert_exit(&init, 0);
    assert!(
        stdout(&init).contains("Đã tạo trang web"),
        "{}",
        stdout(&init)
    );
    new_article(&missing);
}

#[test]
fn markdown_files_in_any_spelling_are_articles() {
    let site = site_with(&[
        ("content/an-giang/2020/a.MD", story("Một").as_bytes()),
        ("content/an-giang/2020/b.Md", story("Hai").as_bytes()),
        ("content/an-giang/2020/c.markdown", story("Ba").as_bytes()),
        ("content/an-giang/2020/d/INDEX.MD", story("Bốn").as_bytes()),
    ]);
    let out = vi(site.path(), &["check"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("ổn: 4 mô hình"), "{}", stderr(&out));
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 0);
    assert!(site.path().join("public/mo-hinh/bon/index.html").is_file());
}

#[test]
fn files_that_look_like_articles_but_are_not_markdown_are_named_with_the_fix() {
    let site = site_with(&[
        ("content/an-giang/2020/a.md.txt", story("Một").as_bytes()),
        ("content/an-giang/2020/b.txt", story("Hai").as_bytes()),
        (
            "content/an-giang/2020/ghi-chu.txt",
            "chỉ là ghi chú".as_bytes(),
        ),
        ("content/an-giang/2020/c.docx", b"PK\x03\x04"),
        ("content/an-giang/2020/d/index.md", story("Bốn").as_bytes()),
        ("content/an-giang/2020/d/bao-cao.docx", b"PK\x03\x04"),
        ("content/an-giang/2020/d/so-lieu.txt", b"1, 2, 3"),
    ]);
    let root = site.path();
    let out = vi(root, &["check"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(
        err.contains("cảnh báo[W080]: tệp `a.md.txt` không được đọc thành bài viết"),
        "{err}"
    );
    assert!(err.contains("đổi tên tệp thành `a.md`"), "{err}");
    assert!(err.contains("cảnh báo[W080]: tệp `b.txt`"), "{err}");
    assert!(err.contains("đổi tên tệp thành `b.md`"), "{err}");
    assert!(
        err.contains("cảnh báo[W081]: `c.docx` là tệp Word"),
        "{err}"
    );
    assert!(err.contains("hãy tạo tệp `c.md`"), "{err}");
    // A note and the documents of a folder article are not articles: no warning.
    for quiet in ["ghi-chu.txt", "bao-cao.docx", "so-lieu.txt"] {
        assert!(!err.contains(quiet), "{quiet}: {err}");
    }
    // Following the advice: rename, and copy the Word text into the `.md` it names.
    let dir = root.join("content/an-giang/2020");
    std::fs::rename(dir.join("a.md.txt"), dir.join("a.md")).expect("rename");
    std::fs::rename(dir.join("b.txt"), dir.join("b.md")).expect("rename");
    write(root, "content/an-giang/2020/c.md", story("Ba"));
    std::fs::remove_file(dir.join("c.docx")).expect("move the Word file away");
    let out = vi(root, &["check", "--strict"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("ổn: 4 mô hình"), "{}", stderr(&out));
}

#[test]
fn a_new_article_is_a_draft_that_checks_and_is_not_published_until_the_line_goes() {
    let site = fixture("minimal");
    let root = site.path();
    let mut args = NEW.to_vec();
    args.push("2024");
    let out = vi(root, &args);
    assert_exit(&out, 0);
    let err = stderr(&out);
    assert!(err.contains("Đã tạo bài mới, ở dạng bản nháp"), "{err}");
    assert!(
        err.contains("kheo serve") && err.contains("xóa dòng `draft: true`"),
        "{err}"
    );
    let rel = stdout(&out).trim().to_owned();
    let text = read(root, &rel);
    let draft_line = text
        .lines()
        .find(|l| l.starts_with("draft:"))
        .expect("a draft line");
    assert!(draft_line.starts_with("draft: true  # "), "{draft_line}");
    assert!(
        draft_line.contains("Bỏ dòng này hoặc đổi thành false khi bài đã sẵn sàng đăng"),
        "{draft_line}"
    );
    // Every key of the table is in the template, with its Vietnamese help.
    for key in kheo::keys::KEYS.iter().filter(|k| k.name != "weight") {
        assert!(
            text.contains(&format!("\n{}:", key.name))
                || text.contains(&format!("\n# {}:", key.name)),
            "{}: {text}",
            key.name
        );
        assert!(text.contains(key.help.vi), "{}", key.name);
    }
    assert_exit(&vi(root, &["check"]), 0);
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert!(!root.join("public/mo-hinh/mo-hinh-moi").exists());
    // Following the comment: delete the line, and the story is published.
    let published: String = text
        .lines()
        .filter(|l| !l.starts_with("draft:"))
        .map(|l| format!("{l}\n"))
        .collect();
    write(root, &rel, published);
    assert_exit(&kheo(root, &["build"]), 0);
    assert!(root.join("public/mo-hinh/mo-hinh-moi/index.html").is_file());
}

#[test]
fn the_image_advice_of_a_new_article_works_when_followed() {
    let site = fixture("minimal");
    let root = site.path();
    let rel = new_article(root);
    let text = read(root, &rel);
    let folder = rel.trim_end_matches(".md");
    assert!(text.contains(&format!("tạo thư mục {folder}/")), "{text}");
    assert!(text.contains(&format!("({folder}/index.md)")), "{text}");
    // Make it a folder article, put the photo beside it, uncomment `image:`.
    let moved = text.replace("\n# image: anh.jpg\n", "\nimage: anh.jpg\n");
    assert_ne!(moved, text, "the template has a `# image: anh.jpg` line");
    std::fs::remove_file(root.join(&rel)).expect("move");
    write(root, &format!("{folder}/index.md"), moved);
    image::RgbImage::from_fn(40, 30, |x, y| image::Rgb([x as u8, y as u8, 90]))
        .save(root.join(folder).join("anh.jpg"))
        .expect("photo");
    let out = vi(root, &["check", "--drafts"]);
    assert_exit(&out, 0);
    assert!(!stderr(&out).contains("[E0"), "{}", stderr(&out));
}

#[test]
fn a_site_of_drafts_says_so_instead_of_nothing_to_publish() {
    let tmp = tempfile::tempdir().expect("temp");
    let dir = tmp.path().join("trang");
    assert_exit(&init_vi(&dir), 0);
    let rel = new_article(&dir);
    let out = vi(&dir, &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("lỗi[E040]: không có gì để đăng: chỉ có bài nháp"),
        "{err}"
    );
    assert!(err.contains(&rel), "{err}");
    assert!(err.contains("kheo build --drafts"), "{err}");
    // Following the advice: `--drafts` builds it.
    assert_exit(&vi(&dir, &["build", "--drafts"]), 0);
}

#[test]
fn system_errors_are_in_plain_vietnamese() {
    let site = fixture("minimal");
    let out = vi(site.path(), &["import", "khong-co.csv"]);
    assert_exit(&out, 2);
    assert!(
        stderr(&out).contains("lỗi: Không dùng được khong-co.csv: không có tệp hoặc thư mục này"),
        "{}",
        stderr(&out)
    );
    let out = vi(site.path(), &["build", "--out", "content"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(
        err.contains("lỗi: không ghi trang web vào content: "),
        "{err}"
    );
    assert!(err.contains("cách sửa: "), "{err}");
}

#[test]
fn a_site_folder_named_with_control_characters_is_printed_harmlessly() {
    let tmp = tempfile::tempdir().expect("temp");
    let odd = tmp.path().join("a\u{1b}[2Jb");
    std::fs::create_dir(&odd).expect("mkdir");
    let out = vi(&odd, &["check"]);
    assert_exit(&out, 2);
    let err = stderr(&out);
    assert!(!err.contains('\u{1b}'), "{err:?}");
    assert!(err.contains("a␛[2Jb"), "{err}");
}
