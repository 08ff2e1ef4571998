//! Stage 1, the only stage that reads the disk: `site.yaml`, every article under
//! `content/` (UTF-8 checked, BOM stripped, CRLF → LF, NFC), the list of other files
//! there, templates (built-in theme ← `themes/<name>/` ← `templates/`) and static
//! files. Unreadable or oversized files become diagnostics, never panics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/theme.rs"));

/// Articles larger than this are refused (a story is a few KB; this stops a stray
/// 50 MB file from stalling the build).
pub const MAX_ARTICLE_BYTES: u64 = 4 * 1024 * 1024;

/// A path inside the site folder, `/`-separated, e.g. `content/ben-tre/2017/x.md`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourcePath(pub String);

impl SourcePath {
    /// The folder part, e.g. `content/ben-tre/2017`.
    pub fn parent(&self) -> &str {
        self.0.rsplit_once('/').map_or("", |(d, _)| d)
    }
}

impl std::fmt::Display for SourcePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// One article file, its text ready for parsing.
#[derive(Debug, Clone)]
pub struct Source {
    /// Where it is, relative to the site root.
    pub path: SourcePath,
    /// NFC text with LF line endings and no BOM; shared with the article built from it.
    pub text: std::sync::Arc<str>,
    /// For `index.md`: the folder whose other files are the article's images.
    pub bundle: Option<SourcePath>,
    /// Hash of `text`, to tell an edited file from an unchanged one.
    pub hash: u64,
    /// The file itself, when `text` is exactly its bytes (already clean), so `index.md`
    /// can be copied from disk instead of kept in memory for the whole build.
    pub file: Option<PathBuf>,
}

/// Where a file to copy into the output comes from.
#[derive(Debug, Clone)]
pub enum Blob {
    /// Compiled into the binary (the default theme).
    Embedded(&'static [u8]),
    /// A file on disk.
    Disk(PathBuf),
}

/// A template's text and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// The template text.
    pub text: String,
    /// `built-in theme`, or the site-relative file path.
    pub origin: String,
}

/// Everything read from disk for one build.
#[derive(Debug)]
pub struct Loaded {
    /// The site folder.
    pub root: PathBuf,
    /// Text of `site.yaml`, if present.
    pub config_text: Option<String>,
    /// Article sources, sorted by path.
    pub sources: Vec<Source>,
    /// Every non-Markdown file under `content/`, site-relative, with its location.
    pub content_files: BTreeMap<String, PathBuf>,
    /// Width and height of the images among `content_files` (by the same key) and
    /// among `statics` (by `/` + output path), read from their headers.
    pub image_sizes: std::collections::HashMap<String, (u32, u32)>,
    /// Templates by name (`article.html`), after overrides.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Static files by output path (`assets/style.css`), after overrides.
    pub statics: BTreeMap<String, Blob>,
    /// The theme's UI strings (`strings.yaml`), overridable by the site's theme folder.
    pub strings: String,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads the site at `root`. `theme` comes from `site.yaml`, which is read first.
pub fn site(root: &Path) -> Result<Loaded> {
    if !root.is_dir() {
        return Err(Error::io(
            root,
            std::io::Error::new(std::io::ErrorKind::NotFound, "site folder not found"),
        ));
    }
    let config_text = read_optional(&root.join("site.yaml"))?;
    let theme = theme_name(config_text.as_deref());
    let (sources, content_files, diagnostics) = content(root)?;
    let (templates, statics) = theme_files(root, &theme)?;
    let strings = match read_optional(&root.join("themes").join(&theme).join("strings.yaml"))? {
        Some(s) => s,
        None => THEME
            .iter()
            .find(|(p, _)| *p == "strings.yaml")
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default(),
    };
    let mut image_sizes = std::collections::HashMap::new();
    measure(
        &mut image_sizes,
        content_files
            .iter()
            .map(|(k, p)| (k.clone(), Blob::Disk(p.clone()))),
    );
    measure(
        &mut image_sizes,
        statics.iter().map(|(k, b)| (format!("/{k}"), b.clone())),
    );
    Ok(Loaded {
        root: root.to_path_buf(),
        config_text,
        sources,
        content_files,
        image_sizes,
        templates,
        statics,
        strings,
        diagnostics,
    })
}

/// The theme named in `site.yaml`, read loosely (full validation happens in `config`).
fn theme_name(config: Option<&str>) -> String {
    config
        .and_then(|t| yaml_serde::from_str::<yaml_serde::Value>(t).ok())
        .and_then(|v| v.get("theme").and_then(|t| t.as_str().map(str::to_owned)))
        .filter(|t| !t.is_empty() && !t.contains(['/', '\\']) && !t.starts_with('.'))
        .unwrap_or_else(|| "default".to_owned())
}

fn read_optional(path: &Path) -> Result<Option<String>> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(clean_text(&String::from_utf8_lossy(&bytes)))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
    }
}

impl Loaded {
    /// A copy without the articles: settings, templates, strings and static files,
    /// all that rendering the site-wide files needs. Cheap to make.
    pub fn shell(&self) -> Loaded {
        Loaded {
            root: self.root.clone(),
            config_text: self.config_text.clone(),
            sources: Vec::new(),
            content_files: BTreeMap::new(),
            image_sizes: self.image_sizes.clone(),
            templates: self.templates.clone(),
            statics: self.statics.clone(),
            strings: self.strings.clone(),
            diagnostics: Vec::new(),
        }
    }

    /// True if the site-relative path `rel` is, or is a folder holding, a file the site
    /// has read: an article, a file beside one, or a file that got a diagnostic.
    pub fn has(&self, rel: &str) -> bool {
        let inside = |p: &str| p == rel || p.strip_prefix(rel).is_some_and(|r| r.starts_with('/'));
        self.sources.iter().any(|s| inside(&s.path.0))
            || self.content_files.keys().any(|p| inside(p))
            || self.diagnostics.iter().any(|d| inside(&d.path))
    }

    /// Re-reads what changed under `content/` (files or folders, created, edited or
    /// removed), leaving the rest as it was: the incremental load of `kheo serve`.
    pub fn refresh(&mut self, changed: &[PathBuf]) -> Result<()> {
        let root = self.root.clone();
        for path in changed {
            let rel = relative(&root, path);
            if !rel.starts_with("content/") || rel.split('/').any(is_ignored) {
                continue;
            }
            let inside =
                |p: &str| p == rel || p.strip_prefix(&rel).is_some_and(|r| r.starts_with('/'));
            self.sources.retain(|s| !inside(&s.path.0));
            self.content_files.retain(|p, _| !inside(p));
            self.image_sizes.retain(|p, _| !inside(p));
            self.diagnostics.retain(|d| !inside(&d.path));
            if path.exists() {
                let (sources, files, diags) = match content_under(&root, path) {
                    Ok(c) => c,
                    // Gone again between the event and the read: nothing to add.
                    Err(Error::Io { source, .. })
                        if source.kind() == std::io::ErrorKind::NotFound =>
                    {
                        continue;
                    }
                    Err(e) => return Err(e),
                };
                self.sources.extend(sources);
                measure(
                    &mut self.image_sizes,
                    files
                        .iter()
                        .map(|(k, p)| (k.clone(), Blob::Disk(p.clone()))),
                );
                self.content_files.extend(files);
                self.diagnostics.extend(diags);
            }
        }
        self.sources.sort_by(|a, b| a.path.cmp(&b.path));
        self.sources.dedup_by(|a, b| a.path == b.path);
        Ok(())
    }
}

/// Skips hidden files and editors' temporary files.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

type Content = (Vec<Source>, BTreeMap<String, PathBuf>, Vec<Diagnostic>);

/// Reads the width and height of every image among `files` into `sizes`. Only the
/// header is read (`imagesize`); SVG sizes come from the root element's attributes.
fn measure(
    sizes: &mut std::collections::HashMap<String, (u32, u32)>,
    files: impl Iterator<Item = (String, Blob)>,
) {
    let images: Vec<(String, Blob)> = files
        .filter(|(k, _)| {
            let ext = k
                .rsplit_once('.')
                .map_or(String::new(), |(_, e)| e.to_ascii_lowercase());
            matches!(
                ext.as_str(),
                "png" | "jpg" | "jpeg" | "gif" | "webp" | "avif" | "svg"
            )
        })
        .collect();
    let found: Vec<(String, (u32, u32))> = images
        .par_iter()
        .filter_map(|(k, blob)| {
            let size = if k.to_ascii_lowercase().ends_with(".svg") {
                let bytes = match blob {
                    Blob::Embedded(b) => b.to_vec(),
                    Blob::Disk(p) => std::fs::read(p).ok()?,
                };
                svg_size(&String::from_utf8_lossy(&bytes))
            } else {
                let s = match blob {
                    Blob::Embedded(b) => imagesize::blob_size(b).ok()?,
                    Blob::Disk(p) => imagesize::size(p).ok()?,
                };
                Some((u32::try_from(s.width).ok()?, u32::try_from(s.height).ok()?))
            };
            size.map(|s| (k.clone(), s))
        })
        .collect();
    sizes.extend(found);
}

/// `width`/`height` of an SVG's root element, else its `viewBox`.
fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let start = svg.find("<svg")?;
    let tag = &svg[start..start + svg[start..].find('>')?];
    let attr = |name: &str| {
        let i = tag.find(&format!(" {name}="))? + name.len() + 2;
        let quote = tag[i..].chars().next()?;
        let rest = &tag[i + 1..];
        Some(rest[..rest.find(quote)?].to_owned())
    };
    let number = |v: String| {
        v.trim()
            .trim_end_matches("px")
            .parse::<f64>()
            .ok()
            .filter(|n| *n > 0.0)
    };
    if let (Some(w), Some(h)) = (
        attr("width").and_then(number),
        attr("height").and_then(number),
    ) {
        return Some((w.round() as u32, h.round() as u32));
    }
    let vb = attr("viewBox")?;
    let parts: Vec<f64> = vb
        .split([' ', ','])
        .filter(|s| !s.is_empty())
        .filter_map(|s| s.parse().ok())
        .collect();
    (parts.len() == 4 && parts[2] > 0.0 && parts[3] > 0.0)
        .then(|| (parts[2].round() as u32, parts[3].round() as u32))
}

fn content(root: &Path) -> Result<Content> {
    content_under(root, &root.join("content"))
}

/// Reads the articles and other files at or below `dir` (a folder or one file).
fn content_under(root: &Path, dir: &Path) -> Result<Content> {
    let dir = dir.to_path_buf();
    let mut md = Vec::new();
    let mut others = BTreeMap::new();
    let mut diags = Vec::new();
    if dir.exists() {
        // A symlink is never followed, not even when it is the path asked for.
        let walker = walkdir::WalkDir::new(&dir)
            .follow_root_links(false)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
        for entry in walker {
            let entry = entry.map_err(|e| {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| dir.clone());
                Error::io(
                    path,
                    e.into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("walk failed")),
                )
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = relative(root, entry.path());
            if rel.ends_with(".md") {
                md.push((rel, entry.path().to_path_buf()));
            } else {
                others.insert(rel, entry.path().to_path_buf());
            }
        }
    }
    let read: Vec<Result<std::result::Result<Source, Diagnostic>>> = md
        .par_iter()
        .map(|(rel, abs)| read_article(rel, abs))
        .collect();
    let mut sources = Vec::with_capacity(read.len());
    for r in read {
        match r? {
            Ok(s) => sources.push(s),
            Err(d) => diags.push(d),
        }
    }
    Ok((sources, others, diags))
}

impl Source {
    /// A source with its content hash. Takes `&str` or `String`: from `&str` the text is
    /// copied once, straight into its shared buffer.
    pub fn new(
        path: &str,
        text: impl Into<std::sync::Arc<str>>,
        bundle: Option<SourcePath>,
    ) -> Source {
        let text: std::sync::Arc<str> = text.into();
        let hash = content_hash(text.as_bytes());
        Source {
            path: SourcePath(path.to_owned()),
            text,
            bundle,
            hash,
            file: None,
        }
    }
}

/// A fast, deterministic hash for change detection (not for security).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// A site-relative, `/`-separated path (`path` as it is if it is not under `root`).
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_article(rel: &str, abs: &Path) -> Result<std::result::Result<Source, Diagnostic>> {
    let meta = std::fs::metadata(abs).map_err(|e| Error::io(abs, e))?;
    if meta.len() > MAX_ARTICLE_BYTES {
        let mb = meta.len() as f64 / 1_048_576.0;
        return Ok(Err(Diagnostic::error(
            "E002",
            rel,
            0,
            0,
            format!(
                "file is too large ({mb:.1} MB; an article may be at most {} MB)",
                MAX_ARTICLE_BYTES >> 20
            ),
        )
        .help(
            "split the story, or move data and images out of the Markdown file",
        )));
    }
    let bytes = std::fs::read(abs).map_err(|e| Error::io(abs, e))?;
    // SIMD validation: Vietnamese text is mostly multi-byte, which std checks slowly.
    let text = match simdutf8::compat::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return Ok(Err(invalid_utf8(rel, &bytes, e.valid_up_to()))),
    };
    let bundle = rel
        .strip_suffix("/index.md")
        .map(|d| SourcePath(d.to_owned()));
    Ok(Ok(match clean(text) {
        Some(cleaned) => Source::new(rel, cleaned, bundle),
        None => Source {
            file: Some(abs.to_path_buf()),
            ..Source::new(rel, text, bundle)
        },
    }))
}

fn invalid_utf8(rel: &str, bytes: &[u8], offset: usize) -> Diagnostic {
    let valid = String::from_utf8_lossy(&bytes[..offset]);
    let line = valid.matches('\n').count() + 1;
    let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Diagnostic::error("E003", rel, line, col, format!("file is not valid UTF-8 (bad byte 0x{:02X} at byte offset {offset})", bytes[offset]))
        .help("save the file as UTF-8 (most editors: \"Save with encoding\" → UTF-8); old Vietnamese encodings such as TCVN3 or VNI must be converted")
}

/// BOM stripped, CRLF and CR → LF, NFC.
pub fn clean_text(text: &str) -> String {
    clean(text).unwrap_or_else(|| text.to_owned())
}

/// `clean_text`, or `None` when the text is already clean (the usual case).
fn clean(text: &str) -> Option<String> {
    let bom = text.starts_with('\u{feff}');
    let cr = text.contains('\r');
    let nfc = crate::vietnamese::is_nfc(text);
    if !bom && !cr && nfc {
        return None;
    }
    let t = text.strip_prefix('\u{feff}').unwrap_or(text);
    let t = if t.contains('\r') {
        t.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        t.to_owned()
    };
    Some(if nfc { t } else { crate::vietnamese::nfc(&t) })
}

type ThemeFiles = (BTreeMap<String, TemplateSource>, BTreeMap<String, Blob>);

/// Built-in theme, then the site's `themes/<theme>/`, then `templates/` and `static/`.
fn theme_files(root: &Path, theme: &str) -> Result<ThemeFiles> {
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    if theme == "default" {
        for (path, bytes) in THEME {
            if let Some(name) = path.strip_prefix("templates/") {
                let text = String::from_utf8_lossy(bytes).into_owned();
                templates.insert(
                    name.to_owned(),
                    TemplateSource {
                        text,
                        origin: "built-in theme".to_owned(),
                    },
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                statics.insert(name.to_owned(), Blob::Embedded(bytes));
            }
        }
    }
    let theme_dir = root.join("themes").join(theme);
    if theme != "default" && !theme_dir.is_dir() {
        return Err(Error::Usage(format!(
            "theme `{theme}` not found: expected the folder {}",
            theme_dir.display()
        )));
    }
    for (dir, into_templates) in [
        (theme_dir.join("templates"), true),
        (theme_dir.join("static"), false),
        (root.join("templates"), true),
        (root.join("static"), false),
    ] {
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            let entry = entry.map_err(|e| {
                Error::io(
                    &dir,
                    e.into_io_error()
                        .unwrap_or_else(|| std::io::Error::other("walk failed")),
                )
            })?;
            if !entry.file_type().is_file() || is_ignored(&entry.file_name().to_string_lossy()) {
                continue;
            }
            let name = relative(&dir, entry.path());
            if into_templates {
                let bytes = std::fs::read(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                let text = clean_text(&String::from_utf8_lossy(&bytes));
                templates.insert(
                    name,
                    TemplateSource {
                        text,
                        origin: relative(root, entry.path()),
                    },
                );
            } else {
                statics.insert(name, Blob::Disk(entry.path().to_path_buf()));
            }
        }
    }
    Ok((templates, statics))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_sizes() {
        assert_eq!(
            svg_size("<svg xmlns='x' width=\"800\" height=\"450px\">"),
            Some((800, 450))
        );
        assert_eq!(svg_size("<svg viewBox=\"0 0 32 16\">"), Some((32, 16)));
        assert_eq!(svg_size("<svg width=\"100%\">"), None);
    }

    #[test]
    fn cleans_bom_crlf_and_nfd() {
        let nfd = "Da\u{302}n\r\nvie\u{302}\u{323}c";
        assert_eq!(clean_text(&format!("\u{feff}{nfd}")), "Dân\nviệc");
    }

    #[test]
    fn utf8_error_points_at_the_byte() {
        let bytes = b"---\ntitle: a\xff\n";
        let d = invalid_utf8("content/x.md", bytes, 12);
        assert_eq!((d.line, d.col), (2, 9));
        assert!(d.message.contains("0xFF"));
    }
}
