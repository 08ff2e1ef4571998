//! What validation made of each file, remembered between the rebuilds of `kheo serve`
//! (`validate::Memo`), and the fast path for an edit to a few files: each validated
//! alone and swapped into the last site when no other story's checks read what changed.

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::markdown::Rendered;
use crate::taxonomy::Site;
use crate::validate::{self, Memo, Parsed};

/// Per-file results by site-relative path, each with the content hash it was made from
/// (a body also with the signature of its link targets). Valid for one `Config`: make a
/// new one when settings or templates change.
#[derive(Debug, Default)]
pub struct Files {
    fronts: HashMap<String, (u64, Result<Parsed, Vec<Diagnostic>>)>,
    bodies: HashMap<String, (u64, u64, Rendered)>,
}

impl Memo for Files {
    fn front(&self, path: &str, hash: u64) -> Option<&Result<Parsed, Vec<Diagnostic>>> {
        self.fronts
            .get(path)
            .filter(|(h, _)| *h == hash)
            .map(|(_, f)| f)
    }

    fn body(&self, path: &str, hash: u64) -> Option<(u64, &Rendered)> {
        self.bodies
            .get(path)
            .filter(|(h, _, _)| *h == hash)
            .map(|(_, sig, r)| (*sig, r))
    }

    fn keep_front(&mut self, path: &str, hash: u64, front: Result<Parsed, Vec<Diagnostic>>) {
        self.fronts.insert(path.to_owned(), (hash, front));
    }

    fn keep_body(&mut self, path: &str, hash: u64, signature: u64, body: Rendered) {
        self.bodies.insert(path.to_owned(), (hash, signature, body));
    }

    fn retain(&mut self, keep: &dyn Fn(&str) -> bool) {
        self.fronts.retain(|p, _| keep(p));
        self.bodies.retain(|p, _| keep(p));
    }
}

impl Files {
    /// Forgets what was checked for the articles in `dir` (a site-relative folder): an
    /// image added or removed there changes their diagnostics though their text did not.
    pub fn forget_folder(&mut self, dir: &str) {
        let inside = |p: &str| p.strip_prefix(dir).is_some_and(|r| r.starts_with('/'));
        self.retain(&|p| !inside(p));
    }
}

/// One edited article validated alone by `edited`.
pub struct Edited {
    /// The new article, at the same address.
    pub article: crate::article::Article,
    /// Its warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// True if it left or joined a list (another year, province, field, date or tags):
    /// the site must be regrouped.
    pub moved: bool,
}

/// Validates the article at `site.articles[index]` again, alone, from its source in
/// `loaded`: the article to put in its place. `None` when the edit has a problem, or
/// changes anything that other stories' checks read (slug, aliases, draft, withdrawn):
/// then every article is validated. `files` must be what the last successful
/// validation of the whole site kept.
pub fn edited(
    loaded: &Loaded,
    site: &Site,
    index: usize,
    files: &Files,
    opts: validate::Options,
) -> Option<Edited> {
    let before = site.articles.get(index)?;
    let path = before.source.0.as_str();
    let source = loaded.content.sources.iter().find(|s| s.path.0 == path)?;
    let Some(Ok(old)) = files.fronts.get(path).map(|(_, f)| f) else {
        return None;
    };
    let new = validate::alone(loaded, &site.config, &site.articles, source, opts)?;
    // What makes the story a page of the site at its address (its slug, written or made
    // from the title): a change to any of it reaches other stories' checks.
    let identity =
        |a: &crate::article::Article| (a.draft, a.withdrawn.is_some(), a.aliases.clone());
    if identity(&new.article) != identity(before)
        || (new.article.slug.as_str(), new.explicit_slug) != old.slug()
    {
        return None;
    }
    // Where it is listed: a change moves it between lists (the site is regrouped).
    let place = |a: &crate::article::Article| (a.province, a.field, a.year, a.date, a.tags.clone());
    let moved = place(&new.article) != place(before);
    Some(Edited {
        article: new.article,
        diagnostics: new.diagnostics,
        moved,
    })
}
