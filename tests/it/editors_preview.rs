//! `kheo serve` for editors who are not programmers (issue 14): messages and overlay in
//! Vietnamese by default (English on request), the overlay's source line and caret
//! (escaped, readable on a phone), a story whose title edit moved it followed to its new
//! address with the `slug:` line that keeps the old one, drafts marked (never in a
//! normal build), and rebuilds that print only what changed. Browser parts run in real
//! headless Chromium (skipped with a notice when it is missing, unless `CI` is set).

use std::time::Duration;

use serde_json::{Value, json};

use super::cdp::{self, Browser};
use super::serve::{MODEL, MODEL_URL, OLD_TITLE, Server, article, poll, write_atomic};
use super::support::{assert_exit, fixture, kheo, kheo_vi};

const WAIT: Duration = Duration::from_secs(20);
const VI: &[(&str, &str)] = &[("KHEO_LANG", "vi")];

/// The edited article without its `slug:` line: its address follows its title.
fn unpinned(title: &str, year: &str) -> String {
    article(title, year).replace("slug: nong-dan-lien-ket-trong-lua-sach\n", "")
}

const NEW_TITLE: &str = "Tổ hợp tác lúa sạch Vĩnh Hanh";
const NEW_URL: &str = "/mo-hinh/to-hop-tac-lua-sach-vinh-hanh/";
const OLD_SLUG: &str = "nong-dan-lien-ket-trong-lua-sach";
const DRAFT_URL: &str = "/mo-hinh/ban-nhap-chua-dang/";

/// A server on the minimal site whose edited article has no `slug:`, in `env`'s language.
fn unpinned_server(env: &[(&str, &str)]) -> Server {
    let site = fixture("minimal");
    std::fs::write(site.path().join(MODEL), unpinned(OLD_TITLE, "2024")).expect("write");
    Server::start_with(site, env)
}

/// Waits until the server's log has `needle` at least `n` times.
#[track_caller]
fn wait_log(s: &Server, needle: &str, n: usize) -> String {
    poll(WAIT, || {
        let log = s.log();
        (log.matches(needle).count() >= n).then_some(log)
    })
    .unwrap_or_else(|| panic!("{needle:?} never appeared {n} times\n{}", s.log()))
}

#[test]
fn serve_speaks_vietnamese_by_default_and_english_when_asked() {
    let vi = Server::start_with(fixture("minimal"), VI);
    wait_log(&vi, "Đã dựng lại", 1);
    let script = vi.get("/__kheo/live.js").text();
    for label in ["Cách sửa", "Tệp", "Đóng", "Chưa dựng lại được trang"] {
        assert!(script.contains(label), "no {label:?} in live.js");
    }
    assert!(!script.contains("How to fix"), "English left in live.js");
    assert!(!script.contains("__KHEO_TEXT__"), "labels not filled in");

    // `--lang en` wins over KHEO_LANG.
    let en = Server::start_args(fixture("minimal"), &["--lang", "en"], VI);
    wait_log(&en, "rebuilt ", 1);
    assert!(!en.log().contains("Đã dựng lại"), "{}", en.log());
    let script = en.get("/__kheo/live.js").text();
    assert!(script.contains("How to fix it"), "{script}");
    assert!(!script.contains("Cách sửa"));
}

#[test]
fn overlay_errors_carry_the_source_line_and_the_caret_span() {
    let s = Server::minimal();
    let mut events = s.events();
    write_atomic(s.root(), MODEL, &article(OLD_TITLE, "năm 2024"));
    let e = events.wait_for("errors", WAIT);
    let items: Value = serde_json::from_str(&e.data).expect("errors are JSON");
    let item = items
        .as_array()
        .expect("an array")
        .iter()
        .find(|d| d["path"] == MODEL)
        .unwrap_or_else(|| panic!("no error for {MODEL} in {items}"))
        .clone();
    assert_eq!(item["source_line"], "year: năm 2024", "{item}");
    assert_eq!(item["line"], 6, "{item}");
    assert!(item["col"].as_u64().is_some_and(|c| c >= 1), "{item}");
    assert!(item["span"].as_u64().is_some_and(|n| n >= 1), "{item}");
}

#[test]
fn a_title_edit_moves_the_story_and_its_old_address_leads_to_the_new_one() {
    let s = unpinned_server(VI);
    assert_eq!(s.get(MODEL_URL).status, 200);
    let mut events = s.events();
    write_atomic(s.root(), MODEL, &unpinned(NEW_TITLE, "2024"));
    let reload = events.wait_for("reload", WAIT);
    let data: Value = serde_json::from_str(&reload.data).expect("reload data is JSON");
    assert_eq!(data["moved"][MODEL_URL], NEW_URL, "{data}");
    s.wait_for_status(NEW_URL, 200);
    let old = s.get(MODEL_URL);
    assert_eq!(old.status, 302, "the old address during the session");
    assert_eq!(old.header("location"), Some(NEW_URL));

    // The editor is told, with the exact line to add.
    let keep = format!("slug: {OLD_SLUG}");
    let log = wait_log(&s, &keep, 1);
    assert!(log.contains("Địa chỉ của bài"), "{log}");
    assert!(log.contains(NEW_URL), "{log}");
    // A tab opened now learns of the move (for its banner).
    let mut late = s.events();
    let moved = late.wait_for("moved", WAIT);
    assert!(moved.data.contains(&keep), "{}", moved.data);

    // Following the advice literally brings the old address back, and `check` passes.
    let text = unpinned(NEW_TITLE, "2024").replacen("---\n", &format!("---\n{keep}\n"), 1);
    write_atomic(s.root(), MODEL, &text);
    let page = s.wait_for_text(MODEL_URL, &format!("<h1>{NEW_TITLE}</h1>"));
    assert_eq!(page.status, 200);
    assert_exit(&kheo_vi(s.root(), &["check"]), 0);
}

#[test]
fn drafts_are_marked_in_serve_and_build_drafts_but_never_in_a_normal_build() {
    let s = Server::start(fixture("drafts"));
    let page = s.wait_for_text(DRAFT_URL, "Bản nháp");
    assert!(page.text().contains("class=\"draft-banner\""), "no banner");
    let home = s.get("/").text();
    assert_eq!(home.matches("class=\"draft-mark\"").count(), 1, "{home}");

    let with = fixture("drafts");
    assert_exit(&kheo(with.path(), &["build", "--drafts"]), 0);
    let draft = std::fs::read_to_string(
        with.path()
            .join("public/mo-hinh/ban-nhap-chua-dang/index.html"),
    )
    .expect("draft page");
    assert!(draft.contains("<strong>Bản nháp</strong>"), "{draft}");
    let published = std::fs::read_to_string(
        with.path()
            .join("public/mo-hinh/da-dang-mo-hinh-nuoi-de/index.html"),
    );
    if let Ok(p) = published {
        assert!(
            !p.contains("draft-banner"),
            "a published story marked as draft"
        );
    }

    let normal = fixture("drafts");
    assert_exit(&kheo(normal.path(), &["build"]), 0);
    for entry in walk(&normal.path().join("public")) {
        // The theme's style.css names the marks' classes in every build; pages must not.
        if entry.extension().is_some_and(|e| e == "css") {
            continue;
        }
        let text = std::fs::read_to_string(&entry).unwrap_or_default();
        assert!(
            !text.contains("draft-banner") && !text.contains("draft-mark"),
            "draft marker in a normal build: {}",
            entry.display()
        );
    }
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir").flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_rebuild_prints_only_new_problems_and_counts_the_fixed_ones() {
    let site = fixture("minimal");
    let no_summary = |title: &str, year: &str| {
        article(title, year).replace(
            "summary: Hội Nông dân xã vận động bà con góp đất trồng lúa sạch.\n",
            "",
        )
    };
    std::fs::write(site.path().join(MODEL), no_summary(OLD_TITLE, "2024")).expect("write");
    let s = Server::start_with(site, VI);
    wait_log(&s, "Đã dựng lại", 1);
    assert_eq!(s.log().matches("[W001]").count(), 1, "{}", s.log());

    // An edit that leaves the warning: it is not printed again.
    write_atomic(s.root(), MODEL, &no_summary("Lúa sạch Vĩnh Hanh", "2024"));
    let log = wait_log(&s, "Đã dựng lại", 2);
    assert_eq!(log.matches("[W001]").count(), 1, "reprinted\n{log}");
    assert!(log.contains("Hiện còn 0 lỗi, 1 cảnh báo"), "{log}");

    // The new error is printed once (with the broken link it causes in the story that
    // links here), and the total; the warning of the file is unseen, not fixed.
    write_atomic(
        s.root(),
        MODEL,
        &no_summary("Lúa sạch Vĩnh Hanh", "năm 2024"),
    );
    let log = wait_log(&s, "Hiện còn 2 lỗi, 1 cảnh báo", 1);
    assert_eq!(log.matches("[E011]").count(), 1, "{log}");
    assert_eq!(log.matches("[W001]").count(), 1, "reprinted\n{log}");
    assert!(!log.contains("đã sửa"), "{log}");

    // The fix: one line says so, and nothing is reprinted.
    write_atomic(s.root(), MODEL, &no_summary("Lúa sạch Vĩnh Hanh", "2024"));
    let log = wait_log(&s, "Hiện còn 0 lỗi, 1 cảnh báo", 3);
    assert!(log.contains("✓ đã sửa 2 lỗi\n"), "{log}");
    assert_eq!(log.matches("[W001]").count(), 1, "reprinted\n{log}");
    assert_eq!(log.matches("[E011]").count(), 1, "reprinted\n{log}");
}

fn open_listening(b: &mut Browser, s: &Server, path: &str) {
    b.add_init_script(crate::cdp::TRACK_EVENT_SOURCES);
    b.navigate(&s.url(path));
    let listening = "window.__kheoSources.some((e) => e.readyState === 1)";
    if b.wait_until(listening, WAIT).is_none() {
        panic!("the page never opened /__kheo/events\n{}", s.log());
    }
}

fn phone(b: &mut Browser) {
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 360, "height": 740, "deviceScaleFactor": 2, "mobile": true }),
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn the_overlay_shows_the_line_and_caret_in_vietnamese_escaped_and_fits_a_phone() {
    let Some(mut b) = cdp::launch() else { return };
    let site = fixture("minimal");
    std::fs::write(site.path().join(MODEL), article(OLD_TITLE, "2024")).expect("write");
    let s = Server::start_with(site, VI);
    phone(&mut b);
    open_listening(&mut b, &s, MODEL_URL);

    let hostile = "<img src=x onerror=\"window.__pwned=1\">";
    write_atomic(s.root(), MODEL, &article(OLD_TITLE, hostile));
    let text = b
        .wait_until("document.getElementById('kheo-overlay')?.textContent", WAIT)
        .unwrap_or_else(|| panic!("no overlay\n{}", s.log()));
    let text = text.as_str().unwrap_or_default().to_owned();
    assert!(text.contains("Chưa dựng lại được trang"), "{text}");
    assert!(text.contains("Cách sửa"), "{text}");
    assert!(text.contains(&format!("Tệp: {MODEL}:6:")), "{text}");
    // The problem of the edited file: its source line and the column it names.
    let found = b.eval(&format!(
        "(() => {{ const want = {}; for (const p of document.querySelectorAll('#kheo-overlay .kheo-problem')) {{ const w = p.querySelector('.kheo-where').textContent; if (w.includes(want)) return [p.querySelector('.kheo-source').textContent, Number(w.split(want)[1])]; }} return null; }})()",
        json!(format!("{MODEL}:6:"))
    ));
    let source = found[0].as_str().unwrap_or_default().to_owned();
    let col = found[1].clone();
    assert!(
        source.starts_with(&format!("6 | year: {hostile}")),
        "{source}"
    );
    let caret = source.lines().nth(1).unwrap_or_default();
    let at = caret.find('^').expect("a caret");
    assert_eq!(
        Some(at as u64 + 1 - "6 | ".len() as u64),
        col.as_u64(),
        "{source}"
    );
    // Content is text, never markup.
    assert_eq!(
        b.eval(
            "document.querySelector('#kheo-overlay img') === null && window.__pwned === undefined"
        ),
        json!(true)
    );
    // Readable on a phone: the overlay does not scroll sideways (the source line may).
    assert_eq!(
        b.eval("(() => { const o = document.getElementById('kheo-overlay'); return o.scrollWidth <= o.clientWidth + 1; })()"),
        json!(true),
        "the overlay is wider than a 360 px screen"
    );
}

#[test]
fn an_open_tab_follows_its_story_to_the_new_address_and_says_how_to_keep_the_old_one() {
    let Some(mut b) = cdp::launch() else { return };
    let s = unpinned_server(VI);
    open_listening(&mut b, &s, MODEL_URL);
    write_atomic(s.root(), MODEL, &unpinned(NEW_TITLE, "2024"));
    let arrived = format!(
        "location.pathname === {} && document.getElementById('kheo-moved') !== null",
        json!(NEW_URL)
    );
    if b.wait_until(&arrived, WAIT).is_none() {
        panic!(
            "the tab did not follow the story (at {:?})\n{}",
            b.eval("location.pathname"),
            s.log()
        );
    }
    assert_eq!(
        b.eval("document.querySelector('h1').textContent"),
        json!(NEW_TITLE)
    );
    let banner = b.eval("document.getElementById('kheo-moved').textContent");
    let banner = banner.as_str().unwrap_or_default();
    assert!(banner.contains(&format!("slug: {OLD_SLUG}")), "{banner}");
    assert!(banner.contains("Địa chỉ của bài đã đổi"), "{banner}");
}

#[test]
fn the_draft_banner_is_text_with_enough_contrast_in_light_and_dark() {
    let Some(mut b) = cdp::launch() else { return };
    let s = Server::start(fixture("drafts"));
    let axe =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    let axe = std::fs::read_to_string(&axe).ok();
    for scheme in ["light", "dark"] {
        b.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        for (path, sel) in [(DRAFT_URL, ".draft-banner"), ("/", ".draft-mark")] {
            b.navigate(&s.url(path));
            let text = b.eval(&format!("document.querySelector('{sel}')?.textContent"));
            assert!(
                text.as_str().is_some_and(|t| t.contains("Bản nháp")),
                "{scheme} {path}: {text}"
            );
            let Some(axe) = &axe else { continue };
            b.eval(&format!("{axe};true"));
            let bad = b.eval(&format!(
                "axe.run(document.querySelector('{sel}'), {{ runOnly: ['color-contrast'] }}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.failureSummary).join(' | ')))"
            ));
            assert_eq!(bad, json!([]), "{scheme} {path}");
        }
    }
}

#[test]
fn every_warning_stays_one_click_away_in_the_browser() {
    let Some(mut b) = cdp::launch() else { return };
    let site = fixture("minimal");
    let text = article(OLD_TITLE, "2024").replace(
        "summary: Hội Nông dân xã vận động bà con góp đất trồng lúa sạch.\n",
        "",
    );
    std::fs::write(site.path().join(MODEL), text).expect("write");
    let s = Server::start_with(site, VI);
    b.navigate(&s.url("/"));
    let label = b
        .wait_until(
            "document.getElementById('kheo-warnings')?.textContent",
            WAIT,
        )
        .unwrap_or_else(|| panic!("no warnings button\n{}", s.log()));
    assert!(
        label.as_str().is_some_and(|l| l.contains("1 cảnh báo")),
        "{label}"
    );
    b.eval("document.getElementById('kheo-warnings').click()");
    let list = b.eval("document.getElementById('kheo-overlay').textContent");
    let list = list.as_str().unwrap_or_default();
    assert!(list.contains("Cảnh báo [W001]"), "{list}");
    assert!(list.contains(&format!("Tệp: {MODEL}:1:1")), "{list}");
}
