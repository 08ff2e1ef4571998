//! The output's footprint (issue 19): what the default theme repeats on every page and in
//! every card stays lean (byte budgets that the theme before issue 19 exceeded), without
//! losing what readers use; and `scripts/footprint.py` accounts for every file and byte
//! of a build.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::{assert_exit, files, fixture, kheo, read};

/// The minimal fixture built into `public/`.
fn built() -> tempfile::TempDir {
    let site = fixture("minimal");
    assert_exit(&kheo(site.path(), &["build"]), 0);
    site
}

/// The HTML pages of a build (redirect stubs left out), as (relative path, text).
fn pages(public: &Path) -> Vec<(String, String)> {
    files(public)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .map(|f| {
            let html = read(public, &f);
            (f, html)
        })
        .filter(|(_, html)| !html.contains("http-equiv=\"refresh\""))
        .collect()
}

/// Bytes of a page's body outside `<main>`: header, breadcrumbs, footer, scripts.
fn chrome(html: &str) -> usize {
    let body = html.find("<body").expect("body");
    let main = html.find("<main").expect("main");
    let end = html.rfind("</main>").expect("end of main") + "</main>".len();
    (main - body) + (html.len() - end)
}

#[test]
fn every_page_repeats_under_2_kb_of_chrome() {
    // Before issue 19: 2.6-2.9 KB on every page (inline SVG icons, indentation, link type
    // hints), 3.7 KB on a story page (its inline script).
    let site = built();
    let public = site.path().join("public");
    let pages = pages(&public);
    assert!(pages.len() > 20, "pages built");
    for (rel, html) in &pages {
        let n = chrome(html);
        assert!(n <= 2000, "{rel}: {n} bytes outside <main>");
        let outside = &html[html.find("<body").expect("body")..html.find("<main").expect("main")];
        assert!(
            !outside.contains("<svg"),
            "{rel}: an inline icon in the header"
        );
    }
    let css = read(&public, "assets/style.css");
    assert!(
        css.contains(".brand::before {"),
        "brand mark drawn by the stylesheet"
    );
    assert!(
        css.contains(".header-search button::before {"),
        "search icon drawn by the stylesheet"
    );
}

#[test]
fn a_card_keeps_title_place_field_year_summary_and_unit_in_lean_markup() {
    let site = built();
    let html = read(&site.path().join("public"), "tinh/an-giang/index.html");
    let from = html.find("<article class=\"card\">").expect("a card");
    let card = &html[from..from + html[from..].find("</article>").expect("card end") + 10];
    assert!(card.contains("<h3><a href=\"/mo-hinh/nong-dan-lien-ket-trong-lua-sach/\">Nông dân liên kết trồng lúa sạch</a></h3>"), "{card}");
    for link in [
        "<a href=\"/tinh/an-giang/\">An Giang</a>",
        "<a href=\"/linh-vuc/kinh-te/\">Kinh tế</a>",
        "<a href=\"/nam/2024/\">2024</a>",
    ] {
        assert!(card.contains(link), "{link} in {card}");
    }
    assert!(
        card.contains("<p>Hội Nông dân xã vận động bà con"),
        "summary: {card}"
    );
    assert!(
        card.contains("<footer>Hội Nông dân xã Vĩnh Hanh</footer>"),
        "unit: {card}"
    );
    // Markup only: the card without its text and link targets. Before issue 19: 239 bytes.
    let mut markup = card.len();
    for text in [
        "/mo-hinh/nong-dan-lien-ket-trong-lua-sach/",
        "Nông dân liên kết trồng lúa sạch",
        "/tinh/an-giang/",
        "An Giang",
        "/linh-vuc/kinh-te/",
        "Kinh tế",
        "/nam/2024/",
        "2024",
        "Hội Nông dân xã vận động bà con góp đất, góp công trồng lúa theo quy trình sạch, bán theo hợp đồng với doanh nghiệp.",
        "Hội Nông dân xã Vĩnh Hanh",
    ] {
        assert!(card.contains(text), "{text} in {card}");
        markup -= text.len();
    }
    assert!(markup <= 160, "{markup} bytes of markup in {card}");
}

#[test]
fn story_pages_share_one_deferred_script_instead_of_an_inline_copy() {
    let site = built();
    let public = site.path().join("public");
    let script = read(&public, "assets/story.js");
    assert!(
        script.contains("navigator.clipboard.writeText"),
        "copy button"
    );
    assert!(
        script.contains("b.dataset.copied"),
        "its message from the page"
    );
    let stories: Vec<_> = pages(&public)
        .into_iter()
        .filter(|(rel, _)| rel.starts_with("mo-hinh/"))
        .collect();
    assert_eq!(stories.len(), 4);
    for (rel, html) in &stories {
        assert!(
            html.contains("<script src=\"/assets/story.js\" defer></script>"),
            "{rel}"
        );
        assert!(
            html.contains("data-copied=\"Đã chép\""),
            "{rel}: the copied message"
        );
        for tag in html.split("<script").skip(1) {
            let tag = &tag[..tag.find('>').expect("tag end")];
            assert!(
                tag.contains(" src=") || tag.contains("application/ld+json"),
                "{rel}: inline <script{tag}>"
            );
        }
    }
}

#[test]
fn the_footprint_script_accounts_for_every_file_and_byte() {
    let Ok(python) = which_python() else {
        eprintln!("skipped: no python3 on PATH");
        return;
    };
    let site = built();
    let public = site.path().join("public");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/footprint.py");
    let out = Command::new(python)
        .arg(&script)
        .arg(&public)
        .arg("--json")
        .output()
        .expect("run footprint.py");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let data: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let all: Vec<_> = files(&public)
        .into_iter()
        .filter(|f| f != ".kheo-output")
        .collect();
    let bytes: u64 = all
        .iter()
        .map(|f| std::fs::metadata(public.join(f)).expect("stat").len())
        .sum();
    assert_eq!(data["total"][0], all.len(), "every file counted once");
    assert_eq!(data["total"][1], bytes, "every byte counted once");
    assert_eq!(data["articles"], 4);
    let types = &data["types"];
    for (kind, n) in [
        ("story page", 4),
        ("story index.md", 4),
        ("story index.json", 4),
    ] {
        assert_eq!(types[kind][0], n, "{kind}");
    }
    for kind in [
        "list: province",
        "list: year",
        "list: tag",
        "feeds",
        "search index",
        "data files",
        "assets",
    ] {
        assert!(
            types[kind][0].as_u64().is_some_and(|n| n > 0),
            "{kind} in {types}"
        );
    }
    // The story pages' cards are the related models; the list pages' are their stories.
    assert!(
        data["html"]["story page"][5]
            .as_u64()
            .is_some_and(|n| n > 0),
        "related cards"
    );
}

/// `python3`, if it runs.
fn which_python() -> Result<&'static str, std::io::Error> {
    Command::new("python3")
        .arg("--version")
        .output()
        .map(|_| "python3")
}

#[test]
fn a_build_names_a_file_too_big_for_cloudflare_pages_and_still_succeeds() {
    let site = fixture("minimal");
    // One byte past Cloudflare Pages' 25 MiB a file.
    let big = vec![b'x'; 25 * 1024 * 1024 + 1];
    crate::support::write(site.path(), "static/tai-lieu/so-lieu.csv", big);
    let out = kheo(site.path(), &["build", "--lang", "vi"]);
    assert_exit(&out, 0);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("lưu ý: tệp /tai-lieu/so-lieu.csv nặng 26.2 MB, quá 25 MiB"),
        "{err}"
    );
    assert!(site.path().join("public/tai-lieu/so-lieu.csv").is_file());
    // A site within every limit hears nothing of hosts.
    let small = built();
    let out = kheo(small.path(), &["build", "--no-cache"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("MiB"));
}
