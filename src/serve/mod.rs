//! `kheo serve`: the build pipeline with its output kept in memory (never written to
//! `public/`), a small HTTP server on 127.0.0.1, and live reload. Edits to articles
//! re-render only the pages whose inputs changed (job fingerprints, see `render`);
//! site-wide files (search index, data, sitemap) follow in the background. A failed
//! rebuild keeps the last good site and shows the diagnostics in an overlay.

use std::io::Write;
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Instant;

use crate::diagnostic::Diagnostic;
use crate::engine::{self, Fingerprints, Scope};
use crate::error::{Error, Result};
use crate::load::{Loaded, relative};
use crate::taxonomy;
use crate::watch::{self, Change};

mod cms;
mod host;
mod http;
mod report;
mod session;

use session::{Files, MemorySink, Ready, Rebuild, Session, Snapshot, apply, template_diagnostic};

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
                .filter(|p| p.exists() || engine::reload::has(&session.loaded, &relative(&root, p)))
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
            engine::reload::refresh(&mut session.loaded, paths)
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
            loaded: engine::reload::shell(&session.loaded),
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
    let mut search = None;
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
            search = None;
        }
        // The search index is patched from the last one served, like a build's.
        let sink = MemorySink {
            last: search.is_some().then(|| snapshot.files.clone()),
            ..MemorySink::default()
        };
        let mut run = || {
            engine::render(
                &work.site,
                &crate::render::Look::of(&work.loaded, &work.tera),
                &sink,
                &prints,
                Scope::SiteWide,
                None,
                &mut search,
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
            Err(e) => {
                // The memo may be of an index that was not kept.
                search = None;
                eprintln!(
                    "{}",
                    crate::t!("preview-site-wide-failed", error = e.to_string())
                );
            }
        }
    }
}
