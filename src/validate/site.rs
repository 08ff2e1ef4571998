//! Site-wide checks on front matter, once every file is parsed: duplicate addresses,
//! aliases that clash with pages or with each other.

use std::collections::{BTreeMap, HashMap};

use super::Meta;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::province::REGISTRY;

/// Cross-article checks on front matter: duplicate slugs and alias clashes.
pub(super) fn site_checks(metas: &mut Vec<Meta<'_>>, diags: &mut Vec<Diagnostic>, config: &Config) {
    disambiguate(metas, config);
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(metas.len());
    let mut bad = vec![false; metas.len()];
    for (i, m) in metas.iter().enumerate() {
        if let Some(&first) = seen.get(m.article.url.as_str()) {
            let other = &metas[first].source.path;
            diags.push(
                Diagnostic::error(
                    "E019",
                    &m.source.path.0,
                    m.slug_line,
                    1,
                    format!(
                        "duplicate URL {}: {other} has the same slug `{}`",
                        m.article.url, m.article.slug
                    ),
                )
                .with_source(&m.source.text)
                .help(format!(
                    "give one of them its own slug, e.g. `slug: {}-{}`",
                    m.article.slug, m.article.year
                )),
            );
            bad[i] = true;
        } else {
            seen.insert(m.article.url.as_str(), i);
        }
    }
    // Sections and root files the build writes: an alias there would overwrite a page.
    let reserved_sections = [
        "mo-hinh", "tinh", "linh-vuc", "nam", "the", "tim-kiem", "thong-ke", "du-lieu", "assets",
    ];
    let reserved_files = [
        "index.html",
        "404.html",
        "atom.xml",
        "feed.json",
        "sitemap.xml",
        "robots.txt",
        "favicon.svg",
    ];
    let is_reserved = |rel: &str| {
        let first = rel.trim_start_matches('/').split('/').next().unwrap_or("");
        rel == "/" || reserved_sections.contains(&first) || reserved_files.contains(&first)
    };
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            let rel = a.strip_prefix(&config.base_path).unwrap_or(a);
            let clash = seen
                .get(a.as_str())
                .map(|&j| metas[j].source.path.0.clone())
                .or_else(|| is_reserved(rel).then(|| "a page the build makes".to_owned()));
            if let Some(other) = clash {
                diags.push(
                                        Diagnostic::error(
                        "E022",
                        &m.source.path.0,
                        m.aliases_line,
                        1,
                        format!("alias {a} is already the address of {other}"),
                    )
                    .with_source(&m.source.text)
                    .help("remove this alias; an alias must be an old address that no page of the site uses"),
                );
                bad[i] = true;
            }
        }
    }
    let mut alias_owner: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, m) in metas.iter().enumerate() {
        for a in &m.article.aliases {
            if let Some(&j) = alias_owner.get(a.as_str()) {
                if j != i {
                    diags.push(
                        Diagnostic::error(
                            "E022",
                            &m.source.path.0,
                            m.aliases_line,
                            1,
                            format!("alias {a} is also an alias of {}", metas[j].source.path),
                        )
                        .with_source(&m.source.text)
                        .help(
                            "an old address can redirect to only one story; remove one of the two",
                        ),
                    );
                    bad[i] = true;
                }
            } else {
                alias_owner.insert(a, i);
            }
        }
    }
    let mut i = 0;
    metas.retain(|_| {
        i += 1;
        !bad[i - 1]
    });
}

/// Many communes run a model with the same name ("Hũ gạo tình thương"), so slugs made
/// from equal titles are made unique: the province's slug is appended, then the year,
/// then a counter in file order. Slugs written in `slug:` never change; two equal ones
/// are an error (E019), reported by `site_checks`.
fn disambiguate(metas: &mut [Meta<'_>], config: &Config) {
    let clashing: Vec<usize> = {
        let mut taken: HashMap<&str, usize> = HashMap::with_capacity(metas.len());
        for m in metas.iter() {
            *taken.entry(m.article.slug.as_str()).or_default() += 1;
        }
        let explicit: std::collections::HashSet<&str> = metas
            .iter()
            .filter(|m| m.explicit_slug)
            .map(|m| m.article.slug.as_str())
            .collect();
        (0..metas.len())
            .filter(|&i| {
                let slug = metas[i].article.slug.as_str();
                !metas[i].explicit_slug && (taken[slug] > 1 || explicit.contains(slug))
            })
            .collect()
    };
    if clashing.is_empty() {
        return;
    }
    let mut is_clashing = vec![false; metas.len()];
    for &i in &clashing {
        is_clashing[i] = true;
    }
    let mut used: std::collections::HashSet<String> = metas
        .iter()
        .zip(&is_clashing)
        .filter(|(_, c)| !**c)
        .map(|(m, _)| m.article.slug.clone())
        .collect();
    let with_province =
        |m: &Meta<'_>| format!("{}-{}", m.article.slug, REGISTRY.slug(m.article.province));
    let mut counts: HashMap<String, usize> = HashMap::new();
    for &i in &clashing {
        *counts.entry(with_province(&metas[i])).or_default() += 1;
    }
    for &i in &clashing {
        let mut slug = with_province(&metas[i]);
        if counts[&slug] > 1 || used.contains(&slug) {
            slug = format!("{slug}-{}", metas[i].article.year);
        }
        let mut n = 2;
        let base = slug.clone();
        while used.contains(&slug) {
            slug = format!("{base}-{n}");
            n += 1;
        }
        used.insert(slug.clone());
        let a = &mut metas[i].article;
        a.url = format!("{}/mo-hinh/{slug}/", config.base_path);
        a.slug = slug;
    }
}
