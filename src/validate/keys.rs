//! Typed access to one file's front matter keys (`Keys`): text, lists, booleans,
//! required values (blank is missing), names that must fit a file system; each problem
//! becomes a diagnostic at the key's line and value's column.

use yaml_serde::Value;

use crate::diagnostic::Diagnostic;
use crate::frontmatter::{Draft, Entry};
use crate::vietnamese::nfc;

/// Typed access to the front matter keys, with diagnostics in the file's terms.
pub(super) struct Keys<'a> {
    pub(super) draft: &'a Draft<'a>,
    pub(super) diags: Vec<Diagnostic>,
}

impl<'a> Keys<'a> {
    pub(super) fn path(&self) -> &str {
        &self.draft.source.path.0
    }

    pub(super) fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.draft.keys.iter().find(|e| e.key == key)
    }

    pub(super) fn error(
        &mut self,
        code: &'static str,
        e: Option<&Entry>,
        msg: String,
        label: &str,
        help: Option<String>,
    ) {
        let (line, col, span) = match e {
            Some(e) => {
                let span = self.value_len(e);
                (e.line, e.value_col, span)
            }
            None => (1, 1, 3),
        };
        let mut d = Diagnostic::error(code, self.path(), line, col, msg)
            .label(label, span)
            .with_source(&self.draft.source.text);
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diags.push(d);
    }

    /// Length of the value as written on the key's line, for the underline.
    pub(super) fn value_len(&self, e: &Entry) -> usize {
        if e.line == 0 {
            return 1;
        }
        let line = self.draft.source.text.lines().nth(e.line - 1).unwrap_or("");
        let rest: String = line.chars().skip(e.value_col.saturating_sub(1)).collect();
        rest.trim_end().chars().count().max(1)
    }

    /// A text value; numbers and booleans are accepted as their text.
    pub(super) fn text(&mut self, key: &str) -> Option<String> {
        let e = self.entry(key)?;
        let s = match &e.value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            Value::Null => return None,
            other => {
                self.error(
                    "E011",
                    Some(e),
                    format!("`{key}` must be text, not {}", kind(other)),
                    "expected text",
                    Some(format!(
                        "write it on one line: `{key}: ...` (use quotes if it contains `:` or `#`)"
                    )),
                );
                return None;
            }
        };
        let s = nfc(s.trim_matches(is_blank));
        (!s.is_empty()).then_some(s)
    }

    /// A text value that must be there and not blank: absent is E010 at the top of
    /// the front matter, blank (empty, only spaces of any kind) E010 at its key.
    pub(super) fn required_text(&mut self, key: &str, example: &str) -> Option<String> {
        let v = self.text(key);
        if v.is_some() {
            return v;
        }
        match self.entry(key) {
            None => self.missing(key, example),
            Some(e) if matches!(&e.value, Value::Null | Value::String(_)) => self.error(
                "E010",
                Some(e),
                format!("required key `{key}` is empty"),
                "no value",
                Some(format!(
                    "write the value after the colon, e.g. `{key}: {example}`; spaces alone do not count"
                )),
            ),
            // Another type: `text` said so.
            Some(_) => {}
        }
        None
    }

    pub(super) fn missing(&mut self, key: &str, example: &str) {
        let d = Diagnostic::error(
            "E010",
            self.path(),
            1,
            1,
            format!("missing required key `{key}`"),
        )
        .label("front matter starts here", 3)
        .with_source(&self.draft.source.text)
        .help(format!("add a line `{key}: {example}` to the front matter"));
        self.diags.push(d);
    }

    /// E024: `what` (`name`, `len` bytes) becomes a file or folder name of the output,
    /// longer than `MAX_NAME`.
    pub(super) fn too_long(&mut self, e: Option<&Entry>, what: &str, len: usize, name: &str) {
        let shorter = shorten(name);
        let help = match e.map(|e| e.key.as_str()) {
            Some("tags") => "use a shorter tag: a tag is a few words".to_owned(),
            Some("aliases") => {
                "an old address with a part this long cannot be a file; remove the alias".to_owned()
            }
            _ => format!("write a shorter slug in the front matter, e.g. `slug: {shorter}`"),
        };
        self.error(
            "E024",
            e,
            format!("{what} is {len} bytes long; names in the site may have at most {MAX_NAME}"),
            "too long for a file name",
            Some(help),
        );
    }

    pub(super) fn list(&mut self, key: &str) -> Vec<String> {
        let Some(e) = self.entry(key) else {
            return Vec::new();
        };
        match &e.value {
            Value::Null => Vec::new(),
            Value::Sequence(items) => {
                let mut out = Vec::new();
                for item in items {
                    match item {
                        Value::String(s) => out.push(nfc(s.trim())),
                        Value::Number(n) => out.push(n.to_string()),
                        other => {
                            self.error(
                                "E011",
                                Some(e),
                                format!(
                                    "every item of `{key}` must be text, found {}",
                                    kind(other)
                                ),
                                "in this list",
                                Some(format!(
                                    "write `{key}: [một, hai]` or one `- item` per line"
                                )),
                            );
                            return Vec::new();
                        }
                    }
                }
                out.retain(|s| !s.is_empty());
                out
            }
            other => {
                let hint = match other {
                    Value::String(s) => format!("write `{key}: [{s}]`"),
                    _ => format!("write `{key}: [một, hai]`"),
                };
                self.error(
                    "E011",
                    Some(e),
                    format!("`{key}` must be a list, not {}", kind(other)),
                    "expected a list",
                    Some(hint),
                );
                Vec::new()
            }
        }
    }

    pub(super) fn bool(&mut self, key: &str) -> bool {
        let Some(e) = self.entry(key) else {
            return false;
        };
        match &e.value {
            Value::Bool(b) => *b,
            Value::Null => false,
            other => {
                self.error(
                    "E011",
                    Some(e),
                    format!("`{key}` must be true or false, not {}", kind(other)),
                    "expected true or false",
                    Some(format!("write `{key}: true`")),
                );
                false
            }
        }
    }
}

/// Longest slug, tag slug or alias part, in bytes: each becomes a file or folder name
/// of the output, and file systems refuse names over 255 bytes (the rest leaves room
/// for what the build appends, such as `-480w`).
pub(super) const MAX_NAME: usize = 200;

/// The first words of a long slug, cut at a hyphen (at most 60 characters).
fn shorten(slug: &str) -> String {
    let cut: String = slug.chars().take(60).collect();
    match cut.rfind('-') {
        Some(i) if cut.len() < slug.len() && i > 0 => cut[..i].to_owned(),
        _ => cut,
    }
}

/// Characters a value may not consist of alone: every Unicode space (NBSP, U+3000
/// ideographic space…) and the invisible ones that are not spaces to Unicode but show
/// nothing (zero-width space, joiners, word joiner, byte order mark).
fn is_blank(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

pub(super) fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a map",
        Value::Tagged(_) => "a tagged value",
    }
}
