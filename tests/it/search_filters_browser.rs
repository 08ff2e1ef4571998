//! The search page's filters from the URL, in real headless Chromium: the links of
//! `/thong-ke/` (`/tim-kiem/?cap=tinh`, `?tu=2016&den=2020`, `?don-vi=…`) list exactly the
//! stories they count, newest first, say in Vietnamese what they are filtered by, and
//! let the reader remove a filter. No Chromium: skipped, unless CI.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use super::search::built_site;

/// The titles of the fixture's stories whose front matter has the line `line`.
fn stories_with(out_root: &Path, line: &str) -> Vec<String> {
    let content = out_root.parent().expect("site root").join("content");
    let mut titles = Vec::new();
    for rel in crate::support::files(&content) {
        let text = std::fs::read_to_string(content.join(&rel)).expect("read story");
        if text.lines().any(|l| l == line) && !text.contains("\ndraft: true") {
            let title = text.lines().find_map(|l| l.strip_prefix("title: "));
            titles.push(title.expect("title").to_owned());
        }
    }
    titles.sort();
    titles
}

/// Opens `/tim-kiem/?<query>` and waits until the status reports a count; returns
/// (titles shown, status text, active filter text).
fn filtered_page(
    b: &mut crate::cdp::Browser,
    port: u16,
    query: &str,
) -> (Vec<String>, String, String) {
    b.navigate(&format!("http://127.0.0.1:{port}/tim-kiem/?{query}"));
    let ready = "document.getElementById('search-status').textContent.length > 0";
    assert!(
        b.wait_until(ready, Duration::from_secs(20)).is_some(),
        "the search page did not answer ?{query}"
    );
    let v = b.eval(
        "({ titles: [...document.querySelectorAll('[data-result] h2')].map((h) => h.textContent), \
          status: document.getElementById('search-status').textContent, \
          active: document.getElementById('search-active').hidden ? '' : document.getElementById('search-active').textContent })",
    );
    let titles = v["titles"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    let s = |k: &str| v[k].as_str().unwrap_or_default().to_owned();
    (titles, s("status"), s("active"))
}

#[test]
fn a_level_link_from_the_statistics_lists_exactly_the_stories_it_counts() {
    let Some(mut b) = crate::cdp::launch() else {
        return;
    };
    let (_dir, out) = built_site(&[]);
    let port = crate::support::serve_dir(&out, &[]);
    let (mut titles, status, active) = filtered_page(&mut b, port, "cap=tinh");
    let want = stories_with(&out, "level: tỉnh");
    assert_eq!(want.len(), 2, "the fixture has two province-level stories");
    titles.sort();
    assert_eq!(titles, want, "exactly the province-level stories");
    assert!(status.starts_with("2 mô hình"), "{status}");
    assert!(
        active.contains("Đang lọc theo cấp công nhận: Cấp tỉnh, thành phố"),
        "says what it is filtered by: {active}"
    );
    // The filter's button removes it: the page then has no filter and no list.
    b.eval("document.querySelector('#search-active [data-remove=\"level\"]').click()");
    let gone = "location.search === '' && document.getElementById('search-active').hidden \
                && document.querySelectorAll('[data-result]').length === 0";
    assert!(
        b.wait_until(gone, Duration::from_secs(10)).is_some(),
        "removing the filter clears it from the URL and the page"
    );
}

#[test]
fn a_period_and_an_organisation_link_list_their_stories_newest_first() {
    let Some(mut b) = crate::cdp::launch() else {
        return;
    };
    let (_dir, out) = built_site(&[]);
    let port = crate::support::serve_dir(&out, &[]);
    let (titles, status, active) = filtered_page(&mut b, port, "tu=2016&den=2020");
    assert_eq!(titles.len(), 5, "{titles:?}");
    assert_eq!(
        titles.last().map(String::as_str),
        Some("Chi bộ bốn tốt"),
        "2016 last"
    );
    assert!(status.starts_with("5 mô hình"), "{status}");
    assert!(active.contains("từ năm 2016 đến năm 2020"), "{active}");
    let (titles, _, active) = filtered_page(&mut b, port, "don-vi=nong-dan&tinh=ca-mau");
    assert_eq!(
        titles,
        [
            "Dân vận khéo ở xóm biển Năm Căn",
            "Hỗ trợ diêm dân giữ nghề muối"
        ]
    );
    assert!(
        active.contains("tổ chức thực hiện: Hội Nông dân")
            && active.contains("tỉnh, thành: Cà Mau"),
        "{active}"
    );
}

/// The scripts the page has loaded so far (file names of `/assets/*.js`).
fn scripts_loaded(b: &mut crate::cdp::Browser) -> Vec<String> {
    let v = b.eval(
        "performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname) \
         .filter((p) => p.startsWith('/assets/') && p.endsWith('.js')).map((p) => p.slice(8))",
    );
    let mut names: Vec<String> = v
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names.dedup();
    names
}

#[test]
fn the_filters_code_is_loaded_only_by_a_search_that_needs_it() {
    let Some(mut b) = crate::cdp::launch() else {
        return;
    };
    let (_dir, out) = built_site(&[]);
    let port = crate::support::serve_dir(&out, &[]);
    // A plain query: search.js and the page's script, nothing else.
    let (titles, _, active) = filtered_page(&mut b, port, "q=d%C3%A2n+v%E1%BA%ADn");
    assert!(
        !titles.is_empty() && active.is_empty(),
        "{titles:?} {active}"
    );
    assert_eq!(scripts_loaded(&mut b), ["search-page.js", "search.js"]);
    // A level filter from the statistics page: the filters' code of both, loaded and
    // working (the stories listed, the filter said in words).
    let (titles, _, active) = filtered_page(&mut b, port, "cap=tinh");
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(active.contains("Cấp tỉnh, thành phố"), "{active}");
    assert_eq!(
        scripts_loaded(&mut b),
        [
            "search-filters.js",
            "search-page-more.js",
            "search-page.js",
            "search.js"
        ]
    );
}
