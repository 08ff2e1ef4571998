//! Related stories, remembered between the rebuilds of `kheo serve`: the stage
//! (`related::related`) recomputes everything; this memo recomputes only when something
//! it reads changed.

use crate::taxonomy::Site;

/// `related`, remembered between the rebuilds of `kheo serve`: recomputed only when
/// something it reads changed (the order of the stories, or any story's field, unit,
/// running unit, tags, title or listing), so an edit to a summary or a body, the usual
/// edit, costs a comparison instead of the whole computation.
#[derive(Debug, Default)]
pub struct Related {
    inputs: Vec<Input>,
    related: std::sync::Arc<Vec<Vec<usize>>>,
}

/// Everything `related` reads of one story.
type Input = (usize, usize, Option<String>, Vec<String>, String, bool);

impl Related {
    /// The related stories of every article of `site`, as `related` would give them.
    pub fn get(&mut self, site: &Site) -> std::sync::Arc<Vec<Vec<usize>>> {
        let inputs: Vec<Input> = site.articles.iter().map(|a| input(a)).collect();
        if inputs != self.inputs || self.related.len() != site.articles.len() {
            self.related = std::sync::Arc::new(crate::related::related(site));
            self.inputs = inputs;
        }
        std::sync::Arc::clone(&self.related)
    }

    /// `get` for a site that differs from the last one asked for only in the articles
    /// at `changed` (same stories, same order): compares only their inputs.
    pub fn get_edited(
        &mut self,
        site: &Site,
        changed: &[usize],
    ) -> std::sync::Arc<Vec<Vec<usize>>> {
        let same = self.inputs.len() == site.articles.len()
            && changed
                .iter()
                .all(|&i| self.inputs.get(i) == Some(&input(&site.articles[i])));
        if same {
            return std::sync::Arc::clone(&self.related);
        }
        self.get(site)
    }
}

/// A hash of everything `related` reads of every story, in order, with each story's
/// address (so a stored list's positions name the same stories): `kheo build` keeps the
/// related stories in its state under it.
pub fn related_inputs(site: &Site) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    for a in &site.articles {
        (input(a), &a.url, a.recency()).hash(&mut h);
    }
    h.finish()
}

/// What `related` reads of one story.
fn input(a: &crate::article::Article) -> Input {
    (
        a.field,
        a.province.unit,
        a.unit.clone(),
        a.tag_slugs.clone(),
        a.title.clone(),
        a.is_listed(),
    )
}
