//! The default theme against issue 7, on the repository's own example site (built with
//! `kheo build --root <repo>`, plus a copy with a small page size and a withdrawn story
//! for the page types the example lacks): axe-core in headless Chromium in light and
//! dark, keyboard use (skip link, focus ring) and page structure on every page type; the
//! Nu HTML Checker on every page; no render-blocking script; the gzipped weight of a
//! model page's CSS and JS; screenshots at 360 and 1280 px into `target/screenshots/`.
//! Tools come from npm (`npm ci`: axe-core, vnu-jar) and Java; a missing one skips its
//! test with a notice, or fails it when `CI` is set.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};

use crate::cdp::{self, Browser};
use crate::support::{assert_exit, copy_tree, files, kheo, read, write};

/// The repository root: the example site.
fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Cargo's target folder (for screenshots a reviewer can open).
pub(crate) fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("target/tmp has a parent")
        .to_path_buf()
}

/// The example site built into `<tmp>/public`, into `<tmp>/variant` a copy of it
/// with `page_size: 4` (so lists have a page 2) and one withdrawn story, and into
/// `<tmp>/lean` with `lean_output: true` (rows instead of cards, a one-line footer).
struct Built {
    dir: tempfile::TempDir,
}

/// The withdrawn story added to the variant.
const WITHDRAWN: &str = "---\ntitle: Mô hình đã gỡ để thử giao diện\nslug: mo-hinh-da-go\n\
province: Cà Mau\nfield: Kinh tế\nyear: 2020\nsummary: Bài thử.\n\
withdrawn: Thông tin chưa được kiểm chứng.\n---\nNội dung đã gỡ.\n";

impl Built {
    fn new() -> Built {
        let dir = tempfile::tempdir().expect("temp dir");
        let public = dir.path().join("public");
        let out = kheo(
            repo(),
            &["build", "--out", public.to_str().expect("utf-8 path")],
        );
        assert_exit(&out, 0);

        let site = dir.path().join("site");
        copy_tree(&repo().join("content"), &site.join("content"));
        let yaml = read(repo(), "site.yaml");
        let yaml: String = yaml
            .lines()
            .filter(|l| !l.starts_with("page_size:"))
            .map(|l| format!("{l}\n"))
            .collect();
        write(&site, "site.yaml", format!("{yaml}page_size: 4\n"));
        write(&site, "content/thu/mo-hinh-da-go.md", WITHDRAWN);
        let variant = dir.path().join("variant");
        let out = kheo(
            &site,
            &["build", "--out", variant.to_str().expect("utf-8 path")],
        );
        assert_exit(&out, 0);

        let lean_site = dir.path().join("lean-site");
        copy_tree(&repo().join("content"), &lean_site.join("content"));
        let yaml = read(repo(), "site.yaml");
        write(
            &lean_site,
            "site.yaml",
            format!("{yaml}\nlean_output: true\n"),
        );
        let lean = dir.path().join("lean");
        let out = kheo(
            &lean_site,
            &["build", "--out", lean.to_str().expect("utf-8 path")],
        );
        assert_exit(&out, 0);
        Built { dir }
    }

    fn public(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    fn variant(&self) -> PathBuf {
        self.dir.path().join("variant")
    }

    fn lean(&self) -> PathBuf {
        self.dir.path().join("lean")
    }

    /// The first sub-folder of `section` in the example's output (a term that exists).
    fn first(&self, section: &str) -> String {
        let mut names: Vec<String> = std::fs::read_dir(self.public().join(section))
            .unwrap_or_else(|e| panic!("{section}: {e}"))
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| !n.contains('.'))
            .collect();
        names.sort();
        names.into_iter().next().expect("a term")
    }

    /// One page of each type: (name, which output, site path).
    fn pages(&self) -> Vec<(String, &'static str, String)> {
        let mut v: Vec<(String, &'static str, String)> = [
            ("home", "/"),
            ("model", MODEL),
            ("model-image", MODEL_WITH_IMAGE),
            ("provinces", "/tinh/"),
            ("province", "/tinh/ca-mau/"),
            ("former-province", "/tinh/bac-lieu/"),
            ("province-field", "/tinh/an-giang/linh-vuc/kinh-te/"),
            ("province-year", "/tinh/an-giang/nam/2024/"),
            ("fields", "/linh-vuc/"),
            ("field", "/linh-vuc/kinh-te/"),
            ("years", "/nam/"),
            ("year", "/nam/2024/"),
            ("tags", "/the/"),
            ("search", "/tim-kiem/"),
            ("search-results", "/tim-kiem/?q=d%C3%A2n+v%E1%BA%ADn"),
            ("stats", "/thong-ke/"),
            ("data", "/du-lieu/"),
            ("404", "/404.html"),
        ]
        .into_iter()
        .map(|(n, p)| (n.to_owned(), "public", p.to_owned()))
        .collect();
        v.push((
            "tag".to_owned(),
            "public",
            format!("/the/{}/", self.first("the")),
        ));
        v.push((
            "list-page-2".to_owned(),
            "variant",
            "/linh-vuc/van-hoa-xa-hoi/trang/2/".to_owned(),
        ));
        v.push((
            "withdrawn".to_owned(),
            "variant",
            "/mo-hinh/mo-hinh-da-go/".to_owned(),
        ));
        let tag = format!("/the/{}/", self.first("the"));
        for (name, path) in [
            ("lean-model", MODEL),
            ("lean-province", "/tinh/an-giang/"),
            ("lean-province-field", "/tinh/an-giang/linh-vuc/kinh-te/"),
            ("lean-tag", tag.as_str()),
        ] {
            v.push((name.to_owned(), "lean", path.to_owned()));
        }
        v
    }
}

/// A model page of the example site naming a former province, with tags and related models.
const MODEL: &str = "/mo-hinh/hoi-phu-nu-thanh-pho-bac-lieu-ho-tro-von-cho-ho-ngheo-lam-an/";
/// A model page with a lead image and an image in its body.
const MODEL_WITH_IMAGE: &str =
    "/mo-hinh/nguoi-dan-ap-3-xa-nhon-thanh-chung-suc-lam-duong-giao-thong-nong-thon/";

/// `node_modules/<rel>` if installed; else `None` after a notice (a failure on CI).
pub(crate) fn npm_tool(rel: &str) -> Option<PathBuf> {
    let p = repo().join("node_modules").join(rel);
    if p.is_file() {
        return Some(p);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} missing, and CI is set: run `npm ci`",
        p.display()
    );
    eprintln!(
        "{} missing: run `npm ci` in the repository; theme check skipped",
        p.display()
    );
    None
}

/// True if `java -version` runs; else a notice (a failure on CI).
fn java() -> bool {
    let ok = Command::new("java")
        .arg("-version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "java missing, and CI is set"
        );
        eprintln!("java not found: Nu HTML Checker skipped");
    }
    ok
}

// ---------------------------------------------------------------------------------------
// A tiny static server: each output folder at the root of a port of its own, so the
// site's root-relative links work; a missing file gets the site's 404 page.

/// Serves `root` on 127.0.0.1 (a free port) until the test process ends.
fn serve(root: &Path) -> u16 {
    crate::support::serve_dir(root, &[])
}

/// The example and its variant served; `url(which, path)` gives a page's address.
struct Served {
    public: u16,
    variant: u16,
    lean: u16,
}

impl Served {
    fn new(built: &Built) -> Served {
        Served {
            public: serve(&built.public()),
            variant: serve(&built.variant()),
            lean: serve(&built.lean()),
        }
    }

    fn url(&self, which: &str, path: &str) -> String {
        let port = match which {
            "variant" => self.variant,
            "lean" => self.lean,
            _ => self.public,
        };
        format!("http://127.0.0.1:{port}{path}")
    }
}

// ---------------------------------------------------------------------------------------
// Browser helpers.

#[track_caller]
pub(crate) fn call(b: &mut Browser, method: &str, params: Value) -> Value {
    b.call(method, params).unwrap_or_else(|e| panic!("{e}"))
}

pub(crate) fn color_scheme(b: &mut Browser, scheme: &str) {
    call(
        b,
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    );
}

pub(crate) fn viewport(b: &mut Browser, width: u32, height: u32) {
    call(
        b,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
    );
}

/// Loads `url`, and on the search page waits until its script has run (results shown
/// for a query, the box focused otherwise).
pub(crate) fn open(b: &mut Browser, url: &str) {
    b.navigate(url);
    if url.contains("/tim-kiem/") {
        let ready = if url.contains("?q=") {
            "document.querySelector('[data-result]') !== null"
        } else {
            "document.activeElement && document.activeElement.id === 'q'"
        };
        assert!(
            b.wait_until(ready, Duration::from_secs(15)).is_some(),
            "{url}: search did not start"
        );
    }
    // Fonts in place, so contrast and screenshots see the final layout.
    b.eval("document.fonts.ready.then(() => true)");
}

pub(crate) fn press(b: &mut Browser, key: &str, code: u32) {
    let text = if key == "Enter" { "\r" } else { "" };
    for kind in ["keyDown", "keyUp"] {
        call(
            b,
            "Input.dispatchKeyEvent",
            json!({ "type": kind, "key": key, "code": key, "windowsVirtualKeyCode": code,
                    "nativeVirtualKeyCode": code, "text": if kind == "keyDown" { text } else { "" } }),
        );
    }
}

/// Runs axe-core (WCAG 2.0/2.1/2.2 A and AA rules) on the page and returns its serious
/// and critical violations, one line each with the nodes' selectors and a summary.
pub(crate) fn axe(b: &mut Browser, axe_source: &str) -> Vec<String> {
    b.eval(&format!("{axe_source};true"));
    let result = b.eval(
        r"axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
        }).then((r) => r.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map((v) => `${v.impact} ${v.id}: ${v.help}\n` + v.nodes.slice(0, 6)
                .map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ')}`)
                .join('\n')))",
    );
    result
        .as_array()
        .expect("array")
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// What a page must have in any theme state: problems found, as text.
const STRUCTURE: &str = r"(() => {
  const p = [];
  const d = document;
  if (d.documentElement.lang !== 'vi') p.push(`lang is ${d.documentElement.lang}`);
  const h1 = d.querySelectorAll('h1').length;
  if (h1 !== 1) p.push(`${h1} h1 elements`);
  if (d.querySelectorAll('main').length !== 1) p.push('not one <main>');
  if (!d.querySelector('body > header')) p.push('no banner (body > header)');
  if (!d.querySelector('body > footer')) p.push('no contentinfo (body > footer)');
  if (!d.querySelector('nav')) p.push('no <nav>');
  const skip = d.querySelector('a.skip-link[href=\'#main\']');
  if (!skip) p.push('no skip link');
  for (const img of d.images) {
    if (!img.hasAttribute('alt')) p.push(`img without alt: ${img.src}`);
    if (img.closest('article') && !(img.getAttribute('width') && img.getAttribute('height')))
      p.push(`img without width/height: ${img.src}`);
    if (img.closest('.prose') && img.loading !== 'lazy') p.push(`body img not lazy: ${img.src}`);
  }
  return p;
})()";

/// Tabs through the page: the skip link comes first, is visible when focused and moves
/// focus to `<main>`; every tab stop after it is visible and has a focus ring.
fn keyboard(b: &mut Browser) -> Vec<String> {
    let mut problems = Vec::new();
    // Start from the top of the page, whatever the page focused by itself.
    b.eval(
        "(() => { const s = document.createElement('span'); s.tabIndex = -1;
          document.body.prepend(s); s.focus(); s.remove(); window.scrollTo(0, 0); return true; })()",
    );
    press(b, "Tab", 9);
    let first = b.eval(
        "(() => { const e = document.activeElement, r = e.getBoundingClientRect();
          return { cls: e.className, visible: r.width > 0 && r.top >= 0 && r.left >= 0 && r.right <= innerWidth,
                   outline: getComputedStyle(e).outlineStyle }; })()",
    );
    if first["cls"] != "skip-link" || first["visible"] != true || first["outline"] == "none" {
        problems.push(format!(
            "first tab stop is not a visible skip link: {first}"
        ));
    }
    press(b, "Enter", 13);
    let target = b.eval("document.activeElement.id + ' ' + location.hash");
    if target != "main #main" {
        problems.push(format!("skip link did not move focus to main: {target}"));
    }
    // Every stop after the skip link, until focus leaves the page or comes round again.
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..120 {
        press(b, "Tab", 9);
        let stop = b.eval(
            "(() => { const e = document.activeElement;
              if (!e || e === document.body) return null;
              const s = getComputedStyle(e), r = e.getBoundingClientRect();
              const path = []; for (let n = e; n && n !== document.body; n = n.parentElement)
                path.unshift(n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className && typeof n.className === 'string' ? '.' + n.className.trim().split(/\\s+/).join('.') : ''));
              const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
              const shown = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
              return { path: path.join(' > ') + ' ' + (e.textContent || '').trim().slice(0, 30) + ' ' + Math.round(r.top), ring, shown }; })()",
        );
        if stop.is_null() {
            break;
        }
        let path = stop["path"].as_str().unwrap_or_default().to_owned();
        if !seen.insert(path.clone()) {
            break;
        }
        if stop["ring"] != true {
            problems.push(format!("no visible focus ring: {path}"));
        }
        if stop["shown"] != true {
            problems.push(format!("focused element not on screen: {path}"));
        }
    }
    problems
}

#[test]
fn every_page_type_passes_axe_and_works_by_keyboard_in_light_and_dark() {
    let Some(axe_path) = npm_tool("axe-core/axe.min.js") else {
        return;
    };
    if cdp::chromium().is_none() {
        // Prints the notice (or fails on CI).
        let _ = cdp::launch();
        return;
    }
    let axe_source = std::fs::read_to_string(axe_path).expect("read axe");
    let built = Built::new();
    let served = Served::new(&built);
    let pages = built.pages();
    // Desktop and phone layouts (the phone has its own header and columns), each in a
    // browser of its own, side by side.
    let failures: Vec<String> = std::thread::scope(|s| {
        let runs: Vec<_> = [(1280, 900), (360, 740)]
            .into_iter()
            .map(|(width, height)| {
                let (pages, served, axe_source) = (&pages, &served, &axe_source);
                s.spawn(move || {
                    let mut b = cdp::launch().expect("chromium");
                    viewport(&mut b, width, height);
                    let mut failures = Vec::new();
                    for scheme in ["light", "dark"] {
                        color_scheme(&mut b, scheme);
                        for (name, which, path) in pages {
                            open(&mut b, &served.url(which, path));
                            let at = format!("{name} {path} ({width} px, {scheme})");
                            for v in axe(&mut b, axe_source) {
                                failures.push(format!("{at}\n    {v}"));
                            }
                            if scheme == "light" {
                                let structure = b.eval(STRUCTURE);
                                for p in structure.as_array().expect("array") {
                                    let p = p.as_str().unwrap_or_default();
                                    failures.push(format!("{at}: {p}"));
                                }
                                for p in keyboard(&mut b) {
                                    failures.push(format!("{at}: {p}"));
                                }
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        runs.into_iter()
            .flat_map(|r| r.join().expect("browser run"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} accessibility problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn model_page_images_do_not_shift_the_layout() {
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let built = Built::new();
    let served = Served::new(&built);
    for width in [360, 1280] {
        viewport(&mut b, width, 800);
        open(&mut b, &served.url("public", MODEL_WITH_IMAGE));
        let shift = b.eval(
            "new Promise((done) => { let cls = 0;
               new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) cls += e.value; })
                 .observe({ type: 'layout-shift', buffered: true });
               setTimeout(() => done(cls), 300); })",
        );
        let cls = shift.as_f64().expect("number");
        assert!(cls < 0.01, "cumulative layout shift {cls} at {width} px");
    }
}

#[test]
fn screenshots_for_review_at_360_and_1280_px() {
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let built = Built::new();
    let served = Served::new(&built);
    let dir = target_dir().join("screenshots");
    std::fs::create_dir_all(&dir).expect("mkdir target/screenshots");
    let pages = [
        ("home", "/"),
        ("model", MODEL),
        ("model-image", MODEL_WITH_IMAGE),
        ("province", "/tinh/ca-mau/"),
        ("search", "/tim-kiem/?q=d%C3%A2n+v%E1%BA%ADn"),
        ("provinces", "/tinh/"),
        ("stats", "/thong-ke/"),
    ];
    for scheme in ["light", "dark"] {
        color_scheme(&mut b, scheme);
        for width in [360u32, 1280] {
            for (name, path) in pages {
                viewport(&mut b, width, 800);
                open(&mut b, &served.url("public", path));
                let height = b
                    .eval("Math.ceil(document.documentElement.scrollHeight)")
                    .as_f64()
                    .expect("height");
                let shot = call(
                    &mut b,
                    "Page.captureScreenshot",
                    json!({ "format": "png", "captureBeyondViewport": true,
                            "clip": { "x": 0, "y": 0, "width": width, "height": height.min(8000.0), "scale": 1 } }),
                );
                let png = crate::support::base64(shot["data"].as_str().expect("data"));
                assert!(png.starts_with(b"\x89PNG"), "{name}: not a PNG");
                let suffix = if scheme == "dark" { "-dark" } else { "" };
                let file = dir.join(format!("{name}-{width}{suffix}.png"));
                std::fs::write(&file, png).expect("write screenshot");
            }
        }
    }
    eprintln!("screenshots in {}", dir.display());
}

#[test]
fn every_page_passes_the_nu_html_checker() {
    let Some(jar) = npm_tool("vnu-jar/build/dist/vnu.jar") else {
        return;
    };
    if !java() {
        return;
    }
    let built = Built::new();
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json", "--skip-non-html"])
        .arg(built.public())
        .arg(built.variant())
        .arg(built.lean())
        .output()
        .expect("run vnu");
    let report: Value = serde_json::from_slice(&out.stderr).unwrap_or_else(|e| {
        panic!(
            "vnu output is not JSON ({e}):\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let errors: Vec<String> = report["messages"]
        .as_array()
        .expect("messages")
        .iter()
        .filter(|m| m["type"] == "error" || m["subType"] == "fatal")
        .map(|m| {
            let url = m["url"].as_str().unwrap_or_default();
            let file = ["/public/", "/variant/", "/lean/"]
                .iter()
                .find_map(|d| url.find(d).map(|i| &url[i + 1..]))
                .unwrap_or(url);
            format!(
                "{file}:{}: {}\n    {}",
                m["lastLine"],
                m["message"].as_str().unwrap_or_default(),
                m["extract"].as_str().unwrap_or_default().replace('\n', " ")
            )
        })
        .collect();
    let checked = files(&built.public())
        .iter()
        .filter(|f| f.ends_with(".html"))
        .count();
    assert!(checked > 100, "only {checked} pages built");
    assert!(
        errors.is_empty(),
        "{} HTML errors:\n{}",
        errors.len(),
        errors.join("\n")
    );
}

/// Attribute `name` of the first tag in `tag` (a `<...>` text), if present.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let rest = &tag[at..];
    Some(&rest[..rest.find('"')?])
}

/// The tags `<name ...>` in `html`, each as its text up to `>`.
fn tags<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    html.match_indices(&format!("<{name} "))
        .map(|(i, _)| &html[i..i + html[i..].find('>').unwrap_or(0) + 1])
        .collect()
}

/// Bytes of `bytes` after `gzip -c` (level 6, as web servers send them).
fn gzipped(bytes: &[u8]) -> usize {
    let mut child = Command::new("gzip")
        .args(["-c", "-6"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run gzip");
    let mut input = child.stdin.take().expect("stdin");
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().expect("gzip output");
    writer.join().expect("writer").expect("write to gzip");
    out.stdout.len()
}

#[test]
fn no_page_has_render_blocking_script() {
    let built = Built::new();
    let public = built.public();
    for rel in files(&public).iter().filter(|f| f.ends_with(".html")) {
        let html = read(&public, rel);
        let head = &html[..html.find("</head>").unwrap_or(html.len())];
        for tag in tags(head, "script") {
            let ok = tag.contains("type=\"application/ld+json\"")
                || tag.contains("type=\"module\"")
                || tag.contains(" defer")
                || tag.contains(" async");
            assert!(ok, "{rel}: render-blocking {tag}");
        }
        assert!(!head.contains("<script>"), "{rel}: inline script in <head>");
    }
}

#[test]
fn a_model_page_needs_under_30_kb_of_css_and_js_gzipped() {
    let built = Built::new();
    let public = built.public();
    let mut worst = (0, String::new());
    for page in [MODEL, MODEL_WITH_IMAGE] {
        let html = read(
            &public,
            &format!("{}index.html", page.trim_start_matches('/')),
        );
        let mut parts = Vec::new();
        for tag in tags(&html, "link") {
            if attr(tag, "rel") == Some("stylesheet") {
                let href = attr(tag, "href").expect("href");
                let bytes = std::fs::read(public.join(href.trim_start_matches('/')))
                    .unwrap_or_else(|e| panic!("{href}: {e}"));
                parts.push((href.to_owned(), gzipped(&bytes)));
            }
        }
        for (i, piece) in html.split("<script").enumerate().skip(1) {
            let tag = &piece[..piece.find('>').expect("tag end")];
            if tag.contains("application/ld+json") {
                continue;
            }
            if let Some(src) = attr(&format!("<script{tag}>"), "src") {
                let bytes = std::fs::read(public.join(src.trim_start_matches('/')))
                    .unwrap_or_else(|e| panic!("{src}: {e}"));
                parts.push((src.to_owned(), gzipped(&bytes)));
            } else {
                let body = &piece[tag.len() + 1..piece.find("</script>").expect("end")];
                parts.push((format!("inline script {i}"), gzipped(body.as_bytes())));
            }
        }
        for (i, piece) in html.split("<style").enumerate().skip(1) {
            let body = &piece[..piece.find("</style>").expect("end")];
            parts.push((format!("inline style {i}"), gzipped(body.as_bytes())));
        }
        let total: usize = parts.iter().map(|p| p.1).sum();
        eprintln!("{page}: {total} bytes of CSS and JS gzipped: {parts:?}");
        assert!(
            parts.iter().any(|p| p.0.ends_with("style.css")),
            "{page}: no stylesheet"
        );
        if total > worst.0 {
            worst = (total, page.to_owned());
        }
    }
    assert!(
        worst.0 < 30 * 1024,
        "{}: {} bytes of CSS and JS gzipped, over 30 KB",
        worst.1,
        worst.0
    );
}

/// Tabs from the top of the page until focus is inside `selector`; the focused
/// element's accessible name, whether it shows a focus ring, and how many tabs it took.
pub(crate) fn tab_into(b: &mut Browser, selector: &str) -> Option<Value> {
    b.eval(
        "(() => { const s = document.createElement('span'); s.tabIndex = -1;
          document.body.prepend(s); s.focus(); s.remove(); return true; })()",
    );
    for n in 0..300 {
        press(b, "Tab", 9);
        let at = b.eval(&format!(
            "(() => {{ const e = document.activeElement; if (!e || !e.closest('{selector}')) return null;
              const s = getComputedStyle(e), r = e.getBoundingClientRect();
              return {{ name: e.getAttribute('aria-label') || e.textContent.trim(), href: e.getAttribute('href'),
                        ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                        shown: r.width > 0 && r.bottom > 0 && r.top < innerHeight, tabs: {n} }}; }})()"
        ));
        if !at.is_null() {
            return Some(at);
        }
    }
    None
}

#[test]
fn the_map_and_the_charts_work_by_keyboard_at_360_and_1280_px_in_light_and_dark() {
    let Some(mut b) = cdp::launch() else {
        return;
    };
    let built = Built::new();
    let served = Served::new(&built);
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        color_scheme(&mut b, scheme);
        for width in [360u32, 1280] {
            viewport(&mut b, width, 800);
            for path in ["/tinh/", "/thong-ke/"] {
                let at = format!("{path} ({width} px, {scheme})");
                open(&mut b, &served.url("public", path));
                // The first tile is Lai Châu (north-west): named with its number, ringed.
                let Some(tile) = tab_into(&mut b, ".tile-map") else {
                    problems.push(format!("{at}: no map tile reached by Tab"));
                    continue;
                };
                let name = tile["name"].as_str().unwrap_or_default();
                if !name.starts_with("Lai Châu: ") || !name.contains("mô hình") {
                    problems.push(format!("{at}: first tile named {name:?}"));
                }
                if tile["ring"] != true || tile["shown"] != true {
                    problems.push(format!(
                        "{at}: focused tile not visible with a ring: {tile}"
                    ));
                }
                // Sighted keyboard users see what a mouse's tooltip shows.
                let shown = b.eval("document.querySelector('.map-focus').textContent");
                if shown.as_str() != Some(name) {
                    problems.push(format!(
                        "{at}: focused tile not described under the map: {shown}"
                    ));
                }
                // Enter follows the tile's link to the unit's page.
                let href = tile["href"].as_str().unwrap_or_default().to_owned();
                press(&mut b, "Enter", 13);
                let landed = b.wait_until(
                    &format!(
                        "location.pathname === '{href}' && document.readyState === 'complete'"
                    ),
                    Duration::from_secs(10),
                );
                if landed.is_none() {
                    problems.push(format!("{at}: Enter on the tile did not open {href}"));
                }
            }
            // The statistics bars: a link per bar, named with its number (SVG from
            // 40rem, HTML bars below).
            open(&mut b, &served.url("public", "/thong-ke/"));
            let sel = if width >= 640 {
                ".chart-wide"
            } else {
                ".chart-narrow"
            };
            match tab_into(&mut b, sel) {
                Some(bar) if bar["ring"] == true && bar["shown"] == true => {
                    let name = bar["name"].as_str().unwrap_or_default();
                    if !name.chars().any(|c| c.is_ascii_digit()) {
                        problems.push(format!(
                            "/thong-ke/ ({width}, {scheme}): bar named {name:?}"
                        ));
                    }
                }
                other => problems.push(format!("/thong-ke/ ({width}, {scheme}): bar {other:?}")),
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
