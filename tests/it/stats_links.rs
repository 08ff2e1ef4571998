//! Every number on `/thong-ke/` and in a unit's own figures links to exactly the
//! stories it counts (issue 18), so the links and the counts cannot drift apart: each
//! link's target (a list page, or the search page with its filters) is read back into
//! filters, the stories of `/du-lieu/mo-hinh.json` matching them are counted, and that
//! count must be the number the link shows. Built from the `stats` fixture: ten stories
//! over three five-year periods, every level (and none), every kind of organisation
//! (and none), three former provinces.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::support::{assert_exit, fixture, kheo, read};

/// The fixture's base path.
const BASE: &str = "/dvk";

/// Builds the `stats` fixture; returns the site folder (output in `public/`).
fn built() -> tempfile::TempDir {
    let site = fixture("stats");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    site
}

/// The site-wide records.
fn records(public: &Path) -> Vec<Value> {
    let text = read(public, "du-lieu/mo-hinh.json");
    match serde_json::from_str(&text).expect("mo-hinh.json parses") {
        Value::Array(a) => a,
        other => panic!("not an array: {other}"),
    }
}

/// A link and the number it shows.
#[derive(Debug)]
pub(crate) struct Link {
    /// The target, `&amp;` decoded.
    pub(crate) href: String,
    /// The number it shows, if any.
    pub(crate) shown: Option<usize>,
}

/// The value of attribute `name` in an opening tag.
fn attr(tag: &str, name: &str) -> Option<String> {
    let start = format!(" {name}=\"");
    let from = tag.find(&start)? + start.len();
    let value = &tag[from..from + tag[from..].find('"')?];
    Some(value.replace("&amp;", "&"))
}

/// Text of some HTML without its tags.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The number a link shows: in its accessible name ("Cà Mau: 3 mô hình; …"), in its
/// bar's value, or as its whole text.
fn shown(tag: &str, inner: &str) -> Option<usize> {
    if let Some(label) = attr(tag, "aria-label") {
        let (_, rest) = label.split_once(": ")?;
        let (n, unit) = rest.split_once(' ')?;
        return unit.starts_with("mô hình").then(|| n.parse().ok())?;
    }
    if let Some((_, value)) = inner.split_once("class=\"bar-value\">") {
        let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
        return digits.parse().ok();
    }
    text(inner).trim().parse().ok()
}

/// Every link in `html`, with the number it shows if any (a row heading's link is a
/// label, as the year "2016" is, not a count).
pub(crate) fn links(html: &str) -> Vec<Link> {
    html.match_indices("<a ")
        .filter_map(|(at, _)| {
            let part = &html[at + 3..];
            let tag_end = part.find('>')?;
            let tag = format!(" {}", &part[..tag_end]);
            let inner = &part[tag_end + 1..part.find("</a>").unwrap_or(part.len())];
            let label = html[..at].ends_with("<th scope=\"row\">");
            Some(Link {
                href: attr(&tag, "href")?,
                shown: (!label).then(|| shown(&tag, inner)).flatten(),
            })
        })
        .collect()
}

/// The part of a page between the first `start` and the next `end` after it.
pub(crate) fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let from = html
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} in page"));
    let part = &html[from..];
    &part[..part.find(end).unwrap_or(part.len())]
}

/// The filters a link selects stories by: a search page's parameters, or those of
/// the list page it opens (`/tinh/<p>/linh-vuc/<f>/` is province and field).
fn filters(href: &str) -> Vec<(String, String)> {
    let path = href
        .strip_prefix(BASE)
        .unwrap_or_else(|| panic!("{href}: on the site"));
    if let Some(query) = path.strip_prefix("/tim-kiem/?") {
        return query
            .split('&')
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or_else(|| panic!("{href}"));
                (k.to_owned(), v.to_owned())
            })
            .collect();
    }
    let parts: Vec<&str> = path.trim_matches('/').split('/').collect();
    match parts.as_slice() {
        ["tinh" | "linh-vuc" | "nam", _] => pairs(&parts),
        ["tinh", _, "linh-vuc" | "nam", _] => pairs(&parts),
        _ => panic!("{href}: a number links to a list of stories"),
    }
}

fn pairs(parts: &[&str]) -> Vec<(String, String)> {
    parts
        .chunks(2)
        .map(|kv| (kv[0].to_owned(), kv[1].to_owned()))
        .collect()
}

/// The search page's `cap` value of a record's `level`.
fn level_key(level: &Value) -> &'static str {
    match level.as_str() {
        Some("trung ương") => "trung-uong",
        Some("tỉnh") => "tinh",
        Some("huyện") => "huyen",
        Some("xã") => "xa",
        None => "chua-ghi",
        Some(other) => panic!("level {other:?}"),
    }
}

/// The kind of organisation of each `unit` of the fixture (the search page's `don-vi`
/// value), as a reader would file it; stories without a unit are `chua-ghi`.
const KINDS: [(&str, &str); 9] = [
    ("Hội Cựu chiến binh phường Láng Hạ", "cuu-chien-binh"),
    ("Đoàn Thanh niên phường Cống Vị", "doan-thanh-nien"),
    ("Hội Nông dân huyện Hòa Bình", "nong-dan"),
    ("Ủy ban Mặt trận Tổ quốc tỉnh Cà Mau", "mat-tran"),
    ("Ấp Hòa Lợi", "thon"),
    ("Hội Liên hiệp Phụ nữ xã Vĩnh Hanh", "phu-nu"),
    ("Công an phường Ninh Kiều", "chinh-quyen"),
    ("Hợp tác xã Túy Loan", "khac"),
    ("Đảng ủy xã Tam Xuân", "dang"),
];

fn kind(unit: &Value) -> &'static str {
    let Some(unit) = unit.as_str() else {
        return "chua-ghi";
    };
    KINDS
        .iter()
        .find(|(u, _)| *u == unit)
        .map(|(_, k)| *k)
        .unwrap_or_else(|| panic!("unit {unit:?} not in KINDS"))
}

/// Whether a record passes one filter.
fn passes(r: &Value, key: &str, value: &str) -> bool {
    let year = r["year"].as_i64().expect("year");
    let bound = || value.parse::<i64>().expect("a year");
    match key {
        "tinh" => r["province"]["slug"] == value || r["current_province"]["slug"] == value,
        "linh-vuc" => r["field"]["slug"] == value,
        "nam" => year == bound(),
        "tu" => year >= bound(),
        "den" => year <= bound(),
        "cap" => level_key(&r["level"]) == value,
        "don-vi" => kind(&r["unit"]) == value,
        other => panic!("unknown filter {other}={value}"),
    }
}

/// Checks every numbered link of `html`: its number is the count of the records its
/// filters select, and a list page it opens says the same. Returns the filter names
/// seen (e.g. `cap+tinh`).
fn check_links(public: &Path, recs: &[Value], html: &str, at: &str) -> BTreeSet<String> {
    let mut kinds = BTreeSet::new();
    for link in links(html) {
        let Some(shown) = link.shown else { continue };
        let f = filters(&link.href);
        let n = recs
            .iter()
            .filter(|r| f.iter().all(|(k, v)| passes(r, k, v)))
            .count();
        assert_eq!(shown, n, "{at}: {} shows {shown}, selects {n}", link.href);
        if link.href.contains("/tim-kiem/") {
            assert!(n > 0, "{at}: {} searches for nothing", link.href);
        } else {
            let rel = format!("{}index.html", link.href.trim_start_matches("/dvk/"));
            let list = read(public, &rel);
            assert!(
                list.contains(&format!("<p class=\"list-count\">{n} mô hình</p>")),
                "{at}: {} lists {n}",
                link.href
            );
        }
        let mut names: Vec<&str> = f.iter().map(|(k, _)| k.as_str()).collect();
        names.sort_unstable();
        kinds.insert(names.join("+"));
    }
    kinds
}

/// Numbers above 0 shown without a link: table cells, HTML bars, SVG bars.
fn unlinked(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (open, close) in [("<td>", "</td>"), ("<span class=\"bar-value\">", "<")] {
        for part in html.split(open).skip(1) {
            let cell = &part[..part.find(close).unwrap_or(0)];
            // The grand total, last cell of the province × field table, counts all.
            let grand_total = part[cell.len()..].starts_with("</td></tr></tfoot>");
            if cell.parse::<usize>().is_ok_and(|n| n > 0) && !grand_total {
                out.push(format!("{open}{cell}"));
            }
        }
    }
    for part in html.split("<g role=\"img\" aria-label=\"").skip(1) {
        let label = &part[..part.find('"').unwrap_or(0)];
        let n = label.split(": ").nth(1).and_then(|r| r.split(' ').next());
        if n.and_then(|n| n.parse::<usize>().ok())
            .is_some_and(|n| n > 0)
        {
            out.push(label.to_owned());
        }
    }
    out
}

/// `unlinked` without the values inside links (an HTML bar is a link around its value).
fn unlinked_outside_links(html: &str) -> Vec<String> {
    let mut outside = String::new();
    for (i, part) in html.split("<a ").enumerate() {
        if i == 0 {
            outside.push_str(part);
        } else if let Some(end) = part.find("</a>") {
            outside.push_str(&part[end + 4..]);
        }
    }
    unlinked(&outside)
}

#[test]
fn every_number_on_the_statistics_page_links_to_exactly_the_stories_it_counts() {
    let site = built();
    let public = site.path().join("public");
    let recs = records(&public);
    assert_eq!(recs.len(), 10);
    let html = read(&public, "thong-ke/index.html");
    let main = between(&html, "<main", "</main>");
    let kinds = check_links(&public, &recs, main, "/thong-ke/");
    let numbered = links(main).iter().filter(|l| l.shown.is_some()).count();
    assert!(numbered > 100, "{numbered} numbered links");
    // Level, period and organisation open the search page with their filter; province,
    // field, year and province × field open their list pages.
    for k in [
        "cap",
        "den+tu",
        "don-vi",
        "tinh",
        "linh-vuc",
        "nam",
        "linh-vuc+tinh",
    ] {
        assert!(kinds.contains(k), "a number linked by {k}: {kinds:?}");
    }
    // Every level, period and kind of organisation the fixture has, "none" included.
    for href in [
        "/dvk/tim-kiem/?cap=trung-uong",
        "/dvk/tim-kiem/?cap=chua-ghi",
        "/dvk/tim-kiem/?tu=2026&amp;den=2030",
        "/dvk/tim-kiem/?don-vi=thon",
        "/dvk/tim-kiem/?don-vi=khac",
        "/dvk/tim-kiem/?don-vi=chua-ghi",
    ] {
        assert!(main.contains(&format!("href=\"{href}\"")), "{href}");
    }
    // No number above 0 is left without its link, but the grand total.
    assert_eq!(unlinked_outside_links(main), Vec::<String>::new());
    // The charts' tables link their numbers, not only their labels.
    let periods = between(main, "<summary>Số mô hình theo giai đoạn", "</details>");
    assert!(
        periods.contains("<td><a href=\"/dvk/tim-kiem/?tu=2021&amp;den=2025\">5</a></td>"),
        "{periods}"
    );
}

#[test]
fn every_number_in_a_units_figures_links_to_exactly_its_stories() {
    let site = built();
    let public = site.path().join("public");
    let recs = records(&public);
    let mut checked = BTreeSet::new();
    for unit in ["ca-mau", "an-giang", "da-nang", "ha-noi", "can-tho"] {
        let html = read(&public, &format!("tinh/{unit}/index.html"));
        let figures = between(&html, "class=\"unit-figures\"", "</section>");
        let at = format!("/tinh/{unit}/");
        checked.extend(check_links(&public, &recs, figures, &at));
        // Every search stays inside the unit.
        for link in links(figures) {
            if link.href.contains("/tim-kiem/") {
                assert!(
                    link.href.contains(&format!("?tinh={unit}&")),
                    "{at}: {link:?}"
                );
            }
        }
        // Unlinked: only the unit's own row of its former provinces' table (no list
        // holds just the stories that name the unit itself).
        let own = figures
            .split("id=\"fig-tinh-cu\"")
            .next()
            .unwrap_or(figures);
        assert_eq!(unlinked_outside_links(own), Vec::<String>::new(), "{at}");
    }
    for k in [
        "cap+tinh",
        "den+tinh+tu",
        "don-vi+tinh",
        "linh-vuc+tinh",
        "nam+tinh",
        "tinh",
    ] {
        assert!(
            checked.contains(k),
            "a unit's number linked by {k}: {checked:?}"
        );
    }
    // Cà Mau counts Bạc Liêu's story (a former province) in its periods.
    let html = read(&public, "tinh/ca-mau/index.html");
    assert!(html.contains("href=\"/dvk/tim-kiem/?tinh=ca-mau&amp;tu=2016&amp;den=2020\""));
}

#[test]
fn a_zero_bar_draws_no_fill_so_it_never_looks_like_one() {
    let site = built();
    let public = site.path().join("public");
    // An Giang has stories in 2022 and 2024, none in 2023; the site none in 2017.
    for (page, label) in [
        ("tinh/an-giang/index.html", "2023"),
        ("thong-ke/index.html", "2017"),
    ] {
        let html = read(&public, page);
        let bar = between(
            &html,
            &format!("<span class=\"bar-label\">{label}</span>"),
            "</li>",
        );
        assert!(
            bar.contains("<span class=\"bar-value\">0<"),
            "{page}: {bar}"
        );
        assert!(
            bar.contains("<span class=\"bar-track\"></span>"),
            "{page}: {bar}"
        );
    }
}
