//! Static files against the pages the build makes. `static/` is copied over the output
//! after the theme's static files (that override is intended), but a static file at a
//! generated path would replace the page, and which one wins changed from build to
//! build; one where the build needs a folder fails the build. Both are errors here.
//! The generated paths are known from the SPEC's URL table and the articles.

use std::collections::{BTreeSet, HashSet};

use super::Meta;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::load::Loaded;
use crate::output::Blob;

/// Files at the root of the output that the build writes.
pub(super) const GENERATED_FILES: [&str; 7] = [
    "index.html",
    "404.html",
    "atom.xml",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
    "assets/syntax.css",
];

/// Sections whose pages the build makes: a static `index.html`, feed or data file
/// anywhere below them would take the place of a generated one.
pub(super) const GENERATED_SECTIONS: [&str; 8] = [
    "mo-hinh", "tinh", "linh-vuc", "nam", "the", "tim-kiem", "thong-ke", "du-lieu",
];

/// Sections whose second level are folders the build makes (`/tinh/<slug>/`), and
/// the search index's folder.
const FOLDER_SECTIONS: [&str; 6] = ["mo-hinh", "tinh", "linh-vuc", "nam", "the", "tim-kiem"];

/// Names the build writes inside its sections.
const GENERATED_NAMES: [&str; 6] = [
    "index.html",
    "index.md",
    "index.json",
    "atom.xml",
    "mo-hinh.json",
    "mo-hinh.csv",
];

/// Folder of the search index, all of it generated.
const SEARCH_INDEX: &str = "tim-kiem/index/";

/// E025 for every static file at a page the build makes, or where it makes a folder.
/// `metas` are the articles that will be built (their folders and aliases).
pub(super) fn static_clashes(
    loaded: &Loaded,
    metas: &[Meta<'_>],
    config: &Config,
) -> Vec<Diagnostic> {
    let mut pages: HashSet<String> = HashSet::new();
    let mut folders: BTreeSet<String> = BTreeSet::new();
    for m in metas {
        let a = &m.article;
        let dir = format!("mo-hinh/{}", a.slug);
        pages.extend(a.assets.iter().map(|x| format!("{dir}/{}", x.name)));
        for alias in &a.aliases {
            let out = crate::output::output_path(&config.base_path, alias);
            folders.extend(out.match_indices('/').map(|(i, _)| out[..i].to_owned()));
            pages.insert(out);
        }
    }
    if config.cms.is_some() {
        // The editing form's page and settings, written only when `cms:` is set.
        pages.extend(["admin/index.html".to_owned(), "admin/config.yml".to_owned()]);
    }
    let mut diags = Vec::new();
    for (path, blob) in &loaded.theme.statics {
        let message = if is_generated_page(path) || pages.contains(path) {
            crate::t!("outputs-static-replaces-page", path = path.as_str())
        } else if folders.contains(path) || is_generated_folder(path) {
            crate::t!("outputs-static-is-folder", path = path.as_str())
        } else {
            continue;
        };
        let shown = shown_path(loaded, path, blob);
        diags.push(
            Diagnostic::error(
                "E025",
                &shown,
                0,
                0,
                crate::t!(
                    "outputs-static-clash",
                    file = shown.as_str(),
                    what = message
                ),
            )
            .help(crate::t!("outputs-static-clash-help")),
        );
    }
    diags
}

/// True if `path` is a page the build makes for every site (or for any story).
fn is_generated_page(path: &str) -> bool {
    let section = path.split('/').next().unwrap_or("");
    let name = path.rsplit('/').next().unwrap_or("");
    GENERATED_FILES.contains(&path)
        || path.starts_with(SEARCH_INDEX)
        || (path.contains('/')
            && GENERATED_SECTIONS.contains(&section)
            && GENERATED_NAMES.contains(&name))
}

/// A section, or a name without an extension one level inside a section whose second
/// level is made of folders (`tinh/ben-tre`).
fn is_generated_folder(path: &str) -> bool {
    let mut parts = path.split('/');
    let (Some(section), second, None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    match second {
        None => GENERATED_SECTIONS.contains(&section),
        Some(name) => FOLDER_SECTIONS.contains(&section) && !name.contains('.'),
    }
}

/// Where the static file is, for the diagnostic: its path in the site when it is on
/// disk there, else `static/<output path>`.
fn shown_path(loaded: &Loaded, path: &str, blob: &Blob) -> String {
    match blob {
        Blob::Disk(p) => p.strip_prefix(&loaded.root).map_or_else(
            |_| format!("static/{path}"),
            |rel| rel.to_string_lossy().replace('\\', "/"),
        ),
        Blob::Embedded(_) => format!("theme static/{path}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_pages_and_folders_are_known() {
        for p in [
            "sitemap.xml",
            "tinh/index.html",
            "tinh/ben-tre/trang/2/index.html",
            "mo-hinh/x/index.html",
            "tim-kiem/index/manifest.json",
            "du-lieu/mo-hinh.csv",
            "linh-vuc/kinh-te/atom.xml",
        ] {
            assert!(is_generated_page(p), "{p}");
        }
        for p in [
            "assets/style.css",
            "images/a.png",
            "tinh/ban-do.svg",
            "favicon.svg",
        ] {
            assert!(!is_generated_page(p), "{p}");
            assert!(!is_generated_folder(p), "{p}");
        }
        for p in [
            "mo-hinh",
            "tinh",
            "tinh/ben-tre",
            "tim-kiem/index",
            "du-lieu",
        ] {
            assert!(is_generated_folder(p), "{p}");
        }
        assert!(!is_generated_folder("du-lieu/ghi-chu"));
    }
}
