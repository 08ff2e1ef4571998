//! What `kheo serve` keeps between rebuilds: the loaded site, the per-file results of
//! validation, the job fingerprints and the files of the site as served (`Snapshot`).
//! A rebuild runs the same front of the pipeline as `build` (`crate::front`), or swaps
//! an edited story into the last site when nothing else changed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::{ServeOptions, report};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Fingerprints, JobOutput, Scope};
use crate::error::{Error, Result};
use crate::load::Loaded;
use crate::output::{Blob, Sink};
use crate::{taxonomy, validate};

/// The site as served: files by output path, and which job made which files.
#[derive(Debug, Default)]
pub(super) struct Snapshot {
    pub(super) files: Files,
    pub(super) owners: HashMap<String, (u64, Vec<String>)>,
}

/// Files by output path: a shared base and what changed since, so publishing an edit
/// copies the few files it changed, not a map of the whole site.
#[derive(Debug, Default, Clone)]
pub(super) struct Files {
    pub(super) base: Arc<HashMap<Arc<str>, Arc<Vec<u8>>>>,
    /// Changed since `base`; `None` for a removed file.
    pub(super) recent: HashMap<Arc<str>, Option<Arc<Vec<u8>>>>,
}

impl Files {
    pub(super) fn get(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        match self.recent.get(path) {
            Some(changed) => changed.as_ref(),
            None => self.base.get(path),
        }
    }

    pub(super) fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    pub(super) fn insert(&mut self, path: Arc<str>, bytes: Vec<u8>) {
        self.recent.insert(path, Some(Arc::new(bytes)));
    }

    pub(super) fn remove(&mut self, path: &str) {
        if self.base.contains_key(path) {
            self.recent.insert(Arc::from(path), None);
        } else {
            self.recent.remove(path);
        }
    }

    /// Folds the recent changes into the base once they are many: the base is copied
    /// (if a reader still holds it) once per that many changes, not on every edit.
    pub(super) fn settle(&mut self) {
        if self.recent.len() <= 64 + self.base.len() / 16 {
            return;
        }
        let base = Arc::make_mut(&mut self.base);
        for (path, bytes) in self.recent.drain() {
            match bytes {
                Some(b) => base.insert(path, b),
                None => base.remove(&path),
            };
        }
    }
}

/// Collects rendered files in memory.
#[derive(Default)]
pub(super) struct MemorySink {
    pub(super) files: Mutex<Vec<(String, Vec<u8>)>>,
    /// The files of the last render, which a job may patch (`Sink::previous`).
    pub(super) last: Option<Files>,
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.files
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push((path.to_owned(), bytes));
        Ok(())
    }

    fn copy(&self, path: &str, blob: &Blob) -> Result<()> {
        let bytes = match blob {
            Blob::Embedded(b) => b.to_vec(),
            Blob::Disk(p) => std::fs::read(p).map_err(|e| Error::io(p, e))?,
        };
        self.put(path, bytes)
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        Some(self.last.as_ref()?.get(path)?.to_vec())
    }
}

/// Everything kept between rebuilds.
pub(super) struct Session {
    pub(super) opts: ServeOptions,
    pub(super) base_url: String,
    pub(super) loaded: Loaded,
    pub(super) config: Config,
    pub(super) tera: Option<Arc<tera::Tera>>,
    pub(super) cache: crate::engine::Files,
    pub(super) fingerprints: Fingerprints,
    pub(super) snapshot: Snapshot,
    pub(super) related: crate::engine::Related,
    /// The site of the last rebuild if it succeeded: an edit that leaves every list as it
    /// was is swapped into a copy of it (`engine::edited`).
    pub(super) site: Option<Arc<taxonomy::Site>>,
    /// The problems last reported, so a rebuild prints only what changed.
    pub(super) problems: report::Problems,
    /// Where each story lives, so a tab follows a story whose address moved.
    pub(super) addresses: report::Addresses,
}

/// The outcome of one rebuild.
pub(super) enum Rebuild {
    /// The pages are ready; site-wide files still to do.
    Ok(Ready),
    /// Content or template errors: keep the last good site.
    Failed(Vec<Diagnostic>),
}

/// A rebuild whose content passed.
pub(super) struct Ready {
    pub(super) site: Arc<taxonomy::Site>,
    pub(super) warnings: Vec<Diagnostic>,
    /// The articles that changed, when nothing else did.
    pub(super) edited: Option<Vec<usize>>,
    /// The sources checked again, when only they were (`warnings` is theirs).
    pub(super) checked: Option<Vec<String>>,
}

impl Session {
    pub(super) fn new(opts: ServeOptions, base_url: String) -> Result<Session> {
        let loaded = crate::load::site(&opts.root)?;
        Ok(Session {
            opts,
            base_url,
            loaded,
            config: Config::default(),
            tera: None,
            cache: crate::engine::Files::default(),
            fingerprints: Fingerprints::new(),
            snapshot: Snapshot::default(),
            related: crate::engine::Related::default(),
            site: None,
            problems: report::Problems::default(),
            addresses: report::Addresses::default(),
        })
    }

    /// Settings, templates or static files changed: start again from the disk.
    pub(super) fn reload_all(&mut self) -> Result<()> {
        self.loaded = crate::load::site(&self.opts.root)?;
        self.cache = crate::engine::Files::default();
        self.fingerprints.clear();
        self.site = None;
        Ok(())
    }

    /// The last site with the articles at `paths` (site-relative) validated again and
    /// swapped in, if none of them changed anything but its own page and cards.
    pub(super) fn edit_in_place(&self, paths: &[String]) -> Option<Rebuild> {
        let site = self.site.as_ref()?;
        let vopts = validate::Options {
            drafts: self.opts.drafts,
            max_year: validate::next_year(),
        };
        let mut new = taxonomy::Site::clone(site);
        let (mut edited, mut warnings, mut moved) = (Vec::new(), Vec::new(), false);
        for path in paths {
            let i = site.articles.iter().position(|a| a.source.0 == *path)?;
            let e = crate::engine::edited(&self.loaded, site, i, &self.cache, vopts)?;
            new.articles[i] = Arc::new(e.article);
            edited.push(i);
            warnings.extend(e.diagnostics);
            moved |= e.moved;
        }
        if moved {
            // Sorted and grouped again; the stories' positions may have changed.
            let t = Instant::now();
            new = taxonomy::index(new.config, new.articles);
            crate::log::stage("serve: regroup", t);
        }
        Some(Rebuild::Ok(Ready {
            site: Arc::new(new),
            warnings,
            edited: (!moved).then_some(edited),
            checked: Some(paths.to_vec()),
        }))
    }

    /// Load → validate → index, reusing what did not change. `edited`: the articles
    /// (site-relative paths) that are all that changed since the last rebuild, if known.
    pub(super) fn prepare(&mut self, edited: Option<&[String]>) -> Rebuild {
        let t = Instant::now();
        if let Some(done) = edited.and_then(|paths| self.edit_in_place(paths)) {
            crate::log::stage("serve: edit in place", t);
            return done;
        }
        // The templates are compiled again only after a full reload.
        let keep = self.tera.clone().filter(|_| !self.fingerprints.is_empty());
        let settings = crate::FrontOptions {
            base_url: Some(&self.base_url), // http://host:port/: valid
            drafts: self.opts.drafts,
            templates: keep,
        };
        let cached = crate::Validation::Cached(&mut self.cache);
        let front = crate::front(&self.loaded, cached, &settings);
        self.config = front.config;
        let mut diags = front.diagnostics;
        self.tera = match front.tera {
            Ok(t) => Some(t),
            Err(e) => {
                diags.push(template_diagnostic(&e));
                crate::diagnostic::sort(&mut diags);
                None
            }
        };
        match front.site {
            Some(site) if self.tera.is_some() => Rebuild::Ok(Ready {
                site: Arc::new(site),
                warnings: diags,
                edited: None,
                checked: None,
            }),
            _ => Rebuild::Failed(diags),
        }
    }

    /// Renders the jobs in `scope` that changed and folds them into the snapshot.
    pub(super) fn render(
        &mut self,
        site: &taxonomy::Site,
        scope: Scope,
        edited: Option<&[usize]>,
    ) -> Result<usize> {
        let Some(tera) = &self.tera else { return Ok(0) };
        let sink = MemorySink::default();
        let t = Instant::now();
        let related = match edited {
            Some(changed) => self.related.get_edited(site, changed),
            None => self.related.get(site),
        };
        crate::log::stage("serve: related", t);
        let (report, outputs) = engine::render(
            site,
            &crate::render::Look::of(&self.loaded, tera),
            &sink,
            &self.fingerprints,
            scope,
            Some(&related),
            &mut None,
        )?;
        let files = sink
            .files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let t = Instant::now();
        apply(&mut self.snapshot, &mut self.fingerprints, outputs, files);
        crate::log::stage("serve: apply", t);
        Ok(report.pages)
    }
}

/// Folds one incremental render into the snapshot: new files in, files of re-run or
/// vanished jobs out.
pub(super) fn apply(
    snap: &mut Snapshot,
    prints: &mut Fingerprints,
    outputs: Vec<JobOutput>,
    files: Vec<(String, Vec<u8>)>,
) {
    // Usually the same jobs as before: then none is gone, found without a set of keys.
    let same_jobs = outputs.len() == snap.owners.len()
        && outputs.iter().all(|o| snap.owners.contains_key(&o.key));
    let gone: Vec<String> = if same_jobs {
        Vec::new()
    } else {
        let live: std::collections::HashSet<&str> =
            outputs.iter().map(|o| o.key.as_str()).collect();
        snap.owners
            .keys()
            .filter(|k| !live.contains(k.as_str()))
            .cloned()
            .collect()
    };
    for key in gone {
        if let Some((_, paths)) = snap.owners.remove(&key) {
            for p in paths {
                snap.files.remove(p.as_str());
            }
        }
        prints.remove(&key);
    }
    for o in outputs {
        let Some(paths) = o.paths else { continue };
        if let Some((_, old)) = snap.owners.get(&o.key) {
            for p in old {
                snap.files.remove(p.as_str());
            }
        }
        prints.insert(o.key.clone(), o.fingerprint);
        snap.owners.insert(o.key, (o.fingerprint, paths));
    }
    for (path, bytes) in files {
        snap.files.insert(Arc::from(path), bytes);
    }
    snap.files.settle();
}

/// A template failure as a diagnostic, so the overlay can show it.
pub(super) fn template_diagnostic(e: &Error) -> Diagnostic {
    match e {
        Error::Template { name, message } => Diagnostic::error("E030", name, 0, 0, message.clone())
            .help(crate::t!("preview-template-help")),
        other => Diagnostic::error("E030", "(build)", 0, 0, other.to_string()),
    }
}
