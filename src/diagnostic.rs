//! Content problems as data: `Diagnostic { severity, path, line, col, code, message,
//! help }`, collected across every file of a run, then printed sorted, rustc-style,
//! with the offending source line and a caret, followed by a one-line summary.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde::Serialize;

/// How bad a problem is: errors fail the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails `build` and `check`.
    Error,
    /// Reported; fails only `check --strict`.
    Warning,
}

/// One problem in one file, with where it is and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Diagnostic {
    /// Site-relative path with `/` separators, e.g. `content/ben-tre/2017/x.md`.
    pub path: String,
    /// 1-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column in characters; 0 when unknown.
    pub col: usize,
    /// Error or warning.
    pub severity: Severity,
    /// Stable code, e.g. `E003`; listed in the README.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
    /// Length of the underlined span in characters (at least 1 when shown).
    #[serde(skip)]
    pub span: usize,
    /// Short label under the caret.
    #[serde(skip)]
    pub label: String,
    /// How to fix it, if there is something to say.
    pub help: Option<String>,
    /// The source line, for display.
    #[serde(skip)]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A new error at `path:line:col`.
    pub fn error(
        code: &'static str,
        path: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line,
            col,
            severity: Severity::Error,
            code,
            message: message.into(),
            span: 1,
            label: String::new(),
            help: None,
            source_line: None,
        }
    }

    /// A new warning at `path:line:col`.
    pub fn warning(
        code: &'static str,
        path: &str,
        line: usize,
        col: usize,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Self::error(code, path, line, col, message)
        }
    }

    /// Adds how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds the label shown under the caret and the span's length.
    pub fn label(mut self, label: impl Into<String>, span: usize) -> Self {
        self.label = label.into();
        self.span = span.max(1);
        self
    }

    /// Attaches the source line from the file's text, for display.
    pub fn with_source(mut self, text: &str) -> Self {
        if self.line > 0 {
            self.source_line = text.lines().nth(self.line - 1).map(str::to_owned);
        }
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The rustc-style block the SPEC shows.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{kind}[{}]: {}", self.code, self.message);
        let loc = match (self.line, self.col) {
            (0, _) => self.path.clone(),
            (l, 0) => format!("{}:{l}", self.path),
            (l, c) => format!("{}:{l}:{c}", self.path),
        };
        let width = self.line.to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}--> {loc}");
        if let Some(src) = &self.source_line {
            let shown: String = src.chars().take(200).collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {shown}", self.line);
            if self.col > 0 {
                let lead = " ".repeat(self.col - 1);
                let carets = "^".repeat(self.span);
                let _ = writeln!(out, "{pad} | {lead}{carets} {}", self.label);
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(out, "{pad} = help: {help}");
        }
        out
    }

    /// One line in GitHub Actions' annotation format.
    pub fn render_github(&self) -> String {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut msg = self.message.clone();
        if let Some(h) = &self.help {
            msg.push_str(" (help: ");
            msg.push_str(h);
            msg.push(')');
        }
        let msg = msg
            .replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A");
        format!(
            "::{kind} file={},line={},col={},title={}::{msg}",
            self.path,
            self.line.max(1),
            self.col.max(1),
            self.code
        )
    }
}

/// "3 errors, 1 warning in 2 files".
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let files: BTreeSet<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    let plural = |n: usize, w: &str| {
        if n == 1 {
            format!("{n} {w}")
        } else {
            format!("{n} {w}s")
        }
    };
    format!(
        "{}, {} in {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(files.len(), "file")
    )
}

/// Sorts diagnostics by file, line, column so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort();
}
