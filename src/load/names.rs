//! Which files under `content/` are articles, by name: `.md` and `.markdown` in any
//! case (`.MD`, `.Md`, `.markdown`), as editors on Windows save them. Files that look
//! meant as articles but are not read as one (`x.md.txt` from Notepad, a `.txt` that
//! opens with `---`, a Word document standing alone) get a warning naming the file and
//! what to do, instead of being dropped silently.

use std::io::Read as _;
use std::path::Path;

use crate::diagnostic::Diagnostic;

/// True for a Markdown article's file name: ends `.md` or `.markdown`, any case,
/// with something before the dot.
pub(crate) fn is_article(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && (ext.eq_ignore_ascii_case("md") || ext.eq_ignore_ascii_case("markdown"))
    })
}

/// The folder of a folder article (`content/x/y/index.md`, any Markdown spelling):
/// `Some("content/x/y")`; `None` for a single-file article.
pub(crate) fn bundle_of(rel: &str) -> Option<&str> {
    let (dir, name) = rel.rsplit_once('/')?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (is_article(rel) && stem.eq_ignore_ascii_case("index")).then_some(dir)
}

/// W080/W081 for a file under `content/` that looks meant as an article but is not
/// read as one; `None` for every other file. `path` is the file on disk.
pub(crate) fn misnamed(rel: &str, path: &Path) -> Option<Diagnostic> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let lower = name.to_lowercase();
    if let Some(stem) = lower.strip_suffix(".txt") {
        let article_like =
            stem.ends_with(".md") || stem.ends_with(".markdown") || opens_with_fence(path);
        if !article_like {
            return None;
        }
        let fixed = format!("{}.md", base_name(name));
        let d = Diagnostic::warning("W080", rel, 0, 0, crate::t!("w080", name = name));
        return Some(d.help(crate::t!("w080-help", name = name, fixed = fixed)));
    }
    if (lower.ends_with(".docx") || lower.ends_with(".doc")) && !beside_folder_article(path) {
        let fixed = format!("{}.md", base_name(name));
        let d = Diagnostic::warning("W081", rel, 0, 0, crate::t!("w081", name = name));
        return Some(d.help(crate::t!("w081-help", fixed = fixed)));
    }
    None
}

/// The name without `.txt`, `.md`, `.markdown`, `.docx`, `.doc` at its end (`bai.md.txt`
/// → `bai`).
fn base_name(name: &str) -> &str {
    let mut base = name;
    for ext in [".txt", ".md", ".markdown", ".docx", ".doc"] {
        let cut = base.len().saturating_sub(ext.len());
        if base.is_char_boundary(cut) && base[cut..].eq_ignore_ascii_case(ext) && cut > 0 {
            base = &base[..cut];
        }
    }
    base
}

/// True if the file starts with a front matter fence (`---`, after a BOM if any).
fn opens_with_fence(path: &Path) -> bool {
    let mut head = [0u8; 6];
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    let n = file.take(6).read(&mut head).unwrap_or(0);
    let head = &head[..n];
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    head.starts_with(b"---")
}

/// True if the file sits in a folder article's folder (beside its `index.md`), where
/// a Word file is a document published with the story.
fn beside_folder_article(path: &Path) -> bool {
    let Some(dir) = path.parent() else {
        return false;
    };
    std::fs::read_dir(dir).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| bundle_of(&format!("x/{}", e.file_name().to_string_lossy())).is_some())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_spellings_are_articles() {
        for name in ["a.md", "a.MD", "a.Md", "a.markdown", "a.MARKDOWN"] {
            assert!(is_article(&format!("content/x/{name}")), "{name}");
        }
        for name in ["a.md.txt", "a.txt", ".md", "a.mdx", "md"] {
            assert!(!is_article(&format!("content/x/{name}")), "{name}");
        }
        assert_eq!(bundle_of("content/x/y/INDEX.MD"), Some("content/x/y"));
        assert_eq!(bundle_of("content/x/y/index.markdown"), Some("content/x/y"));
        assert_eq!(bundle_of("content/x/y/bai.md"), None);
    }

    #[test]
    fn names_lose_every_article_extension() {
        assert_eq!(base_name("bai.md.txt"), "bai");
        assert_eq!(base_name("Bài.DOCX"), "Bài");
        assert_eq!(base_name(".txt"), ".txt");
    }
}
