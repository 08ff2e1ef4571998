//! Everything `build` would trip on is a diagnostic of `check`, with file and line:
//! blank required values, names too long for the file system, paths that clash,
//! static files over generated pages, images that cannot be used; addresses stay put
//! when a same-titled story is added; many broken links cost linear time and memory.

use crate::support::{assert_exit, kheo, read, site_with, stderr, write};

/// Front matter with `title_line` as the title line, then the usual keys.
fn story(title_line: &str, extra: &str) -> String {
    format!(
        "---\n{title_line}\nprovince: Bến Tre\nfield: Kinh tế\nyear: 2024\nsummary: Thử.\n{extra}---\n\nNội dung.\n"
    )
}

/// Runs `check` and `build`: both must fail with `code` at `location`.
#[track_caller]
fn both_fail_at(site: &std::path::Path, code: &str, location: &str) -> String {
    let mut last = String::new();
    for cmd in ["check", "build"] {
        let out = kheo(site, &[cmd]);
        assert_exit(&out, 1);
        let err = stderr(&out);
        let wanted = format!("error[{code}]");
        let at = err
            .split("\n\n")
            .find(|b| b.contains(&wanted) && b.contains(&format!("--> {location}")));
        assert!(at.is_some(), "{cmd}: no {code} at {location}:\n{err}");
        assert!(!err.contains("os error"), "{cmd}: raw OS error:\n{err}");
        last = err;
    }
    last
}

#[test]
fn blank_required_values_are_missing_values_at_their_line() {
    let blanks = [
        ("title: \"\"", "title"),
        ("title: \"   \"", "title"),
        ("title: \u{a0}", "title"),
        ("title: \"\u{3000}\u{2003}\"", "title"),
        ("title: \"\u{200b}\"", "title"),
        ("title: |\n", "title"),
        ("title:", "title"),
    ];
    for (line, _) in blanks {
        let text = story(line, "");
        let site = site_with(&[
            ("content/tot.md", story("title: Tốt", "").as_bytes()),
            ("content/trong.md", text.as_bytes()),
        ]);
        let err = both_fail_at(site.path(), "E010", "content/trong.md:2");
        assert!(err.contains("`title` is empty"), "{line:?}:\n{err}");
        assert!(err.contains("help: write the value"), "{line:?}:\n{err}");
    }
    for key in ["province", "field"] {
        let text = format!(
            "---\ntitle: Tên\n{}year: 2024\n---\n",
            ["province", "field"]
                .iter()
                .map(|k| if *k == key {
                    format!("{k}: \"\u{a0} \"\n")
                } else {
                    format!(
                        "{k}: {}\n",
                        if *k == "field" {
                            "Kinh tế"
                        } else {
                            "Bến Tre"
                        }
                    )
                })
                .collect::<String>()
        );
        let site = site_with(&[("content/trong.md", text.as_bytes())]);
        let line = if key == "province" { 3 } else { 4 };
        let err = both_fail_at(site.path(), "E010", &format!("content/trong.md:{line}"));
        assert!(err.contains(&format!("`{key}` is empty")), "{err}");
    }
}
