//! What an interrupted build leaves beside the output folder: `.public.tmp-<pid>` (a
//! half-written site) and `.public.old-<pid>` (the previous site, renamed away just
//! before the new one was moved in). Before building, kheo puts back an `old` folder
//! whose output is missing, and removes the other leftovers of runs that are over; a
//! concurrent build's folders are left alone.

use std::path::{Path, PathBuf};
use std::time::Duration;

use super::Notice;

/// On systems without `/proc`, a leftover this old is taken to belong to a run that is
/// over.
const STALE: Duration = Duration::from_secs(24 * 60 * 60);

/// A folder named like one of kheo's temporary folders for the output `name`.
#[derive(Debug, PartialEq, Eq)]
struct Leftover {
    path: PathBuf,
    old: bool,
    pid: u32,
}

/// Restores `out` from a leftover `old` folder if `out` is missing, then removes the
/// leftovers of finished runs. Returns what it did, for the user; a leftover that
/// cannot be removed is reported and left.
pub(crate) fn tidy(parent: &Path, name: &str, out: &Path) -> Vec<Notice> {
    let mut notices = Vec::new();
    let mut missing = std::fs::symlink_metadata(out).is_err();
    for left in find(parent, name) {
        if left.pid == std::process::id() || !finished(&left) || !made_by_kheo(&left) {
            continue;
        }
        if left.old && missing && std::fs::rename(&left.path, out).is_ok() {
            missing = false;
            notices.push(Notice::Note(crate::t!(
                "out-restored",
                out = out.display().to_string(),
                from = left.path.display().to_string(),
            )));
            continue;
        }
        if let Err(e) = std::fs::remove_dir_all(&left.path) {
            notices.push(Notice::Warning(crate::t!(
                "out-leftover-kept",
                path = left.path.display().to_string(),
                error = e.to_string(),
            )));
        }
    }
    notices
}

/// kheo's temporary folders for `name` in `parent`, newest first (real folders only).
fn find(parent: &Path, name: &str) -> Vec<Leftover> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, Leftover)> = entries
        .filter_map(|e| {
            let e = e.ok()?;
            let meta = e.metadata().ok().filter(std::fs::Metadata::is_dir)?;
            let left = parse(name, &e.file_name().to_string_lossy(), e.path())?;
            Some((meta.modified().ok()?, left))
        })
        .collect();
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.path.cmp(&b.1.path)));
    found.into_iter().map(|(_, l)| l).collect()
}

/// `.public.tmp-123` or `.public.old-123` for `name` = `public`.
fn parse(name: &str, file: &str, path: PathBuf) -> Option<Leftover> {
    let rest = file.strip_prefix('.')?.strip_prefix(name)?;
    let (old, pid) = if let Some(pid) = rest.strip_prefix(".tmp-") {
        (false, pid)
    } else {
        (true, rest.strip_prefix(".old-")?)
    };
    if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(Leftover {
        path,
        old,
        pid: pid.parse().ok()?,
    })
}

/// Only a folder kheo made is ever removed or put back: it carries the marker (a
/// temporary folder gets it first, a moved-away site had it), or it is the site of a
/// kheo from before the marker. A folder that only has kheo's kind of name is not ours.
fn made_by_kheo(left: &Leftover) -> bool {
    super::is_marked(&left.path) || left.old && super::guard::looks_like_old_output(&left.path)
}

/// True when the run that made `left` is over: its process is gone (Linux), or
/// elsewhere the folder is a day old.
fn finished(left: &Leftover) -> bool {
    if Path::new("/proc/self").exists() {
        return !Path::new(&format!("/proc/{}", left.pid)).exists();
    }
    std::fs::metadata(&left.path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.elapsed().ok())
        .is_some_and(|age| age > STALE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_kheo_names_are_leftovers() {
        let p = PathBuf::from("x");
        assert_eq!(
            parse("public", ".public.old-42", p.clone()),
            Some(Leftover {
                path: p.clone(),
                old: true,
                pid: 42
            })
        );
        assert!(parse("public", ".public.tmp-7", p.clone()).is_some_and(|l| !l.old));
        for other in [
            "public",
            ".public.tmp-",
            ".public.tmp-12a",
            ".site.tmp-12",
            ".public.new-1",
        ] {
            assert_eq!(parse("public", other, p.clone()), None, "{other}");
        }
    }
}
