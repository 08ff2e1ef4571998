//! Links and images in bodies: rewriting them while rendering (`Links`), and checking
//! that each one resolves (`body`), with the line and column of each problem.

use std::collections::HashMap;

use super::{Lines, Meta, SHOWN};
use crate::article::Article;
use crate::diagnostic::Diagnostic;
use crate::load::{Loaded, Source};
use crate::markdown::{self, LinkRewriter};
use crate::vietnamese::did_you_mean;

/// Rewrites body links: `.md` files to their pages, site paths to the base path.
pub(super) struct Links<'a> {
    pub(super) dir: &'a str,
    pub(super) base_path: &'a str,
    pub(super) md_urls: &'a HashMap<&'a str, &'a str>,
    pub(super) image_sizes: &'a HashMap<String, (u32, u32)>,
}

/// An article's `hash`: its source's, and what its links resolved to (`signature`), so
/// a story linking to one whose slug changed is rendered again though its text is not.
fn with_links(source_hash: u64, signature: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (source_hash, signature).hash(&mut h);
    h.finish()
}

impl Links<'_> {
    /// What the rendering of `references` depended on: the pages their `.md` links
    /// resolved to. A cached body is reused only while this stays the same.
    pub(super) fn signature(&self, references: &[markdown::Reference]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for r in references {
            r.dest.hash(&mut h);
            self.rewrite(&r.dest, r.is_image).hash(&mut h);
            if r.is_image {
                self.image_size(&r.dest).hash(&mut h);
            }
        }
        h.finish()
    }
}

impl LinkRewriter for Links<'_> {
    fn image_srcset(&self, dest: &str, width: u32) -> Option<String> {
        // Copies are made only for images beside the article (relative paths).
        let relative = !dest.starts_with('/') && !is_external(dest);
        relative
            .then(|| crate::images::srcset(dest, width))
            .flatten()
    }

    fn image_size(&self, dest: &str) -> Option<(u32, u32)> {
        if is_external(dest) {
            return None;
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let key = match path.strip_prefix('/') {
            Some(abs) => format!("/{}", percent_decode(abs)),
            None => join(self.dir, path)?,
        };
        self.image_sizes.get(&key).copied()
    }

    fn rewrite(&self, dest: &str, _is_image: bool) -> Option<String> {
        if is_external(dest) {
            return None;
        }
        let (path, frag) = dest.split_once('#').map_or((dest, ""), |(p, f)| (p, f));
        if path.ends_with(".md") && !path.starts_with('/') {
            let target = join(self.dir, path)?;
            let url = self.md_urls.get(target.as_str())?;
            return Some(if frag.is_empty() {
                (*url).to_owned()
            } else {
                format!("{url}#{frag}")
            });
        }
        if dest.starts_with('/') && !self.base_path.is_empty() {
            return Some(format!("{}{dest}", self.base_path));
        }
        None
    }
}

fn is_external(dest: &str) -> bool {
    dest.starts_with('#')
        || dest.starts_with("//")
        || dest.contains("://")
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
        || dest.starts_with("data:")
}

/// Joins a relative path to a folder, resolving `.` and `..`; `None` if it climbs out.
fn join(dir: &str, rel: &str) -> Option<String> {
    let rel = percent_decode(rel);
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%xx` escapes (links to files with spaces or Vietnamese names).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A reference or value that does not hold, with how to fix it.
pub(super) struct Problem {
    pub(super) code: &'static str,
    pub(super) message: String,
    pub(super) label: String,
    pub(super) help: String,
}

impl Problem {
    fn new(code: &'static str, message: String, label: String, help: String) -> Self {
        Problem {
            code,
            message,
            label,
            help,
        }
    }
}

/// Images wider or taller than this many pixels are refused (E023).
const MAX_IMAGE_SIDE: u32 = 20_000;
/// Images of more pixels than this are refused (E023): decoding one takes gigabytes.
const MAX_IMAGE_PIXELS: u64 = 100_000_000;

/// Why an image reference does not resolve or cannot be used, with how to fix it;
/// `None` if it is fine.
pub(super) fn image_problem(src: &str, source: &Source, loaded: &Loaded) -> Option<Problem> {
    if is_external(src) {
        return None;
    }
    let path = src.split(['#', '?']).next().unwrap_or(src);
    let missing = |message: String, help: String| {
        Some(Problem::new(
            "E021",
            message,
            crate::t!("links-image-missing-label"),
            help,
        ))
    };
    let key = if let Some(abs) = path.strip_prefix('/') {
        let decoded = percent_decode(abs);
        if !loaded.theme.statics.contains_key(&decoded) {
            return missing(
                crate::t!("links-image-not-in-static", src = src),
                crate::t!("links-image-not-in-static-help", path = decoded.as_str()),
            );
        }
        format!("/{decoded}")
    } else {
        let Some(dir) = &source.bundle else {
            let file = source.path.0.as_str();
            let folder = file.strip_suffix(".md").unwrap_or(file);
            let name = path.rsplit('/').next().unwrap_or(path);
            return missing(
                crate::t!("links-image-single-file", src = src),
                crate::t!(
                    "links-image-single-file-help",
                    file = file,
                    index = format!("{folder}/index.md"),
                    image = format!("{folder}/{path}"),
                    name = name
                ),
            );
        };
        match join(&dir.0, path) {
            Some(t) if loaded.content.files.contains_key(&t) => t,
            _ => {
                return missing(
                    crate::t!("links-image-not-beside", src = src),
                    crate::t!("links-image-not-beside-help", dir = dir.0.as_str()),
                );
            }
        }
    };
    unusable_image(src, loaded.image_sizes.get(&key).copied())
}

/// E023: a photo (PNG, JPEG, GIF, WebP, AVIF) whose header could not be read, or too
/// large to decode; the build would fail on it while making its smaller copies.
fn unusable_image(src: &str, size: Option<(u32, u32)>) -> Option<Problem> {
    let lower = src
        .split(['#', '?'])
        .next()
        .unwrap_or(src)
        .to_ascii_lowercase();
    let photo = [".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"]
        .iter()
        .any(|e| lower.ends_with(e));
    match size {
        None if photo => Some(Problem::new(
            "E023",
            crate::t!("links-image-unreadable", src = src),
            crate::t!("links-image-unreadable-label"),
            crate::t!("links-image-unreadable-help"),
        )),
        Some((w, h))
            if w > MAX_IMAGE_SIDE
                || h > MAX_IMAGE_SIDE
                || u64::from(w) * u64::from(h) > MAX_IMAGE_PIXELS =>
        {
            Some(Problem::new(
                "E023",
                crate::t!("links-image-too-large", src = src, w = w, h = h),
                crate::t!("links-image-too-large-label"),
                crate::t!(
                    "links-image-too-large-help",
                    side = MAX_IMAGE_SIDE,
                    mp = MAX_IMAGE_PIXELS / 1_000_000
                ),
            ))
        }
        _ => None,
    }
}

/// E023 on a photo beside the article that no line of it names, too large for the
/// build to make its smaller copies (see `images`).
fn oversized_assets(
    m: &Meta<'_>,
    references: &[markdown::Reference],
    loaded: &Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    let dir = m.source.path.parent();
    let named: std::collections::HashSet<String> = references
        .iter()
        .filter(|r| r.is_image)
        .filter_map(|r| join(dir, r.dest.split(['#', '?']).next().unwrap_or("")))
        .collect();
    for a in &m.article.assets {
        let path = format!("{dir}/{}", a.name);
        if named.contains(&path) {
            continue;
        }
        let size = loaded.image_sizes.get(&path).copied();
        if let Some(p) = size.and_then(|s| unusable_image(&path, Some(s)))
            && crate::images::is_resizable(&a.name)
        {
            diags.push(Diagnostic::error(p.code, &path, 0, 0, p.message).help(p.help));
        }
    }
}

/// Did-you-mean runs over every slug of the site for this many broken `/mo-hinh/`
/// links of one article; the rest get a plain help, so a file of thousands of broken
/// links is checked in time linear in its size.
const SUGGESTED: usize = 20;

/// What is wrong with a link (not an image) of the article in `dir`, if anything.
/// `suggest` is false once the article has used up its did-you-mean budget.
fn link_problem(
    dest: &str,
    dir: &str,
    md_urls: &HashMap<&str, &str>,
    slugs: &HashMap<&str, ()>,
    suggest: bool,
) -> Option<Problem> {
    if is_external(dest) {
        return None;
    }
    let p = dest.split('#').next().unwrap_or(dest);
    if p.ends_with(".md") && !p.starts_with('/') {
        let found = join(dir, p).is_some_and(|t| md_urls.contains_key(t.as_str()));
        return (!found).then(|| {
            Problem::new(
                "E020",
                crate::t!("links-no-such-article", dest = dest),
                crate::t!("links-here"),
                crate::t!("links-no-such-article-help"),
            )
        });
    }
    let rest = p.strip_prefix("/mo-hinh/")?;
    let slug = rest.trim_end_matches('/').split('/').next().unwrap_or("");
    if slugs.contains_key(slug) {
        return None;
    }
    let help = match suggest.then(|| did_you_mean(slug, slugs.keys().copied())) {
        Some(Some(s)) => crate::t!("links-help-meant", slug = s),
        Some(None) => crate::t!("links-help-check"),
        None => crate::t!("links-help-check-budget", n = SUGGESTED),
    };
    Some(Problem::new(
        "E020",
        crate::t!("links-no-such-slug", dest = dest, slug = slug),
        crate::t!("links-here"),
        help,
    ))
}

/// Checks one rendered body's links and images and puts the body in its article;
/// `signature` is `Links::signature` of its references (see `with_links`).
pub(super) fn body(
    m: Meta<'_>,
    r: markdown::Rendered,
    signature: u64,
    loaded: &Loaded,
    md_urls: &HashMap<&str, &str>,
    slugs: &HashMap<&str, ()>,
) -> (Article, Vec<Diagnostic>) {
    let dir = m.source.path.parent();
    let mut diags = Vec::new();
    let mut lines = None;
    let mut suggested = 0;
    for reference in &r.references {
        let dest = reference.dest.as_str();
        let problem = if reference.is_image {
            image_problem(dest, &m.source, loaded)
        } else {
            let suggest = suggested < SUGGESTED;
            let p = link_problem(dest, dir, md_urls, slugs, suggest);
            suggested += usize::from(p.is_some() && dest.starts_with("/mo-hinh/"));
            p
        };
        let Some(p) = problem else {
            continue;
        };
        // Only now: finding the line means indexing the text, once per article.
        let lines = lines.get_or_insert_with(|| Lines::new(&m.source.text));
        let (line, col) = lines.line_col(m.body_offset + reference.offset);
        let mut d = Diagnostic::error(p.code, &m.source.path.0, line, col, p.message)
            .label(p.label, dest.chars().count() + 4)
            .help(p.help);
        // Past what is shown of a long line, a caret would point at nothing.
        d.source_line = (col <= SHOWN).then(|| lines.shown(line));
        diags.push(d);
    }
    oversized_assets(&m, &r.references, loaded, &mut diags);
    let mut a = m.parsed.article;
    a.hash = with_links(a.hash, signature);
    a.word_count = r.word_count;
    a.html = r.html;
    a.has_code = r.has_code;
    (a, diags)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::load::Source;

    fn loaded(sources: Vec<Source>) -> Loaded {
        Loaded {
            root: ".".into(),
            config_text: None,
            content: crate::load::Content {
                sources,
                files: Default::default(),
            },
            theme: Default::default(),
            image_sizes: Default::default(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn a_body_diagnostic_keeps_its_line_not_the_article() {
        let head =
            "---\ntitle: Tốt\nprovince: Bến Tre\nfield: Kinh tế\nyear: 2024\nsummary: S.\n---\n\n";
        let short = "Dòng [một](/mo-hinh/khong-co/) thôi.";
        let long: String = (0..3000).map(|i| format!("[x](/mo-hinh/k{i}/) ")).collect();
        let text = format!("{head}{short}\n\n{long}\n");
        let loaded = loaded(vec![Source::new("content/a.md", text, None)]);
        let opts = super::super::Options {
            drafts: false,
            max_year: 2030,
        };
        let (_, diags) = super::super::articles(&loaded, &Config::default(), opts, None);
        assert_eq!(diags.len(), 3001);
        assert_eq!(diags[0].source_line.as_deref(), Some(short));
        assert_eq!((diags[0].line, diags[0].col), (9, 6));
        for d in &diags[1..] {
            assert_eq!(d.line, 11);
            match &d.source_line {
                Some(l) => {
                    assert!(d.col <= SHOWN && *l == long.chars().take(SHOWN).collect::<String>())
                }
                None => assert!(d.col > SHOWN),
            }
        }
        let budget = crate::t!("links-help-check-budget", n = SUGGESTED);
        let suggested = diags
            .iter()
            .filter(|d| d.help.as_deref().is_some_and(|h| h != budget))
            .count();
        assert_eq!(suggested, SUGGESTED);
    }

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            join("content/a/2017", "../2018/x.md").as_deref(),
            Some("content/a/2018/x.md")
        );
        assert_eq!(join("content", "../../x.md"), None);
        assert_eq!(
            join("content/a", "%C3%A1nh.png").as_deref(),
            Some("content/a/ánh.png")
        );
        assert_eq!(percent_decode("%ả%"), "%ả%");
    }
}
