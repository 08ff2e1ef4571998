//! The facet tables of the index: provinces (each current unit followed by its former
//! provinces, in Vietnamese order), fields, and the document order they induce (current
//! unit, province, field, year, input order), described as one run of year counts per
//! province and field so the manifest stays a few kilobytes at any size. search.js maps a document id to its run to filter and count.

use std::collections::{BTreeMap, HashMap};

use super::SearchDoc;
use crate::vietnamese::collate;

/// One province of the facet table.
pub(super) struct Province<'a> {
    /// The province's slug (a former province keeps its own).
    pub slug: &'a str,
    /// Display name as the stories show it, e.g. "Bạc Liêu (nay thuộc Cà Mau)".
    pub name: &'a str,
    /// Index of its current unit in the table (itself for a current unit).
    pub current: usize,
}

/// Facet tables and the document order they induce.
pub(super) struct Facets<'a> {
    /// Current units, each followed by its former provinces, in Vietnamese order.
    pub provinces: Vec<Province<'a>>,
    /// `(slug, display name)` of each field, in Vietnamese order.
    pub fields: Vec<(&'a str, &'a str)>,
    /// Input index of document id `n`.
    pub order: Vec<usize>,
    /// The runs, one per province and field in document order: province index, field
    /// index, first year, then the count of documents of each year from it on (0 for a
    /// year without any), e.g. `[3, 1, 2019, 2, 0, 5]`: 2019 two, 2020 none, 2021 five.
    pub groups: Vec<Vec<i64>>,
}

impl<'a> Facets<'a> {
    /// The tables of `docs` and their order.
    pub(super) fn new(docs: &[SearchDoc<'a>]) -> Self {
        // slug -> name, for current units and for provinces named by stories.
        let mut current: BTreeMap<&str, &str> = BTreeMap::new();
        let mut former: BTreeMap<(&str, &str), &str> = BTreeMap::new();
        let mut fields: BTreeMap<&str, &str> = BTreeMap::new();
        for d in docs {
            current
                .entry(d.current_province_slug)
                .or_insert(d.current_province);
            if d.province_slug != d.current_province_slug {
                former
                    .entry((d.current_province_slug, d.province_slug))
                    .or_insert(d.province);
            }
            fields.entry(d.field_slug).or_insert(d.field);
        }
        let by_name = |a: &(&str, &str), b: &(&str, &str)| collate(a.1, b.1).then(a.0.cmp(b.0));
        let mut units: Vec<(&str, &str)> = current.into_iter().collect();
        units.sort_by(by_name);
        let mut provinces = Vec::new();
        for (slug, name) in units {
            let at = provinces.len();
            provinces.push(Province {
                slug,
                name,
                current: at,
            });
            let mut olds: Vec<(&str, &str)> = former
                .range((slug, "")..)
                .take_while(|((c, _), _)| *c == slug)
                .map(|((_, s), n)| (*s, *n))
                .collect();
            olds.sort_by(by_name);
            provinces.extend(olds.into_iter().map(|(slug, name)| Province {
                slug,
                name,
                current: at,
            }));
        }
        let mut fields: Vec<(&str, &str)> = fields.into_iter().collect();
        fields.sort_by(by_name);

        let index: HashMap<(&str, &str), usize> = provinces
            .iter()
            .enumerate()
            .map(|(i, p)| ((provinces[p.current].slug, p.slug), i))
            .collect();
        let field_index: HashMap<&str, usize> =
            fields.iter().enumerate().map(|(i, f)| (f.0, i)).collect();
        // Every (current, province) pair and field of the docs was entered above.
        let key = |d: &SearchDoc<'_>| {
            (
                index[&(d.current_province_slug, d.province_slug)],
                field_index[d.field_slug],
                d.year,
            )
        };
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by_key(|&i| (key(&docs[i]), i));
        let mut groups: Vec<Vec<i64>> = Vec::new();
        let mut last: Option<(usize, usize, i32)> = None;
        for &i in &order {
            let k = key(&docs[i]);
            match (last, groups.last_mut()) {
                // Years ascend within a province and field: counts for the years between.
                (Some((p, f, y)), Some(run)) if (p, f) == (k.0, k.1) => {
                    run.extend(std::iter::repeat_n(0, (k.2 - y) as usize));
                    if let Some(count) = run.last_mut() {
                        *count += 1;
                    }
                }
                _ => groups.push(vec![k.0 as i64, k.1 as i64, i64::from(k.2), 1]),
            }
            last = Some(k);
        }
        Facets {
            provinces,
            fields,
            order,
            groups,
        }
    }
}
