//! Stage 5: `Site` → pages. Plans every output file as a `Job` (cheap descriptions),
//! then renders the jobs in parallel, handing each file to a `Sink` as soon as it is
//! made, so the whole rendered site is never held in memory. Templates are compiled
//! once per build; a template error stops the build with the template's name.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::article::SourceText;
use crate::error::{Error, Result};
use crate::load::{Blob, Loaded};
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::view::{FacetView, LinkView, ListView, PageView, TermView, Views};
use crate::{export, feed, search, stats};

/// Where rendered files go: a folder for `build`, memory for `serve`.
pub trait Sink: Sync {
    /// Stores `bytes` at `path` (relative to the output root, `/`-separated).
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()>;
    /// Stores a copy of a file that needs no rendering.
    fn copy(&self, path: &str, blob: &Blob) -> Result<()>;
}

/// The templates every theme must provide.
pub const TEMPLATES: [&str; 12] = [
    "base.html",
    "index.html",
    "article.html",
    "list.html",
    "terms.html",
    "provinces.html",
    "search.html",
    "stats.html",
    "data.html",
    "404.html",
    "redirect.html",
    "withdrawn.html",
];

/// Compiles the templates and registers the UI strings (`t`) globally.
pub fn templates(loaded: &Loaded) -> Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    for name in TEMPLATES {
        if !loaded.templates.contains_key(name) {
            return Err(Error::Template {
                name: name.to_owned(),
                message: "missing from the theme".to_owned(),
            });
        }
    }
    let list: Vec<(&str, &str)> = loaded
        .templates
        .iter()
        .map(|(n, t)| (n.as_str(), t.text.as_str()))
        .collect();
    tera.add_raw_templates(list)
        .map_err(|e| template_error(loaded, &e))?;
    let strings: serde_json::Value =
        yaml_serde::from_str(&loaded.strings).map_err(|e| Error::Template {
            name: "strings.yaml".to_owned(),
            message: e.to_string(),
        })?;
    tera.global_context().insert("t", &strings);
    Ok(tera)
}

fn template_error(loaded: &Loaded, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let name = loaded
        .templates
        .iter()
        .find(|(n, _)| message.contains(n.as_str()))
        .map_or_else(
            || "(theme)".to_owned(),
            |(n, t)| format!("{n} ({})", t.origin),
        );
    Error::Template { name, message }
}

/// A paginated list: one per term, shared by its pages.
#[derive(Debug)]
struct ListSpec {
    kind: &'static str,
    title: String,
    term: TermView,
    items: Vec<usize>,
    crumbs: Vec<LinkView>,
    facets: Vec<FacetView>,
    feed: Option<String>,
}

/// One output file (or a few that belong together), described before rendering.
#[derive(Debug)]
enum Job {
    Home,
    Article(usize),
    Redirect { from: String, to: String },
    List(Arc<ListSpec>, usize),
    Provinces,
    Terms { section: &'static str },
    Search,
    Stats,
    Data,
    NotFound,
    Atom(feed::Feed),
    JsonFeed,
    CrawlerFiles,
    ExportSite,
    ExportTerm { former: bool, index: usize },
    SearchIndex,
    Statics,
}

impl Job {
    /// A stable name, unique in a build, to match jobs across rebuilds.
    fn key(&self, site: &Site) -> String {
        match self {
            Job::Home => "home".into(),
            Job::Article(i) => format!("article:{}", site.articles[*i].url),
            Job::List(spec, n) => format!("list:{}:{n}", spec.term.url),
            Job::Redirect { from, .. } => format!("redirect:{from}"),
            Job::Atom(f) => format!("atom:{f:?}"),
            Job::Provinces => "provinces".into(),
            Job::Terms { section } => format!("terms:{section}"),
            Job::Search => "search".into(),
            Job::Stats => "stats".into(),
            Job::Data => "data".into(),
            Job::NotFound => "404".into(),
            Job::JsonFeed => "feed.json".into(),
            Job::CrawlerFiles => "sitemap".into(),
            Job::ExportSite => "export".into(),
            Job::ExportTerm { former, index } => format!("export:{former}:{index}"),
            Job::SearchIndex => "search-index".into(),
            Job::Statics => "statics".into(),
        }
    }

    /// Jobs whose output depends on every article; `serve` runs them after the pages.
    fn is_site_wide(&self) -> bool {
        matches!(
            self,
            Job::SearchIndex | Job::ExportSite | Job::JsonFeed | Job::CrawlerFiles
        )
    }
}

/// What a build produced, for the summary line.
#[derive(Debug, Default, Clone, Copy)]
pub struct Report {
    /// HTML pages rendered.
    pub pages: usize,
    /// Models published.
    pub models: usize,
}

/// Which jobs an incremental render runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything.
    All,
    /// Everything but the site-wide files (search index, site-wide data, JSON feed,
    /// sitemap): what a reader sees right after an edit.
    Pages,
    /// Only the site-wide files.
    SiteWide,
}

/// Job fingerprints of a previous render, by job key.
pub type Fingerprints = std::collections::HashMap<String, u64>;

/// What happened to one job in an incremental render.
#[derive(Debug)]
pub struct JobOutput {
    /// The job's stable key.
    pub key: String,
    /// Hash of everything the job's output depends on.
    pub fingerprint: u64,
    /// The files it wrote; `None` if it was not run (unchanged or out of scope).
    pub paths: Option<Vec<String>>,
}

/// Records the paths a job writes while passing the files on.
struct Recording<'a> {
    inner: &'a dyn Sink,
    paths: std::sync::Mutex<Vec<String>>,
}

impl Sink for Recording<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        if let Ok(mut p) = self.paths.lock() {
            p.push(path.to_owned());
        }
        self.inner.put(path, bytes)
    }
    fn copy(&self, path: &str, blob: &Blob) -> Result<()> {
        if let Ok(mut p) = self.paths.lock() {
            p.push(path.to_owned());
        }
        self.inner.copy(path, blob)
    }
}

/// Renders only the jobs in `scope` whose fingerprint differs from `previous`, and
/// reports every job of the plan (so the caller can drop files of vanished jobs).
/// `related` (from `related::Memo`) saves recomputing related stories; without it they
/// are computed here when the scope has article pages.
pub fn incremental(
    site: &Site,
    loaded: &Loaded,
    tera: &tera::Tera,
    sink: &dyn Sink,
    previous: &Fingerprints,
    scope: Scope,
    related: Option<&[Vec<usize>]>,
) -> Result<(Report, Vec<JobOutput>)> {
    render_jobs(site, loaded, tera, sink, Some(previous), scope, related)
}

/// `incremental`, or with no `previous` every job rendered and nothing recorded (a
/// build keeps no fingerprints or file lists: 78,000 of each at 50,000 articles).
fn render_jobs(
    site: &Site,
    loaded: &Loaded,
    tera: &tera::Tera,
    sink: &dyn Sink,
    previous: Option<&Fingerprints>,
    scope: Scope,
    related: Option<&[Vec<usize>]>,
) -> Result<(Report, Vec<JobOutput>)> {
    let strings =
        crate::view::Strings::parse(&loaded.strings).map_err(|message| Error::Template {
            name: "strings.yaml".to_owned(),
            message,
        })?;
    let mut views = Views::new(site, &strings);
    if loaded.templates.contains_key("card.html") {
        views = views.with_card_html(tera);
    }
    let t = std::time::Instant::now();
    let jobs = plan(site, &views);
    crate::log::stage("render: plan", t);
    let t = std::time::Instant::now();
    // Site-wide jobs never read related stories; article pages are out of that scope.
    let computed;
    let related = match (related, scope) {
        (Some(r), _) => r,
        (None, Scope::SiteWide) => &[][..],
        (None, _) => {
            computed = crate::related::related(site);
            &computed[..]
        }
    };
    crate::log::stage("render: related", t);
    let t = std::time::Instant::now();
    let r = Renderer {
        site,
        loaded,
        tera,
        views,
        related,
        jobs: &jobs,
    };
    let run_job = |job: &Job| -> Result<(usize, Option<JobOutput>)> {
        let Some(previous) = previous else {
            return Ok((r.run(job, sink)?, None));
        };
        let key = job.key(site);
        let in_scope = match scope {
            Scope::All => true,
            Scope::Pages => !job.is_site_wide(),
            Scope::SiteWide => job.is_site_wide(),
        };
        // Out of scope: not run, so its fingerprint is not needed (and not recorded).
        let fingerprint = if in_scope { r.fingerprint(job) } else { 0 };
        if !in_scope || previous.get(&key) == Some(&fingerprint) {
            return Ok((
                0,
                Some(JobOutput {
                    key,
                    fingerprint,
                    paths: None,
                }),
            ));
        }
        let rec = Recording {
            inner: sink,
            paths: std::sync::Mutex::new(Vec::new()),
        };
        let pages = r.run(job, &rec)?;
        let paths = rec.paths.into_inner().unwrap_or_default();
        Ok((
            pages,
            Some(JobOutput {
                key,
                fingerprint,
                paths: Some(paths),
            }),
        ))
    };
    // The search index first, on every core, then the pages: its postings and the
    // pages' shared card values are then never in memory together.
    let (index, pages): (Vec<&Job>, Vec<&Job>) =
        jobs.iter().partition(|j| matches!(j, Job::SearchIndex));
    let mut outputs: Vec<(usize, Option<JobOutput>)> =
        index.into_iter().map(run_job).collect::<Result<_>>()?;
    outputs.extend(
        pages
            .par_iter()
            .map(|job| run_job(job))
            .collect::<Result<Vec<_>>>()?,
    );
    crate::log::stage("render: fingerprint+render", t);
    let pages = outputs.iter().map(|(p, _)| p).sum();
    Ok((
        Report {
            pages,
            models: site.listed.len(),
        },
        outputs.into_iter().filter_map(|(_, o)| o).collect(),
    ))
}

/// Renders the whole site into `sink`.
pub fn site(site: &Site, loaded: &Loaded, tera: &tera::Tera, sink: &dyn Sink) -> Result<Report> {
    render_jobs(site, loaded, tera, sink, None, Scope::All, None).map(|(report, _)| report)
}

/// Lists every job of the build, in a fixed order.
fn plan(site: &Site, v: &Views<'_>) -> Vec<Job> {
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
    jobs.extend((0..site.units.len()).map(|index| Job::ExportTerm {
        former: false,
        index,
    }));
    jobs.extend((0..site.formers.len()).map(|index| Job::ExportTerm {
        former: true,
        index,
    }));
    for (i, a) in site.articles.iter().enumerate() {
        jobs.push(Job::Article(i));
        for alias in &a.aliases {
            jobs.push(Job::Redirect {
                from: alias.clone(),
                to: a.url.clone(),
            });
        }
    }
    let crumb = |key: &str, path: &str| LinkView {
        title: v.strings.get(key).to_owned(),
        url: v.path(path),
    };
    let home = crumb("home", "/");
    let provinces = crumb("provinces", "/tinh/");
    let fields = crumb("fields", "/linh-vuc/");
    let years = crumb("years", "/nam/");
    let tags = crumb("tags", "/the/");
    // A unit narrowed to one field or one year.
    let sub_list =
        |kind, unit: &TermView, name: &str, slug: &str, url: String, items: Vec<usize>| ListSpec {
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
            crumbs: vec![
                home.clone(),
                provinces.clone(),
                LinkView {
                    title: unit.name.clone(),
                    url: unit.url.clone(),
                },
            ],
            facets: Vec::new(),
            feed: None,
        };
    let mut lists: Vec<ListSpec> = Vec::new();
    // A province narrowed to one field, to one year (a former province too, so its
    // chips stay inside it).
    let narrowed = |lists: &mut Vec<ListSpec>, term: &TermView, items: &[usize]| {
        for (fi, f) in site.fields.iter().enumerate() {
            let items: Vec<usize> = items
                .iter()
                .copied()
                .filter(|&a| site.articles[a].field == fi)
                .collect();
            if !items.is_empty() {
                let url = format!("{}linh-vuc/{}/", term.url, f.slug);
                lists.push(sub_list(
                    "province_field",
                    term,
                    &f.name,
                    &f.slug,
                    url,
                    items,
                ));
            }
        }
        let mut by_year: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
        for &a in items {
            by_year.entry(site.articles[a].year).or_default().push(a);
        }
        for (y, items) in by_year.into_iter().rev() {
            let (url, y) = (format!("{}nam/{y}/", term.url), y.to_string());
            lists.push(sub_list("province_year", term, &y, &y, url, items));
        }
    };
    for (i, t) in site.units.iter().enumerate() {
        let term = v.unit(i);
        let facets = province_facets(site, v, &term, &t.items);
        narrowed(&mut lists, &term, &t.items);
        lists.push(ListSpec {
            kind: "province",
            title: t.name.clone(),
            feed: Some(format!("{}atom.xml", term.url)),
            term,
            items: t.items.clone(),
            crumbs: vec![home.clone(), provinces.clone()],
            facets,
        });
    }
    for (f, t) in site.formers.iter().enumerate() {
        let term = v.former(f);
        let facets = province_facets(site, v, &term, &t.items);
        narrowed(&mut lists, &term, &t.items);
        lists.push(ListSpec {
            kind: "former_province",
            title: format!(
                "{} ({} {})",
                t.name,
                v.strings.get("now_part_of"),
                REGISTRY.units[REGISTRY.former[f].unit].name
            ),
            feed: None,
            term,
            items: t.items.clone(),
            crumbs: vec![home.clone(), provinces.clone()],
            facets,
        });
    }
    for t in &site.fields {
        let term = v.term("linh-vuc", t);
        lists.push(ListSpec {
            kind: "field",
            title: t.name.clone(),
            feed: Some(format!("{}atom.xml", term.url)),
            term,
            items: t.items.clone(),
            crumbs: vec![home.clone(), fields.clone()],
            facets: Vec::new(),
        });
    }
    for t in &site.years {
        lists.push(ListSpec {
            kind: "year",
            title: format!("{} {}", v.strings.get("title_year"), t.name),
            feed: None,
            term: v.term("nam", t),
            items: t.items.clone(),
            crumbs: vec![home.clone(), years.clone()],
            facets: Vec::new(),
        });
    }
    for t in &site.tags {
        lists.push(ListSpec {
            kind: "tag",
            title: t.name.clone(),
            feed: None,
            term: v.term("the", t),
            items: t.items.clone(),
            crumbs: vec![home.clone(), tags.clone()],
            facets: Vec::new(),
        });
    }
    let size = site.config.page_size;
    for spec in lists {
        let pages = spec.items.len().div_ceil(size).max(1);
        let spec = Arc::new(spec);
        for p in 1..=pages {
            jobs.push(Job::List(Arc::clone(&spec), p));
        }
    }
    jobs
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

/// Everything a job needs, shared across threads.
struct Renderer<'a> {
    site: &'a Site,
    loaded: &'a Loaded,
    tera: &'a tera::Tera,
    views: Views<'a>,
    related: &'a [Vec<usize>],
    jobs: &'a [Job],
}

/// The context every page template receives (plus `t`, global).
#[derive(Serialize)]
struct Ctx<'a, T: Serialize> {
    site: crate::view::SiteView<'a>,
    page: PageView,
    #[serde(flatten)]
    data: T,
}

/// Output path for a site path: `/base/tinh/` → `tinh/index.html`.
pub fn output_path(base_path: &str, url: &str) -> String {
    let rel = url
        .strip_prefix(base_path)
        .unwrap_or(url)
        .trim_start_matches('/');
    if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_owned()
    }
}

impl Renderer<'_> {
    /// Hash of everything `job`'s output depends on, so an unchanged job is skipped.
    /// Cheap: article hashes and counts, never rendered text.
    fn fingerprint(&self, job: &Job) -> u64 {
        use std::hash::{Hash, Hasher};
        let site = self.site;
        let mut h = rustc_hash::FxHasher::default();
        let art = |h: &mut rustc_hash::FxHasher, i: usize| {
            let a = &site.articles[i];
            a.hash.hash(h);
            a.url.hash(h);
        };
        let counts = |h: &mut rustc_hash::FxHasher, terms: &[crate::taxonomy::Term]| {
            for t in terms {
                t.slug.hash(h);
                t.items.len().hash(h);
            }
        };
        let all_counts = |h: &mut rustc_hash::FxHasher| {
            counts(h, &site.units);
            counts(h, &site.formers);
            counts(h, &site.fields);
            counts(h, &site.years);
            counts(h, &site.tags);
        };
        match job {
            Job::Home => {
                site.listed.iter().take(12).for_each(|&i| art(&mut h, i));
                all_counts(&mut h);
            }
            Job::Article(i) => {
                art(&mut h, *i);
                self.related[*i].iter().for_each(|&r| art(&mut h, r));
            }
            Job::Redirect { from, to } => (from, to).hash(&mut h),
            Job::List(spec, n) => {
                let size = site.config.page_size;
                (
                    spec.kind,
                    &spec.title,
                    &spec.term,
                    spec.items.len(),
                    &spec.facets,
                    n,
                )
                    .hash(&mut h);
                // A unit's first page has figures from all its stories.
                let take = if *n == 1 { usize::MAX } else { size };
                spec.items
                    .iter()
                    .skip((n - 1) * size)
                    .take(take)
                    .for_each(|&i| art(&mut h, i));
            }
            Job::Provinces | Job::Search | Job::Terms { .. } | Job::Data => all_counts(&mut h),
            Job::Stats => {
                site.listed.iter().for_each(|&i| art(&mut h, i));
                all_counts(&mut h);
            }
            Job::NotFound => {}
            Job::Atom(f) => f
                .items(site)
                .iter()
                .take(feed::FEED_SIZE)
                .for_each(|&i| art(&mut h, i)),
            Job::JsonFeed => site
                .listed
                .iter()
                .take(feed::FEED_SIZE)
                .for_each(|&i| art(&mut h, i)),
            Job::CrawlerFiles => self
                .jobs
                .iter()
                .flat_map(|j| self.sitemap_urls(j))
                .for_each(|u| u.hash(&mut h)),
            Job::ExportSite | Job::SearchIndex => site.listed.iter().for_each(|&i| art(&mut h, i)),
            Job::ExportTerm { former, index } => {
                let term = if *former {
                    &site.formers[*index]
                } else {
                    &site.units[*index]
                };
                term.items.iter().for_each(|&i| art(&mut h, i));
            }
            Job::Statics => site.articles.iter().any(|a| a.has_code).hash(&mut h),
        }
        h.finish()
    }

    fn page(
        &self,
        kind: &'static str,
        title: &str,
        url: &str,
        description: &str,
        breadcrumbs: Vec<LinkView>,
    ) -> PageView {
        PageView {
            kind,
            title: title.to_owned(),
            url: url.to_owned(),
            canonical: self.site.config.absolute(url),
            description: description.to_owned(),
            breadcrumbs,
            feed: None,
            has_code: false,
        }
    }

    fn html<T: Serialize>(
        &self,
        template: &str,
        page: PageView,
        data: T,
        sink: &dyn Sink,
    ) -> Result<usize> {
        let path = output_path(&self.site.config.base_path, &page.url);
        let ctx = Ctx {
            site: self.views.site_view(),
            page,
            data,
        };
        let context = tera::Context::from_serialize(&ctx).map_err(|e| self.err(template, &e))?;
        // Rendered into bytes: `Tera::render` would check the whole page is UTF-8 again.
        let mut html = Vec::with_capacity(32 * 1024);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| self.err(template, &e))?;
        sink.put(&path, html)?;
        Ok(1)
    }

    /// Article `i`'s card (see `Views::card_value`).
    fn card(&self, i: usize) -> Result<tera::Value> {
        self.views
            .card_value(i)
            .map_err(|e| self.err("card.html", &e))
    }

    fn err(&self, template: &str, e: &tera::Error) -> Error {
        match template_error(self.loaded, e) {
            Error::Template { message, .. } => Error::Template {
                name: template.to_owned(),
                message,
            },
            other => other,
        }
    }

    fn crumbs(&self, items: &[(&str, &str)]) -> Vec<LinkView> {
        items
            .iter()
            .map(|(t, p)| LinkView {
                title: (*t).to_owned(),
                url: self.views.path(p),
            })
            .collect()
    }

    fn run(&self, job: &Job, sink: &dyn Sink) -> Result<usize> {
        let v = &self.views;
        let site = self.site;
        let t = |k| v.strings.get(k);
        let home = (t("home"), "/");
        match job {
            Job::Home => {
                #[derive(Serialize)]
                struct Home {
                    latest: Vec<tera::Value>,
                    provinces: Vec<TermView>,
                    fields: Vec<TermView>,
                    years: Vec<TermView>,
                    counts: stats::Counts,
                }
                let latest = site
                    .listed
                    .iter()
                    .take(12)
                    .map(|&i| self.card(i))
                    .collect::<Result<_>>()?;
                let provinces = (0..site.units.len())
                    .filter(|&i| !site.units[i].items.is_empty())
                    .map(|i| v.unit(i))
                    .collect();
                let data = Home {
                    latest,
                    provinces,
                    fields: site.fields.iter().map(|t| v.term("linh-vuc", t)).collect(),
                    years: site.years.iter().map(|t| v.term("nam", t)).collect(),
                    counts: stats::counts(site),
                };
                let mut page = self.page(
                    "home",
                    &site.config.title,
                    &v.path("/"),
                    &site.config.description,
                    Vec::new(),
                );
                page.feed = Some(v.path("/atom.xml"));
                self.html("index.html", page, data, sink)
            }
            Job::Article(i) => self.article(*i, sink),
            Job::Redirect { from, to } => {
                #[derive(Serialize)]
                struct Redirect<'a> {
                    target: &'a str,
                    target_absolute: String,
                }
                let mut page = self.page("redirect", t("title_redirect"), from, "", Vec::new());
                page.canonical = site.config.absolute(to);
                self.html(
                    "redirect.html",
                    page,
                    Redirect {
                        target: to,
                        target_absolute: site.config.absolute(to),
                    },
                    sink,
                )
            }
            Job::List(spec, n) => self.list(spec, *n, sink),
            Job::Provinces => {
                #[derive(Serialize)]
                struct Provinces {
                    units: Vec<TermView>,
                    map: stats::map::MapView,
                }
                let units = (0..site.units.len()).map(|i| v.unit(i)).collect();
                let page = self.page(
                    "provinces",
                    "Tỉnh, thành phố",
                    &v.path("/tinh/"),
                    t("desc_provinces"),
                    self.crumbs(&[home]),
                );
                let map = stats::map::view(site, v);
                self.html("provinces.html", page, Provinces { units, map }, sink)
            }
            Job::Terms { section } => {
                #[derive(Serialize)]
                struct Terms {
                    section: &'static str,
                    terms: Vec<TermView>,
                }
                let (title, terms) = match *section {
                    "linh-vuc" => (t("fields"), &site.fields),
                    "nam" => (t("years"), &site.years),
                    _ => (t("tags"), &site.tags),
                };
                let terms = terms.iter().map(|t| v.term(section, t)).collect();
                let page = self.page(
                    "terms",
                    title,
                    &v.path(&format!("/{section}/")),
                    "",
                    self.crumbs(&[home]),
                );
                self.html("terms.html", page, Terms { section, terms }, sink)
            }
            Job::Search => {
                #[derive(Serialize)]
                struct Search {
                    provinces: Vec<TermView>,
                    fields: Vec<TermView>,
                    years: Vec<TermView>,
                }
                let data = Search {
                    provinces: (0..site.units.len()).map(|i| v.unit(i)).collect(),
                    fields: site.fields.iter().map(|t| v.term("linh-vuc", t)).collect(),
                    years: site.years.iter().map(|t| v.term("nam", t)).collect(),
                };
                let page = self.page(
                    "search",
                    t("title_search"),
                    &v.path("/tim-kiem/"),
                    t("desc_search"),
                    self.crumbs(&[home]),
                );
                self.html("search.html", page, data, sink)
            }
            Job::Stats => {
                let page = self.page(
                    "stats",
                    t("title_stats"),
                    &v.path("/thong-ke/"),
                    t("desc_stats"),
                    self.crumbs(&[home]),
                );
                self.html("stats.html", page, stats::view(site, v), sink)
            }
            Job::Data => {
                #[derive(Serialize)]
                struct Data {
                    files: Vec<LinkView>,
                    columns: Vec<export::ColumnView>,
                    provinces: Vec<export::ProvinceFilesView>,
                    counts: stats::Counts,
                }
                let link = |title: &str, path: &str| LinkView {
                    title: title.to_owned(),
                    url: v.path(path),
                };
                let files = vec![
                    link("mo-hinh.csv", "/du-lieu/mo-hinh.csv"),
                    link("mo-hinh.json", "/du-lieu/mo-hinh.json"),
                    link("mo-hinh.schema.json", "/du-lieu/mo-hinh.schema.json"),
                    link("thong-ke.csv", "/du-lieu/thong-ke.csv"),
                    link("thong-ke.json", "/du-lieu/thong-ke.json"),
                    link("feed.json", "/feed.json"),
                    link("atom.xml", "/atom.xml"),
                ];
                let data = Data {
                    files,
                    columns: export::columns(),
                    provinces: export::province_files(site, v),
                    counts: stats::counts(site),
                };
                let page = self.page(
                    "data",
                    t("title_data"),
                    &v.path("/du-lieu/"),
                    t("desc_data"),
                    self.crumbs(&[home]),
                );
                self.html("data.html", page, data, sink)
            }
            Job::NotFound => {
                let mut page = self.page(
                    "not_found",
                    t("not_found_title"),
                    &v.path("/404.html"),
                    "",
                    Vec::new(),
                );
                page.canonical = site.config.absolute(&v.path("/404.html"));
                self.html("404.html", page, serde_json::json!({}), sink)
            }
            Job::Atom(f) => feed::write_atom(site, v, *f, sink).map(|()| 0),
            Job::JsonFeed => feed::write_json(site, v, sink).map(|()| 0),
            Job::CrawlerFiles => {
                let urls: Vec<String> = self
                    .jobs
                    .iter()
                    .flat_map(|j| self.sitemap_urls(j))
                    .collect();
                feed::write_crawler_files(site, v, &urls, sink).map(|()| 0)
            }
            Job::ExportSite => export::write_site(site, sink).map(|()| 0),
            Job::ExportTerm { former, index } => {
                let term = if *former {
                    &site.formers[*index]
                } else {
                    &site.units[*index]
                };
                export::write_term(site, term, sink).map(|()| 0)
            }
            Job::SearchIndex => {
                // Display names ("Bạc Liêu (nay thuộc Cà Mau)"), by article index.
                let names: Vec<String> = site
                    .articles
                    .iter()
                    .map(|a| REGISTRY.display(a.province))
                    .collect();
                let t = std::time::Instant::now();
                let docs = search_docs(site, &names);
                // Each file is written as soon as it is finished; the first error is kept.
                let mut failed = None;
                search::build_into(&docs, &mut |path, bytes| {
                    if failed.is_none() {
                        failed = sink.put(&path, bytes).err();
                    }
                });
                crate::log::stage("render: search index", t);
                failed.map_or(Ok(0), Err)
            }
            Job::Statics => {
                crate::cms::write(&site.config, sink)?;
                for (path, blob) in &self.loaded.statics {
                    sink.copy(path, blob)?;
                }
                if site.articles.iter().any(|a| a.has_code) {
                    sink.put(
                        "assets/syntax.css",
                        crate::markdown::highlight_css().into_bytes(),
                    )?;
                }
                Ok(0)
            }
        }
    }

    /// The HTML pages a job makes that belong in the sitemap.
    fn sitemap_urls(&self, job: &Job) -> Vec<String> {
        let v = &self.views;
        match job {
            Job::Home => vec![v.path("/")],
            Job::Article(i) if self.site.articles[*i].is_listed() => {
                vec![self.site.articles[*i].url.clone()]
            }
            Job::List(spec, n) => vec![page_url(&spec.term.url, *n)],
            Job::Provinces => vec![v.path("/tinh/")],
            Job::Terms { section } => vec![v.path(&format!("/{section}/"))],
            Job::Search => vec![v.path("/tim-kiem/")],
            Job::Stats => vec![v.path("/thong-ke/")],
            Job::Data => vec![v.path("/du-lieu/")],
            _ => Vec::new(),
        }
    }

    fn article(&self, i: usize, sink: &dyn Sink) -> Result<usize> {
        let a = &self.site.articles[i];
        let v = &self.views;
        if let Some(reason) = &a.withdrawn {
            #[derive(Serialize)]
            struct Withdrawn<'a> {
                reason: &'a str,
            }
            let page = self.page(
                "withdrawn",
                self.views.strings.get("withdrawn_title"),
                &a.url,
                "",
                self.crumbs(&[(self.views.strings.get("home"), "/")]),
            );
            return self.html("withdrawn.html", page, Withdrawn { reason }, sink);
        }
        #[derive(Serialize)]
        struct One<'a> {
            article: crate::view::ArticleView<'a>,
        }
        let related = self.related[i]
            .iter()
            .map(|&r| self.card(r))
            .collect::<Result<_>>()?;
        let view = v.article(i, related);
        let province_crumb = view.province_term.clone();
        let t = |k| self.views.strings.get(k);
        let mut crumbs = self.crumbs(&[(t("home"), "/"), (t("provinces"), "/tinh/")]);
        crumbs.push(province_crumb);
        let mut page = self.page(
            "article",
            &a.title,
            &a.url,
            a.summary.as_deref().unwrap_or(""),
            crumbs,
        );
        page.has_code = a.has_code;
        let base = output_path(&self.site.config.base_path, &a.url);
        let dir = base.trim_end_matches("index.html");
        match &a.source_text {
            SourceText::File(file) => {
                sink.copy(&format!("{dir}index.md"), &Blob::Disk(file.clone()))?
            }
            SourceText::Text(text) => {
                sink.put(&format!("{dir}index.md"), text.as_bytes().to_vec())?
            }
        }
        sink.put(
            &format!("{dir}index.json"),
            export::article_json(self.site, v, i),
        )?;
        let cache = crate::images::cache_dir(&self.loaded.root);
        for asset in &a.assets {
            sink.copy(
                &format!("{dir}{}", asset.name),
                &Blob::Disk(asset.file.clone()),
            )?;
            // Large photos also get smaller copies for `srcset` (see `images`).
            let key = format!("{}/{}", a.source.parent(), asset.name);
            let width = self.loaded.image_sizes.get(&key).map_or(0, |s| s.0);
            if crate::images::is_resizable(&asset.name) {
                for w in crate::images::variant_widths(width) {
                    let bytes = crate::images::resized(cache.as_deref(), &asset.file, w)?;
                    sink.put(
                        &format!("{dir}{}", crate::images::variant_name(&asset.name, w)),
                        bytes,
                    )?;
                }
            }
        }
        self.html("article.html", page, One { article: view }, sink)
    }

    fn list(&self, spec: &ListSpec, n: usize, sink: &dyn Sink) -> Result<usize> {
        let size = self.site.config.page_size;
        let items = spec
            .items
            .iter()
            .skip((n - 1) * size)
            .take(size)
            .map(|&i| self.card(i))
            .collect::<Result<_>>()?;
        let url = page_url(&spec.term.url, n);
        let title = if n > 1 {
            format!(
                "{} – {} {n}",
                spec.title,
                self.views.strings.get("page_suffix")
            )
        } else {
            spec.title.clone()
        };
        let mut crumbs = spec.crumbs.clone();
        if n > 1 {
            crumbs.push(LinkView {
                title: spec.title.clone(),
                url: spec.term.url.clone(),
            });
        }
        let description = match &spec.term.part_of {
            Some(unit) => format!(
                "{}: {} {}.",
                spec.term.name,
                self.views.strings.get("desc_former"),
                unit.title
            ),
            None => format!(
                "{} {}: {}.",
                spec.items.len(),
                self.views.strings.get("desc_list"),
                spec.title
            ),
        };
        let mut page = self.page("list", &title, &url, &description, crumbs);
        page.feed = spec.feed.clone();
        let list = ListView {
            kind: spec.kind,
            term: spec.term.clone(),
            items,
            pagination: self.views.pagination(&spec.term.url, n, spec.items.len()),
            facets: if n == 1 {
                clone_facets(&spec.facets)
            } else {
                Vec::new()
            },
            figures: (n == 1 && spec.kind == "province")
                .then(|| stats::unit_figures(self.site, &self.views, &spec.term.slug))
                .flatten(),
        };
        #[derive(Serialize)]
        struct List {
            list: ListView,
        }
        self.html("list.html", page, List { list }, sink)
    }
}

fn clone_facets(f: &[FacetView]) -> Vec<FacetView> {
    f.iter()
        .map(|f| FacetView {
            title: f.title.clone(),
            items: f.items.clone(),
        })
        .collect()
}

/// Site path of page `n` of a list at `base`.
fn page_url(base: &str, n: usize) -> String {
    if n == 1 {
        base.to_owned()
    } else {
        format!("{base}trang/{n}/")
    }
}

/// The search index input: every listed model, newest first.
fn search_docs<'a>(site: &'a Site, names: &'a [String]) -> Vec<search::SearchDoc<'a>> {
    site.listed
        .iter()
        .map(|&i| {
            let a = &site.articles[i];
            let field = &site.config.fields[a.field];
            search::SearchDoc {
                url: &a.url,
                title: &a.title,
                summary: a.summary.as_deref().unwrap_or(""),
                province: &names[i],
                province_slug: REGISTRY.slug(a.province),
                current_province: &REGISTRY.units[a.province.unit].name,
                current_province_slug: &REGISTRY.units[a.province.unit].slug,
                field: &field.name,
                field_slug: &field.slug,
                year: a.year,
                unit: a.unit.as_deref().unwrap_or(""),
                locality: a.locality.as_deref().unwrap_or(""),
                tags: &a.tags,
                body_html: &a.html,
                body_words: a.word_count,
                level: a.level,
                kind: crate::stats::organisation(a.unit.as_deref()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths() {
        assert_eq!(output_path("", "/"), "index.html");
        assert_eq!(
            output_path("/dvk", "/dvk/tinh/ca-mau/"),
            "tinh/ca-mau/index.html"
        );
        assert_eq!(output_path("", "/404.html"), "404.html");
    }
}
