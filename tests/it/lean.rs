//! `lean_output: true` in `site.yaml`: a smaller site for hosts with limits. No copies of
//! a story's source and data beside its page, lists of short rows (a tag's list and a
//! province's narrowed lists 200 a page), unit and field feeds with summaries. Without the
//! setting every file of the SPEC is there (`build::minimal_site_has_every_page_of_the_spec`).

use std::path::Path;

use super::support::{assert_exit, files, kheo, read, write};

/// Seven stories tagged "hiến đất", five of them in An Giang's economy, two per page.
fn site(lean: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let lean = if lean { "lean_output: true\n" } else { "" };
    write(
        root,
        "site.yaml",
        format!("title: Thử\nbase_url: https://example.org/\npage_size: 2\n{lean}"),
    );
    for n in 0..7 {
        let province = if n < 5 { "An Giang" } else { "Cà Mau" };
        let text = format!(
            "---\ntitle: Hiến đất làm đường số {n}\nprovince: {province}\nfield: Kinh tế\n\
             year: {}\nsummary: Tóm tắt số {n}.\ntags: [hiến đất]\n---\nNội dung số {n}.\n",
            2018 + n
        );
        write(root, &format!("content/bai-{n}.md"), text);
    }
    dir
}

fn build(root: &Path) {
    assert_exit(&kheo(root, &["build"]), 0);
}

#[test]
fn lean_output_keeps_no_copies_of_sources_and_data_beside_stories() {
    let dir = site(true);
    build(dir.path());
    let out = dir.path().join("public");
    let stories: Vec<String> = files(&out)
        .into_iter()
        .filter(|f| f.starts_with("mo-hinh/"))
        .collect();
    assert_eq!(stories.len(), 7, "one file per story: {stories:?}");
    assert!(stories.iter().all(|f| f.ends_with("/index.html")));
    let page = read(&out, "mo-hinh/hien-dat-lam-duong-so-1/index.html");
    assert!(
        !page.contains("index.md") && !page.contains("index.json"),
        "{page}"
    );
    // The story's data is still one click away: its unit's CSV, and the site's JSON.
    assert!(page.contains("/tinh/an-giang/mo-hinh.csv"), "{page}");
    assert!(read(&out, "tinh/an-giang/mo-hinh.csv").contains("hien-dat-lam-duong-so-1"));
    assert!(read(&out, "du-lieu/mo-hinh.json").contains("hien-dat-lam-duong-so-1"));
    let data = read(&out, "du-lieu/index.html");
    assert!(!data.contains("<code>index.json</code>"), "{data}");
}

#[test]
fn lean_output_shows_a_short_tag_and_a_provinces_narrowed_lists_on_one_page_of_rows() {
    let dir = site(true);
    build(dir.path());
    let out = dir.path().join("public");
    let tag = read(&out, "the/hien-dat/index.html");
    assert_eq!(
        tag.matches("<li><a href=\"/mo-hinh/hien-dat-lam-duong-so-")
            .count(),
        7
    );
    assert!(tag.contains("class=\"rows\"") && !tag.contains("class=\"pagination\""));
    assert!(!out.join("the/hien-dat/trang/2").exists());
    let narrowed = read(&out, "tinh/an-giang/linh-vuc/kinh-te/index.html");
    assert_eq!(narrowed.matches("<li><a href=\"/mo-hinh/").count(), 5);
    assert!(!out.join("tinh/an-giang/linh-vuc/kinh-te/trang/2").exists());
}

#[test]
fn lean_output_shows_main_lists_as_rows_four_times_the_page_size_a_page() {
    let dir = site(true);
    build(dir.path());
    let out = dir.path().join("public");
    // Five stories, page size two: eight rows fit on the unit's first page.
    let unit = read(&out, "tinh/an-giang/index.html");
    assert!(unit.contains("class=\"rows\"") && !unit.contains("class=\"card\""));
    assert_eq!(unit.matches("<li><a href=\"/mo-hinh/").count(), 5, "{unit}");
    assert!(!out.join("tinh/an-giang/trang/2").exists());
    assert!(!read(&out, "nam/2018/index.html").contains("class=\"card\""));
}

#[test]
fn lean_output_writes_a_units_data_as_csv_only_and_no_former_province_files() {
    let dir = site(true);
    // Kiên Giang merged into An Giang on 1 July 2025.
    write(
        dir.path(),
        "content/kien-giang.md",
        "---\ntitle: Mô hình Kiên Giang\nprovince: Kiên Giang\nfield: Kinh tế\n\
         year: 2020\n---\nNội dung.\n",
    );
    build(dir.path());
    let out = dir.path().join("public");
    assert!(out.join("tinh/an-giang/mo-hinh.csv").is_file());
    assert!(!out.join("tinh/an-giang/mo-hinh.json").exists());
    assert!(!out.join("tinh/kien-giang/mo-hinh.csv").exists());
    assert!(!out.join("tinh/kien-giang/mo-hinh.json").exists());
    assert!(read(&out, "tinh/an-giang/mo-hinh.csv").contains("mo-hinh-kien-giang"));
    let data = read(&out, "du-lieu/index.html");
    assert!(!data.contains("/tinh/an-giang/mo-hinh.json"), "{data}");
    assert!(!data.contains("/tinh/kien-giang/mo-hinh.csv"), "{data}");
    let page = read(&out, "mo-hinh/mo-hinh-kien-giang/index.html");
    assert!(page.contains("/tinh/an-giang/mo-hinh.csv"), "{page}");
    assert!(!page.contains("/tinh/kien-giang/mo-hinh.csv"), "{page}");
}

#[test]
fn data_files_hold_one_record_a_line() {
    let dir = site(false);
    build(dir.path());
    let out = dir.path().join("public");
    for file in ["du-lieu/mo-hinh.json", "tinh/an-giang/mo-hinh.json"] {
        let text = read(&out, file);
        let records: Vec<serde_json::Value> = serde_json::from_str(&text).expect(file);
        assert_eq!(text.lines().count(), records.len() + 2, "{text}");
        assert!(text.lines().skip(1).all(|l| l == "]" || l.starts_with('{')));
    }
}

#[test]
fn lean_output_gives_summaries_in_unit_and_field_feeds_and_whole_stories_in_the_sites() {
    let dir = site(true);
    build(dir.path());
    let out = dir.path().join("public");
    let unit = read(&out, "tinh/an-giang/atom.xml");
    assert!(unit.contains("<summary>Tóm tắt số 4.</summary>"), "{unit}");
    assert!(!unit.contains("<content"), "{unit}");
    assert!(!read(&out, "linh-vuc/kinh-te/atom.xml").contains("<content"));
    assert!(read(&out, "atom.xml").contains("Nội dung số 4."));
}

#[test]
fn without_lean_output_every_story_keeps_its_source_and_data_beside_it() {
    let dir = site(false);
    build(dir.path());
    let out = dir.path().join("public");
    for n in 0..7 {
        let base = format!("mo-hinh/hien-dat-lam-duong-so-{n}/");
        assert!(out.join(format!("{base}index.md")).is_file());
        assert!(out.join(format!("{base}index.json")).is_file());
    }
    assert!(out.join("the/hien-dat/trang/4/index.html").is_file());
}

#[test]
fn lean_output_builds_fewer_files_than_the_default() {
    let (full, lean) = (site(false), site(true));
    build(full.path());
    build(lean.path());
    let count = |d: &tempfile::TempDir| files(&d.path().join("public")).len();
    assert!(
        count(&lean) + 14 + 3 <= count(&full),
        "lean {} vs full {}",
        count(&lean),
        count(&full)
    );
}

#[test]
fn lean_output_pages_a_long_tag_list_200_rows_a_page() {
    let dir = site(true);
    for n in 7..205 {
        let text = format!(
            "---\ntitle: Hiến đất làm đường số {n}\nprovince: Cà Mau\nfield: Kinh tế\n\
             year: 2020\nsummary: Tóm tắt.\ntags: [hiến đất]\n---\nNội dung.\n"
        );
        write(dir.path(), &format!("content/bai-{n}.md"), text);
    }
    build(dir.path());
    let out = dir.path().join("public");
    let rows = |page: &str| read(&out, page).matches("<li><a href=\"/mo-hinh/").count();
    assert_eq!(rows("the/hien-dat/index.html"), 200);
    assert_eq!(rows("the/hien-dat/trang/2/index.html"), 5);
    assert!(!out.join("the/hien-dat/trang/3").exists());
    assert!(read(&out, "the/hien-dat/index.html").contains("class=\"pagination\""));
}

#[test]
fn lean_output_story_head_and_chrome_say_each_thing_once() {
    let (lean, full) = (site(true), site(false));
    build(lean.path());
    build(full.path());
    let page = "mo-hinh/hien-dat-lam-duong-so-1/index.html";
    let lean = read(&lean.path().join("public"), page);
    let full = read(&full.path().join("public"), page);
    let ld = |html: &str| -> serde_json::Value {
        let start = html.find("application/ld+json\">").expect("JSON-LD") + 21;
        let end = start + html[start..].find("</script>").expect("end");
        serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
    };
    let (l, f) = (ld(&lean), ld(&full));
    assert_eq!(f["description"], "Tóm tắt số 1.");
    assert!(
        l.get("description").is_none() && l.get("url").is_none(),
        "{l}"
    );
    assert_eq!(l["mainEntityOfPage"], f["mainEntityOfPage"]);
    assert!(lean.contains("<meta name=\"description\" content=\"Tóm tắt số 1.\">"));
    assert!(full.contains("article:tag") && !lean.contains("article:tag"));
    assert_eq!(l["keywords"], f["keywords"]);
    // The breadcrumbs end at the story's province; the title is the heading below.
    assert!(full.contains("<span aria-current=\"page\">"));
    assert!(!lean.contains("<span aria-current=\"page\">"));
    assert_eq!(
        lean.matches("Hiến đất làm đường số 1</").count(),
        1,
        "{lean}"
    );
    // A one-line footer with the data links.
    assert!(lean.contains("class=\"site-footer site-footer-lean\""));
    for link in [
        "/du-lieu/\"",
        "/du-lieu/mo-hinh.csv",
        "/du-lieu/mo-hinh.json",
        "/atom.xml",
    ] {
        assert!(lean.contains(&format!("href=\"{link}")), "{link}");
    }
}
