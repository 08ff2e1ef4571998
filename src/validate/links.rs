//! Links and images in bodies: rewriting them while rendering (`Links`), and checking
//! that each one resolves (`body`), with the line and column of each problem.

use std::collections::HashMap;

use super::Meta;
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

/// Why an image reference does not resolve, with how to fix it; `None` if it does.
pub(super) fn image_problem(
    src: &str,
    source: &Source,
    loaded: &Loaded,
) -> Option<(String, String)> {
    if is_external(src) {
        return None;
    }
    let path = src.split(['#', '?']).next().unwrap_or(src);
    if let Some(abs) = path.strip_prefix('/') {
        let decoded = percent_decode(abs);
        return (!loaded.statics.contains_key(&decoded)).then(|| {
            (
                format!("image {src} not found in static/"),
                format!("put the file at static/{decoded}, or fix the path"),
            )
        });
    }
    match &source.bundle {
        Some(dir) => {
            let target = join(&dir.0, path);
            match target {
                Some(t) if loaded.content_files.contains_key(&t) => None,
                _ => Some((
                    format!("image {src} not found beside the article"),
                    format!("put the file in {}/ (names are case-sensitive)", dir.0),
                )),
            }
        }
        None => Some((
            format!("image {src} is relative, but this article is a single file"),
            "make the article a folder (`<slug>/index.md` with the image beside it), or put the image in static/ and write `/images/…`".to_owned(),
        )),
    }
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
    let path = &m.source.path.0;
    for reference in &r.references {
        let dest = reference.dest.as_str();
        let problem = if reference.is_image {
            image_problem(dest, &m.source, loaded)
        } else if is_external(dest) {
            None
        } else {
            let p = dest.split('#').next().unwrap_or(dest);
            if p.ends_with(".md") && !p.starts_with('/') {
                let target = join(dir, p);
                match target.as_deref().map(|t| md_urls.contains_key(t)) {
                    Some(true) => None,
                    _ => Some((
                        format!("link to {dest}: no such article"),
                        "check the path; it is relative to this file's folder".to_owned(),
                    )),
                }
            } else if let Some(rest) = p.strip_prefix("/mo-hinh/") {
                let slug = rest.trim_end_matches('/').split('/').next().unwrap_or("");
                (!slugs.contains_key(slug)).then(|| {
                    let help = match did_you_mean(slug, slugs.keys().copied()) {
                        Some(s) => format!("did you mean /mo-hinh/{s}/?"),
                        None => "check the slug in the address".to_owned(),
                    };
                    (
                        format!("link to {dest}: no model has the slug `{slug}`"),
                        help,
                    )
                })
            } else {
                None
            }
        };
        if let Some((msg, help)) = problem {
            let code = if reference.is_image { "E021" } else { "E020" };
            let len = dest.chars().count() + 4;
            diags.push(
                {
                    // Only now: finding the line means scanning the body.
                    let (line, col) = position(m.body(), reference.offset, m.body_line);
                    Diagnostic::error(code, path, line, col, msg)
                }
                .label("here", len)
                .help(help)
                .with_source(&m.source.text),
            );
        }
    }
    let mut a = m.parsed.article;
    a.hash = with_links(a.hash, signature);
    a.word_count = r.word_count;
    a.html = r.html;
    a.has_code = r.has_code;
    (a, diags)
}

/// Byte offset in the body → 1-based (line, column) in the file.
fn position(body: &str, offset: usize, body_line: usize) -> (usize, usize) {
    let before = &body[..offset.min(body.len())];
    let line = body_line + before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

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
