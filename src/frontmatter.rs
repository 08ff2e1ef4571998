//! Splits an article into its YAML front matter and Markdown body, parses the YAML
//! with `yaml_serde`, and records where each top-level key sits so diagnostics can
//! point at `file:line:col`. Knows nothing of what the keys mean (see `validate`).
//! When YAML cannot read it, `mistakes` says what the editor typed and the line to type
//! instead; what YAML reads but not as meant (a ` #` cutting a title, Word's curly
//! quotes) is made visible by `tidy`.

use std::collections::BTreeMap;

use crate::diagnostic::Diagnostic;
use crate::load::Source;

mod mistakes;
mod tidy;

/// Front matter larger than this is refused before YAML parsing.
const MAX_FRONT_MATTER: usize = 64 * 1024;

/// A parsed but unvalidated article.
#[derive(Debug)]
pub struct Draft<'a> {
    /// The file it came from.
    pub source: &'a Source,
    /// Top-level keys in file order, each with its value and position.
    pub keys: Vec<Entry>,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
    /// What was read but may not be what the editor meant (a ` #` that cut a value,
    /// curly quotes removed), as warnings.
    pub warnings: Vec<Diagnostic>,
}

/// One top-level front matter key.
#[derive(Debug)]
pub struct Entry {
    /// The key as written.
    pub key: String,
    /// Its value.
    pub value: yaml_serde::Value,
    /// 1-based line of the key in the file (0 if it could not be located).
    pub line: usize,
    /// 1-based column of the key.
    pub key_col: usize,
    /// 1-based column where the value starts on that line (key column if none).
    pub value_col: usize,
}

/// Splits and parses one source. Errors are returned as diagnostics.
pub fn parse(source: &Source) -> Result<Draft<'_>, Diagnostic> {
    let path = source.path.0.as_str();
    let text: &str = &source.text;
    let err = |code, line, col, msg: String| {
        Diagnostic::error(code, path, line, col, msg).with_source(text)
    };
    if text.trim().is_empty() {
        return Err(err("E004", 0, 0, crate::t!("fm-empty")).help(crate::t!("fm-empty-help")));
    }
    let Some(rest) = after_opening_fence(text) else {
        return Err(err("E004", 1, 1, crate::t!("fm-no-start"))
            .label(crate::t!("fm-no-start-label"), 3)
            .help(crate::t!("fm-no-start-help")));
    };
    let fence_len = text.len() - rest.len();
    let (yaml, body, body_offset) = match find_closing(rest) {
        Some((end, after)) => (&rest[..end], &rest[after..], fence_len + after),
        None => {
            return Err(err("E005", 1, 1, crate::t!("fm-unclosed"))
                .label(crate::t!("fm-unclosed-label"), 3)
                .help(crate::t!("fm-unclosed-help")));
        }
    };
    let body_line = text[..body_offset].matches('\n').count() + 1;
    if yaml.len() > MAX_FRONT_MATTER {
        return Err(
            err("E006", 2, 1, crate::t!("fm-too-large")).help(crate::t!("fm-too-large-help"))
        );
    }
    let value: yaml_serde::Value = if yaml.trim().is_empty() {
        yaml_serde::Value::Mapping(Default::default())
    } else {
        match yaml_serde::from_str(yaml) {
            Ok(v) => v,
            Err(e) => return Err(mistakes::explain(source, yaml, &e)),
        }
    };
    let yaml_serde::Value::Mapping(map) = value else {
        return Err(mistakes::not_a_map(source, yaml));
    };
    let positions = key_positions(yaml);
    let mut keys = Vec::with_capacity(map.len());
    for (k, v) in map {
        let key = match k {
            yaml_serde::Value::String(s) => s,
            other => yaml_serde::to_string(&other)
                .unwrap_or_default()
                .trim()
                .to_owned(),
        };
        let (line, key_col, value_col) = positions.get(key.as_str()).copied().unwrap_or((0, 0, 0));
        // The YAML starts on line 2 of the file (after the opening fence).
        let line = if line > 0 { line + 1 } else { 0 };
        keys.push(Entry {
            key,
            value: v,
            line,
            key_col,
            value_col,
        });
    }
    let mut warnings = tidy::comments_cutting_values(source, yaml);
    warnings.extend(tidy::strip_curly_quotes(source, &mut keys));
    Ok(Draft {
        source,
        keys,
        body,
        body_line,
        warnings,
    })
}

/// The text after the opening fence: a first line `---`, trailing spaces or tabs
/// allowed (as on the closing fence); `None` if the file does not start with one.
fn after_opening_fence(text: &str) -> Option<&str> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    (first.trim_end_matches([' ', '\t']) == "---").then_some(rest)
}

/// Finds the closing `---` line: returns (end of YAML, start of body) in `rest`.
fn find_closing(rest: &str) -> Option<(usize, usize)> {
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Some((offset, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// A top-level `key: value` line split at its colon: (key, value as written, trimmed
/// at the end; byte offset of the value in the line). `None` for indented lines,
/// comments, list items and lines without `: ` (or a colon at the end).
fn key_line(line: &str) -> Option<(&str, &str, usize)> {
    if line.starts_with([' ', '\t', '-', '#']) || line.trim().is_empty() {
        return None;
    }
    let colon = line
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| line[i + 1..].is_empty() || line[i + 1..].starts_with([' ', '\t']))?;
    let after = &line[colon + 1..];
    let at = colon + 1 + (after.len() - after.trim_start().len());
    Some((line[..colon].trim(), line[at..].trim_end(), at))
}

/// `key: value` with the value quoted so that YAML reads back exactly `value`: double
/// quotes when it has no `"` or `\\`, else single quotes (a `'` inside written `''`).
pub(crate) fn quoted_line(key: &str, value: &str) -> String {
    if value.contains(['"', '\\']) {
        format!("{key}: '{}'", value.replace('\'', "''"))
    } else {
        format!("{key}: \"{value}\"")
    }
}

/// Characters before byte offset `at` of `line`, plus one: a 1-based column.
fn col(line: &str, at: usize) -> usize {
    line.get(..at).map_or(0, |s| s.chars().count()) + 1
}

/// Top-level `key:` lines of the YAML: key → (line in YAML, key column, value column).
fn key_positions(yaml: &str) -> BTreeMap<&str, (usize, usize, usize)> {
    let mut out = BTreeMap::new();
    for (i, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '-', '#']) || line.is_empty() {
            continue;
        }
        let Some(colon) = line.find(':') else {
            continue;
        };
        let key = line[..colon].trim().trim_matches(['"', '\'']);
        let after = &line[colon + 1..];
        let ws = after.len() - after.trim_start().len();
        let value_col = if after.trim().is_empty() {
            1
        } else {
            line[..colon + 1 + ws].chars().count() + 1
        };
        out.entry(key).or_insert((i + 1, 1, value_col));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Source {
        Source::new("content/x.md", text, None)
    }

    #[test]
    fn splits_and_locates_keys() {
        let s = src("---\ntitle: A\nprovince: Ben Tre City\n---\nBody\n");
        let d = parse(&s).unwrap();
        assert_eq!(d.body, "Body\n");
        assert_eq!(d.body_line, 5);
        let p = &d.keys[1];
        assert_eq!((p.key.as_str(), p.line, p.value_col), ("province", 3, 11));
    }

    #[test]
    fn reports_unclosed_and_missing_front_matter() {
        assert_eq!(parse(&src("---\ntitle: A\n")).unwrap_err().code, "E005");
        assert_eq!(parse(&src("# Hello\n")).unwrap_err().code, "E004");
        assert_eq!(parse(&src("")).unwrap_err().code, "E004");
    }

    #[test]
    fn yaml_errors_point_into_the_file() {
        let d = parse(&src("---\ntitle: A\nprovince: [oops\n---\n")).unwrap_err();
        assert_eq!(d.code, "E006");
        assert!(d.line >= 3, "{d:?}");
    }

    #[test]
    fn the_proposed_quoting_reads_back_as_the_value() {
        for v in [
            "Mô hình: dân vận khéo",
            "Mô hình \"Ba cùng\": dân vận khéo",
            "Nhà của 'bà' Năm: \"khéo\"",
            "C:\\thu-muc #1",
            "Mô hình #1 của xã",
            "@hoiphunu",
        ] {
            let line = quoted_line("title", v);
            let read: yaml_serde::Value = yaml_serde::from_str(&line).unwrap();
            assert_eq!(read["title"].as_str(), Some(v), "{line}");
        }
    }

    #[test]
    fn an_opening_fence_may_end_in_spaces_or_a_tab() {
        for fence in ["--- ", "---\t", "---  \t"] {
            let s = src(&format!("{fence}\ntitle: A\n---\nBody\n"));
            let d = parse(&s).unwrap();
            assert_eq!((d.keys[0].line, d.body, d.body_line), (2, "Body\n", 4));
        }
        assert_eq!(
            parse(&src("----\ntitle: A\n---\n")).unwrap_err().code,
            "E004"
        );
    }

    #[test]
    fn a_single_line_of_text_is_a_stray_line_not_a_map() {
        let d = parse(&src("---\nMô hình hay\n---\n")).unwrap_err();
        assert_eq!((d.code, d.line, d.col), ("E006", 2, 1));
        assert!(!d.message.contains("YAML"), "{d:?}");
    }

    #[test]
    fn curly_quotes_are_stripped_from_scalars_and_list_items() {
        let s = src("---\ntitle: “A”\ntags: [“b”, c]\nunit: “x” và “y”\n---\n");
        let d = parse(&s).unwrap();
        assert_eq!(d.keys[0].value.as_str(), Some("A"));
        assert_eq!(d.keys[1].value[0].as_str(), Some("b"));
        assert_eq!(d.keys[2].value.as_str(), Some("“x” và “y”"));
        let codes: Vec<_> = d.warnings.iter().map(|w| (w.code, w.line)).collect();
        assert_eq!(codes, [("W061", 2), ("W061", 3)]);
        // Quotes on a later line than the key: no line to type in place of `summary: >-`.
        let s = src("---\nsummary: >-\n  “Tóm tắt”\n---\n");
        let d = parse(&s).unwrap();
        assert_eq!(d.keys[0].value.as_str(), Some("Tóm tắt"));
        let help = d.warnings[0].help.clone().unwrap_or_default();
        assert!(
            help.contains("Tóm tắt") && !help.contains("`summary: "),
            "{help}"
        );
    }

    #[test]
    fn alias_bomb_is_an_error_not_a_hang() {
        let bomb = "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nh: [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n---\n";
        assert_eq!(parse(&src(bomb)).unwrap_err().code, "E006");
    }
}
