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

/// Per-file results a caller keeps between validations (the incremental engine keeps
/// them between the rebuilds of `kheo serve`): validation asks before parsing a front
/// matter or rendering a body, and hands over what it made. Keyed by site-relative path
/// and checked against the source's content hash; valid for one `Config`.
pub trait Memo: Sync {
    /// The front matter result kept for `path` at content hash `hash`.
    fn front(&self, path: &str, hash: u64) -> Option<&Result<Parsed, Vec<Diagnostic>>>;
    /// The body kept for `path` at `hash`, with the signature of the link targets it
    /// was rendered against (`Links::signature`).
    fn body(&self, path: &str, hash: u64) -> Option<(u64, &markdown::Rendered)>;
    /// Keeps a front matter result.
    fn keep_front(&mut self, path: &str, hash: u64, front: Result<Parsed, Vec<Diagnostic>>);
    /// Keeps a rendered body.
    fn keep_body(&mut self, path: &str, hash: u64, signature: u64, body: markdown::Rendered);
    /// Forgets every file for which `keep` says false.
    fn retain(&mut self, keep: &dyn Fn(&str) -> bool);
}

/// Keeps the front matter results of the files still present, adding the ones parsed
/// just now. (The sources are `loaded`'s, in the same order as `metas`.)
fn keep_fronts(memo: &mut dyn Memo, loaded: &Loaded, metas: &[Result<Meta<'_>, Vec<Diagnostic>>]) {
    let present: std::collections::HashSet<&str> = loaded
        .content
        .sources
        .iter()
        .map(|s| s.path.0.as_str())
        .collect();
    memo.retain(&|p| present.contains(p));
    for (s, m) in loaded.content.sources.iter().zip(metas) {
        if memo.front(&s.path.0, s.hash).is_some() {
            continue;
        }
        let front = match m {
            Ok(m) => Ok(m.parsed.clone()),
            Err(d) => Err(d.clone()),
        };
        memo.keep_front(&s.path.0, s.hash, front);
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
/// asked for), and every problem found. With a `memo`, unchanged files are not
/// parsed or rendered again.
pub fn articles(
    loaded: &Loaded,
    config: &Config,
    opts: Options,
    memo: Option<&mut dyn Memo>,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let sources = loaded.content.sources.iter().map(Cow::Borrowed).collect();
    validate(loaded, sources, config, opts, memo)
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
    mut memo: Option<&mut dyn Memo>,
) -> (Vec<Article>, Vec<Diagnostic>) {
    let t = std::time::Instant::now();
    let kept = memo.as_deref();
    let metas: Vec<Result<Meta<'_>, Vec<Diagnostic>>> = sources
        .into_par_iter()
        .map(|s| match kept.and_then(|c| c.front(&s.path.0, s.hash)) {
            Some(Ok(p)) => Ok(Meta {
                parsed: p.clone(),
                source: s,
            }),
            Some(Err(d)) => Err(d.clone()),
            None => meta(s, config, opts, loaded),
        })
        .collect();
    if let Some(m) = memo.as_deref_mut() {
        keep_fronts(m, loaded, &metas);
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
    let out = bodies(loaded, ok, config, memo, &mut diags);
    crate::log::stage("validate: bodies", t);
    (out, diags)
}

/// Renders every body and checks its links and images; with a `memo`, a body whose
/// text and link targets did not change is not rendered again.
fn bodies(
    loaded: &Loaded,
    ok: Vec<Meta<'_>>,
    config: &Config,
    mut memo: Option<&mut dyn Memo>,
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
    let kept = memo.as_deref();
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
            let hit = kept
                .and_then(|c| c.body(&m.source.path.0, m.source.hash))
                .filter(|(sig, r)| *sig == links.signature(&r.references));
            let (r, signature, fresh) = match hit {
                Some((sig, r)) => (r.clone(), sig, false),
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
        if let (Some(c), Some((hash, signature, r))) = (memo.as_deref_mut(), keep) {
            c.keep_body(&a.source.0, hash, signature, r);
        }
        out.push(a);
    }
    out
}

/// Validates one source alone, against `others` (the site's articles as they are) for
/// its links: the incremental engine's fast path after an edit to one file. `None` when
/// the file has an error, or had one when it was loaded: then every file is validated.
pub fn alone(
    loaded: &Loaded,
    config: &Config,
    others: &[std::sync::Arc<Article>],
    source: &Source,
    opts: Options,
) -> Option<Alone> {
    if loaded.diagnostics.iter().any(|d| d.path == source.path.0) {
        return None;
    }
    let m = meta(Cow::Borrowed(source), config, opts, loaded).ok()?;
    let explicit_slug = m.explicit_slug;
    let md_urls: HashMap<&str, &str> = others
        .iter()
        .map(|a| (a.source.0.as_str(), a.url.as_str()))
        .collect();
    let slugs: HashMap<&str, ()> = others.iter().map(|a| (a.slug.as_str(), ())).collect();
    let links = Links {
        dir: source.path.parent(),
        base_path: &config.base_path,
        md_urls: &md_urls,
        image_sizes: &loaded.image_sizes,
    };
    let r = markdown::render(m.body(), config.unsafe_html, &links);
    let signature = links.signature(&r.references);
    let mut diagnostics = m.warnings.clone();
    let (article, d) = body(m, r, signature, loaded, &md_urls, &slugs);
    if d.iter().any(Diagnostic::is_error) {
        return None;
    }
    diagnostics.extend(d);
    Some(Alone {
        article,
        explicit_slug,
        diagnostics,
    })
}

/// One article validated by `alone`.
pub struct Alone {
    /// The article.
    pub article: Article,
    /// True when its slug is written in `slug:`, false when made from the title.
    pub explicit_slug: bool,
    /// Its warnings.
    pub diagnostics: Vec<Diagnostic>,
}

/// An article whose front matter passed, before its body is rendered: its source and
/// what was parsed from it (`Parsed` is what a `Memo` keeps between validations).
struct Meta<'a> {
    /// Borrowed from `Loaded` (`kheo serve` keeps it), or owned and dropped with the
    /// article's `Meta` (`kheo build`).
    source: Cow<'a, Source>,
    parsed: Parsed,
}

/// What parsing one file's front matter produced; no borrow, so a `Memo` can keep it.
#[derive(Debug, Clone)]
pub struct Parsed {
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

impl Parsed {
    /// The story's slug, and true when it is written in `slug:` (false when made from
    /// the title).
    pub fn slug(&self) -> (&str, bool) {
        (&self.article.slug, self.explicit_slug)
    }
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
