//! Site-wide checks on front matter, once every file is parsed: slugs two stories
//! share, aliases that clash with pages, with each other, or need a folder where
//! another alias is a file. A story's address never depends on other stories: a clash
//! is an error with a proposed `slug:`, never a silent rename.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::Meta;
use super::outputs::{GENERATED_FILES, GENERATED_SECTIONS};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::province::REGISTRY;

/// Cross-article checks on front matter; removes the articles that fail them.
pub(super) fn site_checks(metas: &mut Vec<Meta<'_>>, diags: &mut Vec<Diagnostic>, config: &Config) {
    let mut bad = vec![false; metas.len()];
    derived_slug_clashes(metas, diags, &mut bad);
    duplicate_urls(metas, diags, &mut bad);
    alias_clashes(metas, diags, &mut bad, config);
    alias_folders(metas, diags, &mut bad, config);
    let mut i = 0;
    metas.retain(|_| {
        i += 1;
        !bad[i - 1]
    });
}

/// Many communes run a model with the same name ("Hũ gạo tình thương"). A slug made
/// from the title that another story also has is an error on every story that did not
/// write `slug:` itself, with a proposed slug (the province's slug appended, then the
/// year, then a counter) unique in the site. Nothing is renamed: adding a story never
/// moves one already published.
fn derived_slug_clashes(metas: &[Meta<'_>], diags: &mut Vec<Diagnostic>, bad: &mut [bool]) {
    let mut by_slug: HashMap<&str, Vec<usize>> = HashMap::with_capacity(metas.len());
    for (i, m) in metas.iter().enumerate() {
        by_slug.entry(m.article.slug.as_str()).or_default().push(i);
    }
    let mut groups: Vec<&Vec<usize>> = by_slug.values().filter(|g| g.len() > 1).collect();
    if groups.is_empty() {
        return;
    }
    groups.sort();
    let mut taken: HashSet<String> = by_slug.keys().map(|s| (*s).to_owned()).collect();
    for group in groups {
        let explicit = group.iter().find(|&&i| metas[i].explicit_slug);
        for &i in group.iter().filter(|&&i| !metas[i].explicit_slug) {
            let m = &metas[i];
            let slug = m.article.slug.as_str();
            let other = explicit
                .or_else(|| group.iter().find(|&&j| j != i))
                .map_or("", |&j| metas[j].source.path.0.as_str());
            let proposal = propose(m, &mut taken);
            let help = match explicit {
                Some(_) => crate::t!(
                    "site-slug-taken-help-explicit",
                    proposal = proposal.as_str(),
                    other = other,
                    slug = slug
                ),
                None => crate::t!(
                    "site-slug-taken-help",
                    proposal = proposal.as_str(),
                    slug = slug
                ),
            };
            diags.push(
                Diagnostic::error(
                    "E019",
                    &m.source.path.0,
                    m.slug_line,
                    1,
                    crate::t!("site-slug-taken", slug = slug, other = other),
                )
                .label(crate::t!("site-slug-taken-label"), 3)
                .with_source(&m.source.text)
                .help(help),
            );
            bad[i] = true;
        }
    }
}

/// A slug for `m` no other story has nor was proposed: `<slug>-<province>`, then
/// `-<year>`, then a counter.
fn propose(m: &Meta<'_>, taken: &mut HashSet<String>) -> String {
    let a = &m.article;
    let mut slug = format!("{}-{}", a.slug, REGISTRY.slug(a.province));
    if taken.contains(&slug) {
        slug = format!("{slug}-{}", a.year);
    }
    let base = slug.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(slug.clone());
    slug
}

/// Two stories that write the same `slug:` (E019 on the later one, in file order).
fn duplicate_urls(metas: &[Meta<'_>], diags: &mut Vec<Diagnostic>, bad: &mut [bool]) {
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(metas.len());
    for (i, m) in metas.iter().enumerate() {
        if bad[i] {
            continue;
        }
        let Some(&first) = seen.get(m.article.url.as_str()) else {
            seen.insert(m.article.url.as_str(), i);
            continue;
        };
        let other = &metas[first].source.path;
        diags.push(
            Diagnostic::error(
                "E019",
                &m.source.path.0,
                m.slug_line,
                1,
                crate::t!(
                    "site-url-duplicate",
                    url = m.article.url.as_str(),
                    other = other.0.as_str(),
                    slug = m.article.slug.as_str()
                ),
            )
            .with_source(&m.source.text)
            .help(crate::t!(
                "site-url-duplicate-help",
                slug = format!("{}-{}", m.article.slug, m.article.year)
            )),
        );
        bad[i] = true;
    }
}

/// An alias that is a page's address, is in a section the build writes, or is an alias
/// of two stories.
fn alias_clashes(
    metas: &[Meta<'_>],
    diags: &mut Vec<Diagnostic>,
    bad: &mut [bool],
    config: &Config,
) {
    let urls: HashMap<&str, usize> = metas
        .iter()
        .enumerate()
        .rev()
        .map(|(i, m)| (m.article.url.as_str(), i))
        .collect();
    // Sections and root files the build writes or the theme ships: an alias there would
    // replace a page.
    let is_reserved = |rel: &str| {
        let first = rel.trim_start_matches('/').split('/').next().unwrap_or("");
        rel == "/"
            || GENERATED_SECTIONS.contains(&first)
            || GENERATED_FILES.contains(&first)
            || ["assets", "favicon.svg"].contains(&first)
    };
    let mut alias_owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            let rel = a.strip_prefix(&config.base_path).unwrap_or(a);
            let clash = urls
                .get(a.as_str())
                .map(|&j| metas[j].source.path.0.clone())
                .or_else(|| is_reserved(rel).then(|| crate::t!("site-a-generated-page")));
            if let Some(other) = clash {
                let msg = crate::t!("site-alias-is-address", alias = a.as_str(), other = other);
                diags.push(alias_error(
                    m,
                    msg,
                    &crate::t!("site-alias-is-address-help"),
                ));
                bad[i] = true;
            }
            match alias_owner.get(a.as_str()) {
                Some(&j) if j != i => {
                    let msg = crate::t!(
                        "site-alias-twice",
                        alias = a.as_str(),
                        other = metas[j].source.path.0.as_str()
                    );
                    diags.push(alias_error(m, msg, &crate::t!("site-alias-twice-help")));
                    bad[i] = true;
                }
                Some(_) => {}
                None => {
                    alias_owner.insert(a, i);
                }
            }
        }
    }
}

/// An alias whose redirect page must go inside a folder where another alias's page is
/// a file (`/x.html` and `/x.html/`, `/cu` and `/cu/trang/`): one of the two cannot be
/// written.
fn alias_folders(
    metas: &[Meta<'_>],
    diags: &mut Vec<Diagnostic>,
    bad: &mut [bool],
    config: &Config,
) {
    let mut files: BTreeMap<String, &str> = BTreeMap::new();
    for m in metas {
        for a in &m.article.aliases {
            files
                .entry(crate::output::output_path(&config.base_path, a))
                .or_insert(a);
        }
    }
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            let out = crate::output::output_path(&config.base_path, a);
            let folders = out.match_indices('/').map(|(k, _)| &out[..k]);
            if let Some(other) = folders.filter_map(|f| files.get(f)).next() {
                let msg = crate::t!("site-alias-folder", alias = a.as_str(), other = *other);
                diags.push(alias_error(m, msg, &crate::t!("site-alias-folder-help")));
                bad[i] = true;
            }
        }
    }
}

fn alias_error(m: &Meta<'_>, message: String, help: &str) -> Diagnostic {
    Diagnostic::error("E022", &m.source.path.0, m.aliases_line, 1, message)
        .with_source(&m.source.text)
        .help(help)
}
