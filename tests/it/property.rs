//! A bounded, deterministic mutation test: a valid article of the `minimal` fixture is
//! mutated (byte flips, hostile characters and runs, deletions) in its front matter and
//! body, many cases to one site, and the real `kheo check` and `kheo build` run on it.
//! Every run must exit 0, 1 or 2 without a panic, check and build must agree, and a
//! built page must carry no script from content. `KHEO_PROPERTY_CASES` (default 40) and
//! `KHEO_PROPERTY_SEED` run more or other cases; a failure prints the minimal article.

use std::path::Path;
use std::process::Output;

use super::support::{fixture, kheo, stderr, write};

/// The article every case starts from.
const BASE: &str = "content/an-giang/2024/nong-dan-lien-ket-trong-lua-sach.md";
/// Cases written into one site and checked and built together.
const BATCH: usize = 25;

/// Text an editor (or an attacker) might type, and bytes no editor should save.
const HOSTILE: &[&[u8]] = &[
    b":",
    b"-",
    b"\"",
    b"'",
    b"#",
    b"|",
    b">",
    b"[",
    b"]",
    b"{",
    b"}",
    b"\t",
    b"\n",
    b"\r",
    b"\xc2\xa0",     // no-break space
    b"\xe3\x80\x80", // ideographic space U+3000
    b"\xcc\x81",     // combining acute
    b"\xcc\xa3",     // combining dot below
    b"\xef\xbb\xbf", // byte order mark
    b"\xe2\x80\xae", // right-to-left override
    b"---",
    b"\n---\n",
    b"<script>alert(1)</script>",
    b"\"><script>alert(1)</script>",
    b"</script><script>alert(1)</script>",
    b"javascript:alert(1)",
    b"[x](javascript:alert(1))",
    b"<img src=x onerror=alert(1)>",
    b"{{ site }}",
    b"{% raw %}",
    b"&amp;",
    b"&#0;",
    b"*",
    b"`",
    b"```",
    b"![a](",
    b"](../../../../etc/passwd)",
    b"\\",
    b"\0",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80", // a UTF-16 surrogate, invalid in UTF-8
    b"\xf4\x90\x80\x80",
    b"title: ",
    b"year: 99999999999999999999",
    b"date: 2024-02-30",
    b"tags: [",
    b"&a [*a, *a, *a]",
];

/// A tiny xorshift generator: the same seed gives the same cases on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// One edit of the front matter (`front`) or the body; `at` is taken modulo the length.
#[derive(Debug, Clone)]
enum Mutation {
    Flip {
        front: bool,
        at: u64,
        bit: u8,
    },
    Insert {
        front: bool,
        at: u64,
        token: usize,
        times: usize,
    },
    Delete {
        front: bool,
        at: u64,
        len: usize,
    },
}

impl Mutation {
    fn random(rng: &mut Rng) -> Mutation {
        let front = rng.below(2) == 0;
        let at = rng.next();
        match rng.below(10) {
            0 | 1 => Mutation::Flip {
                front,
                at,
                bit: 1 << rng.below(8),
            },
            2 | 3 => Mutation::Delete {
                front,
                at,
                len: 1 + rng.below(12),
            },
            4 => {
                // A very long run: a line of thousands of the same token.
                let times = 500 + rng.below(4000);
                let token = rng.below(HOSTILE.len());
                Mutation::Insert {
                    front,
                    at,
                    token,
                    times,
                }
            }
            _ => Mutation::Insert {
                front,
                at,
                token: rng.below(HOSTILE.len()),
                times: 1,
            },
        }
    }

    fn apply(&self, front: &mut Vec<u8>, body: &mut Vec<u8>) {
        let (text, at) = match *self {
            Mutation::Flip { front: f, at, .. }
            | Mutation::Insert { front: f, at, .. }
            | Mutation::Delete { front: f, at, .. } => {
                (if f { &mut *front } else { &mut *body }, at)
            }
        };
        let i = (at % (text.len() as u64 + 1)) as usize;
        match *self {
            Mutation::Flip { bit, .. } => {
                if let Some(b) = text.get_mut(i) {
                    *b ^= bit;
                }
            }
            Mutation::Insert { token, times, .. } => {
                let run = HOSTILE[token].repeat(times);
                text.splice(i..i, run);
            }
            Mutation::Delete { len, .. } => {
                let end = (i + len).min(text.len());
                text.drain(i..end);
            }
        }
    }
}

/// A mutated article: its number (unique title and file) and its edits.
#[derive(Debug, Clone)]
struct Case {
    id: usize,
    edits: Vec<Mutation>,
}

impl Case {
    /// The article's bytes: the base with a numbered title, then the edits in order.
    fn text(&self, base: &str) -> Vec<u8> {
        let rest = base.strip_prefix("---\n").expect("front matter");
        let (front, body) = rest.split_once("\n---\n").expect("closing fence");
        let front = front.replacen("title: ", &format!("title: Ca {} ", self.id), 1);
        let (mut front, mut body) = (front.into_bytes(), body.as_bytes().to_vec());
        for e in &self.edits {
            e.apply(&mut front, &mut body);
        }
        [b"---\n".as_slice(), &front, b"\n---\n", &body].concat()
    }

    fn file(&self) -> String {
        format!("content/an-giang/2024/thu-{:05}.md", self.id)
    }
}

/// `KHEO_PROPERTY_CASES` cases from `KHEO_PROPERTY_SEED`.
fn cases(default: usize) -> Vec<Case> {
    let env = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
    let count = env("KHEO_PROPERTY_CASES").map_or(default, |n| n as usize);
    let mut rng = Rng(env("KHEO_PROPERTY_SEED").unwrap_or(0x9e37_79b9_7f4a_7c15) | 1);
    (0..count)
        .map(|id| {
            let n = 1 + rng.below(4);
            let edits = (0..n).map(|_| Mutation::random(&mut rng)).collect();
            Case { id, edits }
        })
        .collect()
}

/// Runs check and build on the minimal site plus `articles`, then again without the
/// articles check found errors in, until a build succeeds and its pages are checked.
/// Returns how many mutated articles made it into a checked build; `Err` says what broke.
fn run(articles: &[(String, Vec<u8>)]) -> Result<usize, String> {
    let mut live = articles.to_vec();
    for _ in 0..4 {
        let (check, build, out) = check_and_build(&live)?;
        if code(&build) == 0 {
            no_script_from_content(&out.path().join("public"))?;
            return Ok(live.len());
        }
        let bad = error_paths(&stderr(&check));
        let before = live.len();
        live.retain(|(rel, _)| !bad.contains(rel));
        if live.len() == before {
            return Ok(0);
        }
    }
    Ok(0)
}

/// One `kheo check` and one `kheo build --out` (into the returned folder's `public`):
/// neither panics nor exits other than 0, 1 or 2, and they agree.
fn check_and_build(
    articles: &[(String, Vec<u8>)],
) -> Result<(Output, Output, tempfile::TempDir), String> {
    let site = fixture("minimal");
    for (rel, bytes) in articles {
        write(site.path(), rel, bytes);
    }
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = out_dir.path().join("public");
    let check = kheo(site.path(), &["check"]);
    let out_arg = out.to_str().expect("UTF-8 temp path");
    let build = kheo(site.path(), &["build", "--out", out_arg]);
    for (what, o) in [("check", &check), ("build", &build)] {
        let err = stderr(o);
        if err.contains("panicked") || !matches!(o.status.code(), Some(0..=2)) {
            let status = o.status.code();
            return Err(format!("{what} exited {status:?}:\n{}", clip(&err)));
        }
    }
    let (c, b) = (code(&check), code(&build));
    if (c == 0 && b != 0) || (b == 1 && c != 1) {
        let (ce, be) = (clip(&stderr(&check)), clip(&stderr(&build)));
        return Err(format!(
            "check exited {c}, build {b}\n--- check\n{ce}\n--- build\n{be}"
        ));
    }
    Ok((check, build, out_dir))
}

/// The files named by error diagnostics (`error[E...]` then ` --> path:line:col`).
fn error_paths(text: &str) -> Vec<String> {
    let mut paths = Vec::new();
    let mut in_error = false;
    for line in text.lines() {
        if line.starts_with("error") {
            in_error = true;
        } else if let Some(at) = line.trim_start().strip_prefix("--> ") {
            if in_error {
                let path = at.rsplitn(3, ':').last().unwrap_or(at);
                paths.push(path.to_owned());
            }
            in_error = false;
        }
    }
    paths
}

/// At most 1,500 characters of `text` (stderr can quote a 9 kB title in a path).
fn clip(text: &str) -> String {
    let mut out: String = text.chars().take(1500).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Every HTML page below `out`: no `<script>` element runs content's `alert(`, and
/// JSON-LD holds no `<` (it would end its element early).
fn no_script_from_content(out: &Path) -> Result<(), String> {
    for rel in super::support::files(out)
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = std::fs::read_to_string(out.join(rel)).map_err(|e| format!("{rel}: {e}"))?;
        let lower = html.to_ascii_lowercase();
        for (i, _) in lower.match_indices("<script") {
            let tag_end = lower[i..].find('>').map_or(lower.len(), |e| i + e + 1);
            let end = lower[tag_end..]
                .find("</script")
                .map_or(lower.len(), |e| tag_end + e);
            let (tag, inside) = (&lower[i..tag_end], &lower[tag_end..end]);
            let json = tag.contains("application/ld+json");
            if (!json && inside.contains("alert(")) || (json && inside.contains('<')) {
                let at = &html[i..end.min(i + 300)];
                return Err(format!("{rel}: a script from content: {at:?}"));
            }
        }
    }
    Ok(())
}

/// The smallest failing form of a failing batch: the first case failing alone, with
/// every edit it can lose while still failing removed.
fn minimal_failure(base: &str, batch: &[Case], why: &str) -> String {
    for case in batch {
        let one = |c: &Case| run(&[(c.file(), c.text(base))]).map(drop);
        let Err(mut reason) = one(case) else { continue };
        let mut case = case.clone();
        let mut i = 0;
        while i < case.edits.len() {
            let mut fewer = case.clone();
            fewer.edits.remove(i);
            match one(&fewer) {
                Err(r) => (case, reason) = (fewer, r),
                Ok(()) => i += 1,
            }
        }
        let text = String::from_utf8_lossy(&case.text(base)).into_owned();
        let shown: String = text.chars().take(3000).collect();
        return format!(
            "case {} fails alone: {reason}\nedits: {:?}\n--- article ({} bytes, first 3000 chars)\n{shown:?}",
            case.id,
            case.edits,
            text.len()
        );
    }
    let ids: Vec<usize> = batch.iter().map(|c| c.id).collect();
    format!("cases {ids:?} fail only together: {why}")
}

#[test]
fn mutated_articles_never_crash_check_or_build_and_both_agree() {
    let base = std::fs::read_to_string(super::support::fixture_path("minimal").join(BASE))
        .expect("base article");
    let (mut built, mut failures) = (0, Vec::new());
    for batch in cases(40).chunks(BATCH) {
        let articles: Vec<(String, Vec<u8>)> =
            batch.iter().map(|c| (c.file(), c.text(&base))).collect();
        match run(&articles) {
            Ok(n) => built += n,
            // Shrinking costs runs: the first few failures only, then go on looking.
            Err(why) if failures.len() < 5 => failures.push(minimal_failure(&base, batch, &why)),
            Err(why) => failures.push(format!("cases from {}: {}", batch[0].id, clip(&why))),
        }
    }
    let n = failures.len();
    assert!(
        failures.is_empty(),
        "{n} failing batches:\n\n{}",
        failures.join("\n\n")
    );
    // Otherwise the pages were never looked at.
    assert!(built > 0, "no mutated article ever built");
    eprintln!("property: {built} mutated articles built and checked");
}

/// Every `href` of the HTML pages below `out`, as a browser reads it: entities decoded,
/// tabs and newlines removed, leading spaces and controls trimmed, lower case.
fn hrefs(out: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for rel in super::support::files(out)
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        let html = std::fs::read_to_string(out.join(rel)).unwrap_or_default();
        for (i, _) in html.match_indices("href=") {
            let rest = &html[i + 5..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>']).next().unwrap_or(""),
            };
            found.push((rel.clone(), browser_url(value)));
        }
    }
    found
}

fn browser_url(attr: &str) -> String {
    let mut s = attr.to_owned();
    for (entity, c) in [("&colon;", ":"), ("&tab;", "\t"), ("&newline;", "\n")] {
        s = s.replace(entity, c);
    }
    let mut out = String::new();
    let mut rest = s.as_str();
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let tail = &rest[i + 2..];
        let (radix, digits) = match tail.strip_prefix(['x', 'X']) {
            Some(h) => (16, h),
            None => (10, tail),
        };
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        match u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32)
        {
            Some(c) => {
                out.push(c);
                let after = &digits[len..];
                rest = after.strip_prefix(';').unwrap_or(after);
            }
            None => {
                out.push_str("&#");
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out.replace("&amp;", "&")
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .trim_start_matches(|c: char| c <= ' ')
        .to_ascii_lowercase()
}

#[test]
fn content_links_never_become_javascript_urls() {
    let links = [
        "[x](javascript:alert(1))",
        "[x](JavaScript:alert(1))",
        "[x](  javascript:alert(1) )",
        "[x](<javascript:alert(1)>)",
        "[x](java&#x09;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](\u{0}javascript:alert(1))",
        "[x](%20javascript:alert(1))",
        "[x][r]\n\n[r]: javascript:alert(1)",
        "<javascript:alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "[![x](/favicon.svg)](javascript:alert(1))",
    ];
    let base = std::fs::read_to_string(super::support::fixture_path("minimal").join(BASE))
        .expect("base article");
    let site = fixture("minimal");
    for (i, link) in links.iter().enumerate() {
        let text = base
            .replacen("title: ", &format!("title: Liên kết {i} "), 1)
            .replace("**liên kết**", link);
        write(
            site.path(),
            &format!("content/an-giang/2024/lien-ket-{i}.md"),
            text,
        );
    }
    let out_dir = tempfile::tempdir().expect("temp dir");
    let out = out_dir.path().join("public");
    let build = kheo(
        site.path(),
        &["build", "--out", out.to_str().expect("UTF-8")],
    );
    let err = stderr(&build);
    assert!(!err.contains("panicked"), "build panicked:\n{err}");
    // Refusing such links (exit 1 with a diagnostic) is as good as rendering them inert.
    assert!(
        matches!(code(&build), 0 | 1),
        "build exited {:?}:\n{err}",
        build.status.code()
    );
    if code(&build) == 0 {
        let all = hrefs(&out);
        assert!(all.len() > 100, "too few links found: {all:?}");
        let bad: Vec<_> = all
            .into_iter()
            .filter(|(_, url)| url.starts_with("javascript:") || url.starts_with("vbscript:"))
            .collect();
        assert!(bad.is_empty(), "javascript: links in the output: {bad:?}");
    } else {
        assert!(
            err.contains("javascript"),
            "refused, but not for the links:\n{err}"
        );
    }
}

/// Found by the mutation test: a title, slug or tag that makes a file name longer than
/// the file system allows passed `check` and failed `build` (exit 2, ENAMETOOLONG).
/// Either answer is fine (shortened names, or an error from both), as long as they agree.
#[test]
fn check_and_build_agree_on_names_too_long_for_a_file() {
    let base = std::fs::read_to_string(super::support::fixture_path("minimal").join(BASE))
        .expect("base article");
    let long = "Dài ".repeat(100);
    let cases = [
        base.replacen("title: ", &format!("title: {long}"), 1),
        base.replacen(
            "title: ",
            &format!("slug: {}x\ntitle: Dài ", "dai-".repeat(100)),
            1,
        ),
        base.replacen("title: ", "title: Dài ", 1).replacen(
            "tags: [",
            &format!("tags: [{long}, "),
            1,
        ),
    ];
    for (i, text) in cases.iter().enumerate() {
        let articles = [(
            format!("content/an-giang/2024/dai-{i}.md"),
            text.clone().into_bytes(),
        )];
        if let Err(why) = check_and_build(&articles) {
            panic!("case {i} ({}):\n{why}", &text[..text.len().min(200)]);
        }
    }
}
