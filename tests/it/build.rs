//! `kheo build` on fixture sites: every page of SPEC section 4, pagination, ordering,
//! former provinces, options (`--out`, `--base-url`, `--drafts`), theme overrides,
//! determinism, atomicity, and snapshots of the output manifest and key pages.

use std::path::Path;

use crate::support::{
    assert_exit, entries_starting_with, files, fixture, kheo, manifest, read, stderr, write,
};

/// Builds fixture `name` with `args` and returns the site folder (output in `public/`).
fn built(name: &str, args: &[&str]) -> tempfile::TempDir {
    let site = fixture(name);
    let mut all = vec!["build"];
    all.extend_from_slice(args);
    let out = kheo(site.path(), &all);
    assert_exit(&out, 0);
    site
}

/// The text between `start` and the next `end` after it.
fn section<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"));
    let rest = &html[from..];
    &rest[..rest.find(end).unwrap_or(rest.len())]
}

/// Titles of the model cards on a list page, in page order.
fn card_titles(html: &str) -> Vec<String> {
    html.split("<article class=\"card\">")
        .skip(1)
        .map(|card| link_text(card).to_owned())
        .collect()
}

/// The text of the first `<a ...>text</a>` in `html`.
fn link_text(html: &str) -> &str {
    let a = html.find("<a ").expect("a link");
    let open = a + html[a..].find('>').expect("tag end") + 1;
    let close = open + html[open..].find("</a>").expect("closing tag");
    &html[open..close]
}

#[track_caller]
fn assert_in_order(haystack: &[String], wanted: &[&str]) {
    let mut last = None;
    for w in wanted {
        let i = haystack
            .iter()
            .position(|h| h == w)
            .unwrap_or_else(|| panic!("{w:?} missing from {haystack:?}"));
        if let Some((prev, j)) = last {
            assert!(j < i, "{prev:?} should come before {w:?} in {haystack:?}");
        }
        last = Some((w, i));
    }
}

#[test]
fn minimal_site_has_every_page_of_the_spec() {
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    let have = files(&public);
    let expected = [
        "index.html",
        "mo-hinh/nong-dan-lien-ket-trong-lua-sach/index.html",
        "mo-hinh/nong-dan-lien-ket-trong-lua-sach/index.md",
        "mo-hinh/nong-dan-lien-ket-trong-lua-sach/index.json",
        "tinh/index.html",
        "tinh/an-giang/index.html",
        "tinh/an-giang/atom.xml",
        "linh-vuc/index.html",
        "linh-vuc/kinh-te/index.html",
        "linh-vuc/kinh-te/atom.xml",
        "nam/index.html",
        "nam/2024/index.html",
        "the/index.html",
        "the/nong-dan/index.html",
        "tim-kiem/index.html",
        "thong-ke/index.html",
        "du-lieu/index.html",
        "du-lieu/mo-hinh.json",
        "du-lieu/mo-hinh.csv",
        "atom.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "404.html",
    ];
    for e in expected {
        assert!(have.iter().any(|h| h == e), "missing {e} in {have:#?}");
    }
    // Every model page has its source and data beside it.
    for page in have.iter().filter(|p| p.starts_with("mo-hinh/")) {
        let dir = page.rsplit_once('/').expect("folder").0;
        for beside in ["index.html", "index.md", "index.json"] {
            assert!(public.join(dir).join(beside).is_file(), "{dir}/{beside}");
        }
    }
    // The source beside the page is the article as written.
    assert_eq!(
        read(&public, "mo-hinh/thanh-nien-giup-dan-sua-nha/index.md"),
        read(
            site.path(),
            "content/can-tho/2022/thanh-nien-giup-dan-sua-nha.md"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&read(
        &public,
        "mo-hinh/thanh-nien-giup-dan-sua-nha/index.json",
    ))
    .expect("index.json is JSON");
    assert_eq!(json["title"], "Thanh niên giúp dân sửa nhà");
    let all: serde_json::Value =
        serde_json::from_str(&read(&public, "du-lieu/mo-hinh.json")).expect("JSON");
    assert!(all.to_string().contains("Tổ dân phố xanh, sạch, đẹp"));
    let feed: serde_json::Value =
        serde_json::from_str(&read(&public, "feed.json")).expect("JSON Feed");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(feed["items"].as_array().map(Vec::len), Some(4));
    assert!(read(&public, "robots.txt").contains("https://example.org/sitemap.xml"));
    assert!(read(&public, "sitemap.xml").contains("<loc>https://example.org/tinh/an-giang/</loc>"));
}

#[test]
fn csv_export_starts_with_a_bom_for_excel() {
    let site = built("minimal", &[]);
    let csv = std::fs::read(site.path().join("public/du-lieu/mo-hinh.csv")).expect("csv");
    assert!(csv.starts_with(b"\xEF\xBB\xBF"), "no UTF-8 BOM");
    let text = std::str::from_utf8(&csv[3..]).expect("UTF-8");
    assert!(text.contains("Nông dân liên kết trồng lúa sạch"));
    assert_eq!(
        text.lines().count(),
        5,
        "a header and one row per model:\n{text}"
    );
}

/// Regression: the search index builder printed `TIMING ...` debug lines on stderr, so
/// a build that is not on a terminal was not quiet as the SPEC requires.
#[test]
fn regression_build_prints_timing_debug_lines_on_stderr() {
    let site = fixture("minimal");
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 1, "expected one summary line, got:\n{err}");
    assert!(lines[0].starts_with("built 4 models"), "{err}");
}

#[test]
fn long_lists_are_paginated() {
    // page_size is 2 and three models are in "Kinh tế".
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    let page2 = read(&public, "linh-vuc/kinh-te/trang/2/index.html");
    assert_eq!(card_titles(&page2), ["Tổ dân phố xanh, sạch, đẹp"]);
    let page1 = read(&public, "linh-vuc/kinh-te/index.html");
    assert!(page1.contains("href=\"/linh-vuc/kinh-te/trang/2/\""));
    assert!(
        page2.contains("href=\"/linh-vuc/kinh-te/\""),
        "link back to page 1"
    );
    assert!(!public.join("linh-vuc/kinh-te/trang/3").exists());
    assert!(!public.join("linh-vuc/van-hoa-xa-hoi/trang").exists());
    assert!(read(&public, "sitemap.xml").contains("/linh-vuc/kinh-te/trang/2/"));
}

#[test]
fn lists_show_newest_first() {
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    assert_eq!(
        card_titles(&read(&public, "linh-vuc/kinh-te/index.html")),
        [
            "Nông dân liên kết trồng lúa sạch",
            "Thanh niên giúp dân sửa nhà"
        ]
    );
    assert_eq!(
        card_titles(&read(&public, "tinh/an-giang/index.html")),
        ["Nông dân liên kết trồng lúa sạch", "Tổ hòa giải ở khóm, ấp"]
    );
    let atom = read(&public, "atom.xml");
    let first = atom.find("Nông dân liên kết").expect("2024 entry");
    let last = atom.find("Tổ dân phố xanh").expect("2021 entry");
    assert!(first < last, "feed is newest first");
}

#[test]
fn province_index_follows_vietnamese_alphabetical_order() {
    let site = built("minimal", &[]);
    let html = read(&site.path().join("public"), "tinh/index.html");
    let list = section(&html, "class=\"province-list\"", "</ul>");
    let units: Vec<String> = list
        .split("<li>")
        .skip(1)
        .map(|li| link_text(li).to_owned())
        .collect();
    assert_eq!(units.len(), 34, "{units:?}");
    // Đ is a letter of its own after D, and comes before E/G; ă, â follow a.
    assert_in_order(
        &units,
        &[
            "An Giang",
            "Bắc Ninh",
            "Cà Mau",
            "Cao Bằng",
            "Cần Thơ",
            "Đà Nẵng",
            "Đắk Lắk",
            "Điện Biên",
            "Đồng Nai",
            "Đồng Tháp",
            "Gia Lai",
            "Hà Nội",
            "Hà Tĩnh",
            "Hải Phòng",
            "Huế",
            "Hưng Yên",
            "Lai Châu",
            "Lạng Sơn",
            "Lào Cai",
            "Lâm Đồng",
            "Thái Nguyên",
            "Thanh Hóa",
            "Tuyên Quang",
            "Vĩnh Long",
        ],
    );
}

#[test]
fn former_province_has_its_own_page_and_is_listed_under_its_unit() {
    let site = built("vietnamese", &[]);
    let public = site.path().join("public");
    let old = read(&public, "tinh/bac-lieu/index.html");
    assert!(old.contains("Bạc Liêu (nay thuộc Cà Mau)"), "title");
    assert!(old.contains("href=\"/tinh/ca-mau/\""), "links to its unit");
    assert_eq!(card_titles(&old), ["Hội Phụ nữ hỗ trợ vốn cho hộ nghèo"]);
    let unit = read(&public, "tinh/ca-mau/index.html");
    assert_eq!(
        card_titles(&unit),
        [
            "Liên kết nuôi tôm sinh thái",
            "Hội Phụ nữ hỗ trợ vốn cho hộ nghèo"
        ]
    );
    assert!(unit.contains("<a href=\"/tinh/bac-lieu/\">Bạc Liêu (nay thuộc Cà Mau)</a>"));
    assert!(
        unit.contains("href=\"/tinh/bac-lieu/\">Bạc Liêu</a> (1)"),
        "former list"
    );
    let page = read(
        &public,
        "mo-hinh/hoi-phu-nu-ho-tro-von-cho-ho-ngheo/index.html",
    );
    assert!(page.contains("Bạc Liêu"));
    assert!(page.contains("nay thuộc <a href=\"/tinh/ca-mau/\">Cà Mau</a>"));
    // Its story is in the unit's feed too.
    assert!(read(&public, "tinh/ca-mau/atom.xml").contains("Hội Phụ nữ hỗ trợ vốn"));
}

#[test]
fn province_names_as_editors_write_them_resolve() {
    let site = built("vietnamese", &[]);
    let public = site.path().join("public");
    // "Thừa Thiên Huế" is Huế; "Thành phố Hồ Chí Minh", "TP. Cần Thơ", "Tỉnh An Giang".
    let cases = [
        ("hue", "Giữ gìn nếp nhà văn hóa"),
        ("ho-chi-minh", "Chung cư thân thiện"),
        ("can-tho", "Thanh niên giúp dân sửa nhà"),
        ("an-giang", "Camera an ninh giữ bình yên xóm ấp"),
    ];
    for (slug, title) in cases {
        let html = read(&public, &format!("tinh/{slug}/index.html"));
        assert_eq!(card_titles(&html), [title], "/tinh/{slug}/");
    }
    let hue = read(&public, "mo-hinh/giu-gin-nep-nha-van-hoa/index.html");
    assert!(hue.contains("<a href=\"/tinh/hue/\">Huế</a>"));
    assert!(!public.join("tinh/thua-thien-hue").exists());
}

#[test]
fn aliases_become_redirect_pages() {
    let site = built("vietnamese", &[]);
    let public = site.path().join("public");
    let html = read(&public, "tin-tuc/nep-nha-hue/index.html");
    assert!(
        html.contains("url=/mo-hinh/giu-gin-nep-nha-van-hoa/"),
        "{html}"
    );
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://example.org/mo-hinh/giu-gin-nep-nha-van-hoa/\">"
    ));
    assert!(
        !read(&public, "sitemap.xml").contains("tin-tuc"),
        "redirects stay out"
    );
}

#[test]
fn dates_are_shown_as_dd_mm_yyyy() {
    let site = built("vietnamese", &[]);
    let html = read(
        &site.path().join("public"),
        "mo-hinh/giu-gin-nep-nha-van-hoa/index.html",
    );
    assert!(
        html.contains("<time datetime=\"2016-12-01\">01/12/2016</time>"),
        "{}",
        section(&html, "<dl class=\"facts\">", "</dl>")
    );
}

#[test]
fn tags_with_diacritics_get_folded_slugs() {
    let site = built("vietnamese", &[]);
    let public = site.path().join("public");
    let tag = read(&public, "the/doan-ket/index.html");
    assert_eq!(
        card_titles(&tag),
        [
            "Khu dân cư tự quản vệ sinh môi trường",
            "Cán bộ đi từng ngõ, gõ từng nhà"
        ]
    );
    assert!(public.join("the/an-ninh-trat-tu/index.html").is_file());
    assert!(public.join("the/dan-toc-thieu-so/index.html").is_file());
    assert!(
        public
            .join("linh-vuc/xay-dung-he-thong-chinh-tri/index.html")
            .is_file()
    );
}

#[test]
fn out_and_base_url_options() {
    let site = fixture("minimal");
    let dest = tempfile::tempdir().expect("temp");
    let out_dir = dest.path().join("trang");
    let out = kheo(
        site.path(),
        &[
            "build",
            "--out",
            out_dir.to_str().expect("utf-8 path"),
            "--base-url",
            "https://x.org/sub/",
        ],
    );
    assert_exit(&out, 0);
    assert!(
        !site.path().join("public").exists(),
        "--out replaces public/"
    );
    // Output paths do not include the base path; links do.
    let home = read(&out_dir, "index.html");
    assert!(home.contains("href=\"/sub/tinh/\""), "links carry /sub/");
    assert!(home.contains("href=\"/sub/mo-hinh/nong-dan-lien-ket-trong-lua-sach/\""));
    assert!(
        !home.contains("href=\"/tinh/\""),
        "a link without the base path"
    );
    assert!(out_dir.join("tinh/an-giang/index.html").is_file());
    assert!(!out_dir.join("sub").exists());
    let page = read(&out_dir, "mo-hinh/to-hoa-giai-o-khom-ap/index.html");
    // The relative .md link in the body points at the page under the base path.
    assert!(page.contains("href=\"/sub/mo-hinh/nong-dan-lien-ket-trong-lua-sach/\""));
    assert!(read(&out_dir, "atom.xml").contains("https://x.org/sub/mo-hinh/"));
    assert!(read(&out_dir, "sitemap.xml").contains("<loc>https://x.org/sub/tinh/</loc>"));
    assert!(read(&out_dir, "robots.txt").contains("https://x.org/sub/sitemap.xml"));
}

#[test]
fn folder_article_copies_its_image_beside_the_page() {
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    let dir = "mo-hinh/to-dan-pho-xanh-sach-dep";
    assert_eq!(
        std::fs::read(public.join(dir).join("anh-to-dan-pho.svg")).expect("image copied"),
        std::fs::read(
            site.path()
                .join("content/da-nang/2021/to-dan-pho-xanh-sach-dep/anh-to-dan-pho.svg")
        )
        .expect("source image")
    );
    let html = read(&public, &format!("{dir}/index.html"));
    assert!(html.contains("src=\"anh-to-dan-pho.svg\""), "lead image");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = built("drafts", &[]);
    let public = site.path().join("public");
    assert!(
        public
            .join("mo-hinh/da-dang-mo-hinh-nuoi-de/index.html")
            .is_file()
    );
    assert!(!public.join("mo-hinh/ban-nhap-chua-dang").exists());
    assert!(!public.join("the/ban-nhap").exists());
    for f in files(&public) {
        let bytes = std::fs::read(public.join(&f)).expect("read");
        assert!(
            !String::from_utf8_lossy(&bytes).contains("Bản nháp chưa đăng"),
            "draft leaked into {f}"
        );
    }

    let site = built("drafts", &["--drafts"]);
    let public = site.path().join("public");
    assert!(
        public
            .join("mo-hinh/ban-nhap-chua-dang/index.html")
            .is_file()
    );
    assert!(read(&public, "tinh/ben-tre/index.html").contains("Bản nháp chưa đăng"));
}

#[test]
fn a_site_template_overrides_only_that_template() {
    let site = built("theme-override", &[]);
    let public = site.path().join("public");
    let page = read(&public, "mo-hinh/ap-van-hoa-kieu-mau/index.html");
    assert!(page.contains("data-theme-override=\"yes\""));
    assert!(page.contains("<h1 class=\"custom-title\">Ấp văn hóa kiểu mẫu</h1>"));
    assert!(
        !page.contains("class=\"story\""),
        "built-in article.html not used"
    );
    // base.html is still the built-in one, and so are the other pages.
    assert!(page.contains("<html lang=\"vi\">"));
    let list = read(&public, "tinh/quang-ngai/index.html");
    assert!(!list.contains("data-theme-override"));
    assert_eq!(card_titles(&list), ["Ấp văn hóa kiểu mẫu"]);
    assert!(read(&public, "index.html").contains("Ấp văn hóa kiểu mẫu"));
}

#[test]
fn the_same_input_gives_byte_identical_output() {
    let site = fixture("vietnamese");
    let dest = tempfile::tempdir().expect("temp");
    let (a, b) = (dest.path().join("a"), dest.path().join("b"));
    for dir in [&a, &b] {
        let out = kheo(
            site.path(),
            &["build", "--out", dir.to_str().expect("utf-8 path")],
        );
        assert_exit(&out, 0);
    }
    let (fa, fb) = (files(&a), files(&b));
    assert_eq!(fa, fb, "same file list");
    for f in &fa {
        let same = std::fs::read(a.join(f)).expect("a") == std::fs::read(b.join(f)).expect("b");
        assert!(same, "{f} differs between two builds");
    }
}

#[test]
fn manifest_of_the_minimal_site() {
    let site = built("minimal", &[]);
    insta::assert_snapshot!("minimal_manifest", manifest(&site.path().join("public")));
}

#[test]
fn key_pages_of_the_minimal_site() {
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    insta::assert_snapshot!("minimal_atom_xml", read(&public, "atom.xml"));
    let csv = read(&public, "du-lieu/mo-hinh.csv");
    insta::assert_snapshot!("minimal_csv", csv.trim_start_matches('\u{feff}'));
    insta::assert_snapshot!(
        "minimal_an_giang_main",
        section(
            &read(&public, "tinh/an-giang/index.html"),
            "<main",
            "</main>"
        )
    );
}

/// Builds once, then again after `break_it`; the second build must fail with `code`
/// and leave `public/` exactly as the first build wrote it, with no temporary folder.
fn assert_failed_rebuild_keeps_output(break_it: impl FnOnce(&Path), code: i32) {
    let site = built("minimal", &[]);
    let public = site.path().join("public");
    let before = manifest(&public);
    break_it(site.path());
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, code);
    assert_eq!(
        manifest(&public),
        before,
        "public/ changed by a failed build"
    );
    assert_eq!(
        entries_starting_with(site.path(), ".public"),
        Vec::<String>::new(),
        "temporary folder left behind"
    );
}

#[test]
fn a_content_error_leaves_public_as_it_was() {
    assert_failed_rebuild_keeps_output(
        |root| {
            write(
                root,
                "content/can-tho/2022/thanh-nien-giup-dan-sua-nha.md",
                "---\ntitle: Thanh niên\nprovince: Can Thoo\nfield: Kinh tế\nyear: 2022\n---\n",
            );
        },
        1,
    );
}

#[test]
fn a_template_error_while_rendering_leaves_public_as_it_was() {
    // Fails during rendering, after other pages went into the temporary folder.
    assert_failed_rebuild_keeps_output(
        |root| {
            write(
                root,
                "templates/article.html",
                "{% extends \"base.html\" %}{% block content %}{{ article.no_such_field.x }}{% endblock content %}",
            );
        },
        1,
    );
}

#[test]
fn a_missing_root_is_exit_2() {
    let dir = tempfile::tempdir().expect("temp");
    let out = kheo(&dir.path().join("khong-co"), &["build"]);
    assert_exit(&out, 2);
    assert!(stderr(&out).contains("khong-co"), "names the folder");
}

/// Regression: an alias equal to a page the build makes itself (`/nam/2020/`,
/// `/404.html`, `/tinh/<slug>/`, ...) was accepted, and its redirect overwrote that
/// page or was lost (which of the two won depended on thread timing). Only the
/// section roots (`/tinh/`, `/nam/`, ...) were reserved.
#[test]
fn regression_alias_over_a_generated_page_overwrites_it() {
    let site = fixture("minimal");
    write(
        site.path(),
        "content/can-tho/2022/thanh-nien-giup-dan-sua-nha.md",
        "---\ntitle: Thanh niên giúp dân sửa nhà\nprovince: Cần Thơ\nfield: Kinh tế\nyear: 2022\nsummary: Sửa nhà.\naliases: [/nam/2024/, /404.html]\n---\n",
    );
    // Either the page or the redirect would be lost, so the build must refuse.
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("error[E022]: alias /nam/2024/"), "{err}");
    assert!(err.contains("error[E022]: alias /404.html"), "{err}");
}

/// Regression: Atom entries carry the body HTML with image paths relative to the
/// model's page (`anh.svg`) but no `xml:base`, so feed readers resolve them against
/// the feed's URL (`https://example.org/anh.svg`) and the images break.
#[test]
fn regression_feed_images_resolve_against_the_feed_url() {
    let site = built("minimal", &[]);
    let atom = read(&site.path().join("public"), "atom.xml");
    let entry = section(&atom, "<title>Tổ dân phố xanh", "</entry>");
    let page = "https://example.org/mo-hinh/to-dan-pho-xanh-sach-dep/";
    assert!(
        entry.contains(&format!("xml:base=\"{page}\""))
            || entry.contains(&format!("src=&quot;{page}anh-to-dan-pho.svg&quot;")),
        "relative image without a base in:\n{entry}"
    );
}
