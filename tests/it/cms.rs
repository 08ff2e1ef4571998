//! The editing form without a browser: `cms:` in `site.yaml` publishes `/admin/` with a
//! `config.yml` generated from the key table (parsed here: every key has a widget and
//! every widget a key, every province is an option), and `kheo serve` answers the CMS's
//! local-backend API (`POST /api/v1`) over a plain `TcpStream`: it lists and saves
//! stories, refuses one kheo would reject (in Vietnamese, nothing written), refuses
//! paths out of `content/` and requests from other origins or hosts (before reading
//! their body), moves of anything but a story, uploads that are not inert media, and
//! uploads or deletes that would break a story.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::time::Duration;

use serde_json::{Value, json};

use super::serve::Server;
use super::support::{fixture, kheo, read, stderr};

const CMS: &str = "cms:\n  repo: tinh-an-giang/dan-van-kheo\n  branch: main\n";

/// The `minimal` fixture with `cms:` added to its `site.yaml`.
fn cms_site() -> tempfile::TempDir {
    let site = fixture("minimal");
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    std::fs::write(&yaml, format!("{text}{CMS}")).expect("write site.yaml");
    site
}

#[test]
fn the_generated_form_has_a_widget_for_every_key_and_every_province() {
    let site = cms_site();
    let out = kheo(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = read(site.path(), "public/admin/index.html");
    assert!(html.contains(kheo::cms::DEFAULT_SCRIPT), "{html}");
    assert!(html.contains("integrity=\"sha384-"), "{html}");
    let yml = read(site.path(), "public/admin/config.yml");
    let config: Value = yaml_serde::from_str(&yml).expect("config.yml is YAML");
    assert_eq!(config["locale"], "vi");
    assert_eq!(config["backend"]["repo"], "tinh-an-giang/dan-van-kheo");
    assert_eq!(
        config["local_backend"]["url"],
        "http://127.0.0.1:1111/api/v1"
    );
    let c = &config["collections"][0];
    assert_eq!(c["folder"], "content");
    assert_eq!(c["path"], "{{province}}/{{year}}/{{slug}}/index");
    assert_eq!(
        (c["media_folder"].as_str(), c["public_folder"].as_str()),
        (Some(""), Some(""))
    );
    let fields = c["fields"].as_array().expect("fields");
    let widgets: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
    for key in kheo::keys::KEYS {
        assert!(widgets.contains(&key.name), "no widget for {}", key.name);
    }
    for w in &widgets {
        assert!(
            *w == "body" || kheo::keys::get(w).is_some(),
            "widget {w} has no key"
        );
    }
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).expect(name);
    for f in fields {
        assert!(!f["label"].as_str().unwrap_or("").is_empty(), "{f}");
        assert!(!f["hint"].as_str().unwrap_or("").is_empty(), "{f}");
    }
    assert_eq!(field("year")["value_type"], "int");
    assert_eq!(field("date")["format"], "YYYY-MM-DD");
    assert_eq!(field("draft")["default"], true);
    assert_eq!(field("tags")["widget"], "list");
    assert_eq!(field("level")["widget"], "select");
    let values: Vec<&str> = field("province")["options"]
        .as_array()
        .expect("province options")
        .iter()
        .filter_map(|o| o["value"].as_str())
        .collect();
    let labels = field("province")["options"].to_string();
    assert!(labels.contains("Bạc Liêu (nay thuộc Cà Mau)"), "{labels}");
    let (units, former) = registry_names();
    assert_eq!((units.len(), former.len()), (34, 63));
    for name in units.iter().chain(&former) {
        assert!(values.contains(&name.as_str()), "{name} is not an option");
    }
}

/// The 34 unit names and the 63 former province names from the data file.
fn registry_names() -> (Vec<String>, Vec<String>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/provinces.yaml");
    let data: Value = yaml_serde::from_str(&std::fs::read_to_string(path).expect("data"))
        .expect("provinces.yaml");
    let units = data["units"].as_array().expect("units");
    let names = |v: &Value| v["name"].as_str().unwrap_or("").to_owned();
    let former = units
        .iter()
        .flat_map(|u| u["merged_from"].as_array().cloned().unwrap_or_default())
        .map(|f| names(&f))
        .collect();
    (units.iter().map(names).collect(), former)
}

#[test]
fn without_cms_nothing_is_written_under_admin() {
    let site = fixture("minimal");
    let out = kheo(site.path(), &["build"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.path().join("public/admin").exists());
}

/// `POST /api/v1` with `body`, from `origin` (none: no header) to `host`.
fn post(port: u16, body: &str, origin: Option<&str>, host: &str) -> (u16, Value) {
    let origin = origin.map_or(String::new(), |o| format!("Origin: {o}\r\n"));
    let req = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {host}\r\n{origin}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    s.write_all(req.as_bytes()).expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

/// A request from the form opened on the server itself.
fn api(s: &Server, action: &str, params: Value) -> (u16, Value) {
    let own = format!("127.0.0.1:{}", s.port);
    let body = json!({ "action": action, "params": params }).to_string();
    post(s.port, &body, Some(&format!("http://{own}")), &own)
}

/// A 1×1 PNG, base64 as the CMS sends it.
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

const NEW: &str = "content/an-giang/2025/to-tu-quan-duong-lang/index.md";

fn story(province: &str, year: u32) -> String {
    format!(
        "---\ntitle: Tổ tự quản đường làng\nprovince: {province}\nfield: Kinh tế\nyear: {year}\ndate: 2025-03-01\nsummary: Bà con cùng giữ đường làng sạch.\ndraft: false\n---\n\nMỗi tuần một buổi.\n"
    )
}

fn persist(path: &str, raw: &str) -> Value {
    json!({
        "branch": "main",
        "dataFiles": [{ "path": path, "raw": raw, "slug": "x" }],
        "assets": [],
        "options": { "commitMessage": "Tạo bài" }
    })
}

#[test]
fn serve_lists_and_saves_stories_for_the_form() {
    let s = Server::start(cms_site());
    let (status, info) = api(&s, "info", json!({}));
    assert_eq!(status, 200, "{info}");
    assert_eq!(info["type"], "local_fs");
    let (status, list) = api(
        &s,
        "entriesByFolder",
        json!({ "folder": "content", "extension": "md", "depth": 4 }),
    );
    assert_eq!(status, 200, "{list}");
    let paths: Vec<&str> = list
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|e| e["file"]["path"].as_str())
        .collect();
    assert!(
        paths.contains(&"content/da-nang/2021/to-dan-pho-xanh-sach-dep/index.md"),
        "{paths:?}"
    );
    assert!(paths.contains(&super::serve::MODEL), "{paths:?}");
    let (status, e) = api(&s, "getEntry", json!({ "path": super::serve::MODEL }));
    assert_eq!(status, 200);
    assert!(e["data"].as_str().unwrap_or("").contains("title:"), "{e}");

    let (status, r) = api(&s, "persistEntry", persist(NEW, &story("An Giang", 2025)));
    assert_eq!(status, 200, "{r}\n{}", s.log());
    assert_eq!(read(s.root(), NEW), story("An Giang", 2025));
    let check = kheo(s.root(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    s.wait_for_text("/mo-hinh/to-tu-quan-duong-lang/", "Tổ tự quản đường làng");

    // An image uploaded with a story lands beside it.
    let mut with_image = persist(
        NEW,
        &story("An Giang", 2024).replace("draft: false", "image: anh.png"),
    );
    with_image["assets"] = json!([{ "path": NEW.replace("index.md", "anh.png"), "content": PNG, "encoding": "base64" }]);
    let (status, r) = api(&s, "persistEntry", with_image);
    assert_eq!(status, 200, "{r}");
    let image = std::fs::read(s.root().join(NEW.replace("index.md", "anh.png"))).expect("image");
    assert!(image.starts_with(b"\x89PNG\r\n\x1a\n"));
    let check = kheo(s.root(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));

    // The year changed in the form: the story moves, its image follows, nothing is left.
    let moved = "content/an-giang/2024/to-tu-quan-duong-lang/index.md";
    let raw = story("An Giang", 2024).replace("draft: false", "image: anh.png");
    let mut change = persist(NEW, &raw);
    change["dataFiles"][0]["newPath"] = json!(moved);
    let (status, r) = api(&s, "persistEntry", change);
    assert_eq!(status, 200, "{r}");
    assert_eq!(read(s.root(), moved), raw);
    assert!(
        s.root()
            .join(moved.replace("index.md", "anh.png"))
            .is_file()
    );
    assert!(
        !s.root()
            .join("content/an-giang/2025/to-tu-quan-duong-lang")
            .exists()
    );
    let check = kheo(s.root(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_story_kheo_would_reject_is_refused_in_vietnamese_and_not_written() {
    let s = Server::start_with(cms_site(), &[("KHEO_LANG", "vi")]);
    // The clash of addresses is reported on the story that had the address first.
    let clash =
        story("An Giang", 2025).replace("draft: false", "slug: nong-dan-lien-ket-trong-lua-sach");
    for raw in [story("Atlantis", 2025), story("An Giang", 1800), clash] {
        let (status, r) = api(&s, "persistEntry", persist(NEW, &raw));
        assert_eq!(status, 422, "{r}");
        let error = r["error"].as_str().unwrap_or("");
        assert!(error.starts_with("Chưa lưu bài"), "{error}");
        assert!(!s.root().join(NEW).exists(), "{raw}");
        assert!(!s.root().join("content/an-giang/2025").exists());
    }
    // Editing an existing story into something kheo rejects keeps the old file.
    let model = read(s.root(), super::serve::MODEL);
    let (status, _) = api(
        &s,
        "persistEntry",
        persist(super::serve::MODEL, "---\ntitle: x\n---\n"),
    );
    assert_eq!(status, 422);
    assert_eq!(read(s.root(), super::serve::MODEL), model);
}

#[test]
fn the_api_refuses_paths_out_of_content_and_other_origins() {
    let s = Server::start(cms_site());
    let site_yaml = read(s.root(), "site.yaml");
    for path in [
        "content/../site.yaml",
        "../outside.md",
        "templates/article.html",
        "/tmp/x.md",
        "content/./x.md",
        "content/.hidden.md",
    ] {
        let (status, r) = api(&s, "persistEntry", persist(path, &story("An Giang", 2025)));
        assert_eq!(status, 403, "{path}: {r}");
        let (status, _) = api(&s, "getEntry", json!({ "path": path }));
        assert_eq!(status, 403, "{path}");
        let (status, _) = api(&s, "deleteFile", json!({ "path": path }));
        assert_eq!(status, 403, "{path}");
    }
    // A story never comes in as an "image", past validation.
    let asset = json!({ "path": NEW, "content": "LS0tCi0tLQo=", "encoding": "base64" });
    let (status, _) = api(&s, "persistMedia", json!({ "asset": asset }));
    assert_eq!(status, 403);
    let mut sneaky = persist(&NEW.replace("index.md", "a.md"), &story("An Giang", 2025));
    sneaky["assets"] = json!([asset]);
    let (status, _) = api(&s, "persistEntry", sneaky);
    assert_eq!(status, 403);
    assert!(!s.root().join(NEW).exists());
    assert_eq!(read(s.root(), "site.yaml"), site_yaml);
    assert!(
        !s.root()
            .parent()
            .expect("parent")
            .join("outside.md")
            .exists()
    );

    let own = format!("127.0.0.1:{}", s.port);
    let body =
        json!({ "action": "persistEntry", "params": persist(NEW, &story("An Giang", 2025)) })
            .to_string();
    for (origin, host) in [
        (Some("http://evil.example".to_owned()), own.clone()),
        (None, own.clone()),
        (Some(format!("https://{own}")), own.clone()),
        (
            Some("http://evil.example".to_owned()),
            "evil.example".to_owned(),
        ),
        (
            Some(format!("http://evil.example:{}", s.port)),
            format!("evil.example:{}", s.port),
        ),
    ] {
        let (status, _) = post(s.port, &body, origin.as_deref(), &host);
        // A name the server does not answer to is misdirected, like a page request.
        let want = if host == own { 403 } else { 421 };
        assert_eq!(status, want, "{origin:?} {host}");
    }
    assert!(!s.root().join(NEW).exists());
    // Too large: refused before it is read.
    let req = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {own}\r\nOrigin: http://{own}\r\nContent-Length: 999999999\r\nConnection: close\r\n\r\n{{}}"
    );
    let r = s.raw(&req);
    assert_eq!(r.status, 413);
}

#[test]
fn the_api_is_off_without_cms() {
    let s = Server::minimal();
    let (status, r) = api(&s, "info", json!({}));
    assert_eq!(status, 404, "{r}");
}

#[test]
fn the_default_script_is_the_pinned_package_with_its_integrity() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let package = read(root, "package.json");
    let pinned = format!("\"decap-cms\": \"{}\"", kheo::cms::DECAP_VERSION);
    assert!(
        package.contains(&pinned),
        "package.json does not pin {pinned}"
    );
    let bundle = root.join("node_modules/decap-cms/dist/decap-cms.js");
    let hash = std::process::Command::new("node")
        .args([
            "-e",
            "const c = require('crypto'), f = require('fs'); \
             process.stdout.write('sha384-' + c.createHash('sha384').update(f.readFileSync(process.argv[1])).digest('base64'))",
        ])
        .arg(&bundle)
        .output();
    match hash {
        Ok(out) if bundle.is_file() && out.status.success() => {
            let hash = String::from_utf8_lossy(&out.stdout);
            assert_eq!(
                hash,
                kheo::cms::DEFAULT_INTEGRITY,
                "the pinned bundle changed"
            );
        }
        _ => {
            assert!(
                std::env::var_os("CI").is_none(),
                "node or node_modules/decap-cms missing, and CI is set"
            );
            eprintln!("node or node_modules/decap-cms not found: integrity check skipped");
        }
    }
}

#[test]
fn a_bad_cms_setting_is_explained_in_vietnamese_and_the_advice_works() {
    let site = fixture("minimal");
    let yaml = site.path().join("site.yaml");
    let text = std::fs::read_to_string(&yaml).expect("site.yaml");
    std::fs::write(&yaml, format!("{text}cms:\n  repo: tinh an giang\n")).expect("write");
    let out = super::support::kheo_vi(site.path(), &["check"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("E095"), "{err}");
    assert!(err.contains("Trong phần `cms:` của site.yaml"), "{err}");
    assert!(err.contains("`repo: tinh-can-tho/dan-van-kheo`"), "{err}");
    // The advice, typed as written.
    std::fs::write(
        &yaml,
        format!("{text}cms:\n  repo: tinh-can-tho/dan-van-kheo\n"),
    )
    .expect("write");
    let out = super::support::kheo_vi(site.path(), &["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Base64 as the CMS sends file contents.
fn b64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = c
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            let ch = if i <= c.len() {
                A[(n >> (18 - 6 * i)) as usize & 63]
            } else {
                b'='
            };
            out.push(char::from(ch));
        }
    }
    out
}

#[test]
fn parallel_uploads_each_end_with_their_own_bytes() {
    let s = Server::start(cms_site());
    let port = s.port;
    let own = format!("127.0.0.1:{port}");
    let threads: Vec<_> = (0..16)
        .map(|i| {
            let own = own.clone();
            std::thread::spawn(move || {
                let bytes = format!("upload number {i};").repeat(4000 + i * 100);
                let asset = json!({ "path": format!("static/anh/song-song-{i}.png"), "content": b64(bytes.as_bytes()), "encoding": "base64" });
                let body = json!({ "action": "persistMedia", "params": { "asset": asset } })
                    .to_string();
                // Only a few bodies are taken at once: a busy server is asked again.
                let origin = format!("http://{own}");
                let mut answer = post(port, &body, Some(&origin), &own);
                for _ in 0..200 {
                    if answer.0 != 503 {
                        break;
                    }
                    std::thread::sleep(Duration::from_millis(20));
                    answer = post(port, &body, Some(&origin), &own);
                }
                (i, answer.0, answer.1, bytes)
            })
        })
        .collect();
    for t in threads {
        let (i, status, r, bytes) = t.join().expect("thread");
        assert_eq!(status, 200, "{i}: {r}");
        let got =
            std::fs::read(s.root().join(format!("static/anh/song-song-{i}.png"))).expect("written");
        assert!(got == bytes.as_bytes(), "upload {i} holds other bytes");
    }
    let left: Vec<_> = std::fs::read_dir(s.root().join("static/anh"))
        .expect("static/anh")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// Sends `head` (request line and headers, no body) and returns the status of the
/// answer, which must come within a few seconds although the body never does.
fn status_without_body(port: u16, head: &str) -> u16 {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    s.write_all(head.as_bytes()).expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out);
    text.split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn api_requests_from_other_hosts_or_origins_are_refused_before_their_body_is_read() {
    let s = Server::start(cms_site());
    let own = format!("127.0.0.1:{}", s.port);
    let big = 30 * 1024 * 1024;
    let started = std::time::Instant::now();
    let foreign_host = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nContent-Length: {big}\r\n\r\n"
    );
    assert_eq!(status_without_body(s.port, &foreign_host), 421);
    let foreign_origin = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {own}\r\nOrigin: http://evil.example\r\nContent-Length: {big}\r\n\r\n"
    );
    assert_eq!(status_without_body(s.port, &foreign_origin), 403);
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "the server waited for the body"
    );
}

#[test]
fn the_api_is_off_without_cms_before_the_body_is_read() {
    let s = Server::minimal();
    let own = format!("127.0.0.1:{}", s.port);
    let head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {own}\r\nOrigin: http://{own}\r\nContent-Length: 1000000\r\n\r\n"
    );
    assert_eq!(status_without_body(s.port, &head), 404);
}

#[test]
fn at_most_two_api_bodies_are_taken_at_once() {
    let s = Server::start(cms_site());
    let own = format!("127.0.0.1:{}", s.port);
    let head = format!(
        "POST /api/v1 HTTP/1.1\r\nHost: {own}\r\nOrigin: http://{own}\r\nContent-Length: 100\r\n\r\n"
    );
    // Two requests whose bodies never come hold both places.
    let held: Vec<TcpStream> = (0..2)
        .map(|_| {
            let mut c = TcpStream::connect(("127.0.0.1", s.port)).expect("connect");
            c.write_all(head.as_bytes()).expect("send");
            c
        })
        .collect();
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(status_without_body(s.port, &head), 503);
    drop(held);
    let answer = super::serve::poll(Duration::from_secs(15), || {
        let (status, _) = api(&s, "info", json!({}));
        (status == 200).then_some(status)
    });
    assert_eq!(answer, Some(200), "the places were not given back");
}

/// Writes `bytes` at `rel` in the site, with its folders.
fn put(root: &Path, rel: &str, bytes: &[u8]) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("folders");
    std::fs::write(path, bytes).expect("write");
}

/// A move of a story from `from` to `to`.
fn moving(from: &str, to: &str) -> Value {
    let mut change = persist(from, &story("An Giang", 2025));
    change["dataFiles"][0]["newPath"] = json!(to);
    change
}

#[test]
fn a_move_from_a_path_that_is_not_a_story_moves_nothing() {
    let s = Server::start(cms_site());
    let png = b"\x89PNG\r\n\x1a\nnot really";
    put(s.root(), "static/anh/giu-nguyen.png", png);
    let (status, r) = api(&s, "persistEntry", moving("static/anh/index.md", NEW));
    assert!((400..500).contains(&status), "{status} {r}");
    assert!(r["error"].as_str().is_some_and(|e| !e.is_empty()), "{r}");
    assert_eq!(
        std::fs::read(s.root().join("static/anh/giu-nguyen.png")).expect("kept"),
        png
    );
    assert!(!s.root().join(NEW).exists());
    assert!(
        !s.root()
            .join(NEW.replace("index.md", "giu-nguyen.png"))
            .exists()
    );
}

#[test]
fn a_move_from_a_story_that_does_not_exist_leaves_its_neighbours_alone() {
    let s = Server::start(cms_site());
    let model = read(s.root(), super::serve::MODEL);
    let (status, r) = api(
        &s,
        "persistEntry",
        moving("content/an-giang/2024/index.md", NEW),
    );
    assert!((400..500).contains(&status), "{status} {r}");
    assert_eq!(read(s.root(), super::serve::MODEL), model);
    assert!(!s.root().join(NEW).exists());
    let beside = NEW.replace("index.md", "nong-dan-lien-ket-trong-lua-sach.md");
    assert!(!s.root().join(beside).exists());
}

#[test]
fn a_folder_story_holding_another_story_is_not_moved() {
    let s = Server::start(cms_site());
    let old = "content/an-giang/2025/chung-thu-muc/index.md";
    put(s.root(), old, story("An Giang", 2025).as_bytes());
    let other = "content/an-giang/2025/chung-thu-muc/bai-khac.md";
    let other_text = story("An Giang", 2025).replace("Tổ tự quản", "Bài khác");
    put(s.root(), other, other_text.as_bytes());
    let (status, r) = api(&s, "persistEntry", moving(old, NEW));
    assert_eq!(status, 422, "{r}");
    assert_eq!(read(s.root(), other), other_text);
    assert!(s.root().join(old).is_file());
    assert!(!s.root().join(NEW).exists());
}

/// The site with a story that shows `anh.png` beside it, saved through the form.
fn story_with_image(s: &Server) -> String {
    let mut with_image = persist(
        NEW,
        &story("An Giang", 2024).replace("draft: false", "image: anh.png"),
    );
    let image = NEW.replace("index.md", "anh.png");
    with_image["assets"] = json!([{ "path": image, "content": PNG, "encoding": "base64" }]);
    let (status, r) = api(s, "persistEntry", with_image);
    assert_eq!(status, 200, "{r}");
    image
}

#[test]
fn an_image_a_story_uses_is_neither_broken_nor_deleted() {
    let s = Server::start_with(cms_site(), &[("KHEO_LANG", "vi")]);
    let image = story_with_image(&s);
    let before = std::fs::read(s.root().join(&image)).expect("image");
    let garbage = json!({ "path": image, "content": "bm90IGFuIGltYWdl", "encoding": "base64" });
    let (status, r) = api(&s, "persistMedia", json!({ "asset": garbage }));
    assert_eq!(status, 422, "{r}");
    let error = r["error"].as_str().unwrap_or("");
    assert!(error.starts_with("Chưa lưu bài"), "{error}");
    assert_eq!(std::fs::read(s.root().join(&image)).expect("kept"), before);
    let (status, r) = api(&s, "deleteFile", json!({ "path": image }));
    assert_eq!(status, 422, "{r}");
    let (status, r) = api(&s, "deleteFiles", json!({ "paths": [image] }));
    assert_eq!(status, 422, "{r}");
    assert!(s.root().join(&image).is_file());
    let check = kheo(s.root(), &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    // A good image in its place, and a file no story uses, are fine.
    let good = json!({ "path": image, "content": PNG, "encoding": "base64" });
    let (status, r) = api(&s, "persistMedia", json!({ "asset": good }));
    assert_eq!(status, 200, "{r}");
    put(s.root(), "static/anh/thua.png", &before);
    let (status, r) = api(&s, "deleteFile", json!({ "path": "static/anh/thua.png" }));
    assert_eq!(status, 200, "{r}");
    assert!(!s.root().join("static/anh/thua.png").exists());
}

#[test]
fn only_inert_media_and_documents_can_be_uploaded() {
    let s = Server::start(cms_site());
    let upload = |path: &str, bytes: &[u8]| {
        let asset = json!({ "path": path, "content": b64(bytes), "encoding": "base64" });
        api(&s, "persistMedia", json!({ "asset": asset }))
    };
    for (path, bytes) in [
        ("static/anh/evil.html", &b"<script>alert(1)</script>"[..]),
        ("static/anh/evil.js", b"alert(1)"),
        ("static/anh/noname", b"x"),
        (
            "static/anh/evil.svg",
            br#"<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>"#,
        ),
        (
            "static/anh/evil2.svg",
            br#"<svg><script>alert(1)</script></svg>"#,
        ),
    ] {
        let (status, r) = upload(path, bytes);
        assert_eq!(status, 422, "{path}: {r}");
        assert!(!s.root().join(path).exists(), "{path} was written");
    }
    let plain = br#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>"#;
    let (status, r) = upload("static/anh/ve.svg", plain);
    assert_eq!(status, 200, "{r}");
    let (status, r) = upload("static/anh/tai-lieu.pdf", b"%PDF-1.4\n");
    assert_eq!(status, 200, "{r}");
}
