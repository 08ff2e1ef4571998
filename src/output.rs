//! Stage 6, the only stage that writes the disk: files go into a temporary sibling
//! folder (`.public.tmp-<pid>`) as they are rendered; only when the whole build
//! succeeded is it swapped in for the old output. A failed build removes its
//! temporary folder and leaves the previous output untouched.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::load::Blob;
use crate::render::Sink;

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

    fn target(&self, path: &str) -> Result<PathBuf> {
        // Paths come from slugs, validated aliases and theme file names; refuse anything
        // that could still climb out of the output folder.
        if path
            .split('/')
            .any(|s| s == ".." || s.is_empty() && !path.is_empty())
            || path.starts_with('/')
        {
            return Err(Error::Usage(format!(
                "refusing to write outside the output folder: {path}"
            )));
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

impl Sink for DirSink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        let p = self.target(path)?;
        let mut f = std::fs::File::create(&p).map_err(|e| Error::io(&p, e))?;
        f.write_all(&bytes).map_err(|e| Error::io(&p, e))
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

/// Runs `fill` on a fresh temporary folder beside `out`, then swaps it in for `out`.
/// On any error the temporary folder is removed and `out` is left as it was.
pub fn write_swap<T>(out: &Path, fill: impl FnOnce(&DirSink) -> Result<T>) -> Result<T> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.tmp-{pid}"));
    let old = parent.join(format!(".{name}.old-{pid}"));
    remove_if_exists(&tmp)?;
    std::fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
    let result = fill(&DirSink::new(tmp.clone()));
    let value = match result {
        Ok(v) => v,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(e);
        }
    };
    let had_old = out.exists();
    if had_old {
        remove_if_exists(&old)?;
        std::fs::rename(out, &old).map_err(|e| {
            let _ = std::fs::remove_dir_all(&tmp);
            Error::io(out, e)
        })?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        // Put the old output back so nothing is lost.
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(Error::io(out, e));
    }
    if had_old {
        remove_if_exists(&old)?;
    }
    Ok(value)
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

    #[test]
    fn failed_fill_keeps_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.txt"), "old").unwrap();
        let r: Result<()> = write_swap(&out, |s| {
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
    fn success_swaps_in() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        std::fs::create_dir(&out).unwrap();
        std::fs::write(out.join("old.txt"), "old").unwrap();
        write_swap(&out, |s| s.put("a/b.txt", b"new".to_vec())).unwrap();
        assert!(!out.join("old.txt").exists());
        assert_eq!(std::fs::read_to_string(out.join("a/b.txt")).unwrap(), "new");
    }

    #[test]
    fn refuses_paths_that_climb_out() {
        let dir = tempfile::tempdir().unwrap();
        let s = DirSink::new(dir.path().to_path_buf());
        assert!(s.put("../x", vec![]).is_err());
        assert!(s.put("/etc/x", vec![]).is_err());
    }
}
