//! Which folders a build may replace. A build deletes its output folder's old contents,
//! so it only ever replaces a folder kheo made itself (it carries the `.kheo-output`
//! marker), an empty one, or one that does not exist yet; never the site folder, a
//! source folder, a folder holding them or a folder inside them. Reads the disk, never
//! writes it.

use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Refusal, Result};

/// Folders of a site that kheo reads from.
const SOURCES: [&str; 4] = ["content", "static", "templates", "themes"];

/// What the output path is on disk, once the link (if any) is followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Found {
    /// Nothing there yet (or a folder to replace).
    Folder,
    /// A symbolic link to this folder (canonical): written in place.
    Link(PathBuf),
}

/// Refuses an output path that is a file, a broken link, the site folder, a source
/// folder, one holding them or one inside them. Looks at paths only, not contents.
pub(crate) fn paths(site: &Path, out: &Path) -> Result<Found> {
    let refuse = |why| Error::Refused {
        path: out.to_path_buf(),
        why,
    };
    let found = match std::fs::symlink_metadata(out) {
        Ok(m) if m.file_type().is_symlink() => match std::fs::canonicalize(out) {
            Ok(target) if target.is_dir() => Found::Link(target),
            Ok(_) => return Err(refuse(Refusal::NotAFolder)),
            Err(_) => return Err(refuse(Refusal::BrokenLink)),
        },
        Ok(m) if !m.is_dir() => return Err(refuse(Refusal::NotAFolder)),
        _ => Found::Folder,
    };
    let out_c = planned(out)?;
    let site_c = planned(site)?;
    if out_c == site_c {
        return Err(refuse(Refusal::SiteFolder));
    }
    if site_c.starts_with(&out_c) {
        return Err(refuse(Refusal::HoldsSite));
    }
    for name in SOURCES {
        let src = planned(&site.join(name))?;
        if out_c == src {
            return Err(refuse(Refusal::IsSources(name)));
        }
        if src.starts_with(&out_c) {
            return Err(refuse(Refusal::HoldsSources(name)));
        }
        if out_c.starts_with(&src) {
            return Err(refuse(Refusal::InsideSources(name)));
        }
    }
    Ok(found)
}

/// Refuses to replace `dir` unless it is missing, empty, marked as kheo's, or (at the
/// default location only) looks like a site an older kheo built before the marker.
pub(crate) fn contents(dir: &Path, shown: &Path, default_location: bool) -> Result<()> {
    let mut entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    if entries.next().is_none()
        || super::is_marked(dir)
        || default_location && looks_like_old_output(dir)
    {
        return Ok(());
    }
    Err(Error::Refused {
        path: shown.to_path_buf(),
        why: Refusal::NotMadeByKheo,
    })
}

/// kheo before the marker always wrote `index.html`, `sitemap.xml` and `tinh/`.
pub(crate) fn looks_like_old_output(dir: &Path) -> bool {
    let is = |name: &str, folder: bool| {
        std::fs::symlink_metadata(dir.join(name))
            .is_ok_and(|m| if folder { m.is_dir() } else { m.is_file() })
    };
    is("index.html", false) && is("sitemap.xml", false) && is("tinh", true)
}

/// The canonical form of `path`, which need not exist yet: its nearest existing
/// ancestor canonicalised (links resolved), the rest appended (`.` and `..` resolved
/// by hand, which is right since none of it exists to be a link).
pub(crate) fn planned(path: &Path) -> Result<PathBuf> {
    let abs = std::path::absolute(path).map_err(|e| Error::io(path, e))?;
    let mut base = abs.as_path();
    let mut rest = Vec::new();
    loop {
        match std::fs::canonicalize(base) {
            Ok(c) => return Ok(append(c, rest.iter().rev())),
            Err(_) => match (base.parent(), base.components().next_back()) {
                (Some(parent), Some(last)) => {
                    rest.push(last.as_os_str().to_owned());
                    base = parent;
                }
                _ => return Ok(abs),
            },
        }
    }
}

fn append<'a>(mut base: PathBuf, rest: impl Iterator<Item = &'a std::ffi::OsString>) -> PathBuf {
    for part in rest {
        match Path::new(part).components().next() {
            Some(Component::ParentDir) => {
                base.pop();
            }
            Some(Component::CurDir) => {}
            _ => base.push(part),
        }
    }
    base
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(site: &Path, out: &Path) -> Option<Refusal> {
        match paths(site, out) {
            Err(Error::Refused { why, .. }) => Some(why),
            _ => None,
        }
    }

    #[test]
    fn output_never_goes_over_or_into_the_sources() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("content/a")).unwrap();
        assert_eq!(refusal(&site, &site), Some(Refusal::SiteFolder));
        assert_eq!(
            refusal(&site, &site.join("content/a/../.")),
            Some(Refusal::IsSources("content"))
        );
        assert_eq!(refusal(&site, dir.path()), Some(Refusal::HoldsSite));
        assert_eq!(
            refusal(&site, &site.join("content/a/new/public")),
            Some(Refusal::InsideSources("content"))
        );
        assert_eq!(
            refusal(&site, &site.join("themes/x/public")),
            Some(Refusal::InsideSources("themes"))
        );
        assert_eq!(refusal(&site, &site.join("public")), None);
        assert_eq!(refusal(&site, &dir.path().join("elsewhere/out")), None);
    }

    #[test]
    fn planned_paths_resolve_links_and_dots() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        assert_eq!(
            planned(&dir.path().join("x/../y/./z")).unwrap(),
            real.join("y/z")
        );
    }
}
