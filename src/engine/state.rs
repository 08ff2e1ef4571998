//! What the last build left, kept in `.kheo-cache/build-state` for the next one: every
//! job's fingerprint and files, and every output file's stamp, under a key made of
//! kheo's own identity and every setting, template and theme file. A state that is
//! missing, truncated or damaged is ignored (the build starts from nothing); one made
//! under another key only says which output files need not be written again. Deleting
//! it is always safe.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use super::{Fingerprints, JobOutput};
use crate::load::Loaded;
use crate::output::{Blob, Stamp, Stamps, content_hash, file_identity};

/// First line of the file: its format.
const HEADER: &str = "kheo build state 1";
/// File name inside `.kheo-cache/`.
const FILE: &str = "build-state";

/// The state of one build.
#[derive(Debug, Default)]
pub struct State {
    /// What the state is valid for (`key`).
    pub key: u64,
    /// Job key → fingerprint and the files the job wrote.
    pub jobs: HashMap<String, (u64, Vec<String>)>,
    /// Every output file, with its stamp.
    pub files: Stamps,
    /// The related stories of every story, under `engine::related_inputs`.
    pub related: Option<(u64, Vec<Vec<usize>>)>,
    /// When the build had no problem to report: the digest of every input it read
    /// (`inputs`) and the number of models it published. A build whose inputs have the
    /// same digest, into the output this build left, has nothing to do.
    pub inputs: Option<(u64, usize)>,
    /// The search index's memo (`search::Memo`), for the next build to patch the index.
    pub search: Option<crate::search::Memo>,
}

impl State {
    /// The fingerprints of the jobs, for `engine::render`.
    pub fn fingerprints(&self) -> Fingerprints {
        self.jobs
            .iter()
            .map(|(k, (f, _))| (k.clone(), *f))
            .collect()
    }

    /// The files of the jobs that did not run this time, kept as they are.
    pub fn kept(&self, outputs: &[JobOutput]) -> Vec<String> {
        outputs
            .iter()
            .filter(|o| o.paths.is_none())
            .filter_map(|o| self.jobs.get(&o.key))
            .flat_map(|(_, paths)| paths.iter().cloned())
            .collect()
    }

    /// The state after a build: this state's jobs where they did not run (moved, not
    /// copied: tens of thousands of paths), the new ones where they did; jobs that are
    /// gone are dropped.
    pub fn next(
        mut self,
        key: u64,
        outputs: Vec<JobOutput>,
        files: Stamps,
        related: (u64, Vec<Vec<usize>>),
    ) -> State {
        let jobs = outputs
            .into_iter()
            .filter_map(|o| match o.paths {
                Some(paths) => Some((o.key, (o.fingerprint, paths))),
                None => self.jobs.remove(&o.key).map(|job| (o.key, job)),
            })
            .collect();
        State {
            key,
            jobs,
            files,
            related: Some(related),
            inputs: None,
            search: None,
        }
    }

    /// The number of models published, if the build that left this state read exactly
    /// the inputs of digest `inputs` and had no problem to report.
    pub fn unchanged(&self, inputs: u64) -> Option<usize> {
        self.inputs
            .filter(|(digest, _)| *digest == inputs)
            .map(|(_, models)| models)
    }

    /// The related stories kept for `inputs`, if they were kept for the same.
    pub fn related(&self, inputs: u64, stories: usize) -> Option<&[Vec<usize>]> {
        match &self.related {
            Some((k, lists)) if *k == inputs && lists.len() == stories => Some(lists),
            _ => None,
        }
    }
}

/// Where the state of the site at `root` lives, or `None` when `.kheo-cache` is a link
/// or not a folder (a cache is never read or written through a link).
pub fn path(root: &Path) -> Option<PathBuf> {
    crate::load::cache_entry(root, FILE, false)
}

/// The key a state is valid for: this kheo (its version and its own executable, so a
/// rebuilt kheo never trusts an older one's output), the settings, the options that
/// change the output, the templates, the theme's strings and every static file (by
/// content).
pub fn key(loaded: &Loaded, options: &[String]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    env!("CARGO_PKG_VERSION").hash(&mut h);
    if let Ok(exe) = std::env::current_exe() {
        file_identity(&exe).hash(&mut h);
    }
    options.hash(&mut h);
    loaded.config_text.hash(&mut h);
    loaded.theme.strings.hash(&mut h);
    for (name, t) in &loaded.theme.templates {
        (name, &t.text).hash(&mut h);
    }
    for (name, blob) in &loaded.theme.statics {
        name.hash(&mut h);
        match blob {
            Blob::Embedded(bytes) => content_hash(bytes).hash(&mut h),
            // By content, not by time: a fresh checkout (CI) gives every file a new time.
            Blob::Disk(p) => std::fs::read(p).ok().map(|b| content_hash(&b)).hash(&mut h),
        }
    }
    // Image sizes decide `srcset`s and the copies made of photos.
    let mut sizes: Vec<_> = loaded.image_sizes.iter().collect();
    sizes.sort_unstable();
    sizes.hash(&mut h);
    h.finish()
}

/// The digest of everything a build reads: the state's `key`, the latest year allowed
/// (validation reads the clock), every article source by content and every other file
/// under `content/` by size and time.
pub fn inputs(loaded: &Loaded, key: u64, max_year: i32) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    (key, max_year).hash(&mut h);
    for s in &loaded.content.sources {
        (&s.path.0, s.hash).hash(&mut h);
    }
    for (name, path) in &loaded.content.files {
        (name, file_identity(path)).hash(&mut h);
    }
    h.finish()
}

/// Reads the state at `file` if it is whole. Made under another `key`, it keeps only the
/// stamps of the output's files: every job runs, but unchanged files are not written.
pub fn read(file: &Path, key: u64) -> Option<State> {
    let text = std::fs::read_to_string(file).ok()?;
    let (body, sum) = text.rsplit_once("end ")?;
    if u64::from_str_radix(sum.trim_end(), 16).ok()? != content_hash(body.as_bytes()) {
        return None;
    }
    let mut lines = body.lines();
    if lines.next()? != HEADER {
        return None;
    }
    let found = u64::from_str_radix(lines.next()?.strip_prefix("key ")?, 16).ok()?;
    let mut state = State {
        key,
        ..State::default()
    };
    let mut job: Option<&mut (u64, Vec<String>)> = None;
    for line in lines {
        let (kind, rest) = line.split_once(' ').unwrap_or((line, ""));
        match kind {
            // Under another key every job runs again; the stamps still say which
            // files need not be written.
            "J" | "P" | "I" | "S" | "s" if found != key => {}
            "J" => {
                let (print, name) = rest.split_once(' ')?;
                let print = u64::from_str_radix(print, 16).ok()?;
                job = Some(
                    state
                        .jobs
                        .entry(unescape(name))
                        .or_insert((print, Vec::new())),
                );
            }
            "P" => job.as_mut()?.1.push(unescape(rest)),
            "F" => {
                let mut parts = rest.splitn(4, ' ');
                let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
                let len = parts.next()?.parse().ok()?;
                let mtime = parts.next()?.parse().ok()?;
                let stamp = Stamp { hash, len, mtime };
                state.files.insert(unescape(parts.next()?), stamp);
            }
            "I" => {
                let (digest, models) = rest.split_once(' ')?;
                let digest = u64::from_str_radix(digest, 16).ok()?;
                state.inputs = Some((digest, models.parse().ok()?));
            }
            "S" => {
                let steps = rest.split(' ').map(|n| n.parse().ok());
                let steps = steps.collect::<Option<Vec<i32>>>()?;
                state.search = Some(crate::search::Memo {
                    steps,
                    keys: Vec::new(),
                });
            }
            "s" => {
                let keys = rest.split(' ').map(|k| u64::from_str_radix(k, 16).ok());
                let memo = state.search.as_mut()?;
                memo.keys.extend(keys.collect::<Option<Vec<u64>>>()?);
            }
            "R" => state.related = Some((u64::from_str_radix(rest, 16).ok()?, Vec::new())),
            "r" => {
                let list = rest
                    .split_whitespace()
                    .map(|i| i.parse().ok())
                    .collect::<Option<Vec<usize>>>()?;
                state.related.as_mut()?.1.push(list);
            }
            _ => return None,
        }
    }
    Some(state)
}

/// Writes `state` to `file` (through a temporary file, so a reader never sees half of
/// it). Failing to is not an error of the build: the next one starts from nothing.
pub fn write(file: &Path, state: &State) -> std::io::Result<()> {
    use rayon::slice::ParallelSliceMut;
    let mut out = String::with_capacity(64 * (state.jobs.len() + 2 * state.files.len()));
    let _ = writeln!(out, "{HEADER}\nkey {:x}", state.key);
    // Sorted, so the same state makes the same file.
    let mut jobs: Vec<_> = state.jobs.iter().collect();
    jobs.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (name, (print, paths)) in jobs {
        let _ = writeln!(out, "J {print:x} {}", escape(name));
        for p in paths {
            let _ = writeln!(out, "P {}", escape(p));
        }
    }
    let mut files: Vec<_> = state.files.iter().collect();
    files.par_sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (path, s) in files {
        let _ = writeln!(out, "F {:x} {} {} {}", s.hash, s.len, s.mtime, escape(path));
    }
    if let Some((digest, models)) = state.inputs {
        let _ = writeln!(out, "I {digest:x} {models}");
    }
    if let Some(memo) = &state.search {
        let steps: Vec<String> = memo.steps.iter().map(i32::to_string).collect();
        let _ = writeln!(out, "S {}", steps.join(" "));
        for keys in memo.keys.chunks(64) {
            out.push('s');
            for k in keys {
                let _ = write!(out, " {k:x}");
            }
            out.push('\n');
        }
    }
    if let Some((inputs, lists)) = &state.related {
        let _ = writeln!(out, "R {inputs:x}");
        for list in lists {
            out.push('r');
            for i in list {
                let _ = write!(out, " {i}");
            }
            out.push('\n');
        }
    }
    let sum = content_hash(out.as_bytes());
    let _ = writeln!(out, "end {sum:x}");
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = file.with_extension(format!("tmp-{}", std::process::id()));
    // A new file, never through whatever was left at that name (a link planted in the
    // cache would otherwise be followed).
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    std::io::Write::write_all(&mut f, out.as_bytes())?;
    std::fs::rename(&tmp, file)
}

/// Removes the state (a build without the cache must not leave one that is stale).
pub fn forget(file: &Path) {
    let _ = std::fs::remove_file(file);
}

/// Names and paths on one line: `%`, line breaks escaped.
fn escape(s: &str) -> String {
    // Nearly every path has none of them: one copy instead of three.
    if !s.contains(['%', '\n', '\r']) {
        return s.to_owned();
    }
    s.replace('%', "%25")
        .replace('\n', "%0A")
        .replace('\r', "%0D")
}

fn unescape(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%25", "%")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_line_breaks_and_percent_signs_read_back_as_written() {
        for name in [
            "mo-hinh/a/index.html",
            "a%0Ab",
            "%",
            "x\ny\r%25",
            "%250A",
            "hòa%",
        ] {
            let escaped = escape(name);
            assert!(!escaped.contains(['\n', '\r']), "{escaped:?}");
            assert_eq!(unescape(&escaped), name);
        }
    }

    fn sample() -> State {
        let mut s = State {
            key: 7,
            ..State::default()
        };
        s.jobs.insert(
            "list:/tinh/x/:2".into(),
            (0xabc, vec!["a b/index.html".into()]),
        );
        s.jobs
            .insert("odd%\nname".into(), (1, vec!["x%0A\ny".into()]));
        let stamp = Stamp {
            hash: 3,
            len: 10,
            mtime: 1_700_000_000_123_456_789,
        };
        s.files.insert("a b/index.html".into(), stamp);
        s.related = Some((9, vec![vec![1, 2], vec![], vec![0]]));
        s.inputs = Some((0xfeed, 12));
        s.search = Some(crate::search::Memo {
            steps: vec![6, -1, 0, 64, 5, 5, 5, 150],
            keys: (0..150u64)
                .map(|k| k.wrapping_mul(0x9e37_79b9_7f4a_7c15))
                .collect(),
        });
        s
    }

    #[test]
    fn state_reads_back_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("build-state");
        write(&file, &sample()).unwrap();
        let back = read(&file, 7).unwrap();
        assert_eq!(back.jobs, sample().jobs);
        assert_eq!(back.files, sample().files);
        assert_eq!(back.related, sample().related);
        assert_eq!(back.search, sample().search);
        assert_eq!(back.unchanged(0xfeed), Some(12));
        assert_eq!(back.unchanged(0xbeef), None);
    }

    #[test]
    fn state_is_ignored_when_damaged_truncated_or_of_another_key() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("build-state");
        write(&file, &sample()).unwrap();
        let other = read(&file, 8).unwrap();
        assert!(other.jobs.is_empty(), "another key: no job is trusted");
        assert_eq!(
            other.inputs, None,
            "another key: the inputs are not trusted"
        );
        assert_eq!(
            other.search, None,
            "another key: the search memo is not trusted"
        );
        assert_eq!(other.files, sample().files, "the stamps are kept");
        let text = std::fs::read_to_string(&file).unwrap();
        std::fs::write(&file, &text[..text.len() / 2]).unwrap();
        assert!(read(&file, 7).is_none(), "truncated");
        std::fs::write(&file, text.replacen("F 3", "F 4", 1)).unwrap();
        assert!(read(&file, 7).is_none(), "changed");
        std::fs::write(&file, "").unwrap();
        assert!(read(&file, 7).is_none(), "empty");
        // The search memo's keys before its steps: not a state this kheo wrote.
        let body = format!("{HEADER}\nkey 7\ns 1 2\nS 0 0 0 0 0 0 0 0\n");
        let sum = content_hash(body.as_bytes());
        std::fs::write(&file, format!("{body}end {sum:x}\n")).unwrap();
        assert!(read(&file, 7).is_none(), "keys before steps");
        let body = format!("{HEADER}\nkey 7\nS 0 0 0 0 0 0 0 0\ns 1 2\n");
        let sum = content_hash(body.as_bytes());
        std::fs::write(&file, format!("{body}end {sum:x}\n")).unwrap();
        let memo = read(&file, 7)
            .expect("a whole state")
            .search
            .expect("a memo");
        assert_eq!(memo.keys, [1, 2]);
    }
}
