//! Stage 3: drafts → articles. Checks every front matter value (types, unknown keys
//! with did-you-mean, year range, dates, field, province, level, slug), renders the
//! body, then the checks that need the whole site: duplicate slugs and URLs, aliases,
//! internal links and images. Collects every problem of every file; never stops early.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use yaml_serde::Value;

use crate::article::{Article, Asset, Date, Image, Level, SourceText};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::frontmatter::{self, Draft, Entry};
use crate::load::{Loaded, Source};
use crate::markdown::{self, LinkRewriter};
use crate::province::REGISTRY;
use crate::vietnamese::{did_you_mean, fold, is_valid_slug, nfc, slugify};

/// Every front matter key the SPEC allows.
pub const KEYS: [&str; 22] = [
    "title",
    "province",
    "field",
    "year",
    "date",
    "summary",
    "unit",
    "locality",
    "level",
    "author",
    "source",
    "source_url",
    "image",
    "image_caption",
    "image_credit",
    "tags",
    "slug",
    "aliases",
    "draft",
    "withdrawn",
    "extra",
    "weight",
];

/// Options that change what is validated.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Include drafts (`--drafts`).
    pub drafts: bool,
    /// The latest year allowed (next year, from the clock).
    pub max_year: i32,
}

/// The earliest year a model can carry: the movement's first recognitions.
pub const MIN_YEAR: i32 = 1990;

/// Per-file results kept between rebuilds by `kheo serve`, keyed by path and checked
/// against the source's content hash, so an edit re-parses and re-renders one file.
/// Valid for one `Config`; make a new one when settings or templates change.
#[derive(Debug, Default)]
pub struct Cache {
    metas: HashMap<String, (u64, Result<Parsed, Vec<Diagnostic>>)>,
    bodies: HashMap<String, (u64, u64, markdown::Rendered)>,
}

impl Cache {
    /// Forgets what was checked for the articles in `dir` (a site-relative folder): an
    /// image added or removed there changes their diagnostics though their text did not.
    pub fn forget_folder(&mut self, dir: &str) {
        let inside = |p: &str| p.strip_prefix(dir).is_some_and(|r| r.starts_with('/'));
        self.metas.retain(|p, _| !inside(p));
        self.bodies.retain(|p, _| !inside(p));
    }
}

impl Meta<'_> {
    /// The Markdown after the front matter.
    fn body(&self) -> &str {
        self.source
            .text
            .get(self.parsed.body_offset..)
            .unwrap_or("")
    }
}

impl std::ops::Deref for Meta<'_> {
    type Target = Parsed;
    fn deref(&self) -> &Parsed {
        &self.parsed
    }
}

impl std::ops::DerefMut for Meta<'_> {
    fn deref_mut(&mut self) -> &mut Parsed {
        &mut self.parsed
    }
}

/// Validates every source. Returns the articles that passed (drafts removed unless
/// asked for), and every problem found. With a `cache`, unchanged files are not
/// parsed or rendered again.
pub fn articles(
    loaded: &Loaded,
    config: &Config,
    opts: Options,
    cache: Option<&mut Cache>,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let sources = loaded.sources.iter().map(Cow::Borrowed).collect();
    validate(loaded, sources, config, opts, cache)
}

/// `articles` for a build, which needs the sources no more: each one is dropped as soon
/// as its article is made, so every source and every body's HTML are never all in
/// memory at once (at 50,000 articles, 400 MB of each).
pub fn articles_from(
    loaded: &Loaded,
    sources: Vec<Source>,
    config: &Config,
    opts: Options,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let sources = sources.into_iter().map(Cow::Owned).collect();
    validate(loaded, sources, config, opts, None)
}

fn validate(
    loaded: &Loaded,
    sources: Vec<Cow<'_, Source>>,
    config: &Config,
    opts: Options,
    mut cache: Option<&mut Cache>,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let t = std::time::Instant::now();
    let cached = cache.as_deref();
    let metas: Vec<Result<Meta<'_>, Vec<Diagnostic>>> = sources
        .into_par_iter()
        .map(|s| match cached.and_then(|c| c.metas.get(&s.path.0)) {
            Some((hash, Ok(p))) if *hash == s.hash => Ok(Meta {
                parsed: p.clone(),
                source: s,
            }),
            Some((hash, Err(d))) if *hash == s.hash => Err(d.clone()),
            _ => meta(s, config, opts, loaded),
        })
        .collect();
    if let Some(c) = cache.as_deref_mut() {
        // (With a cache the sources are `loaded`'s, in the same order as `metas`.)
        // Keep entries of files still present; add or replace the ones parsed just now.
        let present: std::collections::HashSet<&str> =
            loaded.sources.iter().map(|s| s.path.0.as_str()).collect();
        c.metas.retain(|p, _| present.contains(p.as_str()));
        c.bodies.retain(|p, _| present.contains(p.as_str()));
        for (s, m) in loaded.sources.iter().zip(&metas) {
            if c.metas.get(&s.path.0).is_some_and(|(h, _)| *h == s.hash) {
                continue;
            }
            let v = match m {
                Ok(m) => Ok(m.parsed.clone()),
                Err(d) => Err(d.clone()),
            };
            c.metas.insert(s.path.0.clone(), (s.hash, v));
        }
    }
    crate::log::stage("validate: front matter", t);
    let t = std::time::Instant::now();
    let mut diags = Vec::new();
    let mut ok = Vec::new();
    for m in metas {
        match m {
            Ok(m) => {
                diags.extend(m.warnings.iter().cloned());
                if !m.article.draft || opts.drafts {
                    ok.push(m);
                }
            }
            Err(d) => diags.extend(d),
        }
    }
    site_checks(&mut ok, &mut diags, config);
    crate::log::stage("validate: site checks", t);
    let t = std::time::Instant::now();
    // Owned copies, so the articles can move out of `ok` below without cloning.
    let urls: Vec<(String, String, String)> = ok
        .iter()
        .map(|m| {
            let a = &m.article;
            (m.source.path.0.clone(), a.url.clone(), a.slug.clone())
        })
        .collect();
    let md_urls: HashMap<&str, &str> = urls
        .iter()
        .map(|(path, url, _)| (path.as_str(), url.as_str()))
        .collect();
    let slugs: HashMap<&str, ()> = urls
        .iter()
        .map(|(_, _, slug)| (slug.as_str(), ()))
        .collect();
    let cached = cache.as_deref();
    type Body = (
        Article,
        Vec<Diagnostic>,
        Option<(u64, u64, markdown::Rendered)>,
    );
    let rendered: Vec<Body> = ok
        .into_par_iter()
        .map(|m| {
            let dir = m.source.path.parent();
            let links = Links {
                dir,
                base_path: &config.base_path,
                md_urls: &md_urls,
                image_sizes: &loaded.image_sizes,
            };
            let hit =
                cached
                    .and_then(|c| c.bodies.get(&m.source.path.0))
                    .filter(|(hash, sig, r)| {
                        *hash == m.source.hash && *sig == links.signature(&r.references)
                    });
            let (r, signature, fresh) = match hit {
                Some((_, sig, r)) => (r.clone(), *sig, false),
                None => {
                    let r = markdown::render(m.body(), config.unsafe_html, &links);
                    let sig = links.signature(&r.references);
                    (r, sig, true)
                }
            };
            let keep = fresh.then(|| (m.source.hash, signature, r.clone()));
            let (a, d) = body(m, r, signature, loaded, &md_urls, &slugs);
            (a, d, keep)
        })
        .collect();
    crate::log::stage("validate: bodies", t);
    let mut out = Vec::with_capacity(rendered.len());
    for (a, d, keep) in rendered {
        diags.extend(d);
        if let (Some(c), Some(entry)) = (cache.as_deref_mut(), keep) {
            c.bodies.insert(a.source.0.clone(), entry);
        }
        out.push(a);
    }
    (out, diags)
}

/// Validates one edited article alone, for `kheo serve`: the article to put in place of
/// `site.articles[index]`. `None` when the edit has a problem, or changes anything that
/// other stories' checks read (slug, aliases, draft, withdrawn; the province and year
/// of a story whose slug was made unique with them): then every article is validated
/// with `articles`. `cache` must be the one the last successful `articles` run filled.
pub fn edited(
    loaded: &Loaded,
    site: &crate::taxonomy::Site,
    index: usize,
    cache: &Cache,
    opts: Options,
) -> Option<Edited> {
    let before = site.articles.get(index)?;
    let path = before.source.0.as_str();
    if loaded.diagnostics.iter().any(|d| d.path == path) {
        return None;
    }
    let source = loaded.sources.iter().find(|s| s.path.0 == path)?;
    let Some((_, Ok(old))) = cache.metas.get(path) else {
        return None;
    };
    let config = &site.config;
    let m = meta(Cow::Borrowed(source), config, opts, loaded).ok()?;
    // What makes the story a page of the site at its address (its slug compared as
    // written or made from the title, before `disambiguate`): a change to any of it
    // reaches other stories' checks.
    let identity = |a: &Article| (a.draft, a.withdrawn.is_some(), a.aliases.clone());
    if identity(&m.article) != identity(before)
        || (&m.article.slug, m.explicit_slug) != (&old.article.slug, old.explicit_slug)
    {
        return None;
    }
    // Where it is listed: a change moves it between lists (the site is regrouped), and
    // if `disambiguate` gave it its slug, which reads the province and year, every
    // slug is made again.
    let place = |a: &Article| (a.province, a.field, a.year, a.date, a.tags.clone());
    let moved = place(&m.article) != place(before);
    if moved && m.article.slug != before.slug {
        return None;
    }
    let md_urls: HashMap<&str, &str> = site
        .articles
        .iter()
        .map(|a| (a.source.0.as_str(), a.url.as_str()))
        .collect();
    let slugs: HashMap<&str, ()> = site
        .articles
        .iter()
        .map(|a| (a.slug.as_str(), ()))
        .collect();
    let links = Links {
        dir: source.path.parent(),
        base_path: &config.base_path,
        md_urls: &md_urls,
        image_sizes: &loaded.image_sizes,
    };
    let r = markdown::render(m.body(), config.unsafe_html, &links);
    let signature = links.signature(&r.references);
    let mut diags = m.warnings.clone();
    let (mut article, d) = body(m, r, signature, loaded, &md_urls, &slugs);
    if d.iter().any(Diagnostic::is_error) {
        return None;
    }
    diags.extend(d);
    // Whatever `disambiguate` made of the slug still holds: nothing it reads changed.
    article.slug.clone_from(&before.slug);
    article.url.clone_from(&before.url);
    Some(Edited {
        article,
        diagnostics: diags,
        moved,
    })
}

/// An article validated alone by `edited`.
pub struct Edited {
    /// The new article, at the same address.
    pub article: Article,
    /// Its warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// True if it left or joined a list (another year, province, field, date or tags):
    /// the site must be regrouped.
    pub moved: bool,
}

/// An article whose front matter passed, before its body is rendered: its source and
/// what was parsed from it (`Parsed` is what `Cache` keeps between rebuilds).
struct Meta<'a> {
    /// Borrowed from `Loaded` (`kheo serve` keeps it), or owned and dropped with the
    /// article's `Meta` (`kheo build`).
    source: Cow<'a, Source>,
    parsed: Parsed,
}

/// What parsing one file's front matter produced; no borrow, so it can be cached.
#[derive(Debug, Clone)]
struct Parsed {
    /// Byte offset of the body in the source text.
    body_offset: usize,
    body_line: usize,
    article: Article,
    warnings: Vec<Diagnostic>,
    slug_line: usize,
    /// True when the slug was written in `slug:`, false when made from the title.
    explicit_slug: bool,
    /// Line of the `aliases:` key (1 if none).
    aliases_line: usize,
}

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
fn meta<'a>(
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

/// Cross-article checks on front matter: duplicate slugs and alias clashes.
fn site_checks(metas: &mut Vec<Meta<'_>>, diags: &mut Vec<Diagnostic>, config: &Config) {
    disambiguate(metas, config);
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(metas.len());
    let mut bad = vec![false; metas.len()];
    for (i, m) in metas.iter().enumerate() {
        if let Some(&first) = seen.get(m.article.url.as_str()) {
            let other = &metas[first].source.path;
            diags.push(
                Diagnostic::error(
                    "E019",
                    &m.source.path.0,
                    m.slug_line,
                    1,
                    format!(
                        "duplicate URL {}: {other} has the same slug `{}`",
                        m.article.url, m.article.slug
                    ),
                )
                .with_source(&m.source.text)
                .help(format!(
                    "give one of them its own slug, e.g. `slug: {}-{}`",
                    m.article.slug, m.article.year
                )),
            );
            bad[i] = true;
        } else {
            seen.insert(m.article.url.as_str(), i);
        }
    }
    // Sections and root files the build writes: an alias there would overwrite a page.
    let reserved_sections = [
        "mo-hinh", "tinh", "linh-vuc", "nam", "the", "tim-kiem", "thong-ke", "du-lieu", "assets",
    ];
    let reserved_files = [
        "index.html",
        "404.html",
        "atom.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "favicon.svg",
    ];
    let is_reserved = |rel: &str| {
        let first = rel.trim_start_matches('/').split('/').next().unwrap_or("");
        rel == "/" || reserved_sections.contains(&first) || reserved_files.contains(&first)
    };
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            let rel = a.strip_prefix(&config.base_path).unwrap_or(a);
            let clash = seen
                .get(a.as_str())
                .map(|&j| metas[j].source.path.0.clone())
                .or_else(|| is_reserved(rel).then(|| "a page the build makes".to_owned()));
            if let Some(other) = clash {
                diags.push(
                                        Diagnostic::error(
                        "E022",
                        &m.source.path.0,
                        m.aliases_line,
                        1,
                        format!("alias {a} is already the address of {other}"),
                    )
                    .with_source(&m.source.text)
                    .help("remove this alias; an alias must be an old address that no page of the site uses"),
                );
                bad[i] = true;
            }
        }
    }
    let mut alias_owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            if let Some(&j) = alias_owner.get(a.as_str()) {
                if j != i {
                    diags.push(
                        Diagnostic::error(
                            "E022",
                            &m.source.path.0,
                            m.aliases_line,
                            1,
                            format!("alias {a} is also an alias of {}", metas[j].source.path),
                        )
                        .with_source(&m.source.text)
                        .help(
                            "an old address can redirect to only one story; remove one of the two",
                        ),
                    );
                    bad[i] = true;
                }
            } else {
                alias_owner.insert(a, i);
            }
        }
    }
    let mut i = 0;
    metas.retain(|_| {
        i += 1;
        !bad[i - 1]
    });
}

/// Many communes run a model with the same name ("Hũ gạo tình thương"), so slugs made
/// from equal titles are made unique: the province's slug is appended, then the year,
/// then a counter in file order. Slugs written in `slug:` never change; two equal ones
/// are an error (E019), reported by `site_checks`.
fn disambiguate(metas: &mut [Meta<'_>], config: &Config) {
    let clashing: Vec<usize> = {
        let mut taken: HashMap<&str, usize> = HashMap::with_capacity(metas.len());
        for m in metas.iter() {
            *taken.entry(m.article.slug.as_str()).or_default() += 1;
        }
        let explicit: std::collections::HashSet<&str> = metas
            .iter()
            .filter(|m| m.explicit_slug)
            .map(|m| m.article.slug.as_str())
            .collect();
        (0..metas.len())
            .filter(|&i| {
                let slug = metas[i].article.slug.as_str();
                !metas[i].explicit_slug && (taken[slug] > 1 || explicit.contains(slug))
            })
            .collect()
    };
    if clashing.is_empty() {
        return;
    }
    let mut is_clashing = vec![false; metas.len()];
    for &i in &clashing {
        is_clashing[i] = true;
    }
    let mut used: std::collections::HashSet<String> = metas
        .iter()
        .zip(&is_clashing)
        .filter(|(_, c)| !**c)
        .map(|(m, _)| m.article.slug.clone())
        .collect();
    let with_province =
        |m: &Meta<'_>| format!("{}-{}", m.article.slug, REGISTRY.slug(m.article.province));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in &clashing {
        *counts.entry(with_province(&metas[i])).or_default() += 1;
    }
    for &i in &clashing {
        let mut slug = with_province(&metas[i]);
        if counts[&slug] > 1 || used.contains(&slug) {
            slug = format!("{slug}-{}", metas[i].article.year);
        }
        let mut n = 2;
        let base = slug.clone();
        while used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        used.insert(slug.clone());
        let a = &mut metas[i].article;
        a.url = format!("{}/mo-hinh/{slug}/", config.base_path);
        a.slug = slug;
    }
}

/// Rewrites body links: `.md` files to their pages, site paths to the base path.
struct Links<'a> {
    dir: &'a str,
    base_path: &'a str,
    md_urls: &'a HashMap<&'a str, &'a str>,
    image_sizes: &'a HashMap<String, (u32, u32)>,
}

/// An article's `hash`: its source's, and what its links resolved to (`signature`), so
/// a story linking to one whose slug changed is rendered again though its text is not.
fn with_links(source_hash: u64, signature: u64) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    (source_hash, signature).hash(&mut h);
    h.finish()
}

impl Links<'_> {
    /// What the rendering of `references` depended on: the pages their `.md` links
    /// resolved to. A cached body is reused only while this stays the same.
    fn signature(&self, references: &[markdown::Reference]) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        for r in references {
            r.dest.hash(&mut h);
            self.rewrite(&r.dest, r.is_image).hash(&mut h);
            if r.is_image {
                self.image_size(&r.dest).hash(&mut h);
            }
        }
        h.finish()
    }
}

impl LinkRewriter for Links<'_> {
    fn image_srcset(&self, dest: &str, width: u32) -> Option<String> {
        // Copies are made only for images beside the article (relative paths).
        let relative = !dest.starts_with('/') && !is_external(dest);
        relative
            .then(|| crate::images::srcset(dest, width))
            .flatten()
    }

    fn image_size(&self, dest: &str) -> Option<(u32, u32)> {
        if is_external(dest) {
            return None;
        }
        let path = dest.split(['#', '?']).next().unwrap_or(dest);
        let key = match path.strip_prefix('/') {
            Some(abs) => format!("/{}", percent_decode(abs)),
            None => join(self.dir, path)?,
        };
        self.image_sizes.get(&key).copied()
    }

    fn rewrite(&self, dest: &str, _is_image: bool) -> Option<String> {
        if is_external(dest) {
            return None;
        }
        let (path, frag) = dest.split_once('#').map_or((dest, ""), |(p, f)| (p, f));
        if path.ends_with(".md") && !path.starts_with('/') {
            let target = join(self.dir, path)?;
            let url = self.md_urls.get(target.as_str())?;
            return Some(if frag.is_empty() {
                (*url).to_owned()
            } else {
                format!("{url}#{frag}")
            });
        }
        if dest.starts_with('/') && !self.base_path.is_empty() {
            return Some(format!("{}{dest}", self.base_path));
        }
        None
    }
}

fn is_external(dest: &str) -> bool {
    dest.starts_with('#')
        || dest.starts_with("//")
        || dest.contains("://")
        || dest.starts_with("mailto:")
        || dest.starts_with("tel:")
        || dest.starts_with("data:")
}

/// Joins a relative path to a folder, resolving `.` and `..`; `None` if it climbs out.
fn join(dir: &str, rel: &str) -> Option<String> {
    let rel = percent_decode(rel);
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

/// Decodes `%xx` escapes (links to files with spaces or Vietnamese names).
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = |c: u8| (c as char).to_digit(16);
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why an image reference does not resolve, with how to fix it; `None` if it does.
fn image_problem(src: &str, source: &Source, loaded: &Loaded) -> Option<(String, String)> {
    if is_external(src) {
        return None;
    }
    let path = src.split(['#', '?']).next().unwrap_or(src);
    if let Some(abs) = path.strip_prefix('/') {
        let decoded = percent_decode(abs);
        return (!loaded.statics.contains_key(&decoded)).then(|| {
            (
                format!("image {src} not found in static/"),
                format!("put the file at static/{decoded}, or fix the path"),
            )
        });
    }
    match &source.bundle {
        Some(dir) => {
            let target = join(&dir.0, path);
            match target {
                Some(t) if loaded.content_files.contains_key(&t) => None,
                _ => Some((
                    format!("image {src} not found beside the article"),
                    format!("put the file in {}/ (names are case-sensitive)", dir.0),
                )),
            }
        }
        None => Some((
            format!("image {src} is relative, but this article is a single file"),
            "make the article a folder (`<slug>/index.md` with the image beside it), or put the image in static/ and write `/images/…`".to_owned(),
        )),
    }
}

/// Checks one rendered body's links and images and puts the body in its article;
/// `signature` is `Links::signature` of its references (see `with_links`).
fn body(
    m: Meta<'_>,
    r: markdown::Rendered,
    signature: u64,
    loaded: &Loaded,
    md_urls: &HashMap<&str, &str>,
    slugs: &HashMap<&str, ()>,
) -> (Article, Vec<Diagnostic>) {
    let dir = m.source.path.parent();
    let mut diags = Vec::new();
    let path = &m.source.path.0;
    for reference in &r.references {
        let dest = reference.dest.as_str();
        let problem = if reference.is_image {
            image_problem(dest, &m.source, loaded)
        } else if is_external(dest) {
            None
        } else {
            let p = dest.split('#').next().unwrap_or(dest);
            if p.ends_with(".md") && !p.starts_with('/') {
                let target = join(dir, p);
                match target.as_deref().map(|t| md_urls.contains_key(t)) {
                    Some(true) => None,
                    _ => Some((
                        format!("link to {dest}: no such article"),
                        "check the path; it is relative to this file's folder".to_owned(),
                    )),
                }
            } else if let Some(rest) = p.strip_prefix("/mo-hinh/") {
                let slug = rest.trim_end_matches('/').split('/').next().unwrap_or("");
                (!slugs.contains_key(slug)).then(|| {
                    let help = match did_you_mean(slug, slugs.keys().copied()) {
                        Some(s) => format!("did you mean /mo-hinh/{s}/?"),
                        None => "check the slug in the address".to_owned(),
                    };
                    (
                        format!("link to {dest}: no model has the slug `{slug}`"),
                        help,
                    )
                })
            } else {
                None
            }
        };
        if let Some((msg, help)) = problem {
            let code = if reference.is_image { "E021" } else { "E020" };
            let len = dest.chars().count() + 4;
            diags.push(
                {
                    // Only now: finding the line means scanning the body.
                    let (line, col) = position(m.body(), reference.offset, m.body_line);
                    Diagnostic::error(code, path, line, col, msg)
                }
                .label("here", len)
                .help(help)
                .with_source(&m.source.text),
            );
        }
    }
    let mut a = m.parsed.article;
    a.hash = with_links(a.hash, signature);
    a.word_count = r.word_count;
    a.html = r.html;
    a.has_code = r.has_code;
    (a, diags)
}

/// Byte offset in the body → 1-based (line, column) in the file.
fn position(body: &str, offset: usize, body_line: usize) -> (usize, usize) {
    let before = &body[..offset.min(body.len())];
    let line = body_line + before.matches('\n').count();
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// The latest allowed year: next year by the system clock.
pub fn next_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    // Civil-from-days (Howard Hinnant's algorithm), year only.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    i32::try_from(year + 1).unwrap_or(i32::MAX)
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

    #[test]
    fn joins_relative_paths() {
        assert_eq!(
            join("content/a/2017", "../2018/x.md").as_deref(),
            Some("content/a/2018/x.md")
        );
        assert_eq!(join("content", "../../x.md"), None);
        assert_eq!(
            join("content/a", "%C3%A1nh.png").as_deref(),
            Some("content/a/ánh.png")
        );
        assert_eq!(percent_decode("%ả%"), "%ả%");
    }

    #[test]
    fn next_year_is_sane() {
        assert!(next_year() >= 2026);
    }
}
