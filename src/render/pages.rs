//! One method per kind of page: each gathers its view (the types of `view`, the
//! template contract) and renders it with its template. `Plan::run` dispatches here.

use super::{ListSpec, Plan, clone_facets, latest, page_items, page_url, search_docs};
use crate::article::SourceText;
use crate::error::Result;
use crate::output::{Blob, Sink, output_path};
use crate::province::REGISTRY;
use crate::view::{
    ArticlePage, DataPage, HomePage, LinkView, ListPage, ListView, ProvincesPage, RedirectPage,
    SearchPage, TermsPage, WithdrawnPage,
};
use crate::{export, search, stats};

impl Plan<'_> {
    pub(super) fn home(&self, sink: &dyn Sink) -> Result<usize> {
        let (site, v) = (self.site, &self.views);
        let latest = latest(site)
            .iter()
            .map(|&i| self.card(i))
            .collect::<Result<_>>()?;
        let provinces = (0..site.units.len())
            .filter(|&i| !site.units[i].items.is_empty())
            .map(|i| v.unit(i))
            .collect();
        let data = HomePage {
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

    pub(super) fn redirect(&self, from: &str, to: &str, sink: &dyn Sink) -> Result<usize> {
        let config = &self.site.config;
        let title = self.views.strings.get("title_redirect");
        let mut page = self.page("redirect", title, from, "", Vec::new());
        page.canonical = config.absolute(to);
        let data = RedirectPage {
            target: to,
            target_absolute: config.absolute(to),
        };
        self.html("redirect.html", page, data, sink)
    }

    pub(super) fn provinces(&self, sink: &dyn Sink) -> Result<usize> {
        let (site, v) = (self.site, &self.views);
        let units = (0..site.units.len()).map(|i| v.unit(i)).collect();
        let page = self.page(
            "provinces",
            "Tỉnh, thành phố",
            &v.path("/tinh/"),
            v.strings.get("desc_provinces"),
            self.home_crumb(),
        );
        let map = stats::map::view(site, v.strings);
        self.html("provinces.html", page, ProvincesPage { units, map }, sink)
    }

    pub(super) fn terms(&self, section: &'static str, sink: &dyn Sink) -> Result<usize> {
        let (site, v) = (self.site, &self.views);
        let t = |k| v.strings.get(k);
        let (title, terms) = match section {
            "linh-vuc" => (t("fields"), &site.fields),
            "nam" => (t("years"), &site.years),
            _ => (t("tags"), &site.tags),
        };
        let terms = terms.iter().map(|t| v.term(section, t)).collect();
        let url = v.path(&format!("/{section}/"));
        let page = self.page("terms", title, &url, "", self.home_crumb());
        self.html("terms.html", page, TermsPage { section, terms }, sink)
    }

    pub(super) fn search(&self, sink: &dyn Sink) -> Result<usize> {
        let (site, v) = (self.site, &self.views);
        let data = SearchPage {
            provinces: (0..site.units.len()).map(|i| v.unit(i)).collect(),
            fields: site.fields.iter().map(|t| v.term("linh-vuc", t)).collect(),
            years: site.years.iter().map(|t| v.term("nam", t)).collect(),
        };
        let page = self.page(
            "search",
            v.strings.get("title_search"),
            &v.path("/tim-kiem/"),
            v.strings.get("desc_search"),
            self.home_crumb(),
        );
        self.html("search.html", page, data, sink)
    }

    pub(super) fn stats(&self, sink: &dyn Sink) -> Result<usize> {
        let v = &self.views;
        let page = self.page(
            "stats",
            v.strings.get("title_stats"),
            &v.path("/thong-ke/"),
            v.strings.get("desc_stats"),
            self.home_crumb(),
        );
        self.html("stats.html", page, stats::view(self.site, v.strings), sink)
    }

    pub(super) fn data(&self, sink: &dyn Sink) -> Result<usize> {
        let (site, v) = (self.site, &self.views);
        let link = |title: &str, path: &str| LinkView {
            title: title.to_owned(),
            url: v.path(path),
        };
        let files = DATA_FILES.iter().map(|(t, p)| link(t, p)).collect();
        let data = DataPage {
            files,
            columns: export::columns(),
            provinces: export::province_files(site, v),
            counts: stats::counts(site),
        };
        let page = self.page(
            "data",
            v.strings.get("title_data"),
            &v.path("/du-lieu/"),
            v.strings.get("desc_data"),
            self.home_crumb(),
        );
        self.html("data.html", page, data, sink)
    }

    pub(super) fn not_found(&self, sink: &dyn Sink) -> Result<usize> {
        let v = &self.views;
        let url = v.path("/404.html");
        let title = v.strings.get("not_found_title");
        let mut page = self.page("not_found", title, &url, "", Vec::new());
        page.canonical = self.site.config.absolute(&url);
        self.html("404.html", page, serde_json::json!({}), sink)
    }

    pub(super) fn search_index(&self, sink: &dyn Sink) -> Result<usize> {
        let site = self.site;
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
        let read = |path: &str| sink.previous(path);
        let previous = self
            .search_last
            .map(|memo| search::Previous { memo, read: &read });
        let memo = search::build_into(&docs, previous.as_ref(), &mut |path, bytes| {
            if failed.is_none() {
                failed = sink.put(&path, bytes).err();
            }
        });
        if let Ok(mut made) = self.search_made.lock() {
            *made = Some(memo);
        }
        crate::log::stage("render: search index", t);
        failed.map_or(Ok(0), Err)
    }

    pub(super) fn statics(&self, sink: &dyn Sink) -> Result<usize> {
        crate::cms::write(&self.site.config, sink)?;
        for (path, blob) in &self.theme.statics {
            sink.copy(path, blob)?;
        }
        if self.site.articles.iter().any(|a| a.has_code) {
            let css = crate::markdown::highlight_css().into_bytes();
            sink.put("assets/syntax.css", css)?;
        }
        Ok(0)
    }

    pub(super) fn article(&self, i: usize, sink: &dyn Sink) -> Result<usize> {
        let a = &self.site.articles[i];
        let v = &self.views;
        if let Some(reason) = &a.withdrawn {
            let page = self.page(
                "withdrawn",
                self.views.strings.get("withdrawn_title"),
                &a.url,
                "",
                self.crumbs(&[(self.views.strings.get("home"), "/")]),
            );
            return self.html("withdrawn.html", page, WithdrawnPage { reason }, sink);
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
        self.beside(i, sink)?;
        self.html("article.html", page, ArticlePage { article: view }, sink)
    }

    pub(super) fn list(&self, spec: &ListSpec, n: usize, sink: &dyn Sink) -> Result<usize> {
        let size = super::page_size(spec, self.site);
        let items = page_items(spec, n, size)
            .iter()
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
            pagination: (self.views).pagination_by(&spec.term.url, n, spec.items.len(), size),
            compact: spec.layout != super::Layout::Cards,
            facets: if n == 1 {
                clone_facets(&spec.facets)
            } else {
                Vec::new()
            },
            figures: (n == 1 && spec.kind == "province")
                .then(|| stats::unit_figures(self.site, self.views.strings, &spec.term.slug))
                .flatten(),
        };
        self.html("list.html", page, ListPage { list }, sink)
    }

    /// The files beside a story's page: its source (`index.md`), its data
    /// (`index.json`) and its images (their smaller copies are `image_copies`).
    fn beside(&self, i: usize, sink: &dyn Sink) -> Result<()> {
        let a = &self.site.articles[i];
        let lean = self.site.config.lean_output;
        let base = output_path(&self.site.config.base_path, &a.url);
        let dir = base.trim_end_matches("index.html");
        // `lean_output`: the source is in the site's repository and the data in the
        // unit's and the site's data files, so no copies beside the page.
        if !lean {
            let md = format!("{dir}index.md");
            match &a.source_text {
                SourceText::File(file) => sink.copy(&md, &Blob::Disk(file.clone()))?,
                SourceText::Text(text) => sink.put(&md, text.as_bytes().to_vec())?,
            }
            let json = export::article_json(self.site, &self.views, i);
            sink.put(&format!("{dir}index.json"), json)?;
        }
        for asset in &a.assets {
            let path = format!("{dir}{}", asset.name);
            sink.copy(&path, &Blob::Disk(asset.file.clone()))?;
        }
        Ok(())
    }

    /// The smaller copies of a story's large photos, for `srcset` (see `images`).
    pub(super) fn image_copies(&self, i: usize, sink: &dyn Sink) -> Result<()> {
        let a = &self.site.articles[i];
        let base = output_path(&self.site.config.base_path, &a.url);
        let dir = base.trim_end_matches("index.html");
        for asset in a
            .assets
            .iter()
            .filter(|x| crate::images::is_resizable(&x.name))
        {
            for w in crate::images::variant_widths(asset.width) {
                let bytes = crate::images::resized(self.image_cache, &asset.file, w)?;
                let name = crate::images::variant_name(&asset.name, w);
                sink.put(&format!("{dir}{name}"), bytes)?;
            }
        }
        Ok(())
    }
}

/// The data files `/du-lieu/` links, by title and site path.
const DATA_FILES: [(&str, &str); 8] = [
    ("mo-hinh.csv", "/du-lieu/mo-hinh.csv"),
    ("mo-hinh.json", "/du-lieu/mo-hinh.json"),
    ("mo-hinh.schema.json", "/du-lieu/mo-hinh.schema.json"),
    ("thong-ke.csv", "/du-lieu/thong-ke.csv"),
    ("thong-ke.json", "/du-lieu/thong-ke.json"),
    ("thong-ke.schema.json", "/du-lieu/thong-ke.schema.json"),
    ("feed.json", "/feed.json"),
    ("atom.xml", "/atom.xml"),
];
