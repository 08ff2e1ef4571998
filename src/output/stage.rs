//! Writing only what changed. A `Staging` sink fills the temporary folder with the files
//! whose bytes differ from what the output already holds (by the `Stamp`s the last
//! build recorded) and records a stamp for every file of the new site; `commit` then
//! moves those files into the output and removes the ones the site no longer has.
//! Unchanged files are never touched, so their modification times stay and deploy
//! tools that compare them (rsync, `aws s3 sync`) send only what changed.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

use super::{Blob, DirSink, MARKER, Sink};
use crate::error::{Error, Result};

/// What is known of one output file: a hash of its bytes, and its size and modification
/// time once written (so a file changed since, by hand or by another program, is seen).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// `content_hash` of the bytes.
    pub hash: u64,
    /// Size in bytes.
    pub len: u64,
    /// Modification time, nanoseconds since 1970.
    pub mtime: u128,
}

/// Stamps by output path (`/`-separated, relative to the output root).
pub type Stamps = HashMap<String, Stamp>;

/// A sink that writes into the temporary folder only the files whose bytes differ from
/// `known`, and records the stamp of every file put into it.
pub(crate) struct Staging<'a> {
    dir: &'a DirSink,
    known: &'a Stamps,
    /// The output that `known` describes, when it is kept (see `Sink::previous`).
    last: Option<&'a Path>,
    stamps: Mutex<Stamps>,
    written: Mutex<Vec<String>>,
}

impl<'a> Staging<'a> {
    pub(crate) fn new(dir: &'a DirSink, known: &'a Stamps) -> Self {
        Staging {
            dir,
            known,
            last: None,
            stamps: Mutex::new(Stamps::new()),
            written: Mutex::new(Vec::new()),
        }
    }

    /// Lets jobs read the files of the output `out`, which `known` describes.
    pub(crate) fn reading(self, out: &'a Path) -> Self {
        Staging {
            last: Some(out),
            ..self
        }
    }

    /// The stamps of every file of the new site, and the paths written into the folder.
    pub(crate) fn finish(self) -> (Stamps, Vec<String>) {
        let stamps = self.stamps.into_inner().unwrap_or_default();
        let mut written = self.written.into_inner().unwrap_or_default();
        written.sort_unstable();
        (stamps, written)
    }

    fn store(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let hash = crate::output::content_hash(bytes);
        let len = bytes.len() as u64;
        let stamp = match self.known.get(path) {
            Some(old) if old.hash == hash && old.len == len => *old,
            _ => {
                let mtime = self.dir.write(path, bytes)?.map_or(0, |m| mtime(&m));
                if let Ok(mut w) = self.written.lock() {
                    w.push(path.to_owned());
                }
                Stamp { hash, len, mtime }
            }
        };
        // Two jobs writing one path would be a bug in the plan; the last one wins, as
        // it would on disk.
        if let Ok(mut s) = self.stamps.lock() {
            s.insert(path.to_owned(), stamp);
        }
        Ok(())
    }
}

impl Sink for Staging<'_> {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        self.store(path, &bytes)
    }

    fn copy(&self, path: &str, blob: &Blob) -> Result<()> {
        match blob {
            Blob::Embedded(bytes) => self.store(path, bytes),
            // Read, not copied by the kernel: the bytes are compared with the output's.
            Blob::Disk(src) => {
                self.store(path, &std::fs::read(src).map_err(|e| Error::io(src, e))?)
            }
        }
    }

    fn previous(&self, path: &str) -> Option<Vec<u8>> {
        // A relative path of plain names, as every output path is.
        if path.starts_with('/') || path.split('/').any(|p| matches!(p, "" | "." | "..")) {
            return None;
        }
        let stamp = self.known.get(path)?;
        // Only paths the last build wrote, which `holds` found as it left them (no
        // links anywhere in the output); the bytes are checked as well.
        let bytes = std::fs::read(self.last?.join(path)).ok()?;
        (bytes.len() as u64 == stamp.len && crate::output::content_hash(&bytes) == stamp.hash)
            .then_some(bytes)
    }
}

/// A file's identity without reading it: its size and modification time (`None` if it
/// cannot be read), for what depends on a file's bytes.
pub fn file_identity(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.len(), mtime(&m)))
}

/// A file's modification time in nanoseconds since 1970 (0 if unknown).
pub fn mtime(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

/// True if the folder `out` holds exactly the files of `known`, each with the size and
/// modification time (to the second) recorded, and nothing else but the marker: only then
/// may a build write into it just what changed. Any link inside makes it false.
pub(crate) fn holds(out: &Path, known: &Stamps) -> bool {
    let Some(files) = listing(out, out, 0) else {
        return false;
    };
    let mut found = 0;
    for (rel, len, mtime) in &files {
        if rel == MARKER {
            continue;
        }
        match known.get(rel) {
            Some(s) if s.len == *len && same_second(*mtime, s.mtime) => found += 1,
            _ => return false,
        }
    }
    found == known.len()
}

/// Folders deeper than this are not a kheo output (and are not walked).
const MAX_DEPTH: usize = 32;

/// Every file under `dir` with its size and modification time, its path relative to
/// `out` (`/`-separated); `None` if anything there is neither a file nor a folder, or
/// cannot be read. Folders are read and files looked at on every core: an output holds
/// tens of thousands of files in thousands of folders.
fn listing(out: &Path, dir: &Path, depth: usize) -> Option<Vec<(String, u64, u128)>> {
    use rayon::prelude::*;
    if depth > MAX_DEPTH {
        return None;
    }
    let entries = std::fs::read_dir(dir).ok()?;
    let entries: Vec<std::fs::DirEntry> = entries.collect::<std::io::Result<_>>().ok()?;
    let lists = entries
        .par_iter()
        .map(|entry| {
            // Neither follows links: a link is neither a file nor a folder here.
            let kind = entry.file_type().ok()?;
            let path = entry.path();
            if kind.is_dir() {
                return listing(out, &path, depth + 1);
            }
            if !kind.is_file() {
                return None;
            }
            let m = entry.metadata().ok()?;
            let rel = path.strip_prefix(out).ok()?.to_str()?.replace('\\', "/");
            Some(vec![(rel, m.len(), mtime(&m))])
        })
        .collect::<Option<Vec<_>>>()?;
    Some(lists.concat())
}

/// Modification times compared to the second: archives that carry an output between CI
/// runs (`actions/cache`, tar) may keep no finer time.
fn same_second(a: u128, b: u128) -> bool {
    a / 1_000_000_000 == b / 1_000_000_000
}

/// Removes from `out` the files of `old` that the new site (`new`) no longer has, with
/// the folders they leave empty, then moves the `written` files from `tmp` into `out`.
/// Returns how many files it removed.
pub(crate) fn commit(
    tmp: &Path,
    out: &Path,
    written: &[String],
    old: &Stamps,
    new: &Stamps,
) -> Result<usize> {
    let mut gone: Vec<&String> = old.keys().filter(|p| !new.contains_key(*p)).collect();
    gone.sort_unstable();
    let removed = gone.len();
    for path in gone {
        let file = out.join(path);
        match std::fs::remove_file(&file) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&file, e)),
        }
        // Folders left empty go too, as a fresh build would not have them.
        let mut dir = file.parent();
        while let Some(d) = dir {
            if d == out || std::fs::remove_dir(d).is_err() {
                break;
            }
            dir = d.parent();
        }
    }
    // After the removals: a new file may take the place of a folder that just went.
    for path in written {
        let (from, to) = (tmp.join(path), out.join(path));
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        std::fs::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("a temporary folder");
        for rel in ["index.html", "mo-hinh/a/index.html", "mo-hinh/b/index.json"] {
            let file = dir.path().join(rel);
            std::fs::create_dir_all(file.parent().expect("a parent")).expect("folders");
            std::fs::write(&file, rel).expect("written");
        }
        dir
    }

    #[test]
    fn a_job_reads_back_only_last_output_files_unchanged_since() {
        let out = tree();
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let stamp = |bytes: &[u8]| Stamp {
            hash: crate::output::content_hash(bytes),
            len: bytes.len() as u64,
            mtime: 0,
        };
        let mut known = Stamps::new();
        known.insert("index.html".into(), stamp(b"index.html"));
        // Changed since, to bytes of the same length.
        known.insert(
            "mo-hinh/a/index.html".into(),
            stamp(b"mo-hinh/a/index.htmX"),
        );
        known.insert("../index.html".into(), stamp(b"index.html"));
        let dir = DirSink::new(tmp.path().to_path_buf());
        let staging = Staging::new(&dir, &known);
        assert_eq!(
            staging.previous("index.html"),
            None,
            "not reading the output"
        );
        let staging = staging.reading(out.path());
        assert_eq!(staging.previous("index.html"), Some(b"index.html".to_vec()));
        assert_eq!(staging.previous("mo-hinh/a/index.html"), None, "changed");
        assert_eq!(
            staging.previous("mo-hinh/b/index.json"),
            None,
            "not the last build's"
        );
        for climbing in [
            "../index.html",
            "/index.html",
            "mo-hinh/../index.html",
            "./index.html",
        ] {
            assert_eq!(staging.previous(climbing), None, "{climbing}");
        }
    }

    #[test]
    fn a_listing_names_every_file_by_its_slash_path_with_its_size() {
        let dir = tree();
        let mut files = listing(dir.path(), dir.path(), 0).expect("a plain tree");
        files.sort();
        let names: Vec<(&str, u64)> = files.iter().map(|f| (f.0.as_str(), f.1)).collect();
        assert_eq!(
            names,
            [
                ("index.html", 10),
                ("mo-hinh/a/index.html", 20),
                ("mo-hinh/b/index.json", 20)
            ]
        );
    }

    #[cfg(unix)]
    #[test]
    fn an_output_with_a_link_inside_is_not_listed() {
        let dir = tree();
        let link = dir.path().join("mo-hinh/a/secret");
        std::os::unix::fs::symlink("/etc/passwd", &link).expect("a link");
        assert!(listing(dir.path(), dir.path(), 0).is_none());
    }

    #[test]
    fn an_output_deeper_than_any_kheo_makes_is_not_listed() {
        let dir = tree();
        let mut deep = dir.path().to_path_buf();
        for _ in 0..=MAX_DEPTH + 1 {
            deep.push("d");
        }
        std::fs::create_dir_all(&deep).expect("deep folders");
        std::fs::write(deep.join("f"), "x").expect("written");
        assert!(listing(dir.path(), dir.path(), 0).is_none());
    }
}
