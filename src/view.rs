//! The theme contract: the `*View` structs templates see, built from `Site` by
//! borrowing. Every field is documented in the README's "Theme contract"; internal
//! types never reach Tera directly, so the model can change without breaking themes.

use serde::Serialize;

use crate::article::Article;
use crate::i18n::Strings;
use crate::province::REGISTRY;
use crate::taxonomy::{Site, Term};

/// Site-wide values, available to every template as `site`.
/// The pages' contexts beside `site`, `page` and `t`: one per template.
/// `index.html`: the home page.
#[derive(Serialize)]
pub struct HomePage {
    /// The newest stories, as cards.
    pub latest: Vec<tera::Value>,
    /// Units with at least one story.
    pub provinces: Vec<TermView>,
    /// Every field.
    pub fields: Vec<TermView>,
    /// Every year with stories, newest first.
    pub years: Vec<TermView>,
    /// The site's totals.
    pub counts: crate::stats::Counts,
}

/// `redirect.html`: an old address (`aliases`) of a story.
#[derive(Serialize)]
pub struct RedirectPage<'a> {
    /// The story's site path.
    pub target: &'a str,
    /// The same, absolute.
    pub target_absolute: String,
}

/// `provinces.html`: every unit, and the map.
#[derive(Serialize)]
pub struct ProvincesPage {
    /// The 34 units, each with its former provinces.
    pub units: Vec<TermView>,
    /// The tile-grid map.
    pub map: crate::stats::map::MapView,
}

/// `terms.html`: every field, year or tag.
#[derive(Serialize)]
pub struct TermsPage {
    /// `linh-vuc`, `nam` or `the`.
    pub section: &'static str,
    /// The terms, in their order.
    pub terms: Vec<TermView>,
}

/// `search.html`: the filters' choices.
#[derive(Serialize)]
pub struct SearchPage {
    /// Every unit.
    pub provinces: Vec<TermView>,
    /// Every field.
    pub fields: Vec<TermView>,
    /// Every year with stories.
    pub years: Vec<TermView>,
}

/// `data.html`: the data files for journalists.
#[derive(Serialize)]
pub struct DataPage {
    /// The site-wide files.
    pub files: Vec<LinkView>,
    /// The columns of `mo-hinh.csv` and `mo-hinh.json`.
    pub columns: Vec<ColumnView>,
    /// Each unit's own files.
    pub provinces: Vec<ProvinceFilesView>,
    /// The site's totals.
    pub counts: crate::stats::Counts,
}

/// One column of the data files, for the data page.
#[derive(Debug, Serialize)]
pub struct ColumnView {
    /// Column (and JSON field) name.
    pub name: &'static str,
    /// What it holds, in Vietnamese.
    pub description: &'static str,
}

/// A province's data files, for the data page.
#[derive(Debug, Serialize)]
pub struct ProvinceFilesView {
    /// Display name.
    pub name: String,
    /// Site path of the province page.
    pub url: String,
    /// Listed models.
    pub count: usize,
    /// Site path of its `mo-hinh.csv`.
    pub csv: String,
    /// Site path of its `mo-hinh.json` (none under `lean_output`).
    pub json: Option<String>,
    /// Its former provinces that have models of their own, each with its files (none
    /// under `lean_output`: their stories are in the unit's file).
    pub former: Vec<ProvinceFilesView>,
}

/// `withdrawn.html`: what is left at a withdrawn story's address.
#[derive(Serialize)]
pub struct WithdrawnPage<'a> {
    /// Why it was withdrawn.
    pub reason: &'a str,
}

/// `article.html`: one story.
#[derive(Serialize)]
pub struct ArticlePage<'a> {
    /// The story.
    pub article: ArticleView<'a>,
}

/// `list.html`: one page of a list.
#[derive(Serialize)]
pub struct ListPage {
    /// The list.
    pub list: ListView,
}

#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// Site title.
    pub title: &'a str,
    /// Site description.
    pub description: &'a str,
    /// Absolute base URL with trailing slash.
    pub base_url: &'a str,
    /// URL path prefix without trailing slash ("" at the root); prefix every link with it.
    pub base_path: &'a str,
    /// Content language (`vi`).
    pub language: &'a str,
    /// Licence of the data.
    pub license: &'a str,
    /// `lean_output` is set: no `index.md`/`index.json` beside stories, some lists on one
    /// page of short rows.
    pub lean_output: bool,
}

/// What every page has, available as `page`.
#[derive(Debug, Serialize)]
pub struct PageView {
    /// Page type: home, article, list, terms, provinces, search, stats, data, not_found, withdrawn, redirect.
    pub kind: &'static str,
    /// Page title (without the site name).
    pub title: String,
    /// Site path, base path included.
    pub url: String,
    /// Absolute URL.
    pub canonical: String,
    /// Meta description.
    pub description: String,
    /// Trail from home to here, the current page last.
    pub breadcrumbs: Vec<LinkView>,
    /// An Atom feed for this page, if any.
    pub feed: Option<String>,
    /// True if the page shows highlighted code (link `assets/syntax.css`).
    pub has_code: bool,
}

/// A link.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct LinkView {
    /// Link text.
    pub title: String,
    /// Site path.
    pub url: String,
}

/// A taxonomy term with its page and count.
#[derive(Debug, Clone, Hash, Serialize)]
pub struct TermView {
    /// Display name.
    pub name: String,
    /// URL slug.
    pub slug: String,
    /// Site path of its page.
    pub url: String,
    /// Number of listed models.
    pub count: usize,
    /// For a former province: the unit it is part of now.
    pub part_of: Option<LinkView>,
    /// For a unit: its former provinces (with their own counts).
    pub former: Vec<TermView>,
}

/// A model in a list: what a card shows.
#[derive(Debug, Serialize)]
pub struct CardView<'a> {
    /// Title.
    pub title: &'a str,
    /// Site path of the model page.
    pub url: &'a str,
    /// Summary, if any.
    pub summary: Option<&'a str>,
    /// Province as shown ("Bạc Liêu (nay thuộc Cà Mau)").
    pub province: String,
    /// Site path of the province page.
    pub province_url: String,
    /// Field name.
    pub field: &'a str,
    /// Site path of the field page.
    pub field_url: String,
    /// Year.
    pub year: i32,
    /// Site path of the year page.
    pub year_url: String,
    /// Date as dd/mm/yyyy, if any.
    pub date: Option<String>,
    /// Date as YYYY-MM-DD, for `<time datetime>`.
    pub date_iso: Option<String>,
    /// Running unit, if any.
    pub unit: Option<&'a str>,
    /// True for a draft, which is built only with `--drafts` (and in `kheo serve`):
    /// mark it, so a preview never looks published.
    pub draft: bool,
}

/// A model page's data, available as `article`.
#[derive(Debug, Serialize)]
pub struct ArticleView<'a> {
    /// Everything a card has.
    #[serde(flatten)]
    pub card: CardView<'a>,
    /// URL slug.
    pub slug: &'a str,
    /// The province the story names.
    pub province_term: LinkView,
    /// The current unit, when the story names a former province.
    pub current_province: Option<LinkView>,
    /// Locality (district, commune, ward).
    pub locality: Option<&'a str>,
    /// Level of recognition ("tỉnh", ...).
    pub level: Option<&'static str>,
    /// Author.
    pub author: Option<&'a str>,
    /// Where it was first published.
    pub source: Option<&'a str>,
    /// Link to the first publication.
    pub source_url: Option<&'a str>,
    /// Lead image: `src` (relative to the page), `caption`, `credit`.
    pub image: Option<ImageView<'a>>,
    /// Tags with their pages.
    pub tags: Vec<LinkView>,
    /// Rendered body (safe HTML: output with `| safe`).
    pub content: &'a str,
    /// Words in the body.
    pub word_count: usize,
    /// Minutes to read at 200 words a minute (at least 1).
    pub reading_minutes: usize,
    /// Site path of the Markdown source beside the page.
    pub source_md_url: Option<String>,
    /// Site path of the JSON data beside the page.
    pub json_url: Option<String>,
    /// A ready-to-paste citation in Vietnamese.
    pub citation: String,
    /// Front matter `extra`, as written.
    pub extra: &'a serde_json::Value,
    /// Other models, best match first (see `related`): up to four cards.
    pub related: Vec<tera::Value>,
    /// Absolute URL of the lead image, for `og:image` and JSON-LD; null without one.
    pub image_absolute: Option<String>,
    /// Publication date as RFC 3339 (`2017-05-12T00:00:00+07:00`), for
    /// `article:published_time`; null without a `date`.
    pub published_time: Option<String>,
    /// schema.org `NewsArticle` as JSON, safe inside `<script type="application/ld+json">`
    /// (`<`, `>`, `&` written as `\u003c`, `\u003e`, `\u0026`): output with `| safe`.
    pub json_ld: String,
}

/// A lead image.
#[derive(Debug, Serialize)]
pub struct ImageView<'a> {
    /// URL (relative to the page, or a site path).
    pub src: String,
    /// Caption, also used as alt text.
    pub caption: Option<&'a str>,
    /// Credit, as written.
    pub credit: Option<&'a str>,
    /// The caption as shown above a credit: ending with a full stop when a credit
    /// follows, so the two never run together ("Tổ tự quản. Ảnh: Thu Hà").
    pub caption_line: Option<String>,
    /// The credit as shown: "Ảnh: Thu Hà", or the credit alone when the editor already
    /// wrote a label ("Minh họa: Thu Hà", "Ảnh Thu Hà"), never "Ảnh: Minh họa: …".
    pub credit_line: Option<String>,
    /// Width in pixels, if known (write it on `<img>`: no layout shift).
    pub width: Option<u32>,
    /// Height in pixels, if known.
    pub height: Option<u32>,
    /// `srcset` with smaller copies made at build, for large JPEG/PNG images beside the
    /// article (null otherwise); use with `sizes`.
    pub srcset: Option<String>,
    /// The `sizes` attribute that goes with `srcset`.
    pub sizes: &'static str,
}

/// A paginated list of models for a term, available as `list`.
#[derive(Debug, Serialize)]
pub struct ListView {
    /// Kind of term: province, former_province, field, year, tag, province_field, province_year, all.
    pub kind: &'static str,
    /// The term.
    pub term: TermView,
    /// Models on this page (cards).
    pub items: Vec<tera::Value>,
    /// True for a list shown whole on one page as short rows (title, place, year) rather
    /// than cards: tags and a province's narrowed lists under `lean_output`.
    pub compact: bool,
    /// Page links.
    pub pagination: PaginationView,
    /// Ways to narrow the list (by field, by year), each with counts.
    pub facets: Vec<FacetView>,
    /// On a unit's first page: its own figures, the charts of `/thong-ke/` narrowed to
    /// it (by field, year, five-year period, level, organisation, former province);
    /// null elsewhere.
    pub figures: Option<Vec<crate::stats::Chart>>,
}

/// Page numbers of a paginated list.
#[derive(Debug, Serialize)]
pub struct PaginationView {
    /// This page's number, from 1.
    pub current: usize,
    /// Number of pages.
    pub total: usize,
    /// Items across all pages.
    pub total_items: usize,
    /// Previous page's path.
    pub prev: Option<String>,
    /// Next page's path.
    pub next: Option<String>,
    /// Every page: number, path, and whether it is this one.
    pub pages: Vec<PageLink>,
}

/// One page number in a pagination bar.
#[derive(Debug, Serialize)]
pub struct PageLink {
    /// Page number.
    pub number: usize,
    /// Site path.
    pub url: String,
    /// True for the current page.
    pub current: bool,
    /// True when page numbers were skipped before this one (show "…").
    pub gap_before: bool,
}

/// A group of links that narrow a list, each with a count.
#[derive(Debug, Hash, Serialize)]
pub struct FacetView {
    /// Heading, e.g. "Theo lĩnh vực".
    pub title: String,
    /// The choices.
    pub items: Vec<TermView>,
}

/// Builds views from a `Site`.
pub struct Views<'a> {
    /// The site.
    pub site: &'a Site,
    /// UI strings.
    pub strings: &'a Strings,
    /// Renders `card.html` into each card's `html`, when the theme has it.
    tera: Option<&'a tera::Tera>,
    /// Each article's card as a template value, made on first use. A story is a card on
    /// fifteen pages on average (its lists, other stories' related models): it is
    /// converted, and its `card.html` rendered, once instead of on each.
    cards: Vec<std::sync::OnceLock<tera::Value>>,
}

impl<'a> Views<'a> {
    /// Views of `site`.
    pub fn new(site: &'a Site, strings: &'a Strings) -> Self {
        Views {
            site,
            strings,
            tera: None,
            cards: (0..site.articles.len())
                .map(|_| Default::default())
                .collect(),
        }
    }

    /// Cards get `html`: the theme's `card.html` rendered with `item` (the card), `site`
    /// and `t`, once per story.
    pub fn with_card_html(mut self, tera: &'a tera::Tera) -> Self {
        self.tera = Some(tera);
        self
    }

    /// The card of article `i` as a template value (shared, cheap to clone); an error
    /// only from the theme's `card.html`.
    pub fn card_value(&self, i: usize) -> tera::TeraResult<tera::Value> {
        if let Some(v) = self.cards[i].get() {
            return Ok(v.clone());
        }
        let mut value = tera::Value::from_serializable(&self.card(i));
        if let Some(tera) = self.tera {
            let mut ctx = tera::Context::new();
            ctx.insert_value("item", value.clone());
            ctx.insert("site", &self.site_view());
            let html = tera.render("card.html", &ctx)?;
            let mut map = value.as_map().cloned().unwrap_or_default();
            map.insert("html".into(), tera::Value::safe_string(&html));
            value = map.into();
        }
        // Two threads may make the same card at once: both values are equal.
        Ok(self.cards[i].get_or_init(|| value).clone())
    }

    /// Site path of a root-relative path (`/tinh/` → `/base/tinh/`).
    pub fn path(&self, p: &str) -> String {
        format!("{}{p}", self.site.config.base_path)
    }

    /// The `site` variable.
    pub fn site_view(&self) -> SiteView<'a> {
        let c = &self.site.config;
        SiteView {
            title: &c.title,
            description: &c.description,
            base_url: &c.base_url,
            base_path: &c.base_path,
            language: &c.language,
            license: &c.license,
            lean_output: c.lean_output,
        }
    }

    /// A term's view, its page under `section` (`tinh`, `linh-vuc`, `nam`, `the`).
    pub fn term(&self, section: &str, t: &Term) -> TermView {
        TermView {
            name: t.name.clone(),
            slug: t.slug.clone(),
            url: self.path(&format!("/{section}/{}/", t.slug)),
            count: t.items.len(),
            part_of: None,
            former: Vec::new(),
        }
    }

    /// A unit's view with its former provinces.
    pub fn unit(&self, i: usize) -> TermView {
        let site = self.site;
        let mut v = self.term("tinh", &site.units[i]);
        let reg = &REGISTRY.units[site.unit_ids[i]];
        v.former = reg.former.iter().map(|&f| self.former(f)).collect();
        v
    }

    /// A former province's view, naming the unit it is part of now.
    pub fn former(&self, f: usize) -> TermView {
        let site = self.site;
        let mut v = self.term("tinh", &site.formers[f]);
        let unit = &REGISTRY.units[REGISTRY.former[f].unit];
        v.part_of = Some(LinkView {
            title: unit.name.clone(),
            url: self.path(&format!("/tinh/{}/", unit.slug)),
        });
        v
    }

    /// A card for article `i`.
    pub fn card(&self, i: usize) -> CardView<'a> {
        let a = &self.site.articles[i];
        let field = &self.site.config.fields[a.field];
        CardView {
            title: &a.title,
            url: &a.url,
            summary: a.summary.as_deref(),
            province: REGISTRY.display(a.province),
            province_url: self.path(&format!("/tinh/{}/", REGISTRY.slug(a.province))),
            field: &field.name,
            field_url: self.path(&format!("/linh-vuc/{}/", field.slug)),
            year: a.year,
            year_url: self.path(&format!("/nam/{}/", a.year)),
            date: a.date.map(|d| d.vi()),
            date_iso: a.date.map(|d| d.iso()),
            unit: a.unit.as_deref(),
            draft: a.draft,
        }
    }

    /// The full view of article `i`, with the cards of its `related` models.
    pub fn article(&self, i: usize, related: Vec<tera::Value>) -> ArticleView<'a> {
        let a: &'a Article = &self.site.articles[i];
        let card = self.card(i);
        let current_province = a.province.former.map(|_| {
            let u = &REGISTRY.units[a.province.unit];
            LinkView {
                title: u.name.clone(),
                url: self.path(&format!("/tinh/{}/", u.slug)),
            }
        });
        let image = a.image.as_ref().map(|img| ImageView {
            src: if img.src.starts_with('/') {
                self.path(&img.src)
            } else {
                img.src.clone()
            },
            caption: img.caption.as_deref(),
            credit: img.credit.as_deref(),
            caption_line: img
                .caption
                .as_deref()
                .map(|c| caption_line(c, img.credit.is_some())),
            credit_line: img
                .credit
                .as_deref()
                .map(|c| credit_line(c, self.strings.get("image_credit"))),
            width: img.size.map(|s| s.0),
            height: img.size.map(|s| s.1),
            srcset: img
                .size
                .filter(|_| !img.src.starts_with('/'))
                .and_then(|(w, _)| crate::images::srcset(&img.src, w)),
            sizes: crate::images::SIZES,
        });
        let tags = a
            .tags
            .iter()
            .zip(&a.tag_slugs)
            .map(|(t, slug)| LinkView {
                title: t.clone(),
                url: self.path(&format!("/the/{slug}/")),
            })
            .collect();
        let image_absolute = a.image.as_ref().map(|img| self.absolute_src(a, &img.src));
        let json_ld = self.json_ld(a, image_absolute.as_deref());
        let lean = self.site.config.lean_output;
        ArticleView {
            image_absolute,
            published_time: a.date.map(|d| format!("{}T00:00:00+07:00", d.iso())),
            json_ld,
            province_term: LinkView {
                title: REGISTRY.name(a.province).to_owned(),
                url: card.province_url.clone(),
            },
            citation: self.citation(a),
            card,
            slug: &a.slug,
            current_province,
            locality: a.locality.as_deref(),
            level: a.level.map(|l| l.name()),
            author: a.author.as_deref(),
            source: a.source_name.as_deref(),
            source_url: a.source_url.as_deref(),
            image,
            tags,
            content: &a.html,
            word_count: a.word_count,
            reading_minutes: a.word_count.div_ceil(200).max(1),
            source_md_url: (!lean).then(|| format!("{}index.md", a.url)),
            json_url: (!lean).then(|| format!("{}index.json", a.url)),
            extra: &a.extra,
            related,
        }
    }

    /// Absolute URL of an image `src` as written in article `a`'s front matter.
    fn absolute_src(&self, a: &Article, src: &str) -> String {
        let c = &self.site.config;
        if src.starts_with("http://") || src.starts_with("https://") {
            src.to_owned()
        } else if src.starts_with('/') {
            c.absolute(&self.path(src))
        } else {
            c.absolute(&format!("{}{src}", a.url))
        }
    }

    /// schema.org `NewsArticle` of article `a`, as JSON text that cannot end its
    /// `<script>` element early.
    pub fn json_ld(&self, a: &Article, image: Option<&str>) -> String {
        let c = &self.site.config;
        let url = c.absolute(&a.url);
        let home = c.absolute(&self.path("/"));
        let field = &c.fields[a.field];
        let publisher = LdAgent {
            kind: "Organization",
            name: &c.title,
            url: Some(&home),
        };
        let mut keywords = vec![field.name.as_str()];
        keywords.extend(a.tags.iter().map(String::as_str));
        let ld = Ld {
            context: "https://schema.org",
            kind: "NewsArticle",
            article_section: &field.name,
            author: match &a.author {
                Some(name) => LdAgent {
                    kind: "Person",
                    name,
                    url: None,
                },
                None => publisher.clone(),
            },
            content_location: LdPlace {
                kind: "Place",
                address: LdAddress {
                    kind: "PostalAddress",
                    address_country: "VN",
                    address_locality: a.locality.as_deref(),
                    address_region: &REGISTRY.units[a.province.unit].name,
                },
                name: REGISTRY.display(a.province),
            },
            date_published: a.date.map_or_else(|| a.year.to_string(), |d| d.iso()),
            // Under `lean_output` the page's meta description and `mainEntityOfPage` say
            // these already.
            description: a.summary.as_deref().filter(|_| !c.lean_output),
            headline: &a.title,
            image: image.map(|i| [i]),
            in_language: "vi",
            is_based_on: a.source_url.as_deref(),
            keywords,
            main_entity_of_page: LdPage {
                id: &url,
                kind: "WebPage",
            },
            publisher,
            source_organization: a.unit.as_deref().map(|u| LdAgent {
                kind: "Organization",
                name: u,
                url: None,
            }),
            url: (!c.lean_output).then_some(url.as_str()),
            word_count: a.word_count,
        };
        // Serialising borrowed strings and numbers cannot fail.
        script_safe(&serde_json::to_string(&ld).unwrap_or_default())
    }

    /// "Tên mô hình", đơn vị, địa bàn, tỉnh, năm. Nguồn. URL (truy cập ngày …).
    pub fn citation(&self, a: &Article) -> String {
        let mut parts = vec![format!("“{}”", a.title)];
        if let Some(u) = &a.unit {
            parts.push(u.clone());
        }
        if let Some(l) = &a.locality {
            parts.push(l.clone());
        }
        parts.push(REGISTRY.display(a.province));
        parts.push(a.year.to_string());
        let mut s = parts.join(", ");
        s.push('.');
        let t = |k| self.strings.get(k);
        if let Some(src) = &a.source_name {
            s.push_str(&format!(" {}: {src}.", t("citation_source")));
        }
        s.push_str(&format!(
            " {} ({}).",
            self.site.config.absolute(&a.url),
            t("citation_accessed")
        ));
        s
    }

    /// Pagination for page `current` of `total_items` under `base` (a site path).
    pub fn pagination(&self, base: &str, current: usize, total_items: usize) -> PaginationView {
        self.pagination_by(base, current, total_items, self.site.config.page_size)
    }

    /// `pagination` with `size` items per page.
    pub fn pagination_by(
        &self,
        base: &str,
        current: usize,
        total_items: usize,
        size: usize,
    ) -> PaginationView {
        let total = total_items.div_ceil(size).max(1);
        let url = |n: usize| {
            if n == 1 {
                base.to_owned()
            } else {
                format!("{base}trang/{n}/")
            }
        };
        PaginationView {
            current,
            total,
            total_items,
            prev: (current > 1).then(|| url(current - 1)),
            next: (current < total).then(|| url(current + 1)),
            pages: window(current, total)
                .into_iter()
                .scan(0, |last, n| {
                    let gap_before = n > *last + 1 && *last > 0;
                    *last = n;
                    Some(PageLink {
                        number: n,
                        url: url(n),
                        current: n == current,
                        gap_before,
                    })
                })
                .collect(),
        }
    }
}

/// A caption followed by a credit ends with a full stop (or its own punctuation).
pub(crate) fn caption_line(caption: &str, credited: bool) -> String {
    let c = caption.trim_end();
    if credited && !c.ends_with(['.', '!', '?', '…']) {
        format!("{c}.")
    } else {
        c.to_owned()
    }
}

/// `label: credit`, unless the credit already starts with a label: a short phrase
/// before a colon ("Minh họa:", "Ảnh:", "Nguồn:") or the label word itself ("Ảnh Thu Hà").
pub(crate) fn credit_line(credit: &str, label: &str) -> String {
    let credit = credit.trim();
    let labelled = credit.split_once(':').is_some_and(|(head, _)| {
        let words = head.split_whitespace().count();
        (1..=3).contains(&words) && head.chars().count() <= 20
    });
    let first = credit.split_whitespace().next().unwrap_or_default();
    let starts_with_label = crate::vietnamese::fold(first) == crate::vietnamese::fold(label);
    if labelled || starts_with_label || label.is_empty() {
        credit.to_owned()
    } else {
        format!("{label}: {credit}")
    }
}

/// JSON made safe to embed in a `<script>` element: `<`, `>` and `&` (which serde_json
/// writes only inside strings) become `\u003c`, `\u003e`, `\u0026`, the same text to a
/// JSON parser; so neither `</script>` nor `<!--` nor any tag can appear in the page.
pub(crate) fn script_safe(json: &str) -> String {
    crate::escape::replace_ascii(json, |b| match b {
        b'<' => Some("\\u003c"),
        b'>' => Some("\\u003e"),
        b'&' => Some("\\u0026"),
        _ => None,
    })
}

/// schema.org `NewsArticle` for `Views::json_ld`. Fields in alphabetical order, the
/// order the output has always had.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Ld<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    article_section: &'a str,
    author: LdAgent<'a>,
    content_location: LdPlace<'a>,
    date_published: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<[&'a str; 1]>,
    in_language: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_based_on: Option<&'a str>,
    keywords: Vec<&'a str>,
    main_entity_of_page: LdPage<'a>,
    publisher: LdAgent<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_organization: Option<LdAgent<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    word_count: usize,
}

/// A person or an organisation.
#[derive(Serialize, Clone)]
struct LdAgent<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct LdPlace<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address: LdAddress<'a>,
    name: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LdAddress<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    address_country: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    address_locality: Option<&'a str>,
    address_region: &'a str,
}

#[derive(Serialize)]
struct LdPage<'a> {
    #[serde(rename = "@id")]
    id: &'a str,
    #[serde(rename = "@type")]
    kind: &'static str,
}

/// Page numbers to show: the first, the last, and two either side of the current one,
/// so a list of 500 pages does not print 500 links on each of them.
fn window(current: usize, total: usize) -> Vec<usize> {
    let lo = current.saturating_sub(2).max(1);
    let hi = (current + 2).min(total);
    let mut v = vec![1];
    v.extend(lo.max(2)..=hi);
    if total > 1 && v.last() != Some(&total) {
        v.push(total);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::{caption_line, credit_line, script_safe, window};

    #[test]
    fn a_credit_label_the_editor_wrote_is_not_doubled() {
        assert_eq!(credit_line("Minh họa: Thu Hà", "Ảnh"), "Minh họa: Thu Hà");
        assert_eq!(credit_line("Ảnh: Thu Hà", "Ảnh"), "Ảnh: Thu Hà");
        assert_eq!(credit_line("ảnh Thu Hà", "Ảnh"), "ảnh Thu Hà");
        assert_eq!(credit_line("Thu Hà", "Ảnh"), "Ảnh: Thu Hà");
        assert_eq!(caption_line("Tổ tự quản", true), "Tổ tự quản.");
        assert_eq!(caption_line("Tổ tự quản?", true), "Tổ tự quản?");
        assert_eq!(caption_line("Tổ tự quản", false), "Tổ tự quản");
        assert_eq!(
            caption_line("Đường mới (minh họa)", true),
            "Đường mới (minh họa)."
        );
    }

    #[test]
    fn json_in_a_script_cannot_close_it() {
        let text = serde_json::json!({ "a": "</script><!-- x & y -->" }).to_string();
        let safe = script_safe(&text);
        assert!(!safe.contains(['<', '>', '&']), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back["a"], "</script><!-- x & y -->");
    }

    #[test]
    fn pagination_window() {
        assert_eq!(window(1, 1), [1]);
        assert_eq!(window(1, 3), [1, 2, 3]);
        assert_eq!(window(10, 50), [1, 8, 9, 10, 11, 12, 50]);
    }
}
