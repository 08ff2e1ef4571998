//! The incremental load of `kheo serve`: what changed under `content/` is read again and
//! the rest of the last `Loaded` kept (the stage itself, `load::site`, reads everything).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::load::{Loaded, content_under, is_ignored, measure, relative, through_symlink};
use crate::output::Blob;

/// A copy without the articles: settings, templates, strings and static files,
/// all that rendering the site-wide files needs. Cheap to make.
pub fn shell(loaded: &Loaded) -> Loaded {
    Loaded {
        root: loaded.root.clone(),
        config_text: loaded.config_text.clone(),
        content: crate::load::Content::default(),
        theme: loaded.theme.clone(),
        image_sizes: loaded.image_sizes.clone(),
        diagnostics: Vec::new(),
    }
}

/// True if the site-relative path `rel` is, or is a folder holding, a file the site
/// has read: an article, a file beside one, or a file that got a diagnostic.
pub fn has(loaded: &Loaded, rel: &str) -> bool {
    let inside = |p: &str| p == rel || p.strip_prefix(rel).is_some_and(|r| r.starts_with('/'));
    loaded.content.sources.iter().any(|s| inside(&s.path.0))
        || loaded.content.files.keys().any(|p| inside(p))
        || loaded.diagnostics.iter().any(|d| inside(&d.path))
}

/// Re-reads what changed under `content/` (files or folders, created, edited or
/// removed), leaving the rest as it was: the incremental load of `kheo serve`.
pub fn refresh(loaded: &mut Loaded, changed: &[PathBuf]) -> Result<()> {
    let root = loaded.root.clone();
    for path in changed {
        let rel = relative(&root, path);
        if !rel.starts_with("content/") || rel.split('/').any(is_ignored) {
            continue;
        }
        // A link on the way is the watcher's to turn into a full reload, which
        // applies the build's rules; read nothing through it here.
        if through_symlink(&root, path) {
            continue;
        }
        let inside = |p: &str| p == rel || p.strip_prefix(&rel).is_some_and(|r| r.starts_with('/'));
        loaded.content.sources.retain(|s| !inside(&s.path.0));
        loaded.content.files.retain(|p, _| !inside(p));
        loaded.image_sizes.retain(|p, _| !inside(p));
        loaded.diagnostics.retain(|d| !inside(&d.path));
        if path.exists() {
            let (sources, files, diags) = match content_under(&root, path, false) {
                Ok(c) => c,
                // Gone again between the event and the read: nothing to add.
                Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
                    continue;
                }
                Err(e) => return Err(e),
            };
            loaded.content.sources.extend(sources);
            measure(
                &mut loaded.image_sizes,
                files
                    .iter()
                    .map(|(k, p)| (k.clone(), Blob::Disk(p.clone()))),
            );
            loaded.content.files.extend(files);
            loaded.diagnostics.extend(diags);
        }
    }
    loaded.content.sources.sort_by(|a, b| a.path.cmp(&b.path));
    loaded.content.sources.dedup_by(|a, b| a.path == b.path);
    Ok(())
}
