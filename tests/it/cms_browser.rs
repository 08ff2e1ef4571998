//! The editing form in real headless Chromium: a site with `cms:` served by `kheo serve`,
//! Decap CMS from the pinned npm package (`node_modules/decap-cms`, copied into the test
//! site's `static/admin/` at test time, never committed), `/admin/` opened, a story
//! created through the form (a province typed without diacritics into the searchable
//! select, a date, an image), saved; the file appears with front matter `kheo check`
//! accepts and its page is served; it is edited; a value kheo rejects is refused.
//! Screenshots of the form go to `target/screenshots/cms-*.png` (and to
//! `docs/screenshots/` for the README with `KHEO_UPDATE_SCREENSHOTS=1`).
//! Skipped with a notice without Chromium or `node_modules/decap-cms`; fails when `CI`
//! is set.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};

use super::cdp::{self, Browser};
use super::serve::Server;
use super::support::{fixture, kheo, stderr};

const WAIT: Duration = Duration::from_secs(30);

/// The installed Decap CMS bundle's folder, or `None` (with a notice; a panic in CI).
fn decap_dist() -> Option<PathBuf> {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/decap-cms/dist");
    if dist.join("decap-cms.js").is_file() {
        return Some(dist);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "node_modules/decap-cms missing (run npm ci), and CI is set"
    );
    eprintln!("node_modules/decap-cms not found (npm ci): CMS browser test skipped");
    None
}

/// The `minimal` fixture with `cms:` loading the CMS from the site itself, and the
/// bundle with its lazily loaded chunks copied into `static/admin/`.
fn site(dist: &Path) -> tempfile::TempDir {
    let site = fixture("minimal");
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    let cms = "cms:\n  repo: tinh-an-giang/dan-van-kheo\n  script_url: /admin/decap-cms.js\n";
    std::fs::write(&yaml, format!("{text}{cms}")).expect("write site.yaml");
    let admin = site.path().join("static/admin");
    std::fs::create_dir_all(&admin).expect("mkdir static/admin");
    for e in std::fs::read_dir(dist).expect("dist").flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.ends_with("decap-cms.js") || name.ends_with(".wasm") {
            std::fs::copy(e.path(), admin.join(&name)).expect("copy the bundle");
        }
    }
    site
}

/// Cargo's target folder.
fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .to_path_buf()
}

#[track_caller]
fn wait(b: &mut Browser, s: &Server, js: &str, what: &str) -> Value {
    b.wait_until(js, WAIT).unwrap_or_else(|| {
        let text = b
            .try_eval("document.body && document.body.innerText.slice(0, 3000)")
            .unwrap_or_default();
        panic!(
            "{what}: never true: {js}\n--- page\n{text}\n--- browser\n{}\n--- server\n{}",
            b.log(),
            s.log()
        )
    })
}

/// Records console messages, so a failure can show what the CMS said.
const RECORD_CONSOLE: &str = "window.__logs = []; for (const k of ['log', 'warn', 'error']) { const f = console[k]; console[k] = function () { window.__logs.push(k + ': ' + [...arguments].map(String).join(' ').slice(0, 400)); f.apply(console, arguments); }; } const ff = window.fetch; window.fetch = function (u, o) { const p = ff.apply(this, arguments); p.then(r => window.__logs.push('fetch ' + String(u).slice(0, 100) + ' ' + (o && o.body ? String(o.body).length : 0) + ' => ' + r.status), e => window.__logs.push('fetch ' + String(u).slice(0, 100) + ' ' + (o && o.body ? String(o.body).slice(0, 300) : '') + ' ERR ' + e)); return p; };";

/// Clicks the first element matching `selector` whose text contains `text`.
#[track_caller]
fn click(b: &mut Browser, s: &Server, selector: &str, text: &str) {
    let find = format!(
        "[...document.querySelectorAll({})].find(e => e.textContent.includes({}) && e.offsetParent !== null)",
        json!(selector),
        json!(text)
    );
    wait(
        b,
        s,
        &format!("!!({find})"),
        &format!("{selector} {text:?}"),
    );
    b.eval(&format!("({find}).click()"));
}

/// Focuses `selector` and types `text` as a keyboard would.
#[track_caller]
fn type_into(b: &mut Browser, s: &Server, selector: &str, text: &str) {
    wait(
        b,
        s,
        &format!("!!document.querySelector({})", json!(selector)),
        selector,
    );
    b.eval(&format!(
        "document.querySelector({}).focus()",
        json!(selector)
    ));
    b.call("Input.insertText", json!({ "text": text }))
        .unwrap_or_else(|e| panic!("{e}"));
}

fn key(b: &mut Browser, name: &str, code: u32) {
    for kind in ["keyDown", "keyUp"] {
        b.call(
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": name, "code": name, "windowsVirtualKeyCode": code }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Sets an input the way React sees a user's change (for the native date picker).
fn set_value(b: &mut Browser, selector: &str, value: &str) {
    b.eval(&format!(
        "(() => {{ const el = document.querySelector({}); \
         Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(el, {}); \
         el.dispatchEvent(new Event('input', {{ bubbles: true }})); \
         el.dispatchEvent(new Event('change', {{ bubbles: true }})); }})()",
        json!(selector),
        json!(value)
    ));
}

/// Types `typed` into a searchable select and picks the option showing `shown`.
#[track_caller]
fn pick(b: &mut Browser, s: &Server, input: &str, typed: &str, shown: &str) {
    type_into(b, s, input, typed);
    let option = format!(
        "[...document.querySelectorAll('[id*=\"-option-\"]')].some(o => o.textContent === {})",
        json!(shown)
    );
    wait(
        b,
        s,
        &option,
        &format!("option {shown:?} after typing {typed:?}"),
    );
    if input.contains("province") {
        screenshot(b, "tinh");
    }
    key(b, "Enter", 13);
}

/// Saves a PNG of the page to `target/screenshots/cms-<name>.png` (and, with
/// `KHEO_UPDATE_SCREENSHOTS` set, to `docs/screenshots/` for the README).
fn screenshot(b: &mut Browser, name: &str) {
    b.eval("window.scrollTo(0, 0); document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })");
    std::thread::sleep(Duration::from_millis(300));
    let height = 1400;
    let shot = b
        .call(
            "Page.captureScreenshot",
            json!({ "format": "png", "captureBeyondViewport": true,
                    "clip": { "x": 0, "y": 0, "width": 1280, "height": height, "scale": 1 } }),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let png = crate::support::base64(shot["data"].as_str().unwrap_or(""));
    assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
    let mut dirs = vec![target_dir().join("screenshots")];
    // The README's copies are refreshed on request only (each run shows another port).
    if std::env::var_os("KHEO_UPDATE_SCREENSHOTS").is_some() {
        dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots"));
    }
    for dir in dirs {
        std::fs::create_dir_all(&dir).expect("mkdir screenshots");
        std::fs::write(dir.join(format!("cms-{name}.png")), &png).expect("write screenshot");
    }
}

/// The stories under `content/` whose text contains `needle`.
fn stories_with(root: &Path, needle: &str) -> Vec<PathBuf> {
    walkdir(&root.join("content"))
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| std::fs::read_to_string(p).is_ok_and(|t| t.contains(needle)))
        .collect()
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walkdir(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

/// Opens `/admin/`, signs in to the local backend, and waits for the list of stories.
fn open_cms(b: &mut Browser, s: &Server) {
    b.add_init_script(RECORD_CONSOLE);
    b.call(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 1280, "height": 1400, "deviceScaleFactor": 1, "mobile": false }),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    b.call("Page.navigate", json!({ "url": s.url("/admin/") }))
        .unwrap_or_else(|e| panic!("{e}"));
    click(b, s, "button", "Đăng nhập");
    wait(
        b,
        s,
        "document.body.innerText.includes('Nông dân liên kết trồng lúa sạch')",
        "the list of stories",
    );
}

/// A 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\rIDATx\xdacd`\xf8_\x0f\0\x02\x87\x01\x80\xebG\xba\x92\0\0\0\0IEND\xaeB`\x82";
const IMAGE: &str = "anh-duong-lang.png";

/// Picks the lead image: the media library's upload button, a file from disk, "choose".
/// The returned folder holds the file: the browser reads it again when saving.
fn upload_image(b: &mut Browser, s: &Server) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join(IMAGE);
    std::fs::write(&file, PNG).expect("write the image");
    click(b, s, "button", "Chọn một hình");
    wait(
        b,
        s,
        "!!document.querySelector('input[type=file]')",
        "the upload button",
    );
    let doc = b.call("DOM.getDocument", json!({})).expect("document");
    let input = b
        .call(
            "DOM.querySelector",
            json!({ "nodeId": doc["root"]["nodeId"], "selector": "input[type=file]" }),
        )
        .expect("file input");
    b.call(
        "DOM.setFileInputFiles",
        json!({ "nodeId": input["nodeId"], "files": [file.to_string_lossy()] }),
    )
    .expect("set the file");
    let shown = format!("document.body.innerText.includes({})", json!(IMAGE));
    wait(b, s, &shown, "the uploaded image in the library");
    std::thread::sleep(Duration::from_millis(500));
    click(b, s, "button", "Lấy những cái đã chọn");
    let chosen = "!document.body.innerText.includes('Tải lên') && document.body.innerText.includes('Gỡ bỏ hình')";
    wait(b, s, chosen, "the image chosen");
    dir
}

const TITLE: &str = "Tổ tự quản đường làng sạch";

#[test]
fn an_editor_creates_and_edits_a_story_in_the_form() {
    let (Some(dist), Some(mut b)) = (decap_dist(), cdp::launch()) else {
        return;
    };
    let s = Server::start_with(site(&dist), &[("KHEO_LANG", "vi")]);
    open_cms(&mut b, &s);
    screenshot(&mut b, "danh-sach");
    b.eval("location.hash = '#/collections/mo-hinh/new'");
    type_into(&mut b, &s, "[id^=title-field-]", TITLE);
    pick(
        &mut b,
        &s,
        "[id^=province-field-]",
        "bac lieu",
        "Bạc Liêu (nay thuộc Cà Mau)",
    );
    pick(&mut b, &s, "[id^=field-field-]", "kinh te", "Kinh tế");
    set_value(&mut b, "[id^=year-field-]", "2024");
    set_value(&mut b, "[id^=date-field-]", "2024-08-10");
    type_into(
        &mut b,
        &s,
        "[id^=summary-field-]",
        "Bà con cùng giữ đường làng sạch mỗi tuần.",
    );
    type_into(&mut b, &s, "[id^=tags-field-]", "nông thôn mới, môi trường");
    b.eval("document.querySelector('[id^=draft-field-]').click()");
    let _image = upload_image(&mut b, &s);
    type_into(
        &mut b,
        &s,
        "[id^=image_caption-field-]",
        "Đường làng sau buổi quét dọn",
    );
    type_into(
        &mut b,
        &s,
        "[contenteditable=true]",
        "Mỗi sáng chủ nhật, các hộ cùng quét dọn.",
    );
    std::thread::sleep(Duration::from_millis(500));
    screenshot(&mut b, "bai-moi");
    click(&mut b, &s, "button, [role=button]", "Công bố");
    std::thread::sleep(Duration::from_millis(500));
    click(&mut b, &s, "[role=menuitem]", "Công bố ngay");
    let saved =
        super::serve::poll(WAIT, || stories_with(s.root(), TITLE).pop()).unwrap_or_else(|| {
            panic!(
                "no story saved\n{}\n{}",
                b.eval("JSON.stringify(window.__logs)"),
                s.log()
            )
        });
    let text = std::fs::read_to_string(&saved).expect("saved story");
    let rel = saved.strip_prefix(s.root()).expect("inside the site");
    assert_eq!(
        rel,
        Path::new("content/bac-lieu/2024/to-tu-quan-duong-lang-sach/index.md")
    );
    for line in [
        "province: Bạc Liêu",
        "year: 2024",
        "date: 2024-08-10",
        "field: Kinh tế",
        "draft: false",
    ] {
        assert!(text.contains(line), "{line} missing from\n{text}");
    }
    let check = kheo(s.root(), &["check"]);
    assert!(check.status.success(), "{}\n{text}", stderr(&check));
    s.wait_for_text("/mo-hinh/to-tu-quan-duong-lang-sach/", TITLE);

    // Edit: a new summary, saved over the same file.
    wait(
        &mut b,
        &s,
        "location.hash.includes('/entries/')",
        "the saved story's page",
    );
    wait(
        &mut b,
        &s,
        "!document.body.innerText.includes('CHƯA ĐƯỢC LƯU') && !document.body.innerText.includes('chưa được lưu')",
        "saved",
    );
    b.eval("document.querySelector('[id^=summary-field-]').select()");
    b.call(
        "Input.insertText",
        json!({ "text": "Cả xóm cùng giữ đường làng sạch." }),
    )
    .expect("type");
    click(&mut b, &s, "button, [role=button]", "Công bố");
    click(&mut b, &s, "[role=menuitem]", "Công bố ngay");
    super::serve::poll(WAIT, || {
        std::fs::read_to_string(&saved)
            .ok()
            .filter(|t| t.contains("Cả xóm cùng giữ"))
            .map(|_| ())
    })
    .unwrap_or_else(|| panic!("the edit was not saved\n{}", s.log()));
    s.wait_for_text("/mo-hinh/to-tu-quan-duong-lang-sach/", "Cả xóm cùng giữ");

    // A value kheo rejects (the address of another story) is refused, nothing written.
    let before = std::fs::read_to_string(&saved).expect("story");
    wait(
        &mut b,
        &s,
        "!document.body.innerText.includes('CHƯA ĐƯỢC LƯU') && !document.body.innerText.includes('chưa được lưu')",
        "saved",
    );
    type_into(
        &mut b,
        &s,
        "[id^=slug-field-]",
        "nong-dan-lien-ket-trong-lua-sach",
    );
    click(&mut b, &s, "button, [role=button]", "Công bố");
    click(&mut b, &s, "[role=menuitem]", "Công bố ngay");
    let toast = wait(
        &mut b,
        &s,
        "[...document.querySelectorAll('.Toastify, [role=alert]')].map(e => e.innerText).join(' ').match(/Chưa lưu bài.*/)?.[0]",
        "the refusal",
    );
    eprintln!("refused: {toast}");
    screenshot(&mut b, "bi-tu-choi");
    assert_eq!(std::fs::read_to_string(&saved).expect("story"), before);
    assert_eq!(stories_with(s.root(), TITLE).len(), 1);
}
