//! Stage 5: `Site` → pages. Plans every output file as a `Job` (cheap descriptions),
//! then renders the jobs in parallel, handing each file to a `Sink` as soon as it is
//! made, so the whole rendered site is never held in memory. Templates are compiled
//! once per build; a template error stops the build with the template's name.

mod pages;
mod plan;

use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::load::Theme;
use crate::output::{Sink, output_path};
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::view::{FacetView, LinkView, PageView, TermView, Views};
use crate::{export, feed, search};

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
pub fn templates(theme: &Theme) -> Result<tera::Tera> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    for name in TEMPLATES {
        if !theme.templates.contains_key(name) {
            return Err(Error::Template {
                name: name.to_owned(),
                message: "missing from the theme".to_owned(),
            });
        }
    }
    let list: Vec<(&str, &str)> = theme
        .templates
        .iter()
        .map(|(n, t)| (n.as_str(), t.text.as_str()))
        .collect();
    tera.add_raw_templates(list)
        .map_err(|e| template_error(theme, &e))?;
    let strings: serde_json::Value =
        yaml_serde::from_str(&theme.strings).map_err(|e| Error::Template {
            name: "strings.yaml".to_owned(),
            message: e.to_string(),
        })?;
    tera.global_context().insert("t", &strings);
    Ok(tera)
}

fn template_error(theme: &Theme, e: &tera::Error) -> Error {
    let mut message = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    let name = theme
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
pub struct ListSpec {
    kind: &'static str,
    title: String,
    term: TermView,
    items: Vec<usize>,
    crumbs: Vec<LinkView>,
    facets: Vec<FacetView>,
    feed: Option<String>,
    layout: Layout,
}

/// How a list shows its stories.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// Cards (title, place, field, year, summary, unit), `page_size` a page.
    Cards,
    /// Short rows (`ListView::compact`), `ROWS_PER_CARD` times `page_size` a page: the
    /// main lists under `lean_output`, where cards would repeat every story's summary
    /// in three lists.
    Rows,
    /// Short rows, `LONG_ROWS` a page: tags and a province's narrowed lists under
    /// `lean_output` (the biggest families of lists: few files, and a page still light
    /// on a phone when a tag holds thousands of stories).
    LongRows,
}

/// A row is about a third of a card's bytes: a page of rows holds this many times
/// more stories for a page of about the same weight.
const ROWS_PER_CARD: usize = 4;

/// Rows a page of a `Layout::LongRows` list: about 40 KB of HTML.
const LONG_ROWS: usize = 200;

/// One output file (or a few that belong together), described before rendering.
#[derive(Debug)]
pub enum Job {
    Home,
    Article(usize),
    /// The smaller copies of a story's large photos, for `srcset`: a job of its own, so
    /// `check` (which writes nothing, not even the image cache) can leave it out.
    ImageCopies(usize),
    Redirect {
        from: String,
        to: String,
    },
    List(Arc<ListSpec>, usize),
    Provinces,
    Terms {
        section: &'static str,
    },
    Search,
    Stats,
    Data,
    NotFound,
    Atom(feed::Feed),
    JsonFeed,
    CrawlerFiles,
    ExportSite,
    ExportTerm {
        former: bool,
        index: usize,
    },
    SearchIndex,
    Statics,
}

impl Job {
    /// A stable name, unique in a build, to match jobs across rebuilds.
    pub fn key(&self, site: &Site) -> String {
        match self {
            Job::Home => "home".into(),
            Job::Article(i) => format!("article:{}", site.articles[*i].url),
            Job::ImageCopies(i) => format!("images:{}", site.articles[*i].url),
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

    /// True for the smaller copies of photos, which `check` does not make.
    pub fn is_image_copies(&self) -> bool {
        matches!(self, Job::ImageCopies(_))
    }

    /// Jobs whose output depends on every article; `serve` runs them after the pages.
    pub fn is_site_wide(&self) -> bool {
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

/// What a job's output is made from, declared beside the jobs (`Plan::inputs`): the
/// incremental engine hashes it to tell whether a job must run again, and `Plan::run`
/// renders the same stories, so the two cannot drift apart.
#[derive(Debug, Default)]
pub struct Inputs {
    /// The stories the job shows, in order (each read whole: its content and address).
    pub articles: Vec<usize>,
    /// True if the job shows the size of every list (the home page's counts).
    pub counts: bool,
    /// Everything else it reads, hashed (a list's title and facets, a page number, the
    /// files beside a story, every page address for the sitemap).
    pub own: u64,
}

/// What rendering needs besides the site: the theme, its templates compiled (by
/// `templates`), and where the smaller copies of photos are kept between builds (`None`:
/// made afresh each time).
pub struct Look<'a> {
    /// The theme as loaded.
    pub theme: &'a Theme,
    /// Its templates, compiled.
    pub tera: &'a tera::Tera,
    /// The image cache folder (`images::cache_dir`).
    pub image_cache: Option<std::path::PathBuf>,
}

impl<'a> Look<'a> {
    /// The look of the site loaded in `loaded`, with its image cache.
    pub fn of(loaded: &'a crate::load::Loaded, tera: &'a tera::Tera) -> Self {
        Look {
            theme: &loaded.theme,
            tera,
            image_cache: crate::images::cache_dir(&loaded.root),
        }
    }
}

/// Runs `f` with the plan of the whole site: every job, and what rendering them needs.
/// `related` comes from `related::related` (or the engine's memo of it); `search` is
/// the search index's memo of the last build (the sink's `previous` gives its files).
pub fn with_plan<R>(
    site: &Site,
    look: &Look<'_>,
    related: &[Vec<usize>],
    search: Option<&search::Memo>,
    f: impl FnOnce(&Plan<'_>) -> Result<R>,
) -> Result<R> {
    let Look {
        theme,
        tera,
        image_cache,
    } = look;
    let image_cache = image_cache.as_deref();
    let strings =
        crate::i18n::Strings::parse(&theme.strings).map_err(|message| Error::Template {
            name: "strings.yaml".to_owned(),
            message,
        })?;
    let mut views = Views::new(site, &strings);
    if theme.templates.contains_key("card.html") {
        views = views.with_card_html(tera);
    }
    let t = std::time::Instant::now();
    let jobs = plan::plan(site, &views);
    crate::log::stage("render: plan", t);
    f(&Plan {
        site,
        theme,
        image_cache,
        tera,
        views,
        related,
        search_last: search,
        search_made: std::sync::Mutex::new(None),
        jobs: &jobs,
    })
}

/// The jobs of a build and everything rendering them needs, shared across threads.
pub struct Plan<'a> {
    site: &'a Site,
    theme: &'a Theme,
    image_cache: Option<&'a std::path::Path>,
    tera: &'a tera::Tera,
    views: Views<'a>,
    related: &'a [Vec<usize>],
    /// The search index's memo of the last build.
    search_last: Option<&'a search::Memo>,
    /// This build's, once the index is made.
    search_made: std::sync::Mutex<Option<search::Memo>>,
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

impl Plan<'_> {
    /// Every job of the build, in a fixed order.
    pub fn jobs(&self) -> &[Job] {
        self.jobs
    }

    /// The search index's memo for the next build, if the index was made.
    pub fn search_memo(&self) -> Option<search::Memo> {
        self.search_made.lock().ok()?.take()
    }

    /// The site the plan renders.
    pub fn site(&self) -> &Site {
        self.site
    }

    /// What `job` is made from (see `Inputs`). Cheap: indices and small hashes.
    pub fn inputs(&self, job: &Job) -> Inputs {
        use std::hash::{Hash, Hasher};
        let site = self.site;
        let mut h = rustc_hash::FxHasher::default();
        let (articles, counts): (Vec<usize>, bool) = match job {
            Job::Home => (latest(site).to_vec(), true),
            Job::Article(i) => {
                // The files beside the story are copied as they are: their identity.
                for asset in &site.articles[*i].assets {
                    asset.name.hash(&mut h);
                    crate::output::file_identity(&asset.file).hash(&mut h);
                }
                let mut a = vec![*i];
                a.extend(&self.related[*i]);
                (a, false)
            }
            Job::ImageCopies(i) => {
                // The copies depend on each photo's bytes (its identity) and width.
                let a = &site.articles[*i];
                for asset in a
                    .assets
                    .iter()
                    .filter(|x| crate::images::is_resizable(&x.name))
                {
                    asset.name.hash(&mut h);
                    crate::output::file_identity(&asset.file).hash(&mut h);
                    asset.width.hash(&mut h);
                }
                (Vec::new(), false)
            }
            Job::Redirect { from, to } => {
                (from, to).hash(&mut h);
                (Vec::new(), false)
            }
            Job::List(spec, n) => {
                (spec.kind, &spec.title, &spec.term, spec.items.len()).hash(&mut h);
                (&spec.facets, &spec.feed, &spec.crumbs, n).hash(&mut h);
                (list_inputs(spec, *n, page_size(spec, site)).to_vec(), false)
            }
            Job::Provinces | Job::Search | Job::Terms { .. } | Job::Data => (Vec::new(), true),
            Job::Stats => (site.listed.clone(), true),
            Job::NotFound | Job::Statics => (Vec::new(), false),
            Job::Atom(f) => (
                f.items(site)
                    .iter()
                    .take(feed::FEED_SIZE)
                    .copied()
                    .collect(),
                false,
            ),
            Job::JsonFeed => (
                site.listed.iter().take(feed::FEED_SIZE).copied().collect(),
                false,
            ),
            Job::CrawlerFiles => {
                self.sitemap().hash(&mut h);
                (Vec::new(), false)
            }
            Job::ExportSite | Job::SearchIndex => (site.listed.clone(), false),
            Job::ExportTerm { former, index } => {
                let term = if *former {
                    &site.formers[*index]
                } else {
                    &site.units[*index]
                };
                (term.items.clone(), false)
            }
        };
        if matches!(job, Job::Statics) {
            site.articles.iter().any(|a| a.has_code).hash(&mut h);
        }
        Inputs {
            articles,
            counts,
            own: h.finish(),
        }
    }

    /// Every page address of the plan that belongs in the sitemap.
    fn sitemap(&self) -> Vec<String> {
        self.jobs
            .iter()
            .flat_map(|j| self.sitemap_urls(j))
            .collect()
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
        match template_error(self.theme, e) {
            Error::Template { message, .. } => Error::Template {
                name: template.to_owned(),
                message,
            },
            other => other,
        }
    }

    /// The breadcrumbs of a page right below the home page.
    fn home_crumb(&self) -> Vec<LinkView> {
        self.crumbs(&[(self.views.strings.get("home"), "/")])
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

    /// Renders `job` into `sink`; returns the number of HTML pages it made.
    pub fn run(&self, job: &Job, sink: &dyn Sink) -> Result<usize> {
        let site = self.site;
        let v = &self.views;
        match job {
            Job::Home => self.home(sink),
            Job::Article(i) => self.article(*i, sink),
            Job::ImageCopies(i) => self.image_copies(*i, sink).map(|()| 0),
            Job::Redirect { from, to } => self.redirect(from, to, sink),
            Job::List(spec, n) => self.list(spec, *n, sink),
            Job::Provinces => self.provinces(sink),
            Job::Terms { section } => self.terms(section, sink),
            Job::Search => self.search(sink),
            Job::Stats => self.stats(sink),
            Job::Data => self.data(sink),
            Job::NotFound => self.not_found(sink),
            Job::Atom(f) => feed::write_atom(site, v, *f, sink).map(|()| 0),
            Job::JsonFeed => feed::write_json(site, v, sink).map(|()| 0),
            Job::CrawlerFiles => {
                feed::write_crawler_files(site, v, &self.sitemap(), sink).map(|()| 0)
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
            Job::SearchIndex => self.search_index(sink),
            Job::Statics => self.statics(sink),
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
}

fn clone_facets(f: &[FacetView]) -> Vec<FacetView> {
    f.iter()
        .map(|f| FacetView {
            title: f.title.clone(),
            items: f.items.clone(),
        })
        .collect()
}

/// The stories on the home page: the newest.
fn latest(site: &Site) -> &[usize] {
    &site.listed[..site.listed.len().min(12)]
}

/// Stories per page of a list (`Layout`).
fn page_size(spec: &ListSpec, site: &Site) -> usize {
    match spec.layout {
        Layout::Cards => site.config.page_size,
        Layout::Rows => site.config.page_size.saturating_mul(ROWS_PER_CARD),
        Layout::LongRows => LONG_ROWS,
    }
}

/// The stories on page `n` of a list.
fn page_items(spec: &ListSpec, n: usize, size: usize) -> &[usize] {
    let start = (n - 1).saturating_mul(size).min(spec.items.len());
    &spec.items[start..start.saturating_add(size).min(spec.items.len())]
}

/// What page `n` of a list reads: its stories, and on a unit's first page all of the
/// unit's stories (its figures count them).
fn list_inputs(spec: &ListSpec, n: usize, size: usize) -> &[usize] {
    if n == 1 && spec.kind == "province" {
        &spec.items
    } else {
        page_items(spec, n, size)
    }
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
