//! The shape of the code, as the README draws it: modules that import each other in one
//! direction (no cycles), and no function longer than a screenful and a half. Read from
//! the sources in `src/`, tests and comments left out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("src/ is readable") {
            let p = e.expect("src/ is readable").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The lines of a source file before its `#[cfg(test)]` module, comments removed.
fn code(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("a source is UTF-8");
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => l[..i].to_owned(),
            None => l.to_owned(),
        })
        .collect()
}

/// The top-level module a file under `src/` belongs to (`src/render/plan.rs` → `render`).
fn module(src: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(src).expect("under src/");
    let first = rel
        .components()
        .next()
        .expect("a file name")
        .as_os_str()
        .to_string_lossy();
    first.trim_end_matches(".rs").to_owned()
}

/// Which top-level modules each one names with `crate::`.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in sources(src) {
        let from = module(src, &file);
        if from == "main" || from == "lib" {
            continue;
        }
        for line in code(&file) {
            for (i, _) in line.match_indices("crate::") {
                let rest = &line[i + "crate::".len()..];
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name != from {
                    deps.entry(from.clone()).or_default().insert(name);
                }
            }
        }
    }
    deps
}

/// A cycle of imports, if there is one: the modules along it, the first repeated last.
fn cycle(deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // Depth-first search; `path` is the chain being explored.
    fn visit(
        m: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        done: &mut BTreeSet<String>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == m) {
            let mut c = path[at..].to_vec();
            c.push(m.to_owned());
            return Some(c);
        }
        if !done.insert(m.to_owned()) {
            return None;
        }
        path.push(m.to_owned());
        for next in deps.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, deps, done, path) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    deps.keys()
        .find_map(|m| visit(m, deps, &mut done, &mut Vec::new()))
}

#[test]
fn modules_import_each_other_without_cycles() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let deps = imports(&src);
    assert!(deps.contains_key("render") && deps["render"].contains("output"));
    if let Some(c) = cycle(&deps) {
        panic!("modules import each other in a circle: {}", c.join(" -> "));
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle() {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    deps.entry("a".into()).or_default().insert("b".into());
    deps.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&deps), None);
    deps.entry("c".into()).or_default().insert("b".into());
    assert_eq!(cycle(&deps).expect("a cycle"), ["b", "c", "b"]);
}

#[test]
fn no_function_runs_over_a_hundred_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    for file in sources(&src) {
        let lines = code(&file);
        for (i, line) in lines.iter().enumerate() {
            let t = line.trim_start();
            let indent = line.len() - t.len();
            let is_fn = [
                "fn ",
                "pub fn ",
                "pub(crate) fn ",
                "pub(super) fn ",
                "async fn ",
            ]
            .iter()
            .any(|p| t.starts_with(p));
            if !is_fn || t.trim_end().ends_with(';') {
                continue;
            }
            // The body ends at the first `}` back at the function's own indentation.
            let end = lines[i + 1..].iter().position(|l| {
                let u = l.trim_start();
                u.starts_with('}') && l.len() - u.len() == indent
            });
            if let Some(n) = end
                && n + 2 > 100
            {
                long.push(format!("{}:{} ({} lines)", file.display(), i + 1, n + 2));
            }
        }
    }
    assert!(long.is_empty(), "functions over 100 lines: {long:#?}");
}
