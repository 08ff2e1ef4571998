//! What the loader refuses to read or publish: links that lead out of the site folder
//! (`static/`, `templates/`, `content/`, themes, `site.yaml`, `strings.yaml`), settings
//! files that are too large or not regular files (a FIFO must not hang the build),
//! pages and scripts beside an article, SVGs that carry script; and file names in NFD
//! (as macOS writes them) matching NFC references.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::support::{assert_exit, files, fixture, kheo, stderr, stdout, write};

/// A string that must never leave the folder outside the site.
const SECRET: &str = "TOPSECRET-7f3a9c";

/// A folder outside the site holding the secret in every form a link could want.
fn outside() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let o = dir.path();
    write(o, "token.txt", format!("{SECRET}\n"));
    write(o, "assets/style.css", format!("/* {SECRET} */"));
    write(o, "article.html", format!("{SECRET} {{{{ page.title }}}}"));
    write(o, "templates/article.html", SECRET);
    write(o, "strings.yaml", format!("home: {SECRET}\n"));
    write(
        o,
        "settings.yaml",
        format!("title: {SECRET}\nbase_url: https://x/\n"),
    );
    write(
        o,
        "bad.yaml",
        format!("title: [{SECRET}\n  oops: {SECRET}\n"),
    );
    dir
}

/// Asserts that the secret appears nowhere: not in stdout or stderr, not in any file
/// of the site folder (output included).
#[track_caller]
fn assert_secret_kept(site: &Path, out: &Output) {
    assert!(!stdout(out).contains(SECRET), "stdout: {}", stdout(out));
    assert!(!stderr(out).contains(SECRET), "stderr: {}", stderr(out));
    let mut dirs = vec![site.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            // The links themselves lead to the secret: what matters is what was made.
            let kind = std::fs::symlink_metadata(&path).expect("stat").file_type();
            if kind.is_dir() {
                dirs.push(path);
            } else if kind.is_file() {
                let bytes = std::fs::read(&path).unwrap_or_default();
                let text = String::from_utf8_lossy(&bytes);
                assert!(
                    !text.contains(SECRET),
                    "{} holds the secret",
                    path.display()
                );
            }
        }
    }
}

/// Asserts a failed build that names `link` with E007 and never the outside folder.
#[track_caller]
fn assert_link_refused(site: &Path, outside: &Path, out: &Output, link: &str) {
    assert_exit(out, 1);
    let err = stderr(out);
    assert!(err.contains("error[E007]"), "{err}");
    assert!(
        err.contains(&format!("--> {link}\n")),
        "names {link}: {err}"
    );
    assert!(!err.contains(&*outside.to_string_lossy()), "{err}");
    assert_secret_kept(site, out);
    assert!(
        !site.join("public").exists(),
        "a refused build publishes nothing"
    );
}

#[cfg(unix)]
fn link(target: impl AsRef<Path>, site: &Path, rel: &str) {
    let at = site.join(rel);
    std::fs::create_dir_all(at.parent().expect("parent")).expect("mkdir");
    let _ = std::fs::remove_dir_all(&at);
    let _ = std::fs::remove_file(&at);
    std::os::unix::fs::symlink(target, at).expect("symlink");
}

#[cfg(unix)]
#[test]
fn a_static_folder_linked_out_of_the_site_is_refused() {
    let (o, site) = (outside(), fixture("minimal"));
    link(o.path(), site.path(), "static");
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "static");
}

#[cfg(unix)]
#[test]
fn a_site_yaml_linked_out_of_the_site_is_not_read() {
    for target in ["settings.yaml", "bad.yaml"] {
        let (o, site) = (outside(), fixture("minimal"));
        link(o.path().join(target), site.path(), "site.yaml");
        let out = kheo(site.path(), &["build"]);
        assert_link_refused(site.path(), o.path(), &out, "site.yaml");
        // The commands that read only the settings refuse it the same way.
        let out = kheo(site.path(), &["schema"]);
        assert_exit(&out, 2);
        assert_secret_kept(site.path(), &out);
    }
}

#[cfg(unix)]
#[test]
fn a_templates_folder_linked_out_of_the_site_is_refused() {
    let (o, site) = (outside(), fixture("minimal"));
    link(o.path(), site.path(), "templates");
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "templates");
}

#[cfg(unix)]
#[test]
fn links_inside_template_static_and_theme_folders_are_skipped() {
    let (o, site) = (outside(), fixture("minimal"));
    let root = site.path();
    link(
        o.path().join("article.html"),
        root,
        "templates/article.html",
    );
    link(o.path().join("token.txt"), root, "static/token.txt");
    link(o.path().join("assets"), root, "static/assets-ngoai");
    link(
        o.path().join("strings.yaml"),
        root,
        "themes/default/templates/404.html",
    );
    link(
        o.path().join("assets/style.css"),
        root,
        "themes/default/static/assets/x.css",
    );
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert_secret_kept(root, &out);
    let public = root.join("public");
    assert!(
        public
            .join("mo-hinh/to-dan-pho-xanh-sach-dep/index.html")
            .is_file()
    );
    for skipped in ["token.txt", "assets-ngoai/style.css", "assets/x.css"] {
        assert!(!public.join(skipped).exists(), "{skipped} published");
    }
}

#[cfg(unix)]
#[test]
fn theme_files_linked_out_of_the_site_are_refused() {
    let (o, site) = (outside(), fixture("minimal"));
    link(
        o.path().join("strings.yaml"),
        site.path(),
        "themes/default/strings.yaml",
    );
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "themes/default/strings.yaml");

    let (o, site) = (outside(), fixture("minimal"));
    link(o.path(), site.path(), "themes/default");
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "themes/default");

    // A theme of its own, named in site.yaml, linked out: refused, not "not found".
    let (o, site) = (outside(), fixture("minimal"));
    let yaml = std::fs::read_to_string(site.path().join("site.yaml")).expect("read");
    write(site.path(), "site.yaml", format!("{yaml}theme: rieng\n"));
    link(o.path(), site.path(), "themes/rieng");
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "themes/rieng");
}

#[cfg(unix)]
#[test]
fn a_content_folder_linked_out_of_the_site_is_refused() {
    let (o, site) = (outside(), fixture("minimal"));
    let content = tempfile::tempdir().expect("temp dir");
    crate::support::copy_tree(&site.path().join("content"), content.path());
    write(content.path(), "token.txt", SECRET);
    link(content.path(), site.path(), "content");
    let out = kheo(site.path(), &["build"]);
    assert_link_refused(site.path(), o.path(), &out, "content");
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_site_are_followed() {
    let site = fixture("minimal");
    let root = site.path();
    let article = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/article.html"),
    )
    .expect("built-in template");
    let marked = article.replacen(
        "{% block content %}",
        "{% block content %}<p>MAU-RIENG</p>",
        1,
    );
    assert_ne!(marked, article, "the template has a content block");
    write(root, "shared/templates/article.html", marked);
    write(root, "shared/static/ghi-chu.txt", "trong site");
    std::fs::rename(root.join("content"), root.join("shared/content")).expect("move");
    link(root.join("shared/content"), root, "content");
    link(root.join("shared/static"), root, "static");
    link("shared/templates", root, "templates");
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    let public = root.join("public");
    assert_eq!(
        std::fs::read_to_string(public.join("ghi-chu.txt")).expect("static copied"),
        "trong site"
    );
    let page = std::fs::read_to_string(public.join("mo-hinh/to-dan-pho-xanh-sach-dep/index.html"))
        .expect("article page");
    assert!(
        page.contains("<p>MAU-RIENG</p>"),
        "the linked template is used"
    );
}

#[test]
fn a_site_yaml_over_the_size_cap_is_refused() {
    let site = fixture("minimal");
    let mut big = String::from("title: x\n");
    while big.len() < 5 * 1024 * 1024 {
        big.push_str(&format!("# {SECRET} padding padding padding padding\n"));
    }
    write(site.path(), "site.yaml", &big);
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("error[E002]") && err.contains("--> site.yaml"),
        "{err}"
    );
    assert!(err.contains("at most 1 MB"), "{err}");
    assert!(!err.contains(SECRET));
}

#[test]
fn a_template_over_the_size_cap_is_refused() {
    let site = fixture("minimal");
    write(
        site.path(),
        "templates/article.html",
        vec![b' '; 5 * 1024 * 1024],
    );
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("error[E002]") && err.contains("--> templates/article.html"),
        "{err}"
    );
}

/// Runs kheo, killing it if it is still running after `limit`.
fn kheo_within(root: &Path, args: &[&str], limit: Duration) -> Option<Output> {
    let mut child = crate::support::kheo_command()
        .args(args)
        .arg("--root")
        .arg(root)
        .env_remove("CI")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kheo");
    let start = Instant::now();
    while start.elapsed() < limit {
        if child.try_wait().expect("wait").is_some() {
            return Some(child.wait_with_output().expect("output"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

#[cfg(unix)]
#[test]
fn a_site_yaml_that_is_a_fifo_does_not_hang_the_build() {
    let site = fixture("minimal");
    let fifo = site.path().join("site.yaml");
    std::fs::remove_file(&fifo).expect("remove");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipped: mkfifo is not available");
        return;
    }
    for args in [&["build"][..], &["schema"][..]] {
        let out = kheo_within(site.path(), args, Duration::from_secs(60))
            .unwrap_or_else(|| panic!("kheo {args:?} hung on a FIFO site.yaml"));
        assert!(!out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains("E008") && err.contains("site.yaml"), "{err}");
    }
}

const BUNDLE: &str = "content/an-giang/2024/kem-theo";

fn bundle_article(image: &str) -> String {
    format!(
        "---\ntitle: Kèm theo\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: Thử tệp kèm.\n---\n\n![Ảnh]({image})\n"
    )
}

#[test]
fn only_media_and_documents_beside_an_article_are_published() {
    let site = fixture("minimal");
    let root = site.path();
    write(
        root,
        &format!("{BUNDLE}/index.md"),
        bundle_article("anh.svg"),
    );
    let plain = "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'><rect width='4' height='3'/></svg>";
    write(root, &format!("{BUNDLE}/anh.svg"), plain);
    write(root, &format!("{BUNDLE}/bao-cao.pdf"), "%PDF-1.4\n");
    write(
        root,
        &format!("{BUNDLE}/x.html"),
        "<script>alert(1)</script>",
    );
    write(root, &format!("{BUNDLE}/app.js"), "alert(1)");
    write(root, &format!("{BUNDLE}/index.json"), "{\"planted\": true}");
    write(root, &format!("{BUNDLE}/feed.xml"), "<rss/>");
    write(
        root,
        &format!("{BUNDLE}/bay.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)' width='4' height='3'/>",
    );
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    let err = stderr(&out);
    for name in ["x.html", "app.js", "index.json", "feed.xml"] {
        assert!(
            err.contains(&format!("--> {BUNDLE}/{name}\n")),
            "W002 names {name}: {err}"
        );
    }
    assert!(
        err.contains("warning[W002]") && err.contains("warning[W003]"),
        "{err}"
    );
    let page = root.join("public/mo-hinh/kem-theo");
    assert!(page.join("anh.svg").is_file() && page.join("bao-cao.pdf").is_file());
    for name in ["x.html", "app.js", "feed.xml", "bay.svg"] {
        assert!(!page.join(name).exists(), "{name} published");
    }
    let json = std::fs::read_to_string(page.join("index.json")).expect("generated json");
    assert!(
        !json.contains("planted"),
        "the generated index.json was replaced"
    );
}

/// "ảnh" with its marks decomposed, as macOS names files.
const NFD: &str = "a\u{309}nh";
const NFC: &str = "\u{1ea3}nh";

#[test]
fn an_nfd_file_name_matches_an_nfc_reference() {
    let site = fixture("minimal");
    let root = site.path();
    write(
        root,
        &format!("{BUNDLE}/index.md"),
        bundle_article(&format!("{NFC}.svg")),
    );
    write(
        root,
        &format!("{BUNDLE}/{NFD}.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'/>",
    );
    assert_exit(&kheo(root, &["check"]), 0);
    assert_exit(&kheo(root, &["build"]), 0);
    let page = root.join("public/mo-hinh/kem-theo");
    assert!(
        page.join(format!("{NFC}.svg")).is_file(),
        "{:?}",
        files(&page)
    );
    let html = std::fs::read_to_string(page.join("index.html")).expect("page");
    assert!(html.contains(&format!("src=\"{NFC}.svg\"")), "{html}");
}

#[test]
fn an_nfd_reference_matches_an_nfc_file_name() {
    let site = fixture("minimal");
    let root = site.path();
    write(
        root,
        &format!("{BUNDLE}/index.md"),
        bundle_article(&format!("{NFD}.svg")),
    );
    write(
        root,
        &format!("{BUNDLE}/{NFC}.svg"),
        "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'/>",
    );
    assert_exit(&kheo(root, &["check"]), 0);
    assert_exit(&kheo(root, &["build"]), 0);
    assert!(
        root.join(format!("public/mo-hinh/kem-theo/{NFC}.svg"))
            .is_file()
    );
}

#[test]
fn new_articles_are_never_written_through_a_linked_folder() {
    let site = crate::support::fixture("minimal");
    let outside = tempfile::tempdir().expect("temp dir");
    std::os::unix::fs::symlink(outside.path(), site.path().join("content/ha-noi"))
        .expect("symlink");
    let out = crate::support::kheo(
        site.path(),
        &[
            "new",
            "Tổ tự quản",
            "--province",
            "Hà Nội",
            "--field",
            "Kinh tế",
            "--year",
            "2024",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        crate::support::stderr(&out)
    );
    assert!(
        crate::support::stderr(&out).contains("symbolic link"),
        "{}",
        crate::support::stderr(&out)
    );
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("read").count(),
        0,
        "nothing written outside the site"
    );
}
