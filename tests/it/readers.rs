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
    // With it (the stories' shared script): the date replaces the placeholder in what is
    // shown (and so copied).
    assert!(html.contains("/assets/story.js\" defer"), "story script");
    let script = read(&site.path().join("public"), "assets/story.js");
    assert!(
        script.contains(".replace(/\\u2026\\/\\u2026\\/\\u2026\\.?/, today)"),
        "date filled in"
    );
    assert!(script.contains("getFullYear()"), "today's date");
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
        css.contains(".card h3 + p a { white-space: nowrap; }"),
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

/// `thong-ke.json` of a built site.
fn figures(public: &Path) -> serde_json::Value {
    serde_json::from_str(&read(public, "du-lieu/thong-ke.json")).expect("thong-ke.json parses")
}

/// The rows of table `id` in a list of tables, as (key, count).
fn rows(tables: &serde_json::Value, id: &str) -> Vec<(String, u64)> {
    let t = tables
        .as_array()
        .expect("tables")
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("table {id}"));
    t["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| {
            (
                r["key"].as_str().expect("key").to_owned(),
                r["count"].as_u64().expect("n"),
            )
        })
        .collect()
}

#[test]
fn the_statistics_count_by_level_period_and_organisation() {
    let site = built();
    let public = site.path().join("public");
    let f = figures(&public);
    assert_eq!(f["models"], 5);
    let t = &f["tables"];
    // Levels as the movement reports them; stories that name none are counted apart.
    assert_eq!(
        rows(t, "cap"),
        [("tinh", 1), ("huyen", 1), ("xa", 1), ("chua-ghi", 2)].map(|(k, n)| (k.to_owned(), n))
    );
    assert_eq!(
        rows(t, "giai-doan"),
        [("2016-2020", 1), ("2021-2025", 4)].map(|(k, n)| (k.to_owned(), n))
    );
    // Read from `unit`: two women's unions, a farmers' association, a party cell, the
    // police (government).
    assert_eq!(
        rows(t, "to-chuc"),
        [
            ("phu-nu", 2),
            ("nong-dan", 1),
            ("dang", 1),
            ("chinh-quyen", 1)
        ]
        .map(|(k, n)| (k.to_owned(), n))
    );
    // Every table adds up to the number of models.
    for table in t.as_array().expect("tables") {
        let sum: u64 = table["rows"]
            .as_array()
            .expect("rows")
            .iter()
            .map(|r| r["count"].as_u64().unwrap_or(0))
            .sum();
        assert_eq!(sum, 5, "{}", table["id"]);
    }
    // The page shows the same tables as charts, each with its table.
    let html = read(&public, "thong-ke/index.html");
    for title in [
        "theo cấp công nhận",
        "theo giai đoạn 5 năm",
        "theo tổ chức thực hiện",
    ] {
        assert!(html.contains(title), "{title}");
    }
    assert!(
        html.contains("aria-label=\"2016–2020: 1 mô hình\""),
        "period bar named"
    );
    assert!(
        html.contains("Hội Phụ nữ</a></th><td><a href=\"/dvk/tim-kiem/?don-vi=phu-nu\">2</a></td>"),
        "organisation table row links its list"
    );
}

#[test]
fn every_linked_number_opens_the_list_it_counts() {
    let site = built();
    let public = site.path().join("public");
    let f = figures(&public);
    let mut tables: Vec<&serde_json::Value> = f["tables"].as_array().expect("t").iter().collect();
    for p in f["provinces"].as_array().expect("provinces") {
        tables.extend(p["tables"].as_array().expect("t"));
    }
    let mut checked = 0;
    for row in tables
        .iter()
        .flat_map(|t| t["rows"].as_array().expect("rows"))
    {
        let Some(url) = row["url"].as_str() else {
            continue;
        };
        let path = url
            .strip_prefix("https://example.org/dvk/")
            .expect("absolute, on the site");
        if let Some(q) = path.strip_prefix("tim-kiem/?") {
            // Search filters are checked against the stories in stats_links.rs.
            assert!(!q.is_empty(), "a search with filters: {url}");
            continue;
        }
        let html = read(&public, &format!("{path}index.html"));
        let n = row["count"].as_u64().expect("count");
        assert!(
            html.contains(&format!("<p class=\"list-count\">{n} mô hình</p>")),
            "{url}: {n}"
        );
        checked += 1;
    }
    assert!(checked > 20, "{checked} lists checked");
}

#[test]
fn the_statistics_csv_parses_with_bom_and_matches_the_json() {
    let site = built();
    let public = site.path().join("public");
    let bytes = std::fs::read(public.join("du-lieu/thong-ke.csv")).expect("thong-ke.csv");
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "UTF-8 BOM for Excel"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        [
            "pham_vi",
            "ten_pham_vi",
            "bang",
            "khoa",
            "nhan",
            "so_mo_hinh",
            "duong_dan"
        ]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let f = figures(&public);
    let json_rows: usize = std::iter::once(&f["tables"])
        .chain(
            f["provinces"]
                .as_array()
                .expect("p")
                .iter()
                .map(|p| &p["tables"]),
        )
        .flat_map(|t| t.as_array().expect("t"))
        .map(|t| t["rows"].as_array().expect("rows").len())
        .sum();
    assert_eq!(records.len(), json_rows, "one CSV row per number");
    let cell = |scope: &str, table: &str, key: &str| {
        records
            .iter()
            .find(|r| &r[0] == scope && &r[2] == table && &r[3] == key)
            .map(|r| r[5].parse::<u64>().expect("a number"))
    };
    assert_eq!(cell("toan-quoc", "cap", "chua-ghi"), Some(2));
    assert_eq!(cell("ca-mau", "tinh-cu", "bac-lieu"), Some(1));
    assert_eq!(cell("toan-quoc", "nam", "2020"), Some(0));
    // No cell a spreadsheet would run as a formula.
    assert!(
        records
            .iter()
            .flat_map(|r| r.iter().collect::<Vec<_>>())
            .all(|c| !c.starts_with(['=', '+', '-', '@']))
    );
}

#[test]
fn a_units_page_shows_its_own_figures_with_its_former_provinces() {
    let site = built();
    let public = site.path().join("public");
    let html = read(&public, "tinh/ca-mau/index.html");
    let figures = &html[html.find("class=\"unit-figures\"").expect("figures")..];
    let figures = &figures[..figures.find("</section>").expect("end")];
    for title in [
        "theo cấp công nhận",
        "theo giai đoạn 5 năm",
        "theo tổ chức thực hiện",
        "theo tỉnh cũ",
    ] {
        assert!(figures.contains(title), "{title}");
    }
    assert!(figures.contains("<a href=\"/dvk/tinh/bac-lieu/\"><span class=\"bar-label\">Bạc Liêu (tỉnh cũ)</span> <span class=\"bar-value\">1<"));
    assert!(
        figures.contains("href=\"/dvk/tinh/ca-mau/linh-vuc/kinh-te/\""),
        "field counts open the unit's list"
    );
    assert!(
        figures.contains("tinh=ca-mau"),
        "a search stays in the unit"
    );
}

/// The tile-grid map's `<svg>` in a page.
fn map_svg(html: &str) -> &str {
    let from = html.find("<svg class=\"tile-map\"").expect("the map");
    let svg = &html[from..];
    &svg[..svg.find("</svg>").expect("end of map") + 6]
}

#[test]
fn the_map_has_a_linked_tile_for_each_of_the_34_units_with_its_numbers() {
    let site = built();
    let public = site.path().join("public");
    for page in ["tinh/index.html", "thong-ke/index.html"] {
        let html = read(&public, page);
        let svg = map_svg(&html);
        assert!(
            svg.contains("role=\"group\" aria-labelledby=\"tile-map-title\""),
            "{page}: named"
        );
        assert_eq!(
            svg.matches("<a href=\"/dvk/tinh/").count(),
            34,
            "{page}: 34 tiles"
        );
        // Coloured by number: Cà Mau (2, the most) darkest, a unit without models lightest.
        assert!(svg.contains("<a href=\"/dvk/tinh/ca-mau/\" aria-label=\"Cà Mau: 2 mô hình; tỉnh cũ: Bạc Liêu 1\" class=\"map-4\">"), "{page}");
        assert!(svg.contains("<a href=\"/dvk/tinh/lai-chau/\" aria-label=\"Lai Châu: 0 mô hình\" class=\"map-0\">"), "{page}");
        // The former provinces on hover too (the tooltip is the tile's title).
        assert!(svg.contains("<title>Cà Mau: 2 mô hình; tỉnh cũ: Bạc Liêu 1</title>"));
        // North first: Lai Châu's tile comes before Cà Mau's, so Tab goes north to south.
        assert!(svg.find("lai-chau").expect("lai chau") < svg.find("ca-mau").expect("ca mau"));
        // The same numbers as a table, former provinces included; and the honest note.
        assert!(html.contains("<th scope=\"row\"><a href=\"/dvk/tinh/ca-mau/\">Cà Mau</a></th><td><a href=\"/dvk/tinh/ca-mau/\">2</a></td><td><a href=\"/dvk/tinh/bac-lieu/\">Bạc Liêu</a> <a href=\"/dvk/tinh/bac-lieu/\">1</a></td>"), "{page}: table");
        assert!(
            html.contains("không phải đường địa giới"),
            "{page}: a tile grid, said so"
        );
    }
}
