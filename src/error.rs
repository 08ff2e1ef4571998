//! System failures: I/O, a broken template, bad settings. Content problems are not
//! errors here but `Diagnostic`s (see `diagnostic.rs`), collected across all files.
//! Each variant carries the path or name involved so callers can report it.

use std::path::PathBuf;

/// A failure that stops the command (exit status 2, or 1 for templates). Its text is
/// in the current language (see `i18n`).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file or folder failed.
    #[error("{}", io_text(path, source))]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A template failed to parse or render.
    #[error("{}", crate::t!("err-template", name = name.as_str(), message = message.as_str()))]
    Template {
        /// Template name, e.g. `article.html`.
        name: String,
        /// Tera's message, with its location.
        message: String,
    },
    /// Bad usage that clap cannot see (an unusable option value).
    #[error("{0}")]
    Usage(String),
    /// The output folder is one kheo must not replace (see `output`): nothing was
    /// built and nothing was written.
    #[error("{}", refused_text(path, why))]
    Refused {
        /// The output folder as given (or the folder its link points to).
        path: PathBuf,
        /// Why it may not be replaced.
        why: Refusal,
    },
    /// The folder given as the site (`--root`, `.` by default) has no `site.yaml`, or
    /// does not exist: the command was run outside a site folder.
    #[error("{}", no_site_text(root, *exists))]
    NoSite {
        /// The site folder as an absolute path, where `site.yaml` was looked for.
        root: PathBuf,
        /// Whether the folder itself exists.
        exists: bool,
    },
}

/// The text of `Error::Io`: the path and, in Vietnamese, what went wrong in plain words
/// (the system's own words in English).
fn io_text(path: &std::path::Path, source: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let plain = match source.kind() {
        _ if crate::i18n::current() == crate::i18n::Lang::En => None,
        K::NotFound => Some("err-io-not-found"),
        K::PermissionDenied => Some("err-io-permission"),
        K::AlreadyExists => Some("err-io-exists"),
        K::StorageFull => Some("err-io-full"),
        K::ReadOnlyFilesystem => Some("err-io-read-only"),
        K::IsADirectory => Some("err-io-is-folder"),
        K::NotADirectory => Some("err-io-not-folder"),
        K::InvalidData => Some("err-io-invalid-data"),
        _ => None,
    };
    let reason = plain.map_or_else(|| source.to_string(), |id| crate::t!(id));
    let path = crate::diagnostic::printable(&path.display().to_string()).into_owned();
    crate::t!("err-io", path = path, reason = reason)
}

/// The text of `Error::Refused`: what was refused, why, and what to do instead.
fn refused_text(path: &std::path::Path, why: &Refusal) -> String {
    let path = crate::diagnostic::printable(&path.display().to_string()).into_owned();
    let what = crate::t!("err-refused", path = path, why = why.to_string());
    format!("{what}\n  {}: {}", crate::t!("diag-help"), why.help())
}

/// The text of `Error::NoSite`: where `site.yaml` was looked for and what to do.
fn no_site_text(root: &std::path::Path, exists: bool) -> String {
    let root = crate::diagnostic::printable(&root.display().to_string()).into_owned();
    let what = if exists {
        crate::t!("err-no-site-yaml", root = root)
    } else {
        crate::t!("err-no-site-folder", root = root)
    };
    format!(
        "{what}\n  {}: {}",
        crate::t!("diag-help"),
        crate::t!("err-no-site-help")
    )
}

/// Why an output folder may not be replaced. Each message, and the advice that goes
/// with it, is written here only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// The path names a file (or a link to one), not a folder.
    NotAFolder,
    /// The path is a symbolic link to nothing.
    BrokenLink,
    /// The path is the site folder itself.
    SiteFolder,
    /// The path is a source folder (`content`, `static`, `templates`, `themes`).
    IsSources(&'static str),
    /// The path holds the site folder.
    HoldsSite,
    /// The path holds one of the site's source folders (kept elsewhere by a link).
    HoldsSources(&'static str),
    /// The path lies inside a source folder.
    InsideSources(&'static str),
    /// The folder is not empty and carries no `.kheo-output` marker.
    NotMadeByKheo,
}

impl Refusal {
    /// What to do instead.
    pub fn help(&self) -> String {
        match self {
            Refusal::NotAFolder | Refusal::BrokenLink => crate::t!("refuse-help-folder"),
            Refusal::SiteFolder
            | Refusal::HoldsSite
            | Refusal::IsSources(_)
            | Refusal::HoldsSources(_)
            | Refusal::InsideSources(_) => crate::t!("refuse-help-sources"),
            Refusal::NotMadeByKheo => crate::t!("refuse-help-not-ours"),
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Refusal::NotAFolder => crate::t!("refuse-not-a-folder"),
            Refusal::BrokenLink => crate::t!("refuse-broken-link"),
            Refusal::SiteFolder => crate::t!("refuse-site-folder"),
            Refusal::HoldsSite => crate::t!("refuse-holds-site"),
            Refusal::IsSources(name) => crate::t!("refuse-is-sources", name = *name),
            Refusal::HoldsSources(name) => crate::t!("refuse-holds-sources", name = *name),
            Refusal::InsideSources(name) => crate::t!("refuse-inside-sources", name = *name),
            Refusal::NotMadeByKheo => crate::t!("refuse-not-ours"),
        };
        f.write_str(&text)
    }
}

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// The exit status the SPEC gives this failure: 1 for templates, 2 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Template { .. } => 1,
            Error::Io { .. } | Error::Usage(_) | Error::Refused { .. } | Error::NoSite { .. } => 2,
        }
    }
}

/// Result alias for system failures.
pub type Result<T, E = Error> = std::result::Result<T, E>;
