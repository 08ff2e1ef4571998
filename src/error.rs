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
            Error::Io { .. } | Error::Usage(_) => 2,
        }
    }
}

/// Result alias for system failures.
pub type Result<T, E = Error> = std::result::Result<T, E>;
