//! What the loader may read, and what `content/` may publish. Nothing outside the site
//! folder is read (a symbolic link whose target lies outside is refused), no FIFO or
//! device, no file past its size cap; from `content/` only media and documents are
//! published. Every refusal is a `Diagnostic` naming the site-relative path: never the
//! link's target, never the file's content.

use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::error::{Error, Result};

/// `site.yaml` and `strings.yaml` larger than this are refused (real ones are a few KB).
pub const MAX_SETTINGS_BYTES: u64 = 1024 * 1024;

/// Templates larger than this are refused (the built-in ones are a few KB each).
pub const MAX_TEMPLATE_BYTES: u64 = 4 * 1024 * 1024;

/// Extensions (lower case) of the files beside an article that are published with it:
/// images, documents, audio and video. Anything else (`.html`, `.js`, `.json`, `.css`,
/// `.xml`, …) would run on the site's origin or replace a generated file, so it is
/// reported (W002) and left out. SVG stays, for `<img>`; see `svg_is_active`.
pub const PUBLISHED_EXTENSIONS: &[&str] = &[
    // images
    "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", // documents
    "pdf", "doc", "docx", "xls", "xlsx", "ods", "odt", "odp", "ppt", "pptx", "csv", "txt",
    // audio and video
    "mp3", "m4a", "ogg", "oga", "mp4", "webm", // archives
    "zip",
];

/// The site folder, with its real location resolved once, to tell a link that stays
/// inside it from one that leads out.
#[derive(Debug, Clone)]
pub(crate) struct Fence {
    /// The site folder as given.
    pub(crate) root: PathBuf,
    /// Its canonical path.
    real: PathBuf,
}

/// Why a file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refused {
    /// A FIFO, a device, a socket or a folder where a file belongs.
    NotAFile,
    /// Larger than the cap: its size in bytes.
    TooLarge(u64),
}

impl Fence {
    /// The fence around the site at `root`.
    pub(crate) fn new(root: &Path) -> Result<Fence> {
        let real = root.canonicalize().map_err(|e| Error::io(root, e))?;
        Ok(Fence {
            root: root.to_path_buf(),
            real,
        })
    }

    /// The path of `rel` (site-relative) if it may be read: `Ok(None)` if nothing is
    /// there (or a link leads nowhere), `Err` (E007) if it leads outside the site.
    pub(crate) fn resolve(&self, rel: &str) -> std::result::Result<Option<PathBuf>, Diagnostic> {
        let path = self.root.join(rel);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(None);
        }
        match path.canonicalize() {
            Ok(real) if real.starts_with(&self.real) => Ok(Some(path)),
            Ok(_) => Err(link_out(
                &self.first_link(rel).unwrap_or_else(|| rel.to_owned()),
            )),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            // Unreadable for another reason: the read reports it with the path.
            Err(_) => Ok(Some(path)),
        }
    }

    /// The first symbolic link on the way from the root to `rel`, site-relative.
    fn first_link(&self, rel: &str) -> Option<String> {
        let mut path = self.root.clone();
        let mut seen = Vec::new();
        for part in rel.split('/') {
            path.push(part);
            seen.push(part);
            if std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
                return Some(seen.join("/"));
            }
        }
        None
    }
}

/// Whether `path` is, or lies inside, a symbolic link below `root`. Checked on the
/// path's own components (not its NFC site path), so the names are those on disk.
pub(crate) fn through_symlink(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut at = root.to_path_buf();
    rel.components().any(|part| {
        at.push(part);
        std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink())
    })
}

/// Reads the regular file at `path`, at most `cap` bytes: a FIFO, a device or a file
/// past the cap is refused before (or while) reading, so nothing can hang the build or
/// fill its memory.
pub(crate) fn read_bounded(
    path: &Path,
    cap: u64,
) -> std::io::Result<std::result::Result<Vec<u8>, Refused>> {
    // `metadata`, unlike `open`, never blocks on a FIFO.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Ok(Err(Refused::NotAFile));
    }
    if meta.len() > cap {
        return Ok(Err(Refused::TooLarge(meta.len())));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)?
        .take(cap + 1)
        .read_to_end(&mut bytes)?;
    // It grew since `metadata`.
    if bytes.len() as u64 > cap {
        return Ok(Err(Refused::TooLarge(bytes.len() as u64)));
    }
    Ok(Ok(bytes))
}

/// The diagnostic for a refused read of `rel`; `what` is the message id naming the
/// kind of file (`load-what-article`, `load-what-template`) for the size message.
pub(crate) fn refusal(rel: &str, why: Refused, what: &str, cap: u64) -> Diagnostic {
    match why {
        Refused::NotAFile => {
            Diagnostic::error("E008", rel, 0, 0, crate::t!("e008")).help(crate::t!("e008-help"))
        }
        Refused::TooLarge(len) => {
            let mb = len as f64 / 1_048_576.0;
            Diagnostic::error(
                "E002",
                rel,
                0,
                0,
                crate::t!(
                    "e002",
                    size = format!("{mb:.1}"),
                    what = crate::t!(what),
                    max = cap >> 20,
                ),
            )
        }
    }
}

/// E007: a symbolic link at `rel` leads outside the site folder.
fn link_out(rel: &str) -> Diagnostic {
    Diagnostic::error("E007", rel, 0, 0, crate::t!("e007")).help(crate::t!("e007-help"))
}

/// Whether a file beside an article may be published (by its extension).
pub(crate) fn is_publishable(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    name.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && PUBLISHED_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str())
    })
}

/// W002: a file under `content/` that is not published.
pub(crate) fn not_published(rel: &str) -> Diagnostic {
    Diagnostic::warning("W002", rel, 0, 0, crate::t!("w002")).help(crate::t!("w002-help"))
}

/// W003: an SVG beside an article that carries script or other active content.
pub(crate) fn active_svg(rel: &str) -> Diagnostic {
    Diagnostic::warning("W003", rel, 0, 0, crate::t!("w003")).help(crate::t!("w003-help"))
}

/// Whether an SVG's text holds anything that runs when the file is opened on its own
/// (an `<img>` never runs it, a direct visit does): `<script>`, `javascript:` URLs,
/// `on…=` event handlers, `<foreignObject>` (embedded HTML), entity declarations and
/// character references (which can spell any of these). A plain drawing has none.
pub(crate) fn svg_is_active(svg: &[u8]) -> bool {
    let text = String::from_utf8_lossy(svg).to_ascii_lowercase();
    [
        "<script",
        ":script",
        "script:",
        "foreignobject",
        "<!entity",
        "&#",
        "<iframe",
        "<embed",
        "<object",
        "<handler",
        "<listener",
    ]
    .iter()
    .any(|bad| text.contains(bad))
        || has_event_attribute(&text)
}

/// An `on<letters>=` attribute: `on` after whitespace, `/`, `"` or `'`, then letters,
/// optional whitespace and `=`.
fn has_event_attribute(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(i) = text[from..].find("on").map(|i| i + from) {
        from = i + 2;
        let before = i.checked_sub(1).map(|b| bytes[b]);
        if !before.is_some_and(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'"' | b'\'')) {
            continue;
        }
        let rest = &bytes[i + 2..];
        let letters = rest.iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let after = rest[letters..].iter().find(|b| !b.is_ascii_whitespace());
        if letters > 0 && after == Some(&b'=') {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_media_and_documents_are_publishable() {
        for ok in [
            "a/b.png",
            "a/B.JPG",
            "a/bao-cao.pdf",
            "a/x.docx",
            "a/v.mp4",
            "a/d.zip",
        ] {
            assert!(is_publishable(ok), "{ok}");
        }
        for bad in [
            "a/x.html",
            "a/x.htm",
            "a/x.js",
            "a/x.mjs",
            "a/index.json",
            "a/x.xml",
            "a/x.css",
            "a/README",
            "a/.png",
            "a/x.png.html",
            "a/x.php",
        ] {
            assert!(!is_publishable(bad), "{bad}");
        }
    }

    #[test]
    fn svgs_with_active_content_are_recognised() {
        let plain = br#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><desc>description: a transcript</desc><rect fill="red" width="10" height="10"/><text>on the farm = good</text></svg>"#;
        assert!(!svg_is_active(plain));
        for bad in [
            r#"<svg><script>alert(1)</script></svg>"#,
            r#"<svg><SCRIPT>alert(1)</SCRIPT></svg>"#,
            r#"<svg onload="alert(1)"></svg>"#,
            "<svg\nonload\n=\n'alert(1)'></svg>",
            r#"<svg><a href="javascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg><a href="&#106;avascript:alert(1)"><rect/></a></svg>"#,
            r#"<svg><foreignObject><iframe/></foreignObject></svg>"#,
            r#"<svg><rect/onclick="x()"/></svg>"#,
            "<svg><a href=\"java\tscript:alert(1)\"><rect/></a></svg>",
            r#"<svg><svg:script>alert(1)</svg:script></svg>"#,
        ] {
            assert!(svg_is_active(bad.as_bytes()), "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("site.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("skipped: mkfifo is not available");
            return;
        }
        assert_eq!(
            read_bounded(&fifo, MAX_SETTINGS_BYTES).expect("stat"),
            Err(Refused::NotAFile)
        );
    }

    #[test]
    fn reads_past_the_cap_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("big.yaml");
        std::fs::write(&file, vec![b'a'; 2049]).expect("write");
        assert_eq!(
            read_bounded(&file, 2048).expect("read"),
            Err(Refused::TooLarge(2049))
        );
        assert_eq!(
            read_bounded(&file, 4096).expect("read").map(|b| b.len()),
            Ok(2049)
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_inside_the_site_are_followed_and_links_out_refused() {
        use std::os::unix::fs::symlink;
        let site = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("temp dir");
        let root = site.path();
        std::fs::create_dir_all(root.join("shared/templates")).expect("mkdir");
        std::fs::create_dir_all(root.join("themes")).expect("mkdir");
        symlink(root.join("shared/templates"), root.join("templates")).expect("symlink");
        std::fs::write(outside.path().join("strings.yaml"), "home: SECRET").expect("write");
        symlink(outside.path(), root.join("themes/ngoai")).expect("symlink");
        let fence = Fence::new(root).expect("fence");
        assert_eq!(fence.resolve("templates"), Ok(Some(root.join("templates"))));
        assert_eq!(fence.resolve("static"), Ok(None));
        let d = fence
            .resolve("themes/ngoai/strings.yaml")
            .expect_err("refused");
        assert_eq!((d.code, d.path.as_str()), ("E007", "themes/ngoai"));
        let shown = format!("{d:?}");
        assert!(
            !shown.contains(&*outside.path().to_string_lossy()),
            "{shown}"
        );
    }
}
