//! What a careful reader notices (issue 18): chips that stay inside a former
//! province, a citation with its access date, a photo line that does not double its
//! label, former provinces on the home page, field names with the en dash, and a year
//! chart with every year of its range. Built from the `journalists` fixture.

use std::path::Path;

use crate::support::{assert_exit, fixture, kheo, read, write};

/// Builds the `journalists` fixture; returns the site folder (output in `public/`).
fn built() -> tempfile::TempDir {
    let site = fixture("journalists");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    site
}

/// The `href`s inside the first element that starts with `start` and ends at `end`.
fn hrefs_between<'a>(html: &'a str, start: &str, end: &str) -> Vec<&'a str> {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start} in page"));
    let part = &html[from..];
    let part = &part[..part.find(end).unwrap_or(part.len())];
    part.split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .collect()
}

/// The output file a site path (under the `/dvk` base path) is served from.
fn page_exists(public: &Path, url: &str) -> bool {
    let rel = url.trim_start_matches("/dvk/");
    public.join(rel).join("index.html").is_file()
}

#[test]
fn a_former_provinces_chips_stay_inside_it() {
    let site = built();
    let public = site.path().join("public");
    let html = read(&public, "tinh/bac-lieu/index.html");
    let chips = hrefs_between(&html, "<nav class=\"facets\"", "</nav>");
    assert!(chips.len() >= 2, "a field chip and a year chip: {chips:?}");
    for url in chips {
        assert!(
            url.starts_with("/dvk/tinh/bac-lieu/"),
            "{url} leaves Bạc Liêu"
        );
        assert!(page_exists(&public, url), "{url} is built");
        let sub = read(
            &public,
            &format!("{}index.html", url.trim_start_matches("/dvk/")),
        );
        assert!(
            sub.contains("Nhà tình thương"),
            "{url} lists Bạc Liêu's story"
        );
    }
}

#[test]
fn the_citation_gets_its_access_date_and_says_how_without_javascript() {
    let site = built();
    let html = read(
        &site.path().join("public"),
        "mo-hinh/to-hoa-giai-ap-hoa-loi/index.html",
    );
    // Without JavaScript: a line says what to put in place of the dots.
    assert!(html.contains("class=\"citation-how\""), "how-to line");
    assert!(html.contains("bằng ngày bạn đọc trang này"), "how-to text");
    // With it: the date replaces the placeholder in what is shown (and so copied).
    assert!(
        html.contains(".replace(/…\\/…\\/…\\.?/, today)"),
        "date filled in"
    );
    assert!(html.contains("getFullYear()"), "today's date");
}

#[test]
fn the_photo_line_separates_caption_and_credit_and_never_doubles_a_label() {
    let site = fixture("journalists");
    let md = "content/an-giang/2024/to-hoa-giai-kheo/index.md";
    let page = "public/mo-hinh/to-hoa-giai-ap-hoa-loi/index.html";
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let html = read(site.path(), page);
    assert!(
        html.contains("<span class=\"caption\">Buổi họp tổ hòa giải.</span> <span class=\"credit\">Ảnh: Trần Văn Ảnh</span>"),
        "caption, then the labelled credit apart"
    );
    let text = read(site.path(), md).replace("Trần Văn Ảnh", "\"Minh họa: Thu Hà\"");
    write(site.path(), md, text);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let html = read(site.path(), page);
    assert!(html.contains("<span class=\"credit\">Minh họa: Thu Hà</span>"));
    assert!(!html.contains("Ảnh: Minh họa"), "label doubled");
}

#[test]
fn the_home_page_shows_former_provinces_under_their_unit() {
    let site = built();
    let html = read(&site.path().join("public"), "index.html");
    let links = hrefs_between(&html, "id=\"by-province-h\"", "</section>");
    assert!(links.contains(&"/dvk/tinh/bac-lieu/"), "{links:?}");
    assert!(links.contains(&"/dvk/tinh/kien-giang/"), "{links:?}");
    assert!(html.contains("aria-label=\"Bạc Liêu (nay thuộc Cà Mau)\""));
}

#[test]
fn field_names_show_the_en_dash_and_accept_the_hyphen() {
    // The fixture writes "Văn hóa - xã hội" (hyphen): accepted, shown with the en dash.
    let site = built();
    let public = site.path().join("public");
    let card = read(&public, "linh-vuc/van-hoa-xa-hoi/index.html");
    assert!(card.contains(">Văn hóa – xã hội</a>"), "en dash in cards");
    assert!(!card.contains("Văn hóa - xã hội"), "no spaced hyphen left");
    let css = read(&public, "assets/style.css");
    assert!(
        css.contains(".meta a { white-space: nowrap; }"),
        "field name kept whole"
    );
    assert!(
        css.contains(".matrix thead th { min-width: 7.5rem; }"),
        "columns not squeezed"
    );
}

#[test]
fn the_year_chart_shows_every_year_in_its_range() {
    let site = built();
    let html = read(&site.path().join("public"), "thong-ke/index.html");
    // Stories in 2019 and 2021–2024: 2020 is a zero bar, not a missing one.
    let years = &html[html
        .find("chart-so-mo-hinh-theo-nam\"")
        .expect("year chart")..];
    let (y19, y20, y21) = (
        years.find(">2019<").expect("2019"),
        years.find(">2020<").expect("2020 shown"),
        years.find(">2021<").expect("2021"),
    );
    assert!(y19 < y20 && y20 < y21, "oldest first, in order");
    assert!(
        years.contains("aria-label=\"2020: 0 mô hình\""),
        "zero bar named"
    );
    assert!(
        !html.contains("/nam/2020/"),
        "no link to a list that does not exist"
    );
}
