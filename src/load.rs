//! Stage 1, the only stage that reads the disk: `site.yaml`, every article under
//! `content/` (UTF-8 checked, BOM stripped, CRLF → LF, NFC), the list of other files
//! there, templates (built-in theme ← `themes/<name>/` ← `templates/`) and static
//! files. Unreadable or oversized files become diagnostics, never panics; nothing
//! outside the site folder is read (see `fence`). Site-relative paths are NFC, so a
//! file named on macOS (NFD) matches the NFC text that links to it.

mod fence;
mod names;
mod size;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};
use crate::output::{Blob, content_hash};
use fence::{Fence, Refused, read_bounded, refusal};
pub use fence::{MAX_SETTINGS_BYTES, MAX_TEMPLATE_BYTES, PUBLISHED_EXTENSIONS};
pub(crate) use fence::{is_publishable, svg_is_active, through_symlink};
pub use size::image_size;
pub(crate) use size::measure;

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

/// A template's text and where it came from (for error messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// The template text.
    pub text: String,
    /// `built-in theme`, or the site-relative file path.
    pub origin: String,
}

/// Everything read from disk for one build: the site's content and its theme, each on
/// its own (rendering reads only the theme; validation reads both).
#[derive(Debug)]
pub struct Loaded {
    /// The site folder.
    pub root: PathBuf,
    /// Text of `site.yaml`, if present.
    pub config_text: Option<String>,
    /// What `content/` holds.
    pub content: Content,
    /// The theme, after the site's overrides.
    pub theme: Theme,
    /// Width and height of the images among the content's files (by the same key) and
    /// among the theme's static files (by `/` + output path), read from their headers.
    pub image_sizes: std::collections::HashMap<String, (u32, u32)>,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
}

/// The files of `content/`.
#[derive(Debug, Default, Clone)]
pub struct Content {
    /// Article sources, sorted by path.
    pub sources: Vec<Source>,
    /// Every non-Markdown file under `content/`, site-relative, with its location.
    pub files: BTreeMap<String, PathBuf>,
}

/// A theme: what turns a site into pages.
#[derive(Debug, Default, Clone)]
pub struct Theme {
    /// Templates by name (`article.html`), after overrides.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Static files by output path (`assets/style.css`), after overrides.
    pub statics: BTreeMap<String, Blob>,
    /// The theme's UI strings (`strings.yaml`), overridable by the site's theme folder.
    pub strings: String,
}

/// Reads the site at `root`. `theme` comes from `site.yaml`, which is read first.
pub fn site(root: &Path) -> Result<Loaded> {
    if !root.is_dir() {
        return Err(no_site(root));
    }
    let fence = Fence::new(root)?;
    let mut diagnostics = Vec::new();
    let config_text = settings(&fence, "site.yaml", &mut diagnostics)?;
    let theme = theme_name(config_text.as_deref());
    let (sources, content_files, content_diags) = content(&fence)?;
    diagnostics.extend(content_diags);
    let (templates, statics) = theme_files(&fence, &theme, &mut diagnostics)?;
    let strings_path = format!("themes/{theme}/strings.yaml");
    let strings = match settings(&fence, &strings_path, &mut diagnostics)? {
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
    // One link (`themes/x`) can refuse several files below it.
    diagnostics.sort();
    diagnostics.dedup();
    Ok(Loaded {
        root: root.to_path_buf(),
        config_text,
        content: Content {
            sources,
            files: content_files,
        },
        theme: Theme {
            templates,
            statics,
            strings,
        },
        image_sizes,
        diagnostics,
    })
}

/// `Ok` if `root` is a site folder: a folder holding `site.yaml` (or a link by that
/// name, which `settings` then judges). The command line asks this before any command
/// that works on a site (`site` itself only needs the folder). Otherwise `Error::NoSite` with the absolute
/// path where `site.yaml` was looked for, so a command run from the wrong folder says
/// so instead of building an empty site there.
pub fn require_site(root: &Path) -> Result<()> {
    if root.is_dir() && root.join("site.yaml").symlink_metadata().is_ok() {
        return Ok(());
    }
    Err(no_site(root))
}

/// `Error::NoSite` for `root`, with its absolute path.
fn no_site(root: &Path) -> Error {
    Error::NoSite {
        root: std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf()),
        exists: root.is_dir(),
    }
}

/// The theme named in `site.yaml`, read loosely (full validation happens in `config`).
fn theme_name(config: Option<&str>) -> String {
    config
        .and_then(|t| crate::config::loose_setting(t, "theme"))
        .filter(|t| !t.contains(['/', '\\']) && !t.starts_with('.'))
        .unwrap_or_else(|| "default".to_owned())
}

/// The text of `site.yaml` by the rules of a build (inside the site, a regular file of
/// at most `MAX_SETTINGS_BYTES`), for the commands that need only the settings.
pub fn config_text(root: &Path) -> Result<Option<String>> {
    let mut diags = Vec::new();
    let text = settings(&Fence::new(root)?, "site.yaml", &mut diags)?;
    match diags.first() {
        Some(d) => Err(Error::Usage(format!(
            "{}: {} [{}]",
            d.path, d.message, d.code
        ))),
        None => Ok(text),
    }
}

/// A settings file (`site.yaml`, `strings.yaml`), cleaned; `None` if absent or refused
/// (then with a diagnostic in `diags`).
fn settings(fence: &Fence, rel: &str, diags: &mut Vec<Diagnostic>) -> Result<Option<String>> {
    let path = match fence.resolve(rel) {
        Ok(Some(path)) => path,
        Ok(None) => return Ok(None),
        Err(d) => {
            diags.push(d);
            return Ok(None);
        }
    };
    match read_bounded(&path, MAX_SETTINGS_BYTES) {
        Ok(Ok(bytes)) => Ok(Some(clean_text(&String::from_utf8_lossy(&bytes)))),
        Ok(Err(why)) => {
            diags.push(refusal(rel, why, "load-what-settings", MAX_SETTINGS_BYTES));
            Ok(None)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(path, e)),
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

/// The regular files at or below `dir`, sorted, as (NFC site-relative path, path),
/// skipping every symbolic link (`dir` itself unless `follow_dir`) and ignored names:
/// of folders too if `prune` (`content/`), of files only otherwise (`static/.well-known/`).
fn walk(root: &Path, dir: &Path, follow_dir: bool, prune: bool) -> Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    if !dir.exists() {
        return Ok(files);
    }
    let walker = walkdir::WalkDir::new(dir)
        .follow_root_links(follow_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(prune || e.file_type().is_file())
                || !is_ignored(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
            Error::io(
                path,
                e.into_io_error()
                    .unwrap_or_else(|| std::io::Error::other("walk failed")),
            )
        })?;
        if entry.file_type().is_file() {
            files.push((relative(root, entry.path()), entry.into_path()));
        }
    }
    Ok(files)
}

/// SVGs beside articles larger than this are not published (the check reads them whole).
const MAX_SVG_BYTES: u64 = 8 * 1024 * 1024;

/// Whether the SVG at `path` is a plain drawing, safe to publish (see `svg_is_active`).
fn plain_svg(path: &Path) -> Result<bool> {
    match read_bounded(path, MAX_SVG_BYTES) {
        Ok(Ok(bytes)) => Ok(!fence::svg_is_active(&bytes)),
        Ok(Err(_)) => Ok(false),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// What reading (part of) `content/` gives: sources, other files, problems.
type ContentRead = (Vec<Source>, BTreeMap<String, PathBuf>, Vec<Diagnostic>);

/// Everything under `content/`, which may itself be a link only to a folder inside
/// the site.
fn content(fence: &Fence) -> Result<ContentRead> {
    match fence.resolve("content") {
        Ok(Some(dir)) => content_under(&fence.root, &dir, true),
        Ok(None) => Ok(Default::default()),
        Err(d) => Ok((Vec::new(), BTreeMap::new(), vec![d])),
    }
}

/// Reads the articles and other files at or below `dir` (a folder or one file). Links
/// below it are never followed, nor `dir` itself unless `follow_dir` (checked by the
/// caller). Files that may not be published are left out, with a warning.
pub(crate) fn content_under(root: &Path, dir: &Path, follow_dir: bool) -> Result<ContentRead> {
    let mut md = Vec::new();
    let mut others = BTreeMap::new();
    let mut diags = Vec::new();
    for (rel, path) in walk(root, dir, follow_dir, true)? {
        if names::is_article(&rel) {
            md.push((rel, path));
            continue;
        }
        if let Some(d) = names::misnamed(&rel, &path) {
            diags.push(d);
        }
        if !fence::is_publishable(&rel) {
            diags.push(fence::not_published(&rel));
        } else if rel.to_ascii_lowercase().ends_with(".svg") && !plain_svg(&path)? {
            diags.push(fence::active_svg(&rel));
        } else {
            others.insert(rel, path);
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

/// `<root>/.kheo-cache/<name>`, where kheo keeps what only saves time (resized images,
/// the build state), or `None` when `.kheo-cache` or that entry is a symbolic link or
/// not the kind of thing expected (a folder when `folder`, else a file): a cache is
/// never read or written through a link.
pub fn cache_entry(root: &Path, name: &str, folder: bool) -> Option<PathBuf> {
    let base = root.join(".kheo-cache");
    let entry = base.join(name);
    let bad = |p: &Path, dir: bool| {
        std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink() || m.is_dir() != dir)
    };
    (!bad(&base, true) && !bad(&entry, folder)).then_some(entry)
}

/// A site-relative, `/`-separated path in NFC (`path` as it is if it is not under
/// `root`). NFC because macOS names files in NFD while the text that links to them is
/// NFC; the file is still read by its path on disk.
pub fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let joined = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/");
    if crate::vietnamese::is_nfc(&joined) {
        joined
    } else {
        crate::vietnamese::nfc(&joined)
    }
}

fn read_article(rel: &str, abs: &Path) -> Result<std::result::Result<Source, Diagnostic>> {
    let bytes = match read_bounded(abs, MAX_ARTICLE_BYTES).map_err(|e| Error::io(abs, e))? {
        Ok(bytes) => bytes,
        Err(why) => {
            let d = refusal(rel, why, "load-what-article", MAX_ARTICLE_BYTES);
            return Ok(Err(match why {
                Refused::TooLarge(_) => d.help(crate::t!("e002-article-help")),
                Refused::NotAFile => d,
            }));
        }
    };
    // SIMD validation: Vietnamese text is mostly multi-byte, which std checks slowly.
    let text = match simdutf8::compat::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return Ok(Err(invalid_utf8(rel, &bytes, e.valid_up_to()))),
    };
    let bundle = names::bundle_of(rel).map(|d| SourcePath(d.to_owned()));
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
    let byte = format!("0x{:02X}", bytes[offset]);
    Diagnostic::error(
        "E003",
        rel,
        line,
        col,
        crate::t!("e003", byte = byte, offset = offset),
    )
    .help(crate::t!("e003-help"))
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
/// Templates and strings are read bounded; a folder that links out of the site is
/// refused (E007) and the built-in theme stands in for a refused theme.
fn theme_files(fence: &Fence, theme: &str, diags: &mut Vec<Diagnostic>) -> Result<ThemeFiles> {
    let theme_dir = format!("themes/{theme}");
    let refused = match fence.resolve(&theme_dir) {
        _ if theme == "default" => false,
        Ok(Some(dir)) if dir.is_dir() => false,
        Err(d) => {
            diags.push(d);
            true
        }
        Ok(_) => {
            let folder = fence.root.join(&theme_dir).display().to_string();
            return Err(Error::Usage(crate::t!(
                "load-theme-missing",
                theme = theme,
                folder = folder
            )));
        }
    };
    let (mut templates, mut statics) = built_in(theme == "default" || refused);
    for (dir, into_templates) in [
        (format!("{theme_dir}/templates"), true),
        (format!("{theme_dir}/static"), false),
        ("templates".to_owned(), true),
        ("static".to_owned(), false),
    ] {
        let path = match fence.resolve(&dir) {
            Ok(Some(path)) if path.is_dir() => path,
            Ok(_) => continue,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        for (rel, file) in walk(&fence.root, &path, true, false)? {
            let Some(name) = rel.strip_prefix(&dir).and_then(|n| n.strip_prefix('/')) else {
                continue;
            };
            if !into_templates {
                statics.insert(name.to_owned(), Blob::Disk(file));
                continue;
            }
            match read_bounded(&file, MAX_TEMPLATE_BYTES).map_err(|e| Error::io(&file, e))? {
                Ok(bytes) => {
                    let text = clean_text(&String::from_utf8_lossy(&bytes));
                    templates.insert(name.to_owned(), TemplateSource { text, origin: rel });
                }
                Err(why) => {
                    diags.push(refusal(&rel, why, "load-what-template", MAX_TEMPLATE_BYTES))
                }
            }
        }
    }
    Ok((templates, statics))
}

/// The built-in theme's templates and static files, or nothing if not `wanted`.
fn built_in(wanted: bool) -> ThemeFiles {
    let mut templates = BTreeMap::new();
    let mut statics = BTreeMap::new();
    for (path, bytes) in THEME.iter().filter(|_| wanted) {
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
    (templates, statics)
}

#[cfg(test)]
mod tests {
    use super::*;

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
