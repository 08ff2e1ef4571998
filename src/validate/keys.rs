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
    /// Warnings: the article is published, the editor should still look.
    pub(super) warnings: Vec<Diagnostic>,
}

impl<'a> Keys<'a> {
    pub(super) fn path(&self) -> &str {
        &self.draft.source.path.0
    }

    pub(super) fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.draft.keys.iter().find(|e| e.key == key)
    }

    /// A warning at the key's value.
    pub(super) fn warn(
        &mut self,
        code: &'static str,
        e: &Entry,
        msg: String,
        label: &str,
        help: String,
    ) {
        let d = Diagnostic::warning(code, self.path(), e.line, e.value_col, msg)
            .label(label, self.value_len(e))
            .with_source(&self.draft.source.text)
            .help(help);
        self.warnings.push(d);
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
                    crate::t!("keys-not-text", key = key, kind = kind(other)),
                    &crate::t!("keys-not-text-label"),
                    Some(crate::t!("keys-not-text-help", key = key)),
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
                crate::t!("keys-required-empty", key = key),
                &crate::t!("keys-required-empty-label"),
                Some(crate::t!(
                    "keys-required-empty-help",
                    key = key,
                    example = example
                )),
            ),
            // Another type: `text` said so.
            Some(_) => {}
        }
        None
    }

    pub(super) fn missing(&mut self, key: &str, example: &str) {
        // `tỉnh:` written for `province:` is E012 at its line, with the real key.
        let spelled = self.draft.keys.iter().any(|e| {
            crate::keys::get(&e.key).is_none()
                && crate::keys::by_spelling(&e.key).is_some_and(|k| k.name == key)
        });
        if spelled {
            return;
        }
        let d = Diagnostic::error(
            "E010",
            self.path(),
            1,
            1,
            crate::t!("keys-missing", key = key),
        )
        .label(crate::t!("keys-missing-label"), 3)
        .with_source(&self.draft.source.text)
        .help(crate::t!("keys-missing-help", key = key, example = example));
        self.diags.push(d);
    }

    /// E024: `what` (`name`, `len` bytes) becomes a file or folder name of the output,
    /// longer than `MAX_NAME`.
    pub(super) fn too_long(&mut self, e: Option<&Entry>, what: &str, len: usize, name: &str) {
        let shorter = shorten(name);
        let help = match e.map(|e| e.key.as_str()) {
            Some("tags") => crate::t!("keys-too-long-help-tag"),
            Some("aliases") => crate::t!("keys-too-long-help-alias"),
            _ => crate::t!("keys-too-long-help-slug", shorter = shorter),
        };
        self.error(
            "E024",
            e,
            crate::t!("keys-too-long", what = what, len = len, max = MAX_NAME),
            &crate::t!("keys-too-long-label"),
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
                                crate::t!("keys-list-item", key = key, kind = kind(other)),
                                &crate::t!("keys-list-item-label"),
                                Some(crate::t!("keys-list-item-help", key = key)),
                            );
                            return Vec::new();
                        }
                    }
                }
                out.retain(|s| !s.is_empty());
                out
            }
            other => {
                let list = match other {
                    Value::String(s) => as_list(s),
                    _ => "[một, hai]".to_owned(),
                };
                self.error(
                    "E011",
                    Some(e),
                    crate::t!("keys-not-list", key = key, kind = kind(other)),
                    &crate::t!("keys-not-list-label"),
                    Some(crate::t!("keys-not-list-help", key = key, list = list)),
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
                    crate::t!("keys-not-bool", key = key, kind = kind(other)),
                    &crate::t!("keys-not-bool-label"),
                    Some(crate::t!("keys-not-bool-help", key = key)),
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

/// What a value is, in words (`a number`, `a list`).
pub(super) fn kind(v: &Value) -> String {
    crate::t!(match v {
        Value::Null => "keys-kind-empty",
        Value::Bool(_) => "keys-kind-bool",
        Value::Number(_) => "keys-kind-number",
        Value::String(_) => "keys-kind-text",
        Value::Sequence(_) => "keys-kind-list",
        Value::Mapping(_) => "keys-kind-map",
        Value::Tagged(_) => "keys-kind-tagged",
    })
}

/// The items of `a, b` or `a; b` (as editors type a list on one line), trimmed,
/// without empty ones.
fn split_items(s: &str) -> Vec<String> {
    s.split([',', ';', '，', '；'])
        .map(|i| nfc(i.trim_matches(is_blank)))
        .filter(|i| !i.is_empty())
        .collect()
}

/// `a; b` → `[a, b]`: the list written as YAML on one line.
fn as_list(s: &str) -> String {
    format!("[{}]", split_items(s).join(", "))
}
