//! What YAML reads without complaint but not as the editor meant, made visible: a ` #`
//! that turns the rest of a title into a comment (W060), and Word's curly quotes around
//! a whole value, which are removed from every key alike (W061).

use yaml_serde::Value;

use super::{Entry, col, key_line, quoted_line};
use crate::diagnostic::Diagnostic;
use crate::keys::Kind;
use crate::load::Source;
use crate::t;

/// W060 for each text key whose unquoted value is cut by a ` #` comment on its line.
pub(super) fn comments_cutting_values(source: &Source, yaml: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, line) in yaml.lines().enumerate() {
        let Some((key, value, at)) = key_line(line) else {
            continue;
        };
        let text_key =
            crate::keys::get(key).is_some_and(|k| matches!(k.kind, Kind::Text | Kind::LongText));
        if !text_key || value.starts_with(['"', '\'', '[', '{', '|', '>', '#']) {
            continue;
        }
        let Some(hash) = value
            .find(" #")
            .or_else(|| value.find("\t#"))
            .map(|h| h + 1)
        else {
            continue;
        };
        let kept = value[..hash].trim_end();
        if kept.is_empty() {
            continue;
        }
        let d = Diagnostic::warning(
            "W060",
            &source.path.0,
            i + 2,
            col(line, at + hash),
            t!("fm-comment-cut", key = key, kept = kept),
        )
        .label(t!("fm-comment-cut-label"), value[hash..].chars().count())
        .help(t!("fm-comment-cut-help", line = quoted_line(key, value)))
        .with_source(&source.text);
        out.push(d);
    }
    out
}

/// Word's curly quotes.
const CURLY: [char; 4] = ['“', '”', '‘', '’'];

/// Removes a pair of curly quotes around a whole text value (or a list item) of every
/// key, with a W061 for each key changed.
pub(super) fn strip_curly_quotes(source: &Source, keys: &mut [Entry]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for e in keys.iter_mut() {
        let changed = match &mut e.value {
            Value::String(s) => uncurl_in_place(s),
            Value::Sequence(items) => items
                .iter_mut()
                .filter_map(|v| match v {
                    Value::String(s) => Some(uncurl_in_place(s)),
                    _ => None,
                })
                .fold(false, |a, b| a | b),
            _ => false,
        };
        if !changed || e.line == 0 {
            continue;
        }
        let line = source.text.lines().nth(e.line - 1).unwrap_or("");
        let written = line
            .chars()
            .skip(e.value_col.saturating_sub(1))
            .collect::<String>();
        let shown = match &e.value {
            Value::String(s) => s.clone(),
            Value::Sequence(items) => items
                .iter()
                .filter_map(Value::as_str)
                .collect::<Vec<_>>()
                .join(", "),
            _ => String::new(),
        };
        // A line to type only when the quotes are on the key's own line.
        let help = if !written.contains(CURLY) {
            t!("fm-curly-help-elsewhere", value = shown)
        } else {
            let fixed = match &e.value {
                Value::String(s) if needs_quotes(s) => quoted_line(&e.key, s),
                Value::String(s) => format!("{}: {s}", e.key),
                _ => line.replace(CURLY, ""),
            };
            t!("fm-curly-help", value = shown, line = fixed)
        };
        let d = Diagnostic::warning(
            "W061",
            &source.path.0,
            e.line,
            e.value_col.max(1),
            t!("fm-curly", key = e.key.as_str()),
        )
        .label(t!("fm-curly-label"), written.trim_end().chars().count())
        .help(help)
        .with_source(&source.text);
        out.push(d);
    }
    out
}

/// Strips `“…”` or `‘…’` around the whole of `s` (with no other such quote inside);
/// true if it did.
fn uncurl_in_place(s: &mut String) -> bool {
    let t = s.trim();
    for (open, close) in [('“', '”'), ('‘', '’')] {
        let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) else {
            continue;
        };
        if inner.contains([open, close]) || inner.trim().is_empty() {
            return false;
        }
        *s = inner.trim().to_owned();
        return true;
    }
    false
}

/// True if `s` written plainly after `key: ` would not read back as `s`.
fn needs_quotes(s: &str) -> bool {
    s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.starts_with([
            '"', '\'', '[', '{', '|', '>', '#', '@', '`', '%', '&', '*', '!', '-', '?',
        ])
        || yaml_serde::from_str::<Value>(s).map_or(true, |v| v != Value::String(s.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_matching_pair_around_the_whole_value_is_removed() {
        for (written, want) in [
            ("“Tổ phụ nữ”", Some("Tổ phụ nữ")),
            ("‘Tổ’", Some("Tổ")),
            ("“Ba cùng” và “Bốn nhà”", None),
            ("“Tổ’", None),
            ("“”", None),
            ("Tổ “tự quản”", None),
        ] {
            let mut s = written.to_owned();
            let changed = uncurl_in_place(&mut s);
            assert_eq!(changed.then_some(s.as_str()), want, "{written}");
        }
    }

    #[test]
    fn the_proposed_plain_line_reads_back() {
        for s in ["Tổ phụ nữ", "2020", "true", "a: b", "- a", "x #1"] {
            let line = if needs_quotes(s) {
                quoted_line("k", s)
            } else {
                format!("k: {s}")
            };
            let v: Value = yaml_serde::from_str(&line).unwrap();
            assert_eq!(v["k"].as_str(), Some(s), "{line}");
        }
    }
}
