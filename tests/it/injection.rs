//! No script reaches a reader, and no content reaches further than its place: script
//! URLs in Markdown never become links on pages or in feeds, raw HTML cannot style the
//! page or take the theme's ids, `base_url` must be a web address, CSV cells never
//! start a formula, feeds stay valid XML whatever a title holds, and diagnostics
//! neither split GitHub annotations nor drive the terminal.

use crate::support::{assert_exit, files, kheo, read, site_with, stderr, stdout};

/// Front matter after the title: a valid story in An Giang.
const FRONT: &str = "province: An Giang\nfield: Kinh tế\nyear: 2024\ndate: 2024-03-02\n";

/// A story file with this title line (YAML as written) and body.
fn story(title: &str, body: &str) -> Vec<u8> {
    format!("---\ntitle: {title}\n{FRONT}---\n\n{body}\n").into_bytes()
}

/// Every way of writing a script URL in Markdown that browsers would follow. (Images
/// with one are refused by validation, E021, before Markdown's policy applies: the
/// unit tests in `markdown` pin that policy.)
const SCRIPT_BODY: &str = "Bấm [vào đây](javascript:alert(1)) hoặc [đây](JaVaScRiPt:alert(2)), \
[kia](jav&#x61;script:alert(3)), <javascript:alert(4)>, [tham chiếu][r], \
[vb](vbscript:msgbox(5)), [html](data:text/html;base64,PHNjcmlwdD4=), \
[tab](<java\tscript:alert(6)>) và [ký tự](java&#9;script:alert(7)).\n\n\
[r]: javascript:alert(9)\n\n\
Có cả HTML: <a href=\"javascript:alert(10)\">a</a> <img src=\"data:text/html,x\"> \
<a href=\" JAVASCRIPT:alert(11)\">b</a>\n";

/// The values of every `href=` and `src=` in a page, feed or JSON, as a browser or
/// feed reader would read them after unescaping.
fn urls(text: &str) -> Vec<String> {
    let text = text
        .replace("&quot;", "\"")
        .replace("\\\"", "\"")
        .replace("&amp;", "&");
    let mut out = Vec::new();
    for attr in ["href=\"", "src=\""] {
        for part in text.split(attr).skip(1) {
            out.push(part.split('"').next().unwrap_or("").to_owned());
        }
    }
    out
}

/// True if a browser would run or open `url` as something other than a web page,
/// mail, phone number or site file.
fn is_dangerous(url: &str) -> bool {
    let clean: String = url
        .chars()
        .filter(|c| !c.is_ascii_control() && *c != ' ')
        .collect::<String>()
        .to_ascii_lowercase();
    let clean = clean
        .replace("%09", "")
        .replace("%0a", "")
        .replace("%0d", "");
    match clean.find([':', '/', '?', '#']) {
        Some(i) if clean[i..].starts_with(':') => {
            !["http", "https", "mailto", "tel"].contains(&&clean[..i])
        }
        _ => false,
    }
}

#[test]
fn script_urls_are_never_published_as_links_on_pages_or_in_feeds() {
    let site = site_with(&[(
        "content/an-giang/2024/bam-vao-day.md",
        &story("Bấm vào đây", SCRIPT_BODY),
    )]);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let public = site.path().join("public");
    let page = read(&public, "mo-hinh/bam-vao-day/index.html");
    assert!(
        page.contains("Bấm vào đây hoặc đây, kia,"),
        "the link text stays"
    );
    let mut checked = Vec::new();
    for rel in files(&public) {
        if !(rel.ends_with(".html") || rel.ends_with(".xml") || rel.ends_with(".json")) {
            continue;
        }
        let text = read(&public, &rel);
        for url in urls(&text) {
            assert!(!is_dangerous(&url), "{rel}: {url:?}");
        }
        if text.contains("vb") && text.contains("ký tự") {
            checked.push(rel);
        }
    }
    for must in [
        "mo-hinh/bam-vao-day/index.html",
        "atom.xml",
        "tinh/an-giang/atom.xml",
        "linh-vuc/kinh-te/atom.xml",
        "feed.json",
    ] {
        assert!(
            checked.iter().any(|c| c == must),
            "{must} not in {checked:?}"
        );
    }
}

#[test]
fn raw_html_cannot_style_the_page_or_take_the_citation_box() {
    let body = "<p id=\"citation\" class=\"citation copy\" style=\"position:fixed;inset:0\">Trích dẫn giả</p>\n\n\
                | a |\n|:-:|\n| <span style=\"position:fixed\">ô</span> |\n";
    let site = site_with(&[(
        "content/an-giang/2024/trich-dan.md",
        &story("Trích dẫn", body),
    )]);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let page = read(&site.path().join("public"), "mo-hinh/trich-dan/index.html");
    let prose = page.split("class=\"prose\"").nth(1).expect("prose");
    let prose = &prose[..prose.find("</div>").expect("end of prose")];
    assert!(prose.contains("id=\"user-content-citation\""), "{prose}");
    assert!(!prose.contains("position"), "{prose}");
    assert!(!prose.contains("class=\"citation"), "{prose}");
    assert!(prose.contains("style=\"text-align: center\""), "{prose}");
    assert_eq!(page.matches("id=\"citation\"").count(), 1);
    // The copy button reads the citation inside its own box (the story's shared script).
    assert!(page.contains("/assets/story.js\" defer"), "copy script");
    let script = read(&site.path().join("public"), "assets/story.js");
    assert!(script.contains("closest(\".materials\")"), "copy script");
}

#[test]
fn base_url_must_be_a_web_address() {
    let site = site_with(&[("content/an-giang/2024/mot.md", &story("Một", "Nội dung."))]);
    crate::support::write(
        site.path(),
        "site.yaml",
        "title: Thử\nbase_url: \"javascript:alert(1)//\"\n",
    );
    let out = kheo(site.path(), &["build"]);
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(
        err.contains("error[E001]: base_url `javascript:alert(1)//`"),
        "{err}"
    );
    assert!(err.contains("--> site.yaml:2"), "{err}");
    assert!(!site.path().join("public").exists());

    crate::support::write(site.path(), "site.yaml", "title: Thử\n");
    let out = kheo(
        site.path(),
        &["build", "--base-url", "javascript:alert(1)//"],
    );
    assert_exit(&out, 1);
    let err = stderr(&out);
    assert!(err.contains("error[E001]"), "{err}");
    assert!(err.contains("--base-url"), "{err}");
    assert!(!site.path().join("public").exists());

    let out = kheo(
        site.path(),
        &["build", "--base-url", "https://dvk.example.vn/x"],
    );
    assert_exit(&out, 0);
}

#[test]
fn csv_cells_never_start_a_formula() {
    let site = site_with(&[
        ("content/an-giang/2024/a.md", &story("\"-2+3\"", "Một.")),
        (
            "content/an-giang/2024/b.md",
            &story("\"-cmd|' /C calc'!A0\"", "Hai."),
        ),
        (
            "content/an-giang/2024/c.md",
            &story("\"=HYPERLINK(\\\"x\\\")\"\nsummary: \"@SUM(A1)\"", "Ba."),
        ),
    ]);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let public = site.path().join("public");
    for rel in ["du-lieu/mo-hinh.csv", "tinh/an-giang/mo-hinh.csv"] {
        let text = read(&public, rel);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut titles = Vec::new();
        for row in reader.records() {
            let row = row.expect("valid CSV");
            for cell in &row {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']),
                    "{rel}: {cell:?}"
                );
            }
            titles.push(row[2].to_owned());
        }
        titles.sort();
        assert_eq!(
            titles,
            ["'-2+3", "'-cmd|' /C calc'!A0", "'=HYPERLINK(\"x\")"],
            "{rel}"
        );
    }
}

#[test]
fn feeds_stay_valid_xml_whatever_characters_a_story_holds() {
    let title =
        "\"Tổ\\f hòa\\0 giải\\e \\x01\"\nsummary: \"Tóm\\f tắt\\b\"\nauthor: \"Tác\\v giả\"";
    let site = site_with(&[(
        "content/an-giang/2024/to-hoa-giai.md",
        &story(
            title,
            "Thân\u{c} bài\u{1b} có ký tự lạ\u{7}.\n\n## Mục\u{c}\n",
        ),
    )]);
    assert_exit(&kheo(site.path(), &["build"]), 0);
    let public = site.path().join("public");
    let mut feeds = 0;
    for rel in files(&public) {
        if !rel.ends_with(".xml") {
            continue;
        }
        let text = read(&public, &rel);
        let bad = text
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
        assert_eq!(bad, None, "{rel}");
        if rel.ends_with("atom.xml") {
            let feed = feed_rs::parser::parse(text.as_bytes())
                .unwrap_or_else(|e| panic!("{rel} is not a valid feed: {e}"));
            if let Some(entry) = feed.entries.first() {
                let entry_title = entry.title.as_ref().map(|t| t.content.as_str());
                assert_eq!(entry_title, Some("Tổ hòa giải"), "{rel}");
                feeds += 1;
            }
        }
    }
    assert_eq!(feeds, 3, "site, province and field feeds with the story");
    let json: serde_json::Value =
        serde_json::from_str(&read(&public, "feed.json")).expect("feed.json is JSON");
    assert_eq!(json["items"].as_array().map(Vec::len), Some(1));
}

/// A site with stories whose file names carry GitHub's and the terminal's special
/// characters, each with a problem to report (an unknown key).
fn site_with_odd_names() -> tempfile::TempDir {
    let bad = |key: &str| {
        format!("---\ntitle: Tên lạ\n{FRONT}\"{key}\": 1\n---\n\nNội dung.\n").into_bytes()
    };
    site_with(&[
        (
            "content/an-giang/2024/a,b::stop-commands::x.md",
            &bad("tag"),
        ),
        ("content/an-giang/2024/dong\nmoi.md", &bad("tagz")),
        (
            "content/an-giang/2024/mau\u{1b}[31mdo\u{7}.md",
            &bad("ti\\e]0;chiem\\atle"),
        ),
    ])
}

#[test]
fn github_annotations_stay_one_command_per_problem_whatever_the_file_name() {
    let site = site_with_odd_names();
    let out = kheo(site.path(), &["check", "--format", "github"]);
    assert_exit(&out, 1);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() >= 3, "{text}");
    for line in &lines {
        assert!(
            line.starts_with("::error file=") || line.starts_with("::warning file="),
            "{line:?}"
        );
        // `::kind props::message`: no property value ends early, no second command.
        let props = &line[2..line[2..].find("::").expect("message") + 2];
        assert_eq!(
            props.matches(',').count(),
            3,
            "file, line, col, title: {line:?}"
        );
    }
    assert!(text.contains("file=content/an-giang/2024/a%2Cb%3A%3Astop-commands%3A%3Ax.md,"));
    assert!(text.contains("file=content/an-giang/2024/dong%0Amoi.md,"));
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text:?}"
    );
}

#[test]
fn terminal_diagnostics_show_control_characters_instead_of_obeying_them() {
    let site = site_with_odd_names();
    for args in [&["check"][..], &["build"]] {
        let out = kheo(site.path(), args);
        assert_exit(&out, 1);
        let err = stderr(&out);
        let bad = err
            .chars()
            .find(|c| c.is_control() && *c != '\n' || ('\u{202a}'..='\u{202e}').contains(c));
        assert_eq!(bad, None, "{args:?}: {err:?}");
        assert!(err.contains("mau␛[31mdo␇.md"), "{err}");
        assert!(err.contains("ti␛]0;chiem␇tle"), "{err}");
    }
}
