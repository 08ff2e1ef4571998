//! What a build may delete: only a folder kheo made itself (marked `.kheo-output`) or
//! an empty one; never the site, its sources, a folder holding them or one inside
//! them; never a published site because `content/` went missing. Interrupted builds
//! are cleaned up after, a `public/` that is a link is written in place, `check`
//! writes nothing, and broken or huge images never fail a build.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::support::{assert_exit, files, fixture, kheo, stderr, write};

/// Every file below `root` with its bytes, to show nothing changed.
fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    files(root)
        .into_iter()
        .map(|f| {
            let bytes = std::fs::read(root.join(&f)).expect("read");
            (f, bytes)
        })
        .collect()
}

/// `kheo build --out <out> --root <site>` run from `cwd`.
fn build_from(cwd: &Path, site: &Path, out: &str) -> Output {
    crate::support::kheo_command()
        .current_dir(cwd)
        .args(["build", "--out", out, "--root"])
        .arg(site)
        .env_remove("CI")
        .output()
        .expect("run kheo")
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// A pid that names no live process (Linux: no `/proc/<pid>`).
fn dead_pid() -> u32 {
    (4_000_000..)
        .find(|p| !Path::new(&format!("/proc/{p}")).exists())
        .expect("a free pid")
}

/// The minimal site inside a parent folder that also holds the user's documents.
fn site_among_documents() -> (tempfile::TempDir, PathBuf) {
    let parent = tempfile::tempdir().expect("temp");
    let site = parent.path().join("site");
    crate::support::copy_tree(&crate::support::fixture_path("minimal"), &site);
    write(parent.path(), "tai-lieu/bao-cao.docx", "report");
    (parent, site)
}

#[track_caller]
fn assert_refused(out: &Output, folder: &str) {
    assert_exit(out, 2);
    let err = stderr(out);
    assert!(
        err.contains("refusing to write the site into") && err.contains(folder),
        "{err}"
    );
    assert!(err.contains("help:"), "says what to do: {err}");
}

#[test]
fn output_never_replaces_the_site_or_its_sources() {
    let (parent, site) = site_among_documents();
    let before = snapshot(parent.path());
    let cases: [(&Path, &str, &str); 6] = [
        (&site, "content", "is the site's content folder"),
        (&site.join("content"), ".", "is the site's content folder"),
        (&site, ".", "is the site folder itself"),
        (parent.path(), arg(&site), "is the site folder itself"),
        (&site, arg(parent.path()), "holds the site folder"),
        (
            &site,
            "content/an-giang/public",
            "inside the site's content",
        ),
    ];
    for (cwd, out, why) in cases {
        let run = build_from(cwd, &site, out);
        assert_refused(&run, out);
        assert!(stderr(&run).contains(why), "--out {out}: {}", stderr(&run));
        assert_eq!(snapshot(parent.path()), before, "--out {out} changed files");
    }
}

#[test]
fn output_never_replaces_a_folder_it_did_not_make() {
    let (parent, site) = site_among_documents();
    let docs = parent.path().join("tai-lieu");
    let before = snapshot(parent.path());
    let run = build_from(&site, &site, arg(&docs));
    assert_refused(&run, "tai-lieu");
    assert!(stderr(&run).contains(".kheo-output"), "{}", stderr(&run));
    assert_eq!(snapshot(parent.path()), before);

    // Not at the default location either: `public/` holding someone's files.
    write(&site, "public/ghi-chu.txt", "notes");
    let before = snapshot(parent.path());
    let run = kheo(&site, &["build"]);
    assert_refused(&run, "public");
    assert_eq!(snapshot(parent.path()), before);
}

#[test]
fn output_naming_a_file_is_refused_before_building() {
    let (parent, site) = site_among_documents();
    let file = parent.path().join("tai-lieu/bao-cao.docx");
    let run = build_from(&site, &site, arg(&file));
    assert_refused(&run, "bao-cao.docx");
    assert!(stderr(&run).contains("a file, not a folder"));
    assert_eq!(std::fs::read_to_string(&file).expect("kept"), "report");
    assert!(!site.join("public").exists());
}

#[test]
fn output_goes_into_an_empty_folder_and_is_marked_for_the_next_build() {
    let site = fixture("minimal");
    let dest = tempfile::tempdir().expect("temp");
    let out = dest.path().join("trang");
    std::fs::create_dir(&out).expect("mkdir");
    assert_exit(&build_from(site.path(), site.path(), arg(&out)), 0);
    let marker = std::fs::read_to_string(out.join(".kheo-output")).expect("marked");
    assert!(marker.contains("kheo"), "{marker}");
    write(&out, "cu.html", "from an earlier build");
    assert_exit(&build_from(site.path(), site.path(), arg(&out)), 0);
    assert!(!out.join("cu.html").exists(), "a rebuild replaces it whole");
    assert!(out.join("index.html").is_file());
}

#[test]
fn an_unmarked_public_built_by_an_older_kheo_is_replaced() {
    let site = fixture("minimal");
    let public = site.path().join("public");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    std::fs::remove_file(public.join(".kheo-output")).expect("unmark");
    write(&public, "cu.html", "old");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    assert!(public.join(".kheo-output").is_file());
    assert!(!public.join("cu.html").exists());
}

#[test]
fn nothing_to_publish_is_an_error_and_keeps_the_published_site() {
    let site = fixture("minimal");
    let public = site.path().join("public");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let published = snapshot(&public);
    let content = site.path().join("content");
    let away = site.path().join("content-cu");
    std::fs::rename(&content, &away).expect("move content away");
    let empty = tempfile::tempdir().expect("temp");
    let states: [(&str, &dyn Fn()); 3] = [
        ("content/ is missing", &|| {}),
        ("content/ has no article", &|| {
            std::fs::create_dir(&content).expect("mkdir")
        }),
        ("content/ is a symbolic link", &|| {
            std::fs::remove_dir(&content).expect("rmdir");
            std::os::unix::fs::symlink(empty.path(), &content).expect("link");
        }),
    ];
    for (why, make) in states {
        make();
        let run = kheo(site.path(), &["build"]);
        assert_exit(&run, 1);
        assert_eq!(snapshot(&public), published, "{why}: public/ changed");
        assert_exit(&kheo(site.path(), &["check"]), 1);
        if why.contains("link") {
            // A link out of the site is never followed (E007), even when asked to
            // publish nothing.
            assert!(stderr(&run).contains("E007"), "{}", stderr(&run));
            assert_exit(&kheo(site.path(), &["check", "--allow-empty"]), 1);
            continue;
        }
        assert!(stderr(&run).contains("E040"), "{}", stderr(&run));
        assert!(stderr(&run).contains(why), "{}", stderr(&run));
        assert_exit(&kheo(site.path(), &["check", "--allow-empty"]), 0);
    }
    std::fs::remove_file(&content).expect("remove the link");
    assert_exit(&kheo(site.path(), &["build", "--allow-empty"]), 0);
    assert!(public.join("index.html").is_file());
    assert!(!public.join("mo-hinh/to-hoa-giai-o-khom-ap").exists());
}

#[test]
fn leftovers_of_interrupted_builds_are_removed_but_not_a_running_one() {
    let site = fixture("minimal");
    let dead = dead_pid();
    let live = std::process::id();
    let root = site.path();
    write(root, &format!(".public.tmp-{dead}/.kheo-output"), "x");
    write(root, &format!(".public.tmp-{dead}/index.html"), "half");
    write(root, &format!(".public.old-{dead}/.kheo-output"), "x");
    write(root, &format!(".public.old-{dead}/index.html"), "old");
    write(root, &format!(".public.tmp-{live}/index.html"), "running");
    write(
        root,
        &format!(".public.tmp-{dead}x/keep.txt"),
        "not kheo's name",
    );
    assert_exit(&kheo(root, &["build"]), 0);
    // The old output was restored as public/ first, then replaced by the build.
    assert!(!root.join(format!(".public.tmp-{dead}")).exists());
    assert!(!root.join(format!(".public.old-{dead}")).exists());
    assert!(
        root.join(format!(".public.tmp-{live}/index.html"))
            .is_file()
    );
    assert!(root.join(format!(".public.tmp-{dead}x/keep.txt")).is_file());
    assert!(root.join("public/.kheo-output").is_file());
}

#[test]
fn a_site_moved_aside_by_an_interrupted_build_is_restored_even_if_the_build_fails() {
    let site = fixture("minimal");
    let root = site.path();
    assert_exit(&kheo(root, &["build"]), 0);
    let published = snapshot(&root.join("public"));
    let old = root.join(format!(".public.old-{}", dead_pid()));
    std::fs::rename(root.join("public"), &old).expect("simulate the kill");
    write(root, "content/hong.md", "---\ntitle: Hỏng\n---\n");
    let run = kheo(root, &["build"]);
    assert_exit(&run, 1);
    assert!(stderr(&run).contains("restored"), "{}", stderr(&run));
    assert_eq!(snapshot(&root.join("public")), published);
    assert!(!old.exists());
}

#[test]
fn a_linked_public_is_written_in_place_into_its_target() {
    let site = fixture("minimal");
    let web = tempfile::tempdir().expect("temp");
    let webroot = web.path().join("www");
    std::fs::create_dir(&webroot).expect("mkdir");
    let public = site.path().join("public");
    std::os::unix::fs::symlink(&webroot, &public).expect("link");
    let run = kheo(site.path(), &["build"]);
    assert_exit(&run, 0);
    assert!(stderr(&run).contains("symbolic link"), "{}", stderr(&run));
    assert!(std::fs::symlink_metadata(&public).unwrap().is_symlink());
    assert!(webroot.join("index.html").is_file());
    assert!(webroot.join(".kheo-output").is_file());
    write(&webroot, "cu/trang.html", "stale");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    assert!(
        !webroot.join("cu").exists(),
        "what the build no longer has is removed"
    );
    // No temporary folder left behind (the build state in `.kheo-cache/` is expected).
    assert_eq!(
        files(site.path())
            .iter()
            .filter(|f| f.starts_with('.') && !f.starts_with(".kheo-cache/"))
            .count(),
        0
    );

    // The target is held to the same rule: not a folder of someone else's files.
    std::fs::remove_file(webroot.join(".kheo-output")).expect("unmark");
    write(&webroot, "ghi-chu.txt", "notes");
    let before = snapshot(&webroot);
    let run = kheo(site.path(), &["build", "--out", arg(&public)]);
    assert_refused(&run, "public");
    assert_eq!(snapshot(&webroot), before);
}

/// A photo wide enough to get smaller copies, in an article of the minimal site.
fn site_with_photo() -> tempfile::TempDir {
    let site = fixture("minimal");
    let dir = site.path().join("content/an-giang/2024/anh-lon");
    std::fs::create_dir_all(&dir).expect("mkdir");
    image::RgbImage::from_fn(1600, 900, |x, y| image::Rgb([x as u8, y as u8, 9]))
        .save(dir.join("lon.jpg"))
        .expect("photo");
    write(
        &dir,
        "index.md",
        "---\ntitle: Ảnh lớn\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: Ảnh.\n---\n\n![Ảnh lớn](lon.jpg)\n",
    );
    site
}

#[test]
fn check_writes_nothing_not_even_the_image_cache() {
    let site = site_with_photo();
    let before = snapshot(site.path());
    assert_exit(&kheo(site.path(), &["check"]), 0);
    assert_eq!(snapshot(site.path()), before);
    assert!(!site.path().join(".kheo-cache").exists());
}

#[test]
fn a_linked_image_cache_is_never_written_through() {
    let site = site_with_photo();
    let outside = tempfile::tempdir().expect("temp");
    std::os::unix::fs::symlink(outside.path(), site.path().join(".kheo-cache")).expect("link");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    assert_eq!(files(outside.path()), Vec::<String>::new());
    let copy = site.path().join("public/mo-hinh/anh-lon/lon-800w.jpg");
    assert_eq!(image::open(copy).expect("a real copy").width(), 800);
}

#[test]
fn broken_and_huge_images_never_fail_the_build() {
    let site = fixture("minimal");
    let dir = site.path().join("content/an-giang/2024/anh-hong");
    let mut huge = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
    huge.extend_from_slice(&30_000u32.to_be_bytes());
    huge.extend_from_slice(&30_000u32.to_be_bytes());
    huge.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    let mut cut = Vec::new();
    image::RgbImage::new(1600, 900)
        .write_to(&mut std::io::Cursor::new(&mut cut), image::ImageFormat::Png)
        .expect("png");
    cut.truncate(cut.len() / 2);
    write(&dir, "lon.png", &huge);
    write(&dir, "cut.png", &cut);
    write(
        &dir,
        "index.md",
        "---\ntitle: Ảnh hỏng\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: Ảnh.\n---\n\n![Lớn](lon.png)\n\n![Cụt](cut.png)\n",
    );
    let run = kheo(site.path(), &["build"]);
    assert!(!stderr(&run).contains("panicked"), "{}", stderr(&run));
    assert_ne!(run.status.code(), Some(2), "{}", stderr(&run));
    if run.status.success() {
        // Their "copies" are the originals, so every srcset entry still loads.
        let page = site.path().join("public/mo-hinh/anh-hong");
        for (name, bytes) in [("lon", &huge), ("cut", &cut)] {
            for w in [480, 800, 1200] {
                let copy = std::fs::read(page.join(format!("{name}-{w}w.png")));
                assert!(copy.is_ok_and(|c| c == *bytes), "{name}-{w}w.png");
            }
        }
    }
}

#[test]
fn an_out_path_through_a_missing_folder_and_back_is_the_folder_it_names() {
    // `missing/../victim` names `victim` once `missing` exists: it must be judged as
    // `victim` (not empty, not kheo's), not as a new folder.
    let site = fixture("minimal");
    let around = tempfile::tempdir().expect("temp");
    let victim = around.path().join("victim");
    write(&victim, "thesis.txt", "keep");
    let before = snapshot(&victim);
    let out = format!("{}/missing/../victim", arg(around.path()));
    let run = build_from(site.path(), site.path(), &out);
    assert_exit(&run, 2);
    assert_eq!(snapshot(&victim), before, "{}", stderr(&run));
    assert!(!around.path().join("missing").exists());
}

#[test]
fn folders_with_only_kheos_kind_of_name_are_never_removed_or_restored() {
    let site = fixture("minimal");
    let root = site.path();
    let dead = dead_pid();
    let (tmp, old) = (
        format!(".public.tmp-{dead}"),
        format!(".public.old-{}", dead + 1),
    );
    write(&root.join(&tmp), "thesis.txt", "precious");
    write(&root.join(&old), "notes.txt", "mine");
    assert_exit(&kheo(root, &["build"]), 0);
    assert_eq!(
        std::fs::read_to_string(root.join(&tmp).join("thesis.txt")).expect("kept"),
        "precious"
    );
    assert_eq!(
        std::fs::read_to_string(root.join(&old).join("notes.txt")).expect("kept"),
        "mine"
    );
    assert!(root.join("public/.kheo-output").is_file());
}
