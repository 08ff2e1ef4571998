//! The plan of a build: every output file described as a `Job` before anything is
//! rendered, in a fixed order, with the lists (a term's stories, split into pages) that
//! list jobs share.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Job, Layout, ListSpec};
use crate::feed;
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::view::{FacetView, LinkView, TermView, Views};

/// Lists every job of the build, in a fixed order.
pub(super) fn plan(site: &Site, v: &Views<'_>) -> Vec<Job> {
    let mut jobs = site_jobs(site);
    for (i, a) in site.articles.iter().enumerate() {
        jobs.push(Job::Article(i));
        if a.assets
            .iter()
            .any(|x| crate::images::is_resizable(&x.name))
        {
            jobs.push(Job::ImageCopies(i));
        }
        for alias in &a.aliases {
            jobs.push(Job::Redirect {
                from: alias.clone(),
                to: a.url.clone(),
            });
        }
    }
    let crumbs = Crumbs::new(v);
    let mut lists = province_lists(site, v, &crumbs);
    lists.extend(term_lists(site, v, &crumbs));
    for spec in lists {
        let pages = spec
            .items
            .len()
            .div_ceil(super::page_size(&spec, site))
            .max(1);
        let spec = Arc::new(spec);
        jobs.extend((1..=pages).map(|p| Job::List(Arc::clone(&spec), p)));
    }
    jobs
}

/// The jobs every site has, one each or one per unit, field or former province.
fn site_jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![
        Job::Home,
        Job::Provinces,
        Job::Terms {
            section: "linh-vuc",
        },
        Job::Terms { section: "nam" },
        Job::Terms { section: "the" },
        Job::Search,
        Job::Stats,
        Job::Data,
        Job::NotFound,
        Job::Atom(feed::Feed::Site),
        Job::JsonFeed,
        Job::CrawlerFiles,
        Job::ExportSite,
        Job::SearchIndex,
        Job::Statics,
    ];
    jobs.extend((0..site.units.len()).map(|i| Job::Atom(feed::Feed::Unit(i))));
    jobs.extend((0..site.fields.len()).map(|i| Job::Atom(feed::Feed::Field(i))));
    let units = (0..site.units.len()).map(|index| (false, index));
    // Under `lean_output` a former province's stories are in its unit's file only.
    let formers = (0..site.formers.len())
        .filter(|_| !site.config.lean_output)
        .map(|index| (true, index));
    jobs.extend(
        units
            .chain(formers)
            .map(|(former, index)| Job::ExportTerm { former, index }),
    );
    jobs
}

/// The breadcrumbs lists start with.
struct Crumbs {
    home: LinkView,
    provinces: LinkView,
    fields: LinkView,
    years: LinkView,
    tags: LinkView,
}

impl Crumbs {
    fn new(v: &Views<'_>) -> Crumbs {
        let crumb = |key: &str, path: &str| LinkView {
            title: v.strings.get(key).to_owned(),
            url: v.path(path),
        };
        Crumbs {
            home: crumb("home", "/"),
            provinces: crumb("provinces", "/tinh/"),
            fields: crumb("fields", "/linh-vuc/"),
            years: crumb("years", "/nam/"),
            tags: crumb("tags", "/the/"),
        }
    }
}

/// Each unit's and each former province's list, and their lists narrowed to one field
/// and to one year.
fn province_lists(site: &Site, v: &Views<'_>, c: &Crumbs) -> Vec<ListSpec> {
    let mut lists: Vec<ListSpec> = Vec::new();
    let crumbs = vec![c.home.clone(), c.provinces.clone()];
    for (i, t) in site.units.iter().enumerate() {
        let term = v.unit(i);
        let facets = province_facets(site, v, &term, &t.items);
        lists.extend(narrowed(site, &term, &t.items, &crumbs));
        lists.push(ListSpec {
            kind: "province",
            title: t.name.clone(),
            feed: Some(format!("{}atom.xml", term.url)),
            term,
            items: t.items.clone(),
            crumbs: crumbs.clone(),
            facets,
            layout: layout(site, Layout::Rows),
        });
    }
    for (f, t) in site.formers.iter().enumerate() {
        let term = v.former(f);
        let facets = province_facets(site, v, &term, &t.items);
        // A former province's narrowed lists too, so its chips stay inside it.
        lists.extend(narrowed(site, &term, &t.items, &crumbs));
        let now = &REGISTRY.units[REGISTRY.former[f].unit].name;
        lists.push(ListSpec {
            kind: "former_province",
            title: format!("{} ({} {now})", t.name, v.strings.get("now_part_of")),
            feed: None,
            term,
            items: t.items.clone(),
            crumbs: crumbs.clone(),
            facets,
            layout: layout(site, Layout::Rows),
        });
    }
    lists
}

/// A province's stories narrowed to each field and to each year that has any.
fn narrowed(site: &Site, unit: &TermView, items: &[usize], crumbs: &[LinkView]) -> Vec<ListSpec> {
    let list = |kind, name: &str, slug: &str, url: String, items: Vec<usize>| ListSpec {
        kind,
        title: format!("{} · {name}", unit.name),
        term: TermView {
            name: name.to_owned(),
            slug: slug.to_owned(),
            url,
            count: items.len(),
            part_of: None,
            former: Vec::new(),
        },
        items,
        crumbs: crumbs
            .iter()
            .cloned()
            .chain([LinkView {
                title: unit.name.clone(),
                url: unit.url.clone(),
            }])
            .collect(),
        facets: Vec::new(),
        feed: None,
        layout: layout(site, Layout::LongRows),
    };
    let mut lists = Vec::new();
    for (fi, f) in site.fields.iter().enumerate() {
        let items: Vec<usize> = items
            .iter()
            .copied()
            .filter(|&a| site.articles[a].field == fi)
            .collect();
        if !items.is_empty() {
            let url = format!("{}linh-vuc/{}/", unit.url, f.slug);
            lists.push(list("province_field", &f.name, &f.slug, url, items));
        }
    }
    let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for &a in items {
        by_year.entry(site.articles[a].year).or_default().push(a);
    }
    for (y, items) in by_year.into_iter().rev() {
        let (url, y) = (format!("{}nam/{y}/", unit.url), y.to_string());
        lists.push(list("province_year", &y, &y, url, items));
    }
    lists
}

/// How a list shows its stories: cards, or `lean` under `lean_output`.
fn layout(site: &Site, lean: Layout) -> Layout {
    if site.config.lean_output {
        lean
    } else {
        Layout::Cards
    }
}

/// The lists of every field, year and tag.
fn term_lists(site: &Site, v: &Views<'_>, c: &Crumbs) -> Vec<ListSpec> {
    let list = |kind: &'static str, title, feed, term, items: &[usize], up: &LinkView| ListSpec {
        kind,
        title,
        feed,
        term,
        items: items.to_vec(),
        crumbs: vec![c.home.clone(), up.clone()],
        facets: Vec::new(),
        // Tags are the biggest family of lists (several per story).
        layout: layout(
            site,
            if kind == "tag" {
                Layout::LongRows
            } else {
                Layout::Rows
            },
        ),
    };
    let mut lists = Vec::new();
    for t in &site.fields {
        let term = v.term("linh-vuc", t);
        let feed = Some(format!("{}atom.xml", term.url));
        lists.push(list(
            "field",
            t.name.clone(),
            feed,
            term,
            &t.items,
            &c.fields,
        ));
    }
    for t in &site.years {
        let title = format!("{} {}", v.strings.get("title_year"), t.name);
        let term = v.term("nam", t);
        lists.push(list("year", title, None, term, &t.items, &c.years));
    }
    for t in &site.tags {
        let term = v.term("the", t);
        lists.push(list("tag", t.name.clone(), None, term, &t.items, &c.tags));
    }
    lists
}

/// "By field" and "by year" counts for a province page, linking to its sub-lists.
fn province_facets(site: &Site, v: &Views<'_>, term: &TermView, items: &[usize]) -> Vec<FacetView> {
    let mut fields = vec![0usize; site.fields.len()];
    let mut years: BTreeMap<i32, usize> = BTreeMap::new();
    for &a in items {
        fields[site.articles[a].field] += 1;
        *years.entry(site.articles[a].year).or_default() += 1;
    }
    let base = &term.url;
    let mk = |name: String, slug: String, url: String, count: usize| TermView {
        name,
        slug,
        url,
        count,
        part_of: None,
        former: Vec::new(),
    };
    let field_items = site
        .fields
        .iter()
        .zip(&fields)
        .filter(|(_, n)| **n > 0)
        .map(|(f, &n)| {
            let url = format!("{base}linh-vuc/{}/", f.slug);
            mk(f.name.clone(), f.slug.clone(), url, n)
        })
        .collect();
    let year_items = years
        .into_iter()
        .rev()
        .map(|(y, n)| {
            let url = format!("{base}nam/{y}/");
            mk(y.to_string(), y.to_string(), url, n)
        })
        .collect();
    vec![
        FacetView {
            title: v.strings.get("by_field").to_owned(),
            items: field_items,
        },
        FacetView {
            title: v.strings.get("by_year").to_owned(),
            items: year_items,
        },
    ]
}
