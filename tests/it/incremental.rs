//! Incremental builds (`.kheo-cache/build-state`): a seeded random-edit test generates a
//! site of a few hundred stories (small pages, so pagination moves), applies random
//! edits of every kind, and after each one compares the incremental build with a build
//! from nothing, byte for byte, and checks that files whose bytes did not change were
//! not written again. `KHEO_EDITS` (default 24) and `KHEO_EDIT_SEED` run more or other
//! edits; `KHEO_EDIT_STORIES` (default 160) a bigger site.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use super::serve::Server;
use super::support::{assert_exit, files, kheo, stderr, write};

const PROVINCES: &[&str] = &[
    "An Giang",
    "Bạc Liêu",
    "Bến Tre",
    "Cà Mau",
    "Quảng Nam",
    "Đà Nẵng",
    "Hà Nội",
    "Vĩnh Long",
];
const FIELDS: &[&str] = &[
    "Kinh tế",
    "Văn hóa - xã hội",
    "Quốc phòng - an ninh",
    "Xây dựng hệ thống chính trị",
];
const TAGS: &[&str] = &[
    "nông thôn mới",
    "hiến đất",
    "phụ nữ",
    "thanh niên",
    "hòa giải",
];
/// The smallest valid PNG (1×1).
const PNG: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0xF0,
    0x1F, 0x00, 0x05, 0x00, 0x01, 0xFF, 0x89, 0x99, 0x3D, 0x1D, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
];

/// The settings of the small sites most tests build.
const SETTINGS: &str = "title: Thử\nbase_url: https://example.org/\n";

/// A small deterministic generator (xorshift), so a seed replays a failure.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

/// One story's front matter and body, as the test edits them.
#[derive(Clone)]
struct Story {
    title: String,
    province: &'static str,
    field: &'static str,
    year: u32,
    date: Option<(u32, u32)>,
    summary: String,
    tags: Vec<&'static str>,
    slug: Option<String>,
    aliases: Vec<String>,
    draft: bool,
    withdrawn: bool,
    image: bool,
    body: String,
}

impl Story {
    fn new(rng: &mut Rng, n: usize) -> Story {
        let tags = (0..rng.below(3)).map(|_| rng.pick(TAGS)).collect();
        Story {
            title: format!("Mô hình dân vận khéo số {n}"),
            province: rng.pick(PROVINCES),
            field: rng.pick(FIELDS),
            year: 2016 + rng.below(10) as u32,
            date: None,
            summary: format!("Tóm tắt của mô hình số {n}."),
            tags,
            slug: None,
            aliases: Vec::new(),
            draft: false,
            withdrawn: false,
            image: false,
            body: format!("Bài viết về mô hình số {n}, vận động nhân dân cùng làm.\n"),
        }
    }

    fn text(&self) -> String {
        let mut t = format!(
            "---\ntitle: {}\nprovince: {}\nfield: {}\nyear: {}\nsummary: {}\n",
            self.title, self.province, self.field, self.year, self.summary
        );
        if let Some((m, d)) = self.date {
            t.push_str(&format!("date: {}-{m:02}-{d:02}\n", self.year));
        }
        if !self.tags.is_empty() {
            t.push_str(&format!("tags: [{}]\n", self.tags.join(", ")));
        }
        if let Some(s) = &self.slug {
            t.push_str(&format!("slug: {s}\n"));
        }
        if !self.aliases.is_empty() {
            t.push_str(&format!("aliases: [{}]\n", self.aliases.join(", ")));
        }
        if self.draft {
            t.push_str("draft: true\n");
        }
        if self.withdrawn {
            t.push_str("withdrawn: Trùng với một bài khác\n");
        }
        if self.image {
            t.push_str("image: anh.png\nimage_caption: Người dân cùng làm\n");
        }
        t.push_str("---\n");
        t.push_str(&self.body);
        t
    }
}

/// The site being edited: stories by number (`None`: deleted for now).
struct Site {
    stories: Vec<Option<Story>>,
}

impl Site {
    /// A site of `count` generated stories (drawn from `rng`) written at `root` with
    /// `site.yaml` holding `settings`.
    fn written(root: &Path, settings: &str, rng: &mut Rng, count: usize) -> Site {
        write(root, "site.yaml", settings);
        let site = Site {
            stories: (0..count).map(|n| Some(Story::new(rng, n))).collect(),
        };
        for n in 0..count {
            site.save(root, n);
        }
        site
    }

    /// Each story is a folder with `index.md`, so it can carry an image.
    fn dir(n: usize) -> String {
        format!("content/mo-hinh-{n:03}")
    }

    fn save(&self, root: &Path, n: usize) {
        let dir = root.join(Self::dir(n));
        match &self.stories[n] {
            Some(s) => {
                write(root, &format!("{}/index.md", Self::dir(n)), s.text());
                let img = dir.join("anh.png");
                if s.image {
                    write(root, &format!("{}/anh.png", Self::dir(n)), PNG);
                } else if img.exists() {
                    std::fs::remove_file(img).expect("remove image");
                }
            }
            None => std::fs::remove_dir_all(dir).expect("remove story"),
        }
    }
}

/// Applies one random edit; returns what it did, for the failure message.
fn edit(rng: &mut Rng, root: &Path, site: &mut Site, step: usize) -> String {
    let n = rng.below(site.stories.len());
    let kind = rng.below(17);
    if kind == 15 {
        let css = format!("/* {step} */ .card {{ margin: {}px; }}\n", rng.below(9));
        write(root, "static/assets/extra.css", css);
        let tpl =
            format!("<!-- {step} --><footer class=\"site-footer\">{{{{ site.title }}}}</footer>\n");
        write(root, "templates/footer-note.html", tpl);
        return "theme files".into();
    }
    if kind == 16 {
        let size = 2 + rng.below(3);
        let yaml = format!(
            "title: Thử nghiệm {step}\nbase_url: https://example.org/\npage_size: {size}\n"
        );
        write(root, "site.yaml", yaml);
        return format!("site.yaml page_size {size}");
    }
    let Some(story) = site.stories[n].as_mut() else {
        // Deleted earlier: added back.
        site.stories[n] = Some(Story::new(rng, n));
        site.save(root, n);
        return format!("story {n} added back");
    };
    let what = match kind {
        0 => {
            story
                .body
                .push_str(&format!("\nThêm một đoạn ở bước {step}.\n"));
            "body"
        }
        1 => {
            story.title = format!("Mô hình số {n}, sửa ở bước {step}");
            "title"
        }
        2 => {
            story.summary = format!("Tóm tắt mới ở bước {step}.");
            "summary"
        }
        3 => {
            story.year = 2016 + rng.below(10) as u32;
            "year"
        }
        4 => {
            story.date = Some((1 + rng.below(12) as u32, 1 + rng.below(28) as u32));
            "date"
        }
        5 => {
            story.province = rng.pick(PROVINCES);
            "province"
        }
        6 => {
            story.field = rng.pick(FIELDS);
            "field"
        }
        7 => {
            story.tags = (0..rng.below(3)).map(|_| rng.pick(TAGS)).collect();
            "tags"
        }
        8 => {
            story.slug = Some(format!("mo-hinh-rieng-{n}-{step}"));
            "slug"
        }
        9 => {
            story.aliases = vec![format!("/cu/bai-{n}-{step}/")];
            "aliases"
        }
        10 => {
            story.draft = !story.draft;
            "draft"
        }
        11 => {
            story.withdrawn = !story.withdrawn;
            "withdrawn"
        }
        12 | 13 => {
            story.image = !story.image;
            "image"
        }
        _ => {
            site.stories[n] = None;
            site.save(root, n);
            return format!("story {n} deleted");
        }
    };
    site.save(root, n);
    format!("story {n}: {what}")
}

/// Every file below `out`: its bytes and modification time.
fn snapshot(out: &Path) -> BTreeMap<String, (Vec<u8>, SystemTime)> {
    files(out)
        .into_iter()
        .map(|rel| {
            let p = out.join(&rel);
            let bytes = std::fs::read(&p).expect("read output");
            let mtime = std::fs::metadata(&p).and_then(|m| m.modified());
            (rel, (bytes, mtime.expect("mtime")))
        })
        .collect()
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn incremental_builds_equal_a_build_from_nothing_after_random_edits() {
    let seed = env_number("KHEO_EDIT_SEED", 0x6b68_656f);
    let edits = env_number("KHEO_EDITS", 24) as usize;
    let count = env_number("KHEO_EDIT_STORIES", 160) as usize;
    let mut rng = Rng(seed.max(1));
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = "title: Thử nghiệm\nbase_url: https://example.org/\npage_size: 3\n";
    let mut site = Site::written(dir.path(), settings, &mut rng, count);
    assert_exit(&kheo(dir.path(), &["build"]), 0);
    // The same site served by `kheo serve`, which rebuilds on every edit.
    let server = Server::start_with(dir, &[("KHEO_LOG", "debug")]);
    let root = server.root();
    let other = tempfile::tempdir().expect("temp dir");
    let clean = other.path().join("clean");
    let served = other.path().join("served");
    let mut served_before: Vec<String> = Vec::new();
    let (mut incremental, mut patched) = (0, 0);
    for step in 0..edits {
        let before = snapshot(&root.join("public"));
        let what = edit(&mut rng, root, &mut site, step);
        let context = format!("seed {seed:#x}, step {step}: {what}");
        let out = debug_build(root);
        let out_clean = build_into(root, &clean, &[]);
        assert_eq!(
            out.status.code(),
            out_clean.status.code(),
            "{context}\n{}\n{}",
            stderr(&out),
            stderr(&out_clean)
        );
        if out.status.code() != Some(0) {
            // An edit that made the site invalid (two stories at one address, say):
            // the output stays as it was, and the next edits go on from there.
            assert!(
                snapshot(&root.join("public")) == before,
                "{context}: output changed"
            );
            continue;
        }
        if stderr(&out).contains("updated ") {
            incremental += 1;
        }
        patched += usize::from(stderr(&out).contains("search: patch"));
        let after = snapshot(&root.join("public"));
        same_files(&root.join("public"), &clean, &context);
        let rewritten: Vec<&String> = after
            .iter()
            .filter(|(k, (bytes, mtime))| {
                before
                    .get(*k)
                    .is_some_and(|(b, m)| b == bytes && m != mtime)
            })
            .map(|(k, _)| k)
            .collect();
        assert!(
            rewritten.is_empty(),
            "{context}: unchanged files written again: {rewritten:?}"
        );
        if step % 3 == 2 || step + 1 == edits {
            // The preview shows drafts (marked), as `build --drafts` does.
            let base = format!("--base-url={}", server.url("/"));
            assert_exit(&build_into(root, &served, &[&base, "--drafts"]), 0);
            served_before = serves_the_same(&server, &served, &served_before, &context);
        }
    }
    // Most edits leave the settings alone: those builds wrote only what changed.
    assert!(
        incremental * 2 > edits,
        "only {incremental} of {edits} builds were incremental"
    );
    // Of those, many patched the search index (not those that changed a setting,
    // a template or many stories), and so did the preview's.
    assert!(
        patched * 3 > edits,
        "only {patched} of {edits} builds patched the index"
    );
    let log = server.log();
    assert!(
        log.contains("search: patch"),
        "the preview never patched: {log}"
    );
}

/// `kheo build` with the stages logged (`KHEO_LOG=debug`).
fn debug_build(root: &Path) -> std::process::Output {
    crate::support::kheo_command()
        .args(["build", "--root"])
        .arg(root)
        .env_remove("CI")
        .env("KHEO_LOG", "debug")
        .output()
        .expect("run kheo")
}

/// `kheo build --no-cache --out <out>` and `extra` arguments.
fn build_into(root: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let out = out.to_string_lossy();
    let mut args = vec!["build", "--no-cache", "--out", &out];
    args.extend_from_slice(extra);
    kheo(root, &args)
}

/// Waits (at most 60 s) until `server` serves every file of the build in `built` with
/// the same bytes (but for the live-reload script in pages), and answers 404 (or a
/// redirect, for a story that moved) for the pages of the last build that this one no
/// longer has. Returns this build's files.
#[track_caller]
fn serves_the_same(server: &Server, built: &Path, last: &[String], context: &str) -> Vec<String> {
    let live = "<script src=\"/__kheo/live.js\" defer></script>";
    let mut paths = files(built);
    paths.retain(|p| p != ".kheo-output");
    let target = |rel: &str| format!("/{}", rel.trim_end_matches("index.html"));
    let differing = || -> Vec<String> {
        let mut bad: Vec<String> = paths
            .iter()
            .filter(|rel| {
                let want = std::fs::read(built.join(rel)).expect("read built file");
                let got = server.get(&target(rel));
                let body = if rel.ends_with(".html") {
                    String::from_utf8_lossy(&got.body)
                        .replacen(live, "", 1)
                        .into_bytes()
                } else {
                    got.body
                };
                got.status != 200 || body != want
            })
            .cloned()
            .collect();
        bad.extend(
            last.iter()
                .filter(|p| !paths.contains(p) && p.ends_with(".html"))
                // Gone (404), or moved: the preview sends a tab to a story's new address.
                .filter(|p| !matches!(server.get(&target(p)).status, 404 | 301..=308))
                .cloned(),
        );
        bad
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let bad = differing();
        if bad.is_empty() {
            return paths;
        }
        if std::time::Instant::now() > deadline {
            let first = &bad[0];
            let want = std::fs::read_to_string(built.join(first)).unwrap_or_default();
            let got = server.get(&target(first)).text().replacen(live, "", 1);
            if let Ok(dir) = std::env::var("KHEO_EDIT_DUMP") {
                let _ = std::fs::write(format!("{dir}/served.html"), &got);
                let _ = std::fs::write(format!("{dir}/built.html"), &want);
            }
            let at = want
                .bytes()
                .zip(got.bytes())
                .take_while(|(a, b)| a == b)
                .count();
            let near = |t: &str| {
                let from = (at.saturating_sub(300)..=at).find(|&i| t.is_char_boundary(i));
                let to = (at..t.len()).find(|&i| i >= at + 300 && t.is_char_boundary(i));
                t.get(from.unwrap_or(0)..to.unwrap_or(t.len()))
                    .unwrap_or("")
                    .to_owned()
            };
            panic!(
                "{context}: served files differ from the build: {bad:?}\n--- built, near the first difference\n{}\n--- served\n{}",
                near(&want),
                near(&got)
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
}

#[test]
fn a_build_with_nothing_changed_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    Site::written(root, SETTINGS, &mut Rng(7), 12);
    assert_exit(&kheo(root, &["build"]), 0);
    let before = snapshot(&root.join("public"));
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains("0 changed files written, 0 files no longer used removed"),
        "{}",
        stderr(&out)
    );
    assert!(snapshot(&root.join("public")) == before, "output changed");
}

/// With every input as the last build read it, nothing is validated or rendered again
/// (the timings of `--verbose` show no validation); an edit after such a build is
/// built as usual.
#[test]
fn a_build_with_nothing_changed_validates_nothing_and_the_next_edit_is_built() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let mut site = Site::written(root, SETTINGS, &mut Rng(11), 8);
    assert_exit(&kheo(root, &["build"]), 0);
    let out = kheo(root, &["build", "--verbose"]);
    assert_exit(&out, 0);
    let text = stderr(&out);
    assert!(text.contains("0 pages rendered again"), "{text}");
    assert!(!text.contains("parse+validate"), "validated again: {text}");
    site.stories[3].as_mut().expect("story").summary = "Một tóm tắt khác hẳn.".into();
    site.save(root, 3);
    let out = kheo(root, &["build", "--verbose"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("parse+validate"), "{}", stderr(&out));
    same_as_clean(root, "after the edit");
}

/// A build that had warnings is validated again even when nothing changed, so its
/// warnings are shown every time, never silently dropped.
#[test]
fn warnings_are_shown_again_by_a_build_with_nothing_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    Site::written(root, SETTINGS, &mut Rng(5), 4);
    write(
        root,
        "content/khong-tom-tat.md",
        "---\ntitle: Mô hình chưa có tóm tắt\nprovince: Cà Mau\nfield: Kinh tế\nyear: 2024\n---\nNội dung.\n",
    );
    for run in 0..2 {
        let out = kheo(root, &["build"]);
        assert_exit(&out, 0);
        assert!(stderr(&out).contains("W001"), "run {run}: {}", stderr(&out));
    }
}

/// A theme inside the site, checked out again (every file a new time, the same bytes,
/// as in CI), costs no page rendered again: the build state knows static files by
/// their content.
#[test]
fn a_site_theme_checked_out_again_renders_nothing_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    Site::written(root, SETTINGS, &mut Rng(9), 5);
    let theme = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
    super::support::copy_tree(&theme, &root.join("themes"));
    assert_exit(&kheo(root, &["build"]), 0);
    std::thread::sleep(std::time::Duration::from_millis(20));
    for file in super::support::files(&root.join("themes")) {
        let path = root.join("themes").join(&file);
        let bytes = std::fs::read(&path).expect("theme file");
        std::fs::write(&path, bytes).expect("theme file");
    }
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert!(
        stderr(&out).contains(" 0 pages rendered again"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_damaged_or_foreign_build_state_is_never_trusted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let mut site = Site::written(root, SETTINGS, &mut Rng(11), 8);
    assert_exit(&kheo(root, &["build"]), 0);
    let other = tempfile::tempdir().expect("temp dir");
    let clean = other.path().join("clean");
    let clean_arg = clean.to_string_lossy().into_owned();
    let state = root.join(".kheo-cache/build-state");
    let text = std::fs::read_to_string(&state).expect("state written");
    let damaged = [
        text[..text.len() / 2].to_owned(),
        text.replacen("kheo build state 1", "kheo build state 0", 1),
        text.replacen("\nF ", "\nF 0", 1),
        String::from("rác"),
    ];
    for (i, bad) in damaged.iter().enumerate() {
        site.stories[0].as_mut().expect("story").summary = format!("Sửa lần {i}.");
        site.save(root, 0);
        std::fs::write(&state, bad).expect("damage state");
        let out = kheo(root, &["build"]);
        assert_exit(&out, 0);
        assert!(
            stderr(&out).contains("built "),
            "case {i}: a damaged state was used: {}",
            stderr(&out)
        );
        assert_exit(
            &kheo(root, &["build", "--no-cache", "--out", &clean_arg]),
            0,
        );
        same_files(&root.join("public"), &clean, &format!("case {i}"));
    }
    // A file of the output changed by hand: the output is not the one the state
    // describes, so it is written whole again, and the hand edit is gone.
    assert_exit(&kheo(root, &["build"]), 0);
    write(root, "public/index.html", "sửa tay");
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("built "), "{}", stderr(&out));
    same_files(&root.join("public"), &clean, "after a hand edit");
}

#[test]
fn a_failed_incremental_build_leaves_the_output_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let mut site = Site::written(root, SETTINGS, &mut Rng(5), 6);
    assert_exit(&kheo(root, &["build"]), 0);
    let before = snapshot(&root.join("public"));
    // One good edit and one broken template: nothing of the good edit may land.
    site.stories[1]
        .as_mut()
        .expect("story")
        .body
        .push_str("\nĐoạn mới.\n");
    site.save(root, 1);
    write(root, "templates/list.html", "{% for x in %}");
    assert_exit(&kheo(root, &["build"]), 1);
    assert!(snapshot(&root.join("public")) == before, "output changed");
    std::fs::remove_file(root.join("templates/list.html")).expect("remove");
    assert_exit(&kheo(root, &["build"]), 0);
    assert!(
        super::support::read(root, "public/mo-hinh/mo-hinh-dan-van-kheo-so-1/index.html")
            .contains("Đoạn mới.")
    );
}

/// Asserts the site at `root` built into `public/` is what a build from nothing makes
/// of it, byte for byte.
#[track_caller]
fn same_as_clean(root: &Path, context: &str) {
    let other = tempfile::tempdir().expect("temp dir");
    assert_exit(&build_into(root, &other.path().join("clean"), &[]), 0);
    same_files(&root.join("public"), &other.path().join("clean"), context);
}

/// Asserts two output folders hold the same files with the same bytes; names the ones
/// that differ.
#[track_caller]
fn same_files(a: &Path, b: &Path, context: &str) {
    let (a, b) = (snapshot(a), snapshot(b));
    let differ: Vec<&String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k).map(|f| &f.0) != b.get(*k).map(|f| &f.0))
        .collect();
    assert!(differ.is_empty(), "{context}: files differ: {differ:?}");
}

/// CI keeps `.kheo-cache/` and `public/` between runs in an archive (GitHub's
/// `actions/cache`), restored into a fresh checkout: modification times survive to the
/// second, and the next build still writes only what changed.
#[test]
fn an_output_carried_with_its_cache_to_a_fresh_checkout_is_updated_incrementally() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("a");
    let mut site = Site::written(&root, SETTINGS, &mut Rng(3), 6);
    assert_exit(&kheo(&root, &["build"]), 0);
    // A fresh checkout elsewhere, then the cache restored from a tar archive.
    let fresh = dir.path().join("b");
    let archive = dir.path().join("cache.tar");
    let tar = |args: &[&str]| {
        let ok = std::process::Command::new("tar")
            .args(args)
            .status()
            .expect("tar");
        assert!(ok.success(), "tar {args:?}");
    };
    let (a, b, t) = (
        root.to_string_lossy().into_owned(),
        fresh.to_string_lossy().into_owned(),
        archive.to_string_lossy().into_owned(),
    );
    tar(&["-cf", &t, "-C", &a, ".kheo-cache", "public"]);
    for n in 0..6 {
        site.save(&fresh, n);
    }
    write(&fresh, "site.yaml", SETTINGS);
    tar(&["-xf", &t, "-C", &b]);
    site.stories[2].as_mut().expect("story").summary = "Tóm tắt mới.".into();
    site.save(&fresh, 2);
    let out = kheo(&fresh, &["build"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("updated "), "{}", stderr(&out));
    same_as_clean(&fresh, "after the restore");
}

/// A `.kheo-cache` that is a symbolic link is never read or written: the state could
/// otherwise be planted from outside the site, or written there.
#[cfg(unix)]
#[test]
fn a_linked_cache_folder_is_never_used_for_the_build_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    Site::written(&root, SETTINGS, &mut Rng(9), 3);
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    std::os::unix::fs::symlink(&elsewhere, root.join(".kheo-cache")).expect("symlink");
    assert_exit(&kheo(&root, &["build"]), 0);
    let out = kheo(&root, &["build"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("built "), "{}", stderr(&out));
    assert!(!elsewhere.join("build-state").exists());
}

/// A photo replaced by another of the same name: its smaller copies (their own job) are
/// made again, exactly as a build from nothing makes them; `check` makes none.
#[test]
fn a_replaced_photo_gets_new_copies_and_check_makes_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(root, "site.yaml", SETTINGS);
    let photo = |shade: u8| {
        let img =
            image::RgbImage::from_fn(1000, 600, |x, _| image::Rgb([shade, (x % 256) as u8, 90]));
        img.save(root.join("content/anh/lon.png"))
            .expect("save photo");
    };
    write(
        root,
        "content/anh/index.md",
        "---\ntitle: Ảnh lớn\nprovince: An Giang\nfield: Kinh tế\nyear: 2024\nsummary: Thử.\nimage: lon.png\n---\nẢnh.\n",
    );
    photo(10);
    assert_exit(&kheo(root, &["check"]), 0);
    assert!(!root.join(".kheo-cache").exists(), "check wrote the cache");
    assert_exit(&kheo(root, &["build"]), 0);
    let copy = root.join("public/mo-hinh/anh-lon/lon-480w.png");
    let before = std::fs::read(&copy).expect("a smaller copy");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    photo(200);
    let out = kheo(root, &["build"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("updated "), "{}", stderr(&out));
    assert_ne!(
        std::fs::read(&copy).expect("copy"),
        before,
        "copy made again"
    );
    same_as_clean(root, "after the new photo");
}

/// A build state planted in the cache (say by a pull request that adds `.kheo-cache/`)
/// naming files outside the output is never trusted: nothing outside is removed.
#[test]
fn a_planted_build_state_never_reaches_outside_the_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("site");
    Site::written(&root, SETTINGS, &mut Rng(13), 3);
    assert_exit(&kheo(&root, &["build"]), 0);
    let outside = dir.path().join("quan-trong.txt");
    std::fs::write(&outside, "giữ nguyên").expect("write");
    let file = root.join(".kheo-cache/build-state");
    let mut state = kheo::engine::state::State::default();
    let stamp = kheo::output::Stamp {
        hash: 1,
        len: 10,
        mtime: 0,
    };
    state.files.insert("../quan-trong.txt".into(), stamp);
    kheo::engine::state::write(&file, &state).expect("plant a state");
    let out = kheo(&root, &["build"]);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("built "), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&outside).expect("still there"),
        "giữ nguyên"
    );
}

/// A story's body rewritten (the same words, so the average lengths keep their steps),
/// then a story moved: the search index is patched from the last output's (the stages
/// of `KHEO_LOG=debug` say so), and the site is a clean build's, byte for byte.
#[test]
fn a_body_edit_patches_the_search_index_into_a_clean_builds_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let mut site = Site::written(root, SETTINGS, &mut Rng(23), 40);
    assert_exit(&kheo(root, &["build"]), 0);
    for (step, n) in [5, 17, 5].into_iter().enumerate() {
        // Its words in another order: the same words and spellings (see `search::patch`
        // on the words of abbreviations), the same lengths, other word pairs.
        let story = site.stories[n].as_mut().expect("story");
        let mut words: Vec<&str> = story.body.split_whitespace().collect();
        words.rotate_left(1 + step);
        story.body = words.join(" ");
        site.save(root, n);
        let out = debug_build(root);
        assert_exit(&out, 0);
        let text = stderr(&out);
        assert!(text.contains("search: patch"), "step {step}: {text}");
        same_as_clean(root, "after a body edit");
    }
    // A story moved to another year: the others are renumbered, the index still patched.
    let story = site.stories[9].as_mut().expect("story");
    story.year = if story.year == 2019 { 2021 } else { 2019 };
    site.save(root, 9);
    let out = debug_build(root);
    assert_exit(&out, 0);
    assert!(stderr(&out).contains("search: patch"), "{}", stderr(&out));
    same_as_clean(root, "after a move");
}
