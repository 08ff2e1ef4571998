//! Data for journalists (issue 5), checked with the tools a newsroom would use: the
//! JSON against the JSON Schema kept in `schemas/`, the CSV with a real CSV parser,
//! the feeds with `feed-rs`, the JSON-LD with `serde_json`; the charts' numbers
//! against the data; and a withdrawn story leaving nothing of itself in `public/`.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::support::{assert_exit, files, fixture, kheo, read};

/// A word that occurs only in the withdrawn story (title, body, summary, tags, unit,
/// locality, author, source).
const MARKER: &str = "quixotrefam";
/// The withdrawn story's page and its old address.
const WITHDRAWN: &str = "mo-hinh/bai-da-go/index.html";
const WITHDRAWN_ALIAS: &str = "tin-cu/bai-go/index.html";
/// Models that are listed (the fixture has six stories, one withdrawn).
const LISTED: usize = 5;

/// Builds the `journalists` fixture; returns the site folder (output in `public/`).
fn built() -> tempfile::TempDir {
    let site = fixture("journalists");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    site
}

fn json(public: &Path, rel: &str) -> Value {
    serde_json::from_str(&read(public, rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The site-wide records, newest first.
fn records(public: &Path) -> Vec<Value> {
    match json(public, "du-lieu/mo-hinh.json") {
        Value::Array(a) => a,
        other => panic!("not an array: {other}"),
    }
}

/// Files below `public` whose path matches.
fn matching(public: &Path, f: impl Fn(&str) -> bool) -> Vec<String> {
    files(public).into_iter().filter(|p| f(p)).collect()
}

/// Text of every `<script type="application/ld+json">` element in `html`.
fn json_ld_blocks(html: &str) -> Vec<&str> {
    let open = "<script type=\"application/ld+json\">";
    html.split(open)
        .skip(1)
        .map(|rest| &rest[..rest.find("</script>").expect("script closed")])
        .collect()
}

/// `content` of `<meta property|name="key" content="…">`, if present.
fn meta<'a>(html: &'a str, key: &str) -> Option<&'a str> {
    ["property", "name"].iter().find_map(|attr| {
        let start = format!("<meta {attr}=\"{key}\" content=\"");
        let from = html.find(&start)? + start.len();
        Some(&html[from..from + html[from..].find('"')?])
    })
}

#[test]
fn data_files_validate_against_the_schema_in_the_repository() {
    let site = built();
    let public = site.path().join("public");
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/mo-hinh.schema.json");
    let schema_text = std::fs::read_to_string(&schema_path).expect("schema in the repository");
    let schema: Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    jsonschema::meta::validate(&schema).expect("a valid JSON Schema");
    // The site publishes the same schema beside the data.
    assert_eq!(read(&public, "du-lieu/mo-hinh.schema.json"), schema_text);
    let validator = jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("schema compiles");
    let check = |rel: &str, instance: &Value| {
        let errors: Vec<String> = validator
            .iter_errors(instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{rel} does not match the schema: {errors:#?}"
        );
    };

    let all = json(&public, "du-lieu/mo-hinh.json");
    check("du-lieu/mo-hinh.json", &all);
    assert_eq!(records(&public).len(), LISTED);
    let per_province = matching(&public, |p| {
        p.starts_with("tinh/") && p.ends_with("/mo-hinh.json")
    });
    assert!(per_province.len() >= 4, "{per_province:?}");
    for rel in &per_province {
        check(rel, &json(&public, rel));
    }
    let per_article = matching(&public, |p| {
        p.starts_with("mo-hinh/") && p.ends_with("/index.json")
    });
    assert_eq!(
        per_article.len(),
        LISTED,
        "no index.json for the withdrawn story"
    );
    for rel in &per_article {
        check(rel, &Value::Array(vec![json(&public, rel)]));
    }

    // A story filed under a former province: its name, its unit, both slugs.
    let bac_lieu = records(&public)
        .into_iter()
        .find(|r| r["id"] == "nha-tinh-thuong-cho-ho-ngheo")
        .expect("Bạc Liêu story");
    assert_eq!(bac_lieu["province"]["slug"], "bac-lieu");
    assert_eq!(bac_lieu["former_province"], "Bạc Liêu");
    assert_eq!(bac_lieu["current_province"]["name"], "Cà Mau");
    assert_eq!(bac_lieu["current_province"]["slug"], "ca-mau");

    // The schema is strict: a record missing a key or with a stray one fails.
    let mut broken = all[0].clone();
    broken.as_object_mut().expect("object").remove("title");
    assert!(!validator.is_valid(&Value::Array(vec![broken])));
    let mut extra = all[0].clone();
    extra["surprise"] = Value::Bool(true);
    assert!(!validator.is_valid(&Value::Array(vec![extra])));
}

/// Parses a CSV file as Excel would be given it: checks the BOM and CRLF line ends,
/// and returns the header and rows as parsed by the `csv` crate.
fn parse_csv(public: &Path, rel: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let bytes = std::fs::read(public.join(rel)).expect("csv");
    let body = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or_else(|| panic!("{rel} has no UTF-8 BOM"));
    assert!(std::str::from_utf8(body).is_ok(), "{rel} is not UTF-8");
    let header_end = body.iter().position(|&b| b == b'\n').expect("a line");
    assert_eq!(body[header_end - 1], b'\r', "{rel}: lines end in CRLF");
    let mut reader = csv::ReaderBuilder::new().from_reader(body);
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    (header, rows)
}

#[test]
fn csv_parses_with_a_real_parser_with_bom_and_the_right_rows() {
    let site = built();
    let public = site.path().join("public");
    let (header, rows) = parse_csv(&public, "du-lieu/mo-hinh.csv");
    assert_eq!(header, kheo::export::CSV_COLUMNS);
    let recs = records(&public);
    assert_eq!(rows.len(), recs.len());
    assert_eq!(rows.len(), LISTED);
    let col = |name: &str| header.iter().position(|h| h == name).expect("column");
    for (row, rec) in rows.iter().zip(&recs) {
        assert_eq!(row.len(), header.len());
        assert_eq!(&row[col("id")], rec["id"].as_str().expect("id"));
        assert_eq!(&row[col("url")], rec["url"].as_str().expect("url"));
        assert_eq!(&row[col("title")], rec["title"].as_str().expect("title"));
        assert_eq!(
            &row[col("current_province_slug")],
            rec["current_province"]["slug"].as_str().expect("slug")
        );
        assert_eq!(row[col("year")].parse::<i64>().ok(), rec["year"].as_i64());
        let tags: Vec<&str> = rec["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .filter_map(Value::as_str)
            .collect();
        // A cell that would start a formula is defused with a leading apostrophe.
        let joined = tags.join("; ");
        let expected = if joined.starts_with(['=', '+', '@']) {
            format!("'{joined}")
        } else {
            joined
        };
        assert_eq!(&row[col("tags")], expected);
    }
    let by_id = |id: &str| {
        rows.iter()
            .find(|r| &r[col("id")] == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    // Commas, quotes and a line break survive in one cell.
    assert_eq!(
        &by_id("nha-tinh-thuong-cho-ho-ngheo")[col("summary")],
        "Một ô có dấu phẩy, ngoặc kép \"như thế\"\nvà xuống dòng."
    );
    // A cell a spreadsheet would run as a formula is defused.
    assert!(by_id("ho-tro-sinh-ke-cho-phu-nu-ven-bien")[col("summary")].starts_with("'=1+1"));

    // Per province: every unit's file holds exactly its stories, former provinces' too.
    let mut per_unit: BTreeMap<String, usize> = BTreeMap::new();
    for r in &recs {
        *per_unit
            .entry(
                r["current_province"]["slug"]
                    .as_str()
                    .expect("slug")
                    .to_owned(),
            )
            .or_default() += 1;
    }
    for (slug, n) in &per_unit {
        let (h, rows) = parse_csv(&public, &format!("tinh/{slug}/mo-hinh.csv"));
        assert_eq!(h, header);
        assert_eq!(rows.len(), *n, "{slug}");
        let js = json(&public, &format!("tinh/{slug}/mo-hinh.json"));
        assert_eq!(js.as_array().map(Vec::len), Some(*n), "{slug}");
    }
    assert_eq!(per_unit.get("ca-mau"), Some(&2), "Cà Mau includes Bạc Liêu");
    let (_, bac_lieu) = parse_csv(&public, "tinh/bac-lieu/mo-hinh.csv");
    assert_eq!(bac_lieu.len(), 1);
}

#[test]
fn atom_and_json_feed_parse_with_a_feed_parser() {
    let site = built();
    let public = site.path().join("public");
    let titles: Vec<String> = records(&public)
        .iter()
        .map(|r| r["title"].as_str().expect("title").to_owned())
        .collect();
    let parse = |rel: &str| {
        feed_rs::parser::parse(read(&public, rel).as_bytes())
            .unwrap_or_else(|e| panic!("{rel} does not parse: {e}"))
    };
    for (rel, kind) in [
        ("atom.xml", feed_rs::model::FeedType::Atom),
        ("feed.json", feed_rs::model::FeedType::JSON),
    ] {
        let feed = parse(rel);
        assert_eq!(feed.feed_type, kind, "{rel}");
        let got: Vec<String> = feed
            .entries
            .iter()
            .map(|e| e.title.as_ref().expect("entry title").content.clone())
            .collect();
        assert_eq!(got, titles, "{rel}: every listed model, newest first");
        for e in &feed.entries {
            assert!(
                e.links
                    .iter()
                    .any(|l| l.href.starts_with("https://example.org/dvk/mo-hinh/"))
            );
            assert!(e.published.is_some() || e.updated.is_some(), "{rel}: dated");
        }
    }
    assert_eq!(
        json(&public, "feed.json")["version"],
        "https://jsonfeed.org/version/1.1"
    );
    let ca_mau = parse("tinh/ca-mau/atom.xml");
    assert_eq!(ca_mau.entries.len(), 2);
    let field = parse("linh-vuc/kinh-te/atom.xml");
    assert_eq!(field.entries.len(), 1);
}

#[test]
fn article_pages_carry_json_ld_open_graph_and_the_materials_box() {
    let site = built();
    let public = site.path().join("public");
    for rec in records(&public) {
        let id = rec["id"].as_str().expect("id");
        let html = read(&public, &format!("mo-hinh/{id}/index.html"));
        let blocks = json_ld_blocks(&html);
        assert_eq!(blocks.len(), 1, "{id}: one JSON-LD block");
        let ld: Value = serde_json::from_str(blocks[0])
            .unwrap_or_else(|e| panic!("{id}: JSON-LD does not parse: {e}"));
        assert_eq!(ld["@context"], "https://schema.org");
        assert_eq!(ld["@type"], "NewsArticle");
        assert_eq!(ld["headline"], rec["title"]);
        assert_eq!(ld["url"], rec["url"]);
        assert_eq!(ld["mainEntityOfPage"]["@id"], rec["url"]);
        assert_eq!(ld["inLanguage"], "vi");
        assert_eq!(ld["publisher"]["name"], "Dân vận khéo – dữ liệu");
        assert_eq!(ld["description"], rec["summary"]);
        assert_eq!(ld["articleSection"], rec["field"]["name"]);
        assert_eq!(
            ld["contentLocation"]["address"]["addressRegion"],
            rec["current_province"]["name"]
        );
        let date = rec["date"]
            .as_str()
            .map_or_else(|| rec["year"].to_string(), str::to_owned);
        assert_eq!(ld["datePublished"], date.as_str());
        assert_eq!(meta(&html, "og:url"), rec["url"].as_str());
        // X (Twitter) reads og:title: the title is not repeated as twitter:title.
        assert!(meta(&html, "og:title").is_some() && meta(&html, "twitter:title").is_none());
        // The citation names the model, its province and year, and links the page.
        let citation = html.split("id=\"citation\"").nth(1).expect("citation");
        let citation = &citation[..citation.find("</p>").expect("end")];
        assert!(
            citation.contains(rec["url"].as_str().expect("url")),
            "{id}: {citation}"
        );
        assert!(citation.contains(&rec["year"].to_string()));
        assert!(html.contains("data-copy=\"citation\""));
        assert!(html.contains(&format!("href=\"/dvk/mo-hinh/{id}/index.md\"")));
        assert!(html.contains(&format!("href=\"/dvk/mo-hinh/{id}/index.json\"")));
        let unit = rec["current_province"]["slug"].as_str().expect("slug");
        assert!(
            html.contains(&format!("href=\"/dvk/tinh/{unit}/mo-hinh.csv\"")),
            "{id}: the province's spreadsheet"
        );
    }

    // A `</script>` in the data is written `<\/script>` and reads back unchanged.
    let html = read(
        &public,
        "mo-hinh/ho-tro-sinh-ke-cho-phu-nu-ven-bien/index.html",
    );
    let ld: Value = serde_json::from_str(json_ld_blocks(&html)[0]).expect("JSON-LD");
    assert!(
        ld["description"]
            .as_str()
            .expect("text")
            .contains("Thẻ </script> không")
    );
    assert!(meta(&html, "og:image").is_none());
    assert_eq!(meta(&html, "twitter:card"), Some("summary"));

    // The story with a lead image: absolute image URL, credit in the materials box.
    let html = read(&public, "mo-hinh/to-hoa-giai-ap-hoa-loi/index.html");
    let ld: Value = serde_json::from_str(json_ld_blocks(&html)[0]).expect("JSON-LD");
    let image = "https://example.org/dvk/mo-hinh/to-hoa-giai-ap-hoa-loi/anh-hoa-giai.svg";
    assert_eq!(ld["image"][0], image);
    assert_eq!(ld["author"]["name"], "Nguyễn Thị Hoa");
    assert_eq!(ld["isBasedOn"], "https://baoangiang.example/to-hoa-giai");
    assert_eq!(meta(&html, "og:image"), Some(image));
    assert_eq!(meta(&html, "twitter:card"), Some("summary_large_image"));
    assert_eq!(
        meta(&html, "article:published_time"),
        Some("2024-05-12T00:00:00+07:00")
    );
    let materials = &html[html.find("class=\"materials\"").expect("materials box")..];
    assert!(
        materials.contains("Trần Văn Ảnh"),
        "image credit in the materials box"
    );
    assert!(html.contains("“Tổ hòa giải ấp Hòa Lợi”, Hội Liên hiệp Phụ nữ xã Vĩnh Hanh"));
}

/// `(href, number)` of every bar of the chart titled `title` on the statistics page.
fn chart_bars(html: &str, title: &str) -> BTreeMap<String, usize> {
    let start = html
        .find(&format!(
            "<title id=\"chart-{}\">",
            kheo::vietnamese::slugify(title)
        ))
        .unwrap_or_else(|| panic!("chart {title:?} missing"));
    let svg = &html[start..start + html[start..].find("</svg>").expect("svg end")];
    svg.split("<a href=\"")
        .skip(1)
        .map(|bar| {
            let href = &bar[..bar.find('"').expect("href end")];
            let value = bar.split("class=\"chart-value\">").nth(1).expect("value");
            let n = value[..value.find('<').expect("text end")]
                .parse()
                .expect("a number as text");
            (href.to_owned(), n)
        })
        .collect()
}

#[test]
fn charts_numbers_match_the_data() {
    let site = built();
    let public = site.path().join("public");
    let html = read(&public, "thong-ke/index.html");
    let recs = records(&public);
    let count = |path: &dyn Fn(&Value) -> String| {
        let mut m: BTreeMap<String, usize> = BTreeMap::new();
        for r in &recs {
            *m.entry(path(r)).or_default() += 1;
        }
        m
    };
    let s = |v: &Value| v.as_str().expect("text").to_owned();
    assert_eq!(
        chart_bars(&html, "Số mô hình theo tỉnh, thành phố"),
        count(&|r| format!("/dvk/tinh/{}/", s(&r["current_province"]["slug"])))
    );
    assert_eq!(
        chart_bars(&html, "Số mô hình theo lĩnh vực"),
        count(&|r| format!("/dvk/linh-vuc/{}/", s(&r["field"]["slug"])))
    );
    assert_eq!(
        chart_bars(&html, "Số mô hình theo năm"),
        count(&|r| format!("/dvk/nam/{}/", r["year"]))
    );
    // Every bar links to a list page that exists.
    for (href, _) in chart_bars(&html, "Số mô hình theo tỉnh, thành phố") {
        let rel = href.trim_start_matches("/dvk/");
        assert!(public.join(rel).join("index.html").is_file(), "{href}");
    }
    // Accessible: each bar is a link named with its label and number.
    assert!(html.contains("aria-label=\"Cà Mau: 2 mô hình\""));
    // The province × field table: Cà Mau has one story in each of two fields.
    let matrix = &html[html.find("class=\"matrix\"").expect("table")..];
    let row = matrix
        .split("<tr><th scope=\"row\"><a href=\"/dvk/tinh/ca-mau/\">")
        .nth(1)
        .expect("Cà Mau row");
    let row = &row[..row.find("</tr>").expect("row end")];
    assert!(
        row.contains("<a href=\"/dvk/tinh/ca-mau/linh-vuc/kinh-te/\">1</a>"),
        "{row}"
    );
    assert!(
        row.ends_with("<td><a href=\"/dvk/tinh/ca-mau/\">2</a></td>"),
        "{row}"
    );
    // The home page shows the headline number.
    let home = read(&public, "index.html");
    assert!(home.contains(&format!("<strong>{LISTED}</strong>")));
}

#[test]
fn data_page_links_every_file_and_the_licence() {
    let site = built();
    let public = site.path().join("public");
    let html = read(&public, "du-lieu/index.html");
    assert!(html.contains("CC BY 4.0 – ghi nguồn khi dùng lại"));
    let mut links = 0;
    for part in html.split("href=\"/dvk/").skip(1) {
        let target = &part[..part.find('"').expect("href end")];
        let rel = if target.is_empty() || target.ends_with('/') {
            format!("{target}index.html")
        } else {
            target.to_owned()
        };
        assert!(public.join(&rel).is_file(), "broken link /dvk/{target}");
        links += 1;
    }
    assert!(links > 10);
    for file in [
        "du-lieu/mo-hinh.csv",
        "du-lieu/mo-hinh.json",
        "du-lieu/mo-hinh.schema.json",
        "du-lieu/thong-ke.csv",
        "du-lieu/thong-ke.json",
        "feed.json",
        "atom.xml",
        "tinh/ca-mau/mo-hinh.csv",
        "tinh/bac-lieu/mo-hinh.json",
    ] {
        assert!(html.contains(&format!("href=\"/dvk/{file}\"")), "{file}");
    }
    assert!(html.contains("BOM") && html.contains("“; ”"));
}

/// Every file below `root` with its bytes.
fn tree(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files(root)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(root.join(&rel)).expect("read");
            (rel, bytes)
        })
        .collect()
}

#[test]
fn a_withdrawn_story_leaves_no_trace_but_its_notice() {
    let site = built();
    let public = site.path().join("public");
    let all = tree(&public);

    // Its words are nowhere: not in pages, data, feeds, sitemap or the search index
    // (any file, compared as bytes, any case), and no path is named after them.
    for (rel, bytes) in &all {
        assert!(!rel.to_lowercase().contains(MARKER), "{rel}");
        let text = String::from_utf8_lossy(bytes).to_lowercase();
        assert!(!text.contains(MARKER), "{rel} mentions the withdrawn story");
        assert!(!kheo::vietnamese::fold(&text).contains(MARKER), "{rel}");
    }

    // The output equals that of the site without the story, but for the notice at its
    // address and the redirect from its alias: so nothing derived from it (counts,
    // related lists, hashed search shards, compressed files) remains either.
    let without = fixture("journalists");
    std::fs::remove_file(without.path().join("content/ca-mau/2024/bai-da-go.md")).expect("rm");
    assert_exit(&kheo(without.path(), &["build"]), 0);
    let other = tree(&without.path().join("public"));
    let differing: Vec<&String> = all
        .keys()
        .chain(other.keys())
        .filter(|k| all.get(*k) != other.get(*k))
        .collect();
    let mut differing: Vec<&str> = differing.into_iter().map(String::as_str).collect();
    differing.sort_unstable();
    differing.dedup();
    assert_eq!(differing, [WITHDRAWN, WITHDRAWN_ALIAS]);

    // The notice: a short page, not indexed, no JSON-LD, with the reason.
    let notice = read(&public, WITHDRAWN);
    assert!(notice.contains("Bài đã được gỡ"));
    assert!(notice.contains("Thông tin chưa được kiểm chứng"));
    assert!(notice.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(json_ld_blocks(&notice).is_empty());
    assert!(!notice.contains("og:type"));
    assert!(!public.join("mo-hinh/bai-da-go/index.md").exists());
    assert!(!public.join("mo-hinh/bai-da-go/index.json").exists());
    // The old address redirects to the notice.
    let alias = read(&public, WITHDRAWN_ALIAS);
    assert!(alias.contains("https://example.org/dvk/mo-hinh/bai-da-go/"));

    // Served: the address answers 200 with the notice, the alias leads to it.
    let server = crate::serve::Server::start(fixture("journalists"));
    let page = server.wait_for_status("/mo-hinh/bai-da-go/", 200);
    assert!(page.text().contains("Bài đã được gỡ"));
    assert!(!page.text().to_lowercase().contains(MARKER));
    let alias = server.get("/tin-cu/bai-go/");
    assert_eq!(alias.status, 200);
    assert!(alias.text().contains("/mo-hinh/bai-da-go/"));
    assert!(!alias.text().to_lowercase().contains(MARKER));
}

#[test]
fn related_models_prefer_the_same_field_place_and_kind_of_unit() {
    let site = built();
    let public = site.path().join("public");
    // Cà Mau's women's-union story: the other women's-union story and the other
    // Cà Mau story (filed under Bạc Liêu) share the most with it.
    let html = read(
        &public,
        "mo-hinh/ho-tro-sinh-ke-cho-phu-nu-ven-bien/index.html",
    );
    let related = html
        .split("class=\"related\"")
        .nth(1)
        .expect("related section");
    assert!(related.contains("/dvk/mo-hinh/to-hoa-giai-ap-hoa-loi/"));
    assert!(related.contains("/dvk/mo-hinh/nha-tinh-thuong-cho-ho-ngheo/"));
    assert!(!related.contains("/dvk/mo-hinh/ho-tro-sinh-ke-cho-phu-nu-ven-bien/"));
    assert!(!related.contains("bai-da-go"));
}

#[test]
fn statistics_file_agrees_with_the_model_records() {
    let site = built();
    let public = site.path().join("public");
    let recs = records(&public);
    let figures = json(&public, "du-lieu/thong-ke.json");
    assert_eq!(figures["models"].as_u64(), Some(recs.len() as u64));
    let table = |tables: &Value, id: &str| -> BTreeMap<String, u64> {
        tables
            .as_array()
            .expect("tables")
            .iter()
            .find(|t| t["id"] == id)
            .map(|t| {
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
                    .filter(|(_, n)| *n > 0)
                    .collect()
            })
            .unwrap_or_default()
    };
    // Levels, counted again from each record's `level`.
    let mut levels: BTreeMap<String, u64> = BTreeMap::new();
    for r in &recs {
        let key = match r["level"].as_str() {
            Some("tỉnh") => "tinh",
            Some("huyện") => "huyen",
            Some("xã") => "xa",
            Some("trung ương") => "trung-uong",
            _ => "chua-ghi",
        };
        *levels.entry(key.to_owned()).or_default() += 1;
    }
    assert_eq!(table(&figures["tables"], "cap"), levels);
    // Provinces, counted again from each record's current unit; and each unit's own
    // figures add up to its total.
    let mut units: BTreeMap<String, u64> = BTreeMap::new();
    for r in &recs {
        let slug = r["current_province"]["slug"].as_str().expect("slug");
        *units.entry(slug.to_owned()).or_default() += 1;
    }
    assert_eq!(table(&figures["tables"], "tinh"), units);
    for p in figures["provinces"].as_array().expect("provinces") {
        let n = p["models"].as_u64().expect("models");
        assert_eq!(units.get(p["slug"].as_str().expect("slug")), Some(&n));
        let by_year: u64 = table(&p["tables"], "nam").values().sum();
        assert_eq!(by_year, n, "{}", p["slug"]);
    }
}

/// A site of `n` stories, one a day back from the end of 2025: story `i` is the `i`-th
/// newest.
fn site_of(n: usize) -> tempfile::TempDir {
    let site = fixture("minimal");
    std::fs::remove_dir_all(site.path().join("content")).expect("old content removed");
    for i in 0..n {
        // 28 days a month: every date is valid.
        let year = 2025 - (i / 336) as i32;
        let day = 335 - i % 336;
        let (month, mday) = (day / 28 + 1, day % 28 + 1);
        let text = format!(
            "---\ntitle: Mô hình số {i}\nprovince: Cần Thơ\nfield: Kinh tế\nyear: {year}\n\
             date: {year}-{month:02}-{mday:02}\nsummary: Tóm tắt, có dấu phẩy và \"ngoặc\" số {i}.\n---\n\n\
             Nội dung của mô hình số {i}.\n"
        );
        crate::support::write(site.path(), &format!("content/mo-hinh-{i}.md"), text);
    }
    site
}

#[test]
fn site_data_files_with_thousands_of_stories_keep_every_story_once_in_list_order() {
    let n = 1_300;
    let site = site_of(n);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let public = site.path().join("public");
    let recs = records(&public);
    assert_eq!(recs.len(), n);
    let ids: Vec<&str> = recs.iter().map(|r| r["id"].as_str().expect("id")).collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), n, "every story once");
    // Newest first, as the site's lists: by date, then year.
    let dates: Vec<(i64, &str)> = recs
        .iter()
        .map(|r| {
            let year = r["year"].as_i64().expect("year");
            (year, r["date"].as_str().expect("date"))
        })
        .collect();
    assert!(dates.windows(2).all(|w| w[0] >= w[1]), "newest first");
    let (header, rows) = parse_csv(&public, "du-lieu/mo-hinh.csv");
    let id = header.iter().position(|h| h == "id").expect("id column");
    let csv_ids: Vec<&str> = rows.iter().map(|r| &r[id]).collect();
    assert_eq!(
        csv_ids, ids,
        "the CSV rows are the JSON records, in the same order"
    );
    let summary = header.iter().position(|h| h == "summary").expect("column");
    assert_eq!(
        rows.last().map(|r| r[summary].to_owned()),
        recs.last()
            .and_then(|r| r["summary"].as_str())
            .map(str::to_owned)
    );
}
