//! File watching for `kheo serve`: native events (or polling, `--poll`) on `content/`,
//! `themes/`, `templates/`, `static/` and `site.yaml`, debounced so a burst of saves
//! is one rebuild, with editors' temporary files ignored. Yields `Change`s: which
//! articles changed, or that everything must be rebuilt.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

use crate::error::{Error, Result};
use crate::load::{is_ignored, through_symlink};

/// What a batch of file events means for the build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Only files under `content/` changed: rebuild what depends on them.
    Content(Vec<PathBuf>),
    /// Settings, templates or static files changed: rebuild everything.
    Full,
}

/// A running watcher; dropping it stops watching.
pub struct Handle {
    _watcher: Arc<Mutex<Box<dyn Watcher + Send>>>,
}

/// The folders of a site that are watched (recursively), where they exist.
const WATCHED: [&str; 4] = ["content", "themes", "templates", "static"];

/// How long to wait after the last event before rebuilding.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// Starts watching the site at `root`; changes arrive on the returned channel.
///
/// The debouncer is ours rather than `notify-debouncer-mini` because that one drops
/// event kinds: the build opening files for reading would then trigger a rebuild,
/// forever. Here access events are ignored and a burst of writes becomes one `Change`.
pub fn start(root: &Path, poll: bool) -> Result<(Handle, Receiver<Change>)> {
    // Events name absolute paths: a relative root (the default ".") must be made
    // absolute the same way, or no event would ever fall inside it.
    let root = &root.canonicalize().map_err(|e| Error::io(root, e))?;
    let (raw_tx, raw_rx) = channel::<PathBuf>();
    let handler = move |res: notify::Result<notify::Event>| {
        if let Ok(event) = res {
            if matches!(event.kind, EventKind::Access(_)) {
                return;
            }
            for p in event.paths {
                let _ = raw_tx.send(p);
            }
        }
    };
    let err = |e: notify::Error| Error::io(root, std::io::Error::other(e.to_string()));
    let config = notify::Config::default().with_poll_interval(Duration::from_millis(250));
    let mut watcher: Box<dyn Watcher + Send> = if poll {
        Box::new(PollWatcher::new(handler, config).map_err(err)?)
    } else {
        Box::new(RecommendedWatcher::new(handler, config).map_err(err)?)
    };
    for name in WATCHED {
        watch_folder(watcher.as_mut(), root, name).map_err(err)?;
    }
    // site.yaml may not exist yet; watching the root non-recursively sees it appear,
    // and the watched folders too (then watched from that moment on).
    watcher
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(err)?;
    let watcher = Arc::new(Mutex::new(watcher));
    let weak = Arc::downgrade(&watcher);

    let (tx, rx) = channel();
    let root = root.to_path_buf();
    std::thread::spawn(move || {
        while let Ok(first) = raw_rx.recv() {
            let mut batch = vec![first];
            loop {
                match raw_rx.recv_timeout(DEBOUNCE) {
                    Ok(p) => batch.push(p),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            // A watched folder made since the start (a first `static/`): watch it now,
            // or the edits made inside it later would never be seen.
            for name in WATCHED {
                if batch.iter().any(|p| *p == root.join(name))
                    && let Some(w) = weak.upgrade()
                    && let Ok(mut w) = w.lock()
                {
                    let _ = watch_folder(w.as_mut(), &root, name);
                }
            }
            if let Some(change) = classify(&root, &batch)
                && tx.send(change).is_err()
            {
                return;
            }
        }
    });
    Ok((Handle { _watcher: watcher }, rx))
}

/// Watches `root/name` recursively if it is a folder inside the site (a folder that
/// links out of the site is not read, E007: nothing to watch).
fn watch_folder(watcher: &mut dyn Watcher, root: &Path, name: &str) -> notify::Result<()> {
    let dir = root.join(name);
    let inside = dir.canonicalize().is_ok_and(|real| real.starts_with(root));
    if inside && dir.is_dir() {
        watcher.watch(&dir, RecursiveMode::Recursive)?;
    }
    Ok(())
}

/// Sorts event paths into a `Change`, or `None` if nothing relevant changed.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Option<Change> {
    let mut content = Vec::new();
    let mut full = false;
    for p in paths {
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.iter().any(|c| is_ignored(c)) {
            continue;
        }
        match parts.first().map(String::as_str) {
            // A build skips symlinks below `content/` and follows `content/` itself only
            // into the site, but reading one changed path through a link could leave
            // it: let a full reload apply the build's rules.
            Some("content") if parts.len() > 1 && through_symlink(root, p) => full = true,
            Some("content") if parts.len() > 1 => content.push(p.clone()),
            Some("themes" | "templates" | "static") => full = true,
            Some("site.yaml") if parts.len() == 1 => full = true,
            _ => {}
        }
    }
    if full {
        Some(Change::Full)
    } else if content.is_empty() {
        None
    } else {
        content.sort();
        content.dedup();
        Some(Change::Content(content))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_events() {
        let root = Path::new("/site");
        let p = |s: &str| root.join(s);
        assert_eq!(
            classify(root, &[p("content/a/x.md")]),
            Some(Change::Content(vec![p("content/a/x.md")]))
        );
        assert_eq!(
            classify(root, &[p("content/a/.x.md.swp"), p("content/a/x.md~")]),
            None
        );
        assert_eq!(
            classify(root, &[p("content/a/x.md"), p("templates/article.html")]),
            Some(Change::Full)
        );
        assert_eq!(classify(root, &[p("site.yaml")]), Some(Change::Full));
        assert_eq!(
            classify(root, &[p("public/index.html"), p("target/x")]),
            None
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_change_through_a_symlink_rebuilds_everything() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/a")).expect("mkdir");
        std::os::unix::fs::symlink("/etc", root.join("content/a/ngoai")).expect("symlink");
        std::os::unix::fs::symlink("/etc/hostname", root.join("content/a/x.md")).expect("symlink");
        let p = |s: &str| root.join(s);
        assert_eq!(classify(root, &[p("content/a/x.md")]), Some(Change::Full));
        assert_eq!(
            classify(root, &[p("content/a/ngoai/y.md")]),
            Some(Change::Full)
        );
        assert_eq!(
            classify(root, &[p("content/a/z.md")]),
            Some(Change::Content(vec![p("content/a/z.md")]))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_change_inside_a_linked_content_folder_rebuilds_everything() {
        let outside = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(outside.path().join("a")).expect("mkdir");
        std::fs::write(outside.path().join("a/x.md"), "TOPSECRET").expect("write");
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        std::os::unix::fs::symlink(outside.path(), root.join("content")).expect("symlink");
        let changed = root.join("content/a/x.md");
        assert_eq!(
            classify(root, std::slice::from_ref(&changed)),
            Some(Change::Full)
        );
        // And the incremental load, should it be asked anyway, reads nothing through it.
        let mut loaded = crate::load::site(root).expect("load");
        assert!(
            loaded
                .diagnostics
                .iter()
                .any(|d| d.code == "E007" && d.path == "content")
        );
        crate::engine::reload::refresh(&mut loaded, &[changed]).expect("refresh");
        assert!(loaded.content.sources.is_empty() && loaded.content.files.is_empty());
    }
}
