//! Content problems as data: `Diagnostic { severity, path, line, col, code, message,
//! help }`, collected across every file of a run, then printed sorted, rustc-style,
//! with the offending source line and a caret, followed by a one-line summary.

use std::borrow::Cow;
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

impl Severity {
    /// The word that opens a diagnostic block, in the current language
    /// (`error`/`lỗi`, `warning`/`cảnh báo`).
    pub fn word(self) -> String {
        match self {
            Severity::Error => crate::t!("diag-error"),
            Severity::Warning => crate::t!("diag-warning"),
        }
    }
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
        let kind = self.severity.word();
        let _ = writeln!(out, "{kind}[{}]: {}", self.code, printable(&self.message));
        let path = printable(&self.path);
        let loc = match (self.line, self.col) {
            (0, _) => path.into_owned(),
            (l, 0) => format!("{path}:{l}"),
            (l, c) => format!("{path}:{l}:{c}"),
        };
        let width = self.line.to_string().len();
        let pad = " ".repeat(width);
        let _ = writeln!(out, "{pad}--> {loc}");
        if let Some(src) = &self.source_line {
            // One visible character for each one of the line, so the caret stays under
            // its column.
            let shown: String = src.chars().take(200).map(visible).collect();
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {shown}", self.line);
            if self.col > 0 {
                let lead = " ".repeat(self.col - 1);
                let carets = "^".repeat(self.span);
                let _ = writeln!(out, "{pad} | {lead}{carets} {}", printable(&self.label));
            }
        }
        if let Some(help) = &self.help {
            let _ = writeln!(
                out,
                "{pad} = {}: {}",
                crate::t!("diag-help"),
                printable(help)
            );
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
            msg.push_str(&format!(" ({}: {h})", crate::t!("diag-help")));
        }
        format!(
            "::{kind} file={},line={},col={},title={}::{}",
            github_property(&printable(&self.path)),
            self.line.max(1),
            self.col.max(1),
            self.code,
            github_message(&printable(&msg))
        )
    }
}

/// A GitHub workflow command's message: `%`, CR and LF escaped, so it stays one line
/// and one command.
fn github_message(s: &str) -> String {
    crate::escape::replace_ascii(s, |b| match b {
        b'%' => Some("%25"),
        b'\r' => Some("%0D"),
        b'\n' => Some("%0A"),
        _ => None,
    })
}

/// A GitHub workflow command's property value: as a message, plus `:` and `,`, which
/// end a value.
fn github_property(s: &str) -> String {
    crate::escape::replace_ascii(s, |b| match b {
        b'%' => Some("%25"),
        b'\r' => Some("%0D"),
        b'\n' => Some("%0A"),
        b':' => Some("%3A"),
        b',' => Some("%2C"),
        _ => None,
    })
}

/// `s` as it may be printed to a terminal: control characters (which could move the
/// cursor, retitle the window, ring the bell or hide text: ESC, CSI, OSC, BEL, C1) and
/// bidirectional overrides shown as visible symbols instead of acting. Line breaks and
/// tabs are kept. Content-derived text (file names, values, source lines) goes through
/// it before reaching a terminal.
pub fn printable(s: &str) -> Cow<'_, str> {
    if s.chars()
        .all(|c| matches!(c, '\n' | '\t') || visible(c) == c)
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(
            s.chars()
                .map(|c| {
                    if matches!(c, '\n' | '\t') {
                        c
                    } else {
                        visible(c)
                    }
                })
                .collect(),
        )
    }
}

/// A character shown rather than obeyed: C0 controls as their Unicode control
/// picture (ESC as `␛`), DEL as `␡`, C1 controls and bidirectional embeddings,
/// overrides and isolates (U+202A..U+202E, U+2066..U+2069) as `�`; other characters
/// as they are.
fn visible(c: char) -> char {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => '\u{fffd}',
        c => c,
    }
}

/// "3 errors, 1 warning in 2 files" ("3 lỗi, 1 cảnh báo trong 2 tệp").
pub fn summary(diags: &[Diagnostic]) -> String {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let files: BTreeSet<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    crate::t!(
        "diag-summary",
        errors = crate::t!("summary-errors", errors = errors),
        warnings = crate::t!("summary-warnings", warnings = warnings),
        files = crate::t!("diag-files", files = files.len()),
    )
}

/// Sorts diagnostics by file, line, column so output is stable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad_file(path: &str) -> Diagnostic {
        Diagnostic::error("E001", path, 2, 3, "key `a\u{1b}]0;owned\u{7}` is unknown")
            .label("here\u{9b}2J", 1)
            .help("see \u{202e}txt.exe")
            .with_source("x\ny\u{1b}[2Jz\u{7}")
    }

    #[test]
    fn terminal_output_shows_control_characters_instead_of_obeying_them() {
        let text = bad_file("content/a\u{1b}[31mb.md").render();
        for c in text.chars() {
            assert!(
                c == '\n' || !(c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
                "{c:?} in {text:?}"
            );
        }
        assert!(text.contains("content/a␛[31mb.md:2:3"), "{text}");
        assert!(text.contains("y␛[2Jz␇"), "{text}");
        // The caret stays under column 3 of the shown line.
        assert!(text.contains("2 | y␛[2Jz␇\n  |   ^"), "{text}");
    }

    #[test]
    fn printable_keeps_ordinary_text_borrowed() {
        assert!(matches!(printable("Bà Rịa\tx\n"), Cow::Borrowed(_)));
        assert_eq!(printable("a\u{1b}b\u{0}"), "a␛b␀");
    }

    #[test]
    fn github_annotations_are_one_command_whatever_the_file_name() {
        let line = bad_file("a,b::stop-commands::x\nq%.md").render_github();
        assert_eq!(line.lines().count(), 1, "{line}");
        assert!(
            line.starts_with(
                "::error file=a%2Cb%3A%3Astop-commands%3A%3Ax%0Aq%25.md,line=2,col=3,title=E001::"
            ),
            "{line}"
        );
        assert_eq!(line.matches("::").count(), 2, "{line}");
    }
}
