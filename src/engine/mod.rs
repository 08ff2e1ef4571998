//! The incremental engine, beside the pipeline: it decides which render jobs run, by a
//! hash of what each job declares it reads (`render::Inputs`), and remembers what ran,
//! between the rebuilds of `kheo serve` (in memory) and between builds (`state`, kept in
//! `.kheo-cache/`). `build`, `check` and `serve` all render through `render` below; the
//! stages themselves know nothing of it.

mod files;
mod memo;
pub mod reload;
pub mod state;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use rayon::prelude::*;

use crate::error::Result;
use crate::output::{Blob, Sink};
use crate::render::{self, Job, Plan, Report};
use crate::taxonomy::{Site, Term};

pub use files::{Edited, Files, edited};
pub use memo::{Related, related_inputs};

/// Job fingerprints of a previous render, by job key.
pub type Fingerprints = HashMap<String, u64>;

/// Which jobs a render runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything.
    All,
    /// Everything but the site-wide files (search index, site-wide data, JSON feed,
    /// sitemap): what a reader sees right after an edit.
    Pages,
    /// Only the site-wide files.
    SiteWide,
    /// Everything but the smaller copies of photos: what `check` renders (and discards),
    /// so it writes nothing, not even the image cache.
    Check,
}

/// What happened to one job.
#[derive(Debug)]
pub struct JobOutput {
    /// The job's stable key.
    pub key: String,
    /// Hash of everything the job's output depends on.
    pub fingerprint: u64,
    /// The files it wrote; `None` if it was not run (unchanged or out of scope).
    pub paths: Option<Vec<String>>,
}

/// Renders the jobs in `scope` whose fingerprint differs from `previous` (all of them
/// when `previous` is empty) and reports every job of the plan, so the caller can keep
/// the files of jobs that did not run and drop those of jobs that are gone. `related`
/// saves computing related stories again (see `Related`). `search` holds the search
/// index's memo of the last build (its files are read through the sink's `previous`),
/// and this build's once the index is made (see `search::build_into`).
pub fn render(
    site: &Site,
    look: &render::Look<'_>,
    sink: &dyn Sink,
    previous: &Fingerprints,
    scope: Scope,
    related: Option<&[Vec<usize>]>,
    search: &mut Option<crate::search::Memo>,
) -> Result<(Report, Vec<JobOutput>)> {
    let t = std::time::Instant::now();
    // Site-wide jobs never read related stories; article pages are out of that scope.
    let computed;
    let related = match (related, scope) {
        (Some(r), _) => r,
        (None, Scope::SiteWide) => &[][..],
        (None, _) => {
            computed = crate::related::related(site);
            &computed[..]
        }
    };
    crate::log::stage("render: related", t);
    // The last memo stays right when the index is not made again (its files are kept).
    let last = search.take();
    let mut made = None;
    let rendered = render::with_plan(site, look, related, last.as_ref(), |plan| {
        let t = std::time::Instant::now();
        let outputs = run_jobs(plan, sink, previous, scope)?;
        crate::log::stage("render: fingerprint+render", t);
        made = plan.search_memo();
        let pages = outputs.iter().map(|(p, _)| p).sum();
        Ok((
            Report {
                pages,
                models: site.listed.len(),
            },
            outputs.into_iter().map(|(_, o)| o).collect(),
        ))
    });
    *search = made.or(last);
    rendered
}

/// Runs the jobs of `plan` that must run: the search index first, on every core, then
/// the pages (its postings and the pages' shared card values are then never in memory
/// together).
fn run_jobs(
    plan: &Plan<'_>,
    sink: &dyn Sink,
    previous: &Fingerprints,
    scope: Scope,
) -> Result<Vec<(usize, JobOutput)>> {
    let run_job = |job: &Job| -> Result<(usize, JobOutput)> {
        let key = job.key(plan.site());
        let in_scope = match scope {
            Scope::All => true,
            Scope::Pages => !job.is_site_wide(),
            Scope::SiteWide => job.is_site_wide(),
            Scope::Check => !job.is_image_copies(),
        };
        // Out of scope: not run, so its fingerprint is not needed.
        let fingerprint = if in_scope { fingerprint(plan, job) } else { 0 };
        if !in_scope || previous.get(&key) == Some(&fingerprint) {
            let paths = None;
            return Ok((
                0,
                JobOutput {
                    key,
                    fingerprint,
                    paths,
                },
            ));
        }
        let rec = Recording {
            inner: sink,
            paths: std::sync::Mutex::new(Vec::new()),
        };
        let t = std::time::Instant::now();
        let pages = plan.run(job, &rec)?;
        if t.elapsed().as_millis() >= 20 {
            crate::log::stage(&format!("job {key}"), t);
        }
        let paths = Some(rec.paths.into_inner().unwrap_or_default());
        Ok((
            pages,
            JobOutput {
                key,
                fingerprint,
                paths,
            },
        ))
    };
    let (index, pages): (Vec<&Job>, Vec<&Job>) = plan
        .jobs()
        .iter()
        .partition(|j| matches!(j, Job::SearchIndex));
    let mut outputs: Vec<(usize, JobOutput)> =
        index.into_iter().map(run_job).collect::<Result<_>>()?;
    outputs.extend(
        pages
            .par_iter()
            .map(|job| run_job(job))
            .collect::<Result<Vec<_>>>()?,
    );
    Ok(outputs)
}

/// Hash of everything `job` declares it reads: each story by its content hash and
/// address, the size of every list when it shows counts, and the rest (`own`).
fn fingerprint(plan: &Plan<'_>, job: &Job) -> u64 {
    let site = plan.site();
    let inputs = plan.inputs(job);
    let mut h = rustc_hash::FxHasher::default();
    for &i in &inputs.articles {
        let a = &site.articles[i];
        (a.hash, &a.url).hash(&mut h);
    }
    if inputs.counts {
        let counts = |h: &mut rustc_hash::FxHasher, terms: &[Term]| {
            for t in terms {
                (&t.slug, &t.name, t.items.len()).hash(h);
            }
        };
        counts(&mut h, &site.units);
        counts(&mut h, &site.formers);
        counts(&mut h, &site.fields);
        counts(&mut h, &site.years);
        counts(&mut h, &site.tags);
    }
    inputs.own.hash(&mut h);
    h.finish()
}

/// Records the paths a job writes while passing the files on.
struct Recording<'a> {
    inner: &'a dyn Sink,
    paths: std::sync::Mutex<Vec<String>>,
}

impl Recording<'_> {
    fn record(&self, path: &str) {
        if let Ok(mut p) = self.paths.lock() {
            p.push(path.to_owned());
        }
    }
}

impl Sink for Recording<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.record(path);
        self.inner.put(path, bytes)
    }
    fn copy(&self, path: &str, blob: &Blob) -> Result<()> {
        self.record(path);
        self.inner.copy(path, blob)
    }
    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        self.inner.previous(path)
    }
}
