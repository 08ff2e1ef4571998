//! Stage 3: drafts → articles. Checks every front matter value (`front`, with typed
//! access in `keys`), renders each body and checks its links and images (`links`), then
//! the checks that need the whole site: slugs, aliases (`site`) and static files over
//! generated pages (`outputs`). Collects every problem of every file; never stops early.
//! Everything `build` would fail on is found here, with a file and a line.

mod front;
mod keys;
mod links;
mod outputs;
mod site;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use crate::article::Article;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::{Loaded, Source};
use crate::markdown;

use front::meta;
use links::{Links, body};
use site::site_checks;

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

    /// Keeps the front matter results of the files still present, adding or replacing
    /// the ones parsed just now. (With a cache the sources are `loaded`'s, in the same
    /// order as `metas`.)
    fn keep_metas(&mut self, loaded: &Loaded, metas: &[Result<Meta<'_>, Vec<Diagnostic>>]) {
        let present: std::collections::HashSet<&str> = loaded
            .content
            .sources
            .iter()
            .map(|s| s.path.0.as_str())
            .collect();
        self.metas.retain(|p, _| present.contains(p.as_str()));
        self.bodies.retain(|p, _| present.contains(p.as_str()));
        for (s, m) in loaded.content.sources.iter().zip(metas) {
            if self.metas.get(&s.path.0).is_some_and(|(h, _)| *h == s.hash) {
                continue;
            }
            let v = match m {
                Ok(m) => Ok(m.parsed.clone()),
                Err(d) => Err(d.clone()),
            };
            self.metas.insert(s.path.0.clone(), (s.hash, v));
        }
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
    let sources = loaded.content.sources.iter().map(Cow::Borrowed).collect();
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
        c.keep_metas(loaded, &metas);
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
    diags.extend(outputs::static_clashes(loaded, &ok, config));
    crate::log::stage("validate: site checks", t);
    let t = std::time::Instant::now();
    let out = bodies(loaded, ok, config, cache, &mut diags);
    crate::log::stage("validate: bodies", t);
    (out, diags)
}

/// Renders every body and checks its links and images; with a `cache`, a body whose
/// text and link targets did not change is not rendered again.
fn bodies(
    loaded: &Loaded,
    ok: Vec<Meta<'_>>,
    config: &Config,
    mut cache: Option<&mut Cache>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Article> {
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
    let mut out = Vec::with_capacity(rendered.len());
    for (a, d, keep) in rendered {
        diags.extend(d);
        if let (Some(c), Some(entry)) = (cache.as_deref_mut(), keep) {
            c.bodies.insert(a.source.0.clone(), entry);
        }
        out.push(a);
    }
    out
}

/// Validates one edited article alone, for `kheo serve`: the article to put in place of
/// `site.articles[index]`. `None` when the edit has a problem, or changes anything that
/// other stories' checks read (slug, aliases, draft, withdrawn): then every article is
/// validated with `articles`. `cache` must be the one the last successful `articles` run filled.
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
    let source = loaded.content.sources.iter().find(|s| s.path.0 == path)?;
    let Some((_, Ok(old))) = cache.metas.get(path) else {
        return None;
    };
    let config = &site.config;
    let m = meta(Cow::Borrowed(source), config, opts, loaded).ok()?;
    // What makes the story a page of the site at its address (its slug, written or made
    // from the title): a change to any of it reaches other stories' checks.
    let identity = |a: &Article| (a.draft, a.withdrawn.is_some(), a.aliases.clone());
    if identity(&m.article) != identity(before)
        || (&m.article.slug, m.explicit_slug) != (&old.article.slug, old.explicit_slug)
    {
        return None;
    }
    // Where it is listed: a change moves it between lists (the site is regrouped).
    let place = |a: &Article| (a.province, a.field, a.year, a.date, a.tags.clone());
    let moved = place(&m.article) != place(before);
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
    let (article, d) = body(m, r, signature, loaded, &md_urls, &slugs);
    if d.iter().any(Diagnostic::is_error) {
        return None;
    }
    diags.extend(d);
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
    article: Article,
    warnings: Vec<Diagnostic>,
    /// Line of `slug:`, or of `title:` when the slug is made from it.
    slug_line: usize,
    /// True when the slug was written in `slug:`, false when made from the title.
    explicit_slug: bool,
    /// Line of the `aliases:` key (1 if none).
    aliases_line: usize,
}

/// Where byte offsets of one text fall, as 1-based line and column (in characters): the
/// one place validation turns offsets into positions. Made once per text that has a
/// problem; offsets asked in increasing order cost only their distance from the last
/// one, so a long line with thousands of broken links is still read once.
struct Lines<'t> {
    text: &'t str,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
    /// The last answer: (offset, line, column).
    last: (usize, usize, usize),
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines {
            text,
            starts,
            last: (0, 1, 1),
        }
    }

    /// Byte offset → (line, column).
    fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let (from, col) = match self.last {
            (o, l, c) if l == line && o <= offset => (o, c),
            _ => (self.starts[line - 1], 1),
        };
        let col = col + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last = (offset, line, col);
        (line, col)
    }

    /// The text of 1-based `line`, as a diagnostic shows it.
    fn shown(&self, line: usize) -> String {
        let start = self.starts.get(line.wrapping_sub(1)).copied().unwrap_or(0);
        let end = self.starts.get(line).map_or(self.text.len(), |e| e - 1);
        shown(self.text.get(start..end).unwrap_or(""))
    }
}

/// What a diagnostic keeps of its source line: at most what it prints (`Diagnostic::
/// render` shows 200 characters), so thousands of problems on one long line do not
/// each hold a copy of it.
fn shown(line: &str) -> String {
    line.chars().take(SHOWN).collect()
}

/// Characters of a source line a diagnostic shows.
const SHOWN: usize = 200;

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
    fn lines_give_positions_in_characters() {
        let text = "một\nhai ba\n\nbốn";
        let mut lines = Lines::new(text);
        let at = |s: &str| text.find(s).unwrap();
        assert_eq!(lines.line_col(at("hai")), (2, 1));
        assert_eq!(lines.line_col(at("ba")), (2, 5));
        assert_eq!(lines.line_col(at("bốn")), (4, 1));
        assert_eq!(lines.line_col(at("ột")), (1, 2));
        assert_eq!(lines.line_col(text.len()), (4, 4));
        assert_eq!(lines.shown(2), "hai ba");
        assert_eq!(lines.shown(3), "");
        assert_eq!(lines.shown(4), "bốn");
    }

    #[test]
    fn next_year_is_sane() {
        assert!(next_year() >= 2026);
    }
}
