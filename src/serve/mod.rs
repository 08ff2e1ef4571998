//! `kheo serve`: the build pipeline with its output kept in memory (never written to
//! `public/`), a small HTTP server on 127.0.0.1, and live reload. Edits to articles
//! re-render only the pages whose inputs changed (job fingerprints, see `render`);
//! site-wide files (search index, data, sitemap) follow in the background. A failed
//! rebuild keeps the last good site and shows the diagnostics in an overlay.

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::engine::{self, Fingerprints, JobOutput, Scope};
use crate::error::{Error, Result};
use crate::load::{Loaded, relative};
use crate::output::{Blob, Sink};
use crate::render;
use crate::watch::{self, Change};
use crate::{taxonomy, validate};

mod cms;
mod host;
mod http;
mod report;

/// What `kheo serve` was asked for.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Address to bind (127.0.0.1 unless the user opts in to another).
    pub bind: String,
    /// Port; 0 picks a free one (printed on stdout).
    pub port: u16,
    /// Include drafts.
    pub drafts: bool,
    /// Poll the file system instead of native events.
    pub poll: bool,
}

/// The site as served: files by output path, and which job made which files.
#[derive(Debug, Default)]
struct Snapshot {
    files: Files,
    owners: HashMap<String, (u64, Vec<String>)>,
}

/// Files by output path: a shared base and what changed since, so publishing an edit
/// copies the few files it changed, not a map of the whole site.
#[derive(Debug, Default, Clone)]
struct Files {
    base: Arc<HashMap<Arc<str>, Arc<Vec<u8>>>>,
    /// Changed since `base`; `None` for a removed file.
    recent: HashMap<Arc<str>, Option<Arc<Vec<u8>>>>,
}

impl Files {
    fn get(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        match self.recent.get(path) {
            Some(changed) => changed.as_ref(),
            None => self.base.get(path),
        }
    }

    fn contains(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    fn insert(&mut self, path: Arc<str>, bytes: Vec<u8>) {
        self.recent.insert(path, Some(Arc::new(bytes)));
    }

    fn remove(&mut self, path: &str) {
        if self.base.contains_key(path) {
            self.recent.insert(Arc::from(path), None);
        } else {
            self.recent.remove(path);
        }
    }

    /// Folds the recent changes into the base once they are many: the base is copied
    /// (if a reader still holds it) once per that many changes, not on every edit.
    fn settle(&mut self) {
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

/// The state shared by the HTTP threads.
#[derive(Debug, Default)]
struct Shared {
    /// The last good site's files (`None` until the first successful build).
    site: Option<Arc<Files>>,
    /// Diagnostics of the last build, if it failed.
    errors: Option<Vec<Diagnostic>>,
    /// Bumped after every rebuild; live-reload connections wait on it.
    generation: u64,
    /// Site-wide files, rendered in the background after the pages.
    site_wide: Arc<Files>,
    /// Every warning of the last good rebuild, for the overlay's full list.
    warnings: Arc<Vec<Diagnostic>>,
    /// Old URL → the URL of the same story now (a title edit moved it).
    redirects: Arc<std::collections::BTreeMap<String, String>>,
    /// Stories not at the address they had when the preview started.
    moved: Arc<Vec<report::Moved>>,
}

struct State {
    shared: Mutex<Shared>,
    changed: Condvar,
    /// The site folder (absolute), for the CMS's local backend.
    root: PathBuf,
}

impl State {
    fn lock(&self) -> MutexGuard<'_, Shared> {
        // A panic in another thread cannot leave `Shared` half-updated (every update is
        // one assignment), so a poisoned lock is safe to keep using.
        self.shared
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Collects rendered files in memory.
#[derive(Default)]
struct MemorySink {
    files: Mutex<Vec<(String, Vec<u8>)>>,
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
}

/// Everything kept between rebuilds.
struct Session {
    opts: ServeOptions,
    base_url: String,
    loaded: Loaded,
    config: Config,
    tera: Option<Arc<tera::Tera>>,
    cache: validate::Cache,
    fingerprints: Fingerprints,
    snapshot: Snapshot,
    related: crate::engine::Related,
    /// The site of the last rebuild if it succeeded: an edit that leaves every list as it
    /// was is swapped into a copy of it (`validate::edited`).
    site: Option<Arc<taxonomy::Site>>,
    /// The problems last reported, so a rebuild prints only what changed.
    problems: report::Problems,
    /// Where each story lives, so a tab follows a story whose address moved.
    addresses: report::Addresses,
}

/// The outcome of one rebuild.
enum Rebuild {
    /// The pages are ready; site-wide files still to do.
    Ok(Ready),
    /// Content or template errors: keep the last good site.
    Failed(Vec<Diagnostic>),
}

/// A rebuild whose content passed.
struct Ready {
    site: Arc<taxonomy::Site>,
    warnings: Vec<Diagnostic>,
    /// The articles that changed, when nothing else did.
    edited: Option<Vec<usize>>,
    /// The sources checked again, when only they were (`warnings` is theirs).
    checked: Option<Vec<String>>,
}

impl Session {
    fn new(opts: ServeOptions, base_url: String) -> Result<Session> {
        let loaded = crate::load::site(&opts.root)?;
        Ok(Session {
            opts,
            base_url,
            loaded,
            config: Config::default(),
            tera: None,
            cache: validate::Cache::default(),
            fingerprints: Fingerprints::new(),
            snapshot: Snapshot::default(),
            related: crate::engine::Related::default(),
            site: None,
            problems: report::Problems::default(),
            addresses: report::Addresses::default(),
        })
    }

    /// Settings, templates or static files changed: start again from the disk.
    fn reload_all(&mut self) -> Result<()> {
        self.loaded = crate::load::site(&self.opts.root)?;
        self.cache = validate::Cache::default();
        self.fingerprints.clear();
        self.site = None;
        Ok(())
    }

    /// The last site with the articles at `paths` (site-relative) validated again and
    /// swapped in, if none of them changed anything but its own page and cards.
    fn edit_in_place(&self, paths: &[String]) -> Option<Rebuild> {
        let site = self.site.as_ref()?;
        let vopts = validate::Options {
            drafts: self.opts.drafts,
            max_year: validate::next_year(),
        };
        let mut new = taxonomy::Site::clone(site);
        let (mut edited, mut warnings, mut moved) = (Vec::new(), Vec::new(), false);
        for path in paths {
            let i = site.articles.iter().position(|a| a.source.0 == *path)?;
            let e = validate::edited(&self.loaded, site, i, &self.cache, vopts)?;
            new.articles[i] = Arc::new(e.article);
            edited.push(i);
            warnings.extend(e.diagnostics);
            moved |= e.moved;
        }
        if moved {
            // Sorted and grouped again; the stories' positions may have changed.
            let t = Instant::now();
            new = taxonomy::regroup(new.config, new.articles);
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
    fn prepare(&mut self, edited: Option<&[String]>) -> Rebuild {
        let t = Instant::now();
        if let Some(done) = edited.and_then(|paths| self.edit_in_place(paths)) {
            crate::log::stage("serve: edit in place", t);
            return done;
        }
        let mut diags: Vec<Diagnostic> = self.loaded.diagnostics.clone();
        self.config = match Config::parse(self.loaded.config_text.as_deref()) {
            Ok(c) => c,
            Err(d) => {
                diags.extend(d);
                Config::default()
            }
        };
        let _ = self.config.set_base_url(&self.base_url); // http://host:port/: valid
        if self.tera.is_none() || self.fingerprints.is_empty() {
            match render::templates(&self.loaded) {
                Ok(t) => self.tera = Some(Arc::new(t)),
                Err(e) => {
                    self.tera = None;
                    diags.push(template_diagnostic(&e));
                }
            }
        }
        let vopts = validate::Options {
            drafts: self.opts.drafts,
            max_year: validate::next_year(),
        };
        let (articles, d) =
            validate::articles(&self.loaded, &self.config, vopts, Some(&mut self.cache));
        diags.extend(d);
        crate::diagnostic::sort(&mut diags);
        if diags.iter().any(Diagnostic::is_error) || self.tera.is_none() {
            return Rebuild::Failed(diags);
        }
        Rebuild::Ok(Ready {
            site: {
                let t = Instant::now();
                let site = taxonomy::index(self.config.clone(), articles);
                crate::log::stage("index", t);
                Arc::new(site)
            },
            warnings: diags,
            edited: None,
            checked: None,
        })
    }

    /// Renders the jobs in `scope` that changed and folds them into the snapshot.
    fn render(
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
            &self.loaded,
            tera,
            &sink,
            &self.fingerprints,
            scope,
            Some(&related),
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
fn apply(
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
fn template_diagnostic(e: &Error) -> Diagnostic {
    match e {
        Error::Template { name, message } => Diagnostic::error("E030", name, 0, 0, message.clone())
            .help(crate::t!("preview-template-help")),
        other => Diagnostic::error("E030", "(build)", 0, 0, other.to_string()),
    }
}

/// Runs the server until the process is stopped. Returns an exit status.
pub fn run(mut opts: ServeOptions) -> Result<u8> {
    // Watch events carry absolute paths; the root must be absolute too to match them.
    opts.root = opts
        .root
        .canonicalize()
        .map_err(|e| Error::io(&opts.root, e))?;
    let listener = TcpListener::bind((opts.bind.as_str(), opts.port)).map_err(|e| {
        let addr = format!("{}:{}", opts.bind, opts.port);
        Error::Usage(crate::t!(
            "preview-cannot-listen",
            addr = addr,
            error = e.to_string()
        ))
    })?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io(&opts.root, e))?;
    if !addr.ip().is_loopback() {
        eprintln!("{}", crate::t!("preview-exposed", addr = addr.to_string()));
    }
    // Bound to every interface: show the loopback address (the host check accepts it).
    let shown = if addr.ip().is_unspecified() {
        SocketAddr::from(([127, 0, 0, 1], addr.port()))
    } else {
        addr
    };
    let base_url = format!("http://{shown}/");
    let state = Arc::new(State {
        shared: Mutex::new(Shared::default()),
        changed: Condvar::new(),
        root: opts.root.clone(),
    });

    let (background, work) = channel();
    let worker_state = Arc::clone(&state);
    spawn("kheo-site-wide", &opts.root, move || {
        site_wide_worker(work, worker_state);
    })?;
    let mut session = Session::new(opts.clone(), base_url.clone())?;
    rebuild(&mut session, &state, &background, None);
    let (_watcher, changes) = watch::start(&opts.root, opts.poll)?;
    let root = opts.root.display().to_string();
    let shown_root = crate::diagnostic::printable(&root);
    println!(
        "{}",
        crate::t!(
            "preview-serving",
            root = shown_root.as_ref(),
            url = &base_url
        )
    );
    let _ = std::io::stdout().flush();

    let hosts = host::Hosts::new(&opts.bind, addr);
    let server_state = Arc::clone(&state);
    spawn("kheo-accept", &opts.root, move || {
        http::serve(listener, server_state, hosts);
    })?;

    while let Ok(change) = changes.recv() {
        // Fold changes that arrived while we were busy into this rebuild.
        let mut change = change;
        while let Ok(more) = changes.try_recv() {
            change = merge(change, more);
        }
        rebuild(&mut session, &state, &background, Some(change));
    }
    Ok(0)
}

/// Starts a named thread; failing to is a system error, not a panic.
fn spawn(name: &str, root: &std::path::Path, f: impl FnOnce() + Send + 'static) -> Result<()> {
    std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(f)
        .map(drop)
        .map_err(|e| Error::io(root, e))
}

fn merge(a: Change, b: Change) -> Change {
    match (a, b) {
        (Change::Content(mut x), Change::Content(y)) => {
            x.extend(y);
            x.sort();
            x.dedup();
            Change::Content(x)
        }
        _ => Change::Full,
    }
}

/// One rebuild: pages first (then reload the tabs), site-wide files after.
fn rebuild(
    session: &mut Session,
    state: &State,
    background: &Sender<SiteWide>,
    change: Option<Change>,
) {
    let start = Instant::now();
    let root = session.opts.root.clone();
    // Editors save through files that are gone again by now (the temporary file of
    // `sed -i`, vim's `4913`): never part of the site, they change nothing, and must
    // not turn an article's edit into a change of unknown reach.
    let change = match change {
        Some(Change::Content(paths)) => {
            let paths: Vec<PathBuf> = paths
                .into_iter()
                .filter(|p| p.exists() || session.loaded.has(&relative(&root, p)))
                .collect();
            if paths.is_empty() {
                return;
            }
            Some(Change::Content(paths))
        }
        other => other,
    };
    let mut edited: Option<Vec<String>> = None;
    let loaded = match &change {
        Some(Change::Content(paths)) => {
            if paths
                .iter()
                .all(|p| p.extension().is_some_and(|e| e == "md"))
            {
                edited = Some(paths.iter().map(|p| relative(&root, p)).collect());
            }
            // A file that is not an article (an image) changes the checks of the
            // articles beside it.
            for p in paths
                .iter()
                .filter(|p| p.extension().is_none_or(|e| e != "md"))
            {
                if let Some(dir) = p.parent() {
                    session.cache.forget_folder(&relative(&root, dir));
                }
            }
            session.loaded.refresh(paths)
        }
        Some(Change::Full) => session.reload_all(),
        None => Ok(()),
    };
    crate::log::stage("serve: refresh", start);
    let outcome = match loaded {
        Ok(()) => session.prepare(edited.as_deref()),
        Err(e) => Rebuild::Failed(vec![Diagnostic::error(
            "E031",
            "(disk)",
            0,
            0,
            e.to_string(),
        )]),
    };
    match outcome {
        Rebuild::Failed(diags) => failed(session, state, diags),
        Rebuild::Ok(ready) => succeeded(session, state, background, start, ready),
    }
}

/// A good rebuild: render the pages, publish them, print what changed, and queue the
/// site-wide files.
fn succeeded(
    session: &mut Session,
    state: &State,
    background: &Sender<SiteWide>,
    start: Instant,
    ready: Ready,
) {
    let Ready {
        site,
        warnings,
        edited,
        checked,
    } = ready;
    let delta = session.problems.update(&warnings, checked.as_deref());
    let pages = match session.render(&site, Scope::Pages, edited.as_deref()) {
        Ok(n) => n,
        Err(e) => {
            session.site = None;
            let d = template_diagnostic(&e);
            eprint!("{}", d.render());
            let mut s = state.lock();
            s.errors = Some(vec![d]);
            s.generation += 1;
            state.changed.notify_all();
            return;
        }
    };
    let moves = session
        .addresses
        .update(&site, checked.as_deref(), &session.loaded);
    publish(session, state);
    session.site = Some(Arc::clone(&site));
    let ms = start.elapsed().as_millis() as u64;
    eprint!("{}", report::terminal(&delta, &session.problems));
    for m in &moves {
        eprintln!("{}", crate::diagnostic::printable(&m.notice));
    }
    eprintln!(
        "{}",
        crate::t!(
            "preview-rebuilt",
            pages = pages,
            ms = ms,
            models = site.listed.len()
        )
    );
    if let Some(tera) = &session.tera {
        let _ = background.send(SiteWide {
            site: Arc::clone(&site),
            loaded: session.loaded.shell(),
            tera: Arc::clone(tera),
        });
    }
}

/// A rebuild with errors: keep the last good site, say what is new, show the overlay.
fn failed(session: &mut Session, state: &State, diags: Vec<Diagnostic>) {
    session.site = None;
    let delta = session.problems.update(&diags, None);
    eprintln!("{}", crate::t!("preview-failed"));
    eprint!("{}", report::terminal(&delta, &session.problems));
    let mut s = state.lock();
    s.errors = Some(session.problems.all());
    s.generation += 1;
    state.changed.notify_all();
}

/// Swaps in the new snapshot and tells open tabs to reload.
fn publish(session: &Session, state: &State) {
    let t = Instant::now();
    let snap = Arc::new(session.snapshot.files.clone());
    crate::log::stage("serve: snapshot", t);
    let warnings = Arc::new(session.problems.all());
    let redirects = Arc::new(session.addresses.redirects());
    let moved = Arc::new(session.addresses.moved());
    let mut s = state.lock();
    s.site = Some(snap);
    s.errors = None;
    s.warnings = warnings;
    s.redirects = redirects;
    s.moved = moved;
    s.generation += 1;
    state.changed.notify_all();
}

/// Work for the background thread: the site-wide files of one rebuild.
struct SiteWide {
    site: Arc<taxonomy::Site>,
    loaded: Loaded,
    tera: Arc<tera::Tera>,
}

/// Renders site-wide files (search index, data, sitemap, JSON feed) off the edit path,
/// always for the newest rebuild only, and publishes them without a reload.
fn site_wide_worker(rx: Receiver<SiteWide>, state: Arc<State>) {
    let mut snapshot = Snapshot::default();
    let mut prints = Fingerprints::new();
    // One thread of its own, so the edit path keeps the machine's other cores.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().ok();
    let mut settings = None;
    while let Ok(mut work) = rx.recv() {
        while let Ok(newer) = rx.try_recv() {
            work = newer;
        }
        let start = Instant::now();
        // Settings, templates or theme files changed: every site-wide file is made again
        // (their fingerprints cover the stories only).
        let key = engine::state::key(&work.loaded, &[]);
        if settings.replace(key) != Some(key) {
            prints.clear();
        }
        let sink = MemorySink::default();
        let run = || {
            engine::render(
                &work.site,
                &work.loaded,
                &work.tera,
                &sink,
                &prints,
                Scope::SiteWide,
                None,
            )
        };
        let result = match &pool {
            Some(p) => p.install(run),
            None => run(),
        };
        match result {
            Ok((_, outputs)) => {
                let files = sink
                    .files
                    .into_inner()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                apply(&mut snapshot, &mut prints, outputs, files);
                state.lock().site_wide = Arc::new(snapshot.files.clone());
                let ms = start.elapsed().as_millis() as u64;
                eprintln!("{}", crate::t!("preview-site-wide-ready", ms = ms));
            }
            Err(e) => eprintln!(
                "{}",
                crate::t!("preview-site-wide-failed", error = e.to_string())
            ),
        }
    }
}
