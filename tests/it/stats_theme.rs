//! The statistics and the draft marks in the default theme (issue 18), filling what
//! theme.rs (the example site) does not cover: the `stats` fixture (every level,
//! period and kind of organisation, a unit with former provinces, numbers that open
//! search filters) through axe-core at 360 and 1280 px in light and dark on
//! `/thong-ke/`, `/tinh/` and a unit's page, with a screenshot of each in
//! `target/screenshots/`; by keyboard, a unit's figures and a chart's table (opened
//! with Enter, its numbers reached by Tab); and the draft banner styled by the theme's
//! CSS, not inline. Browser tests skip with a notice without Chromium (fail on CI).

use std::path::PathBuf;
use std::time::Duration;

use serde_json::{Value, json};

use crate::cdp::{self, Browser};
use crate::support::{assert_exit, fixture, kheo, read, serve_dir};
use crate::theme::{
    axe, call, color_scheme, npm_tool, open, press, tab_into, target_dir, viewport,
};

/// The fixture's base path: the site is served from the parent of this folder.
const BASE: &str = "/dvk";

/// Pages checked: name, path below the base path.
const PAGES: [(&str, &str); 3] = [
    ("stats", "/thong-ke/"),
    ("provinces", "/tinh/"),
    ("unit", "/tinh/ca-mau/"),
];

/// `fixture` built with `args` into `<tmp>/root/dvk/` and served (root at `<tmp>/root`);
/// returns the folder (kept alive) and the port.
fn served(name: &str, args: &[&str]) -> (tempfile::TempDir, u16) {
    let site = fixture(name);
    let out = site.path().join("root").join(BASE.trim_start_matches('/'));
    let mut all = vec!["build", "--out", out.to_str().expect("utf-8 path")];
    all.extend(args);
    assert_exit(&kheo(site.path(), &all), 0);
    let port = serve_dir(&site.path().join("root"), &[]);
    (site, port)
}

fn url(port: u16, path: &str) -> String {
    format!("http://127.0.0.1:{port}{BASE}{path}")
}

/// A full-page PNG of the current page into `target/screenshots/<name>.png`.
fn screenshot(b: &mut Browser, width: u32, name: &str) -> PathBuf {
    let height = b
        .eval("Math.ceil(document.documentElement.scrollHeight)")
        .as_f64()
        .expect("height");
    let shot = call(
        b,
        "Page.captureScreenshot",
        json!({ "format": "png", "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": width, "height": height.min(8000.0), "scale": 1 } }),
    );
    let png = crate::support::base64(shot["data"].as_str().expect("data"));
    assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
    let dir = target_dir().join("screenshots");
    std::fs::create_dir_all(&dir).expect("mkdir target/screenshots");
    let file = dir.join(format!("{name}.png"));
    std::fs::write(&file, png).expect("write screenshot");
    file
}

#[test]
fn statistics_pages_pass_axe_at_360_and_1280_px_in_light_and_dark() {
    let Some(axe_path) = npm_tool("axe-core/axe.min.js") else {
        return;
    };
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let axe_source = std::fs::read_to_string(axe_path).expect("read axe");
    let (_site, port) = served("stats", &[]);
    let mut failures = Vec::new();
    for scheme in ["light", "dark"] {
        color_scheme(&mut b, scheme);
        for width in [360u32, 1280] {
            viewport(&mut b, width, 800);
            for (name, path) in PAGES {
                open(&mut b, &url(port, path));
                let at = format!("{path} ({width} px, {scheme})");
                // The chart tables open, so axe sees their linked numbers too.
                b.eval(
                    "document.querySelectorAll('details').forEach((d) => { d.open = true; }); true",
                );
                failures.extend(
                    axe(&mut b, &axe_source)
                        .into_iter()
                        .map(|v| format!("{at}\n    {v}")),
                );
                let suffix = if scheme == "dark" { "-dark" } else { "" };
                screenshot(
                    &mut b,
                    width,
                    &format!("stats-fixture-{name}-{width}{suffix}"),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Where the focus is: its text, href, whether it has a ring and whether it is shown.
const FOCUSED: &str = "(() => { const e = document.activeElement, s = getComputedStyle(e), r = e.getBoundingClientRect();
  return { name: e.getAttribute('aria-label') || e.textContent.trim(), href: e.getAttribute('href'),
           ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
           shown: r.width > 0 && r.bottom > 0 && r.top < innerHeight,
           open: !!(e.parentElement && e.parentElement.open) }; })()";

/// Problems with a focused number link `at`: it must show a number, a ring, be on
/// screen, and Enter must open its list.
fn follow(b: &mut Browser, focused: &Value, at: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let name = focused["name"].as_str().unwrap_or_default();
    if !name.chars().any(|c| c.is_ascii_digit()) {
        problems.push(format!("{at}: focused link shows no number: {name:?}"));
    }
    if focused["ring"] != true || focused["shown"] != true {
        problems.push(format!("{at}: focus not visible with a ring: {focused}"));
    }
    let href = focused["href"]
        .as_str()
        .unwrap_or_default()
        .replace("&amp;", "&");
    press(b, "Enter", 13);
    let js = format!(
        "location.pathname + location.search === {} && document.readyState === 'complete'",
        json!(href)
    );
    if b.wait_until(&js, Duration::from_secs(10)).is_none() {
        problems.push(format!("{at}: Enter did not open {href}"));
    }
    problems
}

#[test]
fn a_units_figures_and_a_charts_table_work_by_keyboard_at_360_and_1280_px_in_light_and_dark() {
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let (_site, port) = served("stats", &[]);
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        color_scheme(&mut b, scheme);
        for width in [360u32, 1280] {
            viewport(&mut b, width, 800);
            let at = format!("({width} px, {scheme})");
            // A unit's figures: the first bar is a link showing its number.
            open(&mut b, &url(port, "/tinh/ca-mau/"));
            match tab_into(&mut b, ".unit-figures") {
                Some(bar) => problems.extend(follow(&mut b, &bar, &format!("/tinh/ca-mau/ {at}"))),
                None => problems.push(format!("/tinh/ca-mau/ {at}: no figure reached by Tab")),
            }
            // A chart's table: Enter on its summary opens it; Tab reaches the row's
            // label, then its number, which opens its list.
            open(&mut b, &url(port, "/thong-ke/"));
            if tab_into(&mut b, "details.chart-data").is_none() {
                problems.push(format!("/thong-ke/ {at}: no chart table reached by Tab"));
                continue;
            }
            press(&mut b, "Enter", 13);
            if b.eval(FOCUSED)["open"] != true {
                problems.push(format!(
                    "/thong-ke/ {at}: Enter did not open the chart's table"
                ));
                continue;
            }
            press(&mut b, "Tab", 9);
            press(&mut b, "Tab", 9);
            let number = b.eval(FOCUSED);
            problems.extend(follow(&mut b, &number, &format!("/thong-ke/ table {at}")));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The draft page of the `drafts` fixture.
const DRAFT: &str = "/mo-hinh/ban-nhap-chua-dang/";

#[test]
fn the_draft_banner_is_styled_by_the_themes_css_not_inline() {
    let site = fixture("drafts");
    assert_exit(&kheo(site.path(), &["build", "--drafts"]), 0);
    let public = site.path().join("public");
    let html = read(
        &public,
        &format!("{}index.html", DRAFT.trim_start_matches('/')),
    );
    let from = html.find("<p class=\"draft-banner\"").expect("the banner");
    let banner = &html[from..from + html[from..].find("</p>").expect("banner end")];
    assert!(!banner.contains("style="), "inline style in {banner}");
    assert!(banner.contains("<strong>Bản nháp</strong>: bài này chưa được xuất bản"));
    let css = read(&public, "assets/style.css");
    assert!(css.contains(
        ".draft-banner { margin: 0 0 1rem; padding: .6rem .9rem; border: 2px solid var(--accent);"
    ));
    assert!(css.contains(".draft-mark strong { display: inline-block;"));
}

#[test]
fn the_draft_marks_look_as_before_in_a_browser() {
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let site = fixture("drafts");
    let public = site.path().join("public");
    let args = [
        "build",
        "--drafts",
        "--out",
        public.to_str().expect("utf-8 path"),
    ];
    assert_exit(&kheo(site.path(), &args), 0);
    let port = serve_dir(&public, &[]);
    // What the inline styles drew: border, radius, padding, margin, colours.
    let style = |sel: &str| {
        format!(
            "(() => {{ const e = document.querySelector('{sel}'); if (!e) return null; const s = getComputedStyle(e);
               const probe = document.createElement('i'); probe.style.background = 'var(--mark)'; probe.style.color = 'var(--fg)';
               document.body.append(probe); const p = getComputedStyle(probe); const mark = p.backgroundColor, fg = p.color; probe.remove();
               return [s.borderTopWidth, s.borderTopStyle, s.borderTopLeftRadius, s.paddingTop + ' ' + s.paddingLeft,
                       s.marginBottom, s.display, s.fontSize, s.backgroundColor === mark, s.color === fg]; }})()"
        )
    };
    for scheme in ["light", "dark"] {
        color_scheme(&mut b, scheme);
        b.navigate(&format!("http://127.0.0.1:{port}{DRAFT}"));
        let banner = b.eval(&style(".draft-banner"));
        assert_eq!(
            banner,
            json!([
                "2px",
                "solid",
                "8px",
                "9.6px 14.4px",
                "16px",
                "block",
                "17px",
                true,
                true
            ]),
            "{scheme}: banner"
        );
        screenshot(&mut b, 1280, &format!("stats-draft-banner-1280-{scheme}"));
        b.navigate(&format!("http://127.0.0.1:{port}/"));
        let mark = b.eval(&style(".draft-mark strong"));
        assert_eq!(
            mark,
            json!([
                "2px",
                "solid",
                "16px",
                "1.6px 9.6px",
                "0px",
                "inline-block",
                "14px",
                true,
                true
            ]),
            "{scheme}: card mark"
        );
        let p = b.eval("getComputedStyle(document.querySelector('.draft-mark')).marginBottom");
        assert_eq!(p, json!("6.4px"), "{scheme}: card mark's paragraph");
    }
}

/// Whether the built search page knows the statistics' filters (`cap`, `tu`, `den`,
/// `don-vi`); else a notice.
fn search_has_filters(public: &std::path::Path) -> bool {
    let js = read(public, "assets/search-page.js");
    let known = ["'cap'", "'tu'", "'den'", "'don-vi'"]
        .iter()
        .all(|p| js.contains(p));
    if !known {
        eprintln!("search-page.js has no cap/tu/den/don-vi filters yet: search links not opened");
    }
    known
}

#[test]
fn every_statistics_search_link_lists_as_many_stories_as_its_number_says() {
    let (site, port) = served("stats", &[]);
    let public = site.path().join("root/dvk");
    if !search_has_filters(&public) {
        return;
    }
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let mut searches = std::collections::BTreeMap::new();
    for page in ["thong-ke/index.html", "tinh/ca-mau/index.html"] {
        let html = read(&public, page);
        let main = crate::stats_links::between(&html, "<main", "</main>");
        for link in crate::stats_links::links(main) {
            if let (true, Some(n)) = (link.href.contains("/tim-kiem/?"), link.shown) {
                searches.insert(link.href, n);
            }
        }
    }
    assert!(searches.len() > 20, "{searches:?}");
    let mut problems = Vec::new();
    for (href, n) in &searches {
        b.navigate(&format!("http://127.0.0.1:{port}{href}"));
        // The status starts with the number of stories found once the search has run.
        let status = b.wait_until(
            "(() => { const s = document.getElementById('search-status').textContent;
                      return /^\\d/.test(s) || s.startsWith('Không') ? s : null; })()",
            Duration::from_secs(15),
        );
        let text = status.as_ref().and_then(Value::as_str).unwrap_or_default();
        let found: String = text.chars().take_while(char::is_ascii_digit).collect();
        if found.parse::<usize>().ok() != Some(*n) {
            problems.push(format!(
                "{href}: the page shows {n}, the search says {text:?}"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
