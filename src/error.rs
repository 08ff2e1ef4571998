//! System failures: I/O, a broken template, bad settings. Content problems are not
//! errors here but `Diagnostic`s (see `diagnostic.rs`), collected across all files.
//! Each variant carries the path or name involved so callers can report it.

use std::path::PathBuf;

/// A failure that stops the command (exit status 2, or 1 for templates).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading or writing a file or folder failed.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder involved.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// A template failed to parse or render.
    #[error("template {name}: {message}")]
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
    #[error(
        "refusing to write the site into {}: {why}\n  help: {}",
        path.display(),
        why.help()
    )]
    Refused {
        /// The output folder as given (or the folder its link points to).
        path: PathBuf,
        /// Why it may not be replaced.
        why: Refusal,
    },
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
    pub fn help(&self) -> &'static str {
        match self {
            Refusal::NotAFolder | Refusal::BrokenLink => {
                "give --out a folder (new, empty, or one kheo built before)"
            }
            Refusal::SiteFolder
            | Refusal::HoldsSite
            | Refusal::IsSources(_)
            | Refusal::HoldsSources(_)
            | Refusal::InsideSources(_) => {
                "a build replaces its output folder as a whole; give --out a new folder \
                 outside the site's sources, e.g. <site>/public (the default)"
            }
            Refusal::NotMadeByKheo => {
                "kheo only replaces folders it made itself (they hold a .kheo-output file); \
                 move the files away or give --out a new or empty folder"
            }
        }
    }
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotAFolder => write!(f, "it is a file, not a folder"),
            Refusal::BrokenLink => {
                write!(f, "it is a symbolic link to a folder that does not exist")
            }
            Refusal::SiteFolder => write!(f, "it is the site folder itself"),
            Refusal::HoldsSite => write!(f, "it holds the site folder, which would be deleted"),
            Refusal::IsSources(name) => write!(f, "it is the site's {name} folder"),
            Refusal::HoldsSources(name) => {
                write!(
                    f,
                    "it holds the site's {name} folder, which would be deleted"
                )
            }
            Refusal::InsideSources(name) => {
                write!(f, "it is inside the site's {name} folder, which kheo reads")
            }
            Refusal::NotMadeByKheo => write!(
                f,
                "it is not empty and has no .kheo-output file, so kheo did not make it \
                 and will not delete what is in it"
            ),
        }
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
            Error::Io { .. } | Error::Usage(_) | Error::Refused { .. } => 2,
        }
    }
}

/// Result alias for system failures.
pub type Result<T, E = Error> = std::result::Result<T, E>;
