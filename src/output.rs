//! Stage 6, the only stage that writes the disk: files go into a temporary sibling
//! folder (`.public.tmp-<pid>`) as they are rendered; only when the whole build
//! succeeded is it swapped in for the old output. A failed build removes its
//! temporary folder and leaves the previous output untouched.
//!
//! A build replaces its output folder as a whole, so `guard` first makes sure that
//! folder is one kheo made (marked with `.kheo-output`), an empty one or a new one;
//! `leftovers` tidies up after interrupted builds; `mirror` writes in place where a
//! swap is impossible (a `public/` that is a link or a mount point).

mod guard;
mod hosting;
mod leftovers;
mod mirror;
mod stage;

pub use hosting::host_limits;
pub use stage::{Stamp, Stamps, file_identity, mtime};

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Where a file to copy into the output comes from.
#[derive(Debug, Clone)]
pub enum Blob {
    /// Compiled into the binary (the default theme).
    Embedded(&'static [u8]),
    /// A file on disk.
    Disk(PathBuf),
}

/// Where rendered files go: a folder for `build`, memory for `serve`.
pub trait Sink: Sync {
    /// Stores `bytes` at `path` (relative to the output root, `/`-separated).
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()>;
    /// Stores a copy of a file that needs no rendering.
    fn copy(&self, path: &str, blob: &Blob) -> Result<()>;
    /// The bytes the last build wrote at `path`, if the output still holds them exactly
    /// (checked against that build's stamp): a job may patch its last output instead of
    /// making it again. `None` by default, and whenever the output is being replaced.
    fn previous(&self, _path: &str) -> Option<Vec<u8>> {
        None
    }
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

/// A fast, deterministic hash for change detection (not for security).
pub fn content_hash(bytes: &[u8]) -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write(bytes);
    h.write_usize(bytes.len());
    h.finish()
}

/// The marker file at the root of every output kheo writes: a build only replaces a
/// folder that has it (or is empty). It is published with the site; a dotfile is
/// harmless there and keeps `public/` recognisable wherever it is copied.
pub const MARKER: &str = ".kheo-output";

/// The marker's contents: fixed, so two builds stay byte-identical.
const MARKER_TEXT: &str = "This folder was made by kheo. `kheo build` replaces it as a whole.\n";

/// A `Sink` that writes into a folder, creating parent folders as needed.
#[derive(Debug)]
pub struct DirSink {
    root: PathBuf,
    /// Folders already created: saves a `create_dir_all` (a stat per path component)
    /// for each of the tens of thousands of files in a big build.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
}

impl DirSink {
    /// Writes below `root`, which must exist.
    pub fn new(root: PathBuf) -> Self {
        DirSink {
            root,
            made: Default::default(),
        }
    }

    pub(crate) fn target(&self, path: &str) -> Result<PathBuf> {
        // Paths come from slugs, validated aliases and theme file names; refuse anything
        // that could still climb out of the output folder.
        if path
            .split('/')
            .any(|s| s == ".." || s.is_empty() && !path.is_empty())
            || path.starts_with('/')
        {
            return Err(Error::Usage(crate::t!("out-outside", path = path)));
        }
        let p = self.root.join(path);
        if let Some(parent) = p.parent() {
            let known = self.made.lock().is_ok_and(|m| m.contains(parent));
            if !known {
                std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
                if let Ok(mut m) = self.made.lock() {
                    m.insert(parent.to_path_buf());
                }
            }
        }
        Ok(p)
    }
}

impl DirSink {
    /// Writes `bytes` at `path`; returns the new file's metadata when it can be read.
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<Option<std::fs::Metadata>> {
        let p = self.target(path)?;
        let mut f = std::fs::File::create(&p).map_err(|e| Error::io(&p, e))?;
        f.write_all(bytes).map_err(|e| Error::io(&p, e))?;
        Ok(f.metadata().ok())
    }
}

impl Sink for DirSink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.write(path, &bytes).map(drop)
    }

    fn copy(&self, path: &str, blob: &Blob) -> Result<()> {
        match blob {
            Blob::Embedded(bytes) => self.put(path, bytes.to_vec()),
            Blob::Disk(src) => {
                let p = self.target(path)?;
                std::fs::copy(src, &p)
                    .map(|_| ())
                    .map_err(|e| Error::io(src, e))
            }
        }
    }
}

/// True if `dir` carries kheo's marker file.
fn is_marked(dir: &Path) -> bool {
    std::fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// Something the user should know about where the site went, for stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Done as asked, in an unusual way (written in place, a site restored).
    Note(String),
    /// Something that could not be done; the build still succeeded.
    Warning(String),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Note(text) => write!(f, "{}: {text}", crate::t!("out-note")),
            Notice::Warning(text) => write!(f, "{}: {text}", crate::t!("diag-warning")),
        }
    }
}

/// An output folder that passed the checks and may be written.
#[derive(Debug)]
pub struct Destination {
    /// The output path as given.
    out: PathBuf,
    /// The folder that holds it, where the temporary folders go.
    parent: PathBuf,
    /// Its file name (`public`), which names the temporary folders.
    name: String,
    /// When `out` is a link: the folder it points to, written in place.
    link_target: Option<PathBuf>,
    /// What the checks did (a restored output, leftovers that could not be removed).
    notices: Vec<Notice>,
}

/// What a successful write returns: the value of `fill`, and what the user should know.
#[derive(Debug)]
pub struct Written<T> {
    /// What `fill` returned.
    pub value: T,
    /// Messages for stderr: in-place writes, restored or unremovable folders.
    pub notices: Vec<Notice>,
}

impl Destination {
    /// True if the output holds exactly the files of `known` as a build left them (see
    /// `stage::holds`), and is not a link written in place.
    pub fn holds(&self, known: &Stamps) -> bool {
        self.link_target.is_none() && !known.is_empty() && stage::holds(&self.out, known)
    }

    /// Checks, before anything is built, that the site may be written to `out`:
    /// refuses files, the site and its sources (see `guard`), puts back an output an
    /// interrupted build had moved aside and removes that build's leftovers, then
    /// refuses a folder kheo did not make. `default_location` is true for the default
    /// `<site>/public`, where an unmarked site built by an older kheo (one with
    /// `index.html`, `sitemap.xml` and `tinh/`) is accepted.
    pub fn guarded(site: &Path, out: &Path, default_location: bool) -> Result<Self> {
        let found = guard::paths(site, out)?;
        // `x/..` or `.` has no name to give the temporary folders, and `missing/../x`
        // names `x` only once `missing` exists (it would be read as empty, then made by
        // the build): both are used as the folder they resolve to.
        let named;
        let climbs = out
            .components()
            .any(|c| matches!(c, std::path::Component::ParentDir));
        let out = if out.file_name().is_some() && !climbs {
            out
        } else {
            named = guard::planned(out)?;
            &named
        };
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = out
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let notices = leftovers::tidy(&parent, &name, out);
        let link_target = match found {
            guard::Found::Link(target) => Some(target),
            guard::Found::Folder => None,
        };
        // An older kheo replaced a linked `public/` by a folder, so its target never
        // held an unmarked kheo site: the allowance is for real folders only.
        let legacy_allowed = default_location && link_target.is_none();
        guard::contents(link_target.as_deref().unwrap_or(out), out, legacy_allowed)?;
        Ok(Destination {
            out: out.to_path_buf(),
            parent,
            name,
            link_target,
            notices,
        })
    }

    /// What the checks did that the user should know, taken out.
    pub fn take_notices(&mut self) -> Vec<Notice> {
        std::mem::take(&mut self.notices)
    }

    fn sibling(&self, kind: &str) -> PathBuf {
        let pid = std::process::id();
        self.parent.join(format!(".{}.{kind}-{pid}", self.name))
    }
}

/// Runs `fill` on a fresh temporary folder beside the output, then puts the result in
/// place: swapped in for the old output, or written into it when it is a link or a
/// mount point. On any error before that the temporary folder is removed and the
/// output is left as it was; once the new site is in place, nothing fails any more.
pub fn write_swap<T>(
    dest: Destination,
    fill: impl FnOnce(&DirSink) -> Result<T>,
) -> Result<Written<T>> {
    let tmp = fill_temporary(&dest, fill)?;
    let mut notices = Vec::new();
    match &dest.link_target {
        Some(target) => {
            notices.push(Notice::Note(crate::t!(
                "out-link-in-place",
                out = dest.out.display().to_string(),
                target = target.display().to_string(),
            )));
            mirror_then_drop(&tmp.path, target, &mut notices)?;
        }
        None => {
            let ops = Ops {
                rename: &|a, b| std::fs::rename(a, b),
                remove: &|p| std::fs::remove_dir_all(p),
            };
            swap(&tmp.path, &dest, &ops, &mut notices)?;
        }
    }
    Ok(Written {
        value: tmp.value,
        notices,
    })
}

/// What `write` did, besides what `fill` returned.
#[derive(Debug)]
pub struct Update<T> {
    /// What `fill` returned.
    pub value: T,
    /// Every file of the new site, with its stamp: the next build's `known`.
    pub stamps: Stamps,
    /// Files written (the others were the same as in the output, and left alone).
    pub written: usize,
    /// Files removed from the output (only when only what changed was written).
    pub removed: usize,
    /// True if only what changed was written; false if the output was replaced whole.
    pub incremental: bool,
}

/// Writes the site into `dest`. `fill` renders into the sink it is given and returns
/// its value and the paths of the files it left as they are (the jobs that did not run).
/// It is told whether the output is kept (`true`: files it does not put stay, so it may
/// skip what did not change) or replaced (`false`: it must put every file).
///
/// With `known`, the stamps of the last build, and an output that still holds exactly
/// those files, only the files whose bytes changed are written and the ones the site
/// lost are removed (see `stage`): the rest keep their modification times. Otherwise the
/// whole site is written into a fresh folder and swapped in. Either way nothing in the
/// output changes until `fill` has succeeded.
pub fn write<T>(
    dest: Destination,
    known: Option<&Stamps>,
    fill: impl FnOnce(&dyn Sink, bool) -> Result<(T, Vec<String>)>,
) -> Result<Written<Update<T>>> {
    let t = std::time::Instant::now();
    let known = known.filter(|k| dest.link_target.is_none() && stage::holds(&dest.out, k));
    crate::log::stage("output: check last output", t);
    let Some(known) = known else {
        let empty = Stamps::new();
        return write_swap(dest, |dir| {
            let staging = stage::Staging::new(dir, &empty);
            let (value, _) = fill(&staging, false)?;
            let (stamps, written) = staging.finish();
            let written = written.len();
            let (removed, incremental) = (0, false);
            Ok(Update {
                value,
                stamps,
                written,
                removed,
                incremental,
            })
        });
    };
    let tmp = fill_temporary(&dest, |dir| {
        let staging = stage::Staging::new(dir, known).reading(&dest.out);
        let (value, kept) = fill(&staging, true)?;
        Ok((value, kept, staging.finish()))
    })?;
    let (value, kept, (mut stamps, written)) = tmp.value;
    for path in kept {
        if let Some(s) = known.get(&path) {
            stamps.entry(path).or_insert(*s);
        }
    }
    let t = std::time::Instant::now();
    let committed = stage::commit(&tmp.path, &dest.out, &written, known, &stamps);
    crate::log::stage("output: commit", t);
    let mut notices = Vec::new();
    if let Err(e) = std::fs::remove_dir_all(&tmp.path) {
        let tmp = tmp.path.display().to_string();
        notices.push(Notice::Warning(crate::t!(
            "out-tmp-kept",
            tmp = tmp,
            error = e.to_string()
        )));
    }
    let removed = committed?;
    let update = Update {
        value,
        stamps,
        written: written.len(),
        removed,
        incremental: true,
    };
    Ok(Written {
        value: update,
        notices,
    })
}

/// A filled temporary folder and what filling it returned.
struct Filled<T> {
    path: PathBuf,
    value: T,
}

/// Makes the temporary folder, marks it, and fills it; removes it on failure.
fn fill_temporary<T>(
    dest: &Destination,
    fill: impl FnOnce(&DirSink) -> Result<T>,
) -> Result<Filled<T>> {
    let tmp = dest.sibling("tmp");
    std::fs::create_dir_all(&dest.parent).map_err(|e| Error::io(&dest.parent, e))?;
    // A folder of that name that kheo did not make (the pid was reused) is not ours.
    if std::fs::symlink_metadata(&tmp).is_ok() && !is_marked(&tmp) {
        return Err(Error::Refused {
            path: tmp,
            why: crate::error::Refusal::NotMadeByKheo,
        });
    }
    remove_if_exists(&tmp)?;
    std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let sink = DirSink::new(tmp.clone());
    match sink
        .put(MARKER, MARKER_TEXT.into())
        .and_then(|()| fill(&sink))
    {
        Ok(value) => Ok(Filled { path: tmp, value }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            Err(e)
        }
    }
}

/// The file operations of a swap, replaced in tests to simulate failures (a mount
/// point that cannot be renamed, an old site that cannot be removed).
struct Ops<'a> {
    rename: &'a dyn Fn(&Path, &Path) -> std::io::Result<()>,
    remove: &'a dyn Fn(&Path) -> std::io::Result<()>,
}

/// Swaps `tmp` in for the output with two renames. If the output cannot be renamed
/// because it is a mount point, writes in place instead. After the second rename
/// only warnings remain: the new site is in, whatever happens to the old one.
fn swap(tmp: &Path, dest: &Destination, ops: &Ops<'_>, notices: &mut Vec<Notice>) -> Result<()> {
    let rename = ops.rename;
    let (out, old) = (&dest.out, dest.sibling("old"));
    let had_old = std::fs::symlink_metadata(out).is_ok();
    if had_old {
        remove_if_exists(&old)?;
        if let Err(e) = rename(out, &old) {
            if cannot_move(&e) {
                notices.push(Notice::Note(crate::t!(
                    "out-mount-in-place",
                    out = out.display().to_string(),
                    error = e.to_string(),
                )));
                return mirror_then_drop(tmp, out, notices);
            }
            let _ = std::fs::remove_dir_all(tmp);
            return Err(Error::io(out, e));
        }
    }
    if let Err(e) = rename(tmp, out) {
        // Put the old output back so nothing is lost.
        if had_old {
            let _ = rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(tmp);
        return Err(Error::io(out, e));
    }
    if had_old && let Err(e) = (ops.remove)(&old) {
        notices.push(Notice::Warning(crate::t!(
            "out-old-kept",
            old = old.display().to_string(),
            error = e.to_string(),
        )));
    }
    Ok(())
}

/// True for the errors renaming a mount point gives (busy, or across devices).
fn cannot_move(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::ResourceBusy | std::io::ErrorKind::CrossesDevices
    )
}

/// Writes `tmp` into `target` in place, then removes `tmp`.
fn mirror_then_drop(tmp: &Path, target: &Path, notices: &mut Vec<Notice>) -> Result<()> {
    let result = mirror::mirror(tmp, target);
    if let Err(e) = std::fs::remove_dir_all(tmp) {
        let text = crate::t!(
            "out-tmp-kept",
            tmp = tmp.display().to_string(),
            error = e.to_string()
        );
        notices.push(Notice::Warning(text));
    }
    result
}

fn remove_if_exists(p: &Path) -> Result<()> {
    match std::fs::remove_dir_all(p) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::io(p, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A site folder with an old output `public/` holding `old.txt`, marked.
    fn site_with_output() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        std::fs::write(out.join("old.txt"), "old").unwrap();
        (dir, out)
    }

    fn dest(site: &Path, out: &Path) -> Destination {
        Destination::guarded(site, out, true).unwrap()
    }

    #[test]
    fn output_stays_as_it_was_when_the_build_fails() {
        let (dir, out) = site_with_output();
        let r: Result<Written<()>> = write_swap(dest(dir.path(), &out), |s| {
            s.put("new.txt", b"new".to_vec())?;
            Err(Error::Usage("boom".into()))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert!(!out.join("new.txt").exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "temporary folder removed"
        );
    }

    #[test]
    fn output_is_swapped_in_whole_and_marked() {
        let (dir, out) = site_with_output();
        write_swap(dest(dir.path(), &out), |s| {
            s.put("a/b.txt", b"new".to_vec())
        })
        .unwrap();
        assert!(!out.join("old.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/b.txt")).unwrap(), "new");
        assert_eq!(
            std::fs::read_to_string(out.join(MARKER)).unwrap(),
            MARKER_TEXT
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn output_that_cannot_be_moved_is_written_in_place() {
        let (dir, out) = site_with_output();
        let d = dest(dir.path(), &out);
        let tmp = d.sibling("tmp");
        std::fs::create_dir(&tmp).unwrap();
        std::fs::write(tmp.join("new.txt"), "new").unwrap();
        let busy = |from: &Path, to: &Path| {
            if from == out.as_path() {
                Err(std::io::Error::from(std::io::ErrorKind::ResourceBusy))
            } else {
                std::fs::rename(from, to)
            }
        };
        let mut notices = Vec::new();
        let ops = Ops {
            rename: &busy,
            remove: &|p| std::fs::remove_dir_all(p),
        };
        swap(&tmp, &d, &ops, &mut notices).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("new.txt")).unwrap(), "new");
        assert!(!out.join("old.txt").exists(), "old files removed");
        assert!(!tmp.exists(), "temporary folder removed");
        // The note names the output folder written in place (in either language).
        assert!(
            matches!(&notices[..], [Notice::Note(n)] if n.contains(&*out.display().to_string())),
            "{notices:?}"
        );
    }

    #[test]
    fn output_failing_to_move_for_other_reasons_is_left_alone() {
        let (dir, out) = site_with_output();
        let d = dest(dir.path(), &out);
        let tmp = d.sibling("tmp");
        std::fs::create_dir(&tmp).unwrap();
        let ops = Ops {
            rename: &|_, _| Err(std::io::ErrorKind::PermissionDenied.into()),
            remove: &|p| std::fs::remove_dir_all(p),
        };
        assert!(swap(&tmp, &d, &ops, &mut Vec::new()).is_err());
        assert_eq!(std::fs::read_to_string(out.join("old.txt")).unwrap(), "old");
        assert!(!tmp.exists());
    }

    #[test]
    fn an_old_site_that_cannot_be_removed_is_a_warning_after_success() {
        let (dir, out) = site_with_output();
        let d = dest(dir.path(), &out);
        let tmp = d.sibling("tmp");
        std::fs::create_dir(&tmp).unwrap();
        std::fs::write(tmp.join("new.txt"), "new").unwrap();
        let ops = Ops {
            rename: &|a, b| std::fs::rename(a, b),
            remove: &|_| Err(std::io::ErrorKind::PermissionDenied.into()),
        };
        let mut notices = Vec::new();
        swap(&tmp, &d, &ops, &mut notices).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("new.txt")).unwrap(), "new");
        assert!(
            matches!(&notices[..], [Notice::Warning(w)] if w.contains(&*d.sibling("old").display().to_string())),
            "{notices:?}"
        );
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().unwrap();
        let s = DirSink::new(dir.path().to_path_buf());
        assert!(s.put("../x", vec![]).is_err());
        assert!(s.put("/etc/x", vec![]).is_err());
    }
}
