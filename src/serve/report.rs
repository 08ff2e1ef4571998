//! What a rebuild tells the editor: only the problems that are new since the last
//! rebuild, one line for those fixed, and a one-line total (the full list stays in the
//! browser overlay); and the stories whose address moved during the session, with the
//! exact line that keeps the old one. Bookkeeping over diagnostics and URLs only: it
//! prints nothing and reads no disk.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::taxonomy::Site;

/// The problems of the last rebuild, by file.
#[derive(Debug, Default)]
pub(super) struct Problems {
    by_path: BTreeMap<String, Vec<Diagnostic>>,
}

/// How the problems changed in one rebuild.
#[derive(Debug, Default)]
pub(super) struct Delta {
    /// Problems not there before, in print order.
    pub(super) new: Vec<Diagnostic>,
    /// Errors gone since the last rebuild.
    pub(super) fixed_errors: usize,
    /// Warnings gone since the last rebuild.
    pub(super) fixed_warnings: usize,
}

/// The same problem as before: same file, kind, code and message (its line may have
/// moved with an edit above it).
fn same(a: &Diagnostic, b: &Diagnostic) -> bool {
    a.severity == b.severity && a.code == b.code && a.message == b.message
}

impl Problems {
    /// Takes `diags` as the problems of every file (`only` is `None`) or of the files
    /// at `only` (an edit in place checked just those), and says what changed.
    pub(super) fn update(&mut self, diags: &[Diagnostic], only: Option<&[String]>) -> Delta {
        let mut fresh: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
        for d in diags {
            fresh.entry(d.path.clone()).or_default().push(d.clone());
        }
        let old = match only {
            None => std::mem::take(&mut self.by_path),
            Some(paths) => {
                let mut old = BTreeMap::new();
                for p in paths {
                    if let Some(v) = self.by_path.remove(p) {
                        old.insert(p.clone(), v);
                    }
                }
                // Diagnostics of other files an edit reports replace theirs too.
                for p in fresh.keys() {
                    if let Some(v) = self.by_path.remove(p) {
                        old.insert(p.clone(), v);
                    }
                }
                old
            }
        };
        // A file with errors now was not checked to the end: its earlier warnings are
        // not fixed, only unseen; keep them.
        for (path, before) in &old {
            let Some(now) = fresh.get_mut(path) else {
                continue;
            };
            if !now.iter().any(Diagnostic::is_error) {
                continue;
            }
            for w in before.iter().filter(|w| !w.is_error()) {
                if !now.iter().any(|d| same(d, w)) {
                    now.push(w.clone());
                }
            }
        }
        let mut delta = Delta::default();
        let mut gone: Vec<Diagnostic> = old.into_values().flatten().collect();
        for d in fresh.values().flatten() {
            match gone.iter().position(|g| g.path == d.path && same(g, d)) {
                Some(i) => {
                    gone.swap_remove(i);
                }
                None => delta.new.push(d.clone()),
            }
        }
        delta.fixed_errors = gone.iter().filter(|d| d.is_error()).count();
        delta.fixed_warnings = gone.len() - delta.fixed_errors;
        self.by_path.extend(fresh);
        delta
    }

    /// Every problem now, sorted.
    pub(super) fn all(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self.by_path.values().flatten().cloned().collect();
        crate::diagnostic::sort(&mut all);
        all
    }

    /// Errors and warnings now.
    pub(super) fn counts(&self) -> (usize, usize) {
        let errors = self.by_path.values().flatten().filter(|d| d.is_error());
        let errors = errors.count();
        let total: usize = self.by_path.values().map(Vec::len).sum();
        (errors, total - errors)
    }
}

/// What the terminal shows after a rebuild: the new problems in full, a line for the
/// fixed ones, and the total.
pub(super) fn terminal(delta: &Delta, problems: &Problems) -> String {
    let mut out = String::new();
    for d in &delta.new {
        out.push_str(&d.render());
    }
    let mut fixed = Vec::new();
    if delta.fixed_errors > 0 {
        fixed.push(crate::t!("preview-fixed-errors", n = delta.fixed_errors));
    }
    if delta.fixed_warnings > 0 {
        fixed.push(crate::t!(
            "preview-fixed-warnings",
            n = delta.fixed_warnings
        ));
    }
    if !fixed.is_empty() {
        out.push_str(&format!("✓ {}\n", fixed.join(", ")));
    }
    let (errors, warnings) = problems.counts();
    let total = if errors + warnings == 0 {
        crate::t!("preview-total-clean")
    } else {
        crate::t!("preview-total", errors = errors, warnings = warnings)
    };
    out.push_str(&total);
    out.push('\n');
    out
}

/// A story whose address differs from the one it had when the preview started.
#[derive(Debug, Clone, Serialize)]
pub(super) struct Moved {
    /// The address it had (the one published, if it was).
    pub(super) from: String,
    /// Its address now.
    pub(super) to: String,
    /// What to tell the editor, with the line that keeps the old address.
    pub(super) notice: String,
}

/// Where each story lives, first and now, and where its old addresses lead.
#[derive(Debug, Default)]
pub(super) struct Addresses {
    /// Source path → (URL, slug) when first seen in this session.
    first: HashMap<String, (String, String)>,
    /// Source path → URL now.
    now: HashMap<String, String>,
    /// Old URL → the URL of the same story now, for open tabs.
    redirects: BTreeMap<String, String>,
    /// Source path → its move, for stories not at their first address.
    moved: BTreeMap<String, Moved>,
}

impl Addresses {
    /// Records the address of every story of `site` (or of those at `only`); returns
    /// the moves this rebuild made, to print.
    pub(super) fn update(
        &mut self,
        site: &Site,
        only: Option<&[String]>,
        loaded: &Loaded,
    ) -> Vec<Moved> {
        if only.is_none() {
            let live: std::collections::HashSet<&str> =
                site.articles.iter().map(|a| a.source.0.as_str()).collect();
            self.now.retain(|s, _| live.contains(s.as_str()));
            self.moved.retain(|s, _| live.contains(s.as_str()));
        }
        let mut made = Vec::new();
        for a in &site.articles {
            let src = a.source.0.as_str();
            if only.is_some_and(|paths| !paths.iter().any(|p| p == src)) {
                continue;
            }
            // Most stories keep their address: no allocation for them.
            match self.now.get(src) {
                Some(url) if *url == a.url => continue,
                None if !self.first.contains_key(src) => {
                    self.first
                        .insert(src.to_owned(), (a.url.clone(), a.slug.clone()));
                    self.now.insert(src.to_owned(), a.url.clone());
                    continue;
                }
                _ => {}
            }
            if let Some(old) = self.now.insert(src.to_owned(), a.url.clone()) {
                self.redirect(&old, &a.url);
            }
            if let Some(m) = self.move_of(src, &a.url, loaded) {
                made.push(m);
            }
        }
        made
    }

    /// Records where the story at `src` is now (`url`); its move, if it is new.
    fn move_of(&mut self, src: &str, url: &str, loaded: &Loaded) -> Option<Moved> {
        let (first_url, first_slug) = self.first.get(src)?;
        if url == first_url {
            self.moved.remove(src);
            return None;
        }
        let pinned = loaded
            .content
            .sources
            .binary_search_by(|s| s.path.0.as_str().cmp(src))
            .ok()
            .is_some_and(|i| pins_slug(&loaded.content.sources[i].text));
        let m = Moved {
            notice: notice(src, first_url, url, first_slug, pinned),
            from: first_url.clone(),
            to: url.to_owned(),
        };
        let new = self.moved.get(src).is_none_or(|o| o.to != m.to);
        self.moved.insert(src.to_owned(), m.clone());
        new.then_some(m)
    }

    /// Old URLs lead to `new`, and `new` itself is live again.
    fn redirect(&mut self, old: &str, new: &str) {
        for to in self.redirects.values_mut() {
            if to == old {
                *to = new.to_owned();
            }
        }
        self.redirects.insert(old.to_owned(), new.to_owned());
        self.redirects.remove(new);
        self.redirects.retain(|from, to| from != to);
    }

    /// Old URL → URL now.
    pub(super) fn redirects(&self) -> BTreeMap<String, String> {
        self.redirects.clone()
    }

    /// The stories not at their first address.
    pub(super) fn moved(&self) -> Vec<Moved> {
        self.moved.values().cloned().collect()
    }
}

/// Whether a source's front matter sets `slug:` itself.
fn pins_slug(text: &str) -> bool {
    let mut lines = text.lines();
    if lines.next().map(str::trim_end) != Some("---") {
        return false;
    }
    lines
        .take_while(|l| l.trim_end() != "---")
        .any(|l| l.starts_with("slug:"))
}

/// The editor's notice for a story that moved from `from` to `to`.
fn notice(src: &str, from: &str, to: &str, slug: &str, pinned: bool) -> String {
    let moved = crate::t!("preview-moved", path = src, from = from, to = to);
    let keep = if pinned {
        crate::t!("preview-moved-keep-pinned", slug = slug)
    } else {
        crate::t!("preview-moved-keep", slug = slug)
    };
    format!("{moved} {keep}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warn(path: &str, line: usize, msg: &str) -> Diagnostic {
        Diagnostic::warning("W001", path, line, 1, msg)
    }

    #[test]
    fn only_new_problems_are_reported_and_fixed_ones_counted() {
        let mut p = Problems::default();
        let first = [warn("a.md", 3, "x"), warn("b.md", 4, "y")];
        assert_eq!(p.update(&first, None).new.len(), 2);
        // The same warnings, one moved down a line by an edit above it: nothing new.
        let again = [warn("a.md", 4, "x"), warn("b.md", 4, "y")];
        let d = p.update(&again, None);
        assert!(d.new.is_empty() && d.fixed_warnings == 0);
        // An edit of a.md fixes its warning; b.md is untouched.
        let d = p.update(&[], Some(&["a.md".to_owned()]));
        assert!(d.new.is_empty());
        assert_eq!((d.fixed_errors, d.fixed_warnings), (0, 1));
        assert_eq!(p.counts(), (0, 1));
        // An edit of b.md that stops at an error: its warning is unseen, not fixed.
        let err = Diagnostic::error("E003", "b.md", 6, 1, "bad year");
        let d = p.update(std::slice::from_ref(&err), Some(&["b.md".to_owned()]));
        assert_eq!(d.new, vec![err.clone()]);
        assert_eq!((d.fixed_errors, d.fixed_warnings), (0, 0));
        assert_eq!(p.counts(), (1, 1));
        // The fix: one error fixed, the warning seen again is not new.
        let d = p.update(&[warn("b.md", 4, "y")], Some(&["b.md".to_owned()]));
        assert!(d.new.is_empty(), "{d:?}");
        assert_eq!((d.fixed_errors, d.fixed_warnings), (1, 0));
        assert_eq!(p.all(), vec![warn("b.md", 4, "y")]);
    }

    #[test]
    fn chains_of_moves_lead_to_the_last_address_and_a_return_ends_them() {
        let mut a = Addresses::default();
        a.redirect("/a/", "/b/");
        a.redirect("/b/", "/c/");
        let want: BTreeMap<String, String> = [("/a/", "/c/"), ("/b/", "/c/")]
            .map(|(x, y)| (x.to_owned(), y.to_owned()))
            .into();
        assert_eq!(a.redirects(), want);
        a.redirect("/c/", "/a/");
        let want: BTreeMap<String, String> = [("/b/", "/a/"), ("/c/", "/a/")]
            .map(|(x, y)| (x.to_owned(), y.to_owned()))
            .into();
        assert_eq!(a.redirects(), want);
    }

    #[test]
    fn a_slug_line_in_the_front_matter_pins_the_address() {
        assert!(pins_slug("---\ntitle: A\nslug: a\n---\n"));
        assert!(!pins_slug("---\ntitle: A\n---\nslug: in the body\n"));
        assert!(!pins_slug("title: A\nslug: a\n"));
    }
}
