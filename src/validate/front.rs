//! Per-key front matter checks: one source's YAML keys → a typed `Article` without
//! its body, or the problems found. Each group of keys has its own function.

use std::borrow::Cow;
use std::collections::HashMap;

use yaml_serde::Value;

use super::keys::{Keys, MAX_NAME, kind};
use super::links::{Links, image_problem};
use super::{KEYS, MIN_YEAR, Meta, Options, Parsed};
use crate::article::{Article, Asset, Date, Image, Level, SourceText};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::load::{Loaded, Source};
use crate::markdown::LinkRewriter;
use crate::province::{ProvinceRef, REGISTRY};
use crate::vietnamese::{did_you_mean, fold, is_valid_slug, slugify};

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
    unknown_keys(&mut k);
    let title = k.required_text("title", "Tên mô hình");
    let province = province(&mut k);
    let field = field(&mut k, config);
    let year = year(&mut k, opts);
    let date = date(&mut k);
    let level = level(&mut k);
    let slug = slug(&mut k, title.as_deref());
    let texts = texts(&mut k);
    let (tags, tag_slugs) = tags(&mut k);
    let aliases = aliases(&mut k, config);
    let draft_flag = k.bool("draft");
    let withdrawn = withdrawn(&mut k);
    let extra = extra(&mut k);
    let image = image(&mut k, &source, loaded);
    let mut warnings = draft.warnings.clone();
    if texts.summary.is_none() && k.diags.is_empty() {
        // At a blank `summary:` line if there is one, else at the opening fence.
        let (line, col, span, label) = k
            .entry("summary")
            .filter(|e| e.line > 0)
            .map_or((1, 1, 3, "front matter starts here".to_owned()), |e| {
                (e.line, e.key_col, 8, crate::t!("fm-summary-blank-label"))
            });
        warnings.push(
            Diagnostic::warning("W001", &source.path.0, line, col, "no `summary`")
                .label(label, span)
                .with_source(&source.text)
                .help("add `summary:` with one or two sentences; lists, search and feeds show it"),
        );
    }
    let (Some(title), Some(province), Some(field), Some(year), Some(slug), true) =
        (title, province, field, year, slug, k.diags.is_empty())
    else {
        return Err(k.diags);
    };
    let aliases_line = k.entry("aliases").map_or(1, |e| e.line.max(1));
    let url = format!("{}/mo-hinh/{}/", config.base_path, slug.slug);
    let article = Article {
        source: source.path.clone(),
        source_text: match &source.file {
            Some(file) => SourceText::File(file.clone()),
            None => SourceText::Text(std::sync::Arc::clone(&source.text)),
        },
        title,
        slug: slug.slug,
        url,
        province,
        field,
        year,
        date,
        summary: texts.summary,
        unit: texts.unit,
        locality: texts.locality,
        level,
        author: texts.author,
        source_name: texts.source_name,
        source_url: texts.source_url,
        image,
        tags,
        tag_slugs,
        aliases,
        draft: draft_flag,
        withdrawn,
        extra,
        html: "".into(),
        word_count: 0,
        assets: assets(&source, loaded),
        has_code: false,
        hash: source.hash,
    };
    let parsed = Parsed {
        // The body is a suffix of the source text.
        body_offset: source.text.len() - draft.body.len(),
        article,
        warnings,
        slug_line: slug.line,
        explicit_slug: slug.explicit,
        aliases_line,
    };
    Ok(Meta { source, parsed })
}

/// Keys the SPEC does not know, with did-you-mean.
fn unknown_keys(k: &mut Keys<'_>) {
    for e in &k.draft.keys {
        if KEYS.contains(&e.key.as_str()) {
            continue;
        }
        let help = match did_you_mean(&e.key, KEYS) {
            Some(s) => format!("did you mean `{s}`? Custom data goes under `extra:`"),
            None => "custom data goes under `extra:` (e.g. `extra: {so_ho: 120}`)".to_owned(),
        };
        let len = e.key.chars().count();
        let d = Diagnostic::error(
            "E012",
            &k.draft.source.path.0,
            e.line,
            e.key_col,
            format!("unknown front matter key `{}`", e.key),
        )
        .label("unknown key", len)
        .help(help)
        .with_source(&k.draft.source.text);
        k.diags.push(d);
    }
}

/// `province`, resolved through the registry (former provinces included).
fn province(k: &mut Keys<'_>) -> Option<ProvinceRef> {
    let p = k.required_text("province", "Bến Tre")?;
    let e = k.entry("province")?;
    let province = REGISTRY.resolve(&p);
    if province.is_none() {
        let help = match REGISTRY.suggest(&p) {
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
    province
}

/// `field`: an index into the fields of `site.yaml`.
fn field(k: &mut Keys<'_>, config: &Config) -> Option<usize> {
    let example = config
        .fields
        .first()
        .map_or("Kinh tế".into(), |f| f.name.clone());
    let f = k.required_text("field", &example)?;
    let e = k.entry("field")?;
    let folded = slugify(&f);
    let field = config.fields.iter().position(|x| x.slug == folded);
    if field.is_none() {
        let names: Vec<&str> = config.fields.iter().map(|x| x.name.as_str()).collect();
        let help = match did_you_mean(&f, names.iter().copied()) {
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
    field
}

/// `year`: a whole number between `MIN_YEAR` and next year.
fn year(k: &mut Keys<'_>, opts: Options) -> Option<i32> {
    let Some(e) = k.entry("year") else {
        k.missing("year", "2024");
        return None;
    };
    let parsed = match &e.value {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    match parsed {
        Some(y) if (i64::from(MIN_YEAR)..=i64::from(opts.max_year)).contains(&y) => {
            return i32::try_from(y).ok();
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
    None
}

/// `date`: `YYYY-MM-DD`, a day that exists.
fn date(k: &mut Keys<'_>) -> Option<Date> {
    let e = k.entry("date")?;
    let d = k.text("date")?;
    let date = Date::parse(&d);
    if date.is_none() {
        k.error(
            "E014",
            Some(e),
            format!("`date` \"{d}\" is not a valid date"),
            "expected YYYY-MM-DD",
            Some("write the date as YYYY-MM-DD, e.g. `date: 2019-05-20`".into()),
        );
    }
    date
}

/// `level`: one of the four levels, diacritics optional.
fn level(k: &mut Keys<'_>) -> Option<Level> {
    let e = k.entry("level")?;
    let l = k.text("level")?;
    let level = Level::parse(&l);
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
    level
}

/// The article's slug, where it comes from and its line.
struct Slug {
    slug: String,
    /// True when written in `slug:`, false when made from the title.
    explicit: bool,
    /// Line of `slug:` (1 if none).
    line: usize,
}

/// `slug:` if written (checked), else the title's slug.
fn slug(k: &mut Keys<'_>, title: Option<&str>) -> Option<Slug> {
    let written = k.entry("slug").zip(k.text("slug"));
    if let Some((e, s)) = written {
        if is_valid_slug(&s) {
            if s.len() > MAX_NAME {
                k.too_long(Some(e), "the slug", s.len(), &s);
                return None;
            }
            return Some(Slug {
                slug: s,
                explicit: true,
                line: e.line,
            });
        }
        let fixed = slugify(&s);
        let help = if fixed.is_empty() {
            "a slug uses only a-z, 0-9 and single hyphens, e.g. `slug: lien-gia-tu-quan`".to_owned()
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
        return None;
    }
    let title = title?;
    let slug = slugify(title);
    if slug.is_empty() {
        k.error(
            "E018",
            k.entry("title"),
            "the title gives an empty slug".into(),
            "no letters or digits",
            Some("add `slug: ten-mo-hinh` to the front matter".into()),
        );
        return None;
    }
    if slug.len() > MAX_NAME {
        k.too_long(
            k.entry("title"),
            "the slug made from the title",
            slug.len(),
            &slug,
        );
        return None;
    }
    Some(Slug {
        slug,
        explicit: false,
        // The title gives the slug: problems with it point there.
        line: k.entry("title").map_or(1, |e| e.line.max(1)),
    })
}

/// The optional one-line texts.
struct Texts {
    summary: Option<String>,
    unit: Option<String>,
    locality: Option<String>,
    author: Option<String>,
    source_name: Option<String>,
    source_url: Option<String>,
}

/// `summary`, `unit`, `locality`, `author`, `source` and `source_url` (a web address).
fn texts(k: &mut Keys<'_>) -> Texts {
    let texts = Texts {
        summary: k.text("summary"),
        unit: k.text("unit"),
        locality: k.text("locality"),
        author: k.text("author"),
        source_name: k.text("source"),
        source_url: k.text("source_url"),
    };
    if let (Some(u), Some(e)) = (&texts.source_url, k.entry("source_url"))
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
    texts
}

/// `tags`, sorted, without duplicates or empty ones, and their slugs.
fn tags(k: &mut Keys<'_>) -> (Vec<String>, Vec<String>) {
    let mut tags = k.list("tags");
    tags.sort_by_key(|t| fold(t));
    tags.dedup_by_key(|t| slugify(t));
    tags.retain(|t| !slugify(t).is_empty());
    let tag_slugs: Vec<String> = tags.iter().map(|t| slugify(t)).collect();
    if let Some(long) = tag_slugs.iter().find(|t| t.len() > MAX_NAME) {
        let e = k.entry("tags");
        k.too_long(e, "a tag's slug", long.len(), long);
    }
    (tags, tag_slugs)
}

/// `aliases`: old site paths, made absolute under the base path.
fn aliases(k: &mut Keys<'_>, config: &Config) -> Vec<String> {
    let raw = k.list("aliases");
    let Some(e) = k.entry("aliases") else {
        return Vec::new();
    };
    let mut aliases = Vec::new();
    for a in raw {
        if let Some(long) = a.split('/').find(|c| c.len() > MAX_NAME) {
            k.too_long(Some(e), "a part of an alias", long.len(), long);
            continue;
        }
        match normalise_alias(&a) {
            Some(p) => aliases.push(format!("{}{p}", config.base_path)),
            None => k.error("E022", Some(e), format!("alias \"{a}\" is not a site path"), "bad alias", Some("an alias is an old path on this site, starting with `/`, e.g. `/tin-tuc/mo-hinh-cu/`; no `..`, `?` or `#`".into())),
        }
    }
    aliases
}

/// `withdrawn`: `true`, or the reason as text.
fn withdrawn(k: &mut Keys<'_>) -> Option<String> {
    match &k.entry("withdrawn")?.value {
        Value::Bool(false) | Value::Null => None,
        Value::Bool(true) => Some(String::new()),
        _ => k.text("withdrawn").or(Some(String::new())),
    }
}

/// `extra`: a map, for templates.
fn extra(k: &mut Keys<'_>) -> serde_json::Value {
    let Some(e) = k.entry("extra") else {
        return serde_json::Value::Object(Default::default());
    };
    match serde_json::to_value(&e.value) {
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
    }
}

/// `image`, `image_caption`, `image_credit`; the image must exist.
fn image(k: &mut Keys<'_>, source: &Source, loaded: &Loaded) -> Option<Image> {
    let src = k.text("image");
    let caption = k.text("image_caption");
    let credit = k.text("image_credit");
    let src = src?;
    let links = Links {
        dir: source.path.parent(),
        base_path: "",
        md_urls: &HashMap::new(),
        image_sizes: &loaded.image_sizes,
    };
    let size = links.image_size(&src);
    if let Some(e) = k.entry("image")
        && let Some(p) = image_problem(&src, source, loaded)
    {
        k.error(p.code, Some(e), p.message, p.label, Some(p.help));
    }
    Some(Image {
        src,
        caption,
        credit,
        size,
    })
}

/// The files beside a bundle's `index.md`.
fn assets(source: &Source, loaded: &Loaded) -> Vec<Asset> {
    let Some(dir) = &source.bundle else {
        return Vec::new();
    };
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
