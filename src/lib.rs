//! kheo: a static site generator for Vietnamese "Dân vận khéo" model stories.
//!
//! The build is a pipeline of stages, each a function from the previous stage's data
//! to its own; only `load` reads the disk and only `output` writes it:
//!
//! ```text
//! content/**/*.md -load-> Loaded -validate-> Vec<Article> + diagnostics
//!   -taxonomy::index-> Site -render-> files, page by page -output-> public.tmp -> public/
//! ```
//!
//! `build` below runs it top to bottom; `check` stops before rendering.

pub mod article;
pub mod cli;
pub mod cms;
pub mod config;
pub mod diagnostic;
pub mod engine;
pub mod error;
pub mod escape;
pub mod export;
pub mod feed;
pub mod frontmatter;
pub mod i18n;
pub mod images;
pub mod import;
pub mod init;
pub mod keys;
pub mod load;
pub mod log;
pub mod markdown;
pub mod new;
pub mod output;
pub mod province;
pub mod related;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod stats;
pub mod taxonomy;
pub mod validate;
pub mod vietnamese;
pub mod view;
pub mod watch;

use std::path::PathBuf;
use std::time::Instant;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::Result;

/// What the caller asked for.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Output folder (default `<root>/public`).
    pub out: Option<PathBuf>,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Accept a site with nothing to publish (see `nothing_to_publish`).
    pub allow_empty: bool,
    /// Build from nothing: neither read nor keep `.kheo-cache/build-state`.
    pub no_cache: bool,
}

/// The outcome of a build or check that ran to the end.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every problem found, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages rendered (0 for `check` or when there were errors).
    pub pages: usize,
    /// Files written into the output, and removed from it (a build that wrote only
    /// what changed removes the files the site no longer has).
    pub files: (usize, usize),
    /// True if only what changed was written (the cache and the last output were used).
    pub incremental: bool,
    /// Models published.
    pub models: usize,
    /// Where the site was written.
    pub out: Option<PathBuf>,
    /// Time per stage, for `--verbose`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// What the output stage did that the user should know (written in place, an
    /// interrupted build's output restored, a folder that could not be removed).
    pub notices: Vec<output::Notice>,
}

impl Outcome {
    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Validate, index: everything after loading up to rendering. Returns the site and
/// templates when there were no errors.
pub fn prepare(
    opts: &BuildOptions,
    mut loaded: load::Loaded,
    outcome: &mut Outcome,
) -> Result<Option<(taxonomy::Site, load::Loaded, std::sync::Arc<tera::Tera>)>> {
    // Rendering needs no source text (`index.md` is copied from disk or kept by its
    // article): validation frees each source once its article is made.
    let sources = std::mem::take(&mut loaded.content.sources);
    let drafts = if opts.drafts || opts.allow_empty {
        Vec::new()
    } else {
        draft_paths(&sources)
    };
    let settings = FrontOptions {
        base_url: opts.base_url.as_deref(),
        drafts: opts.drafts,
        templates: None,
    };
    let mut front = front(&loaded, Validation::Owned(sources), &settings);
    outcome.timings.append(&mut front.timings);
    outcome.diagnostics.append(&mut front.diagnostics);
    if front.site.as_ref().is_some_and(|s| s.articles.is_empty()) && !opts.allow_empty {
        outcome
            .diagnostics
            .push(nothing_to_publish(&opts.root, &drafts));
        diagnostic::sort(&mut outcome.diagnostics);
        return Ok(None);
    }
    // A template that does not compile stops the build as before any content error.
    match (front.site, front.tera) {
        (_, Err(e)) => Err(e),
        (Some(site), Ok(tera)) => Ok(Some((site, loaded, tera))),
        (None, Ok(_)) => Ok(None),
    }
}

/// Stage 1: reads the site from the disk.
fn load(opts: &BuildOptions, outcome: &mut Outcome) -> Result<load::Loaded> {
    let t = Instant::now();
    let loaded = load::site(&opts.root)?;
    outcome.timings.push(("load", t.elapsed()));
    Ok(loaded)
}

/// The sources validation reads: a build hands them over (each freed once its article
/// is made); `kheo serve` keeps them in `Loaded` and remembers per-file results.
pub enum Validation<'a> {
    /// The build's sources, taken out of `Loaded`.
    Owned(Vec<load::Source>),
    /// `Loaded`'s own sources, with `serve`'s per-file results (`engine::Files`).
    Cached(&'a mut dyn validate::Memo),
}

/// What the front of the pipeline needs besides what was loaded.
pub struct FrontOptions<'a> {
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<&'a str>,
    /// Include drafts.
    pub drafts: bool,
    /// Templates compiled earlier from the same theme (`serve` keeps them).
    pub templates: Option<std::sync::Arc<tera::Tera>>,
}

/// What the front of the pipeline made.
pub struct Front {
    /// The site, when there was no error.
    pub site: Option<taxonomy::Site>,
    /// The compiled templates (or why they failed).
    pub tera: Result<std::sync::Arc<tera::Tera>>,
    /// The settings read.
    pub config: Config,
    /// Every problem found, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Time per stage.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// The front of the pipeline after loading, the same for `build`, `check` and `serve`:
/// settings, validation, templates, index.
pub fn front(loaded: &load::Loaded, sources: Validation<'_>, opts: &FrontOptions<'_>) -> Front {
    let mut diagnostics = loaded.diagnostics.clone();
    let mut timings = Vec::new();
    let mut config = match Config::parse(loaded.config_text.as_deref()) {
        Ok(c) => c,
        Err(d) => {
            diagnostics.extend(d);
            Config::default()
        }
    };
    if let Some(url) = opts.base_url
        && let Err(d) = config.set_base_url(url)
    {
        diagnostics.push(d);
    }
    let t = Instant::now();
    let vopts = validate::Options {
        drafts: opts.drafts,
        max_year: validate::next_year(),
    };
    let (articles, diags) = match sources {
        Validation::Owned(sources) => validate::articles_from(loaded, sources, &config, vopts),
        Validation::Cached(cache) => validate::articles(loaded, &config, vopts, Some(cache)),
    };
    diagnostics.extend(diags);
    timings.push(("parse+validate+markdown", t.elapsed()));
    let t = Instant::now();
    let tera = match &opts.templates {
        Some(t) => Ok(std::sync::Arc::clone(t)),
        None => render::templates(&loaded.theme).map(std::sync::Arc::new),
    };
    timings.push(("templates", t.elapsed()));
    diagnostic::sort(&mut diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error) || tera.is_err();
    let site = (!failed).then(|| {
        let t = Instant::now();
        let site = taxonomy::index(config.clone(), articles);
        timings.push(("index", t.elapsed()));
        site
    });
    Front {
        site,
        tera,
        config,
        diagnostics,
        timings,
    }
}

/// The error for a site with no article to publish: a build would replace the
/// published site with an empty one, which is rarely what was meant (a `content/`
/// that was moved, renamed or left unmounted). `--allow-empty` accepts it. `drafts`
/// names the articles left out as drafts, the usual reason on a new site.
fn nothing_to_publish(root: &std::path::Path, drafts: &[String]) -> Diagnostic {
    let why = match std::fs::symlink_metadata(root.join("content")) {
        Err(_) => t!("e040-missing"),
        Ok(m) if m.file_type().is_symlink() => t!("e040-link"),
        Ok(m) if !m.is_dir() => t!("e040-not-folder"),
        Ok(_) if !drafts.is_empty() => {
            let mut shown: Vec<String> = drafts.iter().take(3).cloned().collect();
            if drafts.len() > 3 {
                shown.push("…".to_owned());
            }
            let d = Diagnostic::error(
                "E040",
                "content",
                0,
                0,
                t!(
                    "e040-only-drafts",
                    n = drafts.len(),
                    files = shown.join(", ")
                ),
            );
            return d.help(t!("e040-only-drafts-help"));
        }
        Ok(_) => t!("e040-empty"),
    };
    Diagnostic::error("E040", "content", 0, 0, t!("e040", why = why)).help(t!("e040-help"))
}

/// The articles whose front matter says `draft: true` (read loosely: only to explain
/// an empty build; validation decides what is a draft).
fn draft_paths(sources: &[load::Source]) -> Vec<String> {
    sources
        .iter()
        .filter(|s| {
            let mut lines = s.text.lines();
            lines.next().is_some_and(|l| l.trim_end() == "---")
                && lines.take_while(|l| l.trim_end() != "---").any(|l| {
                    let l = l.split(" #").next().unwrap_or(l);
                    l.strip_prefix("draft:").is_some_and(|v| {
                        matches!(v.trim().to_ascii_lowercase().as_str(), "true" | "yes")
                    })
                })
        })
        .map(|s| s.path.0.clone())
        .collect()
}

/// `kheo build`: the whole pipeline, written atomically into the output folder. The
/// output folder is checked before anything is built (see `output::Destination::guarded`).
/// With the state the last build left in `.kheo-cache/` (see `engine::state`) and that
/// build's output in place, only the jobs whose inputs changed run and only the files
/// whose bytes changed are written; the output is the same as a build from nothing.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
    let default_location = opts.out.is_none() || out == opts.root.join("public");
    let mut dest = output::Destination::guarded(&opts.root, &out, default_location)?;
    let mut outcome = Outcome {
        notices: dest.take_notices(),
        ..Outcome::default()
    };
    let loaded = load(opts, &mut outcome)?;
    let t = Instant::now();
    let state_file = engine::state::path(&opts.root);
    let key = engine::state::key(&loaded, &build_options(opts));
    let digest = engine::state::inputs(&loaded, key, validate::next_year());
    // `--no-cache` neither reads the state nor keeps one: the output it writes no longer
    // matches the state's stamps, so a later build would not trust it anyway.
    let previous = match (&state_file, opts.no_cache) {
        (Some(file), false) => engine::state::read(file, key),
        _ => None,
    };
    let mut previous = previous.unwrap_or_default();
    log::stage("engine: read state", t);
    // Every input as the last build read it, which had nothing to report, and its output
    // as it left it: there is nothing to do, not even to validate.
    if let Some(models) = previous.unchanged(digest)
        && loaded.diagnostics.is_empty()
        && dest.holds(&previous.files)
    {
        outcome.notices.extend(dest.take_notices());
        outcome.models = models;
        outcome.incremental = true;
        outcome.out = Some(out);
        return Ok(outcome);
    }
    let Some((site, loaded, tera)) = prepare(opts, loaded, &mut outcome)? else {
        return Ok(outcome);
    };
    let t = Instant::now();
    let prints = previous.fingerprints();
    let none = engine::Fingerprints::new();
    // Related stories are kept in the state: computed again only when what they read
    // (any story's field, unit, tags, title, date or address) changed.
    let t_related = Instant::now();
    let inputs = engine::related_inputs(&site);
    let related = match previous.related(inputs, site.articles.len()) {
        Some(lists) => lists.to_vec(),
        None => related::related(&site),
    };
    log::stage("engine: related", t_related);
    let known = Some(&previous.files).filter(|f| !f.is_empty());
    let look = render::Look::of(&loaded, &tera);
    let mut search = previous.search.take();
    let written = output::write(dest, known, |sink, kept_output| {
        // A replaced output needs every file: no job may be skipped.
        let prints = if kept_output { &prints } else { &none };
        let scope = engine::Scope::All;
        let related = Some(&related[..]);
        let (report, outputs) =
            engine::render(&site, &look, sink, prints, scope, related, &mut search)?;
        let kept = previous.kept(&outputs);
        Ok(((report, outputs), kept))
    })?;
    outcome.timings.push(("render+write", t.elapsed()));
    let update = written.value;
    outcome
        .notices
        .extend(output::host_limits(&update.stamps, site.config.lean_output));
    let (report, outputs) = update.value;
    // Nothing ran and nothing was written: the state on disk is still right.
    let clean = outcome
        .diagnostics
        .is_empty()
        .then_some((digest, report.models));
    let unchanged = update.incremental
        && previous.key == key
        && previous.related(inputs, site.articles.len()).is_some()
        && previous.inputs == clean
        && (update.written, update.removed) == (0, 0)
        && outputs.iter().all(|o| o.paths.is_none());
    if let (Some(file), false, false) = (&state_file, opts.no_cache, unchanged) {
        let t = Instant::now();
        let mut next = previous.next(key, outputs, update.stamps, (inputs, related));
        next.inputs = clean;
        next.search = search;
        if engine::state::write(file, &next).is_err() {
            engine::state::forget(file);
        }
        log::stage("engine: keep state", t);
    }
    outcome.notices.extend(written.notices);
    outcome.pages = report.pages;
    outcome.models = report.models;
    outcome.files = (update.written, update.removed);
    outcome.incremental = update.incremental;
    outcome.out = Some(out);
    Ok(outcome)
}

/// The options that change what a build writes, for the cache's key. (Not the output
/// folder: the state's stamps are checked against whatever folder is written.)
fn build_options(opts: &BuildOptions) -> Vec<String> {
    vec![
        format!("drafts={}", opts.drafts),
        format!("base_url={:?}", opts.base_url),
    ]
}

/// `kheo check`: everything `build` validates, including rendering every page into a
/// sink that discards it (so template errors show up), and writes nothing: not even
/// the image cache, since the smaller copies of photos are not made (`Scope::Check`).
pub fn check(opts: &BuildOptions) -> Result<Outcome> {
    struct Discard;
    impl output::Sink for Discard {
        fn put(&self, _: &str, _: Vec<u8>) -> Result<()> {
            Ok(())
        }
        fn copy(&self, _: &str, _: &output::Blob) -> Result<()> {
            Ok(())
        }
    }
    let mut outcome = Outcome::default();
    let loaded = load(opts, &mut outcome)?;
    if let Some((site, loaded, tera)) = prepare(opts, loaded, &mut outcome)? {
        let nothing = engine::Fingerprints::new();
        let scope = engine::Scope::Check;
        let look = render::Look::of(&loaded, &tera);
        let (report, _) = engine::render(&site, &look, &Discard, &nothing, scope, None, &mut None)?;
        outcome.models = report.models;
    }
    Ok(outcome)
}
