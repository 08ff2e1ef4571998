//! Why the front matter could not be read, in the editor's terms. A YAML parser error
//! says what the parser met ("mapping values are not allowed in this context"); an
//! editor needs what they typed and the line to type instead. `explain` looks through
//! the lines for the common mistakes (a tab, `title:Tổ`, a full-width `：`, a colon in
//! a value, an unclosed quote, `@` first, `tags: - a`, an indented key, a stray line,
//! a key written twice) and names the first one; only if none is found does it fall
//! back to the parser's position, with its text as a secondary detail.

use std::collections::HashMap;

use super::{col, key_line, quoted_line};
use crate::diagnostic::Diagnostic;
use crate::keys::Kind;
use crate::load::Source;
use crate::t;

/// One mistake found on a line of the YAML (1-based line in the YAML).
struct Mistake {
    line: usize,
    col: usize,
    span: usize,
    message: String,
    label: String,
    help: String,
}

impl Mistake {
    fn into_diagnostic(self, source: &Source) -> Diagnostic {
        // The YAML starts on line 2 of the file, after the opening fence.
        Diagnostic::error(
            "E006",
            &source.path.0,
            self.line + 1,
            self.col,
            self.message,
        )
        .label(self.label, self.span)
        .help(self.help)
        .with_source(&source.text)
    }
}

/// The diagnostic for a YAML error in `yaml`, the front matter of `source`.
pub(super) fn explain(source: &Source, yaml: &str, e: &yaml_serde::Error) -> Diagnostic {
    let raw = e.to_string();
    let raw = raw.split(" at line ").next().unwrap_or(&raw).to_owned();
    let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
    let at = |msg: String, help: String| {
        Diagnostic::error("E006", &source.path.0, line + 1, column, msg)
            .label(t!("fm-here"), 1)
            .help(help)
            .with_source(&source.text)
    };
    if raw.contains("repetition limit") || raw.contains("recursion limit") {
        return at(t!("fm-aliases"), t!("fm-aliases-help"));
    }
    if let Some(m) = first_mistake(yaml) {
        return m.into_diagnostic(source);
    }
    let help = if raw.contains("mapping values are not allowed") {
        t!("fm-help-colon")
    } else if raw.contains("quoted scalar") {
        t!("fm-help-quote")
    } else if raw.contains("cannot start any token") || raw.contains("tab") {
        t!("fm-help-start")
    } else if raw.contains("expected key") || raw.contains("expected ':'") {
        t!("fm-help-indent")
    } else {
        t!("fm-help-general")
    };
    at(
        t!("fm-unreadable"),
        format!("{help} {}", t!("fm-technical", detail = raw)),
    )
}

/// The diagnostic for front matter that YAML reads as something other than a map (a
/// line of text, a list).
pub(super) fn not_a_map(source: &Source, yaml: &str) -> Diagnostic {
    if let Some(m) = first_mistake(yaml) {
        return m.into_diagnostic(source);
    }
    Diagnostic::error("E006", &source.path.0, 2, 1, t!("fm-not-map"))
        .help(t!("fm-not-map-help"))
        .with_source(&source.text)
}

/// The first line of `yaml` with a mistake an editor makes.
fn first_mistake(yaml: &str) -> Option<Mistake> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut previous_value: Option<&str> = None;
    for (i, line) in yaml.lines().enumerate() {
        let n = i + 1;
        let found = if line.trim_start().starts_with('#') || line.trim().is_empty() {
            None
        } else if line.starts_with([' ', '\t']) {
            indented(n, line, previous_value)
        } else if let Some((key, value, at)) = key_line(line) {
            previous_value = Some(value);
            match seen.get(key) {
                Some(&first) => Some(duplicate(n, key, first)),
                None => {
                    seen.insert(key, n);
                    in_value(&KeyLine {
                        n,
                        line,
                        key,
                        value,
                        at,
                    })
                }
            }
        } else if line.starts_with('-') {
            None
        } else {
            no_colon(n, line)
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// A line that starts with spaces or a tab: a tab is always a mistake; spaces before a
/// known key after a line that already has its value are one too.
fn indented(n: usize, line: &str, previous_value: Option<&str>) -> Option<Mistake> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let lead = &line[..line.len() - trimmed.len()];
    let known = key_line(trimmed).filter(|(k, _, _)| crate::keys::by_spelling(k).is_some());
    if lead.contains('\t') {
        let fixed = if known.is_some() {
            trimmed.to_owned()
        } else {
            format!("{}{trimmed}", lead.replace('\t', "  "))
        };
        return Some(Mistake {
            line: n,
            col: 1,
            span: lead.chars().count(),
            message: t!("fm-tab"),
            label: t!("fm-tab-label"),
            help: t!("fm-tab-help", line = fixed),
        });
    }
    let (key, _, _) = known?;
    let after_value =
        previous_value.is_some_and(|v| !v.is_empty() && !v.starts_with(['|', '>', '#', '"', '\'']));
    after_value.then(|| Mistake {
        line: n,
        col: 1,
        span: lead.chars().count(),
        message: t!("fm-indented", key = key),
        label: t!("fm-indented-label"),
        help: t!("fm-indented-help", line = trimmed),
    })
}

/// A top-level line with no `: `: `title:Tổ`, `title：Tổ`, or a stray line.
fn no_colon(n: usize, line: &str) -> Option<Mistake> {
    let mistake = |at: usize, message, label, help| Mistake {
        line: n,
        col: col(line, at),
        span: 1,
        message,
        label,
        help,
    };
    if let Some(at) = line.find('：') {
        let key = line[..at].trim();
        let fixed = format!("{key}: {}", line[at + '：'.len_utf8()..].trim());
        return Some(mistake(
            at,
            t!("fm-wide-colon", key = key),
            t!("fm-wide-colon-label"),
            t!("fm-wide-colon-help", line = fixed),
        ));
    }
    if let Some(at) = line.find(':') {
        let key = line[..at].trim();
        if is_key_like(key) {
            let fixed = format!("{key}: {}", line[at + 1..].trim());
            return Some(mistake(
                at,
                t!("fm-no-space", key = key),
                t!("fm-no-space-label"),
                t!("fm-fix-line", line = fixed),
            ));
        }
    }
    // `province An Giang`: a known key without its colon.
    let first = line.split_whitespace().next().unwrap_or("");
    let help = match crate::keys::by_spelling(first) {
        Some(k) if k.name == first => {
            let rest = line[first.len()..].trim();
            t!("fm-fix-line", line = format!("{first}: {rest}"))
        }
        _ => t!("fm-stray-help"),
    };
    let mut m = mistake(0, t!("fm-stray"), t!("fm-stray-label"), help);
    m.span = line.trim_end().chars().count().max(1);
    Some(m)
}

/// A key as an editor writes one: a known key or a spelling of one, or a plain name.
fn is_key_like(key: &str) -> bool {
    crate::keys::by_spelling(key).is_some()
        || (!key.is_empty() && key.chars().all(|c| c.is_alphanumeric() || c == '_'))
}

/// A key written a second time.
fn duplicate(n: usize, key: &str, first: usize) -> Mistake {
    Mistake {
        line: n,
        col: 1,
        span: key.chars().count().max(1),
        message: t!("fm-duplicate", key = key),
        label: t!("fm-duplicate-label"),
        help: t!("fm-duplicate-help", key = key, first = first + 1),
    }
}

/// A `key: value` line being looked at: its number, text, key, value and the value's
/// byte offset in the line.
struct KeyLine<'a> {
    n: usize,
    line: &'a str,
    key: &'a str,
    value: &'a str,
    at: usize,
}

impl KeyLine<'_> {
    /// A mistake at byte `offset` of the value.
    fn mistake(&self, offset: usize, message: String, label: String, help: String) -> Mistake {
        Mistake {
            line: self.n,
            col: col(self.line, self.at + offset),
            span: 1,
            message,
            label,
            help,
        }
    }

    /// The line with the whole value quoted.
    fn quoted(&self) -> String {
        quoted_line(self.key, self.value)
    }

    /// The key's kind in the table of keys, if it is one.
    fn kind(&self) -> Option<Kind> {
        crate::keys::get(self.key).map(|k| k.kind)
    }
}

/// A mistake in the value of a `key: value` line.
fn in_value(l: &KeyLine<'_>) -> Option<Mistake> {
    let (key, value) = (l.key, l.value);
    let first = value.chars().next()?;
    if first == '"' || first == '\'' {
        return in_quotes(l, first);
    }
    let text_key = matches!(l.kind(), Some(Kind::Text | Kind::LongText));
    // `title: [Dự thảo] Mô hình`: text that YAML starts reading as a list.
    let bracket = matches!(first, '[' | '{')
        && text_key
        && yaml_serde::from_str::<yaml_serde::Value>(value).is_err();
    if matches!(first, '@' | '`' | '%') || bracket {
        return Some(l.mistake(
            0,
            t!("fm-bad-start", key = key, char = first.to_string()),
            t!("fm-bad-start-label"),
            t!("fm-fix-line", line = l.quoted()),
        ));
    }
    if value == "-" || value.starts_with("- ") || first == '[' {
        return in_list(l);
    }
    let plain = !matches!(first, '{' | '|' | '>');
    let colon = value
        .find(": ")
        .or_else(|| value.ends_with(':').then(|| value.len() - 1))
        .filter(|_| plain)?;
    Some(l.mistake(
        colon,
        t!("fm-colon-in-value", key = key),
        t!("fm-colon-in-value-label"),
        t!("fm-colon-in-value-help", line = l.quoted()),
    ))
}

/// A value that starts with `quote`: never closed, or going on after it closes.
fn in_quotes(l: &KeyLine<'_>, quote: char) -> Option<Mistake> {
    let inner = &l.value[1..];
    let Some(end) = closing_quote(inner, quote) else {
        return Some(l.mistake(
            0,
            t!("fm-unclosed-quote", key = l.key),
            t!("fm-unclosed-quote-label"),
            t!("fm-fix-line", line = quoted_line(l.key, inner.trim())),
        ));
    };
    let after = inner[end + 1..].trim_start();
    (!after.is_empty() && !after.starts_with('#')).then(|| {
        l.mistake(
            0,
            t!("fm-after-quote", key = l.key),
            t!("fm-after-quote-label"),
            t!("fm-fix-line", line = l.quoted()),
        )
    })
}

/// A list written `tags: - a - b`, or `tags: [a, b` never closed.
fn in_list(l: &KeyLine<'_>) -> Option<Mistake> {
    let (key, value) = (l.key, l.value);
    if value.starts_with('[') {
        let list_key = matches!(l.kind(), Some(Kind::Tags | Kind::Aliases));
        return (list_key && !value.contains(']')).then(|| {
            l.mistake(
                0,
                t!("fm-open-list", key = key),
                t!("fm-open-list-label"),
                t!("fm-fix-line", line = format!("{key}: {value}]")),
            )
        });
    }
    let items: Vec<String> = value
        .trim_start_matches('-')
        .split(" - ")
        .map(|s| flow_item(s.trim()))
        .filter(|s| !s.is_empty())
        .collect();
    let line = format!("{key}: [{}]", items.join(", "));
    Some(l.mistake(
        0,
        t!("fm-dash", key = key),
        t!("fm-dash-label"),
        t!("fm-dash-help", line = line),
    ))
}

/// Byte offset in `inner` (the text after an opening quote) of the closing `quote`:
/// `\"` does not close a double-quoted value, `''` does not close a single-quoted one.
fn closing_quote(inner: &str, quote: char) -> Option<usize> {
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match (quote, bytes[i]) {
            ('"', b'\\') => i += 1,
            ('"', b'"') => return Some(i),
            ('\'', b'\'') if bytes.get(i + 1) == Some(&b'\'') => i += 1,
            ('\'', b'\'') => return Some(i),
            _ => {}
        }
        i += 1;
    }
    None
}

/// One item of a `[a, b]` list as YAML reads it back: quoted if it holds a character
/// the list syntax uses.
fn flow_item(s: &str) -> String {
    if s.contains([
        ',', '[', ']', '{', '}', ':', '#', '"', '\'', '&', '*', '!', '|', '>', '@', '`', '%',
    ]) {
        let line = quoted_line("", s);
        line[2..].to_owned()
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (YAML line, column) of the first mistake found in `yaml`.
    fn at(yaml: &str) -> Option<(usize, usize)> {
        first_mistake(yaml).map(|m| (m.line, m.col))
    }

    #[test]
    fn each_common_mistake_is_found_on_its_own_line() {
        for (yaml, want) in [
            ("title: A\nsummary: Kết quả: tốt\n", (2, 17)),
            ("province: X\ntitle:Tổ\n", (2, 6)),
            ("title：Tổ\n", (1, 6)),
            ("title: A\n\tauthor: B\n", (2, 1)),
            ("title: A\n  author: B\n", (2, 1)),
            ("title: \"A\nyear: 2020\n", (1, 8)),
            ("title: 'A''s\n", (1, 8)),
            ("author: @a\n", (1, 9)),
            ("tags: - a\n", (1, 7)),
            ("tags: [a, b\n", (1, 7)),
            ("title: A\ntitle: B\n", (2, 1)),
            ("title: A\nMột dòng lạc\n", (2, 1)),
        ] {
            assert_eq!(at(yaml), Some(want), "{yaml:?}");
        }
    }

    #[test]
    fn valid_lines_are_not_mistakes() {
        for yaml in [
            "title: \"Mô hình: hay\"\ntags:\n  - a\n  - b\n",
            "title: 'A''s: b'\nsummary: >-\n  Một: hai\n  author: x\n",
            "extra:\n  title: x\n  so_ho: 3\nsource_url: https://a.vn/x\n",
            "title: [a, b]\n# ghi chú: có dấu hai chấm\n",
        ] {
            assert!(at(yaml).is_none(), "{yaml:?}");
        }
    }

    #[test]
    fn closing_quotes_skip_escaped_and_doubled_quotes() {
        assert_eq!(closing_quote("a\\\"b\" c", '"'), Some(4));
        assert_eq!(closing_quote("a''b' c", '\''), Some(4));
        assert_eq!(closing_quote("chưa đóng", '"'), None);
    }
}
