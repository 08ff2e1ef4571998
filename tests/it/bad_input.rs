//! Hostile or broken input, each in its own small site written by the test: the build
//! must fail with a clear diagnostic (exit 1) or succeed safely, never panic or hang,
//! and never write outside the output folder.

use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{assert_exit, files, kheo, read, site_with, stderr};

const FRONT: &str = "province: An Giang\nfield: Kinh tế\nyear: 2020\nsummary: Tóm tắt.\n";

/// A valid article with `title`, then `body`.
fn article(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\n{FRONT}---\n\n{body}\n")
}

/// Runs `kheo build` on a site holding the one file `content/x.md`.
fn build_one(bytes: &[u8]) -> (tempfile::TempDir, Output) {
    let site = site_with(&[("content/x.md", bytes)]);
    let out = kheo(site.path(), &["build"]);
    (site, out)
}

/// Runs `kheo build` but kills it after `limit`; `None` if it had to be killed.
fn build_within(root: &Path, limit: Duration) -> Option<Output> {
    let mut child = crate::support::kheo_command()
        .args(["build", "--root"])
        .arg(root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kheo");
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[track_caller]
fn assert_code(out: &Output, code: &str) {
    assert_exit(out, 1);
    let err = stderr(out);
    assert!(err.contains(&format!("error[{code}]")), "no {code}:\n{err}");
}

#[test]
fn invalid_utf8_names_the_byte_offset_and_line() {
    // Lines 1-9 are a valid article; line 10 breaks after 13 characters.
    let mut bytes = article("Mô hình", "Dòng một.").into_bytes();
    bytes.extend_from_slice("Dòng có lỗi: ".as_bytes());
    let offset = bytes.len();
    bytes.extend_from_slice(b"\xff\xfe h\xe0ng\n");
    let (_site, out) = build_one(&bytes);
    assert_code(&out, "E003");
    let err = stderr(&out);
    assert!(err.contains(&format!("byte offset {offset}")), "{err}");
    assert!(err.contains("0xFF"), "{err}");
    assert!(err.contains("--> content/x.md:10:14"), "{err}");
}

#[test]
fn a_50_mb_file_is_refused_quickly() {
    let mut bytes = article("Bài rất dài", "").into_bytes();
    let para = "Người dân cùng bàn, cùng làm, cùng kiểm tra, cùng hưởng thụ.\n";
    while bytes.len() < 50 * 1024 * 1024 {
        bytes.extend_from_slice(para.as_bytes());
    }
    let site = site_with(&[("content/x.md", &bytes)]);
    let start = Instant::now();
    let out = build_within(site.path(), Duration::from_secs(20)).expect("no hang");
    let took = start.elapsed();
    assert_code(&out, "E002");
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    assert!(took < Duration::from_secs(5), "took {took:?}");
}

#[test]
fn a_yaml_alias_bomb_is_an_error_not_a_hang() {
    let mut yaml = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for (name, prev) in [
        ("b", "a"),
        ("c", "b"),
        ("d", "c"),
        ("e", "d"),
        ("f", "e"),
        ("g", "f"),
        ("h", "g"),
        ("i", "h"),
    ] {
        let items = vec![format!("*{prev}"); 9].join(",");
        yaml.push_str(&format!("{name}: &{name} [{items}]\n"));
    }
    yaml.push_str("title: Bom\n---\n");
    let site = site_with(&[("content/x.md", yaml.as_bytes())]);
    let out = build_within(site.path(), Duration::from_secs(20)).expect("no hang");
    assert_code(&out, "E006");
}

#[test]
fn a_slug_that_climbs_out_is_refused_and_nothing_is_written() {
    let outer = tempfile::tempdir().expect("temp");
    let root = outer.path().join("site");
    std::fs::create_dir(&root).expect("mkdir");
    crate::support::write(&root, "site.yaml", "title: Thử\n");
    let text = format!("---\ntitle: Leo ra ngoài\nslug: ../../x\n{FRONT}---\n");
    crate::support::write(&root, "content/x.md", text);
    let out = kheo(&root, &["build"]);
    assert_code(&out, "E018");
    assert!(
        stderr(&out).contains("content/x.md:3:7"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files(outer.path()), ["site/content/x.md", "site/site.yaml"]);
}

#[test]
fn an_alias_that_climbs_out_is_refused() {
    let text = format!("---\ntitle: Địa chỉ cũ\naliases: [/../../x]\n{FRONT}---\n");
    let (site, out) = build_one(text.as_bytes());
    assert_code(&out, "E022");
    assert!(!site.path().join("public").exists());
}

#[test]
fn script_in_the_body_is_removed() {
    let body = "Đoạn đầu.\n\n<script>alert('than-bai')</script>\n\n<img src=\"x.png\" onerror=\"alert('anh')\">\n\n[bấm](javascript:alert('lien-ket'))\n";
    let (site, out) = build_one(article("Mô hình an toàn", body).as_bytes());
    assert_exit(&out, 0);
    let public = site.path().join("public");
    for f in files(&public).iter().filter(|f| !f.ends_with(".md")) {
        let text =
            String::from_utf8_lossy(&std::fs::read(public.join(f)).expect("read")).into_owned();
        for bad in ["alert('than-bai')", "onerror", "javascript:alert"] {
            assert!(!text.contains(bad), "{bad:?} survived in {f}");
        }
    }
    assert!(read(&public, "mo-hinh/mo-hinh-an-toan/index.html").contains("Đoạn đầu."));
}

#[test]
fn script_in_a_title_is_escaped_everywhere() {
    let text = format!(
        "---\ntitle: \"<script>alert('tieu-de')</script> Mô hình\"\ntags: [\"<b>đậm</b>\"]\n{FRONT}---\n\nNội dung.\n"
    );
    let (site, out) = build_one(text.as_bytes());
    assert_exit(&out, 0);
    let public = site.path().join("public");
    let page = "mo-hinh/script-alert-tieu-de-script-mo-hinh/index.html";
    let escaped = "&lt;script&gt;alert(&#39;tieu-de&#39;)&lt;/script&gt; Mô hình";
    for f in [
        page,
        "index.html",
        "tinh/an-giang/index.html",
        "nam/2020/index.html",
        "atom.xml",
        "tinh/an-giang/atom.xml",
    ] {
        assert!(
            read(&public, f).contains(escaped),
            "title not escaped in {f}"
        );
    }
    // No HTML or XML file carries the raw tag; JSON carries it as a plain string.
    for f in files(&public) {
        if f.ends_with(".html") || f.ends_with(".xml") {
            let text = read(&public, &f);
            assert!(!text.contains("<script>alert"), "raw <script> in {f}");
            assert!(!text.contains("<b>đậm</b>"), "raw tag name in {f}");
        }
    }
    let feed: serde_json::Value =
        serde_json::from_str(&read(&public, "feed.json")).expect("JSON Feed");
    assert_eq!(
        feed["items"][0]["title"],
        "<script>alert('tieu-de')</script> Mô hình"
    );
    let data: serde_json::Value =
        serde_json::from_str(&read(&public, "du-lieu/mo-hinh.json")).expect("JSON");
    assert_eq!(
        data[0]["title"],
        "<script>alert('tieu-de')</script> Mô hình"
    );
}

#[test]
fn an_empty_file_is_an_error() {
    let (_site, out) = build_one(b"");
    assert_code(&out, "E004");
    assert!(stderr(&out).contains("content/x.md"));
}

#[test]
fn front_matter_without_a_closing_fence_is_an_error() {
    let text = format!("---\ntitle: Chưa đóng\n{FRONT}\nNội dung.\n");
    let (_site, out) = build_one(text.as_bytes());
    assert_code(&out, "E005");
    assert!(stderr(&out).contains("content/x.md:1:1"));
}

#[test]
fn only_two_fences_lists_every_missing_key() {
    let (site, out) = build_one(b"---\n---\n");
    assert_code(&out, "E010");
    let err = stderr(&out);
    for key in ["title", "province", "field", "year"] {
        assert!(
            err.contains(&format!("missing required key `{key}`")),
            "{err}"
        );
    }
    assert!(!site.path().join("public").exists());
}

#[test]
fn crlf_and_bom_build_fine() {
    let text = article("Mô hình Windows", "Dòng một.\nDòng hai.").replace('\n', "\r\n");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    let (site, out) = build_one(&bytes);
    assert_exit(&out, 0);
    let public = site.path().join("public");
    let html = read(&public, "mo-hinh/mo-hinh-windows/index.html");
    assert!(html.contains("<h1>Mô hình Windows</h1>"));
    assert!(!html.contains('\r'));
    assert!(!html.contains('\u{feff}'));
}

#[test]
fn an_nfd_title_is_nfc_in_the_output() {
    // "Dân vận khéo" with combining marks (as macOS file names and some IMEs write it).
    let nfd = "Da\u{302}n va\u{323}\u{302}n khe\u{301}o";
    let nfc = "Dân vận khéo";
    let (site, out) = build_one(article(nfd, "Nội dung.").as_bytes());
    assert_exit(&out, 0);
    let public = site.path().join("public");
    let html = read(&public, "mo-hinh/dan-van-kheo/index.html");
    assert!(html.contains(&format!("<h1>{nfc}</h1>")));
    for f in files(&public) {
        let text =
            String::from_utf8_lossy(&std::fs::read(public.join(&f)).expect("read")).into_owned();
        assert!(!text.contains(nfd), "NFD text in {f}");
    }
}

#[test]
fn front_matter_that_is_not_a_map_is_an_error() {
    let (_site, out) = build_one(b"---\n- mot\n- hai\n---\n");
    assert_code(&out, "E006");
}
