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
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod export;
pub mod feed;
pub mod frontmatter;
pub mod images;
pub mod import;
pub mod init;
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
}

/// The outcome of a build or check that ran to the end.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every problem found, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Pages written (0 for `check` or when there were errors).
    pub pages: usize,
    /// Models published.
    pub models: usize,
    /// Where the site was written.
    pub out: Option<PathBuf>,
    /// Time per stage, for `--verbose`.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl Outcome {
    /// True if any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Load, validate, index: everything up to rendering. Returns the site and templates
/// when there were no errors.
pub fn prepare(
    opts: &BuildOptions,
    outcome: &mut Outcome,
) -> Result<Option<(taxonomy::Site, load::Loaded, tera::Tera)>> {
    let t = Instant::now();
    let mut loaded = load::site(&opts.root)?;
    outcome.timings.push(("load", t.elapsed()));
    outcome
        .diagnostics
        .extend(loaded.diagnostics.iter().cloned());

    let mut config = match Config::parse(loaded.config_text.as_deref()) {
        Ok(c) => c,
        Err(d) => {
            outcome.diagnostics.extend(d);
            Config::default()
        }
    };
    if let Some(url) = &opts.base_url {
        config.set_base_url(url);
    }

    let t = Instant::now();
    let vopts = validate::Options {
        drafts: opts.drafts,
        max_year: validate::next_year(),
    };
    // Rendering needs no source text (`index.md` is copied from disk or kept by its
    // article): validation frees each source once its article is made.
    let sources = std::mem::take(&mut loaded.sources);
    let (articles, diags) = validate::articles_from(&loaded, sources, &config, vopts);
    outcome.diagnostics.extend(diags);
    outcome
        .timings
        .push(("parse+validate+markdown", t.elapsed()));

    let t = Instant::now();
    let tera = render::templates(&loaded)?;
    outcome.timings.push(("templates", t.elapsed()));

    diagnostic::sort(&mut outcome.diagnostics);
    if outcome.has_errors() {
        return Ok(None);
    }
    let t = Instant::now();
    let site = taxonomy::index(config, articles);
    outcome.timings.push(("index", t.elapsed()));
    Ok(Some((site, loaded, tera)))
}

/// `kheo build`: the whole pipeline, written atomically into the output folder.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    let mut outcome = Outcome::default();
    let Some((site, loaded, tera)) = prepare(opts, &mut outcome)? else {
        return Ok(outcome);
    };
    let out = opts.out.clone().unwrap_or_else(|| opts.root.join("public"));
    let t = Instant::now();
    let report = output::write_swap(&out, |sink| render::site(&site, &loaded, &tera, sink))?;
    outcome.timings.push(("render+write", t.elapsed()));
    outcome.pages = report.pages;
    outcome.models = report.models;
    outcome.out = Some(out);
    Ok(outcome)
}

/// `kheo check`: everything `build` validates, including rendering every page into a
/// sink that discards it (so template errors show up), and writes nothing.
pub fn check(opts: &BuildOptions) -> Result<Outcome> {
    struct Discard;
    impl render::Sink for Discard {
        fn put(&self, _: &str, _: Vec<u8>) -> Result<()> {
            Ok(())
        }
        fn copy(&self, _: &str, _: &load::Blob) -> Result<()> {
            Ok(())
        }
    }
    let mut outcome = Outcome::default();
    if let Some((site, loaded, tera)) = prepare(opts, &mut outcome)? {
        let report = render::site(&site, &loaded, &tera, &Discard)?;
        outcome.models = report.models;
    }
    Ok(outcome)
}
