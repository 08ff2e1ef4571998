//! Feeds and crawler files: Atom (`/atom.xml`, per province, per field), JSON Feed 1.1
//! (`/feed.json`), `sitemap.xml` and `robots.txt`. Built as strings here rather than
//! templates: their formats are fixed and their escaping must be exact.

use crate::article::Article;
use crate::error::Result;
use crate::output::Sink;
use crate::province::REGISTRY;
use crate::taxonomy::Site;
use crate::view::Views;

/// Entries per feed.
pub const FEED_SIZE: usize = 50;

/// Which Atom feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    /// `/atom.xml`: the whole site.
    Site,
    /// `/tinh/<slug>/atom.xml`: a unit (index into `Site::units`).
    Unit(usize),
    /// `/linh-vuc/<slug>/atom.xml`: a field.
    Field(usize),
}

impl Feed {
    /// The listed articles the feed draws from, newest first.
    pub fn items<'a>(&self, site: &'a Site) -> &'a [usize] {
        match *self {
            Feed::Site => &site.listed,
            Feed::Unit(i) => &site.units[i].items,
            Feed::Field(i) => &site.fields[i].items,
        }
    }
}

/// Writes one Atom feed.
pub fn write_atom(site: &Site, v: &Views<'_>, feed: Feed, sink: &dyn Sink) -> Result<()> {
    let c = &site.config;
    let (title, page) = match feed {
        Feed::Site => (c.title.clone(), v.path("/")),
        Feed::Unit(i) => {
            let t = &site.units[i];
            (
                format!("{} – {}", t.name, c.title),
                v.path(&format!("/tinh/{}/", t.slug)),
            )
        }
        Feed::Field(i) => {
            let t = &site.fields[i];
            (
                format!("{} – {}", t.name, c.title),
                v.path(&format!("/linh-vuc/{}/", t.slug)),
            )
        }
    };
    let self_url = format!("{page}atom.xml");
    let path = crate::output::output_path(&c.base_path, &self_url);
    // Under `lean_output` only the site's feed carries whole stories; a unit's or a
    // field's gives each story's summary and link.
    let full = matches!(feed, Feed::Site) || !c.lean_output;
    sink.put(
        &path,
        atom(site, &title, &page, &self_url, feed.items(site), full),
    )
}

/// Writes `/feed.json`.
pub fn write_json(site: &Site, v: &Views<'_>, sink: &dyn Sink) -> Result<()> {
    sink.put("feed.json", json_feed(site, v))
}

/// The most URLs one sitemap file may list (the sitemap protocol's limit).
const SITEMAP_URLS: usize = 50_000;

/// Writes `sitemap.xml` (of `urls`) and `robots.txt`. Past the protocol's 50,000 URLs,
/// `sitemap.xml` is an index of `sitemap-1.xml`, `sitemap-2.xml`, … (a national site of
/// 50,000 stories has about 80,000 pages).
pub fn write_crawler_files(
    site: &Site,
    v: &Views<'_>,
    urls: &[String],
    sink: &dyn Sink,
) -> Result<()> {
    for (path, bytes) in sitemaps(site, v, urls, SITEMAP_URLS) {
        sink.put(&path, bytes)?;
    }
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        site.config.absolute(&v.path("/sitemap.xml"))
    );
    sink.put("robots.txt", robots.into_bytes())
}

/// RFC 3339 timestamp of an article (its date, or 1 January of its year), in Vietnam's time zone.
fn updated(a: &Article) -> String {
    let (y, m, d) = a.recency();
    format!("{y:04}-{m:02}-{d:02}T00:00:00+07:00")
}

fn atom(
    site: &Site,
    title: &str,
    page: &str,
    self_url: &str,
    items: &[usize],
    full: bool,
) -> Vec<u8> {
    let c = &site.config;
    let entries: Vec<&Article> = items
        .iter()
        .take(FEED_SIZE)
        .map(|&i| &*site.articles[i])
        .collect();
    let feed_updated = entries
        .iter()
        .map(|a| updated(a))
        .max()
        .unwrap_or_else(|| "1990-01-01T00:00:00+07:00".to_owned());
    let mut x = String::with_capacity(4096 + entries.len() * 2048);
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"vi\">\n");
    x.push_str(&format!("  <title>{}</title>\n", xml(title)));
    x.push_str(&format!("  <id>{}</id>\n", xml(&c.absolute(page))));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        xml(&c.absolute(page))
    ));
    x.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        xml(&c.absolute(self_url))
    ));
    x.push_str(&format!("  <updated>{feed_updated}</updated>\n"));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        xml(&c.title)
    ));
    x.push_str("  <generator>kheo</generator>\n");
    for a in entries {
        let url = c.absolute(&a.url);
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", xml(&a.title)));
        x.push_str(&format!("    <id>{}</id>\n", xml(&url)));
        x.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            xml(&url)
        ));
        x.push_str(&format!("    <updated>{}</updated>\n", updated(a)));
        if let Some(author) = &a.author {
            x.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                xml(author)
            ));
        }
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            xml(REGISTRY.slug(a.province)),
            xml(&REGISTRY.display(a.province))
        ));
        let field = &c.fields[a.field];
        x.push_str(&format!(
            "    <category term=\"{}\" label=\"{}\"/>\n",
            xml(&field.slug),
            xml(&field.name)
        ));
        if let Some(s) = &a.summary {
            x.push_str(&format!("    <summary>{}</summary>\n", xml(s)));
        }
        // Body images are relative to the model page; xml:base makes them resolve there.
        if full {
            x.push_str(&format!(
                "    <content type=\"html\" xml:base=\"{}\">{}</content>\n",
                xml(&url),
                xml(&a.html)
            ));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x.into_bytes()
}

/// Text for XML content and attribute values: the five specials escaped, and the
/// characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF) left
/// out, so a form feed pasted into a title cannot make a feed unreadable.
fn xml(s: &str) -> String {
    let out = crate::escape::replace_ascii(s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        b'\t' | b'\n' | b'\r' => None,
        0..=0x1f => Some(""),
        _ => None,
    });
    if out.contains(['\u{fffe}', '\u{ffff}']) {
        out.replace(['\u{fffe}', '\u{ffff}'], "")
    } else {
        out
    }
}

fn json_feed(site: &Site, v: &Views<'_>) -> Vec<u8> {
    let c = &site.config;
    let items: Vec<serde_json::Value> = site
        .listed
        .iter()
        .take(FEED_SIZE)
        .map(|&i| {
            let a = &site.articles[i];
            let mut tags = vec![
                REGISTRY.display(a.province),
                c.fields[a.field].name.clone(),
                a.year.to_string(),
            ];
            tags.extend(a.tags.iter().cloned());
            let mut item = serde_json::json!({
                "id": c.absolute(&a.url),
                "url": c.absolute(&a.url),
                "title": a.title,
                "content_html": &*a.html,
                "date_published": updated(a),
                "tags": tags,
                "language": "vi",
            });
            if let Some(s) = &a.summary {
                item["summary"] = s.clone().into();
            }
            if let Some(au) = &a.author {
                item["authors"] = serde_json::json!([{ "name": au }]);
            }
            item
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": c.title,
        "home_page_url": c.absolute(&v.path("/")),
        "feed_url": c.absolute(&v.path("/feed.json")),
        "description": c.description,
        "language": "vi",
        "items": items,
    });
    let mut out = serde_json::to_vec_pretty(&feed).unwrap_or_default();
    out.push(b'\n');
    out
}

/// The sitemap files for `urls`, at most `per_file` URLs each: one `sitemap.xml`, or an
/// index by that name and the parts it lists.
fn sitemaps(
    site: &Site,
    v: &Views<'_>,
    urls: &[String],
    per_file: usize,
) -> Vec<(String, Vec<u8>)> {
    if urls.len() <= per_file {
        return vec![("sitemap.xml".to_owned(), sitemap(site, urls))];
    }
    let mut files = Vec::new();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, part) in urls.chunks(per_file.max(1)).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let url = site.config.absolute(&v.path(&format!("/{name}")));
        index.push_str(&format!("  <sitemap><loc>{}</loc></sitemap>\n", xml(&url)));
        files.push((name, sitemap(site, part)));
    }
    index.push_str("</sitemapindex>\n");
    files.push(("sitemap.xml".to_owned(), index.into_bytes()));
    files
}

fn sitemap(site: &Site, urls: &[String]) -> Vec<u8> {
    let mut x = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for u in urls {
        x.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            xml(&site.config.absolute(u))
        ));
    }
    x.push_str("</urlset>\n");
    x.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::{sitemaps, xml};

    #[test]
    fn a_sitemap_past_its_limit_becomes_an_index_of_parts() {
        let site = crate::taxonomy::index(
            crate::config::Config::default(),
            Vec::<crate::article::Article>::new(),
        );
        let strings = crate::i18n::Strings::parse("").unwrap_or_else(|_| panic!("strings"));
        let v = crate::view::Views::new(&site, &strings);
        let urls: Vec<String> = (0..5).map(|n| format!("/mo-hinh/{n}/")).collect();
        let one = sitemaps(&site, &v, &urls, 5);
        assert_eq!(one.len(), 1);
        let files = sitemaps(&site, &v, &urls, 2);
        let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let index = String::from_utf8_lossy(&files[3].1).into_owned();
        assert!(
            index.contains("<sitemapindex") && index.contains("sitemap-3.xml</loc>"),
            "{index}"
        );
        let last = String::from_utf8_lossy(&files[2].1).into_owned();
        assert_eq!(last.matches("<url>").count(), 1, "{last}");
    }

    #[test]
    fn xml_text_leaves_out_what_xml_forbids() {
        assert_eq!(xml("a\u{c}b\u{0}c\u{1b}d\u{fffe}e\u{ffff}"), "abcde");
        assert_eq!(xml("t\tl\nr\r"), "t\tl\nr\r");
        assert_eq!(
            xml("<a href=\"x\">B&'</a>"),
            crate::escape::html("<a href=\"x\">B&'</a>")
        );
        assert_eq!(xml("Bà Rịa\u{85}"), "Bà Rịa\u{85}");
    }
}
