//! Search in real headless Chromium: the built search fixture is served by a tiny static
//! HTTP server (a thread on 127.0.0.1, real content types), Chromium loads
//! `/tim-kiem/?q=…` and `--dump-dom` returns the page once its module scripts and fetches
//! are done. Interaction (typing, filters, back button, keys) runs from a harness page
//! that drives the search page in a same-origin iframe. No Chromium: skipped, unless CI.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::search::built_site;

/// Chromium, or `None` after saying why the test is skipped (a failure on CI).
fn browser() -> Option<PathBuf> {
    let found = crate::cdp::chromium();
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "chromium not found, and CI is set"
        );
        eprintln!("chromium not found: browser tests skipped");
    }
    found
}

/// The harness page, served at `/__kheo_test__/drive.html`: it loads the search page in
/// an iframe, types, filters, goes back and presses keys, and writes one `<p id=step>`
/// of JSON per step for the test to read from the dumped DOM.
const HARNESS: &str = r#"<!doctype html><meta charset="utf-8"><title>drive</title>
<iframe id="f" src="/tim-kiem/" style="width:900px;height:900px"></iframe>
<script type="module">
const log = (id, v) => { const p = document.createElement('p'); p.id = id; p.textContent = JSON.stringify(v); document.body.append(p); };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const until = async (ok) => { for (let i = 0; i < 200 && !ok(); i++) await sleep(50); return ok(); };
const f = document.getElementById('f');
try {
  await new Promise((r) => f.addEventListener('load', r, { once: true }));
  const w = f.contentWindow, d = f.contentDocument;
  const q = d.getElementById('q'), status = d.getElementById('search-status');
  const sel = d.getElementById('search-province');
  const items = () => [...d.querySelectorAll('[data-result]')];
  let searches = 0;
  new w.MutationObserver(() => { if (status.textContent) searches++; }).observe(status, { childList: true, characterData: true, subtree: true });
  await until(() => d.activeElement === q);
  for (const ch of 'da nang') {
    q.value += ch;
    q.dispatchEvent(new w.InputEvent('input', { bubbles: true, data: ch, inputType: 'insertText' }));
    await sleep(30);
  }
  await until(() => items().length > 0);
  await sleep(600);
  const first = items()[0].querySelector('a');
  log('typed', { url: w.location.search, first: first.textContent, firstHref: first.getAttribute('href'), results: items().length, searches });
  const before = searches;
  sel.value = 'da-nang';
  sel.dispatchEvent(new w.Event('change', { bubbles: true }));
  await until(() => searches > before);
  log('filtered', { url: w.location.search, metas: items().map((li) => li.querySelector('.search-result-meta').textContent) });
  const again = searches;
  w.history.back();
  await until(() => searches > again);
  log('back', { url: w.location.search, province: sel.value, results: items().length });
  q.focus();
  q.dispatchEvent(new w.KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
  const down = d.activeElement.getAttribute('href');
  d.activeElement.dispatchEvent(new w.KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }));
  log('keyboard', { down, up: d.activeElement.id });
  log('aria', { live: status.getAttribute('aria-live'), status: status.textContent, label: d.querySelector('label[for=q]').textContent });
} catch (e) {
  log('error', String(e && e.stack || e));
}
</script>
"#;

/// Serves the built site, plus the test harness page.
fn serve(root: &Path) -> u16 {
    crate::support::serve_dir(root, &[("/__kheo_test__/drive.html", HARNESS)])
}

/// Percent-encodes a query value (space as `+`).
fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Loads `url` in headless Chromium and returns the DOM after scripts and fetches ran.
fn dump_dom(chromium: &Path, url: &str) -> String {
    let profile = tempfile::tempdir().expect("profile dir");
    let mut child = Command::new(chromium)
        .args(crate::cdp::HEADLESS_FLAGS)
        .arg("--virtual-time-budget=15000")
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(url)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let started = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > Duration::from_secs(90) {
            let _ = child.kill();
            panic!("chromium did not finish loading {url}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("chromium output");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Text of an HTML fragment: tags dropped, the few entities the page writes decoded.
fn text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The `data-result` elements of a dumped page: (title, meta line).
fn results(dom: &str) -> Vec<(String, String)> {
    dom.split("data-result=\"\"")
        .skip(1)
        .map(|chunk| {
            let chunk = &chunk[..chunk.find("</li>").unwrap_or(chunk.len())];
            let between = |a: &str, b: &str| {
                chunk
                    .find(a)
                    .map(|i| &chunk[i + a.len()..])
                    .map(|r| text(&r[..r.find(b).unwrap_or(r.len())]))
            };
            assert!(
                chunk.contains("<a href=\"/mo-hinh/"),
                "a result links to its model: {chunk}"
            );
            (
                between("class=\"search-result-title\">", "</h2>").unwrap_or_default(),
                between("class=\"search-result-meta\">", "</p>").unwrap_or_default(),
            )
        })
        .collect()
}

/// Builds and serves the fixture, then dumps `/tim-kiem/?<query>`.
fn search_page(chromium: &Path, query: &str) -> String {
    let (_dir, out) = built_site(&[]);
    let port = serve(&out);
    dump_dom(
        chromium,
        &format!("http://127.0.0.1:{port}/tim-kiem/?{query}"),
    )
}

fn titles(dom: &str) -> Vec<String> {
    results(dom).into_iter().map(|r| r.0).collect()
}

#[test]
fn dan_van_kheo_finds_dan_van_kheo() {
    let Some(c) = browser() else { return };
    let dom = search_page(&c, "q=dan+van+kheo");
    let found = titles(&dom);
    assert_eq!(
        found.first().map(String::as_str),
        Some("Dân vận khéo ở xóm biển Năm Căn"),
        "{found:?}"
    );
    assert!(
        dom.contains("<mark>Dân vận khéo</mark>"),
        "the title is highlighted"
    );
    let status = text(&dom[dom.find("id=\"search-status\"").expect("status")..]);
    assert!(
        status.contains("kết quả cho “dan van kheo”"),
        "{}",
        &status[..200.min(status.len())]
    );
}

#[test]
fn da_nang_finds_da_nang() {
    let Some(c) = browser() else { return };
    let found = titles(&search_page(&c, "q=da+nang"));
    assert_eq!(
        found.first().map(String::as_str),
        Some("Tổ dân phố xanh, sạch, đẹp ở Đà Nẵng"),
        "{found:?}"
    );
}

#[test]
fn an_nfd_query_finds_the_same() {
    let Some(c) = browser() else { return };
    let nfd = "Đa\u{300} Na\u{306}\u{303}ng";
    let found = titles(&search_page(&c, &format!("q={}", encode(nfd))));
    assert_eq!(
        found.first().map(String::as_str),
        Some("Tổ dân phố xanh, sạch, đẹp ở Đà Nẵng"),
        "{found:?}"
    );
}

#[test]
fn hoa_finds_the_other_tone_placement() {
    let Some(c) = browser() else { return };
    let found = titles(&search_page(&c, &format!("q={}", encode("hoà giải"))));
    assert_eq!(
        found.first().map(String::as_str),
        Some("Tổ hòa giải ở khóm 3"),
        "{found:?}"
    );
}

#[test]
fn a_phrase_ranks_first() {
    let Some(c) = browser() else { return };
    let found = titles(&search_page(&c, &format!("q={}", encode("nông thôn mới"))));
    assert_eq!(
        found.first().map(String::as_str),
        Some("Chung sức xây dựng quê hương"),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|t| t == "Nông dân làm mới con đường về thôn"),
        "{found:?}"
    );
}

#[test]
fn a_province_filter_narrows_results() {
    let Some(c) = browser() else { return };
    let all = results(&search_page(&c, &format!("q={}", encode("dân vận"))));
    let dom = search_page(&c, &format!("q={}&tinh=bac-lieu", encode("dân vận")));
    let narrowed = results(&dom);
    assert!(
        !narrowed.is_empty() && narrowed.len() < all.len(),
        "{narrowed:?} / {all:?}"
    );
    assert!(
        narrowed
            .iter()
            .all(|r| r.1.starts_with("Bạc Liêu (nay thuộc Cà Mau)")),
        "{narrowed:?}"
    );
    assert!(
        dom.contains(r#"<option value="bac-lieu" selected"#) || dom.contains("value=\"bac-lieu\"")
    );
}

#[test]
fn no_results_show_a_clear_state_with_ways_out() {
    let Some(c) = browser() else { return };
    let dom = search_page(&c, "q=xyzzy+qqqqq");
    assert!(results(&dom).is_empty());
    let start = dom.find("id=\"search-empty\"").expect("empty state");
    let empty = &dom[start..start + dom[start..].find("</div>").expect("end")];
    assert!(
        !empty.contains(" hidden"),
        "the empty state is shown: {empty}"
    );
    assert!(
        text(empty).contains("Không tìm thấy mô hình nào cho “xyzzy qqqqq”"),
        "{empty}"
    );
    for link in ["/tinh/", "/linh-vuc/", "/nam/"] {
        assert!(
            empty.contains(&format!("href=\"{link}\"")),
            "{link} in {empty}"
        );
    }
    assert!(
        text(&dom).contains("Không có kết quả"),
        "the live status says so"
    );
}

/// Typing (debounced), a filter, the back button and arrow keys, driven from the harness.
#[test]
fn typing_filters_back_button_and_keyboard() {
    let Some(c) = browser() else { return };
    let (_dir, out) = built_site(&[]);
    let port = serve(&out);
    let dom = dump_dom(
        &c,
        &format!("http://127.0.0.1:{port}/__kheo_test__/drive.html"),
    );
    let step = |id: &str| -> serde_json::Value {
        let at = dom
            .find(&format!("id=\"{id}\">"))
            .unwrap_or_else(|| panic!("step {id} missing:\n{dom}"));
        let rest = &dom[at + id.len() + 6..];
        serde_json::from_str(&text(&rest[..rest.find("</p>").expect("end")])).expect("json")
    };
    let typed = step("typed");
    assert_eq!(typed["url"], "?q=da+nang", "{typed}");
    assert_eq!(
        typed["first"], "Tổ dân phố xanh, sạch, đẹp ở Đà Nẵng",
        "{typed}"
    );
    assert_eq!(
        typed["searches"], 1,
        "debounced: one search for the whole word, {typed}"
    );
    let filtered = step("filtered");
    assert_eq!(filtered["url"], "?q=da+nang&tinh=da-nang", "{filtered}");
    assert!(
        filtered["metas"]
            .as_array()
            .expect("metas")
            .iter()
            .all(|m| m.as_str().is_some_and(|m| m.contains("Đà Nẵng")))
    );
    let back = step("back");
    assert_eq!(back["url"], "?q=da+nang", "{back}");
    assert_eq!(back["province"], "", "{back}");
    assert_eq!(back["results"], typed["results"], "{back}");
    let keys = step("keyboard");
    assert_eq!(
        keys["down"], typed["firstHref"],
        "ArrowDown moves to the first result: {keys}"
    );
    assert_eq!(keys["up"], "q", "ArrowUp returns to the input: {keys}");
    let aria = step("aria");
    assert_eq!(aria["live"], "polite");
    assert!(
        aria["status"]
            .as_str()
            .is_some_and(|s| s.contains("kết quả")),
        "{aria}"
    );
    assert_eq!(aria["label"], "Tìm mô hình “Dân vận khéo”");
}

/// Sums the page's layout shifts (PerformanceObserver 'layout-shift', shifts right after
/// input left out, as CLS does) from before its first script.
const CLS_OBSERVER: &str = r#"window.__cls = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
}).observe({ type: 'layout-shift', buffered: true });"#;

/// The cumulative layout shift of `/tim-kiem/?q=<query>` on a phone-sized screen over a
/// slow link (the page paints before the index arrives, as on a phone), once `ready`
/// (JS) holds and the page has settled.
fn search_page_cls(query: &str, ready: &str) -> Option<f64> {
    let (_dir, out) = built_site(&[]);
    let port = serve(&out);
    let mut b = crate::cdp::launch()?;
    b.call(
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": 412, "height": 823, "deviceScaleFactor": 2, "mobile": true }),
    )
    .expect("phone screen");
    b.call("Network.enable", serde_json::json!({}))
        .expect("network");
    b.call(
        "Network.emulateNetworkConditions",
        serde_json::json!({ "offline": false, "latency": 300, "downloadThroughput": 200_000, "uploadThroughput": 100_000 }),
    )
    .expect("a slow link");
    b.add_init_script(CLS_OBSERVER);
    b.navigate(&format!(
        "http://127.0.0.1:{port}/tim-kiem/?q={}",
        encode(query)
    ));
    assert!(
        b.wait_until(ready, Duration::from_secs(20)).is_some(),
        "the search page did not answer {query:?}"
    );
    std::thread::sleep(Duration::from_millis(800));
    let cls = b.eval("window.__cls").as_f64();
    eprintln!("layout shift of the search page for {query:?}: {cls:?}");
    cls
}

#[test]
fn search_page_keeps_its_layout_when_results_arrive() {
    let ready = "document.querySelectorAll('[data-result]').length > 0";
    let Some(cls) = search_page_cls("dân", ready) else {
        return;
    };
    assert!(cls <= 0.1, "layout shift {cls} when results arrived");
}

#[test]
fn search_page_keeps_its_layout_when_nothing_matches() {
    let ready = "!document.getElementById('search-empty').hidden";
    let Some(cls) = search_page_cls("xqzw", ready) else {
        return;
    };
    assert!(
        cls <= 0.1,
        "layout shift {cls} when the empty state arrived"
    );
}

#[test]
fn words_left_out_or_read_differently_are_told_in_vietnamese() {
    let Some(c) = browser() else { return };
    let dom = search_page(&c, "q=camera+an+nih+xqzw");
    assert_eq!(
        titles(&dom).first().map(String::as_str),
        Some("Camera an ninh giữ bình yên xóm ấp")
    );
    let start = dom.find("id=\"search-note\"").expect("the note");
    let note = text(&dom[start..start + dom[start..].find("</p>").expect("end")]);
    assert!(note.contains("Bỏ qua “xqzw”"), "{note}");
    assert!(note.contains("“nih” được hiểu là “ninh”"), "{note}");
}
