//! Per-key front matter checks: one source's YAML keys → a typed `Article` without
//! its body, or the problems found. Each group of keys has its own function.

use std::borrow::Cow;
use std::collections::HashMap;

use yaml_serde::Value;

use super::keys::{Keys, MAX_NAME, kind};
use super::links::{Links, image_problem};
use super::{MIN_YEAR, Meta, Options, Parsed};
use crate::article::{Article, Asset, Date, Image, Level, SourceText};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::keys::KEYS;
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
        warnings: Vec::new(),
    };
    unknown_keys(&mut k);
    let title = k.required_text("title", example("title"));
    let province = province(&mut k);
    let field = field(&mut k, config);
    let year = year(&mut k, opts);
    let date = date(&mut k);
    let level = level(&mut k, year);
    let slug = slug(&mut k, title.as_deref());
    let texts = texts(&mut k);
    let (tags, tag_slugs) = tags(&mut k);
    let aliases = aliases(&mut k, config);
    let draft_flag = k.bool("draft");
    let withdrawn = withdrawn(&mut k);
    let extra = extra(&mut k);
    let image = image(&mut k, &source, loaded);
    // The front matter's own warnings (a comment cutting a value, curly quotes) first.
    let mut warnings = draft.warnings.clone();
    warnings.extend(std::mem::take(&mut k.warnings));
    if texts.summary.is_none() && k.diags.is_empty() {
        warnings.push(no_summary(&k));
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

/// The table's example value of `key`, as the editor would type it.
fn example(key: &str) -> &'static str {
    crate::keys::get(key).map_or("…", |k| k.example)
}

/// W001: no `summary`, at the `summary:` line when it is there but blank.
fn no_summary(k: &Keys<'_>) -> Diagnostic {
    let (line, col, span) = match k.entry("summary") {
        Some(e) if e.line > 0 => (e.line, e.key_col, e.key.chars().count() + 1),
        _ => (1, 1, 3),
    };
    Diagnostic::warning("W001", k.path(), line, col, crate::t!("front-no-summary"))
        .label(crate::t!("front-no-summary-label"), span)
        .with_source(&k.draft.source.text)
        .help(crate::t!("front-no-summary-help"))
}

/// Keys the SPEC does not know: a Vietnamese name of a key (`tỉnh`, `tieu_de`) or a
/// typo gets the real key; anything else is told about `extra:`.
fn unknown_keys(k: &mut Keys<'_>) {
    for e in &k.draft.keys {
        if crate::keys::get(&e.key).is_some() {
            continue;
        }
        let names = KEYS.iter().map(|k| k.name);
        let meant = crate::keys::by_spelling(&e.key)
            .map(|k| k.name)
            .or_else(|| did_you_mean(&e.key, names));
        let help = match meant {
            Some(s) => crate::t!(
                "front-unknown-key-help-meant",
                key = s,
                written = e.key.as_str()
            ),
            None => crate::t!("front-unknown-key-help-extra"),
        };
        let len = e.key.chars().count();
        let d = Diagnostic::error(
            "E012",
            &k.draft.source.path.0,
            e.line,
            e.key_col,
            crate::t!("front-unknown-key", key = e.key.as_str()),
        )
        .label(crate::t!("front-unknown-key-label"), len)
        .help(help)
        .with_source(&k.draft.source.text);
        k.diags.push(d);
    }
}

/// `province`, resolved through the registry (former provinces included).
fn province(k: &mut Keys<'_>) -> Option<ProvinceRef> {
    let p = k.required_text("province", example("province"))?;
    let e = k.entry("province")?;
    let province = REGISTRY.resolve(&p);
    if province.is_none() {
        let help = match REGISTRY.suggest(&p) {
            Some(r) => match r.former {
                Some(_) => crate::t!(
                    "front-province-help-former",
                    name = REGISTRY.name(r),
                    unit = REGISTRY.units[r.unit].name.as_str()
                ),
                None => crate::t!("front-province-help-meant", name = REGISTRY.name(r)),
            },
            None => crate::t!("front-province-help-list"),
        };
        k.error(
            "E016",
            Some(e),
            crate::t!("front-province-unknown", name = p.as_str()),
            &crate::t!("front-province-unknown-label"),
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
    let f = k.required_text("field", &format!("\"{example}\""))?;
    let e = k.entry("field")?;
    let folded = slugify(&f);
    let field = config.fields.iter().position(|x| x.slug == folded);
    if field.is_none() {
        let names: Vec<&str> = config.fields.iter().map(|x| x.name.as_str()).collect();
        let meant = same_words(&f, &names).or_else(|| did_you_mean(&f, names.iter().copied()));
        let help = match meant {
            Some(s) => crate::t!("front-field-help-meant", name = s),
            None => crate::t!("front-field-help-list", names = names.join("; ")),
        };
        k.error(
            "E015",
            Some(e),
            crate::t!("front-field-unknown", name = f.as_str()),
            &crate::t!("front-field-unknown-label"),
            Some(help),
        );
    }
    field
}

/// The name made of the same words as `written`, in any order (`an ninh quốc phòng`
/// for "Quốc phòng - an ninh"), compared without diacritics.
fn same_words<'n>(written: &str, names: &[&'n str]) -> Option<&'n str> {
    let words = |s: &str| {
        let mut w: Vec<String> = slugify(s).split('-').map(str::to_owned).collect();
        w.sort();
        w
    };
    let w = words(written);
    names.iter().copied().find(|n| words(n) == w)
}

/// `year`: a whole number between `MIN_YEAR` and next year.
fn year(k: &mut Keys<'_>, opts: Options) -> Option<i32> {
    let Some(e) = k.entry("year") else {
        k.missing("year", example("year"));
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
            crate::t!("front-year-range", year = y),
            &crate::t!("front-year-range-label"),
            Some(crate::t!(
                "front-year-range-help",
                min = MIN_YEAR,
                max = opts.max_year
            )),
        ),
        None => k.error(
            "E011",
            Some(e),
            crate::t!("front-year-not-number", kind = kind(&e.value)),
            &crate::t!("front-year-not-number-label"),
            Some(crate::t!("front-year-not-number-help")),
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
        let help = match date_parts(&d) {
            Some((y, m, day)) => match Date::parse(&format!("{y:04}-{m:02}-{day:02}")) {
                Some(ok) => crate::t!("front-date-help-convert", date = ok.iso()),
                None if (1..=12).contains(&m) => {
                    crate::t!(
                        "front-date-help-no-such-day",
                        year = y,
                        month = m,
                        day = day
                    )
                }
                None => crate::t!("front-date-help"),
            },
            None => crate::t!("front-date-help"),
        };
        k.error(
            "E014",
            Some(e),
            crate::t!("front-date-invalid", date = d.as_str()),
            &crate::t!("front-date-invalid-label"),
            Some(help),
        );
    }
    date
}

/// Year, month and day of a date as editors write them: `10/08/2018`, `10-8-2018`,
/// `10.08.2018` (day first, as in Vietnamese) or `2018-8-10` (year first).
fn date_parts(s: &str) -> Option<(i32, u32, u32)> {
    let parts: Vec<&str> = s.trim().split(['/', '-', '.']).map(str::trim).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let num = |x: &str| -> Option<u32> {
        (!x.is_empty() && x.len() <= 4 && x.bytes().all(|b| b.is_ascii_digit()))
            .then(|| x.parse().ok())
            .flatten()
    };
    let (a, b, c) = (num(a)?, num(b)?, num(c)?);
    let year = |y: u32| i32::try_from(y).ok().filter(|y| *y >= 1000);
    if let Some(y) = year(a) {
        return Some((y, b, c));
    }
    // `08/25/2018` can only be month first.
    let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
    Some((year(c)?, month, day))
}

/// `level`: one of the levels, diacritics and `cấp` optional; `phường` and `đặc khu`
/// are commune level. `huyện` for a model recognised after the 2025 reform (in 2026 or
/// later) is a warning (W070).
fn level(k: &mut Keys<'_>, year: Option<i32>) -> Option<Level> {
    let e = k.entry("level")?;
    let l = k.text("level")?;
    let level = Level::parse(&l);
    if level.is_none() {
        let names = ["trung ương", "tỉnh", "xã", "phường", "đặc khu", "huyện"];
        let help = match did_you_mean(&l, names) {
            Some(s) => crate::t!("front-level-help-meant", name = s),
            None => crate::t!("front-level-help-list"),
        };
        k.error(
            "E017",
            Some(e),
            crate::t!("front-level-unknown", name = l.as_str()),
            &crate::t!("front-level-unknown-label"),
            Some(help),
        );
    }
    // `year` is when the model was recognised; `date` only when the story was published,
    // often months after a recognition made before the reform, so it does not count.
    let after = year.is_some_and(|y| y >= 2026);
    if level == Some(Level::Huyen) && after {
        k.warn(
            "W070",
            e,
            crate::t!("front-level-district-after-reform"),
            &crate::t!("front-level-district-after-reform-label"),
            crate::t!("front-level-district-after-reform-help"),
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
                k.too_long(Some(e), &crate::t!("front-slug-written"), s.len(), &s);
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
            crate::t!("front-slug-help")
        } else {
            crate::t!("front-slug-help-fixed", slug = fixed)
        };
        k.error(
            "E018",
            Some(e),
            crate::t!("front-slug-invalid", slug = s.as_str()),
            &crate::t!("front-slug-invalid-label"),
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
            crate::t!("front-slug-empty"),
            &crate::t!("front-slug-empty-label"),
            Some(crate::t!("front-slug-empty-help")),
        );
        return None;
    }
    if slug.len() > MAX_NAME {
        k.too_long(
            k.entry("title"),
            &crate::t!("front-slug-from-title"),
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
            crate::t!("front-url-invalid", url = u.as_str()),
            &crate::t!("front-url-invalid-label"),
            Some(crate::t!("front-url-invalid-help")),
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
        k.too_long(e, &crate::t!("front-tag-slug"), long.len(), long);
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
            k.too_long(Some(e), &crate::t!("front-alias-part"), long.len(), long);
            continue;
        }
        match normalise_alias(&a) {
            Some(p) => aliases.push(format!("{}{p}", config.base_path)),
            None => k.error(
                "E022",
                Some(e),
                crate::t!("front-alias-invalid", alias = a.as_str()),
                &crate::t!("front-alias-invalid-label"),
                Some(crate::t!("front-alias-invalid-help")),
            ),
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
                crate::t!("front-extra-not-map"),
                &crate::t!("front-extra-not-map-label"),
                Some(crate::t!("front-extra-not-map-help")),
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
    // A path copied from Windows (`images\anh1.png`) means the same file.
    let src = src.map(|s| {
        if s.contains("://") {
            s
        } else {
            s.replace('\\', "/")
        }
    })?;
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
        k.error(p.code, Some(e), p.message, &p.label, Some(p.help));
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
        .content
        .files
        .range(prefix.clone()..)
        .take_while(|(p, _)| p.starts_with(&prefix))
        .map(|(p, f)| Asset {
            name: p[prefix.len()..].to_owned(),
            file: f.clone(),
            width: loaded.image_sizes.get(p).map_or(0, |s| s.0),
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
    fn dates_as_editors_write_them_are_read_day_first() {
        for (written, parts) in [
            ("10/08/2018", Some((2018, 8, 10))),
            ("10-8-2018", Some((2018, 8, 10))),
            ("10.08.2018", Some((2018, 8, 10))),
            ("2018-8-10", Some((2018, 8, 10))),
            ("08/25/2018", Some((2018, 8, 25))),
            ("2018-02-30", Some((2018, 2, 30))),
            ("10/08", None),
            ("mười/8/2018", None),
        ] {
            assert_eq!(date_parts(written), parts, "{written}");
        }
    }

    #[test]
    fn field_words_match_in_any_order() {
        let names = ["Kinh tế", "Quốc phòng - an ninh"];
        assert_eq!(
            same_words("an ninh quốc phòng", &names),
            Some("Quốc phòng - an ninh")
        );
        assert_eq!(same_words("an ninh", &names), None);
    }

    #[test]
    fn aliases_are_site_paths() {
        assert_eq!(normalise_alias("/tin/cu"), Some("/tin/cu/".into()));
        assert_eq!(normalise_alias("/tin/cu.html"), Some("/tin/cu.html".into()));
        assert_eq!(normalise_alias("/../etc"), None);
        assert_eq!(normalise_alias("tin/cu"), None);
    }
}
