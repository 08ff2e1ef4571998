//! Everything `build` would trip on is a diagnostic of `check`, with file and line:
//! blank required values, names too long for the file system, paths that clash,
//! static files over generated pages, images that cannot be used; addresses stay put
//! when a same-titled story is added; many broken links cost linear time and memory.

use crate::support::{assert_exit, kheo, read, site_with, stderr, write};

/// Front matter with `title_line` as the title line, then the usual keys.
fn story(title_line: &str, extra: &str) -> String {
    format!(
        "---\n{title_line}\nprovince: Bến Tre\nfield: Kinh tế\nyear: 2024\nsummary: Thử.\n{extra}---\n\nNội dung.\n"
    )
}

/// Runs `check` and `build`: both must fail with `code` at `location`.
#[track_caller]
fn both_fail_at(site: &std::path::Path, code: &str, location: &str) -> String {
    let mut last = String::new();
    for cmd in ["check", "build"] {
        let out = kheo(site, &[cmd]);
        assert_exit(&out, 1);
        let err = stderr(&out);
        let wanted = format!("error[{code}]");
        let at = err
            .split("\n\n")
            .find(|b| b.contains(&wanted) && b.contains(&format!("--> {location}")));
        assert!(at.is_some(), "{cmd}: no {code} at {location}:\n{err}");
        assert!(!err.contains("os error"), "{cmd}: raw OS error:\n{err}");
        last = err;
    }
    last
}

#[test]
fn blank_required_values_are_missing_values_at_their_line() {
    let blanks = [
        ("title: \"\"", "title"),
        ("title: \"   \"", "title"),
        ("title: \u{a0}", "title"),
        ("title: \"\u{3000}\u{2003}\"", "title"),
        ("title: \"\u{200b}\"", "title"),
        ("title: |\n", "title"),
        ("title:", "title"),
    ];
    for (line, _) in blanks {
        let text = story(line, "");
        let site = site_with(&[
            ("content/tot.md", story("title: Tốt", "").as_bytes()),
            ("content/trong.md", text.as_bytes()),
        ]);
        let err = both_fail_at(site.path(), "E010", "content/trong.md:2");
        assert!(err.contains("`title` is empty"), "{line:?}:\n{err}");
        assert!(err.contains("help: write the value"), "{line:?}:\n{err}");
    }
    for key in ["province", "field"] {
        let text = format!(
            "---\ntitle: Tên\n{}year: 2024\n---\n",
            ["province", "field"]
                .iter()
                .map(|k| if *k == key {
                    format!("{k}: \"\u{a0} \"\n")
                } else {
                    format!(
                        "{k}: {}\n",
                        if *k == "field" {
                            "Kinh tế"
                        } else {
                            "Bến Tre"
                        }
                    )
                })
                .collect::<String>()
        );
        let site = site_with(&[("content/trong.md", text.as_bytes())]);
        let line = if key == "province" { 3 } else { 4 };
        let err = both_fail_at(site.path(), "E010", &format!("content/trong.md:{line}"));
        assert!(err.contains(&format!("`{key}` is empty")), "{err}");
    }
}

#[test]
fn names_too_long_for_a_file_system_are_errors_of_check() {
    let long_slug = "a".repeat(250);
    let long_title = "Mô hình ".repeat(40);
    let long_tag = "rất dài ".repeat(40);
    let long_alias = format!("/tin/{}", "b".repeat(260));
    let cases = [
        (story("title: Một", &format!("slug: {long_slug}\n")), 7),
        (story(&format!("title: {long_title}"), ""), 2),
        (story("title: Hai", &format!("tags: [\"{long_tag}\"]\n")), 7),
        (
            story("title: Ba", &format!("aliases: [\"{long_alias}\"]\n")),
            7,
        ),
    ];
    for (text, line) in cases {
        let site = site_with(&[("content/dai.md", text.as_bytes())]);
        let err = both_fail_at(site.path(), "E024", &format!("content/dai.md:{line}"));
        assert!(err.contains("at most 200"), "{err}");
        assert!(err.contains("help:"), "{err}");
    }
}

#[test]
fn an_alias_never_needs_a_folder_where_another_alias_is_a_file() {
    let site = site_with(&[
        (
            "content/a.md",
            story("title: Một", "aliases: [/cu/x.html]\n").as_bytes(),
        ),
        (
            "content/b.md",
            story("title: Hai", "aliases: [/cu/x.html/]\n").as_bytes(),
        ),
    ]);
    let err = both_fail_at(site.path(), "E022", "content/b.md:7");
    assert!(
        err.contains("alias /cu/x.html/ needs a folder where alias /cu/x.html is a file"),
        "{err}"
    );
}

#[test]
fn static_files_never_replace_generated_pages_or_folders() {
    let a = story("title: Tốt", "");
    let cases: [(&str, &str); 6] = [
        (
            "static/sitemap.xml",
            "would replace /sitemap.xml, a page the build makes",
        ),
        (
            "static/tinh/index.html",
            "would replace /tinh/index.html, a page the build makes",
        ),
        (
            "static/mo-hinh/tot/index.html",
            "would replace /mo-hinh/tot/index.html, a page the build makes",
        ),
        (
            "static/mo-hinh",
            "is where the build makes the folder /mo-hinh/",
        ),
        ("static/tinh", "is where the build makes the folder /tinh/"),
        (
            "static/tinh/ben-tre",
            "is where the build makes the folder /tinh/ben-tre/",
        ),
    ];
    for (path, why) in cases {
        let site = site_with(&[("content/tot.md", a.as_bytes()), (path, b"x")]);
        let err = both_fail_at(site.path(), "E025", path);
        assert!(
            err.contains(&format!("static file {path} {why}")),
            "{path}:\n{err}"
        );
    }
    // An alias's redirect page is generated too.
    let moved = story("title: Tốt", "aliases: [/cu/trang.html]\n");
    let site = site_with(&[
        ("content/tot.md", moved.as_bytes()),
        ("static/cu/trang.html", b"x"),
    ]);
    let err = both_fail_at(site.path(), "E025", "static/cu/trang.html");
    assert!(err.contains("would replace /cu/trang.html"), "{err}");
    // With `cms:` set, the editing form's page is generated too; without it, /admin/ is
    // the site's own.
    let site = site_with(&[
        ("content/tot.md", a.as_bytes()),
        ("static/admin/index.html", b"x"),
    ]);
    assert_exit(&kheo(site.path(), &["check"]), 0);
    let yaml = "title: Thử\nbase_url: https://example.org/\ncms:\n  repo: so/trang\n";
    std::fs::write(site.path().join("site.yaml"), yaml).expect("write site.yaml");
    let err = both_fail_at(site.path(), "E025", "static/admin/index.html");
    assert!(err.contains("would replace /admin/index.html"), "{err}");
    // Overriding the theme's static files is what `static/` is for.
    let site = site_with(&[
        ("content/tot.md", a.as_bytes()),
        ("static/assets/style.css", b"body{}"),
        ("static/images/anh.txt", b"x"),
    ]);
    assert_exit(&kheo(site.path(), &["check"]), 0);
}

/// The slug `check` proposes for `file` (from its E019 help).
fn proposed_slug(err: &str, file: &str) -> String {
    let block = err
        .split("\n\n")
        .find(|b| b.contains("error[E019]") && b.contains(&format!("--> {file}")))
        .unwrap_or_else(|| panic!("no E019 for {file}:\n{err}"));
    let start = block.find("add `slug: ").expect("a proposal") + "add `slug: ".len();
    block[start..]
        .split('`')
        .next()
        .expect("closing quote")
        .to_owned()
}

#[test]
fn adding_a_same_titled_story_never_moves_the_first() {
    let first = story("title: Hũ gạo tình thương", "");
    let site = site_with(&[("content/ben-tre/hu-gao.md", first.as_bytes())]);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let page = "public/mo-hinh/hu-gao-tinh-thuong/index.json";
    let before = read(site.path(), page);

    let second = first.replace("Bến Tre", "Cà Mau");
    write(site.path(), "content/ca-mau/hu-gao.md", &second);
    let err = both_fail_at(site.path(), "E019", "content/ca-mau/hu-gao.md:2");
    assert!(
        err.contains("made from the title, is also the slug of"),
        "{err}"
    );
    // The first story is still where it was: the failed build changed nothing.
    assert_eq!(read(site.path(), page), before);
    let slug = proposed_slug(&err, "content/ca-mau/hu-gao.md");
    assert_eq!(slug, "hu-gao-tinh-thuong-ca-mau");

    let fixed = second.replace("summary:", &format!("slug: {slug}\nsummary:"));
    write(site.path(), "content/ca-mau/hu-gao.md", &fixed);
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 0);
    let after = read(site.path(), page);
    assert!(after.contains("/mo-hinh/hu-gao-tinh-thuong/"), "{after}");
    assert!(after.contains("Bến Tre"), "{after}");
    assert!(
        site.path()
            .join("public/mo-hinh/hu-gao-tinh-thuong-ca-mau/index.html")
            .is_file()
    );
}

#[test]
fn thousands_of_broken_links_get_a_bounded_number_of_suggestions() {
    let links: String = (0..5000).map(|_| "[x](/mo-hinh/tox/) ").collect();
    let broken = format!("{}{links}\n", story("title: Nhiều liên kết", ""));
    let site = site_with(&[
        (
            "content/tot.md",
            story("title: Tốt", "slug: tot\n").as_bytes(),
        ),
        ("content/hong.md", broken.as_bytes()),
    ]);
    let out = kheo(site.path(), &["check"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert_eq!(err.matches("error[E020]").count(), 5000);
    assert_eq!(err.matches("did you mean /mo-hinh/tot/?").count(), 20);
    assert!(err.contains("suggestions are made for the first 20 broken links of a file"));
    // Each block shows at most 200 characters of the (100 KB) line.
    let longest = err.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    assert!(longest < 300, "a line of {longest} characters");
}

/// A PNG header (signature and IHDR) claiming `w`×`h` pixels, with no image data.
fn png_header(w: u32, h: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    b.extend_from_slice(&w.to_be_bytes());
    b.extend_from_slice(&h.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b
}

#[test]
fn unreadable_or_huge_images_are_errors_at_the_line_that_uses_them() {
    let text = format!(
        "{}![hỏng](hong.png)\n\n![lớn](lon.png)\n\n![vừa](vua.png)\n",
        story("title: Ảnh", "image: vua.png\n")
    );
    let site = site_with(&[
        ("content/anh/index.md", text.as_bytes()),
        ("content/anh/hong.png", b"\x89PNG\r\n\x1a\nnot a header"),
        ("content/anh/lon.png", &png_header(30_000, 30_000)),
        ("content/anh/vua.png", &png_header(640, 480)),
    ]);
    both_fail_at(site.path(), "E023", "content/anh/index.md:11");
    let err = both_fail_at(site.path(), "E023", "content/anh/index.md:13");
    assert!(err.contains("image lon.png is 30000×30000 pixels"), "{err}");
    assert!(err.contains("image hong.png cannot be read"), "{err}");
    assert_eq!(err.matches("error[E023]").count(), 2, "{err}");
    // The lead image in the front matter too, at its key.
    let text = story("title: Ảnh", "image: hong.jpg\n");
    let site = site_with(&[
        ("content/anh/index.md", text.as_bytes()),
        ("content/anh/hong.jpg", b"\xff\xd8garbage"),
    ]);
    let err = both_fail_at(site.path(), "E023", "content/anh/index.md:7");
    assert!(err.contains("image hong.jpg cannot be read"), "{err}");
    // A huge photo beside the article that no line names: the build would still make
    // its smaller copies.
    let text = story("title: Ảnh", "");
    let site = site_with(&[
        ("content/anh/index.md", text.as_bytes()),
        ("content/anh/lon.png", &png_header(40_000, 100)),
    ]);
    let err = both_fail_at(site.path(), "E023", "content/anh/lon.png\n");
    assert!(err.contains("40000×100 pixels"), "{err}");
}
