//! Writing a finished build into an output folder that cannot be swapped: a `public/`
//! that is a symbolic link (a web root kept elsewhere) or a mount point. The target's
//! contents are made to match the new build: what the build no longer has is removed,
//! what changed is written, what is the same is left alone. Links inside the target
//! are removed, never followed.

use std::path::Path;

use crate::error::{Error, Result};

/// Makes the folder `to` hold exactly what `from` holds.
pub(crate) fn mirror(from: &Path, to: &Path) -> Result<()> {
    remove_extra(from, to)?;
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .map_err(|e| Error::io(from, e))?
        .collect::<std::io::Result<_>>()
        .map_err(|e| Error::io(from, e))?;
    entries.sort_by_key(std::fs::DirEntry::file_name);
    for entry in entries {
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        let kind = entry.file_type().map_err(|e| Error::io(&src, e))?;
        if kind.is_dir() {
            if !dst.is_dir() {
                std::fs::create_dir(&dst).map_err(|e| Error::io(&dst, e))?;
            }
            mirror(&src, &dst)?;
        } else if !same_bytes(&src, &dst) {
            std::fs::copy(&src, &dst).map_err(|e| Error::io(&dst, e))?;
        }
    }
    Ok(())
}

/// Removes what is in `to` but not in `from`, or is there as another kind of thing
/// (a file where a folder goes, a link anywhere).
fn remove_extra(from: &Path, to: &Path) -> Result<()> {
    for entry in std::fs::read_dir(to).map_err(|e| Error::io(to, e))? {
        let entry = entry.map_err(|e| Error::io(to, e))?;
        let path = entry.path();
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        let wanted = std::fs::symlink_metadata(from.join(entry.file_name())).ok();
        let keep = !kind.is_symlink()
            && wanted.is_some_and(|w| w.is_dir() == kind.is_dir() && !w.is_symlink());
        if keep {
            continue;
        }
        let removed = if kind.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        removed.map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// True if `dst` is a file with the same bytes as `src`.
fn same_bytes(src: &Path, dst: &Path) -> bool {
    let same_size = match (std::fs::metadata(src), std::fs::symlink_metadata(dst)) {
        (Ok(a), Ok(b)) => b.is_file() && a.len() == b.len(),
        _ => false,
    };
    same_size
        && matches!(
            (std::fs::read(src), std::fs::read(dst)),
            (Ok(a), Ok(b)) if a == b
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirror_makes_the_target_match() {
        let dir = tempfile::tempdir().unwrap();
        let (from, to) = (dir.path().join("from"), dir.path().join("to"));
        std::fs::create_dir_all(from.join("a/b")).unwrap();
        std::fs::write(from.join("a/b/page.html"), "new").unwrap();
        std::fs::write(from.join("same.txt"), "same").unwrap();
        std::fs::write(from.join("x"), "now a file").unwrap();
        std::fs::create_dir_all(to.join("gone/deep")).unwrap();
        std::fs::create_dir_all(to.join("x")).unwrap();
        std::fs::create_dir_all(to.join("a/b")).unwrap();
        std::fs::write(to.join("a/b/page.html"), "old").unwrap();
        std::fs::write(to.join("a/stale.html"), "old").unwrap();
        std::fs::write(to.join("same.txt"), "same").unwrap();
        mirror(&from, &to).unwrap();
        let list = |p: &Path| {
            let mut v: Vec<String> = walk(p);
            v.sort();
            v
        };
        assert_eq!(list(&to), list(&from));
        assert_eq!(
            std::fs::read_to_string(to.join("a/b/page.html")).unwrap(),
            "new"
        );
        assert_eq!(std::fs::read_to_string(to.join("x")).unwrap(), "now a file");
    }

    fn walk(root: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in std::fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                out.push(p.strip_prefix(root).unwrap().display().to_string());
                if p.is_dir() {
                    stack.push(p);
                }
            }
        }
        out
    }
}
