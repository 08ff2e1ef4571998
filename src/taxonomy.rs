//! Stage 4, index: sorts the articles (newest first) and groups the listed ones by
//! province (current unit and former province), field, year and tag. The result,
//! `Site`, is plain data that `render` reads; lists hold indices, never copies.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::slice::ParallelSliceMut as _;

use crate::article::Article;
use crate::config::Config;
use crate::province::REGISTRY;
use crate::vietnamese::collate;

/// One term of a taxonomy (a province, a field, a year, a tag) and its stories.
#[derive(Debug, Clone)]
pub struct Term {
    /// Display name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Indices into `Site::articles` of its listed stories, newest first.
    pub items: Vec<usize>,
}

/// The indexed site: everything `render` needs, nothing it must compute again. Cheap to
/// clone (articles are shared), so `serve` can swap one edited article into a copy.
#[derive(Debug, Clone)]
pub struct Site {
    /// Settings.
    pub config: Config,
    /// Every built article (withdrawn ones too), newest first.
    pub articles: Vec<Arc<Article>>,
    /// Indices of the listed (not withdrawn) articles, newest first.
    pub listed: Vec<usize>,
    /// The 34 current units, in Vietnamese alphabetical order; a unit's items include
    /// stories filed under its former provinces.
    pub units: Vec<Term>,
    /// Former provinces (index parallel to `REGISTRY.former`), with their own stories.
    pub formers: Vec<Term>,
    /// For each unit in `units`, its index in `REGISTRY.units`.
    pub unit_ids: Vec<usize>,
    /// Fields, in `site.yaml` order.
    pub fields: Vec<Term>,
    /// Years with stories, newest first.
    pub years: Vec<Term>,
    /// Tags, in Vietnamese alphabetical order.
    pub tags: Vec<Term>,
}

impl Site {
    /// The term of the unit with registry index `unit`.
    pub fn unit_term(&self, unit: usize) -> Option<&Term> {
        self.unit_ids
            .iter()
            .position(|&u| u == unit)
            .map(|i| &self.units[i])
    }
}

/// Tags by slug, each named by its most used spelling (ties: the first in order), in
/// Vietnamese alphabetical order.
fn tag_terms(tags: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)>) -> Vec<Term> {
    let mut terms: Vec<Term> = tags
        .into_iter()
        .map(|(slug, (spellings, items))| {
            // The most used spelling names the tag; ties go to the first in order.
            let name = spellings
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then_with(|| collate(b.0, a.0)))
                .map(|(n, _)| n.clone())
                .unwrap_or_else(|| slug.clone());
            Term { name, slug, items }
        })
        .collect();
    terms.sort_by(|a, b| collate(&a.name, &b.name).then_with(|| a.slug.cmp(&b.slug)));
    terms
}

/// Sorts and groups validated articles (owned, or already shared with an earlier site).
pub fn index(config: Config, articles: impl IntoIterator<Item = impl Into<Arc<Article>>>) -> Site {
    let mut articles: Vec<Arc<Article>> = articles.into_iter().map(Into::into).collect();
    articles.par_sort_by(|a, b| {
        b.recency()
            .cmp(&a.recency())
            // Same day: by slug, the folded title (cheap, and unique).
            .then_with(|| a.slug.cmp(&b.slug))
    });
    let listed: Vec<usize> = (0..articles.len())
        .filter(|&i| articles[i].is_listed())
        .collect();

    let mut unit_ids: Vec<usize> = (0..REGISTRY.units.len()).collect();
    unit_ids.sort_by(|&a, &b| collate(&REGISTRY.units[a].name, &REGISTRY.units[b].name));
    let mut by_unit: Vec<Vec<usize>> = vec![Vec::new(); REGISTRY.units.len()];
    let empty = |name: &str, slug: &str| Term {
        name: name.to_owned(),
        slug: slug.to_owned(),
        items: Vec::new(),
    };
    let mut formers: Vec<Term> = REGISTRY
        .former
        .iter()
        .map(|f| empty(&f.name, &f.slug))
        .collect();
    let mut fields: Vec<Term> = config
        .fields
        .iter()
        .map(|f| empty(&f.name, &f.slug))
        .collect();
    let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    // Tag slug → (spellings with counts, items).
    let mut tags: BTreeMap<String, (BTreeMap<String, usize>, Vec<usize>)> = BTreeMap::new();

    for &i in &listed {
        let a = &articles[i];
        by_unit[a.province.unit].push(i);
        if let Some(f) = a.province.former {
            formers[f].items.push(i);
        }
        fields[a.field].items.push(i);
        years.entry(a.year).or_default().push(i);
        for (t, slug) in a.tags.iter().zip(&a.tag_slugs) {
            let entry = match tags.get_mut(slug.as_str()) {
                Some(e) => e,
                None => tags.entry(slug.clone()).or_default(),
            };
            match entry.0.get_mut(t.as_str()) {
                Some(n) => *n += 1,
                None => {
                    entry.0.insert(t.clone(), 1);
                }
            }
            entry.1.push(i);
        }
    }

    let units = unit_ids
        .iter()
        .map(|&u| Term {
            name: REGISTRY.units[u].name.clone(),
            slug: REGISTRY.units[u].slug.clone(),
            items: std::mem::take(&mut by_unit[u]),
        })
        .collect();
    let years = years
        .into_iter()
        .rev()
        .map(|(y, items)| Term {
            name: y.to_string(),
            slug: y.to_string(),
            items,
        })
        .collect();
    let tags = tag_terms(tags);
    Site {
        config,
        articles,
        listed,
        units,
        formers,
        unit_ids,
        fields,
        years,
        tags,
    }
}
