//! Per-key front matter checks: one source's YAML keys → a typed `Article` without
//! its body, or the problems found. Each group of keys has its own function.

use std::borrow::Cow;
use std::collections::HashMap;

use yaml_serde::Value;

use super::links::{Links, image_problem};
use super::{KEYS, MIN_YEAR, Meta, Options, Parsed};
use crate::article::{Article, Asset, Date, Image, Level, SourceText};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::frontmatter::{self, Draft, Entry};
use crate::load::{Loaded, Source};
use crate::markdown::LinkRewriter;
use crate::province::REGISTRY;
use crate::vietnamese::{did_you_mean, fold, is_valid_slug, nfc, slugify};

/// Typed access to the front matter keys, with diagnostics in the file's terms.
struct Keys<'a> {
    draft: &'a Draft<'a>,
    diags: Vec<Diagnostic>,
}

impl<'a> Keys<'a> {
    fn path(&self) -> &str {
        &self.draft.source.path.0
    }

    fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.draft.keys.iter().find(|e| e.key == key)
    }

    fn error(
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
    fn value_len(&self, e: &Entry) -> usize {
        if e.line == 0 {
            return 1;
        }
        let line = self.draft.source.text.lines().nth(e.line - 1).unwrap_or("");
        let rest: String = line.chars().skip(e.value_col.saturating_sub(1)).collect();
        rest.trim_end().chars().count().max(1)
    }

    /// A text value; numbers and booleans are accepted as their text.
    fn text(&mut self, key: &str) -> Option<String> {
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
        let s = nfc(s.trim());
        (!s.is_empty()).then_some(s)
    }

    fn required_text(&mut self, key: &str, example: &str) -> Option<String> {
        let v = self.text(key);
        if v.is_none()
            && self
                .entry(key)
                .is_none_or(|e| matches!(e.value, Value::Null))
        {
            self.missing(key, example);
        }
        v
    }

    fn missing(&mut self, key: &str, example: &str) {
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

    fn list(&mut self, key: &str) -> Vec<String> {
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

    fn bool(&mut self, key: &str) -> bool {
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

fn kind(v: &Value) -> &'static str {
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

/// Front matter of one source → typed article without body, or its problems.
pub(super) fn meta<'a>(
    source: Cow<'a, Source>,
    config: &Config,
    opts: Options,
    loaded: &Loaded,
) -> Result<Meta<'a>, Vec<Diagnostic>> {
    let draft = frontmatter::parse(&source).map_err(|d| vec![d])?;
    let mut k = Keys {
        draft: &draft,
        diags: Vec::new(),
    };
    let path = source.path.0.clone();
    let text = &source.text;

    for e in &draft.keys {
        if !KEYS.contains(&e.key.as_str()) {
            let help = match did_you_mean(&e.key, KEYS) {
                Some(s) => format!("did you mean `{s}`? Custom data goes under `extra:`"),
                None => "custom data goes under `extra:` (e.g. `extra: {so_ho: 120}`)".to_owned(),
            };
            let len = e.key.chars().count();
            k.diags.push(
                Diagnostic::error(
                    "E012",
                    &path,
                    e.line,
                    e.key_col,
                    format!("unknown front matter key `{}`", e.key),
                )
                .label("unknown key", len)
                .help(help)
                .with_source(text),
            );
        }
    }

    let title = k.required_text("title", "Tên mô hình");
    let province_text = k.required_text("province", "Bến Tre");
    let field_text = k.required_text(
        "field",
        &config
            .fields
            .first()
            .map_or("Kinh tế".into(), |f| f.name.clone()),
    );

    let mut province = None;
    if let (Some(p), Some(e)) = (&province_text, k.entry("province")) {
        province = REGISTRY.resolve(p);
        if province.is_none() {
            let help = match REGISTRY.suggest(p) {
                Some(r) => match r.former {
                    Some(_) => format!(
                        "did you mean \"{}\" (since 2025 part of {})?",
                        REGISTRY.name(r),
                        REGISTRY.units[r.unit].name
                    ),
                    None => format!("did you mean \"{}\"?", REGISTRY.name(r)),
                },
                None => "write one of the 34 provinces and cities (or a pre-2025 province), e.g. \"Cần Thơ\", \"Bạc Liêu\"; diacritics and \"Tỉnh\"/\"TP.\" are optional".to_owned(),
            };
            k.error(
                "E016",
                Some(e),
                format!("unknown province \"{p}\""),
                "unknown province",
                Some(help),
            );
        }
    }

    let mut field = None;
    if let (Some(f), Some(e)) = (&field_text, k.entry("field")) {
        let folded = slugify(f);
        field = config.fields.iter().position(|x| x.slug == folded);
        if field.is_none() {
            let names: Vec<&str> = config.fields.iter().map(|x| x.name.as_str()).collect();
            let help = match did_you_mean(f, names.iter().copied()) {
                Some(s) => format!("did you mean \"{s}\"?"),
                None => format!("the fields are: {}", names.join("; ")),
            };
            k.error(
                "E015",
                Some(e),
                format!("unknown field \"{f}\""),
                "unknown field",
                Some(help),
            );
        }
    }

    let mut year = None;
    match k.entry("year") {
        None => k.missing("year", "2024"),
        Some(e) => {
            let parsed = match &e.value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.trim().parse::<i64>().ok(),
                _ => None,
            };
            match parsed {
                Some(y) if (i64::from(MIN_YEAR)..=i64::from(opts.max_year)).contains(&y) => {
                    year = i32::try_from(y).ok()
                }
                Some(y) => k.error(
                    "E013",
                    Some(e),
                    format!("year {y} is out of range"),
                    "out of range",
                    Some(format!(
                        "the year must be between {MIN_YEAR} and {}",
                        opts.max_year
                    )),
                ),
                None => k.error(
                    "E011",
                    Some(e),
                    format!("`year` must be a whole number, not {}", kind(&e.value)),
                    "expected a year",
                    Some("write the year the model was recognised, e.g. `year: 2019`".into()),
                ),
            }
        }
    }

    let mut date = None;
    if let Some(e) = k.entry("date")
        && let Some(d) = k.text("date")
    {
        date = Date::parse(&d);
        if date.is_none() {
            k.error(
                "E014",
                Some(e),
                format!("`date` \"{d}\" is not a valid date"),
                "expected YYYY-MM-DD",
                Some("write the date as YYYY-MM-DD, e.g. `date: 2019-05-20`".into()),
            );
        }
    }

    let mut level = None;
    if let Some(e) = k.entry("level")
        && let Some(l) = k.text("level")
    {
        level = Level::parse(&l);
        if level.is_none() {
            let names = ["trung ương", "tỉnh", "huyện", "xã"];
            let help = match did_you_mean(&l, names) {
                Some(s) => format!("did you mean \"{s}\"?"),
                None => "the levels are: trung ương, tỉnh, huyện, xã".to_owned(),
            };
            k.error(
                "E017",
                Some(e),
                format!("unknown level \"{l}\""),
                "unknown level",
                Some(help),
            );
        }
    }

    let mut slug = None;
    let mut slug_line = 1;
    if let Some(e) = k.entry("slug") {
        slug_line = e.line;
        if let Some(s) = k.text("slug") {
            if is_valid_slug(&s) {
                slug = Some(s);
            } else {
                let fixed = slugify(&s);
                let help = if fixed.is_empty() {
                    "a slug uses only a-z, 0-9 and single hyphens, e.g. `slug: lien-gia-tu-quan`"
                        .to_owned()
                } else {
                    format!("a slug uses only a-z, 0-9 and single hyphens: did you mean `{fixed}`?")
                };
                k.error(
                    "E018",
                    Some(e),
                    format!("invalid slug \"{s}\""),
                    "not a valid slug",
                    Some(help),
                );
            }
        }
    }
    let explicit_slug = slug.is_some();
    let slug = slug.or_else(|| title.as_deref().map(slugify).filter(|s| !s.is_empty()));
    if slug.is_none() && title.is_some() {
        k.error(
            "E018",
            k.entry("title"),
            "the title gives an empty slug".into(),
            "no letters or digits",
            Some("add `slug: ten-mo-hinh` to the front matter".into()),
        );
    }

    let summary = k.text("summary");
    let unit = k.text("unit");
    let locality = k.text("locality");
    let author = k.text("author");
    let source_name = k.text("source");
    let source_url = k.text("source_url");
    if let (Some(u), Some(e)) = (&source_url, k.entry("source_url"))
        && !(u.starts_with("https://") || u.starts_with("http://"))
    {
        k.error(
            "E011",
            Some(e),
            format!("`source_url` \"{u}\" is not a web address"),
            "expected http(s)://…",
            Some("write the full address, starting with https://".into()),
        );
    }
    let image_src = k.text("image");
    let image_caption = k.text("image_caption");
    let image_credit = k.text("image_credit");
    let mut tags = k.list("tags");
    tags.sort_by_key(|t| fold(t));
    tags.dedup_by_key(|t| slugify(t));
    tags.retain(|t| !slugify(t).is_empty());
    let tag_slugs: Vec<String> = tags.iter().map(|t| slugify(t)).collect();
    let aliases_raw = k.list("aliases");
    let draft_flag = k.bool("draft");
    let withdrawn = match k.entry("withdrawn") {
        Some(e) => match &e.value {
            Value::Bool(false) | Value::Null => None,
            Value::Bool(true) => Some(String::new()),
            _ => k.text("withdrawn").or(Some(String::new())),
        },
        None => None,
    };
    let extra = match k.entry("extra") {
        Some(e) => match serde_json::to_value(&e.value) {
            Ok(v @ serde_json::Value::Object(_)) => v,
            Ok(serde_json::Value::Null) => serde_json::Value::Object(Default::default()),
            _ => {
                k.error(
                    "E011",
                    Some(e),
                    "`extra` must be a map of `key: value` lines".into(),
                    "expected a map",
                    Some("write `extra:` then indented `key: value` lines".into()),
                );
                serde_json::Value::Null
            }
        },
        None => serde_json::Value::Object(Default::default()),
    };

    let mut aliases = Vec::new();
    if let Some(e) = k.entry("aliases") {
        for a in aliases_raw {
            match normalise_alias(&a) {
                Some(p) => aliases.push(format!("{}{p}", config.base_path)),
                None => k.error("E022", Some(e), format!("alias \"{a}\" is not a site path"), "bad alias", Some("an alias is an old path on this site, starting with `/`, e.g. `/tin-tuc/mo-hinh-cu/`; no `..`, `?` or `#`".into())),
            }
        }
    }

    let mut warnings = Vec::new();
    if summary.is_none() && k.diags.is_empty() {
        warnings.push(
            Diagnostic::warning("W001", &path, 1, 1, "no `summary`")
                .label("front matter starts here", 3)
                .with_source(text)
                .help("add `summary:` with one or two sentences; lists, search and feeds show it"),
        );
    }

    let image = image_src.map(|src| {
        let links = Links {
            dir: source.path.parent(),
            base_path: "",
            md_urls: &HashMap::new(),
            image_sizes: &loaded.image_sizes,
        };
        let size = links.image_size(&src);
        Image {
            src,
            caption: image_caption,
            credit: image_credit,
            size,
        }
    });
    if let (Some(img), Some(e)) = (&image, k.entry("image"))
        && let Some(problem) = image_problem(&img.src, &source, loaded)
    {
        k.error("E021", Some(e), problem.0, "not found", Some(problem.1));
    }

    let (Some(title), Some(province), Some(field), Some(year), Some(slug), true) =
        (title, province, field, year, slug, k.diags.is_empty())
    else {
        return Err(k.diags);
    };
    let assets = match &source.bundle {
        Some(dir) => {
            let prefix = format!("{}/", dir.0);
            loaded
                .content_files
                .range(prefix.clone()..)
                .take_while(|(p, _)| p.starts_with(&prefix))
                .map(|(p, f)| Asset {
                    name: p[prefix.len()..].to_owned(),
                    file: f.clone(),
                })
                .collect()
        }
        None => Vec::new(),
    };
    let url = format!("{}/mo-hinh/{slug}/", config.base_path);
    let article = Article {
        source: source.path.clone(),
        source_text: match &source.file {
            Some(file) => SourceText::File(file.clone()),
            None => SourceText::Text(std::sync::Arc::clone(&source.text)),
        },
        title,
        slug,
        url,
        province,
        field,
        year,
        date,
        summary,
        unit,
        locality,
        level,
        author,
        source_name,
        source_url,
        image,
        tags,
        tag_slugs,
        aliases,
        draft: draft_flag,
        withdrawn,
        extra,
        html: "".into(),
        word_count: 0,
        assets,
        has_code: false,
        hash: source.hash,
    };
    let parsed = Parsed {
        // The body is a suffix of the source text.
        body_offset: source.text.len() - draft.body.len(),
        body_line: draft.body_line,
        article,
        warnings,
        slug_line,
        explicit_slug,
        aliases_line: k.entry("aliases").map_or(1, |e| e.line.max(1)),
    };
    Ok(Meta { source, parsed })
}

/// `/tin-cu/abc` → `/tin-cu/abc/`; `None` if it is not a clean site path.
fn normalise_alias(a: &str) -> Option<String> {
    let a = a.trim();
    let rel = a.strip_prefix('/')?;
    if rel.is_empty()
        || a.contains(['?', '#', '\\', '"', '<', '>'])
        || rel.split('/').any(|s| s == ".." || s == ".")
        || a.contains("//")
    {
        return None;
    }
    let last = rel.rsplit('/').next().unwrap_or("");
    if last.contains('.') || a.ends_with('/') {
        Some(a.to_owned())
    } else {
        Some(format!("{a}/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_are_site_paths() {
        assert_eq!(normalise_alias("/tin/cu"), Some("/tin/cu/".into()));
        assert_eq!(normalise_alias("/tin/cu.html"), Some("/tin/cu.html".into()));
        assert_eq!(normalise_alias("/../etc"), None);
        assert_eq!(normalise_alias("tin/cu"), None);
    }
}
